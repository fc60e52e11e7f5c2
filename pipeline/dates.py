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
from dataclasses import dataclass

import regex

from . import timex

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


def _clip(zones: Sequence[tuple[int, int]] | None, length: int) -> list[tuple[int, int]]:
    """Zones sorted, clipped to the text, empty ones dropped; None is the whole text."""
    if zones is None:
        return [(0, length)] if length else []
    out = []
    for start, end in sorted(zones):
        start, end = max(0, int(start)), min(length, int(end))
        if start < end:
            out.append((start, end))
    return out


@dataclass(slots=True)
class _Context:
    """What earlier mentions tell later ones: the last date (for 同日) and the last written year."""

    anchor: timex.Point | None = None
    anchor_end: int = 0
    year: int | None = None
    year_end: int = 0
    last: tuple[int, timex.Point | None] | None = None  # end and resolved point of the last mention

    def year_hint(self, s: str, start: int) -> int | None:
        """A year written earlier in the same sentence (2012年1月〜6月上半期 -> 上半期 is 2012's)."""
        if self.year is None or _SENTENCE_END.search(s, self.year_end, start):
            return None
        return self.year

    def month_hint(self, s: str, start: int, reach: int) -> tuple[int, int] | None:
        """The month of the date just before in the same sentence (6月9日・10日 -> 10日 is June's).

        A month named without a day lends itself only to a day right after it
        (7月は、14日): 9月〜10月に発売する…で28日から is the DCT's month.
        """
        if self.last is None or self.last[1] is None or _SENTENCE_END.search(s, self.last[0], start):
            return None
        point = self.last[1]
        if point.year is None or not point.month or point.week is not None:
            return None
        if point.day is None and start - self.last[0] > reach:
            return None
        return point.year, point.month

    def can_refer(self, r: timex.Reading, window: int) -> bool:
        """An anaphoric expression (同日, 翌月) needs a dated mention shortly before it."""
        if r.point is None or r.point.anchor is None:
            return True
        return self.anchor is not None and r.start - self.anchor_end <= window

    def update(self, r: timex.Reading, t: timex.Timex) -> None:
        self.last = (r.end, t.point)
        point = t.point
        if point is None or point.year is None:
            return
        self.anchor, self.anchor_end = point, r.end
        if r.point is not None and r.point.explicit_year:
            self.year, self.year_end = point.year, r.end


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
    for zone_start, zone_end in _clip(zones, len(text)):
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
            t = timex.resolve(r, dct, context.anchor, context.year_hint(s, r.start), joined,
                              context.month_hint(s, r.start, g.month_reach))
            mentions.append(DateMention(r.start, r.end, text[r.start:r.end], t.type, t.value, t.mod, t.interval, r.rule))
            context.update(r, t)
            pos = max(r.stop, r.end)
    return mentions
