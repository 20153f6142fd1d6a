"""kronika: news articles in, ACLED-style event records with evidence spans out.

    >>> import kronika
    >>> result = kronika.extract("Police detained 12 protesters in Minsk on Sunday.", published="2026-03-01")
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

# The subpackage kronika.extract is loaded first: loading a subpackage sets the parent's attribute
# of its name, so the function defined below must come after it to keep the name `kronika.extract`.
import_module(".extract", __name__)

__version__ = "0.1.0"
__all__ = ["__version__", "extract"]

if TYPE_CHECKING:
    from .model import Article, ArticleResult


def extract(text_or_article: str | Article, *, published: str | None = None,
            lang: str | None = None) -> ArticleResult:
    """The record of one article: a text (with its publication date and language code where
    known; the language is detected otherwise) or an `Article`, whose own fields `published` and
    `lang` override when given."""
    from dataclasses import replace

    from .model import Article
    from .pipeline import PIPELINE  # imported here: `import kronika` stays light for the CLI

    if isinstance(text_or_article, str):
        article = Article(text=text_or_article, published=published, lang=lang)
    else:
        article = text_or_article
        if published is not None or lang is not None:
            article = replace(article, published=published or article.published,
                              lang=lang or article.lang)
    return PIPELINE.extract(article)
