"""Tests of the evaluator against gold-format.md: normalisation, matching, blocks, reading, CLI."""
from __future__ import annotations

import argparse
import json
from fractions import Fraction
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.evaluate import (
    GoldFormatError,
    add_arguments,
    command,
    dice,
    evaluate,
    greedy_match,
    load_documents,
    normalise,
)

DATA = Path(__file__).parent / "data" / "eval"
# The spec's four worked examples, copied unmodified into the dev gold sources.
SPEC_EXAMPLES = [
    Path(__file__).parent.parent / "corpus" / "gold" / "src" / "dev" / f"{doc_id}.json"
    for doc_id in ("it-life-hack-6881272", "kaden-channel-5821471", "kaden-channel-5888941", "smax-6538588")
]
TALLY_BLOCKS = ("products", "dates_strict", "dates_relaxed", "features", "events", "events_full", "event_feature_f1")
ACCURACIES = ("date_value_accuracy", "event_date_accuracy", "event_status_accuracy")


def doc(doc_id: str = "d", **blocks: Any) -> dict[str, Any]:
    return {"doc_id": doc_id, **blocks}


def score(gold: dict[str, Any], pred: dict[str, Any] | None) -> dict[str, Any]:
    """Overall scores of one gold document against one prediction (None: no prediction)."""
    return evaluate({gold["doc_id"]: gold}, {} if pred is None else {pred["doc_id"]: pred}).overall


def counts(block: dict[str, Any]) -> tuple[int, int, int]:
    return block["tp"], block["fp"], block["fn"]


def event(type_: str, product: str, status: str | None = "done", value: str | None = None,
          mod: str | None = None, **extra: Any) -> dict[str, Any]:
    date = None if value is None and mod is None else {"value": value, "mod": mod}
    return {"type": type_, "product": product, "status": status, "date": date, **extra}


def date(text: str, value: str | None = None, mod: str | None = None, type_: str = "DATE",
         **extra: Any) -> dict[str, Any]:
    return {"text": text, "type": type_, "value": value, "mod": mod, **extra}


# --------------------------------------------------------------------------- normalisation and Dice

@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("ＢＤＰ−Ｓ４８０", "BDP-S480"),  # fullwidth + U+2212 minus sign
        ("ＹｏｕＴｕｂｅ", "youtube"),
        ("「SAKURA S1」", "sakuras1"),
        ("『ＢＤＰ−Ｓ３８０』", "bdp-s380"),
        ("“Xperia” \"ray\"", "xperiaray"),
        ("2012年5月8日（火）", "2012年5月8日(火)"),
        ("Xperia\u3000ray\tSO-03C\n", "xperiarayso-03c"),
        ("a\u2010b\u2011c\u2012d\u2013e\u2014f\u2015g", "a-b-c-d-e-f-g"),
        ("ｶﾀｶﾅ", "カタカナ"),
        ("Ⅳ", "iv"),
        ("【新製品】", "【新製品】"),  # only the listed brackets are stripped
    ],
)
def test_normalise_equates(a: str, b: str) -> None:
    assert normalise(a) == normalise(b)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ＢＤＰ−Ｓ４８０", "bdp-s480"),
        ("「ＹｏｕＴｕｂｅ（ＴＭ）の無料動画」", "youtubetmの無料動画"),
        (" A B ", "ab"),
        ("ー", "ー"),  # the long-vowel mark is not a dash
    ],
)
def test_normalise_output(text: str, expected: str) -> None:
    assert normalise(text) == expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("ab", "ab", Fraction(1)),
        ("a", "a", Fraction(1)),  # a one-character item is its own bigram
        ("a", "ab", Fraction(0)),
        ("a", "b", Fraction(0)),
        ("abc", "abd", Fraction(1, 2)),
        ("ワンセグ", "ワンセグ対応", Fraction(3, 4)),
        ("aa", "aaa", Fraction(2, 3)),  # multisets: {aa} vs {aa, aa}
        ("abab", "ab", Fraction(1, 2)),  # {ab, ba, ab} vs {ab}
        ("abcdef", "abcdxy", Fraction(3, 5)),  # exactly the threshold
    ],
)
def test_dice(a: str, b: str, expected: Fraction) -> None:
    assert dice(a, b) == expected == dice(b, a)


