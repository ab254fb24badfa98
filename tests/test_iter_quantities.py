"""iter_quantities on sentences from the seeds and constructed ones: exact spans and values."""

from __future__ import annotations

import time
from decimal import Decimal
from pathlib import Path

import pytest

from targetcheck.quantity import iter_quantities
from targetcheck.textnorm import normalize

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

# (sentence, [(span text, value in base unit, base unit, qualifiers), ...] in order)
Expected = list[tuple[str, str, str, set[str]]]
GOLDEN: list[tuple[str, Expected]] = [
    # --- seeds/000: outcomes of 2016 ---
    (
        "全市地区生产总值3867.6亿元，增长7.6%；固定资产投资2955.8亿元，增长14.4%；",
        [
            ("3867.6亿元", "386760000000", "元", set()),
            ("7.6%", "7.6", "%", set()),
            ("2955.8亿元", "295580000000", "元", set()),
            ("14.4%", "14.4", "%", set()),
        ],
    ),
    (
        "城乡居民收入分别达到40955元和14692元，均增长7.5%；城镇登记失业率控制在3.89%。",
        [
            ("40955元", "40955", "元", set()),
            ("14692元", "14692", "元", set()),
            ("7.5%", "7.5", "%", set()),
            ("3.89%", "3.89", "%", set()),
        ],
    ),
    (
        "金融机构不良贷款率2.28%，低于全区1.53个百分点，保持在合理区间。",
        [("2.28%", "2.28", "%", set()), ("1.53个百分点", "1.53", "个百分点", set())],
    ),
    (
        "全市开办电商业务企业达到1600多家，参展人数达到330万人次，成交额近600亿元。",
        [
            ("1600多家", "1600", "家", {"more-than"}),
            ("330万人次", "3300000", "人次", set()),
            ("近600亿元", "60000000000", "元", {"just-under"}),
        ],
    ),
    (
        "风光清洁能源装机容量分别达到376万千瓦和60万千瓦，增长7.5倍和1.6倍",
        [
            ("376万千瓦", "3760000", "千瓦", set()),
            ("60万千瓦", "600000", "千瓦", set()),
            ("7.5倍", "7.5", "倍", set()),
            ("1.6倍", "1.6", "倍", set()),
        ],
    ),
    (
        "全市空气质量优良天数达到269天，比2015年增加20天。",
        [("269天", "387360", "分钟", set()), ("20天", "28800", "分钟", set())],
    ),
    (
        "发放创业担保贷款4.5亿元，占自治区的三分之一。",
        [
            ("4.5亿元", "450000000", "元", set()),
            ("三分之一", str(Decimal(1) / Decimal(3)), "", set()),
        ],
    ),
    (
        "力争稀土功能材料产能达到10万吨，产量占到全国的1/5左右。",
        [("10万吨", "100000", "吨", set()), ("1/5左右", "0.2", "", {"about"})],
    ),
    (
        "骨干网出口带宽达到850G，80%的行政村实现光纤到村",
        [("850G", "850", "G", set()), ("80%", "80", "%", set())],
    ),
    (
        "新建昆区莫尼、新都市区世纪220千伏变电站和110国道、沼南大道等33公里地下综合管廊",
        [("220千伏", "220", "千伏", set()), ("33公里", "33", "公里", set())],
    ),
    (
        "全面完成“十个全覆盖”三年建设任务，改造危房5.2万户",
        [("三年", "36", "个月", set()), ("5.2万户", "52000", "户", set())],
    ),
    (
        "实施CAP1400先导组件研制、石墨烯可控制备等20项以上重大科技项目",
        [("20项以上", "20", "项", {"more-than"})],
    ),
    ("创建全国双拥模范城实现“八连冠”。", [("八连冠", "8", "连冠", set())]),
    ("扎实做好全国文明城市迎检工作，实现“五连冠”目标。", [("五连冠", "5", "连冠", set())]),
    (
        "今年主要预期目标是：地区生产总值增长8%左右，城乡居民人均可支配收入分别增长8%、8.5%左右。"
        "城镇登记失业率控制在3.9%以内。",
        [
            ("8%左右", "8", "%", {"about"}),
            ("8%", "8", "%", set()),
            ("8.5%左右", "8.5", "%", {"about"}),
            ("3.9%以内", "3.9", "%", {"at-most"}),
        ],
    ),
    ("着力打造产值超百亿元的大数据产业集群", [("超百亿元", "10000000000", "元", {"more-than"})]),
    ("力争联网数控设备达到600台套", [("600台套", "600", "台套", set())]),
    (
        "“清源、活水、减负、节流、严管”五项措施，投资23.6亿元",
        [("五项", "5", "项", set()), ("23.6亿元", "2360000000", "元", set())],
    ),
    # --- seeds/003: outcomes of 2024 and targets for 2025 ---
    (
        "前三季度地区生产总值增长8.03%，预计年内规上工业增加值增长14%以上，连续52个月保持两位数增长；",
        [
            ("8.03%", "8.03", "%", set()),
            ("14%以上", "14", "%", {"more-than"}),
            ("52个月", "52", "个月", set()),
        ],
    ),
    (
        "引进国内（区外）到位资金突破一千亿元；满都拉口岸过货量突破一千万吨；",
        [("一千亿元", "100000000000", "元", set()), ("一千万吨", "10000000", "吨", set())],
    ),
    (
        "包头稀交所开户企业超千户、线上交易额破百亿，",
        [("超千户", "1000", "户", {"more-than"}), ("百亿", "10000000000", "", set())],
    ),
    ("全国磁材企业15强已有10家落户", [("10家", "10", "家", set())]),
    (
        "盯住百万平方米闲置房产、两万多亩批而未供土地和十个政府投资重大项目",
        [
            ("百万平方米", "1000000", "平方米", set()),
            ("两万多亩", "20000", "亩", {"more-than"}),
            ("十个", "10", "个", set()),
        ],
    ),
    (
        "新增并网 300 万千瓦以上、储能 1000 万千瓦时以上。",
        [
            ("300 万千瓦以上", "3000000", "千瓦", {"more-than"}),
            ("1000 万千瓦时以上", "10000000", "千瓦时", {"more-than"}),
        ],
    ),
    (
        "推动经济总量达到5000亿元左右，力保投产300个以上、投资增长20%以上",
        [
            ("5000亿元左右", "500000000000", "元", {"about"}),
            ("300个以上", "300", "个", {"more-than"}),
            ("20%以上", "20", "%", {"more-than"}),
        ],
    ),
    (
        "为企业降本融资、减税降费总额超过100亿元，改造城镇老旧小区266.5万平方米",
        [
            ("超过100亿元", "10000000000", "元", {"more-than"}),
            ("266.5万平方米", "2665000", "平方米", set()),
        ],
    ),
    (
        "稀土、晶硅光伏、钢铁、铝业产值并肩上千亿元台阶",
        [("千亿元", "100000000000", "元", set())],
    ),
    ("新开工亿元以上产业类项目179个", [("179个", "179", "个", set())]),
    ("争创全国“双拥”模范城“十连冠”。", [("十连冠", "10", "连冠", set())]),
    ("确保 6971 套保交房按时保质交付", [("6971 套", "6971", "套", set())]),
    # 近十年 is read as "nearly ten years"; the prose means "in the last ten years".
    ("高考成绩创近十年新高", [("近十年", "120", "个月", {"just-under"})]),
    # --- constructed ---
    (
        "粮食产量稳定在24亿斤以上，新增城镇就业3.8万人以上，城镇登记失业率4%以内",
        [
            ("24亿斤以上", "1200000", "吨", {"more-than"}),
            ("3.8万人以上", "38000", "人", {"more-than"}),
            ("4%以内", "4", "%", {"at-most"}),
        ],
    ),
    ("增长８％，下降−11.9%", [("８％", "8", "%", set()), ("−11.9%", "-11.9", "%", set())]),
    ("投资1,200亿元", [("1,200亿元", "120000000000", "元", set())]),
    ("PM2.5浓度下降10%", [("10%", "10", "%", set())]),
    ("新建5G基站3000个", [("3000个", "3000", "个", set())]),
    (
        "节约用水3000吨，签约50个项目",
        [("3000吨", "3000", "吨", set()), ("50个", "50", "个", set())],
    ),
    ("约50个项目，最近3年", [("约50个", "50", "个", {"about"}), ("3年", "36", "个月", set())]),
    (
        "超万人参加，近万户受益",
        [("超万人", "10000", "人", {"more-than"}), ("近万户", "10000", "户", {"just-under"})],
    ),
    (
        "百分之八十的村，三千瓦的机组",
        [("百分之八十", "80", "%", set()), ("三千瓦", "3", "千瓦", set())],
    ),
    (
        "提前3个多月完成，万余人参加",
        [("3个多月", "3", "个月", {"more-than"}), ("万余人", "10000", "人", {"more-than"})],
    ),
    (
        "引进企业超过60家，年均增长7.9%",
        [("超过60家", "60", "家", {"more-than"}), ("7.9%", "7.9", "%", set())],
    ),
]

