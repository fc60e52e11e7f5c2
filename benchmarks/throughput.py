"""Throughput and memory of the pipeline against its floor and against other tools, on the same files.

Measured, each in a fresh process so that peak memory belongs to it alone:

* floor: bare fugashi + unidic-lite reading every token's surface, lemma and
  POS, one MeCab call per line as the pipeline's tokenizer makes them;
* the full pipeline through ``python -m pipeline run`` with 1 and 2 workers
  (end to end: start-up, reading, processing, writing, merging); per-worker
  memory comes from the run's own manifest;
* GiNZA (``ja_ginza``) and ja-timex when installed: here (``pip install -e
  '.[compare]'``) or, for GiNZA, in ``benchmarks/.venv-ginza`` (made by
  ``compare_products.py``); skipped with a message otherwise.

The floor and the pipeline runs are repeated (``--repeat``, interleaved) and
the fastest run of each counts, as ``timeit`` does: on a shared VM the floor
alone varied by a third between runs. GiNZA, when not run, is taken from the
previous results file if that measured the same files.

Usage::

    python benchmarks/throughput.py                 # the whole corpus/livedoor
    python benchmarks/throughput.py --limit 200     # the first 200 files

Prints a table and writes ``benchmarks/results.json``. These are measurements,
not tests: targets are reported as met or missed, never asserted.

Only the standard library is imported at module level: the script also runs
itself as the measured child (``--child NAME``, paths as JSON on stdin), in
this venv or in GiNZA's.
"""
from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable, Sequence

ROOT = Path(__file__).resolve().parent.parent
GINZA_VENV_PYTHON = ROOT / "benchmarks" / ".venv-ginza" / "bin" / "python"
# Targets of the batch-run issue.
MAX_SLOWDOWN_VS_FLOOR = 3.0  # wall time, 1 worker against the floor
MIN_SPEEDUP_2_WORKERS = 1.7  # wall time, 1 worker against 2
MAX_WORKER_RSS_MB = 400.0
MAX_PRIVATE_GROWTH = 0.05  # "not growing with the corpus": private memory at the end against half-way
MIN_SPEEDUP_VS_GINZA = 50.0  # throughput, 1 worker against GiNZA
# Characters per MeCab call in the floor: pipeline.tokenizer.DEFAULT_MAX_PIECE (not imported: it imports spaCy).
FLOOR_MAX_PIECE = 1024


def _status_mb(field: str) -> float | None:
    """A memory field of this process's /proc/self/status in MB, as ``pipeline.batch`` measures its
    workers: ``VmHWM`` (peak RSS) or ``RssAnon`` (private memory)."""
    for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
        if line.startswith(f"{field}:"):
            return round(int(line.split()[1]) / 1024, 1)
    return None


def _read(path: str) -> str:
    """An article's text, read without importing the pipeline (and spaCy) into a baseline's process."""
    return Path(path).read_text(encoding="utf-8", errors="replace")


# --------------------------------------------------------------------------- the measured children


def _fugashi(paths: Sequence[str]) -> dict[str, Any]:
    import fugashi

    tagger = fugashi.Tagger()
    tokens, at_half = 0, None
    for i, p in enumerate(paths, 1):
        for line in _read(p).splitlines():
            # the pipeline's tokenizer cuts a longer line (at sentence ends where it can): the same bound here
            for piece in (line[k : k + FLOOR_MAX_PIECE] for k in range(0, len(line), FLOOR_MAX_PIECE)):
                if not piece.strip():
                    continue
                for word in tagger(piece):
                    word.surface, word.feature.lemma, word.pos  # noqa: B018 - reading them is the work measured
                    tokens += 1
        if i == len(paths) // 2:
            at_half = _status_mb("RssAnon")
    # MeCab keeps the lattice of its longest call: the floor's own memory growth, measured like the pipeline's
    return {"tokens": tokens, "private_mb_at_half": at_half, "private_mb": _status_mb("RssAnon")}


def _ginza(paths: Sequence[str]) -> dict[str, Any]:
    import spacy

    nlp = spacy.load("ja_ginza")
    errors = 0
    for text in map(_read, paths):
        try:
            nlp(text)
        except Exception:  # noqa: BLE001 - e.g. SudachiPy's input size limit; counted, not fatal
            errors += 1
    return {"errors": errors}


def _ja_timex(paths: Sequence[str]) -> dict[str, Any]:
    from ja_timex import TimexParser

    parser = TimexParser()
    return {"timexes": sum(len(parser.parse(text)) for text in map(_read, paths))}


CHILDREN: dict[str, Callable[[Sequence[str]], dict[str, Any]]] = {
    "fugashi": _fugashi, "ginza": _ginza, "ja_timex": _ja_timex,
}


def _child(name: str) -> int:
    """Measure one child from inside, imports and set-up included: paths on stdin, a JSON result on stdout."""
    paths = json.load(sys.stdin)
    start, cpu = time.perf_counter(), time.process_time()
    extra = CHILDREN[name](paths)
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu
    json.dump({"seconds": seconds, "cpu_seconds": cpu_seconds, "peak_rss_mb": _status_mb("VmHWM"), **extra}, sys.stdout)
    return 0


