"""Corpus reader: find input files, decode them, and recognise each article's layout.

An article's *layout* is what the extractors need before they look at a word:
its format, its document creation time (DCT), its title, and the boilerplate
zones they must skip (annotation-guidelines §0). Layout is computed from the
decoded text alone, so ``nlp(text)`` on a pasted article finds the same layout
as a batch run over files. Every position is a character offset into that
decoded text, never into a cleaned copy.
"""
from __future__ import annotations

import codecs
import datetime as dt
import fnmatch
import glob
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Iterator, NamedTuple, Sequence

import regex
import yaml

DATA_DIR = Path(__file__).parent / "data"
SKIPPED_NAMES = ("LICENSE*", "README*", "CHANGES*")
FALLBACK_ENCODINGS = ("cp932", "euc_jp")


class CorpusError(ValueError):
    """An input that cannot be read as an article; the message names the file."""


@dataclass(frozen=True, slots=True)
class Zone:
    """A labelled character range ``[start, end)`` of the text."""

    start: int
    end: int
    label: str


@dataclass(frozen=True, slots=True)
class Layout:
    """Where things are in one article's text."""

    format: str
    dct: dt.date | None
    title: Zone | None
    boilerplate: tuple[Zone, ...]
    content: tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class Article:
    """One decoded input file and its layout."""

    doc_id: str
    path: str
    text: str
    encoding: str
    layout: Layout = field(repr=False)


# --------------------------------------------------------------------------- rules


@dataclass(frozen=True, slots=True)
class _Rules:
    url_line: regex.Pattern[str]
    iso_date_line: regex.Pattern[str]
    published_line: regex.Pattern[str]
    byline_max_chars: int
    block_starts: tuple[tuple[str, regex.Pattern[str], int], ...]
    tail_starts: tuple[tuple[str, regex.Pattern[str], bool], ...]  # label, pattern, must open its paragraph
    paragraph_lines: tuple[tuple[str, regex.Pattern[str], int], ...]
    any_start: _AnyOf  # matches a line wherever one of the three lists above does
    link_line: _AnyOf
    link_run_keep: regex.Pattern[str]
    section_prose: regex.Pattern[str]
    trailing_label: str
    trailing_first_line: regex.Pattern[str]
    trailing_heading: regex.Pattern[str]
    trailing_min_headings: int
    trailing_sentence: regex.Pattern[str]
    trailing_field: regex.Pattern[str]
    trailing_prize: regex.Pattern[str]
    trailing_keep: regex.Pattern[str]
    single_line: regex.Pattern[str]


@dataclass(frozen=True, slots=True)
class _AnyOf:
    """Patterns tried together: a line matching none (most lines) is rejected in a search or two
    instead of one per rule.

    The ``^``-anchored patterns are combined apart from the others: in one
    alternation with a pattern that is not anchored, they would be tried at
    every position of the line (the layout rules over half the corpus: 0.38 s
    in one alternation, 0.14 s in two).
    """

    patterns: tuple[regex.Pattern[str], ...]

    @classmethod
    def of(cls, patterns: Iterable[str]) -> _AnyOf:
        patterns = list(patterns)
        groups = ([p for p in patterns if p.startswith("^")], [p for p in patterns if not p.startswith("^")])
        return cls(tuple(regex.compile("|".join(f"(?:{p})" for p in group)) for group in groups if group))

    def found_in(self, text: str) -> bool:
        return any(p.search(text) is not None for p in self.patterns)


