"""HTML pages to Articles: trafilatura for the main text and metadata (title, date, url)."""

from __future__ import annotations

from ..model import Article
from .decode import InputRejected

MAX_NESTING_HINT = 5000


def article_from_html(html: str, origin: str) -> Article:
    import trafilatura

    try:
        text = trafilatura.extract(html, include_comments=False, include_tables=False,
                                   favor_precision=True, deduplicate=True)
        meta = trafilatura.extract_metadata(html)
    except (RecursionError, ValueError) as e:  # deeply nested or broken markup
        raise InputRejected(f"HTML could not be parsed: {type(e).__name__}") from e
    if not text or not text.strip():
        raise InputRejected("HTML holds no article text")
    published = getattr(meta, "date", None) if meta else None
    return Article(text=text, title=getattr(meta, "title", None) if meta else None,
                   url=getattr(meta, "url", None) if meta else None,
                   published=published or None, origin=origin)
