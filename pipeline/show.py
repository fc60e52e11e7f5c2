"""One article's extraction to look at: a terminal listing or a self-contained HTML page.

Analysts check an extraction by eye, so both views put every extracted thing
(dates, products, feature items, event triggers) next to its exact character
offsets and its normalised value: the TIMEX3 value of a date, the canonical
name of a product, the product of a feature item, the type, product and
status of an event.

The HTML page must be safe to open from anywhere, so article text is data,
never markup: every string taken from the article is escaped (displaCy
escapes the text it renders but inserts span labels as they are, and labels
carry canonical names taken from the article), and the page loads nothing:
no scripts, fonts, images or links, and a Content-Security-Policy forbids
any that might slip in.

The span view is displaCy's span style fed by hand (``manual=True``) rather
than from ``doc.spans``: labels can then show values without touching the
Doc, the highlights use the extractors' exact offsets instead of spans
widened to MeCab tokens, and each line of the article is one block. Given
the Doc's tokens, displaCy would put a space after every token (it assumes
space-separated languages) and run the lines together; given one piece per
stretch between highlight boundaries, Japanese reads as Japanese.
"""
from __future__ import annotations

import argparse
import datetime as dt
import html
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import doc_from_article, load, read_articles
from .export import date_rows, event_rows, events_frame, feature_rows, product_rows
from .spans import original_text

if TYPE_CHECKING:  # pandas and spaCy load when an article is shown; `run` and `eval` never need them here
    import pandas as pd
    from spacy.tokens import Doc

__all__ = ["KINDS", "Mark", "add_arguments", "command", "event_view", "marks", "render_html", "render_text",
           "spans_html"]

# Kind of highlight -> (heading, colour), in listing order.
KINDS: dict[str, tuple[str, str]] = {
    "date": ("Dates", "#bfe1d9"),
    "product": ("Products", "#7aecec"),
    "feature": ("Feature items", "#feca74"),
    "event": ("Event triggers", "#ff9561"),
}
# Columns of the event table as shown to a reader (offsets are in the CSV/Parquet tables).
EVENT_VIEW_COLUMNS = ["event_id", "type", "product", "status", "date_value", "date_mod", "date_text", "date_start",
                      "date_end", "features", "trigger", "evidence"]
_LINE = re.compile(r"[^\n]*\S[^\n]*")  # a line with something to show; blank lines are left out
_CSP = "default-src 'none'; style-src 'unsafe-inline'"
_PAGE = """<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<title>{title}</title>
<style>
body {{ font-family: sans-serif; margin: 2em; max-width: 70em; }}
table {{ border-collapse: collapse; font-size: 0.9em; }}
th, td {{ border: 1px solid #ccc; padding: 0.25em 0.5em; text-align: left; vertical-align: top; }}
.legend span {{ padding: 0.1em 0.5em; margin-right: 0.5em; border-radius: 0.3em; }}
</style>
</head>
<body>
<h1>{title}</h1>
<p>{facts}</p>
<h2>Text</h2>
{spans}
<h2>Events</h2>
{events}
</body>
</html>
"""


@dataclass(frozen=True)
class Mark:
    """One highlighted stretch of text: offsets, surface, kind (a key of KINDS), label, more for the listing."""

    start: int
    end: int
    text: str
    kind: str
    label: str
    detail: str = ""


def _joined(*parts: Any) -> str:
    return " ".join(str(p) for p in parts if p)


def marks(doc: Doc) -> list[Mark]:
    """Everything the pipeline extracted from ``doc``, in text order, built from the export rows.

    The export rows already resolve each span's exact offsets, surface and
    values, so both views read the same as ``events.csv`` and friends.
    """
    found = [
        *(Mark(r["start"], r["end"], r["text"], "date", _joined(r["type"], r["value"], r["mod"]),
               f"{r['interval_start']}..{r['interval_end']}" if r["interval_start"] else "")
          for r in date_rows(doc)),
        *(Mark(r["start"], r["end"], r["text"], "product", r["canonical"]) for r in product_rows(doc)),
        *(Mark(r["start"], r["end"], r["text"], "feature", _joined("feature", r["product"] and f"of {r['product']}"),
               f"list {r['list_id']}") for r in feature_rows(doc)),
        *(Mark(r["trigger_start"], r["trigger_end"], r["trigger"], "event",
               f"{r['type']}: {r['product']} ({r['status']})") for r in event_rows(doc)),
    ]
    return sorted(found, key=lambda m: (m.start, m.end, list(KINDS).index(m.kind)))


def _one_line(text: str) -> str:
    """White space runs as one space, so that every listed item stays on its own line."""
    return " ".join(text.split())


def _facts(doc: Doc) -> str:
    return f"DCT {doc._.dct or 'undated'} · format {doc._.format or 'unknown'}"


def _title(doc: Doc) -> str:
    return _one_line(original_text(doc)[slice(*doc._.title)]) if doc._.title else ""


def _listing(kind: str, found: list[Mark]) -> str:
    heading, _ = KINDS[kind]
    rows = [m for m in found if m.kind == kind]
    lines = [f"  {m.start:>6}-{m.end:<6} {_one_line(m.text)}  ->  {_joined(m.label, m.detail)}" for m in rows]
    return "\n".join([f"{heading} ({len(rows)})", *lines])


