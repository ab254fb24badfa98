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

import dataclasses
import functools
import re
from dataclasses import dataclass
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
from targetcheck.reader.sentences import Item, clause_bounds
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
    r"^(?:尚|仍|未|但|并|已|正在|目前|计划|将|待|推迟|暂缓|延期|主体|全面|全线|整体|基本|部分|具备|开工|建设|建成|投入|"
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


@dataclass(frozen=True)
class MilestoneCandidate(Candidate):
    """A milestone's candidate. `under_way`: reported done in the sense of a target that asks for
    work to be carried out (`建设…`, `实施…等项目`) while the object itself is not finished
    (`开工建设`, `主体封顶`): the verdict counts it done, the notes say it is under way."""

    under_way: bool = False


def find_milestone(
    report: Report, year: int, indicator: Indicator, objects: tuple[Alias, ...], verb: str, wording: str
) -> Finding:
    wording = normalize(wording)
    family = target_family(verb, wording)
    done_pattern = _DONE_WORDS[family]
    if indicator.done:
        done_pattern += "|" + "|".join(indicator.done)
    done_re = re.compile(done_pattern)
    exclude = re.compile(indicator.exclude) if indicator.exclude else None
    compiled = [_tolerant(alias.pattern) for alias in objects]
    labels = [alias_label(alias.pattern) for alias in objects]
    terms = _MilestoneTerms(family, wording, year, done_re, _stage_matters(family, wording))
    parts = _parts(wording, compiled) if len(objects) == 1 else ()
    candidates: list[Candidate] = []
    per_object: list[list[Candidate]] = [[] for _ in objects]
    named = None if any(_ANCHORS.search(alias.pattern) for alias in objects) else {
        p.index for p in report.paragraphs if _may_name(p.text, compiled, labels)
    }
    for item in report.items:
        if named is not None and item.paragraph not in named:
            continue
        if exclude is not None and exclude.search(item.text):
            continue
        # `通了油路`, `建成了`: the aspect particle is read past (offsets map back to the item).
        text, back = _without_particles(item.text)
        matches: list[tuple[int, re.Match[str] | _Shifted]] = [
            (k, m) for k, pattern in enumerate(compiled) for m in pattern.finditer(text)
        ]
        matched = {k for k, _m in matches}
        if len(matched) < len(compiled):
            matches += _coordinated(text, [(k, compiled[k]) for k in range(len(compiled)) if k not in matched])
        if not matches:
            continue
        starts = sorted({m.start() for _, m in matches})
        for k, match in matches:
            following = [s for s in starts if s >= match.end()]
            found = _milestone_scope(text, match, following[0] if following else None, terms)
            if found is None:
                continue
            label = labels[k]
            candidate = _milestone_candidate(item, _mapped(found, back), report, year, label)
            candidates.append(candidate)
            per_object[k].append(candidate)
            # `奥林匹克公园乒羽馆、网球馆建成，游泳馆主体完工`: a part the target lists, reported short of
            # done elsewhere in the item, leaves the object short of done too.
            for part_found, part in _parts_short_of_done(text, found, parts, terms):
                short = _milestone_candidate(item, _mapped(part_found, back), report, year, f"{label} ({part})")
                candidates.append(short)
                per_object[k].append(short)
    outcomes = tuple(ObjectOutcome(label, _object_state(found)) for label, found in zip(labels, per_object, strict=True))
    return Finding(_milestone_choice(outcomes), tuple(candidates), outcomes)


def _milestone_candidate(item: Item, found: _Found, report: Report, year: int, label: str) -> MilestoneCandidate:
    under_way = _UNDER_WAY in found[4]
    if under_way:
        found = (*found[:4], tuple(q for q in found[4] if q != _UNDER_WAY), found[5])
    judged = _judge_candidate(item, found, report, year)
    fields = {f.name: getattr(judged, f.name) for f in dataclasses.fields(Candidate)}
    return MilestoneCandidate(**{**fields, "object": label}, under_way=under_way)


