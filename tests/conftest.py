from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def seed_article_path() -> Path:
    return SEEDS / "kharkiv-2022-03-02.txt"
