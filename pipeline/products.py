"""Product names (annotation-guidelines §1) with one canonical name per product in a document.

Three phases, in the spirit of the scispaCy abbreviation detector (find the
definitions first, then apply them to the whole document):

1. *Discover* names from their shape and context, not only from a list:
   Latin/alphanumeric runs (``ARROWS X LTE F-05D``, ``ＩＳ１２Ｔ``) with the
   katakana glued to them (``Galaxy Sシリーズ``, ``プランZシンプル``), names in
   「」『』 that look like names or sit after a category word (``アプリ「…」``),
   names from the package and user lexicons, and the short forms that an
   article defines (``（コード名:Viridian）``, ``（以下、…）``). Generic edges
   (``Windows OS``, ``Androidスマートフォン``) are trimmed; companies, generic
   categories, standards, formats and events are excluded as data.
2. *Find* every occurrence of every discovered name in the content zones,
   longest match first, so a short name never matches inside a longer one.
3. *Resolve*: surface variants, code names, short forms that the fullest name
   only extends with a model number (``HTC J`` → ``HTC J ISW13HT``) and bare
   service packs (``SP1``) join one product whose canonical is the fullest name
   the article gives; versions stay products of their own (``Android 4.0``).

Matching works on a same-length folded copy of the text (NFKC where it maps
one character to one character, dashes to ``-``), so every offset is an offset
into the original text and fullwidth and halfwidth forms match each other.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator, NamedTuple, Sequence

import regex
import yaml

from .evaluate import normalise
from .text import clamp_zones, with_words

__all__ = ["Lexicons", "ProductMention", "find_products", "load_lexicons", "product_key"]

DATA_DIR = Path(__file__).parent / "data" / "products"
EXCLUSION_FILES = ("companies.txt", "generic.txt", "common_words.txt", "standards.txt", "formats.txt", "events.txt")
LIST_FILES = (*EXCLUSION_FILES, "products.txt", "code_names.txt", "brands.txt", "given_names.txt")
PATTERN_FILE = "patterns.yaml"
ALIAS_FILE = "aliases.tsv"
MAX_NAME_LENGTH = 80  # characters; a longer run of Latin words is text, not a name
MANY_SURFACES = 64  # above this many names, occurrences are found in one pass
NOT_A_PRODUCT = "not_product"  # the rule of a name that its context shows to be a person, a group or a venue
# Sizes of the per-word caches. Their hits are mostly repeats within an article
# or a few articles: over 1,500 livedoor articles 4,096 entries keep the hit
# rate of an unbounded cache to within two points (product_key 0.92 vs 0.93,
# _region_names 0.69 vs 0.71; _is_generic_compound sees ~1,000 distinct words,
# _excluded_with_version hits 0.40 at any size). At ~200 bytes an entry a
# worker holds ~5 MB of caches instead of ~80 MB at 1<<16 entries each.
WORD_CACHE = 4096
SMALL_CACHE = 1024


@dataclass(frozen=True, slots=True)
class ProductMention:
    """One occurrence of a product name; ``text == original[start:end]``."""

    start: int
    end: int
    text: str
    canonical: str
    rule: str


@dataclass(frozen=True, slots=True, eq=False)
class Lexicons:
    """What the rules read from data: name lists (as normalised keys) and compiled patterns.

    Compared and hashed by identity, so per-word results can be cached per lexicon.
    """

    excluded: frozenset[str]  # never a product by itself (all exclusion lists)
    companies: frozenset[str]  # companies, carriers, organisations, media
    not_heads: frozenset[str]  # generic words, standards, formats, events: cannot start a name
    generic: frozenset[str]  # category words trimmed from the ends of a name
    common: frozenset[str]  # words that are no name alone (Pro, Store, OFF)
    known: frozenset[str]  # products whatever their shape
    capitalised: frozenset[str]  # keys of listed names spelt with capitals (LINE): not found as "line"
    kept_tails: frozenset[str]
    line_tails: frozenset[str]  # generic words that, ending a name, make another model of the line (HD)
    bracket_joiners: frozenset[str]
    name_tails: frozenset[str]
    exclude_shapes: regex.Pattern[str]
    model_digits: regex.Pattern[str]  # digits glued to a generic word that make a model number (DL0272)
    measure: regex.Pattern[str]
    network_tail: regex.Pattern[str]
    carrier_model: regex.Pattern[str]
    model_word: regex.Pattern[str]
    weak_shapes: regex.Pattern[str]
    organisation: regex.Pattern[str]
    domain_name: regex.Pattern[str]
    credit: regex.Pattern[str]
    colour_name: regex.Pattern[str]
    model_number: regex.Pattern[str]
    version: regex.Pattern[str]
    alias: regex.Pattern[str]
    reading: regex.Pattern[str]
    inner_reading: regex.Pattern[str]
    bare_version: regex.Pattern[str]
    run_separator: regex.Pattern[str]
    category_cue: regex.Pattern[str]
    maker_possessive: regex.Pattern[str]
    company_word: regex.Pattern[str]
    following_cue: regex.Pattern[str]
    column_tag: regex.Pattern[str]
    model_mark: regex.Pattern[str]
    acronym_noun: regex.Pattern[str]
    lone_capitals: regex.Pattern[str]
    katakana_model: regex.Pattern[str]
    platform_after_model: regex.Pattern[str]
    made_for: regex.Pattern[str]
    release_before: regex.Pattern[str]
    date_after: regex.Pattern[str]
    company_cue: regex.Pattern[str]
    identity_cue: regex.Pattern[str]
    headline_maker: regex.Pattern[str]
    maker_cue: regex.Pattern[str]
    bracket_reject: regex.Pattern[str]
    bracket_phrase: regex.Pattern[str]
    bracket_reject_uncued: regex.Pattern[str]
    bracket_tail_trimmed: regex.Pattern[str]
    label_before: regex.Pattern[str]
    label_after: regex.Pattern[str]
    group_prefix: regex.Pattern[str]
    phrase: regex.Pattern[str]
    name_field: regex.Pattern[str]
    plan_name: regex.Pattern[str]
    generic_plan: regex.Pattern[str]
    lens_name: regex.Pattern[str]
    edition_platform: regex.Pattern[str]
    sequel: regex.Pattern[str]
    maker_field: regex.Pattern[str]
    model_field: regex.Pattern[str]
    code_name_intro: regex.Pattern[str]
    short_form_intro: regex.Pattern[str]
    model_intro: regex.Pattern[str]
    slash_models: regex.Pattern[str]
    anaphor: regex.Pattern[str]
    masks: tuple[regex.Pattern[str], ...]  # searched one by one: as one alternation they scan twice as slowly
    text_masks: tuple[regex.Pattern[str], ...]  # the same, searched in the text as written (full-width ［］)
    gloss: regex.Pattern[str]
    bracket_gloss: regex.Pattern[str]
    code_names: frozenset[str]  # well-known code names
    given_names: frozenset[str]  # first names: a given name and a surname are a person
    brands: frozenset[str]  # brand words that are a family when they begin several names
    aliases: dict[str, str]  # key of another spelling -> key of the name (アンドロイド -> android)
    known_pattern: re.Pattern[str] | None


@lru_cache(maxsize=WORD_CACHE)
def product_key(text: str) -> str:
    """The comparison key of a name: the scorer's normalisation (gold-format.md).

    Trademark signs are dropped first, so ``ZENBOOK(TM)`` and ``ZENBOOK`` are
    one name, as they are one product; so are the apostrophe's look-alikes
    (``PAC′N-JUMP`` in a title, ``PAC'N-JUMP`` in the body).
    """
    return normalise(_MARKS.sub("", text)).translate(_APOSTROPHES)


# --------------------------------------------------------------------------- loading


def _read_list(path: Path) -> list[str]:
    """Entries of a one-name-a-line file; ``#`` starts a comment."""
    if not path.is_file():
        return []
    lines = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line]


def _read_aliases(path: Path) -> dict[str, str]:
    """``alias<TAB>name`` lines as keys; ``#`` starts a comment."""
    pairs = (line.split("\t") for line in _read_list(path))
    return {product_key(p[0]): product_key(p[1]) for p in pairs if len(p) == 2 and p[0].strip() and p[1].strip()}


def _read_patterns(path: Path) -> dict[str, list[str]]:
    if not path.is_file():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {k: [str(v) for v in (vs if isinstance(vs, list) else [vs])] for k, vs in data.items()}


def _alternation(parts: Iterable[str]) -> str:
    return "|".join(f"(?:{p})" for p in parts) or "(?!)"


def _literal_pattern(names: Iterable[str], loose_spaces: bool = False) -> re.Pattern[str] | None:
    """A matcher for literal names in lower-folded text: a trie, so it costs little per name.

    Compiled with ``re``, which matches such literal alternatives faster than ``regex``.
    ``loose_spaces``: a space of a name may be left out in the text (``パケ・ホーダイダブル`` for
    ``パケ・ホーダイ ダブル``), and one may stand before the number ending a word (``プレイステーション 3`` for
    ``プレイステーション3``), as names are compared without their spaces.
    """
    trie: dict[str, dict] = {}
    for name in {fold_lower(n) for n in names if n}:
        node = trie
        for ch in name:
            node = node.setdefault(ch, {})
        node[""] = {}
    return re.compile(_trie_regex(trie, loose_spaces)) if trie else None


