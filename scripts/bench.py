#!/usr/bin/env python3
"""Benchmark dossier against the floor (bare typst) on a generated workspace.

Generates a workspace of 50 postings (100 documents) from the example and
prints, measured in the same run on the same machine:
  1. cold forced build vs. the same typst_args from output/manifest.json
     replayed by a plain parallel loop (xargs -P <cores>): the floor;
  2. an up-to-date rebuild of all 100 documents;
  3. a rebuild after editing one job that 25 postings select: how many PDFs
     were rewritten, and how long it took;
  4. peak memory (max RSS) of dossier.

Usage: scripts/bench.py [--postings 50] [--runs 5] [--dossier target/release/dossier]
Build the release binary first: cargo build --release
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = [
    "e-estonia-architect",
    "ringist-valja",
    "sotsiaalkindlustusamet-kasutajatugi",
    "sotsiaalkindlustusamet-komponendid",
]
EDITED_JOB = "emajoe"


def make_workspace(root: Path, postings: int) -> None:
    shutil.copytree(REPO / "profiles" / "mari", root / "profiles" / "mari-src")
    shutil.copy(REPO / "profiles" / "mari.yaml", root / "profiles" / "mari.yaml")
    shutil.copytree(REPO / "layouts", root / "layouts")
    out = root / "profiles" / "mari"
    out.mkdir()
    for i in range(postings):
        base = EXAMPLES[i % len(EXAMPLES)]
        text = (root / "profiles" / "mari-src" / f"{base}.yaml").read_text()
        # Half of the postings select the edited job, half do not.
        jobs = "[tehik, mkm, %s]" % (EDITED_JOB if i % 2 == 0 else "pank")
        lines = [
            f"  experience: {jobs}" if l.startswith("  experience: [") else l
            for l in text.splitlines()
        ]
        text = "\n".join(lines) + "\n"
        text = text.replace("short_name: ", f"short_name: P{i:02d}", 1)
        (out / f"posting-{i:02d}.yaml").write_text(text)
    shutil.rmtree(root / "profiles" / "mari-src")


def run(cmd, cwd):
    """Run cmd, return (seconds, stdout); exit on failure."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = proc.communicate()
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"command failed ({proc.returncode}): {' '.join(map(str, cmd))}\n{err.decode()}")
    return elapsed, out.decode()


def peak_rss_kib(cmd, cwd):
    out = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, cwd=cwd, capture_output=True, text=True)
    return int(out.stderr.strip().splitlines()[-1])


def pdf_mtimes(root: Path):
    return {p: p.stat().st_mtime_ns for p in (root / "output").rglob("*.pdf")}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--postings", type=int, default=50)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--dossier", default=str(REPO / "target" / "release" / "dossier"))
    args = ap.parse_args()
    dossier = str(Path(args.dossier).resolve())
    cores = os.cpu_count() or 2
    typst = shutil.which("typst")
    print(f"machine: {cores} cores; {subprocess.run([typst, '--version'], capture_output=True, text=True).stdout.strip()}")

    with tempfile.TemporaryDirectory(prefix="dossier-bench-") as tmp:
        ws = Path(tmp)
        make_workspace(ws, args.postings)
        docs = 2 * args.postings
        build = [dossier, "-C", str(ws), "build", "-q"]

        # Warm the file cache and typst's first-run costs.
        run(build + ["--force"], ws)
        manifest = json.loads((ws / "output" / "manifest.json").read_text())
        argv = [d["typst_args"] for d in manifest["documents"]]
        assert len(argv) == docs, f"expected {docs} documents, manifest has {len(argv)}"
        replay = ws / "replay.txt"
        replay.write_text("".join(" ".join(a) + "\n" for a in argv))
        floor_cmd = ["sh", "-c", f"xargs -P {cores} -L 1 {typst} < replay.txt"]

        cold, floor = [], []
        for _ in range(args.runs):
            cold.append(run(build + ["--force"], ws)[0])
            floor.append(run(floor_cmd, ws)[0])
        c, f = statistics.median(cold), statistics.median(floor)
        print(f"1. cold forced build of {docs} documents: dossier {c:.3f} s, bare typst (xargs -P {cores}) {f:.3f} s, ratio {c / f:.3f} (target <= 1.10)")

        noop = [run(build, ws)[0] for _ in range(args.runs)]
        print(f"2. up-to-date rebuild of {docs} documents: {statistics.median(noop) * 1000:.1f} ms median of {args.runs} (target <= 50 ms)")

        before = pdf_mtimes(ws)
        profile = ws / "profiles" / "mari.yaml"
        text = profile.read_text()
        # The role of job 'emajoe' in both languages, and nothing else.
        for old in ["Nooremarendaja ja IT-tugi", "Junior Developer and IT Support"]:
            assert text.count(old) == 1, old
            text = text.replace(old, old + " (edited)")
        profile.write_text(text)
        t, _ = run(build, ws)
        after = pdf_mtimes(ws)
        rewritten = sorted(str(p.relative_to(ws)) for p in after if after[p] != before.get(p))
        cvs = sum(1 for p in rewritten if "_CV_" in p)
        print(f"3. after editing job '{EDITED_JOB}' (selected by {args.postings // 2} postings): {len(rewritten)} PDFs rewritten ({cvs} CVs, {len(rewritten) - cvs} letters) in {t:.3f} s")

        rss_noop = peak_rss_kib(build, ws)
        rss_cold = peak_rss_kib(build + ["--force"], ws)
        print(f"4. peak memory: dossier up-to-date run {rss_noop / 1024:.1f} MiB; forced build incl. typst children {rss_cold / 1024:.1f} MiB (largest process)")


if __name__ == "__main__":
    main()
