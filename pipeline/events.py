"""Events: product-lifecycle facts assembled from triggers, products, dates and feature lists.

An event is found per trigger word (``pipeline/data/events/triggers.yaml``)
that is not hedged (an adverb or condition up to the end of its clause, a
hedging predicate after it) in a content sentence, then given:

* products: the product group the sentence makes the trigger's argument,
  judged by the particle after each group (``Xを発売`` yes, ``Android
  スマートフォン`` and ``Twitterに公開`` no) and by the predicate it belongs to
  (``「X」を搭載し、…発売``: X is 搭載's), none when the trigger's own argument
  is no product (``デモ動画が公開``, ``調査結果を発表``), or the product an attributive
  trigger describes (``富士通が発表した「X」``) or an aside follows
  (``「X」（9月発売予定）``); a sentence without a product refers to a
  line-up it introduces (``以下``), to its spec block's name (``出荷：5月25日``),
  or, when the trigger is its subject (``発売は10月以降``) or predicate, to
  the product of the sentence before. A line-up gives one event per product,
  also one named after a count (``2機種を発表…「X」「Y」``); coordinated names
  with dates of their own (``XをD1、YをD2に発売``) each keep theirs. An update
  service released is a release of the product it updates.
* type: the trigger's, but ``公開`` of a device (not of software) unveils it: an announcement.
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
  (``両機種とも``) is said of; a list of a product without events goes to the one
  product with them, if only one has; items a drop introduces or that name a
  removal go to the drop. Delays and ends carry none.

One event per fact: events with the same type and product merge, keeping the
first statement that gives a date (annotation-guidelines §4); a pre-release
(``パブリックβのリリース``) is a fact apart from the final release.

Hedges: a sentence stating a guess or rumour gives no event; a wish or fear
(``発売が期待される``) removes only the trigger of its own clause.

Cost: every trigger looks at a bounded stretch of its sentence (``_ARG_REACH``)
and a bounded number of groups before it, found by bisection, so an
article's cost stays linear in its length.
"""
from __future__ import annotations

import bisect
import datetime as dt
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Collection, Iterable, Mapping, NamedTuple, Protocol, Sequence

import regex
import yaml

from .features import main_product
from .text import clamp_zones, shared_words, with_words, zone_sentences

DATA = Path(__file__).parent / "data" / "events" / "triggers.yaml"
EVENT_TYPES = ("announce", "release", "delay", "feature_drop", "end")
_CALENDAR_TYPES = frozenset({"DATE", "TIME"})
# How far after a date its adverbial comma may stand: past an aside (27日（現地時間）、).
_ADVERBIAL_REACH = 12
# A value on the calendar: a year, a fiscal year (FY2012) or an unknown year, not a bare clock time (T22:00)
# or a vague _REF.
_CALENDAR_VALUE = regex.compile(r"(?:FY)?(?:\d{4}|XXXX)")


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
    unveiling: Mapping[str, regex.Pattern[str]]  # 公開 of a device: an announcement
    p: Mapping[str, regex.Pattern[str]]  # the named patterns of triggers.yaml


def _alternation(patterns: str | Iterable[str]) -> str:
    return patterns if isinstance(patterns, str) else "|".join(f"(?:{p})" for p in patterns)


