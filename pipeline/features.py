"""Feature lists (annotation-guidelines §3): enumerations of what a product does.

These shapes are recognised, each by its own small rule, over the original text
inside the content zones:

* ``bullets``: runs of line-initial bullets (``・ ● ■ ◆ ※ - 1. ① (1)``); a
  ``name：description`` bullet contributes its name only.
* ``inline``: nominal coordinations (``A、B、Cを搭載``, ``AやBに対応``,
  ``AのほかBがサポート``) followed by a feature-cue predicate. Coordination is
  everywhere in Japanese prose, so the cue is what makes it a feature list.
  An item keeps its adjectives and, after a comma, its relative clause
  (``点灯状態でバッテリー残量がわかるLED``).
* ``quoted``: bracketed words in a row closed by an enumeration tail
  (``「A」「B」など``, ``「A」、「B」の2つの…``).
* ``tari``: capabilities as clauses (``AをXしたり、BをYすることができる``; any
  verb before たり when a product is named nearby and a capability cue follows).
* ``count``: a list whose size is stated (``A、B、Cの3種類から選べる``); the
  count lets clause items be split at commas.
* ``middle-dot`` and ``heading``: ``・`` chains of short words and
  headings that join two capabilities with a connective (``…楽しめて、…``).
* ``section``: the lines under a heading naming features or the spec
  (``■スペック`` capability lines, ``■主な特長`` paragraph titles).
* ``topic``: a list named by its topic, read forward (``同梱品は A、B、Cと``).
* ``title``: a headline ending in a bare enumeration (``…を発表！AやB、C``).

Whatever matches must also pass the exclusions (spec tables, prices, how-to
steps, people, companies, product line-ups). Every list is attached to the
product the lead-in, heading or sentence names. Patterns and lexicons live in
``pipeline/data/features/``; this module is the mechanism.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterator, NamedTuple, Protocol, Sequence

import numpy
import regex
import yaml

from pipeline.text import clamp_zones, in_zones, with_words, zone_sentences

DATA_DIR = Path(__file__).parent / "data" / "features"
MAX_ITEM_CHARS = 80  # no feature item is longer; bounds every backward scan
ASIDE_CHARS = 40  # how far a bracketed aside around a product name may reach
MAX_NP_JOINS = 2  # `AのBのC`: at most two の inside one item
MAX_LEAD_IN_BLANKS = 2  # blank lines allowed between a lead-in and its bullets
PARAGRAPH_LOOKBACK = 2000  # a list's product is looked for this far back at most
MAX_TAIL_TRAIL = 6  # a tail ends at most this far after its cue word (でき|ます)
MAX_LIST_ITEMS = 40  # longer runs are tables or dumps, not feature lists
MAX_NUMBERED_GAP = 6  # lines (blank, or a title's description) a numbered list may skip between its bullets
MAX_QUOTED_ITEMS = 12  # bounds the bracketed-list pattern (no backtracking blow-up)
MAX_DESCRIPTION = 40  # the longest description between a comma and the bracketed name it describes
MAX_JOINED_PREDICATES = 2  # `Aを搭載し、Bを採用し、Cに対応`: longer runs are prose, and bounding them keeps the scan linear
MAX_COUNTED_ITEMS = 10  # `の6つのキーボード`: larger counts are totals, not lists written out


@dataclass(frozen=True, slots=True)
class FeatureItem:
    """One feature: ``text == original[start:end]``, trimmed per §3."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class FeatureList:
    """An enumeration of two or more features of one product (or of none)."""

    start: int
    end: int
    product: str | None
    items: tuple[FeatureItem, ...]
    rule: str


