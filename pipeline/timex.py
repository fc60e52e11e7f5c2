"""Read and normalise Japanese temporal expressions into TIMEX3 (annotation-guidelines §2).

Two pure steps, each usable on its own:

* :func:`read` parses the expression that starts at one position of a
  *folded* text (:func:`fold`) into a :class:`Reading`: which calendar slots
  it fills (year, month, quarter, 上旬 …), whether it counts from the DCT
  (来月) or from the date before it (同日), or is a duration, a set or a vague
  reference, plus its modifiers and how far its surface runs (``まで`` is read
  but is not part of the surface).
* :func:`resolve` turns a reading and a DCT into a :class:`Timex`: TIMEX3
  ``type``, ``value``, ``mod`` and the first and last day it covers.

:func:`normalise` chains both for one expression string. Detection (which
positions to read, what is not a date, one mention per span) is
``pipeline.dates``. As in ja-timex, rules are split by type: absolute
dates/times, relative ones, durations, sets and vague references each have
their reader and resolver below. The words and patterns are data
(``pipeline/data/dates``); this module holds the grammar, i.e. which piece may
follow which.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

import regex
import yaml

DATA_DIR = Path(__file__).parent / "data" / "dates"

# --------------------------------------------------------------------------- results


@dataclass(frozen=True, slots=True)
class Point:
    """Calendar slots an expression fills; None = not said (or not resolved)."""

    year: int | None = None
    rel: tuple[str, int] | None = None  # counted from the DCT: ("day"|"week"|"month"|"year"|"fy", n)
    anchor: tuple[str, int] | None = None  # counted from the date mentioned before it (or "last": its last day)
    newyear: bool = False  # 年明け
    fy: bool = False  # a fiscal year (April to March)
    fy_end: int | None = None  # 2013年3月期: the fiscal year that ends in this month
    decade: int | None = None  # 1990年代 -> 199
    century: int | None = None  # 19世紀 -> 18 (the TIMEX3 value: the hundreds of its years)
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # ISO: 1 = Monday
    week: tuple[int, int] | None = None  # ISO (year, week)
    quarter: int | None = None
    half: int | None = None
    season: str | None = None  # SP SU FA WI
    week_end: bool = False
    hour: int | None = None
    minute: int | None = None
    second: int | None = None
    daypart: str | None = None  # MO MI AF EV NI
    part: str | None = None  # START MID END of the period
    explicit_year: bool = False  # the year is written in the expression
    reported: bool = False  # a bare day reported as past news (ドコモは16日、…): on or before the DCT
    coming: bool = False  # announced as ahead (今度の土曜, 来る16日): on or after the DCT

    @property
    def has_time(self) -> bool:
        return self.hour is not None or self.daypart is not None


_Parts = tuple[tuple[str, str], ...]  # a duration: ((number or "X", unit), ...), unit in Y M W D H MIN S


@dataclass(frozen=True, slots=True)
class Reading:
    """What one expression says, before it is resolved against a DCT."""

    kind: str  # point | duration | set | vague
    start: int
    end: int  # end of the surface (the text kept)
    stop: int  # end of what was read, a dropped particle (まで, から) included
    rule: str
    point: Point | None = None
    until: Point | None = None  # the end of a range of points
    duration: _Parts = ()
    duration_until: _Parts = ()  # the end of a range of durations (60~90日)
    value: str | None = None  # the fixed value of a set or vague word
    mods: tuple[str, ...] = ()
    shift: int = 0  # after a duration: 前 (-1), 後 (+1), kept in the text
    bare_day: bool = False  # a day of the month with no month before it (8日)
    counted: int = 0  # a shifted duration that names a date counted from the DCT: back (-1, 1年前) or on (+1, 1年後)


@dataclass(frozen=True, slots=True)
class Timex:
    """A normalised temporal expression (annotation-guidelines §2)."""

    type: str  # DATE | TIME | DURATION | SET
    value: str
    mod: str | None
    interval: tuple[str, str] | None  # first and last day covered (ISO), if the value resolves to days
    point: Point | None = field(default=None, compare=False)  # the resolved calendar slots of a DATE/TIME


# --------------------------------------------------------------------------- folding

_FOLD = {chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}
_FOLD.update({"\u3000": " ", "\u301c": "~", "\u223c": "~", "\u3030": "~", "\u2212": "-"})
_FOLD.update({chr(c): "-" for c in range(0x2010, 0x2016)})
_FOLDED = re.compile("[" + re.escape("".join(_FOLD)) + "]")


def fold(text: str) -> str:
    """Fullwidth ASCII to ASCII, wave dashes to '~', dashes to '-': one character for one.

    (``re.sub`` over the few such characters is an order of magnitude faster
    than ``str.translate`` on Japanese text.)
    """
    return _FOLDED.sub(lambda m: _FOLD[m.group()], text)


# --------------------------------------------------------------------------- data


@dataclass(frozen=True, slots=True)
class _Word:
    kind: str
    spec: dict[str, str]


@dataclass(frozen=True, slots=True)
class _Mod:
    kind: str
    mod: str | None
    applies: str


@dataclass(frozen=True, slots=True)
class _WordMatch:
    """A lexicon word found at a position; reads like a regex match with group ``w``."""

    begin: int
    stop: int
    word: str

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.stop

    def __getitem__(self, group: str) -> str:
        return self.word


class _Words:
    """Lexicon words matched through a prefix trie (stdlib ``re``, fast), then checked in context.

    The longest word wins; when its context column (lexicon.tsv, modifiers.tsv) forbids it, a
    shorter word that is a prefix of it may still match.
    """

    def __init__(self, entries: list[tuple[str, str]]):
        self.words = {surface for surface, _ in entries}
        self.trie = re.compile(_trie(sorted(self.words)))
        self.contexts = {s: regex.compile(ctx.replace("_", regex.escape(s))) for s, ctx in entries if ctx}

    def match(self, s: str, pos: int, end: int | None = None) -> _WordMatch | None:
        end = len(s) if end is None else end
        m = self.trie.match(s, pos, end)
        if m is None:
            return None
        found = m.group()
        for k in range(len(found), 0, -1):
            word = found[:k]
            context = self.contexts.get(word)
            if word in self.words and (context is None or context.match(s, pos, end)):
                return _WordMatch(pos, pos + k, word)
        return None


@dataclass(frozen=True, slots=True)
class _Grammar:
    pieces: dict[str, Any]  # compiled patterns and _Words, both with .match(s, pos, end)
    guards: dict[str, regex.Pattern[str]]
    scanner: re.Pattern[str]
    eras: dict[str, int]
    words: dict[str, _Word]
    modifiers: dict[str, _Mod]
    anaphora_window: int
    month_reach: int
    repeat_window: int
    clock_day_reach: int


def _tsv(name: str) -> list[list[str]]:
    rows = []
    for line in (DATA_DIR / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def _expand(pattern: str, macros: dict[str, str]) -> str:
    return regex.sub(r"\{([A-Z][A-Z0-9]*)\}", lambda m: macros[m.group(1)], pattern)


_WORD_GROUPS = {"rel": ("rel", "anchor", "holiday"), "season": ("season",), "half": ("half",),
                "daypart": ("daypart",), "vague": ("vague",), "set": ("set",), "duration_word": ("duration",)}
_MOD_GROUPS = {"prefix": ("prefix",), "part": ("part",), "post": ("post", "shift"), "trail": ("trail",)}


@lru_cache(maxsize=1)
def grammar() -> _Grammar:
    """Load the data files once and compile every piece."""
    data = yaml.safe_load((DATA_DIR / "patterns.yaml").read_text(encoding="utf-8"))
    eras: dict[str, int] = {}
    for name, aliases, first in _tsv("eras.tsv"):
        for a in (name, *aliases.split(",")):
            eras[a.strip()] = int(first)
    macros: dict[str, str] = {}
    for key, value in data["macros"].items():
        macros[key] = _expand(value, macros)
    macros["ERA"] = "|".join(regex.escape(e) for e in sorted(eras, key=len, reverse=True))

    words: dict[str, _Word] = {}
    contexts: dict[str, list[tuple[str, str]]] = {g: [] for g in _WORD_GROUPS}
    group_of = {k: g for g, kinds in _WORD_GROUPS.items() for k in kinds}
    for row in _tsv("lexicon.tsv"):
        surface, kind, spec = row[0], row[1], row[2]
        if surface in words:
            raise ValueError(f"lexicon.tsv: {surface} listed twice")
        words[surface] = _Word(kind, _spec(spec))
        contexts[group_of[kind]].append((surface, row[3] if len(row) > 3 else ""))

    clock_parts = [w for w, word in words.items() if word.kind == "daypart" and ":" not in next(iter(word.spec))]
    macros["DAYPART"] = "|".join(regex.escape(w) for w in sorted(clock_parts, key=len, reverse=True))

    modifiers: dict[str, _Mod] = {}
    mod_entries: dict[str, list[tuple[str, str]]] = {g: [] for g in _MOD_GROUPS}
    mod_group = {k: g for g, kinds in _MOD_GROUPS.items() for k in kinds}
    for row in _tsv("modifiers.tsv"):
        surface, kind, mod, applies = row[:4]
        modifiers[surface] = _Mod(kind, None if mod == "-" else mod, applies)
        mod_entries[mod_group[kind]].append((surface, row[4] if len(row) > 4 else ""))

    pieces = {name: regex.compile(_expand(p, macros)) for name, p in data["pieces"].items()}
    for group, entries in (*contexts.items(), *mod_entries.items()):
        pieces[group] = _Words(entries)
    guards = {name: regex.compile(_expand(p, macros)) for name, p in data["guards"].items()}

    surfaces = [s for s, w in words.items() if w.kind != "daypart" or "alone" in w.spec]
    surfaces += [s for s, m in modifiers.items() if m.kind == "prefix"]
    # 平成24年 and 夜7時 start at the era name and the part of the day
    lead = "".join(sorted({re.escape(w[0]) for w in (*eras, *clock_parts)}))
    starts = [_expand(p, macros) for p in data["starts"].values()]
    scanner = _scanner(starts, surfaces, data["start_chars"] + lead)
    return _Grammar(pieces, guards, scanner, eras, words, modifiers, int(data["anaphora_window"]),
                    int(data["month_reach"]), int(data["repeat_window"]), int(data["clock_day_reach"]))


def _trie(words: list[str]) -> str:
    """A regular expression matching any of ``words``, factored by prefix (fast in ``re``)."""
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for c in word:
            node = node.setdefault(c, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        alts = [re.escape(c) + emit(sub) for c, sub in sorted(node.items()) if c]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 and "" not in node else "(?:" + "|".join(alts) + ")"
        return body + ("?" if "" in node else "")

    return emit(root)


def _scanner(starts: list[str], words: list[str], start_chars: str) -> re.Pattern[str]:
    """Candidate start positions: a character lookahead, then the start patterns or a word."""
    first = start_chars + "".join(sorted({re.escape(w[0]) for w in words}))
    alternatives = "|".join([*starts, _trie(words)])
    return re.compile(f"(?=[{first}])(?:{alternatives})")


def _spec(text: str) -> dict[str, str]:
    """``day=+1 part=END`` -> {"day": "+1", "part": "END"}; a bare token maps to ""."""
    out: dict[str, str] = {}
    for token in text.split():
        key, _, value = token.partition("=")
        out[key] = value
    return out


# --------------------------------------------------------------------------- numbers

_KDIGIT = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_KUNIT = {"十": 10, "百": 100, "千": 1000}


def kanji_number(text: str) -> int | None:
    """二〇〇七 -> 2007 (positional), 二千七 / 十二 -> 2007 / 12 (multiplicative); None if not a numeral."""
    if not text or any(c not in _KDIGIT and c not in _KUNIT for c in text):
        return None
    if all(c in _KDIGIT for c in text):
        return int("".join(str(_KDIGIT[c]) for c in text))
    total, current = 0, 0
    for c in text:
        if c in _KDIGIT:
            current = current * 10 + _KDIGIT[c]
        else:
            total += (current or 1) * _KUNIT[c]
            current = 0
    return total + current


def number(text: str) -> int | None:
    """An integer written in ASCII digits or kanji numerals, else None."""
    if text.isascii() and text.isdigit():
        return int(text)
    return kanji_number(text)


def _is_kanji(text: str | None) -> bool:
    return bool(text) and not text.isascii()  # type: ignore[union-attr]


# --------------------------------------------------------------------------- reading: points


# The pieces an expression may begin with, by its first character: digit, kanji numeral, other.
_FIRST: dict[str, tuple[str, ...]] = {
    "digit": ("iso_date", "md_year", "decade", "century", "year", "year_season", "qrange", "quarter", "month",
              "md_slash", "day", "time"),
    "kanji": ("century", "year", "month", "day", "time", "rel"),
    "other": ("era_year", "fy_prefix", "quarter", "half", "time", "rel", "weekday_word", "season", "daypart"),
}
_KANJI_NUMERALS = frozenset("〇零一二三四五六七八九十百千")
_NEXT: dict[str, tuple[str, ...]] = {
    "start": (),  # see _FIRST
    "Y": ("no", "month_period", "qrange", "quarter", "half", "season", "month", "part", "rel"),
    "Y2": ("month_period", "qrange", "quarter", "half", "season", "month", "part"),
    "Ys": ("season",),
    "Yno": ("quarter", "half", "season", "month", "rel"),
    "M": ("day", "day_wd", "part"),
    "Mr": ("day", "day_wd", "part", "month"),
    "Mw": ("day", "day_wd"),
    "D": ("weekday", "time", "daypart", "no"),
    "Dno": ("time", "daypart"),
    "Dw": ("time", "daypart"),
    "Dr": ("day", "weekday", "time", "daypart", "no", "month"),
    "W": ("part", "no", "day"),
    "Wno": ("weekday_word",),
    "S": ("part",),
    "T": (),
    "P": (),
}
_WAITING = frozenset({"Y2", "Yno", "Dno", "Wno", "Mw"})  # states that cannot end an expression
_NO_BLANK_BEFORE = frozenset({"no", "part", "weekday"})


@dataclass(slots=True)
class _Ctx:
    s: str
    g: _Grammar
    start: int
    continuation: bool  # reading the end of a range (…から中旬)
    slots: dict[str, Any] = field(default_factory=dict)
    names: list[str] = field(default_factory=list)


_Slots = tuple[dict[str, Any], int, list[str]]  # parser slots, end, piece names


def _read_point(s: str, pos: int, end: int, g: _Grammar, continuation: bool = False) -> _Slots | None:
    """Longest calendar expression at ``pos``: (slots, end, piece names), or None."""
    ctx = _Ctx(s, g, pos, continuation)
    state, q = "start", pos
    best: _Slots | None = None
    while True:
        moved = False
        names = _NEXT[state] if state != "start" else _first_pieces(s[q:q + 1], continuation)
        for name in names:
            for at in (q, q + 1) if state != "start" and name not in _NO_BLANK_BEFORE and s[q:q + 1] in " \t" else (q,):
                m = g.pieces[name].match(s, at, end)
                if m is None or m.end() == at:
                    continue
                new = _HANDLERS[name](m, ctx, state)
                if new is None:
                    continue
                ctx.names.append(name)
                state, q, moved = new, m.end(), True
                break
            if moved:
                break
        if state not in _WAITING and ctx.slots:
            best = (dict(ctx.slots), q, list(ctx.names))
        if not moved or (state != "start" and not _NEXT[state]):
            return best


def _first_pieces(c: str, continuation: bool) -> tuple[str, ...]:
    if "0" <= c <= "9":
        return _FIRST["digit"] + (("day_wd",) if continuation else ())
    if c in _KANJI_NUMERALS:
        return _FIRST["kanji"]
    return _FIRST["other"] + (("part",) if continuation else ())


def _set(ctx: _Ctx, **slots: Any) -> None:
    ctx.slots.update(slots)


def _h_iso_date(m: regex.Match[str], ctx: _Ctx, state: str) -> str | None:
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    if not (1800 <= y <= 2199 and 1 <= mo <= 12 and 1 <= d <= 31):
        return None
    _set(ctx, year=y, month=mo, day=d, explicit_year=True)
    return "D"


def _h_md_slash(m: regex.Match[str], ctx: _Ctx, state: str) -> str | None:
    """5/14 only when a bracketed weekday, a second m/d of a range or a particle of time (6/6から)
    shows it is a date."""
    mo, d = int(m["m"]), int(m["d"])
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    g, s = ctx.g, ctx.s
    after = m.end()
    if not (g.pieces["weekday"].match(s, after) or ctx.continuation or _range_md(s, after, g)
            or g.guards["md_slash_after"].match(s, after)):
        return None
    _set(ctx, month=mo, day=d)
    return "D"


def _range_md(s: str, pos: int, g: _Grammar) -> bool:
    r = g.pieces["range"].match(s, pos)
    return bool(r and g.pieces["md_slash"].match(s, r.end()))


def _h_era_year(m: regex.Match[str], ctx: _Ctx, state: str) -> str | None:
    n = 1 if m["n"] == "元" else number(m["n"])
    if n is None or n < 1:
        return None
    _set(ctx, year=ctx.g.eras[m["era"]] + n - 1, explicit_year=True, fy=bool(m["fy"]))
    return "Y"


def _h_decade(m: regex.Match[str], ctx: _Ctx, state: str) -> str | None:
    n = int(m["n"])
    year = n if n >= 1000 else (1900 + n if n >= 30 else 2000 + n)
    _set(ctx, decade=year // 10)
    return "S"  # 90年代半ば


def _h_century(m: regex.Match[str], ctx: _Ctx, state: str) -> str | None:
    n = number(m["n"])
    if n is None or not 1 <= n <= 30:
        return None
    _set(ctx, century=n - 1)
    return "S"


def _year_number(text: str) -> int | None:
    n = number(text)
    if n is None:
        return None
    if len(text) == 2 and text.isascii():
        return 2000 + n if n < 50 else 1900 + n
    return n if 1800 <= n <= 2199 else None


def _h_year(m: regex.Match[str], ctx: _Ctx, state: str) -> str | None:
    y = _year_number(m["n"])
    if y is None:
        return None
    if m["n1"]:
        y1 = _year_number(m["n1"])
        if y1 is None or not y1 < y:
            return None
        _set(ctx, rng=("year", y1, y))
    _set(ctx, year=y, explicit_year=True, fy=bool(m["fy"]))
    # 12年 alone is more often 12 years than 2012: a two-digit year needs what follows, unless it
    # cannot be a count of years (07年, 98年), closes a range (2014年~15年) or has one (2012-13年)
    short = len(m["n"]) == 2 and m["n"].isascii() and not m["fy"]
    if short and not (m["n1"] or ctx.continuation or ctx.g.guards["two_digit_year"].fullmatch(m["n"])):
        return "Y2"
    return "Y"


def _h_year_season(m: regex.Match[str], ctx: _Ctx, state: str) -> str | None:
    """``2012夏``: the year of the season that must follow."""
    y = _year_number(m["n"])
    if y is None:
        return None
    _set(ctx, year=y, explicit_year=True)
    return "Ys"


def _h_fy_prefix(m: regex.Match[str], ctx: _Ctx, state: str) -> str | None:
    y = _year_number(m["n"])
    if y is None:
        return None
    _set(ctx, year=y, fy=True, explicit_year=True)
    return "Y"


def _h_month_period(m: regex.Match[str], ctx: _Ctx, state: str) -> str | None:
    mo = int(m["m"])
    if not 1 <= mo <= 12 or ctx.slots.get("fy"):
        return None
    _set(ctx, fy_end=mo)
    return "S"


def _h_qrange(m: regex.Match[str], ctx: _Ctx, state: str) -> str | None:
    m1, m2 = int(m["m1"]), int(m["m2"])
    if m1 not in (1, 4, 7, 10) or m2 != m1 + 2:
        return None
    _set(ctx, quarter=(m1 + 2) // 3)
    return "S"


def _h_quarter(m: regex.Match[str], ctx: _Ctx, state: str) -> str | None:
    _set(ctx, quarter=number(m["q"]))
    return "S"


def _h_half(m: regex.Match[str], ctx: _Ctx, state: str) -> str | None:
    _set(ctx, half=int(next(iter(ctx.g.words[m["w"]].spec))[1]))
    return "S"


def _numeric(m: regex.Match[str], lo: int, hi: int) -> tuple[int, int | None] | None:
    """The number of a month/day piece and the start of its numeric range (10~11月), checked."""
    n = number(m["n"])
    n1 = number(m["n1"]) if m["n1"] else None
    if n is None or not lo <= n <= hi or (m["n1"] and (n1 is None or not lo <= n1 < n)):
        return None
    return n, n1


def _h_month(m: regex.Match[str], ctx: _Ctx, state: str) -> str | None:
    got = _numeric(m, 1, 12)
    if got is None:
        return None
    n, n1 = got
    if state == "start" and _is_kanji(m["n"]) and (n == 1 or ctx.start > 0 and regex.match(r"\p{Han}", ctx.s[ctx.start - 1])):
        return None  # 一月 alone is also ひと月 (a month long)
    if state in ("Dr", "Mr"):
        # 本日7月3日, 今月8月10日, 来月8月: the word before a date only restates it (one expression,
        # valued by the date it names); a day word before a bare month (本日10月…) is no restatement
        if n1 or "rel" not in ctx.slots:
            return None
        del ctx.slots["rel"]
        _set(ctx, month=n)
        return "Mw" if state == "Dr" else "M"
    _set(ctx, month=n, **({"rng": ("month", n1, n)} if n1 else {}))
    return "M"


def _h_day(m: regex.Match[str], ctx: _Ctx, state: str) -> str | None:
    got = _numeric(m, 1, 31)
    if got is None:
        return None
    n, n1 = got
    if state == "start":
        if _is_kanji(m["n"]):
            return None  # 一日も早く: a kanji day needs its month
        if not ctx.continuation:
            if not _bare_day_is_date(ctx.s, m.end(), ctx.g, n):
                return None
            if n1 and not ctx.g.pieces["weekday"].match(ctx.s, m.end()):
                return None  # 2~3日 with no month in sight is a number of days
            _set(ctx, reported=_is_reported(ctx.s, ctx.start, m.end(), ctx.g))
        _set(ctx, bare_day=True)
    _set(ctx, day=n, **({"rng": ("day", n1, n)} if n1 else {}))
    return "D"


def _is_reported(s: str, start: int, end: int, g: _Grammar) -> bool:
    """The news lede's date of what a subject did (ドコモは16日、…発表した): a day in the past."""
    return bool(g.guards["reported_before"].search(s, max(0, start - 2), start)
                and g.guards["reported_after"].match(s, end))