@lru_cache(maxsize=None)
def _rules(path: Path = DATA) -> _Rules:
    """Compile the trigger lexicon and the named patterns once."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    words = {**shared_words(), **{name: with_words(w) for name, w in data.get("words", {}).items()}}
    trigger = "|".join(f"(?P<{t}>{_alternation(data['types'][t])})" for t in data["types"])
    return _Rules(
        trigger=regex.compile(trigger),
        main_product_types=frozenset(data["main_product_types"]),
        unveiling={name: regex.compile(pattern) for name, pattern in data["unveiling"].items()},
        p={name: regex.compile(with_words(_alternation(p), words)) for name, p in data["patterns"].items()},
    )


# --------------------------------------------------------------------------- products

_WINDOW = 48
_AFTER_REACH = 50  # how far after a trigger its relative-clause head (発売する「X」) may stand
_HEAD_REACH = 36  # how far after an attributive trigger (発表した「X」) the product it describes may stand
_BLANK_LINE = regex.compile(r"\n[ \t\u3000]*\n")  # the end of a block of lines (a spec block)
_CLAUSE_REACH = 80  # how far after a trigger the end of its clause is looked for (a wish or a hedge in it)
_ARG_REACH = 300  # how far from a trigger its products and dates are looked for within a sentence
_LACKING_REACH = 12  # how far around a list's end its negated cue (…には対応していません) is looked for
_MAX_BACK = 32  # how many groups before a sentence may be what it continues
_LEDE_REACH = 300  # how far before an undated announcement the day of the news is looked for
_RECENT_DAYS = 7  # how many days before the article that day may lie
_DAY_VALUE = regex.compile(r"\d{4}-\d{2}-\d{2}")
_BLOCK_REACH = 400  # how far back a spec line (出荷：5月25日より) looks for its block's name
_GOVERNING = frozenset({"delay", "feature_drop", "end"})  # triggers whose object may be a release (発売を延期)
_ASIDE_CLOSE = regex.compile(r"[）)\r\n]")
_VERSION_AFTER = regex.compile(r" ?v?\d")  # what follows a family name in a versioned product's (Firefox 11)
_QUOTED = regex.compile(r"「[^「」]*」|『[^『』]*』")  # characters read around a trigger or a mention to classify it
_COMPLEMENT_GAP = 3  # how far after a trigger a quotation may start and still be its complement (発売は「…」)


@lru_cache(maxsize=None)
def _group_gap() -> regex.Pattern[str]:
    """Any run of the pieces of ``group_gap`` (triggers.yaml), taken without backtracking."""
    return regex.compile(f"(?:{_rules().p['group_gap'].pattern})*+")


def product_groups(text: str, products: Sequence[ProductLike]) -> list[list[ProductLike]]:
    """Products in text order, grouped where only list separators stand between them.

    A name right before the quoted name it labels (``Ultrabook「XPS 13」``) is
    the category of that product, not a product of the group.
    """
    groups: list[list[ProductLike]] = []
    ordered = sorted(products, key=lambda p: p.start)
    for p in ordered:
        if groups and p.start == groups[-1][-1].end + 1 and text[groups[-1][-1].end] in "「『":
            groups[-1][-1] = p
        elif (
            groups
            and _group_gap().fullmatch(text, groups[-1][-1].end, max(p.start, groups[-1][-1].end))
            and not _describing_aside(text, groups[-1][-1].end, p.start, ordered)
        ):
            groups[-1].append(p)
        else:
            groups.append([p])
    return groups


def _describing_aside(text: str, gap_start: int, start: int, products: Sequence[ProductLike]) -> bool:
    """Whether the gap before a product opens a bracket that says more than names
    (``「X」（iOS・Android対応／無料）``: the platforms it runs on, not products beside it),
    unlike one that only names (``「A」（B）``, ``「A」（B・C）``)."""
    bracket = max(text.rfind("（", gap_start, start), text.rfind("(", gap_start, start))
    if bracket < 0 or bracket < max(text.rfind("）", gap_start, start), text.rfind(")", gap_start, start)):
        return False  # no bracket opens in the gap, or it closes there
    close = _ASIDE_CLOSE.search(text, start)
    end = close.start() if close else len(text)
    rest, pos = [], bracket + 1
    for p in products:  # (in text order)
        if p.start >= end:
            break
        if bracket < p.start and p.end <= end:
            rest.append(text[pos : p.start])
            pos = p.end
    rest.append(text[pos:end])
    return _group_gap().fullmatch("".join(rest)) is None


def _not_features(
    rules: _Rules, text: str, groups: list[list[ProductLike]], lists: Sequence[FeatureListLike]
) -> list[list[ProductLike]]:
    """The groups that may be an event's argument: a name inside a feature item is a part or a
    service of the product the list describes (``MSM8655、おサイフケータイ…などに対応した「X」を
    提供開始``: X is what is released), not what a trigger is about, unless the item states an
    event of its own (``「EF-M」レンズ（2012年9月中旬発売予定）``)."""
    items = sorted(
        (start, end)
        for flist in lists
        for item in flist.items
        if not rules.trigger.search(text, start := getattr(item, "start"), _with_aside(text, end := getattr(item, "end")))
    )
    starts = [s for s, _ in items]

    def in_item(p: ProductLike) -> bool:
        i = bisect.bisect_right(starts, p.start) - 1
        return i >= 0 and p.end <= items[i][1]

    return [g for g in groups if not all(in_item(p) for p in g)]


def _with_aside(text: str, end: int) -> int:
    """Where an item ends with the aside in brackets right after it, if any (``レンズ（9月発売予定）``)."""
    if text.startswith(("（", "("), end):
        close = _ASIDE_CLOSE.search(text, end)
        return close.end() if close else end
    return end


def _canonicals(group: Sequence[ProductLike]) -> list[str]:
    return list(dict.fromkeys(p.canonical for p in group))


def _after_name(rules: _Rules, text: str, end: int, limit: int) -> str:
    """The text after a product name ending at ``end``, past closing brackets and asides, where its particle stands."""
    after = text[end : min(limit, end + _WINDOW)]
    return after[rules.p["marker_skip"].match(after).end() :]


def marker(rules: _Rules, text: str, end: int, limit: int) -> str:
    """How the text after a product (group) ending at ``end`` relates it to the predicate."""
    after = _after_name(rules, text, end, limit)
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
    order), so a trigger looks at the stretch of its sentence around it only
    and an article's cost stays linear in its length however many products,
    dates and triggers it holds, even in one long sentence.
    """

    groups: Sequence[list[ProductLike]]  # the article's, in text order
    group_starts: Sequence[int]
    dates: Sequence[DateLike]  # the article's, in text order
    date_starts: Sequence[int]
    last: int  # one past the sentence's last group
    n_before: int  # groups that end before the sentence starts

    @classmethod
    def of(cls, sent: tuple[int, int], groups: Sequence[list[ProductLike]], group_starts: Sequence[int],
           group_ends: Sequence[int], dates: Sequence[DateLike], date_starts: Sequence[int]) -> _Around:
        return cls(groups, group_starts, dates, date_starts, bisect.bisect_left(group_starts, sent[1]),
                   bisect.bisect_right(group_ends, sent[0]))

    def inside(self, lo: int, hi: int) -> list[list[ProductLike]]:
        """The groups that lie within ``[lo, hi)`` (a stretch of the sentence)."""
        first, last = bisect.bisect_left(self.group_starts, lo), bisect.bisect_left(self.group_starts, hi)
        return [g for g in self.groups[first:last] if g[-1].end <= hi]

    def dates_in(self, lo: int, hi: int) -> list[DateLike]:
        """The dates that lie within ``[lo, hi)``."""
        first, last = bisect.bisect_left(self.date_starts, lo), bisect.bisect_left(self.date_starts, hi)
        return [d for d in self.dates[first:last] if d.end <= hi]

    def following(self) -> list[ProductLike] | None:
        return self.groups[self.last] if self.last < len(self.groups) else None

    def last_before(self) -> list[ProductLike] | None:
        return self.groups[self.n_before - 1] if self.n_before else None

    def before(self) -> Iterable[list[ProductLike]]:
        """The groups before the sentence, nearest first, at most ``_MAX_BACK`` of them."""
        return (self.groups[i] for i in range(self.n_before - 1, max(-1, self.n_before - 1 - _MAX_BACK), -1))

    def counted(self, n: int, until: int) -> list[ProductLike] | None:
        """The first group after the sentence, starting before ``until``, that names ``n`` products."""
        for g in self.groups[self.last :]:
            if g[0].start >= until:
                break
            if len(_canonicals(g)) == n:
                return g
        return None

    def next_products(self, n: int, since: int, until: int) -> list[str] | None:
        """The first ``n`` distinct products named after the sentence from ``since`` on, before ``until``,
        if as many are."""
        named: list[str] = []
        for g in self.groups[self.last :]:
            if g[0].start < since:
                continue
            if g[0].start >= until:
                break
            named = list(dict.fromkeys(named + _canonicals(g)))[:n]
        return named if len(named) == n else None

    def block_first(self, text: str, line_start: int) -> list[ProductLike] | None:
        """The first group of the block of lines (no blank line within, at most ``_BLOCK_REACH``
        characters) that ends at ``line_start``: the name a spec block gives (``製品名：X``)."""
        window, blanks = _blank_lines_before(text, line_start)
        block_start = blanks[-1].end() if blanks else window
        first = None
        for g in self.before():
            if g[0].start < block_start:
                break
            first = g
        return first

    def paragraph_topic(self, rules: _Rules, text: str, line_start: int) -> list[ProductLike] | None:
        """The product the paragraph before a block of lines is about, its first name marked as topic
        or copula predicate (``「X」は、…``, ``…のモデルがXだ``): what a spec block naming none describes
        (``●発売予定：3月下旬``), in an article whose paragraphs each present one model."""
        window, blanks = _blank_lines_before(text, line_start)
        if not blanks:
            return None
        end = blanks[-1].start()
        start = blanks[-2].end() if len(blanks) > 1 else window
        for g in reversed([g for g in self.before() if start <= g[0].start and g[-1].end <= end]):  # text order
            if rules.p["paragraph_topic"].match(_after_name(rules, text, g[-1].end, end)):
                return g
        return None

    def antecedent(
        self, rules: _Rules, text: str, since: int, until: int, main: str | None = None
    ) -> list[ProductLike] | None:
        """The group a sentence without a subject continues: the first topic (``Xは``) of the text
        from ``since`` (the sentence before) to ``until`` (this one's start), else the last group before,
        unless that sentence names only parts of a product (``おサイフケータイやワンセグに対応``): then none.
        A part named further back (``OSはAndroid 4.0を採用。…。発売時期は5月中旬``) or platforms the product
        runs on, named there or in the sentence before (``iPhone、iPadのみでの利用だが、Android版も登場する。…。
        リリースは12月5日``, ``Windows 7もサクサク動作させられる。発売は3月下旬。``) are not what the text goes
        on about: ``main``, the article's product, is."""
        topic, named, only_parts = None, False, True
        for g in self.before():
            if g[0].start < since:
                break
            after = _after_name(rules, text, g[-1].end, until)
            if rules.p["topic_mark"].match(after):
                topic = g
            named, only_parts = True, only_parts and rules.p["component_after"].match(after) is not None
        if topic is None and named and only_parts:
            return None
        last = self.last_before()
        if topic is None and last and main and main not in _canonicals(last) and (
            rules.p["component_after"].match(_after_name(rules, text, last[-1].end, until))
            or all(rules.p["platform_name"].fullmatch(c) for c in _canonicals(last))
        ):
            return next(([p] for g in self.groups[: self.n_before] for p in g if p.canonical == main), last)
        return topic or last


def _blank_lines_before(text: str, line_start: int) -> tuple[int, list[regex.Match[str]]]:
    """How far back a spec line looks for its block (``_BLOCK_REACH``), and the blank lines in that stretch."""
    window = max(0, line_start - _BLOCK_REACH)
    return window, list(_BLANK_LINE.finditer(text, window, line_start))