# Verbs that ask for work to be carried out (`大力实施…等项目`, `重点推进…深加工项目`,
# `实施…新建改建项目`), not for a finished state: judged like `建设…`, unless the wording also names a verb of its
# own (`推进…项目建成投运` stays strict). `实施计划`, `实施方案` are nouns.
_CARRY_OUT = lazy(r"(?:实施|推进)(?!计划|方案|意见|办法|细则|规划|纲要)")
# What a project is (`新建改建项目`), not what is to be done with it.
_PROJECT_KIND = ("新建",)


def target_family(verb: str, wording: str) -> str:
    """The kind of milestone a target is, from its verb and wording: a target without a verb of
    its own (`开展…试点`) is read as `建成` unless its wording names another kind (`开展`: started
    is done); `实施…`/`推进…` with no other verb is carried out, like `建设…`."""
    if _CARRY_OUT.search(wording) and not any(
        word in wording for word, _family in _FAMILY_OF if word not in _PROJECT_KIND
    ) and not re.search(r"通过.*验收", wording):
        return "建设"
    return milestone_family(verb if verb in wording else wording)


# The aspect particle after a verb (`通了油路`, `建成了`, `实现了`), not in `为了`, `除了`, `了解`.
_PARTICLE = lazy(r"(?<=[\u4e00-\u9fff])(?<![为除罢得不好])了(?![解结却如望])")


@functools.lru_cache(maxsize=4096)
def _without_particles(text: str) -> tuple[str, tuple[int, ...] | None]:
    """`text` without aspect particles, and for each of its characters the offset in `text`
    (None when nothing was taken out). Every milestone target reads the same paragraphs and items
    of a report, so each text is stripped once."""
    cuts = {m.start() for m in _PARTICLE.finditer(text)} if "了" in text else None
    if not cuts:
        return text, None
    return _PARTICLE.sub("", text), (*(i for i in range(len(text)) if i not in cuts), len(text))


def _mapped(found: _Found, back: tuple[int, ...] | None) -> _Found:
    if back is None:
        return found
    start, end = found[0], found[1]
    return (back[start], back[end - 1] + 1 if end > start else back[start], *found[2:])  # type: ignore[return-value]


def _may_name(text: str, compiled: list[re.Pattern[str]], labels: list[str]) -> bool:
    """May a paragraph name one of the objects? Its alias matches (also past an aspect particle),
    or it lists names sharing a head noun (`石拐、达茂通用机场`) and holds the start of a label."""
    if any(pattern.search(text) for pattern in compiled):
        return True
    if "了" in text:
        plain, _back = _without_particles(text)
        if plain != text and any(pattern.search(plain) for pattern in compiled):
            return True
    return "、" in text and any(len(label) >= 2 and "…" not in label[:2] and label[:2] in text for label in labels)


@dataclass(frozen=True)
class _MilestoneTerms:
    """What a milestone target asks for: the kind of verb, its words, its year, its done words."""

    family: str
    wording: str
    year: int
    done_re: re.Pattern[str]
    stages: bool = False  # an early stage (`完成选址论证`, `完成可行性研究`) is short of this target


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
        if head is not None:
            widened.append(re.escape(alt[: -len(head)]) + _NAME_GAP + re.escape(head))
            continue
        # `西郊变电站` also in `西郊220千伏变电站`, `东山10万吨污水处理厂`: a rating before the head noun.
        shared = next((h for h in _SHARED_HEADS_LONGEST if alt.endswith(h) and len(alt) - len(h) >= 2), None)
        if shared is not None and len(shared) >= 2 and not _SPEC_TAIL.search(alt[: -len(shared)]):
            widened.append(re.escape(alt[: -len(shared)]) + "(?:" + _SPEC + ")?" + re.escape(shared))
            continue
        widened.append(alt)
    return Alias("|".join(widened)).compiled()


# Head nouns a list of names may share (`石拐、达茂通用机场`, `托县至东河、满都拉口岸至白云等一级公路`).
# The longest that ends the last name is taken (`通用机场`, not `机场`).
_SHARED_HEADS = (*_HEAD_NOUNS, "机场", "通用机场", "铁路", "公路", "一级公路", "高速公路", "大桥", "隧道", "枢纽", "水库",
                 "电站", "变电站", "场馆", "体育场", "体育馆", "图书馆", "博物馆", "小学", "中学", "幼儿园", "厂",
                 "污水处理厂", "水厂", "港", "站", "线")