def _bare_day_is_date(s: str, pos: int, g: _Grammar, day: int) -> bool:
    if day == 1 and g.guards["one_day_not_date"].match(s, pos):
        return False
    return not g.guards["rate_after"].match(s, pos) and bool(g.guards["bare_day_date"].match(s, pos))


_WEEKDAYS = "月火水木金土日"


def _h_weekday(m: regex.Match[str], ctx: _Ctx, state: str) -> str | None:
    _set(ctx, weekday=_WEEKDAYS.index(m["wd"]) + 1)
    return "Dw"


_DAYPART_HOURS = {"MO": (4, 12), "MI": (11, 14), "AF": (12, 18), "EV": (15, 20), "NI": (18, 24)}
# Broadcast schedules count the night on past midnight (深夜25時 = 1 a.m. of the next day).
_LATEST_HOUR = 29


def _h_time(m: regex.Match[str], ctx: _Ctx, state: str) -> str | None:
    s, g = ctx.s, ctx.g
    if m["h"] is not None:
        h = number(m["h"])
        mi = 30 if m["half"] else (number(m["mi"]) if m["mi"] else 0)
        sec = int(m["s"]) if m["s"] else None
        if _is_kanji(m["h"]) and not (m["ap"] or m["dp"] or m["mi"] or m["half"]):
            return None  # 一時 (for a while): a kanji hour needs 午前/午後 or minutes
        ap = m["ap"]
    else:
        h, mi, sec = int(m["ch"]), int(m["cm"]), int(m["cs"]) if m["cs"] else None
        ap = m["ap"] or m["ap2"]
        before = s[max(0, m.start() - 8):m.start()]
        if g.guards["clock_not_before"].search(before) or g.guards["clock_not_after"].match(s, m.end()):
            return None
    if h is None or mi is None or mi > 59 or (sec is not None and sec > 59):
        return None
    if ap and ap.lower().startswith(("午後", "pm", "p.m")) and h < 12:
        h += 12
    elif m["dp"] and h < 12:  # 夜7時, 夕方5時: the hour in the half of the day the part lies in
        first, last = _DAYPART_HOURS[next(iter(g.words[m["dp"]].spec))]
        h += 12 if first <= h + 12 <= last else 0
    if h > _LATEST_HOUR:
        return None
    _set(ctx, hour=h, minute=mi, second=sec)
    return "T"