def _products_for(
    rules: _Rules, text: str, kind: str, sent: tuple[int, int], trigger: tuple[int, int],
    in_sentence: Sequence[list[ProductLike]],
) -> tuple[list[str], str]:
    """The canonicals a trigger is about, and how they were found.

    First, the name an aside holding the trigger follows (``「X」（9月発売予定）``);
    then the product an attributive trigger describes (``発表した「X」``; a
    modifier such as ``Android``スマートフォン is passed over). A passive one
    (``提供されるアプリ``) has no object, so no ``Xを`` before it is its
    argument. Before the trigger, the nearest group marked as an argument (``Xを発売``,
    ``Xは…発表``); a genitive when only a noun phrase stands between it and
    the trigger (``Xの最初のβのリリース``), or for triggers about a product's
    parts and dates (drops, delays, ends); then the nearest group marked by a
    weaker particle that may also name a place (``「X」において…提供開始``, but
    ``「X」を「ソニーストア」において発売``). After it, the first group marked
    as an argument within reach (``発売する「X」だ``), but not an object of a later
    verb (``…公開される「展示会」に「X」を出展``) nor an item of a list.

    The structure of the sentence rules out the rest: a group marked by を or が
    that a verb of its own takes (``「X」を搭載し、…発売``) is passed over; a
    trigger whose own object or subject is no product (``デモ動画が公開``) has
    none; an aside about another noun (``【レポート】（後日公開予定）``) takes
    nothing from outside it; a shop (``「Xストア」にて販売``) is not what is sold.
    ``sent``: the stretch of the sentence the trigger looks at; ``in_sentence``:
    the groups in it.
    """
    aside = rules.p["aside_open"].search(text, max(sent[0], trigger[0] - 17), trigger[0])
    if aside:
        named = [g for g in in_sentence if g[-1].end <= aside.start()]
        if named and rules.p["aside_head"].fullmatch(text, named[-1][-1].end, aside.start()):
            return _canonicals(named[-1]), "aside"
        # an aside about a noun that is no product (【レポート】（後日公開予定）) takes no argument from outside it
        in_sentence = [g for g in in_sentence if g[0].start >= aside.start()]
        if not in_sentence:
            return [], "non-product"
    own_object = rules.p["object_before"].search(text, max(sent[0], trigger[0] - 1), trigger[0])
    phrase_start = None  # where the noun phrase after the trigger starts, when an owner opens it
    for i, g in enumerate([] if own_object else in_sentence):
        if g[0].start >= trigger[1] and g[0].start - trigger[1] <= _HEAD_REACH:
            if marker(rules, text, g[-1].end, sent[1]) == "modifier" and not rules.p["named_kind"].match(text, g[-1].end):
                continue  # (a bracketed name before its kind, 「X」機能, is the head, not a modifier)
            owned = in_sentence[i + 1] if i + 1 < len(in_sentence) else None
            if owned and rules.p["owner_of_next"].fullmatch(text, g[-1].end, owned[0].start):
                phrase_start = g[0].start if phrase_start is None else phrase_start
                continue  # the owner of the name after it (開始されたmixiの「Twitterからさがす」機能)
            described = rules.p["head_spec"].match(_after_name(rules, text, g[-1].end, sent[1]))
            if not described and rules.p["relative_head"].match(text[trigger[1] : phrase_start or g[0].start]):
                return _canonicals(g), "head"
            break
    before = [(g, marker(rules, text, g[-1].end, sent[1])) for g in in_sentence if g[-1].end <= trigger[0]]
    if kind in {"release", "announce"} and rules.p["relative_head_subject"].match(text[trigger[1] : trigger[1] + 16]):
        return [], "non-product"
    if rules.p["passive_relative"].match(text[trigger[1] : trigger[1] + 8]):
        # its subject is the noun it describes: only a topic before it may be its argument, or a
        # subject with no verb of its own before the trigger (「X」が発売された頃, not 「X」が発売され、
        # …発表されたばかりの夏モデル)
        before = [
            (g, how) for g, how in before
            if how == "argument"
            and not rules.p["object_mark"].match(after := _after_name(rules, text, g[-1].end, sent[1]))
            and not (rules.p["case_mark"].match(after) and rules.p["clause_verb"].search(text, g[-1].end, trigger[0]))
        ]
    since = before[-1][0][-1].end if before else sent[0]
    own_noun = rules.p["non_product_argument"].search(text, max(since, trigger[0] - _WINDOW), trigger[0])
    if own_noun and kind in {"release", "announce"}:
        return [], "non-product"
    for g, how in reversed(before):
        between = text[g[-1].end : trigger[0]]
        if how == "argument" or rules.p["marker_skip"].match(between).end() == len(between):
            if _bound_elsewhere(rules, text, g, between, sent[1]):
                continue
            return _canonicals(g), "argument"
    for g, how in reversed(before):
        chain = rules.p["genitive_chain"].match(text[g[-1].end + 1 : trigger[0]]) is not None
        if how == "genitive" and (chain or kind in {"feature_drop", "delay", "end"}):
            return _canonicals(g), "genitive"
    sale = rules.p["sale_trigger"].match(text[trigger[0] : trigger[1]]) is not None
    for g, how in reversed(before):
        # a sale's place is a shop, not what is sold (「Xストア」にて販売し)
        shop = sale and rules.p["place_mark"].match(_after_name(rules, text, g[-1].end, sent[1])) is not None
        if how == "weak_argument" and not shop:
            return _canonicals(g), "argument"
    attributive = rules.p["attributive"].match(text[trigger[1] : trigger[1] + 12]) is not None
    for first, g in enumerate(g for g in in_sentence if g[0].start >= trigger[1]):
        if g[0].start - trigger[1] > _AFTER_REACH or rules.p["clause_break"].search(text, trigger[1], g[0].start):
            break  # (…発表されましたが、新しいiPhoneは含まれておらず: another clause's subject)
        after = _after_name(rules, text, g[-1].end, sent[1])
        # (a name marked as a place after the trigger is where something happens, …配信予定ですが、手持ちの
        # iPhoneでは…, unless the trigger's relative clause describes it: 新しく発表された「X」では)
        place = rules.p["place_mark"].match(after) and (first or not attributive)
        if marker(rules, text, g[-1].end, sent[1]).endswith("argument") and not place:
            # an object after the trigger is another verb's (Xを出展すると発表), unless the
            # trigger's relative clause describes it (先日発表された…「X」を使う); a name
            # followed by a comma is an item of a list, not a subject (販売中の…X、Y、Zを搭載した)
            if rules.p["list_mark"].match(after) or (
                rules.p["object_mark"].match(after) and (first or not attributive)
            ):
                continue
            return _canonicals(g), "after"
    return [], "none"


def _updated(
    rules: _Rules, text: str, groups: Sequence[list[ProductLike]], update: list[str], limit: int
) -> list[str]:
    """The product an update service is released for (``「X」において…「ソフトウェア更新」を提供開始``):
    an update made available is a release of the product it updates (annotation-guidelines §4).

    That is the nearest group before the update's marked as its target (``において``, ``向け``), else
    the first marked by a weaker particle (``「X」の「アプリ」に不具合``: the device, not its app);
    none when the sentence names no such product. ``update``: the update's canonicals when it was
    taken for a product, ``[]`` when a common noun names it (``ソフトウェア更新を提供開始``).
    """
    earlier = groups[: next((i for i, g in enumerate(groups) if _canonicals(g) == update), len(groups))]
    for kind, order in (("update_target", reversed(earlier)), ("update_target_weak", iter(earlier))):
        for g in order:
            if rules.p[kind].match(_after_name(rules, text, g[-1].end, limit)):
                return _canonicals(g)
    return []


def _latest_versions(rules: _Rules, text: str, canonicals: list[str], groups: Sequence[list[ProductLike]],
                     everything: Collection[str]) -> list[str]:
    """Each family named at its newest (``最新のFirefoxが登場``) as the one versioned product of
    that family the article names (``Firefox 11``), when there is exactly one."""
    out = []
    for c in canonicals:
        versions = [d for d in everything if d.startswith(c) and _VERSION_AFTER.match(d, len(c))]
        said_latest = len(versions) == 1 and any(
            p.canonical == c and (
                rules.p["latest_before"].search(text, max(0, p.start - 8), p.start)
                or rules.p["latest_after"].match(text, p.end)
            )
            for g in groups for p in g
        )
        out.append(versions[0] if said_latest else c)
    return list(dict.fromkeys(out))


def _bound_elsewhere(rules: _Rules, text: str, g: Sequence[ProductLike], between: str, limit: int) -> bool:
    """A group marked by a case particle (を, が) belongs to the first predicate after it: when
    another verb stands between it and the trigger (``「X」を搭載し、…発売``), it is not the
    trigger's argument. A topic (``Xは``) spans the whole sentence and is never bound so."""
    return (
        rules.p["case_mark"].match(_after_name(rules, text, g[-1].end, limit)) is not None
        and rules.p["other_predicate"].search(between) is not None
    )


