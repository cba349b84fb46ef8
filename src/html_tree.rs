//! What the two readers of HTML (a posting's page, and HTML inside imported
//! text) share: the walk over the tree the parser builds.

use ego_tree::NodeRef;
use scraper::Node;

/// Where a walk is at a node.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Before the node's children.
    Enter,
    /// After them.
    Leave,
}

/// Visits `root` and everything below it in document order: each node with
/// [`Step::Enter`] before its children and with [`Step::Leave`] after them.
/// `visit` returning false on `Enter` skips the node's children and its
/// `Leave` (an element dropped with its content); on `Leave` it is ignored.
/// An explicit stack, not recursion: the parser builds as deep a tree as the
/// text nests, and no depth may overflow the call stack.
pub fn walk<'a>(root: NodeRef<'a, Node>, mut visit: impl FnMut(NodeRef<'a, Node>, Step) -> bool) {
    let mut stack = vec![(root, Step::Enter)];
    while let Some((node, step)) = stack.pop() {
        if step == Step::Leave {
            visit(node, Step::Leave);
        } else if visit(node, Step::Enter) {
            stack.push((node, Step::Leave));
            stack.extend(node.children().rev().map(|c| (c, Step::Enter)));
        }
    }
}
