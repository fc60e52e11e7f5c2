"""Draw the livedoor articles to hand-label as gold, reproducibly.

The draw is from the development selection under ``corpus/livedoor`` (every
article file, sorted by doc_id), leaving out the four articles of the spec's
worked examples, which join the ``dev`` part separately. The first
``--dev`` ids drawn form the ``dev`` part (rules may be written while looking
at them); the rest form the ``test`` part (only ever scored).
"""
from __future__ import annotations

import argparse
import random
from pathlib import Path

SEED = 20261126
SPEC_EXAMPLES = frozenset(
    {"it-life-hack-6881272", "kaden-channel-5821471", "kaden-channel-5888941", "smax-6538588"}
)


def draw(corpus: Path, n: int, n_dev: int, seed: int = SEED) -> tuple[list[str], list[str]]:
    """Return (dev ids, test ids), drawn with ``random.Random(seed).sample``."""
    ids = sorted(
        p.stem
        for p in corpus.rglob("*.txt")
        if not p.name.startswith(("LICENSE", "README", "CHANGES")) and p.stem not in SPEC_EXAMPLES
    )
    picked = random.Random(seed).sample(ids, n)
    return picked[:n_dev], picked[n_dev:]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=Path("corpus/livedoor"))
    parser.add_argument("-n", type=int, default=45)
    parser.add_argument("--dev", type=int, default=25)
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args()
    dev, test = draw(args.corpus, args.n, args.dev, args.seed)
    print("dev:", " ".join(dev))
    print("test:", " ".join(test))


if __name__ == "__main__":
    main()
