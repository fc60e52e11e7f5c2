"""Batch runs at corpus scale: sharded, streaming, parallel, resumable, on one machine or on Dask.

The sorted inputs are cut into shards of a fixed number of documents.
``process_shard`` turns one shard into its output fragments under
``DIR/.shards/<run key>/<shard id>/``. It is pure and idempotent, and a shard
directory appears by a single rename once all of its files are written, so
after any interruption (SIGKILL included) a shard is either complete or absent.
Everything else follows from that:

* streaming: a worker holds one document at a time, inside a spaCy memory
  zone, and writes its outputs as it goes, so memory does not grow with the
  corpus; workers never load pyarrow or pandas (the merge writes the Parquet
  file from the shards' event rows, one row group at a time);
* parallel: shards run in any order, in this process, in N local processes or
  on a Dask cluster, and are merged in shard order: the output files are the
  same bytes however the run was executed;
* resumable: a resumed run skips the shard directories already there; the run
  key, a digest of the inputs, the options and the code, keeps a resume from
  mixing in shards of a different run.

The merge concatenates the fragments into the documented output files under
temporary names, renames them into place (``manifest.json`` last) and removes
the shard directory. Every input appears in ``manifest.json`` with its status;
a document that fails is recorded with its error and never stops the run.
"""
from __future__ import annotations

import concurrent.futures as cf
import csv
import gc
import datetime as dt
import hashlib
import io
import itertools
import json
import logging
import multiprocessing
import os
import shutil
import signal
import threading
import time
import uuid
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Sequence

from . import export
from .corpus import CorpusError, Limits, doc_ids, iter_paths, read_article

if TYPE_CHECKING:  # spaCy is loaded by the workers only: the main process of a run only reads and merges files
    from spacy.language import Language
    from spacy.tokens import Doc

OUTPUT_FILES = (
    "predictions.jsonl", "events.csv", "events.parquet", "dates.csv", "products.csv", "features.csv", "manifest.json",
)
SHARD_SIZE = 64
# Documents per spaCy memory zone of a worker (see _Zone).
ZONE_DOCUMENTS = 1024
# Allocations between two young-generation collections in a worker (Python's default: 700).
GC_THRESHOLD = 50_000
SHARDS_DIR = ".shards"
# Rows per Parquet row group of the merged event table: fixed, so the file does not depend on the shard size.
ROW_GROUP_ROWS = 16_384
# Testing hook: a process that has processed this many documents SIGKILLs itself.
KILL_AFTER_ENV = "PIPELINE_TEST_KILL_AFTER"

# Mention tables written as CSV: file name -> (table of export.outputs, columns).
_CSV_TABLES: dict[str, tuple[str, dict[str, str]]] = {
    "events.csv": ("events", export.EVENT_COLUMNS),
    "dates.csv": ("dates", export.DATE_COLUMNS),
    "products.csv": ("products", export.PRODUCT_COLUMNS),
    "features.csv": ("features", export.FEATURE_COLUMNS),
}
# A shard's files: its manifest entries, one fragment per line-oriented output file, and its event
# rows as JSON lines, which the merge turns into events.parquet (so workers never load pyarrow).
_SHARD_MANIFEST = "manifest.jsonl"
_SHARD_EVENTS = "events.jsonl"
_SHARD_TEXT_FILES = (_SHARD_MANIFEST, "predictions.jsonl", *_CSV_TABLES, _SHARD_EVENTS)


class BatchError(RuntimeError):
    """The run could not finish (a worker died, the cluster failed); finished shards are kept for a resume."""


@dataclass(frozen=True)
class RunOptions:
    """What ``python -m pipeline run`` was asked to do."""

    inputs: Sequence[str | Path]
    output: Path
    pattern: str = "*.txt"
    date: dt.date | None = None
    prefix_parent: bool = False
    progress: bool | None = None  # None: a bar on a terminal only
    workers: int = 1
    shard_size: int = SHARD_SIZE
    resume: bool = False
    engine: str = "local"  # "local": this machine; "dask": dask.distributed
    scheduler: str | None = None  # Dask scheduler address; None: a local cluster of `workers` processes
    disable: tuple[str, ...] = ()  # pipeline components to switch off
    limits: Limits = Limits()  # per-document input limits


