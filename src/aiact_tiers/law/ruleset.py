"""Rulesets: versions of the law, each a folder of rule files shipped with the package.

A ruleset may extend another: it inherits every rule, replaces the ones it lists under
``replace``, retires the ones under ``retire``, and adds its own. Parameters (amendable numbers
such as the 10^25 FLOP presumption) and regimes (groups of obligations with their application
date) are merged by key. Loading is cached: each ruleset is read and type-checked once.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import functools
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from ..documents import read_yaml
from ..engine import predicates as _engine
from ..errors import RuleConflictError, RuleFileError, UnknownRuleError, UnknownRulesetError, did_you_mean
from ..facts.vocabulary import Role
from . import overlay as _overlay
from .rule import Rule, parse_rule, replaced, strings
from .snapshot import Parameter, Presumption, Regime, Snapshot

if TYPE_CHECKING:
    from .parse_cache import Parsed


__all__ = [
    "DEFAULT_RULESET", "NamedPredicate", "Parameter", "Presumption", "Regime", "RuleSet", "list_rulesets",
    "load_ruleset", "load_ruleset_overlay",
]

DEFAULT_RULESET = "eu-2024-2026"
"""Regulation (EU) 2024/1689 as amended by Regulation (EU) 2026/1744: the law today."""

_MANIFEST = "ruleset.yaml"
_MANIFEST_KEYS = {
    "id", "title", "act", "url", "version", "extends", "in_force_from", "retire", "replace",
    "parameters", "regimes", "description", "presumptions", "operators", "predicates",
}
_PRESUMPTION_KEYS = {"fact", "value", "citation", "reason"}
_PREDICATE_KEYS = {"citation", "when"}


@dataclass(frozen=True, eq=False)
class RuleSet:
    """A version of the law: its rules, parameters, regimes and the exceptions between rules."""

    id: str
    title: str
    act: str
    version: str
    url: str
    in_force_from: dt.date
    description: str
    extends: str | None
    rules: tuple[Rule, ...] = field(repr=False)
    parameters: Mapping[str, Parameter] = field(repr=False)
    regimes: Mapping[str, Regime] = field(repr=False)
    defeaters: Mapping[str, tuple[str, ...]] = field(repr=False)
    presumptions: tuple[Presumption, ...] = field(default=(), repr=False)
    role_citations: Mapping[Any, str] = field(default_factory=dict, repr=False)
    """The provision defining each role (None: the persons the Act applies to)."""
    predicates: Mapping[str, NamedPredicate] = field(default_factory=dict, repr=False)
    """The conditions its manifest names, which its rules use written out."""

    @functools.cached_property
    def overridden(self) -> Mapping[str, tuple[str, ...]]:
        """For each rule, the rules it overrides (the inverse of ``defeaters``)."""
        out: dict[str, list[str]] = {r.id: [] for r in self.rules}
        for rule_id, winners in self.defeaters.items():
            for winner in winners:
                out[winner].append(rule_id)
        return {k: tuple(v) for k, v in out.items()}

    def rule(self, rule_id: str) -> Rule:
        """The rule with that id; :class:`~aiact_tiers.errors.UnknownRuleError` with a suggestion
        otherwise."""
        rule = self._by_id.get(rule_id)
        if rule is not None:
            return rule
        raise UnknownRuleError(f"no rule `{rule_id}` in {self.id}{did_you_mean(rule_id, self.rule_ids)}")

    @functools.cached_property
    def _by_id(self) -> Mapping[str, Rule]:
        return {rule.id: rule for rule in self.rules}

    @property
    def rule_ids(self) -> list[str]:
        return [r.id for r in self.rules]

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)

    def at(self, day: dt.date) -> Snapshot:
        """The rules in force on ``day`` and the parameter values of that day."""
        return _snapshot(self, day)


@functools.lru_cache(maxsize=256)
def _snapshot(ruleset: RuleSet, day: dt.date) -> Snapshot:
    params = {name: _engine.normalise(p.at(day)) for name, p in ruleset.parameters.items()}
    rules = tuple(r for r in ruleset.rules if r.in_force(day))
    return Snapshot(day, rules, params, ruleset.overridden, ruleset.defeaters, ruleset.regimes,
                    ruleset.presumptions)


def _root() -> Path:
    # The package's own folder, as importlib.resources gives it for a package on disk, without
    # the cost of importing importlib.resources (about 10 ms: tempfile, shutil, zipfile).
    return Path(__file__).parent / "rules"


def list_rulesets() -> list[str]:
    """The ids of the rulesets shipped with the package."""
    return sorted(p.name for p in _root().iterdir() if p.joinpath(_MANIFEST).is_file())


def load_ruleset(ruleset_id: str = DEFAULT_RULESET) -> RuleSet:
    """Load (once) and validate the ruleset with this id."""
    return _load(ruleset_id)


@functools.cache
def _load(ruleset_id: str) -> RuleSet:
    return _finish(_text(ruleset_id))


@functools.cache
def _text(ruleset_id: str) -> _Text:
    """A shipped ruleset as its files state it: what a ruleset extending it inherits, without
    the work only its own use needs (see :func:`_finish`)."""
    folder = _root().joinpath(ruleset_id)
    if not folder.joinpath(_MANIFEST).is_file():
        known = list_rulesets()
        raise UnknownRulesetError(
            f"no ruleset `{ruleset_id}`{did_you_mean(ruleset_id, known)} "
            f"(available: {', '.join(known)})"
        )
    files = _Files(folder, f"rules/{ruleset_id}", ruleset_id)
    return _read(_manifest(ruleset_id, files), files)


def parse_files(ruleset_id: str) -> tuple[list[tuple[str, str]], Parsed]:
    """Read and parse a shipped ruleset's files without the cache: their texts and the result."""
    from .parse_cache import Parsed

    files = _Files(_root().joinpath(ruleset_id), f"rules/{ruleset_id}", None)
    _build(_manifest(ruleset_id, files), files)
    return list(files.texts.items()), Parsed(files.documents, files.param_kinds, files.trees)


