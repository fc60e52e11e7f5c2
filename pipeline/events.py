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
  in the sentence, else after it, but not past the clause of the next trigger.
  Durations, sets, clock times and vague references are never an event's date.
  An undated announcement reported as news (not ``先日発表された``) takes the DCT.
* status: a calendar date on or before the DCT means ``done``; a date after
  it ``planned``; otherwise the predicate after the trigger (up to the next
  trigger's clause) decides.
* features (after merging): items a list adds go to one event of its product,
  the release before the announcement, and to every product a shared list
  (``両機種とも``) is said of; items a drop introduces or that name a removal go
  to the drop. Delays and ends carry none.

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
# A value on the calendar: a year (or an unknown one), not a bare clock time (T22:00) or a vague _REF.
_CALENDAR_VALUE = regex.compile(r"\d{4}|XXXX")
# What may stand between two products of one group: list separators, brackets, white space, a
# bracketed reading or aside (「Ｓｍａｒｂｏ　Ｖ（スマーボ　ヴイ）　ＶＣ−ＲＢ８０００」).
_GROUP_GAP = regex.compile(
    r"(?:[（(][^（）()\n]{1,20}[）)]|[\s、，,・/／とや及びおよび「」『』（）()\[\]【】])*+|\s*(?:\n\s*[・●■◆※\-－]\s*)+"
)


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
    group: tuple[str, ...] = ()  # the products the statement names together (a line-up, 両機種)


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
    """Products in text order, grouped where only list separators stand between them.

    A name right before the quoted name it labels (``Ultrabook「XPS 13」``) is
    the category of that product, not a product of the group.
    """
    groups: list[list[ProductLike]] = []
    for p in sorted(products, key=lambda p: p.start):
        if groups and p.start == groups[-1][-1].end + 1 and text[groups[-1][-1].end] in "「『":
            groups[-1][-1] = p
        elif groups and _GROUP_GAP.fullmatch(text, groups[-1][-1].end, max(p.start, groups[-1][-1].end)):
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
    for kind in ("argument", "weak_argument", "genitive", "modifier"):
        if rules.p[kind].match(after):
            return kind
    return "oblique"


def _first_distinct(values: Iterable[str], n: int) -> list[str]:
    """The first ``n`` distinct values, reading no further than needed."""
    seen: list[str] = []
    for value in values:
        if value not in seen:
            seen.append(value)
            if len(seen) == n:
                break
    return seen


@dataclass(frozen=True)
class _Around:
    """One sentence's product groups and dates, and the groups on either side of it.

    Found by bisection over the article's groups and dates (both in text
    order), so a trigger looks at its own sentence only and an article's cost
    stays linear in its length however many products and dates it names.
    """

    groups: Sequence[list[ProductLike]]  # the article's, in text order
    first: int  # index of the sentence's first group
    last: int  # one past its last group
    n_before: int  # groups that end before the sentence starts
    dates: Sequence[DateLike]  # the sentence's

    @classmethod
    def of(cls, sent: tuple[int, int], groups: Sequence[list[ProductLike]], group_starts: Sequence[int],
           group_ends: Sequence[int], dates: Sequence[DateLike], date_starts: Sequence[int]) -> _Around:
        first, last = bisect.bisect_left(group_starts, sent[0]), bisect.bisect_left(group_starts, sent[1])
        inside = dates[bisect.bisect_left(date_starts, sent[0]) : bisect.bisect_left(date_starts, sent[1])]
        return cls(groups, first, last, bisect.bisect_right(group_ends, sent[0]),
                   [d for d in inside if d.end <= sent[1]])

    def inside(self, sent: tuple[int, int]) -> list[list[ProductLike]]:
        return [g for g in self.groups[self.first : self.last] if g[-1].end <= sent[1]]

    def following(self) -> list[ProductLike] | None:
        return self.groups[self.last] if self.last < len(self.groups) else None

    def last_before(self) -> list[ProductLike] | None:
        return self.groups[self.n_before - 1] if self.n_before else None

    def before(self) -> Iterable[list[ProductLike]]:
        """The groups before the sentence, nearest first."""
        return (self.groups[i] for i in range(self.n_before - 1, -1, -1))


def _products_for(
    rules: _Rules, text: str, kind: str, sent: tuple[int, int], trigger: tuple[int, int],
    in_sentence: Sequence[list[ProductLike]],
) -> tuple[list[str], str]:
    """The canonicals a trigger is about, and how they were found.

    Before the trigger, the nearest group marked as an argument (``Xを発売``,
    ``Xは…発表``); a genitive when only a noun phrase stands between it and
    the trigger (``Xの最初のβのリリース``), or for triggers about a product's
    parts and dates (drops, delays, ends); then the nearest group marked by a
    weaker particle that may also name a place (``「X」において…提供開始``, but
    ``「X」を「ソニーストア」において発売``). After it, the first group marked
    as an argument within reach (``発売する「X」だ``). ``in_sentence``: the sentence's groups.
    """
    before = [(g, marker(rules, text, g[-1].end, sent[1])) for g in in_sentence if g[-1].end <= trigger[0]]
    for g, how in reversed(before):
        between = text[g[-1].end : trigger[0]]
        if how == "argument" or rules.p["marker_skip"].match(between).end() == len(between):
            return _canonicals(g), "argument"
    for g, how in reversed(before):
        chain = rules.p["genitive_chain"].match(text[g[-1].end + 1 : trigger[0]]) is not None
        if how == "genitive" and (chain or kind in {"feature_drop", "delay", "end"}):
            return _canonicals(g), "genitive"
    for g, how in reversed(before):
        if how == "weak_argument":
            return _canonicals(g), "argument"
    for g in in_sentence:
        near = g[0].start - trigger[1] <= _AFTER_REACH
        if g[0].start >= trigger[1] and near and marker(rules, text, g[-1].end, sent[1]).endswith("argument"):
            return _canonicals(g), "after"
    return [], "none"


def _context_products(
    rules: _Rules, text: str, kind: str, sent: tuple[int, int], prev: tuple[int, int] | None,
    trigger: tuple[int, int], around: _Around,
) -> tuple[list[str], str]:
    """Products of a sentence that names none: a line-up that follows, or the previous ones.

    A line-up cue (``以下``, ``ラインアップ``) points forward to a bulleted
    group of two or more products (a lone name after it is a new topic). A release, delay or end whose subject is left out (``6月下旬に発売
    する予定。``) or is the trigger itself (``発売は10月以降``) is about the
    product of the sentence before (only when the sentence has no topic or
    subject of its own and the trigger is a predicate); a subject-trigger may
    reach further back. ``どちらも発売は…`` is about the last two products named.
    """
    sentence = text[sent[0] : sent[1]]
    following = around.following()
    if rules.p["forward"].search(sentence):
        if following and len(following) > 1 and not text[sent[1] : following[0].start].strip(" \t\r\n・●■◆※-－"):
            return _canonicals(following), "line-up"
    if kind not in {"release", "delay", "end"}:
        return [], "none"
    previous = around.last_before()
    if rules.p["both"].search(text[sent[0] : trigger[0]]):
        last_two = _first_distinct((p.canonical for g in around.before() for p in reversed(g)), 2)
        if len(last_two) == 2:
            return last_two[::-1], "both"
    tail = text[trigger[1] : sent[1]]
    subjectless = rules.p["topic"].search(text, sent[0], trigger[0]) is None
    predicate = rules.p["done"].match(tail) or rules.p["planned"].match(tail)
    if previous and prev and prev[0] <= previous[0].start and subjectless and predicate:
        return _canonicals(previous), "previous-sentence"
    if previous and rules.p["nominal_subject"].match(text[trigger[1] : trigger[1] + 8]):
        return _canonicals(previous), "previous"
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
        and _CALENDAR_VALUE.match(d.value) is not None
        and not rules.p["date_not_after"].match(text[d.end : d.end + 8])
        and not rules.p["date_not_before"].search(text[max(0, d.start - 8) : d.start])
    )


