"""spaCy components: the glue between spaCy Docs and the pure extractor functions.

Each extractor (``dates``, ``products``, ``features``, ``events``) is a pure
function over the original text and the content zones; the components here
call it and store its results on the Doc as spaCy users expect: span groups in
``doc.spans`` whose extension attributes hold the normalised values. Attribute
values are plain JSON-like data (str, int, list, dict) so Docs survive
``to_bytes``, ``DocBin`` and ``nlp.pipe(n_process=...)``. Each span keeps the
extractor's exact character offsets in ``span._.offsets``: a span is widened
to token boundaries where MeCab cut differently, ``text[start:end]`` is not.
"""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Iterable, Sequence

import numpy
from spacy.attrs import IDX, LEMMA, LENGTH, SENT_START, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span

from . import corpus, text as textutil
from .spans import SPAN_ATTRIBUTES, SPAN_KINDS, original_text, span_attrs, span_mentions

if TYPE_CHECKING:
    from .features import Tokens

DOC_EXTENSIONS: dict[str, Any] = {
    "doc_id": None,  # the input's doc_id (file stem), set by the reader
    "dct": None,  # document creation time, ISO date string, or None if undated
    "format": None,  # layout format recognised by the corpus reader
    "title": None,  # [start, end] of the title line
    "content": None,  # [[start, end], ...] content zones the extractors read
    "feature_lists": None,  # list of dicts: product, items, offsets, rule
    "events": None,  # list of event dicts (see pipeline.events)
}
def _getter(name: str) -> Any:
    return lambda span: span_attrs(span).get(name)


def register_extensions() -> None:
    """Register the Doc and Span extension attributes (idempotent)."""
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for kind in set(SPAN_KINDS.values()):
        if not Span.has_extension(f"{kind}_attrs"):
            Span.set_extension(f"{kind}_attrs", default=None)
    for name in SPAN_ATTRIBUTES:
        if not Span.has_extension(name):
            Span.set_extension(name, getter=_getter(name))


register_extensions()


def content_zones(doc: Doc) -> list[tuple[int, int]]:
    """The content zones set by the ``article`` component (whole text if none)."""
    zones = doc._.content
    return [tuple(z) for z in zones] if zones is not None else [(0, len(original_text(doc)))]


def dct(doc: Doc) -> dt.date | None:
    """The document date as a ``date``, or None."""
    return dt.date.fromisoformat(doc._.dct) if doc._.dct else None


def make_span(doc: Doc, start: int, end: int, label: str, **attrs: Any) -> Span | None:
    """A span covering ``[start, end)`` widened to token boundaries, with its attributes."""
    span = doc.char_span(start, end, label=label, alignment_mode="expand")
    if span is None:
        return None
    kind = SPAN_KINDS.get(label)
    if kind:
        setattr(span._, f"{kind}_attrs", {"offsets": [start, end], **attrs})
    return span


class ArticleLayout:
    """Recognise the article's layout: DCT, title, boilerplate zones, sentences.

    A DCT already set on the Doc (by the reader, or ``--date`` for plain text)
    is kept; otherwise it comes from the text. Sentence starts follow
    ``pipeline.text.sentences`` so ``doc.sents`` works without a parser.
    """

    def __call__(self, doc: Doc) -> Doc:
        text = original_text(doc)
        layout = corpus.analyse(text)
        if doc._.dct is None and layout.dct is not None:
            doc._.dct = layout.dct.isoformat()
        doc._.format = layout.format
        doc._.title = [layout.title.start, layout.title.end] if layout.title else None
        doc._.content = [list(z) for z in layout.content]
        doc.spans["boilerplate"] = [
            s for z in layout.boilerplate if (s := make_span(doc, z.start, z.end, z.label)) is not None
        ]
        _set_sentence_starts(doc, textutil.sentences(text))
        return doc


def _set_sentence_starts(doc: Doc, sentences: Iterable[tuple[int, int]]) -> None:
    """Sentence starts in one array write (token by token, spaCy re-checks the whole Doc each time)."""
    if not len(doc):
        return
    idx = doc.to_array([IDX]).astype("int64")
    flags = numpy.where(numpy.isin(idx, [start for start, _ in sentences]), 1, -1)
    flags[0] = 1
    doc.from_array([SENT_START], flags.astype("uint64").reshape(-1, 1))


@Language.factory("news_article")
def make_article(nlp: Language, name: str) -> ArticleLayout:
    return ArticleLayout()


# --------------------------------------------------------------------------- extractors


class DateTagger:
    """Temporal expressions (``pipeline.dates``) as ``doc.spans["dates"]``, label = TIMEX3 type."""

    def __call__(self, doc: Doc) -> Doc:
        from .dates import find_dates

        doc.spans["dates"] = [
            s
            for d in find_dates(original_text(doc), dct(doc), content_zones(doc))
            if (s := make_span(doc, d.start, d.end, d.type, value=d.value, mod=d.mod,
                               interval=list(d.interval) if d.interval else None, rule=d.rule)) is not None
        ]
        return doc


