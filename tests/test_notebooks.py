"""The notebooks run top to bottom in a fresh kernel on a small corpus and are stored without outputs.

The kernel is this interpreter (a kernel spec written for the test), never
whatever ``python3`` kernel a user's Jupyter configuration happens to name.
The notebooks read their paths from ``PIPELINE_NB_*`` environment variables,
which the kernel inherits: a four-article corpus, its gold, and an output
directory of its own for each notebook, so each has to make the run it reads.
"""
from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path
from typing import Any, Iterator

import nbformat
import pytest
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
# Dev gold documents: the seed and three livedoor articles with events of every status.
DOC_IDS = ("000_0e58f99f0a751b93", "kaden-channel-5888941", "it-life-hack-6520002", "smax-6749282")
CELL_TIMEOUT = 120


def _article(doc_id: str) -> Path:
    if doc_id == DOC_IDS[0]:
        return ROOT / "corpus" / "seed" / f"{doc_id}.txt"
    return ROOT / "corpus" / "livedoor" / doc_id.rsplit("-", 1)[0] / f"{doc_id}.txt"


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The PIPELINE_NB_* variables but the output: four articles and their gold."""
    base = tmp_path_factory.mktemp("notebooks")
    corpus, gold = base / "corpus", base / "gold"
    corpus.mkdir()
    gold.mkdir()
    for doc_id in DOC_IDS:
        shutil.copy(_article(doc_id), corpus)
    lines = (ROOT / "corpus" / "gold" / "dev.jsonl").read_text(encoding="utf-8").splitlines()
    (gold / "dev.jsonl").write_text(
        "".join(f"{line}\n" for line in lines if line.strip() and json.loads(line)["doc_id"] in DOC_IDS),
        encoding="utf-8",
    )
    return {
        "PIPELINE_NB_ARTICLES": str(corpus),
        "PIPELINE_NB_CORPUS": str(corpus),
        "PIPELINE_NB_GOLD": str(gold),
        "PIPELINE_NB_DEV_GOLD": str(gold / "dev.jsonl"),
    }


@pytest.fixture(scope="module")
def kernel_specs(tmp_path_factory: pytest.TempPathFactory) -> KernelSpecManager:
    """A kernel spec that starts ipykernel on the interpreter running the tests."""
    spec = tmp_path_factory.mktemp("kernels") / "pipeline-tests"
    spec.mkdir()
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "pipeline tests", "language": "python",
    }), encoding="utf-8")
    return KernelSpecManager(kernel_dirs=[str(spec.parent)])


@pytest.fixture
def output(small_corpus: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Set the notebooks' environment; the output directory is new and empty.

    The kernel's connection file and IPython profile live in tmp too: no
    user start-up scripts, nothing written to the home directory.
    """
    for name, value in small_corpus.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("PIPELINE_NB_OUTPUT", str(tmp_path / "output"))
    monkeypatch.setenv("JUPYTER_RUNTIME_DIR", str(tmp_path / "runtime"))
    monkeypatch.setenv("IPYTHONDIR", str(tmp_path / "ipython"))
    return tmp_path / "output"


def _execute(name: str, specs: KernelSpecManager) -> nbformat.NotebookNode:
    """Run a notebook in a fresh kernel, from the notebooks/ folder as Jupyter does; raises on a failing cell."""
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    km = KernelManager(kernel_name="pipeline-tests", kernel_spec_manager=specs)
    NotebookClient(nb, km=km, timeout=CELL_TIMEOUT, resources={"metadata": {"path": str(NOTEBOOKS)}}).execute()
    return nb


def _outputs(nb: nbformat.NotebookNode) -> Iterator[dict[str, Any]]:
    for cell in nb.cells:
        yield from cell.get("outputs", [])


def _html(nb: nbformat.NotebookNode) -> str:
    return "\n".join(o["data"]["text/html"] for o in _outputs(nb) if "text/html" in o.get("data", {}))


def _text(nb: nbformat.NotebookNode) -> str:
    return "\n".join(o.get("text", "") for o in _outputs(nb))


@pytest.mark.parametrize("name", ["explore.ipynb", "evaluate.ipynb"])
def test_notebook_is_stored_without_outputs(name: str) -> None:
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    nbformat.validate(nb)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code and all(c.outputs == [] and c.execution_count is None for c in code)


def test_explore_runs_top_to_bottom(output: Path, kernel_specs: KernelSpecManager) -> None:
    nb = _execute("explore.ipynb", kernel_specs)
    html = _html(nb)
    assert 'class="spans"' in html  # the article in displaCy's span view
    assert "kaden-channel-5888941#1" in html  # the event table
    assert sum("image/png" in o.get("data", {}) for o in _outputs(nb)) >= 3  # timeline, by type, by month
    assert "python -m pipeline run corpus/" in _text(nb)  # it said how to make the run it lacked
    assert "4 documents (4 ok" in _text(nb) and (output / "events.parquet").exists()  # and made it


def test_evaluate_runs_top_to_bottom(output: Path, kernel_specs: KernelSpecManager) -> None:
    nb = _execute("evaluate.ipynb", kernel_specs)
    html = _html(nb)
    for block in ("products", "dates_relaxed", "events_full", "event_feature_f1"):
        assert f">{block}</th>" in html  # the per-block table
    assert ">release</th>" in html  # the per-type table
    assert ">outcome</th>" in html and ">match</td>" in html  # the side-by-side view
    assert "4 documents (4 ok" in _text(nb) and (output / "predictions.jsonl").exists()
