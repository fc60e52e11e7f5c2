"""Sentences inside content zones: the unit every extractor reads."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pipeline.products import find_products
from pipeline.text import clamp_zones, sentences, shared_words, with_words


def split(text: str) -> list[str]:
    return [text[start:end] for start, end in sentences(text)]


def test_sentences_end_at_stops_with_their_closing_brackets_and_at_line_breaks() -> None:
    assert split("新機種を発表。「すごい！」と語った。\n見出し\n本文だ") == [
        "新機種を発表。", "「すごい！」", "と語った。", "見出し", "本文だ",
    ]


def test_an_aside_in_round_brackets_holding_a_stop_stays_in_its_sentence() -> None:
    text = "KDDIは「UP」(型番はKYY04。以下、UP)を発売すると発表した。次の文だ。"
    assert split(text) == ["KDDIは「UP」(型番はKYY04。以下、UP)を発売すると発表した。", "次の文だ。"]
    # a bracket that never closes on its line does not swallow what follows
    assert split("（閉じない。次の文。") == ["（閉じない。", "次の文。"]


def test_the_bang_of_a_name_glued_to_what_follows_does_not_end_a_sentence() -> None:
    assert split("今回、BookLive!アプリが更新された。Yahoo!ファイナンスも。発売!次") == [
        "今回、BookLive!アプリが更新された。", "Yahoo!ファイナンスも。", "発売!", "次",
    ]
    # nor that of a name whose next word follows one space; a sentence's own ! still does
    assert split("Yahoo! JAPANのアプリだ。Great! 次の文") == ["Yahoo! JAPANのアプリだ。", "Great!", "次の文"]


@given(st.text(alphabet="ab 。！(（)）「」\n", max_size=60))
def test_sentences_are_ordered_disjoint_and_stripped(text: str) -> None:
    found = list(sentences(text))
    assert all(0 <= s < e <= len(text) for s, e in found)
    assert all(e1 <= s2 for (_, e1), (s2, _) in zip(found, found[1:]))
    assert all(not text[s].isspace() and not text[e - 1].isspace() for s, e in found)


def test_zones_are_clipped_to_the_text_and_never_read_from_its_end() -> None:
    assert clamp_zones(None, 5) == [(0, 5)]
    assert clamp_zones([(-2, 3), (4, 9), (-2, -1), (6, 8)], 5) == [(0, 3), (4, 5)]
    # a zone wholly before the text finds nothing (it used to be read as the text's last characters)
    assert find_products("aA0", [(-2, -1)]) == []


def test_shared_word_lists_are_spelled_out_in_every_stage() -> None:
    from pipeline import events, features, products

    assert with_words("(?:{latin_colour})") == f"(?:{shared_words()['latin_colour']})"
    patterns = [
        features._rules().colour.pattern,
        products._default_lexicons().colour_name.pattern,
        *(p.pattern for p in events._rules().p.values()),
    ]
    assert not any("{" + name + "}" in p for p in patterns for name in shared_words())
    assert features._rules().colour.match("マゼンタ") and products._default_lexicons().colour_name.match("Cool Black")
