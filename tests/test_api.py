"""The Python API: factwire.extract and Extractor.extract_many."""

from __future__ import annotations

import pytest

import factwire
from factwire.article import Article

pytestmark = pytest.mark.model


def test_extract_one_text(extractor):
    report = factwire.extract("The United States will keep 2,500 troops in Iraq.", published="2021-12-09", extractor=extractor)
    assert report.schema_version == 1
    [force] = report.forces
    assert (force.owner_country, force.count.value, force.count.bound, force.place_country, force.status) == ("USA", 2500, "exact", "IRQ", "planned")
    assert force.evidence.text == report.article.text[force.evidence.start:force.evidence.end]


def test_extract_many_keeps_order_and_ids(extractor):
    articles = [Article(id=str(i), text=f"Iran fired {n} missiles at the base.", published="2020-01-08") for i, n in enumerate(("two", "three", "four"))]
    reports = list(extractor.extract_many(articles, batch_size=2))
    assert [r.article.id for r in reports] == ["0", "1", "2"]
    assert [r.article.text for r in reports] == [a.text for a in articles]


def test_article_without_id_gets_its_content_hash(extractor):
    report = extractor.extract(Article(text="Troops left."))
    assert report.article.id == report.article.sha256[:16]
    assert report.article.published is None
