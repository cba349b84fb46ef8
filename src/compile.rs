//! Stage 4 — compile: run the `typst` CLI on a rendered source and put the PDF
//! in place atomically (temp file + rename), so a failed or interrupted build
//! never leaves a broken PDF and never deletes the last good one.

use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use wait_timeout::ChildExt;

use anyhow::{Context as _, Result, anyhow, bail};

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

/// One compile: all paths relative to the workspace root, which is the
/// working directory of the child.
#[derive(Debug, Clone)]
pub struct Job {
    pub source: PathBuf,
    /// The output: a PDF, or for PNG a page pattern `<stem>-{p}.png`.
    pub pdf: PathBuf,
    pub font_dir: PathBuf,
    pub timestamp: i64,
    pub format: Format,
}

/// What typst writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Pdf,
    /// One PNG per page, 144 dpi (`<name>-1.png`, `<name>-2.png`, …).
    Png,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Png => "png",
        }
    }
}

impl Job {
    /// The arguments given to typst, the output PDF last.
    pub fn args(&self, output: &Path) -> Vec<String> {
        let mut args = vec![
            "compile".to_string(),
            "--root".to_string(),
            ".".to_string(),
            "--ignore-system-fonts".to_string(),
        ];
        if !self.font_dir.as_os_str().is_empty() {
            args.push("--font-path".to_string());
            args.push(self.font_dir.to_string_lossy().into_owned());
        }
        if self.format == Format::Png {
            args.extend(["--ppi".to_string(), "144".to_string()]);
        }
        args.extend([
            "--creation-timestamp".to_string(),
            self.timestamp.to_string(),
            "--format".to_string(),
            self.format.extension().to_string(),
            "--diagnostic-format".to_string(),
            "short".to_string(),
            "-j".to_string(),
            "1".to_string(),
            self.source.to_string_lossy().into_owned(),
            output.to_string_lossy().into_owned(),
        ]);
        args
    }
}

/// Run typst for `job` in `root`; on success the PDF is renamed into place.
/// The child is stopped when it exceeds `timeout` or when `cancel` is set.
pub fn compile(
    typst: &Typst,
    root: &Path,
    job: &Job,
    timeout: Duration,
    cancel: &AtomicBool,
) -> Result<PdfInfo> {
    let tmp_rel = crate::fsio::temp_path(&job.pdf);
    let mut child = Command::new(&typst.program)
        .args(job.args(&tmp_rel))
        .current_dir(root)
        .env_remove("SOURCE_DATE_EPOCH")
        .env_remove("TYPST_FONT_PATHS")
        .env_remove("TYPST_ROOT")
        .env_remove("TYPST_FEATURES")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        // Its own process group, so that stopping it also stops anything it
        // started (a wrapper script's real typst, say).
        .process_group(0)
        .spawn()
        .with_context(|| format!("cannot start {}", typst.program.display()))?;
    // Read stderr on a thread so a chatty child cannot block on a full pipe.
    let mut stderr = child.stderr.take();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        if let Some(e) = stderr.as_mut() {
            let _ = std::io::Read::read_to_string(e, &mut s);
        }
        s
    });
    let started = Instant::now();
    let status = loop {
        // Returns as soon as the child exits; wakes up now and then to look
        // at the clock and at Ctrl-C.
        if let Some(status) = child.wait_timeout(Duration::from_millis(50))? {
            break status;
        }
        let stop = if cancel.load(Ordering::Relaxed) {
            Some("the build was interrupted".to_string())
        } else if started.elapsed() > timeout {
            Some(format!(
                "typst did not finish within {} s and was stopped (--timeout)",
                timeout.as_secs()
            ))
        } else {
            None
        };
        if let Some(why) = stop {
            kill_group(child.id());
            let _ = child.kill();
            let _ = child.wait();
            remove_outputs(root, &tmp_rel);
            bail!(why);
        }
    };
    let stderr = reader.join().unwrap_or_default();
    if !status.success() {
        remove_outputs(root, &tmp_rel);
        bail!("typst failed: {}", typst_errors(&stderr));
    }
    if cancel.load(Ordering::Relaxed) {
        remove_outputs(root, &tmp_rel);
        bail!("the build was interrupted");
    }
    move_into_place(root, &tmp_rel, &job.pdf)?;
    // Read back once here, in the worker, rather than later in the main thread.
    output_info(root, &job.pdf).with_context(|| format!("cannot read back {}", job.pdf.display()))
}

/// The files an output path stands for, in page order: the file itself, or
/// for a `{p}` pattern every existing `<prefix><n><suffix>` beside it.
pub fn output_files(root: &Path, output: &Path) -> Vec<PathBuf> {
    let name = output
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let Some((prefix, suffix)) = name.split_once("{p}") else {
        let path = root.join(output);
        return if path.is_file() {
            vec![path]
        } else {
            Vec::new()
        };
    };
    let dir = root.join(output.parent().unwrap_or(Path::new("")));
    let mut pages: Vec<(usize, PathBuf)> = std::fs::read_dir(&dir)
        .map(|rd| {
            rd.flatten()
                .filter_map(|e| {
                    let n = e.file_name().to_string_lossy().into_owned();
                    let page = n
                        .strip_prefix(prefix)?
                        .strip_suffix(suffix)?
                        .parse::<usize>()
                        .ok()?;
                    Some((page, e.path()))
                })
                .collect()
        })
        .unwrap_or_default();
    pages.sort();
    pages.into_iter().map(|(_, p)| p).collect()
}