class ProductLike(Protocol):
    """A product mention from the product stage."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...

    @property
    def text(self) -> str: ...

    @property
    def canonical(self) -> str: ...


# --------------------------------------------------------------------------- rules


@dataclass(frozen=True, slots=True)
class _Rules:
    """The compiled contents of ``markers.yaml`` and ``exclusions.yaml``."""

    # bulleted lists
    bullet_line: regex.Pattern[str]
    marker_kinds: tuple[tuple[regex.Pattern[str], str], ...]
    heading_marker: regex.Pattern[str]
    note_marker: regex.Pattern[str]
    name_separator: regex.Pattern[str]
    name_max_chars: int
    # inline coordination
    coordinators: regex.Pattern[str]
    comma_coordinators: frozenset[str]
    boundary_before: regex.Pattern[str]
    cue_words: re.Pattern[str]  # literal words: stdlib re finds them about four times faster than regex
    max_tail_lead: int
    tail: regex.Pattern[str]
    particle_start: regex.Pattern[str]
    headline_category: regex.Pattern[str]
    bare_cue_followed_by: regex.Pattern[str]
    predicate_suffix: regex.Pattern[str]
    tail_not_before: regex.Pattern[str]
    negated_after: regex.Pattern[str]
    others_lead: regex.Pattern[str]
    lineup_after: regex.Pattern[str]
    spec_value_before: regex.Pattern[str]
    anaphor_host: regex.Pattern[str]
    host_tail: regex.Pattern[str]
    lineup_cues: regex.Pattern[str]
    apposition_joint: str
    copula_joint: str
    copula_clause_before: regex.Pattern[str]
    comparison_head: regex.Pattern[str]
    count_apposition: regex.Pattern[str]
    dotted_words: regex.Pattern[str]
    ampersand_joint: regex.Pattern[str]
    item_prefix: regex.Pattern[str]
    hiragana_head: regex.Pattern[str]
    function_nouns: frozenset[str]
    modifier_verb: regex.Pattern[str]
    relative_clause: regex.Pattern[str]
    relative_max_chars: int
    trailing_aside: regex.Pattern[str]
    item_number: regex.Pattern[str]
    not_item: regex.Pattern[str]
    # other shapes
    tari_joint: regex.Pattern[str]
    tari_end: regex.Pattern[str]
    tari_verbal_noun: regex.Pattern[str]
    tari_particles: str
    tari_max_chars: int
    tari_general_end: regex.Pattern[str]
    tari_cue: regex.Pattern[str]
    tari_max_general: int
    tari_cue_after: int
    tari_product_before: int
    predicate_joint: regex.Pattern[str]
    pair_max_chars: int
    pair_cue: regex.Pattern[str]
    pair_topic: regex.Pattern[str]
    pair_item_start: regex.Pattern[str]
    pair_not_inside: regex.Pattern[str]
    count_tail: regex.Pattern[str]
    count_strong: regex.Pattern[str]
    count_weak: regex.Pattern[str]
    count_lead: regex.Pattern[str]
    count_topic: regex.Pattern[str]
    count_nested: regex.Pattern[str]
    count_max_chars: int
    quoted_list: regex.Pattern[str]
    quoted_chain: regex.Pattern[str]
    dot_chain: regex.Pattern[str]
    dot_min_items: int
    dot_min_kanji: int
    dot_heading_follow: regex.Pattern[str]
    heading_line: regex.Pattern[str]
    heading_split: regex.Pattern[str]
    heading_min_chars: int
    heading_max_chars: int
    heading_name: regex.Pattern[str]
    heading_punct: regex.Pattern[str]
    sec_heading: regex.Pattern[str]
    sec_spec: regex.Pattern[str]
    sec_max_line: int
    sec_max_title: int
    sec_max_lines: int
    sec_table_row: regex.Pattern[str]
    topic: regex.Pattern[str]
    topic_end: regex.Pattern[str]
    topic_max_chars: int
    topic_item: regex.Pattern[str]
    topic_lead: regex.Pattern[str]
    title_min_items: int
    title_trailing: regex.Pattern[str]
    # exclusions
    feature_lead_in: regex.Pattern[str]
    feature_heading: regex.Pattern[str]
    feature_closing: regex.Pattern[str]
    heading_like: regex.Pattern[str]
    counted_lead_in: regex.Pattern[str]
    besides_joint: regex.Pattern[str]
    besides_tail: regex.Pattern[str]
    besides_max_chars: int
    besides_not_item: regex.Pattern[str]
    speech_item: regex.Pattern[str]
    not_feature_heading: regex.Pattern[str]
    device_category: regex.Pattern[str]
    vague_item: regex.Pattern[str]
    request_item: regex.Pattern[str]
    spec_value: regex.Pattern[str]
    sentence_item: regex.Pattern[str]
    clause_item: regex.Pattern[str]
    howto_item: regex.Pattern[str]
    howto_lead_in: regex.Pattern[str]
    count_item: regex.Pattern[str]
    named_item: regex.Pattern[str]
    price: regex.Pattern[str]
    figure_only: regex.Pattern[str]
    figure_heavy: float
    model_item: regex.Pattern[str]
    place: regex.Pattern[str]
    person: regex.Pattern[str]
    company: regex.Pattern[str]
    companies: regex.Pattern[str]
    colour: regex.Pattern[str]


def _splitter(separator: str) -> regex.Pattern[str]:
    """A pattern for ``_split_top``: brackets, or ``separator`` as group ``sep``."""
    opens, closes = "".join(_PAIRS.values()), "".join(_PAIRS)
    return regex.compile(f"(?P<open>[{regex.escape(opens)}])|(?P<close>[{regex.escape(closes)}])|(?P<sep>{separator})")


def _load(name: str) -> dict:
    return yaml.safe_load((DATA_DIR / name).read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def _rules() -> _Rules:
    """Load and compile the feature-list rules once per process."""
    m, x = _load("markers.yaml"), _load("exclusions.yaml")
    q, dot, tari, hc, sec = m["quoted_list"], m["middle_dot"], m["tari"], m["heading_clauses"], m["sections"]
    cnt, pair = m["counted"], m["clause_pair"]
    by_length = sorted(m["coordinators"], key=len, reverse=True)
    return _Rules(
        bullet_line=regex.compile(m["bullet_line"]),
        marker_kinds=tuple((regex.compile(p), k) for p, k in m["marker_kinds"]),
        heading_marker=regex.compile(m["heading_markers"]),
        note_marker=regex.compile(m["note_markers"]),
        name_separator=regex.compile(m["name_separator"]),
        name_max_chars=int(m["name_max_chars"]),
        # matched backwards from an item's start: the longest coordinator wins
        coordinators=regex.compile("|".join(regex.escape(c) for c in by_length), regex.REVERSE),
        comma_coordinators=frozenset(m["comma_coordinators"]),
        boundary_before=regex.compile(f"(?:{m['item_boundary_before']})$"),
        cue_words=re.compile(m["cue_words"]),
        max_tail_lead=int(m["max_tail_lead"]),
        tail=regex.compile(
            m["tail_lead"] + "(?:" + "|".join(f"(?:{t})" for t in m["tails"]).replace("{adverb}", m["tail_adverb"]) + ")"
        ),
        particle_start=regex.compile(m["particle_start"]),
        headline_category=regex.compile(m["headline_category"]),
        bare_cue_followed_by=regex.compile(m["bare_cue_followed_by"]),
        predicate_suffix=regex.compile(m["predicate_suffix"]),
        tail_not_before=regex.compile(with_words(m["tail_not_before"])),
        negated_after=regex.compile(with_words(m["negated_after"])),
        others_lead=regex.compile(m["others_lead"]),
        lineup_after=regex.compile(m["lineup_after"]),
        spec_value_before=regex.compile(m["spec_value_before"]),
        anaphor_host=regex.compile(m["anaphor_host"]),
        host_tail=regex.compile(m["host_tail"]),
        lineup_cues=regex.compile(m["lineup_cues"]),
        apposition_joint=m["apposition_joint"],
        copula_joint=m["copula_joint"],
        copula_clause_before=regex.compile(m["copula_clause_before"]),
        comparison_head=regex.compile(m["comparison_head"]),
        count_apposition=regex.compile(m["count_apposition"]),
        dotted_words=regex.compile(with_words(m["dotted_words"])),
        ampersand_joint=regex.compile(m["ampersand_joint"]),
        item_prefix=regex.compile(m["item_prefix"]),
        hiragana_head=regex.compile(m["hiragana_head"], regex.REVERSE),
        function_nouns=frozenset(m["function_nouns"]),
        modifier_verb=regex.compile(m["modifier_verb"]),
        relative_clause=regex.compile(f"(?r)(?:{m['relative_clause']['clause']})$"),
        relative_max_chars=int(m["relative_clause"]["max_chars"]),
        trailing_aside=regex.compile(f"(?:{m['trailing_aside']})$"),
        item_number=regex.compile(m["item_number"]),
        not_item=regex.compile(m["not_items"]),
        tari_joint=regex.compile(tari["joint"]),
        tari_end=regex.compile(tari["end"]),
        tari_verbal_noun=regex.compile(tari["verbal_noun"]),
        tari_particles=tari["particles"],
        tari_max_chars=int(tari["max_clause_chars"]),
        tari_general_end=regex.compile(tari["general_end"]),
        tari_cue=regex.compile(tari["cue"]),
        tari_max_general=int(tari["max_general_chars"]),
        tari_cue_after=int(tari["cue_after_chars"]),
        tari_product_before=int(tari["product_before_chars"]),
        predicate_joint=regex.compile(f"(?:{m['predicate_joint']})$", regex.REVERSE),
        pair_max_chars=int(pair["max_item_chars"]),
        pair_cue=regex.compile(pair["cue"]),
        pair_topic=regex.compile(pair["topic"]),
        pair_item_start=regex.compile(pair["item_start"]),
        pair_not_inside=regex.compile(pair["not_inside"]),
        count_tail=regex.compile(cnt["tail"]),
        count_strong=_splitter(cnt["strong"]),
        count_weak=_splitter(cnt["weak"]),
        count_lead=regex.compile(cnt["lead"]),
        count_topic=regex.compile(cnt["topic"]),
        count_nested=regex.compile(cnt["nested"]),
        count_max_chars=int(cnt["max_item_chars"]),
        quoted_list=regex.compile(
            # atomic: a shorter run of items is never followed by the tail either
            f"{q['item']}(?>(?:{q['joiner']}{q['item']}){{1,{MAX_QUOTED_ITEMS}}})(?=(?:{q['tail']}))"
        ),
        quoted_chain=regex.compile(
            f"{q['chain_item']}(?>(?:{q['chain_joiner']}{q['chain_item']}){{2,{MAX_QUOTED_ITEMS}}})(?=(?:{q['chain_follow']}))"
        ),
        dot_chain=regex.compile(dot["chain"]),
        dot_min_items=int(dot["min_items"]),
        dot_min_kanji=int(dot["min_kanji_items"]),
        dot_heading_follow=regex.compile(dot["heading_follow"]),
        heading_line=regex.compile(hc["line"]),
        heading_split=regex.compile(hc["split"]),
        heading_min_chars=int(hc["min_item_chars"]),
        heading_max_chars=int(hc["max_item_chars"]),
        heading_name=regex.compile(hc["trailing_name"]),
        heading_punct=regex.compile(hc["trailing_punct"]),
        sec_heading=regex.compile(sec["heading"]),
        sec_spec=regex.compile(sec["spec_kinds"]),
        sec_max_line=int(sec["max_line_chars"]),
        sec_max_title=int(sec["max_title_chars"]),
        sec_max_lines=int(sec["max_lines"]),
        sec_table_row=regex.compile(sec["table_row"]),
        topic=regex.compile(m["topic_lists"]["topic"]),
        topic_end=regex.compile(m["topic_lists"]["end"]),
        topic_max_chars=int(m["topic_lists"]["max_item_chars"]),
        topic_item=regex.compile(m["topic_lists"]["item"]),
        topic_lead=regex.compile(m["topic_lists"]["lead"]),
        title_min_items=int(m["title_tail"]["min_items"]),
        title_trailing=regex.compile(m["title_tail"]["trailing"]),
        feature_lead_in=regex.compile(x["feature_lead_in"]),
        feature_heading=regex.compile(x["feature_heading"]),
        feature_closing=regex.compile(x["feature_closing"]),
        heading_like=regex.compile(x["heading_line"]),
        counted_lead_in=regex.compile(x["counted_lead_in"]),
        besides_joint=regex.compile(m["besides"]["joint"]),
        besides_tail=regex.compile(m["besides"]["tail"]),
        besides_max_chars=int(m["besides"]["max_item_chars"]),
        besides_not_item=regex.compile(m["besides"]["not_item"]),
        speech_item=regex.compile(x["speech_item"]),
        not_feature_heading=regex.compile(x["not_feature_heading"]),
        device_category=regex.compile(x["device_category"], regex.IGNORECASE),
        vague_item=regex.compile(x["vague_item"]),
        request_item=regex.compile(x["request_item"]),
        spec_value=regex.compile(x["spec_value"]),
        sentence_item=regex.compile(x["sentence_item"]),
        clause_item=regex.compile(x["clause_item"]),
        howto_item=regex.compile(x["howto_item"]),
        howto_lead_in=regex.compile(x["howto_lead_in"]),
        count_item=regex.compile(x["count_item"]),
        named_item=regex.compile(x["named_item"]),
        price=regex.compile(x["price"]),
        figure_only=regex.compile(x["date_or_figure_only"]),
        figure_heavy=float(x["figure_heavy"]),
        model_item=regex.compile(x["model_item"]),
        place=regex.compile(x["place"]),
        person=regex.compile(x["person"]),
        company=regex.compile(x["company"]),
        companies=regex.compile(x["companies"], regex.IGNORECASE),
        colour=regex.compile(with_words(x["colour"]), regex.IGNORECASE),
    )


@dataclass(frozen=True, slots=True)
class _Candidate:
    """A list one rule proposes, before overlaps are resolved and a product is attached."""

    items: tuple[tuple[int, int], ...]
    rule: str
    start: int
    end: int
    context: tuple[int, int]  # the sentence, heading or lead-in where its product is looked for first


# --------------------------------------------------------------------------- characters

_WORD_CLASS = r"[\p{Han}\p{Katakana}ー々〆ヶ\p{Latin}\p{N}＋+＆&'’.．/／\-－‐−_＿%％×#＃@＠〜～]"
_WORD = regex.compile(_WORD_CLASS)
_COMMAS = ("、", "，", ",")
_WORD_RUN_BACK = regex.compile(_WORD_CLASS + "+", regex.REVERSE)  # a whole run, matched from its end
_LATIN_NUM = regex.compile(r"[\p{Latin}\p{N})）]")
_SPACE = " 　"
_PAIRS = {"）": "（", ")": "(", "」": "「", "』": "『", "］": "［", "]": "[", "】": "【", "〉": "〈", "”": "“", "〟": "〝"}
_DOTS = _splitter("・")  # ・ between the items of a list named by its topic
_QUOTES = frozenset("」』”〟")  # quotes enclose names (`センサー“Exmor R for mobile”`), not remarks
_OPENERS = frozenset(_PAIRS.values())
_ASIDE = regex.compile(r"[（(][^（()）]*[）)]")  # a bracketed aside inside an item
# a name in quotes: no kana but の/お/ご, or a short phrase ending in a word
# (「聴きとりやすさコントロール」); a remark ends in kana or punctuation
_QUOTE_CONTENT = regex.compile(r"^(?:[^\p{Hiragana}]|[のおご])*$|^[^、。！？!?]{1,20}(?<=[\p{Han}\p{Katakana}ー\p{Latin}\p{N}])$")
_GLOSS = regex.compile(r"[（(][^（）()]{1,20}[）)]")  # `「ブックマーク(お気に入り登録)機能」`: a gloss may hold kana
_JOIN_PREFIXES = ("など", "から", "まで", "へ", "で", "と")  # …との連携機能: と before の is no coordinator
_NAME_NESTING_PREFIXES = ("と", "で", "へ")  # `TwitterやFacebookへの投稿`: a name's や before them is inside the item
_BY = "による"  # `Wi-Fiによるワイヤレス接続`: joins two noun phrases like の
_REL_VERBS = ("している", "された", "される", "できる", "した", "する")
_REL_PARTICLES = "をにでがへ"
_KANJI_KANA = regex.compile(r"[\p{Han}\p{Katakana}ー]")
_TRIM_CHARS = " 　\t・･-－‐/／、,，。:："
_TRAILING_ETC = ("など", "等")
_TOPIC_LEAD = r"[」』]?(?:[（(][^（）()\r\n]{0,30}[）)])?"  # `「X」（メーカー製）は`
_TOPIC = regex.compile(_TOPIC_LEAD + r"(?:は|が|では|には|も|の場合|って)")
_WA_TOPIC = regex.compile(_TOPIC_LEAD + r"(?:は|では|には)")
_HAN = regex.compile(r"\p{Han}")
_PROSE_START = regex.compile(r"[\p{Han}\p{Hiragana}]")
_NAME_JOINERS = regex.compile(r"[」』）)]?[、・とや／/ 　]?[「『（(]?$")
_BLANK_LINE = regex.compile(r"\n[ \t　\r]*\n")
# a product followed by a component cue is part of another (`Android 4.0（…）」を採用した`)
# (coordinated with the next name: `XiやNOTTV対応`)
_COMPONENT = regex.compile(
    r"[」』”〟]?(?:[（(][^（）()\r\n]{0,40}[）)])?[」』]?(?:[やと、・／/][^「」『』、。\r\n]{1,20}?)?(?:を|に|にも|も|が)?(?:搭載|採用|内蔵|対応|準拠)"
)
# what stands between a list and the product its clause modifies; a bare cue may stand right
# before the name (`XiやNOTTV対応「X」`)
_REL_HEAD = regex.compile(r"(?:(?:した|する|している|された|される|できる|の)[^、。\r\n]{0,20}|[「『])$")
_OKURIGANA = regex.compile(r"[えしみりけきせ]")  # closing a kanji word (着せ替え)
_OKURIGANA_INSIDE = regex.compile(r"[しみりけきせちび]")  # between kanji (書き込, 取り消, 待ち受け, 呼び出し); not え (に加え文字)
_NA_ADJECTIVE = regex.compile(r"(?:\p{Han}{1,4}(?:やか|らか|か)?|[\p{Katakana}ー]{2,8})な", regex.REVERSE)
# 新しい, 大きい, 細かい, 見やすい, 聴き取りやすい (not 違い, 扱い: nouns end in kanji + い too)
_I_ADJECTIVE = regex.compile(
    r"\p{Han}{1,2}(?:し|き|る|か|らか|かし)い|(?:\p{Han}[いきしちにびみりえけせてね]?){1,2}(?:やす|にく)い", regex.REVERSE
)


def _is_word(c: str) -> bool:
    return bool(_WORD.match(c))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` past white space, joiners, a trailing など, an inline
    number (``(2)録画機能``, ``1）Best Photo``) and a trailing aside about dates or
    prices (``レンズ（9月中旬発売予定）``): none is a feature word."""
    rules = _rules()
    changed = True
    while changed and start < end:
        changed = False
        if text[end - 1] in "）)" and (m := rules.trailing_aside.search(text, start, end)) and m.start() > start:
            end, changed = m.start(), True
        if (m := rules.item_number.match(text, start, end)) and m.end() < end:
            start, changed = m.end(), True
        while start < end and text[start] in _TRIM_CHARS:
            start, changed = start + 1, True
        while end > start and text[end - 1] in _TRIM_CHARS:
            end, changed = end - 1, True
        for etc in _TRAILING_ETC:
            if end - len(etc) > start and text.endswith(etc, start, end):
                end, changed = end - len(etc), True
    return start, end


