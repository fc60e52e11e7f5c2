"""``python -m pipeline run`` end to end on the seed article: every output file, well-formed."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from pipeline.batch import OUTPUT_FILES
from pipeline.export import DATE_COLUMNS, EVENT_COLUMNS, FEATURE_COLUMNS, PRODUCT_COLUMNS


@pytest.fixture(scope="module")
def run_output(tmp_path_factory: pytest.TempPathFactory, seed_path: Path) -> Path:
    corpus = tmp_path_factory.mktemp("corpus")
    shutil.copy(seed_path, corpus)
    (corpus / "broken.txt").write_bytes(b"\x00\x01binary")
    out = tmp_path_factory.mktemp("out")
    proc = subprocess.run(
        [sys.executable, "-m", "pipeline", "run", str(corpus), "--output", str(out), "--no-progress"],
        capture_output=True, text=True, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "2 documents" in proc.stderr
    return out


def test_every_output_file_is_written(run_output: Path) -> None:
    assert sorted(p.name for p in run_output.iterdir()) == sorted(OUTPUT_FILES)


def test_manifest_accounts_for_every_input(run_output: Path, seed_path: Path) -> None:
    manifest = json.loads((run_output / "manifest.json").read_text(encoding="utf-8"))
    by_id = {e["doc_id"]: e for e in manifest["inputs"]}
    assert set(by_id) == {seed_path.stem, "broken"}
    assert by_id[seed_path.stem]["status"] == "ok"
    assert by_id[seed_path.stem]["dct"] == "2007-06-26"
    assert by_id["broken"]["status"] == "error"
    assert "broken.txt" in by_id["broken"]["error"]
    assert manifest["counts"] == {"documents": 2, "ok": 1, "undated": 0, "error": 1, "events": by_id[seed_path.stem]["events"]}


def test_predictions_are_in_the_gold_shape_with_valid_offsets(run_output: Path, seed_path: Path) -> None:
    lines = (run_output / "predictions.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1
    pred = json.loads(lines[0])
    text = seed_path.read_text(encoding="utf-8")
    assert pred["doc_id"] == seed_path.stem and pred["doc_date"] == "2007-06-26"
    assert set(pred) >= {"products", "dates", "feature_lists", "events"}
    for d in pred["dates"]:
        assert all(text[s:e] == d["text"] for s, e in d["spans"])
    for p in pred["products"]:
        assert {text[s:e] for s, e in p["spans"]} == set(p["mentions"])
    for e in pred["events"]:
        assert e["type"] in {"announce", "release", "delay", "feature_drop", "end"}
        assert e["status"] in {"done", "planned"}


@pytest.mark.parametrize(
    ("name", "columns"),
    [("events.csv", EVENT_COLUMNS), ("dates.csv", DATE_COLUMNS), ("products.csv", PRODUCT_COLUMNS),
     ("features.csv", FEATURE_COLUMNS)],
)
def test_tables_have_their_columns_and_valid_offsets(run_output: Path, seed_path: Path, name: str, columns: dict) -> None:
    table = pd.read_csv(run_output / name, keep_default_na=False)
    assert list(table.columns) == list(columns)
    text = seed_path.read_text(encoding="utf-8")
    if "start" in table:
        assert all(text[s:e] == t for s, e, t in zip(table["start"], table["end"], table["text"]))


def test_parquet_event_table_matches_the_csv(run_output: Path) -> None:
    parquet = pq.read_table(run_output / "events.parquet").to_pandas()
    csv = pd.read_csv(run_output / "events.csv", keep_default_na=False)
    assert list(parquet.columns) == list(EVENT_COLUMNS)
    assert len(parquet) == len(csv)
    assert list(parquet["evidence"]) == list(csv["evidence"])


def test_unknown_input_is_a_clear_error(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "pipeline", "run", str(tmp_path / "missing"), "--output", str(tmp_path / "o")],
        capture_output=True, text=True, check=False,
    )
    assert proc.returncode == 2
    assert "missing" in proc.stderr


@pytest.mark.parametrize("flags", [["--workers", "0"], ["--shard-size", "-1"], ["--engine", "spark"]])
def test_run_rejects_bad_execution_flags(flags: list[str], capsys: pytest.CaptureFixture) -> None:
    from pipeline.cli import main

    with pytest.raises(SystemExit) as exit_:
        main(["run", "corpus/seed", *flags])
    assert exit_.value.code == 2
    assert flags[0] in capsys.readouterr().err


def test_scheduler_implies_the_dask_engine_and_absolute_inputs(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    from pipeline.cli import main

    assert main(["run", "corpus/seed", "-o", str(tmp_path), "--scheduler", "tcp://127.0.0.1:1"]) == 2
    assert "absolute paths" in capsys.readouterr().err
