"""The seed scorer on hand-built Reports (no model)."""

from __future__ import annotations

from factwire.evaluation import seed
from factwire.schema import Actor, ArticleMeta, Count, Force, Quote, Report, Span, Time

TEXT = "Gen. Ann Lee said Thursday that 2,500 troops stay in Iraq. “We stay,” she said."
GOLD = {
    "article": {"published": "2021-12-09"},
    "forces": [{"evidence": "2,500 troops stay in Iraq", "owner_country": "USA", "place_country": "IRQ", "count": 2500, "bound": "exact"}],
    "quotes": [{"evidence": "We stay,", "speaker": "Ann Lee", "kind": "direct"}],
    "times": [{"evidence": "said Thursday", "text": "Thursday", "value": "2021-12-09"}],
}


def span(text: str) -> Span:
    start = TEXT.index(text)
    return Span(start=start, end=start + len(text), text=text)


def report(speaker: str | None = "a1", count: float = 2500) -> Report:
    q = span("We stay,")
    t = span("Thursday")
    return Report(
        article=ArticleMeta(id="x", text=TEXT, sha256="0"),
        actors=[Actor(id="a1", name="Ann Lee", kind="person", country="USA", mentions=[span("Ann Lee")]), Actor(id="a2", name="United States", kind="state", country="USA")],
        forces=[Force(id="f1", owner="a2", owner_country="USA", count=Count(value=count), place_country="IRQ", evidence=span("2,500 troops stay in Iraq"))],
        quotes=[Quote(id="qt1", start=q.start, end=q.end, text=q.text, kind="direct", speaker=speaker, speaker_text="she")],
        times=[Time(id="t1", start=t.start, end=t.end, text=t.text, type="DATE", value="2021-12-09")],
    )


def test_perfect_report_scores_one():
    result = seed.score(report(), GOLD)
    for name in ("forces", "quotes", "times"):
        s = result.section(name)
        assert (s.gold, s.found, s.key, s.all, s.spurious) == (1, 1, 1, 1, 0), name
    assert result.misses == []


def test_wrong_fields_are_found_but_not_key():
    result = seed.score(report(speaker=None, count=3000), GOLD)
    assert (result.section("quotes").found, result.section("quotes").key) == (1, 0)
    assert (result.section("forces").found, result.section("forces").key) == (1, 0)
    assert {m.problem for m in result.misses} == {"wrong speaker (key)", "wrong count (key)"}


def test_gold_evidence_absent_from_article_is_an_error():
    import pytest

    from factwire.errors import GoldError

    bad = dict(GOLD, times=[{"evidence": "not in the text", "text": "x", "value": "2021"}])
    with pytest.raises(GoldError, match="does not occur in the article"):
        seed.score(report(), bad)
