"""The rule model: parse and validate the JSON of segments.md into typed nodes.

:func:`parse_rule` accepts the decoded JSON and returns a tree of
:class:`Group`, :class:`Not`, :class:`Condition` and :class:`Reference`
nodes; every mistake raises :class:`~segments.errors.SegmentError` whose
message starts with the path of the offending node (``all[3].any[1]``; the
whole rule is ``rule``). Values are normalised on the way: text is folded
like the stored ``*_ci`` columns, dates become :class:`datetime.date`.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from segments.errors import SegmentError
from segments.fields import FieldSpec, field_spec
from workspace.text import fold

CONDITION_KEYS = frozenset({"field", "op", "value", "within_days", "min_count"})
NO_VALUE_OPS = frozenset({"is_empty", "is_not_empty", "exists"})
LIST_OPS = frozenset({"in", "not_in"})
DAY_COUNT_OPS = frozenset({"within_last_days", "more_than_days_ago"})
MAX_DEPTH = 32
"""Deepest nesting of groups (``all``/``any``/``not``) a rule may have, saved
segments it refers to included: deeper rules are refused before they reach
the database (whose expression depth is bounded) or Python's recursion limit."""


@dataclass(frozen=True)
class Group:
    """``{"all": [...]}`` (``kind`` "all", AND) or ``{"any": [...]}`` (OR)."""

    kind: str
    children: tuple[Rule, ...]
    path: str


@dataclass(frozen=True)
class Not:
    """``{"not": rule}``: the exact complement of ``child``."""

    child: Rule
    path: str


@dataclass(frozen=True)
class Reference:
    """``{"segment": name}``: the contacts of a saved segment."""

    name: str
    path: str


@dataclass(frozen=True)
class Condition:
    """``{"field", "op", "value"}`` with the optional behaviour window.

    ``value`` is normalised: folded text (or a tuple of them), a number, a
    bool, a :class:`date`, a ``(low, high)`` tuple for ``between``, or None
    for operators without a value.
    """

    field: FieldSpec
    op: str
    value: Any
    path: str
    within_days: int | None = None
    min_count: int = 1


Rule = Group | Not | Reference | Condition


def _child(path: str, key: str, index: int | None = None) -> str:
    part = key if index is None else f"{key}[{index}]"
    return f"{path}.{part}" if path else part


def _where(path: str) -> str:
    return path or "rule"


def _fail(path: str, message: str) -> SegmentError:
    return SegmentError(f"{_where(path)}: {message}")


def too_deep(path: str) -> SegmentError:
    """The error for a rule nested deeper than :data:`MAX_DEPTH` at ``path``."""
    where = _where(path)
    if len(where) > 120:
        where = where[:50] + "..." + where[-60:]
    return SegmentError(f"{where}: the rule is nested more than {MAX_DEPTH} levels deep "
                        "(saved segments it refers to included); make it flatter")


def parse_rule(data: Any, path: str = "", *, depth: int = 0) -> Rule:
    """Validate ``data`` (decoded JSON) and return the rule tree.

    ``depth`` is how deep ``data`` already sits (for nested calls).

    Raises:
        SegmentError: naming the path of the first bad node; a rule nested
            deeper than :data:`MAX_DEPTH` is one.
    """
    if depth > MAX_DEPTH:
        raise too_deep(path)
    if not isinstance(data, dict):
        raise _fail(path, f"a rule must be a JSON object, not {json.dumps(data)[:60]}")
    if "field" in data:
        return _parse_condition(data, path)
    keys = set(data)
    if len(keys) != 1:
        raise _fail(path, "a rule must have exactly one of 'all', 'any', 'not', 'segment' "
                          f"or be a condition with 'field'; got keys {sorted(keys)}")
    (key,) = keys
    value = data[key]
    if key in ("all", "any"):
        if not isinstance(value, list):
            raise _fail(path, f"'{key}' must be a list of rules")
        return Group(key, tuple(parse_rule(item, _child(path, key, i), depth=depth + 1)
                                for i, item in enumerate(value)), path)
    if key == "not":
        return Not(parse_rule(value, _child(path, "not"), depth=depth + 1), path)
    if key == "segment":
        if not isinstance(value, str) or not value.strip():
            raise _fail(path, "'segment' must be the name of a saved segment")
        return Reference(value.strip(), path)
    raise _fail(path, f"unknown key '{key}' (expected all, any, not, segment or field)")


def load_rule_file(path: Path) -> Any:
    """Read a rules JSON file; unreadable or invalid JSON is a :class:`SegmentError`."""
    try:
        return json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise SegmentError(f"cannot read {path}: {exc.strerror}") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SegmentError(f"{path} is not valid JSON: {exc}") from exc
    except RecursionError:
        raise SegmentError(f"{path}: the rule is nested far more than {MAX_DEPTH} levels "
                           "deep; make it flatter") from None


def _is_number(value: Any) -> bool:
    return (isinstance(value, int | float) and not isinstance(value, bool)
            and math.isfinite(value))