NOTHING = [
    "——2017年2月16日在包头市第十四届人民代表大会第五次会议上",
    "——2025年1月5日在包头市第十六届人民代表大会第五次会议上",
    "三次产业结构优化为2.5:47.1:50.4。",
    "认真开展“两学一做”学习教育",
    "商事登记实施“六证合一、一照一码”和个体工商户“两证整合”",
    "树立全市“一盘棋”思想，努力把包头打造成为“一带一路”的重要节点城市",
    "推动无水港口岸实现手续办理“一站式”服务，实现全市“一张图”管控",
    "扎实推进“三去一降一补”，采取“一制一档”模式",
    "加快五当召5A级景区创建",
    "落实“中国制造2025”，培育更多“百年企业”“百年老店”",
    "办好第18届中国绿色食品博览会、第4届中国・包头国际牛羊肉产业大会",
    "以优异成绩迎接自治区成立70周年和党的十九大胜利召开",
    "全面贯彻落实党的十八大和十八届三中、四中、五中、六中全会精神",
    "按照自治区党委十届二次全会和市委十二届二次全会的部署要求",
    "拆除包钢2号高炉，开工建设地铁1号线、2号线一期工程",
    "争取千万千瓦级风电基地通过国家批复",
    "一件一件事情盯，一步一个脚印走，一天赶着一天干",
    "电视剧《安居》在央视一套黄金时间播出",
    "引进中牧、中粮、中农批等一批国内知名企业，制定一系列政策措施，一大批项目",
    "深入实施“七大行动”，加快建设“3+5+N”重点产业集群",
    "推动教育、医疗、文化“三个高地”建设，坚定拥护“两个确立”",
    "推动国道210线白固段公路，启动210国道城区瓶颈路段改造",
    "确保林南平房区安置房9月底前建成交付",
    "落实按病种分值付费目录库 2.0 版",
    "遵守中央八项规定精神",
    "深入贯彻党的二十大和二十届二中、三中全会精神",
    "全面落实市委一号文件部署，打造“包棉1958”、“大发1913”等主题项目",
    "领跑全国百强城市，千方百计化不利为有利",
    "保持两位数增长，每年增长三位数",
    "风电整机零部件本地配套率，千家万户",
    "数十个项目，几百家企业",
    "二〇一八年，国家一级博物馆，全市上下",
    "统一、唯一、之一，万众一心，90后，第三代核电",
    "下午3:30开会，2017/2/16，从2016年到2020年，2016-2020年",
    "建成5G网络，其中一二级重度残疾人",
    "新开工亿元以上产业类项目，每万元GDP能耗",
    "打造“15分钟生活圈”",
    "全年商品房销售套数",
]