def _context_products(
    rules: _Rules, text: str, kind: str, sent: tuple[int, int], prev: tuple[int, int] | None,
    trigger: tuple[int, int], around: _Around, told: Mapping[str, Event], only: str | None = None,
    main: str | None = None,
) -> tuple[list[str], str]:
    """Products of a sentence that names none: a line-up that follows, or the previous ones.

    A trigger whose argument is a count of models (``スマートフォン5機種を発表``)
    is about the first group after it that names that many products; an announcement of
    a line-up by name (``新モデル「2012年夏モデル」の発表会を行い``) is about the products
    heading the sections after it (``■HTC J ISW13HT``), when two or more do. A spec
    line keyed by the trigger (``出荷：5月25日より``) is about the product
    its block names before it (``製品名：X``, no blank line between), else, a block
    naming none, about ``main``, the article's product. A line-up
    cue (``以下``, ``ラインアップ``) points forward to a group of two or more
    products on the lines that follow (a lone name after it, or a name in the
    same line, is a new topic). A release, delay or end whose subject is left
    out (``6月下旬に発売する予定。``) or is the trigger itself (``発売は10月以降``) is about the
    product of the sentence before (only when the sentence has no topic or
    subject of its own and the trigger is a predicate, not a relative clause;
    ``8月26日に発売開始で、…`` and ``2012年8月2日に発売され、…`` are,
    ``4月20日からの発売で、…`` is a noun);
    a subject-trigger (not ``シートの発売は``, but ``同製品の発売は``) may reach
    further back. The product of the sentence before is that of its last event
    of the same type (``…発売開始した「X」に…追加すると発表。発売は8月``), else
    its topic (``「X」は、…``), else its last name. ``どちらも発売は…`` is about the last two products named.
    ``told``: the last event of each type the sentence before stated. A
    subjectless predicate with a date before it, further from its product, is
    about ``only``, the one product the article names, if it names one
    (``…1万2800円、4月上旬発送予定で予約受付中だ``).
    """
    lo = max(sent[0], trigger[0] - _ARG_REACH)
    counts = _lineup_counts(rules, text, sent, trigger)
    if counts:
        counted = next(filter(None, (around.counted(n, sent[1] + _BLOCK_REACH) for n in counts)), None)
        if counted:
            return _canonicals(counted), "line-up"
        picked = around.following()
        if picked and rules.p["subset_lead"].fullmatch(text, sent[1], picked[0].start):
            return _canonicals(picked), "line-up"  # …4モデルを発表した。このうち「X」は
        return [], "counted"  # its members are named later, if at all: see _counted_members
    if (
        kind == "announce"
        and rules.p["named_lineup"].search(text, lo, trigger[0])
        and not rules.p["planned"].match(text[trigger[1] : min(sent[1], trigger[1] + _WINDOW)])
    ):  # (not 新機種を発表できる: a hope, no announcement)
        heads = _section_heads(rules, text, [p for g in around.groups for p in g], sent[1])
        if len(heads) >= 2:
            return heads, "line-up"
        subset = rules.p["lineup_subset"].search(text, trigger[1], sent[1])  # …を発表し、そのうちの9機種について
        named = around.next_products(_number(subset.group(1)), sent[1], sent[1] + _BLOCK_REACH) if subset else None
        if named:
            return named, "line-up"
    following = around.following()
    if following and kind in {"announce", "release"} and rules.p["named_next"].fullmatch(text, sent[1], following[0].start):
        return _canonicals(following), "named-next"  # …GPUが発表された。それがAMDのRadeon HD 7870と…だ
    if rules.p["forward"].search(text, lo, min(sent[1], trigger[1] + _ARG_REACH)):
        between = text[sent[1] : following[0].start] if following else ""
        if following and len(following) > 1 and "\n" in between and not between.strip(" \t\r\n・●■◆※-－"):
            return _canonicals(following), "line-up"
        counted = rules.p["forward_count"].search(text, trigger[1], sent[1])
        lines = text.find("\n", sent[1]) + 1 or len(text)  # the list starts on a line of its own
        named = around.next_products(_number(counted.group(1)), lines, lines + _BLOCK_REACH) if counted else None
        if named:
            return named, "line-up"
    if kind not in {"release", "delay", "end"}:
        return [], "none"
    previous = around.last_before()
    line_start = text.rfind("\n", 0, trigger[0]) + 1
    if (
        previous
        and rules.p["line_lead"].fullmatch(text, max(sent[0], line_start), trigger[0])
        and rules.p["spec_key"].match(text[trigger[1] : trigger[1] + 8])
    ):
        named = around.block_first(text, line_start) or around.paragraph_topic(rules, text, line_start)
        if named or (main and trigger[0] == sent[0]):  # a bulleted line naming none may continue a sentence
            return _canonicals(named) if named else [main], "spec-block"
    if rules.p["new_colour"].search(text, sent[0], trigger[0]):
        # a new colour (この新色シャイニーマゼンタは…発売予定) is the product it was added to (Xの新色, Xに新色)
        owner = next((g for g in around.before() if rules.p["colour_of"].match(text, g[-1].end)), None)
        if owner:
            return _canonicals(owner), "colour"
    if kind == "release" and main and (edition := rules.p["edition_topic"].search(text, sent[0], trigger[0])):
        # the edition of the article's product for another platform (なお、iOS版も8月10日にリリースされた)
        if not unicodedata.normalize("NFKC", main).casefold().startswith(edition.group("platform").casefold()):
            return [main], "edition"
    if rules.p["both"].match(text[sent[0] : min(trigger[0], sent[0] + 16)]):
        last_two = _first_distinct((p.canonical for g in around.before() for p in reversed(g)), 2)
        if len(last_two) == 2:
            return last_two[::-1], "both"
    tail = text[trigger[1] : min(sent[1], trigger[1] + _WINDOW)]
    if rules.p["attributive"].match(text[trigger[1] : trigger[1] + 12]):
        return [], "none"
    subjectless = rules.p["topic"].search(text, lo, trigger[0]) is None
    predicate = (
        rules.p["done"].match(tail)
        or rules.p["planned"].match(tail)
        # a copula (8月26日に発売開始で、), not a noun after の (4月20日からの発売で、)
        or (rules.p["continuative"].match(tail) and not rules.p["own_genitive"].search(text, sent[0], trigger[0]))
        or (rules.p["continuative_verb"].match(tail) and rules.p["dated_lead"].search(text, sent[0], trigger[0]))
    )
    same = told.get(kind)
    if previous and prev and prev[0] <= previous[0].start and subjectless and predicate:
        continued = _continued(rules, text, around, same, prev[0], sent[0], main)
        after = {c for g in around.inside(trigger[1], sent[1]) for c in _canonicals(g)}
        if after and not after & set(continued):
            # the sentence names its own products after the trigger (…の終了をお知らせしており、movaを使っている場合),
            # none of them the one before: which it is about is not said
            return [], "none"
        return continued, "previous-sentence"
    if previous and only and predicate and (
        around.dates_in(sent[0], trigger[0])
        if subjectless
        # its subject or object a kind of thing (ビューティーマシンを、2012年5月2日から…発売する): the
        # article's one product, when the sentence names none and dates the fact on the calendar
        else not around.inside(*sent)
        and any(_CALENDAR_VALUE.match(d.value) for d in around.dates_in(sent[0], trigger[0]))
    ):
        return [only], "only-product"
    if (
        kind == "release" and main and predicate and not around.inside(*sent)
        and rules.p["sale_trigger"].match(text[trigger[0] : trigger[1]])
        and rules.p["kind_subject"].search(text, max(sent[0], trigger[0] - _WINDOW), trigger[0])
    ):  # a kind of thing as its subject, the sentence naming none (画期的なヘッドホンが…デビューする): the article's product
        return [main], "main-kind"
    lead = text[max(sent[0], trigger[0] - 16) : trigger[0]]
    own_noun = (
        rules.p["own_genitive"].search(lead)
        and not rules.p["anaphor"].search(lead)
        and not _dated(text, trigger[0], around)
    )
    if previous and not own_noun and rules.p["nominal_subject"].match(text[trigger[1] : trigger[1] + 8]):
        return _continued(rules, text, around, same, prev[0] if prev else sent[0], sent[0], main), "previous"
    return [], "none"


