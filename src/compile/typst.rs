//! The typst binary: found on PATH or given, its version checked (0.15.x),
//! and that version remembered by the binary's identity so that an
//! up-to-date build need not start the 66 MB binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::{Result, anyhow, bail};

pub const INSTALL_HINT: &str = "install it with: cargo install --locked typst-cli --version 0.15.1 (takes 10–20 minutes), or pass --typst PATH / set DOSSIER_TYPST";

/// A checked typst binary.
#[derive(Debug, Clone)]
pub struct Typst {
    pub program: PathBuf,
    pub version: String,
    /// Path, size and modification time of the binary, to reuse its version next time.
    pub identity: String,
}

impl Typst {
    /// Find typst (`explicit`, else `typst` on PATH) and check it is 0.15.x.
    /// `known` is a version read earlier from the same binary (same path,
    /// size and modification time), which saves starting the 66 MB binary
    /// (~18 ms) on a build where everything is up to date.
    pub fn find(explicit: Option<&Path>, known: Option<(&str, &str)>) -> Result<Typst> {
        let program = explicit
            .map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from("typst"));
        let identity = binary_identity(&program);
        if let (Some((id, version)), Some(current)) = (known, identity.as_deref())
            && id == current
            && version_ok(version)
        {
            return Ok(Typst {
                program,
                version: version.to_string(),
                identity: current.to_string(),
            });
        }
        let out = Command::new(&program)
            .arg("--version")
            .stdin(Stdio::null())
            .output()
            .map_err(|e| match e.kind() {
                std::io::ErrorKind::PermissionDenied => anyhow!(
                    "{} is not executable; make it executable (chmod +x) or pass another --typst",
                    program.display()
                ),
                _ => anyhow!(
                    "cannot run typst ({}): {e}; {INSTALL_HINT}",
                    program.display()
                ),
            })?;
        let text = String::from_utf8_lossy(&out.stdout);
        let version = text.split_whitespace().nth(1).unwrap_or("").to_string();
        if !out.status.success() || !version_ok(&version) {
            bail!(
                "{} is {:?}, but dossier needs typst 0.15.x; {INSTALL_HINT}",
                program.display(),
                text.trim()
            );
        }
        Ok(Typst {
            program,
            version,
            identity: identity.unwrap_or_default(),
        })
    }
}

fn version_ok(version: &str) -> bool {
    let mut nums = version.split('.').map(|n| n.parse::<u32>().ok());
    matches!((nums.next(), nums.next()), (Some(Some(0)), Some(Some(15))))
}

/// `path|size|mtime` of the binary that `program` resolves to on PATH.
fn binary_identity(program: &Path) -> Option<String> {
    let resolved = if program.components().count() > 1 {
        program.to_path_buf()
    } else {
        std::env::split_paths(&std::env::var_os("PATH")?)
            .map(|d| d.join(program))
            .find(|p| p.is_file())?
    };
    let real = resolved.canonicalize().ok()?;
    let meta = std::fs::metadata(&real).ok()?;
    let mtime = meta
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_nanos();
    Some(format!("{}|{}|{}", real.display(), meta.len(), mtime))
}