def _trie_regex(node: dict[str, dict], loose_spaces: bool = False, prev: str = "") -> str:
    """Alternatives sharing their prefixes; an optional tail is greedy, so the longest name wins."""
    branches = [
        _trie_char(ch, prev, loose_spaces) + _trie_regex(child, loose_spaces, ch)
        for ch, child in sorted(node.items())
        if ch
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" not in node:
        return body
    return f"(?:{body})?" if len(branches) > 1 or len(body) > 1 else f"{body}?"


def _trie_char(ch: str, prev: str, loose_spaces: bool) -> str:
    """One character of a trie's name: with ``loose_spaces``, a space optional, and an optional space
    before a digit that follows a letter."""
    if not loose_spaces:
        return re.escape(ch)
    if ch == " ":
        return "[ ]?"
    if ch.isdigit() and prev and not prev.isdigit() and prev not in " .":
        return "[ ]?" + ch
    return re.escape(ch)


def load_lexicons(extra_dirs: Sequence[str | Path] = ()) -> Lexicons:
    """The package's lexicons and patterns plus those in ``extra_dirs``.

    A user directory holds files with the package's names and formats
    (``companies.txt``, ``products.txt``, ``patterns.yaml`` …); its entries are
    added to the package's, so users extend the stage without editing it. A
    name listed as a product wins over the exclusion lists.
    """
    return _load(tuple(str(d) for d in extra_dirs))


@lru_cache(maxsize=16)
def _load(extra_dirs: tuple[str, ...]) -> Lexicons:
    dirs = (DATA_DIR, *(Path(d) for d in extra_dirs))
    lists = {name: [e for d in dirs for e in _read_list(d / name)] for name in LIST_FILES}
    patterns: dict[str, list[str]] = {}
    for d in dirs:
        for key, values in _read_patterns(d / PATTERN_FILE).items():
            patterns.setdefault(key, []).extend(values)

    def keys(*names: str) -> frozenset[str]:
        return frozenset(product_key(e) for name in names for e in lists[name]) - known

    def compiled(key: str, anchored: bool = False) -> regex.Pattern[str]:
        body = with_words(_alternation(patterns.get(key, [])))
        return regex.compile(f"(?:{body})\\Z" if anchored else body)

    known = frozenset(product_key(e) for e in lists["products.txt"])
    return Lexicons(
        excluded=keys(*EXCLUSION_FILES),
        companies=keys("companies.txt"),
        not_heads=keys("generic.txt", "standards.txt", "formats.txt", "events.txt"),
        generic=keys("generic.txt"),
        common=keys("common_words.txt"),
        known=known,
        capitalised=frozenset(product_key(e) for e in lists["products.txt"] + lists["code_names.txt"] if e.lower() != e),
        kept_tails=frozenset(product_key(n) for n in patterns.get("kept_tails", [])),
        line_tails=frozenset(product_key(n) for n in patterns.get("line_tails", [])),
        bracket_joiners=frozenset(product_key(n) for n in patterns.get("bracket_joiners", [])),
        name_tails=frozenset(product_key(n) for n in patterns.get("name_tails", [])),
        exclude_shapes=compiled("exclude_shapes", anchored=True),
        model_digits=compiled("model_digits", anchored=True),
        measure=compiled("measure", anchored=True),
        network_tail=compiled("network_tail", anchored=True),
        carrier_model=compiled("carrier_model", anchored=True),
        model_word=compiled("model_word", anchored=True),
        weak_shapes=compiled("weak_shapes", anchored=True),
        organisation=compiled("organisation", anchored=True),
        domain_name=compiled("domain_name", anchored=True),
        credit=compiled("credit"),
        colour_name=compiled("colour_name", anchored=True),
        model_number=compiled("model_number", anchored=True),
        version=compiled("version", anchored=True),
        alias=compiled("alias", anchored=True),
        reading=compiled("reading", anchored=True),
        inner_reading=compiled("inner_reading"),
        bare_version=compiled("bare_version", anchored=True),
        run_separator=compiled("run_separator", anchored=True),
        category_cue=compiled("category_cue", anchored=True),
        maker_possessive=compiled("maker_possessive", anchored=True),
        company_word=compiled("company_word", anchored=True),
        following_cue=compiled("following_cue"),
        column_tag=compiled("column_tag"),
        model_mark=compiled("model_mark"),
        acronym_noun=compiled("acronym_noun"),
        lone_capitals=compiled("lone_capitals"),
        katakana_model=compiled("katakana_model"),
        platform_after_model=compiled("platform_after_model"),
        made_for=compiled("made_for"),
        date_after=compiled("date_after"),
        release_before=compiled("release_before"),
        company_cue=compiled("company_cue"),
        identity_cue=compiled("identity_cue"),
        headline_maker=compiled("headline_maker"),
        maker_cue=compiled("maker_cue"),
        bracket_reject=compiled("bracket_reject"),
        bracket_phrase=compiled("bracket_phrase"),
        bracket_reject_uncued=compiled("bracket_reject_uncued"),
        bracket_tail_trimmed=compiled("bracket_tail_trimmed"),
        label_before=compiled("label_before", anchored=True),
        label_after=compiled("label_after"),
        group_prefix=compiled("group_prefix", anchored=True),
        phrase=compiled("phrase"),
        name_field=compiled("name_field"),
        plan_name=compiled("plan_name"),
        generic_plan=compiled("generic_plan", anchored=True),
        lens_name=compiled("lens_name"),
        edition_platform=compiled("edition_platform"),
        sequel=compiled("sequel"),
        maker_field=compiled("maker_field"),
        model_field=compiled("model_field"),
        code_name_intro=compiled("code_name_intro"),
        short_form_intro=compiled("short_form_intro"),
        model_intro=compiled("model_intro"),
        slash_models=compiled("slash_models"),
        anaphor=compiled("anaphor"),
        masks=tuple(regex.compile(p) for p in patterns.get("masks", [])),
        text_masks=tuple(regex.compile(p) for p in patterns.get("text_masks", [])),
        gloss=compiled("gloss"),
        bracket_gloss=compiled("bracket_gloss"),
        code_names=keys("code_names.txt"),
        given_names=frozenset(lists["given_names.txt"]),
        brands=keys("brands.txt"),
        aliases={k: v for d in dirs for k, v in _read_aliases(d / ALIAS_FILE).items()},
        known_pattern=_literal_pattern(lists["products.txt"] + lists["code_names.txt"], loose_spaces=True),
    )


@lru_cache(maxsize=1)
def _default_lexicons() -> Lexicons:
    return load_lexicons()


# --------------------------------------------------------------------------- folding

# ® flattened to an R glued to a lower-case word (iPhoneR, FlashR Player; not the R of AiR)
_FLAT_R = r"(?<=[a-z]{2})R(?![A-Za-z0-9])"
_ENTITY = r"&(?:reg|trade|#174|#8482);?"  # ® and ™ written as HTML entities
# ™ and ® as written, or flattened
_SIGN_MARKS = rf"[(（](?:TM|R|ＴＭ|Ｒ)[)）]|[™®]|{_ENTITY}"
_MARKS = regex.compile(rf"{_SIGN_MARKS}|{_FLAT_R}")
_APOSTROPHES = str.maketrans(dict.fromkeys("′‘’`´", "'"))
_WRITTEN_MARKS = regex.compile(_SIGN_MARKS)  # a flattened R stays in a canonical: written so (FlashR Player), it may be the name's
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uff0d\ufe63"


@lru_cache(maxsize=1)
def _fold_table() -> dict[int, str]:
    """Per-character NFKC where it keeps the length (fullwidth → ASCII), dashes to ``-``."""
    table: dict[int, str] = {}
    for cp in range(0x80, 0x10000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        ch = chr(cp)
        nf = unicodedata.normalize("NFKC", ch)
        if len(nf) == 1 and nf != ch:
            table[cp] = nf
    table.update({ord(c): "-" for c in _DASHES})
    return table


@lru_cache(maxsize=1)
def _foldable() -> re.Pattern[str]:
    """The characters the fold table changes."""
    return re.compile("[" + "".join(re.escape(chr(cp)) for cp in sorted(_fold_table())) + "]")


def fold(text: str) -> str:
    """Same-length folded copy of ``text``: offsets into it are offsets into ``text``.

    (``re.sub`` over the few foldable characters is about five times faster than
    ``str.translate`` on Japanese text, whose every unmapped character is a failed lookup.)
    """
    table = _fold_table()
    return _foldable().sub(lambda m: table[ord(m.group())], text)


@lru_cache(maxsize=1)
def _fold_lower_table() -> dict[int, str]:
    """The fold table, then lower case where that keeps the length."""
    table = dict(_fold_table())
    for cp in range(0x10000):
        ch = table.get(cp, chr(cp)) if not 0xD800 <= cp <= 0xDFFF else None
        if ch is not None and len(ch.lower()) == 1 and ch.lower() != chr(cp):
            table[cp] = ch.lower()
    return table


def fold_lower(text: str, folded: str | None = None) -> str:
    """Same-length folded and lower-cased copy of ``text``, for case-insensitive matching."""
    if folded is not None and len(lowered := folded.lower()) == len(folded):
        return lowered
    return text.translate(_fold_lower_table())


# --------------------------------------------------------------------------- shapes

# (& and + join a short word to a word, AT&T, Q&A, Bluetooth3.0+HS, but not two words, which
# they coordinate: iPhone＆iPad, Tegra3＋Android, Shotnote&CamiApp; nor a mark written as an
# entity: FOMA&reg)
_SHORT_SIDE = r"(?:(?<=(?<![A-Za-z0-9])[A-Za-z0-9]{1,2})|(?=[A-Za-z0-9]{1,2}(?![A-Za-z0-9])))"
# (a step's number is not part of the word after it: 5.USB経由で…)
_STEP_DOT = r"\.(?!(?<=(?m:^)[ \t]*[0-9]{1,2}\.)[A-Za-z])"
_LATIN_TOKEN = (
    rf"[A-Za-z0-9ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]+(?:(?:[-'’_ー]|{_STEP_DOT}|{_SHORT_SIDE}(?:\+|(?!{_ENTITY})&))[A-Za-z0-9]+)*"
    rf"(?:\+(?![A-Za-z0-9])|!(?=\p{{Katakana}}))?"
)
_KANA = r"[\p{Katakana}ー]+"
_SIGNS = ("TM", "R")  # trademark signs written in brackets: (TM), (R)
_MARK = rf"\((?:{'|'.join(_SIGNS)})\)|[™®]|{_ENTITY}|{_FLAT_R}"
_PIECE = regex.compile(f"(?P<lat>{_LATIN_TOKEN})|(?P<kat>{_KANA})|(?P<gap> |{_MARK})")
_RUN_CHAR = r"[\p{Katakana}ーA-Za-z0-9ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ \-.+&'’_!™®]"
_THOUSANDS = r" ?\d{1,3}[,，]\d{3}(?!\d)"  # a number with thousands separators after a name (iPhone 4S 1,000円)
# Where runs can be: stretches of run characters holding a Latin letter,
# found by the regex engine so that Japanese text and numbers cost nothing;
# never from inside a number with a thousands separator (85,000IOPS) nor from the
# minutes of a clock time (10:00OPEN).
_REGION = regex.compile(
    f"(?<!{_RUN_CHAR})(?<!\\d,)(?!(?<=\\d[:：])\\d)(?>[\\p{{Katakana}}ー 0-9.\\-]*)[A-Za-zⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ](?:(?!{_THOUSANDS}){_RUN_CHAR}|{_MARK})*"
)
_HAS_LETTER = regex.compile(r"[A-Za-zⅠ-Ⅹ]")
_LATIN_EDGE = regex.compile(r"[A-Za-z0-9]")
_TOKEN_SPLIT = regex.compile(
    r"[\s()（）™®]+|(?<=[\p{Katakana}ー])(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])(?=[\p{Katakana}ー])"
)
# up to 40 characters, and a bracket after them (a gloss or a model number: 「…（Philips Sonicare AirFloss）」)
_BRACKETED = regex.compile(r"[「『]([^「」『』\r\n]{1,40}(?:[(（][^()（）「」『』\r\n]{1,40}[)）])?)[」』]")
_PAREN_AFTER = regex.compile(r"[(（]([^()（）\r\n]{1,40})[)）]")
_PAREN_CONTENT = regex.compile(r"\(([^()]*)\)")
_EDITION = regex.compile(r"[A-Z][a-z]{1,11}")
# 「いいね!」 loses it; 「HereWeGo!!」, 「仮免奪取！」 and 「パパドル！」 keep it (a title's own mark)
_TRAILING_BANG = regex.compile(r"(?<![A-Za-z0-9!?\p{Katakana}\p{Han}])[!?]+\Z")
_STRAY_BRACKET = regex.compile(r"[()（）\[\]【】<>〈〉《》]")
_TRAILING_MARK = regex.compile(f"(?:{_MARK})+\\s*\\Z")
_SPACED_TOKEN = regex.compile(r" ([A-Za-z0-9][A-Za-z0-9\-]*)")
# A bare model number after a listed name, then no digit, unit or counter (ルンバ 780を, not ルンバ 2台)
_SPACED_NUMBER = regex.compile(r" \d{2,4}(?:[^\d.,%\p{Han}A-Za-z]|\Z)")
# The word before 「…」, with 向け kept (iPhone向け「…」), a subject particle dropped (サイトが「…」) and
# an abbreviation of the word skipped (ロールプレイングゲーム（RPG）「…」).
_WORD_BEFORE = regex.compile(r"([\p{Han}\p{Katakana}ー\p{Latin}0-9]{1,12}(?:向け)?)(?:[(（][A-Z0-9]{2,6}[)）])?が?\Z")
_KATAKANA_RUN = regex.compile(r"[\p{Katakana}ー]+")
_NAME_LETTERS = regex.compile(r"[A-Za-z]|[\p{Katakana}ー]{3}")
_LATIN_WORDS = regex.compile(r"[A-Za-z][A-Za-z0-9.\-+]*")
_KANA_GAP = regex.compile(r"[\p{Katakana}ー\s]{0,10}")
# A lone Roman numeral after a katakana title of this many characters numbers it (ドラクエX,
# ドラゴンクエストⅨ); other letters, and shorter words, label what they follow (ホールC, プランB).
_ROMAN_NUMERALS = "IVXⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ"
_LONG_TITLE = 4
_ACRONYM_PAREN = regex.compile(r"(?<![A-Za-z0-9])([A-Z][A-Za-z]{1,7})[」』]? ?[(（]([A-Za-z][A-Za-z .\-]{2,60})[)）]")
_HEPBURN = regex.compile(r"(?:(?:[kgsztdnhbpmr]y?|sh|ch|ts|j|f|w|y)?[aiueo]|n(?![aiueoy]))+")
_KANA_HEAD = regex.compile(r"\A[\p{Katakana}ー]+")
_KATAKANA_LETTER = regex.compile(r"[\p{Katakana}ー]")
_GLUED_NUMBER = regex.compile(r"([A-Za-z][A-Za-z\- ]*[A-Za-z])([\d.]+[A-Za-z]*)\Z")
_VERSION_GOES_ON = regex.compile(r"[a-z0-9.\-]")  # a key going on like this names another version
_DATE_NUMBER = regex.compile(r"[ .\-]?\d{1,4}\Z")
_CHAIN_GAP = regex.compile(r"[、,，・/／ 　]?|と|や|および|及び|または|か")
_TRAILING_NUMBER = regex.compile(r"\d+[A-Z]*\Z")  # the part of a model number that a sibling's digits replace
_CLAUSE_BREAK = regex.compile(r"[。、,，;；]\s*")
# A model number labelled as one (型番：IO-PESA236) may take shapes a bare one may not
_LABELLED_MODEL = regex.compile(r"(?=[^\s]*\d)[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+")
# What may stand between a name and a bracket giving its model number: a gloss, the name's closing bracket
_BEFORE_BRACKET = regex.compile(r"(?:[(（][^()（）\r\n]{0,30}[)）])?[」』]?")
_SHORT_FORM_SPLIT = regex.compile(r"[;；、,，/／]|\s+or\s+")


class _Piece(NamedTuple):
    """A Latin token (``kind`` "lat") or a katakana word ("kat") of a run."""

    start: int
    end: int
    kind: str


class _Name(NamedTuple):
    """A discovered name: where it was found and what proposed it."""

    start: int
    end: int
    rule: str


def _runs(folded: str, start: int, end: int) -> Iterator[list[_Piece]]:
    """Runs of Latin tokens and katakana words, glued or joined by one space or a ™ mark,
    that hold a Latin letter."""
    run: list[_Piece] = []
    gap, pos = "", start
    for m in _PIECE.finditer(folded, start, end):
        if m.start() != pos and run:
            if _has_latin(folded, run):
                yield run
            run, gap = [], ""
        pos = m.end()
        if m.lastgroup == "gap":
            gap += m.group() if run else ""
            continue
        piece = _Piece(m.start(), m.end(), m.lastgroup or "")
        if run and not _joins(run, piece, gap):
            if _has_latin(folded, run):
                yield run
            run = []
        run.append(piece)
        gap = ""
    if _has_latin(folded, run):
        yield run


def _has_latin(folded: str, run: Sequence[_Piece]) -> bool:
    """Whether a run holds a Latin letter (katakana alone is never a name by shape)."""
    return any(p.kind == "lat" and _HAS_LETTER.search(folded, p.start, p.end) for p in run)


def _joins(run: Sequence[_Piece], piece: _Piece, gap: str) -> bool:
    """Whether ``piece`` continues ``run`` across ``gap``.

    At most one space; a space joins a katakana word to a following Latin
    token only when that katakana word is itself glued to Latin
    (``REGZAブルーレイ D-BR1``), so ``スケジュール Microsoft`` stays apart.
    """
    spaces = gap.count(" ")
    if spaces > 1:
        return False
    if spaces == 0 or run[-1].kind == piece.kind:
        return True
    return run[-1].kind == "kat" and len(run) > 1 and run[-2].end == run[-1].start


@lru_cache(maxsize=WORD_CACHE)
def _is_measure(key: str, lex: Lexicons) -> bool:
    """A quantity with its unit (``1.5GHz``, ``75Mbps!``, ``64ビット``)."""
    return bool(lex.measure.match(key.rstrip("!")))


@lru_cache(maxsize=WORD_CACHE)
def _is_model(token: str, lex: Lexicons) -> bool:
    """A model-number token (``SO-03C``, ``106SH``) that is not a quantity (``30GB``)."""
    return bool(lex.model_number.match(token)) and not _is_measure(product_key(token), lex)


@lru_cache(maxsize=SMALL_CACHE)
def _is_generic_compound(word: str, lex: Lexicons) -> bool:
    """Whether a word is made only of generic words (スマートフォン＋ユーザー, ソフトウェア＋更新,
    公式＋アカウント): a common noun phrase, however it is bracketed or cued, names no product."""
    key = product_key(word)
    if key in lex.kept_tails:
        return False
    ok = [True] + [False] * len(key)
    for i in range(1, len(key) + 1):
        ok[i] = any(ok[j] and key[j:i] in lex.generic for j in range(max(0, i - 12), i))
    return ok[-1]


def _trim(folded: str, pieces: list[_Piece], lex: Lexicons, bracketed: bool = False) -> list[_Piece]:
    """Drop what cannot begin or end a name from a run.

    From both ends: generic katakana words and katakana company names
    (``Androidスマートフォン``), measures (``RAM 1GB``); a generic word ending
    the last katakana word (``auスマートパスアプリ``), a noun after a name
    (``Twitterクライアント``). From the start only: generic Latin words, bare
    numbers and labels (``OS Android 4.0`` in a spec table, ``No.321
    iPhone``; not the ``OS`` of ``OS X``, a listed product), a katakana
    category glued to a name (``レフカメラEOS``). A generic Latin word at the
    end may be part of the name (``Virtual PC``) and is left to resolution
    (``Windows OS``). In brackets the writer marked the whole name, so a
    katakana word glued to it stays unless generic (``「LiveWareマネージャー」``),
    and so does a generic word that commonly ends a name (``「Google Playストア」``).
    """
    def droppable(piece: _Piece, at_start: bool) -> bool:
        key = product_key(folded[piece.start : piece.end])
        if piece.kind == "kat":
            tail = bracketed and not at_start and key in lex.name_tails
            return not tail and (key in lex.excluded or _is_generic_compound(key, lex))
        if lex.bare_version.match(folded, piece.start, piece.end):
            return False
        if _is_measure(key, lex):
            return at_start or not lex.network_tail.match(key)
        label = len(key) > 1 and bool(lex.exclude_shapes.match(key))
        return at_start and (key in lex.generic or key.isdigit() or label)

    def known_head(pieces: list[_Piece]) -> bool:
        return len(pieces) > 1 and product_key(folded[pieces[0].start : pieces[1].end]) in lex.known

    while pieces and (droppable(pieces[-1], at_start=False) or _key_after_number(folded, pieces, lex)):
        pieces = pieces[:-1]
    while pieces and not known_head(pieces) and (
        droppable(pieces[0], at_start=True)
        or _category_before_model(folded, pieces, lex)
        or _describes_a_name(folded, pieces, lex)
    ):
        pieces = pieces[1:]
    if len(pieces) > 1 and pieces[-1].kind == "kat" and pieces[-2].end == pieces[-1].start:
        if not bracketed and _modifies_a_name(folded, pieces, lex):
            return pieces[:-1]
        if not (bracketed and product_key(folded[pieces[-1].start : pieces[-1].end]) in lex.name_tails):
            pieces = [*pieces[:-1], _without_generic_suffix(folded, pieces[-1], lex)]
    return pieces


def _key_after_number(folded: str, pieces: Sequence[_Piece], lex: Lexicons) -> bool:
    """The next spec-table cell after a version or model number: a generic Latin word
    (``Android 4.0 RAM``; after a word it may end the name: ``Virtual PC``) or a
    figure (``P-04D 32``)."""
    if len(pieces) < 2 or pieces[-1].kind != "lat":
        return False
    before, last = folded[pieces[-2].start : pieces[-2].end], folded[pieces[-1].start : pieces[-1].end]
    if last.isdigit() and _is_model(before, lex):
        return True
    return product_key(last) in lex.generic and bool(lex.version.match(before) or _is_model(before, lex))


def _category_before_model(folded: str, pieces: Sequence[_Piece], lex: Lexicons) -> bool:
    """A katakana word ending in a category noun glued to a name names its category
    (``スチームクリーナーFSM1200``, ``一眼レフカメラEOSシリーズ``); a brand stays
    (``レッツノートSX1``)."""
    if len(pieces) < 2 or pieces[0].kind != "kat" or pieces[0].end != pieces[1].start:
        return False
    head = product_key(folded[pieces[0].start : pieces[0].end])
    return head not in lex.known and any(_is_generic_compound(head[i:], lex) for i in range(len(head) - 1))


def _describes_a_name(folded: str, pieces: Sequence[_Piece], lex: Lexicons) -> bool:
    """A katakana word glued before a name that stands on its own describes it
    (``ライバルOptimus Vu``, ``アンカーBill Weir``); before a weak part or a
    model number or a Roman numeral it is part of the name (``ニンテンドー3DS``, ``プランZシンプル``,
    ``レッツノートSX1``, ``ドラクエⅨ``)."""
    return (
        len(pieces) > 1
        and pieces[0].kind == "kat"
        and pieces[0].end == pieces[1].start
        and pieces[1].kind == "lat"
        and product_key(folded[pieces[0].start : pieces[0].end]) not in lex.known
        and not lex.weak_shapes.match(folded, pieces[1].start, pieces[1].end)
        and not _lone_numeral(folded, pieces[1])
        and not _is_model(folded[pieces[1].start : pieces[1].end], lex)
        and _acceptable(folded[pieces[1].start : pieces[-1].end], lex)
    )


def _lone_numeral(folded: str, piece: _Piece) -> bool:
    """A single Roman numeral (``Ⅸ`` of ``ドラクエⅨ``): it numbers what it is glued to."""
    return piece.end - piece.start == 1 and folded[piece.start] in _ROMAN_NUMERALS


def _modifies_a_name(folded: str, pieces: Sequence[_Piece], lex: Lexicons) -> bool:
    """Whether a katakana word ending a run is a noun about the name before it.

    After a name that stands on its own, a katakana word is mostly a common
    noun (``Twitterクライアント``, ``Excelワザ``), unless it marks a series or
    commonly forms a product name (``Androidマーケット``, ``Windowsストア``).
    Weak or excluded Latin parts keep their word: ``ISフラット``,
    ``auスマートパス``.
    """
    tail = product_key(folded[pieces[-1].start : pieces[-1].end])
    if tail in lex.kept_tails or tail in lex.name_tails:
        return False
    return _acceptable(folded[pieces[0].start : pieces[-2].end], lex)


def _without_generic_suffix(folded: str, piece: _Piece, lex: Lexicons) -> _Piece:
    """A katakana word without the longest generic word ending it, if two characters remain."""
    word = folded[piece.start : piece.end]
    for cut in range(2, len(word) - 1):
        if _is_generic_compound(word[cut:], lex):
            return _Piece(piece.start, piece.start + cut, piece.kind)
    return piece


@lru_cache(maxsize=WORD_CACHE)
def _acceptable(name: str, lex: Lexicons, context_cue: bool = False) -> bool:
    """Whether a trimmed name can be a product by itself.

    Exclusion lists, organisation and colour names, copyright credits and shapes that are never products
    (measures, bare numbers, rating codes) reject; weak shapes (short
    acronyms, lower-case words, single letters) need a cue in the context.
    """
    key = product_key(name)
    if not key or _listed(name, lex) or lex.bare_version.match(name):
        return bool(key)
    if (
        key in lex.excluded
        or key.rstrip("!?") in lex.excluded  # NAS！ is NAS
        or lex.exclude_shapes.match(key)
        or (lex.domain_name.match(key) and not context_cue)
        or _is_measure(key, lex)
    ):
        return False
    if not _HAS_LETTER.search(key) and _is_generic_compound(key, lex):  # Latin glues words into names: webOS, Avid
        return False
    if (
        lex.organisation.match(name)
        or lex.credit.match(name)
        or lex.colour_name.match(name.strip())
        or _excluded_with_version(name, lex)
        or _person(name, lex)
    ):
        return False
    return context_cue or _is_model(name.strip(), lex) or not lex.weak_shapes.match(name.strip())


def _listed(name: str, lex: Lexicons) -> bool:
    """Whether ``name`` as written is a listed product."""
    return product_key(name) in lex.known and not _lower_case_of(name, lex)


def _lower_case_of(name: str, lex: Lexicons) -> bool:
    """A name listed with capitals written all in lower case is the common word (``line`` for ``LINE``)."""
    return name == name.lower() and product_key(name) in lex.capitalised


def _person(name: str, lex: Lexicons) -> bool:
    """A person's name in Latin letters: two or three capitalised words that start
    with a given name (``Steve Jobs``, ``アンカーBill Weir``) or are all romanised
    Japanese words of four letters or more (``Nobuka Kojima``, not ``Wii U``)."""
    words = _KANA_HEAD.sub("", name).split()
    if not 1 < len(words) <= 3 or not all(w[:1].isupper() and w[1:].replace(".", "").isalpha() for w in words):
        return False
    return words[0].rstrip(".") in lex.given_names or all(len(w) > 3 and _HEPBURN.fullmatch(w.lower()) for w in words)


@lru_cache(maxsize=SMALL_CACHE)
def _excluded_with_version(name: str, lex: Lexicons) -> bool:
    """``Bluetooth 4.0``, ``IFA2012``, ``RAM1GB``, ``3G+Wi-Fi``, ``2W+2W``, ``Bluetooth4.0 LE+EDR``:
    standards, events and generic words with only versions, figures or other such words
    added, or joined by ``+`` (to each other or to measures); ``Live MOS``, ``Smart TV``: common words before a generic
    term still name a kind of thing."""
    glued = _GLUED_NUMBER.match(name)
    if glued and product_key(glued.group(1)) in lex.excluded and (
        (glued.group(2).replace(".", "").isdigit() and not lex.model_digits.match(glued.group(2)))
        or _is_measure(product_key(glued.group(2)), lex)
    ):
        return True
    parts = [product_key(p) for p in name.strip("+").split("+")]
    if len(parts) > 1 and all(p in lex.not_heads or _is_measure(p, lex) for p in parts):
        return True
    tokens = name.split()
    keys = [product_key(t) for t in tokens]
    if len(tokens) > 1 and keys[-1] in lex.generic and all(k in lex.common for k in keys[:-1]):
        return True
    if len(tokens) > 1 and all(k in lex.not_heads or _excluded_with_version(t, lex) for k, t in zip(keys, tokens)):
        return True
    for i in range(len(tokens) - 1, 0, -1):
        if all(lex.version.match(t) for t in tokens[i:]):
            return product_key(" ".join(tokens[:i])) in lex.not_heads
    return False


# --------------------------------------------------------------------------- phase 1: discovery


def _spans_of(pattern: regex.Pattern[str], folded: str, zones: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    return [m.span() for zs, ze in zones for m in pattern.finditer(folded, zs, ze)]


class _Occupied:
    """Which characters are taken: overlap tests cost the length of the span, not the number of spans."""

    def __init__(self, size: int, spans: Iterable[tuple[int, int]] = ()) -> None:
        self.taken = bytearray(size)
        for start, end in spans:
            self.take(start, end)

    def overlaps(self, start: int, end: int) -> bool:
        return self.taken.find(1, start, end) >= 0

    def take(self, start: int, end: int) -> None:
        self.taken[start:end] = b"\x01" * (end - start)


def _expansions(folded: str, zones: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Brackets spelling out the acronym before them: ``EV (Exposure Value)``, ``IR（Investor Relations）``,
    ``「LTE」（Long Term Evolution）``.

    The letters of the acronym appear in order in the bracketed words, the
    first one starting it (the Schwartz-Hearst test); such words are not names.
    """
    spans = []
    for zs, ze in zones:
        for m in _ACRONYM_PAREN.finditer(folded, zs, ze):
            acronym, words = m.group(1).upper(), m.group(2).upper()
            if words[0] == acronym[0] and regex.search(".*?".join(map(regex.escape, acronym)), words):
                spans.append(m.span(2))
    return spans


def _alone_on_line(folded: str, start: int, end: int) -> bool:
    """Whether only white space stands between ``[start, end)`` and the ends of its line."""
    while start > 0 and folded[start - 1] in " \t":
        start -= 1
    while end < len(folded) and folded[end] in " \t":
        end += 1
    return (start == 0 or folded[start - 1] in "\r\n") and (end == len(folded) or folded[end] in "\r\n")


def _run_names(folded: str, zone: tuple[int, int], lex: Lexicons) -> Iterator[_Name]:
    """Latin/alphanumeric runs with glued katakana, split at separators and trimmed.

    The work on a stretch of text is cached (the same names recur across
    articles); what follows a name then decides: a person's title
    (``JK Shin氏``) or a group or venue word before it (``アイドルグループAKB48``)
    makes it ``NOT_A_PRODUCT`` wherever it occurs, a company's or venue's
    suffix (``Twitter社``, ``…において``) rejects this occurrence (a company
    is often named like its service), a cue (``シリーズ``,
    ``を発売``) rescues a weak shape. A single dictionary-like word alone on
    its line is a heading (``Profile``), so it is weak like a lower-case word.
    """
    for region in _REGION.finditer(folded, *zone):
        offset = region.start()
        stretch = _without_date_number(region.group(), folded[region.end() : min(zone[1], region.end() + 8)], lex)
        for rel_start, rel_end, single, product in _region_names(stretch, lex):
            start, end = offset + rel_start, offset + rel_end
            name, after = folded[start:end], folded[end : min(zone[1], end + 24)]
            if not product or lex.identity_cue.match(after):
                yield _Name(start, end, NOT_A_PRODUCT)
                continue
            if lex.bare_version.match(name):
                yield _Name(start, end, "shape")
                continue
            if lex.maker_cue.match(after):
                yield _Name(start, end, NOT_A_PRODUCT)
                continue
            if lex.company_cue.match(after):
                continue
            cue = bool(lex.following_cue.match(after))
            heading = single and not any(c.isdigit() for c in name) and _alone_on_line(folded, start, end)
            if lex.phrase.search(name) and product_key(name) not in lex.known:
                continue
            if _acceptable(name, lex, context_cue=cue) and not (heading and product_key(name) not in lex.known):
                yield _Name(start, _with_bracketed_model(folded, end, zone[1], lex), "shape")


def _without_date_number(stretch: str, after: str, lex: Lexicons) -> str:
    """A stretch of run characters without the number ending it when what follows makes
    that number a date, a clock time or a count (``ビデオSALON2012年1月号``, ``… Hybrid 3/9より``,
    ``AM2:00``, ``Tシャツ 300名様``): a name never runs into a date or a count."""
    if not lex.date_after.match(after):
        return stretch
    return _DATE_NUMBER.sub("", stretch)


@lru_cache(maxsize=WORD_CACHE)
def _region_names(region: str, lex: Lexicons) -> tuple[tuple[int, int, bool, bool], ...]:
    """Candidate names of a stretch of run characters, before their context is read:
    (start, end, whether the name is one word, whether it may be a product). A run
    that is an excluded name as a whole (``ビデオSALON``) gives nothing; the name a
    group word introduces (``アイドルグループAKB48``) is no product."""
    found = []
    for run in _runs(region, 0, len(region)):
        if product_key(region[run[0].start : run[-1].end]) in lex.excluded:
            continue
        for part in _split_run(region, run, lex):
            group = _names_a_group(region, part, lex)
            pieces = _trim(region, part[1:] if group else part, lex)
            if not pieces or pieces[-1].end - pieces[0].start > MAX_NAME_LENGTH:
                continue
            start, end = pieces[0].start, pieces[-1].end
            if group or lex.bare_version.match(region, start, end) or _has_name_token(region, pieces, lex):
                found.append((start, end, len(pieces) == 1, not group))
    return tuple(found)


def _names_a_group(folded: str, pieces: Sequence[_Piece], lex: Lexicons) -> bool:
    """A katakana word for a band, group or role glued before a Latin name makes it a
    person or a group (``ロックバンドGLAY``, ``ボーカルTERU``, ``アイドルグループAKB48``)."""
    return (
        len(pieces) > 1
        and pieces[0].kind == "kat"
        and pieces[0].end == pieces[1].start
        and bool(lex.group_prefix.match(folded, pieces[0].start, pieces[0].end))
    )


def _split_run(folded: str, run: list[_Piece], lex: Lexicons) -> list[list[_Piece]]:
    """Cut a run where one name ends and another begins.

    Dropped separators: a measure (a spec-table row ``SC-06D QUALCOMM MSM8960
    1.5GHz``) but a network generation ending the run (``iPhone 3G``), a
    generic katakana word inside the run (``Quadrantスコア DIGNO``), a company
    name after the first word (the vendor column of a table; a leading company
    stays, also after category words: ``HTC J``, ``GPU NVIDIA GeForce GTX 680``;
    and so does a carrier before its own model number: ``AQUOS PHONE SoftBank
    104SH``; two letters not in capitals are no company: the ``Ti`` of
    ``GeForce GTX 660 Ti``), a function word (``au by KDDI``). A model number
    followed by another one also ends a name, and so does a word with a figure followed by an
    operating system (table rows ``SO-01B Android 2.1``, ``iPhone 4S iOS 5.1.1``). ``for`` before a platform
    or a company that ends the run joins (``Evernote 4.0 for Android``, ``… for I-O DATA``; not ``… for Mac OS X``,
    a name of its own), and
    ``by`` before a maker and a model number (``PRADA PHONE by LG L-02D``).
    """
    parts: list[list[_Piece]] = [[]]
    made_by = -1  # the maker of "by <maker> <model number>", inside the name
    for i, piece in enumerate(run):
        word = folded[piece.start : piece.end]
        key = product_key(word)
        if piece.kind == "kat":
            separator = 0 < i < len(run) - 1 and (key in lex.excluded or _is_generic_compound(key, lex))
        elif _is_measure(key, lex):
            separator = not _network_tail(folded, run, i, key, lex)
        else:
            made_for = key == "for" and i + 1 < len(run) and _made_for(folded[run[i + 1].start : run[-1].end], lex)
            if key == "by" and _maker_model_after(folded, run, i, lex):
                made_by = i + 1
            separator = (bool(lex.run_separator.match(word)) and not made_for and made_by != i + 1) or (
                i != made_by
                and key in lex.companies
                and (len(word) > 2 or word.isupper())
                and any(product_key(folded[p.start : p.end]) not in lex.generic for p in run[:i])
                and not _carrier_model_after(folded, run, i, lex)
            )
        if separator:
            parts.append([])
            continue
        previous = parts[-1][-1] if parts[-1] else None
        before = folded[previous.start : previous.end] if previous is not None else ""
        if (_is_model(before, lex) and _is_model(word, lex)) or (
            lex.platform_after_model.fullmatch(word) and any(c.isdigit() for c in before)
        ):
            parts.append([])
        parts[-1].append(piece)
    return [p for p in parts if p]


def _made_for(rest: str, lex: Lexicons) -> bool:
    """Whether the rest of a run after ``for`` is what the name is made for: a platform
    (``Evernote 4.0 for Android``) or a company or carrier it is made for (``Shadow Protect4 for I-O DATA``)."""
    return bool(lex.made_for.fullmatch(rest)) or product_key(rest) in lex.companies


def _maker_model_after(folded: str, run: Sequence[_Piece], i: int, lex: Lexicons) -> bool:
    """Whether ``by`` at ``run[i]`` names the maker before a model number (``PRADA PHONE by LG L-02D``):
    part of the name, unlike a brand's owner ending it (``au by KDDI``)."""
    return (
        0 < i
        and i + 2 < len(run)
        and product_key(folded[run[i + 1].start : run[i + 1].end]) in lex.companies
        and _is_model(folded[run[i + 2].start : run[i + 2].end], lex)
    )


def _carrier_model_after(folded: str, run: Sequence[_Piece], i: int, lex: Lexicons) -> bool:
    """Whether the company ``run[i]`` is a carrier naming its own model number after it
    (``AQUOS PHONE SoftBank 104SH``): then it is part of the name."""
    return i + 1 < len(run) and bool(lex.carrier_model.fullmatch(folded[run[i + 1].start : run[i + 1].end]))


def _network_tail(folded: str, run: Sequence[_Piece], i: int, key: str, lex: Lexicons) -> bool:
    """Whether the measure ``run[i]`` is the network generation or chip number ending a name
    (``iPhone 3G``, ``BIGLOBE 3G``, ``Radeon HD 7570M 1GB GDDR``): no Latin token follows it in
    the run before the next measure, which starts a spec."""
    if i == 0 or not lex.network_tail.match(key):
        return False
    for piece in run[i + 1 :]:
        if piece.kind == "kat":
            continue
        return _is_measure(product_key(folded[piece.start : piece.end]), lex)
    return True


def _has_name_token(folded: str, pieces: Sequence[_Piece], lex: Lexicons) -> bool:
    """Whether the Latin part can carry a name.

    It needs a word with a letter that is not generic, a standard or a
    version number, nor beside katakana a common word (``ホストOS``,
    ``フルワイドVGA``, ``タワーII``, ``ブートOFF`` have none; ``Core 2 Duo`` has),
    and more than a letter labelling a katakana word (``ホールC``); it must
    not start with a standard, format or generic word (``microUSB HOST``); a
    leading company is fine (``Google Play``).
    """
    not_carrying = lex.not_heads | lex.common if any(p.kind == "kat" for p in pieces) else lex.not_heads
    carriers = [
        p
        for p in pieces
        if p.kind == "lat"
        and _HAS_LETTER.search(folded, p.start, p.end)
        and product_key(folded[p.start : p.end]) not in not_carrying
        and not lex.version.match(folded, p.start, p.end)
    ]
    if not carriers:
        return False
    lone = carriers[0]
    if len(carriers) == 1 and lone is pieces[-1] and pieces[0].kind == "kat" and lone.end - lone.start == 1:
        title = folded[pieces[0].start : lone.start]
        return _lone_numeral(folded, lone) and len(title) >= _LONG_TITLE and not _is_generic_compound(title, lex)
    first = product_key(folded[pieces[0].start : pieces[0].end])
    if len(pieces) == 1 or first not in lex.not_heads:
        return True
    return product_key(folded[pieces[0].start : pieces[1].end]) in lex.known


def _with_bracketed_model(folded: str, end: int, limit: int, lex: Lexicons) -> int:
    """Extend a name over a model number in brackets right after it: ``GALAXY SII（SC-02C）``."""
    m = _PAREN_AFTER.match(folded, end, limit)
    if m and _is_model(m.group(1).strip(), lex):
        return m.end()
    return end


def _with_model_suffix(folded: str, end: int, limit: int, lex: Lexicons) -> int:
    """Extend a name over model numbers written after it: ``らくらくスマートフォン F-12D``,
    ``ルンバ 780`` (a bare number that no counter or unit follows)."""
    while (m := _SPACED_TOKEN.match(folded, end, limit)) and (
        _is_model(m.group(1), lex) or _SPACED_NUMBER.fullmatch(folded, m.start(), min(limit, m.end() + 1))
    ):
        end = m.end()
    return end


def _preceding_word(folded: str, pos: int, zone_start: int) -> str:
    m = _WORD_BEFORE.search(folded, max(zone_start, pos - 13), pos)
    return m.group(1) if m else ""


def _bracket_chains(folded: str, zone: tuple[int, int]) -> Iterator[list[regex.Match[str]]]:
    """Runs of 「」『』 brackets written one after another or coordinated (``「A」「B」``,
    ``「A」、「B」``, ``「A」と「B」``): the word before the first and the text after the
    last speak of all of them (``アプリ「A」「B」を公開``, ``項目「A」「B」を選ぶ``)."""
    chain: list[regex.Match[str]] = []
    for m in _BRACKETED.finditer(folded, *zone):
        if chain and not _CHAIN_GAP.fullmatch(folded, chain[-1].end(), m.start()):
            yield chain
            chain = []
        chain.append(m)
    if chain:
        yield chain


def _bracket_names(folded: str, zone: tuple[int, int], lex: Lexicons) -> Iterator[_Name]:
    """Names in 「」『』: with a Latin name word, or announced by a category word or a release verb.

    A trademark sign, a closing ``!``/``?`` after Japanese text and what a run would lose are
    dropped (``Motorolaホームページ`` → ``Motorola``, then excluded); text with
    other brackets or with the particles and endings of a sentence, or an
    English phrase, is a quotation; what follows may make it a company, a
    venue or a person (``「キヤノンホール S」において``). A company whose name ends in a category word
    (``フジテレビ「…」``) is no cue. Checks read the name without a bracketed model number after it.
    The cues of a chain of brackets (``「A」「B」を発売``) are shared by its members, unless one
    of them is a quotation (``「アナタ」や「アナタに関係する人物」が登場``): then it is no list of names.
    """
    for chain in _bracket_chains(folded, zone):
        titled = _by_category(folded, chain[0].start(), zone, lex)
        listing = not any(_quotation(m.group(1), titled, lex) for m in chain)
        shared = listing and _bracket_cue(folded, chain[0].start(), chain[-1].end(), zone, lex)
        for m in chain:
            yield from _bracket_name(folded, m, zone, lex, shared, titled)


def _quotation(inner: str, titled: bool, lex: Lexicons) -> bool:
    """Whether bracketed text reads as a quotation, not a name (a title after a category word may hold particles)."""
    return bool(lex.bracket_reject.search(inner) or (not titled and lex.bracket_phrase.search(inner)))


def _by_category(folded: str, start: int, zone: tuple[int, int], lex: Lexicons) -> bool:
    """Whether the word before ``start`` is a category word (``アプリ「…」``), not a company named like one."""
    before = _preceding_word(folded, start, zone[0])
    return product_key(before) not in lex.companies and bool(lex.category_cue.search(before))


def _by_maker(folded: str, start: int, end: int, zone: tuple[int, int], lex: Lexicons) -> bool:
    """Whether a company owns the bracketed name at ``start:end`` (松井証券の「株touch」, マネックス証券による
    「マネックストレーダー」): what a company offers under a name is its product or service. Its name has
    Latin letters or a katakana word (a company's 「お知らせ」 or 「情熱」 is no name)."""
    owned = lex.maker_possessive.search(folded, max(zone[0], start - 8), start)
    if owned is None or not _NAME_LETTERS.search(folded, start, end):
        return False
    word = _preceding_word(folded, owned.start(), zone[0])
    return product_key(word) in lex.companies or bool(lex.company_word.search(word))


def _bracket_cue(folded: str, start: int, end: int, zone: tuple[int, int], lex: Lexicons) -> bool:
    """Whether a category word, a company owning it or a release verb before ``start``, or a release
    verb after ``end``, announces a name."""
    return (
        _by_category(folded, start, zone, lex)
        or _by_maker(folded, start, end, zone, lex)
        or bool(lex.release_before.search(folded, max(zone[0], start - 16), start))
        or bool(lex.following_cue.match(folded, end, min(zone[1], end + 30)))
    )


def _bracket_name(
    folded: str, m: regex.Match[str], zone: tuple[int, int], lex: Lexicons, shared_cue: bool, titled: bool
) -> Iterator[_Name]:
    """The name in one bracket of a chain, if it is one (see ``_bracket_names``)."""
    start, end = m.span(1)
    mark = _TRAILING_MARK.search(folded, start, end)
    end = mark.start() if mark else end
    while start < end and folded[start].isspace():
        start += 1
    while end > start and folded[end - 1].isspace():
        end -= 1
    if start < end and lex.column_tag.match(folded, m.end(), zone[1]):
        yield _Name(start, end, "bracket")  # 「X」【iPhoneアプリ】: a review's subject, named as written
        return
    bang = _TRAILING_BANG.search(folded, start, end)
    end = bang.start() if bang else end
    end = _before_gloss(folded, start, end, lex)
    start, end = _trimmed_bracket(folded, start, end, lex)
    inner = folded[start:end]
    if not inner or _quotation(inner.rstrip("!?"), titled, lex) or _has_other_brackets(inner, lex):
        return
    core = _PAREN_AFTER.sub("", inner).strip() or inner
    cue = shared_cue or _bracket_cue(folded, m.start(), m.end(), zone, lex)
    named = any(product_key(t) not in lex.excluded for t in _LATIN_WORDS.findall(core)) or bool(
        lex.katakana_model.match(core)
    )
    if lex.identity_cue.match(folded, m.end(), min(zone[1], m.end() + 16)) or (
        _named_group(folded, m.start(), zone, lex) and not lex.model_mark.search(inner)
    ):
        yield _Name(start, end, NOT_A_PRODUCT)
        return
    if lex.company_cue.match(folded, m.end(), min(zone[1], m.end() + 16)):
        return
    if not cue and lex.bracket_reject_uncued.search(inner):
        return
    if product_key(core) in lex.kept_tails:
        return  # 「G6シリーズ」 with its name word lost: シリーズ alone names nothing
    phrase = lex.phrase.search(core) and not (titled or _by_maker(folded, m.start(), m.end(), zone, lex))
    if (cue or named) and not phrase and _acceptable(core, lex, context_cue=True):  # アプリ「quick memo」: a title
        yield from (_Name(s, e, "bracket") for s, e in _slashed_models(folded, start, end, lex))


def _before_gloss(folded: str, start: int, end: int, lex: Lexicons) -> int:
    """Where a bracketed name ends when a Latin gloss closes the bracket
    (「ソニッケアー　エアーフロス（Philips Sonicare AirFloss）」): before the gloss, which
    ``_short_form_links`` makes another name of it."""
    gloss = lex.bracket_gloss.search(folded[start:end])
    return start + len(folded[start : start + gloss.start()].rstrip()) if gloss else end


def _slashed_models(folded: str, start: int, end: int, lex: Lexicons) -> list[tuple[int, int]]:
    """The models a bracketed name joins with slashes (『ＥＸ−ＪＥ１０／ＥＸ−Ｎ１０』: two products), else the
    whole name. Of abbreviated siblings (``DMR-BZT810/710``) the full one is kept: ``_slash_models``
    expands the others."""
    inner = folded[start:end]
    if "/" not in inner:
        return [(start, end)]
    if lex.slash_models.fullmatch(inner):
        return [(start, start + inner.index("/"))]
    spans, pos = [], start
    for part in inner.split("/"):
        lead = len(part) - len(part.lstrip())
        spans.append((pos + lead, pos + len(part.rstrip())))
        pos += len(part) + 1
    if all(_is_model(folded[s:e], lex) for s, e in spans) or _one_line_named(folded, spans):
        return spans
    return [(start, end)]


def _one_line_named(folded: str, spans: Sequence[tuple[int, int]]) -> bool:
    """``「Eee PC 1025C / Eee PC 1025CE」``: names of two words or more that all begin with the same
    word are siblings of one line, each a product."""
    words = [folded[s:e].split() for s, e in spans]
    return all(len(w) >= 2 and w[0] == words[0][0] for w in words)


def _named_group(folded: str, bracket: int, zone: tuple[int, int], lex: Lexicons) -> bool:
    """Whether the word before a bracket (past a の) names a group of people or a venue
    (ダンスユニット「X」, アイドルユニットの「X」): the bracket holds that group's name, unless
    it holds a model number (無線化ユニット「WTR-HDAV/A」 is a device)."""
    pos = bracket - 1 if folded[bracket - 1 : bracket] == "の" else bracket
    word = _preceding_word(folded, pos, zone[0])
    return bool(word) and bool(lex.group_prefix.search(word))


def _labels(folded: str, zones: Sequence[tuple[int, int]], lex: Lexicons) -> list[tuple[int, int]]:
    """Bracketed text that names a button, menu item, folder, file or build number rather
    than a product: ``「DATA82N」フォルダ``, ``項目「Uplink Frequency」``,
    ``「デコメ」→「Download」→``. Labels are bracketed as often as names are, so no rule
    may take a name from inside them."""
    spans = []
    for zs, ze in zones:
        for chain in _bracket_chains(folded, (zs, ze)):
            before = folded[max(zs, chain[0].start() - 12) : chain[0].start()]
            after = (chain[-1].end(), min(ze, chain[-1].end() + 12))
            if lex.label_before.search(before) or lex.label_after.match(folded, *after):
                spans.extend(m.span(1) for m in chain)
    return spans


def _trimmed_bracket(folded: str, start: int, end: int, lex: Lexicons) -> tuple[int, int]:
    """The name inside bracketed text that is one run: trimmed like a run, within limits.

    ``ドコモ スマートフォンAQUOS PHONE f SH-13C`` loses its company and
    category, ``docomo NEXT series Xperia NX SO-02D`` its line label (the
    one part of the split run that is a name); ``プランZシンプル`` keeps its
    head (what follows it is too weak to be the name) and ``Nドライブ`` its
    tail (``N`` alone is no name); ``ATOK for Android`` stays whole
    (``bracket_joiners``). Only the start is trimmed for good: the brackets
    mark where the name ends, so its end stays (``Google Playギフトカード``,
    ``HONEY BEE 101K``, ``BIGLOBE 3G``), unless it is a word that makes the name
    a kind of thing for a product (``Androidアプリ``, ``AQUOS PHONEブランド``:
    ``bracket_tail_trimmed``). An excluded name (``Motorolaホームページ`` →
    ``Motorola``) is returned empty.
    """
    run = next(_runs(folded, start, end), [])
    if not run or run[0].start != start or run[-1].end != end:
        return start, end
    joined = any(product_key(folded[p.start : p.end]) in lex.bracket_joiners for p in run[1:-1])
    parts = [] if joined else [p for p in _split_run(folded, run, lex) if _acceptable(folded[p[0].start : p[-1].end], lex)]
    pieces = _trim(folded, parts[0] if len(parts) == 1 else run, lex, bracketed=True)
    if not pieces:
        return start, start
    new_start, new_end = pieces[0].start, pieces[-1].end
    if new_end < end and (
        not lex.bracket_tail_trimmed.match(folded, new_end, end)
        or _inside_katakana_word(folded, new_end)  # 「ハッピーモード」 is one word, not ハッピー + モード
    ):
        new_end = end
    first_latin = next((folded[p.start : p.end] for p in pieces if p.kind == "lat"), "")
    if new_start != start and (
        lex.weak_shapes.match(first_latin)
        or _name_modifier(folded, run, new_start, lex)
        or _line_label_of_model(folded[start:new_start], folded[new_start:new_end], lex)
    ):
        new_start = start
    if _acceptable(folded[new_start:new_end], lex):
        return new_start, new_end
    if product_key(folded[new_start:new_end]) in lex.excluded:
        return start, start
    return start, end


def _name_modifier(folded: str, run: Sequence[_Piece], start: int, lex: Lexicons) -> bool:
    """Whether the words of a bracketed run before ``start`` are a standard or a technical word
    the writer bracketed with the name (``「LED AQUOS」``, ``「QRコネクト」``, ``「Ｗｉ−Ｆｉコネクト」``,
    ``「SMS Viewer」``): part of it, unlike a company or a category (``「ドコモ スマートフォンAQUOS PHONE」``)."""
    before = [folded[p.start : p.end] for p in run if p.end <= start and p.kind != "gap"]
    return bool(before) and all(
        product_key(w) in lex.excluded - lex.companies and (_LATIN_EDGE.match(w) or product_key(w) not in lex.generic)
        for w in before
    )


def _line_label_of_model(before: str, name: str, lex: Lexicons) -> bool:
    """Whether a carrier's line label stands before a bare model number in one bracket
    (``「docomo NEXT series P-04D」``): the label is the only name the model has there, so it stays
    (before a name it goes: ``docomo NEXT series Xperia NX SO-02D`` is ``Xperia NX SO-02D``)."""
    label = before.strip()
    return label.endswith("series") and product_key(label) in lex.companies and _is_model(name, lex)


def _inside_katakana_word(text: str, pos: int) -> bool:
    """Whether ``pos`` falls between two katakana letters (a prolonged sound mark counts as one)."""
    return 0 < pos < len(text) and all(_KATAKANA_LETTER.match(c) for c in (text[pos - 1], text[pos]))


def _has_other_brackets(inner: str, lex: Lexicons) -> bool:
    """Brackets inside a bracketed name, other than a model number (``GALAXY SII（SC-02C）``),
    a short Latin edition label (``Blow Up (Lite)``) or a trademark sign (``Dell（TM）1420x``)."""
    return any(
        not (_is_model(p.strip(), lex) or _EDITION.fullmatch(p.strip()) or p in _SIGNS)
        for p in _PAREN_CONTENT.findall(inner)
    ) or bool(
        _STRAY_BRACKET.search(_PAREN_AFTER.sub("", inner))
    )


_FIELD_VALUE = regex.compile(r"[^\r\n（(〈《【\[]+")


def _field_value(folded: str, start: int, limit: int) -> tuple[int, int] | None:
    """Where the value of a spec line starting at ``start`` is: up to a bracket or a wide gap."""
    value = _FIELD_VALUE.match(folded, start, limit)
    if not value:
        return None
    text = value.group().split("  ")[0].rstrip()
    begin = start + len(text) - len(text.lstrip())
    return (begin, start + len(text)) if text.strip() else None


def _field_names(folded: str, zone: tuple[int, int], lex: Lexicons) -> Iterator[_Name]:
    """The value of a ``製品名：`` / ``アプリ名：`` line of a spec block: a name however it
    is written (``製品名：サンバイザー クリップスタイル カーホルダー``, ``製品名：ScanSnap
    S1300i 楽々ライブラリ パーソナル V5.0 セットモデル``), up to a bracket or a wide gap."""
    for m in lex.name_field.finditer(folded, *zone):
        span = _field_value(folded, m.end(), zone[1])
        if span is None:
            continue
        text = folded[span[0] : span[1]]
        if len(text) > MAX_NAME_LENGTH or _quotation(text, False, lex) or not _acceptable(text, lex, True):
            continue
        yield _Name(*span, "field")


def _plan_names(folded: str, zone: tuple[int, int], lex: Lexicons) -> Iterator[_Name]:
    """Rate plans named in running text (``スマートプラン（シンプルにねん＋アシスト1600）``): the
    guidelines count a plan with a proper name as a product, and katakana words are otherwise found
    only in brackets or the lexicons. A generic plan (``専用パケットプラン``) is no name."""
    for m in lex.plan_name.finditer(folded, *zone):
        if not m["variant"] and lex.generic_plan.fullmatch(m["base"]):
            continue
        yield _Name(m.start() if m["variant"] else m.start("base"), m.end(), "shape")


def _lens_names(folded: str, zone: tuple[int, int], lex: Lexicons) -> Iterator[_Name]:
    """Lenses named with their focal length and aperture (``SIGMA 19mm F2.8 EX DN``): the measures
    inside, which end a run of name words, belong to the name here."""
    return (_Name(m.start(), m.end(), "shape") for m in lex.lens_name.finditer(folded, *zone))


_PLATFORM_REACH = 24  # characters before a name that its platform and 版 may take (Xbox 360版, Windows Phone版)


def _editions(folded: str, names: Sequence[_Name], lex: Lexicons) -> list[_Name]:
    """A name preceded by the platform it is made for (``iPhone版Google Drive``, ``DSP版Windows 7``,
    ``BlackBerry版LINE``): that edition is a product of its own (guidelines §1: editions), named with
    its platform, as the gold writes it. ``の`` or a bracket between them keeps them apart."""
    out = []
    for n in names:
        if n.rule == NOT_A_PRODUCT:
            continue
        platform = lex.edition_platform.search(folded, max(0, n.start - _PLATFORM_REACH), n.start)
        if platform:
            out.append(_Name(platform.start(), n.end, n.rule))
    return out


def _field_makers(folded: str, zones: Sequence[tuple[int, int]], lex: Lexicons) -> list[str]:
    """The values of the ``メーカー：`` lines of spec blocks: the companies the document itself names
    as makers (``メーカー：Aerocool``), listed or not."""
    spans = (_field_value(folded, m.end(), zone[1]) for zone in zones for m in lex.maker_field.finditer(folded, *zone))
    return [folded[span[0] : span[1]] for span in spans if span is not None]


def _maker_links(folded: str, names: Sequence[_Name], makers: Sequence[str]) -> list[_Link]:
    """A name written after its maker (``Aerocool Strike-X AIR``, the maker from a ``メーカー：`` line):
    the rest of it is that name too (``Strike-X AIR``)."""
    links = []
    for n in names:
        surface = folded[n.start : n.end]
        for maker in makers:
            rest = surface[len(maker) :] if surface.startswith(maker) else ""
            if rest[:1] == " " and rest.strip():
                links.append(_Link(rest.strip(), n.end, "maker"))
    return links


def _model_field_links(folded: str, zone: tuple[int, int], names: Sequence[_Name], lex: Lexicons) -> list[_Link]:
    """The value of a ``型番：`` line right after a ``製品名：`` line is that product's model
    number (``製品名：ScanSnap 1300i`` / ``型番：FI-S1300A``), unless the name already
    holds it (``製品名：ZALMAN ZM-M100`` / ``型番：ZM-M100``)."""
    fields = {n.end: product_key(folded[n.start : n.end]) for n in names if n.rule == "field"}
    field_ends = sorted(fields)
    links = []
    for m in lex.model_field.finditer(folded, *zone):
        line_end = folded.rfind("\n", zone[0], m.start())
        owners = field_ends[bisect.bisect_right(field_ends, folded.rfind("\n", zone[0], line_end)) :]
        span = _field_value(folded, m.end(), zone[1])
        if span and owners and owners[0] <= line_end:
            shorts = _split_short_forms(folded[span[0] : span[1]], lex)
            links.extend(_Link(s, owners[0], "model") for s in shorts if product_key(s) not in fields[owners[0]])
    return links


def _lexicon_names(folded: str, lowered: str, zone: tuple[int, int], lex: Lexicons) -> Iterator[_Name]:
    """Names from the product and code-name lexicons, case-insensitive, with a model number after them.

    A name listed with capitals and written all in lower case is the common
    word (``line`` for ``LINE``), not the name (``_listed``).
    """
    if lex.known_pattern is None:
        return
    for m in lex.known_pattern.finditer(lowered, *zone):
        if (
            not _lower_case_of(folded[m.start() : m.end()], lex)
            and _latin_bounded(folded, m.start(), m.end())
            and _katakana_bounded(folded, m.end(), zone[1], lex)
        ):
            yield _Name(m.start(), _with_model_suffix(folded, m.end(), zone[1], lex), "lexicon")


def _katakana_bounded(folded: str, end: int, limit: int, lex: Lexicons) -> bool:
    """A katakana end of a match must not continue a katakana word (``スマートパス`` in ``スマートパスポート``),
    unless what follows is a word of its own (``ウォークマンシリーズ``, ``…アプリ``)."""
    if not (end < limit and _inside_katakana_word(folded, end)):
        return True
    rest = _KATAKANA_RUN.match(folded, end, limit)
    key = product_key(rest.group()) if rest else ""
    return key in lex.generic or key in lex.kept_tails or key in lex.name_tails or key in lex.common


def _latin_bounded(folded: str, start: int, end: int) -> bool:
    """A Latin edge of a match must not continue a Latin word (``Pixel 8`` in ``Pixel 8a``)."""
    before = start > 0 and _LATIN_EDGE.match(folded[start]) and _LATIN_EDGE.match(folded[start - 1])
    after = end < len(folded) and _LATIN_EDGE.match(folded[end - 1]) and _LATIN_EDGE.match(folded[end])
    return not (before or after)


def _bounded(folded: str, start: int, end: int, lex: Lexicons) -> bool:
    """An occurrence of a name neither continues a Latin word nor starts or ends inside a katakana word."""
    return (
        _latin_bounded(folded, start, end)
        and not _inside_katakana_word(folded, start)
        and _katakana_bounded(folded, end, len(folded), lex)
    )


@dataclass(frozen=True, slots=True)
class _Link:
    """A short form (code name, 以下 abbreviation) defined for the name ending at ``target_end``."""

    short: str
    target_end: int
    kind: str


def _split_short_forms(inner: str, lex: Lexicons) -> list[str]:
    """The names a code-name or 以下 bracket gives, without anaphors (``以下、本製品``)."""
    parts = (p.strip(" 「」『』\"'") for p in _SHORT_FORM_SPLIT.split(inner))
    return [p for p in parts if 0 < len(p) <= 30 and not lex.anaphor.match(p) and _acceptable(p, lex, True)]


def _short_form_links(folded: str, zone: tuple[int, int], names: Sequence[_Name], lex: Lexicons) -> list[_Link]:
    """Short forms: ``名前（コード名:X）``, ``名前（開発コード名：X；Y）``, ``名前（以下、X）``,
    ``Name (Alias)``, the reading closing a bracketed Latin name (``「NarSuS（ナーサス）」``) and
    the model number of a bracketed name (``「Smarbo」（VC-RB100）``).

    The short form belongs to the name that ends right before the bracket,
    allowing a katakana word between them (``…Virtualizationサービス(コード名:…)``);
    a bare Latin alias only right after a Latin name.
    """
    ends = sorted({n.end for n in names})
    links = []
    for m in _PAREN_AFTER.finditer(folded, *zone):
        inner = m.group(1)
        if model := lex.model_intro.match(inner):
            link, inner = _labelled_model_link(folded, inner[model.end() :], m.start(), ends, lex)
            links.extend([link] if link else [])
        code = lex.code_name_intro.match(inner)
        intro = code or lex.short_form_intro.match(inner)
        if intro:
            before = ends[: bisect.bisect_right(ends, m.start())]
            owner = next((e for e in reversed(before[-3:]) if _KANA_GAP.fullmatch(folded, e, m.start())), None)
            if owner is not None:
                kind = "code_name" if code else "short_form"
                links.extend(_Link(short, owner, kind) for short in _split_short_forms(inner[intro.end() :], lex))
        elif _is_model(inner.strip(), lex) and folded[m.start() - 1 : m.start()] in "」』" and m.start() - 1 in ends:
            links.append(_Link(inner.strip(), m.start() - 1, "model"))
        elif _is_alias(inner, lex):
            owner = m.start() - 1 if folded[m.start() - 1 : m.start()] == " " else m.start()
            if owner in ends and (_LATIN_EDGE.match(folded[owner - 1]) or _closes_bracket_gloss(folded, m, lex)):
                links.append(_Link(inner.strip(), owner, "alias"))
        elif _closes_with_reading(folded, m, inner, lex) and m.start() in ends:
            links.append(_Link(inner.strip(), m.start(), "alias"))
    return links


def _closes_with_reading(folded: str, paren: regex.Match[str], inner: str, lex: Lexicons) -> bool:
    """Whether the bracket ``paren`` is the katakana reading closing a bracketed Latin name
    (``「ＭＩＬＩＥ（ミライエ）」``): the reading is another name of it."""
    return (
        folded[paren.end() : paren.end() + 1] in ("」", "』")
        and bool(_LATIN_EDGE.match(folded[paren.start() - 1 : paren.start()]))
        and bool(lex.reading.match(inner.strip()))
        and product_key(inner) not in lex.excluded
    )


def _closes_bracket_gloss(folded: str, paren: regex.Match[str], lex: Lexicons) -> bool:
    """Whether the bracket ``paren`` is a Latin rendering closing a bracketed name (see ``_before_gloss``)."""
    opening = max(folded.rfind("「", 0, paren.start()), folded.rfind("『", 0, paren.start()))
    closed = folded[paren.end() : paren.end() + 1] in ("」", "』")
    return opening >= 0 and closed and bool(lex.bracket_gloss.search(folded[opening + 1 : paren.end()]))


def _labelled_model_link(
    folded: str, tail: str, bracket: int, ends: Sequence[int], lex: Lexicons
) -> tuple[_Link | None, str]:
    """The model number a bracket gives after its label (``(型番はKYY04。以下、UP)``), as a link
    to the name ending right before the bracket, and the rest of the bracket (a short form may follow)."""
    cut = _CLAUSE_BREAK.search(tail)
    number, rest = (tail[: cut.start()].strip(), tail[cut.end() :]) if cut else (tail.strip(), "")
    owner = next((e for e in reversed(ends) if e <= bracket and _BEFORE_BRACKET.fullmatch(folded, e, bracket)), None)
    if owner is None or not (_is_model(number, lex) or _LABELLED_MODEL.fullmatch(number)):
        return None, rest
    return _Link(number, owner, "model"), rest


def _is_alias(inner: str, lex: Lexicons) -> bool:
    """A Latin name in brackets right after a Latin name is another name of it (``… (Bloomfield)``)."""
    inner = inner.strip()
    key = product_key(inner)
    return bool(lex.alias.match(inner)) and not (
        _is_model(inner, lex) or key in lex.excluded or _is_measure(key, lex) or lex.exclude_shapes.match(key)
    )


# --------------------------------------------------------------------------- phase 2: occurrences


def _occurrences(
    lowered: str, zones: Sequence[tuple[int, int]], surfaces: Iterable[str], lex: Lexicons
) -> list[tuple[int, int]]:
    """Every occurrence of every surface (case-insensitive), bounded: not inside a Latin word, nor
    inside a katakana word (``ライン`` in ``タイムライン``; see ``_bounded``).

    A few surfaces are searched one by one; many (a long text dense with
    names) in one pass of a trie that gives the longest surface at each
    position, so the cost stays linear in the text.
    """
    wanted = {fold_lower(s) for s in surfaces if s}
    if len(wanted) > MANY_SURFACES:
        pattern = _literal_pattern(wanted)
        assert pattern is not None
        ahead = re.compile(f"(?=({pattern.pattern}))")
        spans = ((m.start(), m.end(1)) for zs, ze in zones for m in ahead.finditer(lowered, zs, ze))
        return [(s, e) for s, e in spans if _bounded(lowered, s, e, lex)]
    found = []
    for surface in wanted:
        for zs, ze in zones:
            i = lowered.find(surface, zs, ze)
            while i >= 0:
                if _bounded(lowered, i, i + len(surface), lex):
                    found.append((i, i + len(surface)))
                i = lowered.find(surface, i + 1, ze)
    return found


def _longest_first(spans: Iterable[tuple[int, int]], size: int) -> list[tuple[int, int]]:
    """Non-overlapping spans, longer ones winning, then earlier ones."""
    taken = _Occupied(size)
    chosen: list[tuple[int, int]] = []
    for s, e in sorted(set(spans), key=lambda se: (se[0] - se[1], se[0])):
        if not taken.overlaps(s, e):
            taken.take(s, e)
            chosen.append((s, e))
    return sorted(chosen)


# --------------------------------------------------------------------------- phase 3: resolution


@lru_cache(maxsize=SMALL_CACHE * 2)
def _tokens(surface: str) -> tuple[str, ...]:
    """Words of a name: split at spaces, brackets and Latin/katakana boundaries."""
    return tuple(t for t in _TOKEN_SPLIT.split(_MARKS.sub(" ", surface)) if t)


def _rest_after(short: str, full: str) -> tuple[str, ...] | None:
    """The tokens of ``full`` after a prefix whose key is ``short``'s key, or None."""
    target, f = product_key(short), _tokens(full)
    for i in range(1, len(f)):
        head = product_key("".join(f[:i]))
        if head == target:
            return f[i:]
        if not target.startswith(head):
            return None
    return None


def _head_before(short: str, full: str) -> tuple[str, ...] | None:
    """The tokens of ``full`` before a suffix whose key is ``short``'s key, or None."""
    target, f = product_key(short), _tokens(full)
    for i in range(len(f) - 1, 0, -1):
        tail = product_key("".join(f[i:]))
        if tail == target:
            return f[:i]
        if not target.endswith(tail):
            return None
    return None


# where a title's subtitle begins (not a command's option: netstat -a)
_SUBTITLE = regex.compile(r"\s*(?:[:：]|\s[-–—－](?:\s|(?=[^\x00-\x7f])))(?=\S)")


def _same_product(short: str, full: str, lex: Lexicons, named: frozenset[str] = frozenset()) -> bool:
    """Whether ``full`` names the same product as ``short``, only more fully.

    ``full`` adds model numbers (``HTC J`` → ``HTC J ISW13HT``) or a subtitle (``アスファルト7：Heat``), or a company
    name before it (``ZENBOOK`` → ``ASUS ZENBOOKシリーズ``), or a brand before
    it (``Note`` → ``GALAXY Note SC-05D``) or, both in kana or kanji, a series the document
    names (``named``, keys: ``リボンシール`` → ``スマホウエア リボンシール`` beside 「スマホウエア」), or ``short`` is the bare model
    number or the code name ending ``full`` (``IS12M``, ``Mountain Lion``).
    Versions are other products (``Android`` / ``Android 4.0``), and so is a
    series beside its models (``GALAXY Sシリーズ`` / ``GALAXY S SC-02B``).
    """
    rest = _rest_after(short, full)
    if rest and all(_is_model(t, lex) for t in rest):
        return True
    key = product_key(short)
    if key not in lex.known and any(product_key(full[: m.start()]) == key for m in _SUBTITLE.finditer(full)):
        return True  # a title and its subtitle (アスファルト7：Heat), not a service and its edition (ニコニコ動画：Zero)
    branded = _head_before(short, " ".join(_core_words(full, lex, models=True)))
    if branded and ((maker := product_key("".join(branded))) in lex.excluded or maker in lex.brands):
        return True
    full_core = " ".join(_core_words(full, lex))
    head = _head_before(short, full_core)
    if head and product_key("".join(head)) in lex.excluded:
        return True
    if head and product_key("".join(head)) in named and not _LATIN_WORDS.search(fold(" ".join(head) + short)):
        return True  # Latin names (Retina MacBook Pro, Xiパケ・ホーダイ) are as often two products
    # both with their series word, the fuller one after a brand or a listed product name:
    # ＨＸ９５０シリーズ of ブラビア　ＨＸ９５０シリーズ
    short_core = _core_words(short, lex)
    series_head = _head_before(" ".join(short_core), full_core)
    if (
        series_head
        and short_core != _tokens(short)
        and product_key("".join(series_head)) in lex.brands | lex.known | lex.excluded
    ):
        return True
    if head is None:
        return False
    return product_key(short) in lex.code_names or (len(_tokens(short)) == 1 and _is_model(short, lex))


def _core_words(surface: str, lex: Lexicons, models: bool = False) -> tuple[str, ...]:
    """The words of a name without the series words ending it (and, with ``models``, the
    model numbers): what a shorter mention of the same product ends with."""
    words = _tokens(surface)
    while len(words) > 1 and (product_key(words[-1]) in lex.kept_tails or (models and _is_model(words[-1], lex))):
        words = words[:-1]
    return words


def _series_of(short: str, full: str, lex: Lexicons) -> bool:
    """``full`` is ``short`` with a series word: ``ScanSnapシリーズ`` for ``ScanSnap``, which
    joins the series unless the document names one model of it (``GALAXY S SC-02B``)."""
    rest = _rest_after(short, full)
    return bool(rest) and all(product_key(t) in lex.kept_tails for t in rest)


def _numbered(name: str, index: _KeyIndex, first: dict[str, str], lex: Lexicons) -> bool:
    """Whether the document numbers a sequel of ``name`` in Roman numerals (``FINAL FANTASY II``
    beside ``FINAL FANTASY``): then the bare name is the first title, not its series. (A letter
    alone, V or X, names a model: ``HTC One X``.)"""
    for other in index.extending(product_key(name)):
        rest = _rest_after(name, first[other])
        if rest and len(rest) == 1 and lex.sequel.fullmatch(rest[0]):
            return True
    return False


_GLUED_VERSION = regex.compile(r"(?<=[A-Za-z])\d+(?:\.\d+)+\Z")  # Android4.0: a version written on the name


def _variant_of(name: str, other: str, lex: Lexicons, shorts: frozenset[str]) -> bool:
    """Whether ``name`` is a non-canonical variant of ``other``.

    ``Windows OS`` of ``Windows`` (a generic word added; not a line tail, which names another
    model or product: ``Xperia acro HD``, ``PlayStation Mobile SDK``, nor a name tail: ``Androidマーケット``;
    nor a listed name: ``Firefox OS``), ``Android 4.0 ICS``
    of ``Android 4.0`` or ``Android4.0 ICS`` of ``Android4.0`` (the code name of that version added; ``OS X Mountain
    Lion`` is a version of ``OS X``), ``Longhorn Server`` of the code name
    ``Longhorn``.
    """
    rest = _rest_after(other, name)
    if not rest or product_key(name) in lex.known:
        return False
    added = product_key("".join(rest))
    versioned = bool(lex.version.match(_tokens(other)[-1]) or _GLUED_VERSION.search(_tokens(other)[-1]))
    return (
        product_key(other) in shorts
        or added in shorts
        or (added in lex.code_names and versioned)
        or all((key := product_key(t)) in lex.generic and key not in lex.line_tails and key not in lex.name_tails for t in rest)
    )


class _Clusters:
    """Union-find over name keys."""

    def __init__(self, keys: Iterable[str]) -> None:
        self.parent = {k: k for k in keys}

    def find(self, key: str) -> str:
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, a: str, b: str) -> None:
        self.parent[self.find(a)] = self.find(b)


class _KeyIndex:
    """The names of a document by key, to find the ones a name begins or ends without comparing all pairs."""

    def __init__(self, first: dict[str, str], lex: Lexicons) -> None:
        self.keys = set(first)
        self.sorted = sorted(first)
        self.lengths = sorted({len(k) for k in first})
        # Ends of names, also without a series word (ZENBOOK ends ASUS ZENBOOKシリーズ)
        # or model numbers (Note ends GALAXY Note SC-05D).
        ends = {(k[::-1], k) for k in first}
        for k, surface in first.items():
            for models in (False, True):
                ends.add((product_key(" ".join(_core_words(surface, lex, models)))[::-1], k))
        self.reversed = sorted(ends)

    def extending(self, key: str) -> list[str]:
        """Keys that start with ``key`` and are longer."""
        out = []
        for k in self.sorted[bisect.bisect_right(self.sorted, key) :]:
            if not k.startswith(key):
                break
            out.append(k)
        return out

    def ending_with(self, key: str) -> set[str]:
        """Keys (or keys without a series word) that end with ``key`` and are longer."""
        rkey, out = key[::-1], set()
        for r, k in self.reversed[bisect.bisect_left(self.reversed, (rkey, "")) :]:
            if not r.startswith(rkey):
                break
            if k != key:
                out.add(k)
        return out

    def prefixes_of(self, key: str) -> list[str]:
        """Keys that are proper prefixes of ``key``, longest first. Only the lengths some key has are
        cut, so a very long name costs as many slices as the document has name lengths, not its length."""
        return [key[:n] for n in reversed(self.lengths) if n < len(key) and key[:n] in self.keys]


def _resolve(names: Sequence[str], links: Sequence[tuple[str, str]], lex: Lexicons) -> dict[str, str]:
    """Map each name's key to the canonical surface of its product.

    ``names`` are surfaces in text order; ``links`` pair a short form's key
    (code name, 以下 abbreviation, other spelling) with its long form's key;
    a link counts when the document has both. The canonical is the longest
    member of a cluster that is neither a short form nor a variant
    (``Windows OS``); a short form is canonical only when alone. A name joins
    the one product whose fuller names only add model numbers, a maker or a
    brand, or else the one series of it; longer names join first, so the
    fuller names of one product count once.
    """
    first: dict[str, str] = {}
    for surface in names:
        first.setdefault(product_key(surface), surface)
    keys = list(first)
    order = {k: i for i, k in enumerate(keys)}
    index = _KeyIndex(first, lex)
    clusters = _Clusters(keys)
    present = [(short, long) for short, long in links if short in first and long in first]
    shorts = frozenset(short for short, _ in present)
    for short, long in present:  # (a short form may have several links, not all to names of this document)
        clusters.union(short, long)
    misspelt = set()
    for typo, spelled, sure in _misspellings(names, first, lex):
        if sure:
            misspelt.add(typo)
        clusters.union(typo, spelled)
    variants = set()
    for k in keys:
        other = next((o for o in index.prefixes_of(k) if _variant_of(first[k], first[o], lex, shorts)), None)
        if other is not None and not index.ending_with(k) - set(index.extending(k)):
            # a fuller name ending with it (Motorola Atrix HD) says its last word is the name's (Atrix HD)
            variants.add(k)
            clusters.union(k, other)
    named = frozenset(keys)
    for k in sorted(keys, key=len, reverse=True):  # longer names join first: Note sees one GALAXY Note
        if k in shorts or k in variants:
            continue
        related = set(index.extending(k)) | index.ending_with(k) - variants
        fuller = {clusters.find(o) for o in related if _same_product(first[k], first[o], lex, named)}
        series = set() if _numbered(first[k], index, first, lex) else {
            clusters.find(o) for o in related if _series_of(first[k], first[o], lex)
        }
        if len(fuller) == 1 or (not fuller and len(series) == 1):
            clusters.union(k, (fuller or series).pop())
    _join_by_model_number(first, clusters, lex)
    families = _brand_families(first, index, clusters, lex)
    groups: dict[str, list[str]] = {}
    for k in keys:
        if k not in families:
            groups.setdefault(clusters.find(k), []).append(k)
    canonical: dict[str, str] = {}
    for members in groups.values():
        eligible = [k for k in members if k not in shorts and k not in variants and k not in misspelt] or members
        best = max(eligible, key=lambda k: (len(k), -order[k]))
        canonical.update(dict.fromkeys(members, first[best]))
    return canonical


_SPELLED_WORD = regex.compile(r"(?P<letters>[a-z]{4,})(?P<mark>[+!]?)")  # jigbrowser+
_MAX_SPELLING_BUCKET = 16  # names differing in one word from as many others are a line-up, not a typo


def _one_edit(a: str, b: str) -> bool:
    """Whether ``b`` is ``a`` with one letter dropped, added, changed, or two neighbours swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = next((j for j in range(len(a)) if a[j] != b[j]), len(a))
    if len(a) < len(b):
        return a[i:] == b[i + 1 :]
    return a[i + 1 :] == b[i + 1 :] or (a[i + 2 :] == b[i + 2 :] and a[i : i + 2] == b[i : i + 2][::-1])


def _misspelled(a: str, b: str, alone: bool) -> bool:
    """Whether two words of a name are one word spelled twice, once wrongly (``Edtion``/``Edition``,
    ``GALASY``/``GALAXY``, ``Bolo``/``Bold``): lower-case letters only, sharing their first letter
    (or, beside other words, one missing its first letter: ``QUOS PHONE Xx`` / ``AQUOS PHONE Xx``),
    one edit apart, five letters or more when the word is the whole name. A plural
    (``Window``/``Windows``) is no typo."""
    shortest = 5 if alone else 4
    wa, wb = _SPELLED_WORD.fullmatch(a), _SPELLED_WORD.fullmatch(b)
    if not (wa and wb and wa["mark"] == wb["mark"]):
        return False
    a, b = wa["letters"], wb["letters"]
    return (
        min(len(a), len(b)) >= shortest
        and (a[0] == b[0] or (not alone and (a[1:] == b or b[1:] == a)))
        and a + "s" != b
        and b + "s" != a
        and _one_edit(a, b)
    )


def _misspellings(names: Sequence[str], first: dict[str, str], lex: Lexicons) -> list[tuple[str, str, bool]]:
    """Names that are the same words but one, spelt once wrongly (``Quadrant Standard Edtion`` /
    ``Quadrant Standard Edition``, ``Sportus`` / ``Spotus``), as triples (misspelt key, key,
    whether the first is surely the typo): articles misspell names, and the gold counts a typo
    as a mention of the product.

    The typo is the name that is not a listed product (``PS Vista`` beside ``PS Vita``), else
    the word the document's names write less often (``GeFoece`` beside ``GeForce GTX 680`` and
    ``NVIDIA GeForce GTX 680``), else the shorter word (a dropped letter is the common slip);
    when all tie, either may be the canonical. Names differing in a word of three letters or
    fewer (``Xperia GX`` / ``Xperia SX``) or in digits are different products.
    """
    counts = Counter(product_key(w) for n in names for w in _tokens(n))

    def rank(key: str, word: str) -> tuple[bool, int, int]:
        return key in lex.known, counts[word], len(word)

    buckets: dict[tuple[int, tuple[str, ...]], list[tuple[str, str]]] = {}
    for key, surface in first.items():
        words = tuple(product_key(w) for w in _tokens(surface))
        for i, word in enumerate(words):
            if _SPELLED_WORD.fullmatch(word):
                buckets.setdefault((i, words[:i] + ("",) + words[i + 1 :]), []).append((key, word))
    pairs = []
    for (_, rest), members in buckets.items():
        if len(members) > _MAX_SPELLING_BUCKET:
            continue
        for n, (a, wa) in enumerate(members):
            for b, wb in members[n + 1 :]:
                if _misspelled(wa, wb, alone=len(rest) == 1):
                    (typo, wt), (spelled, ws) = sorted(((a, wa), (b, wb)), key=lambda m: rank(*m))
                    pairs.append((typo, spelled, rank(typo, wt) != rank(spelled, ws)))
    return pairs


def _join_by_model_number(first: dict[str, str], clusters: _Clusters, lex: Lexicons) -> None:
    """Names ending with the same model number are one product when the shorter name's
    words are among the longer's, besides companies and generic words: a model number
    names one device, however much of its name an article writes (``ARROWS X F-05D`` /
    ``ARROWS X LTE F-05D`` / ``docomo F-05D``). An edition named by other words stays
    apart (``JOJO L-06D`` beside ``Optimus Vu L-06D``), and a name that fits several
    products joins none of them, but for a bare model number that one of them names with a
    brand or a known product line (``L-06D``: ``Optimus Vu L-06D``, not the edition ``JOJO L-06D``).
    The same words in another order are the same name (``F-09D ANTEPRIMA`` / ``ANTEPRIMA F-09D``)."""
    groups: dict[str, list[tuple[str, frozenset[str]]]] = {}
    for key, surface in first.items():
        words = _tokens(surface)
        if words and _is_model(words[-1], lex):
            rest = frozenset(product_key(w) for w in words[:-1])
            groups.setdefault(product_key(words[-1]), []).append((key, rest))
    for members in groups.values():
        members.sort(key=lambda m: len(m[0]), reverse=True)
        for i, (key, rest) in enumerate(members):
            own = rest - lex.excluded
            fitting = [(k, words) for k, words in members[:i] if own <= words]
            hosts = {clusters.find(k) for k, _ in fitting}
            if len(hosts) > 1 and not own:  # a bare model number: the host of the brand's line, not an edition
                hosts = {
                    clusters.find(k) for k, words in fitting
                    if not (words.isdisjoint(lex.brands) and words.isdisjoint(lex.known))
                } or hosts
            if len(hosts) == 1:
                clusters.union(key, hosts.pop())
    # the same words in another order, one of them a model number (F-09D ANTEPRIMA / ANTEPRIMA F-09D)
    reordered: dict[tuple[str, ...], str] = {}
    holding: dict[str, set[str]] = {}  # a model number's key -> the names of several words holding it
    for key, surface in first.items():
        words = _tokens(surface)
        if len(words) > 1 and any(_is_model(w, lex) for w in words):
            clusters.union(key, reordered.setdefault(tuple(sorted(product_key(w) for w in words)), key))
            for i, w in enumerate(words):
                if not any(product_key(after) in lex.excluded or lex.version.match(after) for after in words[i + 1 :]):
                    holding.setdefault(product_key(w), set()).add(key)
    # a bare model number names the one product whose name holds it anywhere (F-09D of F-09D ANTEPRIMA),
    # unless a standard or a version follows it there: GA-Z77X-UD5H WiFi and 102SH II are other models
    for key in holding.keys() & first.keys():
        hosts = {clusters.find(k) for k in holding[key]}
        if len(hosts) == 1 and _is_model(first[key], lex):
            clusters.union(key, hosts.pop())


def _brand_families(first: dict[str, str], index: _KeyIndex, clusters: _Clusters, lex: Lexicons) -> set[str]:
    """Resolve bare brand names (``GALAXY``, ``AQUOS``): the keys to drop.

    A brand that begins the names of exactly one product in the document is
    a short form of it; one that begins several is the family, not a product
    (versions do not count: ``Android`` beside ``Android 4.0`` stays; nor do
    stores and services named after the brand: ``Xperia`` beside ``Xperia Store``).
    """
    families = set()
    for key in sorted(first.keys() & lex.brands):
        roots = set()
        for other in index.extending(key):
            rest = _rest_after(first[key], first[other])
            if rest and not all(lex.version.match(t) or product_key(t) in lex.name_tails for t in rest):
                roots.add(clusters.find(other))
        if len(roots) == 1:
            clusters.union(key, roots.pop())
        elif roots:
            families.add(key)
    return families


def _bare_version_targets(
    bare: Sequence[tuple[int, int, str]], named: Sequence[tuple[int, int, str]], lookback: int = 8
) -> dict[int, str]:
    """A bare ``SP1`` / ``R2`` completes the most recent fully named product.

    Looking back over the few names before the bare form, the first that
    either ends with it, or is extended by it into another name of the
    document, or is contained in a name that ends with it, gives the product.
    """
    keys = list(dict.fromkeys(product_key(s) for _, _, s in named))
    ends = [e for _, e, _ in named]
    targets = {}
    for start, _, surface in bare:
        v = product_key(surface)
        completed = [k for k in keys if k.endswith(v) and len(k) > len(v)]
        last = bisect.bisect_right(ends, start)
        for _, _, prev in reversed(named[max(0, last - lookback) : last]):
            p = product_key(prev)
            hit = next((k for k in completed if k == p or k == p + v or p in k), None)
            if hit:
                targets[start] = hit
                break
    return targets


# --------------------------------------------------------------------------- API


def find_products(
    text: str,
    zones: Sequence[tuple[int, int]] | None = None,
    lexicons: Lexicons | None = None,
) -> list[ProductMention]:
    """Product mentions in the content ``zones`` of ``text``, sorted and non-overlapping.

    Each mention's ``canonical`` is the fullest name the document gives the
    product it names; ``rule`` says which rule proposed the name.
    """
    lex = lexicons or _default_lexicons()
    zones = clamp_zones(zones, len(text))
    if not text or not zones:
        return []
    folded = _through_inner_readings(fold(text), lex)
    lowered = fold_lower(text, folded)
    masked = _Occupied(len(text), [
        *(s for mask in lex.masks for s in _spans_of(mask, folded, zones)),
        *(s for mask in lex.text_masks for s in _spans_of(mask, text, zones)),
    ])
    names, links = _discover(folded, lowered, zones, masked, lex)
    found = _locate(folded, lowered, zones, masked, names, links, lex)
    mentions = _without_noun_modifiers(folded, _mentions(text, folded, found, names, links, lex), lex)
    mentions = _without_acronym_expansions(folded, _without_lone_capitals(folded, mentions, lex))
    return _with_slash_models(text, mentions, _slash_models(text, folded, zones, lex))


def _through_inner_readings(folded: str, lex: Lexicons) -> str:
    """``folded`` with the reading inside a bracketed Latin name (``「IPSiO(イプシオ) PJ WX4130N」``)
    blanked, so that the name runs on through it; its offsets and the name as written keep it."""
    parts, last = [], 0
    for m in lex.inner_reading.finditer(folded):
        parts += [folded[last : m.start("reading")], " " * (m.end("reading") - m.start("reading"))]
        last = m.end("reading")
    return "".join(parts) + folded[last:] if parts else folded


def _without_noun_modifiers(folded: str, mentions: list[ProductMention], lex: Lexicons) -> list[ProductMention]:
    """Without the names found by shape alone whose every mention runs straight into a
    katakana noun (``Retinaディスプレイ``, ``USB-ACアダプタ``, ``Google Playストア``,
    ``PEAKSエンジン``): such a word modifies the noun, a part or a feature of the thing,
    and is never named on its own. A cue after it (``…アプリ``, ``…シリーズ``) keeps it.
    Nor are those that are an acronym with its noun (``MRIスキャン``, ``TOHOシネマズ``)."""
    glued: dict[str, bool] = {}
    for m in mentions:
        runs_on = m.rule == "shape" and not lex.following_cue.match(folded, m.end) and (
            _KATAKANA_LETTER.match(folded, m.end) or _acronym_noun(folded[m.start : m.end], lex)
        )
        glued[m.canonical] = glued.get(m.canonical, True) and bool(runs_on)
    return [m for m in mentions if not glued[m.canonical]]


def _without_lone_capitals(folded: str, mentions: list[ProductMention], lex: Lexicons) -> list[ProductMention]:
    """Without the names in capitals found by shape alone and named once (``SCREW``, ``TOEIC``).

    Of such names in the gold articles one in six is a product; the rest are
    acronyms, headings and organisations. A second mention, or a bracket, cue or
    lexicon entry anywhere, keeps the name.
    """
    count = Counter(m.canonical for m in mentions)
    return [
        m
        for m in mentions
        if not (count[m.canonical] == 1 and m.rule == "shape" and lex.lone_capitals.match(folded[m.start : m.end]))
    ]


_WORD_INITIAL = regex.compile(r"(?<![A-Za-z])[A-Za-z]")
_SPELLED_WORDS = regex.compile(r"[A-Za-z]+(?:[ \-][A-Za-z]+)+")  # words of letters only: what an acronym spells out
# an acronym, not the short form the article gives a name (「ABC PROGRESSO」（以下、AP）)
_ACRONYM = regex.compile(r"(?<![A-Za-z0-9]|以下[、,]?\s*[「『]?)[A-Z]{2,}(?![A-Za-z0-9])")
_ACRONYM_REACH = 24  # how far from the words their acronym stands (TMS（Transcranial Magnetic Stimulation：…）)


def _without_acronym_expansions(folded: str, mentions: list[ProductMention]) -> list[ProductMention]:
    """Without the names found by shape alone that spell out an acronym written next to them
    (``Read Only Memory`` beside ``ROM``, ``Low-Density Parity-Check (LDPC)``): a term defined, not a product."""
    expanded: set[str] = set()
    for m in mentions:
        if m.rule != "shape" or m.canonical in expanded or not _SPELLED_WORDS.fullmatch(folded, m.start, m.end):
            continue
        initials = "".join(c.group() for c in _WORD_INITIAL.finditer(folded, m.start, m.end)).upper()
        windows = ((max(0, m.start - _ACRONYM_REACH), m.start), (m.end, m.end + _ACRONYM_REACH))
        if any(a.group() == initials for lo, hi in windows for a in _ACRONYM.finditer(folded, lo, hi)):
            expanded.add(m.canonical)
    return [m for m in mentions if m.canonical not in expanded]


def _acronym_noun(name: str, lex: Lexicons) -> bool:
    """``MRIスキャン``: an acronym with a katakana noun that is no series or name word (``ELUGAシリーズ``)."""
    m = lex.acronym_noun.match(name)
    return m is not None and product_key(m["noun"]) not in lex.kept_tails | lex.name_tails


def _slash_models(
    text: str, folded: str, zones: Sequence[tuple[int, int]], lex: Lexicons
) -> list[tuple[int, int, str, int]]:
    """The abbreviated siblings after a full model number, with the number each names (as written)
    and where the full number ends: ``ＤＭＲ−ＢＺＴ８１０／７１０／ＢＷＴ５１０`` gives ``７１０`` →
    ``ＤＭＲ−ＢＺＴ７１０`` (digits replace the number's last digits) and ``ＢＷＴ５１０`` →
    ``ＤＭＲ−ＢＷＴ５１０`` (a word replaces what follows the last dash), ``iPhone4/4S`` ``4S`` → ``iPhone4S``."""
    out = []
    for zone in zones:
        for m in lex.slash_models.finditer(folded, *zone):
            base, base_end = text[m.start("base") : m.end("base")], m.end("base")
            dash = folded.rfind("-", m.start("base"), base_end) - m.start("base")
            number = _TRAILING_NUMBER.search(folded, m.start("base"), base_end)
            pos = base_end
            while pos < m.end():
                end = folded.find("/", pos + 1, m.end())
                end = m.end() if end < 0 else end
                piece = text[pos + 1 : end]
                if folded[pos + 1].isdigit() and number is not None:
                    out.append((pos + 1, end, base[: number.start() - m.start("base")] + piece, base_end))
                elif not folded[pos + 1].isdigit():
                    out.append((pos + 1, end, base[: dash + 1] + piece, base_end))
                pos = end
    return out


def _with_slash_models(
    text: str, mentions: list[ProductMention], slashed: Sequence[tuple[int, int, str, int]]
) -> list[ProductMention]:
    """Mentions where every occurrence of an abbreviated sibling names its expanded model, and its
    slash position is a mention even when the abbreviation alone is no name (``７１０``); only
    after a full number that is a product's mention (not ``RAM 1GB/2GB``, ``IPX5/7``)."""
    ends = {p.end for p in mentions}
    slashed = [(s, e, x) for s, e, x, base_end in slashed if base_end in ends]
    if not slashed:
        return mentions
    expanded = {product_key(text[s:e]): x for s, e, x in slashed}
    out = [
        ProductMention(p.start, p.end, p.text, expanded[k], "slash_model") if (k := product_key(p.text)) in expanded else p
        for p in mentions
    ]
    taken = _Occupied(len(text), [(p.start, p.end) for p in mentions])
    out += [ProductMention(s, e, text[s:e], x, "slash_model") for s, e, x in slashed if not taken.overlaps(s, e)]
    return sorted(out, key=lambda p: p.start)


def _discover(
    folded: str, lowered: str, zones: Sequence[tuple[int, int]], masked: _Occupied, lex: Lexicons
) -> tuple[list[_Name], list[_Link]]:
    """Phase 1: the names found by shape, brackets and lexicons, and the short forms defined for them.

    A name that the context shows to be a person, a group or a venue somewhere,
    or the headline's maker, or a maker a spec block names (``メーカー：X``), is no product anywhere
    in the document (unless listed as one), nor a short form of one.
    """
    glosses = _Occupied(len(folded), _spans_of(lex.gloss, folded, zones) + _expansions(folded, zones))
    candidates = [
        *(n for zone in zones for n in _run_names(folded, zone, lex) if not glosses.overlaps(n.start, n.end)),
        *(n for zone in zones for n in _bracket_names(folded, zone, lex)),
        *(n for zone in zones for n in _lexicon_names(folded, lowered, zone, lex)),
        *(n for zone in zones for n in _field_names(folded, zone, lex)),
        *(n for zone in zones for n in _plan_names(folded, zone, lex)),
        *(n for zone in zones for n in _lens_names(folded, zone, lex)),
    ]
    candidates += _editions(folded, candidates, lex)
    labels = _Occupied(len(folded), _labels(folded, zones, lex))
    makers = _field_makers(folded, zones, lex)
    people = {product_key(folded[n.start : n.end]) for n in candidates if n.rule == NOT_A_PRODUCT}
    people |= {product_key(m) for m in makers}
    maker = lex.headline_maker.match(folded, *zones[0])
    if maker and product_key(maker["maker"]) not in lex.known:
        people.add(product_key(maker["maker"]))
    names = [
        n
        for n in candidates
        if n.rule != NOT_A_PRODUCT
        and (n.rule == "lexicon" or product_key(folded[n.start : n.end]) not in people)
        and not masked.overlaps(n.start, n.end)
        and not labels.overlaps(n.start, n.end)
    ]
    links = [
        link
        for zone in zones
        for link in (*_short_form_links(folded, zone, names, lex), *_model_field_links(folded, zone, names, lex))
        if product_key(link.short) not in people
    ]
    links += _model_word_links(folded, names, lex) + _maker_links(folded, names, makers)
    return names, links


def _model_word_links(folded: str, names: Sequence[_Name], lex: Lexicons) -> list[_Link]:
    """The last word of a name of several words, when it is a word with a number glued to it
    that is no name by itself (``nextbook PREMIUM8`` … ``PREMIUM8は4月19日より``: ``PREMIUM`` is a
    common word): the article's short form of that name. Standards (``GDDR5``) are no short form."""
    links = []
    for n in names:
        head, _, last = folded[n.start : n.end].rpartition(" ")
        weak = lex.model_word.match(last) and product_key(last) not in lex.excluded and not _acceptable(last, lex)
        if head.strip() and weak:
            links.append(_Link(last, n.end, "model_word"))
    return links


def _locate(
    folded: str,
    lowered: str,
    zones: Sequence[tuple[int, int]],
    masked: _Occupied,
    names: Sequence[_Name],
    links: Sequence[_Link],
    lex: Lexicons,
) -> list[tuple[int, int, str]]:
    """Phase 2: every occurrence of every name and short form, longest first: (start, end, folded surface)."""
    surfaces = {folded[n.start : n.end] for n in names} | {link.short for link in links}
    occurrences = [s for s in _occurrences(lowered, zones, surfaces, lex) if not masked.overlaps(*s)]
    spans = _longest_first([(n.start, n.end) for n in names] + occurrences, len(folded))
    return [(s, e, folded[s:e]) for s, e in spans]


def _aliased_heads(keys: set[str], lex: Lexicons) -> list[tuple[str, str]]:
    """Names that start with another spelling of a name and go on alike: ``ドラクエX`` and
    ``ドラゴンクエストX``, ``アンドロイド4.0`` and ``Android 4.0`` (keys, of names the document has);
    or the one name that goes on from there with words, not a version (``ドラゴンクエストX
    目覚めし五つの種族 オンライン``, not ``Android 4.0.3``)."""
    links = []
    for key in keys:
        for alias, name in lex.aliases.items():
            if len(key) <= len(alias) or not key.startswith(alias):
                continue
            spelled = name + key[len(alias) :]
            longer = [k for k in keys if k.startswith(spelled) and not _VERSION_GOES_ON.match(k, len(spelled))]
            if spelled in keys or len(longer) == 1:
                links.append((key, spelled if spelled in keys else longer[0]))
    return links


def _mentions(
    text: str,
    folded: str,
    found: Sequence[tuple[int, int, str]],
    names: Sequence[_Name],
    links: Sequence[_Link],
    lex: Lexicons,
) -> list[ProductMention]:
    """Phase 3: resolve the occurrences to canonical names; unresolved bare versions are dropped."""
    bare = [m for m in found if lex.bare_version.match(m[2])]
    named = [m for m in found if not lex.bare_version.match(m[2])]
    key_at: dict[int, str] = {}
    for n in sorted(names, key=lambda n: n.start):  # the longest name ending at a place owns its short forms
        key_at.setdefault(n.end, product_key(folded[n.start : n.end]))
    pairs = [(product_key(link.short), key_at[link.target_end]) for link in links if link.target_end in key_at]
    linked = {short for short, _ in pairs}  # the article's own link wins: Android 4.0.3（ICS）, not the lexicon's 4.0
    pairs += [(alias, name) for alias, name in lex.aliases.items() if alias not in linked]
    pairs += _aliased_heads({product_key(m[2]) for m in named}, lex)
    pairs += _glued_trademarks({m[2] for m in named})
    canonical = _resolve([m[2] for m in named], pairs, lex)
    completed = _bare_version_targets(bare, named)

    rule_of = {product_key(link.short): link.kind for link in links}
    for n in sorted(names, key=lambda n: ("lexicon", "bracket", "field", "shape").index(n.rule)):
        rule_of.setdefault(product_key(folded[n.start : n.end]), n.rule)
    first_at: dict[str, int] = {}
    for s, _, surface in found:
        first_at.setdefault(surface, s)
    out = []
    for s, e, surface in found:
        if s in completed:
            target, rule = canonical.get(completed[s]), "bare_version"
        else:
            key = product_key(surface)
            target, rule = canonical.get(key), rule_of.get(key, "occurrence")
        if target is not None:
            out.append(ProductMention(s, e, text[s:e], _as_written(text, first_at, target), rule))
    return out


_GLUED_TM = regex.compile(r"(?<=[A-Za-z])TM(?![A-Za-z])")


def _glued_trademarks(surfaces: Iterable[str]) -> list[tuple[str, str]]:
    """Pairs (``XPSTM 13``, ``XPS 13``): a name with a TM sign glued to a word and the same name without it.

    Glued to capitals the sign cannot be told from a word's own last letters
    (``DTM``, ``MISTM``) by shape; the article writing the name without it as
    well says it is the sign.
    """
    keyed = {s: product_key(s) for s in surfaces}
    keys = set(keyed.values())
    pairs = []
    for surface, key in keyed.items():
        bare = product_key(_GLUED_TM.sub("", surface))
        if bare != key and bare in keys:
            pairs.append((key, bare))
    return pairs


def _as_written(text: str, first_at: dict[str, int], canonical_folded: str) -> str:
    """The canonical as written in the original text at its first occurrence, without ™ and ® signs."""
    start = first_at.get(canonical_folded)
    written = text[start : start + len(canonical_folded)] if start is not None else canonical_folded
    return _WRITTEN_MARKS.sub("", written).strip() or written
