"""The benchmark measures its floor the way the pipeline calls MeCab."""
from __future__ import annotations

import importlib.util
from pathlib import Path

from pipeline.tokenizer import DEFAULT_MAX_PIECE

ROOT = Path(__file__).resolve().parent.parent


def _script(name: str):
    """A script of ``benchmarks/`` (not a package) as a module."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_floor_cuts_lines_where_the_tokenizer_does() -> None:
    """MeCab's memory follows its longest call, so the floor's memory growth is only comparable with
    the pipeline's when both bound a call alike."""
    assert _script("throughput").FLOOR_MAX_PIECE == DEFAULT_MAX_PIECE


def test_the_floor_child_reports_its_private_memory(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("2012年4月1日にiPhone 4Sを発売した。\n" + "あ" * 3000 + "\n", encoding="utf-8")
    measured = _script("throughput")._fugashi([str(article), str(article)])
    assert measured["tokens"] > 10
    assert measured["private_mb"] > 0 and measured["private_mb_at_half"] > 0


def test_the_memory_script_reports_every_pass(tmp_path: Path) -> None:
    module = _script("memory")
    seed = ROOT / "corpus" / "seed" / "000_0e58f99f0a751b93.txt"
    rows = module.measure([seed, seed], passes=2)
    assert [n for n, _, _ in rows] == [1, 2]
    assert all(half > 0 and end > 0 for _, half, end in rows)