def _cache_lookup(ruleset_id: str, texts: Iterable[tuple[str, str]]) -> Parsed | None:
    from .parse_cache import lookup

    return lookup(ruleset_id, texts)


def load_ruleset_overlay(path: str | Path, *, extends: str = DEFAULT_RULESET) -> RuleSet:
    """An organisation's own rules in a folder, on top of a shipped ruleset.

    The folder holds rule files in the format of the shipped rules, and optionally a
    ``ruleset.yaml`` (``retire``, ``replace``, ``parameters``, ``regimes``, ``title``...). Rule
    files end in ``.yaml`` or ``.yml`` (any case). Every file gets the validation of built-in
    rules, and the overlay that of :mod:`aiact_tiers.law.overlay`; nothing in it is run as code.
    """
    folder = Path(path)
    if not folder.is_dir():
        raise RuleFileError(f"`{folder}` is not a folder of rule files")
    base = load_ruleset(extends)
    manifest: dict[str, Any] = {
        "id": f"{base.id}+{folder.name}", "title": f"{base.title} with {folder.name}",
        "act": base.act, "url": base.url, "version": base.version,
    }
    files = _Files(folder, str(folder), None)
    if _MANIFEST in files.texts:
        manifest.update(_manifest(None, files))
    if manifest.get("extends", extends) != extends:
        raise RuleFileError(f"{folder / _MANIFEST}: `extends` must be `{extends}`")
    manifest["extends"] = extends
    _overlay.check_id(str(manifest["id"]), list_rulesets(), f"{folder / _MANIFEST}")
    ruleset = _build(manifest, files)
    _overlay.check_parameters(ruleset.rules, ruleset.parameters, base.parameters,
                              f"{folder / _MANIFEST}")
    return ruleset


