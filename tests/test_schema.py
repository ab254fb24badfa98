"""The JSON Schema of targets.yaml: the shipped file passes it, and it says what config.py accepts."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

from targetcheck import config
from targetcheck.indicators import Better, Measure
from targetcheck.wording import Comparator

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_PATH = ROOT / "cli" / "targetcheck" / "data" / "targets.schema.json"


@pytest.fixture(scope="module")
def schema() -> dict:
    loaded = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(loaded)
    return loaded


def test_shipped_targets_yaml_is_valid(schema: dict) -> None:
    data = yaml.safe_load((ROOT / "targets.yaml").read_text(encoding="utf-8"))
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in jsonschema.Draft202012Validator(schema).iter_errors(data)]
    assert errors == []


def test_targets_yaml_points_editors_at_the_schema() -> None:
    first = (ROOT / "targets.yaml").read_text(encoding="utf-8").splitlines()[0]
    match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
    assert match, first
    assert (ROOT / match.group(1)).resolve() == SCHEMA_PATH.resolve()


@pytest.mark.parametrize(
    ("where", "keys"),
    [
        ((), config.TOP_KEYS),
        (("$defs", "report"), config.REPORT_KEYS),
        (("$defs", "section"), config.SECTION_KEYS),
        (("$defs", "target"), config.TARGET_KEYS),
        (("$defs", "outcome"), config.OUTCOME_KEYS),
        (("$defs", "indicator"), config.INDICATOR_KEYS),
    ],
    ids=["top", "report", "section", "target", "outcome", "indicator"],
)
def test_schema_keys_are_the_keys_config_accepts(schema: dict, where: tuple[str, ...], keys: set[str]) -> None:
    node = schema
    for step in where:
        node = node[step]
    assert set(node["properties"]) == keys
    assert node["additionalProperties"] is False


def test_schema_enums_follow_the_code(schema: dict) -> None:
    defs = schema["$defs"]
    assert set(defs["measure"]["enum"]) == {m.value for m in Measure}
    assert set(defs["target"]["properties"]["comparator"]["enum"]) == {c.value for c in Comparator}
    assert set(defs["indicator"]["properties"]["better"]["enum"]) == {b.value for b in Better}
    assert schema["properties"]["schema_version"]["const"] == config.SCHEMA_VERSION


@pytest.mark.parametrize("target_id", ["2017.gdp-growth", "2025.base-stations-2", "2017.Gdp", "17.gdp", "2017.-x", "2017gdp"])
def test_id_pattern_agrees_with_config(schema: dict, target_id: str) -> None:
    pattern = schema["$defs"]["target"]["properties"]["id"]["pattern"]
    assert bool(re.search(pattern, target_id)) == bool(config.ID_PATTERN.match(target_id))
