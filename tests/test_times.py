"""factwire_times: recognition and TIMEX3 normalisation, on hand-built Docs."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from factwire.article import Article
from factwire.components.times_calendar import interval, parse_value, shift

DCT = "2021-12-09"  # a Thursday


@pytest.fixture(scope="module")
def nlp():
    import factwire.components  # noqa: F401  (registers the factory)

    nlp = spacy.blank("en")
    nlp.add_pipe("factwire_times")
    return nlp


def _run(nlp, doc: Doc, published: str | None = DCT) -> list:
    doc._.fw_article = Article(text=doc.text, published=published)
    nlp.get_pipe("factwire_times")(doc)
    return doc._.fw_times


def times(nlp, text: str, published: str | None = DCT) -> list[tuple[str, str, str | None, str | None]]:
    got = _run(nlp, nlp.make_doc(text), published)
    return [(t.text, t.type, t.value, t.mod) for t in got]


def parsed(nlp, words, tags, pos, heads, deps) -> Doc:
    return Doc(nlp.vocab, words=words, tags=tags, pos=pos, heads=heads, deps=deps)


# ---------------------------------------------------------------- weekdays by tense

def test_weekday_past_tense_is_the_most_recent_on_or_before_dct(nlp):
    doc = parsed(nlp, ["He", "met", "them", "Friday", "."], ["PRP", "VBD", "PRP", "NNP", "."],
                 ["PRON", "VERB", "PRON", "PROPN", "PUNCT"], [1, 1, 1, 1, 1], ["nsubj", "ROOT", "dobj", "npadvmod", "punct"])
    assert [(t.text, t.value) for t in _run(nlp, doc)] == [("Friday", "2021-12-03")]


def test_weekday_future_tense_is_the_next_on_or_after_dct(nlp):
    doc = parsed(nlp, ["He", "will", "meet", "them", "Friday", "."], ["PRP", "MD", "VB", "PRP", "NNP", "."],
                 ["PRON", "AUX", "VERB", "PRON", "PROPN", "PUNCT"], [2, 2, 2, 2, 2, 2],
                 ["nsubj", "aux", "ROOT", "dobj", "npadvmod", "punct"])
    assert [(t.text, t.value) for t in _run(nlp, doc)] == [("Friday", "2021-12-10")]


def test_weekday_same_day_and_last_next(nlp):
    assert times(nlp, "The commander said Thursday that troops stay.")[0][2] == "2021-12-09"
    assert [v for _, _, v, _ in times(nlp, "It happened last Thursday and resumes next Monday.")] == ["2021-12-02", "2021-12-13"]


def test_weekday_without_dct_stays_unresolved(nlp):
    assert times(nlp, "He said Thursday that it ended.", published=None) == [("Thursday", "DATE", "XXXX-WXX-4", None)]


# ---------------------------------------------------------------- months and years

def test_month_by_tense_past_goes_back_a_year(nlp):
    doc = parsed(nlp, ["They", "met", "in", "March", "."], ["PRP", "VBD", "IN", "NNP", "."],
                 ["PRON", "VERB", "ADP", "PROPN", "PUNCT"], [1, 1, 1, 2, 1], ["nsubj", "ROOT", "prep", "pobj", "punct"])
    assert [(t.text, t.value) for t in _run(nlp, doc)] == [("March", "2021-03")]


def test_month_by_tense_future_goes_forward_a_year(nlp):
    doc = parsed(nlp, ["They", "will", "meet", "in", "March", "."], ["PRP", "MD", "VB", "IN", "NNP", "."],
                 ["PRON", "AUX", "VERB", "ADP", "PROPN", "PUNCT"], [2, 2, 2, 2, 3, 2],
                 ["nsubj", "aux", "ROOT", "prep", "pobj", "punct"])
    assert [(t.text, t.value) for t in _run(nlp, doc)] == [("March", "2022-03")]


def test_calendar_dates_as_written(nlp):
    got = times(nlp, "It began on Jan. 13, 2020, ended in January 2020 and resumed on 2021-03-04 and in 2003.")
    assert [(t, v) for t, _, v, _ in got] == [
        ("Jan. 13, 2020", "2020-01-13"), ("January 2020", "2020-01"), ("2021-03-04", "2021-03-04"), ("2003", "2003")]


def test_not_times(nlp):
    assert times(nlp, "The two sides sent 80,000 troops and 2,500 more to the Pacific. You may go.") == []


def test_relative_to_dct(nlp):
    got = times(nlp, "Today, unlike yesterday, last month or last year, next week looks calm this year.")
    assert [(t, v) for t, _, v, _ in got] == [
        ("Today", "2021-12-09"), ("yesterday", "2021-12-08"), ("last month", "2021-11"),
        ("last year", "2020"), ("next week", "2021-W50"), ("this year", "2021")]


def test_relative_with_month_only_dct_and_without_dct(nlp):
    assert times(nlp, "It fell last month.", published="2021-12")[0][2] == "2021-11"
    assert times(nlp, "It fell yesterday.", published="2021-12")[0][2] == "PAST_REF"
    assert times(nlp, "It fell last month.", published=None)[0][2] == "PAST_REF"


def test_ago(nlp):
    got = times(nlp, "It ended two years ago, and a few years ago, and 10 days ago.")
    assert [(t, v) for t, _, v, _ in got] == [("two years ago", "2019"), ("a few years ago", "PAST_REF"), ("10 days ago", "2021-11-29")]


# ---------------------------------------------------------------- mods and prepositions

def test_position_mods(nlp):
    got = times(nlp, "In late 2011, early 2011 and mid-2019, then in late August and by the end of the month.")
    assert [(t, v, m) for t, _, v, m in got] == [
        ("late 2011", "2011", "END"), ("early 2011", "2011", "START"), ("mid-2019", "2019", "MID"),
        ("late August", "2021-08", "END"), ("the end of the month", "2021-12", "END")]


def test_prepositions_stay_out_of_the_span_but_set_mod(nlp):
    got = times(nlp, "Troops leave by December 31 and fight until December, as they have since 2014.")
    assert got == [("December 31", "DATE", "2021-12-31", "BEFORE"), ("December", "DATE", "2021-12", "BEFORE"),
                   ("2014", "DATE", "2014", "AFTER")]


def test_decades_quarters_fiscal(nlp):
    got = times(nlp, "In the 1990s, the third quarter of 2020, Q2 2019 and fiscal 2022.")
    assert [(t, v) for t, _, v, _ in got] == [
        ("the 1990s", "199"), ("the third quarter of 2020", "2020-Q3"), ("Q2 2019", "2019-Q2"), ("fiscal 2022", "2022")]


# ---------------------------------------------------------------- anchors

def test_later_is_anchored_to_the_last_date_not_the_dct(nlp):
    got = times(nlp, "In late 2011, the forces withdrew, but three years later they returned. The next day was calm.")
    assert [(t, v) for t, _, v, _ in got] == [("late 2011", "2011"), ("three years later", "2014"), ("The next day", None)]


def test_anchor_keeps_day_precision(nlp):
    got = times(nlp, "The strike came on Jan. 3, 2020. The next day, and two weeks earlier, things differed.")
    assert [(t, v) for t, _, v, _ in got] == [
        ("Jan. 3, 2020", "2020-01-03"), ("The next day", "2020-01-04"), ("two weeks earlier", "2019-12-21")]


# ---------------------------------------------------------------- durations, sets, refs

def test_durations(nlp):
    got = times(nlp, "He led it for nearly three years, then 48 hours, two decades, a 16-hour day and several weeks.")
    assert [(t, ty, v, m) for t, ty, v, m in got] == [
        ("nearly three years", "DURATION", "P3Y", "APPROX"), ("48 hours", "DURATION", "PT48H", None),
        ("two decades", "DURATION", "P20Y", None), ("16-hour", "DURATION", "PT16H", None),
        ("several weeks", "DURATION", "PXW", None)]


def test_sets(nlp):
    got = times(nlp, "They meet every year, each Thursday and report daily.")
    assert [(t, ty, v) for t, ty, v, _ in got] == [
        ("every year", "SET", "P1Y"), ("each Thursday", "SET", "XXXX-WXX-4"), ("daily", "SET", "P1D")]


def test_refs(nlp):
    got = times(nlp, "Troops stay in the near future; right now it is calm, as it was recently.")
    assert [(t, v) for t, _, v, _ in got] == [("the near future", "FUTURE_REF"), ("now", "PRESENT_REF"), ("recently", "PAST_REF")]


def test_times_of_day(nlp):
    got = times(nlp, "It hit at 10:35 a.m. and again tonight, and at 10 p.m. Wednesday.")
    assert [(t, ty, v) for t, ty, v, _ in got] == [
        ("10:35 a.m.", "TIME", "2021-12-09T10:35"), ("tonight", "TIME", "2021-12-09TNI"),
        ("10 p.m. Wednesday", "TIME", "2021-12-08T22:00")]


# ---------------------------------------------------------------- records

def test_records_ids_interval_and_span_group(nlp):
    doc = nlp.make_doc("In January 2020 and last week it rained.")
    got = _run(nlp, doc)
    assert [t.id for t in got] == ["t1", "t2"]
    assert (got[0].start, got[0].end, got[0].interval.start, got[0].interval.end) == (3, 15, "2020-01-01", "2020-01-31")
    assert (got[1].value, got[1].interval.start, got[1].interval.end) == ("2021-W48", "2021-11-29", "2021-12-05")
    assert [(s.text, s.kb_id_) for s in doc.spans["fw_times"]] == [("January 2020", "t1"), ("last week", "t2")]


def test_calendar_helpers():
    assert interval("2021-Q3") == ("2021-07-01", "2021-09-30")
    assert interval("199") == ("1990-01-01", "1999-12-31")
    assert interval("PAST_REF") is None
    assert shift(parse_value("2011"), 3, "Y").value == "2014"
    assert shift(parse_value("1989-Q3"), -1, "Y", keep_grain=True).value == "1988-Q3"


@pytest.mark.model
def test_seed_sentences_with_the_model():
    from factwire.pipeline import build

    nlp = build(components=("factwire_times",))
    text = ("The Iraqi government announced on Thursday that talks have ended. "
            "Officials believe Iran was behind a drone strike in October.")
    doc = nlp.make_doc(text)
    doc._.fw_article = Article(text=text, published=DCT)
    doc = nlp(doc)
    assert [(t.text, t.value) for t in doc._.fw_times] == [("Thursday", "2021-12-09"), ("October", "2021-10")]


# ---------------------------------------------------------------- financial periods (times_periods.py)

def test_year_ago_in_a_results_story_is_the_reported_quarter_a_year_back(nlp):
    text = "Net income in the third quarter rose to $5 million from $4 million a year ago. A year earlier, sales fell."
    got = times(nlp, text, published="1989-10-26")
    assert [(t, v) for t, _, v, _ in got] == [("the third quarter", "1989-Q3"), ("a year ago", "1988-Q3"), ("A year earlier", "1988-Q3")]


def test_year_ago_without_a_quarter_is_last_year(nlp):
    assert times(nlp, "Prices were lower a year ago.", published="1989-10-26")[0][2] == "1988"


def test_year_earlier_period_does_not_move_the_reporting_quarter(nlp):
    text = "Profit in the second quarter fell from the year-earlier period; the quarter was weak."
    assert [v for _, _, v, _ in times(nlp, text, published="1989-10-26")] == ["1989-Q2", "1988-Q2", "1989-Q2"]


def test_latest_current_and_bare_quarter(nlp):
    got = times(nlp, "The latest quarter was weak and the quarter ended well. The current quarter is better.", published="1989-11-02")
    assert [(t, v) for t, _, v, _ in got] == [("The latest quarter", "1989-Q3"), ("the quarter", "1989-Q3"), ("The current quarter", "1989-Q4")]


def test_current_and_fiscal_year_are_the_dct_year(nlp):
    got = times(nlp, "Sales for the current fiscal year and the full year; the fiscal year is over.", published="1989-11-02")
    assert [(t, v) for t, _, v, _ in got] == [("the current fiscal year", "1989"), ("the full year", "1989"), ("the fiscal year", "1989")]


def test_adjectival_quarterly_is_no_set(nlp):
    assert times(nlp, "It cut its quarterly dividend.") == []
    assert times(nlp, "Interest is paid quarterly.") == [("quarterly", "SET", "P3M", None)]


def test_previously_is_no_timex(nlp):
    assert times(nlp, "He previously held the post.") == []


# ---------------------------------------------------------------- spelled-out years and centuries

def test_spelled_out_years(nlp):
    assert times(nlp, "It began in nineteen ninety-four.")[0][:3] == ("nineteen ninety-four", "DATE", "1994")
    assert times(nlp, "by the year two thousand")[0][:3] == ("the year two thousand", "DATE", "2000")
    assert times(nlp, "two thousand people marched") == []


def test_ordinal_century(nlp):
    assert times(nlp, "a relic of the 20th century")[0][:3] == ("the 20th century", "DATE", "19")


# ---------------------------------------------------------------- month and day without a year

def test_month_day_near_future_in_a_past_tense_clause(nlp):
    # "decided the boy must go home by Jan. 14", written on Jan. 5: the coming Jan. 14
    doc = parsed(nlp, ["They", "decided", "it", "on", "Jan.", "14", "."], ["PRP", "VBD", "PRP", "IN", "NNP", "CD", "."],
                 ["PRON", "VERB", "PRON", "ADP", "PROPN", "NUM", "PUNCT"], [1, 1, 1, 1, 3, 4, 1],
                 ["nsubj", "ROOT", "dobj", "prep", "pobj", "nummod", "punct"])
    assert [(t.text, t.value) for t in _run(nlp, doc, "2000-01-05")] == [("Jan. 14", "2000-01-14")]


def test_month_day_far_ahead_in_a_past_tense_clause_is_last_year(nlp):
    doc = parsed(nlp, ["They", "met", "on", "March", "12", "."], ["PRP", "VBD", "IN", "NNP", "CD", "."],
                 ["PRON", "VERB", "ADP", "PROPN", "NUM", "PUNCT"], [1, 1, 1, 2, 3, 1],
                 ["nsubj", "ROOT", "prep", "pobj", "nummod", "punct"])
    assert [(t.text, t.value) for t in _run(nlp, doc, "1999-01-05")] == [("March 12", "1998-03-12")]


def test_month_day_without_tense_is_upcoming_within_four_months(nlp):
    assert times(nlp, "The summit: March 12.", published="1999-02-16")[0][2] == "1999-03-12"
    assert times(nlp, "The summit: Aug. 12.", published="1999-02-16")[0][2] == "1998-08-12"


def test_scheduled_weekday_lies_ahead(nlp):
    words = ["She", "has", "scheduled", "a", "conference", "Thursday", "."]
    doc = Doc(nlp.vocab, words=words, tags=["PRP", "VBZ", "VBN", "DT", "NN", "NNP", "."],
              pos=["PRON", "AUX", "VERB", "DET", "NOUN", "PROPN", "PUNCT"], heads=[2, 2, 2, 4, 2, 2, 2],
              deps=["nsubj", "aux", "ROOT", "det", "dobj", "npadvmod", "punct"],
              lemmas=["she", "have", "schedule", "a", "conference", "Thursday", "."])
    assert [(t.text, t.value) for t in _run(nlp, doc, "1999-05-05")] == [("Thursday", "1999-05-06")]


def test_a_number_after_a_currency_sign_is_no_year(nlp):
    assert times(nlp, "MacBook Pro 16 inch is worth exactly $2000.") == []
    assert times(nlp, "It cost £1999 in 1999.") == [("1999", "DATE", "1999", None)]


def test_year_period_is_the_reported_quarter_of_that_year(nlp):
    text = "Third-quarter sales rose from the 1988 period."
    assert [v for _, _, v, _ in times(nlp, text, published="1989-10-26")] == ["1989-Q3", "1988-Q3"]
    assert times(nlp, "Sales rose from the 1988 period.", published="1989-10-26")[0][2] == "1988"


def test_last_season_in_january_is_last_year(nlp):
    assert times(nlp, "It began last fall.", published="1998-02-06")[0][2] == "1997-FA"
    assert times(nlp, "It begins next spring.", published="1998-02-06")[0][2] == "1998-SP"
    assert times(nlp, "It began last fall.", published="1998-10-06")[0][2] == "1997-FA"


def test_deadline_just_passed_stays_in_this_year(nlp):
    assert times(nlp, "They must leave by Jan. 14.", published="2000-01-15")[0][2] == "2000-01-14"
    assert times(nlp, "They must leave by Jan. 4.", published="2000-01-15")[0][2] == "2001-01-04"


def test_half_trading_days_and_adjectival_quarter(nlp):
    assert times(nlp, "Sales in the last half of 1989 fell.")[0][:3] == ("the last half of 1989", "DATE", "1989-H2")
    assert times(nlp, "It fell for eight trading days.")[0][:3] == ("eight trading days", "DURATION", "P8D")
    got = times(nlp, "It posted the third-quarter loss.", published="1989-10-26")
    assert [(t, v) for t, _, v, _ in got] == [("third-quarter", "1989-Q3")]


def _past_clause(nlp, words: list[str], month_at: int) -> Doc:
    """'They <verb-ed> ... <prep> <Month>': a past-tense root governing a prepositional month."""
    n = len(words)
    tags = ["PRP", "VBD"] + ["IN" if i == month_at - 1 else "NNP" if i == month_at else "NN" for i in range(2, n)]
    pos = ["PRON", "VERB"] + ["ADP" if i == month_at - 1 else "PROPN" if i == month_at else "NOUN" for i in range(2, n)]
    heads = [1, 1] + [month_at - 1 if i == month_at else 1 for i in range(2, n)]
    deps = ["nsubj", "ROOT"] + ["pobj" if i == month_at else "prep" if i == month_at - 1 else "dobj" for i in range(2, n)]
    return Doc(nlp.vocab, words=words, tags=tags, pos=pos, heads=heads, deps=deps)


def test_next_month_in_a_past_clause(nlp):
    # the requests file (forces): "In January, the Pentagon cut ..." written in December is last January
    doc = _past_clause(nlp, ["They", "cut", "troops", "in", "January"], 4)
    assert [(t.text, t.value) for t in _run(nlp, doc, "2021-12-09")] == [("January", "2021-01")]
    # ... but a past action aimed at next month points ahead
    doc = _past_clause(nlp, ["They", "extended", "it", "to", "January"], 4)
    assert [(t.text, t.value) for t in _run(nlp, doc, "2021-12-09")] == [("January", "2022-01")]


def test_day_a_month_ahead_in_a_past_clause_without_a_target_preposition_is_past(nlp):
    doc = _past_clause(nlp, ["They", "cut", "troops", "on", "Jan.", "5"], 4)
    got = [(t.text, t.value) for t in _run(nlp, doc, "2021-12-09")]
    assert got == [("Jan. 5", "2021-01-05")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("mid-afternoon", "1998-03-06TAF"),
        ("mid afternoon", "1998-03-06TAF"),
        ("late in the evening", "1998-03-06TEV"),
        ("4 in the morning", "1998-03-06T04:00"),
        ("9 in the evening", "1998-03-06T21:00"),
        ("the 1990s", None),
        ("the year", "1998"),
    ],
)
def test_bare_part_of_day_is_the_article_day(text, expected):
    from factwire.components.times_calendar import dct_point
    from factwire.components.times_periods import entity_value

    parts = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
    assert entity_value(text, dct_point("1998-03-06"), parts) == expected


def test_day_in_the_month_of_an_article_dated_by_month(nlp):
    # demo 25 (DoD news, dated 2020-01): "the Jan. 8 missile attack" is in that January
    doc = _past_clause(nlp, ["They", "cut", "troops", "on", "Jan.", "8"], 4)
    assert [(t.text, t.value) for t in _run(nlp, doc, "2020-01")] == [("Jan. 8", "2020-01-08")]


def test_season_without_last_or_next_follows_the_tense(nlp):
    will = Doc(
        nlp.vocab,
        words=["They", "will", "attack", "in", "the", "spring"],
        tags=["PRP", "MD", "VB", "IN", "DT", "NN"],
        pos=["PRON", "AUX", "VERB", "ADP", "DET", "NOUN"],
        heads=[2, 2, 2, 2, 5, 3],
        deps=["nsubj", "aux", "ROOT", "prep", "det", "pobj"],
    )
    assert [(t.text, t.value) for t in _run(nlp, will, "2021-12-09")] == [("the spring", "2022-SP")]
    past = Doc(
        nlp.vocab,
        words=["They", "attacked", "in", "the", "summer"],
        tags=["PRP", "VBD", "IN", "DT", "NN"],
        pos=["PRON", "VERB", "ADP", "DET", "NOUN"],
        heads=[1, 1, 1, 4, 2],
        deps=["nsubj", "ROOT", "prep", "det", "pobj"],
    )
    assert [(t.text, t.value) for t in _run(nlp, past, "2021-02-10")] == [("the summer", "2020-SU")]
    assert [(t.text, t.value) for t in _run(nlp, past, "2021-10-10")] == [("the summer", "2021-SU")]


def test_a_date_named_by_its_event(nlp):
    # the requests file (lead): "9/11" is the 2001 attacks, not September 11 of the DCT's year
    assert [(t.text, t.value) for t in _run(nlp, nlp.make_doc("the attacks of 9/11"), "2021-08-14")][0] == ("9/11", "2001-09-11")
    assert [(t.text, t.value) for t in _run(nlp, nlp.make_doc("on 9/11/2019"), "2021-08-14")] == [("9/11/2019", "2019-09-11")]


# ---------------------------------------------------------------- tense cues for weekdays and months (round 4)

def _lemmatised(nlp, words, lemmas, tags, pos, heads, deps) -> Doc:
    return Doc(nlp.vocab, words=words, lemmas=lemmas, tags=tags, pos=pos, heads=heads, deps=deps)


def test_weekday_of_a_plan_in_the_past_perfect_is_past(nlp):
    # "It had been due to expire Friday": the plan was overtaken, so Friday has gone by
    doc = _lemmatised(nlp, ["It", "had", "been", "due", "to", "expire", "Friday", "."],
                      ["it", "have", "be", "due", "to", "expire", "Friday", "."],
                      ["PRP", "VBD", "VBN", "JJ", "TO", "VB", "NNP", "."],
                      ["PRON", "AUX", "AUX", "ADJ", "PART", "VERB", "PROPN", "PUNCT"],
                      [2, 2, 2, 2, 5, 3, 5, 2], ["nsubj", "aux", "ROOT", "acomp", "aux", "xcomp", "npadvmod", "punct"])
    assert [(t.text, t.value) for t in _run(nlp, doc)] == [("Friday", "2021-12-03")]


def test_weekday_after_is_to_is_ahead(nlp):
    # "Trading is to resume Tuesday": an arrangement, so the coming Tuesday
    doc = _lemmatised(nlp, ["Trading", "is", "to", "resume", "Tuesday", "."],
                      ["trading", "be", "to", "resume", "Tuesday", "."],
                      ["NN", "VBZ", "TO", "VB", "NNP", "."], ["NOUN", "AUX", "PART", "VERB", "PROPN", "PUNCT"],
                      [1, 1, 3, 1, 3, 1], ["nsubj", "ROOT", "aux", "xcomp", "npadvmod", "punct"])
    assert [(t.text, t.value) for t in _run(nlp, doc)] == [("Tuesday", "2021-12-14")]


def test_weekday_a_delay_runs_until_is_ahead(nlp):
    assert times(nlp, "Officials postponed the vote until Tuesday.")[0][2] == "2021-12-14"
    assert times(nlp, "They were given until 9 a.m. Tuesday to sign.")[0][2] == "2021-12-14T09:00"
    # ... but "Until Tuesday, ...", "up until" and "not until" look back
    from factwire.components.times import _until_target

    for text in ("Until Tuesday", "Up until Tuesday", "It was not until Tuesday", "said. Until Tuesday"):
        assert not _until_target(text, len(text) - len("Tuesday")), text
    assert _until_target("postponed until noon Tuesday", len("postponed until noon "))


def test_weekday_after_plain_before_is_not_a_deadline(nlp):
    # "by Friday" is a deadline ahead; "before Friday's purchases" says nothing of the tense
    assert times(nlp, "Its share before Friday's purchases was small.")[0][2] == "2021-12-03"
    assert times(nlp, "Troops must leave by Friday.")[0][2] == "2021-12-10"


def test_month_after_a_past_decision_has_no_tense(nlp):
    # "has decided to admit them in early March" written in December: the coming March
    doc = _lemmatised(nlp, ["NATO", "has", "decided", "to", "admit", "them", "in", "March", "."],
                      ["NATO", "have", "decide", "to", "admit", "they", "in", "March", "."],
                      ["NNP", "VBZ", "VBN", "TO", "VB", "PRP", "IN", "NNP", "."],
                      ["PROPN", "AUX", "VERB", "PART", "VERB", "PRON", "ADP", "PROPN", "PUNCT"],
                      [2, 2, 2, 4, 2, 4, 4, 6, 2], ["nsubj", "aux", "ROOT", "aux", "xcomp", "dobj", "prep", "pobj", "punct"])
    assert [(t.text, t.value) for t in _run(nlp, doc)] == [("March", "2022-03")]


def test_month_a_past_extension_runs_through_is_ahead(nlp):
    doc = _past_clause(nlp, ["They", "extended", "loans", "through", "March"], 4)
    assert [(t.text, t.value) for t in _run(nlp, doc, "2021-12-09")] == [("March", "2022-03")]
    # "by March" in a past clause is a month gone by unless it is the next one
    doc = _past_clause(nlp, ["They", "cut", "troops", "by", "March"], 4)
    assert [(t.text, t.value) for t in _run(nlp, doc, "2021-12-09")] == [("March", "2021-03")]


def test_day_after_a_directive_has_no_tense(nlp):
    # "subpoenaed him to testify on Feb. 10" written on Jan. 7: the coming Feb. 10
    doc = _lemmatised(nlp, ["He", "subpoenaed", "him", "to", "testify", "on", "Feb.", "10", "."],
                      ["he", "subpoena", "he", "to", "testify", "on", "Feb.", "10", "."],
                      ["PRP", "VBD", "PRP", "TO", "VB", "IN", "NNP", "CD", "."],
                      ["PRON", "VERB", "PRON", "PART", "VERB", "ADP", "PROPN", "NUM", "PUNCT"],
                      [1, 1, 1, 4, 1, 4, 5, 6, 1], ["nsubj", "ROOT", "dobj", "aux", "xcomp", "prep", "pobj", "nummod", "punct"])
    assert [(t.text, t.value) for t in _run(nlp, doc, "2000-01-07")] == [("Feb. 10", "2000-02-10")]


def test_month_the_tagger_reads_as_a_date_is_resolved(nlp):
    # "The March accession will ...": the grammar leaves a bare "March" out (a verb too), the tagger's DATE keeps it
    doc = nlp.make_doc("The March accession will follow.")
    doc.ents = [Span(doc, 1, 2, label="DATE")]
    assert [(t.text, t.value) for t in _run(nlp, doc, "1999-02-10")] == [("March", "1999-03")]


def test_bare_clock_time_falls_on_the_day_the_story_is_at(nlp):
    got = times(nlp, "The blast came on Tuesday. It struck at 10:35 a.m. near the gate.")
    assert [(t, v) for t, _, v, _ in got] == [("Tuesday", "2021-12-07"), ("10:35 a.m.", "2021-12-07T10:35")]
    # with no day named before it, the article's day
    assert times(nlp, "It struck at 10:35 a.m. near the gate.")[0][2] == "2021-12-09T10:35"


def test_part_of_day_entity_falls_on_the_day_the_story_is_at(nlp):
    doc = nlp.make_doc("The blast came on Tuesday. It struck at 4 in the morning.")
    start = [t.i for t in doc if t.text == "4"][0]
    doc.ents = [Span(doc, start, start + 4, label="TIME")]
    got = [(t.text, t.value) for t in _run(nlp, doc)]
    assert got == [("Tuesday", "2021-12-07"), ("4 in the morning", "2021-12-07T04:00")]


def test_explicit_year_after_a_month_day_or_named_date(nlp):
    # "of <year>" / "of this year" after a month-day fixes the year, whatever the tense says
    assert times(nlp, "They agreed to leave by May 1 of this year.", published="2021-07-08") == [("May 1 of this year", "DATE", "2021-05-01", "BEFORE")]
    assert times(nlp, "They agreed to leave by May 1 of this past — of this year.", published="2021-07-08")[0][2] == "2021-05-01"
    assert times(nlp, "They will meet on May 1 of next year.", published="2021-07-08")[0][2] == "2022-05-01"
    assert times(nlp, "They met on May 1 of 2019.", published="2021-07-08")[0][2] == "2019-05-01"
    # a named date with a year is that year's month-day, not the event's
    assert times(nlp, "He invited them on the eve of 9/11 of 2019.", published="2021-08-14")[0][:3] == ("9/11 of 2019", "DATE", "2019-09-11")
    assert times(nlp, "The terrorists attacked us on 9/11.", published="2021-08-14")[0][2] == "2001-09-11"


def test_a_month_day_named_by_its_event_in_a_sentence_about_it(nlp):
    # no year, and words of the event in the sentence: the day that names the event
    assert times(nlp, "We went there to defeat the forces that attacked this country on September 11th.",
                 published="2021-08-14")[0][:3] == ("September 11th", "DATE", "2001-09-11")
    # the same day in a sentence about something else is a September 11 near the story
    assert times(nlp, "The talks will end on September 11.", published="2021-08-14")[0][2] == "2021-09-11"
    # a year written after it wins
    assert times(nlp, "The attack came on September 11, 2012.", published="2021-08-14")[0][2] == "2012-09-11"