class _Files:
    """The files of a ruleset: their texts, and their data read as YAML or from the cache.

    ``cache_id`` names the shipped ruleset whose parsed-rule cache may stand in for reading and
    parsing (see :mod:`aiact_tiers.law.parse_cache`); it is used only when it matches every file.
    """

    def __init__(self, folder: Path, where: str, cache_id: str | None) -> None:
        self.where = where
        self.texts: dict[str, str] = {}
        if folder.joinpath(_MANIFEST).is_file():
            self.texts[_MANIFEST] = _read_text(folder.joinpath(_MANIFEST), f"{where}/{_MANIFEST}")
        for name, entry in _rule_files(folder):
            self.texts[name] = _read_text(entry, f"{where}/{name}")
        self.cached = _cache_lookup(cache_id, self.texts.items()) if cache_id else None
        self.documents: dict[str, Any] = {}
        self.trees: dict[str, _engine.Tree] = {}
        self.param_kinds: dict[str, str] = {}
        self.named: dict[str, str] = {}  # the named predicates rules may use, see _named

    @property
    def rule_files(self) -> list[str]:
        return [name for name in self.texts if name != _MANIFEST]

    def document(self, name: str, *, keep_lines: bool = False) -> Any:
        if self.cached is not None:
            return self.cached.documents[name]
        data = read_yaml(self.texts[name], f"{self.where}/{name}", keep_lines=keep_lines)
        self.documents[name] = data
        return data

    def predicate(self, text: str) -> _engine.Predicate:
        """The predicate of ``text`` (its named predicates written out): from its stored tree,
        or parsed and type-checked."""
        if self.named:
            text = _engine.expand(text, self.named)
        cached = self.cached
        if cached is not None and cached.param_kinds == self.param_kinds and text in cached.trees:
            return _engine.predicate(text, cached.trees[text])
        parsed = _engine.parse(text, self.param_kinds)
        self.trees[text] = parsed.tree
        return parsed


def _read_text(entry: Path, source: str) -> str:
    try:
        return entry.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise RuleFileError(f"{source}: not UTF-8 text (byte {exc.start})") from None
    except OSError as exc:
        raise RuleFileError(f"{source}: cannot read: {exc.strerror}") from None


def _rule_files(folder: Path, prefix: str = "") -> Iterator[tuple[str, Path]]:
    """The rule files under ``folder`` by name, its folders walked in order (a link to a folder
    is refused), read from one listing per folder."""
    with os.scandir(folder) as listing:
        entries = sorted(listing, key=lambda e: e.name)
    for entry in entries:
        if entry.is_dir():
            if entry.is_symlink():
                raise RuleFileError(f"`{entry.path}` links to a folder; rule folders are read without links")
            yield from _rule_files(Path(entry.path), f"{prefix}{entry.name}/")
        elif entry.name.lower().endswith((".yaml", ".yml")) and entry.name != _MANIFEST:
            yield f"{prefix}{entry.name}", Path(entry.path)


def _manifest(ruleset_id: str | None, files: _Files) -> dict[str, Any]:
    """The manifest, checked; ``ruleset_id`` None accepts any id (an overlay)."""
    source = f"{files.where}/{_MANIFEST}"
    data = files.document(_MANIFEST)
    if not isinstance(data, dict):
        raise RuleFileError(f"{source}: must be a mapping")
    for key in data:
        if key not in _MANIFEST_KEYS:
            raise RuleFileError(f"{source}: unknown key `{key}`{did_you_mean(key, _MANIFEST_KEYS)}")
    if ruleset_id is not None and data.get("id") != ruleset_id:
        raise RuleFileError(f"{source}: `id` must be `{ruleset_id}`")
    return data


def _parameters(data: Mapping[str, Any], source: str) -> dict[str, Parameter]:
    out = {}
    for name, spec in (data or {}).items():
        try:
            values = tuple(sorted((v["from"], v["value"]) for v in spec["values"]))
            if not all(isinstance(start, dt.date) for start, _ in values):
                raise TypeError
        except (KeyError, TypeError):
            raise RuleFileError(
                f"{source}: parameter `{name}` needs `values`: a list of `from` dates and `value`s"
            ) from None
        if not values:
            raise RuleFileError(f"{source}: parameter `{name}` has no values")
        if not spec.get("citation"):
            raise RuleFileError(f"{source}: parameter `{name}` needs a `citation`")
        out[name] = Parameter(name, str(spec["citation"]), values)
    return out


