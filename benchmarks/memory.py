"""Whether a batch worker's memory levels off: one worker over the same corpus several times in a row.

``throughput.py`` compares a worker's private memory half-way through one run
with its end, and bare fugashi's at the same points. That cannot tell warm-up
(bounded caches filling, MeCab meeting new words) from growth without end; a
longer run can. This script works as a ``run`` worker does (the same pipeline,
memory zones and rendering, outputs discarded) over the files ``--passes``
times and prints the private memory (RssAnon) half-way through and at the end
of each pass. Memory that levels off is bounded; memory that keeps rising by
about the same amount each pass grows with the corpus.

Usage::

    python benchmarks/memory.py                   # corpus/livedoor, 4 passes (about 3 minutes)
    python benchmarks/memory.py --passes 2 --limit 500
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Sequence

ROOT = Path(__file__).resolve().parent.parent


def measure(paths: Sequence[Path], passes: int) -> list[tuple[int, float | None, float | None]]:
    """(pass, private MB half-way, private MB at the end) for each pass over ``paths``."""
    from pipeline import batch
    from pipeline.corpus import Limits

    options = batch.ShardOptions(root="", date=None, disable=(), limits=Limits())
    nlp = batch._pipeline(options.disable)
    zone = batch._local.zone
    rows = []
    for n in range(1, passes + 1):
        half = None
        for i, path in enumerate(paths, 1):
            zone.enter_document()
            batch._process(nlp, path, path.stem, options)
            if i == len(paths) // 2:
                half = batch._memory()[1]
        rows.append((n, half, batch._memory()[1]))
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default="corpus/livedoor", help="directory of articles (default: corpus/livedoor)")
    parser.add_argument("--limit", type=int, help="only the first N files (sorted)")
    parser.add_argument("--passes", type=int, default=4, help="passes over the files (default: 4)")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from pipeline.corpus import iter_paths

    paths = list(iter_paths([ROOT / args.corpus]))[: args.limit]  # an absolute --corpus stays as given
    print(f"{len(paths)} files from {args.corpus}, {args.passes} passes; private memory (RssAnon) of the worker, MB")
    for n, half, end in measure(paths, args.passes):
        print(f"pass {n}: half-way {half}, end {end}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