def _reported_products(
    rules: _Rules, text: str, found: Sequence[Event], inner: regex.Match[str], announce: regex.Match[str]
) -> list[str]:
    """The products of the release an announcement reports as its complement clause
    (「X」を7月6日から発売開始することを発表, …の提供を開始したと発表): those of the trigger
    just before it, when only the clause's verbal ending stands between them. ``found``: the
    events of the sentence so far."""
    if not rules.p["complement_clause"].fullmatch(text, inner.end(), announce.start()):
        return []
    return list(dict.fromkeys(e.product for e in found if e.trigger_start == inner.start() and e.type == "release"))


def _lineup_counts(rules: _Rules, text: str, sent: tuple[int, int], trigger: tuple[int, int]) -> list[int]:
    """The numbers of models a trigger's argument counts (``スマートフォン5機種を発表``), nearest the
    trigger first: the last is the total (``…タブレット1機種の総勢19機種20モデルを発表``), but a line-up
    may be counted both in kinds and in models (``6機種11モデル``)."""
    found = rules.p["counted_lineup"].finditer(text, max(sent[0], trigger[0] - _WINDOW), trigger[0], overlapped=True)
    counts: list[int] = []
    last = None
    for c in sorted(found, key=lambda c: -c.start()):
        if last is not None and not rules.p["count_unit"].fullmatch(text, c.start(), last):
            break  # a count of another noun (タブレット1機種の総勢…)
        counts.append(_number(c.group(1)))
        last = c.start()
    return counts


def _lineup_count(rules: _Rules, text: str, sent: tuple[int, int], trigger: tuple[int, int]) -> int:
    """The total a trigger's argument counts (see ``_lineup_counts``); 0 if none."""
    return next(iter(_lineup_counts(rules, text, sent, trigger)), 0)


def _concurrent_date(
    rules: _Rules, text: str, sent_start: int, trigger_start: int, told: Mapping[str, Event]
) -> EventDate | None:
    """The date of the sentence before, for a fact said to come with it (``これに伴い「X」も
    アップデートされています``, ``同時に…発売``): the last dated event that sentence stated."""
    if not rules.p["concurrent_lead"].match(text, sent_start, trigger_start):
        return None
    last = max((e for e in told.values() if e.date is not None), key=lambda e: e.trigger_start, default=None)
    return last.date if last else None


def _said_before(in_sentence: Sequence[Event], kind: str, around: _Around, trigger_start: int) -> list[str]:
    """The products of the last event of the same type earlier in the sentence: a trigger naming none,
    nor an object of its own (``申し込みページを公開``), repeats it
    (``「X」の発売を開始することを発表し22日より発売している``), when no other name stands between
    them (``Xのアップデートが公開されたのは、Windows 8のRTM版の提供が始まる前日``)."""
    last = next((e for e in reversed(in_sentence) if e.type == kind), None)
    return list(last.group) if last and not around.inside(last.trigger_end, trigger_start) else []


def _summed_lineup(
    rules: _Rules, text: str, sent: tuple[int, int], trigger: tuple[int, int], around: _Around
) -> list[str]:
    """The products a count before the trigger sums up (``「A」や「B」、「C」の合計3機種が発売``): the
    sentence names exactly that many before it, not counting names that modify a noun (``Xi対応ルーター``).
    Otherwise none: the count may name models to come; and one (``X1機種を含む``) sums up nothing."""
    count = _lineup_count(rules, text, sent, trigger)
    if count < 2:
        return []
    named = (p for g in around.inside(sent[0], trigger[0]) for p in g)
    listed = list(dict.fromkeys(p.canonical for p in named if marker(rules, text, p.end, sent[1]) != "modifier"))
    return listed if len(listed) == count else []


def _series_members(
    rules: _Rules, text: str, canonicals: Sequence[str], trigger_start: int, sent: tuple[int, int], around: _Around
) -> list[str]:
    """A lone series argument counted in models (``『AQUOSブルーレイ』3機種を発売``): the series and the
    models a group after the sentence names, when it names exactly that many (``品番：BD-W2000／W1000／W500``).
    Otherwise none: the series alone is the argument."""
    if len(canonicals) != 1:
        return []
    series = [p for g in around.inside(sent[0], trigger_start) for p in g if p.canonical == canonicals[0]]
    count = rules.p["series_count"].match(_after_name(rules, text, series[-1].end, sent[1])) if series else None
    members = around.counted(_number(count.group(1)), sent[1] + _BLOCK_REACH) if count else None
    return list(dict.fromkeys([*canonicals, *_canonicals(members)])) if members else []


def _number(digits: str) -> int:
    """The value of a small count in ASCII, fullwidth or kanji digits (``4``, ``４``, ``四``); 0 if none."""
    digits = unicodedata.normalize("NFKC", digits)
    return int(digits) if digits.isdecimal() else max(0, "〇一二三四五六七八九十".find(digits))


def _continued(
    rules: _Rules, text: str, around: _Around, same: Event | None, since: int, until: int, main: str | None
) -> list[str]:
    """The products a sentence without its own continues: those of ``same`` (the last event of the
    trigger's type in the sentence before), else the antecedent group (see ``_Around.antecedent``)."""
    if same:
        return list(same.group)
    group = around.antecedent(rules, text, since, until, main)
    return _canonicals(group) if group else []


def _names_dropped(rules: _Rules, m: regex.Match[str]) -> bool:
    """``Xがプリインストールされなくなる``: a drop trigger whose argument is the dropped feature."""
    return m.lastgroup == "feature_drop" and rules.p["named_feature_drop"].match(m.group()) is not None


class _Hedges(NamedTuple):
    """Where a sentence's hedges stand, found once per sentence so that each trigger's test is cheap."""

    first_forward: int  # the start of its first adverb or condition (``hedge``; past the end when none)
    finals: list[int]  # the starts of its hedging predicates (``hedge_final``)
    assertion_ends: list[int]  # the ends of its subordinate clauses that assert a fact (``assertion_end``)

    @classmethod
    def of(cls, rules: _Rules, sentence: str) -> "_Hedges":
        """``sentence`` has its quotations masked."""
        forward = rules.p["hedge"].search(sentence)
        return cls(
            forward.start() if forward else len(sentence) + 1,
            [m.start() for m in rules.p["hedge_final"].finditer(sentence)],
            [m.end() for m in rules.p["assertion_end"].finditer(sentence)],
        )

    def final_between(self, start: int, end: int) -> bool:
        """Whether a hedging predicate starts in ``[start, end)``."""
        return bisect.bisect_left(self.finals, start) < bisect.bisect_left(self.finals, end)

    def assertion_end_after(self, pos: int, default: int) -> int:
        """Where the first asserting subordinate clause ending after ``pos`` ends (``default`` if none)."""
        i = bisect.bisect_right(self.assertion_ends, pos)
        return self.assertion_ends[i] if i < len(self.assertion_ends) else default


def _no_fact(
    rules: _Rules, sentence: str, hedges: _Hedges, start: int, end: int, dated: bool = False, relative: bool = False
) -> bool:
    """Whether the trigger at ``sentence[start:end]`` states no fact (guidelines §4).

    A wish, a fear or a denial in the trigger's clause, after it (``発売が期待される``,
    ``発売日が決定したわけではない``), makes none; a wish in another clause says
    nothing of it (``発売される予定とのことで、大いに期待して待ちたい``). An adverb or
    a condition hedges what follows it, up to the end of the trigger's clause
    (``おそらく9月に発売``, ``発売されたら``); a hedging predicate hedges the trigger
    from it on (``発売されるとみられる``). Before the trigger, such a predicate ends
    a clause of its own, often one modifying a noun (``需要が少ないと見られている
    防水端末もXを投入``), and after the trigger's clause an adverb speaks of the
    next clause. Nor does a predicate after a subordinate clause that asserts the
    trigger (``登場したことで、…だろう``) hedge it. ``sentence`` has its quotations
    masked, so a name (「期待の星」) hides no clause end or wish; ``hedges`` is
    ``_Hedges.of(rules, sentence)``. A ``dated`` trigger, a noun with its own date
    (``11月1日の発売日が楽しみだ``), is a fact the wish is about; a ``relative`` one, a clause
    describing a noun (``本日発表されたレノボのノート「X」だろう``, or a dated one,
    ``1995年発売のゲーム「X」に影響を与えたと言われている``), is a fact the hedging
    predicate of the sentence takes for granted.
    """
    stop = min(len(sentence), end + _CLAUSE_REACH)
    clause = rules.p["clause_end"].search(sentence, end, stop)
    clause_end = clause.start() if clause else stop
    if (not dated and rules.p["wish"].search(sentence, end, clause_end)) or hedges.first_forward < clause_end:
        return True
    return not relative and hedges.final_between(start, hedges.assertion_end_after(end, len(sentence)))