_SHARED_HEADS_LONGEST = tuple(sorted(_SHARED_HEADS, key=len, reverse=True))
_MAX_BARE_NAME = 6
_HEAD_COUNT = lazy(r"^[一二两三四五六七八九十\d]+[座个条家所项处]")
# What may stand between the last name of a list and the head noun the names share: a rating or
# size (`220千伏`, `110kV`, `10万吨`, `一级`), which every name shares, or a count of the list
# (`两座`, `2座`), which none carries.
_NUMERAL = r"(?:\d{1,6}(?:\.\d{1,3})?|[一二两三四五六七八九十百千万]{1,5})"
_RATING = (
    _NUMERAL + r"(?:千伏|kV|KV|kv|万千伏安|千伏安|万千瓦|千瓦|兆瓦|MW|万吨|吨|万立方米|立方米|万平方米|平方米|公里|千米|米|床)"
    r"|[一二三四特甲乙]级"
)
_COUNT = _NUMERAL + r"[座个条家所项处]"
_SPEC = r"(?:" + _RATING + "|" + _COUNT + r"){1,2}"
_SPEC_TAIL = lazy(_SPEC + "$")
_SPEC_HEAD = lazy(_SPEC)
_COUNT_ONLY = lazy(_COUNT)


def shared_head_aliases(parts: list[str]) -> list[str]:
    """Aliases for the objects a target lists (`建成石拐、达茂通用机场` → 石拐通用机场, 达茂通用机场):
    a short bare name before the last one takes the head noun the last one carries, and may still
    be found bare. `A、B等一级公路`: every name takes the head after `等`. Regular expressions,
    the full name first (it is the object's label)."""
    if len(parts) < 2:
        return [re.escape(p) for p in parts]
    names, last = [n.removesuffix("等") for n in parts[:-1]], parts[-1]
    head = None
    if "等" in last[1:-1]:
        last, head = last.split("等", 1)
    names.append(last)
    if head is None:
        ending = next((h for h in _SHARED_HEADS_LONGEST if last.endswith(h)), None)
        bare = [n for n in names[:-1] if len(n) <= _MAX_BARE_NAME and not n.endswith(_SHARED_HEADS)]
        if ending is None or not bare or len(last) <= len(ending):
            return [re.escape(p) for p in parts]
        head = ending
    head = _HEAD_COUNT.sub("", head)  # `东河、昆区两座污水处理厂`
    # `莫尼、世纪220千伏变电站`, `杭锦、乌审两座变电站`: a rating or count between the last name and
    # the head noun is not part of the last name.
    spec = ""
    if head and last.endswith(head) and (tail := _SPEC_TAIL.search(last[: len(last) - len(head)])) and tail.start() >= 2:
        spec = "" if _COUNT_ONLY.fullmatch(tail.group()) else tail.group()
        names[-1] = last[: tail.start()] + head
    aliases = []
    for n, name in enumerate(names):
        if n == len(names) - 1 and name != last:
            # the last name with its rating (`世纪220千伏变电站`), without (`世纪变电站`), as the target said it
            stem = name[: len(name) - len(head)]
            variants = [stem + spec + head, stem + head, last] if spec else [stem + head, last]
            aliases.append("|".join(re.escape(v) for v in dict.fromkeys(variants)))
        elif not head or name.endswith((*_SHARED_HEADS, head)) or len(name) > _MAX_BARE_NAME:
            aliases.append(re.escape(name))
        else:
            full = [name + spec + head, name + head] if spec else [name + head]
            aliases.append("|".join(re.escape(v) for v in [*full, name]))
    return aliases


# Names listed before a shared head noun (`石拐、达茂通用机场`, `A、B和C一级公路`): each but the last
# stands bare, followed by `、` (or `和`, `及`, `与` before the last).
_LISTED_NAME = lazy(r"[^\s\d，,；;。.：:、！!？?（）()“”\"和及与]{1,8}(?=[、和及与])")
# The last name may carry a rating or count before the head noun (`世纪220千伏变电站`, `B镇2座水库`).
_LIST_END = lazy(r"[、和及与]((?:[^\s，,；;。.：:、！!？?（）()“”\"]|(?<=\d)\.(?=\d)){2,24})(?![、])")
_MAX_HEAD_SKIP = 8


