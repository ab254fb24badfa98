"""Small pieces of the outcome rules: the kind of milestone a verb names, and the readable name
of an alias shown in a milestone's notes."""

from __future__ import annotations

import pytest

from targetcheck.milestones import alias_label, milestone_family


@pytest.mark.parametrize(
    ("verb", "family"),
    [
        ("开工建设", "开工"), ("启动建设", "启动"), ("启动", "启动"), ("建成投运", "投运"), ("建成", "建成"),
        ("通过国家义务教育均衡县验收", "验收"), ("摘帽", "摘帽"), ("创建", "创建"), ("组建", "组建"),
        ("建设", "建设"), ("完成", "完成"), ("实现", "实现"), ("满产", "满产"), ("办好", "举办"),
    ],
)
def test_milestone_family(verb: str, family: str) -> None:
    assert milestone_family(verb) == family


@pytest.mark.parametrize(
    ("pattern", "label"),
    [
        ("土右(?:旗)?新型工业园区铁路", "土右新型工业园区铁路"),
        ("包银高(?:速)?铁(?:路)?|包头至银川高(?:速)?铁(?:路)?", "包银高铁"),
        ("固阳(?:县)?(?=[^，；。]{0,12}(?:贫困|摘帽|脱贫))", "固阳"),
        ("(?:国道210线|210国道)白固段|白固段", "国道210线白固段"),
        ("俄罗斯[^；。]{0,12}?航线", "俄罗斯…航线"),
        ("B型保税物流中心", "B型保税物流中心"),
    ],
)
def test_alias_label(pattern: str, label: str) -> None:
    assert alias_label(pattern) == label