# --------------------------------------------------------------------------- greedy matching

@pytest.mark.parametrize(
    ("optional", "sims", "expected"),
    [
        pytest.param([False, False], [[1], [2]], [(1, 0)], id="best similarity beats file order"),
        pytest.param([True, False], [[1], [1]], [(1, 0)], id="tie goes to non-optional gold"),
        pytest.param([False, True], [[1], [2]], [(1, 0)], id="similarity beats optionality"),
        pytest.param([False, False], [[1], [1]], [(0, 0)], id="tie goes to earlier gold"),
        pytest.param([False], [[1, 1]], [(0, 0)], id="tie goes to earlier prediction"),
        pytest.param([False, False], [[2, 1], [1, None]], [(0, 0)], id="one-to-one and greedy, not maximum"),
        pytest.param([False, False], [[1, None], [None, 1]], [(0, 0), (1, 1)], id="independent pairs"),
        pytest.param([False], [[None]], [], id="None is no match"),
        pytest.param([False, False], [[(True, False)], [(True, True)]], [(1, 0)], id="tuple similarities rank"),
    ],
)
def test_greedy_match(optional: list[bool], sims: list[list[Any]], expected: list[tuple[int, int]]) -> None:
    gold = [SimpleNamespace(optional=flag, index=i) for i, flag in enumerate(optional)]
    pred = list(range(len(sims[0])))
    assert greedy_match(gold, pred, lambda g, p: sims[g.index][p]) == expected


# --------------------------------------------------------------------------- blocks

@pytest.mark.parametrize(
    ("gold_products", "pred_canonicals", "expected"),
    [
        pytest.param([{"canonical": "BDP-S480", "mentions": ["ＢＤＰ−Ｓ４８０"]}], ["ＢＤＰ−Ｓ４８０"], (1, 0, 0),
                     id="width"),
        pytest.param([{"canonical": "Xperia ray SO-03C", "mentions": ["Xperia ray"]}], ["Xperia ray"], (1, 0, 0),
                     id="mention"),
        pytest.param([{"canonical": "Xperia ray SO-03C"}], ["Xperia"], (0, 1, 1), id="no partial match"),
        pytest.param([{"canonical": "HTC J"}], ["HTC J", "htc j"], (1, 1, 0), id="repeat is a false positive"),
        pytest.param([{"canonical": "A", "mentions": ["B"]}, {"canonical": "B"}], ["B", "A"], (2, 0, 0),
                     id="canonical beats mention"),
        pytest.param([{"canonical": "Android", "optional": True}], ["Android"], (0, 0, 0), id="optional matched"),
        pytest.param([{"canonical": "Android", "optional": True}], [], (0, 0, 0), id="optional missed"),
        pytest.param([{"canonical": "Android", "optional": True}, {"canonical": "Android"}], ["Android"], (1, 0, 0),
                     id="tie prefers non-optional"),
    ],
)
def test_products(gold_products: list[dict[str, Any]], pred_canonicals: list[str],
                  expected: tuple[int, int, int]) -> None:
    pred = doc(products=[{"canonical": c} for c in pred_canonicals])
    assert counts(score(doc(products=gold_products), pred)["products"]) == expected


