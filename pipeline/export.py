"""From processed Docs to records and tables: the gold-shaped prediction and the DataFrames.

A prediction holds one entry per distinct normalised text (gold-format.md):
repeated mentions collapse into one entry whose ``spans`` list every
occurrence; a feature list names each item once, and every list is kept. The
tables keep one row per mention (dates, products, feature items) or per event,
each with character offsets into the original text, and explicit dtypes so CSV
and Parquet readers see the same schema every time.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable

from .evaluate import normalise
from .spans import Mention, span_mentions

if TYPE_CHECKING:  # pandas is imported when a frame is built: batch workers write rows and never need it
    import pandas as pd
    from spacy.tokens import Doc, Span

# Column -> pandas dtype of every table. "object" columns hold lists.
DATE_COLUMNS = {
    "doc_id": "string", "start": "int64", "end": "int64", "text": "string", "type": "string",
    "value": "string", "mod": "string", "interval_start": "string", "interval_end": "string", "rule": "string",
}
PRODUCT_COLUMNS = {
    "doc_id": "string", "start": "int64", "end": "int64", "text": "string", "canonical": "string", "rule": "string",
}
FEATURE_COLUMNS = {
    "doc_id": "string", "list_id": "int64", "product": "string", "start": "int64", "end": "int64",
    "text": "string", "rule": "string",
}
EVENT_COLUMNS = {
    "doc_id": "string", "event_id": "string", "type": "string", "product": "string", "status": "string",
    "date_value": "string", "date_mod": "string", "date_text": "string", "date_start": "string",
    "date_end": "string", "features": "object", "evidence": "string", "evidence_start": "int64",
    "evidence_end": "int64", "trigger": "string", "trigger_start": "int64", "trigger_end": "int64",
    "rule": "string",
}


def _group(mentions: Iterable[Mention], key: Any) -> dict[str, list[Mention]]:
    """Mentions grouped by the normalised ``key(mention)``, in order of first occurrence."""
    groups: dict[str, list[Mention]] = {}
    for m in mentions:
        groups.setdefault(normalise(key(m)), []).append(m)
    return groups


def prediction(doc: Doc) -> dict[str, Any]:
    """The Doc's extraction in the gold/prediction JSON shape of gold-format.md."""
    return _prediction(doc, span_mentions(doc, "products"), span_mentions(doc, "dates"))


def outputs(doc: Doc) -> tuple[dict[str, Any], dict[str, list[dict[str, Any]]]]:
    """The Doc's prediction and the rows of each table (``events``, ``dates``, ``products``,
    ``features``), its spans read once for both: what a batch run writes per document."""
    doc_id, products, dates = doc._.doc_id, span_mentions(doc, "products"), span_mentions(doc, "dates")
    tables = {
        "events": event_rows(doc), "dates": _date_rows(doc_id, dates),
        "products": _product_rows(doc_id, products), "features": feature_rows(doc),
    }
    return _prediction(doc, products, dates), tables


def _prediction(doc: Doc, product_mentions: list[Mention], date_mentions: list[Mention]) -> dict[str, Any]:
    products = [
        {
            "canonical": group[0].attrs.get("canonical"),
            "mentions": list(dict.fromkeys(m.text for m in group)),
            "spans": [[m.start, m.end] for m in group],
        }
        for group in _group(product_mentions, lambda m: m.attrs.get("canonical")).values()
    ]
    dates = [_date_entry(group) for group in _group(date_mentions, lambda m: m.text).values()]
    return {
        "doc_id": doc._.doc_id,
        "doc_date": doc._.dct,
        "products": products,
        "dates": dates,
        "feature_lists": _feature_lists(doc),
        "events": [_event_record(e) for e in doc._.events or []],
    }


def _date_entry(group: list[Mention]) -> dict[str, Any]:
    """One date entry of a prediction: the first occurrence's values, every occurrence's offsets."""
    first = group[0]
    return {
        "text": first.text,
        "type": first.span.label_,
        "value": first.attrs.get("value"),
        "mod": first.attrs.get("mod"),
        "interval": first.attrs.get("interval"),
        "spans": [[m.start, m.end] for m in group],
    }


