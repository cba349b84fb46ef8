//! `dossier completions SHELL`: the completion script for a shell, made by
//! clap_complete from the same definition the arguments are parsed with, so
//! it always knows every command and flag.

use anyhow::Result;
use clap::CommandFactory;

use crate::args::{Cli, CompletionsArgs};

pub fn run(args: &CompletionsArgs) -> Result<i32> {
    let mut command = Cli::command();
    clap_complete::generate(args.shell, &mut command, "dossier", &mut std::io::stdout());
    Ok(0)
}