def _spans(sentence: str, expected: Expected) -> list[tuple[int, int, str, str, frozenset[str]]]:
    spans, pos = [], 0
    for text, value, unit, qualifiers in expected:
        start = sentence.index(text, pos)
        pos = start + len(text)
        spans.append((start, pos, value, unit, frozenset(qualifiers)))
    return spans


@pytest.mark.parametrize(
    ("sentence", "expected"), GOLDEN, ids=lambda x: x if isinstance(x, str) else ""
)
def test_golden(sentence: str, expected: Expected) -> None:
    found = [
        (start, end, str(q.value), q.unit, q.qualifiers)
        for start, end, q in iter_quantities(sentence)
    ]
    assert [(s, e, Decimal(v), u, q) for s, e, v, u, q in found] == [
        (s, e, Decimal(v), u, q) for s, e, v, u, q in _spans(sentence, expected)
    ]


def test_three_years_is_a_quantity() -> None:
    found = [q.text for _, _, q in iter_quantities("年内实现所有国贫人口稳定脱贫，三年行动方案")]
    assert found == ["三年"]


@pytest.mark.parametrize("sentence", NOTHING)
def test_not_quantities(sentence: str) -> None:
    assert [q.text for _, _, q in iter_quantities(sentence)] == []


def test_quantity_text_is_the_span() -> None:
    sentence = "增长８％以上，近600亿元"
    for start, end, quantity in iter_quantities(sentence):
        assert quantity.text == sentence[start:end]


def _seed_lines() -> list[str]:
    first = (SEEDS / "000_b64753ee75fd97df.txt").read_text(encoding="utf-8")
    first = first[: len(first) // 8]  # the file holds the same report eight times
    second = (SEEDS / "003_f70d05a2e53d4ccd.txt").read_text(encoding="utf-8")
    return [normalize(line) for line in (first + second).splitlines()]


def test_seed_spans_are_ordered_and_never_dates_or_names() -> None:
    found = []
    for line in _seed_lines():
        previous_end = 0
        for start, end, quantity in iter_quantities(line):
            assert previous_end <= start < end <= len(line)
            previous_end = end
            found.append(quantity.text)
    assert len(found) > 350
    for text in found:
        assert not text.endswith(("年", "月", "日", "届", "号")) or text in {
            "三年",
            "近十年",
            "52个月",
        }
    for name in ("2017年", "2016年", "2015年", "2025年", "2024年", "1400", "2025", "1958", "1913"):
        assert name not in found


def test_seed_headline_outcomes_are_found() -> None:
    found = {q.text for line in _seed_lines() for _, _, q in iter_quantities(line)}
    assert {"3867.6亿元", "2955.8亿元", "1400.2亿元", "271.2亿元", "3.89%", "4.2万人"} <= found
    assert {"8.03%", "14%以上", "20%以上", "4.5%以上", "4%以上", "5%以上", "5000亿元左右"} <= found


def test_thirty_thousand_characters_are_fast() -> None:
    text = "".join(_seed_lines())[:30000]
    best = float("inf")
    for _ in range(5):
        started = time.perf_counter()
        count = sum(1 for _ in iter_quantities(text))
        best = min(best, time.perf_counter() - started)
    assert count > 300
    # About 6 ms on a slow shared runner; the bound is loose to catch quadratic behaviour
    # without failing on a loaded CI machine.
    assert best < 0.05
