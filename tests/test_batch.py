"""Batch runs: the same bytes however a run is executed (one worker, several, Dask, any shard size,
killed and resumed), every input accounted for, and a progress bar only where someone watches."""
from __future__ import annotations

import codecs
import faulthandler
import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline import batch
from pipeline.batch import KILL_AFTER_ENV, OUTPUT_FILES, RunOptions, RunResult, event_schema

LIVEDOOR = Path(__file__).resolve().parent.parent / "corpus" / "livedoor"
# Short articles from each category, most of them with events.
ARTICLES = (
    "it-life-hack/it-life-hack-6846420",
    "kaden-channel/kaden-channel-5888941",
    "kaden-channel/kaden-channel-6105402",
    "kaden-channel/kaden-channel-6907482",
    "smax/smax-6537923",
    "smax/smax-6612334",
)
BROKEN = {
    "broken.txt": b"\x00\x01binary",  # rejected by the reader (CorpusError)
    "truncated-utf16.txt": codecs.BOM_UTF16_LE + b"\x00\xd8",  # fails while decoding
}
SHARD_SIZE = 2


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory, seed_path: Path) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for article in ARTICLES:
        shutil.copy(LIVEDOOR / f"{article}.txt", folder)
    shutil.copy(seed_path, folder)
    for name, data in BROKEN.items():
        (folder / name).write_bytes(data)
    return folder


def _run(inputs: list[Path], output: Path, **options: Any) -> RunResult:
    return batch.run(RunOptions(inputs, output, **{"progress": False, "shard_size": SHARD_SIZE, **options}))


def _outputs(folder: Path) -> dict[str, bytes]:
    """Every output file's bytes; the manifest without its run line (timings, workers, memory)."""
    files = {name: (folder / name).read_bytes() for name in OUTPUT_FILES}
    lines = files["manifest.json"].splitlines(keepends=True)
    files["manifest.json"] = b"".join(line for line in lines if not line.startswith(b' "run": '))
    return files


def _run_section(folder: Path) -> dict[str, Any]:
    return json.loads((folder / "manifest.json").read_text(encoding="utf-8"))["run"]


