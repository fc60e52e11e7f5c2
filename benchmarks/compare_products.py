"""Score ``pipeline.products`` and GiNZA's NER (``ja_ginza``) side by side on gold products.

Usage::

    python benchmarks/compare_products.py corpus/gold/dev.jsonl
    python benchmarks/compare_products.py corpus/gold/test.jsonl
    python benchmarks/compare_products.py corpus/gold --no-install     # ours only unless GiNZA is there

The gold path is a JSONL file or a directory of them (``pipeline.evaluate.load_documents``);
each gold doc_id's article is found as ``<corpus>/**/<doc_id>.txt``. Both systems read
the same text: the article's content zones (``article.layout.content``: title and
body, no boilerplate), each zone on its own, so neither is scored on text the other
never saw.

* Ours: ``pipeline.load()``, ``nlp(pipeline.doc_from_article(nlp, article))``, the
  ``products`` block of ``pipeline.prediction(doc)`` (the whole pipeline runs; it is
  what a user runs, so that is what is timed).
* GiNZA: every entity whose label GiNZA itself maps to OntoNotes ``PRODUCT``
  (``ginza.ene_ontonotes_mapper.ENE_ONTONOTES_MAPPING``, read from the installed
  GiNZA: ``Product_Other``, ``ID_Number``, ``Car``, ``Character``, ``Award`` ...), plus
  the labels ``Product`` and ``PRODUCT`` should a model emit them. One product entry
  per distinct normalised surface, canonical = mentions = that surface: GiNZA does
  no entity linking, and the gold format asks for nothing more. A second GiNZA
  column keeps ``Product_Other`` alone, so the lead is not an artefact of the
  label set chosen for it.

Both are scored with ``pipeline.evaluate.evaluate`` on the ``products`` block only.
Speed is characters of content zones per second of processing (models loaded and
warmed up first; GiNZA's time is measured inside its worker, without the pipe).

GiNZA is an optional extra, never a CI dependency and never installed into the
project's venv (it would bring its own spaCy and SudachiPy and could move the
project's pins): the first run creates ``benchmarks/.venv-ginza`` with
``python -m venv`` and ``pip install ginza ja-ginza`` (``ja_ginza`` ships its model
inside the PyPI package), and GiNZA runs there as a subprocess speaking JSON lines.
``--no-install`` uses that venv only if it is already there.

Results go to ``benchmarks/compare_products.json``, one entry per gold path, so
that dev and test runs sit side by side. These are measurements, not tests: the
15-point lead of the issue is reported as met or missed, never asserted.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import shlex
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pipeline  # noqa: E402
from pipeline import evaluate  # noqa: E402
from pipeline.corpus import Article, read_article  # noqa: E402

DEFAULT_CORPUS = ROOT / "corpus"
DEFAULT_OUTPUT = ROOT / "benchmarks" / "compare_products.json"
GINZA_VENV = ROOT / "benchmarks" / ".venv-ginza"
# The same ranges as the project's ``compare`` extra, so both comparisons mean the same GiNZA.
GINZA_REQUIREMENTS = ("ginza>=5.2,<6", "ja-ginza>=5.2,<6")
INSTALL_TIMEOUT_S = 1800
TARGET_LEAD_POINTS = 15.0

OURS = "ours"
GINZA = "GiNZA PRODUCT"
GINZA_NARROW = "GiNZA Product_Other"
NARROW_LABELS = frozenset({"Product_Other"})
# Labels kept whatever GiNZA's mapping says: the ENE parent class and the OntoNotes label itself.
EXTRA_PRODUCT_LABELS = frozenset({"Product", "PRODUCT"})

# Runs inside benchmarks/.venv-ginza. Reads {doc_id, text, zones} lines, writes one header
# line, then {doc_id, entities, seconds} lines. Offsets are into the article text.
# SudachiPy refuses inputs over 49149 bytes, so a long zone is cut at line ends.
GINZA_WORKER = r'''
import json, sys, time
from importlib.metadata import version
import spacy
from ginza.ene_ontonotes_mapper import ENE_ONTONOTES_MAPPING

MAX_BYTES = 40000

def pieces(text, start, end):
    """(offset, text) pieces of text[start:end], each under MAX_BYTES, cut after a newline."""
    out, begin, size = [], start, 0
    for i in range(start, end):
        size += len(text[i].encode("utf-8"))
        if size >= MAX_BYTES or (text[i] == "\n" and size >= MAX_BYTES // 2):
            out.append((begin, text[begin:i + 1]))
            begin, size = i + 1, 0
    if begin < end:
        out.append((begin, text[begin:end]))
    return out

nlp = spacy.load("ja_ginza")
nlp("ウォームアップのための文です。")
print(json.dumps({
    "ready": True,
    "ginza": version("ginza"),
    "ja_ginza": version("ja-ginza"),
    "spacy": spacy.__version__,
    "ner_labels": list(nlp.get_pipe("ner").labels),
    "ene_to_ontonotes": ENE_ONTONOTES_MAPPING,
}), flush=True)
for line in sys.stdin:
    if not line.strip():
        continue
    request = json.loads(line)
    text = request["text"]
    zones = request.get("zones") or [[0, len(text)]]
    parts = [p for s, e in zones for p in pieces(text, s, e)]
    t0 = time.perf_counter()
    docs = list(nlp.pipe(t for _, t in parts))
    seconds = time.perf_counter() - t0
    entities = [
        {"text": ent.text, "label": ent.label_, "start": offset + ent.start_char, "end": offset + ent.end_char}
        for (offset, _), doc in zip(parts, docs) for ent in doc.ents
    ]
    print(json.dumps({"doc_id": request["doc_id"], "entities": entities, "seconds": seconds}), flush=True)
'''


# --------------------------------------------------------------------------- inputs


def article_index(root: Path) -> dict[str, Path]:
    """doc_id -> article file under the corpus root (first in sorted order wins), read once for all docs."""
    index: dict[str, Path] = {}
    for path in sorted(root.rglob("*.txt")):
        index.setdefault(path.stem, path)
    return index


def read_gold_articles(gold: Mapping[str, Any], index: Mapping[str, Path]) -> dict[str, Article]:
    """The article of every gold document; a gold doc without one is reported, then scored as all missed."""
    missing = [doc_id for doc_id in gold if doc_id not in index]
    if missing:
        print(f"no article found for {len(missing)} gold document(s): {' '.join(missing)}", file=sys.stderr)
    return {doc_id: read_article(index[doc_id], doc_id) for doc_id in gold if doc_id in index}


def content_chars(article: Article) -> int:
    """Characters both systems are given: the content zones, not the boilerplate."""
    return sum(end - start for start, end in article.layout.content)


# --------------------------------------------------------------------------- systems


@dataclass
class Run:
    """One system's gold-shaped predictions and the processing time they took."""

    pred: dict[str, dict[str, Any]] = field(default_factory=dict)
    seconds: float = 0.0
    chars: int = 0