def _linked(rules: _Rules, text: str, d: DateLike, trigger_start: int) -> bool:
    """Whether ``d`` dates the trigger itself: the sentence's time adverbial (``30日、``) or joined to it."""
    return bool(rules.p["adverbial_date"].match(text[d.end : d.end + 4]) or rules.p["date_link"].match(text[d.end : trigger_start]))


def _reach(text: str, m: regex.Match[str], following: regex.Match[str] | None, sent_end: int) -> int:
    """Where the text that may still belong to trigger ``m`` ends: the clause of the next trigger.

    ``Xが発売となり、Yが7日に発売になります``: the date and the predicate after
    the last comma before the next trigger are that trigger's.
    """
    if following is None:
        return sent_end
    comma = text.rfind("、", m.end(), following.start())
    return comma if comma >= 0 else following.start()


def _date_for(
    rules: _Rules, text: str, kind: str, sent: tuple[int, int], trigger: tuple[int, int], dates: Sequence[DateLike],
    reach: int,
) -> DateLike | None:
    """The event's date: see the module docstring. Dates after the trigger count only up to ``reach``
    (the next trigger), which has its own (``Xが発売となり、Yが7日に発売``)."""
    breaks = [m.end() for m in rules.p["clause_break"].finditer(text, sent[0], trigger[0])]
    clause_start = breaks[-1] if breaks else sent[0]
    calendar = [d for d in dates if sent[0] <= d.start and d.end <= sent[1] and _may_date_event(rules, text, d)]
    before = [d for d in calendar if clause_start <= d.start and d.end <= trigger[0]]
    anchor = rules.p["anchor_after"].match(text[trigger[1] : trigger[1] + 8]) is not None
    after = [] if anchor else [d for d in calendar if trigger[1] <= d.start and d.end <= reach]
    if kind == "delay" and after:
        return after[0]
    if kind == "announce":
        return next((d for d in before if _linked(rules, text, d, trigger[0])), None)
    if before:
        return before[-1]
    return after[0] if after else None


