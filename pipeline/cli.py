"""Command line: ``python -m pipeline run|eval|show``.

The flags and output files are a contract other tools rely on:

* ``run [PATH ...] [--output DIR]`` processes files, directories (recursive)
  and globs (default ``corpus/``) and writes ``predictions.jsonl``,
  ``events.csv``, ``events.parquet``, ``dates.csv``, ``products.csv``,
  ``features.csv`` and ``manifest.json`` into DIR (default ``outputs/``).
* ``eval GOLD PRED`` scores predictions against hand-labelled gold.
* ``show PATH`` prints one article's extraction.
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any, Sequence

from .corpus import CorpusError


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO date (YYYY-MM-DD): {value!r}") from None


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"not a positive integer: {value!r}")
    return number


def _add_run(sub: argparse._SubParsersAction) -> None:
    from .batch import SHARD_SIZE
    from .corpus import Limits

    p = sub.add_parser("run", help="run the pipeline over articles and write the output files")
    p.add_argument("paths", nargs="*", default=["corpus/"], metavar="PATH", help="files, directories or globs (default: corpus/)")
    p.add_argument("-o", "--output", type=Path, default=Path("outputs"), help="output directory (default: outputs/)")
    p.add_argument("--pattern", default="*.txt", help="file name pattern inside directories (default: *.txt)")
    p.add_argument("--date", type=_date, help="document date for articles that state none (YYYY-MM-DD)")
    p.add_argument("--prefix-parent", action="store_true", help="doc_id = parent folder + stem, for inputs whose stems collide")
    p.add_argument("-j", "--workers", type=_positive_int, default=1,
                   help="worker processes (default: 1); with --engine dask, the workers of the local cluster")
    p.add_argument("--resume", action="store_true",
                   help="continue an interrupted run into the same DIR without redoing its finished shards")
    p.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local: this machine (default); dask: dask.distributed, a local cluster unless --scheduler")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="Dask scheduler address (tcp://host:8786), implies --engine dask; inputs must be absolute "
                        "paths, and DIR on a file system, that every worker sees")
    limits = Limits()
    p.add_argument("--max-bytes", type=_positive_int, default=limits.max_bytes,
                   help=f"refuse (as a per-document error) a file larger than this (default: {limits.max_bytes:,})")
    p.add_argument("--max-line-chars", type=_positive_int, default=limits.max_line_chars,
                   help=f"refuse a document with a longer line, in characters (default: {limits.max_line_chars:,})")
    p.add_argument("--shard-size", type=_positive_int, default=SHARD_SIZE,
                   help=f"documents per shard, the unit of parallel work and of resuming (default: {SHARD_SIZE})")
    bar = p.add_mutually_exclusive_group()
    bar.add_argument("--progress", dest="progress", action="store_true", default=None, help="always show a progress bar")
    bar.add_argument("--no-progress", dest="progress", action="store_false", help="never show a progress bar")
    p.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    from .batch import BatchError, RunOptions, run
    from .corpus import Limits

    options = RunOptions(
        args.paths, args.output, args.pattern, args.date, args.prefix_parent, args.progress,
        workers=args.workers, shard_size=args.shard_size, resume=args.resume,
        engine="dask" if args.scheduler else args.engine, scheduler=args.scheduler,
        limits=Limits(args.max_bytes, args.max_line_chars),
    )
    try:
        result = run(options)
    except BatchError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    c, r = result.counts, result.run
    resumed = f", resumed {r['shards_resumed']} of {r['shards']} shards" if args.resume else ""
    print(
        f"{c['documents']} documents ({c['ok']} ok, {c['undated']} undated, {c['error']} errors), "
        f"{c['events']} events -> {result.output}/ in {r['elapsed_seconds']:.1f} s{resumed}",
        file=sys.stderr,
    )
    return 0


def _add_subcommand(sub: argparse._SubParsersAction, name: str, module: Any, help: str) -> None:
    """A subcommand whose module provides ``add_arguments(parser)`` and ``command(args)``."""
    p = sub.add_parser(name, help=help)
    module.add_arguments(p)
    p.set_defaults(func=module.command)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m pipeline", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True, metavar="{run,eval,show}")
    from . import evaluate, show

    _add_run(sub)
    _add_subcommand(sub, "eval", evaluate, "score predictions against gold (gold-format.md)")
    _add_subcommand(sub, "show", show, "one article's extraction as text, or as a self-contained HTML page")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except CorpusError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