fn remove_outputs(root: &Path, output: &Path) {
    for f in output_files(root, output) {
        let _ = std::fs::remove_file(f);
    }
}

/// Rename what typst wrote at `tmp` to `output`; for PNG pages, each page,
/// and pages of an earlier, longer version are removed.
fn move_into_place(root: &Path, tmp: &Path, output: &Path) -> Result<()> {
    let name = output
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let Some((prefix, suffix)) = name.split_once("{p}") else {
        let target = root.join(output);
        return std::fs::rename(root.join(tmp), &target)
            .with_context(|| format!("cannot move the PDF into {}", target.display()));
    };
    let new_pages = output_files(root, tmp);
    let dir = root.join(output.parent().unwrap_or(Path::new("")));
    let tmp_name = tmp
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (tmp_prefix, tmp_suffix) = tmp_name.split_once("{p}").unwrap_or((&tmp_name, ""));
    let mut kept = Vec::new();
    for page in &new_pages {
        let n = page
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let number = n
            .strip_prefix(tmp_prefix)
            .and_then(|r| r.strip_suffix(tmp_suffix))
            .unwrap_or("0")
            .to_string();
        let target = dir.join(format!("{prefix}{number}{suffix}"));
        std::fs::rename(page, &target)
            .with_context(|| format!("cannot move a page into {}", target.display()))?;
        kept.push(target);
    }
    for old in output_files(root, output) {
        if !kept.contains(&old) {
            let _ = std::fs::remove_file(old);
        }
    }
    Ok(())
}

/// Hash and pages of an output: a PDF's page tree, or the PNG pages in order.
pub fn output_info(root: &Path, output: &Path) -> Option<PdfInfo> {
    let files = output_files(root, output);
    match files.as_slice() {
        [] => None,
        [one] if !output.to_string_lossy().contains("{p}") => pdf_info(one),
        pages => {
            let mut all = Vec::new();
            for p in pages {
                let bytes = std::fs::read(p).ok()?;
                all.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
                all.extend_from_slice(&bytes);
            }
            Some(PdfInfo {
                hash: crate::fingerprint::bytes(&all),
                pages: Some(pages.len()),
            })
        }
    }
}

/// Typst's errors (short format, one per line), the first ones only: after a
/// syntax error the rest are mostly consequences.
fn typst_errors(stderr: &str) -> String {
    let lines: Vec<&str> = stderr.lines().filter(|l| !l.trim().is_empty()).collect();
    let errors: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|l| l.contains("error:"))
        .collect();
    let shown: Vec<&str> = if errors.is_empty() {
        lines.iter().copied().take(5).collect()
    } else {
        errors.iter().copied().take(3).collect()
    };
    let mut out = shown.join("\n  ");
    if errors.len() > shown.len() {
        out.push_str(&format!(
            "\n  (and {} more errors)",
            errors.len() - shown.len()
        ));
    }
    out
}

/// SIGKILL to the child's whole process group (it leads its own group).
fn kill_group(pid: u32) {
    if let Ok(pid) = i32::try_from(pid) {
        let _ = nix::sys::signal::killpg(
            nix::unistd::Pid::from_raw(pid),
            nix::sys::signal::Signal::SIGKILL,
        );
    }
}

/// What the build records of a PDF it wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PdfInfo {
    /// Content hash (see `fingerprint::bytes`).
    pub hash: String,
    pub pages: Option<usize>,
}

/// Hash and page count of the PDF at `path`, from one read.
fn pdf_info(path: &Path) -> Option<PdfInfo> {
    let bytes = std::fs::read(path).ok()?;
    Some(PdfInfo {
        hash: crate::fingerprint::bytes(&bytes),
        pages: pdf_pages(&bytes),
    })
}

/// The number of pages of a PDF written by typst: the `/Count` of its page
/// tree (`<</Type/Pages/Count N …>>`), else the number of page objects.
fn pdf_pages(bytes: &[u8]) -> Option<usize> {
    let find_all = |needle: &'static [u8]| {
        bytes
            .windows(needle.len())
            .enumerate()
            .filter(move |(_, w)| *w == needle)
            .map(|(i, _)| i + needle.len())
    };
    let digits = |from: usize| {
        let rest = bytes.get(from..)?;
        let start = rest.iter().position(|b| !b.is_ascii_whitespace())?;
        let len = rest[start..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        std::str::from_utf8(&rest[start..start + len])
            .ok()?
            .parse::<usize>()
            .ok()
    };
    let from_tree = find_all(b"/Type/Pages").filter_map(|at| {
        let end = bytes[at..]
            .windows(2)
            .position(|w| w == b">>")
            .map_or(bytes.len(), |e| at + e);
        let dict = &bytes[at..end];
        let c = dict.windows(6).position(|w| w == b"/Count")?;
        digits(at + c + 6)
    });
    from_tree.max().or_else(|| {
        let pages = find_all(b"/Type/Page")
            .filter(|&end| bytes.get(end) != Some(&b's'))
            .count();
        (pages > 0).then_some(pages)
    })
}
