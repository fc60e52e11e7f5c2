"""A spaCy tokenizer wrapping fugashi (MeCab) with the unidic-lite dictionary.

Three properties matter downstream and drive the design:

* ``Doc.text`` equals the input exactly. MeCab silently drops ASCII spaces
  and knows nothing of line breaks, so the text is cut into lines and
  white-space runs here, and each MeCab token is aligned back onto the text.
  Line breaks and white-space runs become tokens of their own (POS ``SPACE``),
  which keeps bullets and headings visible as line starts.
* Bounded work per MeCab call. A single call on a ~900,000-character string
  crashes the process, and MeCab keeps the lattice of its longest call for
  the life of the tagger (about 1.7 kB per character: 6.8 MB for 4,096
  characters, 1.7 MB for 1,024), so a worker's memory would step up with the
  longest line it has met so far. MeCab is therefore fed one line at a time and long lines in pieces of at most
  ``max_piece`` characters, cut after sentence punctuation where possible.
  NUL, which ends a C string, becomes a token of its own instead of
  reaching MeCab. A lone surrogate cannot be stored by spaCy at all and is
  rejected with the offset where it stands.
* ``Doc.text`` is never rebuilt. spaCy joins every token's text on each
  access to ``Doc.text`` (seconds for a long article), so the tokenizer
  keeps the input in ``doc.user_data`` and ``original_text(doc)`` returns it.
* Picklable. fugashi's ``Tagger`` is not, so it is rebuilt on unpickling;
  ``nlp.pipe(n_process=2)`` needs this.

Every token carries UniDic's lemma, the UniDic POS tag (``名詞-普通名詞-一般``),
a Universal POS from spaCy's own UniDic tag map, and the reading in
``token.morph`` (``Reading=ハツバイ``), as spaCy's Japanese tokenizer does.
spaCy keeps every distinct morph for the life of the vocabulary (about 500
bytes each, tens of thousands over a large corpus), so ``readings=False``
leaves them out where nothing reads them: batch workers, whose outputs never
hold a token's morph.
"""
from __future__ import annotations

import csv
import json
import struct
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

import fugashi
import numpy
import regex
from spacy.lang.ja.tag_map import TAG_MAP
from spacy.language import Language
from spacy.attrs import LEMMA, MORPH, TAG
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.symbols import POS
from spacy.tokens import Doc
from spacy.util import registry
from spacy.strings import StringStore
from spacy.vocab import Vocab

from .spans import TEXT_KEY, original_text  # noqa: F401 - original_text is read from here too

DEFAULT_MAX_PIECE = 1024  # longer than all but 3 of the 109,720 lines of corpus/livedoor
_UNIDIC_SPACE = "空白"

# A line's text, a line break, or characters MeCab must never see.
_SEGMENT = regex.compile(r"(?P<line>[^\r\n\x00]+)|(?P<brk>(?:\r\n|[\r\n])+)|(?P<raw>\x00+)")
_SURROGATE = regex.compile(r"\p{Cs}")
# A reading that can stand in a spaCy morph string (no white space, no "|" or "=").
_PLAIN = regex.compile(r"[^\s|=]+")
# Where UniDic's lemma and reading stand among a token's feature fields.
_FIELD_LEMMA = fugashi.UnidicFeatures26._fields.index("lemma")
_FIELD_KANA = fugashi.UnidicFeatures26._fields.index("kana")
# Words' attribute ids kept per tokenizer (cleared when full): 95.8 % of livedoor words hit at this size,
# 97.8 % at 65,536; an entry (a line of MeCab's output and four ids) costs about 400 bytes.
_MAX_CACHED = 16_384
# Readings of short pieces kept per tokenizer (cleared when full): a news corpus repeats its boilerplate
# lines (■関連記事, bylines, shop blocks): 9.6 % of livedoor's characters are read from here. An entry
# holds its words' lines of MeCab's output, about 5 kB: 4,096 entries would read 11.5 % for 20 MB.
_MAX_CACHED_PIECE = 64
_MAX_CACHED_PIECES = 1024
# MeCab's output: per word, its surface led by the white space skipped before it, and its features.
# UniDic's own output format must be turned off (-O '') for the node format to apply.
_MECAB_ARGS = r"""-O '' -F '%M\t%H\n' -U '%M\t%H\n' -E ''"""
# The characters MeCab skips between words (UniDic's SPACE class); a line of its output starting with
# one of them starts a new run of words.
_MECAB_WHITE = " \t\v"
_AFTER_WHITE = regex.compile(rf"\n(?=[{regex.escape(_MECAB_WHITE)}])")
# Preferred cut points inside an over-long line: after sentence punctuation or white space.
_CUT = regex.compile(r"[。．！？!?\s]")
_ATTRS = [TAG, POS, LEMMA, MORPH]
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


