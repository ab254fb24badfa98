"""What `find_commitments` counts as a commitment in a plan section, and what it leaves as
context or description (a portfolio's total investment, a voltage class, a plan's span, a count
that sums up a list, a bare number in a name, using an existing fund)."""

from __future__ import annotations

from targetcheck.commitments import find_commitments
from targetcheck.reader.report import read_text

REPORT = """——2017年2月16日在包头市第十四届人民代表大会第五次会议上
二、2017年工作安排
今年政府工作的总体要求是：努力在增强发展后劲、优化工业结构四个方面实现新突破。
组织实施总投资7737亿元的957个重点项目，年内完成投资2600亿元以上。铁路网总投资252亿元，开工建设包头至银川高速铁路。新建昆区莫尼220千伏变电站。新建基站1200座、光缆2840公里。
编制相应的三年行动方案。充分发挥30亿元科技创新基金作用，引进5家以上天使投资基金。用活用好科技评估和国防知识产权转化两个中心。严格执行“清源、活水、减负”三项措施。力争包风3、包风4建成投运。
新增院士工作站2家以上、国家自治区级创新平台10家以上。培育认定领军企业、瞪羚企业10家以上。全面建设白云鄂博至固阳、固阳至东河3条高速公路。
"""


def _commitments() -> list[str]:
    report = read_text(REPORT, "plan.txt").reports[0]
    return [c.quantity.text for c in find_commitments(report)]


def test_commitments_are_counted() -> None:
    found = _commitments()
    for text in ("957个", "2600亿元以上", "1200座", "2840公里", "5家以上", "2家以上", "10家以上"):
        assert text in found
    assert found.count("10家以上") == 2


def test_descriptions_are_not_commitments() -> None:
    found = _commitments()
    for text in ("四个", "7737亿元", "252亿元", "220千伏", "三年", "30亿元", "两个", "三项", "3", "4", "3条"):
        assert text not in found, text