def _h_rel(m: regex.Match[str], ctx: _Ctx, state: str) -> str | None:
    word = ctx.g.words[m["w"]]
    spec = word.spec
    if word.kind == "holiday":
        if "day" not in spec:
            _set(ctx, month=int(spec["month"]))  # 師走: a month by its old name
            return "M"
        _set(ctx, month=int(spec["month"]), day=int(spec["day"]))
        return "D"
    if state == "Y" and "season" in spec and spec.get("year") == "0":
        _set(ctx, season=spec["season"])  # 2012年今夏: this year's season, of the year just written
        return "S"
    if state in ("Y", "Yno") and set(spec) == {"year", "part"} and spec["year"] == "0":
        _set(ctx, part=spec["part"])  # 2012年の年末, 今年の年末: the part of the year just written
        return "P"
    if state != "start":
        return None
    if "newyear" in spec:
        _set(ctx, newyear=True, **({"part": spec["part"]} if "part" in spec else {}))
        return "P"
    unit = next(k for k in ("day", "last", "week", "month", "year", "fy") if k in spec)
    _set(ctx, **{"rel" if word.kind == "rel" else "anchor": (unit, int(spec[unit]))})
    if unit == "fy":
        _set(ctx, fy=True)
    if "season" in spec:
        _set(ctx, season=spec["season"])
    if "daypart" in spec:
        _set(ctx, daypart=spec["daypart"])
        return "T"
    if spec.get("part") == "WE":
        _set(ctx, week_end=True)
        return "P"
    if "part" in spec:
        _set(ctx, part=spec["part"])
        return "W" if unit == "week" else "P"
    return {"day": "Dr", "last": "Dw", "week": "W", "month": "Mr", "year": "S" if "season" in spec else "Y",
            "fy": "Y"}[unit]