@lru_cache(maxsize=None)
def _rules(path: Path = DATA_DIR / "layout.yaml") -> _Rules:
    """Load the layout rules once per process."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    fmt = data["formats"]
    return _Rules(
        url_line=regex.compile(fmt["livedoor"]["url_line"]),
        iso_date_line=regex.compile(fmt["livedoor"]["date_line"]),
        published_line=regex.compile(fmt["published_line"]["date_line"]),
        byline_max_chars=int(fmt["published_line"]["byline_max_chars"]),
        block_starts=tuple(
            (r["label"], regex.compile(r["pattern"]), int(r.get("span_blank_lines", 0)))
            for r in data["block_starts"]
        ),
        tail_starts=tuple(
            (r["label"], regex.compile(r["pattern"]), bool(r.get("opens_paragraph"))) for r in data["tail_starts"]
        ),
        paragraph_lines=tuple(
            (r["label"], regex.compile(r["pattern"]), int(r["lines_above"])) for r in data["paragraph_lines"]
        ),
        any_start=_AnyOf.of(
            r["pattern"] for r in (*data["tail_starts"], *data["block_starts"], *data["paragraph_lines"])
        ),
        link_line=_AnyOf.of(data["link_lines"]),
        link_run_keep=regex.compile(data["link_run_keep"]),
        section_prose=regex.compile(data["section_prose"]),
        trailing_label=data["trailing"]["label"],
        trailing_first_line=regex.compile(data["trailing"]["first_line"]),
        trailing_heading=regex.compile(data["trailing"]["heading"]),
        trailing_min_headings=int(data["trailing"]["min_headings"]),
        trailing_sentence=regex.compile(data["trailing"]["sentence"]),
        trailing_field=regex.compile(data["trailing"]["field"]),
        trailing_prize=regex.compile(data["trailing"]["prize"]),
        trailing_keep=regex.compile(data["trailing"]["keep"]),
        single_line=regex.compile(data["trailing"]["single_line"]),
    )


# --------------------------------------------------------------------------- layout


class _Line(NamedTuple):
    """One line of the text: a named tuple, built faster than a frozen dataclass (one per line of every article)."""

    start: int
    end: int  # end of the line's text, before its line break
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()


def split_lines(text: str) -> list[_Line]:
    """Lines with their offsets; ``\\r\\n``, ``\\r`` and ``\\n`` all end a line (a text without ``\\r``,
    most of them, is cut by ``str.split``)."""
    if "\r" not in text:
        lines, start = [], 0
        for body in text.split("\n"):
            lines.append(_Line(start, start + len(body), body))
            start += len(body) + 1
        return lines[:-1] if len(lines) > 1 and not lines[-1].text else lines
    lines = []
    for m in regex.finditer(r"[^\r\n]*(?:\r\n|\r|\n|$)", text):
        if m.start() == len(text) and m.start() > 0:
            break
        body = m.group().rstrip("\r\n")
        lines.append(_Line(m.start(), m.start() + len(body), body))
    return lines


def _date(match: regex.Match[str]) -> dt.date | None:
    try:
        return dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError:
        return None


def _first_content_line(lines: Sequence[_Line], start: int) -> int | None:
    return next((i for i in range(start, len(lines)) if not lines[i].blank), None)


def _header(lines: Sequence[_Line], rules: _Rules) -> tuple[str, dt.date | None, list[Zone], int | None]:
    """Recognise the format; return it, the DCT, header zones and the title line index."""
    if len(lines) >= 2 and rules.url_line.match(lines[0].text):
        m = rules.iso_date_line.match(lines[1].text)
        if m:
            zones = [Zone(lines[0].start, lines[1].end, "header")]
            return "livedoor", _date(m), zones, _first_content_line(lines, 2)
    for i, line in enumerate(lines[:40]):
        m = rules.published_line.match(line.text)
        if m:
            end = i
            while (
                end + 1 < len(lines)
                and not lines[end + 1].blank
                and len(lines[end + 1].text.strip()) <= rules.byline_max_chars
                and "。" not in lines[end + 1].text
            ):
                end += 1
            zones = [Zone(line.start, line.end, "header")]
            if end > i:
                zones.append(Zone(lines[i + 1].start, lines[end].end, "byline"))
            return "published_line", _date(m), zones, _first_content_line(lines, 0)
    return "plain", None, [], _first_content_line(lines, 0)


def _block_end(lines: Sequence[_Line], i: int, blank_lines_inside: int) -> int:
    """Index of the last line of a block starting at line ``i``."""
    j, allowed = i, blank_lines_inside
    while j + 1 < len(lines):
        if lines[j + 1].blank:
            if allowed and _first_content_line(lines, j + 1) is not None and j == i:
                allowed -= 1
                j = _first_content_line(lines, j + 1)  # type: ignore[assignment]
                continue
            break
        j += 1
    return j


def _paragraph(lines: Sequence[_Line], i: int) -> tuple[int, int]:
    first, last = i, i
    while first > 0 and not lines[first - 1].blank:
        first -= 1
    while last + 1 < len(lines) and not lines[last + 1].blank:
        last += 1
    return first, last


def _first_rule(rules: Sequence[tuple[Any, ...]], text: str) -> tuple[Any, ...] | None:
    """The first ``(label, pattern, …)`` rule whose pattern is found in ``text``: list order decides."""
    return next((rule for rule in rules if rule[1].search(text)), None)


def _body_zones(lines: Sequence[_Line], body_start: int, rules: _Rules) -> list[Zone]:
    """Boilerplate recognised line by line: tails, blocks, ad paragraphs and single link lines."""
    zones: list[Zone] = []
    i, linked_to = body_start, -1  # last line of the paragraph whose link run is already zoned
    while i < len(lines):
        line = lines[i]
        ruled = rules.any_start.found_in(line.text)
        tail = _first_rule(rules.tail_starts, line.text) if ruled else None
        if tail and (not tail[2] or i == 0 or lines[i - 1].blank):
            zones.append(Zone(line.start, lines[-1].end, tail[0]))
            break
        if block := (_first_rule(rules.block_starts, line.text) if ruled else None):
            last = _block_end(lines, i, block[2])
            zones.append(Zone(line.start, lines[last].end, block[0]))
            i = last + 1
            continue
        if para := (_first_rule(rules.paragraph_lines, line.text) if ruled else None):
            first, last = _paragraph(lines, i)
            first = max(first, i - para[2])  # a prose line run on above the block stays content
            zones.append(Zone(lines[first].start, lines[last].end, para[0]))
            i = last + 1
            continue
        if i > linked_to and rules.link_line.found_in(line.text) and not _heads_prose(lines, i, rules):
            first, linked_to = _paragraph(lines, i)
            zones.extend(_link_run(lines[first : linked_to + 1], line, rules))
        i += 1
    return zones


def _heads_prose(lines: Sequence[_Line], i: int, rules: _Rules) -> bool:
    """Whether line ``i`` opens its paragraph and prose follows it on the next line: a section
    heading (a round-up's ``■…【イケショップのレア物】`` over its summary), not a link."""
    opens = i == 0 or lines[i - 1].blank
    return opens and i + 1 < len(lines) and bool(rules.section_prose.search(lines[i + 1].text))


def _link_run(paragraph: Sequence[_Line], link: _Line, rules: _Rules) -> list[Zone]:
    """A paragraph's link lines and its lines with the first link's bullet that are no sentence.

    A list of related articles mixes titles that show they are links (a
    column tag) with titles that do not; the shared bullet ties them.
    """
    bullet = link.text.lstrip()[:1]
    return [
        Zone(line.start, line.end, "links")
        for line in paragraph
        if (line.text.lstrip().startswith(bullet) and not rules.link_run_keep.search(line.text))
        or rules.link_line.found_in(line.text)
    ]


def _paragraphs(lines: Sequence[_Line], start: int) -> list[tuple[int, int]]:
    """(first, last) line indices of the blank-line separated paragraphs from ``start``."""
    out, i = [], start
    while (i := _first_content_line(lines, i)) is not None:  # type: ignore[assignment]
        first, last = _paragraph(lines, i)
        out.append((first, last))
        i = last + 1
    return out


def _trailing_zones(lines: Sequence[_Line], body_start: int, zones: Sequence[Zone], rules: _Rules) -> list[Zone]:
    """Link, ad and credit paragraphs at the end of the body, swept backwards to the last prose."""
    found: list[Zone] = []
    paragraphs = _paragraphs(lines, body_start)
    for k in reversed(range(len(paragraphs))):
        first, last = paragraphs[k]
        start, end = lines[first].start, lines[last].end
        if any(z.start <= start and end <= z.end for z in zones):
            continue
        texts = [line.text for line in lines[first : last + 1]]
        if rules.trailing_keep.match(texts[0]) or (k and _kept_heading(lines, paragraphs[k - 1], rules)):
            break
        prize = any(rules.trailing_prize.search(t) for t in texts)
        fields = prize or any(rules.trailing_field.search(t) for t in texts)
        listy = rules.trailing_first_line.match(texts[0]) and not fields
        listy = listy and not any(rules.trailing_sentence.search(t) for t in texts)
        single = len(texts) == 1 and not prize and rules.single_line.match(texts[0].strip())
        headings = sum(1 for t in texts if rules.trailing_heading.match(t))
        linky = not fields and headings >= rules.trailing_min_headings and 2 * headings > len(texts)
        if not (listy or single or linky):
            break
        found.append(Zone(start, end, rules.trailing_label))
    return found


def _kept_heading(lines: Sequence[_Line], paragraph: tuple[int, int], rules: _Rules) -> bool:
    """Whether a paragraph is a lone heading naming features or specifications
    (``■ZoomITのおもな機能``, a blank line, then its bullets): the bullets under it are content."""
    first, last = paragraph
    heading = lines[first].text
    return first == last and "。" not in heading and rules.trailing_keep.match(heading) is not None


def _merge(zones: Iterable[Zone]) -> tuple[Zone, ...]:
    """Sort zones and drop any wholly inside an earlier one."""
    out: list[Zone] = []
    for z in sorted(zones, key=lambda z: (z.start, -z.end)):
        if out and z.end <= out[-1].end:
            continue
        out.append(z)
    return tuple(out)


def _complement(text: str, zones: Sequence[Zone]) -> tuple[tuple[int, int], ...]:
    content, pos = [], 0
    for z in zones:
        if z.start > pos:
            content.append((pos, z.start))
        pos = max(pos, z.end)
    if pos < len(text):
        content.append((pos, len(text)))
    return tuple((s, e) for s, e in content if text[s:e].strip())


@lru_cache(maxsize=2)
def analyse(text: str) -> Layout:
    """Recognise format, DCT, title and boilerplate zones of an article's text.

    Cached for the last texts: the reader analyses an article for its DCT and
    the ``article`` component analyses the same string object again.
    """
    rules = _rules()
    lines = split_lines(text)
    fmt, dct, zones, title_idx = _header(lines, rules)
    title = None
    body_start = len(lines)
    if title_idx is not None:
        t = lines[title_idx]
        lead = len(t.text) - len(t.text.lstrip())
        title = Zone(t.start + lead, t.start + len(t.text.rstrip()), "title")
        body_start = title_idx + 1
    zones = zones + _body_zones(lines, body_start, rules)
    zones = _merge(zones + _trailing_zones(lines, body_start, zones, rules))
    return Layout(fmt, dct, title, zones, _complement(text, zones))


# --------------------------------------------------------------------------- files


@dataclass(frozen=True, slots=True)
class Limits:
    """What one input may be before it is refused with a per-document error.

    Neither limit is needed for correctness (MeCab is fed bounded pieces and
    every rule is linear); they bound the time and memory one document may
    take in a batch run (a 5 MB article, 1.9 M characters: about 14 s, 555 MB).
    """

    max_bytes: int = 10_000_000  # the file's size on disk
    max_line_chars: int = 1_000_000  # one line of the decoded text


# Characters that do not occur in text: C0/C1 controls other than white space,
# private use, unassigned, and U+FFFD. Their share tells binary data from an
# article, and a wrong legacy decoding from the right one.
_ODD = regex.compile(r"[^\P{Cc}\t\n\r\f\v]|[\p{Co}\p{Cn}\uFFFD]")
# Half-width katakana: what CP932 makes of EUC-JP's two-byte characters.
_HALFWIDTH_KANA = regex.compile(r"[\uFF61-\uFF9F]")
_MAX_ODD_SHARE = 0.01
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def _oddness(text: str) -> float:
    """Share of characters a decoded article should not contain (most contain none: one search tells)."""
    return len(_ODD.findall(text)) / len(text) if text and _ODD.search(text) else 0.0


def _rank(decoding: tuple[str, str]) -> tuple[float, int]:
    """Order of preference among decodings: fewer odd characters, then fewer half-width kana."""
    text = decoding[0]
    return _oddness(text), len(_HALFWIDTH_KANA.findall(text))


def _bomless_utf16(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without a BOM, recognised by the NUL high byte of its ASCII characters.

    Those NULs fall on odd offsets in little-endian and on even offsets in
    big-endian; the order whose offsets hold most of them, if it decodes to
    plausible text, wins.
    """
    if len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    if max(even, odd) < max(2, len(data) // 100) or min(even, odd) * 4 > max(even, odd):
        return None
    name = "utf-16-le" if odd > even else "utf-16-be"
    try:
        text = data.decode(name)
    except UnicodeDecodeError:
        return None
    return (text, name) if _oddness(text) <= _MAX_ODD_SHARE else None


def _candidates(data: bytes) -> Iterator[tuple[str, str]]:
    """Every decoding worth considering, most trusted first."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                yield data.decode(name), name
            except UnicodeDecodeError as e:
                raise CorpusError(f"not valid {name} after its BOM: {e.reason} at byte {e.start}") from None
            return
    utf16 = _bomless_utf16(data)
    if utf16:
        yield utf16
        return
    for name in ("utf-8", *FALLBACK_ENCODINGS):
        try:
            yield data.decode(name), name
        except UnicodeDecodeError:
            continue
        if name == "utf-8":  # valid UTF-8 is never an accident in Japanese text
            return


def decode(data: bytes, path: str = "<bytes>") -> tuple[str, str]:
    """Decode an article's bytes; return (text, encoding name).

    A BOM decides, then BOM-less UTF-16 (recognised by where its NULs fall),
    then strict UTF-8; otherwise CP932 and EUC-JP are both tried and the one
    with fewer characters that text does not contain wins (the two accept
    many of each other's byte sequences). Empty, binary or undecodable input
    raises CorpusError naming ``path``.
    """
    try:
        found = list(_candidates(data))
    except CorpusError as e:
        raise CorpusError(f"{path}: {e}") from None
    if not found:
        raise CorpusError(f"{path}: not text: no decoding as UTF-8, UTF-16, CP932 or EUC-JP")
    (odd, _), (text, name) = min(((_rank(c), c) for c in found), key=lambda ranked: ranked[0])
    if not text.strip():
        raise CorpusError(f"{path}: empty file")
    if odd > _MAX_ODD_SHARE:
        raise CorpusError(f"{path}: not text: as {name}, {odd:.0%} of it is control or unassigned characters")
    return text, name


def _check_lines(text: str, path: str, max_chars: int) -> None:
    if len(text) <= max_chars:
        return
    for number, line in enumerate(text.splitlines(), 1):
        if len(line) > max_chars:
            raise CorpusError(
                f"{path}:{number}: line of {len(line):,} characters, over the limit of {max_chars:,} (--max-line-chars)"
            )


def read_article(
    path: str | Path, doc_id: str | None = None, date: dt.date | None = None, limits: Limits = Limits()
) -> Article:
    """Read and decode one file; ``date`` is the DCT for articles that state none."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > limits.max_bytes:
            raise CorpusError(f"{p}: {size:,} bytes, over the limit of {limits.max_bytes:,} (--max-bytes)")
        data = p.read_bytes()
    except OSError as e:
        raise CorpusError(f"{p}: {e.strerror or e}") from e
    text, encoding = decode(data, str(p))
    _check_lines(text, str(p), limits.max_line_chars)
    layout = analyse(text)
    if layout.dct is None and date is not None:
        layout = Layout(layout.format, date, layout.title, layout.boilerplate, layout.content)
    return Article(doc_id or p.stem, str(p), text, encoding, layout)


def _skipped(path: Path, root: Path) -> bool:
    rel = path.relative_to(root)
    return any(part == "gold" for part in rel.parts[:-1]) or any(
        fnmatch.fnmatch(path.name, pat) for pat in SKIPPED_NAMES
    )


def iter_paths(inputs: Iterable[str | Path], pattern: str = "*.txt") -> Iterator[Path]:
    """Input files from files, directories (recursive, sorted) and glob patterns."""
    for item in inputs:
        p = Path(item)
        if p.is_dir():
            yield from (f for f in sorted(p.rglob(pattern)) if f.is_file() and not _skipped(f, p))
        elif p.exists():
            yield p
        else:
            matches = sorted(glob.glob(str(item), recursive=True))
            if not matches:
                raise CorpusError(f"{item}: no such file, directory or matching glob")
            yield from (Path(m) for m in matches if Path(m).is_file())


def doc_ids(paths: Sequence[Path], prefix_parent: bool = False) -> list[str]:
    """The doc_id of each path: its stem (gold files are keyed by it), unique.

    Two inputs with the same stem are an error naming both, unless
    ``prefix_parent`` asks for ``parent__stem`` ids instead.
    """
    ids = [f"{p.parent.name}__{p.stem}" if prefix_parent else p.stem for p in paths]
    seen: dict[str, Path] = {}
    for doc_id, p in zip(ids, paths):
        if doc_id in seen:
            raise CorpusError(
                f"duplicate doc_id {doc_id!r}: {seen[doc_id]} and {p} "
                "(rename one, or use --prefix-parent)"
            )
        seen[doc_id] = p
    return ids
