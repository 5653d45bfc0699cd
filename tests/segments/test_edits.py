"""Rule-document commands round-trip without Qt (segments.edits)."""

from __future__ import annotations

import copy
import random
from typing import Any

import pytest

from segments import parse_rule
from segments.edits import (
    InsertNode,
    MoveNode,
    RemoveNode,
    ReplaceNode,
    RuleDocument,
    SetGroupKind,
    depth,
    error_path,
    missing_value_paths,
    normalize_root,
    path_from_text,
    path_text,
    wrap_in_not,
)

EXAMPLE = {"all": [
    {"field": "gender", "op": "eq", "value": "female"},
    {"field": "age", "op": "between", "value": [25, 40]},
    {"field": "city", "op": "in", "value": ["Москва", "Санкт-Петербург"]},
    {"any": [
        {"field": "bought_category", "op": "eq", "value": "Платья"},
        {"field": "viewed_category", "op": "eq", "value": "Платья", "within_days": 30},
    ]},
    {"not": {"field": "days_since_last_order", "op": "lt", "value": 90}},
]}


def _round_trip(doc: RuleDocument, command: object) -> None:
    before = copy.deepcopy(doc.root)
    doc.apply(command)  # type: ignore[arg-type]
    after = copy.deepcopy(doc.root)
    assert after != before
    doc.revert(command)  # type: ignore[arg-type]
    assert doc.root == before
    doc.apply(command)  # type: ignore[arg-type]
    assert doc.root == after


def test_normalize_wraps_a_lone_rule_and_copies() -> None:
    lone = {"field": "lifecycle", "op": "eq", "value": "hot"}
    assert normalize_root(lone) == {"all": [lone]}
    assert normalize_root(None) == {"all": []}
    doc = RuleDocument(EXAMPLE)
    doc.root["all"].pop()
    assert len(EXAMPLE["all"]) == 5  # the caller's rule is never touched


def test_replace_value_and_merge_keystrokes() -> None:
    doc = RuleDocument(EXAMPLE)
    first = ReplaceNode((0,), {"field": "city", "op": "eq", "value": "М"}, merge_key="value")
    doc.apply(first)
    second = ReplaceNode((0,), {"field": "city", "op": "eq", "value": "Мо"}, merge_key="value")
    doc.apply(second)
    assert first.merge(second)
    assert not first.merge(ReplaceNode((1,), {"field": "city", "op": "eq", "value": "x"},
                                       merge_key="value"))
    assert not ReplaceNode((0,), {}, merge_key=None).merge(second)
    doc.revert(first)  # the merged command undoes both keystrokes
    assert doc.root == EXAMPLE
    doc.apply(first)
    assert doc.node((0,)) == {"field": "city", "op": "eq", "value": "Мо"}


def test_insert_remove_kind_wrap_round_trips() -> None:
    doc = RuleDocument(EXAMPLE)
    _round_trip(doc, InsertNode((3,), 1, {"field": "searched", "op": "exists"}))
    assert doc.node((3, 1)) == {"field": "searched", "op": "exists"}
    end = InsertNode((), -1, {"any": []})
    _round_trip(doc, end)
    assert end.new_path == (5,)
    _round_trip(doc, RemoveNode((2,)))
    _round_trip(doc, SetGroupKind((2,), "all"))
    assert set(doc.node((2,))) == {"all"}
    with pytest.raises(ValueError):
        doc.apply(SetGroupKind((3,), "any"))  # a NOT has no kind
    _round_trip(doc, ReplaceNode((0,), wrap_in_not(doc.node((0,)))))
    assert doc.node((0,)) == {"not": {"field": "gender", "op": "eq", "value": "female"}}
    assert wrap_in_not(doc.node((0,))) == {"field": "gender", "op": "eq", "value": "female"}
    # the rule inside NOT is replaced through path (…, 0)
    _round_trip(doc, ReplaceNode((0, 0), {"field": "gender", "op": "eq", "value": "male"}))
    parse_rule(doc.to_json())