def _non_negative_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _parse_condition(data: dict[str, Any], path: str) -> Condition:
    extra = set(data) - CONDITION_KEYS
    if extra:
        raise _fail(path, f"unknown key(s) {sorted(extra)} in a condition")
    name = data["field"]
    if not isinstance(name, str):
        raise _fail(path, "'field' must be a field name")
    spec = field_spec(name)
    if spec is None:
        raise _fail(path, f"unknown field '{name}'")
    op = data.get("op")
    if not isinstance(op, str):
        raise _fail(path, f"'op' is missing for field '{name}'")
    if op not in spec.ops:
        raise _fail(path, f"operator '{op}' does not fit field '{name}' ({spec.type}); "
                          f"use one of {', '.join(spec.ops)}")
    within = data.get("within_days")
    min_count = data.get("min_count", 1)
    if ("within_days" in data or "min_count" in data) and not spec.takes_window:
        raise _fail(path, f"'within_days' and 'min_count' are only for behaviour fields, "
                          f"not '{name}'")
    if within is not None and not _non_negative_int(within):
        raise _fail(path, "'within_days' must be a whole number of days, 0 or more")
    if not (_non_negative_int(min_count) and min_count >= 1):
        raise _fail(path, "'min_count' must be a whole number, 1 or more")
    if op in NO_VALUE_OPS:
        value = None
    else:
        if "value" not in data:
            raise _fail(path, f"'value' is missing for operator '{op}'")
        value = _parse_value(spec, op, data["value"], path)
    return Condition(spec, op, value, path, within, min_count)


def _parse_value(spec: FieldSpec, op: str, raw: Any, path: str) -> Any:
    if op in LIST_OPS:
        if not isinstance(raw, list):
            raise _fail(path, f"operator '{op}' needs a list of values")
        return tuple(_scalar(spec, op, item, path) for item in raw)
    if op == "between":
        if not (isinstance(raw, list) and len(raw) == 2):
            raise _fail(path, "operator 'between' needs [low, high]")
        low, high = (_scalar(spec, op, item, path) for item in raw)
        return (low, high)
    if op in DAY_COUNT_OPS:
        if not _non_negative_int(raw):
            raise _fail(path, f"operator '{op}' needs a whole number of days, 0 or more")
        return raw
    return _scalar(spec, op, raw, path)


def _scalar(spec: FieldSpec, op: str, raw: Any, path: str) -> Any:
    kind = spec.type
    if kind in ("text", "purchase", "behaviour", "custom"):
        if not isinstance(raw, str):
            raise _fail(path, f"field '{spec.name}' needs text, not {json.dumps(raw)}")
        return fold(raw)
    if kind == "enum":
        folded = fold(raw) if isinstance(raw, str) else None
        if folded not in spec.values:
            raise _fail(path, f"{json.dumps(raw, ensure_ascii=False)} is not a value of "
                              f"'{spec.name}'; use one of {', '.join(spec.values)}")
        return folded
    if kind == "bool":
        if not isinstance(raw, bool):
            raise _fail(path, f"field '{spec.name}' needs true or false")
        return raw
    if kind == "number":
        if not _is_number(raw):
            raise _fail(path, f"field '{spec.name}' needs a number, not {json.dumps(raw)}")
        return raw
    if kind == "date":
        if isinstance(raw, str):
            try:
                return date.fromisoformat(raw.strip())
            except ValueError:
                pass
        raise _fail(path, f"field '{spec.name}' needs a date YYYY-MM-DD, not {json.dumps(raw)}")
    raise AssertionError(kind)


def rule_depth(rule: Rule, saved_depth: Callable[[str], int] | None = None) -> int:
    """How many groups deep ``rule`` is nested (a lone condition is 0).

    With ``saved_depth`` a reference counts as deep as the saved segment it
    names (``saved_depth(name)``), since compiling inlines it.
    """
    if isinstance(rule, Group):
        return 1 + max((rule_depth(c, saved_depth) for c in rule.children), default=0)
    if isinstance(rule, Not):
        return 1 + rule_depth(rule.child, saved_depth)
    if isinstance(rule, Reference) and saved_depth is not None:
        return saved_depth(rule.name)
    return 0


def deepest_path(rule: Rule, saved_depth: Callable[[str], int] | None = None) -> str:
    """The path of the node where ``rule`` is nested deepest (for :func:`too_deep`)."""
    node = rule
    while True:
        if isinstance(node, Group) and node.children:
            node = max(node.children, key=lambda c: rule_depth(c, saved_depth))
        elif isinstance(node, Not):
            node = node.child
        else:
            return node.path


def referenced_names(rule: Rule) -> set[str]:
    """Names of the saved segments ``rule`` refers to directly."""
    if isinstance(rule, Reference):
        return {rule.name}
    if isinstance(rule, Not):
        return referenced_names(rule.child)
    if isinstance(rule, Group):
        return set().union(*(referenced_names(c) for c in rule.children))
    return set()


def mentions_field(rule: Rule, name: str) -> bool:
    """Whether a condition of ``rule`` (not counting references) tests field ``name``."""
    if isinstance(rule, Condition):
        return rule.field.name == name
    if isinstance(rule, Not):
        return mentions_field(rule.child, name)
    if isinstance(rule, Group):
        return any(mentions_field(c, name) for c in rule.children)
    return False
