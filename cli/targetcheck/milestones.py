"""Reading what a later report says of a milestone (`开工建设地铁1号线、2号线一期工程`).

Milestones (`开工建设地铁1号线、2号线一期工程`) name one or more objects; each alias of a
milestone names one object (variants of one name go inside one regex as an alternation). An
object is reported done, not done (`暂缓`, `未能如期`, `尚未开工`, `推迟`), only partly done
(`基本完工`, `主体工程完工` when the target said `建成`), only under way (`正在建设`, `仍在洽谈`),
or not at all. The clause that names the object is read together with the clauses that go on
about it without a subject of their own (`包银高铁可行性研究报告已上报国家审批，开工建设未能如期实现`).
What the target asks for in numbers is checked too: a count, all of something, a deadline
(`剩余15个院落完成保护利用9个`, `覆盖率达到92%` for `全覆盖`, `于11月建成交付` for `9月底前`), and a
later year is a delay (`并网延至2026年`).

Kept apart from the figures (`outcomes.py`): the candidates and their judging are shared, the
reading of states (done, not done, partial, under way, late) is not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from targetcheck.errors import QuantityError
from targetcheck.indicators import Alias, Indicator
from targetcheck.lazyregex import lazy
from targetcheck.outcomes import (
    _ANCHORS,
    Candidate,
    Finding,
    ObjectOutcome,
    _clause_at,
    _Found,
    _judge_candidate,
    _Shifted,
)
from targetcheck.quantity import Quantity, iter_quantities
from targetcheck.reader import Report
from targetcheck.reader.sentences import clause_bounds
from targetcheck.textnorm import normalize
from targetcheck.units import kind

# Words that report a milestone done, by the kind of milestone the target's verb names.
_DONE_WORDS = {
    "开工": r"开工|开建|动工|开钻|在建|施工|建设(?:全面)?铺开|建成|竣工|完工|投运|通车|启动建设",
    "启动": r"启动|开工|开建|动工|实施|开展|挂牌|揭牌|运行|建成|落地",
    # `建设…`: under way is what was promised, and so is anything later (`主线贯通`, `挂牌运行`).
    "建设": r"建设|开工|在建|施工|铺开|贯通|完工|建成|竣工|投运|投入使用|投用|启用|挂牌|揭牌|成立|运行|运营|落地",
    "建成": r"建成|竣工|完工|投运|投入使用|投入运营|投入运行|投用|启用|通车|交付|开通|运营|运行|落成|并网|投产|"
    r"全面完成|全部完成|完成(?!.{0,6}(?:主体|跑道|核准|审批|前期|选址|立项))|通过[^，；。]{0,8}验收|开街|开园|开馆",
    "投运": r"投运|投入运行|投入运营|投入使用|投产|并网|运营|运行|发电",
    "验收": r"通过[^，；。]{0,20}?(?:验收|评估|认定|评审|考核)|验收合格",
    "摘帽": r"摘帽|退出贫困(?:县|旗县)|脱贫退出",
    "开通": r"开通|通航|通车|开行|运行",
    "获批": r"获批|批复|获得批准|获国家批准|核准|同意",
    "创建": r"成功创建|创建成功|获批|获评|被评为|被命名|命名为|入选|晋升|成为|荣获|授予|通过[^，；。]{0,12}?(?:验收|评估|认定)|成功",
    "组建": r"组建|设立|成立|挂牌|揭牌|开业|注册|运营|运行",
    "完成": r"完成|竣工|完工|建成|清零",
    "实现": r"实现|全覆盖|全部|全面(?:完成|推行|实施|建成)",
    "举办": r"举办|召开|举行",
    "满产": r"满产|达产|达效",
}
_FAMILY_OF = (
    ("开工", "开工"), ("动工", "开工"), ("启动", "启动"), ("验收", "验收"), ("评估", "验收"), ("摘帽", "摘帽"),
    ("开通", "开通"), ("获批", "获批"), ("批复", "获批"), ("创建", "创建"), ("争创", "创建"), ("组建", "组建"),
    ("设立", "组建"), ("成立", "组建"), ("共建", "组建"), ("投运", "投运"), ("投产", "投运"), ("并网", "投运"),
    ("运营", "投运"), ("满产", "满产"), ("达产", "满产"), ("举办", "举办"), ("办好", "举办"), ("建成", "建成"),
    ("竣工", "建成"), ("完工", "建成"), ("交付", "建成"), ("通车", "建成"), ("完成", "完成"), ("实现", "实现"),
    ("建设", "建设"), ("新建", "建成"), ("开展", "启动"), ("推行", "启动"),
)
# Target verbs that ask for a finished state: an earlier stage reported for them (`已开工`,
# `开工建设`, `在建`) means under way, not done; a stage short of acceptance or operation
# (`完成静态验收`, `联调联试`, `试运行`) means partly done.
_COMPLETION_FAMILIES = ("建成", "投运", "开通", "验收", "满产", "完成")
_EARLIER_STAGE = lazy(r"开工|动工|开建|在建|(?<!完成)施工|开钻")
_SHORT_OF_ACCEPTANCE = lazy(r"(?:静态|初步|预|阶段性)验收|联调联试|试运行|试生产|试投产")
# A clause that goes on to say how far the object got (`…，开工建设未能如期实现`,
# `…，尚不具备通行条件`, `…，较计划推迟一个多月`), rather than report another figure
# (`…，全年引进…14项`).
_STATUS_CONTINUES = lazy(
    r"^(?:尚|仍|未|但|并|已|正在|目前|计划|将|待|推迟|暂缓|延期|主体|全面|基本|部分|具备|开工|建设|建成|投入|"
    r"开通|通过|较|比计划|实现|完成|进入|取得|竣工|完工|投运|投产|并网|交付|(?:静态|动态|竣工)?验收)"
)
_CAUSE = lazy(r"^(?:受|因|由于)")
_CAUSE_INSIDE = lazy(r"(?:受|因|由于)[^，；。]{1,16}(?:影响|制约|原因)$")
_NOT_DONE = lazy(
    r"未能|尚未|尚不|没有|(?<!批而)未(?!来|成年)|不具备|暂缓|停建|停工|缓建|推迟|延期|延迟|延至|延后|顺延|搁置|暂停|取消|滞后|"
    r"落空|不及预期|转入(?:明年|下一?年|\d{4}年)"
)
_DELAYED = lazy(r"推迟|延期|延迟|延至|延后|顺延|滞后|较计划|转入")
# A year named in the outcome (`并网延至2026年`, `转入2026年实施`, `2026年上半年建成`): when it is
# after the target's year, the milestone moved to that year: not done in time.
_NAMED_YEAR = lazy(r"(?<![比较由从])(?<!\d)(\d{4})年")
_POSTPONED = lazy(r"暂缓|停建|停工|缓建|搁置|暂停|取消")
_PARTIAL_DONE = lazy(
    r"基本(?:完成|完工|建成|实现|具备|贯通)|部分(?:建成|完成|投产|投运|开通|完工)|主体(?:工程)?(?:完工|完成|建成|封顶)|"
    r"完成[^，；。]{0,6}主体(?:工程)?|完成跑道|一期(?:建成|完工|投运)"
)
_FUTURE = lazy(r"(?:计划|拟|将于|将在|准备|力争|争取|有望|预计)[^，；。]{0,6}$")
_IN_PROGRESS = lazy(
    r"计划|拟于|准备|推进|加快|前期|筹备|筹建|正在|仍在|有序|积极|谋划|争取|开展|洽谈|申请|上报|报批|待批|审批|评估检查|进行中|启动了?前期"
)


def alias_label(pattern: str) -> str:
    """A readable name for an alias: `土右(?:旗)?新型工业园区铁路` → 土右新型工业园区铁路,
    `包银高(?:速)?铁(?:路)?|包头至银川高(?:速)?铁(?:路)?` → 包银高铁."""
    text, previous = pattern, None
    while previous != text:
        previous = text
        text = re.sub(r"\(\?<?[=!][^()]*\)", "", text)  # lookarounds
        text = re.sub(r"\(\?:[^()]*\)[?*]\??", "", text)  # optional groups
        text = re.sub(r"\(\?:([^()|]*)(?:\|[^()]*)?\)", r"\1", text)  # a group: its first alternative
    text = text.split("|")[0]
    text = re.sub(r"\[\^[^\]]*\]\{\d*,?\d*\}\??", "…", text)
    text = re.sub(r"[?*+]|\{\d*,?\d*\}", "", text)
    return text.replace("\\", "") or pattern


def milestone_family(verb: str) -> str:
    """The kind of milestone a target's verb names (`开工建设` → 开工, `建成投运` → 投运,
    `通过…验收` → 验收 …); it decides which words report it done."""
    for word, family in _FAMILY_OF:
        if word in verb:
            return family
    if re.search(r"通过.*验收", verb):
        return "验收"
    return "建成"


def find_milestone(
    report: Report, year: int, indicator: Indicator, objects: tuple[Alias, ...], verb: str, wording: str
) -> Finding:
    wording = normalize(wording)
    # A target without a verb of its own (`开展…试点`, `推进…保护利用`) is read as `建成` unless its
    # wording names another kind (`开展`: started is done).
    family = milestone_family(verb if verb in wording else wording)
    done_pattern = _DONE_WORDS[family]
    if indicator.done:
        done_pattern += "|" + "|".join(indicator.done)
    done_re = re.compile(done_pattern)
    exclude = re.compile(indicator.exclude) if indicator.exclude else None
    compiled = [_tolerant(alias.pattern) for alias in objects]
    terms = _MilestoneTerms(family, wording, year, done_re)
    parts = _parts(wording, compiled) if len(objects) == 1 else ()
    candidates: list[Candidate] = []
    per_object: list[list[Candidate]] = [[] for _ in objects]
    named = None if any(_ANCHORS.search(alias.pattern) for alias in objects) else {
        p.index for p in report.paragraphs if any(pattern.search(p.text) for pattern in compiled)
    }
    for item in report.items:
        if named is not None and item.paragraph not in named:
            continue
        if exclude is not None and exclude.search(item.text):
            continue
        matches = [(k, m) for k, pattern in enumerate(compiled) for m in pattern.finditer(item.text)]
        if not matches:
            continue
        starts = sorted({m.start() for _, m in matches})
        for k, match in matches:
            following = [s for s in starts if s >= match.end()]
            found = _milestone_scope(item.text, match, following[0] if following else None, terms)
            if found is None:
                continue
            label = alias_label(objects[k].pattern)
            candidate = replace(_judge_candidate(item, found, report, year), object=label)
            candidates.append(candidate)
            per_object[k].append(candidate)
            # `奥林匹克公园乒羽馆、网球馆建成，游泳馆主体完工`: a part the target lists, reported short of
            # done elsewhere in the item, leaves the object short of done too.
            for part_found, part in _parts_short_of_done(item.text, found, parts, terms):
                short = replace(_judge_candidate(item, part_found, report, year), object=f"{label} ({part})")
                candidates.append(short)
                per_object[k].append(short)
    outcomes = tuple(
        ObjectOutcome(alias_label(alias.pattern), _object_state(found)) for alias, found in zip(objects, per_object, strict=True)
    )
    return Finding(_milestone_choice(outcomes), tuple(candidates), outcomes)


@dataclass(frozen=True)
class _MilestoneTerms:
    """What a milestone target asks for: the kind of verb, its words, its year, its done words."""

    family: str
    wording: str
    year: int
    done_re: re.Pattern[str]


# Head nouns of names (`文化旅游集团`): a report may insert a word or two before them
# (`文化旅游投资集团有限公司`) without naming anything else.
_HEAD_NOUNS = ("集团", "公司", "中心", "基地", "园区", "产业园", "项目", "工程", "平台", "基金", "实验室", "示范区", "学校", "医院")
# (A negated class of punctuation compiles much faster than the range of Chinese characters.)
_NAME_GAP = r"[^\s\d，,；;。.：:、！!？?（）()“”\"]{0,4}?"
_REGEX_SYNTAX = lazy(r"[\\.^$*+?{}\[\]()|]")


def _tolerant(pattern: str) -> re.Pattern[str]:
    """A milestone object's alias, tolerant of a few characters inserted before the head noun of a
    plain name: `文化旅游集团|文旅集团` also matches `文化旅游投资集团`. Only aliases made of plain
    names (alternatives without regex syntax) are widened; the gap holds no punctuation or digit,
    so it never reaches across a clause."""
    alternatives = pattern.split("|")
    if not all(alt and not _REGEX_SYNTAX.search(alt) for alt in alternatives):
        return Alias(pattern).compiled()
    widened = []
    for alt in alternatives:
        head = next((h for h in _HEAD_NOUNS if alt.endswith(h) and len(alt) - len(h) >= 2), None)
        widened.append(alt if head is None else re.escape(alt[: -len(head)]) + _NAME_GAP + re.escape(head))
    return Alias("|".join(widened)).compiled()


_PART_SPLIT = lazy(r"[、，和及与]")
_PART_TAIL = lazy(r"等.*$")


def _parts(wording: str, compiled: list[re.Pattern[str]]) -> tuple[str, ...]:
    """The parts a one-object target lists (`建成奥林匹克公园乒羽馆、网球馆、游泳馆及广场…等项目`:
    乒羽馆, 网球馆, 游泳馆 …; `推动卧龙、通威、蒙能、蒙西新能源等…项目建成投运`: 卧龙 … 蒙西新能源),
    without the object's own name. Empty unless the wording lists two or more."""
    from targetcheck.wording import MILESTONE_VERBS

    text = wording
    for verb in sorted(MILESTONE_VERBS, key=len, reverse=True):
        text = text.replace(verb, "、")
    pieces = [_PART_TAIL.sub("", p) for p in _PART_SPLIT.split(text)]
    parts = []
    for piece in pieces:
        for pattern in compiled:
            piece = pattern.sub("", piece)
        piece = _PART_LEAD.sub("", piece)
        if len(piece) >= 2 and not _PART_MODIFIER.search(piece):
            parts.append(piece)
    return tuple(dict.fromkeys(parts)) if len(parts) >= 2 else ()


