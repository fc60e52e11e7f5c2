"""Events: product-lifecycle facts assembled from triggers, products, dates and feature lists.

An event is found per trigger word (``pipeline/data/events/triggers.yaml``)
in a content sentence that is not hedged, then given:

* products: the product group the sentence makes the trigger's argument,
  judged by the particle after each group (``Xを発売`` yes, ``Android
  スマートフォン`` and ``Twitterに公開`` no); a sentence without a product
  refers to a bulleted line-up it introduces (``以下``), or, when the trigger
  is its subject (``発売は10月以降``), to the previous group. A line-up gives
  one event per product.
* date: for a ``delay`` the new date (the first date after the trigger, else
  the nearest before); otherwise the nearest calendar date before the trigger
  in the sentence, else after it. Durations, sets and vague references are
  never an event's date. An undated announcement reported as news takes the DCT.
* status: a calendar date on or before the DCT means ``done``; a date after
  it ``planned``; otherwise the predicate after the trigger decides.
* features: the items of the feature lists of that product, those introduced
  by a drop trigger for ``feature_drop`` and the others for the rest.

One event per fact: events with the same type and product merge, keeping the
first statement that gives a date (annotation-guidelines §4); a pre-release
(``パブリックβのリリース``) is a fact apart from the final release.
"""
from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Mapping, Protocol, Sequence

import regex
import yaml

from .text import sentences

DATA = Path(__file__).parent / "data" / "events" / "triggers.yaml"
EVENT_TYPES = ("announce", "release", "delay", "feature_drop", "end")
_CALENDAR_TYPES = frozenset({"DATE", "TIME"})
# What may stand between two products of one group: list separators, brackets, white space.
_GROUP_GAP = regex.compile(r"[\s、，,・/／とや及びおよび「」『』（）()\[\]【】]*|\s*(?:\n\s*[・●■◆※\-－]\s*)+")


class ProductLike(Protocol):
    start: int
    end: int
    canonical: str


class DateLike(Protocol):
    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None
    interval: tuple[str, str] | None


class FeatureListLike(Protocol):
    start: int
    end: int
    product: str | None
    items: Sequence[object]


@dataclass(frozen=True, slots=True)
class EventDate:
    value: str
    mod: str | None
    text: str | None  # None when the date is the DCT, not a phrase of the text
    interval: tuple[str, str] | None


@dataclass(frozen=True, slots=True)
class Event:
    type: str
    product: str
    status: str
    date: EventDate | None
    features: tuple[str, ...]
    evidence_start: int
    evidence_end: int
    trigger_start: int
    trigger_end: int
    rule: str
    stage: str = "final"  # "pre-release" for a beta, preview or RC: a fact of its own


@dataclass(frozen=True, slots=True)
class _Rules:
    trigger: regex.Pattern[str]  # one named group per event type
    main_product_types: frozenset[str]
    p: Mapping[str, regex.Pattern[str]]  # the named patterns of triggers.yaml


def _alternation(patterns: str | Iterable[str]) -> str:
    return patterns if isinstance(patterns, str) else "|".join(f"(?:{p})" for p in patterns)


