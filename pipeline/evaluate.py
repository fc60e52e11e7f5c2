"""Score predictions against gold exactly as the shared spec ``gold-format.md`` defines.

The spec fixes what counts as a match; this module also fixes what the spec
leaves open, so that a score means the same thing every time it is computed:

* Reading. ``*.json`` is one (pretty-printed) document; any other file is JSON
  Lines; a directory is all its ``*.jsonl`` files, sorted by name, not
  recursive. Blank lines are skipped, a UTF-8 BOM is accepted, anything else
  that is wrong (bad JSON, bad UTF-8, missing or mistyped key, duplicate
  ``doc_id``, an empty directory) raises :class:`GoldFormatError` naming the
  file and line, because a silently skipped gold document changes every score.
  A list block may be absent (empty) but not ``null``. Only what the scorer
  reads is validated (``doc_date``, ``spans``, a feature list's ``product`` ...
  are ignored). ``mentions``, a date's ``type``/``value``/``mod``, an event's
  ``status``/``date``/``features``/``evidence`` may be absent (empty / null).
  A text that is compared (canonical, mention, date text, feature item, event
  type and product) must not be empty after normalisation: an empty string
  would "contain" every date and has no bigrams. In a ``.json`` file a
  schema error is reported at line 1 (where the document starts).
* Matching is greedy as the spec says (not a maximum matching); after the
  spec's tie rules, a remaining tie goes to the earlier prediction.
* Normalisation ("before any comparison") applies to every compared string:
  also to date ``type``/``value``/``mod``, event ``type`` and ``status``.
* Products: equal to the gold canonical ranks above equal to a mention only,
  so a prediction is given to the product it names exactly when two gold
  products share a surface.
* Events: the gold event's product matches the predicted event's product when
  that equals the event product itself or any canonical or mention of the gold
  document's products whose canonical normalises to the event product (the
  gold event names a canonical, the mentions live on the product entry). Pair
  preference is (date agrees, status agrees, product similarity), then the
  spec's tie rules. An event date ``{"value": null, "mod": null}`` equals a
  ``null`` date.
* Every block is matched on its own with its own match rule: ``dates_strict``
  and ``dates_relaxed``, ``events`` and ``events_full`` are separate one-to-one
  matchings, so a prediction removed with an optional gold entry in one block
  may be a false positive in a stricter one.
* ``optional`` is a property of gold; the flag on a prediction is ignored.
* Ratios: precision = tp/(tp+fp), recall = tp/(tp+fn), F1 = 2tp/(2tp+fp+fn),
  each 0.0 when its denominator is 0 (so a block with no entries on either
  side scores 0.0, not 1.0; its counts show why). Accuracies are
  ``{"correct", "total", "accuracy"}`` with the same 0.0 rule and count only
  true-positive pairs (pairs with an optional gold entry are removed).
* ``event_feature_f1`` is a block (tp/fp/fn/P/R/F1) over the feature items of
  the true-positive event pairs of the ``events`` block, matched like the
  features block (items of events are never optional). In error records and
  text output it is called ``event_features``. ``per_type`` is keyed by the
  normalised event type and lists only types that occur.
* ``documents`` counts ``gold``, ``pred``, ``gold_only`` (scored as all
  missed) and ``pred_only`` (ignored) documents.
"""
from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any, Generic, Protocol, TypeVar

__all__ = [
    "ErrorRecord",
    "GoldFormatError",
    "Report",
    "Tally",
    "add_arguments",
    "command",
    "dice",
    "evaluate",
    "format_text",
    "greedy_match",
    "load_documents",
    "normalise",
    "parse_document",
]


class GoldFormatError(ValueError):
    """A gold or prediction file breaks the format; the message starts ``file:line:``."""


# --------------------------------------------------------------------------- normalisation

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_BRACKETS = "「」『』“”\"()（）"
_FOLD = str.maketrans({**dict.fromkeys(_DASHES, "-"), **dict.fromkeys(_BRACKETS, None)})