@pytest.mark.parametrize(
    ("gold_dates", "pred_dates", "strict", "relaxed", "accuracy"),
    [
        pytest.param([date("6月下旬", "2012-06", "END")], [date("６月下旬", "2012-06", "END")],
                     (1, 0, 0), (1, 0, 0), (1, 1), id="equal"),
        pytest.param([date("6月下旬", "2012-06", "END")], [date("下旬", "2012-06", None)],
                     (0, 1, 1), (1, 0, 0), (0, 1), id="contained, mod differs"),
        pytest.param([date("5月", "2012-05")], [date("2012年5月", "2012-05", type_="TIME")],
                     (0, 1, 1), (1, 0, 0), (0, 1), id="contains, type differs"),
        pytest.param([date("5月10日", "2012-05-10"), date("5月", "2012-05")], [date("5月", "2012-05")],
                     (1, 0, 1), (1, 0, 1), (1, 1), id="equal text beats earlier containment"),
        pytest.param([date("5月10日", "2012-05-10"), date("5月中", "2012-05")], [date("5月", "2012-05")],
                     (0, 1, 2), (1, 0, 1), (1, 1), id="equal value beats earlier containment"),
        pytest.param([date("本日", "2011-09-26")], [date("明日", "2011-09-27")],
                     (0, 1, 1), (0, 1, 1), (0, 0), id="no overlap"),
        pytest.param([date("今後", "FUTURE_REF", optional=True)], [date("今後は", "FUTURE_REF")],
                     (0, 1, 0), (0, 0, 0), (0, 0), id="optional: removed where matched only"),
    ],
)
def test_dates(gold_dates: list[dict[str, Any]], pred_dates: list[dict[str, Any]], strict: tuple[int, int, int],
               relaxed: tuple[int, int, int], accuracy: tuple[int, int]) -> None:
    result = score(doc(dates=gold_dates), doc(dates=pred_dates))
    assert counts(result["dates_strict"]) == strict
    assert counts(result["dates_relaxed"]) == relaxed
    value = result["date_value_accuracy"]
    assert (value["correct"], value["total"]) == accuracy


def test_date_value_comparison_is_normalised() -> None:
    result = score(doc(dates=[date("今秋", "2011-FA")]), doc(dates=[date("今秋", "２０１１-fa", type_="date")]))
    assert result["date_value_accuracy"]["accuracy"] == 1.0


@pytest.mark.parametrize(
    ("gold_lists", "pred_lists", "expected"),
    [
        pytest.param([["防水", "ワンセグ"]], [["ワンセグ対応"], ["防水"]], (2, 0, 0), id="pooled lists, dice 0.75"),
        pytest.param([["abc"]], [["abcxyz"]], (0, 1, 1), id="dice 4/7 below threshold"),
        pytest.param([["abcdef"]], [["abcdxy"]], (1, 0, 0), id="dice exactly 0.6"),
        pytest.param([["防水", "防水"]], [["防水"]], (1, 0, 1), id="one-to-one"),
        pytest.param([["ワンセグ対応", "ワンセグ"]], [["ワンセグ"]], (1, 0, 1), id="best dice first"),
    ],
)
def test_features(gold_lists: list[list[str]], pred_lists: list[list[str]], expected: tuple[int, int, int]) -> None:
    gold = doc(feature_lists=[{"product": None, "items": items} for items in gold_lists])
    pred = doc(feature_lists=[{"product": None, "items": items} for items in pred_lists])
    assert counts(score(gold, pred)["features"]) == expected


def test_optional_feature_list_makes_items_optional() -> None:
    gold = doc(feature_lists=[{"product": None, "items": ["再生", "一時停止"], "optional": True},
                              {"product": None, "items": ["防水"]}])
    pred = doc(feature_lists=[{"product": None, "items": ["再生", "防水", "LTE対応"]}])
    assert counts(score(gold, pred)["features"]) == (1, 1, 0)


PRODUCTS = [{"canonical": "BDP-S480", "mentions": ["ＢＤＰ−Ｓ４８０"]}, {"canonical": "BDP-S380"}]