# A token's attributes as the ids ``Doc.from_array`` takes, (TAG, POS, LEMMA, MORPH), packed as machine
# integers: a Doc's rows joined are its array, with no Python int per id.
_ROW = struct.Struct("=4Q")
_Row = bytes


# A piece's reading: its runs of words between white spaces (the white space before the run, the
# words' surfaces, their lines of MeCab's output) and the text after the last run MeCab aligned.
_Reading = tuple[tuple[tuple[str, list[str], list[str]], ...], str]


class _Builder:
    """Accumulates the words of a Doc and each word's attribute ids, set with one array write.

    ``Doc(tags=..., morphs=...)`` would look up every token's strings and
    parse every morph string again; here a known word's ids come from the
    tokenizer's cache, whose strings are in the store for as long as the
    entry is (see ``FugashiTokenizer.memory_zone``).
    """

    __slots__ = ("words", "spaces", "rows", "strings")

    def __init__(self, strings: StringStore) -> None:
        self.words: list[str] = []
        self.spaces: list[bool] = []
        self.rows: list[_Row] = []
        self.strings = strings

    def add(self, word: str, row: _Row) -> None:
        self.words.append(word)
        self.spaces.append(False)
        self.rows.append(row)

    def add_new(self, word: str, tag: str, pos: str, lemma: str) -> None:
        """A word without a cached analysis (unknown to UniDic, white space, unaligned text).

        Its strings are added as spaCy adds text: transient inside a memory zone.
        """
        self.add(word, _ROW.pack(self.strings.add(tag), POS_IDS[pos], self.strings.add(lemma), 0))

    def add_space(self, ws: str) -> None:
        """A single ASCII space after a word is the word's trailing space; anything else is a token."""
        if ws == " " and self.words and not self.spaces[-1] and not self.words[-1].isspace():
            self.spaces[-1] = True
        else:
            self.add_new(ws, _UNIDIC_SPACE, "SPACE", ws)

    def doc(self, vocab: Vocab, readings: bool) -> Doc:
        """The Doc of the words added. Without readings every MORPH id is 0, and leaving that
        column out saves spaCy's check of each token's morph (most of ``from_array``'s time)."""
        doc = Doc(vocab, words=self.words, spaces=self.spaces)
        if self.words:
            ids = numpy.frombuffer(b"".join(self.rows), numpy.uint64).reshape(-1, 4)
            if readings:
                doc.from_array(_ATTRS, ids)
            else:
                doc.from_array(_ATTRS[:3], numpy.ascontiguousarray(ids[:, :3]))
        return doc


