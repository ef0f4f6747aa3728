"""Floors on `factwire eval polnear`: the build fails if quote or speaker scores on a fixed
PolNeAR dev sample drop (the whole set runs with `make bench`)."""

from __future__ import annotations

import time

import pytest

from conftest import SHARED

pytestmark = pytest.mark.model

DEV = SHARED / "datasets" / "polnear" / "dev"
SAMPLE = 12  # documents, evenly spread over the dev split: ~14 s wall after the model loads (~25 s with it)

# Each floor sits ~0.02-0.03 under what the sample scores now; raise a floor when a score
# rises, never lower it quietly.
FLOORS = {
    "all.0.3.f1": 0.67,  # sample now 0.695 (round 3: 0.686)
    "all.0.5.f1": 0.60,  # 0.620 (0.610; 0.623 before the light-verb/naming round)
    "all.0.5.source": 0.88,  # 0.899 (0.905)
    "direct.0.5.f1": 0.82,  # 0.845 (0.811)
    "direct.0.5.source": 0.91,  # 0.933 (0.933)
    "indirect.0.5.f1": 0.555,  # 0.577 (0.572; 0.581 before the light-verb/naming round)
}


@pytest.fixture(scope="module")
def result():
    if not DEV.exists():
        pytest.skip(f"the PolNeAR dev split is not at {DEV}: the shared/ folder must sit beside the repository")
    from factwire.evaluation import evaluate
    from factwire.pipeline import Extractor

    started = time.perf_counter()
    out = evaluate("polnear", [DEV], make_extractor=lambda components=None: Extractor(components=components), limit=SAMPLE)
    out.metrics["wall"] = time.perf_counter() - started
    return out


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_polnear_scores_hold(result, metric):
    assert result.metrics[metric] >= FLOORS[metric], (metric, result.metrics[metric], result.table)


def test_polnear_counts(result):
    # the sample is fixed: its gold count changes only if the data or the reader does
    assert result.metrics["all.0.5.gold"] > 0 and result.metrics["all.0.5.pred"] > 0
