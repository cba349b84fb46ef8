//! dossier: one master profile + one tailoring file per job posting →
//! a tailored CV and motivation letter per posting, as PDF.
//!
//! The pipeline: [`load`] (YAML → typed [`model`]) → [`tailor`] (select,
//! order, override → one context) → [`render`] (minijinja → Typst source) →
//! [`compile`] (typst process, atomic write) → [`report`]. [`batch`],
//! [`fingerprint`] and [`manifest`] make builds parallel and incremental;
//! [`cmd`] holds one thin file per command.

#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod args;
pub mod batch;
pub mod builtin;
pub mod check;
pub mod cmd;
pub mod compile;
pub mod diag;
pub mod fingerprint;
pub mod fsio;
pub mod glyphs;
pub mod import;
pub mod interrupt;
pub mod layout;
pub mod load;
pub mod locale;
pub mod manifest;
pub mod model;
pub mod naming;
pub mod par;
pub mod pipeline;
pub mod render;
pub mod report;
pub mod tailor;