def _h_weekday_word(m: regex.Match[str], ctx: _Ctx, state: str) -> str | None:
    _set(ctx, weekday=_WEEKDAYS.index(m["wd"]) + 1)
    return "Dw"


def _h_season(m: regex.Match[str], ctx: _Ctx, state: str) -> str | None:
    s, g = ctx.s, ctx.g
    if state == "start":
        if m.start() > 0 and regex.match(r"\p{Han}", s[m.start() - 1]) and not ctx.continuation:
            return None  # (after 毎年 the season is the set's: 毎年夏)
        if not g.guards["season_alone_after"].match(s, m.end()):
            return None
    code = next(iter(g.words[m["w"]].spec))
    if code in ("H1", "H2"):
        _set(ctx, half=int(code[1]))
    else:
        _set(ctx, season=code)
    return "S"


def _h_daypart(m: regex.Match[str], ctx: _Ctx, state: str) -> str | None:
    spec = ctx.g.words[m["w"]].spec
    code = next(iter(spec))
    if state == "start":
        if "alone" not in spec or not ctx.g.guards["daypart_alone_after"].match(ctx.s, m.end()):
            return None
        if ":" not in code:  # 午後 alone is the afternoon of the DCT; 正午 alone a clock time
            _set(ctx, rel=("day", 0))
    if ":" in code:
        h, mi = code.split(":")
        _set(ctx, hour=int(h), minute=int(mi))
    else:
        _set(ctx, daypart=code)
    return "T"


def _h_part(m: regex.Match[str], ctx: _Ctx, state: str) -> str | None:
    mod = ctx.g.modifiers[m["w"]]
    slots = ctx.slots
    if state == "start":  # the end of a range: 11月上旬から中旬 (only 上旬/中旬/下旬: 7月から始める is no range)
        if mod.applies != "month":
            return None
        _set(ctx, part=mod.mod, part_only=True)
        return "P"
    if state == "W":
        if m["w"] == "末":
            _set(ctx, week_end=True, part=None)
            return "P"
        return "P" if mod.mod is None else None
    month_level = state in ("M", "Mr")
    if mod.applies == "month" and not month_level:
        return None
    if m["w"] in ("前半", "後半") and state in ("Y", "Y2", "Yno") and not slots.get("fy"):
        _set(ctx, half=1 if m["w"] == "前半" else 2)
        return "P"
    if slots.get("part") and mod.mod:
        return None
    _set(ctx, part=mod.mod)
    return "P"


def _h_no(m: regex.Match[str], ctx: _Ctx, state: str) -> str | None:
    return {"Y": "Yno", "D": "Dno", "Dr": "Dno", "W": "Wno"}[state]


_HANDLERS: dict[str, Callable[[regex.Match[str], _Ctx, str], str | None]] = {
    "iso_date": _h_iso_date, "md_year": _h_iso_date, "md_slash": _h_md_slash, "era_year": _h_era_year,
    "decade": _h_decade, "century": _h_century, "year": _h_year, "year_season": _h_year_season,
    "fy_prefix": _h_fy_prefix,
    "month_period": _h_month_period, "qrange": _h_qrange, "quarter": _h_quarter, "half": _h_half,
    "month": _h_month, "day": _h_day, "day_wd": _h_day, "weekday": _h_weekday, "time": _h_time, "rel": _h_rel,
    "weekday_word": _h_weekday_word, "season": _h_season, "daypart": _h_daypart, "part": _h_part, "no": _h_no,
}


def _point_of(slots: dict[str, Any], use_range_end: bool = False) -> Point:
    """A Point from parser slots; a numeric range (10~11月) gives its start or its end."""
    fields = {k: v for k, v in slots.items() if k in Point.__slots__}  # type: ignore[attr-defined]
    rng = slots.get("rng")
    if rng:
        name, first, last = rng
        fields[name] = last if use_range_end else first
        if name == "day" and not use_range_end:
            fields.pop("weekday", None)  # 8~10日(金): the weekday is the last day's
    return Point(**fields)


# --------------------------------------------------------------------------- reading: durations

_UNITS = {"年": "Y", "月": "M", "週": "W", "日": "D", "時間": "H", "分": "MIN", "秒": "S"}
_UNIT_ORDER = ("Y", "M", "W", "D", "H", "MIN", "S")
_HALF_IN = {"H": ("30", "MIN"), "MIN": ("30", "S")}  # half an hour or a minute, in the next unit


def _unit(surface: str) -> str:
    """The TIMEX unit of a duration's unit word (営業日, business days, count as days)."""
    core = surface.removesuffix("間") if surface != "時間" else surface
    return _UNITS["月" if core.endswith("月") else "日" if core.endswith("日") else core]


def _amount(text: str | None, half: bool) -> str | None:
    """A duration's number as TIMEX writes it ('X' for 数), or None if it is no number."""
    if text is None:
        return None
    if "数" in text:
        return "X"
    if text.isascii():
        value = Decimal(text)
    else:
        k = kanji_number(text)
        if k is None:
            return None
        value = Decimal(k)
    value += Decimal("0.5") if half else 0
    return format(value.normalize(), "f")  # 0.4, 12.5, 7 (not 07), 100 (not 1E+2)


def _read_duration(s: str, pos: int, end: int, g: _Grammar) -> tuple[_Parts, _Parts, int] | None:
    """A duration at ``pos`` (1年6カ月, 約4時間40分, 60~90日): (parts, range-end parts, end)."""
    parts: list[tuple[str, str]] = []
    firsts: list[tuple[str, str]] = []
    q = pos
    while len(parts) < len(_UNIT_ORDER):
        joined = g.pieces["duration_and"].match(s, q, end) if parts else None
        m = g.pieces["duration"].match(s, joined.end() if joined else q, end)
        if m is None:
            break
        unit_surface = m["u"]
        kanji = _is_kanji(m["n"]) and "数" not in m["n"]
        if kanji and not (unit_surface.endswith("間") or unit_surface.endswith("月") or unit_surface == "週間"):
            break  # 一日 / 十分 / 一時: a kanji count needs an explicit duration unit
        amount = _amount(m["n"], bool(m["half"]))
        first = _amount(m["n1"], False) if m["n1"] else None
        if amount is None or (m["n1"] and first is None):
            break
        unit = _unit(unit_surface)
        if parts and _UNIT_ORDER.index(unit) <= _UNIT_ORDER.index(parts[-1][1]):
            break  # 1年6カ月 goes down the units; 20年数年 is two expressions
        if parts == [("1", "D")] and unit in ("H", "MIN", "S"):
            break  # 1日2時間 is hours a day, a rate
        if m["half"] and unit in _HALF_IN:  # 6時間半 → PT6H30M, as the gold writes it (but 6.5時間 → PT6.5H)
            whole = _amount(m["n"], False)
            parts += [(whole, unit), _HALF_IN[unit]]
            firsts += [(first or whole, unit), _HALF_IN[unit]]
        else:
            parts.append((amount, unit))
            firsts.append((first or amount, unit))
        q = m.end()
        if m["n1"]:
            break
    if not parts:
        return None
    if firsts != parts:
        return tuple(firsts), tuple(parts), q
    return tuple(parts), (), q


# --------------------------------------------------------------------------- reading: the whole expression