def run_ours(articles: Mapping[str, Article]) -> Run:
    """Our pipeline as a user runs it; only the products block is kept (scoring it alone)."""
    nlp = pipeline.load()
    run = Run()
    if articles:  # warm up: lexicons, MeCab and rule caches load outside the timing
        first = next(iter(articles.values()))
        nlp(pipeline.doc_from_article(nlp, first))
    for doc_id, article in articles.items():
        t0 = time.perf_counter()
        doc = nlp(pipeline.doc_from_article(nlp, article))
        run.seconds += time.perf_counter() - t0
        run.chars += content_chars(article)
        products = [{"canonical": p["canonical"], "mentions": p["mentions"]} for p in pipeline.prediction(doc)["products"]]
        run.pred[doc_id] = {"doc_id": doc_id, "products": products}
    return run


def venv_python(venv: Path) -> Path:
    """The venv's interpreter (POSIX layout; the project's machines are Linux)."""
    return venv / "bin" / "python"


def isolated(python: Path, code: str) -> list[str]:
    """A command running code in GiNZA's venv with ``-I``: with the repo's working directory on
    sys.path, spaCy would find this project's ``*.egg-info`` entry points there and import
    ``pipeline`` (whose dependencies the venv lacks) while loading ``ja_ginza``."""
    return [str(python), "-I", "-c", code]