def _measure(python: Path | str, name: str, paths: Sequence[str]) -> dict[str, Any]:
    """Run this script as the ``name`` child under ``python``; ``-I`` keeps the repository off its
    sys.path, so GiNZA's venv never imports this project."""
    done = subprocess.run(
        [str(python), "-I", str(Path(__file__).resolve()), "--child", name],
        input=json.dumps(list(paths)), capture_output=True, text=True, check=True,
    )
    return json.loads(done.stdout)


def _ginza_python() -> Path | str | None:
    if importlib.util.find_spec("ja_ginza") is not None:
        return sys.executable
    if GINZA_VENV_PYTHON.exists():
        check = subprocess.run([str(GINZA_VENV_PYTHON), "-I", "-c", "import ja_ginza"], capture_output=True)
        if check.returncode == 0:
            return GINZA_VENV_PYTHON
    return None


# --------------------------------------------------------------------------- the pipeline's own CLI


def _pipeline(inputs: Sequence[str], workers: int, shard_size: int) -> dict[str, Any]:
    """``python -m pipeline run`` timed from outside; memory per worker from its manifest."""
    with tempfile.TemporaryDirectory(prefix="bench-") as out:
        command = [sys.executable, "-m", "pipeline", "run", *inputs, "-o", out, "--workers", str(workers),
                   "--shard-size", str(shard_size), "--no-progress"]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, check=True, cwd=ROOT, capture_output=True)
        seconds = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        manifest = json.loads((Path(out) / "manifest.json").read_text(encoding="utf-8"))
    memory = manifest["run"]["memory_mb"]
    return {
        "seconds": seconds,
        "cpu_seconds": (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime),
        "peak_rss_mb": memory["peak_rss"]["end"],
        "peak_rss_mb_at_half": memory["peak_rss"]["half"],
        "private_mb": memory["private"]["end"],
        "private_mb_at_half": memory["private"]["half"],
        "counts": manifest["counts"],
    }


# --------------------------------------------------------------------------- report

LABELS = {
    "floor": "fugashi + unidic-lite (floor)",
    "pipeline_1_worker": "pipeline, 1 worker",
    "pipeline_2_workers": "pipeline, 2 workers",
    "ginza": "GiNZA (ja_ginza)",
    "ja_timex": "ja-timex",
}
COLUMNS = ["measurement", "wall s", "cpu s", "chars/s", "docs/s", "peak RSS MB/worker", "private MB/worker",
           "wall vs floor", "cpu vs floor"]


def _row(name: str, m: dict[str, Any] | None, docs: int, chars: int, floor: dict[str, Any]) -> list[str]:
    if m is None:
        return [name, "skipped", *[""] * (len(COLUMNS) - 2)]
    return [
        f"{name} (measured {m['reused_from'][:10]})" if "reused_from" in m else name,
        f"{m['seconds']:.1f}",
        f"{m['cpu_seconds']:.1f}",
        f"{chars / m['seconds']:,.0f}",
        f"{docs / m['seconds']:.1f}",
        f"{m['peak_rss_mb']:.0f}",
        f"{m['private_mb']:.0f}" if "private_mb" in m else "",
        f"{m['seconds'] / m.get('floor_seconds', floor['seconds']):.2f}x",
        f"{m['cpu_seconds'] / m.get('floor_cpu_seconds', floor['cpu_seconds']):.2f}x",
    ]


def _table(rows: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in [COLUMNS, *rows]) for i in range(len(COLUMNS))]
    lines = [" | ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths)))
             for r in [COLUMNS, *rows]]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    return "\n".join(lines)