@dataclass(frozen=True)
class ShardOptions:
    """What every shard of a run shares; small and picklable, it travels with each task."""

    root: str  # the run's shard directory, DIR/.shards/<run key>, absolute
    date: dt.date | None
    disable: tuple[str, ...]
    limits: Limits


@dataclass(frozen=True)
class ShardResult:
    """A finished shard, and the memory of the worker that reported it."""

    shard_id: int
    documents: int
    errors: int
    peak_rss_mb: float | None  # the worker's peak resident memory so far
    private_mb: float | None  # the worker's private (anonymous) memory now


@dataclass(frozen=True)
class RunResult:
    output: Path
    counts: dict[str, int]
    run: dict[str, Any]  # the manifest's "run" section: how this run executed


# --------------------------------------------------------------------------- one document


def _entry(path: Path, doc_id: str) -> dict[str, Any]:
    return {"path": str(path), "doc_id": doc_id, "status": "pending"}


def process_one(
    nlp: Language, path: Path, doc_id: str, date: dt.date | None, limits: Limits = Limits()
) -> tuple[Doc, dict[str, Any]]:
    """Read and process one input; return the Doc and its manifest entry (raises on failure)."""
    from . import doc_from_article

    article = read_article(path, doc_id=doc_id, date=date, limits=limits)
    doc = nlp(doc_from_article(nlp, article))
    entry = _entry(path, doc_id) | {
        "status": "ok" if doc._.dct else "undated",
        "encoding": article.encoding,
        "format": article.layout.format,
        "dct": doc._.dct,
        "chars": len(article.text),
        "events": len(doc._.events or []),
    }
    return doc, entry


@dataclass(frozen=True)
class _Rendered:
    """One document's output, rendered in full before any of it is written, so a failure writes nothing."""

    text: dict[str, str]  # shard text file -> what to append


def _csv_cell(value: Any) -> Any:
    """Lists are written as JSON in CSV cells; missing values as empty cells."""
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else value


