"""HTML pages to Articles: trafilatura for the main text and metadata (title, date, url).

trafilatura and lxml are third-party parsers fed hostile markup: any exception they raise is
the page's fault, so it becomes an InputRejected for that page, never a crash of the batch.
libxml2 stops building the tree at 256 levels of nesting, so text nested deeper is lost; the
message says so instead of a bare "no text".
"""

from __future__ import annotations

import logging
import re

from ..model import Article
from .decode import InputRejected

LIBXML2_MAX_DEPTH = 255
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*?(/?)>")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
         "p", "li", "option", "td", "tr", "th", "dt", "dd"}  # void, or closed implicitly in practice


def article_from_html(html: str, origin: str) -> Article:
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)  # its warnings would flood stderr
    try:
        text = trafilatura.extract(html, include_comments=False, include_tables=False,
                                   # no deduplicate: its cache spans calls, so a page read twice in
                                   # one process (re-ingest, API) came back empty the second time
                                   favor_precision=True, deduplicate=False)
        meta = trafilatura.extract_metadata(html)
    except Exception as e:  # noqa: BLE001 - any parser failure is this page's problem only
        raise InputRejected(f"HTML could not be parsed: {type(e).__name__}") from e
    if not text or not text.strip():
        depth = nesting_depth(html)
        if depth > LIBXML2_MAX_DEPTH:
            raise InputRejected(f"HTML nested {depth} levels deep, over the parser's limit of "
                                f"{LIBXML2_MAX_DEPTH}; no article text could be read")
        raise InputRejected("HTML holds no article text")
    published = getattr(meta, "date", None) if meta else None
    return Article(text=text, title=getattr(meta, "title", None) if meta else None,
                   url=getattr(meta, "url", None) if meta else None,
                   published=published or None, origin=origin)


def nesting_depth(html: str) -> int:
    """Maximum depth of open elements, from the tags alone (only asked when extraction failed)."""
    depth = best = 0
    for m in _TAG.finditer(html):
        closing, name, selfclosing = m.group(1), m.group(2).lower(), m.group(3)
        if name in _VOID or selfclosing:
            continue
        depth = max(0, depth - 1) if closing else depth + 1
        best = max(best, depth)
    return best