@pytest.fixture(scope="module")
def reference(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One uninterrupted run by one worker in this process."""
    out = tmp_path_factory.mktemp("reference")
    _run([corpus], out)
    return out


def test_a_run_leaves_the_documented_files_only(reference: Path) -> None:
    assert sorted(p.name for p in reference.iterdir()) == sorted(OUTPUT_FILES)


def test_every_input_is_in_the_manifest_with_its_status(reference: Path, corpus: Path) -> None:
    manifest = json.loads((reference / "manifest.json").read_text(encoding="utf-8"))
    entries = manifest["inputs"]
    assert [e["path"] for e in entries] == [str(p) for p in sorted(corpus.glob("*.txt"))]
    by_id = {e["doc_id"]: e for e in entries}
    assert "broken.txt" in by_id["broken"]["error"]
    assert by_id["truncated-utf16"]["error"].endswith("truncated-utf16.txt: not valid utf-16 after its BOM: unexpected end of data at byte 2")
    assert {e["doc_id"] for e in entries if e["status"] == "error"} == {"broken", "truncated-utf16"}
    assert {e["status"] for e in entries if e["status"] != "error"} == {"ok"}
    assert manifest["counts"]["error"] == 2 and manifest["counts"]["documents"] == len(ARTICLES) + 1 + 2
    predictions = (reference / "predictions.jsonl").read_text(encoding="utf-8").splitlines()
    predicted = [json.loads(line)["doc_id"] for line in predictions]
    assert predicted == [e["doc_id"] for e in entries if e["status"] != "error"]


def test_the_reference_has_events_to_compare(reference: Path) -> None:
    assert pq.read_table(reference / "events.parquet").num_rows > 0


def test_two_workers_write_the_same_bytes_as_one(corpus: Path, reference: Path, tmp_path: Path) -> None:
    _run([corpus], tmp_path, workers=2)
    assert _outputs(tmp_path) == _outputs(reference)
    assert _run_section(tmp_path)["workers"] == 2


def test_the_shard_size_does_not_change_the_bytes(corpus: Path, reference: Path, tmp_path: Path) -> None:
    _run([corpus], tmp_path, shard_size=3)
    assert _outputs(tmp_path) == _outputs(reference)


def test_merged_parquet_does_not_depend_on_how_rows_were_split(tmp_path: Path) -> None:
    schema = event_schema()
    rows = [
        {name: ([f"f{i}"] if name == "features" else i if field.type == pa.int64() else None if i == 3 else f"{name}{i}")
         for name, field in zip(schema.names, schema)}
        for i in range(5)
    ]
    files = {}
    for split in ((5,), (3, 2), (1, 1, 0, 1, 1, 1)):
        sources, start = [], 0
        for n, size in enumerate(split):
            sources.append(tmp_path / f"{split}-{n}.jsonl")
            sources[-1].write_text("".join(json.dumps(row) + "\n" for row in rows[start : start + size]))
            start += size
        batch.merge_parquet(sources, tmp_path / f"{split}.parquet", row_group_rows=2)
        files[split] = (tmp_path / f"{split}.parquet").read_bytes()
    assert len(set(files.values())) == 1
    merged = pq.ParquetFile(tmp_path / "(5,).parquet")
    assert [merged.metadata.row_group(i).num_rows for i in range(merged.num_row_groups)] == [2, 2, 1]
    assert merged.read().to_pylist() == rows


def _cli_run(corpus: Path, out: Path, *flags: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pipeline", "run", str(corpus), "-o", str(out), "--shard-size", str(SHARD_SIZE),
         "--no-progress", *flags],
        capture_output=True, text=True, check=False, timeout=300, env={**os.environ, **(env or {})},
    )


def test_resume_after_sigkill_gives_the_uninterrupted_output(corpus: Path, reference: Path, tmp_path: Path) -> None:
    killed = _cli_run(corpus, tmp_path, env={KILL_AFTER_ENV: str(SHARD_SIZE + 1)})
    assert killed.returncode == -signal.SIGKILL
    assert not any((tmp_path / name).exists() for name in OUTPUT_FILES)
    (run_dir,) = (tmp_path / batch.SHARDS_DIR).iterdir()
    assert sorted(p.name for p in run_dir.iterdir() if not p.name.startswith(".")) == ["000000"]

    resumed = _cli_run(corpus, tmp_path, "--resume")
    assert resumed.returncode == 0, resumed.stderr
    assert "resumed 1 of" in resumed.stderr
    assert _outputs(tmp_path) == _outputs(reference)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(OUTPUT_FILES)


def test_resume_ignores_shards_of_a_different_run(corpus: Path, reference: Path, tmp_path: Path) -> None:
    stale = tmp_path / batch.SHARDS_DIR / "0123456789abcdef" / "000000"
    stale.mkdir(parents=True)
    (stale / "predictions.jsonl").write_text('{"doc_id": "not-in-this-run"}\n', encoding="utf-8")
    result = _run([corpus], tmp_path, resume=True)
    assert result.run["shards_resumed"] == 0
    assert _outputs(tmp_path) == _outputs(reference)
    assert not (tmp_path / batch.SHARDS_DIR).exists()


def test_dask_engine_writes_the_same_bytes(corpus: Path, reference: Path, tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    faulthandler.dump_traceback_later(180, exit=True)  # a hung cluster must not hang CI
    try:
        with distributed.LocalCluster(
            n_workers=1, threads_per_worker=1, processes=False, protocol="tcp", host="127.0.0.1",
            dashboard_address=None,
        ) as cluster:
            result = _run([corpus], tmp_path, engine="dask", scheduler=cluster.scheduler_address)
    finally:
        faulthandler.cancel_dump_traceback_later()
    assert result.run["engine"] == "dask"
    assert _outputs(tmp_path) == _outputs(reference)


def test_a_scheduler_needs_absolute_inputs(tmp_path: Path) -> None:
    with pytest.raises(batch.CorpusError, match="absolute"):
        _run([Path("corpus")], tmp_path, engine="dask", scheduler="tcp://127.0.0.1:1")


@pytest.fixture()
def small_corpus(corpus: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "small"
    folder.mkdir()
    shutil.copy(corpus / "broken.txt", folder)
    shutil.copy(LIVEDOOR / f"{ARTICLES[0]}.txt", folder)
    return folder


def test_progress_is_quiet_off_a_terminal(small_corpus: Path, tmp_path: Path, capfd: pytest.CaptureFixture) -> None:
    _run([small_corpus], tmp_path / "out", progress=None)
    assert capfd.readouterr().err == ""


def test_progress_bar_counts_documents_and_errors_when_asked(
    small_corpus: Path, tmp_path: Path, capfd: pytest.CaptureFixture
) -> None:
    _run([small_corpus], tmp_path / "out", progress=True, shard_size=1)
    last = capfd.readouterr().err.replace("\r", "\n").strip().splitlines()[-1]
    assert "2/2" in last and "doc/s" in last and "errors=1" in last
