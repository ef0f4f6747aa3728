"""Floors on `factwire eval newsquant` over a fixed sample: the build fails if a quantities score drops.

The sample is 200 of NewsQuant's 590 sentences (`--limit 200`); it takes about 15 s on an idle
2-core machine, model loading included. Each floor sits ~0.02-0.03 under what the sample scored
when it was set; raise a floor when a score rises, never lower it quietly.
"""

from __future__ import annotations

import pytest

from conftest import SHARED

DATA = SHARED / "datasets" / "newsquant"
LIMIT = 200
FLOORS = {  # the sample scored: value P .931 R .943 F1 .937, value+unit F1 .792, bound .960, unit .845, concept partial .458
    "value.f1": 0.91,
    "value.precision": 0.90,
    "value.recall": 0.92,
    "value_unit.f1": 0.77,
    "bound_accuracy": 0.93,
    "unit_accuracy": 0.82,
    "concept_partial_accuracy": 0.43,
}


@pytest.fixture(scope="module")
def result():
    if not (DATA / "NewsQuant.json").exists():
        pytest.skip(f"NewsQuant is not at {DATA}: the shared/ folder must sit beside the repository")
    from factwire.evaluation import evaluate
    from factwire.pipeline import Extractor

    return evaluate("newsquant", [DATA], make_extractor=lambda components=None: Extractor(components=components), limit=LIMIT)


@pytest.mark.model
@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_newsquant_scores_hold(result, metric):
    assert result.metrics[metric] >= FLOORS[metric], (metric, result.metrics[metric], result.table)


@pytest.mark.model
def test_newsquant_counts(result):
    assert result.metrics["gold"] > 250 and result.metrics["predicted"] > 250, result.table


# ----- the scorer itself (no model) -----------------------------------------------------------


def test_gold_values_ranges_and_exponents():
    from factwire.evaluation.quantities_cqe import gold_value

    assert gold_value("12.0") == 12.0
    assert gold_value("-1.3") == -1.3
    assert gold_value("36040.0-34935.0") == (36040.0, 34935.0)
    assert gold_value("3.0 - 4.0") == (3.0, 4.0)
    assert gold_value("1.99E-29") == pytest.approx(1.99e-29)


def test_ranges_match_in_either_order_and_only_ranges():
    from factwire.evaluation.quantities_cqe import values_match

    assert values_match((36040.0, 34935.0), (34935.0, 36040.0))
    assert not values_match((1.0, 2.0), 1.0)
    assert values_match(0.3333333, 1 / 3)


def test_matching_is_one_to_one():
    from factwire.evaluation.quantities_cqe import Q, Tally, score_sentence

    t = Tally()
    gold = [Q(1.0, "-", "=", []), Q(1.0, "dollar", ">", [])]
    score_sentence("x", gold, [Q(1.0, "dollar", ">", [], "more than $1")], t)
    assert (t.gold, t.predicted, t.value, t.unit, t.change) == (2, 1, 1, 1, 1)


def test_unit_names_in_newsquant_words():
    from factwire.evaluation.quantities_cqe import norm_unit, unit_name

    names = {"USD": "dollar", "percent": "percentage"}
    assert unit_name("USD per barrel", None, names) == "dollar per barrel"
    assert unit_name("strike", "lightning strikes", names) == "lightning strikes"
    assert norm_unit(unit_name("percent", "exports", names)) == "percentage"
    assert norm_unit(None) == "-"