def read(s: str, pos: int, end: int | None = None) -> Reading | None:
    """Read the temporal expression starting at ``pos`` of the folded text ``s`` (up to ``end``).

    A まで after it is ``ON_OR_BEFORE`` also when it closes a range read as two
    expressions (午前0時から2時まで: the end of a period, guidelines §2).
    """
    end = len(s) if end is None else min(end, len(s))
    if not 0 <= pos < end:
        return None
    g = grammar()
    mods: list[str] = []
    amount_prefix = False  # after 約 a bare 16日 is sixteen days; after 来る (a prefix of points), the 16th
    q = pos
    pm = g.pieces["prefix"].match(s, q, end)
    if pm:
        prefix = g.modifiers[pm["w"]]
        q = pm.end() + (s[pm.end():pm.end() + 1] in (" ", "\t"))
        if prefix.applies == "vague":  # つい先日: an adverb kept in the text of a vague word only
            vague = _read_vague(s, q, end, g)
            return _finish(s, end, g, vague, pos, []) if vague else None
        mods.append(prefix.mod or "")
        amount_prefix = prefix.applies not in ("point", "coming")
    reading = (_read_set(s, q, end, g) if not mods else None) or (_read_vague(s, q, end, g) if not mods else None)
    if reading is None:
        reading = _read_point_or_duration(s, q, end, g, amount_prefix)
        if reading is not None and reading.point is not None and pm and prefix.applies == "coming":
            reading = replace(reading, point=replace(reading.point, coming=True))
    if reading is None and mods:  # この夏, この日, ここ最近: a word of the lexicon that begins like a prefix
        mods, reading = [], _read_vague(s, pos, end, g) or _read_point_or_duration(s, pos, end, g, False)
    if reading is None:
        return None
    return _finish(s, end, g, reading, pos, mods)


def _read_vague(s: str, q: int, end: int, g: _Grammar) -> Reading | None:
    m = g.pieces["vague"].match(s, q, end)
    if m is None:
        return None
    value = next(iter(g.words[m["w"]].spec))
    if value == "PAST_REF":  # 先日17日（日）: one expression, the day it names, which is past news
        day = _read_point_or_duration(s, m.end(), end, g, False)
        if day is not None and day.kind == "point" and day.bare_day and day.point is not None:
            return replace(day, start=q, rule=f"vague+{day.rule}", point=replace(day.point, reported=True))
    return Reading("vague", q, m.end(), m.end(), "vague", value=value)


def _read_set(s: str, q: int, end: int, g: _Grammar) -> Reading | None:
    """毎月 / 毎週月曜 / 毎月1日 / 毎月第2火曜日 / 週1回 / 1日3回."""
    m = g.pieces["set"].match(s, q, end)
    if m:
        value = next(iter(g.words[m["w"]].spec))
        nth = g.pieces["nth_weekday"].match(s, m.end(), end) if value == "P1M" else None
        if nth is not None:
            return Reading("set", q, nth.end(), nth.end(), "set.every+nth_weekday", value=value)
        sub = _read_point(s, m.end(), end, g, continuation=True)
        if sub is not None:
            slots, sub_end, names = sub
            pt = _point_of(slots)
            if value == "P1W" and pt.weekday and not (pt.month or pt.day):
                return Reading("set", q, sub_end, sub_end, "set.every+weekday", value=f"XXXX-WXX-{pt.weekday}")
            if value == "P1M" and pt.day and not pt.month and not pt.has_time:
                return Reading("set", q, sub_end, sub_end, "set.every+day", value=f"XXXX-XX-{pt.day:02d}")
            if value == "P1Y" and pt.month and not pt.has_time:
                tail = f"-{pt.day:02d}" if pt.day else ""
                return Reading("set", q, sub_end, sub_end, "set.every+month", value=f"XXXX-{pt.month:02d}{tail}")
            if value == "P1Y" and pt.season and not (pt.month or pt.has_time):
                return Reading("set", q, sub_end, sub_end, "set.every+season", value=f"XXXX-{pt.season}")
            if value == "P1D" and pt.hour is not None and not (pt.month or pt.day):
                return Reading("set", q, sub_end, sub_end, "set.every+time", value=_clock(pt))
        return Reading("set", q, m.end(), m.end(), "set.every", value=value)
    m = g.pieces["freq"].match(s, q, end)
    if m and not (m["fu"] == "月" and m["fn"]):
        n = number(m["fn"]) if m["fn"] else 1
        if n:
            return Reading("set", q, m.end(), m.end(), "set.frequency", value=f"P{n}{_unit(m['fu'])}")
    return None


def _read_point_or_duration(s: str, q: int, end: int, g: _Grammar, prefixed: bool) -> Reading | None:
    got = _read_point(s, q, end, g)
    if got is not None:
        slots, p_end, names = got
        bare = bool(slots.get("bare_day"))
        if not (bare and prefixed):
            point = _point_of(slots)
            if point.weekday and not (point.month or point.day or point.has_time) and g.guards["closed_day_key"].search(
                s, max(0, q - 12), q
            ):
                return Reading("set", q, p_end, p_end, "set.closed_weekday", value=f"XXXX-WXX-{point.weekday}")
            until = _point_of(slots, use_range_end=True) if slots.get("rng") else None
            return Reading("point", q, p_end, p_end, _rule_name(point, names), point=point, until=until, bare_day=bare)
    dur = _read_duration(s, q, end, g)
    if dur is not None:
        parts, last_parts, d_end = dur
        stay = g.guards["stay"].search(s, q, d_end)  # 3泊4日: a number of days whatever follows
        single_day = len(parts) == 1 and parts[0][1] == "D" and not last_parts and not stay
        if single_day and not prefixed and not (_day_count_ok(s, d_end, parts[0][0], g) or _one_day_of(s, q, d_end, parts[0][0], g)):
            return None
        if g.guards["rate_after"].match(s, d_end):
            return None
        return Reading("duration", q, d_end, d_end, "duration", duration=parts, duration_until=last_parts)
    m = g.pieces["duration_word"].match(s, q, end)
    if m:
        parts = _parse_value_parts(next(iter(g.words[m["w"]].spec)))
        return Reading("duration", q, m.end(), m.end(), "duration.word", duration=parts)
    return None


def _day_count_ok(s: str, pos: int, amount: str, g: _Grammar) -> bool:
    """A bare N日 is a count of days only when long (60日) or followed by a duration word."""
    if amount == "X" or (amount.isdigit() and int(amount) > 31) or s[pos - 2:pos] == "日間":
        return True
    return bool(g.guards["bare_day_duration"].match(s, pos))


def _one_day_of(s: str, start: int, end: int, amount: str, g: _Grammar) -> bool:
    """``…の1日を振り返る``, ``ソニービルの1日``: a day in the life of something, one day long."""
    return amount == "1" and s[start - 1 : start] == "の" and bool(g.guards["one_day_not_date"].match(s, end))


def _parse_value_parts(value: str) -> _Parts:
    """'P6M' -> (('6', 'M'),), 'P0.5M' -> (('0.5', 'M'),) — lexicon durations are written as TIMEX values."""
    m = regex.fullmatch(r"P(\d+(?:\.\d+)?)([YMWD])", value)
    return ((m.group(1), m.group(2)),) if m else ()


def _rule_name(point: Point, names: list[str]) -> str:
    family = "anaphoric" if point.anchor else "relative" if point.rel or point.newyear else "absolute"
    return f"{family}.{'+'.join(n for n in names if n != 'no')}"