def normalise(text: str) -> str:
    """Fold a string the way the spec compares strings.

    NFKC, then lower-case, then dashes/minus to ``-`` (NFKC keeps U+2212, so
    ``ＢＤＰ−Ｓ４８０`` needs this to equal ``BDP-S480``), then drop the listed
    brackets and all white space (``str.isspace``).
    """
    folded = unicodedata.normalize("NFKC", text).lower().translate(_FOLD)
    return "".join(folded.split())


def _norm_or_none(text: str | None) -> str | None:
    """Normalise an optional field; null stays null so that it only equals null."""
    return None if text is None else normalise(text)


def bigrams(text: str) -> Counter[str]:
    """Multiset of character bigrams; a one-character text is its own bigram."""
    if len(text) == 1:
        return Counter(text)
    return Counter(text[i : i + 2] for i in range(len(text) - 1))


def _dice_of(a: Counter[str], b: Counter[str]) -> Fraction:
    """Dice over two bigram multisets, exact so the 0.6 threshold and ties are exact."""
    total = sum(a.values()) + sum(b.values())
    return Fraction(2 * sum((a & b).values()), total) if total else Fraction(0)


def dice(a: str, b: str) -> Fraction:
    """Character-bigram Dice coefficient of two (already normalised) strings."""
    return _dice_of(bigrams(a), bigrams(b))


FEATURE_THRESHOLD = Fraction(3, 5)


# --------------------------------------------------------------------------- entries

@dataclass(frozen=True)
class Product:
    """A product entry; ``names`` holds the normalised canonical and mentions."""

    canonical: str
    key: str
    names: frozenset[str]
    optional: bool


@dataclass(frozen=True)
class DateEntry:
    """A temporal expression; ``timex`` is the normalised (type, value, mod)."""

    text: str
    key: str
    timex: tuple[str | None, str | None, str | None]
    optional: bool

    @property
    def value(self) -> str | None:
        return self.timex[1]


@dataclass(frozen=True, eq=False)
class Item:
    """A feature item with its bigrams computed once (compared many times)."""

    text: str
    grams: Counter[str]
    optional: bool


@dataclass(frozen=True)
class Event:
    """An event; ``*_key`` fields are normalised, the others kept for display."""

    type: str
    product: str
    status: str | None
    date: tuple[str | None, str | None]
    features: tuple[Item, ...]
    evidence: str | None
    optional: bool
    type_key: str
    product_key: str
    product_names: frozenset[str]
    status_key: str | None
    date_key: tuple[str | None, str | None]


@dataclass(frozen=True)
class Document:
    """The scored content of one document (feature items pooled over lists)."""

    doc_id: str
    products: tuple[Product, ...] = ()
    dates: tuple[DateEntry, ...] = ()
    features: tuple[Item, ...] = ()
    events: tuple[Event, ...] = ()


# --------------------------------------------------------------------------- validation

_JSON_NAMES: dict[type, str] = {
    dict: "an object", list: "an array", str: "a string", bool: "a boolean",
    int: "a number", float: "a number", type(None): "null",
}
_ABSENT = object()


def _json_kind(value: Any) -> str:
    """Name a parsed JSON value's type the way a JSON author would."""
    return _JSON_NAMES.get(type(value), type(value).__name__)