def _unbracket(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop brackets that enclose the whole item (``「電池パック」``)."""
    if end - start > 2 and text[end - 1] in _QUOTES and text[start] == _PAIRS[text[end - 1]]:
        inner = text[start + 1 : end - 1]
        if not any(c in inner for c in "「」『』"):
            return start + 1, end - 1
    return start, end


# --------------------------------------------------------------------------- noun phrases


def _bracket_start(text: str, close: int, floor: int) -> int | None:
    """Start of the bracket group closed at ``close`` if it is a plausible part of a name. A round
    bracket may close in the other width (``おサイフケータイ（Felica)``, as typed)."""
    openers = "(（" if text[close] in ")）" else _PAIRS[text[close]]
    lo = max(floor, close - 40)
    j = max(text.rfind(opener, lo, close) for opener in openers)
    if j < 0 or any(c in text[j + 1 : close] for c in "。\r\n"):
        return None
    if text[close] in _QUOTES and not _QUOTE_CONTENT.match(_GLOSS.sub("", text[j + 1 : close])):
        return None
    return j


def _counter(text: str, end: int, floor: int) -> bool:
    """Whether ``text[:end]`` ends in a number with the counter つ (``２つ``)."""
    return text[end - 1] == "つ" and end - 2 >= floor and text[end - 2].isdigit()


def _name_bang(text: str, pos: int, floor: int) -> bool:
    """Whether ``text[pos]`` is an exclamation mark closing a Latin word (``Yahoo!``)."""
    return pos - 1 >= floor and text[pos] in "!！" and text[pos - 1].isascii() and text[pos - 1].isalpha()


def _honorific_word(text: str, i: int, end: int) -> bool:
    """Whether a word opens at ``i`` with the honorific お/ご before kanji or katakana (``おサイフケータイ``,
    ``ご当地``): a word, though its first letter is kana."""
    return text[i] in "おご" and i + 1 < end and _is_word(text[i + 1])


def _np_start(text: str, end: int, floor: int) -> int:
    """Start of the longest noun phrase ending at ``end`` (``end`` if there is none).

    A noun phrase is a run of kanji, katakana, Latin letters, digits and the
    symbols of model names, with bracket groups, single spaces between Latin
    words, ``・`` inside a word, and up to two ``の`` joins (``AのB``,
    ``AなどのB``, ``AへのB``, ``AまでのB``, ``AとのB``, ``AによるB``). Before ``などの`` a ``や``/``と`` between bare
    words is nested inside the item (``FacebookやTwitterなどのSNSへの投稿``), and so is one
    after a Latin name before ``との``/``での``/``への`` (``TwitterやFacebookへの投稿``),
    unless the nested enumeration is already the ``・`` one
    (``…の無料動画や映画・アニメなどの有料作品`` is two items). Hiragana
    otherwise ends it: particles and verb endings are where items stop.
    """
    floor = max(floor, end - MAX_ITEM_CHARS)
    i, joins, nested = end, 0, ""  # "など" or "name" once a join that nests a や was read
    while i > floor:
        c = text[i - 1]
        if _is_word(c):
            i = _WORD_RUN_BACK.match(text, floor, i).start()
        elif nested and c in "やと" and i < end and i - 1 > floor and (
            (_is_word(text[i - 2]) or text[i - 2] in _PAIRS) and (nested == "など" or _LATIN_NUM.match(text[i - 2]))
        ):
            i, joins, nested = i - 1, MAX_NP_JOINS, ""
        elif c in _PAIRS:
            j = _bracket_start(text, i - 1, floor)
            if j is None:
                break
            i = j
        elif c in _SPACE or c == "・":
            if not (i < end and i - 1 > floor and (_is_word(text[i]) or _honorific_word(text, i, end))):
                break
            nested = nested if c != "・" else ""
            if c == "・" and not _is_word(text[i - 2]):
                break
            if c != "・" and not (
                (_LATIN_NUM.match(text[i - 2]) or _KANJI_KANA.match(text[i - 2]) or _name_bang(text, i - 2, floor)
                 or text[i - 2] in "+＋")
                and (_LATIN_NUM.match(text[i]) or text[i] in "+＋")
            ):  # Bluetooth Ver.3.0 + HS: a spaced plus joins a name's parts
                break
            i -= 1
        elif c in "!！" and i < end and _name_bang(text, i - 1, floor) and (
            _LATIN_NUM.match(text[i]) or (c == "!" and (_KANJI_KANA.match(text[i]) or text[i] == " "))
        ):
            i -= 1  # Yahoo!ファイナンス, S!メール, Yahoo! JAPAN: a name's exclamation mark
        elif i < end and _counter(text, i, floor):
            i -= 1
        elif c in ",，" and i - 1 > floor and i < end and _digits_around(text, i - 1):
            i -= 1  # 2,800mAh
        elif i - 1 > floor and _HAN.match(text[i - 2]) and (
            (i == end and _OKURIGANA.match(c))
            or (i < end and _OKURIGANA_INSIDE.match(c) and (_is_word(text[i]) or text[i] == "の"))
        ) and not _rules().predicate_joint.match(text, floor, i):  # `…を搭載し急速充電`: a verb ends the item
            i -= 1  # 着せ替え, 書き込み, 外付けキーボード, 外付け3G, 輝きの: kana inside or closing a kanji word
        elif c == "え" and i < end and i - 2 > floor and _HAN.match(text[i - 2]) and text[i - 3] == "り" and _KANJI_KANA.match(text[i]):
            i -= 1  # 切り替え機能: the え of a compound verb inside a word (not に加え文字)
        elif c == "な" and i < end and _is_word(text[i]) and (adj := _NA_ADJECTIVE.match(text, floor, i)):
            i = adj.start()  # 豊かな色再現性, 高速なCPU: a na-adjective modifying the item
        elif c == "い" and i < end and _is_word(text[i]) and (adj := _I_ADJECTIVE.match(text, floor, i)):
            i = adj.start()  # 新しいスタート画面: an i-adjective modifying the item
        elif c in "おご" and i < end and _KANJI_KANA.match(text[i]):
            i -= 1
        elif (
            (_is_word(text[i]) or text[i] in _OPENERS if i < end else text.startswith(_COMMAS, end))
            and (head := _rules().hiragana_head.match(text, floor, i))
        ):
            i = head.start()  # あんしんスキャン: a hiragana word opens the name
            break
        elif c in "のる" and i < end and joins < MAX_NP_JOINS and (c == "の" or text.endswith(_BY, floor, i)):
            k = i - (1 if c == "の" else len(_BY))
            prefix = next((p for p in _JOIN_PREFIXES if text.endswith(p, floor, k)), "") if c == "の" else ""
            k -= len(prefix)
            if k <= floor or not (
                _is_word(text[k - 1])
                or text[k - 1] in _PAIRS
                or _counter(text, k, floor)
                or (k - 1 > floor and _OKURIGANA_INSIDE.match(text[k - 1]) and _HAN.match(text[k - 2]))
            ):
                break
            nesting = "など" if prefix == "など" else "name" if prefix in _NAME_NESTING_PREFIXES else ""
            i, joins, nested = k, joins + 1, nested or nesting
        else:
            break
    while i < end and (text[i] in _SPACE or text[i] == "・" or text[i] == "の"):
        i += 1
    return i


def _item_start(text: str, end: int, floor: int, rules: _Rules) -> int:
    """Start of an item ending at ``end``: a noun phrase, with one relative clause.

    ``…LTEに対応したサービス「Xi」`` and ``…で製造されたCPU「Dual Krait」`` are
    single items in gold; the clause is ``NP + particle + verbal noun + した``
    and is taken only before a bracketed name (``事前予約が開始されるXi`` is
    the item ``Xi``) or after ``など、`` (``A、Bなど、…で活用できるアプリ``,
    where it is the category of the items before it).
    When the clause's own noun phrase is coordinated without a comma
    (``チリやホコリをキャッチするフィルター``), the enumeration is inside the
    clause, so the clause is not taken.
    Any other relative clause (``点灯状態でバッテリー残量がわかるLED``) is taken
    when a comma joins it to the item before: then it cannot hold that item.
    """
    start = _np_start(text, end, floor)
    if others := rules.others_lead.match(text, start, end):
        start = others.end()  # `…、その他(の)Google Playのアプリ`: その他 joins it to the items before
    if start >= end:
        return end
    if text.endswith(rules.copula_joint, floor, start):
        joint = start - len(rules.copula_joint)
        described = _np_start(text, joint, floor)
        if described < joint and not (described > floor and rules.copula_clause_before.match(text[described - 1])):
            return described  # `Windowsのファイル形式であるNTFS`: the description belongs to the item
    if modifier := rules.modifier_verb.search(text, max(floor, start - 8), start):
        return modifier.start()  # 充実した各種インターフェイス: the modifier belongs to the item
    named = any(c in _QUOTES for c in text[start:end])
    for verb in _REL_VERBS:
        if not text.endswith(verb, floor, start):
            continue
        k = start - len(verb)
        v = k
        while v > floor and k - v < 8 and _KANJI_KANA.match(text[v - 1]):
            v -= 1
        if k - v >= 2 and v - 1 > floor and text[v - 1] in _REL_PARTICLES:
            outer = _np_start(text, v - 1, floor)
            coord = _coordinator_before(text, outer, floor, rules)
            apposition = text.endswith(rules.apposition_joint, floor, outer)  # `A、Bなど、…できるアプリ`
            if (named or apposition) and outer < v - 1 and (
                coord is None or coord in rules.comma_coordinators or coord.endswith("、")
            ):
                return outer
        break
    clause = rules.relative_clause.match(text, max(floor, start - rules.relative_max_chars), start)
    if clause is not None and clause.start() < start:
        coord = _coordinator_before(text, clause.start(), floor, rules)
        before = clause.start() - len(coord or "") - 1
        if coord is not None and (
            coord.endswith("、") and coord not in rules.comma_coordinators
            or (coord in rules.comma_coordinators and before > floor and (_is_word(text[before]) or text[before] in _PAIRS))
        ):
            return clause.start()  # a comma after an item, not after a topic (`MW1は、…保存したMP3ファイル`)
    return start


def _coordinator_before(text: str, pos: int, floor: int, rules: _Rules) -> str | None:
    """The longest coordinator ending at ``pos``."""
    m = rules.coordinators.match(text, floor, pos) if pos > floor else None
    return m.group() if m else None


def _not_an_item(item: str, rules: _Rules) -> bool:
    """Adverbs, dates, companies, bare cue words: where a chain read backwards stops."""
    return bool(rules.not_item.match(item) or rules.figure_only.search(item) or rules.companies.match(item))


_APPOSITION_REACH = 30  # how far back from a list's end a count in apposition after a space may start


def _chain(text: str, end: int, floor: int, rules: _Rules) -> list[tuple[int, int]]:
    """Coordinated items ending at ``end``, read backwards to the first one."""
    items: list[tuple[int, int]] = []
    via_comma = names_only = False
    apposition = rules.count_apposition.search(text, max(floor, end - _APPOSITION_REACH), end)
    if apposition and apposition.start() > floor and text[apposition.start()] in " \t　":
        end = apposition.start()  # `A、B、PDF の各形式`: a count after a space, no item of its own
    while end > floor and len(items) < MAX_LIST_ITEMS:
        if text.endswith("など", floor, end):
            end -= 2
        start = _item_start(text, end, floor, rules)
        s, e = _trim(text, start, end)
        if not items:
            apposition = rules.count_apposition.search(text, s, e)
            e = apposition.start() if apposition and apposition.start() > s else e
        if s >= e:
            break
        if items and _not_an_item(text[s:e], rules):
            break
        if not items and rules.figure_only.search(text[s:e]):
            return []  # `…が1GBを搭載し、`: a figure is a value of something named before it, not an item
        comparison = rules.comparison_head.match(text[s:e])
        if comparison:
            # `EOSシリーズと同等の高画質`: what it is compared with belongs to the item
            obj = _np_start(text, s - 1, floor) if s - 1 > floor and text[s - 1] == "と" else s - 1
            if obj < s - 1:
                items.append((obj, e))
            elif s + comparison.end() < e:
                items.append((s + comparison.end(), e))
            break
        coord = _coordinator_before(text, start, floor, rules)
        if coord is None and (described := _described_name(text, s, e, floor)) is not None:
            items.append(_unbracket(text, described[0], e))  # `…を実現する「A」、…を増す「B」を搭載`: names after descriptions
            end, via_comma, names_only = described[1], True, True
            continue
        name = _name_bracket(text, s, e) if names_only else -1
        if name >= 0:
            s, e = _unbracket(text, name, e)  # in a list of described names, the item before is one too
        if coord is None:
            if name < 0 and via_comma and s > floor and not rules.boundary_before.search(text, max(floor, s - 3), s):
                break  # `…を強化、AとB`: the predicate of the previous clause
            items.append((s, e))
            break
        items.append((s, e))
        via_comma = coord in rules.comma_coordinators
        end = start - len(coord)
        if via_comma and text.endswith(rules.apposition_joint, floor, start):
            items, via_comma = [], False  # `A、BなどのSNS`: restart with A, B
    items.reverse()
    if items:
        s, e = items[0]
        prefix = rules.item_prefix.match(text[s:e])
        items[0] = (s + prefix.end(), e) if prefix else (s, e)
    return [piece for s, e in items for piece in _split_at_ampersands(text, s, e, rules)]


def _name_bracket(text: str, start: int, end: int) -> int:
    """Where the bracketed name closing an item opens (-1 if none, or if it follows another
    bracket: ``「A」「B」`` is one item)."""
    bracket = text.rfind("「", start, end) if text[end - 1] == "」" else -1
    return bracket if bracket == start or (bracket > start and text[bracket - 1] not in "」』") else -1


def _described_name(text: str, start: int, end: int, floor: int) -> tuple[int, int] | None:
    """For an item ending in a bracketed name with a description before it (``…を増す「B」``),
    where the name starts and where the item before it ends, when that item is a bracketed name
    too, closed by a comma (``「A」、…を増す「B」``)."""
    bracket = _name_bracket(text, start, end)
    if bracket < 0:
        return None
    comma = text.rfind("、", max(floor, bracket - MAX_DESCRIPTION), bracket)
    if comma <= floor or text[comma - 1] != "」" or any(c in text[comma:bracket] for c in "。「」『』\r\n"):
        return None
    return bracket, comma


def _split_at_ampersands(text: str, start: int, end: int, rules: _Rules) -> list[tuple[int, int]]:
    """An item read as one word run may hold ``＆`` between Japanese words: those are items
    joined (``スタンド＆バッテリー``), which the word class (kept for ``Q＆A``) cannot see."""
    cuts = [m.start() for m in rules.ampersand_joint.finditer(text, start, end)]
    return list(zip([start, *(c + 1 for c in cuts)], [*cuts, end]))


# --------------------------------------------------------------------------- exclusions


def _covered_by_product(start: int, end: int, products: Sequence[ProductLike]) -> bool:
    """Whether a product mention covers most of ``[start, end)`` (a line-up entry)."""
    covered = sum(max(0, min(end, p.end) - max(start, p.start)) for p in products)
    return covered * 3 >= (end - start) * 2


def _names_product(start: int, end: int, products: Sequence[ProductLike]) -> bool:
    """Whether a product mention lies inside ``[start, end)``."""
    return any(start <= p.start and p.end <= end for p in products)


def _majority(flags: Sequence[bool]) -> bool:
    return bool(flags) and sum(flags) * 2 >= len(flags)


def _figure(text: str, rules: _Rules) -> bool:
    digits = sum(c.isdigit() or c in ".,．，:：×x" for c in text)
    return bool(rules.figure_only.search(text)) or digits >= rules.figure_heavy * len(text)


def _not_features(texts: Sequence[str], rules: _Rules) -> bool:
    """Items that are prices, dates and figures, places, people or companies,
    kinds of device or setting, words naming no feature, questions and requests,
    colours."""
    return (
        _majority([bool(rules.price.search(t)) for t in texts])
        or _majority(
            [bool(rules.device_category.match(t) or rules.vague_item.match(t) or rules.request_item.search(t)) for t in texts]
        )
        or _majority([_figure(t, rules) for t in texts])
        or _majority([bool(rules.place.search(t)) for t in texts])
        or _majority(
            [bool(rules.person.search(t) or rules.company.search(t) or rules.companies.match(t)) for t in texts]
        )
        or _majority([bool(rules.colour.match(t)) for t in texts])
    )


# --------------------------------------------------------------------------- bulleted lists


@dataclass(frozen=True, slots=True)
class _Bullet:
    line: int
    indent: int
    kind: str
    number: int | None  # of a numbered marker
    body_start: int
    body_end: int


class _Line(NamedTuple):
    """One line of the text: a named tuple, built faster than a frozen dataclass (one per line of every article)."""

    start: int
    end: int  # before the line break
    text: str
    blank: bool


def _split_lines(text: str) -> list[_Line]:
    """Lines with their offsets (any Unicode line break ends one)."""
    lines, pos = [], 0
    for piece in text.splitlines(keepends=True):
        body = piece.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        lines.append(_Line(pos, pos + len(body), body, not body.strip()))
        pos += len(piece)
    return lines


def _in_zones(lines: Sequence[_Line], zones: Sequence[tuple[int, int]]) -> list[bool]:
    """For each line, whether it lies inside a zone (one sweep over both)."""
    ordered = sorted(zones)
    out, k = [], 0
    for ln in lines:
        while k < len(ordered) and ordered[k][1] < ln.end:
            k += 1
        out.append(k < len(ordered) and ordered[k][0] <= ln.start and ln.end <= ordered[k][1])
    return out


def _indent(s: str) -> int:
    return sum(2 if c == "　" else 4 if c == "\t" else 1 for c in s)


@lru_cache(maxsize=256)
def _marker_kind(marker: str) -> str:
    return next((k for p, k in _rules().marker_kinds if p.match(marker)), marker)


@lru_cache(maxsize=256)
def _marker_number(marker: str) -> int | None:
    digits = unicodedata.normalize("NFKC", "".join(c for c in marker if c.isdigit()))
    return int(digits) if digits.isascii() and digits.isdigit() else None


def _bullet(text: str, line: _Line, index: int, rules: _Rules) -> _Bullet | None:
    if _PROSE_START.match(line.text.lstrip(" \t　")[:1]):
        return None  # no marker starts with kanji or hiragana: skip most lines cheaply
    m = rules.bullet_line.match(line.text)
    if not m:
        return None
    body_start = line.start + m.start("body")
    body_end = line.start + len(line.text.rstrip(" \t　"))
    marker = m["marker"]
    return _Bullet(index, _indent(m["indent"]), _marker_kind(marker), _marker_number(marker), body_start, body_end)


def _bullet_groups(text: str, lines: Sequence[_Line], usable: Sequence[bool], rules: _Rules) -> Iterator[list[_Bullet]]:
    """Runs of bullets of one kind; deeper-indented bullets of any kind nest in.

    A lone heading marker above deeper bullets of another kind is their
    heading (``■特長`` over ``　１．…``), not the first item: the run starts after it.
    """
    bullets = [_bullet(text, ln, i, rules) if usable[i] and not ln.blank else None for i, ln in enumerate(lines)]
    group: list[_Bullet] = []
    for i, ln in enumerate(lines):
        b = bullets[i]
        if not usable[i] or ln.blank:
            if group and usable[i] and _counts_on(lines, bullets, usable, i, group, rules):
                continue
            if group:
                yield group
            group = []
        elif b is not None:
            heading = len(group) == 1 and bool(rules.heading_marker.match(group[0].kind))
            if group and (b.kind == group[0].kind or (b.indent > group[0].indent and not heading)):
                group.append(b)
            else:
                if group:
                    yield group
                group = [b]
        elif group and not (
            _continues(lines, bullets, usable, i, group[0]) or _counts_on(lines, bullets, usable, i, group, rules)
        ):
            yield group
            group = []
    if group:
        yield group


def _continues(
    lines: Sequence[_Line], bullets: Sequence[_Bullet | None], usable: Sequence[bool], i: int, first: _Bullet
) -> bool:
    """Whether a non-bullet line is a continuation: a bullet of the list follows it."""
    for j in range(i + 1, min(len(lines), i + 4)):
        if not usable[j] or lines[j].blank:
            return False
        b = bullets[j]
        if b is not None:
            return b.kind == first.kind or b.indent > first.indent
    return False


def _counts_on(
    lines: Sequence[_Line],
    bullets: Sequence[_Bullet | None],
    usable: Sequence[bool],
    i: int,
    group: Sequence[_Bullet],
    rules: _Rules,
) -> bool:
    """Whether the next bullet after line ``i`` goes on counting the group's numbers up to the count
    its lead-in states (``以下の5点`` ``①…`` blank ``②…``; ``以下の3つ`` ``1）見出し`` description
    blank ``2）…``): a counted list spaced out by blank lines or by the description under each
    title is still one list. Without a stated count, numbered paragraphs are as often the steps
    of a how-to or the sections of a report."""
    last = group[-1]
    lead = _lead_in(lines, usable, group[0].line)
    stated = rules.counted_lead_in.search(lines[lead].text) if lead is not None else None
    if last.number is None or stated is None or last.number >= _count_value(stated["n"]):
        return False
    for j in range(i + 1, min(len(lines), i + MAX_NUMBERED_GAP + 1)):
        if not usable[j]:
            return False
        b = bullets[j]
        if b is not None:
            return (b.kind, b.indent, b.number) == (last.kind, last.indent, last.number + 1)
    return False


def _lead_in(lines: Sequence[_Line], usable: Sequence[bool], first_line: int) -> int | None:
    """The line introducing a list: the index of the nearest non-blank line above it."""
    j, blanks = first_line - 1, 0
    while j >= 0 and usable[j] and lines[j].blank and blanks < MAX_LEAD_IN_BLANKS:
        j, blanks = j - 1, blanks + 1
    if j < 0 or not usable[j] or lines[j].blank:
        return None
    return j


def _closing_line(lines: Sequence[_Line], usable: Sequence[bool], last_line: int) -> int | None:
    """The line right after a list, past at most one blank line: the index of the nearest non-blank line below it."""
    j = last_line + 1
    if j < len(lines) and usable[j] and lines[j].blank:
        j += 1
    return j if j < len(lines) and usable[j] and not lines[j].blank else None


def _balanced(s: str) -> bool:
    return s.count("（") + s.count("(") == s.count("）") + s.count(")")


def _bullet_item(text: str, b: _Bullet, rules: _Rules) -> tuple[tuple[int, int], str | None]:
    """The item span of a bullet and, for ``name：description``, the description."""
    body = text[b.body_start : b.body_end]
    m = rules.name_separator.search(body, 0, rules.name_max_chars + 1)
    if m and m.start() > 0 and _balanced(body[: m.start()]):
        s, e = _trim(text, b.body_start, b.body_start + m.start())
        return _unbracket(text, s, e), body[m.end() :]
    s, e = _trim(text, b.body_start, b.body_end)
    return _unbracket(text, s, e), None


def _numbering_broken(group: Sequence[_Bullet]) -> bool:
    """Numbered bullets that do not count up by one (``4.原因`` … ``1.発生日時``); a number written
    twice in a row (``④…`` ``⑤…`` ``⑤…``) is a slip of the count, not a break."""
    numbers = [b.number for b in group if b.number is not None and b.indent == group[0].indent]
    return any(b not in (a, a + 1) for a, b in zip(numbers, numbers[1:]))


def _lineup(text: str, spans: Sequence[tuple[int, int]], products: Sequence[ProductLike], rules: _Rules) -> bool:
    """Items that are mostly product names or model numbers, or a kind and a bracketed name
    (``公衆無線LANサービス「au Wi-Fi SPOT」``): a line-up, not features."""
    return _majority([
        _covered_by_product(s, e, products) or _named_in_brackets(text, s, e, products)
        or bool(rules.model_item.search(text[s:e]))
        for s, e in spans
    ])


def _named_in_brackets(text: str, start: int, end: int, products: Sequence[ProductLike]) -> bool:
    """Whether ``[start, end)`` ends in a product's name in brackets (``WiMAXサービス「UQ WiMAX」``)."""
    if text[end - 1 : end] not in ("」", "』"):
        return False
    return any(p.end == end - 1 and start < p.start and text[p.start - 1] in "「『" for p in products)