@lru_cache(maxsize=None)
def _rules(path: Path = DATA) -> _Rules:
    """Compile the trigger lexicon and the named patterns once."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    trigger = "|".join(f"(?P<{t}>{_alternation(data['types'][t])})" for t in data["types"])
    return _Rules(
        trigger=regex.compile(trigger),
        main_product_types=frozenset(data["main_product_types"]),
        p={name: regex.compile(_alternation(pattern)) for name, pattern in data["patterns"].items()},
    )


# --------------------------------------------------------------------------- products

_WINDOW = 48
_AFTER_REACH = 50  # how far after a trigger its relative-clause head (発売する「X」) may stand
_QUOTED = regex.compile(r"「[^「」]*」|『[^『』]*』")  # characters read around a trigger or a mention to classify it


def product_groups(text: str, products: Sequence[ProductLike]) -> list[list[ProductLike]]:
    """Products in text order, grouped where only list separators stand between them."""
    groups: list[list[ProductLike]] = []
    for p in sorted(products, key=lambda p: p.start):
        if groups and _GROUP_GAP.fullmatch(text, groups[-1][-1].end, max(p.start, groups[-1][-1].end)):
            groups[-1].append(p)
        else:
            groups.append([p])
    return groups


def _canonicals(group: Sequence[ProductLike]) -> list[str]:
    return list(dict.fromkeys(p.canonical for p in group))


def marker(rules: _Rules, text: str, end: int, limit: int) -> str:
    """How the text after a product (group) ending at ``end`` relates it to the predicate."""
    after = text[end : min(limit, end + _WINDOW)]
    after = after[rules.p["marker_skip"].match(after).end() :]
    for kind in ("argument", "genitive", "modifier"):
        if rules.p[kind].match(after):
            return kind
    return "oblique"


def _products_for(
    rules: _Rules, text: str, kind: str, sent: tuple[int, int], trigger: tuple[int, int],
    groups: Sequence[list[ProductLike]],
) -> tuple[list[str], str]:
    """The canonicals a trigger is about, and how they were found.

    Before the trigger, the nearest group marked as an argument (``Xを発売``,
    ``Xは…発表``); a genitive when only a noun phrase stands between it and
    the trigger (``Xの最初のβのリリース``), or for triggers about a product's
    parts and dates (drops, delays, ends). After it, the first group marked
    as an argument within reach (``発売する「X」だ``).
    """
    in_sentence = [g for g in groups if sent[0] <= g[0].start and g[-1].end <= sent[1]]
    before = [(g, marker(rules, text, g[-1].end, sent[1])) for g in in_sentence if g[-1].end <= trigger[0]]
    for g, how in reversed(before):
        between = text[g[-1].end : trigger[0]]
        if how == "argument" or rules.p["marker_skip"].match(between).end() == len(between):
            return _canonicals(g), "argument"
    for g, how in reversed(before):
        chain = rules.p["genitive_chain"].match(text[g[-1].end + 1 : trigger[0]]) is not None
        if how == "genitive" and (chain or kind in {"feature_drop", "delay", "end"}):
            return _canonicals(g), "genitive"
    for g in in_sentence:
        near = g[0].start - trigger[1] <= _AFTER_REACH
        if g[0].start >= trigger[1] and near and marker(rules, text, g[-1].end, sent[1]) == "argument":
            return _canonicals(g), "after"
    return [], "none"


def _context_products(
    rules: _Rules, text: str, kind: str, sent: tuple[int, int], prev: tuple[int, int] | None,
    trigger: tuple[int, int], groups: Sequence[list[ProductLike]],
) -> tuple[list[str], str]:
    """Products of a sentence that names none: a line-up that follows, or the previous ones.

    A line-up cue (``以下``, ``ラインアップ``) points forward to a bulleted
    group. A release, delay or end whose subject is left out (``6月下旬に発売
    する予定。``) or is the trigger itself (``発売は10月以降``) is about the
    product of the sentence before (only when the sentence has no topic or
    subject of its own and the trigger is a predicate); a subject-trigger may
    reach further back.
    """
    sentence = text[sent[0] : sent[1]]
    if rules.p["forward"].search(sentence):
        following = [g for g in groups if g[0].start >= sent[1]]
        if following and not text[sent[1] : following[0][0].start].strip(" \t\r\n・●■◆※-－"):
            return _canonicals(following[0]), "line-up"
    if kind not in {"release", "delay", "end"}:
        return [], "none"
    previous = [g for g in groups if g[-1].end <= sent[0]]
    tail = text[trigger[1] : sent[1]]
    subjectless = rules.p["topic"].search(text, sent[0], trigger[0]) is None
    predicate = rules.p["done"].match(tail) or rules.p["planned"].match(tail)
    if previous and prev and prev[0] <= previous[-1][0].start and subjectless and predicate:
        return _canonicals(previous[-1]), "previous-sentence"
    if previous and rules.p["nominal_subject"].match(text[trigger[1] : trigger[1] + 8]):
        return _canonicals(previous[-1]), "previous"
    return [], "none"


def main_product(products: Sequence[ProductLike], title: tuple[int, int] | None = None) -> str | None:
    """The article's main product: the first named in its title, else the most mentioned."""
    if title:
        in_title = [p for p in products if title[0] <= p.start and p.end <= title[1]]
        if in_title:
            return min(in_title, key=lambda p: p.start).canonical
    counts: dict[str, int] = {}
    for p in sorted(products, key=lambda p: p.start):
        counts[p.canonical] = counts.get(p.canonical, 0) + 1
    return max(counts, key=lambda c: counts[c]) if counts else None


