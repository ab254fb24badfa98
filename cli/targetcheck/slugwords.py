"""English words for the nouns of report commitments, to suggest indicator slugs.

Slugs are lower-case ASCII (`base-stations`, `new-urban-jobs`) so that ids read the same in
every tool; `targetcheck scan` suggests one for a commitment no known indicator names by looking
up the nouns next to its quantity here (`新建基站1200座` → `base-stations`). A noun missing here
gives a slug from the unit and the line, which the curator renames. Longest words win
(`规上工业企业` before `企业`).
"""

from __future__ import annotations

WORDS: dict[str, str] = {
    # economy, investment, output
    "地区生产总值": "gdp", "经济总量": "gdp", "经济增长": "growth", "固定资产投资": "fai", "民间投资": "private-investment",
    "到位资金": "funds-in-place", "招商引资": "investment-attraction", "总投资": "total-investment", "投资": "investment",
    "产值": "output", "增加值": "value-added", "营业收入": "revenue", "税收": "tax", "一般公共预算收入": "revenue",
    "消费": "consumption", "社会消费品零售总额": "retail", "进出口": "trade", "外贸": "trade",
    "比重": "share", "占比": "share", "集中度": "concentration", "转化率": "conversion-rate", "配套率": "local-supply-rate",
    "利用率": "utilisation-rate", "覆盖率": "coverage", "强度": "intensity", "规模": "scale", "基金": "fund",
    "子基金": "sub-funds", "产能": "capacity", "产量": "production", "过货量": "freight", "货运量": "freight",
    # industry
    "规上工业企业": "industrial-firms", "规上企业": "industrial-firms", "工业企业": "industrial-firms",
    "企业": "firms", "龙头企业": "leading-firms", "领军企业": "leading-firms", "领军型企业": "leading-firms",
    "瞪羚企业": "gazelle-firms", "高新技术企业": "high-tech-firms", "科技型中小企业": "tech-smes", "中小企业": "smes",
    "专精特新": "specialised", "绿色工厂": "green-factories", "物流企业": "logistics-firms", "合作社": "cooperatives",
    "钢铁": "steel", "有色": "nonferrous", "铝": "aluminium", "稀土": "rare-earth", "新材料": "new-materials",
    "光伏": "solar", "风电": "wind-power", "整机": "turbines", "零部件": "components", "储能": "storage",
    "并网": "grid-connection", "新能源": "new-energy", "装备": "equipment", "数控设备": "cnc-machines",
    "大数据": "big-data", "产业集群": "cluster", "产业": "industry", "园区": "parks-zones", "商标": "trademarks",
    "认证产品": "certified-products", "展会": "fairs", "旅游": "tourism", "旅游人数": "tourists",
    "旅游收入": "tourism-revenue", "物业服务项目": "property-services", "农畜产品": "farm-produce",
    "经济林": "economic-forest", "标煤": "coal-equivalent", "节能": "energy-saving",
    # projects
    "重大项目": "major-projects", "重点项目": "key-projects", "产业类项目": "industrial-projects",
    "项目": "projects", "工程": "works", "投产": "in-production", "新开工": "new-starts", "竣工": "completed",
    "技术突破": "breakthroughs", "科技成果转化": "tech-transfer", "成果转化": "tech-transfer", "科技项目": "tech-projects",
    "技术成果": "technologies", "中试线": "pilot-lines", "示范线": "pilot-lines",
    # innovation, people
    "研发投入": "rnd", "研发": "rnd", "R&D": "rnd", "经费支出": "spending", "实验室": "labs", "创新平台": "innovation-platforms",
    "院士工作站": "academician-stations", "众创空间": "maker-spaces", "科研院校": "research-partners",
    "风险投资基金": "venture-funds", "天使投资基金": "angel-funds", "人才": "talent", "专技人才": "professionals",
    "高技能人才": "skilled-workers", "技能培训": "skills-training", "创业培训": "startup-training", "培训": "training",
    "就业": "jobs", "城镇就业": "urban-jobs", "大学生": "graduates", "转移就业": "rural-migrant-jobs", "农牧民": "farmers",
    "人口": "population", "人次": "visits", "出入境": "border-crossings",
    # infrastructure
    "基站": "base-stations", "光缆": "fibre-cable", "带宽": "bandwidth", "光纤": "fibre", "行政村": "villages",
    "高速公路": "expressways", "公路": "roads", "油路": "paved-roads", "旅游公路": "tourist-roads", "农村公路": "rural-roads",
    "道路": "roads", "铁路": "railway", "铁路网": "rail-network", "公路网": "road-network", "航空网": "air-network",
    "水利网": "water-network", "市政网": "municipal-network", "能源网": "energy-network", "信息通信网": "telecom-network",
    "地下综合管廊": "utility-tunnels", "管廊": "utility-tunnels", "供热管网": "heating-pipes", "管网": "pipes",
    "燃气管道": "gas-pipes", "室内燃气": "indoor-gas", "燃气": "gas", "天然气": "natural-gas", "供给能力": "supply-capacity",
    "直饮水": "drinking-water", "口岸": "port", "景观街": "streets", "街巷": "alleys", "变电站": "substations",
    # livelihood, city
    "棚户区": "shanty-towns", "老旧小区": "old-estates", "保交房": "delivered-homes", "房屋": "homes", "住房": "housing",
    "闲置房产": "idle-property", "土地": "land", "学校": "schools", "中小学": "schools", "幼儿园": "kindergartens",
    "医院": "hospitals", "工作室": "studios", "名医名师": "master-doctors", "院落": "courtyards", "公园": "parks",
    "绿地": "green-space", "示范村": "model-villages", "示范基地": "demonstration-bases", "追溯点": "tracing-points",
    "追溯试点": "tracing-pilots", "环卫设施": "sanitation", "建筑垃圾": "construction-waste", "垃圾": "waste",
    "文化产业": "culture-industry", "连冠": "titles-in-a-row", "文明城市": "civilised-city", "双拥": "army-civilian-model",
    "停车位": "parking-spaces", "充电桩": "chargers", "照料中心": "day-care-centres", "照护中心": "care-centres",
    "市场主体": "market-entities", "学位": "school-places", "床位": "beds", "养老床位": "elderly-care-beds",
    "班列": "freight-trains", "高标准农田": "high-standard-farmland", "专科": "specialties", "民生实事": "public-service-pledges",
    "优良天数": "good-air-days", "公交车": "buses", "家庭医生": "family-doctors", "粮食": "grain", "煤炭": "coal",
    "5G": "5g", "污水处理率": "sewage-treatment-rate", "造林种草": "afforestation", "职业技能培训": "skills-training",
    # environment
    "林业": "forestry", "绿化": "greening", "造林": "afforestation", "三北": "three-north", "大气污染": "air-pollution",
    "污水": "sewage", "土壤": "soil", "治沙": "desertification", "生态": "ecology", "碳": "carbon", "节能改造": "energy-retrofits",
}

# Unit families, for a slug when no noun is known (`count-l99`).
UNIT_WORDS: dict[str, str] = {
    "元": "amount", "%": "percent", "个百分点": "points", "人": "people", "人次": "visits", "吨": "tonnes",
    "公里": "km", "米": "metres", "平方米": "sqm", "公顷": "hectares", "亩": "mu", "千瓦": "kw", "千瓦时": "kwh",
    "立方米": "cubic-metres",
}


def slug_words(name: str, limit: int = 3) -> list[str]:
    """English words for the known nouns in `name`, in reading order, longest match first."""
    found: list[tuple[int, str]] = []
    taken = [False] * len(name)
    for word in sorted(WORDS, key=len, reverse=True):
        start = name.find(word)
        while start != -1:
            if not any(taken[start : start + len(word)]):
                found.append((start, WORDS[word]))
                for k in range(start, start + len(word)):
                    taken[k] = True
            start = name.find(word, start + 1)
    words: list[str] = []
    for _pos, english in sorted(found):
        if english not in words:
            words.append(english)
    return words[-limit:]