def _status(
    rules: _Rules, kind: str, text: str, trigger_end: int, reach: int, date: EventDate | None, dct: dt.date | None
) -> str:
    """``done`` or ``planned``; a delay or drop is done once decided, whatever date it moves to.

    The predicate is read up to ``reach``: the next trigger of the sentence, or its end.
    """
    if date and date.interval and dct and kind not in {"delay", "feature_drop"}:
        first, last = (dt.date.fromisoformat(d) for d in date.interval)
        if last <= dct:
            return "done"
        if first > dct:
            return "planned"
    tail = text[trigger_end:reach]
    if rules.p["done"].match(tail):
        return "done"
    if rules.p["planned"].match(tail) or (rules.p["planned_final"].search(tail) and not rules.p["done_final"].search(tail)):
        return "planned"
    return "done"


def _vague_past(dates: Sequence[DateLike], sent: tuple[int, int], before: int) -> bool:
    """``つい先日発表された``: an announcement placed in a vague past is not the news of the day (no DCT)."""
    return any(d.value == "PAST_REF" and sent[0] <= d.start and d.end <= before for d in dates)


def _event_date(d: DateLike | None) -> EventDate | None:
    return EventDate(d.value, d.mod, d.text, tuple(d.interval) if d.interval else None) if d else None


def _dct_date(dct: dt.date | None) -> EventDate | None:
    return EventDate(dct.isoformat(), None, None, (dct.isoformat(), dct.isoformat())) if dct else None


# --------------------------------------------------------------------------- features


