"""Shared fixtures: paths to ../shared data (tests that need it skip where it is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

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
