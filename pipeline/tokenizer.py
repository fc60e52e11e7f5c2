"""A spaCy tokenizer wrapping fugashi (MeCab) with the unidic-lite dictionary.

Three properties matter downstream and drive the design:

* ``Doc.text`` equals the input exactly. MeCab silently drops ASCII spaces
  and knows nothing of line breaks, so the text is cut into lines and
  white-space runs here, and each MeCab token is aligned back onto the text.
  Line breaks and white-space runs become tokens of their own (POS ``SPACE``),
  which keeps bullets and headings visible as line starts.
* Bounded work per MeCab call. A single call on a ~900,000-character string
  crashes the process and MeCab's memory grows with the size of one call, so
  MeCab is fed one line at a time and long lines in pieces of at most
  ``max_piece`` characters, cut after sentence punctuation where possible.
  NUL, which ends a C string, becomes a token of its own instead of
  reaching MeCab. A lone surrogate cannot be stored by spaCy at all and is
  rejected with the offset where it stands.
* Picklable. fugashi's ``Tagger`` is not, so it is rebuilt on unpickling;
  ``nlp.pipe(n_process=2)`` needs this.

Every token carries UniDic's lemma, the UniDic POS tag (``名詞-普通名詞-一般``),
a Universal POS from spaCy's own UniDic tag map, and the reading in
``token.morph`` (``Reading=ハツバイ``), as spaCy's Japanese tokenizer does.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable, Iterable

import fugashi
import regex
from spacy.lang.ja.tag_map import TAG_MAP
from spacy.language import Language
from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.symbols import POS
from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

DEFAULT_MAX_PIECE = 4096
_UNIDIC_SPACE = "空白"

# A line's text, a line break, or characters MeCab must never see.
_SEGMENT = regex.compile(r"(?P<line>[^\r\n\x00]+)|(?P<brk>(?:\r\n|[\r\n])+)|(?P<raw>\x00+)")
_SURROGATE = regex.compile(r"\p{Cs}")
_WS = regex.compile(r"\s+")
# Preferred cut points inside an over-long line: after sentence punctuation or white space.
_CUT = regex.compile(r"[。．！？!?\s]")
_UPOS = {tag: POS_NAMES[attrs[POS]] for tag, attrs in TAG_MAP.items() if POS in attrs}


def _pieces(line: str, max_piece: int) -> Iterable[tuple[int, str]]:
    """Split a line into ``(offset, piece)`` of at most ``max_piece`` characters."""
    start = 0
    while len(line) - start > max_piece:
        window = line[start : start + max_piece]
        cuts = [m.end() for m in _CUT.finditer(window)]
        end = start + (cuts[-1] if cuts and cuts[-1] > max_piece // 2 else max_piece)
        yield start, line[start:end]
        start = end
    if start < len(line):
        yield start, line[start:]


class _Builder:
    """Accumulates the parallel token arrays that ``Doc`` is built from."""

    __slots__ = ("words", "spaces", "tags", "pos", "lemmas", "morphs")

    def __init__(self) -> None:
        self.words: list[str] = []
        self.spaces: list[bool] = []
        self.tags: list[str] = []
        self.pos: list[str] = []
        self.lemmas: list[str] = []
        self.morphs: list[str] = []

    def add(self, word: str, tag: str, pos: str, lemma: str, morph: str = "") -> None:
        self.words.append(word)
        self.spaces.append(False)
        self.tags.append(tag)
        self.pos.append(pos)
        self.lemmas.append(lemma)
        self.morphs.append(morph)

    def add_space(self, ws: str) -> None:
        """A single ASCII space after a word is the word's trailing space; anything else is a token."""
        if ws == " " and self.words and not self.spaces[-1] and not self.words[-1].isspace():
            self.spaces[-1] = True
        else:
            self.add(ws, _UNIDIC_SPACE, "SPACE", ws)


class FugashiTokenizer:
    """Tokenize with MeCab/UniDic into a Doc whose text is the input, unchanged."""

    def __init__(self, vocab: Vocab, max_piece: int = DEFAULT_MAX_PIECE) -> None:
        if max_piece < 16:
            raise ValueError(f"max_piece must be at least 16, got {max_piece}")
        self.vocab = vocab
        self.max_piece = max_piece
        self._tagger = fugashi.Tagger()
        self._pos_cache: dict[str, tuple[str, str]] = {}

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.vocab, self.max_piece))

    def __call__(self, text: str) -> Doc:
        bad = _SURROGATE.search(text)
        if bad:
            raise ValueError(f"text has a lone surrogate at offset {bad.start()}: not valid Unicode text")
        out = _Builder()
        for m in _SEGMENT.finditer(text):
            if m["line"] is not None:
                for offset, piece in _pieces(m["line"], self.max_piece):
                    self._tag_piece(piece, out)
            else:
                out.add(m.group(), _UNIDIC_SPACE if m["brk"] else "", "SPACE" if m["brk"] else "X", m.group())
        return Doc(
            self.vocab,
            words=out.words,
            spaces=out.spaces,
            tags=out.tags,
            pos=out.pos,
            lemmas=out.lemmas,
            morphs=out.morphs,
        )

    def _tag_info(self, pos_field: str) -> tuple[str, str]:
        """UniDic POS tag and Universal POS for MeCab's ``pos`` field, cached."""
        info = self._pos_cache.get(pos_field)
        if info is None:
            tag = "-".join(p for p in pos_field.split(",") if p != "*")
            info = (tag, _UPOS.get(tag, "X"))
            self._pos_cache[pos_field] = info
        return info

    def _tag_piece(self, piece: str, out: _Builder) -> None:
        """Run MeCab on one piece and align its tokens onto the piece's characters."""
        pos = 0
        for w in self._tagger(piece):
            surface = w.surface
            ws = w.white_space
            if ws and piece.startswith(ws, pos):
                out.add_space(ws)
                pos += len(ws)
            if not piece.startswith(surface, pos):
                break  # MeCab disagreed with the text; the remainder is handled below
            tag, upos = self._tag_info(w.pos)
            feature = w.feature
            lemma = feature.lemma or surface
            reading = feature.kana
            morph = f"Reading={reading}" if reading and _WS.search(reading) is None and "|" not in reading and "=" not in reading else ""
            out.add(surface, tag, "SPACE" if upos == "SPACE" else upos, lemma, morph)
            pos += len(surface)
        if pos < len(piece):
            self._rest(piece[pos:], out)

    @staticmethod
    def _rest(rest: str, out: _Builder) -> None:
        """Trailing white space of a piece, or text MeCab could not be aligned on."""
        for m in regex.finditer(r"\s+|\S+", rest):
            if m.group().isspace():
                out.add_space(m.group())
            else:
                out.add(m.group(), "", "X", m.group())

    # spaCy serialisation: the tokenizer's only state is its settings.
    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return json.dumps({"max_piece": self.max_piece}).encode("utf-8")

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> "FugashiTokenizer":
        self.max_piece = int(json.loads(data.decode("utf-8"))["max_piece"])
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        Path(path).write_bytes(self.to_bytes())

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "FugashiTokenizer":
        return self.from_bytes(Path(path).read_bytes())


@registry.tokenizers("pipeline.FugashiTokenizer.v1")
def create_tokenizer(max_piece: int = DEFAULT_MAX_PIECE) -> Callable[[Language], FugashiTokenizer]:
    """spaCy registry entry: ``[nlp.tokenizer] @tokenizers = "pipeline.FugashiTokenizer.v1"``."""

    def make(nlp: Language) -> FugashiTokenizer:
        return FugashiTokenizer(nlp.vocab, max_piece)

    return make
