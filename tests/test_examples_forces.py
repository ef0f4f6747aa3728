"""Every troop number stated in the bundled examples comes out as a force level.

Expected values were read off the texts by hand:
- 06: "the Afghan troops have 300,000 ... against something like 75,000 Taliban" (Q&A about
  Afghanistan). "nearly 300,000 current serving members ... we have trained and equipped" and
  "hundreds of thousands ... trained" count people trained, not a force level.
- 13: "the deployment of approximately 5,000 U.S. troops" and "drew U.S. Forces down to a bare
  minimum of 2,500" (both Afghanistan, named in the paragraphs before); "trained over 300,000
  Afghan soldiers and police" is a training count.
- 14: "the 13 service members in Afghanistan who gave their lives" are casualties.
- 25: "Two soldiers surrounded by ..." (a photo caption) names people, not a force level.
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.model

REPO = Path(__file__).resolve().parents[1]
CANDIDATES = (REPO / "src" / "factwire" / "demo", REPO.parent / "shared" / "examples")

EXPECTED = [
    # (file prefix, owner_country, count, bound, place_country)
    ("06", "AFG", 300000, "exact", "AFG"),
    ("06", "AFG", 75000, "exact", "AFG"),
    ("13", "USA", 5000, "approx", "AFG"),
    ("13", "USA", 2500, "exact", "AFG"),
]


@pytest.fixture(scope="module")
def examples_dir() -> Path:
    for folder in CANDIDATES:
        if any(folder.glob("*.txt")):
            return folder
    pytest.skip("no example texts in src/factwire/demo or ../shared/examples")


@pytest.fixture(scope="module")
def example_forces(examples_dir):
    from factwire.article import read_path
    from factwire.pipeline import Extractor

    extractor = Extractor()
    got = []
    for path in sorted(examples_dir.glob("*.txt")):
        report = extractor.extract(read_path(path, None))
        for force in report.forces:
            got.append((path.name[:2], force.owner_country, force.count.value, force.count.bound, force.place_country))
    return got


def test_every_stated_troop_number(example_forces):
    assert example_forces == EXPECTED


def test_examples_have_owner_and_place(example_forces):
    assert all(owner is not None and place is not None for _, owner, _, _, place in example_forces)
