"""Printout speed: PDFs per second on one process and on all cores, and the no-change rebuild.

    python bench/print.py [--checklists 1000] [--skip-starter] [--skip-synthetic]

Two knowledge bases: the starter content (this repository's mkdocs.yml, every
checklist, path and standard in every language) and a synthetic one of N
checklists in English (a taxonomy, a role and N generated checklists of 6-12
items in 2 sections each). Each is printed with `write_pdfs` three times: with an
empty cache on one process, with an empty cache on all cores, and again with the
warm cache (the rebuild `kb build` does when nothing changed). Prints figures; no
assertions.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WORDS = ("parcel label returns shelf invoice customer mailbox headset complaint courier scanner pallet "
         "printer badge desk case note promise deadline refund colleague rota queue").split()


def synthetic(root: Path, count: int, seed: int = 0) -> Path:
    """An English knowledge base of a taxonomy, a role and `count` checklists; returns the mkdocs.yml path."""
    rng = random.Random(seed)
    (root / "standards" / "checklists").mkdir(parents=True)
    (root / "onboarding" / "roles").mkdir(parents=True)
    config = root / "mkdocs.yml"
    config.write_text("site_name: Synthetic checklists\nsite_url: https://standards.example.com/\n"
                      "kb:\n  content: [standards, onboarding]\n  languages: [en]\n", encoding="utf-8")
    (root / "standards" / "taxonomy.yaml").write_text(
        "kind: taxonomy\nid: taxonomy\ntitle: Taxonomy\nlevels: {1: Aware, 2: Practising, 3: Independent}\n"
        "areas: {general: General}\n", encoding="utf-8")
    (root / "onboarding" / "roles" / "team-lead.yaml").write_text(
        "kind: role\nid: team-lead\ntitle: Team lead\n", encoding="utf-8")
    folder = root / "standards" / "checklists"
    for i in range(count):
        lines = [f"kind: checklist\nid: synthetic-{i:04d}\ntitle: Synthetic audit number {i}\n"
                 f"purpose: Check that every {rng.choice(WORDS)} is where it belongs.\nfrequency: weekly\n"
                 "roles: [team-lead]\nsections:"]
        for s in range(2):
            lines.append(f"  - title: Section {s + 1}\n    items:")
            for j in range(rng.randint(3, 6)):
                text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 14))).capitalize()
                lines.append(f"      - text: {text}\n        key: s{s}-item-{j}")
        lines.append("sign_off: [team-lead]\nowner: team-lead\nreviewed: 2026-06-01\n")
        (folder / f"synthetic-{i:04d}.yaml").write_text("\n".join(lines), encoding="utf-8")
    return config


def measure(name: str, config: Path, scratch: Path) -> None:
    from generator.config import load_project
    from generator.content.pipeline import build_knowledge_base
    from generator.printing.jobs import make_job, printable_items, write_pdfs

    project = load_project(config)
    kb, diagnostics = build_knowledge_base(project)
    if diagnostics.errors:
        print(f"{name}: {len(diagnostics.errors)} content error(s); printing anyway")
    started = time.perf_counter()
    jobs = [make_job(kb, project, item, lang) for item in printable_items(kb) for lang in kb.languages]
    html_seconds = time.perf_counter() - started
    count, cores = len(jobs), os.cpu_count() or 1
    print(f"\n{name}: {count} PDFs ({len(printable_items(kb))} items x {len(kb.languages)} language(s)); "
          f"print HTML for all of them: {html_seconds:.2f} s")
    for label, workers in [("1 process", 1), (f"{cores} processes (all cores)", cores)]:
        cache = scratch / f"{name}-cache-{workers}"
        started = time.perf_counter()
        report = write_pdfs(kb, project, scratch / f"{name}-site-{workers}", cache, workers=workers)
        seconds = time.perf_counter() - started
        print(f"  {label:<28} {seconds:8.1f} s  {report.rendered / seconds:6.2f} PDFs/s  (rendered {report.rendered})")
    started = time.perf_counter()
    report = write_pdfs(kb, project, scratch / f"{name}-site-again", cache)
    seconds = time.perf_counter() - started
    print(f"  {'no-change rebuild':<28} {seconds:8.2f} s  (rendered {report.rendered}, reused {report.reused})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--checklists", type=int, default=1000)
    parser.add_argument("--skip-starter", action="store_true")
    parser.add_argument("--skip-synthetic", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("KB_TODAY", "2026-11-23")
    print(f"cores: {os.cpu_count()}")
    with tempfile.TemporaryDirectory(prefix="kb-bench-print-") as temp:
        scratch = Path(temp)
        if not args.skip_starter:
            measure("starter", ROOT / "mkdocs.yml", scratch)
        if not args.skip_synthetic:
            measure(f"synthetic-{args.checklists}", synthetic(scratch / "synthetic", args.checklists), scratch)


if __name__ == "__main__":
    main()