def _coordinated(text: str, unmatched: list[tuple[int, re.Pattern[str]]]) -> list[tuple[int, _Shifted]]:
    """Objects named bare in a list whose last name carries the head noun they share:
    `石拐、达茂通用机场建成` names 石拐通用机场 too. Each bare name is tried with the last name's
    tail (`通用机场…`) in place of its own, and when that tail opens with a rating or count
    (`220千伏变电站…`, `两座水库…`) also without it; the object is found where the bare name stands."""
    found: list[tuple[int, _Shifted]] = []
    for name in _LISTED_NAME.finditer(text):
        end_of_list = _LIST_END.search(text, name.end())
        if end_of_list is None or end_of_list.start() > name.end() + 40:
            continue
        last = end_of_list.group(1)
        bare = name.group()
        for k, pattern in unmatched:
            if any(j == k for j, _s in found):
                continue
            for skip in range(1, min(_MAX_HEAD_SKIP, len(last) - 1) + 1):
                tails = [last[skip:]]
                if (spec := _SPEC_HEAD.match(last, skip)) is not None and spec.end() < len(last):
                    tails.append(last[spec.end() :])
                hit = next(
                    (h for t in tails if (h := pattern.search(bare + t)) is not None and h.start() < len(bare) < h.end()),
                    None,
                )
                if hit is not None:
                    found.append((k, _Shifted(name.start() + hit.start(), name.end())))
                    break
    return found


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
        if not (_STATUS_CONTINUES.match(clause) or _STAGE_CLAUSE.match(clause) or _negated_status(clause, done_re)):
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
    # `…段路基工程完工`, `桥梁下部结构完成`, `一期工程建成投运`, `主线贯通`: a part of the object done.
    component = family in _WHOLE_FAMILIES and _part_done(text, match.end(), start, end, terms)
    if component and family != "建设":
        return start, end, None, None, ("partial",), False
    if family in ("验收", "开通", "投运") and _SHORT_OF_ACCEPTANCE.search(scope):
        return start, end, None, None, ("partial",), False  # `完成静态验收`: short of the acceptance
    short = _short_of_target(scope, wording, text[bounds[k - 1][0] : bounds[k - 1][1]] if k else "")
    if short is not None:
        return start, end, None, None, short, False
    if _ALL.search(wording) and (rate := _RATE.search(scope)) and Decimal(rate.group(1)) >= 100:
        return start, end, None, None, (), True  # `覆盖率达到100%` for `全覆盖`
    # `完成可行性研究`, `完成选址论证`, `初步设计已上报`: an early stage, short of a target to build or
    # to start building (unless the target names that stage itself).
    stages = [m.start() for m in _EARLY_STAGE.finditer(scope)] if terms.stages else []
    # `计划今年开工建设`, `拟于年内建成`: a promise again, not a report; the `完成` of `完成可行性研究`
    # and the `施工` of `完成施工招标` report a stage, not the object.
    done = [
        m.start()
        for m in done_re.finditer(scope)
        if not _FUTURE.search(scope[max(0, m.start() - 8) : m.start()]) and not (stages and _STAGE_AFTER.match(scope, m.end()))
    ]
    if family == "建设" and (
        done or partial or (_IN_PROGRESS.search(scope) and not stages and not _BEFORE_WORK.search(scope))
    ):
        # `建设…`, `实施…等项目`: under way is what was promised (`开工建设`, `主体封顶`); the notes
        # say when the object is not finished.
        finished = _FINISHED.search(scope) and not partial and not component
        return start, end, None, None, () if finished else (_UNDER_WAY,), True
    # After the object, the last word about it decides: `开通中东班列的工作仍在洽谈` and
    # `退出贫困县的申请已上报自治区，正在开展第三方评估检查` are under way, not done. Done words
    # may stand before the object (`建成X`, `固阳县、达茂旗通过自治区园林县城验收`).
    rest_at = max(match.end(), start) - start
    progress = [m.start() + rest_at for m in _IN_PROGRESS.finditer(rest)]
    if family in _COMPLETION_FAMILIES:
        # `包北主变扩建已开工` for `建成投运`: an earlier stage is under way, not done.
        progress += [m.start() + rest_at for m in _EARLIER_STAGE.finditer(rest)]
    progress = sorted(progress + stages)
    if progress and (not done or progress[-1] > done[-1]):
        return start, end, None, None, ("in-progress",), False
    if done:
        if all(p < len(lead) for p in done) and _IN_PROGRESS.search(lead[-6:]):
            return start, end, None, None, ("in-progress",), False  # `加快建成X`: under way
        return start, end, None, None, (), True
    if _IN_PROGRESS.search(scope) or stages:
        return start, end, None, None, ("in-progress",), False
    return None


