"""Department vocabularies and ``resolve_department``: one way to read a department's name.

A plan's departments are the names its tags write, kept as written.  A registry
(``kb/data/departments-<issuer>.yaml``) is optional vocabulary of one issuer: its
canonical names and the aliases officials use.  It is applied only to plans of that
issuer (``registry_for``: the title, else the text before it, names the issuer), never
across places or levels, so the ministry 发展改革委 of a State Council plan is never
Zigong's 市发展改革委.  A plan of another city is read with no registry at all.

Every name a user types (CLI, questions, TUI, export) goes through ``resolve_department``:
the plan's own names, the registry aliases of the plan's issuers, the name with or without
市, then fuzzy matching over all of them for typos.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, field
import functools
from functools import lru_cache
from pathlib import Path

from kb.errors import KbError

DATA_DIR = Path(__file__).resolve().parent / "data"
#: The bundled plan's issuer vocabulary (the default of ``load_registry``).
REGISTRY_PATH = DATA_DIR / "departments-zigong.yaml"
#: Issuer vocabularies: ``departments-<name>.yaml``.
REGISTRY_GLOB = "departments-*.yaml"
KINDS = ("department", "government", "group", "agency", "subunit")

#: Fuzzy matches below this score (rapidfuzz ratio, 0–100) are not accepted; at 75 a
#: one-character difference in a four-character name (市林业局 → 市农业局) would pass.
FUZZY_CUTOFF = 80.0


@dataclass(slots=True)
class Department:
    """One entry of the registry."""

    name: str
    """Canonical name, as the plans write it in full (市交通运输局)."""
    aliases: list[str] = field(default_factory=list)
    """Other names officials use (交通局, 市交通局 …)."""
    kind: str = "department"
    """One of KINDS."""
    parent: str | None = None
    """For a sub-unit (市能源办): the department it is written under."""


@dataclass(slots=True)
class Registry:
    """Canonical departments and a lookup from every known spelling."""

    departments: dict[str, Department] = field(default_factory=dict)
    """Canonical name → entry, sub-units included."""
    lookup: dict[str, str] = field(default_factory=dict)
    """Normalised name or alias → canonical name."""
    suffix_typos: dict[str, str] = field(default_factory=dict)
    """Character typed by mistake for a name's last character → the right one (居 → 局)."""
    name: str | None = None
    """The vocabulary's name (``zigong`` for departments-zigong.yaml), None for the empty one."""
    issuer: str | None = None
    """The issuer it belongs to (自贡市)."""
    issuer_match: list[str] = field(default_factory=list)
    """Words naming the issuer in a plan's title or preface."""

    def canonical(self, name: str) -> str | None:
        """The canonical name for ``name`` without fuzzy matching: exact, alias, 市 added or dropped."""
        key = normalize_name(name)
        if key in self.lookup:
            return self.lookup[key]
        if not key.startswith("市") and "市" + key in self.lookup:
            return self.lookup["市" + key]
        if key.startswith("市") and key[1:] in self.lookup:
            return self.lookup[key[1:]]
        return None

    def add(self, dep: Department, where: str = "registry") -> None:
        """Register ``dep`` and its aliases; a spelling given to two departments is an error."""
        if dep.name in self.departments:
            raise KbError(f"{where}：部门 {dep.name} 列了两次（请只保留一条）")
        self.departments[dep.name] = dep
        for spelling in [dep.name, *dep.aliases]:
            key = normalize_name(spelling)
            other = self.lookup.get(key)
            if other is not None and other != dep.name:
                raise KbError(f"{where}：简称 {spelling} 同时给了 {other} 和 {dep.name}（请只留给其中一个）")
            self.lookup[key] = dep.name


def normalize_name(name: str) -> str:
    """A department name as typed → comparable form (full-width folded, spaces and trailing punctuation gone)."""
    name = unicodedata.normalize("NFKC", name)
    name = "".join(name.split())
    name = name.replace("(", "（").replace(")", "）")
    return name.strip("，。、？！?!,.;；:：\"'“”")


@lru_cache(maxsize=8)
def load_registry(path: str | None = None) -> Registry:
    """Read and validate one issuer's registry YAML (default: the bundled plan's, departments-zigong.yaml)."""
    from kb.data import load_cached_yaml

    src = Path(path) if path else REGISTRY_PATH
    return load_cached_yaml(src, "department registry", lambda data: _registry(data, src))


def _registry(data: dict, src: Path) -> Registry:
    """The validated Registry of one issuer's YAML mapping."""
    if not isinstance(data.get("departments"), list):
        raise KbError(f"{src}：应有“departments”列表")
    typos = data.get("suffix_typos") or {}
    if not isinstance(typos, dict) or not all(isinstance(k, str) and isinstance(v, str) and len(k) == len(v) == 1 for k, v in typos.items()):
        raise KbError(f"{src}：suffix_typos 应把一个字映射为一个字")
    unknown_top = set(data) - {"version", "departments", "suffix_typos", "issuer"}
    if unknown_top:
        raise KbError(f"{src}：不认识的键：{', '.join(sorted(unknown_top))}")
    issuer = data.get("issuer")
    if not isinstance(issuer, dict) or not isinstance(issuer.get("name"), str) or set(issuer) - {"name", "level", "match"}:
        raise KbError(f"{src}：“issuer”应给出发文单位名称（可另给 level、match）")
    match = _strings(issuer.get("match", [issuer["name"]]), f"{src}: issuer")
    reg = Registry(suffix_typos=dict(typos), name=src.stem.removeprefix("departments-"), issuer=issuer["name"], issuer_match=match)
    for i, entry in enumerate(data["departments"]):
        where = f"{src}: departments[{i}]"
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            raise KbError(f"{where}：每一条都需要“name”字符串")
        kind = entry.get("kind", "department")
        if kind not in KINDS:
            raise KbError(f"{where}：kind {kind!r} 不在 {', '.join(KINDS)} 之中")
        unknown = set(entry) - {"name", "aliases", "kind", "subunits"}
        if unknown:
            raise KbError(f"{where}：不认识的键：{', '.join(sorted(unknown))}")
        reg.add(Department(entry["name"], _strings(entry.get("aliases", []), where), kind), str(src))
        for sub in entry.get("subunits", []) or []:
            if not isinstance(sub, dict) or not isinstance(sub.get("name"), str):
                raise KbError(f"{where}：每个下属单位都需要“name”字符串")
            reg.add(Department(sub["name"], _strings(sub.get("aliases", []), where), "subunit", entry["name"]), str(src))
    return reg