@dataclass(frozen=True, slots=True)
class _ListFeatures:
    """One feature list read for events: which items a release adds and which a drop removes."""

    product: str | None
    start: int
    added: tuple[str, ...]
    dropped: tuple[str, ...]
    shared: bool  # the text says the list holds for every product stated with its own (両機種とも)


def _read_lists(
    rules: _Rules, text: str, sents: Sequence[tuple[int, int]], lists: Sequence[FeatureListLike]
) -> list[_ListFeatures]:
    """Sort each list's items into added and dropped features, and see whether it is shared.

    A list is dropped when the last trigger before it (in its own and the
    previous sentence, ``搭載が見送られた機能は次のとおり``) or the first after
    it in its sentence (``AやBは搭載されない``) is a drop; otherwise an item that
    itself names a removal (``ソーシャルネットワーキングの削除``) is dropped and
    the others are added. Example inputs (``「再生」「一時停止」などの操作``) are
    no features of any event.
    """
    starts = [s for s, _ in sents]
    out: list[_ListFeatures] = []
    for flist in lists:
        if rules.p["sample_list"].match(text[flist.end : flist.end + 16]):
            continue
        i = bisect.bisect_right(starts, flist.start) - 1
        sent = sents[i] if i >= 0 else (flist.start, flist.end)
        lead_start = sents[i - 1][0] if i > 0 else sent[0]
        before = [m.lastgroup for m in rules.trigger.finditer(text, max(lead_start, flist.start - 200), flist.start)]
        after = rules.trigger.search(text, flist.end, max(flist.end, sent[1]))
        drop_list = (before[-1:] or [after.lastgroup if after else None])[0] == "feature_drop"
        items = [getattr(item, "text") for item in flist.items]
        removal = [drop_list or rules.p["removal_item"].search(item) is not None for item in items]
        window_end = sents[i + 1][1] if 0 <= i < len(sents) - 1 else sent[1]
        out.append(
            _ListFeatures(
                product=flist.product,
                start=flist.start,
                added=tuple(t for t, r in zip(items, removal) if not r),
                dropped=tuple(t for t, r in zip(items, removal) if r),
                shared=rules.p["shared_list"].search(text, lead_start, window_end) is not None,
            )
        )
    return out


def _carrier_rank(e: Event) -> int:
    """Which event of a product carries the features its lists add: the final release, else a beta, else the announcement."""
    return {"release": 0 if e.stage == "final" else 1, "announce": 2}.get(e.type, 9)