def _finish(s: str, end: int, g: _Grammar, r: Reading, start: int, prefix_mods: list[str]) -> Reading:
    """Ranges, then modifiers after the expression, then a dropped particle: the final reading."""
    q = r.end
    until, duration_until, rule = r.until, r.duration_until, r.rule
    if r.kind == "point" and until is None and r.point is not None and not r.point.has_time:
        m = g.pieces["range"].match(s, q, end)
        b = _read_point(s, m.end(), end, g, continuation=True) if m else None
        if b is not None:
            slots, b_end, _ = b
            end_point = _point_of(slots)
            # a calendar range may close on a clock time of its last day (4月10日〜4月24日23:59)
            closes = (not end_point.has_time or end_point.day is not None) and _later_or_part(r.point, end_point, slots)
            if closes and not g.guards["range_break"].match(s, b_end):
                until, rule, q = end_point, rule + "+range", b_end
    elif r.kind == "point" and until is None and r.point is not None and r.point.hour is not None:
        m = g.pieces["time_range"].match(s, q, end)
        b = _read_point(s, m.end(), end, g, continuation=True) if m else None
        end_point = _point_of(b[0]) if b is not None else None
        if b is not None and end_point is not None and end_point.hour is not None and end_point.day is None:
            until, rule, q = end_point, rule + "+range", b[1]
    elif r.kind == "duration" and not duration_until:
        m = g.pieces["range"].match(s, q, end)
        d = _read_duration(s, m.end(), end, g) if m else None
        if d is not None and not d[1] and not g.guards["range_break"].match(s, d[2]):
            duration_until, rule, q = d[0], rule + "+range", d[2]
    ranged = until is not None
    stop = q
    if ranged and r.kind == "point":
        m = g.pieces["range_close"].match(s, q, end)
        if m:
            stop = m.end()
            if m.group().endswith("にかけて") and "から" in s[start:q]:
                q = stop  # in a から range's text (11月上旬から中旬にかけて); not after 〜 (5〜6月), nor まで
    mods = prefix_mods + list(r.mods)
    shift = 0
    for _ in range(3):
        m = g.pieces["post"].match(s, q, end)
        if m is None or r.kind == "vague":
            break
        mod = g.modifiers[m["w"]]
        # a set takes an estimate (1年に1回程度, 月に２度ほど: APPROX), not a bound (例年以上) nor a share (毎月分)
        if not (mod.mod == "APPROX" if r.kind == "set" else mod.applies in ("any", r.kind)):
            break
        if mod.kind == "shift":
            if shift or duration_until:
                break
            shift = int(mod.mod or 0)
        elif mod.mod:
            mods.append(mod.mod)
        q = stop = m.end()
    if r.kind == "duration" and not shift:
        m = g.pieces["every_after"].match(s, q, end)
        if m:  # 3時間ごと; a range of intervals (15〜20分ごと) is valued as a range of durations
            value = _duration_value(r.duration) + ("/" + _duration_value(duration_until) if duration_until else "")
            return Reading("set", start, m.end(), m.end(), "set.interval", value=value)
    if r.kind == "point" and stop == q:
        m = g.pieces["trail"].match(s, q, end)
        if m:
            stop = m.end()
            deadline = g.modifiers[m["w"]].mod
            if deadline and not ranged:
                mods.append(deadline)
    bound = _duration_bound(s, start, stop, end, g, shift) if r.kind == "duration" and not duration_until else None
    if bound is not None:
        mod, stop = bound
        mods.append(mod)
        kept = g.guards["bound_in_text"].search(s, max(0, start - 4), start) if not shift else None
        start = kept.start() if kept else start  # 最大20分程度: the bound word is part of the text (gold)
    counted = 0
    # N日前 after の/から counts from an event, 最大5日前まで is a look-back: durations
    if shift < 0 and bound is None and not g.guards["anchored_before"].search(s[max(0, start - 6):start]):
        counted, rule = -1, "relative.ago"
    elif shift > 0 and _years_from_now(s, start, r, g):
        counted, rule = 1, "relative.later"  # 51年後の2063年, 1年後には: a year counted from the DCT
    return Reading(r.kind, start, q, max(stop, q), rule, r.point, until, r.duration, duration_until, r.value,
                   tuple(mods), shift, r.bare_day, counted)


def _years_from_now(s: str, start: int, r: Reading, g: _Grammar) -> bool:
    """``N年後`` standing alone names a year counted from the DCT (gold writes 1年後, 51年後 as years);
    after an event it counts from (``入社3年後``, ``発売の1年後``), and in months, weeks or days
    (``約2か月後``), it stays a duration."""
    if r.kind != "duration" or len(r.duration) != 1 or r.duration[0][1] != "Y":
        return False
    glued = start > 0 and bool(regex.match(r"[\p{Han}\p{Katakana}ー]", s[start - 1]))
    return not glued and not g.guards["anchored_before"].search(s[max(0, start - 6):start])


def _duration_bound(s: str, start: int, stop: int, end: int, g: _Grammar, shift: int) -> tuple[str, int] | None:
    """A bound a duration's context puts on it, and where what was read now stops.

    最大20分程度, 最長2年, 最大で20分 (before) and 10年まで, 数週間のうちに
    (after, dropped from the text) make an upper bound (EQUAL_OR_LESS); 最低3か月 a lower one.
    まで after 前 or 後 ends a period at that point (10年ほど前まで主流だった), it bounds no duration.
    """
    before = s[max(0, start - 6):start]
    if g.guards["duration_max_before"].search(before):
        return "EQUAL_OR_LESS", stop
    if g.guards["duration_min_before"].search(before):
        return "EQUAL_OR_MORE", stop
    m = g.guards["duration_upto_after"].match(s, stop, end) if not shift else None
    return ("EQUAL_OR_LESS", m.end()) if m else None


def _later_or_part(a: Point, b: Point, b_slots: dict[str, Any]) -> bool:
    """Whether B can close a range opened by A (7月~8月, 10日~12日, 上旬から中旬)."""
    if b_slots.get("part_only"):
        return a.month is not None or a.year is not None
    if b.month is None and b.day is None and b.year is None and b.quarter is None and b.half is None and b.season is None:
        return False
    if b.day is not None and b.month is None and a.day is None:
        return False
    return True


# --------------------------------------------------------------------------- resolving


def resolve(r: Reading, dct: dt.date | None, anchor: Point | None = None, year_hint: int | None = None,
            range_start: Point | None = None, month_hint: tuple[int, int] | None = None,
            day_hint: Point | None = None) -> Timex:
    """TIMEX3 type, value, mod and interval of a reading, against the DCT.

    ``anchor`` is the resolved point of the date mentioned before (for 同日,
    翌月); ``year_hint`` a year the text makes clear for a month without one;
    ``month_hint`` the (year, month) the text makes clear for a bare day
    (6月9日・10日); ``range_start`` the resolved start of a range this
    expression ends, whose day a bare clock time takes (25日1時41分から9時14分);
    ``day_hint`` the resolved day the text makes clear for a bare clock time
    (6月13日、15時より).
    """
    if r.kind == "vague":
        return Timex("DATE", r.value or "PRESENT_REF", None, None)
    if r.kind == "set":
        return Timex("SET", r.value or "P1D", _one_mod(r.mods), None)
    if r.kind == "duration":
        return _resolve_duration(r, dct)
    point = r.point
    if range_start is not None and point is not None and point.hour is not None and not point.rel:
        r = replace(r, point=_close_clock(point, range_start))
    elif day_hint is not None and point is not None and _bare_clock(point):
        r = replace(r, point=replace(point, year=day_hint.year, month=day_hint.month, day=day_hint.day))
    if month_hint is not None and point is not None and r.bare_day and point.month is None:
        r = replace(r, point=replace(point, year=month_hint[0], month=month_hint[1]))
    return _resolve_point(r, dct, anchor, year_hint)


def _bare_clock(p: Point) -> bool:
    """A clock time that names no day and counts from nothing (15時, 午前2時)."""
    return (p.hour is not None and p.year is None and p.month is None and p.day is None and p.weekday is None
            and p.rel is None and p.anchor is None)


def _close_clock(b: Point, a: Point) -> Point:
    """The end of a range of times takes the start's day and half of the day (午後7時から9時: 21:00)."""
    if b.day is None:
        b = replace(b, year=a.year, month=a.month, day=a.day)
    if a.hour is not None and b.hour is not None and b.hour < a.hour < b.hour + 12 <= 24:
        b = replace(b, hour=b.hour + 12)
    return b


RELATIONAL = (  # the relational mods (§2), which win over the others
    "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER", "LESS_THAN", "MORE_THAN", "EQUAL_OR_LESS", "EQUAL_OR_MORE")


def _one_mod(mods: tuple[str, ...] | list[str]) -> str | None:
    """One mod wins: relational over START/MID/END over APPROX (§2)."""
    present = [m for m in mods if m]
    for group in (RELATIONAL, ("START", "MID", "END"), ("APPROX",)):
        hit = [m for m in present if m in group]
        if hit:
            return hit[-1] if group is RELATIONAL else hit[0]
    return None


# durations ------------------------------------------------------------------


def _duration_value(parts: _Parts) -> str:
    date = "".join(f"{n}{u}" for n, u in parts if u in ("Y", "M", "W", "D"))
    time = "".join(f"{n}{'M' if u == 'MIN' else u}" for n, u in parts if u in ("H", "MIN", "S"))
    return "P" + date + (("T" + time) if time else "")


def _resolve_duration(r: Reading, dct: dt.date | None) -> Timex:
    mod = _one_mod(r.mods)
    if r.counted and len(r.duration) == 1:
        if r.duration[0][0] == "X":  # 数年前, 数年後: some years ago, some years on
            return Timex("DATE", "PAST_REF" if r.counted < 0 else "FUTURE_REF", mod, None)
        back = _counted_back(r.duration[0], dct, r.counted)
        if back is not None:
            point = back
            return Timex("DATE", _format(point), mod, _interval(point, None), point)
    value = _duration_value(r.duration)
    if r.duration_until:
        value += "/" + _duration_value(r.duration_until)
    return Timex("DURATION", value, mod, None)


