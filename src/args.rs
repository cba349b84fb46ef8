//! Command-line arguments.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::report::MessageFormat;

#[derive(Debug, Parser)]
#[command(
    name = "dossier",
    version,
    about = "Tailored CVs and motivation letters from one YAML profile, compiled with Typst"
)]
pub struct Cli {
    /// Workspace directory (default: the current directory or the nearest ancestor with profiles/)
    #[arg(short = 'C', long = "dir", global = true, value_name = "DIR")]
    pub dir: Option<PathBuf>,

    /// The typst binary to use (typst-cli 0.15.x)
    #[arg(long, global = true, env = "DOSSIER_TYPST", value_name = "PATH")]
    pub typst: Option<PathBuf>,

    /// Print only errors
    #[arg(short, long, global = true)]
    pub quiet: bool,

    /// Also list documents that were already up to date
    #[arg(short, long, global = true)]
    pub verbose: bool,

    /// How to report: human-readable text on stderr, or one JSON object per line on stdout
    #[arg(long, global = true, value_enum, default_value = "human")]
    pub message_format: MessageFormat,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the CV and letter PDFs of every posting (or of the named ones)
    Build(BuildArgs),
    /// Validate profiles and tailoring files and show requirement coverage; compiles nothing
    Check(CheckArgs),
    /// Create a workspace with an example profile, postings, the classic layout and its fonts
    Init(InitArgs),
    /// Postings with status, stage, next step, deadline, days left and build state, soonest deadline first
    List(ListArgs),
    /// Record what happened after sending (a reply, an interview, an offer, …) in a posting's tailoring file
    Log(LogArgs),
    /// An iCalendar file of deadlines, interviews, tests and follow-ups
    Calendar(CalendarArgs),
    /// Draft a tailoring file from a job posting's own text (Markdown, text, HTML or PDF)
    New(NewArgs),
    /// Make a profile from another format
    Import(ImportArgs),
    /// Write a profile in another format (JSON Resume), whole or as a posting tailors it
    Export(ExportArgs),
    /// Build, then rebuild whenever a profile, tailoring file or layout changes
    Watch(WatchArgs),
    /// Print the JSON Schema of a profile or tailoring file, or write both into schemas/, for editor completion
    Schema(SchemaArgs),
    /// The layouts a posting may name: the workspace's and the built-in ones
    Layouts(LayoutsArgs),
    /// Print the shell completion script for bash, zsh, fish or PowerShell
    Completions(CompletionsArgs),
    /// The e-CF competence codes an item or a posting may name, with the roles of the standards that require each
    Competences(CompetencesArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Only {
    Cv,
    Letter,
}

/// Everything `build` takes; `watch` takes the same.
#[derive(Debug, Clone, clap::Args)]
pub struct BuildArgs {
    /// Postings to build, as `posting-id` or `candidate/posting-id` (default: all)
    pub postings: Vec<String>,
    /// Build only the CV or only the letter
    #[arg(long, value_enum)]
    pub only: Option<Only>,
    /// Number of typst processes at once (default: number of cores)
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,
    /// Rebuild every document, even those that are up to date
    #[arg(long)]
    pub force: bool,
    /// Output: PDF, or one PNG per page (144 dpi) for a quick look
    #[arg(long, value_enum, default_value = "pdf")]
    pub format: crate::compile::Format,
    /// Stop at the first failure instead of building everything else
    #[arg(long)]
    pub fail_fast: bool,
    /// Seconds one typst process may take before it is stopped
    #[arg(long, default_value_t = 120, value_name = "SECONDS")]
    pub timeout: u64,
    /// The PDF standard(s) typst enforces for every document, over each posting's `pdf_standard` (default a-2a,ua-1: accessible and archival), e.g. a-2b or a-3a,ua-1
    #[arg(long, value_name = "STANDARD", value_parser = crate::model::style::parse_pdf_standard)]
    pub pdf_standard: Option<String>,
    /// Exit with status 1 on any warning too (text no font can show, a page limit passed), for CI
    #[arg(long)]
    pub strict: bool,
    /// Rebuild a sent posting's documents and record them as a new sending (the earlier records stay)
    #[arg(long, value_name = "POSTING")]
    pub resend: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImportFormat {
    /// A JSON Resume document (jsonresume.org, schema v1)
    JsonResume,
    /// A Europass CV: its XML (current or the SkillsPassport of before 2020), or a Europass PDF that carries it
    Europass,
}

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The format of FILE
    #[arg(value_enum)]
    pub format: ImportFormat,
    /// The document to import
    pub file: PathBuf,
    /// Candidate id, the profile's file name (default: from the name in the document)
    #[arg(long, value_name = "ID")]
    pub candidate: Option<String>,
    /// Replace an existing profile of the same id
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// A JSON Resume document (jsonresume.org, schema 1.0.0)
    JsonResume,
    /// Europass XML (the current format, root `Candidate`), what a europass CV carries as attachment.xml
    Europass,
}

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The format to write
    #[arg(value_enum)]
    pub format: ExportFormat,
    /// The candidate, the name of the profile file (`mari` for profiles/mari.yaml), or `candidate/posting-id` for that posting's CV
    pub candidate: String,
    /// Language of the texts (default: the profile's fallback_language, else its first language); with --posting, the posting's
    #[arg(long, value_enum, value_name = "LANG")]
    pub lang: Option<crate::model::Lang>,
    /// Export as this posting tailors the CV (`posting-id` or `candidate/posting-id`): its selection, order, headline and summary
    #[arg(long, value_name = "POSTING")]
    pub posting: Option<String>,
    /// Write to FILE (whole or not at all) instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct NewArgs {
    /// The new posting, as `candidate/posting-id` (or `posting-id` when the workspace has one candidate)
    pub posting: String,
    /// The posting's text: a .md, .txt, .html or .pdf file, or `-` for standard input
    #[arg(long, value_name = "FILE")]
    pub from: String,
    /// Print the draft on stdout instead of writing it
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, clap::Args)]
pub struct WatchArgs {
    #[command(flatten)]
    pub build: BuildArgs,
    /// Look for changes every 0.1 s instead of waiting for file-system events (for file systems that send none: network shares, some container mounts)
    #[arg(long)]
    pub poll: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaKind {
    /// profiles/<candidate>.yaml
    Profile,
    /// profiles/<candidate>/<posting-id>.yaml
    Tailoring,
}

#[derive(Debug, clap::Args)]
pub struct SchemaArgs {
    /// Which file's schema to print on stdout
    #[arg(
        value_enum,
        required_unless_present = "write",
        conflicts_with = "write"
    )]
    pub kind: Option<SchemaKind>,
    /// Instead, write both schemas into the workspace's schemas/ folder (only what changed)
    #[arg(long)]
    pub write: bool,
}