@lru_cache(maxsize=1)
def issuer_registries() -> tuple[Registry, ...]:
    """Every issuer vocabulary shipped in kb/data (departments-*.yaml), by file name."""
    return tuple(load_registry(str(p)) for p in sorted(DATA_DIR.glob(REGISTRY_GLOB)))


#: The vocabulary of a plan whose issuer has none: names are kept as written.
EMPTY = Registry()


def registry_for(title: str, preface: str | None = None) -> Registry:
    """The vocabulary of the issuer a plan's title names (else its preface), or EMPTY.

    Only a plan naming the issuer gets its aliases: 国务院 plans, another city's plans and
    plans that name no issuer are read with their names as written."""
    for text in (title, preface or ""):
        for reg in issuer_registries():
            if any(word in text for word in reg.issuer_match):
                return reg
    return EMPTY


def registry_named(names: tuple[str, ...]) -> Registry:
    """The union of the named issuer vocabularies (one plan or a folder of plans of several issuers)."""
    regs = [r for r in issuer_registries() if r.name in names]
    if not regs:
        return EMPTY
    if len(regs) == 1:
        return regs[0]
    return _merged(tuple(r.name for r in regs))


@lru_cache(maxsize=8)
def _merged(names: tuple[str, ...]) -> Registry:
    merged = Registry(name="+".join(names))
    for reg in issuer_registries():
        if reg.name not in names:
            continue
        merged.suffix_typos.update(reg.suffix_typos)
        for dep in reg.departments.values():
            if dep.name in merged.departments:
                continue
            merged.departments[dep.name] = dep
            for spelling in [dep.name, *dep.aliases]:
                merged.lookup.setdefault(normalize_name(spelling), dep.name)
    return merged


