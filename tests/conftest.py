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


@pytest.fixture
def at_root(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run from the repository root, as a user of the shipped targets.yaml would."""
    monkeypatch.chdir(ROOT)
    return ROOT


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """The cache lives in the test session's own folder, never in the user's ~/.cache."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.getbasetemp() / "xdg-cache"))
    monkeypatch.delenv("TARGETCHECK_NO_CACHE", raising=False)