# Targets that ask for a whole object done (or, `建设…`, carried out: a part done is under way).
_WHOLE_FAMILIES = (*_COMPLETION_FAMILIES, "实现", "建设")
# A component or work package of an object (`路基工程`, `桥梁下部结构`, `土建工程`, `主体结构`,
# `桩基`, `一期工程`, `站房`): done, it is not the object done.
_COMPONENT = lazy(
    r"(?:路基|路面|桥面|桥墩|桥梁(?:上部|下部)?|(?:上部|下部)结构|土建|主体结构|桩基|基础(?=工程|施工)|地基|"
    r"钢结构|围护结构|管网|设备安装|安装工程|附属(?=工程|设施)|配套(?=工程|设施)|控制性工程|站房|主厂房|厂房|"
    r"一期|首期)(?:工程|结构|施工|设施)?"
)
# A section of a line (`白云至固阳段`, `东段`, `一标段`), not `阶段`, `手段`.
_SEGMENT = lazy(r"(?<![阶手])段(?!落)")
# Stages of building a line or a structure short of it done (`主线贯通`, `主桥合龙`, `封顶`).
_STAGE_VERB = lazy(r"贯通|合龙|封顶")
_FINISH_WORD = lazy(r"竣工|完工|建成|完成")
# A word that says the whole object, after a part (`…路基工程完工，全线建成通车`).
_WHOLE = lazy(r"全线|整体|全部|全面|全域|整个")
_COMPONENT_AFTER = lazy(r"[^，；。、]{0,4}?(?:" + _COMPONENT.pattern + ")")
_LIST_BREAK = lazy(r"[、和及与，]")


def _names_part(between: str, wording: str) -> bool:
    """Does `between` (the words from the object to a done word) name a part of the object that
    the target does not name itself (`路基工程` for `…具备通行能力`, not for `完成…路基工程`)?"""
    component = _COMPONENT.search(between)
    if component is not None:
        key = re.sub(r"(?:工程|结构|施工|设施)$", "", component.group()) or component.group()
        if key not in wording:
            return True
    return bool(_SEGMENT.search(between)) and "段" not in wording and "全线" not in between


def _part_done(text: str, at: int, start: int, end: int, terms: _MilestoneTerms) -> bool:
    """Is what is reported done of the object only a part of it? The first done word after the
    object decides: a component or section named before it (`X公路A至B段路基工程完工`, `A、B公路
    一期工程建成`), a component after it (`X项目完成土建工程`) or a stage short of done (`主线贯通`)
    makes it a part, unless a later done word says the whole (`…，全线建成通车`). With no done word
    after the object, one before it (`建成X公路A至B段`) takes the section named right after it."""
    region = text[at:end]
    words = [
        (m, False)
        for m in terms.done_re.finditer(region)
        if not _FUTURE.search(region[max(0, m.start() - 8) : m.start()])
        and not (terms.stages and _STAGE_AFTER.match(region, m.end()))
    ]
    if terms.family in _COMPLETION_FAMILIES:
        # `…土建工程竣工` for `建成投运`: a part finished, even where finishing is not the target's word.
        taken = {m.start() for m, _stage in words}
        words += [(m, False) for m in _FINISH_WORD.finditer(region) if m.start() not in taken]
        words += [(m, True) for m in _STAGE_VERB.finditer(region) if m.group() not in terms.wording]
    words.sort(key=lambda w: w[0].start())
    if not words:
        lead = text[start:at]
        return bool(terms.done_re.search(lead)) and _names_part(_LIST_BREAK.split(region, 1)[0], terms.wording)
    first, stage = words[0]
    after = _COMPONENT_AFTER.match(region, first.end())
    if not (
        stage
        or _names_part(region[: first.start()], terms.wording)
        or (after is not None and _names_part(after.group(), terms.wording))
    ):
        return False
    previous = first.end()
    for later, later_stage in words[1:]:
        between = region[previous : later.start()]
        if not later_stage and _WHOLE.search(between) and not _names_part(between, terms.wording):
            return False
        previous = later.end()
    return True


