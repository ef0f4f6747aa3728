"""Doc -> Report: collect what the components wrote into the contract model."""

from __future__ import annotations

from pydantic import BaseModel
from spacy.tokens import Doc

from . import schema
from .article import Article
from .docext import records


def _reslice(model: BaseModel, text: str) -> None:
    """Set every Span's text from the article text.

    Components see spaCy's copy of the text, in which wrapping newlines are spaces;
    evidence must quote the article exactly.
    """
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, schema.Span):
            value.text = text[value.start:value.end]
        elif isinstance(value, BaseModel):
            _reslice(value, text)
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, BaseModel):
                    _reslice(item, text)
    if isinstance(model, (schema.Time, schema.Quantity, schema.Quote)):
        model.text = text[model.start:model.end]


def doc_to_report(doc: Doc, article: Article) -> schema.Report:
    report = schema.Report(
        article=schema.ArticleMeta(
            id=article.ident,
            text=article.text,
            title=article.title,
            url=article.url,
            outlet=article.outlet,
            authors=list(article.authors),
            dateline=article.dateline,
            published=article.published,
            language=article.language,
            sha256=article.sha256,
        ),
        actors=records(doc, "fw_actors"),
        places=records(doc, "fw_places"),
        times=records(doc, "fw_times"),
        quantities=records(doc, "fw_quantities"),
        equipment=records(doc, "fw_equipment"),
        events=records(doc, "fw_events"),
        forces=records(doc, "fw_forces"),
        quotes=records(doc, "fw_quotes"),
        claims=records(doc, "fw_claims"),
        conflicts=records(doc, "fw_conflicts"),
    )
    for name in ("actors", "places", "times", "quantities", "equipment", "events", "forces", "quotes", "claims"):
        for item in getattr(report, name):
            _reslice(item, article.text)
    return report