def ginza_ready(venv: Path) -> bool:
    """Whether the venv can import GiNZA and its model: a half-finished install is not ready."""
    python = venv_python(venv)
    if not python.exists():
        return False
    check = subprocess.run(isolated(python, "import ginza, ja_ginza"), capture_output=True, cwd=python.parent)
    return check.returncode == 0


def _tail(text: str, lines: int = 25) -> str:
    return "\n".join(text.strip().splitlines()[-lines:])


def install_ginza(venv: Path) -> str | None:
    """Create the venv and pip-install GiNZA into it; None on success, else why it failed.

    A separate venv because ginza pins its own spaCy/SudachiPy ranges, which must
    never move the project's.
    """
    steps = []
    if not venv_python(venv).exists():
        steps.append([sys.executable, "-m", "venv", str(venv)])
    steps.append([str(venv_python(venv)), "-m", "pip", "install", "--quiet", *GINZA_REQUIREMENTS])
    for cmd in steps:
        print("$ " + shlex.join(cmd), file=sys.stderr)
        try:
            done = subprocess.run(cmd, capture_output=True, text=True, timeout=INSTALL_TIMEOUT_S)
        except (OSError, subprocess.TimeoutExpired) as exc:
            return f"{shlex.join(cmd)}: {exc}"
        if done.returncode != 0:
            return f"{shlex.join(cmd)} exited {done.returncode}:\n{_tail(done.stderr or done.stdout)}"
    return None if ginza_ready(venv) else "installed, but `import ginza, ja_ginza` still fails in the venv"


def ensure_ginza(venv: Path, install: bool) -> tuple[Path | None, str | None]:
    """The venv's interpreter when GiNZA is usable, else None and the reason."""
    if ginza_ready(venv):
        return venv_python(venv), None
    if not install:
        return None, f"GiNZA is not installed in {venv} and --no-install was given"
    reason = install_ginza(venv)
    return (None, reason) if reason else (venv_python(venv), None)


@dataclass
class GinzaOutput:
    """What the worker said: its versions and label mapping, and the entities per document."""

    header: dict[str, Any]
    entities: dict[str, list[dict[str, Any]]]
    seconds: float


def run_ginza_worker(python: Path, articles: Mapping[str, Article]) -> GinzaOutput:
    """All documents through one GiNZA process (the model loads once), as JSON lines over pipes."""
    requests = "".join(
        json.dumps({"doc_id": d, "text": a.text, "zones": [list(z) for z in a.layout.content]}) + "\n"
        for d, a in articles.items()
    )
    done = subprocess.run(
        isolated(python, GINZA_WORKER), input=requests, capture_output=True, text=True, encoding="utf-8",
        cwd=python.parent,
    )
    if done.returncode != 0:
        raise RuntimeError(f"GiNZA worker exited {done.returncode}:\n{_tail(done.stderr)}")
    lines = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
    header, replies = lines[0], lines[1:]
    return GinzaOutput(
        header=header,
        entities={r["doc_id"]: r["entities"] for r in replies},
        seconds=sum(r["seconds"] for r in replies),
    )


def product_labels(header: Mapping[str, Any]) -> frozenset[str]:
    """GiNZA's own answer to "which labels are products": its ENE -> OntoNotes PRODUCT mapping."""
    mapping: Mapping[str, str] = header["ene_to_ontonotes"]
    return frozenset(label for label, onto in mapping.items() if onto == "PRODUCT") | EXTRA_PRODUCT_LABELS