#[derive(Debug, clap::Args)]
pub struct InitArgs {
    /// Directory of the new workspace (default: the current directory)
    pub dir: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Postings to check, as `posting-id` or `candidate/posting-id` (default: all)
    pub postings: Vec<String>,
    /// Exit with status 1 on any warning or requirement without evidence, not only on errors (for CI)
    #[arg(long)]
    pub strict: bool,
    /// Instead of postings: each candidate's coverage of every role of a professional standard (e.g. it-juht-7)
    #[arg(long, value_name = "STANDARD")]
    pub standard: Option<String>,
    /// Language of the competence names in a --standard self-assessment
    #[arg(long, value_enum, default_value = "et", value_name = "LANG")]
    pub lang: crate::model::Lang,
}

#[derive(Debug, clap::Args)]
pub struct CompetencesArgs {
    /// Language of the names (the other language's name follows where it differs)
    #[arg(long, value_enum, default_value = "et", value_name = "LANG")]
    pub lang: crate::model::Lang,
}

#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// The shell to complete in
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// `dossier layouts`: lists the layouts. Room for subcommands that act on
/// one (`layouts copy NAME`): an `Option` of a subcommand enum here, with
/// `None` meaning the list.
#[derive(Debug, clap::Args)]
pub struct LayoutsArgs {
    #[command(subcommand)]
    pub action: Option<LayoutsAction>,
}

#[derive(Debug, Subcommand)]
pub enum LayoutsAction {
    /// Copy a layout (built in, or the workspace's) into layouts/NEW to change it; nothing is overwritten
    Copy {
        /// The layout to copy
        name: String,
        /// The copy's name (default: the same name, which then hides the built-in layout)
        new: Option<String>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// A table (or, with --message-format json, one JSON object per posting)
    Human,
    /// A spreadsheet: comma-separated values with a header row
    Csv,
}

#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// The table, or CSV for a spreadsheet
    #[arg(long, value_enum, default_value = "human")]
    pub format: ListFormat,
}

#[derive(Debug, clap::Args)]
pub struct LogArgs {
    /// The posting, as `posting-id` or `candidate/posting-id`
    pub posting: String,
    /// What happened: reply, interview, test, offer, accepted, rejected, withdrawn or note
    pub kind: String,
    /// When: YYYY-MM-DD, or YYYY-MM-DDTHH:MM (Europe/Tallinn) (default: today)
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// A note on it
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// Whom it was with
    #[arg(long, value_name = "NAME")]
    pub with: Option<String>,
    /// Where: an address, a room, a link
    #[arg(long, value_name = "TEXT")]
    pub place: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct CalendarArgs {
    /// Write to FILE (whole or not at all) instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}