def _feature_lists(doc: Doc) -> list[dict[str, Any]]:
    """Feature lists, each naming an item once. An item repeated in another list stays there:
    gold writes every list an article gives (防水 in each of five phones' lists is five items),
    and scoring pools the items of all lists one-to-one."""
    lists = []
    for flist in doc._.feature_lists or []:
        unique: dict[str, dict[str, Any]] = {}
        for item in flist["items"]:
            unique.setdefault(normalise(item["text"]), item)
        items = list(unique.values())
        if items:
            lists.append(
                {
                    "product": flist["product"],
                    "items": [i["text"] for i in items],
                    "spans": [[i["start"], i["end"]] for i in items],
                    "rule": flist["rule"],
                }
            )
    return lists


def _event_record(event: dict[str, Any]) -> dict[str, Any]:
    date = event["date"]
    return {
        "type": event["type"],
        "product": event["product"],
        "status": event["status"],
        "date": {"value": date["value"], "mod": date["mod"]} if date else None,
        "features": event["features"],
        "evidence": event["evidence"],
        "spans": [event["evidence_span"]],
        "trigger": event["trigger"],
        "rule": event["rule"],
    }


# --------------------------------------------------------------------------- tables
# The row functions read ``doc._.doc_id`` once: each ``doc._`` builds spaCy's extension accessor anew.


def _frame(rows: list[dict[str, Any]], columns: dict[str, str]) -> pd.DataFrame:
    import pandas as pd

    frame = pd.DataFrame(rows, columns=list(columns))
    return frame.astype(columns)


def date_rows(doc: Doc) -> list[dict[str, Any]]:
    return _date_rows(doc._.doc_id, span_mentions(doc, "dates"))


def _date_rows(doc_id: str | None, mentions: list[Mention]) -> list[dict[str, Any]]:
    rows = []
    for m in mentions:
        first, last = m.attrs.get("interval") or (None, None)
        rows.append(
            {
                "doc_id": doc_id, "start": m.start, "end": m.end, "text": m.text,
                "type": m.span.label_, "value": m.attrs.get("value"), "mod": m.attrs.get("mod"),
                "interval_start": first, "interval_end": last, "rule": m.attrs.get("rule"),
            }
        )
    return rows


def product_rows(doc: Doc) -> list[dict[str, Any]]:
    return _product_rows(doc._.doc_id, span_mentions(doc, "products"))


def _product_rows(doc_id: str | None, mentions: list[Mention]) -> list[dict[str, Any]]:
    return [
        {
            "doc_id": doc_id, "start": m.start, "end": m.end, "text": m.text,
            "canonical": m.attrs.get("canonical"), "rule": m.attrs.get("rule"),
        }
        for m in mentions
    ]


def feature_rows(doc: Doc) -> list[dict[str, Any]]:
    doc_id = doc._.doc_id
    return [
        {
            "doc_id": doc_id, "list_id": list_id, "product": flist["product"],
            "start": item["start"], "end": item["end"], "text": item["text"], "rule": flist["rule"],
        }
        for list_id, flist in enumerate(doc._.feature_lists or [])
        for item in flist["items"]
    ]


def event_rows(doc: Doc) -> list[dict[str, Any]]:
    rows, doc_id = [], doc._.doc_id
    for e in doc._.events or []:
        date = e["date"] or {}
        first, last = date.get("interval") or (None, None)
        rows.append(
            {
                "doc_id": doc_id, "event_id": e["event_id"], "type": e["type"], "product": e["product"],
                "status": e["status"], "date_value": date.get("value"), "date_mod": date.get("mod"),
                "date_text": date.get("text"), "date_start": first, "date_end": last,
                "features": list(e["features"]), "evidence": e["evidence"],
                "evidence_start": e["evidence_span"][0], "evidence_end": e["evidence_span"][1],
                "trigger": e["trigger"], "trigger_start": e["trigger_span"][0], "trigger_end": e["trigger_span"][1],
                "rule": e["rule"],
            }
        )
    return rows


def dates_frame(docs: Iterable[Doc]) -> pd.DataFrame:
    """One row per date mention, with offsets."""
    return _frame([r for d in docs for r in date_rows(d)], DATE_COLUMNS)


def products_frame(docs: Iterable[Doc]) -> pd.DataFrame:
    """One row per product mention, with offsets and canonical name."""
    return _frame([r for d in docs for r in product_rows(d)], PRODUCT_COLUMNS)


def features_frame(docs: Iterable[Doc]) -> pd.DataFrame:
    """One row per feature item, with its list, product and offsets."""
    return _frame([r for d in docs for r in feature_rows(d)], FEATURE_COLUMNS)


def events_frame(docs: Iterable[Doc]) -> pd.DataFrame:
    """The event table: one row per event, explicit dtypes."""
    return _frame([r for d in docs for r in event_rows(d)], EVENT_COLUMNS)