def surface_products(entities: Iterable[Mapping[str, Any]], labels: frozenset[str]) -> list[dict[str, Any]]:
    """One product per distinct normalised surface (first occurrence's text and label wins).

    The surface is stripped because GiNZA's spans may end in the line break after a
    model number (``ISW11K\n``); the scorer ignores white space anyway.
    """
    seen: dict[str, dict[str, Any]] = {}
    for ent in entities:
        surface = ent["text"].strip()
        key = evaluate.normalise(surface)
        if ent["label"] in labels and key and key not in seen:
            seen[key] = {"canonical": surface, "mentions": [surface], "label": ent["label"]}
    return list(seen.values())


def ginza_run(output: GinzaOutput, articles: Mapping[str, Article], labels: frozenset[str]) -> Run:
    """GiNZA's entities with the given labels, in the gold shape (label kept for the per-label tally)."""
    run = Run(seconds=output.seconds, chars=sum(content_chars(a) for a in articles.values()))
    for doc_id in articles:
        run.pred[doc_id] = {"doc_id": doc_id, "products": surface_products(output.entities.get(doc_id, []), labels)}
    return run


# --------------------------------------------------------------------------- scoring and output


def score(gold: Mapping[str, dict[str, Any]], run: Run) -> dict[str, Any]:
    """The products block of the evaluator's report, plus speed."""
    report = evaluate.evaluate(gold, run.pred)
    block = dict(report.overall["products"])
    block["seconds"] = run.seconds
    block["chars"] = run.chars
    block["chars_per_s"] = run.chars / run.seconds if run.seconds else 0.0
    return block


def label_tally(gold: Mapping[str, dict[str, Any]], run: Run) -> dict[str, dict[str, int]]:
    """Per GiNZA label: entries predicted, true positives, false positives, and matches of optional
    gold (which count as neither), so a label's worth can be read off without re-running."""
    tally: dict[str, dict[str, int]] = {}
    for doc_id, raw in gold.items():
        doc = run.pred.get(doc_id, {"doc_id": doc_id, "products": []})
        label_of = {evaluate.normalise(p["canonical"]): p["label"] for p in doc["products"]}
        outcome = evaluate.score_block(
            evaluate.parse_document(raw).products, evaluate.parse_document(doc).products, evaluate.product_similarity
        )
        tp = Counter(label_of[p.key] for _, p in outcome.pairs)
        fp = Counter(label_of[p.key] for p in outcome.fp)
        for key, label in label_of.items():
            tally.setdefault(label, {"pred": 0, "tp": 0, "fp": 0, "optional": 0})["pred"] += 1
        for label, row in tally.items():
            row["tp"] += tp[label]
            row["fp"] += fp[label]
    for row in tally.values():
        row["optional"] = row["pred"] - row["tp"] - row["fp"]
    return dict(sorted(tally.items(), key=lambda kv: (-kv[1]["pred"], kv[0])))


def all_label_counts(output: GinzaOutput) -> dict[str, int]:
    """Every label GiNZA emitted on these documents (entity mentions), to show what was left out."""
    counts = Counter(e["label"] for ents in output.entities.values() for e in ents)
    return dict(counts.most_common())


def print_table(scores: Mapping[str, Mapping[str, Any]]) -> None:
    """P/R/F1, counts and speed, one column per system."""
    names = list(scores)
    width = max(16, *(len(n) + 2 for n in names))
    print(f"{'':12}" + "".join(f"{n:>{width}}" for n in names))
    for metric in ("precision", "recall", "f1"):
        print(f"{metric:12}" + "".join(f"{100 * scores[n][metric]:>{width}.1f}" for n in names))
    for metric in ("tp", "fp", "fn"):
        print(f"{metric:12}" + "".join(f"{scores[n][metric]:>{width}d}" for n in names))
    print(f"{'chars/s':12}" + "".join(f"{scores[n]['chars_per_s']:>{width},.0f}" for n in names))