_PART_LEAD = lazy(r"^(?:推动|推进|加快|确保|力争|争取|全面|年内|重大|重点)+")
# What is left of a name once the object's alias is taken out (`国家级`, `一批`) is not a part.
_PART_MODIFIER = lazy(r"(?:级|类|型|批|个|项)$")


def _parts_short_of_done(
    text: str, found: _Found, parts: tuple[str, ...], terms: _MilestoneTerms
) -> list[tuple[_Found, str]]:
    """Parts of the target named in the item outside the object's own scope and reported not
    done, partly done or under way: each as a not-done reading of the object (`partial`)."""
    if not parts or found[5] is False:
        return []
    short: list[tuple[_Found, str]] = []
    for part in parts:
        at = text.find(part)
        while at != -1 and found[0] <= at < found[1]:
            at = text.find(part, at + 1)
        if at == -1:
            continue
        reading = _milestone_scope(text, _Shifted(at, at + len(part)), None, terms)
        if reading is None or reading[5]:
            continue
        qualifiers = ("partial", *(q for q in reading[4] if q not in ("partial", "in-progress")))
        short.append(((reading[0], reading[1], None, None, qualifiers, False), part))
    return short


def _milestone_scope(
    text: str, match: re.Match[str] | _Shifted, next_object: int | None, terms: _MilestoneTerms
) -> _Found | None:
    """Read what the text says of the object `match` names: its clause, and the clauses after it
    that go on about it, up to where the next object of the same target is named."""
    done_re, family, wording = terms.done_re, terms.family, terms.wording
    bounds = clause_bounds(text)
    k = _clause_at(bounds, max(match.start(), match.end() - 1))
    start, end = bounds[k]
    following = bounds[k + 1 :]
    # `东站枢纽受征地拆迁影响，竣工时间调整至2019年`: a cause said of the object leaves its status to
    # the next clause.
    caused = bool(_CAUSE_INSIDE.search(text[max(match.end(), start) : end]))
    for n, (clause_start, clause_end) in enumerate(following):
        if next_object is not None and next_object < clause_end:
            break
        clause = text[clause_start:clause_end]
        if caused and n == 0:
            end = clause_end
            continue
        if _CAUSE.match(clause) and not _NOT_DONE.search(clause):
            # `…，受征地拆迁和工期影响，县县通高速目标未能如期实现`: a cause opens the next subject's
            # clause, unless that clause goes on about this object (`…，因配套线路滞后推迟投运` does).
            after = following[n + 1] if n + 1 < len(following) else None
            if after is None or not _STATUS_CONTINUES.match(text[after[0] : after[1]]):
                break
            continue
        if _CAUSE.match(clause):
            end = clause_end
            continue
        if not _STATUS_CONTINUES.match(clause):
            break
        end = clause_end
    lead = text[start : match.start()] if match.start() >= start else ""
    rest = text[max(match.end(), start) : end]
    scope = text[start:end]
    later = any(int(y) > terms.year for y in _NAMED_YEAR.findall(scope))
    if _NOT_DONE.search(scope) or later:
        qualifiers: tuple[str, ...] = ("not-done",)
        if _POSTPONED.search(scope):
            qualifiers += ("postponed",)
        elif _DELAYED.search(scope) or later:
            qualifiers += ("delayed",)
        return start, end, None, None, qualifiers, False
    partial = _PARTIAL_DONE.search(scope)
    if partial and family not in ("建设", "开工", "启动") and not _said_in_target(partial.group(), wording):
        return start, end, None, None, ("partial",), False
    if family in ("验收", "开通", "投运") and _SHORT_OF_ACCEPTANCE.search(scope):
        return start, end, None, None, ("partial",), False  # `完成静态验收`: short of the acceptance
    short = _short_of_target(scope, wording)
    if short is not None:
        return start, end, None, None, short, False
    if _ALL.search(wording) and (rate := _RATE.search(scope)) and Decimal(rate.group(1)) >= 100:
        return start, end, None, None, (), True  # `覆盖率达到100%` for `全覆盖`
    if family == "建设" and (done_re.search(scope) or _IN_PROGRESS.search(scope)):
        return start, end, None, None, (), True  # `建设…`: under way is what was promised
    # After the object, the last word about it decides: `开通中东班列的工作仍在洽谈` and
    # `退出贫困县的申请已上报自治区，正在开展第三方评估检查` are under way, not done. Done words
    # may stand before the object (`建成X`, `固阳县、达茂旗通过自治区园林县城验收`).
    rest_at = max(match.end(), start) - start
    progress = [m.start() + rest_at for m in _IN_PROGRESS.finditer(rest)]
    if family in _COMPLETION_FAMILIES:
        # `包北主变扩建已开工` for `建成投运`: an earlier stage is under way, not done.
        progress = sorted(progress + [m.start() + rest_at for m in _EARLIER_STAGE.finditer(rest)])
    # `计划今年开工建设`, `拟于年内建成`: a promise again, not a report.
    done = [m.start() for m in done_re.finditer(scope) if not _FUTURE.search(scope[max(0, m.start() - 8) : m.start()])]
    if progress and (not done or progress[-1] > done[-1]):
        return start, end, None, None, ("in-progress",), False
    if done:
        if all(p < len(lead) for p in done) and _IN_PROGRESS.search(lead[-6:]):
            return start, end, None, None, ("in-progress",), False  # `加快建成X`: under way
        return start, end, None, None, (), True
    if _IN_PROGRESS.search(scope):
        return start, end, None, None, ("in-progress",), False
    return None