def _regimes(data: Mapping[str, Any], source: str) -> dict[str, Regime]:
    out = {}
    for name, spec in (data or {}).items():
        if not isinstance(spec, dict) or not isinstance(spec.get("applies_from"), dt.date):
            raise RuleFileError(f"{source}: regime `{name}` needs an `applies_from` date")
        if "title" not in spec or "citation" not in spec:
            raise RuleFileError(f"{source}: regime `{name}` needs a `title` and a `citation`")
        if spec.get("confidence", "high") not in ("high", "medium", "low"):
            raise RuleFileError(f"{source}: regime `{name}`: `confidence` must be high, medium or low")
        out[name] = Regime(
            id=name,
            title=str(spec["title"]),
            citation=str(spec["citation"]),
            applies_from=spec["applies_from"],
            confidence=spec.get("confidence", "high"),
            note=str(spec.get("note", "")),
        )
    return out


def _presumptions(data: Any, source: str) -> dict[str, Presumption]:
    """The manifest's ``presumptions``: each a Boolean fact with its value, citation and reason."""
    if not isinstance(data, list):
        raise RuleFileError(f"{source}: `presumptions` must be a list")
    out: dict[str, Presumption] = {}
    for entry in data:
        if not isinstance(entry, dict) or set(entry) - {"__line__"} != _PRESUMPTION_KEYS:
            raise RuleFileError(
                f"{source}: a presumption is a mapping of {', '.join(sorted(_PRESUMPTION_KEYS))}")
        name = entry["fact"]
        fact = _engine.FACT_TYPES.get(name) if isinstance(name, str) else None
        if fact is None or fact.kind != "boolean":
            raise RuleFileError(f"{source}: presumption on `{name}`: not a yes/no fact"
                                f"{did_you_mean(str(name), _engine.BOOLEAN_FACTS)}")
        if not isinstance(entry["value"], bool):
            raise RuleFileError(f"{source}: presumption on `{name}`: `value` must be true or false")
        out[name] = Presumption(name, entry["value"], str(entry["citation"]), str(entry["reason"]))
    return out


class NamedPredicate(NamedTuple):
    """A condition several rules share, named in a ruleset's manifest: its name, the provision
    it applies, and the predicate written out (any named predicate it uses written out too)."""

    id: str
    citation: str
    when: str


def _named(data: Any, source: str, files: _Files, inherited: Mapping[str, NamedPredicate]
           ) -> dict[str, NamedPredicate]:
    """The manifest's ``predicates``: conditions that several rules share, each named, citing
    its provision and written once, that a rule's ``when`` (or a later one) uses by its name.
    Each is type-checked here, so that a fault names it; a name cannot be a fact's, nor that of
    a predicate of the text extended (its rules would read another condition than the name)."""
    if not isinstance(data, dict):
        raise RuleFileError(f"{source}: `predicates` must map names to a `citation` and a `when`")
    named = dict(inherited)
    for name, spec in data.items():
        where = f"{source}: predicate `{name}`"
        if not isinstance(name, str) or not name.isidentifier() or name in _engine.FACT_TYPES:
            raise RuleFileError(f"{where}: a name that is not a fact's is needed")
        if name in named:
            raise RuleFileError(f"{where}: already named in the text it extends")
        if not isinstance(spec, dict) or set(spec) - {"__line__"} != _PREDICATE_KEYS or not all(
                isinstance(spec[key], str) for key in _PREDICATE_KEYS):
            raise RuleFileError(f"{where}: needs a `citation` and a `when`, both text")
        try:
            files.predicate(spec["when"])
        except _engine.PredicateError as exc:
            raise RuleFileError(f"{where}: {exc}") from None
        named[name] = NamedPredicate(name, spec["citation"], _engine.expand(spec["when"], files.named))
        files.named[name] = named[name].when  # a later predicate may use it
    return named