def _dated(text: str, start: int, around: _Around) -> bool:
    """Whether a date stands right before the trigger at ``start``, glued or by の (``11月1日の発売日``, ``5日発売``)."""
    return any(
        d.end == start or (d.end == start - 1 and text[d.end] == "の")
        for d in around.dates_in(max(0, start - 24), start)
    )


def _unveiled(rules: _Rules, text: str, m: regex.Match[str], since: int) -> bool:
    """A release trigger that unveils a device (``タブレット「X」を公開した``): an announcement.

    The cues are read from ``since`` (the start of the stretch the trigger looks at) to the trigger.
    """
    u = rules.unveiling
    return (
        m.lastgroup == "release" and u["trigger"].match(m.group()) is not None
        and u["device"].search(text, since, m.start()) is not None
        and u["software"].search(text, since, m.start()) is None
    )


def _governed(text: str, m: regex.Match[str], governor_later: bool) -> bool:
    """A release named as the object of a later delay, drop or end (``発売を…延期``) is not a release.

    ``governor_later``: whether such a trigger follows in the sentence.
    """
    return (
        governor_later and m.lastgroup in {"release", "announce"}
        and text[m.end() : m.end() + 1] in {"を", "が", "は", "も", "の"}
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


def _adverbial(rules: _Rules, text: str, d: DateLike) -> bool:
    """Whether ``d`` is the sentence's time adverbial (``30日、``, ``27日（現地時間）、``)."""
    return rules.p["adverbial_date"].match(text[d.end : d.end + _ADVERBIAL_REACH]) is not None


def _date_joined(rules: _Rules, text: str, d: DateLike, trigger_start: int) -> bool:
    """Whether ``d`` is joined to the trigger starting at ``trigger_start`` (30日に発表, 5月29日から公開)."""
    between = text[d.end : trigger_start]
    return rules.p["date_link"].match(between) is not None or rules.p["from_link"].match(between) is not None


def _linked(rules: _Rules, text: str, d: DateLike, trigger_start: int) -> bool:
    """Whether ``d`` dates the trigger itself: the sentence's time adverbial or joined to it."""
    return _adverbial(rules, text, d) or rules.p["date_link"].match(text[d.end : trigger_start]) is not None


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
    reach: int, earlier: Sequence[int] = (),
) -> DateLike | None:
    """The event's date: see the module docstring. Dates after the trigger count only up to ``reach``
    (the next trigger), which has its own (``Xが発売となり、Yが7日に発売``); a date before it that is
    joined to an earlier trigger (``26日の決算発表で、「X」の発売日について``) is that trigger's, save
    for a delay, whose new date is stated as a release (``「8月発売予定」と発売時期が遅れ``).
    ``earlier``: the starts of the triggers before this one that stand in its stretch (sorted)."""
    breaks = [m.end() for m in rules.p["clause_break"].finditer(text, sent[0], trigger[0])]
    clause_start = breaks[-1] if breaks else sent[0]
    calendar = [d for d in dates if sent[0] <= d.start and d.end <= sent[1] and _may_date_event(rules, text, d)]
    calendar = _without_glosses(text, _outside_quotes(rules, text, sent, trigger, calendar))
    before = [
        d for d in calendar
        if clause_start <= d.start and d.end <= trigger[0]
        and (kind == "delay" or not any(
            d.end <= t < trigger[0] and _date_joined(rules, text, d, t) for t in earlier
        ))
    ]
    anchor = rules.p["anchor_after"].match(text[trigger[1] : trigger[1] + 8]) is not None
    after = [] if anchor else [d for d in calendar if trigger[1] <= d.start and d.end <= reach]
    if kind == "delay" and after:
        return after[0]
    if kind == "announce":
        linked = next((d for d in before if _adverbial(rules, text, d) or _date_joined(rules, text, d, trigger[0])), None)
        cleft = rules.p["cleft"].match(text[trigger[1] : trigger[1] + 8]) is not None
        return linked or (after[0] if cleft and after else None)  # Xが発表されたのが2月
    if rules.p["reported_plan"].match(text, trigger[1]):
        # Xは26日、Yを発売すると発表した: the sentence's time is the report's, not the planned release's
        before = [d for d in before if not _adverbial(rules, text, d)]
    if before:
        return before[-1]
    return after[0] if after else None


def _outside_quotes(
    rules: _Rules, text: str, sent: tuple[int, int], trigger: tuple[int, int], dates: Sequence[DateLike]
) -> list[DateLike]:
    """Dates without those inside a quotation that says nothing of an event (「今年はおうちでクリスマスだなぁ」と
    考えている人にもお勧めの…が登場, 「ドラえもんの誕生日100年前を記念」して…公開): someone's words, or a
    name, not the time of the event. A quotation naming a trigger or a plan (「2012年8月発売予定」と発売時期が遅れ)
    or standing as the trigger's complement (発売は「遅くても年内」を予定) gives it."""
    quotes = [
        q.span()
        for q in _QUOTED.finditer(text, sent[0], sent[1])
        if not (q.start() <= trigger[0] < q.end() or trigger[1] <= q.start() <= trigger[1] + _COMPLEMENT_GAP)
        and not rules.trigger.search(q.group()) and "予定" not in q.group()
    ]
    return [d for d in dates if not any(s <= d.start and d.end <= e for s, e in quotes)]


def _without_glosses(text: str, dates: Sequence[DateLike]) -> list[DateLike]:
    """Dates without those glossing the date just before them in brackets
    (``今年の第3四半期（2012年7〜9月）に発売``): the event takes the date the sentence states, not
    the first month of its paraphrase."""
    ends = {d.end for d in dates}
    return [d for d in dates if not (d.start >= 1 and text[d.start - 1] in "（(" and d.start - 1 in ends)]


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
    own = rules.p["own_form"].search(text, max(0, trigger_end - 2), trigger_end)
    if own is None and kind not in {"delay", "feature_drop"}:  # a cut said in the non-past is decided: done
        own = rules.p["own_continuative"].search(text, max(0, trigger_end - 2), trigger_end)
    tail = (own.group() if own else "") + text[trigger_end:reach]
    done, planned = rules.p["done"].match(tail), rules.p["planned"].match(tail)
    if done and planned:  # the nearer predicate is the trigger's (提供開始予定であることも示されました)
        return "done" if done.end() <= planned.end() else "planned"
    if done:
        return "done"
    if planned or (rules.p["planned_final"].search(tail) and not rules.p["done_final"].search(tail)):
        return "planned"
    if date and date.interval and dct and dt.date.fromisoformat(date.interval[1]) > dct and kind not in {"delay", "feature_drop"}:
        return "planned"  # no predicate, a period still running (DCT 3月23日: 発売は３月下旬、価格は…)
    return "done"


def _own_dates(
    rules: _Rules, text: str, groups: Sequence[list[ProductLike]], dates: Sequence[DateLike]
) -> dict[str, DateLike]:
    """Products each followed by a date of their own (``XをD1、YをD2に発売``, ``発売日はXがD1、YがD2``).

    In such a coordination every product is an argument of the trigger with its
    own date; more than one entry means the trigger has several. A single entry
    counts only where its clause's verb is left out (``XをD1に、Y3機種をD2に発売``).
    """
    starts = {d.start: d for d in dates if _may_date_event(rules, text, d)}
    out: dict[str, DateLike] = {}
    for g in groups:
        end = g[-1].end
        at = end + rules.p["marker_skip"].match(text[end : end + _WINDOW]).end()  # past brackets and asides
        particle = rules.p["dated_argument"].match(text, at, at + _WINDOW)
        date = starts.get(particle.end()) if particle else None
        if date:
            out.update((c, date) for c in _canonicals(g) if c not in out)
    return out