def _howto(texts: Sequence[str], rules: _Rules) -> bool:
    """Items that are mostly operations (``…をタップ``): steps of a how-to."""
    return _majority([bool(rules.howto_item.search(t)) for t in texts])


def _prose(texts: Sequence[str], plain: Sequence[str], rules: _Rules) -> bool:
    """Bullets that are sentences or long clauses: features only under a feature heading."""
    return (
        _majority([bool(rules.sentence_item.search(t)) for t in plain])
        or _majority([bool(rules.clause_item.search(t)) for t in plain])
        or _majority(["、" in t for t in texts])
        or sorted(len(t) for t in texts)[len(texts) // 2] > 40
    )


def _rejected_bullets(
    text: str,
    group: Sequence[_Bullet],
    items: Sequence[tuple[tuple[int, int], str | None]],
    lead_text: str,
    head_text: str,
    first_line: str,
    products: Sequence[ProductLike],
    rules: _Rules,
) -> bool:
    """Whether bullets are something other than features (guidelines §3).

    Spec tables, ``name：description`` or clause bullets without a lead-in
    naming features, headings, how-to steps, sentences (cautions), links,
    prices/figures/people/companies and line-ups of products are rejected.
    Under a heading naming features (``【特長】``, ``■アップデート内容``;
    ``head_text`` is the lead-in and the line above it) sentences and
    operations (``…を押すだけで…``) are features; under one naming cautions
    or conditions nothing is.
    """
    texts = [text[s:e] for (s, e), _ in items]
    descs = [d for _, d in items if d is not None]
    plain = [text[s:e] for (s, e), d in items if d is None]
    if rules.not_feature_heading.search(head_text):
        return True  # `■主な注意点`, `〈ご注意〉`: cautions and conditions
    if _majority([bool(rules.speech_item.search(t)) for t in texts]):
        return True  # people's remarks (`その他の反応は以下`), whatever the paragraph above says
    under_features = bool(rules.feature_heading.search(head_text))
    feature_lead = under_features or bool(rules.feature_lead_in.search(lead_text))
    if not feature_lead and (
        _majority([d is not None for _, d in items])
        or rules.heading_marker.match(first_line.lstrip(" \t　"))
        or _majority([bool(rules.clause_item.search(t)) for t in plain])
    ):
        return True
    names = [text[s:e] for (s, e), d in items if d is not None]
    return (
        bool(rules.howto_lead_in.search(lead_text))
        or _numbering_broken(group)
        or (len(names) >= 2 and len(set(names)) * 2 <= len(names))  # `■製品名：…` repeated: records
        or _majority([bool(rules.spec_value.match(d)) for d in descs] + [False] * len(plain))
        or any("http" in t or "|" in t for t in texts)
        or (not under_features and (_prose(texts, plain, rules) or _howto(texts, rules)))
        or _not_features(texts, rules)
        or _lineup(text, [span for span, _ in items], products, rules)
    )


def _note(b: _Bullet, first: _Bullet, rules: _Rules) -> bool:
    """A note marker indented under the list's bullets (``・…\n　※ 詳細は…``):
    a remark on the item above, not an item."""
    return b.indent > first.indent and bool(rules.note_marker.match(b.kind))


def _bulleted_lists(
    text: str, lines: Sequence[_Line], usable: Sequence[bool], products: Sequence[ProductLike], rules: _Rules
) -> Iterator[_Candidate]:
    for group in _bullet_groups(text, lines, usable, rules):
        if len(group) > MAX_LIST_ITEMS:
            continue  # a table or a dump, not an enumeration of features
        bullets = [b for b in group if not _note(b, group[0], rules)]
        items = [item for item in (_bullet_item(text, b, rules) for b in bullets) if item[0][1] > item[0][0]]
        if len(items) < 2:
            continue
        lead = _lead_in(lines, usable, group[0].line)
        above = _lead_in(lines, usable, lead) if lead is not None else None
        lead_text = lines[lead].text if lead is not None else ""
        head_text = "\n".join(
            lines[j].text for j in (lead, above) if j is not None and rules.heading_like.search(lines[j].text.strip())
        )
        closing = _closing_line(lines, usable, group[-1].line)
        if closing is not None and rules.feature_closing.match(lines[closing].text):
            head_text += "\n" + lines[closing].text  # `①… ②… という特長を持っている`: named after the list
        if _rejected_bullets(text, group, items, lead_text, head_text, lines[group[0].line].text, products, rules):
            continue
        spans = tuple(span for span, _ in items)
        context = (lines[lead].start, lines[lead].end) if lead is not None else (spans[0][0], spans[0][0])
        yield _Candidate(spans, "bullets", lines[group[0].line].start, group[-1].body_end, context)


# --------------------------------------------------------------------------- feature sections


def _paragraphs(lines: Sequence[_Line], usable: Sequence[bool], first: int, rules: _Rules) -> list[list[int]]:
    """Paragraphs (runs of non-blank line indices) of the section starting at ``first``.

    The section ends at the next heading-marker line, at two blank lines in a
    row, outside the content zones, or after ``max_lines`` lines.
    """
    paras: list[list[int]] = []
    current: list[int] = []
    blanks = 0
    for j in range(first, min(len(lines), first + rules.sec_max_lines)):
        ln = lines[j]
        if not usable[j] or (not ln.blank and rules.heading_marker.match(ln.text.lstrip(" \t　"))):
            break
        if ln.blank:
            blanks += 1
            if current:
                paras.append(current)
                current = []
            if blanks >= 2 and paras:
                break
            continue
        blanks = 0
        current.append(j)
    if current:
        paras.append(current)
    return paras


def _table_row(line: str, spec: bool, rules: _Rules) -> bool:
    """A spec-table row (``重量：約123g``, ``解像度 HD``) or a bare figure."""
    sep = rules.name_separator.search(line, 0, rules.name_max_chars + 1)
    if sep and sep.start() > 0 and rules.spec_value.match(line[sep.end() :]):
        return True
    return (spec and bool(rules.sec_table_row.search(line.strip(" \t　")))) or _figure(line.strip(" \t　"), rules)


def _line_item(text: str, ln: _Line, rules: _Rules) -> tuple[int, int]:
    """A line as an item: without its bullet marker, white space and enclosing brackets."""
    m = rules.bullet_line.match(ln.text)
    start = ln.start + m.start("body") if m else ln.start
    return _unbracket(text, *_trim(text, start, ln.end))


def _section_lists(
    text: str, lines: Sequence[_Line], usable: Sequence[bool], products: Sequence[ProductLike], rules: _Rules
) -> Iterator[_Candidate]:
    """Lines under a heading naming features or the spec (``■主な特長``, ``■スペック``).

    Either the first paragraph is a column of short capability lines (table
    rows, figures and line-ups rejected; they must be most of it), or the
    section is a run of titled paragraphs whose titles are the features.
    Bulleted lines are left to the bullet rule.
    """
    for i, ln in enumerate(lines):
        head = rules.sec_heading.match(ln.text) if usable[i] and not ln.blank and len(ln.text) <= 40 else None
        if head is None:
            continue
        spec = bool(rules.sec_spec.search(head["kind"]))
        paras = _paragraphs(lines, usable, i + 1, rules)
        if not paras:
            continue
        first = paras[0]
        column = [lines[j] for j in first]
        bulleted = [c for c in column if rules.bullet_line.match(c.text)]
        titled = bulleted == column[:1]  # a numbered title over its description (1）動作スピードの向上\n…)
        if not titled and len(column) >= 2 and all(
            len(c.text.strip()) <= rules.sec_max_line and not c.text.rstrip().endswith("。") for c in column
        ):
            if bulleted:
                continue
            items = [_line_item(text, c, rules) for c in column if not _table_row(c.text, spec, rules)]
            items = [(s, e) for s, e in items if e > s]
            texts = [text[s:e] for s, e in items]
            if (
                len(items) >= 2
                and len(items) * 3 >= len(column) * 2
                and not _not_features(texts, rules)
                and not _lineup(text, items, products, rules)
            ):
                yield _Candidate(tuple(items), "section", column[0].start, column[-1].end, (ln.start, ln.end))
            continue
        if spec:
            continue
        titles = []
        for p in paras:
            title, rest = lines[p[0]], [lines[j] for j in p[1:]]
            t = title.text.strip(" \t　")
            if not rest or len(t) > rules.sec_max_title or t.endswith("。") or not any(
                len(r.text.strip()) > len(t) or r.text.rstrip().endswith("。") for r in rest
            ):
                break
            titles.append(_line_item(text, title, rules))
        if len(titles) >= 2:
            yield _Candidate(tuple(titles), "section", titles[0][0], titles[-1][1], (ln.start, ln.end))


# --------------------------------------------------------------------------- inline lists


@dataclass(frozen=True, slots=True)
class _Sentences:
    """The article's sentences, found by position (rules scan whole zones)."""

    spans: tuple[tuple[int, int], ...]
    starts: tuple[int, ...]

    @classmethod
    def of(cls, text: str, zones: Sequence[tuple[int, int]]) -> _Sentences:
        spans = zone_sentences(text, tuple(zones))
        return cls(spans, tuple(s for s, _ in spans))

    def at(self, pos: int) -> tuple[int, int] | None:
        i = bisect_right(self.starts, pos) - 1
        return self.spans[i] if i >= 0 and pos < self.spans[i][1] else None


def _tails(text: str, zone: tuple[int, int], sents: _Sentences, rules: _Rules) -> Iterator[tuple[regex.Match[str], tuple[int, int]]]:
    """Tail matches in a zone with their sentences, leftmost first, without overlaps.

    Searching for the cue words first and trying the tail pattern only just
    before them keeps the scan fast: most positions hold no cue.
    """
    done = zone[0]
    for cue in rules.cue_words.finditer(text, *zone):
        sent = sents.at(cue.start())
        if cue.start() < done or sent is None or cue.end() > sent[1]:
            continue
        pos, hi = max(done, sent[0], cue.start() - rules.max_tail_lead), min(sent[1], cue.end() + MAX_TAIL_TRAIL)
        while pos <= cue.start():
            m = rules.tail.search(text, pos, hi)
            if m is None or m.start() > cue.start():
                break
            if cue.start() < m.end():
                done = m.end()
                yield m, sent
                break
            pos = m.start() + 1  # a tail ending before this cue: try a later start


def _inline_lists(
    text: str,
    zone: tuple[int, int],
    sents: _Sentences,
    products: Sequence[ProductLike],
    title: tuple[int, int] | None,
    rules: _Rules,
) -> Iterator[_Candidate]:
    """Coordinations closed by a feature-cue predicate inside one sentence.

    Items before an earlier cue predicate of the same sentence join the list
    (``大容量バッテリーを搭載し急速充電にも対応``: one enumeration in two verbs);
    that predicate was the previous tail read, so its items are reused.
    """
    previous: tuple[int, list[tuple[int, int]], int] = (-1, [], 0)  # the last tail read: end, items, predicates joined
    for m, (start, end) in _tails(text, zone, sents, rules):
        if m.start() == previous[0]:
            continue  # `赤外線などの便利機能もしっかり備え`: the cue goes on from the tail just read, whose list it is
        bare = not rules.particle_start.match(m.group())
        # a headline's `AとB対応加湿器`: the cue glued to the category of the product
        headline = bare and title is not None and title[0] <= m.start() < title[1] and bool(
            rules.headline_category.match(text, m.end(), end)
        )
        if bare and not headline and not rules.bare_cue_followed_by.match(text, m.end(), end):
            continue  # a compound (対応プロセッサ, X対応「Name」), not a predicate
        if (
            not headline and m.end() < end and _is_word(text[m.end() - 1]) and _is_word(text[m.end()])
            and not rules.predicate_suffix.match(text, m.end(), end)
        ):
            continue  # `対応プロセッサ`: a compound (not `対応予定`, still a predicate)
        if rules.tail_not_before.match(text, m.end(), end) or rules.host_tail.match(m.group()):
            continue  # advice; `Xに搭載された` (X hosts the feature)
        # `A、B、C搭載など`: the bare cue closing the last item belongs to it
        bare_etc = bare and text.startswith(_TRAILING_ETC, m.end())
        if bare_etc and not (m.start() > start and _is_word(text[m.start() - 1])):
            continue  # `AやサポートなどのB`: the cue word is an item, not a predicate
        if rules.pair_cue.match(m.group()) and (pair := _clause_pair(text, m.start(), start, products, rules)):
            yield pair
        items = _chain(text, m.end() if bare_etc else m.start(), start, rules)
        joint = rules.predicate_joint.match(text, start, items[0][0]) if items else None
        hops = 0
        negated = rules.negated_after.match(text, m.end(), end) is not None
        if joint and joint.start() < previous[0] <= joint.end() and previous[2] < MAX_JOINED_PREDICATES and not negated:
            items, hops = (previous[1] + items)[-MAX_LIST_ITEMS:], previous[2] + 1  # `Aを搭載し、Bにも対応`
        previous = (m.end(), items, hops)
        if _title_subject(text, items, title):
            items = items[1:]
        if len(items) == 1:
            items = _split_items(text, items, rules)  # `防水・防塵に対応`, `「A」「B」に対応`: two items
        if len(items) < 2:
            continue
        lineup = rules.lineup_cues.search(m.group()) or rules.lineup_after.match(text, m.end(), end)
        if lineup and all(_names_product(s, e, products) for s, e in items):
            continue  # `AとBが追加された`, `「A」や「B」を搭載したモデルは`: a line-up
        yield _Candidate(tuple(items), "inline", items[0][0], m.end(), (start, end))


def _clause_pair(
    text: str, end: int, floor: int, products: Sequence[ProductLike], rules: _Rules
) -> _Candidate | None:
    """``…を開始する自動認識機能と、…データ転送ができる通信機能を搭載``: two clause-long items.

    ``と、`` after a noun joins whole noun phrases, so each side may hold its own
    relative clause with particles and brackets, which the backward noun-phrase
    scan stops at. Only after a strong cue (``を搭載``, ``を備え``): weaker ones
    (``が可能``, ``が用意``) follow ways, catalogues and line-ups. The second item runs from ``と、`` to the tail (``end``), the
    first back to the previous comma or the sentence start, after its topic
    (``これは``). Items that name a product, hold a cue of their own (a nested
    list or a product with features), a comparison or a means (``…により``) are
    not taken: there the ``と、`` is not between two features.
    """
    joint = text.rfind("と、", max(floor, end - rules.pair_max_chars - 2), end)
    if joint <= floor or any(c in text[joint + 2 : end] for c in "、，。"):
        return None
    lo = max(floor, joint - rules.pair_max_chars)
    first = max(lo, text.rfind("、", lo, joint) + 1, text.rfind("，", lo, joint) + 1)
    for topic in rules.pair_topic.finditer(text, first, joint):
        first = topic.end()
    prefix = rules.item_prefix.match(text, first, joint)
    items = (_trim(text, prefix.end() if prefix else first, joint), _trim(text, joint + 2, end))
    if not all(
        e - s >= 2 and (_is_word(text[e - 1]) or text[e - 1] in _PAIRS) for s, e in items
    ) or not rules.pair_item_start.match(text, items[0][0]):
        return None
    if any(rules.pair_not_inside.search(text, s, e) or _not_an_item(text[s:e], rules) for s, e in items):
        return None
    if any(_covered_by_product(s, e, products) for s, e in items):
        return None
    if all(_np_start(text, e, s) == s for s, e in items):
        return None  # plain noun phrases: the chain reads them (and any items before)
    return _Candidate(items, "clause-pair", items[0][0], end, (floor, end))


def _title_subject(text: str, items: Sequence[tuple[int, int]], title: tuple[int, int] | None) -> bool:
    """``サンワサプライ、Aを採用の…``, ``X、AやBなど新サービス``: a headline's subject, not an item.

    A title opening with ``X、`` names who the news is about; it is an item
    only in a list joined by commas throughout (``防水、ワンセグ、おサイフケータイ``).
    """
    if title is None or len(items) < 2 or items[0][0] != title[0] or not text.startswith("、", items[0][1]):
        return False
    return len(items) == 2 or not text.startswith("、", items[1][1])


def _clause_start(text: str, end: int, floor: int, rules: _Rules) -> int | None:
    """Start of ``NP + particle + verbal noun`` ending at ``end`` (``アイテムを購入``)."""
    vn = rules.tari_verbal_noun.search(text, max(floor, end - 8), end)
    if vn is None or vn.start() - 1 < floor or text[vn.start() - 1] not in rules.tari_particles:
        return None
    start = _np_start(text, vn.start() - 1, floor)
    return start if start < vn.start() - 1 else None


def _strict_tari(text: str, m: regex.Match[str], sent: tuple[int, int], rules: _Rules) -> _Candidate | None:
    """``AをXしたり、BをYすることができる``: each clause is ``NP + particle + verbal noun``."""
    start, end = sent
    first = _clause_start(text, m.start(), start, rules) if m.group().startswith("し") else None
    close = rules.tari_end.search(text, m.end(), min(end, m.end() + rules.tari_max_chars))
    if first is None or close is None:
        return None
    second = text[m.end() : close.start()]
    if any(c in second for c in "、。") or _clause_start(text, close.start(), m.end(), rules) is None:
        return None
    return _Candidate(((first, m.start()), (m.end(), close.start())), "tari", first, close.end(), sent)


def _tari_end(text: str, start: int, joint: str) -> int:
    """End of a clause item closed by ``joint`` at ``start``: a verbal noun drops its したり
    (``…を共有``), any other verb keeps たり (``…ようになったり``: the stem alone is no word)."""
    if joint.startswith("し") and start > 0 and _is_word(text[start - 1]):
        return start
    return start + len(joint.rstrip("、"))


def _tari_lists(
    text: str, zone: tuple[int, int], sents: _Sentences, starts: Sequence[int], rules: _Rules
) -> Iterator[_Candidate]:
    """Capabilities as coordinated たり-clauses: the strict shape, else a general clause pair.

    The general pair (``画面が狭い場合に全画面表示することができるようになったり、
    キーボードの文字…が綺麗に表示されるようになるなど``) needs the comma after the first
    たり; the first clause runs back to the previous comma or the sentence start, the
    second ends at たり, など or できる, a capability cue must follow, and a product
    must be named shortly before (``starts``: the product mentions' offsets, sorted);
    people's doings (``客席にマイクを向けたり、…歌う``) are not a product's features.
    """
    read_to = -1  # where the clauses read from an earlier たり ended: later ones there add nothing
    for m in rules.tari_joint.finditer(text, *zone):
        sent = sents.at(m.start())
        if sent is None:
            continue
        strict = _strict_tari(text, m, sent, rules)
        if strict is not None:
            yield strict
            continue
        start, end = sent
        if not m.group().endswith("、"):
            continue
        lo = max(start, m.start() - rules.tari_max_general)
        first = max(lo, text.rfind("、", lo, m.start()) + 1, text.rfind("，", lo, m.start()) + 1)
        if m.start() < read_to:
            continue
        clauses, read_to = _tari_clauses(text, m.end(), end, rules)
        if not clauses:
            continue
        close = clauses[-1]
        k = bisect_right(starts, close.start())
        if k == 0 or starts[k - 1] < start - rules.tari_product_before:
            continue
        for topic in rules.count_topic.finditer(text, first, m.start()):
            first = topic.end()  # `各種設定では…たり`: the clause starts after its topic
        prefix = rules.item_prefix.match(text, first, m.start())
        first = prefix.end() if prefix else first
        bounds = [(first, m.start(), m.group())] + [
            (clauses[i - 1].end() if i else m.end(), c.start(), c.group()) for i, c in enumerate(clauses)
        ]
        items = tuple(
            span
            for span in (
                _trim(text, begin, _tari_end(text, stop, closing) if closing.endswith(("たり", "だり", "たり、", "だり、")) else stop)
                for begin, stop, closing in bounds
            )
            if span[1] - span[0] >= 2
        )
        if len(items) == len(bounds):
            yield _Candidate(items, "tari", items[0][0], close.end(), sent)


def _besides_pairs(
    text: str, zone: tuple[int, int], sents: _Sentences, starts: Sequence[int], rules: _Rules
) -> Iterator[_Candidate]:
    """``AだけでなくBもできる``, ``A以外にBも可能``: two capabilities, each a clause (see ``besides`` in
    the markers), when a product is named in the sentence or shortly before it."""
    for m in rules.besides_joint.finditer(text, *zone):
        sent = sents.at(m.start())
        if sent is None or m.end() >= sent[1]:
            continue
        tail = rules.besides_tail.search(text, m.end(), min(sent[1], m.end() + rules.besides_max_chars))
        if tail is None or any(c in text[m.end() : tail.start()] for c in "、，。"):
            continue
        k = bisect_right(starts, m.start())
        if k == 0 or starts[k - 1] < sent[0] - rules.tari_product_before:
            continue
        lo = max(sent[0], m.start() - rules.besides_max_chars)
        first = max(lo, text.rfind("、", lo, m.start()) + 1, text.rfind("，", lo, m.start()) + 1)
        for topic in rules.pair_topic.finditer(text, first, m.start()):
            first = topic.end()
        items = (_trim(text, first, m.start()), _trim(text, m.end(), tail.start()))
        if (
            all(e - s >= 3 and not rules.besides_not_item.search(text, s, e) for s, e in items)
            and rules.pair_item_start.match(text, items[0][0])
        ):
            yield _Candidate(items, "besides", items[0][0], tail.end(), sent)


def _tari_clauses(text: str, pos: int, end: int, rules: _Rules) -> tuple[list[regex.Match[str]], int]:
    """The closings of the clauses after a first ``…たり、``: further ``…たり、`` clauses as far as
    they go (``共有したり、…アップしたり、…付けたりといったこともできる``), cut back to the last
    one a capability cue follows; none when no cue follows any. Also where the reading
    stopped: a later ``たり`` before it would read the same clauses again."""
    closes: list[regex.Match[str]] = []
    while len(closes) < MAX_LIST_ITEMS:
        close = rules.tari_general_end.search(text, pos, min(end, pos + rules.tari_max_general))
        if close is None or "。" in text[pos : close.start()]:
            break
        closes.append(close)
        if not (close.group().endswith(("たり", "だり")) and text.startswith("、", close.end())):
            break
        pos = close.end() + 1
    stop = closes[-1].start() if closes else pos
    while closes and not rules.tari_cue.search(text, closes[-1].start(), min(end, closes[-1].end() + rules.tari_cue_after)):
        closes.pop()
    return closes, stop


def _split_top(text: str, start: int, end: int, splitter: regex.Pattern[str]) -> list[tuple[int, int]]:
    """``[start, end)`` split at separators outside brackets, each piece trimmed.

    ``splitter`` matches an opening bracket (group ``open``), a closing one
    (``close``) or a separator (``sep``), so one scan finds them all.
    """
    pieces, pos, depth = [], start, 0
    for m in splitter.finditer(text, start, end):
        if m.lastgroup == "open":
            depth += 1
        elif m.lastgroup == "close":
            depth = max(0, depth - 1)
        elif depth == 0:
            pieces.append(_trim(text, pos, m.start()))
            pos = m.end()
    pieces.append(_trim(text, pos, end))
    return [(s, e) for s, e in pieces if e > s]


def _counted_items(text: str, start: int, end: int, n: int, rules: _Rules) -> list[tuple[int, int]]:
    """The ``n`` items ending at ``end`` (before ``の3種類``), or none when they do not add up.

    Split at commas first: a leading clause (``本機は、``, ``まず、``) is dropped, an item holding
    its own enumeration (``AやB、Cなどが登録できるD``) is rejoined, and only the last
    ``n`` pieces are kept. Too few pieces are split again at と/や between words,
    which must then give exactly ``n``.
    The first item starts after the last topic or condition in it (``ホームアプリは``,
    ``…をタップすると``).
    """
    pieces = _split_top(text, start, end, rules.count_strong)
    while len(pieces) > 1 and rules.count_lead.search(text[slice(*pieces[0])]):
        pieces.pop(0)
    k = len(pieces) - 1
    while len(pieces) > n and k > 0:
        if rules.count_nested.search(text, *pieces[k]):
            pieces[k - 1 : k + 1] = [(pieces[k - 1][0], pieces[k][1])]
        k -= 1
    if len(pieces) < n:  # split again at と/や: the count must then come out exactly
        pieces = [piece for s, e in pieces for piece in _split_top(text, s, e, rules.count_weak)]
        if len(pieces) != n:
            return []
    pieces = pieces[-n:]
    for topic in rules.count_topic.finditer(text, *pieces[0]):
        pieces[0] = (topic.end(), pieces[0][1])
    pieces = [_unbracket(text, s, e) for s, e in pieces]
    return pieces if all(0 < e - s <= rules.count_max_chars for s, e in pieces) else []


_NUMERALS = {c: i for i, c in enumerate("〇一二三四五六七八九十")}


def _count_value(count: str) -> int:
    """A stated count of one or two digits (full or half width) or one kanji numeral; 0 if none."""
    digits = unicodedata.normalize("NFKC", count)
    return int(digits) if digits.isdigit() else _NUMERALS.get(digits, 0)


def _count_lists(text: str, zone: tuple[int, int], sents: _Sentences, rules: _Rules) -> Iterator[_Candidate]:
    """``A、B、Cの3種類から選べる``: a list whose stated size delimits its (clause) items."""
    done = zone[0]  # a list ends at its count: the next one starts after it
    for m in rules.count_tail.finditer(text, *zone):
        sent = sents.at(m.start())
        lo, done = done, m.end()
        if sent is None or m.end() > sent[1]:
            continue
        n = _count_value(m["n"])
        if not 2 <= n <= MAX_COUNTED_ITEMS:
            continue
        lo = max(lo, sent[0], m.start() - n * rules.count_max_chars)
        items = _counted_items(text, lo, m.start(), n, rules)
        if items:
            yield _Candidate(tuple(items), "count", items[0][0], m.end(), sent)


def _digits_around(text: str, i: int) -> bool:
    """Whether the comma at ``i`` separates thousands (``1,210万画素``), not items."""
    return 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit()


def _topic_lists(text: str, zone: tuple[int, int], sents: _Sentences, rules: _Rules) -> Iterator[_Candidate]:
    """``同梱品は本体、電池パック、専用ケースと…``: a list named by its topic, read forward."""
    for m in rules.topic.finditer(text, *zone):
        sent = sents.at(m.start())
        if sent is None:
            continue
        stop = min(sent[1], m.end() + MAX_LIST_ITEMS * rules.topic_max_chars)
        spans, pos, depth, i = [], m.end(), 0, m.end()
        while i < stop:
            c = text[i]
            if c in _OPENERS:
                depth += 1
            elif c in _PAIRS and depth:
                depth -= 1
            elif depth == 0 and c in "、，," and not (c != "、" and _digits_around(text, i)):
                spans.append((pos, i))
                pos = i + 1
            elif depth == 0 and i > pos and (joint := rules.topic_lead.match(text, i, stop)):
                spans.append((pos, i))  # `対応言語は日本語および英語、中国語`: a conjunction between two items
                pos = i = joint.end()
                continue
            elif depth == 0 and rules.topic_end.match(text, i, stop):
                break
            i += 1
        spans.append((pos, i))
        if len(spans) == 1:  # `対応する言語は、日本語・英語・中国語(繁体字・簡体字)・韓国語`: ・ separates them
            spans = _split_top(text, pos, i, _DOTS)
        spans = [((lead.end() if (lead := rules.topic_lead.match(text, s, e)) else s), e) for s, e in spans]
        items = tuple(span for s, e in spans if (span := _trim(text, s, e))[1] > span[0])
        if len(items) >= 2 and all(
            len(_ASIDE.sub("", text[s:e])) <= rules.topic_max_chars and rules.topic_item.match(text, s, e)
            for s, e in items
        ):
            yield _Candidate(items, "topic", items[0][0], items[-1][1], sent)


def _title_tail_list(text: str, title: tuple[int, int], rules: _Rules) -> Iterator[_Candidate]:
    """A headline ending, after a sentence break, in a bare enumeration (``…を発表！AやB、C、D``)."""
    start, end = title
    trailing = rules.title_trailing.search(text, start, end)
    while trailing and trailing.start() > start:
        end = trailing.start()
        trailing = rules.title_trailing.search(text, start, end)
    floor = max(text.rfind(c, start, end) + 1 for c in "！？!?。】")
    if floor <= start:
        return  # no sentence break: the end is the headline's own noun phrase (`…対応のスマホ`)
    items = _chain(text, end, floor, rules)
    if _title_subject(text, items, title):
        items = items[1:]
    if len(items) >= rules.title_min_items and items[-1][1] == end:
        yield _Candidate(tuple(items), "title", items[0][0], end, title)


def _quoted_lists(text: str, zone: tuple[int, int], sents: _Sentences, rules: _Rules) -> Iterator[_Candidate]:
    """``「A」「B」など`` and ``「A」、「B」の2つの…``: bracketed words closed by a tail; and three or more
    brackets in a row before a particle, which need none."""
    for m in (*rules.quoted_list.finditer(text, *zone), *rules.quoted_chain.finditer(text, *zone)):
        sent = sents.at(m.start())
        if sent is not None and m.end() <= sent[1]:
            items = tuple(zip(m.starts("item"), m.ends("item")))
            yield _Candidate(items, "quoted", m.start(), m.end(), sent)


def _dot_lists(
    text: str, zone: tuple[int, int], sents: _Sentences, title: tuple[int, int] | None, rules: _Rules
) -> Iterator[_Candidate]:
    """``除菌・脱臭・集じん・加湿``: a ``・`` chain of short words.

    In running text it needs a cue after it; in a title or heading a chain of
    kanji words is itself the enumeration when it modifies a noun (``…美肌効果の加湿器``).
    """
    for m in rules.dot_chain.finditer(text, *zone):
        sent = sents.at(m.start())
        if sent is None or m.end() > sent[1]:
            continue
        parts, pos = [], m.start()
        for word in m.group().split("・"):
            parts.append((pos, pos + len(word)))
            pos += len(word) + 1
        if not rules.dot_min_items <= len(parts) <= MAX_LIST_ITEMS:
            continue
        if rules.tail.match(text, m.end(), sent[1]):
            yield _Candidate(tuple(parts), "middle-dot", m.start(), m.end(), sent)
            continue
        if sum(bool(_HAN.search(text[s:e])) for s, e in parts) < rules.dot_min_kanji:
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        heading = (title is not None and title[0] <= m.start() < title[1]) or bool(
            rules.heading_line.match(text[line_start : line_start + 8])
        )
        if heading and rules.dot_heading_follow.match(text, m.end(), sent[1]):
            yield _Candidate(tuple(parts), "middle-dot", m.start(), m.end(), sent)


def _heading_lists(text: str, start: int, end: int, rules: _Rules) -> Iterator[_Candidate]:
    """A heading joining two capabilities: ``ネット動画を楽しめて、スマホがリモコンに変身``."""
    marker = rules.heading_line.match(text[start:end])
    body_start = start + (marker.end() if marker else 0)
    body_end = end
    for pattern in (rules.heading_punct, rules.heading_name, rules.heading_punct):
        m = pattern.search(text[body_start:body_end])
        if m:
            body_end = body_start + m.start()
    if body_end - body_start < 4:
        return
    spans, pos = [], body_start
    for m in rules.heading_split.finditer(text, body_start, body_end):
        spans.append(_trim(text, pos, m.start()))
        pos = m.end()
    if not spans:
        return
    spans.append(_trim(text, pos, body_end))
    if all(rules.heading_min_chars <= e - s <= rules.heading_max_chars and "、" not in text[s:e] for s, e in spans):
        yield _Candidate(tuple(spans), "heading", spans[0][0], spans[-1][1], (start, end))


# --------------------------------------------------------------------------- products


def _is_topic(text: str, p: ProductLike) -> bool:
    return bool(_TOPIC.match(text, p.end, p.end + 40))


def _is_modifier(text: str, p: ProductLike) -> bool:
    """``Android向けアプリ``, ``Xi対応``: the mention qualifies another noun."""
    return p.end < len(text) and bool(_KANJI_KANA.match(text[p.end]))


def _is_spec_value(text: str, p: ProductLike, rules: _Rules) -> bool:
    """``CPUは…「OMAP 4428」``: the mention is a component of the device the text is about."""
    return bool(rules.spec_value_before.search(text, max(0, p.start - 40), p.start))


def _first_named(text: str, mentions: Sequence[ProductLike], p: ProductLike) -> ProductLike:
    """The first of products named together (``『A』『B』の2機種``): shared lists go to it."""
    i = next(k for k, q in enumerate(mentions) if q is p)
    while i > 0 and _NAME_JOINERS.match(text, mentions[i - 1].end, mentions[i].start):
        i -= 1
    return mentions[i]


def _paragraph_start(text: str, pos: int) -> int:
    """Start of the paragraph (text after the last blank line) holding ``pos``."""
    lo = max(0, pos - PARAGRAPH_LOOKBACK)
    last = None
    for last in _BLANK_LINE.finditer(text, lo, pos):
        pass
    return last.end() if last is not None else lo


def main_product(text: str, mentions: Sequence[ProductLike], title: tuple[int, int] | None = None) -> str | None:
    """The article's product: the first named in the title, else the most mentioned (the first of those).

    Feature lists without a product of their own and drops that name none are
    about it. A mention qualifying another noun (``Androidタブレット``) is not
    it, nor is a component in the title (``XiやNOTTV対応「X」``,
    ``Android 4.1を搭載した「X」``).
    """
    mentions = [p for p in mentions if not _is_modifier(text, p)]
    if title is not None:
        named = [p for p in mentions if title[0] <= p.start and p.end <= title[1] and not _COMPONENT.match(text, p.end)]
        if named:
            return named[0].canonical
    if not mentions:
        return None
    counts = Counter(p.canonical for p in mentions)
    first: dict[str, int] = {}
    for p in mentions:
        first.setdefault(p.canonical, p.start)
    return max(counts, key=lambda c: (counts[c], -first[c]))


def _in_aside(text: str, p: ProductLike) -> bool:
    """``Android 4.0（開発コード名：IceCream Sandwich；ICS）``: a name in brackets is an aside
    on what stands before them (a code name, a component), not what the text goes on about."""
    opened = text.rfind("（", max(0, p.start - ASIDE_CHARS), p.start)
    if opened < 0 or "）" in text[opened:p.start]:
        return False
    return "）" in text[p.end : p.end + ASIDE_CHARS]


def _modified_host(text: str, end: int, in_context: Sequence[ProductLike]) -> ProductLike | None:
    """The product a list's relative clause modifies (``AとBを搭載した「X」``).

    A product that is itself a component of a further one (``AやBに対応した
    Android 4.0を採用した「X」``, ``…搭載したモデルとしては唯一Xiに対応``) is
    passed over for the product its own clause modifies, if any.
    """
    pos = end
    for p in in_context:
        if p.start < pos:
            continue
        if not _REL_HEAD.match(text, pos, p.start):
            return None
        component = _COMPONENT.match(text, p.end)
        if component is None:
            return p
        pos = component.end()
    return None


def _attach(text: str, cand: _Candidate, mentions: Sequence[ProductLike], main: str | None) -> str | None:
    """The canonical product a list describes (guidelines §3).

    In order: the product an item is said of (``Xの機能A、B``); the product the
    list's clause modifies (``AとBを搭載した「X」``, or the article's product when
    it is ``本製品``); the topic (``Xは``/``Xが``)
    of the sentence, a ``は`` one first; a product in the heading or lead-in; the nearest product
    named earlier in the paragraph (a topic first); the nearest earlier topic
    within ``PARAGRAPH_LOOKBACK``; the article's product. Components
    (``「X」が搭載されているので``) are passed over.
    Of products named together, the first is taken.
    """
    first_start = cand.items[0][0]
    outside = [
        p for p in mentions if not any(p.start < e and s < p.end for s, e in cand.items) and not _in_aside(text, p)
    ]
    cs, ce = cand.context
    in_context = [p for p in outside if cs <= p.start and p.end <= ce]
    found = next((p for p in reversed(outside) if p.end < first_start and text.startswith("の", p.end) and p.end + 1 >= first_start), None)
    if found is None and cand.rule not in _BLOCK_RULES:
        found = _modified_host(text, cand.end, in_context)
        if found is None and main is not None and _rules().anaphor_host.match(text, cand.end, ce):
            return main  # `…といった測定機能を備えた本製品`: the article's product, said again
    if found is None:
        topical = [p for p in in_context if _is_topic(text, p) and not _COMPONENT.match(text, p.end)]
        before = [p for p in topical if p.end <= first_start]
        # `Xは…「Y」が視聴できるほか、A、Bを搭載`: the は-topic owns the sentence's predicate
        found = next((p for p in reversed(before) if _WA_TOPIC.match(text, p.end)), before[-1] if before else None) or next(
            (p for p in topical if p.start >= cand.end), None
        )
    if found is None and cand.rule in (*_BLOCK_RULES, "heading"):
        found = next(iter(in_context), None)
    if found is None:
        para = _paragraph_start(text, cs)
        earlier = [p for p in outside if para <= p.start and p.end <= cs]
        # a component (`チップ「X」が搭載されているので…`) is not the product the list describes
        earlier = [p for p in earlier if not _COMPONENT.match(text, p.end)]
        found = next((p for p in reversed(earlier) if _is_topic(text, p)), earlier[-1] if earlier else None)
    if found is None:  # one-line paragraphs: the product last made a topic before the list
        found = next(
            (
                p
                for p in reversed(outside)
                if cs - PARAGRAPH_LOOKBACK <= p.start and p.end <= cs and _is_topic(text, p) and not _COMPONENT.match(text, p.end)
            ),
            None,
        )
    if found is None:
        return main
    return _first_named(text, mentions, found).canonical


# --------------------------------------------------------------------------- entry point


def _valid_inline(text: str, cand: _Candidate, products: Sequence[ProductLike], rules: _Rules) -> bool:
    """Whether a list found in running text (not bullets) passes the exclusions."""
    texts = [text[s:e] for s, e in cand.items]
    if any(
        len(t) > MAX_ITEM_CHARS or "。" in t or (len(t) < 2 and not (t.isascii() and t.isalnum())) or rules.count_item.match(t)
        or rules.named_item.search(t)
        for t in texts
    ):
        return False
    if _not_features(texts, rules):
        return False
    if cand.rule == "middle-dot" and rules.place.search(texts[-1]):
        return False
    if cand.rule in ("quoted", "middle-dot", "heading", "title"):
        return not _majority([_covered_by_product(s, e, products) for s, e in cand.items])
    return True


# Brackets written one after another (「A」「B」), and each of them
_BRACKET_CHAIN = regex.compile(r"(?:「[^「」『』\n]+」|『[^「」『』\n]+』){2,}")
_BRACKET_CHAIN_LINK = regex.compile(r"[「『]([^「」『』\n]+)[」』]")


def _split_items(text: str, items: Sequence[tuple[int, int]], rules: _Rules) -> list[tuple[int, int]]:
    """Items that are only short words joined by ``・`` (``防水・防塵``) are that many items: ``・`` joins
    whole phrases there (guidelines §3), as it does not inside a name or before a shared head
    (``ダウンロード・アップロード機能``, ``防水・防塵性能``). So are items that are only brackets
    written one after another (``「ＵＳＢ充電」「ＡＣ充電」に加え``): each bracket quotes one."""
    out: list[tuple[int, int]] = []
    for s, e in items:
        if rules.dotted_words.fullmatch(text, s, e):
            dots = [i for i in range(s, e) if text[i] == "・"]
            out.extend(zip([s, *(i + 1 for i in dots)], [*dots, e]))
        elif _BRACKET_CHAIN.fullmatch(text, s, e):
            out.extend(m.span(1) for m in _BRACKET_CHAIN_LINK.finditer(text, s, e))
        else:
            out.append((s, e))
    return out


_BLOCK_RULES = ("bullets", "section")  # lists laid out in lines: they win overlaps


def _without_lists_inside(cand: _Candidate, inline: Sequence[_Candidate]) -> _Candidate | None:
    """A section without the titles that hold an enumeration of their own
    (``■1.5GHzデュアルコアCPUを搭載し、…「ULTRA SPEED」に対応``): those lists are the
    features, the title a sentence around them. None when fewer than two titles are left."""
    if cand.rule != "section":
        return cand
    items = tuple(
        (s, e) for s, e in cand.items if not any(s <= c.items[0][0] and c.items[-1][1] <= e for c in inline)
    )
    if len(items) == len(cand.items):
        return cand
    return _Candidate(items, cand.rule, items[0][0], items[-1][1], cand.context) if len(items) >= 2 else None


def _select(cands: Sequence[_Candidate]) -> list[_Candidate]:
    """Resolve overlaps: bullets and sections first, then the list with more items, then the longer one;
    a pair of clauses (``besides``) only where no other list reads the words."""
    order = sorted(
        cands, key=lambda c: (c.rule not in _BLOCK_RULES, c.rule == "besides", -len(c.items), -(c.end - c.start), c.start)
    )
    taken: set[int] = set()  # occupied character positions: kept lists do not overlap, so this stays linear
    kept: list[_Candidate] = []
    for c in order:
        if any(not taken.isdisjoint(range(s, e)) for s, e in c.items):
            continue
        kept.append(c)
        # a bulleted list holds its lines; a section's titles leave the paragraphs under them to other lists
        spans = [*c.items, (c.start, c.end)] if c.rule == "bullets" else c.items
        for s, e in spans:
            taken.update(range(s, e))
    return sorted(kept, key=lambda c: c.start)


_NOUN_KANA_MARK = "ヸ"  # a katakana letter no modern text uses: a word character to every rule here


class Tokens(NamedTuple):
    """An article's tokens as columns (``Doc.to_array``): character offset, length, UniDic tag and
    lemma ids, and the string store that reads an id (``名詞-普通名詞-一般``)."""

    starts: numpy.ndarray
    lengths: numpy.ndarray
    tags: numpy.ndarray
    lemmas: numpy.ndarray
    strings: Callable[[int], str]


_HIRAGANA = (0x3041, 0x3096)  # ぁ … ゖ: the code points both the column filter and _kana read as kana


def _kana(c: str) -> bool:
    return _HIRAGANA[0] <= ord(c) <= _HIRAGANA[1]


@lru_cache(maxsize=1024)
def _content_noun_tag(tag: str) -> bool:
    """A noun that names something (not ``すべて``, ``とき``: those read as adverbs)."""
    return tag.startswith("名詞") and "副詞可能" not in tag


def kana_inside_nouns(text: str, tokens: Tokens) -> list[tuple[int, int]]:
    """Hiragana that stands for kanji inside a compound noun (``防じん性能``,
    ``スマートフォンあんしん遠隔サポート``, ``友だち``): a noun whose lemma is
    written without kana (``防塵``, ``安心``), in a word of its own or, when the
    noun is all kana, glued to a noun that is not.

    The rules here read characters, and hiragana is where they stop an item
    (particles and verb endings are); these ranges are read as word characters.
    Okurigana (``組み合わせ``, ``切り替え``) is left alone: the cue lexicons spell it.
    The columns are filtered at once; only nouns holding kana are looked at one by one.
    """
    if not len(tokens.starts):
        return []
    points = numpy.frombuffer(text.encode("utf-32-le"), dtype=numpy.uint32)
    seen = numpy.concatenate(([0], numpy.cumsum((points >= _HIRAGANA[0]) & (points <= _HIRAGANA[1]))))
    starts = tokens.starts.astype(numpy.int64)
    ends = numpy.minimum(starts + tokens.lengths.astype(numpy.int64), len(text))
    kana = seen[ends] - seen[starts]
    tags = numpy.unique(tokens.tags)
    content = numpy.isin(tokens.tags, [t for t in tags if _content_noun_tag(tokens.strings(int(t)))])
    mixed = content & (kana < ends - starts)  # a noun that is not all kana: glue for a kana neighbour
    glued = numpy.zeros(len(starts), dtype=bool)
    glued[1:] |= mixed[:-1] & (ends[:-1] == starts[1:])
    glued[:-1] |= mixed[1:] & (ends[:-1] == starts[1:])
    out: list[tuple[int, int]] = []
    for i in numpy.flatnonzero(content & (kana > 0) & (mixed | glued)):
        s, e = int(starts[i]), int(ends[i])
        if text[s:e] not in _rules().function_nouns and not any(map(_kana, tokens.strings(int(tokens.lemmas[i])))):
            out.append((s, e))
    return out


def _mark_kana(text: str, ranges: Sequence[tuple[int, int]]) -> str:
    """``text`` with the hiragana of ``ranges`` replaced by a word character, offsets unchanged."""
    if not ranges:
        return text
    chars = list(text)
    for s, e in ranges:
        for k in range(max(0, s), min(e, len(chars))):
            if _kana(chars[k]):
                chars[k] = _NOUN_KANA_MARK
    return "".join(chars)


def find_feature_lists(
    text: str,
    zones: Sequence[tuple[int, int]] | None,
    products: Sequence[ProductLike] = (),
    tokens: Tokens | None = None,
) -> list[FeatureList]:
    """Feature lists of an article (guidelines §3), in text order.

    ``zones`` are the content ranges (title and body, boilerplate excluded);
    ``None`` means the whole text. ``products`` are the article's product
    mentions; they name the product each list describes and reveal line-ups.
    ``tokens`` are the article's tokens, when there are any: they tell which
    hiragana is inside a noun (``kana_inside_nouns``).
    """
    rules = _rules()
    original, text = text, _mark_kana(text, kana_inside_nouns(text, tokens) if tokens is not None else [])
    zones = clamp_zones(zones, len(text))
    mentions = sorted((p for p in products if 0 <= p.start < p.end <= len(text)), key=lambda p: (p.start, p.end))
    lines = _split_lines(text)
    usable = _in_zones(lines, zones)
    first_line = next((ln for ln, ok in zip(lines, usable) if ok and not ln.blank), None)
    title = (first_line.start, first_line.end) if first_line else None
    sents = _Sentences.of(text, zones)
    starts = [p.start for p in mentions]

    cands: list[_Candidate] = list(_bulleted_lists(text, lines, usable, mentions, rules))
    cands.extend(_section_lists(text, lines, usable, mentions, rules))
    found: list[_Candidate] = []
    for zone in zones:
        found.extend(_inline_lists(text, zone, sents, mentions, title, rules))
        found.extend(_tari_lists(text, zone, sents, starts, rules))
        found.extend(_besides_pairs(text, zone, sents, starts, rules))
        found.extend(_count_lists(text, zone, sents, rules))
        found.extend(_quoted_lists(text, zone, sents, rules))
        found.extend(_topic_lists(text, zone, sents, rules))
        found.extend(_dot_lists(text, zone, sents, title, rules))
    if title is not None:
        found.extend(_title_tail_list(text, title, rules))
    for ln, ok in zip(lines, usable):
        marker = rules.heading_line.match(ln.text) if ok else None
        sent = sents.at(ln.start + marker.end() - 1) if marker else None
        if sent is not None:
            found.extend(_heading_lists(text, *sent, rules))
        if marker is not None:  # a section headline reads like the title (`■…を発表！AやB、C`)
            found.extend(_title_tail_list(text, (ln.start + marker.end(), ln.end), rules))
    inline = [c for c in found if _valid_inline(text, c, mentions, rules)]
    cands = [kept for c in cands if (kept := _without_lists_inside(c, inline)) is not None]
    cands.extend(inline)

    named = [
        p
        for p in mentions
        if in_zones(p.start, p.end, zones) and not _is_modifier(text, p) and not _is_spec_value(text, p, rules)
    ]
    main = main_product(text, named, title)
    out: list[FeatureList] = []
    seen: set[tuple[str, ...]] = set()
    for c in _select(cands):
        key = tuple(original[s:e] for s, e in c.items)
        if key in seen:
            continue
        seen.add(key)
        items = tuple(FeatureItem(s, e, original[s:e]) for s, e in _split_items(original, c.items, rules))
        out.append(FeatureList(c.start, c.end, _attach(text, c, named, main), items, c.rule))
    return out

