"""Shared fixtures: one pipeline per test session (loading it costs a second), and a growth measure."""
from __future__ import annotations

import time
from pathlib import Path
from typing import Callable

import pytest
from spacy.language import Language

import pipeline

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "seed" / "000_0e58f99f0a751b93.txt"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def nlp() -> Language:
    return pipeline.load()


@pytest.fixture(scope="session")
def tokenizer_only() -> Language:
    return pipeline.load(disable=[n for n in pipeline.PIPE_NAMES])


def _cpu_seconds(run: Callable[[int], object], n: int, repeats: int = 3) -> float:
    best = float("inf")
    for _ in range(repeats):
        started = time.process_time()
        run(n)
        best = min(best, time.process_time() - started)
    return best


@pytest.fixture(scope="session")
def growth() -> Callable[[Callable[[int], object], int], float]:
    """How many times longer ``run(4 * n)`` takes than ``run(n)``, in CPU time, best of three each.

    About 4 for linear work and 16 for quadratic: a check of how work grows with
    the input, which holds on a slow machine as on a fast one, unlike a bound in
    seconds (speed itself is the benchmark's business, ``benchmarks/``). ``n``
    should make ``run(n)`` take a few hundredths of a second at least.
    """

    def measure(run: Callable[[int], object], n: int) -> float:
        return _cpu_seconds(run, 4 * n) / max(_cpu_seconds(run, n), 1e-3)

    return measure