class _Text(NamedTuple):
    """A ruleset as its manifest and rule files state it, merged with the text it extends: its
    rules before the duties derived from ``as_provider`` are added and before the overrides
    between rules are resolved."""

    manifest: Mapping[str, Any]
    rules: tuple[Rule, ...]
    parameters: dict[str, Parameter]
    regimes: dict[str, Regime]
    presumptions: dict[str, Presumption]
    in_force_from: dt.date
    role_citations: dict[Any, str]
    named: dict[str, NamedPredicate]  # its named predicates (see _named)
    predicate: Callable[[str], _engine.Predicate]  # of its files, for the derived duties


def _build(manifest: Mapping[str, Any], files: _Files) -> RuleSet:
    """A ruleset from its checked manifest and its rule files."""
    return _finish(_read(manifest, files))


def _finish(text: _Text) -> RuleSet:
    """The ruleset of a text: its rules with the derived duties, and the rules overriding each."""
    manifest = text.manifest
    rules = _as_provider(text.rules, text.predicate)
    return RuleSet(
        id=str(manifest["id"]),
        title=str(manifest["title"]),
        act=str(manifest["act"]),
        version=str(manifest["version"]),
        url=str(manifest["url"]),
        in_force_from=text.in_force_from,
        description=str(manifest.get("description", "")),
        extends=manifest.get("extends"),
        rules=rules,
        parameters=text.parameters,
        regimes=text.regimes,
        defeaters=_defeaters(rules),
        presumptions=tuple(text.presumptions.values()),
        role_citations=text.role_citations,
        predicates=text.named,
    )


def _read(manifest: Mapping[str, Any], files: _Files) -> _Text:
    """The text of a ruleset from its checked manifest and its rule files."""
    source = f"{files.where}/{_MANIFEST}"
    for key in ("title", "act", "url", "version"):
        if not isinstance(manifest.get(key), str):
            raise RuleFileError(f"{source}: `{key}` must be text")
    if not isinstance(manifest.get("parameters") or {}, dict) or not isinstance(
        manifest.get("regimes") or {}, dict
    ):
        raise RuleFileError(f"{source}: `parameters` and `regimes` must be mappings")
    base = _text(manifest["extends"]) if manifest.get("extends") else None
    parameters = dict(base.parameters) if base else {}
    parameters.update(_parameters(manifest.get("parameters") or {}, source))
    regimes = dict(base.regimes) if base else {}
    regimes.update(_regimes(manifest.get("regimes") or {}, source))
    presumptions = dict(base.presumptions) if base else {}
    presumptions.update(_presumptions(manifest.get("presumptions") or [], source))
    files.param_kinds = {name: _engine.param_kind(p.values[0][1]) for name, p in parameters.items()}
    named = dict(base.named) if base else {}
    files.named = {name: p.when for name, p in named.items()}
    if "predicates" in manifest:
        named = _named(manifest["predicates"], source, files, named)
    in_force_from = manifest.get("in_force_from") or (base.in_force_from if base else None)
    if not isinstance(in_force_from, dt.date):
        raise RuleFileError(f"{source}: `in_force_from` must be a date")

    own: list[Rule] = []
    for name in files.rule_files:
        file_source = f"{files.where}/{name}"
        data = files.document(name, keep_lines=True)
        if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
            raise RuleFileError(f"{file_source}: expected a mapping with a `rules` list")
        for record in data["rules"]:
            own.append(
                parse_rule(
                    record,
                    source=file_source,
                    act=str(manifest["act"]),
                    url=str(manifest["url"]),
                    default_from=in_force_from,
                    predicates=files.predicate,
                )
            )

    rules = _merge(base, own, manifest, source)
    for rule in rules:  # a derived duty has the regimes of the rules it joins
        for regime in (*rule.regimes, *rule.opens, *rule.as_provider):
            if regime not in regimes:
                raise RuleFileError(
                    f"{rule.source}: unknown regime `{regime}`{did_you_mean(regime, regimes)}"
                )
        if rule.applies_from is not None and rule.applies_from not in regimes:
            raise RuleFileError(f"{rule.source}: `applies_from` must name a regime")
    return _Text(manifest, rules, parameters, regimes, presumptions, in_force_from,
                 _operators(manifest.get("operators"), base, source), named, files.predicate)