class ProductTagger:
    """Product mentions (``pipeline.products``) as ``doc.spans["products"]`` with their canonical name.

    ``lexicon_dirs`` adds user lexicons (same file names as the package's own)
    without editing the package.
    """

    def __init__(self, lexicon_dirs: Sequence[str] = ()) -> None:
        from .products import load_lexicons

        self.lexicon_dirs = list(lexicon_dirs)
        self.lexicons = load_lexicons(self.lexicon_dirs)

    def __call__(self, doc: Doc) -> Doc:
        from .products import find_products

        spans = []
        for p in find_products(original_text(doc), content_zones(doc), self.lexicons):
            span = make_span(doc, p.start, p.end, "PRODUCT", canonical=p.canonical, rule=p.rule)
            if span is not None:
                span.id_ = p.canonical
                spans.append(span)
        doc.spans["products"] = spans
        return doc


def _products_of(doc: Doc) -> list[Any]:
    """The product spans back as ProductMentions."""
    from .products import ProductMention

    return [
        ProductMention(m.start, m.end, m.text, m.attrs.get("canonical"), m.attrs.get("rule"))
        for m in span_mentions(doc, "products")
    ]


def tokens_of(doc: Doc) -> Tokens:
    """The Doc's tokens as the columns ``pipeline.features`` reads (offsets, tag and lemma ids)."""
    from .features import Tokens

    cols = doc.to_array([IDX, LENGTH, TAG, LEMMA])
    return Tokens(cols[:, 0], cols[:, 1], cols[:, 2], cols[:, 3], doc.vocab.strings.__getitem__)


class FeatureLists:
    """Feature lists (``pipeline.features``): items in ``doc.spans["features"]``, lists in ``doc._.feature_lists``."""

    def __call__(self, doc: Doc) -> Doc:
        from .features import find_feature_lists

        lists, spans = [], []
        text = original_text(doc)
        for list_id, flist in enumerate(find_feature_lists(text, content_zones(doc), _products_of(doc), tokens_of(doc))):
            lists.append({
                "product": flist.product, "start": flist.start, "end": flist.end, "rule": flist.rule,
                "items": [{"text": i.text, "start": i.start, "end": i.end} for i in flist.items],
            })
            spans.extend(
                s for i in flist.items
                if (s := make_span(doc, i.start, i.end, "FEATURE", product=flist.product, list_id=list_id,
                                   rule=flist.rule)) is not None
            )
        doc._.feature_lists = lists
        doc.spans["features"] = spans
        return doc


class EventExtractor:
    """Events (``pipeline.events``) as plain dicts in ``doc._.events``, in text order."""

    def __call__(self, doc: Doc) -> Doc:
        from .dates import DateMention
        from .events import find_events
        from .features import FeatureItem, FeatureList

        text = original_text(doc)
        dates = [
            DateMention(m.start, m.end, m.text, m.span.label_, m.attrs.get("value"), m.attrs.get("mod"),
                        tuple(m.attrs["interval"]) if m.attrs.get("interval") else None, m.attrs.get("rule"))
            for m in span_mentions(doc, "dates")
        ]
        lists = [
            FeatureList(f["start"], f["end"], f["product"],
                        tuple(FeatureItem(i["start"], i["end"], i["text"]) for i in f["items"]), f["rule"])
            for f in doc._.feature_lists or []
        ]
        events = find_events(
            text, content_zones(doc), dct(doc), dates, _products_of(doc), lists,
            tuple(doc._.title) if doc._.title else None,
        )
        doc._.events = [event_dict(doc._.doc_id, text, n, e) for n, e in enumerate(events, 1)]
        return doc


def event_dict(doc_id: str | None, text: str, n: int, e: Any) -> dict[str, Any]:
    """An event as JSON-like data; ``event_id`` is ``<doc_id>#<n>`` in text order."""
    date = None
    if e.date is not None:
        date = {"value": e.date.value, "mod": e.date.mod, "text": e.date.text,
                "interval": list(e.date.interval) if e.date.interval else None}
    return {
        "event_id": f"{doc_id or 'doc'}#{n}", "type": e.type, "product": e.product, "status": e.status,
        "date": date, "features": list(e.features),
        "evidence": text[e.evidence_start:e.evidence_end], "evidence_span": [e.evidence_start, e.evidence_end],
        "trigger": text[e.trigger_start:e.trigger_end], "trigger_span": [e.trigger_start, e.trigger_end],
        "rule": e.rule,
    }


@Language.factory("news_dates")
def make_dates(nlp: Language, name: str) -> DateTagger:
    return DateTagger()


@Language.factory("news_products", default_config={"lexicon_dirs": []})
def make_products(nlp: Language, name: str, lexicon_dirs: list[str]) -> ProductTagger:
    return ProductTagger(lexicon_dirs)


@Language.factory("news_features")
def make_features(nlp: Language, name: str) -> FeatureLists:
    return FeatureLists()


@Language.factory("news_events")
def make_events(nlp: Language, name: str) -> EventExtractor:
    return EventExtractor()