def attach_features(events: Sequence[Event], lists: Sequence[_ListFeatures], main: str | None) -> list[Event]:
    """Give each event the list items that belong to it (annotation-guidelines §3, §4).

    Items a list adds go to one event per product (the worked example gives
    them to the release, not the announcement), and, when the list is shared
    (``両機種とも``), to that event of every product stated with it; a list of
    a product with no event of its own (a series name beside its models) goes
    to the products whose names contain it. Dropped items go to the product's
    drop, else to the nearest drop before the list. Delays and ends carry none.
    """
    carriers: dict[str, int] = {}
    for i, e in enumerate(events):
        best = carriers.get(e.product)
        if _carrier_rank(e) < 9 and (best is None or _carrier_rank(e) < _carrier_rank(events[best])):
            carriers[e.product] = i
    drops = [i for i, e in enumerate(events) if e.type == "feature_drop"]
    extra: dict[int, list[str]] = {}
    for flist in lists:
        if flist.added and flist.product is not None:
            if flist.product in carriers:
                own = events[carriers[flist.product]]
                targets = set(own.group) if flist.shared else {flist.product}
                targets.add(flist.product)
            else:
                targets = {c for c in carriers if flist.product in c}
            for target in targets & carriers.keys():
                extra.setdefault(carriers[target], []).extend(flist.added)
        if flist.dropped and drops:
            same = [i for i in drops if events[i].product == flist.product]
            same = same or [i for i in drops if events[i].product == main]
            earlier = [i for i in drops if events[i].trigger_start <= flist.start]
            extra.setdefault((same or earlier[-1:] or drops)[0], []).extend(flist.dropped)
    return [
        replace(e, features=tuple(dict.fromkeys(e.features + tuple(extra.get(i, ()))))) if i in extra else e
        for i, e in enumerate(events)
    ]


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
    group_starts, group_ends = [g[0].start for g in groups], [g[-1].end for g in groups]
    dates = sorted(dates, key=lambda d: d.start)
    date_starts = [d.start for d in dates]
    main = main_product(products, title)
    found: list[Event] = []
    sents = list(sentences(text, zones))
    for k, sent in enumerate(sents):
        prev = sents[k - 1] if k else None
        if rules.p["hedge"].search(_QUOTED.sub("", text[sent[0] : sent[1]])):
            continue
        triggers = [m for m in rules.trigger.finditer(text, sent[0], sent[1]) if _is_trigger(rules, text, m)]
        if not triggers:
            continue
        around = _Around.of(sent, groups, group_starts, group_ends, dates, date_starts)
        for i, m in enumerate(triggers):
            kind = m.lastgroup
            assert kind is not None
            if _governed(text, m, triggers[i + 1 :]):
                continue
            canonicals, how = _products_for(rules, text, kind, sent, m.span(), around.inside(sent))
            if not canonicals:
                canonicals, how = _context_products(rules, text, kind, sent, prev, m.span(), around)
            named: tuple[str, ...] = ()
            if kind in rules.main_product_types and main:
                # A drop is about the article's main product unless a product is its
                # argument; a product named as the thing dropped
                # (Xがプリインストールされなくなる) is the main product's feature.
                dropped = _names_dropped(rules, m)
                if not canonicals or how == "genitive" or (dropped and how == "argument"):
                    named = tuple(c for c in canonicals if c != main) if dropped else ()
                    canonicals, how = [main], "main-product"
            reach = _reach(text, m, triggers[i + 1] if i + 1 < len(triggers) else None, sent[1])
            found_date = _date_for(rules, text, kind, sent, m.span(), around.dates, reach)
            if rules.p["anchor_after"].match(text[m.end() : m.end() + 8]) and not (
                found_date and _linked(rules, text, found_date, m.start())
            ):
                continue  # an anchor of another event (Xのリリースから180日以内, 3日から発売日まで) is background
            date = _event_date(found_date)
            status = _status(rules, kind, text, m.end(), reach, date, dct)
            if date is None and kind == "announce" and status == "done" and not _vague_past(around.dates, sent, m.start()):
                date = _dct_date(dct)
            pre = rules.p["pre_release"].search(text, max(sent[0], m.start() - 16), m.start())
            stage = "pre-release" if pre or rules.p["beta_trigger"].match(m.group()) else "final"
            for product in canonicals:
                found.append(
                    Event(
                        type=kind, product=product, status=status, date=date,
                        features=named,
                        evidence_start=sent[0], evidence_end=sent[1],
                        trigger_start=m.start(), trigger_end=m.end(), rule=f"{kind}:{how}", stage=stage,
                        group=tuple(canonicals),
                    )
                )
    return attach_features(merge(found), _read_lists(rules, text, sents, feature_lists), main)


def merge(events: Iterable[Event]) -> list[Event]:
    """One event per fact (type, product, stage): the first statement, dated by the first that gives a date.

    The merged event keeps the products of all its statements as its group.
    """
    merged: dict[tuple[str, str, str], Event] = {}
    for e in events:
        key = (e.type, e.product, e.stage)
        first = merged.get(key)
        if first is None:
            merged[key] = e
            continue
        keep = e if first.date is None and e.date is not None else first
        group = tuple(dict.fromkeys(first.group + e.group))
        merged[key] = replace(keep, features=first.features or e.features, group=group)
    return sorted(merged.values(), key=lambda e: (e.evidence_start, e.trigger_start, EVENT_TYPES.index(e.type)))