# Marks a done reading that is only under way (see MilestoneCandidate); never shown as a qualifier.
_UNDER_WAY = "under-way"
# Stages before building: siting, studies, design, approvals, land, tendering (`完成选址论证`,
# `完成可行性研究`, `完成规划设计`, `完成立项`, `取得用地批复`, `完成征地拆迁`, `完成施工招标`).
# `设计` alone is a stage only after `完成`: `设计中心` is a name, `设计处理能力` a capacity.
_EARLY_STAGE = lazy(
    r"选址|可行性研究|可研|(?:(?:初步|方案|规划|概念|总体|工程|建筑|施工图)|(?<=完成))设计"
    r"(?!院|中心|师|公司|大赛|产业|之都|周|创意|能力|产能|标准|规模|时速|寿命|处理|年限)|"
    r"施工图|设计方案|(?:建设|实施|规划)方案|规划(?:选址|许可|审批|编制)|环评|环境影响评价|前期工作|前期手续|立项|"
    r"用地(?:预审|批复|审批|手续|许可|报批|指标)|土地(?:征收|收储|摘牌|出让)|征地|拆迁|招标|勘察|勘测|论证"
)
# A done word that reports a stage: `完成可行性研究`, `完成施工招标` (not `建成并通过环评验收`).
_STAGE_AFTER = lazy(r"[^，；。并和及与]{0,4}?(?:" + _EARLY_STAGE.pattern + ")")
# A clause that goes on with the object's own stage (`…完成可行性研究，初步设计已上报…审批`).
_STAGE_CLAUSE = lazy(r"^(?:其|项目)?(?:" + _EARLY_STAGE.pattern + ")")
# Work before building, under way (`正在开展前期工作`, `计划今年开工`, `仍在洽谈`): not yet the
# building a `建设…` target asks for.
_BEFORE_WORK = lazy(r"计划|拟于|准备|前期|筹备|筹建|谋划|争取|洽谈|申请|上报|报批|待批|审批|评估检查")
# The object finished, not only under way.
_FINISHED = lazy(
    r"建成|竣工|完工|投运|投入使用|投入运营|投入运行|投用|启用|投产|交付|通车|开通|落成|全面完成|全部完成|并网|开业|开街|开园|开馆|运营|运行"
)
# A clause that refers back to the object (`项目`, `该工程`, `整体`, `目标`) or opens with the
# target's done word, and negates it: `…，项目开工未能在年内实现`, `…，整体扭亏为盈目标尚未实现`.
_BACK_REFERENCE = lazy(r"^(?:该|此|其|这一?)?(?:项目|工程|目标|任务|整体|全面|全部|总体)*")


def _negated_status(clause: str, done_re: re.Pattern[str]) -> bool:
    if not _NOT_DONE.search(clause):
        return False
    lead = _BACK_REFERENCE.match(clause).end()  # type: ignore[union-attr]
    return lead > 0 or done_re.match(clause) is not None


def _stage_matters(family: str, wording: str) -> bool:
    """Is an early stage (`完成选址论证`) short of this target? For a target to build or to start
    building, unless the target names the stage itself (`完成…可行性研究`)."""
    if _EARLY_STAGE.search(wording):
        return False
    if family == "启动":
        return bool(re.search(r"建设|开工|动工", wording))
    return family in ("开工", "建成", "投运", "开通", "建设", "完成")


