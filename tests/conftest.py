from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_2017 = SEEDS / "000_b64753ee75fd97df.txt"
SEED_2025 = SEEDS / "003_f70d05a2e53d4ccd.txt"


@pytest.fixture
def root() -> Path:
    return ROOT