def _names_dropped(rules: _Rules, m: regex.Match[str]) -> bool:
    """``Xがプリインストールされなくなる``: a drop trigger whose argument is the dropped feature."""
    return m.lastgroup == "feature_drop" and rules.p["named_feature_drop"].match(m.group()) is not None


def _governed(text: str, m: regex.Match[str], later: Sequence[regex.Match[str]]) -> bool:
    """A release named as the object of a later delay, drop or end (``発売を…延期``) is not a release."""
    return (
        m.lastgroup in {"release", "announce"}
        and text[m.end() : m.end() + 1] in {"を", "が", "は", "も", "の"}
        and any(t.lastgroup in {"delay", "feature_drop", "end"} for t in later)
    )


def _is_trigger(rules: _Rules, text: str, m: regex.Match[str]) -> bool:
    """A trigger word standing as a predicate or its noun, not inside a longer word or negated."""
    start, end = m.span()
    after = text[end : end + _WINDOW]
    if rules.p["compound"].match(after) or rules.p["negated_after"].match(after):
        return False
    before = text[max(0, start - 2) : start]
    if rules.p["negated_before"].search(before):
        return False
    return not (before and regex.match(r"\p{Katakana}", text[start]) and regex.match(r"\p{Katakana}", before[-1]))


# --------------------------------------------------------------------------- dates


def _may_date_event(rules: _Rules, text: str, d: DateLike) -> bool:
    """A calendar date that can be an event's time (not ``今夏モデル``, not ``当初の…``)."""
    return (
        d.type in _CALENDAR_TYPES
        and not d.value.endswith("_REF")
        and not rules.p["date_not_after"].match(text[d.end : d.end + 8])
        and not rules.p["date_not_before"].search(text[max(0, d.start - 8) : d.start])
    )


def _date_for(
    rules: _Rules, text: str, kind: str, sent: tuple[int, int], trigger: tuple[int, int], dates: Sequence[DateLike]
) -> DateLike | None:
    """The event's date: see the module docstring."""
    breaks = [m.end() for m in rules.p["clause_break"].finditer(text, sent[0], trigger[0])]
    clause_start = breaks[-1] if breaks else sent[0]
    calendar = [d for d in dates if sent[0] <= d.start and d.end <= sent[1] and _may_date_event(rules, text, d)]
    before = [d for d in calendar if clause_start <= d.start and d.end <= trigger[0]]
    anchor = rules.p["anchor_after"].match(text[trigger[1] : trigger[1] + 8]) is not None
    after = [] if anchor else [d for d in calendar if d.start >= trigger[1]]
    if kind == "delay" and after:
        return after[0]
    if kind == "announce":
        adverbial = [d for d in before if rules.p["adverbial_date"].match(text[d.end : d.end + 4])]
        linked = [d for d in before if rules.p["announce_date_link"].match(text[d.end : trigger[0]])]
        return (adverbial or linked or [None])[0]
    if before:
        return before[-1]
    return after[0] if after else None


def _status(
    rules: _Rules, kind: str, text: str, trigger_end: int, sent_end: int, date: EventDate | None, dct: dt.date | None
) -> str:
    """``done`` or ``planned``; a delay or drop is done once decided, whatever date it moves to."""
    if date and date.interval and dct and kind not in {"delay", "feature_drop"}:
        first, last = (dt.date.fromisoformat(d) for d in date.interval)
        if last <= dct:
            return "done"
        if first > dct:
            return "planned"
    tail = text[trigger_end:sent_end]
    if rules.p["done"].match(tail):
        return "done"
    if rules.p["planned"].match(tail) or (rules.p["planned_final"].search(tail) and not rules.p["done_final"].search(tail)):
        return "planned"
    return "done"


def _event_date(d: DateLike | None) -> EventDate | None:
    return EventDate(d.value, d.mod, d.text, tuple(d.interval) if d.interval else None) if d else None


def _dct_date(dct: dt.date | None) -> EventDate | None:
    return EventDate(dct.isoformat(), None, None, (dct.isoformat(), dct.isoformat())) if dct else None


# --------------------------------------------------------------------------- features