def leads(scores: Mapping[str, Mapping[str, Any]]) -> dict[str, float]:
    """Our F1 lead over each GiNZA column, in points."""
    ours = scores[OURS]["f1"]
    return {name: 100 * (ours - s["f1"]) for name, s in scores.items() if name != OURS}


def write_results(path: Path, key: str, result: dict[str, Any]) -> None:
    """Merge this gold path's result into the JSON file, so dev and test runs are kept side by side."""
    existing: dict[str, Any] = {}
    if path.exists():
        try:
            existing = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError:
            existing = {}
    runs = existing.get("runs", {}) if isinstance(existing.get("runs"), dict) else {}
    runs[key] = result
    path.write_text(json.dumps({"runs": runs}, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def _display(path: Path) -> str:
    """A path relative to the repo when it is inside it, so the JSON keys do not depend on the clone."""
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", type=Path, help="gold JSONL file or directory of JSONL files")
    parser.add_argument("corpus", type=Path, nargs="?", default=DEFAULT_CORPUS,
                        help="corpus root searched for <doc_id>.txt (default: corpus/)")
    parser.add_argument("--no-install", action="store_true",
                        help=f"do not create {_display(GINZA_VENV)}; score ours only if GiNZA is not there")
    parser.add_argument("--venv", type=Path, default=GINZA_VENV, help="GiNZA's virtualenv (default: %(default)s)")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="results JSON (default: %(default)s)")
    args = parser.parse_args(argv)

    gold = evaluate.load_documents(args.gold)
    articles = read_gold_articles(gold, article_index(args.corpus))
    n_gold = sum(len(raw.get("products") or []) for raw in gold.values())
    print(f"{_display(args.gold)}: {len(gold)} documents, {n_gold} gold products "
          f"({sum(content_chars(a) for a in articles.values()):,} content characters)")

    scores: dict[str, dict[str, Any]] = {}
    scores[OURS] = score(gold, run_ours(articles))

    result: dict[str, Any] = {
        "gold": _display(args.gold), "documents": len(gold), "gold_products": n_gold,
        "when": dt.datetime.now().isoformat(timespec="seconds"), "python": platform.python_version(),
    }
    python, reason = ensure_ginza(args.venv, install=not args.no_install)
    if python is None:
        print(f"GiNZA is not available: {reason}\nScoring ours only.")
        result["ginza"] = {"available": False, "reason": reason}
    else:
        output = run_ginza_worker(python, articles)
        labels = product_labels(output.header)
        emitted = set(output.header["ner_labels"])
        wide = ginza_run(output, articles, labels)
        scores[GINZA] = score(gold, wide)
        scores[GINZA_NARROW] = score(gold, ginza_run(output, articles, NARROW_LABELS))
        result["ginza"] = {
            "available": True,
            "versions": {k: output.header[k] for k in ("ginza", "ja_ginza", "spacy")},
            "product_labels_counted": sorted(labels),
            "product_labels_the_model_can_emit": sorted(labels & emitted),
            "per_label": label_tally(gold, wide),
            "all_labels_emitted": all_label_counts(output),
        }
        print(f"GiNZA {output.header['ginza']} / ja_ginza {output.header['ja_ginza']}; product labels the model "
              f"emits and we count: {', '.join(sorted(labels & emitted))}")

    print()
    print_table(scores)
    result["scores"] = scores
    if len(scores) > 1:
        lead = leads(scores)
        worst = min(lead.values())
        verdict = "met" if worst >= TARGET_LEAD_POINTS else "missed"
        print("\nF1 lead of ours: " + ", ".join(f"{v:+.1f} points over {n}" for n, v in lead.items())
              + f" (target >= {TARGET_LEAD_POINTS:.0f}: {verdict})")
        result["f1_lead_points"] = lead
        result["target_lead_points"] = TARGET_LEAD_POINTS
        result["target_met"] = worst >= TARGET_LEAD_POINTS
    write_results(args.output, _display(args.gold), result)
    print(f"\nwritten to {_display(args.output)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
