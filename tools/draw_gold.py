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


def _candidates(corpus: Path, exclude: frozenset[str]) -> list[str]:
    """Every article id of the selection, sorted, minus the spec examples and ``exclude``."""
    return sorted(
        p.stem
        for p in corpus.rglob("*.txt")
        if not p.name.startswith(("LICENSE", "README", "CHANGES"))
        and p.stem not in SPEC_EXAMPLES
        and p.stem not in exclude
    )


def draw(corpus: Path, n: int, n_dev: int, seed: int = SEED) -> tuple[list[str], list[str]]:
    """Return (dev ids, test ids), drawn with ``random.Random(seed).sample``."""
    picked = random.Random(seed).sample(_candidates(corpus, frozenset()), n)
    return picked[:n_dev], picked[n_dev:]


def draw_more(corpus: Path, n: int, rounds: int, exclude: frozenset[str], seed: int = SEED) -> list[list[str]]:
    """Further dev ids, ``n`` per enlargement round, from the articles not drawn before.

    Round ``r`` (1, 2, ...) samples with seed ``seed + r`` from what the first
    draw (``exclude``) and the earlier rounds left, so no enlargement disturbs
    the first draw (and with it the ``test`` part) or an earlier round.
    """
    drawn: list[list[str]] = []
    for r in range(1, rounds + 1):
        taken = exclude.union(*drawn)
        drawn.append(random.Random(seed + r).sample(_candidates(corpus, taken), n))
    return drawn


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=Path("corpus/livedoor"))
    parser.add_argument("-n", type=int, default=45)
    parser.add_argument("--dev", type=int, default=25)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--more", type=int, default=0, help="draw this many further dev ids per round instead")
    parser.add_argument("--rounds", type=int, default=1, help="enlargement rounds so far (each draws --more ids)")
    args = parser.parse_args()
    dev, test = draw(args.corpus, args.n, args.dev, args.seed)
    if args.more:
        for r, ids in enumerate(draw_more(args.corpus, args.more, args.rounds, frozenset(dev + test), args.seed), 1):
            print(f"dev (round {r}):", " ".join(ids))
        return
    print("dev:", " ".join(dev))
    print("test:", " ".join(test))


if __name__ == "__main__":
    main()