class FugashiTokenizer:
    """Tokenize with MeCab/UniDic into a Doc whose text is the input, unchanged."""

    def __init__(self, vocab: Vocab, max_piece: int = DEFAULT_MAX_PIECE, readings: bool = True) -> None:
        if max_piece < 16:
            raise ValueError(f"max_piece must be at least 16, got {max_piece}")
        self.vocab = vocab
        self.max_piece = max_piece
        self.readings = readings
        self._tagger = fugashi.Tagger(_MECAB_ARGS)
        self._known: dict[str, _Row] = {}
        self._read: dict[str, _Reading] = {}
        self._zone = False  # inside nlp.memory_zone(), announced through memory_zone below

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.vocab, self.max_piece, self.readings))

    @contextmanager
    def memory_zone(self, mem: Any = None) -> Iterator[Any]:
        """spaCy's hook around ``nlp.memory_zone()``, as its own tokenizer has one.

        The strings of words first cached inside a zone are transient, freed
        when the zone ends, so the cache is emptied then; the words cached
        outside any zone hold permanent strings and are kept. Every cached
        row therefore names strings in the store, and a Doc needs no string
        added again for its known words.
        """
        self._zone = True
        try:
            yield mem
        finally:
            self._zone = False
            self._known.clear()

    def __call__(self, text: str) -> Doc:
        bad = _SURROGATE.search(text)
        if bad:
            raise ValueError(f"text has a lone surrogate at offset {bad.start()}: not valid Unicode text")
        out = _Builder(self.vocab.strings)
        for m in _SEGMENT.finditer(text):
            if m["line"] is not None:
                for offset, piece in _pieces(m["line"], self.max_piece):
                    self._tag_piece(piece, out)
            elif m["brk"]:
                out.add_new(m.group(), _UNIDIC_SPACE, "SPACE", m.group())
            else:
                out.add_new(m.group(), "", "X", m.group())
        doc = out.doc(self.vocab, self.readings)
        doc.user_data[TEXT_KEY] = text
        return doc

    def _entry(self, key: str) -> _Row:
        """The cache entry of a word's ``surface<TAB>features`` line, made from it.

        The feature string is split here rather than read through fugashi's
        named tuple, which is built anew on every access and costs more than
        MeCab itself; a string with quoted fields (a comma in a lemma) is read
        as CSV. A word MeCab guessed (outside UniDic: Latin words, numbers)
        has no lemma or reading fields: its lemma is its surface. The morph is
        stored by spaCy's morphology for good. Inside a memory zone that did
        not announce itself (``vocab.memory_zone()`` alone), a word is not
        cached: its transient strings could be freed while its entry lives on.
        """
        surface, raw = key.split("\t")
        fields = raw.split(",") if '"' not in raw else next(csv.reader([raw]))
        tag = "-".join(p for p in fields[:4] if p != "*")
        upos = _UPOS.get(tag, "X")
        if len(fields) <= _FIELD_KANA:
            lemma, reading = surface, "*"
        else:
            lemma, reading = fields[_FIELD_LEMMA], fields[_FIELD_KANA]
        morph = f"Reading={reading}" if self.readings and reading != "*" and _PLAIN.fullmatch(reading) else ""
        strings = self.vocab.strings  # add() gives a symbol's id or the string's hash, the same in every zone
        morph_id = self.vocab.morphology.add(morph) if morph else 0
        row = _ROW.pack(strings.add(tag), POS_IDS[upos], strings.add(lemma), morph_id)
        if self._zone or not self.vocab.in_memory_zone:
            if len(self._known) >= _MAX_CACHED:
                self._known.clear()
            self._known[key] = row
        return row

    def _tag_piece(self, piece: str, out: _Builder) -> None:
        """Add one piece's words: its reading, from MeCab or, for a short piece read before, from the cache."""
        reading = self._read.get(piece)
        if reading is None:
            reading = self._reading(piece)
            if len(piece) <= _MAX_CACHED_PIECE:
                if len(self._read) >= _MAX_CACHED_PIECES:
                    self._read.clear()
                self._read[piece] = reading
        runs, rest = reading
        for ws, surfaces, keys in runs:
            if ws:
                out.add_space(ws)
            if surfaces:
                self._add_run(surfaces, keys, out)
        if rest:
            self._rest(rest, out)

    def _reading(self, piece: str) -> _Reading:
        """Run MeCab on one piece and align its words onto the piece's characters.

        MeCab writes one ``surface<TAB>features`` line per word, the surface
        led by the white space MeCab skipped before it. The lines are cut into
        runs at those white spaces, and each run is checked against the text
        and kept whole: no per-word Python object is made, which halves the
        cost of reading MeCab's nodes one by one.
        """
        pos = 0
        runs: list[tuple[str, list[str], list[str]]] = []
        for run in _AFTER_WHITE.split(self._tagger.parse(piece)) if piece.strip(_MECAB_WHITE) else ():
            body = run.lstrip(_MECAB_WHITE)
            ws = run[: len(run) - len(body)]
            if ws and not piece.startswith(ws, pos):
                break
            keys = body.split("\n")
            surfaces = body.replace("\n", "\t").split("\t")[::2]
            joined = "".join(surfaces)
            if not piece.startswith(joined, pos + len(ws)):
                if ws:
                    runs.append((ws, [], []))
                    pos += len(ws)
                break  # MeCab disagreed with the text; the remainder is handled below
            runs.append((ws, surfaces, keys))
            pos += len(ws) + len(joined)
        return tuple(runs), piece[pos:]

    def _add_run(self, surfaces: list[str], keys: list[str], out: _Builder) -> None:
        """Add words MeCab read with no white space between them, their rows from the cache."""
        rows = list(map(self._known.get, keys))
        if None in rows:
            rows = [r or self._entry(key) for r, key in zip(rows, keys)]
        out.words.extend(surfaces)
        out.spaces.extend([False] * len(surfaces))
        out.rows.extend(rows)

    @staticmethod
    def _rest(rest: str, out: _Builder) -> None:
        """Trailing white space of a piece, or text MeCab could not be aligned on."""
        for m in regex.finditer(r"\s+|\S+", rest):
            if m.group().isspace():
                out.add_space(m.group())
            else:
                out.add_new(m.group(), "", "X", m.group())

    # spaCy serialisation: the tokenizer's only state is its settings.
    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return json.dumps({"max_piece": self.max_piece, "readings": self.readings}).encode("utf-8")

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> "FugashiTokenizer":
        settings = json.loads(data.decode("utf-8"))
        self.max_piece = int(settings["max_piece"])
        self.readings = bool(settings.get("readings", True))
        self._known.clear()  # entries made with the old settings
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        Path(path).write_bytes(self.to_bytes())

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "FugashiTokenizer":
        return self.from_bytes(Path(path).read_bytes())


@registry.tokenizers("pipeline.FugashiTokenizer.v1")
def create_tokenizer(
    max_piece: int = DEFAULT_MAX_PIECE, readings: bool = True
) -> Callable[[Language], FugashiTokenizer]:
    """spaCy registry entry: ``[nlp.tokenizer] @tokenizers = "pipeline.FugashiTokenizer.v1"``."""

    def make(nlp: Language) -> FugashiTokenizer:
        return FugashiTokenizer(nlp.vocab, max_piece, readings)

    return make