@pytest.mark.parametrize(
    ("gold_events", "pred_events", "events", "full"),
    [
        pytest.param([event("release", "BDP-S480", "planned", "2011-09-17")],
                     [event("release", "ＢＤＰ−Ｓ４８０", "planned", "2011-09-17")], (1, 0, 0), (1, 0, 0),
                     id="product via mention"),
        pytest.param([event("release", "BDP-S480")], [event("announce", "BDP-S480")], (0, 1, 1), (0, 1, 1),
                     id="type differs"),
        pytest.param([event("release", "BDP-S480")], [event("release", "BDP-S380")], (0, 1, 1), (0, 1, 1),
                     id="product differs"),
        pytest.param([event("release", "BDP-S480", "planned", "2011-09")],
                     [event("release", "BDP-S480", "planned", "2011-09", "END")], (1, 0, 0), (0, 1, 1),
                     id="mod differs"),
        pytest.param([event("release", "BDP-S480", "planned")], [event("release", "BDP-S480", "done")],
                     (1, 0, 0), (0, 1, 1), id="status differs"),
        pytest.param([event("feature_drop", "BDP-S480", "done")],
                     [{**event("feature_drop", "BDP-S480", "done"), "date": {"value": None, "mod": None}}],
                     (1, 0, 0), (1, 0, 0), id="null dates equal"),
        pytest.param([event("release", "BDP-S480", "done", "2011-07"),
                      event("release", "BDP-S480", "planned", "2011-09")],
                     [event("release", "BDP-S480", "planned", "2011-09")], (1, 0, 1), (1, 0, 1),
                     id="prefers the pair agreeing on date"),
        pytest.param([event("release", "BDP-S480", "done", "2011-09"),
                      event("release", "BDP-S480", "planned", "2011-09")],
                     [event("release", "BDP-S480", "planned", "2011-09")], (1, 0, 1), (1, 0, 1),
                     id="then the pair agreeing on status"),
        pytest.param([event("release", "BDP-S480", optional=True)], [event("release", "BDP-S480", "planned")],
                     (0, 0, 0), (0, 1, 0), id="optional event"),
    ],
)
def test_events(gold_events: list[dict[str, Any]], pred_events: list[dict[str, Any]],
                events: tuple[int, int, int], full: tuple[int, int, int]) -> None:
    result = score(doc(products=PRODUCTS, events=gold_events), doc(events=pred_events))
    assert counts(result["events"]) == events
    assert counts(result["events_full"]) == full


def test_event_product_mentions_come_from_the_gold_products() -> None:
    gold = doc(products=[{"canonical": "Xperia ray SO-03C", "mentions": ["Xperia ray"]}],
               events=[event("release", "Xperia ray SO-03C")])
    assert counts(score(gold, doc(events=[event("release", "Xperia ray")]))["events"]) == (1, 0, 0)
    unlisted = doc(events=[event("release", "Xperia ray SO-03C")])  # event product not among the products
    assert counts(score(unlisted, doc(events=[event("release", "Xperia ray")]))["events"]) == (0, 1, 1)


def test_event_accuracies_features_and_per_type() -> None:
    gold = doc(products=PRODUCTS, events=[
        event("release", "BDP-S480", "planned", "2011-09-17", features=["防水", "ワンセグ", "おサイフケータイ"]),
        event("release", "BDP-S380", "planned", "2011-09-17", features=["防水"]),
        event("announce", "BDP-S480", "done", "2011-08-30"),
        event("end", "BDP-S380", "planned"),
    ])
    pred = doc(events=[
        event("release", "BDP-S480", "planned", "2011-09-17", features=["防水", "ワンセグ対応", "LTE"]),
        event("release", "BDP-S380", "done", "2011-09", features=["防水"]),
        event("announce", "BDP-S480", "done", "2011-08-30"),
        event("delay", "BDP-S480", "done"),
    ])
    result = score(gold, pred)
    assert counts(result["events"]) == (3, 1, 1)
    assert counts(result["events_full"]) == (2, 2, 2)
    assert result["event_date_accuracy"] == {"correct": 2, "total": 3, "accuracy": 2 / 3}
    assert result["event_status_accuracy"] == {"correct": 2, "total": 3, "accuracy": 2 / 3}
    assert counts(result["event_feature_f1"]) == (3, 1, 1)
    assert {t: counts(v) for t, v in result["per_type"].items()} == {
        "announce": (1, 0, 0), "delay": (0, 1, 0), "end": (0, 0, 1), "release": (2, 0, 0)}