def _csv_text(rows: Iterable[Iterable[Any]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


def _render(doc: Doc) -> _Rendered:
    prediction, tables = export.outputs(doc)
    text = {"predictions.jsonl": json.dumps(prediction, ensure_ascii=False) + "\n"}
    for name, (table, columns) in _CSV_TABLES.items():
        text[name] = _csv_text([_csv_cell(row[c]) for c in columns] for row in tables[table])
    text[_SHARD_EVENTS] = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in tables["events"])
    return _Rendered(text)


def _message(error: Exception) -> str:
    """An error message that names its kind unless it is an expected input error."""
    return str(error) if isinstance(error, CorpusError) else f"{type(error).__name__}: {error}"


def _process(nlp: Language, path: Path, doc_id: str, options: ShardOptions) -> tuple[dict[str, Any], _Rendered | None]:
    """One document's manifest entry and rendered output; a failure is an ``error`` entry, never an exception."""
    try:
        doc, entry = process_one(nlp, path, doc_id, options.date, options.limits)
        return entry, _render(doc)
    except Exception as e:  # noqa: BLE001 - one bad document must not stop the run
        return _entry(path, doc_id) | {"status": "error", "error": _message(e)}, None


# --------------------------------------------------------------------------- one shard

_local = threading.local()
_documents_done = itertools.count(1)


def _pipeline(disable: tuple[str, ...]) -> Language:
    """This thread's pipeline, loaded once: loading costs a second, and a pipeline (MeCab, memory zones)
    must not be shared between threads, which Dask workers may run several of. No output holds a
    token's morph, so the tokenizer leaves readings out and the worker's memory stays flat."""
    if getattr(_local, "disable", None) != disable:
        from . import load

        if getattr(_local, "zone", None) is not None:
            _local.zone.close()
        _local.nlp, _local.disable = load(disable=disable, readings=False), disable
        _local.zone = _Zone(_local.nlp)
        _tune_gc()
    return _local.nlp


def _tune_gc() -> None:
    """Keep the garbage collector off the loaded pipeline and collect young objects less often.

    A document allocates hundreds of thousands of short-lived objects, so the
    default threshold (700) ran a collection every few hundred tokens, each
    traversing the lexicons and compiled rules too; frozen, those are skipped.
    About 5 % of a worker's time, with no change in its memory. A one-worker run works in the
    calling process, which keeps these settings.
    """
    gc.collect()
    gc.freeze()
    gc.set_threshold(GC_THRESHOLD, *gc.get_threshold()[1:])


class _Zone:
    """The thread's spaCy memory zone, renewed every ``ZONE_DOCUMENTS`` documents.

    Inside a zone the strings and lexemes of the documents are transient and
    freed when it ends, so the vocabulary does not grow with the corpus. A
    zone spans shards: every lexeme is rebuilt (with its lexical attributes)
    in each new zone, which per 64-document shard cost about a fifth of the
    tokenizer's time. Nothing outlives its document: each is rendered to text
    before the next is read.
    """

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self._context: Any = None
        self._documents = 0

    def enter_document(self) -> None:
        if self._context is None or self._documents >= ZONE_DOCUMENTS:
            self.close()
            self._context = self.nlp.memory_zone()
            self._context.__enter__()
            self._documents = 0
        self._documents += 1

    def close(self) -> None:
        if self._context is not None:
            context, self._context = self._context, None
            context.__exit__(None, None, None)


def _test_kill_point() -> None:
    """``PIPELINE_TEST_KILL_AFTER=N`` SIGKILLs this process after its N-th document, so a test can
    interrupt a run at a known point the way the OOM killer or a lost machine would."""
    limit = os.environ.get(KILL_AFTER_ENV)
    if limit and next(_documents_done) >= int(limit):
        os.kill(os.getpid(), signal.SIGKILL)


def _memory() -> tuple[float | None, float | None]:
    """This process's peak RSS and current private memory in MB, from /proc (None elsewhere).

    Most of the RSS is the MeCab dictionary, mapped from disk and shared by
    every worker; the private part is what one more worker costs.
    """
    try:
        status = Path("/proc/self/status").read_text(encoding="ascii")
    except OSError:
        return None, None
    fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)

    def mb(name: str) -> float | None:
        return round(int(fields[name].split()[0]) / 1024, 1) if name in fields else None

    return mb("VmHWM"), mb("RssAnon")


def _shard_dir(root: str | Path, shard_id: int) -> Path:
    return Path(root) / f"{shard_id:06d}"


def _shard_errors(directory: Path) -> int:
    with open(directory / _SHARD_MANIFEST, encoding="utf-8") as f:
        return sum(json.loads(line)["status"] == "error" for line in f)


class _ShardWriter:
    """A shard's files, written in a private temporary directory that ``publish`` renames into place."""

    def __init__(self, directory: Path) -> None:
        directory.mkdir(parents=True)
        self.directory = directory
        self._stack = ExitStack()
        self._files = {
            name: self._stack.enter_context(open(directory / name, "w", encoding="utf-8", newline=""))
            for name in _SHARD_TEXT_FILES
        }

    def add(self, entry: dict[str, Any], rendered: _Rendered | None) -> None:
        self._files[_SHARD_MANIFEST].write(json.dumps(entry, ensure_ascii=False) + "\n")
        if rendered is not None:
            for name, text in rendered.text.items():
                self._files[name].write(text)

    def publish(self, target: Path) -> None:
        """Close the files and rename the directory to ``target``; a shard finished by another
        attempt meanwhile (a Dask retry) holds the same bytes and is kept."""
        self._stack.close()
        try:
            os.rename(self.directory, target)
        except OSError:
            if not target.is_dir():
                raise
            shutil.rmtree(self.directory)

    def discard(self) -> None:
        self._stack.close()
        shutil.rmtree(self.directory, ignore_errors=True)


