"""Shared fixtures: one pipeline per test session (loading it costs a second)."""
from __future__ import annotations

from pathlib import Path

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