def _features_by_product(
    text: str, zones: Sequence[tuple[int, int]], lists: Sequence[FeatureListLike], rules: _Rules
) -> dict[tuple[str | None, bool], list[str]]:
    """Feature items per (product, introduced-by-a-drop-trigger)."""
    sents = list(sentences(text, zones))
    starts = [s for s, _ in sents]
    out: dict[tuple[str | None, bool], list[str]] = {}
    for flist in lists:
        i = bisect.bisect_right(starts, flist.start) - 1
        lead = text[sents[i - 1][0] if i > 0 else 0 : flist.start] if i >= 0 else ""
        m = rules.trigger.search(lead[-200:])
        dropped = bool(m and m.lastgroup == "feature_drop")
        items = [getattr(item, "text") for item in flist.items]
        out.setdefault((flist.product, dropped), []).extend(items)
    return out


# --------------------------------------------------------------------------- events


def find_events(
    text: str,
    zones: Sequence[tuple[int, int]] | None,
    dct: dt.date | None,
    dates: Sequence[DateLike] = (),
    products: Sequence[ProductLike] = (),
    feature_lists: Sequence[FeatureListLike] = (),
    title: tuple[int, int] | None = None,
) -> list[Event]:
    """Events stated in the content zones of ``text``, one per (type, product)."""
    rules = _rules()
    zones = zones if zones is not None else [(0, len(text))]
    groups = product_groups(text, products)
    main = main_product(products, title)
    features = _features_by_product(text, zones, feature_lists, rules)
    found: list[Event] = []
    sents = list(sentences(text, zones))
    for k, sent in enumerate(sents):
        prev = sents[k - 1] if k else None
        if rules.p["hedge"].search(_QUOTED.sub("", text[sent[0] : sent[1]])):
            continue
        triggers = [m for m in rules.trigger.finditer(text, sent[0], sent[1]) if _is_trigger(rules, text, m)]
        for i, m in enumerate(triggers):
            kind = m.lastgroup
            assert kind is not None
            if _governed(text, m, triggers[i + 1 :]):
                continue
            canonicals, how = _products_for(rules, text, kind, sent, m.span(), groups)
            if not canonicals:
                canonicals, how = _context_products(rules, text, kind, sent, prev, m.span(), groups)
            named: tuple[str, ...] = ()
            if kind in rules.main_product_types and main:
                # A drop is about the article's main product unless a product is its
                # argument; a product named as the thing dropped
                # (Xがプリインストールされなくなる) is the main product's feature.
                dropped = _names_dropped(rules, m)
                if not canonicals or how == "genitive" or (dropped and how == "argument"):
                    named = tuple(c for c in canonicals if c != main) if dropped else ()
                    canonicals, how = [main], "main-product"
            date = _event_date(_date_for(rules, text, kind, sent, m.span(), dates))
            if date is None and rules.p["anchor_after"].match(text[m.end() : m.end() + 8]):
                continue  # an undated anchor of another event (Xのリリースから180日以内) is background
            status = _status(rules, kind, text, m.end(), sent[1], date, dct)
            if date is None and kind == "announce" and status == "done":
                date = _dct_date(dct)
            pre = rules.p["pre_release"].search(text, max(sent[0], m.start() - 16), m.start())
            stage = "pre-release" if pre or rules.p["beta_trigger"].match(m.group()) else "final"
            for product in canonicals:
                found.append(
                    Event(
                        type=kind, product=product, status=status, date=date,
                        features=named + tuple(features.get((product, kind == "feature_drop"), ())),
                        evidence_start=sent[0], evidence_end=sent[1],
                        trigger_start=m.start(), trigger_end=m.end(), rule=f"{kind}:{how}", stage=stage,
                    )
                )
    return merge(found)


def merge(events: Iterable[Event]) -> list[Event]:
    """One event per fact (type, product, stage): the first statement, dated by the first that gives a date."""
    merged: dict[tuple[str, str, str], Event] = {}
    for e in events:
        key = (e.type, e.product, e.stage)
        first = merged.get(key)
        if first is None:
            merged[key] = e
        elif first.date is None and e.date is not None:
            merged[key] = replace(e, features=first.features or e.features)
    return sorted(merged.values(), key=lambda e: (e.evidence_start, e.trigger_start, EVENT_TYPES.index(e.type)))