def process_shard(shard_id: int, paths: Sequence[str], doc_ids: Sequence[str], options: ShardOptions) -> ShardResult:
    """Process one shard into its directory under ``options.root``; pure and idempotent.

    A shard already there is not redone. The pipeline runs inside a spaCy
    memory zone (``_Zone``): the strings of the documents are freed with it,
    so the vocabulary does not grow with the corpus.
    """
    target = _shard_dir(options.root, shard_id)
    if not target.is_dir():
        nlp = _pipeline(options.disable)
        writer = _ShardWriter(Path(options.root) / f".tmp-{target.name}-{uuid.uuid4().hex}")
        try:
            for path, doc_id in zip(paths, doc_ids):
                _local.zone.enter_document()
                writer.add(*_process(nlp, Path(path), doc_id, options))
                _test_kill_point()
        except BaseException:
            writer.discard()
            raise
        writer.publish(target)
    return ShardResult(shard_id, len(paths), _shard_errors(target), *_memory())


# --------------------------------------------------------------------------- the run


@lru_cache(maxsize=1)
def _code_digest() -> str:
    """A digest of the package's code and rule files: a resume after they changed starts afresh."""
    package = Path(__file__).parent
    digest = hashlib.sha256()
    for f in sorted(package.rglob("*")):
        if f.is_file() and "__pycache__" not in f.parts:
            digest.update(f.relative_to(package).as_posix().encode() + b"\0" + f.read_bytes())
    return digest.hexdigest()


def _identity(path: Path) -> str:
    try:
        st = path.stat()
    except OSError:
        return "missing"
    return f"{st.st_size}:{st.st_mtime_ns}"


def run_key(paths: Sequence[Path], ids: Sequence[str], options: RunOptions) -> str:
    """A digest of everything that decides the output: code, settings, and every input's path, doc_id,
    size and modification time (not its content: reading every file twice would double the cost of a run)."""
    digest = hashlib.sha256()
    settings = [_code_digest(), str(options.date), sorted(options.disable), options.shard_size, repr(options.limits)]
    digest.update(json.dumps(settings).encode())
    for path, doc_id in zip(paths, ids):
        digest.update(f"{path}\0{doc_id}\0{_identity(path)}\n".encode())
    return digest.hexdigest()[:16]


def _prepare(root: Path, resume: bool) -> None:
    """Keep the finished shards of this run on a resume; drop everything else under ``.shards``."""
    shards = root.parent
    if shards.is_dir():
        for child in shards.iterdir():
            if not (resume and child == root):
                shutil.rmtree(child)
    if root.is_dir():
        for child in root.glob(".tmp-*"):
            shutil.rmtree(child)
    root.mkdir(parents=True, exist_ok=True)