def _counted_back(part: tuple[str, str], dct: dt.date | None, sign: int = -1) -> Point | None:
    """1年前 -> the DCT's year - 1 (the unit's granularity; ``sign`` +1 counts on: 1年後); None for clock units."""
    amount, unit = part
    if unit not in ("Y", "M", "W", "D") or not amount.isdigit():
        return None
    n = -sign * int(amount)
    if dct is None:
        return Point()
    if unit == "Y":
        return Point(year=dct.year - n)
    if unit == "M":
        y, m = _add_months(dct.year, dct.month, -n)
        return Point(year=y, month=m)
    day = dct - dt.timedelta(days=n * (7 if unit == "W" else 1))
    if unit == "W":
        iso = day.isocalendar()
        return Point(week=(iso[0], iso[1]))
    return Point(year=day.year, month=day.month, day=day.day)


# points ---------------------------------------------------------------------


def _resolve_point(r: Reading, dct: dt.date | None, anchor: Point | None, year_hint: int | None) -> Timex:
    assert r.point is not None
    start = _past_midnight(calendar_point(r.point, dct, anchor, year_hint))
    first_last = _interval(start, start.part)
    if r.until is not None and first_last is not None:
        end_point = _past_midnight(calendar_point(_inherit(r.until, r.point), dct, anchor, start.year))
        other = _interval(end_point, end_point.part)
        if other is not None:
            first_last = (first_last[0], max(first_last[1], other[1]))
    mods = list(r.mods)
    if start.part:
        mods.append(start.part)
    kind = "TIME" if start.has_time else "DATE"
    if start.hour is not None and start.year is None and start.month is None and start.day is None:
        first_last = None
    return Timex(kind, _format(start), _one_mod(mods), first_last, start)


def _past_midnight(p: Point) -> Point:
    """A clock time past 24:00 (深夜24時50分, 6月11日25時) is that much past the midnight
    ending its day: the next day's hour, as TIMEX3 values have no hour past 24:00. 24:00
    itself is the end of its day (8月15日00:00〜24:00: one day), as ISO 8601 writes it."""
    if p.hour is None or p.hour < 24 or (p.hour == 24 and not p.minute and not p.second):
        return p
    if p.year is None or p.month is None or p.day is None:
        return replace(p, hour=p.hour - 24)
    day = dt.date(p.year, p.month, p.day) + dt.timedelta(days=1)
    return replace(p, year=day.year, month=day.month, day=day.day, hour=p.hour - 24, weekday=None)


def _inherit(b: Point, a: Point) -> Point:
    """The end of a range takes what it leaves out from its start (2012年7月~8月; the day of
    8月16日16:00~21:00)."""
    if b.part is not None and b.month is None and b.day is None and b.year is None:
        return replace(a, part=b.part)
    if b.hour is not None and b.year is None and b.month is None and b.day is None:
        return replace(a, hour=b.hour, minute=b.minute, second=b.second)
    fill: dict[str, Any] = {}
    if b.year is None and b.rel is None:
        fill.update(year=a.year, rel=a.rel, anchor=a.anchor, fy=a.fy)
        if b.month is None and b.day is not None:
            fill["month"] = a.month
    return replace(b, **fill)


def _add_months(year: int, month: int, n: int) -> tuple[int, int]:
    k = year * 12 + month - 1 + n
    return k // 12, k % 12 + 1


def _fiscal_year(day: dt.date) -> int:
    return day.year if day.month >= 4 else day.year - 1


def calendar_point(p: Point, dct: dt.date | None, anchor: Point | None = None, year_hint: int | None = None) -> Point:
    """Fill the slots a point leaves to its context: the DCT, the date before it, or a year hint."""
    if p.rel or p.anchor:
        unit, n = p.rel or p.anchor  # type: ignore[misc]
        unit = "day" if unit == "last" else unit  # 最終日: the day its anchor (a period's last day) names
        base = dct if p.rel else (_anchor_date(anchor, unit) or dct)
        return _counted(p, unit, n, base)
    if p.newyear:
        if dct is None:
            return replace(p, newyear=False)
        return replace(p, newyear=False, year=dct.year + (0 if dct.month <= 2 else 1))
    year, month = p.year, p.month
    if p.week is not None or p.decade is not None or p.century is not None:
        return p
    if p.weekday is not None and month is None and p.day is None:
        return _nearest_weekday(p, dct)
    if year is None and (month or p.day or p.quarter or p.half or p.season):
        if p.day and month is None:  # a bare day: the DCT's month, or the one next to it
            year, month = _bare_day_month(p.day, p.weekday, p.reported, dct, p.coming) if dct else (None, None)
        elif year_hint is not None and weekday_fits(year_hint, month, p):
            year = year_hint
        elif dct is not None:
            year = _nearest_year(month, p, dct)
        else:
            year = None
    return replace(p, year=year, month=month)


_REPORTED_MONTHS = 6  # how far back a bare day reported as past news may lie, when its weekday says so


def _bare_day_month(
    day: int, weekday: int | None, reported: bool, dct: dt.date, coming: bool = False
) -> tuple[int, int]:
    """The (year, month) of a day written without its month.

    The DCT's month, unless the text says otherwise: a bracketed weekday
    that only fits the month before or after (27日（水） in a 1 July
    article), a day reported as past news that is later than the DCT's day
    (ドコモは30日、 in a 1 August article), a day announced as coming that is
    earlier than it (来る16日 in a 22 April article: 16 May), or a day the DCT's month lacks.
    """
    here = (dct.year, dct.month)
    before, after = _add_months(*here, -1), _add_months(*here, 1)
    if coming and day < dct.day:
        order = [after, here]
    else:
        order = [before, here] if reported and day > dct.day else [here, before]
    # past news is never in the month after, and may be older (a digest of earlier articles:
    # 先日20日（金） two months back)
    fallback = [_add_months(*here, -k) for k in range(2, _REPORTED_MONTHS + 1)] if reported else [after]
    if weekday:
        for y, m in (*order, *fallback):
            if _weekday_of(y, m, day) == weekday:
                return y, m
    return next(((y, m) for y, m in order if _weekday_of(y, m, day)), here)


def _weekday_of(year: int, month: int, day: int) -> int | None:
    """ISO weekday of a date, None if the month has no such day."""
    try:
        return dt.date(year, month, day).isoweekday()
    except ValueError:
        return None


def _anchor_date(anchor: Point | None, unit: str) -> dt.date | None:
    if anchor is None or anchor.year is None:
        return None
    need_month = unit in ("day", "week", "month")
    if need_month and anchor.month is None or unit in ("day", "week") and anchor.day is None:
        return None
    try:
        return dt.date(anchor.year, anchor.month or 1, anchor.day or 1)
    except ValueError:
        return None


def _counted(p: Point, unit: str, n: int, base: dt.date | None) -> Point:
    clean = replace(p, rel=None, anchor=None)
    if base is None:  # no DCT: the unit's fields stay unknown (0 formats as XX)
        unknown: dict[str, dict[str, Any]] = {
            "day": {"month": 0, "day": p.day or 0}, "week": {"week": (0, 0)}, "month": {"month": 0}}
        return replace(clean, **unknown.get(unit, {}))
    if unit == "day":
        day = base + dt.timedelta(days=n)
        return replace(clean, year=day.year, month=day.month, day=p.day or day.day)
    if unit == "week":
        day = base + dt.timedelta(days=7 * n)
        hit = _day_of_week(day - dt.timedelta(days=day.isoweekday() - 1), p.day, p.weekday) if p.day else None
        if hit is not None:
            return replace(clean, year=hit.year, month=hit.month, day=hit.day, weekday=None)
        if p.weekday:
            iso = day.isocalendar()
            target = dt.date.fromisocalendar(iso[0], iso[1], p.weekday)
            return replace(clean, year=target.year, month=target.month, day=target.day, weekday=None)
        iso = day.isocalendar()
        return replace(clean, week=(iso[0], iso[1]))
    if unit == "month":
        y, m = _add_months(base.year, base.month, n)
        return replace(clean, year=y, month=m)
    if unit == "fy":
        return replace(clean, year=_fiscal_year(base) + n, fy=True)
    year = base.year + n
    if p.season == "WI" and base.month <= 2:
        year -= 1  # 今冬 in January is the winter that began last December
    return replace(clean, year=year)


def _day_of_week(monday: dt.date, day: int, weekday: int | None) -> dt.date | None:
    """The date of day-of-month ``day`` in the week starting ``monday`` (先週27日).

    With a weekday that does not fit that week, the week after or before
    where it fits (今週20日(金) written on a Sunday means the coming week).
    """
    week = [monday + dt.timedelta(days=i) for i in range(7)]
    near = week + [d + dt.timedelta(days=7) for d in week] + [d - dt.timedelta(days=7) for d in week]
    if weekday:
        fit = next((d for d in near if d.day == day and d.isoweekday() == weekday), None)
        if fit is not None:
            return fit
    return next((d for d in week if d.day == day), None)