def _gapped(rules: _Rules, text: str, d: DateLike) -> bool:
    """Whether the date of an object or subject closes a clause whose verb is left out (``XをD1に、…``)."""
    return bool(
        rules.p["gapped_object"].search(text, max(0, d.start - 4), d.start) and rules.p["gapped_date"].match(text, d.end)
    )


def _future(date: EventDate | None, dct: dt.date | None) -> bool:
    """Whether ``date`` begins after the DCT."""
    return bool(date and date.interval and dct and dt.date.fromisoformat(date.interval[0]) > dct)


def _old_news_from(rules: _Rules, text: str, dates: Sequence[DateLike], sent: tuple[int, int]) -> int | None:
    """Where in the sentence an announcement stops being the news of the day (no DCT): anywhere if it
    is told as a while ago (``発表され、そろそろ1か月が経過``), else after a vague past (``つい先日発表された``)."""
    if rules.p["old_news"].search(text, sent[0], sent[1]):
        return sent[0]
    return next((d.end for d in dates if d.value == "PAST_REF"), None)


def _event_date(d: DateLike | None) -> EventDate | None:
    return EventDate(d.value, d.mod, d.text, tuple(d.interval) if d.interval else None) if d else None


def _recent_date(dates: Sequence[DateLike], dct: dt.date | None) -> EventDate | None:
    """The last day named shortly before an undated announcement, if it is one of the days just
    before the article (``情報開示が4月8日をもって解禁になった。…発表されたのは以下の11モデル``):
    the news the article reports happened then, not on its publication day. Like the DCT, it is
    a default, no date the statement gives (its ``text`` is None): one that does wins the merge."""
    if dct is None:
        return None
    for d in reversed(dates):
        day = _DAY_VALUE.fullmatch(d.value)
        if d.type == "DATE" and day and dct - dt.timedelta(days=_RECENT_DAYS) <= dt.date.fromisoformat(d.value) < dct:
            return EventDate(d.value, d.mod, None, tuple(d.interval) if d.interval else None)
    return None


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
    it in its sentence (``AやBは搭載されない``) is a drop, or when its cue is
    negated (``AやBには対応していません``: what the product lacks); otherwise an item that
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
        lacking = rules.p["lacking_list"].search(text, max(flist.start, flist.end - _LACKING_REACH), flist.end + _LACKING_REACH)
        drop_list = (before[-1:] or [after.lastgroup if after else None])[0] == "feature_drop" or lacking is not None
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


def _carrying(name: str, carriers: Mapping[str, int]) -> set[str]:
    """The products whose events carry ``name``'s features: itself, else those whose names
    contain it (the models of a series, the version of a family said at its newest)."""
    return {name} if name in carriers else {c for c in carriers if name in c}


def attach_features(events: Sequence[Event], lists: Sequence[_ListFeatures], main: str | None) -> list[Event]:
    """Give each event the list items that belong to it (annotation-guidelines §3, §4).

    Items a list adds go to one event per product (the worked example gives
    them to the release, not the announcement), and, when the list is shared
    (``両機種とも``), to that event of every product stated with it; a list of
    a product with no event of its own goes to the products whose names
    contain it (a series name beside its models), else to the article's
    product's (a component it names, ``Android 4.0は…に対応``), else, when one product alone has
    such events, to that product's (what else the article names serves it). Dropped items go to the product's
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
                targets = _carrying(flist.product, carriers) or (_carrying(main, carriers) if main else set())
                if not targets and len(carriers) == 1:
                    targets = set(carriers)
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
    zones = clamp_zones(zones, len(text))
    every_group = product_groups(text, products)
    groups = _not_features(rules, text, every_group, feature_lists)
    group_starts, group_ends = [g[0].start for g in groups], [g[-1].end for g in groups]
    dates = sorted(dates, key=lambda d: d.start)
    date_starts = [d.start for d in dates]
    main = main_product(text, products, title)
    every_canonical = {p.canonical for p in products}
    only = main if len(every_canonical) == 1 else None
    found: list[Event] = []
    pending: list[tuple[list[int], Event]] = []  # counted line-ups (their counts) whose members are named later
    sents = _joined(zone_sentences(text, tuple(zones)), [p for g in every_group for p in g])
    mark = 0
    for k, sent in enumerate(sents):
        prev = sents[k - 1] if k else None
        told = {e.type: e for e in found[mark:]}  # the last event of each type the sentence before stated
        mark = len(found)
        triggers = [m for m in rules.trigger.finditer(text, sent[0], sent[1]) if _is_trigger(rules, text, m)]
        if not triggers:
            continue
        masked = _QUOTED.sub(lambda q: "_" * len(q.group()), text[sent[0] : sent[1]])
        hedges = _Hedges.of(rules, masked)
        trigger_starts = [t.start() for t in triggers]
        around = _Around.of(sent, groups, group_starts, group_ends, dates, date_starts)
        last_governor = max((i for i, m in enumerate(triggers) if m.lastgroup in _GOVERNING), default=-1)
        old_news_from = _old_news_from(rules, text, around.dates_in(*sent), sent)
        for i, m in enumerate(triggers):
            kind = m.lastgroup
            assert kind is not None
            dated = _dated(text, m.start(), around)
            relative = rules.p["attributive"].match(text[m.end() : m.end() + 12]) is not None or (
                dated and rules.p["dated_modifier"].match(text, m.end()) is not None
            )
            if _governed(text, m, i < last_governor) or _no_fact(
                rules, masked, hedges, m.start() - sent[0], m.end() - sent[0], dated, relative
            ):
                continue
            # the stretch of the sentence the trigger may take its products and dates from
            window = (max(sent[0], m.start() - _ARG_REACH), min(sent[1], m.end() + _ARG_REACH))
            if _unveiled(rules, text, m, window[0]):
                kind = "announce"
            if rules.p["lineup_topic"].match(text[m.end() : m.end() + 16]) or (
                rules.p["cleft_topic"].match(text[m.end() : m.end() + 8]) and not around.inside(sent[0], m.start())
            ):
                following = [
                    p.canonical for g in around.inside(m.end(), sent[1]) for p in g
                    if marker(rules, text, p.end, sent[1]) != "modifier"  # (Atom搭載の…: a part, not a member)
                ]
                canonicals, how = list(dict.fromkeys(following)), "line-up"
            elif summed := _summed_lineup(rules, text, sent, m.span(), around):
                canonicals, how = summed, "line-up"
            else:
                canonicals, how = _products_for(rules, text, kind, window, m.span(), around.inside(*window))
                if how == "argument" and (members := _series_members(rules, text, canonicals, m.start(), sent, around)):
                    canonicals, how = members, "line-up"
            if canonicals and all(rules.p["update_name"].search(c) for c in canonicals):
                canonicals = _updated(rules, text, around.inside(window[0], m.start()), canonicals, sent[1])
            elif not canonicals and rules.p["update_object"].search(text, max(window[0], m.start() - 16), m.start()):
                canonicals = _updated(rules, text, around.inside(window[0], m.start()), [], sent[1])
            if kind == "announce" and i and (
                reported := _reported_products(rules, text, found[mark:], triggers[i - 1], m)
            ):  # (all the release reports: 「X」を6日から、「Y」を12日から発売を開始することを発表, not only Y)
                canonicals, how = list(dict.fromkeys(canonicals + reported)), "reported"
            if not canonicals and how != "non-product":
                canonicals, how = _context_products(rules, text, kind, sent, prev, m.span(), around, told, only, main)
            if (
                not canonicals
                and how != "non-product"
                and not rules.p["object_before"].search(text, m.start() - 1, m.start())
                and (said := _said_before(found[mark:], kind, around, m.start()))
            ):
                canonicals, how = said, "same-sentence"
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
            found_date = _date_for(
                rules, text, kind, (window[0], reach), m.span(), around.dates_in(window[0], reach), reach,
                trigger_starts[bisect.bisect_left(trigger_starts, window[0]) : i],
            )
            if rules.p["anchor_after"].match(text[m.end() : m.end() + 8]) and not (
                found_date and _linked(rules, text, found_date, m.start())
            ):
                continue  # an anchor of another event (Xのリリースから180日以内, 3日から発売日まで) is background
            if found_date is None and rules.p["descriptive"].match(text[m.start() : m.end() + 1]):
                continue  # 同社が提供するサービス「X」: a description of what is on offer, not an event
            if kind == "announce" and rules.p["milestone"].search(text, max(sent[0], m.start() - 12), m.start()):
                continue  # 「X」が300万契約を突破と発表: a figure announced, not the product
            date = _event_date(found_date)
            if date is None and kind != "announce":  # (an announcement has its own default: the news' day)
                date = _concurrent_date(rules, text, sent[0], m.start(), told)
            told_done = _status(rules, kind, text, m.end(), reach, None, dct) == "done"
            if kind == "announce" and _future(date, dct) and told_done:
                date = None  # 10月1日に…販売すると発表した: the date of what was announced, not the announcement's
            status = _status(rules, kind, text, m.end(), reach, date, dct)
            if date is None and kind == "release" and rules.p["setting_after"].match(text[m.end() : m.end() + 3]):
                status = "planned"  # 初期リリースには、…搭載されないことになった: the predicate is another fact's
            old_news = old_news_from is not None and old_news_from <= m.start()
            earlier = rules.p["told_earlier"].search(text, max(sent[0], m.start() - 8), m.start())
            if date is None and kind == "announce" and status == "done" and not old_news and not earlier:
                date = _recent_date(around.dates_in(max(0, sent[0] - _LEDE_REACH), sent[0]), dct) or _dct_date(dct)
            pre = rules.p["pre_release"].search(text, max(sent[0], m.start() - 16), m.start())
            stage = "pre-release" if pre or rules.p["beta_trigger"].match(m.group()) else "final"
            own_dates = {} if kind == "announce" or not canonicals else _own_dates(
                rules, text, around.inside(window[0], reach), around.dates_in(window[0], reach)
            )
            if len(own_dates) < 2 or not own_dates.keys() & set(canonicals):
                own_dates = {c: d for c, d in own_dates.items() if _gapped(rules, text, d)}
            canonicals = list(dict.fromkeys(canonicals + list(own_dates)))
            canonicals = _latest_versions(rules, text, canonicals, around.inside(window[0], reach), every_canonical)
            if not canonicals and how == "counted":
                pending.append((_lineup_counts(rules, text, sent, m.span()), Event(
                    type=kind, product="", date=date, status=status, features=named,
                    evidence_start=sent[0], evidence_end=sent[1], trigger_start=m.start(), trigger_end=m.end(),
                    rule=f"{kind}:counted-members", stage=stage,
                )))
            for product in canonicals:
                own = own_dates.get(product)
                found.append(
                    Event(
                        type=kind, product=product, date=_event_date(own) if own else date,
                        status=_status(rules, kind, text, m.end(), reach, _event_date(own), dct) if own else status,
                        features=named,
                        evidence_start=sent[0], evidence_end=sent[1],
                        trigger_start=m.start(), trigger_end=m.end(), rule=f"{kind}:{how}", stage=stage,
                        group=tuple(canonicals),
                    )
                )
    found += _counted_members(rules, text, pending, found, products)
    found += _planned_lineup(rules, text, sents, dates, found)
    return attach_features(merge(found), _read_lists(rules, text, sents, feature_lists), main)


def _planned_lineup(
    rules: _Rules, text: str, sents: Sequence[tuple[int, int]], dates: Sequence[DateLike], found: Sequence[Event]
) -> list[Event]:
    """Releases of a line-up whose announcement says when it goes on sale (``今夏に発売する予定の新モデル
    「2012年夏モデル」の発表会を行い``): each product announced, not released elsewhere in the article,
    is planned for that date. Only the first such statement counts: the article's own news."""
    released = {e.product for e in found if e.type == "release"}
    announced = list(dict.fromkeys(e.product for e in found if e.type == "announce" and e.status == "done"))
    members = [p for p in announced if p not in released]
    if not members:
        return []
    for sent in sents:
        m = rules.p["lineup_plan"].search(text, *sent)
        if m is None:
            continue
        when = next((d for d in dates if d.end == m.start("trigger") - 1), None)
        if when is None:
            return []
        return [
            Event(type="release", product=p, status="planned", date=_event_date(when), features=(),
                  evidence_start=sent[0], evidence_end=sent[1], trigger_start=m.start("trigger"),
                  trigger_end=m.end("trigger"), rule="release:planned-line-up", group=tuple(members))
            for p in members
        ]
    return []