# What a target asks for in numbers: a count (`剩余15个院落`), all of something (`全覆盖`, `所有`,
# `全部`, `清零`), a deadline (`9月底前`, `上半年`).
_ALL = lazy(r"全覆盖|全部|所有|全面完成|清零|100%")
# `完成85%`, `完成年度任务的85%`: a share of the task done. `98.1%的行政村`: a share of all.
_SHARE_DONE = lazy(
    r"(?:完成|实现)了?(?:[^，；。]{0,8}?(?:任务|目标|计划|工程量|工作量|进度)的)?(\d+(?:\.\d+)?)%|(\d+(?:\.\d+)?)%的"
)
_RATE = lazy(r"(?:率|比例|覆盖面)[^，；。]{0,4}?(?:达到|达|为|提高到|提升到)?(\d+(?:\.\d+)?)%")
_MONTH = r"(\d{1,2}|[一二三四五六七八九十]{1,3})月"
_DEADLINE = lazy(
    r"(?:" + _MONTH + r"(?:底|末|份|中旬|上旬|下旬)?(?:以?前)|(?P<half>上半年|年中)|(?P<q>[一二三])季度(?:末|底)?(?:以?前)?)"
    r"(?=[^，；。、]{0,3}?(?:建成|完成|交付|投运|投用|开通|竣工|通车|投产))"
)
_DONE_MONTH = lazy(r"(?:于|在)?" + _MONTH + r"(?:底|末|份|中旬|上旬|下旬)?(?:全面|顺利|正式)?(?:建成|完成|交付|投运|投用|开通|竣工|通车)")
_CN_MONTHS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10, "十一": 11, "十二": 12}


