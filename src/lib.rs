//! dossier: one master profile + one tailoring file per job posting →
//! a tailored CV and motivation letter per posting, as PDF.
//!
//! The pipeline: [`load`] (YAML → typed [`model`]) → [`tailor`] (select,
//! order, override → one context) → [`render`] (minijinja → Typst source) →
//! [`compile`] (typst process, atomic write) → [`report`]. [`build`] runs the
//! stages for many postings, in parallel and incrementally (with
//! [`manifest`]); [`check`] examines what tailoring produced; [`cmd`] holds
//! one thin file per command.

#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod args;
pub mod build;
pub mod builtin;
pub mod check;
pub mod cmd;
pub mod compile;
pub mod diag;
pub mod draft;
pub mod europass;
pub mod export;
pub mod fsio;
pub mod glyphs;
pub mod html_tree;
pub mod import;
pub mod interrupt;
pub mod jinja;
pub mod layout;
pub mod load;
pub mod locale;
pub mod manifest;
pub mod model;
pub mod naming;
pub mod par;
pub mod posting;
pub mod render;
pub mod report;
pub mod requirement;
pub mod tailor;
pub mod track;
pub mod watch;