def _counted_members(
    rules: _Rules, text: str, pending: Sequence[tuple[list[int], Event]], found: Sequence[Event],
    products: Sequence[ProductLike],
) -> list[Event]:
    """Events of a counted line-up whose members no group after it names (``夏モデル5機種を
    発表``, the five models each described in a section of its own further on): the
    products the article releases after the statement, when they are exactly that many (or as many as
    another count of the statement: ``6機種11モデル``);
    else the products that alone head a section after it (``■AQUOS PHONE SERIE ISW16SH``),
    when there are two or more and no more than the count (a round-up may present only
    some of ``合計9機種``)."""
    out = []
    for counts, e in pending:
        members = list(dict.fromkeys(f.product for f in found if f.type == "release" and f.trigger_start > e.trigger_end))
        if len(members) not in counts:
            members = _section_heads(rules, text, products, e.evidence_end)
            if not 2 <= len(members) <= max(counts):
                continue
        group = tuple(members)
        out += [replace(e, product=c, group=group) for c in members]
    return out


def _section_heads(rules: _Rules, text: str, products: Sequence[ProductLike], since: int) -> list[str]:
    """The products named alone on a section heading line after ``since`` (``■URBANO PROGRESSO``)."""
    heads = []
    for p in products:
        if p.start < since:
            continue
        line_start = text.rfind("\n", 0, p.start) + 1
        line_end = text.find("\n", p.end)
        rest = text[p.end : len(text) if line_end < 0 else line_end]
        if rules.p["section_head"].fullmatch(text, line_start, p.start) and rules.p["section_head_rest"].fullmatch(rest):
            heads.append(p.canonical)
    return list(dict.fromkeys(heads))


def _joined(sents: Sequence[tuple[int, int]], products: Sequence[ProductLike]) -> list[tuple[int, int]]:
    """Sentences joined where a product name runs across their boundary.

    The sentence splitter cuts after ``!`` (``Yahoo!ファイナンス``), which would
    leave the name's trigger without its product. ``products`` are in text order;
    each is looked at once, at the first sentence that starts after it.
    """
    out: list[tuple[int, int]] = []
    j = 0  # products before j start before the sentence at hand
    for s in sents:
        across = False
        while j < len(products) and products[j].start < s[0]:
            across = across or (bool(out) and products[j].end > s[0])
            j += 1
        if across:
            out[-1] = (out[-1][0], s[1])
        else:
            out.append(s)
    return out


def _stated(e: Event) -> bool:
    """Whether the event's date is a phrase of the text (not absent, not the DCT by default)."""
    return e.date is not None and e.date.text is not None


def merge(events: Iterable[Event]) -> list[Event]:
    """One event per fact (type, product, stage): the first statement, dated by the first that gives a date.

    The DCT an undated announcement takes is no stated date: a later statement
    that gives one (``KDDIは15日、…発表``) dates the fact. The merged event keeps
    the products of all its statements as its group.
    """
    merged: dict[tuple[str, str, str], Event] = {}
    for e in events:
        key = (e.type, e.product, e.stage)
        first = merged.get(key)
        if first is None:
            merged[key] = e
            continue
        keep = e if _stated(e) and not _stated(first) else first
        group = tuple(dict.fromkeys(first.group + e.group))
        merged[key] = replace(keep, features=first.features or e.features, group=group)
    return sorted(merged.values(), key=lambda e: (e.evidence_start, e.trigger_start, EVENT_TYPES.index(e.type)))
