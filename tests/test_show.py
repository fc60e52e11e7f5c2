"""``pipeline.show``: the terminal listing, the self-contained HTML page and the CLI glue."""
from __future__ import annotations

import argparse
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

import pipeline
from pipeline import show
from pipeline.components import make_span
from pipeline.export import date_rows, feature_rows, product_rows

HOSTILE = "<script>alert(1)</script>"
_FETCHING_TAGS = {"script", "link", "iframe", "frame", "img", "object", "embed", "audio", "video", "source", "base"}
_FETCHING_ATTRS = {"src", "href", "srcset", "action", "data", "poster"}


class _Loads(HTMLParser):
    """What a browser would fetch or run: elements, attributes and CSS that load something."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _FETCHING_TAGS:
            self.found.append(f"<{tag}>")
        self.found += [f"{tag} {name}={value}" for name, value in attrs
                       if name in _FETCHING_ATTRS or name.startswith("on") or "url(" in (value or "")]

    def handle_data(self, data: str) -> None:
        if self.lasttag == "style" and ("url(" in data or "@import" in data):
            self.found.append(data)


def loads(page: str) -> list[str]:
    parser = _Loads()
    parser.feed(page)
    parser.close()
    return parser.found


@pytest.fixture(scope="module")
def seed_doc(nlp: Language, seed_path: Path) -> Doc:
    return next(pipeline.process([seed_path], nlp=nlp))


@pytest.fixture(scope="module")
def hostile_doc(nlp: Language) -> Doc:
    """A hand-made extraction whose text, doc_id, canonical name and event all carry markup."""
    text = f"{HOSTILE}\nソニーは<b>新型</b>を発表した。"
    doc = nlp.make_doc(text)
    doc._.doc_id = "<i>doc</i>"
    doc._.dct = "2020-01-01"
    start = text.index("<b>")
    product = make_span(doc, start, start + len("<b>新型</b>"), "PRODUCT",
                        canonical='<img src="x" onerror="alert(1)">')
    assert product is not None
    doc.spans["products"] = [product]
    trigger = text.index("発表")
    sentence = text.index("ソニー")
    doc._.events = [{
        "event_id": "<i>doc</i>#1", "type": "announce", "product": "<b>新型</b>", "status": "done",
        "date": None, "features": ["<u>x</u>"], "evidence": text[sentence:], "evidence_span": [sentence, len(text)],
        "trigger": "発表", "trigger_span": [trigger, trigger + 2], "rule": "announce:sentence",
    }]
    return doc


def test_text_view_lists_every_extracted_item_with_offsets(seed_doc: Doc) -> None:
    view = show.render_text(seed_doc)
    assert view.startswith(f"{seed_doc._.doc_id}  DCT {seed_doc._.dct}")
    for row in date_rows(seed_doc):
        assert re.search(rf"{row['start']}-{row['end']}\s+{re.escape(row['text'])}  ->  {row['type']} {row['value']}",
                         view)
    for row in product_rows(seed_doc):
        assert re.search(rf"{row['start']}-{row['end']}\s+{re.escape(row['text'])}  ->  {re.escape(row['canonical'])}",
                         view)
    assert f"Feature items ({len(feature_rows(seed_doc))})" in view
    events = seed_doc._.events
    assert events, "the seed article states events"
    assert f"Events ({len(events)})" in view
    for event in events:
        assert f"{event['event_id']}  {event['type']}  {event['product']}  {event['status']}" in view


def test_html_page_is_self_contained(seed_doc: Doc) -> None:
    page = show.render_html(seed_doc)
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert "http://" not in page and "https://" not in page
    assert not loads(page)
    assert "default-src 'none'" in page  # and the browser is told to load nothing anyway
    assert page.count('class="spans"') == len([line for line in seed_doc.text.split("\n") if line.strip()])
    for event in seed_doc._.events:
        assert f"<td>{event['event_id']}</td>" in page


def test_html_escapes_every_string_from_the_article(hostile_doc: Doc) -> None:
    page = show.render_html(hostile_doc)
    assert loads(hostile_doc.text), "the check sees the markup when it is not escaped"
    assert not loads(page)
    assert not re.search(r"<(b|i|u)>", page)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=&quot;x&quot;" in page  # the canonical name, in the span label
    assert "&lt;b&gt;新型&lt;/b&gt;" in page


def test_span_view_keeps_japanese_unspaced_and_labels_values(hostile_doc: Doc) -> None:
    fragment = show.spans_html(hostile_doc)
    assert "ソニーは " in fragment and "を " in fragment and "した。 " in fragment  # one piece per stretch
    assert "announce: &lt;b&gt;新型&lt;/b&gt; (done)" in fragment


def test_span_view_draws_a_mark_on_every_line_it_covers(nlp: Language) -> None:
    text = "機能A\n\n機能B"
    doc = nlp.make_doc(text)
    doc._.feature_lists = [{"product": "X", "start": 0, "end": len(text), "rule": "test",
                            "items": [{"text": text, "start": 0, "end": len(text)}]}]
    fragment = show.spans_html(doc)
    assert fragment.count('class="spans"') == 2 and fragment.count("feature of X") == 2


def _args(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    show.add_arguments(parser)
    return parser.parse_args(argv)


def test_cli_prints_the_text_view(seed_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert show.command(_args(str(seed_path))) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{seed_path.stem}  DCT 2007-06-26") and "Events (" in out


def test_cli_writes_the_html_page(seed_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "seed.html"
    assert show.command(_args(str(seed_path), "--html", str(target))) == 0
    page = target.read_text(encoding="utf-8")
    assert f"<title>{seed_path.stem}</title>" in page and not loads(page)


def test_cli_dates_an_undated_article_and_escapes_it(tmp_path: Path) -> None:
    article = tmp_path / "plain.txt"
    article.write_text(f"{HOSTILE}\n新製品を来月発売する。\n", encoding="utf-8")
    target = tmp_path / "plain.html"
    assert show.command(_args(str(article), "--date", "2020-01-15", "--html", str(target))) == 0
    page = target.read_text(encoding="utf-8")
    assert "DCT 2020-01-15" in page and "<script" not in page


def test_cli_takes_exactly_one_article(tmp_path: Path, seed_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(seed_path.read_text(encoding="utf-8"), encoding="utf-8")
    assert show.command(_args(str(tmp_path))) == 2
    assert "2 articles" in capsys.readouterr().err
