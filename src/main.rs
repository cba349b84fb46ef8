//! The `dossier` command; everything else is in the library.

#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use clap::Parser;

use dossier::args::{Cli, Command};
use dossier::cmd;

fn main() {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Build(a) => cmd::build::run(&cli, a),
        Command::Check(a) => cmd::check::run(&cli, a),
        Command::Init(a) => cmd::init::run(a),
        Command::List(a) => cmd::list::run(&cli, a),
        Command::Log(a) => cmd::log::run(&cli, a),
        Command::Calendar(a) => cmd::calendar::run(&cli, a),
        Command::New(a) => cmd::new::run(&cli, a),
        Command::Import(a) => cmd::import::run(&cli, a),
        Command::Export(a) => cmd::export::run(&cli, a),
        Command::Watch(a) => cmd::watch::run(&cli, a),
        Command::Schema(a) => cmd::schema::run(&cli, a),
        Command::Layouts(a) => cmd::layouts::run(&cli, a),
        Command::Completions(a) => cmd::completions::run(a),
        Command::Competences(a) => cmd::competences::run(&cli, a),
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