def _targets(results: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Each target's measured value and whether it is met."""
    floor, one, two = results["floor"], results["pipeline_1_worker"], results["pipeline_2_workers"]
    slowdown = one["seconds"] / floor["seconds"]
    speedup = one["seconds"] / two["seconds"]
    rss = max(one["peak_rss_mb"], two["peak_rss_mb"])
    growth = one["private_mb"] / one["private_mb_at_half"] - 1
    # what bare fugashi grows by over the same documents (MeCab's lattice, sized by the longest line so far)
    mecab = (floor.get("private_mb") or 0) - (floor.get("private_mb_at_half") or 0)
    own = (one["private_mb"] - mecab) / one["private_mb_at_half"] - 1
    targets = {
        "1 worker within 3x of the floor (wall)": {
            "value": round(slowdown, 2), "met": slowdown <= MAX_SLOWDOWN_VS_FLOOR,
        },
        "2 workers at least 1.7x one (wall)": {"value": round(speedup, 2), "met": speedup >= MIN_SPEEDUP_2_WORKERS},
        "peak RSS per worker under 400 MB": {"value": round(rss, 1), "met": rss < MAX_WORKER_RSS_MB},
        "private memory per worker flat over the second half (growth under 5%)": {
            "value": f"{growth:+.1%}", "met": growth < MAX_PRIVATE_GROWTH,
        },
        "the same, less bare fugashi's own growth over the same documents": {
            "value": f"{own:+.1%} (fugashi {mecab:+.1f} MB)", "met": own < MAX_PRIVATE_GROWTH,
        },
    }
    if "ginza" in results:
        ginza = results["ginza"]
        lead = (ginza["seconds"] / ginza.get("floor_seconds", floor["seconds"])) / slowdown
        targets["1 worker at least 50x GiNZA's throughput"] = {
            "value": round(lead, 1), "met": lead >= MIN_SPEEDUP_VS_GINZA,
        }
    return targets


def _best(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The fastest of repeated runs, as ``timeit`` reports: slower runs measure the machine's other
    work, not ours. Peak memory is the largest of the runs; every run's seconds are kept."""
    best = dict(min(runs, key=lambda m: m["seconds"]))
    for key in ("peak_rss_mb", "peak_rss_mb_at_half", "private_mb", "private_mb_at_half"):
        if key in best:
            best[key] = max(m[key] for m in runs)
    best["runs_seconds"] = [round(m["seconds"], 2) for m in runs]
    return best


def _reused(output: Path, name: str, docs: int, chars: int) -> dict[str, Any] | None:
    """A measurement kept from the previous results file on the same files (GiNZA takes most of an
    hour), marked with the date it was made and carrying the floor of the run that made it: the
    speed of this shared VM changes between hours, so a reused time is only compared in floors."""
    try:
        previous = json.loads(output.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if (previous.get("documents"), previous.get("characters")) != (docs, chars) or name not in previous["results"]:
        return None
    kept, floor = previous["results"][name], previous["results"]["floor"]
    return {
        "floor_seconds": floor["seconds"], "floor_cpu_seconds": floor["cpu_seconds"], **kept,
        "reused_from": kept.get("reused_from", previous["date"]),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default="corpus/livedoor", help="directory of articles (default: corpus/livedoor)")
    parser.add_argument("--limit", type=int, help="only the first N files (sorted)")
    parser.add_argument("--shard-size", type=int, default=64, help="documents per shard for the pipeline runs")
    parser.add_argument("--output", type=Path, default=Path(__file__).parent / "results.json", help="results JSON")
    parser.add_argument("--skip", action="append", choices=("ginza", "ja_timex"), default=[],
                        help="leave out an optional comparison (GiNZA takes about 40 minutes on livedoor)")
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of the floor and the pipeline, interleaved; the fastest counts (default: 3)")
    parser.add_argument("--child", choices=sorted(CHILDREN), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return _child(args.child)

    sys.path.insert(0, str(ROOT))
    from pipeline.corpus import iter_paths

    os.chdir(ROOT)
    paths = [str(p.resolve()) for p in iter_paths([args.corpus])][: args.limit]
    inputs = paths if args.limit else [args.corpus]
    docs, chars = len(paths), sum(len(_read(p)) for p in paths)
    load_before = os.getloadavg()
    print(f"{docs} files, {chars:,} characters from {args.corpus}; {os.cpu_count()} CPUs, "
          f"load average {load_before[0]:.2f}", file=sys.stderr)

    runs: dict[str, list[dict[str, Any]]] = {"floor": [], "pipeline_1_worker": [], "pipeline_2_workers": []}
    for _ in range(max(1, args.repeat)):  # interleaved, so a busy spell slows one run of each, not all of one
        runs["floor"].append(_measure(sys.executable, "fugashi", paths))
        runs["pipeline_1_worker"].append(_pipeline(inputs, 1, args.shard_size))
        runs["pipeline_2_workers"].append(_pipeline(inputs, 2, args.shard_size))
    results: dict[str, Any] = {name: _best(measured) for name, measured in runs.items()}
    skipped = {}
    pythons = {
        "ginza": None if "ginza" in args.skip else _ginza_python(),
        "ja_timex": None if "ja_timex" in args.skip or importlib.util.find_spec("ja_timex") is None else sys.executable,
    }
    for name, python in pythons.items():
        if python is not None:
            results[name] = _measure(python, name, paths)
        elif kept := _reused(args.output, name, docs, chars):
            results[name] = kept
            print(f"{name}: not run, reusing the measurement of {kept['reused_from']}", file=sys.stderr)
        else:
            skipped[name] = "--skip" if name in args.skip else "not installed (pip install -e '.[compare]')"
            print(f"skipped {name}: {skipped[name]}", file=sys.stderr)

    table = _table([_row(label, results.get(key), docs, chars, results["floor"]) for key, label in LABELS.items()])
    targets = _targets(results)
    print(table)
    for name, t in targets.items():
        print(f"{'met   ' if t['met'] else 'MISSED'} {name}: {t['value']}")
    if load_before[0] > 1.0:  # about one core busy with other work
        print(f"note: the machine was busy before the benchmark started (load average {load_before[0]:.2f}): "
              "wall times and speed-ups are unreliable, cpu seconds less so")

    report = {
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "command": " ".join(["python", *sys.argv]),
        "corpus": args.corpus, "limit": args.limit, "documents": docs, "characters": chars,
        "shard_size": args.shard_size,
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform(),
                    "load_average_before": load_before, "load_average_after": os.getloadavg()},
        "results": results, "skipped": skipped, "targets": targets, "table": table,
    }
    args.output.write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"-> {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
