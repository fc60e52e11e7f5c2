"""Reading a processed Doc's text and span attributes, without importing spaCy.

The batch merge and the exports run in processes that never build a Doc
(the main process of a multi-worker run), so what they need to read one is
kept here, apart from the components, and importing it costs nothing.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

# Where the tokenizer keeps the input text in ``doc.user_data``.
TEXT_KEY = ("pipeline", "text")

# Span attributes are stored per kind of span. spaCy keys a span's extension
# values by its character offsets only, so a product span and a feature span
# with the same boundaries would otherwise overwrite each other's values;
# ``span_attrs`` reads the store of the span's own kind, chosen by its label.
SPAN_KINDS: dict[str, str] = {
    "DATE": "date", "TIME": "date", "DURATION": "date", "SET": "date",
    "PRODUCT": "product", "FEATURE": "feature",
}
SPAN_ATTRIBUTES = (
    "offsets",  # [start, end]: exact character offsets of the extracted surface
    "value",  # TIMEX3 value of a date
    "mod",  # TIMEX3 mod of a date
    "interval",  # [first day, last day] of a date
    "canonical",  # canonical product name of a product mention
    "product",  # canonical product a feature item belongs to
    "list_id",  # index of a feature item's list in doc._.feature_lists
    "rule",  # the rule that produced the span
)


def span_attrs(span: Span) -> dict[str, Any]:
    """All extension values of a span (``SPAN_ATTRIBUTES``) in one dict, empty for other spans.

    Readers that need several values of many spans (the export, the events
    component) take this once per span. It is read where ``span._`` keeps it,
    in ``doc.user_data`` under spaCy's key for a span's extension value
    (``("._.", name, start_char, end_char)``, see ``spacy.tokens.underscore``):
    each ``span._`` builds an accessor object first, a few per cent of a run
    over all the spans of a corpus. A test checks that both reads agree.
    """
    kind = SPAN_KINDS.get(span.label_)
    if kind is None:
        return {}
    return span.doc.user_data.get(("._.", f"{kind}_attrs", span.start_char, span.end_char)) or {}


def span_offsets(span: Span, attrs: dict[str, Any]) -> tuple[int, int]:
    """The extractor's exact character offsets of a span, from its attributes (``span_attrs``),
    or its token boundaries if it has none."""
    offsets = attrs.get("offsets")
    return (offsets[0], offsets[1]) if offsets else (span.start_char, span.end_char)


def original_text(doc: Doc) -> str:
    """The Doc's text, without spaCy rebuilding it from the tokens.

    Docs from this tokenizer carry their input; any other Doc has its text
    built once and kept, so repeated readers pay for it once.
    """
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


class Mention(NamedTuple):
    """A span with its attributes and exact offsets, read once: each read of a span's
    attributes goes through spaCy's extension machinery again."""

    span: Span
    attrs: dict[str, Any]
    start: int
    end: int
    text: str


def span_mentions(doc: Doc, key: str) -> list[Mention]:
    """The spans of ``doc.spans[key]`` as mentions of the original text: what the components
    downstream and the export read back."""
    text, found = original_text(doc), []
    for span in doc.spans[key] if key in doc.spans else []:
        attrs = span_attrs(span)
        start, end = span_offsets(span, attrs)
        found.append(Mention(span, attrs, start, end, text[start:end]))
    return found