def _month(text: str) -> int | None:
    value = int(text) if text.isdigit() else _CN_MONTHS.get(text)
    return value if value is not None and 1 <= value <= 12 else None


def _short_of_target(scope: str, wording: str) -> tuple[str, ...] | None:
    """Qualifiers when the outcome falls short of what the target asks for in numbers, else None:
    a done share below 100% (`完成年度任务的85%`), a rate below 100% for a target of all
    (`覆盖率达到92%` for `全覆盖`, `98.1%的行政村通油路` for `所有行政村`), a count done below the
    target's (`剩余15个院落完成保护利用9个` for `15个院落`), or a completion month after the
    target's deadline (`于11月建成交付` for `9月底前`)."""
    for match in _SHARE_DONE.finditer(scope):
        share = Decimal(match.group(1) or match.group(2))
        if share < 100 and (match.group(1) or _ALL.search(wording)):
            return ("partial",)
    if _ALL.search(wording):
        rate = _RATE.search(scope)
        if rate and Decimal(rate.group(1)) < 100:
            return ("partial",)
    wanted = _target_count(wording)
    if wanted is not None:
        done_at = re.search(r"完成|建成|实现|改造|交付", scope)
        if done_at:
            for _start, _end, quantity in iter_quantities(scope[done_at.start() :]):
                if quantity.unit == wanted.unit and quantity.value < wanted.value:
                    return ("partial",)
    deadline = _deadline_month(wording)
    if deadline is not None:
        done_month = _DONE_MONTH.search(scope)
        month = _month(done_month.group(1)) if done_month else None
        if month is not None and month > deadline:
            return ("not-done", "delayed")
    return None