@pytest.mark.parametrize(("source", "target", "index", "expected_final"), [
    ((0,), (), 3, (2,)),            # down within the same group
    ((2,), (), 0, (0,)),            # up within the same group
    ((0,), (3,), 1, (2, 1)),        # into a later nested group: its path shifts
    ((3, 0), (), 0, (0,)),          # out of a nested group
    ((3, 1), (), 5, (5,)),          # out, to the very end
])
def test_move_round_trips(source: tuple[int, ...], target: tuple[int, ...], index: int,
                          expected_final: tuple[int, ...]) -> None:
    doc = RuleDocument(EXAMPLE)
    moved = copy.deepcopy(doc.node(source))
    command = MoveNode(source, target, index)
    _round_trip(doc, command)
    assert command.final == expected_final
    assert doc.node(expected_final) == moved


def test_move_refusals_and_noop() -> None:
    doc = RuleDocument(EXAMPLE)
    with pytest.raises(ValueError):
        doc.apply(MoveNode((3,), (3,), 0))
    with pytest.raises(ValueError):
        doc.apply(RemoveNode(()))
    with pytest.raises(ValueError):
        doc.apply(RemoveNode((4, 0)))  # the rule inside NOT
    assert MoveNode((1,), (), 1).is_noop() and MoveNode((1,), (), 2).is_noop()
    assert not MoveNode((1,), (), 3).is_noop()


def test_random_edit_sequences_undo_to_the_start() -> None:
    rng = random.Random(7)
    for _ in range(30):
        doc = RuleDocument(EXAMPLE)
        done = []
        snapshots = [copy.deepcopy(doc.root)]
        for _ in range(12):
            groups = [p for p in _paths(doc.root) if set(doc.node(p)) & {"all", "any"}]
            removable = [p for p in _paths(doc.root)
                         if p and set(doc.node(p[:-1])) & {"all", "any"}]
            choice = rng.randrange(3)
            if choice == 0 or not removable:
                g = rng.choice(groups)
                size = len(next(iter(doc.node(g).values())))
                cmd: object = InsertNode(g, rng.randint(0, size), {"any": []})
            elif choice == 1:
                cmd = RemoveNode(rng.choice(removable))
            else:
                src = rng.choice(removable)
                targets = [g for g in groups if g[:len(src)] != src]
                g = rng.choice(targets)
                size = len(next(iter(doc.node(g).values())))
                cmd = MoveNode(src, g, rng.randint(0, size))
            doc.apply(cmd)  # type: ignore[arg-type]
            done.append(cmd)
            snapshots.append(copy.deepcopy(doc.root))
        for cmd in reversed(done):
            snapshots.pop()
            doc.revert(cmd)  # type: ignore[arg-type]
            assert doc.root == snapshots[-1]
        assert doc.root == EXAMPLE


def _paths(node: dict[str, Any], path: tuple[int, ...] = ()) -> list[tuple[int, ...]]:
    out = [path]
    if "not" in node:
        out += _paths(node["not"], (*path, 0))
    for key in ("all", "any"):
        for i, child in enumerate(node.get(key, [])):
            out += _paths(child, (*path, i))
    return out


def test_listeners_hear_every_change() -> None:
    doc = RuleDocument()
    heard: list[Any] = []
    doc.listeners.append(heard.append)
    command = InsertNode((), 0, {"field": "city", "op": "eq", "value": "Казань"})
    doc.apply(command)
    doc.revert(command)
    assert heard == [command, command]


def test_paths_match_the_core_error_names() -> None:
    assert path_text(EXAMPLE, (3, 1)) == "all[3].any[1]"
    assert path_text(EXAMPLE, (4, 0)) == "all[4].not"
    assert path_from_text("all[3].any[1]") == (3, 1)
    assert path_from_text("all[4].not") == (4, 0)
    assert path_from_text("rule") == ()
    assert path_from_text("--name x") is None
    bad = {"all": [EXAMPLE["all"][0], {"any": [{"field": "age", "op": "eq", "value": "x"}]}]}
    from segments import SegmentError
    with pytest.raises(SegmentError) as caught:
        parse_rule(bad)
    assert error_path(str(caught.value)) == (1, 0)
    assert error_path("there is no saved segment named 'x'") is None


def test_missing_values_and_depth() -> None:
    rule = {"all": [
        {"field": "city", "op": "eq", "value": " "},
        {"field": "city", "op": "in", "value": []},
        {"field": "city", "op": "is_empty"},
        {"not": {"any": [{"field": "age", "op": "gt", "value": 3},
                         {"segment": ""}]}},
    ]}
    assert missing_value_paths(rule) == [(0,), (1,), (3, 0, 1)]
    assert missing_value_paths(EXAMPLE) == []
    assert depth(EXAMPLE) == 2
    assert depth(rule) == 3
