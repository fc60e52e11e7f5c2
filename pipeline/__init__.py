"""Japanese product-news information extraction as a spaCy pipeline.

Notebook use::

    import pipeline
    nlp = pipeline.load()
    doc = nlp(text)                         # a spaCy Doc: doc.spans["dates"], ...
    docs = list(pipeline.process(["corpus/seed"], nlp=nlp))
    events = pipeline.events_frame(docs)    # a pandas DataFrame, one row per event
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator, Sequence

from .corpus import Article, CorpusError, Limits, doc_ids, iter_paths, read_article
from .export import dates_frame, events_frame, features_frame, prediction, products_frame

if TYPE_CHECKING:  # spaCy is imported by load(): a batch run's main process reads and merges files only
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = [
    "Article",
    "CorpusError",
    "Limits",
    "PIPE_NAMES",
    "dates_frame",
    "doc_from_article",
    "events_frame",
    "features_frame",
    "load",
    "prediction",
    "process",
    "products_frame",
    "read_articles",
]
__version__ = "0.1.0"

# Component name -> factory name, in pipeline order.
PIPE_NAMES: dict[str, str] = {
    "article": "news_article",
    "dates": "news_dates",
    "products": "news_products",
    "features": "news_features",
    "events": "news_events",
}
MAX_LENGTH = 50_000_000


def load(disable: Sequence[str] = (), max_piece: int | None = None, readings: bool = True) -> Language:
    """The configured pipeline: fugashi/UniDic tokenizer and the extraction components.

    ``max_piece`` bounds one MeCab call (the tokenizer's default when None).
    ``readings=False`` leaves UniDic readings out of ``token.morph``, which
    keeps a long-running process's memory flat (see ``pipeline.tokenizer``).

    ``nlp.to_disk(path)`` saves it and ``spacy.load(path)`` loads it back (the
    tokenizer and factories are found through this package's entry points).
    """
    import spacy

    from . import components  # noqa: F401 - registers the factories and extensions

    tokenizer = {"@tokenizers": "pipeline.FugashiTokenizer.v1", "readings": readings}
    if max_piece is not None:
        tokenizer["max_piece"] = max_piece
    nlp = spacy.blank("ja", config={"nlp": {"tokenizer": tokenizer}})
    # The tokenizer bounds each MeCab call itself; the corpus reader bounds file size.
    nlp.max_length = MAX_LENGTH
    for name, factory in PIPE_NAMES.items():
        nlp.add_pipe(factory, name=name)
    for name in disable:
        nlp.disable_pipe(name)
    return nlp


def doc_from_article(nlp: Language, article: Article) -> Doc:
    """A Doc for an article, carrying its doc_id and DCT, not yet processed."""
    doc = nlp.make_doc(article.text)
    doc._.doc_id = article.doc_id
    doc._.dct = article.layout.dct.isoformat() if article.layout.dct else None
    return doc


def read_articles(
    inputs: Iterable[str | Path],
    pattern: str = "*.txt",
    date: dt.date | None = None,
    prefix_parent: bool = False,
    limits: Limits = Limits(),
) -> Iterator[Article]:
    """Read every input article; raises CorpusError on the first unreadable one.

    (A batch run records such a file as an error and goes on: ``python -m pipeline run``.)
    """
    paths = list(iter_paths(inputs, pattern))
    for path, doc_id in zip(paths, doc_ids(paths, prefix_parent)):
        yield read_article(path, doc_id=doc_id, date=date, limits=limits)


def process(
    inputs: Iterable[str | Path], nlp: Language | None = None, date: dt.date | None = None, pattern: str = "*.txt"
) -> Iterator[Doc]:
    """Run the pipeline over files, directories or globs, yielding processed Docs."""
    nlp = nlp or load()
    for article in read_articles(inputs, pattern, date):
        yield nlp(doc_from_article(nlp, article))
