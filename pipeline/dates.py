"""Find the temporal expressions of an article (annotation-guidelines §2).

Detection only: where expressions start, how far each runs, and which
context it takes its year or anchor from. What an expression means is
``pipeline.timex`` (a pure normaliser usable on its own). The text is folded
one character for one (fullwidth to ASCII, wave dashes to '~'), so every
offset found in the folded copy is an offset of the original.

A cheap scanner (one compiled alternation over digits, kanji numerals and
temporal words) proposes start positions; :func:`pipeline.timex.read` reads
the longest expression there or rejects it (product codes, prices, rates,
idioms); mentions never overlap, in text order.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

import regex

from . import timex
from .text import clamp_zones

_SENTENCE_END = regex.compile(r"[。！？!?\n\r]")


@dataclass(frozen=True, slots=True)
class DateMention:
    """One temporal expression: its surface, TIMEX3 type/value/mod and the days it covers."""

    start: int
    end: int
    text: str  # == original[start:end]
    type: str  # DATE | TIME | DURATION | SET
    value: str  # TIMEX3 value, annotation-guidelines §2
    mod: str | None
    interval: tuple[str, str] | None  # first and last day (ISO) for a DATE/TIME that resolves to days
    rule: str  # the rule that read it (family.pieces, e.g. absolute.year+month+day)


_ANCHOR_NEEDS = {"day": "day", "last": "last", "week": "day", "month": "month", "year": "year", "fy": "year"}


_GRAINS = ("year", "month", "day")


def _grains(point: timex.Point) -> tuple[str, ...]:
    """The granularities a resolved point (with a year) can anchor: a day anchors 翌日, 翌月 and 翌年."""
    if not point.month or point.week is not None:
        return _GRAINS[:1]
    return _GRAINS if point.day else _GRAINS[:2]


def _year_word(said: timex.Point) -> bool:
    """昨年, 来年の (a year counted from the DCT, nothing finer): it sets the year like 2011年 does.

    Not 昨年冬: a season sets no year for the next (昨年冬モデルは…、春モデルは is this year's spring).
    """
    return (said.rel is not None and said.rel[0] == "year" and said.season is None and said.month is None
            and said.half is None and said.quarter is None)


@dataclass(slots=True)
class _Context:
    """What earlier mentions tell later ones: the dates 同日 / 翌月 count from, the last written year, the last date."""

    anchor: timex.Point | None = None
    anchor_end: int = 0
    dated: dict[str, tuple[timex.Point, int]] = field(default_factory=dict)  # granularity -> last such point, end
    days: dict[int, tuple[timex.Point, int]] = field(default_factory=dict)  # day number -> last month+day date, end
    year: int | None = None
    year_end: int = 0
    last: tuple[int, timex.Point | None] | None = None  # end and resolved point of the last mention
    last_single_day: bool = False  # the last mention names the one day a clock time after it may take

    def year_hint(self, s: str, start: int) -> int | None:
        """A year written earlier in the same sentence (2012年1月〜6月上半期 -> 上半期 is 2012's)."""
        if self.year is None or _SENTENCE_END.search(s, self.year_end, start):
            return None
        return self.year

    def month_hint(self, s: str, r: timex.Reading, reach: int, repeat_window: int) -> tuple[int, int] | None:
        """The month the text makes clear for a bare day, if any.

        The same day number written with its month shortly before names the
        same date (8月31日発売！…31日から発売する; 2012年4月29日に開催…「29日は…」),
        unless the day is the news lede's (ドコモは28日、) or its weekday does not fit.
        Else the month of the date just before in the same sentence (6月9日・10日
        -> 10日 is June's); a month named without a day lends itself only to a day
        right after it (7月は、14日): 9月〜10月に発売する…で28日から is the DCT's month.
        """
        said = r.point
        if said is None or not r.bare_day or said.month is not None:
            return None
        same = self.days.get(said.day or 0)
        if same is not None and not said.reported and r.start - same[1] <= repeat_window:
            y, m = same[0].year, same[0].month
            if y is not None and m is not None and timex.weekday_fits(y, m, said):
                return y, m
        start = r.start
        if self.last is None or self.last[1] is None or _SENTENCE_END.search(s, self.last[0], start):
            return None
        point = self.last[1]
        if point.year is None or not point.month or point.week is not None:
            return None
        if point.day is None and start - self.last[0] > reach:
            return None
        return point.year, point.month

    def day_hint(self, s: str, start: int, brk: regex.Pattern[str], reach: int) -> timex.Point | None:
        """The one day named just before, for a clock time without one (6月13日、15時より; 5月10日に
        皆既月食がある。21時45分から欠け始める: gold dates such times from the text around them)."""
        if not self.last_single_day or self.last is None or start - self.last[0] > reach:
            return None
        if brk.search(s, self.last[0], start):
            return None  # 各日10:00, 両日の11:00: the time of every day named
        return self.last[1]

    def anchor_for(self, r: timex.Reading, window: int) -> timex.Point | None:
        """The date an anaphor counts from: the last one fine enough for its unit (翌日 needs a day), if near."""
        if r.point is None or r.point.anchor is None:
            return self.anchor
        hit = self.dated.get(_ANCHOR_NEEDS[r.point.anchor[0]])
        if hit is not None and r.start - hit[1] <= window:
            return hit[0]
        return self.anchor

    def can_refer(self, r: timex.Reading, window: int) -> bool:
        """An anaphoric expression (同日, 翌月, 最終日) needs a dated mention (a period) shortly before it."""
        if r.point is None or r.point.anchor is None:
            return True
        if r.point.anchor[0] == "last":  # 最終日: the last day of a period written as one (6月13日〜6月24日)
            return "last" in self.dated and r.start - self.dated["last"][1] <= window
        return self.anchor is not None and r.start - self.anchor_end <= window

    def update(self, r: timex.Reading, t: timex.Timex, one_day: bool) -> None:
        """Record a mention; ``one_day``: it names the one day a clock time after it may take."""
        self.last = (r.end, t.point)
        self.last_single_day = one_day
        point = t.point
        if point is None or point.year is None:
            return
        self.anchor, self.anchor_end = point, r.end
        if r.point is not None and r.point.month is not None and r.point.day is not None and point.day is not None:
            self.days[point.day] = (point, r.end)
        for grain in _grains(point):
            self.dated[grain] = (point, r.end)
        if r.until is not None and t.interval is not None:  # a period's last day (期間：6月13日〜6月24日 … 最終日17:00)
            last = dt.date.fromisoformat(t.interval[1])
            self.dated["last"] = (timex.Point(year=last.year, month=last.month, day=last.day), r.end)
        if r.point is not None and (r.point.explicit_year or _year_word(r.point)):
            self.year, self.year_end = point.year, r.end  # 2011年 or 昨年: later months of the sentence are its


def _shares_clock(s: str, r: timex.Reading, t: timex.Timex, last: tuple[int, timex.Point | None] | None,
                  guards: dict[str, regex.Pattern[str]]) -> bool:
    """Whether a clock time after this mention is on its day: one day the text names, perhaps with its
    hours (8月30日15:00〜20:00 … 15:00〜: the day's programme), not a lone 午前中, not opening a period
    (本日より…正午までの注文: a daily time), not closing a list of days (28日（土）・29日（日）、午前11時〜)."""
    interval = t.interval
    spans_days = r.until is not None and r.until.day is not None  # 6月13日〜24日, not 8月30日15:00〜20:00
    if interval is None or interval[0] != interval[1] or spans_days or t.mod in timex.RELATIONAL:
        return False
    if r.rule == "relative.daypart":
        return False
    if t.point is not None and t.point.hour is None and guards["clock_day_from"].match(s, r.end):
        return False
    if not r.bare_day or last is None or last[1] is None or last[1].day is None:
        return True
    return not guards["day_list_join"].fullmatch(s, last[0], r.start)


def _range_end(s: str, start: int, last: tuple[int, timex.Point | None] | None,
               range_sep: regex.Pattern[str]) -> timex.Point | None:
    """The resolved start of the range that an expression at ``start`` closes (A から B), if any."""
    if last is None:
        return None
    m = range_sep.match(s, last[0])
    if m is None or m.end() != start:
        return None
    return last[1] or timex.Point()


def find_dates(text: str, dct: dt.date | None, zones: Sequence[tuple[int, int]] | None = None) -> list[DateMention]:
    """Every temporal expression inside ``zones`` (None: the whole text), sorted and non-overlapping."""
    s = timex.fold(text)
    g = timex.grammar()
    scanner, range_sep = g.scanner, g.pieces["range"]
    mentions: list[DateMention] = []
    context = _Context()
    for zone_start, zone_end in clamp_zones(zones, len(text)):
        pos = zone_start
        while pos < zone_end:
            m = scanner.search(s, pos, zone_end)
            if m is None:
                break
            joined = _range_end(s, m.start(), context.last, range_sep)
            r = timex.read(s, m.start(), zone_end)
            if r is None or r.end <= r.start or not context.can_refer(r, g.anaphora_window):
                pos = m.start() + 1
                continue
            t = timex.resolve(r, dct, context.anchor_for(r, g.anaphora_window), context.year_hint(s, r.start),
                              joined, context.month_hint(s, r, g.month_reach, g.repeat_window),
                              context.day_hint(s, r.start, g.guards["clock_day_break"], g.clock_day_reach))
            mentions.append(DateMention(r.start, r.end, text[r.start:r.end], t.type, t.value, t.mod, t.interval, r.rule))
            context.update(r, t, _shares_clock(s, r, t, context.last, g.guards))
            pos = max(r.stop, r.end)
    return mentions
