"""Score ``pipeline.dates`` and, if installed, ja-timex side by side on gold dates.

Usage::

    python benchmarks/compare_dates.py corpus/gold/src/dev /work/shared/spec/examples
    python benchmarks/compare_dates.py gold.jsonl --corpus corpus/livedoor --errors

Each gold path is a JSON Lines file, a directory of them, or a directory of
per-article ``*.json`` files. Both systems read the same article text (from
``--corpus``, found by doc_id), only its content zones (``pipeline.corpus``:
title and body, no boilerplate), with the same DCT (the article's own, else
the gold ``doc_date``). Their output is put into the gold ``dates`` shape
(one entry per distinct normalised text, the first occurrence's type, value
and mod) and scored with ``pipeline.evaluate``: detection strict and relaxed
(P/R/F1) and value accuracy over relaxed matches.

ja-timex (``pip install ja-timex``; an optional extra, never a CI dependency)
runs as ``TimexParser(reference=dct)`` and is scored on what it outputs; the
only change is dropping the trailing ``-XX`` placeholders of its values
(``2007-XX-XX`` -> ``2007``), a notation difference, not a resolution.
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import regex  # noqa: E402

from pipeline import evaluate  # noqa: E402
from pipeline.corpus import Article, read_article  # noqa: E402
from pipeline.dates import find_dates  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = (ROOT / "corpus" / "livedoor", ROOT / "corpus" / "seed")

Extractor = Callable[[Article, dt.date | None], list[dict[str, Any]]]


def load_gold(paths: Iterable[Path]) -> dict[str, dict[str, Any]]:
    """Gold documents from JSONL files/directories and directories of per-article JSON files.

    A doc_id read before (the spec examples are also in dev gold) keeps its first copy.
    """
    docs: dict[str, dict[str, Any]] = {}
    for path in paths:
        files = [path]
        if path.is_dir() and not any(path.glob("*.jsonl")):
            files = sorted(path.glob("*.json"))
        for file in files:
            for doc_id, raw in evaluate.load_documents(file).items():
                if doc_id in docs:
                    print(f"{file}: {doc_id} already read, this copy skipped", file=sys.stderr)
                    continue
                docs[doc_id] = raw
    return docs


def article_index(roots: Iterable[Path]) -> dict[str, Path]:
    """doc_id -> article file under the corpus roots."""
    index: dict[str, Path] = {}
    for root in roots:
        for p in sorted(root.rglob("*.txt")):
            index.setdefault(p.stem, p)
    return index


def _entries(found: Iterable[tuple[str, str, str | None, str | None]]) -> list[dict[str, Any]]:
    """One gold-shaped date entry per distinct normalised text, first occurrence wins."""
    seen: dict[str, dict[str, Any]] = {}
    for text, type_, value, mod in found:
        key = evaluate.normalise(text)
        if key and key not in seen:
            seen[key] = {"text": text, "type": type_, "value": value, "mod": mod}
    return list(seen.values())


def ours(article: Article, dct: dt.date | None) -> list[dict[str, Any]]:
    mentions = find_dates(article.text, dct, article.layout.content)
    return _entries((m.text, m.type, m.value, m.mod) for m in mentions)


def ja_timex() -> Extractor | None:
    """ja-timex as an extractor, or None when it is not installed."""
    try:
        from ja_timex import TimexParser  # type: ignore[import-not-found]
    except ImportError:
        return None
    placeholder = regex.compile(r"(?:-XX)+$")

    def run(article: Article, dct: dt.date | None) -> list[dict[str, Any]]:
        reference = dt.datetime.combine(dct, dt.time()) if dct else None
        parser = TimexParser(reference=reference) if reference else TimexParser()
        found = []
        for start, end in article.layout.content:
            for t in parser.parse(article.text[start:end]):
                value = placeholder.sub("", t.value) if t.value else t.value
                found.append((t.raw_text, t.type, value, t.mod))
        return _entries(found)

    return run


def predict(extract: Extractor, gold: dict[str, dict[str, Any]],
            index: dict[str, Path]) -> tuple[dict[str, dict[str, Any]], float, int]:
    """Predictions for every gold document found in the corpus, the seconds spent and characters read."""
    pred: dict[str, dict[str, Any]] = {}
    seconds, chars = 0.0, 0
    first = next((index[d] for d in gold if d in index), None)
    if first is not None:  # warm up: load rules and models outside the timing
        article = read_article(first)
        extract(article, article.layout.dct)
    for doc_id, raw in gold.items():
        if doc_id not in index:
            continue
        article = read_article(index[doc_id], doc_id)
        dct = article.layout.dct or (dt.date.fromisoformat(raw["doc_date"]) if raw.get("doc_date") else None)
        t0 = time.perf_counter()
        dates = extract(article, dct)
        seconds += time.perf_counter() - t0
        chars += sum(e - s for s, e in article.layout.content)
        pred[doc_id] = {"doc_id": doc_id, "dates": dates}
    return pred, seconds, chars


def scores(report: evaluate.Report) -> dict[str, float]:
    o = report.overall
    return {
        "strict P": o["dates_strict"]["precision"], "strict R": o["dates_strict"]["recall"],
        "strict F1": o["dates_strict"]["f1"], "relaxed P": o["dates_relaxed"]["precision"],
        "relaxed R": o["dates_relaxed"]["recall"], "relaxed F1": o["dates_relaxed"]["f1"],
        "value acc": o["date_value_accuracy"]["accuracy"],
    }


def value_errors(gold: dict[str, dict[str, Any]], pred: dict[str, dict[str, Any]]) -> list[str]:
    """Relaxed-matched pairs whose type, value or mod differ."""
    lines = []
    for doc_id, raw in gold.items():
        g = evaluate.parse_document(raw)
        p = evaluate.parse_document(pred.get(doc_id, {"doc_id": doc_id}))
        outcome = evaluate.score_block(g.dates, p.dates, evaluate.relaxed_date_similarity)
        for ge, pe in outcome.pairs:
            if ge.timex != pe.timex:
                lines.append(f"{doc_id}: {ge.text} gold {ge.timex} / ours {pe.text} {pe.timex}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", nargs="+", type=Path, help="gold JSONL file(s) or directories")
    parser.add_argument("--corpus", type=Path, action="append", help="article root(s) (default: corpus/livedoor, corpus/seed)")
    parser.add_argument("--errors", action="store_true", help="list our misses, false positives and value errors")
    args = parser.parse_args(argv)

    gold = load_gold(args.gold)
    index = article_index(args.corpus or DEFAULT_CORPUS)
    missing = sorted(d for d in gold if d not in index)
    if missing:
        print(f"no article found for {len(missing)} gold document(s): {' '.join(missing)}", file=sys.stderr)
    gold = {d: raw for d, raw in gold.items() if d in index}

    systems: dict[str, Extractor] = {"pipeline.dates": ours}
    other = ja_timex()
    if other is None:
        print("ja-timex is not installed (pip install ja-timex): scoring pipeline.dates only.")
    else:
        systems["ja-timex"] = other

    results = {}
    for name, extract in systems.items():
        pred, seconds, chars = predict(extract, gold, index)
        report = evaluate.evaluate(gold, pred)
        results[name] = (scores(report), seconds, chars, report, pred)

    n_gold = sum(len(raw.get("dates", [])) for raw in gold.values())
    print(f"{len(gold)} documents, {n_gold} gold dates")
    metrics = list(next(iter(results.values()))[0])
    names = list(results)
    print(f"{'':12}" + "".join(f"{n:>16}" for n in names))
    for metric in metrics:
        print(f"{metric:12}" + "".join(f"{results[n][0][metric]:>16.3f}" for n in names))
    print(f"{'ms/1k chars':12}" + "".join(
        f"{1000 * results[n][1] / max(1, results[n][2]) * 1000:>16.3f}" for n in names))

    if args.errors:
        report, pred = results["pipeline.dates"][3], results["pipeline.dates"][4]
        print("\npipeline.dates errors (relaxed):")
        for e in report.errors:
            if e.block in ("dates_relaxed", "dates_strict"):
                print(f"  {e.kind} {e.doc_id}: {e.text}")
        for line in value_errors(gold, pred):
            print("  value " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
