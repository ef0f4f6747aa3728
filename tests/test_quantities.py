"""factwire_quantities: the text scanner (values, bounds, units, exclusions) and the component."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from factwire import schema
from factwire.components.quantities import singular
from factwire.components.quantities_scan import Lexicon, scan


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return Lexicon()


@pytest.fixture(scope="module")
def blank():
    nlp = spacy.blank("en")
    nlp.add_pipe("factwire_quantities")
    return nlp


def one(text: str, lex: Lexicon) -> tuple:
    hits = scan(text, lex)
    assert len(hits) == 1, [text[h.start:h.end] for h in hits]
    h = hits[0]
    return text[h.start:h.end], h.value, h.bound, h.value_max, h.unit


# ----- values ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("they kept 2,500 troops", ("2,500", 2500.0, "exact", None, None)),
        ("a fund of 2.5 million", ("2.5 million", 2500000.0, "exact", None, None)),
        ("it cost $3 billion", ("$3 billion", 3e9, "exact", None, "USD")),
        ("it cost $3bn", ("$3bn", 3e9, "exact", None, "USD")),
        ("worth US$1.1 million", ("US$1.1 million", 1.1e6, "exact", None, "USD")),
        ("paid 10.5 million Australian dollars", ("10.5 million Australian dollars", 10.5e6, "exact", None, "AUD")),
        ("twenty-five soldiers", ("twenty-five", 25.0, "exact", None, None)),
        ("two hundred and fifty men", ("two hundred and fifty", 250.0, "exact", None, None)),
        ("a dozen drones", ("a dozen", 12.0, "exact", None, None)),
        ("rose 10% today", ("10%", 10.0, "exact", None, "percent")),
        ("rose 10 per cent today", ("10 per cent", 10.0, "exact", None, "percent")),
        ("a 10km convoy", ("10km", 10.0, "exact", None, "km")),
        ("drove 30 miles", ("30 miles", 30.0, "exact", None, "mile")),
    ],
)
def test_values_and_units(text, expected, lex):
    assert one(text, lex) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2,000 to 3,000 troops", ("2,000 to 3,000", 2000.0, "range", 3000.0, None)),
        ("2,000-3,000 troops", ("2,000-3,000", 2000.0, "range", 3000.0, None)),
        ("between 2,000 and 3,000 troops", ("between 2,000 and 3,000", 2000.0, "range", 3000.0, None)),
        ("four to five thousand people", ("four to five thousand", 4000.0, "range", 5000.0, None)),
        ("hundreds of civilians", ("hundreds", 100.0, "range", 1000.0, None)),
        ("tens of thousands of people", ("tens of thousands", 10000.0, "range", 100000.0, None)),
        ("Dozens of people", ("Dozens", 12.0, "range", 120.0, None)),
        ("several hundred troops", ("several hundred", 200.0, "range", 900.0, None)),
    ],
)
def test_ranges_and_vague_counts(text, expected, lex):
    assert one(text, lex) == expected


@pytest.mark.parametrize(
    "text, value",
    [("half of the town", 0.5), ("two-thirds of the force", 2 / 3), ("a third of those screened", 1 / 3)],
)
def test_fractions(text, value, lex):
    assert one(text, lex)[1] == pytest.approx(value)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("more than 170,000 troops", ("more than 170,000", "min")),
        ("at least 12 people", ("at least 12", "min")),
        ("over 50 people", ("over 50", "min")),
        ("5,000+ fighters", ("5,000+", "min")),
        ("50 or more rockets", ("50 or more", "min")),
        ("close to 900 troops", ("close to 900", "approx")),
        ("about 35 miles", ("about 35 miles", "approx")),
        ("some 300 fighters", ("some 300", "approx")),
        ("nearly three years", ("nearly three years", "approx")),
        ("30-odd men", ("30-odd", "approx")),
        ("against something like 75,000 Taliban", ("something like 75,000", "approx")),
        ("in the order of 2,000 men", ("in the order of 2,000", "approx")),
        ("up to 400 jobs", ("up to 400", "max")),
        ("fewer than 20 people", ("fewer than 20", "max")),
        ("just under 20 percent", ("just under 20 percent", "max")),
    ],
)
def test_bounds(text, expected, lex):
    got = one(text, lex)
    assert (got[0], got[2]) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The U.S. invaded Iraq in 2003, and",
        "the 2019-2020 season",
        "on December 31 the",
        "an MQ-9 Reaper and an F-16",
        "the Fateh-110 missile",
        "VIRIN: 200113-A-DS044-1478",
        "call (555) 123-4567 now",
        "the 1st brigade",
        "in the 1990s",
        "at 10pm",
        "on 2021-12-09",
        "at 10:30 local time",
        "no one was there",
    ],
)
def test_exclusions(text, lex):
    assert [text[h.start:h.end] for h in scan(text, lex)] == []


def test_list_numbering_is_not_a_quantity(lex):
    text = "Points:\n1. The army left.\n2) 40 tanks stayed."
    assert [text[h.start:h.end] for h in scan(text, lex)] == ["40"]


def test_blocked_ranges_are_skipped(lex):
    text = "three days later 40 tanks"
    assert [text[h.start:h.end] for h in scan(text, lex, blocked=[(0, 16)])] == ["40"]


def test_year_counting_plural_noun_is_kept(lex):
    assert one("sent 2000 troops", lex) == ("2000", 2000.0, "exact", None, None)


def test_singular():
    assert [singular(w) for w in ["troops", "servicemen", "casualties", "people", "boss", "marches"]] == [
        "troop", "serviceman", "casualty", "people", "boss", "march",
    ]


# ----- component on blank Docs ----------------------------------------------------------------


def rows(doc: Doc) -> list[tuple]:
    return [(q.id, q.text, q.value, q.bound, q.value_max, q.unit, q.concept) for q in doc._.fw_quantities]


def test_counted_noun_follows(blank):
    doc = blank("Officials said 2,500 American troops remain.")
    assert rows(doc) == [("q1", "2,500", 2500.0, "exact", None, "troop", "American troops")]
    assert [(s.text, s.kb_id_) for s in doc.spans["fw_quantities"]] == [("2,500", "q1")]


def test_number_of_lookback(blank):
    doc = blank("The number of U.S. troops in Syria is close to 900, he said.")
    assert rows(doc) == [("q1", "close to 900", 900.0, "approx", None, "troop", "U.S. troops")]


def test_zero_count(blank):
    doc = blank("No U.S. personnel were killed or injured in the attack.")
    assert rows(doc) == [("q1", "No U.S. personnel", 0.0, "exact", None, "personnel", "U.S. personnel")]


def test_zero_needs_a_casualty_verb(blank):
    assert rows(blank("No U.S. troops will stay.")) == []


def test_vague_of_noun(blank):
    doc = blank("Hundreds of civilians fled and 60% of the town burned.")
    assert rows(doc) == [
        ("q1", "Hundreds", 100.0, "range", 1000.0, "civilian", "civilians"),
        ("q2", "60%", 60.0, "exact", None, "percent", "town"),
    ]


def test_designation_counted(blank):
    doc = blank("They flew two MQ-9 drones.")
    assert rows(doc) == [("q1", "two", 2.0, "exact", None, "drone", "MQ-9 drones")]


def test_time_spans_block_dates_but_not_durations():
    nlp = spacy.blank("en")
    tagger = nlp.add_pipe("factwire_quantities")
    doc = nlp.make_doc("On March 3 he served 3 years with 40 men.")
    doc._.fw_times = [
        schema.Time(id="t1", start=3, end=10, text="March 3", type="DATE"),
        schema.Time(id="t2", start=21, end=28, text="3 years", type="DURATION"),
    ]
    doc.spans["fw_times"] = [Span(doc, 1, 3, kb_id="t1"), Span(doc, 5, 7, kb_id="t2")]
    doc = tagger(doc)
    assert [(q.text, q.unit) for q in doc._.fw_quantities] == [("3 years", "year"), ("40", "man")]


def test_ids_in_text_order(blank):
    doc = blank("No soldiers were hurt; 3 tanks and 4 trucks were hit.")
    assert [(q.id, q.text) for q in doc._.fw_quantities] == [("q1", "No soldiers"), ("q2", "3"), ("q3", "4")]


# ----- with the statistical model -------------------------------------------------------------


@pytest.fixture(scope="module")
def nlp():
    from factwire.pipeline import load_model

    model = load_model()
    model.add_pipe("factwire_quantities")
    return model


@pytest.mark.model
def test_seed_sentences(nlp):
    doc = nlp(
        "The United States will keep 2,500 troops in Iraq. At its peak, more than 170,000 troops fought "
        "insurgents. More than 100 servicemen received brain injuries. The number of U.S. troops in Syria "
        "is close to 900. U.S. military presence has dropped since reaching its peak, reaching 80,000."
    )
    assert rows(doc) == [
        ("q1", "2,500", 2500.0, "exact", None, "troop", "troops"),
        ("q2", "more than 170,000", 170000.0, "min", None, "troop", "troops"),
        ("q3", "More than 100", 100.0, "min", None, "serviceman", "servicemen"),
        ("q4", "close to 900", 900.0, "approx", None, "troop", "U.S. troops"),
        ("q5", "80,000", 80000.0, "exact", None, None, "U.S. military presence"),
    ]


@pytest.mark.model
def test_model_zero_and_percent(nlp):
    doc = nlp("No U.S. personnel were killed. Prices rose about 19 per cent.")
    assert rows(doc) == [
        ("q1", "No U.S. personnel", 0.0, "exact", None, "personnel", "U.S. personnel"),
        ("q2", "about 19 per cent", 19.0, "approx", None, "percent", "Prices"),
    ]


# ----- rules added while aligning with NewsQuant -----------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("quoted at USD10m today", ("USD10m", 1e7, "exact", None, "USD")),
        ("rose to RM23.50 today", ("RM23.50", 23.5, "exact", None, "MYR")),
        ("a phone with 256GB inside", ("256GB", 256.0, "exact", None, "GB")),
        ("a 500mg tablet", ("500mg", 500.0, "exact", None, "mg")),
        ("cooled to minus-130 degrees", ("minus-130 degrees", -130.0, "exact", None, "degree")),
        ("the FTSE fell -1.3% today", ("-1.3%", -1.3, "exact", None, "percent")),
        ("a fine of $10 to $15 billion", ("$10 to $15 billion", 1e10, "range", 1.5e10, "USD")),
        ("the past three or four years", ("three or four years", 3.0, "range", 4.0, "year")),
        ("a 5,000-strong force", ("5,000", 5000.0, "exact", None, None)),
        ("a 15-year-old boy", ("15-year-old", 15.0, "exact", None, "year-old")),
    ],
)
def test_attached_units_signs_and_shared_scales(text, expected, lex):
    assert one(text, lex) == expected


@pytest.mark.parametrize(
    "text",
    [
        "a five-year plan",
        "a six-speed gearbox",
        "the San Francisco 49ers won",
        "Chelsea won 2-1 on Sunday",
        "at 0401 GMT",
        "The S&P 500 rose sharply",
        "before Game 7 began",
        "Senard, 65, now faces",
    ],
)
def test_more_exclusions(text, lex):
    assert [text[h.start:h.end] for h in scan(text, lex)] == []


def test_conversion_in_brackets_keeps_the_bound(lex):
    text = "moths fly more than 100 kilometers (60 miles) a night"
    assert [(text[h.start:h.end], h.bound) for h in scan(text, lex)] == [
        ("more than 100 kilometers", "min"),
        ("60 miles", "min"),
    ]


def test_up_to_after_a_verb_of_movement_is_a_destination(lex):
    assert one("before inching back up to 4.8 percent", lex)[2] == "exact"
    assert one("it will hire up to 400 people", lex)[2] == "max"


def test_listed_compound_unit(blank):
    doc = blank("Two U.S. service members were injured.")
    assert rows(doc) == [("q1", "Two", 2.0, "exact", None, "service member", "U.S. service members")]


@pytest.mark.model
def test_model_noun_phrase_edges(nlp):
    doc = nlp("The defense gave up 517 rushing yards. Gunmen killed 30 people Tuesday.")
    assert [(q.text, q.unit, q.concept) for q in doc._.fw_quantities] == [
        ("517", "yard", "rushing yards"),
        ("30", "people", "people"),
    ]


# ----- rule families named by issue 3 (one hand-written case per rule, exact values) -----------


@pytest.mark.parametrize(
    "text, expected",
    [
        # number words
        ("sent twelve drones", ("twelve", 12.0, "exact", None, None)),
        ("some forty-two tanks", ("some forty-two", 42.0, "approx", None, None)),
        ("three thousand troops", ("three thousand", 3000.0, "exact", None, None)),
        # "dozens", "hundreds of", "a few", "several"
        ("dozens of rockets", ("dozens", 12.0, "range", 120.0, None)),
        ("hundreds of civilians", ("hundreds", 100.0, "range", 1000.0, None)),
        ("a few thousand fighters", ("a few thousand", 2000.0, "range", 9000.0, None)),
        ("millions of people", ("millions", 1e6, "range", 1e7, None)),
        # percentages
        ("support fell to 45%", ("45%", 45.0, "exact", None, "percent")),
        ("a rise of 2.5 percentage points", ("2.5 percentage points", 2.5, "exact", None, "percentage point")),
    ],
)
def test_words_vague_and_percentages(text, expected, lex):
    assert one(text, lex) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # "from X to Y" is one range whichever way it goes (NewsQuant), stored as (min, max)
        ("growth will slow from 4.8 percent to 4.7 percent", ("4.8 percent to 4.7 percent", 4.7, "range", 4.8, "percent")),
        ("prices fell from $2,415 to $2,315 overnight", ("$2,415 to $2,315", 2315.0, "range", 2415.0, "USD")),
        ("dropping from 208 kg to 193 by May", ("208 kg to 193", 193.0, "range", 208.0, "kg")),
        ("it climbed from 21 mpg combined to 23 for", ("21 mpg combined to 23", 21.0, "range", 23.0, "mpg")),
        ("prices fell from $75 U.S. per barrel to $45.88", ("$75 U.S. per barrel to $45.88", 45.88, "range", 75.0, "USD")),
        ("prices rose from $75 per barrel to $80", ("$75 per barrel to $80", 75.0, "range", 80.0, "USD per barrel")),
    ],
)
def test_from_to_ranges(text, expected, lex):
    assert one(text, lex) == expected


def test_from_to_range_across_a_blocked_date(lex):
    text = "from 20 mpg in 2008 to 29 mpg in 2020"
    blocked = [(text.index("2008"), text.index("2008") + 4), (text.index("2020"), text.index("2020") + 4)]
    assert [(text[h.start:h.end], h.value, h.value_max) for h in scan(text, lex, blocked=blocked)] == [
        ("20 mpg in 2008 to 29 mpg", 20.0, 29.0)
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("the deficit increased by $43.6 billion to $419.2 billion", ["$43.6 billion", "$419.2 billion"]),
        ("around 25k or 40k cheaper", ["around 25k", "40k"]),
        ("rose 0.4 per cent to 13176", ["0.4 per cent", "13176"]),
    ],
)
def test_not_ranges(text, expected, lex):
    assert [text[h.start:h.end] for h in scan(text, lex)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("1/16 of a pint", ("1/16", 0.0625)),
        ("1⁄32 of a quart", ("1⁄32", 0.03125)),
        ("add 1/2 pound of sugar", ("1/2", 0.5)),
        ("3/4 mile away", ("3/4 mile", 0.75)),
        ("One out of three Germans", ("One out of three", 1 / 3)),
        ("9 out of 10 doctors", ("9 out of 10", 0.9)),
        ("one fourth of the population", ("one fourth", 0.25)),
        ("two-thirds of the force", ("two-thirds", 2 / 3)),
    ],
)
def test_fractions_slash_words_and_out_of(text, expected, lex):
    got = one(text, lex)
    assert (got[0], got[1]) == (expected[0], pytest.approx(expected[1]))


@pytest.mark.parametrize("text", ["after the 9/11 attacks", "on 3/4 the", "12/09/2021 was", "rated 7/10 by"])
def test_slashes_that_are_not_fractions(text, lex):
    assert [text[h.start:h.end] for h in scan(text, lex)] == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("approximately 1.99×10−30 kilograms", ("approximately 1.99×10−30 kilograms", 1.99e-30, "approx", "kg")),
        ("2.998×10−8 meters", ("2.998×10−8 meters", 2.998e-8, "exact", "m")),
        ("about 1.5 x 10^6 cells", ("about 1.5 x 10^6", 1.5e6, "approx", None)),
        ("a dose of 2.5e-3 grams", ("2.5e-3 grams", 2.5e-3, "exact", "g")),
    ],
)
def test_scientific_notation(text, expected, lex):
    got = one(text, lex)
    assert (got[0], pytest.approx(got[1]), got[2], got[4]) == (expected[0], pytest.approx(expected[1]), expected[2], expected[3])


@pytest.mark.parametrize(
    "text, expected",
    [
        ("crude was US $58.24 per barrel", ("US $58.24", "USD per barrel")),
        ("at 15 to 22 miles per hour", ("15 to 22 miles", "mile per hour")),
        ("pays $14.95 a month", ("$14.95", "USD per month")),
        ("let at $80 per sq m", ("$80", "USD per m2")),
        ("worth $80 a share", ("$80", "USD")),
    ],
)
def test_rates(text, expected, lex):
    got = one(text, lex)
    assert (got[0], got[4]) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("a package worth PS2.7m", ("PS2.7m", 2.7e6, "GBP")),
        ("paid PS21,700 for", ("PS21,700", 21700.0, "GBP")),
        ("a profit of Y=590 billion", ("Y=590 billion", 5.9e11, "JPY")),
        ("sold for 7,199 Chinese yuan", ("7,199 Chinese yuan", 7199.0, "CNY")),
    ],
)
def test_transliterated_and_named_currencies(text, expected, lex):
    got = one(text, lex)
    assert (got[0], got[1], got[4]) == expected


def test_games_console_is_not_money(lex):
    assert scan("sales of the PS4 and PS5 rose", lex) == []


def test_year_range_counting_a_noun(lex):
    text = "about 2000 - 2500 Calories a day"
    assert [(text[h.start:h.end], h.value, h.value_max) for h in scan(text, lex)] == [("2000 - 2500", 2000.0, 2500.0)]


def test_unit_carried_over_to_a_bare_number(blank):
    doc = blank("At least 12 civilians killed and 30 wounded.")
    assert [(q.text, q.unit, q.concept) for q in doc._.fw_quantities] == [
        ("At least 12", "civilian", "civilians"),
        ("30", "civilian", "civilians"),
    ]


def test_no_carry_over_past_another_noun(blank):
    doc = blank("Police arrested 12 men and 3 women.")
    assert [(q.text, q.unit) for q in doc._.fw_quantities] == [("12", "man"), ("3", "woman")]


def _with_time(text: str, time_text: str, kind: str = "DATE") -> Doc:
    nlp = spacy.blank("en")
    tagger = nlp.add_pipe("factwire_quantities")
    doc = nlp.make_doc(text)
    start = text.index(time_text)
    span = doc.char_span(start, start + len(time_text))
    doc._.fw_times = [schema.Time(id="t1", start=start, end=start + len(time_text), text=time_text, type=kind)]
    doc.spans["fw_times"] = [Span(doc, span.start, span.end, kb_id="t1")]
    return tagger(doc)


def test_counted_time_units_in_a_date_are_kept():
    doc = _with_time("Nine days later he was found.", "Nine days later")
    assert [(q.text, q.value, q.unit) for q in doc._.fw_quantities] == [("Nine", 9.0, "day")]


def test_a_unit_without_a_number_adds_nothing():
    assert _with_time("A year ago it cost 5 dollars.", "A year ago")._.fw_quantities[0].text == "5 dollars"


def test_money_is_never_a_year():
    doc = _with_time("It is worth exactly $2000.", "2000")
    assert [(q.text, q.value, q.unit) for q in doc._.fw_quantities] == [("$2000", 2000.0, "USD")]


def test_multiplier_and_rate_of_times(lex):
    assert one("orbiting more than 3200 times", lex) == ("more than 3200 times", 3200.0, "min", None, "times")
    assert one("spin nearly 78,000 times a minute", lex)[4] == "times per minute"


def test_counted_noun_rate(blank):
    doc = blank("The lab runs 3,000 tests per day and 52,000 barrels per day.")
    assert [(q.text, q.unit, q.concept) for q in doc._.fw_quantities] == [
        ("3,000", "test per day", "tests"),
        ("52,000 barrels", "barrel per day", None),  # a listed measure: its unit is read by the scanner
    ]


@pytest.mark.model
def test_model_concept_of_a_measure(nlp):
    doc = nlp("It runs parallel to the 40 yard line. Exports to China dropped 7% to $2.3 billion.")
    assert [(q.text, q.unit, q.concept) for q in doc._.fw_quantities] == [
        ("40 yard", "yard", "line"),
        ("7%", "percent", "Exports"),
        ("$2.3 billion", "USD", "Exports"),
    ]