def _operators(data: Any, base: _Text | None, source: str) -> dict[Any, str]:
    """The manifest's ``operators``: the provision defining each role, and under ``none`` the
    provision listing the persons the Act applies to; inherited from the base ruleset."""
    if data is None:
        return dict(base.role_citations) if base else {}
    expected = {*(r.value for r in Role), "none"}
    if not isinstance(data, dict) or set(data) != expected:
        raise RuleFileError(f"{source}: `operators` must map each of {', '.join(sorted(expected))} "
                            "to a provision")
    return {None if key == "none" else Role(key): str(value) for key, value in data.items()}


def _merge(base: _Text | None, own: list[Rule], manifest: Mapping[str, Any], source: str
           ) -> tuple[Rule, ...]:
    """Base rules, minus retired ones, with replacements in place, then new rules."""
    retire, replace = (set(strings(manifest.get(key) or [], source, key)) for key in ("retire", "replace"))
    base_rules = list(base.rules if base else ())
    base_ids = {r.id for r in base_rules}
    for rule_id in retire | replace:
        if rule_id not in base_ids:
            raise RuleFileError(f"{source}: cannot retire or replace unknown rule `{rule_id}`")
    by_id: dict[str, Rule] = {}
    for rule in own:
        if rule.id in by_id:
            raise RuleConflictError(f"{rule.source}: rule id defined twice (see {by_id[rule.id].source})")
        if rule.id in base_ids and rule.id not in replace:
            raise RuleConflictError(
                f"{rule.source}: rule id already in the base ruleset; list it under `replace`"
            )
        by_id[rule.id] = rule
    missing = replace - by_id.keys()
    if missing:
        raise RuleFileError(f"{source}: `replace` names rules with no replacement: {sorted(missing)}")
    merged = [by_id.pop(r.id, r) for r in base_rules if r.id not in retire]
    merged.extend(r for r in own if r.id in by_id)
    return tuple(sorted(merged, key=_law_order))


_CONFIDENCE = ("low", "medium", "high")


def _as_provider(rules: tuple[Rule, ...], predicates: Callable[[str], _engine.Predicate]
                 ) -> tuple[Rule, ...]:
    """The rules, each duty declaring ``as_provider`` followed by the provider's duties in those
    regimes (but those it lists under ``except``) as duties of its own role: an operator
    considered the provider (Art 25(1), (3)) bears them where both that duty and the provider's
    hold.

    A provider duty of a regime the taker is not in itself (Art 50(1) beside the high-risk
    regimes) is borne for the taker's system: in the taker's regimes, where the rule opening the
    provider duty's regime holds too, from that regime's date. A derived duty has the ids of the
    two joined (``art_25_1_deployer_art_09``), the provider duty's title (naming the role and the
    provision that makes it the provider) and citation, and the dates all the rules it joins are
    in force."""
    out: list[Rule] = []
    ids = {r.id for r in rules}
    openers_of: dict[tuple[str, ...], tuple[Rule, ...]] = {}  # the rules opening some regime
    for taker in rules:
        out.append(taker)
        unknown = set(taker.not_as_provider) - ids
        if unknown:
            raise RuleFileError(f"{taker.source}: `as_provider.except` names no rule: {sorted(unknown)}")
        for duty in rules if taker.as_provider else ():
            if duty.role is not Role.PROVIDER or duty.id in taker.not_as_provider:
                continue
            shared = tuple(regime for regime in duty.regimes if regime in taker.as_provider)
            if not shared:
                continue
            own = tuple(regime for regime in shared if regime in taker.regimes)
            openers = () if own else openers_of.get(shared)
            if openers is None:
                openers = openers_of[shared] = tuple(r for r in rules if not set(r.opens).isdisjoint(shared))
            joined = (taker, duty, *openers)
            start = max(r.effective_from for r in joined)
            until = min((r.effective_until for r in joined if r.effective_until), default=None)
            if until is not None and until <= start:
                continue
            conditions = [f"({r.when.text})" for r in (duty, taker) if r.when.text != "true"]
            if openers:
                conditions.append("(" + " or ".join(f"({r.when.text})" for r in openers) + ")")
            assert taker.role is not None  # an obligation's, see parse_rule
            role = taker.role.value.replace("_", " ")
            out.append(replaced(
                duty, id=f"{taker.id}_{duty.id}", role=taker.role, regimes=own or taker.regimes,
                title=f"{duty.title} ({role} as the provider, {taker.citation.provision})",
                applies_from=duty.applies_from or (None if own else shared[0]),
                when=predicates(" and ".join(conditions)) if len(conditions) > 1 else taker.when,
                effective_from=start, effective_until=until,
                derived_from=tuple(r.id for r in joined),
                confidence=min((r.confidence for r in joined), key=_CONFIDENCE.index),
                source=taker.source))
    return tuple(out)


