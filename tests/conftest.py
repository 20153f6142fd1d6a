"""Shared fixtures: paths to ../shared data (tests that need it skip where it is absent)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests draw the same examples on every run (the seed is derived from the test), so a
# clean CI machine checks exactly what passed here; KRONIKA_FUZZ=1 draws fresh ones for a fuzzing
# session (each failure found that way becomes an @example).
settings.register_profile("repeatable", derandomize=True)
settings.register_profile("fuzz", derandomize=False)
settings.load_profile("fuzz" if os.environ.get("KRONIKA_FUZZ") else "repeatable")

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "data" / "seed"
DEV = SHARED / "data" / "dev"


def need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is absent (../shared data is not on this machine)")
    return path


@pytest.fixture
def seed_article() -> Path:
    return need(SEED / "article.jsonl")


@pytest.fixture
def seed_gold() -> Path:
    return need(SEED / "gold.jsonl")


@pytest.fixture
def dev_articles() -> Path:
    return need(DEV / "articles.jsonl")


@pytest.fixture(scope="module")
def places_cache(tmp_path_factory):  # type: ignore[no-untyped-def]
    """Build the gazetteer index into a fresh temporary cache (never ~/.cache), once per module."""
    from kronika.extract.places import recognise as places
    from kronika.resources import gazetteer as gz

    cache = tmp_path_factory.mktemp("kronika-cache")
    mp = pytest.MonkeyPatch()
    mp.setenv("KRONIKA_CACHE", str(cache))
    old = gz._LOADED
    gz._LOADED = None
    places.lexicon.cache_clear()
    gz.gazetteer()
    yield cache
    gz._LOADED = old
    places.lexicon.cache_clear()
    mp.undo()
