"""The spaCy glue: span attributes per kind, exact offsets, Docs that serialise."""
from __future__ import annotations

import json

from spacy.language import Language
from spacy.tokens import Doc, DocBin

from pipeline.components import make_span
from pipeline.spans import SPAN_KINDS, span_attrs


def test_spans_of_different_kinds_with_the_same_boundaries_keep_their_own_attributes(
    tokenizer_only: Language,
) -> None:
    doc = tokenizer_only("AMD Pacificaに対応")
    product = make_span(doc, 0, 12, "PRODUCT", canonical="AMD Pacifica", rule="shape")
    feature = make_span(doc, 0, 12, "FEATURE", product="Virtual Server", list_id=0, rule="inline")
    doc.spans["products"], doc.spans["features"] = [product], [feature]
    assert (doc.spans["products"][0]._.rule, doc.spans["products"][0]._.canonical) == ("shape", "AMD Pacifica")
    assert (doc.spans["features"][0]._.rule, doc.spans["features"][0]._.product) == ("inline", "Virtual Server")


def test_a_span_widened_to_tokens_keeps_the_exact_offsets(tokenizer_only: Language) -> None:
    doc = tokenizer_only("発売は未定")  # MeCab: 発売|は|未定
    span = make_span(doc, 0, 1, "DATE", value="XXXX")
    assert span is not None and span.text == "発売"
    assert span._.offsets == [0, 1] and span._.value == "XXXX"


def test_processed_docs_round_trip_through_docbin(nlp: Language, seed_path) -> None:
    doc = nlp(seed_path.read_text(encoding="utf-8"))
    [back] = DocBin(store_user_data=True, docs=[doc]).get_docs(nlp.vocab)
    for key in ("dates", "products", "features"):
        assert [(s.start_char, s.end_char, s.label_, s._.rule) for s in back.spans[key]] == [
            (s.start_char, s.end_char, s.label_, s._.rule) for s in doc.spans[key]
        ]
    # msgpack gives lists back as tuples: compare as JSON
    assert json.dumps(back._.events) == json.dumps(doc._.events) and back._.dct == "2007-06-26"
    assert isinstance(back, Doc)


def test_span_attributes_are_read_where_spacy_keeps_them(nlp: Language, seed_path) -> None:
    """``span_attrs`` reads ``doc.user_data`` under spaCy's key for a span extension: the same value
    as ``span._`` gives (a spaCy that keys them otherwise fails here)."""
    doc = nlp(seed_path.read_text(encoding="utf-8"))
    spans = [s for key in ("dates", "products", "features") for s in doc.spans[key]]
    assert spans and all(span_attrs(s) == getattr(s._, f"{SPAN_KINDS[s.label_]}_attrs") for s in spans)
