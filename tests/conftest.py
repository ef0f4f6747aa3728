"""Shared fixtures: the loaded pipeline (once per session) and the shared/ folder."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED_TEXT = SHARED / "seed" / "ap-2021-12-09-mckenzie.txt"
SEED_GOLD = SHARED / "seed" / "gold.json"
DEMO = ROOT / "src" / "factwire" / "demo"


@pytest.fixture(scope="session")
def extractor():
    from factwire.pipeline import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def seed_report(extractor):
    if not SEED_TEXT.exists():
        pytest.skip(f"the reference article is not at {SEED_TEXT}: the shared/ folder must sit beside the repository")
    from factwire.article import read_path

    return extractor.extract(read_path(SEED_TEXT, "2021-12-09"))
