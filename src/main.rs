//! dossier: one master profile + one tailoring file per job posting →
//! a tailored CV and motivation letter per posting, as PDF.
//!
//! The pipeline: `load` (YAML → typed model) → `tailor` (select, order,
//! override → one context) → `render` (minijinja → Typst source) → `compile`
//! (typst process, atomic write) → `report`.

#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod args;
mod batch;
mod cmd;
mod compile;
mod diag;
mod fingerprint;
mod interrupt;
mod layout;
mod load;
mod locale;
mod manifest;
mod model;
mod naming;
mod par;
mod pipeline;
mod render;
mod report;
mod tailor;

use clap::Parser;

use args::{Cli, Command};

fn main() {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Build(a) => cmd::build::run(&cli, a),
        Command::Check(a) => cmd::check::run(&cli, a),
    };
    let code = match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            cmd::EXIT_USAGE
        }
    };
    std::process::exit(code);
}