def test_ratios() -> None:
    result = score(doc(products=[{"canonical": "A"}, {"canonical": "B"}]),
                   doc(products=[{"canonical": "A"}, {"canonical": "C"}]))
    assert result["products"] == {"tp": 1, "fp": 1, "fn": 1, "precision": 0.5, "recall": 0.5, "f1": 0.5}
    empty = score(doc(), doc())
    assert empty["products"] == {"tp": 0, "fp": 0, "fn": 0, "precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert empty["date_value_accuracy"] == {"correct": 0, "total": 0, "accuracy": 0.0}


def test_documents_missing_and_extra() -> None:
    gold = {"a": doc("a", products=[{"canonical": "A"}]), "b": doc("b", products=[{"canonical": "B"}])}
    pred = {"a": doc("a", products=[{"canonical": "A"}]), "z": doc("z", products=[{"canonical": "Z"}])}
    report = evaluate(gold, pred)
    assert counts(report.overall["products"]) == (1, 0, 1)
    assert report.overall["documents"] == {"gold": 2, "pred": 2, "gold_only": 1, "pred_only": 1}
    assert list(report.per_doc) == ["a", "b"]
    assert counts(report.per_doc["b"]["products"]) == (0, 0, 1)
    assert [(e.doc_id, e.block, e.kind, e.text) for e in report.errors] == [("b", "products", "fn", "B")]


def test_evaluate_validates_raw_documents() -> None:
    with pytest.raises(GoldFormatError, match="pred document 'd': products\\[0\\]: missing key 'canonical'"):
        evaluate({"d": doc()}, {"d": doc(products=[{}])})


def test_spec_examples_score_perfectly_against_themselves() -> None:
    documents: dict[str, dict[str, Any]] = {}
    for path in SPEC_EXAMPLES:
        documents.update(load_documents(path))
    assert len(documents) == 4
    report = evaluate(documents, documents)
    for key in TALLY_BLOCKS:
        assert report.overall[key]["f1"] == 1.0, key
    for key in ACCURACIES:
        assert report.overall[key]["accuracy"] == 1.0, key
    assert set(report.overall["per_type"]) == {"announce", "release", "delay", "feature_drop"}
    assert all(v["f1"] == 1.0 for v in report.overall["per_type"].values())
    assert report.errors == []


def test_fixture_counts() -> None:
    report = evaluate(load_documents(DATA / "gold.jsonl"), load_documents(DATA / "pred.jsonl"))
    overall = report.overall
    assert {k: counts(overall[k]) for k in TALLY_BLOCKS} == {
        "products": (1, 1, 2), "dates_strict": (1, 1, 1), "dates_relaxed": (2, 0, 0), "features": (2, 0, 1),
        "events": (2, 0, 2), "events_full": (1, 1, 3), "event_feature_f1": (1, 0, 2)}
    assert {k: (overall[k]["correct"], overall[k]["total"]) for k in ACCURACIES} == {
        "date_value_accuracy": (1, 2), "event_date_accuracy": (2, 2), "event_status_accuracy": (1, 2)}
    assert {t: counts(v) for t, v in overall["per_type"].items()} == {
        "announce": (1, 0, 0), "feature_drop": (0, 0, 1), "release": (1, 0, 1)}
    drop = [e for e in report.errors if e.block == "events"]
    assert [(e.doc_id, e.kind, e.text, e.evidence) for e in drop] == [
        ("sakura-0001", "fn", "feature_drop SAKURA S1", "当初予定していたLTE対応は見送られた"),
        ("missing-0002", "fn", "release Xperia ray SO-03C", "「Xperia ray SO-03C」として2011年8月から販売された")]
    items = [(e.kind, e.text, e.event) for e in report.errors if e.block == "event_features"]
    assert items == [("fn", "ワンセグ", "release SAKURA S1"), ("fn", "おサイフケータイ", "release SAKURA S1")]


# --------------------------------------------------------------------------- reading

@pytest.mark.parametrize(
    ("lines", "line", "message"),
    [
        (['{"doc_id": "a"}', '{"doc_id": '], 2, "invalid JSON"),
        (['{"doc_id": "a"}', "", '{"products": []}'], 3, "missing key 'doc_id'"),
        (['{"doc_id": ""}'], 1, "doc_id: empty"),
        (['{"doc_id": 7}'], 1, "doc_id: expected a string, got a number"),
        (['["a"]'], 1, "expected a JSON object, got an array"),
        (['{"doc_id": "a", "products": {}}'], 1, "products: expected an array, got an object"),
        (['{"doc_id": "a", "products": null}'], 1, "products: expected an array, got null"),
        (['{"doc_id": "a", "products": ["A"]}'], 1, "products[0]: expected an object, got a string"),
        (['{"doc_id": "a", "products": [{"mentions": []}]}'], 1, "products[0]: missing key 'canonical'"),
        (['{"doc_id": "a", "products": [{"canonical": 1}]}'], 1,
         "products[0].canonical: expected a string, got a number"),
        (['{"doc_id": "a", "products": [{"canonical": "「」"}]}'], 1,
         "products[0].canonical: empty after normalisation"),
        (['{"doc_id": "a", "products": [{"canonical": "A", "mentions": [null]}]}'], 1, "products[0].mentions[0]"),
        (['{"doc_id": "a", "products": [{"canonical": "A", "optional": "yes"}]}'], 1, "expected a boolean"),
        (['{"doc_id": "a", "dates": [{"type": "DATE"}]}'], 1, "dates[0]: missing key 'text'"),
        (['{"doc_id": "a", "dates": [{"text": "5月", "value": 5}]}'], 1, "dates[0].value: expected a string or null"),
        (['{"doc_id": "a", "feature_lists": [{"product": null}]}'], 1, "feature_lists[0]: missing key 'items'"),
        (['{"doc_id": "a", "feature_lists": [{"items": "防水"}]}'], 1, "feature_lists[0].items: expected an array"),
        (['{"doc_id": "a", "events": [{"product": "A"}]}'], 1, "events[0]: missing key 'type'"),
        (['{"doc_id": "a", "events": [{"type": "release"}]}'], 1, "events[0]: missing key 'product'"),
        (['{"doc_id": "a", "events": [{"type": "release", "product": null}]}'], 1,
         "events[0].product: expected a string"),
        (['{"doc_id": "a", "events": [{"type": "release", "product": "A", "date": "2012"}]}'], 1,
         "events[0].date: expected an object or null"),
        (['{"doc_id": "a", "events": [{"type": "release", "product": "A", "date": {"value": 2012}}]}'], 1,
         "events[0].date.value"),
        (['{"doc_id": "a"}', '{"doc_id": "b"}', '{"doc_id": "a"}'], 3, "duplicate doc_id 'a' (first at "),
    ],
)
def test_malformed_jsonl_names_file_and_line(tmp_path: Path, lines: list[str], line: int, message: str) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(GoldFormatError) as caught:
        load_documents(path)
    assert str(caught.value).startswith(f"{path}:{line}: ")
    assert message in str(caught.value)
    assert isinstance(caught.value, ValueError)


def test_non_utf8_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "pred.jsonl"
    path.write_bytes(b'{"doc_id": "a"}\n{"doc_id": "\xff"}\n')
    with pytest.raises(GoldFormatError, match=f"^{path}:2: not valid UTF-8"):
        load_documents(path)


def test_pretty_json_error_line(tmp_path: Path) -> None:
    path = tmp_path / "doc.json"
    path.write_text('{\n "doc_id": "a",\n "products": [,]\n}\n', encoding="utf-8")
    with pytest.raises(GoldFormatError, match=f"^{path}:3: invalid JSON"):
        load_documents(path)


def test_directory_reads_sorted_jsonl_only(tmp_path: Path) -> None:
    (tmp_path / "b.jsonl").write_text('{"doc_id": "b"}\n', encoding="utf-8")
    (tmp_path / "a.jsonl").write_text('\ufeff{"doc_id": "a1"}\r\n\r\n  \n{"doc_id": "a2"}', encoding="utf-8")
    (tmp_path / "notes.json").write_text('{"doc_id": "ignored"}', encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.jsonl").write_text('{"doc_id": "c"}\n', encoding="utf-8")
    assert list(load_documents(tmp_path)) == ["a1", "a2", "b"]


def test_duplicate_across_files(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text('{"doc_id": "x"}\n', encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"doc_id": "y"}\n{"doc_id": "x"}\n', encoding="utf-8")
    with pytest.raises(GoldFormatError, match=f"^{tmp_path / 'b.jsonl'}:2: duplicate doc_id 'x' \\(first at "
                                              f"{tmp_path / 'a.jsonl'}:1\\)"):
        load_documents(tmp_path)


@pytest.mark.parametrize("name", ["missing.jsonl", "empty-dir"])
def test_nothing_to_read_is_an_error(tmp_path: Path, name: str) -> None:
    (tmp_path / "empty-dir").mkdir()
    with pytest.raises(GoldFormatError, match=name):
        load_documents(tmp_path / name)


def test_unicode_line_separator_inside_a_string(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text('{"doc_id": "a", "dates": [{"text": "5月\u2028"}]}\n', encoding="utf-8")
    assert load_documents(path)["a"]["dates"][0]["text"] == "5月\u2028"


# --------------------------------------------------------------------------- command line

def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    code = command(parser.parse_args(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, str(DATA / "gold.jsonl"), str(DATA / "pred.jsonl"), "--json")
    assert code == 0
    result = json.loads(out)
    assert set(result) == {*TALLY_BLOCKS, *ACCURACIES, "per_type", "documents"}
    assert result["documents"] == {"gold": 2, "pred": 2, "gold_only": 1, "pred_only": 1}
    code, out, _ = run_cli(capsys, str(DATA / "gold.jsonl"), str(DATA / "pred.jsonl"),
                           "--json", "--per-doc", "--errors")
    result = json.loads(out)
    assert set(result["per_doc"]) == {"sakura-0001", "missing-0002"}
    assert {"doc_id": "sakura-0001", "block": "products", "kind": "fp", "text": "LTE", "evidence": None,
            "event": None} in result["errors"]


def test_cli_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, str(DATA / "gold.jsonl"), str(DATA / "pred.jsonl"), "--errors", "--per-doc")
    assert code == 0
    lines = out.splitlines()
    header = next(line for line in lines if line.startswith("block"))
    assert header.split() == ["block", "tp", "fp", "fn", "P", "R", "F1"]
    assert any(line.split() == ["products", "1", "1", "2", "0.500", "0.333", "0.400"] for line in lines)
    assert any(line.split()[:2] == ["feature_drop", "0"] for line in lines)
    assert any("missing-0002" in line and "FN" in line and "販売された" in line for line in lines)
    assert any(line.startswith("F1 per document") for line in lines)


def test_cli_format_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "pred.jsonl"
    bad.write_text('{"doc_id": "a"}\n{"doc_id": "b", "events": [{"type": "release"}]}\n', encoding="utf-8")
    code, out, err = run_cli(capsys, str(DATA / "gold.jsonl"), str(bad))
    assert (code, out) == (2, "")
    assert err.startswith(f"error: {bad}:2: events[0]: missing key 'product'")


# --------------------------------------------------------------------------- properties

_text = st.text(alphabet="abAＢ-−「 ", min_size=1, max_size=5).filter(normalise)
_value = st.sampled_from([None, "2012", "2012-05"])
_date_value = st.none() | st.fixed_dictionaries({"value": _value, "mod": st.sampled_from([None, "END"])})


def _event_key(event: dict[str, Any]) -> tuple[Any, ...]:
    date = event["date"] or {}  # a null date and {"value": null, "mod": null} are one date
    return event["type"], normalise(event["product"]), date.get("value"), date.get("mod"), event["status"]


# Like gold, generated documents hold one product per canonical, one date per text and one event per fact
# (gold-format.md); duplicates would make self-matching ambiguous. Feature items may repeat across lists.
_documents = st.fixed_dictionaries({
    "doc_id": st.just("d"),
    "products": st.lists(st.fixed_dictionaries(
        {"canonical": _text, "mentions": st.lists(_text, max_size=2), "optional": st.booleans()}),
        max_size=4, unique_by=lambda p: normalise(p["canonical"])),
    "dates": st.lists(st.fixed_dictionaries({
        "text": _text, "type": st.sampled_from(["DATE", "TIME"]), "value": _value,
        "mod": st.sampled_from([None, "END"]), "optional": st.booleans()}),
        max_size=4, unique_by=lambda d: normalise(d["text"])),
    "feature_lists": st.lists(st.fixed_dictionaries(
        {"product": st.none(), "items": st.lists(_text, min_size=1, max_size=3), "optional": st.booleans()}),
        max_size=2),
    "events": st.lists(st.fixed_dictionaries({
        "type": st.sampled_from(["announce", "release"]), "product": _text,
        "status": st.sampled_from([None, "done", "planned"]), "date": _date_value,
        "features": st.lists(_text, max_size=3), "optional": st.booleans()}),
        max_size=4, unique_by=_event_key),
})
_settings = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _required(document: dict[str, Any]) -> dict[str, int]:
    """Gold entries that must be found, per block (optional ones never count as misses)."""
    def count(entries: list[dict[str, Any]]) -> int:
        return sum(not e["optional"] for e in entries)
    items = sum(len(f["items"]) for f in document["feature_lists"] if not f["optional"])
    return {"products": count(document["products"]), "dates_strict": count(document["dates"]),
            "dates_relaxed": count(document["dates"]), "features": items,
            "events": count(document["events"]), "events_full": count(document["events"])}


@_settings
@given(_documents)
def test_property_self_score_is_perfect(document: dict[str, Any]) -> None:
    result = score(document, document)
    for key in TALLY_BLOCKS:
        block = result[key]
        assert (block["fp"], block["fn"]) == (0, 0), key
        assert block["f1"] == (1.0 if block["tp"] else 0.0), key
    for key, tp in _required(document).items():
        assert result[key]["tp"] == tp, key
    for key in ACCURACIES:
        assert result[key]["correct"] == result[key]["total"], key


@_settings
@given(_documents, _documents)
def test_property_counts_add_up(gold: dict[str, Any], pred: dict[str, Any]) -> None:
    result = score(gold, pred)
    predicted = {"products": len(pred["products"]), "dates_strict": len(pred["dates"]),
                 "dates_relaxed": len(pred["dates"]), "features": sum(len(f["items"]) for f in pred["feature_lists"]),
                 "events": len(pred["events"]), "events_full": len(pred["events"])}
    for key, required in _required(gold).items():
        assert result[key]["tp"] + result[key]["fn"] == required, key
        assert result[key]["tp"] + result[key]["fp"] <= predicted[key], key
    # events prefers fully agreeing pairs first, so it keeps every events_full match
    assert result["events_full"]["tp"] <= result["events"]["tp"]
    per_type = [counts(v) for v in result["per_type"].values()]
    assert tuple(sum(c[i] for c in per_type) for i in range(3)) == counts(result["events"])