def _event_lines(event: dict[str, Any]) -> list[str]:
    date = event["date"]
    when = _joined(date["value"], date["mod"], date["text"] and f"「{date['text']}」") if date else "no date"
    lines = [
        f"  {event['event_id']}  {event['type']}  {event['product']}  {event['status']}  {when}",
        f"      trigger  {event['trigger_span'][0]}-{event['trigger_span'][1]} {event['trigger']}  ({event['rule']})",
        f"      evidence {event['evidence_span'][0]}-{event['evidence_span'][1]} {_one_line(event['evidence'])}",
    ]
    if event["features"]:
        lines.append(f"      features {'、'.join(event['features'])}")
    return lines


def render_text(doc: Doc) -> str:
    """The terminal view: doc_id, DCT, title, then every extracted thing with offsets and values."""
    found = marks(doc)
    events = doc._.events or []
    parts = [
        "\n".join(filter(None, [f"{doc._.doc_id}  {_facts(doc)}", _title(doc)])),
        *(_listing(kind, found) for kind in KINDS if kind != "event"),
        "\n".join([f"Events ({len(events)})", *(line for e in events for line in _event_lines(e))]),
    ]
    return "\n\n".join(parts) + "\n"


# --------------------------------------------------------------------------- HTML


def _manual_line(text: str, start: int, end: int, marks_here: list[Mark]) -> dict[str, Any]:
    """displaCy's manual span input for one line: pieces cut at highlight boundaries, labels escaped."""
    inside = [(max(m.start, start), min(m.end, end), m) for m in marks_here]
    cuts = sorted({start, end, *(s for s, _, _ in inside), *(e for _, e, _ in inside)})
    index = {cut: i for i, cut in enumerate(cuts)}
    return {
        "text": text[start:end],
        "tokens": [text[a:b] for a, b in zip(cuts, cuts[1:])],
        "spans": [{"start_token": index[s], "end_token": index[e], "label": html.escape(m.label)}
                  for s, e, m in inside],
    }


def _manual_lines(text: str, found: list[Mark]) -> list[dict[str, Any]]:
    """One manual input per non-blank line, each with the marks it overlaps, in one sweep over the sorted marks.

    A mark that runs over a line break is drawn on each line it covers.
    """
    pending = iter(found)
    upcoming = next(pending, None)
    current: list[Mark] = []
    lines = []
    for line in _LINE.finditer(text):
        start, end = line.span()
        while upcoming is not None and upcoming.start < end:
            current.append(upcoming)
            upcoming = next(pending, None)
        current = [m for m in current if m.end > start]
        lines.append(_manual_line(text, start, end, current))
    return lines


def _legend() -> str:
    return '<p class="legend">' + "".join(
        f'<span style="background: {colour}">{html.escape(heading)}</span>' for heading, colour in KINDS.values()
    ) + "</p>"


def spans_html(doc: Doc) -> str:
    """The article with every mark highlighted (displaCy span view) under a colour legend, as an HTML fragment.

    Works inside Jupyter (``IPython.display.HTML``): ``tex2jax_ignore`` keeps
    MathJax from reading ``$`` in the article as mathematics.
    """
    from spacy import displacy

    found = marks(doc)
    colours = {html.escape(m.label): KINDS[m.kind][1] for m in found}
    rendered = displacy.render(_manual_lines(original_text(doc), found), style="span", manual=True, jupyter=False,
                               options={"colors": colours})
    return f'<div class="tex2jax_ignore">{_legend()}{rendered}</div>'


def event_view(events: pd.DataFrame) -> pd.DataFrame:
    """An event table (``pipeline.events_frame``) as a reader wants it: no offsets, features as one string."""
    view = events[EVENT_VIEW_COLUMNS].copy()
    view["features"] = view["features"].map("、".join)
    return view


def render_html(doc: Doc) -> str:
    """One self-contained HTML page: facts, the highlighted text and the event table, all text escaped."""
    title = html.escape(doc._.doc_id or "article")
    facts = html.escape(" · ".join(filter(None, [_facts(doc), _title(doc)])))
    table = event_view(events_frame([doc])).fillna("").to_html(index=False, escape=True, border=0)
    return _PAGE.format(csp=_CSP, title=title, facts=facts, spans=spans_html(doc), events=table)


# --------------------------------------------------------------------------- command line


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare ``show``'s arguments on a (sub)parser the CLI owns."""
    parser.add_argument("path", type=Path, help="one article (a text file)")
    parser.add_argument("--html", type=Path, metavar="FILE", help="write a self-contained HTML page to FILE instead")
    parser.add_argument("--date", type=dt.date.fromisoformat, metavar="YYYY-MM-DD",
                        help="document date for an article that states none")


def command(args: argparse.Namespace) -> int:
    """Show one article's extraction; 0 on success, 2 when PATH is not exactly one article."""
    articles = list(read_articles([args.path], date=args.date))
    if len(articles) != 1:
        print(f"error: {args.path}: {len(articles)} articles found; show takes one", file=sys.stderr)
        return 2
    nlp = load()
    doc = nlp(doc_from_article(nlp, articles[0]))
    if args.html:
        args.html.write_text(render_html(doc), encoding="utf-8")
        print(f"wrote {args.html}", file=sys.stderr)
    else:
        sys.stdout.write(render_text(doc))
    return 0