def _strings(value, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise KbError(f"{where}：“aliases”应为字符串列表")
    return list(value)


@dataclass(slots=True)
class Resolution:
    """What a department name typed by a user refers to."""

    name: str | None
    """Canonical department or sub-unit, or None when unknown or ambiguous."""
    how: str
    """``exact``, ``alias``, ``fuzzy``, ``ambiguous`` or ``unknown``."""
    candidates: list[str] = field(default_factory=list)
    """The closest known names, best first (ambiguous: the tied ones)."""
    query: str = ""
    """The name as typed."""

    @property
    def ok(self) -> bool:
        """True when the name was resolved to one department."""
        return self.name is not None

    def message(self) -> str:
        """One line saying why the name did not resolve (empty when it did)."""
        if self.ok:
            return ""
        if self.how == "ambiguous":
            return f"“{self.query}”可能指 {'或'.join(self.candidates)}：请说明是哪一个"
        near = f"；最接近的：{'、'.join(self.candidates)}" if self.candidates else ""
        return f"方案中没有部门“{self.query}”{near}"


#: A place written as a unit, alone or with its government after it: 浦东新区, 浦东新区政府, 松江区人民政府, 某县, 绵阳市.
#: Names of areas that are no local government (临港新片区, 示范区, 园区, 社区, 景区, 开发区, 经开区, 辖区, 山区) are no place.
_PLACE_BODY = re.compile(r"(?P<place>[\u4e00-\u9fff]{1,8}?(?<![片园景社城校街范发开辖山地])(?:新区|自治县|自治州|区|县|市|旗))"
                         r"(?:人民政府|政府)?")
#: Starts of a name that make it a group or a pointer, never one place (各区政府, 本区, 有关区县, 属地区).
_NOT_PLACE_STARTS = ("各", "本", "该", "全", "有关", "相关", "所在", "属地", "其他", "其它", "涉及")
#: Characters of level words alone (市区, 区县, 县市区): a "place" made only of them names no place.
_LEVEL_CHARS = frozenset("省市区县州旗盟新自治镇乡")


def place_spellings(name: str) -> tuple[str, ...]:
    """The spellings of one place's body as a unit — the place, place+政府, place+人民政府 — when ``name`` is one of
    them (浦东新区政府 → 浦东新区, 浦东新区政府, 浦东新区人民政府), else ().

    A plan writes ``牵头单位：浦东新区、徐汇区政府`` and kb keeps the names as written (浦东新区 is the unit named):
    a question about 浦东新区政府 means the tasks written 浦东新区 as well, and the other way round.  Not a level
    body (市财政局 ≠ 区财政局 is kept by other_level), not a body of the place (松江区税务局 is not 松江区), not a
    group (各区政府)."""
    m = _PLACE_BODY.fullmatch(name)
    if m is None or name.startswith(_NOT_PLACE_STARTS):
        return ()
    place = m.group("place")
    if set(place) <= _LEVEL_CHARS:
        return ()
    return (place, place + "政府", place + "人民政府")


#: How a bureau's internal division's name ends (计划财务处, 办公室, 综合科, 财务股): written in brackets right after the
#: bureau (``市交通委（计划财务处）``) it names the division doing the bureau's part, not a second body of its own (an
#: office with a name of its own, 市发展改革委（市能源办）, 市交通委（市交通指挥中心）, ends otherwise and stays a
#: sub-unit of its parent).
_DIVISION_ENDINGS = ("处", "室", "科", "股")
_BRACKETED = re.compile(r"(?P<unit>[^（）()]{2,}?)[（(](?P<inner>[^（）()]+)[)）]")


def is_division(word: str) -> bool:
    """True for a name shaped like a bureau's internal division (计划财务处, 办公室): 2–12 characters ending so, no
    group or pointer word first (各处室, 有关处室 are no division's name)."""
    return 2 <= len(word) <= 12 and word.endswith(_DIVISION_ENDINGS) and not word.startswith(_NOT_PLACE_STARTS)


def bureau_divisions(name: str) -> tuple[str, tuple[str, ...]] | None:
    """(bureau, divisions) of a unit written with its divisions in brackets — ``市交通委（科信处、宣传处）`` →
    (``市交通委``, (``科信处``, ``宣传处``)) — else None.  Such a name is one unit as written: two divisions of one
    bureau are two units (``市交通委（运行处）`` leads, ``市交通委（货运处）`` supports), never both ``市交通委``."""
    if name[-1:] not in ")）":
        return None
    m = _BRACKETED.fullmatch(name)
    if m is None:
        return None
    divisions = tuple(d.strip() for d in re.split(r"[、，,]", m.group("inner")) if d.strip())
    if divisions and all(is_division(d) for d in divisions):
        return m.group("unit").strip(), divisions
    return None


#: How the name of a bureau ends that a plan writes one of its divisions right after, without a bracket
#: (市交通委科技信息处, 市局特种设备安全监察处, 县农业农村局种植业科, 区委组织部干部科).
_BUREAU_ENDINGS = ("局", "委", "委员会", "厅", "办", "部", "署", "中心", "院", "会", "联", "队", "所", "站")
#: How a division written after its bureau ends: a bracket's division endings (处, 室, 科, 股), and an office or centre
#: of the bureau (市交通委信息中心, 市委宣传部网信办) — only where a bureau's name stands before it (split_division).
_SPLIT_ENDINGS = (*_DIVISION_ENDINGS, "中心", "办")
#: Bureaus whose offices are bodies of their own, never "a division of": a place's government (市政府办公室,
#: 县人民政府办公室) and a place's party committee (区委办公室) — a level then 委.
_OWN_OFFICES = re.compile(r"(?:.*政府|[省市区县州旗]委|国务院)")


#: Opening and closing quotation marks: a name's piece opening one it does not close is cut inside a quotation.
_QUOTE_PAIRS = (("“", "”"), ("「", "」"), ("《", "》"), ("‘", "’"), ("『", "』"))


@lru_cache(maxsize=65536)
def split_division(name: str) -> tuple[str, str] | None:
    """(bureau, division) of a unit written as a bureau's name then one of its divisions, without a bracket —
    ``市交通委科技信息处`` → (``市交通委``, ``科技信息处``) — else None.  The longest bureau wins (市政府办公厅秘书处 →
    市政府办公厅 + 秘书处; 市卫生健康委员会办公室 → 市卫生健康委员会); the division is 3–16 characters shaped like one
    (is_division's endings) and opens with no level or group word; a government's or party committee's office
    (市政府办公室, 区委办公室) is a body of its own.  The one reading of such names: kb.duties.place_body."""
    if not name.endswith(_SPLIT_ENDINGS) or name.startswith(_NOT_PLACE_STARTS):
        return None
    found = None
    for i in range(2, len(name) - 2):
        bureau, division = name[:i], name[i:]
        if len(division) > 16 or not bureau.endswith(_BUREAU_ENDINGS) or _OWN_OFFICES.fullmatch(bureau):
            continue
        if any(bureau.count(a) > bureau.count(b) for a, b in _QUOTE_PAIRS):
            # (never inside a quotation: 创建“平安医院”活动领导小组办公室 is no bureau 创建“平安医院 — its 医院 answered
            # 医院要做什么 with the office's task, holdout18 (2))
            continue
        if division.startswith(_NOT_PLACE_STARTS) or name_level(division) or division in ("处室", "科室"):
            continue
        found = (bureau, division)
    return found


#: A group of bodies written with a bracket (各县(市、区)政府(管委会), 各街镇（经开区）, 有关部门（单位）): the unit opens with a
#: group word; it may hold a bracket of its own (各县(市、区)政府).
_GROUPED = re.compile(r"(?P<unit>(?:各|(?:其他|其它)?(?:有关|相关)).+?)[（(](?P<inner>[^（）()]+)[)）]")


def group_alternatives(name: str) -> tuple[str, tuple[str, ...]] | None:
    """(group, alternatives) of a GROUP of bodies written with a bracket naming the bodies of another kind that stand
    for its members — ``各县(市、区)政府(管委会)`` → (``各县(市、区)政府``, (``管委会``,)), ``各街镇（经开区）`` — else None.
    Such a name is one unit as written (a group has no one body's second name: tagsblind7 cause 3), and a question by
    the group or by the bracketed kind finds it, as a bureau written with its divisions (``bracket_parts``)."""
    if name[-1:] not in ")）":
        return None
    m = _GROUPED.fullmatch(name)
    if m is None:
        return None
    inner = tuple(d.strip() for d in re.split(r"[、，,]", m.group("inner")) if d.strip())
    return (m.group("unit").strip(), inner) if inner else None


def bracket_parts(name: str) -> tuple[str, tuple[str, ...]] | None:
    """(head, bracketed names) of a name kept as written with a bracket — a bureau with its divisions
    (``bureau_divisions``) or a group with its alternative bodies (``group_alternatives``) — else None."""
    return bureau_divisions(name) or group_alternatives(name)


def shortens(short: str, full: str) -> bool:
    """True when ``short`` (3+ characters) is a shortening of ``full`` as plans write one (市卫健委 of 市卫生健康委,
    市住建局 of 市住房和城乡建设局): shorter, the same first and last character, its characters in ``full`` in order.
    Used only where the plan itself ties the two (a 处室 header naming the bureau its unit cells write in full)."""
    if len(short) < 3 or len(short) >= len(full) or short[0] != full[0] or short[-1] != full[-1]:
        return False
    rest = iter(full)
    return all(c in rest for c in short)


def short_form_of(short: str, full: str) -> bool:
    """``short`` is written as a short form of ``full`` (市交通局 of 市交通运输局, 市发展改革委 of 市发展和改革委员会): the same
    level prefix or none, a body of 3+ characters after it keeping the full body's first character and its kind (the
    last: 局, 委 — 委员会 read as 委), every character of it in the full body in order, and the full name not merely going
    on after it (市公安局 / 市公安局交警支队: a body under it, two units).  Never a group (各区、县级市 / 各有关区、县级市:
    all of them, or the ones concerned — another set) nor a list (、)."""
    if name_level(short) != name_level(full) or full.startswith(short):
        return False
    if any(n.startswith("各") or "、" in n for n in (short, full)):
        return False
    a, b = _body_of(short), _body_of(full)
    return 3 <= len(a) < len(b) and a[0] == b[0] and a[-1] == b[-1] and in_order(a, b)


def same_body_names(written, name: str, buckets: dict | None = None) -> tuple[str, ...]:
    """The names ``written`` (one plan's unit names) holds that are the same body as ``name`` under another name, as the
    plan shows it (session 18, prose9): ``name`` a short form of exactly ONE of them (``short_form_of``) — the full
    name, and the other short forms of it the plan writes — or the full name of short forms that shorten nothing else
    it writes.  A short form two written bodies fit (市城管局: 市城市管理局, 市城乡建设管理局) joins none.
    ``buckets``: ``_body_buckets(written)`` when the caller asks for many names (only names of one bucket can be one
    body: comparing every pair was 5,760 comparisons a question at 25 units, and grows with the square)."""
    written = list(dict.fromkeys(written))
    buckets = _body_buckets(written) if buckets is None else buckets

    def fulls(short: str) -> list[str]:
        return [w for w in _bucket_of(short, buckets) if w != short and short_form_of(short, w)]

    out: list[str] = []
    mine = fulls(name)
    if len(mine) == 1:
        out.append(mine[0])
        out.extend(w for w in _bucket_of(name, buckets) if w not in (name, mine[0]) and fulls(w) == mine)
    elif not mine:
        out.extend(w for w in _bucket_of(name, buckets) if w != name and fulls(w) == [name])
    return tuple(out)


def _body_buckets(written) -> dict[tuple[str | None, str, str], list[str]]:
    """Names by (level, first and last character of the body): ``short_form_of`` holds only within one bucket."""
    buckets: dict[tuple[str | None, str, str], list[str]] = {}
    for w in written:
        body = _body_of(w)
        if body:
            buckets.setdefault((name_level(w), body[0], body[-1]), []).append(w)
    return buckets


def _bucket_of(name: str, buckets) -> list[str]:
    body = _body_of(name)
    return buckets.get((name_level(name), body[0], body[-1]), []) if body else []


def one_body_units(written) -> dict[str, str]:
    """Each name ``written`` holds that is one body with another (``same_body_names``) → the name standing for the body
    in lists of departments: its full (longest) name."""
    written = list(dict.fromkeys(written))
    buckets = _body_buckets(written)
    out: dict[str, str] = {}
    for name in written:
        twins = same_body_names(written, name, buckets)
        if twins:
            out[name] = max((name, *twins), key=len)
    return out


def division_spellings(name: str, written) -> tuple[str, ...]:
    """The names ``written`` (a plan's unit names) holds that are ``name``'s bureau body: asked by the bureau
    (市交通委), every ``市交通委（…处）`` the plan writes; asked by a division (计划财务处), every name with it in its
    brackets; asked by ``市交通委（计划财务处）``, nothing more (the division is what was asked)."""
    if bracket_parts(name):
        return ()
    if is_division(name):
        return tuple(w for w in written if w != name and (parts := bureau_divisions(w)) and name in parts[1])
    # (a group and its alternative bodies the same way: 各街镇 / 园区 asked → 各街镇（园区）, kb.registry.group_alternatives)
    return tuple(w for w in written if w != name and (parts := bracket_parts(w)) and (parts[0] == name or (
        name in parts[1] and group_alternatives(w) is not None)))


def division_bureaus(plan, division: str) -> list[str]:
    """The bureaus ``plan`` writes the bare division ``division`` under, in the order of its names: the bureau of every
    bureau+division it writes (``split_division``: 市交通委科技信息处), of every bureau（…division…）
    (``bureau_divisions``), and of a 、-list where the division is written bare after a sibling written with its
    bureau (市交通委科技信息处、港务监管处: 港务监管处 is 市交通委's; ``listed_bureaus``).  One bureau: the bare name
    and the full ones are one unit (kb.duties.place_body); two: the bare name may mean either (the bot asks which)."""
    return _bureaus_of(plan, division, written_bureaus(plan.departments()))


def written_bureaus(written) -> dict[str, list[str]]:
    """Division → the bureaus the names ``written`` put it under (市交通委科技信息处, 市交通委（科信处、宣传处）), in one
    pass: what ``division_bureaus`` reads of the names, kept by a caller asking it of many divisions."""
    out: dict[str, dict[str, None]] = {}
    for name in written:
        if name[-1:] in ")）":
            parts = bureau_divisions(name)
            for division in parts[1] if parts else ():
                out.setdefault(division, {})[parts[0]] = None
        elif (parts := split_division(name)) is not None:
            out.setdefault(parts[1], {})[parts[0]] = None
    return {d: list(b) for d, b in out.items()}


def _bureaus_of(plan, division: str, written: dict[str, list[str]]) -> list[str]:
    bureaus = dict.fromkeys(written.get(division, ()))
    for bureau in listed_bureaus(plan, division):
        bureaus[bureau] = None
    return list(bureaus)


def listed_bureaus(plan, division: str) -> list[str]:
    """The bureaus whose divisions' 、-list holds ``division`` written bare: in a task's list of one role, the names
    before it back to the first one written with its bureau (县农业农村局耕地保护科、种植业科、畜牧股: both later ones
    are 县农业农村局's); a list whose run of bare divisions meets any other name first gives none."""
    from kb.model import ROLES

    if not _listed_division(division):
        return []  # (an office or centre written bare, 道运中心 after 市交通委运行处, may be a body of its own)
    out: dict[str, None] = {}
    for task in plan.tasks_of(division, "any"):
        for role in ROLES:
            names = getattr(task, role)
            if division not in names:
                continue
            i = names.index(division) - 1
            while i >= 0 and _listed_division(names[i]) and split_division(names[i]) is None:
                i -= 1
            if i >= 0 and (parts := split_division(names[i])) is not None:
                out[parts[0]] = None
    return list(out)


def _division_shaped(name: str, endings: tuple[str, ...]) -> bool:
    """A name written without its bureau shaped like a division: 3 to 16 characters (网络交易和市场规范监督管理处 is 14)
    ending in one of ``endings``, with no level or group word first."""
    return (3 <= len(name) <= 16 and name.endswith(endings) and not name.startswith(_NOT_PLACE_STARTS)
            and name_level(name) is None)


def _listed_division(name: str) -> bool:
    """A bare division in a 、-list: shaped like one (is_division's endings)."""
    return _division_shaped(name, _DIVISION_ENDINGS)


def _bare_division(name: str) -> bool:
    """A name written without its bureau that may be a bureau's division (科技信息处, 信息中心, 网信办): a list's division
    or a name ending in an office or centre — one unit with its bureau+division spelling when the plan writes it under
    one bureau only.  (A 、-list never gives a bureau to an office or centre written bare, 道运中心 after
    市交通委运行处: such names are often bodies of their own; ``_listed_division``.)"""
    return _division_shaped(name, _SPLIT_ENDINGS)


def division_twins(plan, name: str) -> tuple[str, ...]:
    """The names ``plan`` writes that are one unit with ``name`` by its divisions written without a bracket:

    - a bare division (科技信息处) of ONE bureau: every bureau+division written (市交通委科技信息处); of two bureaus
      (市交通委办公室, 市公安局办公室): none — the bare name may mean either (``division_bureaus``);
    - a bureau+division (市交通委科技信息处, written or not): the bare division when the plan gives it that bureau only,
      and the bureau（…division…） names;
    - a bureau (市交通委): every bureau+division it writes, and the bare divisions the plan gives it only.
    The brackets' own spellings (市交通委（科技信息处）) are ``division_spellings``'."""
    if bracket_parts(name):
        return ()
    written = plan.departments()
    parts = split_division(name)
    if parts is not None:
        bureau, division = parts
        if division_bureaus(plan, division) != [bureau]:
            return ()
        return tuple(w for w in written if w != name and (
            w == division or split_division(w) == parts
            or ((b := bureau_divisions(w)) is not None and b[0] == bureau and division in b[1])))
    if _bare_division(name):
        if len(division_bureaus(plan, name)) != 1:
            return ()
        return tuple(w for w in written if w != name and (p := split_division(w)) is not None and p[1] == name)
    own = [w for w in written if w != name and (p := split_division(w)) is not None and p[0] == name]
    has_bracketed = any((b := bureau_divisions(w)) is not None and b[0] == name for w in written if w[-1:] in ")）")
    if not own and not has_bracketed:
        return ()  # (no division of it written with it: no bare one can be its either)
    by_name = written_bureaus(written)  # (read once, not again for each bare division)
    bare = [w for w in written if w != name and _bare_division(w) and split_division(w) is None
            and _bureaus_of(plan, w, by_name) == [name]]
    return tuple(dict.fromkeys([*own, *bare]))


def division_units(plan) -> dict[str, str]:
    """The names ``plan`` writes for one division of one bureau (科技信息处, 市交通委科技信息处, 市交通委（科技信息处）) →
    the one standing for the unit in lists of departments: the bureau+division as written, else the bracketed name, else
    the first; only names of a unit written two ways or more (a division of two bureaus is never one: ``division_bureaus``).
    The same identity as ``division_twins`` for a division, without a bureau joining its divisions (a list counts the
    bureau and each division apart)."""
    written = plan.departments()
    by_name = written_bureaus(written)
    bureaus_of = functools.lru_cache(maxsize=None)(lambda division: _bureaus_of(plan, division, by_name))
    keys: dict[str, tuple[str, str]] = {}
    for name in written:
        if name[-1:] in ")）":
            parts = bureau_divisions(name)
            key = (parts[0], parts[1][0]) if parts and len(parts[1]) == 1 else None
        elif not name.endswith(_SPLIT_ENDINGS):
            continue
        else:
            key = split_division(name)
            if key is None and _bare_division(name):
                bureaus = bureaus_of(name)
                key = (bureaus[0], name) if len(bureaus) == 1 else None
        if key is not None and bureaus_of(key[1]) == [key[0]]:
            keys[name] = key
    groups: dict[tuple[str, str], list[str]] = {}
    for name, key in keys.items():
        groups.setdefault(key, []).append(name)
    out: dict[str, str] = {}
    for (bureau, division), names in groups.items():
        if len(names) < 2:
            continue
        first = next((n for n in names if split_division(n) == (bureau, division)), None)
        first = first or next((n for n in names if n[-1:] in ")）"), names[0])
        out.update((n, first) for n in names)
    return out


def ambiguous_division(plan, name: str) -> list[str] | None:
    """The bureau+division names a bare division ``name`` may mean when the plan writes it under two or more bureaus
    (办公室: 市交通委办公室, 市公安局办公室), else None; each as the plan writes it, else bureau+division."""
    if not _bare_division(name) or split_division(name) is not None or bracket_parts(name):
        return None
    bureaus = division_bureaus(plan, name)
    if len(bureaus) < 2:
        return None
    written = plan.departments()
    out = []
    for bureau in bureaus:
        as_written = next((w for w in written if split_division(w) == (bureau, name)), None)
        if as_written is None:
            as_written = next((w for w in written if (b := bureau_divisions(w)) and b[0] == bureau and name in b[1]),
                              bureau + name)
        out.append(as_written)
    return list(dict.fromkeys(out))


def government_twins(written) -> dict[str, str]:
    """Spellings of a place's body the plan does not write → the one it writes (浦东新区 → 浦东新区政府 when the plan
    writes only 浦东新区政府; 松江区政府, 松江区人民政府 → 松江区 when only 松江区): ``written`` the plan's names.
    A spelling two written names claim (no case in Chinese usage, but a name with and without 人民) goes to the first."""
    written = list(written)
    have = set(written)
    twins: dict[str, str] = {}
    for name in written:
        for other in place_spellings(name):
            if other not in have:
                twins.setdefault(other, name)
    return twins


def known_names(plan=None, registry: Registry | None = None) -> dict[str, str]:
    """Every spelling kb can resolve → name: the plan's own names first (as written), then the
    aliases of its issuers' vocabularies (a registry alias never hides a name the plan writes), then the
    other spellings of a place's body the plan writes one of (``government_twins``), then the bureau and the
    divisions of a name written with its divisions in brackets (``bureau_divisions``)."""
    reg = registry if registry is not None else plan_registry(plan)
    names: dict[str, str] = {}
    written: list[str] = []
    if plan is not None:
        written = plan.departments()
        for name in written:
            names.setdefault(normalize_name(name), name)
        for sub in plan.subunits():
            names.setdefault(normalize_name(sub), sub)
    for key, name in reg.lookup.items():
        names.setdefault(key, name)
    for key, name in government_twins(written).items():
        names.setdefault(key, name)
    for name in written:
        # 市交通委（计划财务处） written: 市交通委 and 计划财务处 are names a question may ask by (kb.duties.place_body
        # answers them with every spelling holding them)
        parts = bracket_parts(name)  # (and 各街镇（园区） written: 各街镇 and 园区)
        if parts:
            grouped = group_alternatives(name) is not None
            for part in (parts[0], *parts[1]):
                if grouped and part != parts[0] and len(part) < 3:
                    # (a group's bracketed kind of two characters — 园区 of 各街镇（园区） — is no name a question is read by:
                    # found inside 智慧园区管理平台由谁负责 it answered 园区 0 项 for a task 区科委 leads; review-parser 2)
                    continue
                names.setdefault(normalize_name(part), part)
    by_name = None  # (written_bureaus, read once when a bare division asks it: asked name by name, every name was
    # read again for each — 4.4 s for 16,000 names (a synthetic list), a knowledge base's first question)
    for name in written:
        # 市交通委科技信息处 written: 市交通委 and 科技信息处 are names a question may ask by (kb.registry.division_twins)
        parts = split_division(name)
        if parts:
            for part in parts:
                names.setdefault(normalize_name(part), part)
        elif _bare_division(name) and plan is not None and not bracket_parts(name):
            # 港务监管处 written bare, of one bureau (a 、-list after 市交通委科技信息处): 市交通委港务监管处 asks it
            by_name = written_bureaus(written) if by_name is None else by_name
            bureaus = _bureaus_of(plan, name, by_name)
            if len(bureaus) == 1:
                names.setdefault(normalize_name(bureaus[0] + name), name)
    return names


def plan_registry(plan=None) -> Registry:
    """The vocabularies of the plan's issuers (``Document.registry``); without a plan, the bundled one.

    A plan without documents (built by hand) falls back to ``Plan.registry``, else the bundled one."""
    if plan is None:
        return load_registry()
    headers = getattr(plan, "document_headers", None)
    docs = (headers() if headers is not None else getattr(plan, "documents", None)) or []
    if not docs:
        reg = getattr(plan, "registry", None)
        return reg if isinstance(reg, Registry) else load_registry()
    # A document built by hand (registry None) resolves with the bundled vocabulary, as before.
    names = [d.registry if d.registry is not None else REGISTRY_PATH.stem.removeprefix("departments-") for d in docs]
    return registry_named(tuple(dict.fromkeys(n for n in names if n)))


#: Level prefixes of a body's name (市财政局, 区财政局, 县财政局, 街道办事处 …): two names written with different ones are
#: different bodies; a bare name (财政局) may stand for a prefixed one.
LEVEL_PREFIXES = ("街道", "省", "市", "区", "县", "州", "旗", "镇", "乡")
#: Starts of names where that character is no level (市场监管局, 市容环卫, 市政, 区域, 县域, 乡村振兴局).
NOT_LEVEL_STARTS = ("市场", "市容", "市政", "市民", "区域", "县域", "乡村", "镇村", "省级", "市级", "区级", "县级")


def name_level(name: str) -> str | None:
    """The level prefix ``name`` starts with (市, 区, 县 …), or None (a bare name, 市场监管局, 自贡市… : a place first)."""
    if name.startswith(NOT_LEVEL_STARTS):
        return None
    return next((p for p in LEVEL_PREFIXES if name.startswith(p) and len(name) > len(p) + 1), None)


def other_level(asked: str, name: str) -> bool:
    """``asked`` and ``name`` both start with a level prefix, different ones: 市财政局 is not 区财政局."""
    a, b = name_level(asked), name_level(name)
    return a is not None and b is not None and a != b


#: A place at the start of a plan's title, with its level (泸州市, 上海市静安区: one after another).
_TITLE_PLACE = re.compile(r"([\u4e00-\u9fff]{2,3}?)(省|市|区|县)")
#: Characters no place name holds (a body's or a function word's).
_NOT_PLACE = frozenset("局委办部厅会院站队所和与及的在是有哪什么各本全该我这那其每个些由为对把被从向给要关于印发国务")


def title_places(titles) -> tuple[str, ...]:
    """The places the titles open with, each with its level and without it (泸州市城市生活垃圾分类… → 泸州市, 泸州;
    上海市静安区人民政府办公室关于… → 上海市, 上海, 静安区, 静安), in first-seen order; a title opening with no place
    (国务院关于…, 关于加快推进…) names none.  The plans' own place: questions (kb.qa.session) and typed names
    (``crosses_scope``) read it the same way."""
    from kb.qa.text import fold

    out: dict[str, None] = {}
    for title in titles:
        at = 0
        while True:
            m = _TITLE_PLACE.match(title or "", at)
            if m is None or set(m.group(1)) & _NOT_PLACE:
                break
            out.setdefault(fold(m.group(0)))
            out.setdefault(fold(m.group(1)))
            at = m.end()
    return tuple(out)


def plan_places(plan) -> tuple[str, ...]:
    """``title_places`` of the plan's documents (their titles and plan titles), () without a plan."""
    if plan is None:
        return ()
    headers = getattr(plan, "document_headers", None)
    docs = (headers() if headers is not None else getattr(plan, "documents", None)) or []
    return title_places(t for d in docs for t in (d.title, getattr(d, "plan_title", None)) if t)


#: A place opening a typed unit's name before its body (自贡市…, 高新区…, 松江区…, 浦东新区…): 2–4 characters holding
#: no body's or function word's character, then a level; a county's of one character (荣县…, 沛县…).
_NAME_PLACE = re.compile(r"([\u4e00-\u9fff]{2,4}?)(新区|自治州|自治县|省|市|区|县|州|旗)|([\u4e00-\u9fff])(县)")


def name_scope(name: str) -> tuple[str, str] | None:
    """What a unit's name opens with before its body: ``("group", "")`` for a group or pointer (各区县…, 有关…),
    ``("level", 市)`` for a level (市…, 区…: ``name_level``), ``("place", 高新区)`` for a place (高新区…, 成都市…),
    None for a bare name (住房城乡建设局)."""
    if name.startswith(_NOT_PLACE_STARTS):
        return ("group", "")
    level = name_level(name)
    if level is not None:
        return ("level", level)
    m = _NAME_PLACE.match(name)
    if m is not None and len(name) > m.end() + 1 and (
            not set(m.group(1)) & _NOT_PLACE if m.group(1) else m.group(3) not in _NOT_PLACE | _LEVEL_CHARS):
        return ("place", m.group(0))
    return None


def crosses_scope(asked: str, name: str, places: tuple[str, ...] = ()) -> bool:
    """True when a name typed (``asked``) opens with a group, place or level that ``name`` (a unit of the plan) is not
    of: 各区县住房城乡建设局 / 高新区住房城乡建设局 / 成都市住房城乡建设局 are not 市住房城乡建设局 (a group's or place's
    bureau is a body the plan does not name: kb/qa/question.py ``_group_bureau``).  ``places``: the plan's own places
    (``plan_places``) — 泸州市 in a 泸州市 plan is its level 市 (泸州市住房城乡建设局 is its 市住房城乡建设局).
    A bare name typed crosses nothing (住房城乡建设局 → 市住房城乡建设局 is the alias rule), nor one typed with a level
    for a bare name the plan writes; a group's name is only a group's."""
    a = _scope_in(asked, places)
    if a is None:
        return False
    b = _scope_in(name, places)
    if a == b:
        return False
    if a[0] == "group":
        return True
    if b is None or b[0] == "group":
        return a[0] == "place"  # (a foreign place's bureau is never the plan's bare-written one)
    return True


def _scope_in(name: str, places: tuple[str, ...]) -> tuple[str, str] | None:
    """``name_scope`` in a plan of ``places``: its own place is its level (泸州市… → 市), or the place of it written
    after (自贡高新区…, 自贡市高新区… → 高新区)."""
    scope = name_scope(name)
    if scope is None or scope[0] != "place":
        return scope
    own = max((p for p in places if name.startswith(p)), key=len, default=None)
    if own is None:
        return scope
    rest = name_scope(name[len(own):])
    if rest is not None and rest[0] == "place":
        return rest
    return ("level", own[-1]) if own[-1] in "省市区县" else scope


def resolve_department(name: str, plan=None, registry: Registry | None = None,
                       names: dict[str, str] | None = None, fuzzy: bool = True) -> Resolution:
    """Resolve a department name as a user typed it.

    ``names``: ``known_names(plan, registry)`` when the caller keeps it (a question tries
    dozens of chunks: rebuilding the map for each was a third of reading one).
    ``fuzzy=False``: only the exact name or an alias (with 市 added or dropped) resolves, anything
    else is ``unknown`` at once — for a caller that tries spellings and takes only those.

    Order: exact canonical name, alias (also with 市 added or dropped), a short form of one unit of the plan
    (``abbreviated``: 发改局 → 区发展和改革局, in plans of every issuer), then fuzzy
    matching (rapidfuzz) over every known spelling for typos (市交通运输居).  Two
    different departments equally close → ``ambiguous``; nothing close enough →
    ``unknown`` with the closest names as candidates.
    """
    reg = registry if registry is not None else plan_registry(plan)
    key = normalize_name(name)
    if not key:
        return Resolution(None, "unknown", [], name)
    if names is None:
        names = known_names(plan, reg)
    # (never a body of another level: 市财政局 is not the 区财政局 a plan writes, however the alias or typo rules go)
    if key in names and not other_level(key, names[key]):
        canonical = names[key]
        return Resolution(canonical, "exact" if canonical == key else "alias", [], name)
    for variant in ("市" + key, key[1:] if key.startswith("市") else None):
        if variant and variant in names and not other_level(key, names[variant]):
            return Resolution(names[variant], "alias", [], name)
    # (a near match never crosses a group, place or level either: 各区县住房城乡建设局 is not 市住房城乡建设局)
    scoped = name_scope(key) is not None
    places = plan_places(plan) if scoped else ()

    def crosses(found: str) -> bool:
        return other_level(key, found) or (scoped and crosses_scope(key, found, places))

    if not fuzzy:
        # (a caller's trial of spellings it made up — 建设 + 委 of 建设用地 — is no name typed: a short form is only
        # read where the user wrote the name)
        return Resolution(None, "unknown", [], name)
    short_of = abbreviated(key, names, crosses)
    if len(short_of) == 1:
        return Resolution(short_of[0], "alias", [], name)
    if short_of:
        return Resolution(None, "ambiguous", short_of, name)

    fixed = reg.suffix_typos.get(key[-1])
    if fixed:
        for variant in (key[:-1] + fixed, "市" + key[:-1] + fixed):
            if variant in names and not crosses(names[variant]):
                return Resolution(names[variant], "fuzzy", [], name)
    res = _fuzzy(key, names, name, crosses)
    if scoped and not res.ok and res.how == "unknown":
        # what the plan writes for the group or place typed (各区县政府, 高新区管委会): said with the closest names
        res.candidates.extend(n for n in scope_bodies(key, names.values()) if n not in res.candidates)
    return res


#: Characters a body's name may end with that say what kind of body it is (局, 委, 办 …): an abbreviation keeps it.
_KIND_CHARS = frozenset("局委办厅部署院会所站队中心室处")
#: id(names) → (names, {(first character, last character) of a unit's body: [units]}): built once per map of names.
_ABBREVIATION_INDEX: dict[int, tuple[dict, dict]] = {}


def _body_of(name: str) -> str:
    """A unit's name without its level prefix (市交通运输局 → 交通运输局), 委员会 as its short kind 委 (发展和改革委员会 is
    shortened 发改委); a bare name as it is."""
    level = name_level(name)
    body = name[len(level):] if level else name
    return body[:-2] if body.endswith("委员会") else body


def in_order(short: str, long: str) -> bool:
    """Every character of ``short`` stands in ``long``, in order (gaps allowed: 车位 in 停车泊位, 交通局 in 市交通运输局)."""
    it = iter(long)
    return all(ch in it for ch in short)


def abbreviated(key: str, names: dict[str, str], crosses=None) -> list[str]:
    """The units among ``names``' values that ``key`` is a short form of, as officials shorten a body's name:
    交通局 → 市交通运输局, 发改局 → 区发展和改革局, 市住建局 → 市住房和城乡建设局, 城管局 → 市城市管理综合执法局.

    A short form as ``short_form_of`` reads one the plan writes (the body's first character after the level and its
    last, the kind of body: 局, 委, 办 …, every character in order, shorter, three characters at least), typed with
    or without the level.  Written spellings are found before this (``known_names``:
    a registry's alias such as 环保局 → 市生态环境局, which no rule of characters finds); a name of another level,
    group or place (``crosses``) is never the match.  Every unit matching is returned: one is the unit meant, two or
    more are the choices (交通局 of a plan naming 市交通运输局 and 区交通运输局 stays ambiguous)."""
    body = _body_of(key)
    if len(body) < 3 and name_level(key) is not None:
        body = key  # (市监局: 市场监督管理局 shortened, no level 市 before a 监局)
    if len(body) < 3 or body[-1] not in _KIND_CHARS or body.startswith(_NOT_PLACE_STARTS):
        return []
    held = _ABBREVIATION_INDEX.get(id(names))
    if held is None or held[0] is not names:
        index: dict[tuple[str, str], list[str]] = {}
        for unit in dict.fromkeys(names.values()):
            core = _body_of(unit)
            if len(core) >= 3:
                index.setdefault((core[0], core[-1]), []).append(unit)
        if len(_ABBREVIATION_INDEX) > 8:
            _ABBREVIATION_INDEX.clear()
        _ABBREVIATION_INDEX[id(names)] = held = (names, index)
    crosses = crosses or (lambda u: other_level(key, u))
    levelled = body is not key and name_level(key) is not None
    # (the rule is short_form_of's, a typed name taking the unit's level when it has none of its own: 交通局 is asked of
    # 市交通运输局 as 市交通局)
    return [unit for unit in held[1].get((body[0], body[-1]), ())
            if short_form_of(key if levelled else (name_level(unit) or "") + key, unit) and not crosses(unit)]


def scope_bodies(asked: str, written) -> list[str]:
    """The units among ``written`` of the group or place ``asked`` opens with: a place's (高新区管委会 for
    高新区住房城乡建设局), a group's sharing its opening (各区县政府 for 各区县住房城乡建设局: 各 and one character
    more at least); [] for a name of a level or a bare one."""
    scope = name_scope(asked)
    if scope is None or scope[0] == "level":
        return []
    out: dict[str, None] = {}
    for name in written:
        if name == asked:
            continue
        if scope[0] == "place" and name.startswith(scope[1]) and len(name) > len(scope[1]):
            out.setdefault(name)
        elif scope[0] == "group" and name_scope(name) == scope and len(os.path.commonprefix([asked, name])) >= 2:
            out.setdefault(name)
    return list(out)


def _fuzzy(key: str, names: dict[str, str], query: str, crosses=None) -> Resolution:
    """The closest known name to ``key`` (rapidfuzz ratio, FUZZY_CUTOFF); ``crosses(name)``: True for a name of another
    level, group or place than the one typed, never the match (``other_level`` when not given)."""
    from rapidfuzz import fuzz, process

    crosses = crosses or (lambda found: other_level(key, found))

    scored: dict[str, float] = {}
    for spelling, score, _ in process.extract(key, list(names), scorer=fuzz.ratio, limit=20):
        canonical = names[spelling]
        scored[canonical] = max(scored.get(canonical, 0.0), score)
    ranked = sorted(scored.items(), key=lambda kv: -kv[1])
    # (a name of another level is never the match; it stays among the closest names offered)
    matching = [(n, sc) for n, sc in ranked if not crosses(n)]
    if not matching or matching[0][1] < FUZZY_CUTOFF:
        return Resolution(None, "unknown", [n for n, s in ranked[:3] if s >= 40], query)
    best = matching[0][1]
    tied = [n for n, s in matching if s == best]
    if len(tied) > 1:
        return Resolution(None, "ambiguous", tied, query)
    return Resolution(matching[0][0], "fuzzy", [], query)
