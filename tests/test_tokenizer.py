"""The fugashi tokenizer inside spaCy: exact text, UniDic attributes, bounded calls, pickling."""
from __future__ import annotations

import pickle

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

import pipeline
from spacy.tokens import Doc
from spacy.vocab import Vocab

from pipeline.tokenizer import FugashiTokenizer, _pieces, original_text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_doc_text_is_input_exactly(tokenizer_only: Language, text: str) -> None:
    doc = tokenizer_only(text)
    assert doc.text == text
    assert original_text(doc) is text  # kept, never rebuilt from the tokens


def test_attributes_survive_memory_zones(tokenizer_only: Language) -> None:
    """Cached ids of known words must still name strings after the zone that first saw them ends."""
    text = "新製品を発売した。ｗｗｘｙ謎"
    with tokenizer_only.memory_zone():
        first = [(t.tag_, t.pos_, t.lemma_, str(t.morph)) for t in tokenizer_only(text)]
    with tokenizer_only.memory_zone():
        again = [(t.tag_, t.pos_, t.lemma_, str(t.morph)) for t in tokenizer_only(text)]
    assert again == first
    assert ("動詞-非自立可能", "AUX", "為る", "Reading=シ") in first or ("動詞-非自立可能", "VERB", "為る", "Reading=シ") in first


def test_words_first_read_in_an_unannounced_zone_are_not_cached() -> None:
    """A zone opened on the vocab alone frees its strings without telling the tokenizer, so words first read
    in it must not be served from the cache afterwards."""
    tokenizer = FugashiTokenizer(Vocab())
    text = "新製品を発売した。ｗｗｘｙ謎"
    with tokenizer.vocab.memory_zone():
        first = [(t.tag_, t.lemma_) for t in tokenizer(text)]
    assert [(t.tag_, t.lemma_) for t in tokenizer(text)] == first


def test_original_text_of_a_foreign_doc_is_built_once(tokenizer_only: Language) -> None:
    doc = Doc(tokenizer_only.vocab, words=["新", "製品"], spaces=[False, True])
    assert original_text(doc) == "新製品 "
    assert original_text(doc) is original_text(doc)


@given(st.text(alphabet=" \u3000\t\v\r\nあア漢aZ1。・-\x00", max_size=80))
def test_whitespace_and_line_breaks_survive(tokenizer_only: Language, text: str) -> None:
    doc = tokenizer_only(text)
    assert doc.text == text
    assert all(t.text == text[t.idx : t.idx + len(t.text)] for t in doc)


def test_unidic_attributes(tokenizer_only: Language) -> None:
    doc = tokenizer_only("新製品を発売した。")
    by_text = {t.text: t for t in doc}
    assert by_text["発売"].tag_ == "名詞-普通名詞-サ変可能"
    assert by_text["発売"].pos_ == "NOUN"
    assert by_text["発売"].morph.get("Reading") == ["ハツバイ"]
    assert by_text["し"].lemma_ == "為る"
    assert by_text["し"].pos_ in {"AUX", "VERB"}


def test_guessed_words_and_quoted_features_get_their_lemmas(tokenizer_only: Language) -> None:
    """A word outside UniDic (no lemma field) is its own lemma; 円's features hold a quoted, comma-bearing
    field, which must not shift the fields after it."""
    by_text = {t.text: t for t in tokenizer_only("Pacifica \t 1,000円")}
    assert by_text["Pacifica"].lemma_ == "Pacifica"
    assert by_text["Pacifica"].tag_ == "名詞-普通名詞-一般"
    assert by_text["円"].lemma_ == "円-助数詞"
    assert by_text["円"].tag_ == "名詞-普通名詞-助数詞可能"
    assert [t.text for t in tokenizer_only("Pacifica \t 1,000円")] == ["Pacifica", " \t ", "1", ",", "000", "円"]


def test_line_breaks_are_tokens_so_bullets_start_lines(tokenizer_only: Language) -> None:
    doc = tokenizer_only("機能：\n・防水\n・ワンセグ")
    bullets = [t for t in doc if t.text == "・"]
    assert len(bullets) == 2
    assert all(doc[t.i - 1].text == "\n" for t in bullets)


def test_long_lines_are_cut_into_bounded_pieces() -> None:
    line = ("新製品を発売した。" * 3000) + "あ" * 9000
    pieces = list(_pieces(line, 4096))
    assert all(len(p) <= 4096 for _, p in pieces)
    assert "".join(p for _, p in pieces) == line
    assert all(line[o : o + len(p)] == p for o, p in pieces)


def test_long_article_is_not_rejected_by_max_length(tokenizer_only: Language) -> None:
    text = "新製品を発売した。" * 200_000  # 1.8 M characters, one line
    assert tokenizer_only.max_length > len(text)
    assert len(tokenizer_only.make_doc(text).text) == len(text)


def test_nul_is_a_token_and_lone_surrogate_is_a_clear_error(tokenizer_only: Language) -> None:
    assert tokenizer_only.make_doc("a\x00b").text == "a\x00b"
    try:
        tokenizer_only.make_doc("a\ud800b")
    except ValueError as e:
        assert "offset 1" in str(e)
    else:
        raise AssertionError("a lone surrogate must be rejected")


def test_readings_can_be_left_out_and_nothing_else_changes(tokenizer_only: Language) -> None:
    text = "新製品「Xperia」を発売した。"
    plain = pipeline.load(disable=pipeline.PIPE_NAMES, readings=False)
    with_readings, without = tokenizer_only(text), plain(text)
    assert [str(t.morph) for t in without] == [""] * len(without)
    assert [(t.text, t.tag_, t.pos_, t.lemma_) for t in without] == [
        (t.text, t.tag_, t.pos_, t.lemma_) for t in with_readings
    ]
    restored = FugashiTokenizer(plain.vocab).from_bytes(plain.tokenizer.to_bytes())
    assert restored.readings is False
    assert pickle.loads(pickle.dumps(plain.tokenizer)).readings is False


def test_tokenizer_pickles_and_rebuilds_its_tagger(tokenizer_only: Language) -> None:
    tok = pickle.loads(pickle.dumps(tokenizer_only.tokenizer))
    assert isinstance(tok, FugashiTokenizer)
    assert tok("発売日").text == "発売日"


def test_pipe_with_two_processes_matches_one(nlp: Language) -> None:
    texts = ["2012年5月10日、新製品『SAKURA S1』を発表した。", "6月下旬に発売する予定。"] * 3
    one = [d.to_json() for d in nlp.pipe(texts)]
    two = [d.to_json() for d in nlp.pipe(texts, n_process=2, batch_size=2)]
    assert one == two


def test_pipeline_saves_and_loads_back(nlp: Language, tmp_path) -> None:
    nlp.to_disk(tmp_path / "model")
    loaded = spacy.load(tmp_path / "model")
    assert loaded.pipe_names == nlp.pipe_names
    assert isinstance(loaded.tokenizer, FugashiTokenizer)
    text = "本日、新製品を発売した。"
    assert loaded(text).to_json() == nlp(text).to_json()


def test_load_registers_every_stage() -> None:
    assert pipeline.load().pipe_names == list(pipeline.PIPE_NAMES)