def _path(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


def _get(obj: Mapping[str, Any], key: str, where: str, kinds: tuple[type, ...], default: Any = _ABSENT) -> Any:
    """Return ``obj[key]`` if its JSON type is one of ``kinds``; absent gives ``default``."""
    if key not in obj:
        if default is _ABSENT:
            raise GoldFormatError(f"{where or 'document'}: missing key {key!r}")
        return default
    value = obj[key]
    if not isinstance(value, kinds):
        wanted = " or ".join(dict.fromkeys(_JSON_NAMES[k] for k in kinds))
        raise GoldFormatError(f"{_path(where, key)}: expected {wanted}, got {_json_kind(value)}")
    return value


def _checked_text(value: Any, where: str) -> str:
    """A compared string: must be a string and non-empty once normalised."""
    if not isinstance(value, str):
        raise GoldFormatError(f"{where}: expected a string, got {_json_kind(value)}")
    if not normalise(value):
        raise GoldFormatError(f"{where}: empty after normalisation: {value!r}")
    return value


def _text(obj: Mapping[str, Any], key: str, where: str) -> str:
    return _checked_text(_get(obj, key, where, (str,)), _path(where, key))


def _texts(obj: Mapping[str, Any], key: str, where: str, required: bool = False) -> list[str]:
    values = _get(obj, key, where, (list,), _ABSENT if required else [])
    return [_checked_text(v, f"{_path(where, key)}[{i}]") for i, v in enumerate(values)]


def _maybe_str(obj: Mapping[str, Any], key: str, where: str) -> str | None:
    value: str | None = _get(obj, key, where, (str, type(None)), None)
    return value


def _flag(obj: Mapping[str, Any], where: str) -> bool:
    value: bool = _get(obj, "optional", where, (bool,), False)
    return value


def _objects(obj: Mapping[str, Any], key: str) -> Iterator[tuple[dict[str, Any], str]]:
    """Yield each element of a list block with its path; absent is empty."""
    for i, element in enumerate(_get(obj, key, "", (list,), [])):
        where = f"{key}[{i}]"
        if not isinstance(element, dict):
            raise GoldFormatError(f"{where}: expected an object, got {_json_kind(element)}")
        yield element, where


def _product(raw: dict[str, Any], where: str) -> Product:
    canonical = _text(raw, "canonical", where)
    key = normalise(canonical)
    names = frozenset([key, *map(normalise, _texts(raw, "mentions", where))])
    return Product(canonical, key, names, _flag(raw, where))


def _date(raw: dict[str, Any], where: str) -> DateEntry:
    text = _text(raw, "text", where)
    type_, value, mod = (_norm_or_none(_maybe_str(raw, k, where)) for k in ("type", "value", "mod"))
    return DateEntry(text, normalise(text), (type_, value, mod), _flag(raw, where))


def _item(text: str, optional: bool) -> Item:
    return Item(text, bigrams(normalise(text)), optional)


def _feature_items(raw: dict[str, Any], where: str) -> list[Item]:
    optional = _flag(raw, where)  # an optional list makes all its items optional
    return [_item(text, optional) for text in _texts(raw, "items", where, required=True)]


def _event(raw: dict[str, Any], where: str, products: Sequence[Product]) -> Event:
    type_ = _text(raw, "type", where)
    product = _text(raw, "product", where)
    status = _maybe_str(raw, "status", where)
    date_obj = _get(raw, "date", where, (dict, type(None)), None)
    date_where = _path(where, "date")
    date = (None, None) if date_obj is None else (
        _maybe_str(date_obj, "value", date_where), _maybe_str(date_obj, "mod", date_where))
    product_key = normalise(product)
    names = frozenset([product_key]).union(*(p.names for p in products if p.key == product_key))
    return Event(
        type=type_, product=product, status=status, date=date,
        features=tuple(_item(text, False) for text in _texts(raw, "features", where)),
        evidence=_maybe_str(raw, "evidence", where), optional=_flag(raw, where),
        type_key=normalise(type_), product_key=product_key, product_names=names,
        status_key=_norm_or_none(status), date_key=(_norm_or_none(date[0]), _norm_or_none(date[1])),
    )


def parse_document(raw: Any) -> Document:
    """Validate one raw document and turn it into comparable entries.

    Raises GoldFormatError naming the JSON path of the problem; callers add
    the file and line.
    """
    if not isinstance(raw, dict):
        raise GoldFormatError(f"expected a JSON object, got {_json_kind(raw)}")
    doc_id = _get(raw, "doc_id", "", (str,))
    if not doc_id:
        raise GoldFormatError("doc_id: empty")
    products = tuple(_product(e, w) for e, w in _objects(raw, "products"))
    return Document(
        doc_id=doc_id,
        products=products,
        dates=tuple(_date(e, w) for e, w in _objects(raw, "dates")),
        features=tuple(i for e, w in _objects(raw, "feature_lists") for i in _feature_items(e, w)),
        events=tuple(_event(e, w, products) for e, w in _objects(raw, "events")),
    )


# --------------------------------------------------------------------------- reading

def _input_files(path: Path) -> list[Path]:
    """The files a path stands for: itself, or a directory's ``*.jsonl`` sorted."""
    if path.is_dir():
        files = sorted(p for p in path.glob("*.jsonl") if p.is_file())
        if not files:
            raise GoldFormatError(f"{path}: no *.jsonl files in directory")
        return files
    if not path.exists():
        raise GoldFormatError(f"{path}: no such file or directory")
    return [path]


def _read_text(file: Path) -> str:
    """Decode a file as UTF-8, reporting the line of the first bad byte."""
    try:
        data = file.read_bytes()
    except OSError as err:
        raise GoldFormatError(f"{file}: cannot read: {err.strerror}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        raise GoldFormatError(f"{file}:{line}: not valid UTF-8 ({err.reason} at byte {err.start})") from None


def _parse_json(text: str, file: Path, first_line: int) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        line = first_line + err.lineno - 1
        raise GoldFormatError(f"{file}:{line}: invalid JSON: {err.msg} (column {err.colno})") from None


def _records(file: Path) -> Iterator[tuple[int, Any]]:
    """Yield (line where the document starts, parsed JSON) for each document of a file.

    JSON Lines are split on ``\\n`` only: ``str.splitlines`` would also split
    on U+2028 and friends, which ``ensure_ascii=False`` writes raw inside strings.
    """
    text = _read_text(file)
    if file.suffix == ".json":
        yield 1, _parse_json(text, file, 1)
        return
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            yield number, _parse_json(line, file, number)


def load_documents(path: str | Path) -> dict[str, dict[str, Any]]:
    """Read a gold or prediction file/directory into ``{doc_id: raw document}``.

    Every document is validated; any problem, including a ``doc_id`` seen
    before in the same or an earlier file, raises GoldFormatError.
    """
    documents: dict[str, dict[str, Any]] = {}
    first_seen: dict[str, str] = {}
    for file in _input_files(Path(path)):
        for line, raw in _records(file):
            where = f"{file}:{line}"
            try:
                doc_id = parse_document(raw).doc_id
            except GoldFormatError as err:
                raise GoldFormatError(f"{where}: {err}") from None
            if doc_id in first_seen:
                raise GoldFormatError(f"{where}: duplicate doc_id {doc_id!r} (first at {first_seen[doc_id]})")
            first_seen[doc_id] = where
            documents[doc_id] = raw
    return documents


# --------------------------------------------------------------------------- matching

class _Ranked(Protocol):
    def __lt__(self, other: Any, /) -> bool: ...


class _GoldEntry(Protocol):
    @property
    def optional(self) -> bool: ...


G = TypeVar("G", bound=_GoldEntry)
P = TypeVar("P")
Similarity = Callable[[G, P], "_Ranked | None"]


def greedy_match(gold: Sequence[G], pred: Sequence[P], similarity: Similarity[G, P]) -> list[tuple[int, int]]:
    """One-to-one greedy matching: best similarity first, ties as the spec orders them.

    ``similarity`` returns None for "no match", otherwise a value where larger
    is better. Ties go to a non-optional gold entry, then the earlier gold
    entry, then the earlier prediction. Returns (gold index, pred index) pairs.
    """
    candidates = [
        (sim, g, p)
        for g, gold_entry in enumerate(gold)
        for p, pred_entry in enumerate(pred)
        if (sim := similarity(gold_entry, pred_entry)) is not None
    ]
    candidates.sort(key=lambda c: gold[c[1]].optional)  # stable: keeps (gold, pred) order
    candidates.sort(key=lambda c: c[0], reverse=True)  # stable too, so ties keep the order above
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _, g, p in candidates:
        if g not in used_gold and p not in used_pred:
            used_gold.add(g)
            used_pred.add(p)
            pairs.append((g, p))
    return sorted(pairs)


@dataclass(frozen=True)
class Tally:
    """True/false positive and false negative counts; adds up across documents."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def as_dict(self) -> dict[str, int | float]:
        """Counts plus precision, recall and F1 (0.0 when a denominator is 0)."""
        return {
            "tp": self.tp, "fp": self.fp, "fn": self.fn,
            "precision": self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0,
            "recall": self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0,
            "f1": 2 * self.tp / (2 * self.tp + self.fp + self.fn) if self.tp else 0.0,
        }


@dataclass(frozen=True)
class Ratio:
    """An accuracy as counts, so it can be micro-averaged across documents."""

    correct: int = 0
    total: int = 0

    def __add__(self, other: Ratio) -> Ratio:
        return Ratio(self.correct + other.correct, self.total + other.total)

    def as_dict(self) -> dict[str, int | float]:
        return {"correct": self.correct, "total": self.total,
                "accuracy": self.correct / self.total if self.total else 0.0}


@dataclass(frozen=True)
class Outcome(Generic[G, P]):
    """A block's matching after optional entries are removed."""

    pairs: list[tuple[G, P]]
    fn: list[G]
    fp: list[P]

    @property
    def tally(self) -> Tally:
        return Tally(len(self.pairs), len(self.fp), len(self.fn))


def score_block(gold: Sequence[G], pred: Sequence[P], similarity: Similarity[G, P]) -> Outcome[G, P]:
    """Match, then drop optional gold entries (and what they matched) from the counts."""
    pairs = greedy_match(gold, pred, similarity)
    matched_gold = {g for g, _ in pairs}
    matched_pred = {p for _, p in pairs}
    return Outcome(
        pairs=[(gold[g], pred[p]) for g, p in pairs if not gold[g].optional],
        fn=[e for i, e in enumerate(gold) if i not in matched_gold and not e.optional],
        fp=[e for i, e in enumerate(pred) if i not in matched_pred],
    )


# --------------------------------------------------------------------------- similarities

def _name_similarity(pred_key: str, gold_key: str, gold_names: frozenset[str]) -> int | None:
    """Products rule: 2 for the canonical itself, 1 for another listed surface."""
    if pred_key == gold_key:
        return 2
    return 1 if pred_key in gold_names else None


def product_similarity(gold: Product, pred: Product) -> int | None:
    return _name_similarity(pred.key, gold.key, gold.names)


def strict_date_similarity(gold: DateEntry, pred: DateEntry) -> int | None:
    return 1 if gold.key == pred.key else None


def relaxed_date_similarity(gold: DateEntry, pred: DateEntry) -> int | None:
    """3 equal texts, 2 containment with equal value, 1 containment, else no match."""
    if gold.key == pred.key:
        return 3
    if gold.key in pred.key or pred.key in gold.key:
        return 2 if gold.value == pred.value else 1
    return None


def feature_similarity(gold: Item, pred: Item) -> Fraction | None:
    similarity = _dice_of(gold.grams, pred.grams)
    return similarity if similarity >= FEATURE_THRESHOLD else None


def event_similarity(gold: Event, pred: Event) -> tuple[bool, bool, int] | None:
    """Same type and product; prefer agreement on date, then status, then exact product."""
    if gold.type_key != pred.type_key:
        return None
    product = _name_similarity(pred.product_key, gold.product_key, gold.product_names)
    if product is None:
        return None
    return (gold.date_key == pred.date_key, gold.status_key == pred.status_key, product)


def full_event_similarity(gold: Event, pred: Event) -> tuple[bool, bool, int] | None:
    similarity = event_similarity(gold, pred)
    return similarity if similarity is not None and all(similarity[:2]) else None


# --------------------------------------------------------------------------- scoring

@dataclass(frozen=True)
class ErrorRecord:
    """One false positive, false negative or wrong value, for reading the errors.

    ``block`` is a block key, ``event_features`` for an item of a matched
    event (then ``event`` names that gold event as "type product"), or
    ``date_value`` for a matched date (relaxed) whose type, value or mod
    differs (kind ``wrong``; ``text`` shows gold, then predicted).
    """

    doc_id: str
    block: str
    kind: str  # "fp", "fn" or "wrong"
    text: str
    evidence: str | None = None
    event: str | None = None


def _event_label(event: Event) -> str:
    return f"{event.type} {event.product}"


def _timex_label(date: DateEntry) -> str:
    return " ".join(str(part) for part in date.timex if part is not None) or "-"


def _full_event_label(event: Event) -> str:
    value, mod = event.date
    date = "no date" if value is None and mod is None else f"{value or 'null'}" + (f" {mod}" if mod else "")
    return f"{_event_label(event)} [{date}; {event.status or 'no status'}]"


@dataclass(frozen=True)
class _Block:
    """How one block reads its entries, matches them and names them in errors."""

    name: str
    entries: Callable[[Document], Sequence[Any]]
    similarity: Similarity[Any, Any]
    label: Callable[[Any], str]


BLOCKS = (
    _Block("products", lambda d: d.products, product_similarity, lambda e: e.canonical),
    _Block("dates_strict", lambda d: d.dates, strict_date_similarity, lambda e: e.text),
    _Block("dates_relaxed", lambda d: d.dates, relaxed_date_similarity, lambda e: e.text),
    _Block("features", lambda d: d.features, feature_similarity, lambda e: e.text),
    _Block("events", lambda d: d.events, event_similarity, _event_label),
    _Block("events_full", lambda d: d.events, full_event_similarity, _full_event_label),
)
_METRICS: dict[str, type[Tally] | type[Ratio]] = {
    **{block.name: Tally for block in BLOCKS},
    "date_value_accuracy": Ratio,
    "event_date_accuracy": Ratio,
    "event_status_accuracy": Ratio,
    "event_feature_f1": Tally,
}


@dataclass(frozen=True)
class _Scores:
    """All counts of one document or of a sum of documents."""

    metrics: dict[str, Any] = field(default_factory=lambda: {k: kind() for k, kind in _METRICS.items()})
    per_type: dict[str, Tally] = field(default_factory=dict)

    def __add__(self, other: _Scores) -> _Scores:
        types = sorted(self.per_type.keys() | other.per_type.keys())
        return _Scores(
            {k: self.metrics[k] + other.metrics[k] for k in _METRICS},
            {t: self.per_type.get(t, Tally()) + other.per_type.get(t, Tally()) for t in types},
        )

    def as_dict(self) -> dict[str, Any]:
        result = {k: self.metrics[k].as_dict() for k in _METRICS}
        result["per_type"] = {t: tally.as_dict() for t, tally in self.per_type.items()}
        return result


def _ratio(agreements: Iterable[bool]) -> Ratio:
    flags = list(agreements)
    return Ratio(sum(flags), len(flags))


def _per_type(events: Outcome[Event, Event]) -> dict[str, Tally]:
    """Split the events block by type; matches never cross types, so this is exact."""
    tp = Counter(g.type_key for g, _ in events.pairs)
    fp = Counter(p.type_key for p in events.fp)
    fn = Counter(g.type_key for g in events.fn)
    return {t: Tally(tp[t], fp[t], fn[t]) for t in sorted(tp.keys() | fp.keys() | fn.keys())}


def _errors(doc_id: str, block: str, outcome: Outcome[Any, Any], label: Callable[[Any], str],
            event: str | None = None) -> list[ErrorRecord]:
    """Error records of a block: misses in gold order, then false positives in prediction order."""
    def record(kind: str, entry: Any) -> ErrorRecord:
        evidence = entry.evidence if isinstance(entry, Event) else None
        return ErrorRecord(doc_id, block, kind, label(entry), evidence, event)
    return [record("fn", e) for e in outcome.fn] + [record("fp", e) for e in outcome.fp]


def score_document(gold: Document, pred: Document) -> tuple[_Scores, list[ErrorRecord]]:
    """Score one document: every block, the accuracies, per-type and the error list."""
    outcomes = {b.name: score_block(b.entries(gold), b.entries(pred), b.similarity) for b in BLOCKS}
    events: Outcome[Event, Event] = outcomes["events"]
    item_outcomes = [(g, score_block(g.features, p.features, feature_similarity)) for g, p in events.pairs]
    metrics: dict[str, Any] = {name: outcome.tally for name, outcome in outcomes.items()}
    metrics["date_value_accuracy"] = _ratio(g.timex == p.timex for g, p in outcomes["dates_relaxed"].pairs)
    metrics["event_date_accuracy"] = _ratio(g.date_key == p.date_key for g, p in events.pairs)
    metrics["event_status_accuracy"] = _ratio(g.status_key == p.status_key for g, p in events.pairs)
    metrics["event_feature_f1"] = sum((o.tally for _, o in item_outcomes), Tally())
    errors = [e for b in BLOCKS for e in _errors(gold.doc_id, b.name, outcomes[b.name], b.label)]
    errors += [e for g, o in item_outcomes
               for e in _errors(gold.doc_id, "event_features", o, lambda i: i.text, _event_label(g))]
    errors += [ErrorRecord(gold.doc_id, "date_value", "wrong", f"{g.text}: {_timex_label(g)} -> {_timex_label(p)}")
               for g, p in outcomes["dates_relaxed"].pairs if g.timex != p.timex]
    return _Scores(metrics, _per_type(events)), errors


@dataclass(frozen=True)
class Report:
    """Scores of a whole run.

    ``overall`` is the JSON object (micro-averaged blocks, accuracies,
    ``per_type``, ``documents``); ``per_doc`` maps each gold doc_id to the same
    keys without ``documents``; ``errors`` lists every FP and FN.
    """

    overall: dict[str, Any]
    per_doc: dict[str, dict[str, Any]]
    errors: list[ErrorRecord]

    def to_json(self, *, per_doc: bool = False, errors: bool = False) -> dict[str, Any]:
        """The CLI's JSON object: ``overall``, plus ``per_doc``/``errors`` on request."""
        result = dict(self.overall)
        if per_doc:
            result["per_doc"] = self.per_doc
        if errors:
            result["errors"] = [asdict(e) for e in self.errors]
        return result


def _parsed(raw: dict[str, Any], side: str, doc_id: str) -> Document:
    try:
        return parse_document(raw)
    except GoldFormatError as err:
        raise GoldFormatError(f"{side} document {doc_id!r}: {err}") from None


def evaluate(gold: Mapping[str, dict[str, Any]], pred: Mapping[str, dict[str, Any]]) -> Report:
    """Score predictions against gold, both ``{doc_id: raw document}`` as load_documents gives.

    Gold documents without a prediction score as all missed; predicted
    documents without gold are ignored and only counted.
    """
    total = _Scores()
    per_doc: dict[str, dict[str, Any]] = {}
    errors: list[ErrorRecord] = []
    for doc_id, raw in gold.items():
        predicted = _parsed(pred[doc_id], "pred", doc_id) if doc_id in pred else Document(doc_id)
        scores, doc_errors = score_document(_parsed(raw, "gold", doc_id), predicted)
        total += scores
        per_doc[doc_id] = scores.as_dict()
        errors += doc_errors
    documents = {
        "gold": len(gold),
        "pred": len(pred),
        "gold_only": sum(doc_id not in pred for doc_id in gold),
        "pred_only": sum(doc_id not in gold for doc_id in pred),
    }
    return Report({**total.as_dict(), "documents": documents}, per_doc, errors)


# --------------------------------------------------------------------------- text output

def _width(text: str) -> int:
    """Terminal width: East Asian wide and full-width characters take two cells."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _table(header: Sequence[str], rows: Sequence[Sequence[str]], align: str) -> str:
    """Align columns (``align`` holds 'l' or 'r' per column), two spaces apart."""
    lines = [header, *rows]
    widths = [max(_width(line[i]) for line in lines) for i in range(len(header))]

    def pad(cell: str, width: int, side: str) -> str:
        gap = " " * (width - _width(cell))
        return cell + gap if side == "l" else gap + cell

    return "\n".join(
        "  ".join(pad(c, w, a) for c, w, a in zip(line, widths, align, strict=True)).rstrip() for line in lines)


_TALLY_HEADER = ("tp", "fp", "fn", "P", "R", "F1")
_TABLE_ROWS = (*(b.name for b in BLOCKS), "event_feature_f1")


def _display_name(key: str) -> str:
    return "event_features" if key == "event_feature_f1" else key


def _tally_cells(block: Mapping[str, Any]) -> list[str]:
    return [str(block[k]) for k in ("tp", "fp", "fn")] + [f"{block[k]:.3f}" for k in ("precision", "recall", "f1")]


def format_text(report: Report, *, per_doc: bool = False, errors: bool = False) -> str:
    """The readable report: blocks, accuracies, per type; per document and errors on request."""
    overall = report.overall
    docs = overall["documents"]
    parts = [
        f"documents: {docs['gold']} gold, {docs['pred']} predicted, "
        f"{docs['gold_only']} gold without prediction (all missed), "
        f"{docs['pred_only']} predicted without gold (ignored)",
        _table(("block", *_TALLY_HEADER),
               [[_display_name(k), *_tally_cells(overall[k])] for k in _TABLE_ROWS], "lrrrrrr"),
        _table(("accuracy over matched pairs", "correct", "total", "accuracy"),
               [[k, str(v["correct"]), str(v["total"]), f"{v['accuracy']:.3f}"]
                for k, v in overall.items() if _METRICS.get(k) is Ratio], "lrrr"),
        _table(("event type", *_TALLY_HEADER),
               [[t, *_tally_cells(v)] for t, v in overall["per_type"].items()], "lrrrrrr"),
    ]
    if per_doc:
        keys = [k for k in _METRICS if _METRICS[k] is Tally]
        parts.append(_table(("F1 per document", *map(_display_name, keys)),
                            [[doc_id, *(f"{scores[k]['f1']:.3f}" for k in keys)]
                             for doc_id, scores in report.per_doc.items()], "l" + "r" * len(keys)))
    if errors:
        parts.append(_table(("document", "block", "kind", "entry", "evidence / event"),
                            [[e.doc_id, e.block, e.kind.upper(), e.text, e.evidence or e.event or ""]
                             for e in report.errors], "lllll") if report.errors else "no errors")
    return "\n\n".join(parts)


# --------------------------------------------------------------------------- command line

def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the evaluator's arguments on a (sub)parser the CLI owns."""
    parser.add_argument("gold", type=Path, help="gold JSONL file, directory of *.jsonl, or one .json document")
    parser.add_argument("pred", type=Path, help="predictions, same forms as gold")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of tables")
    parser.add_argument("--errors", action="store_true",
                        help="also list every false positive and false negative, and every date with a wrong value")
    parser.add_argument("--per-doc", action="store_true", help="also give the scores of each document")


def command(args: argparse.Namespace) -> int:
    """Run the evaluation for parsed arguments; 0 on success, 2 on a format error."""
    try:
        report = evaluate(load_documents(args.gold), load_documents(args.pred))
    except GoldFormatError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(report.to_json(per_doc=args.per_doc, errors=args.errors), ensure_ascii=False, indent=2))
    else:
        print(format_text(report, per_doc=args.per_doc, errors=args.errors))
    return 0

