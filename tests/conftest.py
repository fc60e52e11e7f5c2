"""Shared fixtures: one pipeline per test session (loading it costs a second), and a growth measure."""
from __future__ import annotations

import gc
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
    """Best CPU time of ``run(n)`` with the cyclic garbage collector paused.

    A full collection walks every object the whole test session holds, so one
    landing inside the larger run made a linear function look superlinear
    (CI measured 8.4 for work that grows 3.8 times on its own).
    """
    best = float("inf")
    for _ in range(repeats):
        gc.collect()
        gc.disable()
        try:
            started = time.process_time()
            run(n)
            best = min(best, time.process_time() - started)
        finally:
            gc.enable()
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