_STAGE = {"out_of_scope": 0, "prohibited": 1, "high_risk": 2, "exception": 3, "limited": 4,
          "minimal": 5}


def _law_order(rule: Rule) -> tuple[int, str]:
    """Scope, Art 5, Art 6, exceptions, Art 50, minimal, models, then obligations."""
    return (_STAGE.get(rule.outcome, 6 if rule.model_class else 7), rule.source.split(":")[0])


def _defeaters(rules: tuple[Rule, ...]) -> dict[str, tuple[str, ...]]:
    """For each rule, the rules that override it; a cycle is a conflict. Patterns name the rules
    of the files; a derived duty (see :func:`_as_provider`) falls with any rule it joins."""
    ids = [r.id for r in rules if r.derived_from is None]
    defeat: dict[str, set[str]] = {r.id: set() for r in rules}
    for rule in rules:
        for pattern in rule.overrides:
            for target in _matching(pattern, ids, rule):
                defeat[target].add(rule.id)
        for pattern in rule.yields_to:
            for winner in _matching(pattern, ids, rule):
                defeat[rule.id].add(winner)
    for rule in rules:  # a derived duty falls with any rule it joins
        if rule.derived_from is not None:
            defeat[rule.id] = set().union(*(defeat[joined] for joined in rule.derived_from))
    _check_acyclic(defeat, {r.id: r.source for r in rules})
    return {rid: tuple(sorted(d)) for rid, d in defeat.items()}


def _matching(pattern: str, ids: list[str], rule: Rule) -> list[str]:
    """The ids ``pattern`` names (a shell-style pattern, or an id), ``rule``'s own left out."""
    if any(char in pattern for char in "*?["):
        found = [i for i in filter(re.compile(fnmatch.translate(pattern)).match, ids) if i != rule.id]
    else:
        found = [pattern] if pattern != rule.id and pattern in ids else []
    if not found:
        raise RuleFileError(f"{rule.source}: `{pattern}` matches no rule{did_you_mean(pattern, ids)}")
    return found


MAX_OVERRIDE_DEPTH = 64
"""The longest chain of rules overriding one another (the shipped rules chain at most a few)."""


def _check_acyclic(defeat: Mapping[str, set[str]], sources: Mapping[str, str]) -> None:
    """Refuse rules that override each other in a cycle, naming each rule's file and line, and
    chains of overrides longer than :data:`MAX_OVERRIDE_DEPTH`. Walked without recursion."""
    depth: dict[str, int] = {}
    for root in defeat:
        if root in depth:
            continue
        path, stack = [root], [iter(sorted(defeat[root]))]
        while stack:
            nxt = next(stack[-1], None)
            if nxt is None:
                node = path.pop()
                stack.pop()
                depth[node] = 1 + max((depth[d] for d in defeat[node]), default=0)
                if depth[node] > MAX_OVERRIDE_DEPTH:
                    raise RuleConflictError(
                        f"{sources[node]}: more than {MAX_OVERRIDE_DEPTH} rules override each "
                        "other in a chain"
                    )
            elif nxt in path:
                cycle = [*path[path.index(nxt):], nxt]
                raise RuleConflictError("rules override each other in a cycle: " + " -> ".join(
                    f"{rule_id} ({sources[rule_id].split(': rule')[0]})" for rule_id in cycle))
            elif nxt not in depth:
                path.append(nxt)
                stack.append(iter(sorted(defeat[nxt])))
