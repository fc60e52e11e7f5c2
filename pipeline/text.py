"""Character-level helpers shared by the extractors: sentences inside content zones, and the
word lists their rule files share (``data/words.yaml``, written into patterns by ``with_words``).

Extractors work on the original text and the content zones of its layout, so
every offset they produce indexes the original text. Sentences end at
``。！？!?`` (with closing brackets that follow; not inside an aside in round
brackets) and at line breaks: a news headline, a bullet or a table row is a unit
of its own.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Iterator, Mapping, Sequence

import regex
import yaml

WORDS = Path(__file__).parent / "data" / "words.yaml"

# An aside in round brackets is part of its sentence even when it holds a full stop
# (「X」(型番はKYY04。以下、UP)を発売すると発表した), and so is the ! of a name glued to
# what follows (Yahoo!ファイナンス, BookLive!アプリがバージョンアップ) or to the next
# word of its name by one space (Yahoo! JAPAN).
_SENTENCE = regex.compile(
    r"(?:[^\r\n。！？!?（(]++|[（(][^\r\n（()）]{0,60}[)）]|[（(]|(?<=\p{Latin})[!！](?=[\p{Latin}\p{N}\p{Katakana}\p{Han}])|(?<=\p{Latin})! (?=\p{Lu}))*+"
    r"(?:[。！？!?]+[」』）)\]】]*|(?=[\r\n])|$)"
)


def sentences(text: str, zones: Sequence[tuple[int, int]] | None = None) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` of each sentence inside ``zones``, stripped of white space."""
    for zstart, zend in zones if zones is not None else ((0, len(text)),):
        for m in _SENTENCE.finditer(text, zstart, zend):
            start, end = m.span()
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start:
                yield start, end


@lru_cache(maxsize=2)
def zone_sentences(text: str, zones: tuple[tuple[int, int], ...]) -> tuple[tuple[int, int], ...]:
    """``sentences(text, zones)``, kept for the last texts: the features and events
    components split the same content zones of each document."""
    return tuple(sentences(text, zones))


def clamp_zones(zones: Sequence[tuple[int, int]] | None, length: int) -> list[tuple[int, int]]:
    """Zones sorted and clipped to a text of ``length`` characters (all of it when ``None``); a
    zone left empty, such as one wholly outside the text, is dropped, so no offset is ever read
    from the text's end."""
    clipped = ((max(0, int(s)), min(length, int(e))) for s, e in sorted(zones if zones is not None else [(0, length)]))
    return [(s, e) for s, e in clipped if s < e]


def in_zones(start: int, end: int, zones: Sequence[tuple[int, int]]) -> bool:
    """Whether ``[start, end)`` lies wholly inside one zone."""
    return any(zs <= start and end <= ze for zs, ze in zones)


@lru_cache(maxsize=1)
def shared_words() -> dict[str, str]:
    """The word lists several stages' rule files share (``data/words.yaml``), as alternations."""
    return dict(yaml.safe_load(WORDS.read_text(encoding="utf-8")))


def with_words(pattern: str, words: Mapping[str, str] | None = None) -> str:
    """``pattern`` with each ``{name}`` of ``words`` (the shared lists by default) spelled out."""
    for name, alternatives in (shared_words() if words is None else words).items():
        pattern = pattern.replace("{" + name + "}", alternatives)
    return pattern
