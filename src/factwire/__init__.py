"""factwire: sourced, queryable records of armed conflict and military deployments from news text.

Two levels, as in trafilatura: `Extractor` keeps a loaded pipeline and returns typed Reports;
`extract()` is the one-call convenience for a single text.

    >>> import factwire
    >>> report = factwire.extract("The United States will keep 2,500 troops in Iraq.", published="2021-12-09")
    >>> report.forces[0].count.value
    2500.0
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["Article", "Extractor", "Report", "extract", "__version__"]


def __getattr__(name: str):
    # heavy imports (spaCy) only when asked for
    if name == "Extractor":
        from .pipeline import Extractor

        return Extractor
    if name == "Article":
        from .article import Article

        return Article
    if name == "Report":
        from .schema import Report

        return Report
    raise AttributeError(name)


def extract(text: str, published: str | None = None, *, extractor=None, **meta):
    """A Report for one text. Pass an `Extractor` to reuse a loaded pipeline across calls."""
    from .article import article_from_text
    from .pipeline import Extractor

    article = article_from_text(text, published=published, **meta)
    return (extractor or Extractor()).extract(article)