def weekday_fits(year: int, month: int | None, p: Point) -> bool:
    """Whether a bracketed weekday, if any, fits the date in ``year`` (8月2日（木） is not 2010's)."""
    if not (p.weekday and month and p.day):
        return True
    return _weekday_of(year, month, p.day) == p.weekday


def _nearest_year(month: int | None, p: Point, dct: dt.date) -> int:
    """The DCT's year, or the next/previous one across the turn of the year.

    A month written without a year takes the DCT's year (§2), except near
    the turn of the year, where the nearer year wins (12月 or 冬 in a January
    article, 1月 in a December one) unless a bracketed weekday says otherwise.
    """
    year = dct.year
    first = month or (3 * p.quarter - 2 if p.quarter else _SEASON_MONTHS.get(p.season or ""))
    if first is not None and dct.month <= 2 and first >= 11:
        candidate = year - 1
    elif first is not None and dct.month >= 11 and first <= 2:
        candidate = year + 1
    else:
        return year
    if p.weekday and month and p.day and weekday_fits(year, month, p):
        return year
    return candidate


def _nearest_weekday(p: Point, dct: dt.date | None) -> Point:
    if dct is None or p.weekday is None:
        return p
    if p.coming:
        delta = (p.weekday - dct.isoweekday()) % 7 or 7
    else:
        delta = (p.weekday - dct.isoweekday() + 3) % 7 - 3
    day = dct + dt.timedelta(days=delta)
    return replace(p, year=day.year, month=day.month, day=day.day, weekday=None)


# formatting -----------------------------------------------------------------


def _clock(p: Point) -> str:
    if p.hour is None:
        return f"T{p.daypart}" if p.daypart else ""
    text = f"T{p.hour:02d}:{p.minute or 0:02d}"
    return text + (f":{p.second:02d}" if p.second is not None else "")


def _format(p: Point) -> str:
    """The TIMEX3 value of a resolved point; unknown parts are X."""
    y = f"{p.year:04d}" if p.year is not None else "XXXX"
    if p.decade is not None:
        date = f"{p.decade:03d}"
    elif p.century is not None:
        date = f"{p.century:02d}"
    elif p.fy or p.fy_end:
        fy_year = p.year
        if p.fy_end and p.year is not None:
            fy_year = p.year - 1 if p.fy_end == 3 else None
            if fy_year is None:
                return y
        date = f"FY{fy_year:04d}" if fy_year is not None else "FYXXXX"
        date += f"-Q{p.quarter}" if p.quarter else f"-H{p.half}" if p.half else ""
    elif p.week is not None:
        date = f"{p.week[0]:04d}-W{p.week[1]:02d}" if p.week != (0, 0) else "XXXX-WXX"
        date += "-WE" if p.week_end else ""
    elif p.weekday is not None and p.month is None and p.day is None:
        date = f"XXXX-WXX-{p.weekday}"
    elif p.quarter:
        date = f"{y}-Q{p.quarter}"
    elif p.half:
        date = f"{y}-H{p.half}"
    elif p.season:
        date = f"{y}-{p.season}"
    elif p.month is not None:
        date = f"{y}-{p.month:02d}" if p.month else f"{y}-XX"
        date += (f"-{p.day:02d}" if p.day else "-XX") if p.day is not None else ""
    elif p.day is not None:
        date = f"{y}-XX-{p.day:02d}"
    elif p.year is not None or not p.has_time:
        date = y
    else:
        date = ""
    return date + _clock(p)


# intervals ------------------------------------------------------------------

_SEASON_MONTHS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def _month_span(year: int, first_month: int, n_months: int) -> tuple[dt.date, dt.date]:
    y2, m2 = _add_months(year, first_month, n_months - 1)
    return dt.date(year, first_month, 1), dt.date(y2, m2, calendar.monthrange(y2, m2)[1])


def _interval(p: Point, part: str | None) -> tuple[str, str] | None:
    """First and last day a resolved point covers, narrowed to its START/MID/END part."""
    span = _span(p)
    if span is None:
        return None
    first, last = _narrow(*span, part)
    return first.isoformat(), last.isoformat()


def _span(p: Point) -> tuple[dt.date, dt.date] | None:
    try:
        if p.decade is not None:
            return dt.date(p.decade * 10, 1, 1), dt.date(p.decade * 10 + 9, 12, 31)
        if p.century is not None:
            return dt.date(max(1, p.century * 100), 1, 1), dt.date(p.century * 100 + 99, 12, 31)
        if p.week is not None:
            if p.week == (0, 0):
                return None
            monday = dt.date.fromisocalendar(p.week[0], p.week[1], 1)
            if p.week_end:
                return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
            return monday, monday + dt.timedelta(days=6)
        if p.year is None or p.month == 0:
            return None
        y = p.year
        if p.fy_end:
            return _month_span(*_add_months(y, p.fy_end, -11), 12)
        if p.fy:
            if p.quarter:
                return _month_span(*_add_months(y, 4 + 3 * (p.quarter - 1), 0), 3)
            if p.half:
                return _month_span(*_add_months(y, 4 + 6 * (p.half - 1), 0), 6)
            return _month_span(y, 4, 12)
        if p.month is not None and p.day is not None:
            d = dt.date(y, p.month, p.day)
            return d, d
        if p.month is not None:
            return _month_span(y, p.month, 1)
        if p.day is not None:
            return None
        if p.quarter:
            return _month_span(y, 3 * p.quarter - 2, 3)
        if p.half:
            return _month_span(y, 6 * p.half - 5, 6)
        if p.season:
            return _month_span(y, _SEASON_MONTHS[p.season], 3)
        return _month_span(y, 1, 12)
    except ValueError:
        return None


def _narrow(first: dt.date, last: dt.date, part: str | None) -> tuple[dt.date, dt.date]:
    """START/MID/END of a period: 上旬 1-10, 中旬 11-20, 下旬 21-end of a month; thirds by month of longer ones."""
    if part not in ("START", "MID", "END"):
        return first, last
    index = ("START", "MID", "END").index(part)
    if (first.year, first.month) == (last.year, last.month) and first.day == 1 and last.day >= 28:
        return first.replace(day=(1, 11, 21)[index]), first.replace(day=(10, 20, last.day)[index])
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    if months >= 3:
        size = months // 3
        offset = (0, (months - size) // 2, months - size)[index]
        return _month_span(*_add_months(first.year, first.month, offset), size)
    days = (last - first).days + 1
    size = max(1, days // 3)
    offset = (0, (days - size) // 2, days - size)[index]
    begin = first + dt.timedelta(days=offset)
    return begin, begin + dt.timedelta(days=size - 1)


# --------------------------------------------------------------------------- the whole step


def normalise(expression: str, dct: dt.date | None = None, anchor: Point | None = None) -> Timex | None:
    """Normalise one temporal expression (``"2007年の第2四半期末まで"``); None if it reads as none.

    A trailing particle that the guidelines drop from the text (まで) may be
    included: it still gives its mod.
    """
    s = fold(expression)
    r = read(s, 0)
    if r is None:
        return None
    return resolve(r, dct, anchor)


_DATE = r"(?:\d{4}|XXXX)(?:-(?:\d{2}|XX)(?:-(?:\d{2}|XX))?|-Q[1-4]|-H[12]|-(?:SP|SU|FA|WI)|-W(?:\d{2}|XX)(?:-(?:[1-7]|WE))?)?"
_DATE = rf"(?:{_DATE}|FY(?:\d{{4}}|XXXX)(?:-Q[1-4]|-H[12])?|\d{{2,3}}|XXXX-WXX-[1-7])"
_TIME = r"T(?:(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d)?|24:00(?::00)?|MO|MI|AF|EV|NI|DT)"
_NUM = r"(?:\d+(?:\.\d+)?|X)"
_DUR = rf"P(?:(?:{_NUM}[YMWD])+(?:T(?:{_NUM}[HMS])+)?|T(?:{_NUM}[HMS])+)"
_VALUE = regex.compile(rf"(?:{_DATE}(?:{_TIME})?|{_TIME}|{_DUR}(?:/{_DUR})?|PRESENT_REF|PAST_REF|FUTURE_REF)")


def is_valid_value(value: str) -> bool:
    """Whether ``value`` is in the TIMEX3 value grammar this project writes (dates, times, durations, refs)."""
    return bool(_VALUE.fullmatch(value))