class _InlineExecutor(cf.Executor):
    """Runs each task in this process as it is submitted: one worker needs no pool to feed."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> cf.Future:
        future: cf.Future = cf.Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except Exception as e:  # noqa: BLE001 - delivered through the future, as a pool would
            future.set_exception(e)
        return future


@contextmanager
def _dask_executor(options: RunOptions) -> Iterator[tuple[cf.Executor, int, int]]:
    try:
        from distributed import Client, LocalCluster
    except ImportError as e:
        raise BatchError("the dask engine needs dask.distributed: pip install 'jp-news-pipeline[dask]'") from e
    with ExitStack() as stack:
        if options.scheduler:
            try:
                client = stack.enter_context(Client(options.scheduler))
            except (OSError, TimeoutError) as e:
                raise BatchError(f"cannot reach the Dask scheduler at {options.scheduler}: {e}") from e
        else:
            cluster = stack.enter_context(
                LocalCluster(n_workers=options.workers, threads_per_worker=1, dashboard_address=None,
                             silence_logs=logging.ERROR)
            )
            client = stack.enter_context(Client(cluster))
        slots = sum(client.nthreads().values()) or 1
        yield client.get_executor(), slots, 2 * slots


@contextmanager
def _executor(options: RunOptions) -> Iterator[tuple[cf.Executor, int, int]]:
    """Where shards run, on how many workers, and how many shards to keep in flight: enough to keep
    every worker busy and no more, since a queued task holds its paths."""
    if options.engine == "dask":
        with _dask_executor(options) as dask:
            yield dask
    elif options.workers == 1:
        yield _InlineExecutor(), 1, 1
    else:
        context = multiprocessing.get_context("spawn")  # no fork of a process holding MeCab and threads
        with cf.ProcessPoolExecutor(options.workers, mp_context=context, initializer=_pipeline,
                                    initargs=(options.disable,)) as pool:
            yield pool, options.workers, 2 * options.workers


def _result(future: cf.Future) -> ShardResult:
    try:
        return future.result()
    except Exception as e:
        raise BatchError(
            f"a shard failed ({type(e).__name__}: {e}); finished shards are kept: rerun with --resume"
        ) from e


def _execute(executor: cf.Executor, window: int, tasks: Iterator[tuple[Any, ...]]) -> Iterator[ShardResult]:
    """Run ``process_shard`` over the tasks with at most ``window`` in flight, yielding results as they finish."""
    pending: set[cf.Future] = set()
    try:
        while True:
            more = itertools.islice(tasks, window - len(pending))
            pending |= {executor.submit(process_shard, *task) for task in more}
            if not pending:
                return
            done, pending = cf.wait(pending, return_when=cf.FIRST_COMPLETED)
            for future in done:
                yield _result(future)
    finally:
        for future in pending:
            future.cancel()


def _progress(total: int, initial: int, enabled: bool | None) -> Any:
    from tqdm import tqdm

    disable = None if enabled is None else not enabled  # None: tqdm shows a bar on a terminal only
    return tqdm(total=total, initial=initial, unit="doc", disable=disable, dynamic_ncols=True)


def _memory_summary(results: Sequence[ShardResult]) -> dict[str, dict[str, float | None]]:
    """The largest worker's peak RSS and private memory when half of this run's shards had finished and
    at the end: equal figures mean memory does not grow with the corpus."""
    half = results[: (len(results) + 1) // 2]

    def largest(rs: Sequence[ShardResult], attr: str) -> float | None:
        return max((v for r in rs if (v := getattr(r, attr)) is not None), default=None)

    return {
        name: {"half": largest(half, attr), "end": largest(results, attr)}
        for name, attr in (("peak_rss", "peak_rss_mb"), ("private", "private_mb"))
    }


def run(options: RunOptions) -> RunResult:
    """Process every input into the output files; never stops on a bad document.

    Raises CorpusError for unusable inputs (none found, duplicate doc_ids) and
    BatchError when a worker or the cluster fails, keeping finished shards.
    Several workers are spawned processes: a script calling this must do so
    under ``if __name__ == "__main__":``.
    """
    started = time.monotonic()
    if options.scheduler and not all(Path(i).is_absolute() for i in options.inputs):
        raise CorpusError("with a Dask scheduler, give inputs as absolute paths on a file system every worker sees")
    paths = list(iter_paths(options.inputs, options.pattern))
    ids = doc_ids(paths, options.prefix_parent)
    key = run_key(paths, ids, options)
    root = options.output.resolve() / SHARDS_DIR / key
    _prepare(root, options.resume)
    shard_options = ShardOptions(str(root), options.date, tuple(options.disable), options.limits)
    starts = range(0, len(paths), options.shard_size)
    finished = [i for i in range(len(starts)) if _shard_dir(root, i).is_dir()]
    skip = set(finished)
    tasks = (
        (i, [str(p) for p in paths[s : s + options.shard_size]], ids[s : s + options.shard_size], shard_options)
        for i, s in enumerate(starts)
        if i not in skip
    )
    done_documents = sum(min(options.shard_size, len(paths) - starts[i]) for i in finished)
    errors = sum(_shard_errors(_shard_dir(root, i)) for i in finished)
    results: list[ShardResult] = []
    with _executor(options) as (executor, workers, window), \
            _progress(len(paths), done_documents, options.progress) as bar:
        bar.set_postfix(errors=errors)
        for result in _execute(executor, window, tasks):
            results.append(result)
            errors += result.errors
            bar.set_postfix(errors=errors, refresh=False)
            bar.update(result.documents)
    run_info = {
        "run_key": key, "engine": options.engine, "workers": workers, "shard_size": options.shard_size,
        "shards": len(starts), "shards_resumed": len(finished), "memory_mb": _memory_summary(results),
    }
    processed = sum(r.documents for r in results)
    shards = [_shard_dir(root, i) for i in range(len(starts))]
    counts, run_info = _merge(shards, options.output, run_info, started, processed)
    shutil.rmtree(root.parent)
    return RunResult(options.output, counts, run_info)


# --------------------------------------------------------------------------- the merge


def _concatenate(sources: Iterable[Path], target: Path, header: str = "") -> None:
    with open(target, "wb") as out:
        out.write(header.encode("utf-8"))
        for source in sources:
            with open(source, "rb") as f:
                shutil.copyfileobj(f, out)


@lru_cache(maxsize=1)
def event_schema() -> Any:
    """The Arrow schema of ``events.parquet``, from the event table's dtypes."""
    import pyarrow as pa

    types = {"string": pa.string(), "int64": pa.int64(), "object": pa.list_(pa.string())}
    return pa.schema([(name, types[dtype]) for name, dtype in export.EVENT_COLUMNS.items()])