def _target_count(wording: str) -> Quantity | None:
    """The count a milestone's wording names (`剩余15个院落`), if one: None for other amounts."""
    counts = [q for _s, _e, q in iter_quantities(wording) if q.unit and _is_count(q.unit)]
    return counts[0] if len(counts) == 1 else None


def _is_count(unit: str) -> bool:
    try:
        return kind(unit) == "count"
    except QuantityError:
        return False


def _deadline_month(wording: str) -> int | None:
    match = _DEADLINE.search(wording)
    if match is None:
        return None
    if match.group("half"):
        return 6
    if match.group("q"):
        return {"一": 3, "二": 6, "三": 9}[match.group("q")]
    return _month(match.group(1))


def _said_in_target(partial: str, wording: str) -> bool:
    """`基本完成` is the milestone itself when the target says `基本完成…`; `主体工程完工` when it
    says `…主体工程`."""
    return any(word in partial and word in wording for word in ("基本", "主体", "部分", "一期"))


def _object_state(candidates: list[Candidate]) -> Candidate | None:
    """What the report says of one object: not done beats done, done beats under way."""
    usable = [c for c in candidates if c.usable]
    not_done = [c for c in usable if c.done is False and "in-progress" not in c.qualifiers]
    done = [c for c in usable if c.done]
    in_progress = [c for c in usable if c.done is False]
    best = not_done or done or in_progress
    return best[0] if best else None


def _milestone_choice(outcomes: tuple[ObjectOutcome, ...]) -> Candidate | None:
    """The candidate that decides a milestone: an object not done, else (all objects done) the
    first; None when some object is not reported."""
    states = [o.candidate for o in outcomes]
    failing = [c for c in states if c is not None and not c.done]
    if failing:
        return failing[0]
    if states and all(c is not None for c in states):
        return states[0]
    return None


__all__ = ["alias_label", "find_milestone", "milestone_family"]