# What a target asks for in numbers: a count (`剩余15个院落`), all of something (`全覆盖`, `所有`,
# `全部`, `清零`), a deadline (`9月底前`, `上半年`).
_ALL = lazy(r"全覆盖|全部|所有|全面完成|清零|100%")
# `完成85%`, `完成年度任务的85%`: a share of the task done. `98.1%的行政村`: a share of all.
_SHARE_DONE = lazy(
    r"(?:完成|实现)了?(?:[^，；。]{0,8}?(?:任务|目标|计划|工程量|工作量|进度)的)?(\d+(?:\.\d+)?)%|(\d+(?:\.\d+)?)%的"
)
_RATE = lazy(r"(?:率|比例|覆盖面)[^，；。]{0,4}?(?:达到|达|为|提高到|提升到)?(\d+(?:\.\d+)?)%")
_MONTH = r"(\d{1,2}|[一二三四五六七八九十]{1,3})月"
_COMPLETION_VERBS = r"(?:建成|完成|交付|投运|投用|投入使用|投入运营|开通|竣工|完工|通车|投产|并网)"
# A deadline in the target (`9月底前`, `6月30日前`, `上半年`, `年中`, `三季度末前`): the last month it allows.
_DEADLINE = lazy(
    r"(?:" + _MONTH + r"(?:底|末|份|中旬|上旬|下旬|\d{1,2}日)?(?:以?前)|(?P<half>上半年|年中)"
    r"|(?P<q>第?[一二三1-3])季度(?:末|底)?(?:以?前)?)"
    r"(?=[^，；。、]{0,3}?" + _COMPLETION_VERBS + ")"
)
# When the outcome says the object was finished (`于11月建成交付`, `12月底全部交付使用`, `10月份竣工`,
# `第四季度建成`, `年底前投用`): the earliest month the words allow, so that only a certain delay counts.
_DONE_TIME = (
    r"(?:" + _MONTH + r"(?:底|末|份|中旬|上旬|下旬|\d{1,2}日)?|(?P<q>第?[一二三四1-4])季度(?:末|底)?|(?P<h>下半年)|(?P<e>年底|年末))"
)
_DONE_MONTH = lazy(r"(?:于|在|到)?" + _DONE_TIME + r"(?:以?前)?[^，；。\d]{0,4}?" + _COMPLETION_VERBS)
# A clause of time alone before the object's (`12月底，林南安置房全部交付使用`).
_TIME_CLAUSE = lazy(r"^(?:于|在|到|截至)?(?:\d{4}年)?" + _DONE_TIME + "$")
_QUARTER_FIRST = {"一": 1, "二": 4, "三": 7, "四": 10, "1": 1, "2": 4, "3": 7, "4": 10}
_QUARTER_LAST = {"一": 3, "二": 6, "三": 9, "1": 3, "2": 6, "3": 9}
_CN_MONTHS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10, "十一": 11, "十二": 12}


def _month(text: str) -> int | None:
    value = int(text) if text.isdigit() else _CN_MONTHS.get(text)
    return value if value is not None and 1 <= value <= 12 else None


def _short_of_target(scope: str, wording: str, before: str = "") -> tuple[str, ...] | None:
    """Qualifiers when the outcome falls short of what the target asks for in numbers, else None:
    a done share below 100% (`完成年度任务的85%`), a rate below 100% for a target of all
    (`覆盖率达到92%` for `全覆盖`, `98.1%的行政村通油路` for `所有行政村`), a count done below the
    target's (`剩余15个院落完成保护利用9个` for `15个院落`), or a completion month after the
    target's deadline (`于11月建成交付`, `于12月底全部交付使用`, `第四季度建成` for `9月底前`; the
    month may stand in a clause of its own just `before` the object's)."""
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
        finished = [_done_month(m) for m in _DONE_MONTH.finditer(scope)]
        if not finished and (time := _TIME_CLAUSE.match(before)) and _COMPLETION_RE.search(scope):
            finished = [_done_month(time)]
        month = finished[-1] if finished else None  # the last completion said decides
        if month is not None and month > deadline:
            return ("not-done", "delayed")
    return None


_COMPLETION_RE = lazy(_COMPLETION_VERBS)


def _done_month(match: re.Match[str]) -> int | None:
    if match.group("q"):
        return _QUARTER_FIRST[match.group("q")[-1]]
    if match.group("h"):
        return 7
    if match.group("e"):
        return 12
    return _month(match.group(1))


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
        return _QUARTER_LAST[match.group("q")[-1]]
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