def _rows(sources: Iterable[Path]) -> Iterator[dict[str, Any]]:
    for source in sources:
        with open(source, encoding="utf-8") as f:
            yield from map(json.loads, f)


def merge_parquet(sources: Iterable[Path], target: Path, row_group_rows: int = ROW_GROUP_ROWS) -> None:
    """Write the event rows of the shards (JSON lines) as one Parquet file, in row groups of
    ``row_group_rows`` rows (the last one shorter).

    Cutting by row count makes the file the same bytes however the rows were
    split into shards; only one row group is held at a time.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = event_schema()
    rows = _rows(sources)
    with pq.ParquetWriter(target, schema) as writer:
        while group := list(itertools.islice(rows, row_group_rows)):
            writer.write_table(pa.Table.from_pylist(group, schema=schema), row_group_size=row_group_rows)


def _tally(counts: dict[str, int], entry: dict[str, Any]) -> None:
    counts["documents"] += 1
    counts[entry["status"]] += 1
    counts["events"] += entry.get("events", 0)


def _write_manifest(
    sources: Iterable[Path], target: Path, run_info: Callable[[], dict[str, Any]]
) -> tuple[dict[str, int], dict[str, Any]]:
    """Stream the shards' entries into ``manifest.json``, one per line, followed by the counts and the
    run section, which is made last to time the whole run. Timings and workers live in ``run`` only,
    so the rest of the manifest is the same bytes however the run was executed."""
    counts = dict.fromkeys(("documents", "ok", "undated", "error", "events"), 0)
    with open(target, "w", encoding="utf-8", newline="\n") as out:
        out.write('{\n "inputs": [')
        separator = "\n  "
        for source in sources:
            with open(source, encoding="utf-8") as f:
                for line in f:
                    _tally(counts, json.loads(line))
                    out.write(separator + line.rstrip("\n"))
                    separator = ",\n  "
        run = run_info()
        out.write(f'\n ],\n "counts": {json.dumps(counts)},\n "run": {json.dumps(run, ensure_ascii=False)}\n}}\n')
    return counts, run


def _merge(
    shards: Sequence[Path], output: Path, run_info: dict[str, Any], started: float, processed: int
) -> tuple[dict[str, int], dict[str, Any]]:
    """Merge the shards in order into the output files, each renamed into place when complete,
    ``manifest.json`` last: a reader who finds the manifest finds the files it describes."""
    output.mkdir(parents=True, exist_ok=True)
    tmp = {name: output / f".{name}.tmp" for name in OUTPUT_FILES}
    _concatenate((s / "predictions.jsonl" for s in shards), tmp["predictions.jsonl"])
    for name, (_, columns) in _CSV_TABLES.items():
        _concatenate((s / name for s in shards), tmp[name], header=_csv_text([list(columns)]))
    merge_parquet((s / _SHARD_EVENTS for s in shards), tmp["events.parquet"])

    def timed() -> dict[str, Any]:
        elapsed = time.monotonic() - started
        return run_info | {"elapsed_seconds": round(elapsed, 3), "documents_per_second": round(processed / elapsed, 1)}

    counts, run = _write_manifest((s / _SHARD_MANIFEST for s in shards), tmp["manifest.json"], timed)
    for name in OUTPUT_FILES:
        os.replace(tmp[name], output / name)
    return counts, run
