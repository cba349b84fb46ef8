#!/usr/bin/env python3
"""How long `dossier new --from` takes to draft a tailoring file.

Makes a posting of about 20 KB (an ametijuhend-like text: sections of duties,
requirements, nice-to-haves and prose, in Estonian, as a text file, as
Markdown and as HTML) and times `dossier new CANDIDATE/POSTING --from FILE
--dry-run` on the example workspace: reading, extracting, suggesting evidence
against the profile, and merging the draft as `build` would. Prints the
median and the maximum of --runs runs per format, and the size of the input.

Usage: scripts/bench-new.py [--runs 20] [--dossier target/release/dossier]
Build the release binary first: cargo build --release
"""
import argparse
import html
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

DUTIES = [
    "infosüsteemide arhitektuuri kavandamine ja arendamine koostöös arendusmeeskondadega",
    "X-tee teenuste ja liideste analüüs ning dokumenteerimine",
    "arendusprojektide eelarvete koostamine ja täitmise jälgimine",
    "infoturbe nõuete rakendamine ja riskianalüüside läbiviimine",
    "kasutajatoe korraldamine ning juhendmaterjalide koostamine",
    "koostöö teiste asutuste ja partneritega oma valdkonnas",
]
REQUIREMENTS = [
    "erialane kõrgharidus (informaatika, infotehnoloogia või lähedane valdkond)",
    "vähemalt kolmeaastane töökogemus infosüsteemide arendamise või haldamise valdkonnas",
    "eesti keele oskus C1 tasemel ja inglise keele oskus vähemalt B2 tasemel",
    "hea analüüsivõime ja oskus näha terviklikku pilti",
    "teadmised X-tee ja TARA toimimise põhimõtetest",
]
NICE = [
    "projektijuhtimise sertifikaat (PRINCE2, PMP vms)",
    "vene keele oskus suhtlustasandil",
]
PROSE = (
    "Asutuse eesmärk on pakkuda inimestele ja ettevõtetele kvaliteetseid avalikke teenuseid "
    "ning arendada riigi infosüsteeme koostöös teiste asutustega. Meeskond tegeleb igapäevaselt "
    "teenuste arendamise, hoolduse ja kasutajate nõustamisega ning osaleb riiklikes projektides. "
)


def posting_text(target: int) -> str:
    out = ["# Infosüsteemide arhitekt", "", "Riigi Infosüsteemide Keskus otsib arhitekti.", ""]
    section = 0
    while len("\n".join(out).encode()) < target:
        section += 1
        out += [f"## Ülevaade {section}", "", PROSE * 3, ""]
        out += ["## Tööülesanded", ""] + [f"- {d};" for d in DUTIES] + [""]
    out += ["## Nõuded kandidaadile", ""] + [f"- {r};" for r in REQUIREMENTS] + [""]
    out += ["## Kasuks tuleb", ""] + [f"- {n};" for n in NICE] + [""]
    out += ["Kandideerimise tähtaeg: 15.01.2027", "",
            "Lisainfo: Kati Karu, kati.karu@example.ee, +372 555 1234", ""]
    return "\n".join(out)


def as_html(md: str) -> str:
    body = []
    in_list = False
    for line in md.splitlines():
        if line.startswith("- "):
            if not in_list:
                body.append("<ul>")
                in_list = True
            body.append(f"<li>{html.escape(line[2:])}</li>")
            continue
        if in_list:
            body.append("</ul>")
            in_list = False
        if line.startswith("## "):
            body.append(f"<h2>{html.escape(line[3:])}</h2>")
        elif line.startswith("# "):
            body.append(f"<h1>{html.escape(line[2:])}</h1>")
        elif line:
            body.append(f"<p>{html.escape(line)}</p>")
    return ("<!doctype html><html lang=\"et\"><head><meta charset=\"utf-8\"><title>Kuulutus</title>"
            "<script>var tracking = 1;</script></head><body><nav>Avaleht</nav>"
            + "\n".join(body) + "</body></html>")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--dossier", default=str(REPO / "target/release/dossier"))
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-new.") as tmp:
        ws = Path(tmp)
        shutil.copytree(REPO / "profiles", ws / "profiles")
        md = posting_text(20_000)
        files = {
            "markdown": (ws / "posting.md", md),
            "text": (ws / "posting.txt", md.replace("## ", "").replace("# ", "")),
            "html": (ws / "posting.html", as_html(md)),
        }
        print(f"dossier new --dry-run on the example profile, {args.runs} runs each")
        for name, (path, text) in files.items():
            path.write_text(text, encoding="utf-8")
            times = []
            for _ in range(args.runs):
                start = time.perf_counter()
                r = subprocess.run(
                    [args.dossier, "-C", str(ws), "new", "mari/bench", "--from", str(path),
                     "--dry-run"],
                    capture_output=True, text=True)
                times.append((time.perf_counter() - start) * 1000)
                if r.returncode != 0:
                    raise SystemExit(f"{name}: dossier new failed:\n{r.stderr}")
            size = len(text.encode())
            print(f"  {name:9} {size / 1024:5.1f} KB: median {statistics.median(times):6.1f} ms, "
                  f"max {max(times):6.1f} ms")


if __name__ == "__main__":
    main()
