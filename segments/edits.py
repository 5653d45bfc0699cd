"""Edits of a rule being built: a mutable rule document and undoable commands.

The visual builder never changes a rule in place: every edit is a command
(a plain dataclass with :meth:`~EditCommand.apply` and
:meth:`~EditCommand.revert`) run on a :class:`RuleDocument`, so undo/redo is
exact and testable without Qt. ``ui/`` wraps the commands in one
QUndoCommand adapter.

Nodes are addressed by a tuple of child indexes (:data:`NodePath`): the root
is ``()``; a group's children are its ``all``/``any`` list; a ``not`` has one
child, index 0. :func:`path_text` turns such a path into the core's
``all[3].any[1]`` form used in error messages, :func:`path_from_text` back.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from segments.rules import DAY_COUNT_OPS, LIST_OPS, NO_VALUE_OPS

NodePath = tuple[int, ...]
Node = dict[str, Any]

GROUP_KINDS = ("all", "any")


def node_kind(node: Node) -> str:
    """``all``, ``any``, ``not``, ``segment`` or ``condition``."""
    if "field" in node:
        return "condition"
    for key in ("all", "any", "not", "segment"):
        if key in node:
            return key
    raise ValueError(f"not a rule node: {node!r}")


def children(node: Node) -> list[Node]:
    """The children of ``node``: a group's list (the live list), a ``not``'s one child."""
    kind = node_kind(node)
    if kind in GROUP_KINDS:
        items: list[Node] = node[kind]
        return items
    if kind == "not":
        return [node["not"]]
    return []


def normalize_root(rule: Any) -> Node:
    """A deep copy of ``rule`` whose root is a group (a lone rule becomes ``{"all": [rule]}``).

    The builder edits groups at the top; ``{"all": [r]}`` matches exactly what ``r`` does.
    """
    if rule is None:
        return {"all": []}
    node = copy.deepcopy(rule)
    if isinstance(node, dict) and ("all" in node or "any" in node) and len(node) == 1:
        return node
    return {"all": [node]}


class RuleDocument:
    """A rule tree being edited, with listeners told after every change.

    Args:
        rule: the rules JSON to start from (copied; see :func:`normalize_root`).
    """

    def __init__(self, rule: Any = None) -> None:
        self.root: Node = normalize_root(rule)
        self.listeners: list[Callable[[EditCommand], None]] = []

    def node(self, path: NodePath) -> Node:
        """The node at ``path``."""
        node = self.root
        for index in path:
            node = children(node)[index]
        return node

    def to_json(self) -> Node:
        """A deep copy of the rule, ready to save or count."""
        return copy.deepcopy(self.root)

    def apply(self, command: EditCommand) -> None:
        """Run ``command`` and tell the listeners."""
        command.apply(self)
        self._notify(command)

    def revert(self, command: EditCommand) -> None:
        """Undo ``command`` (the last one applied) and tell the listeners."""
        command.revert(self)
        self._notify(command)

    def _notify(self, command: EditCommand) -> None:
        for listener in list(self.listeners):
            listener(command)

    # -- low-level tree surgery, used by the commands --------------------------

    def _set(self, path: NodePath, node: Node) -> Node:
        if not path:
            old = self.root
            self.root = node
            return old
        parent = self.node(path[:-1])
        if node_kind(parent) == "not":
            negated: Node = parent["not"]
            parent["not"] = node
            return negated
        items = children(parent)
        old = items[path[-1]]
        items[path[-1]] = node
        return old

    def _insert(self, parent_path: NodePath, index: int, node: Node) -> None:
        parent = self.node(parent_path)
        if node_kind(parent) not in GROUP_KINDS:
            raise ValueError("nodes can only be added to an AND/OR group")
        items = children(parent)
        if not 0 <= index <= len(items):
            raise IndexError(f"no position {index} in a group of {len(items)}")
        items.insert(index, node)

    def _remove(self, path: NodePath) -> Node:
        if not path:
            raise ValueError("the root group cannot be removed")
        parent = self.node(path[:-1])
        if node_kind(parent) not in GROUP_KINDS:
            raise ValueError("the rule inside NOT cannot be removed; remove the NOT")
        return children(parent).pop(path[-1])


class EditCommand:
    """An undoable edit of a :class:`RuleDocument`.

    ``merge_key`` (when not None) lets the next command with the same key
    and path fold into this one: typing ``Москва`` is one undo step.
    """

    merge_key: str | None = None

    def apply(self, doc: RuleDocument) -> None:
        """Make the change."""
        raise NotImplementedError

    def revert(self, doc: RuleDocument) -> None:
        """Undo the change; the document is as it was before :meth:`apply`."""
        raise NotImplementedError

    def merge(self, other: EditCommand) -> bool:
        """Absorb ``other`` (already applied after this one); False if it does not fit."""
        return False


@dataclass
class ReplaceNode(EditCommand):
    """Put ``new`` at ``path`` (a condition's field, operator or value changed, a wrap in NOT).

    Args:
        path: the node to replace.
        new: the replacement node (copied).
        merge_key: keystrokes of one editor share a key and merge into one step.
    """

    path: NodePath
    new: Node
    merge_key: str | None = None
    old: Node | None = field(default=None, init=False)

    def apply(self, doc: RuleDocument) -> None:
        self.old = doc._set(self.path, copy.deepcopy(self.new))

    def revert(self, doc: RuleDocument) -> None:
        assert self.old is not None, "revert before apply"
        doc._set(self.path, copy.deepcopy(self.old))

    def merge(self, other: EditCommand) -> bool:
        if (isinstance(other, ReplaceNode) and self.merge_key is not None
                and other.merge_key == self.merge_key and other.path == self.path):
            self.new = copy.deepcopy(other.new)
            return True
        return False


@dataclass
class InsertNode(EditCommand):
    """Add ``node`` to the group at ``parent`` at position ``index`` (``-1``: at the end)."""

    parent: NodePath
    index: int
    node: Node
    at: int = field(default=-1, init=False)

    def apply(self, doc: RuleDocument) -> None:
        size = len(children(doc.node(self.parent)))
        self.at = size if self.index < 0 else self.index
        doc._insert(self.parent, self.at, copy.deepcopy(self.node))

    def revert(self, doc: RuleDocument) -> None:
        doc._remove((*self.parent, self.at))

    @property
    def new_path(self) -> NodePath:
        """Where the node went (after :meth:`apply`)."""
        return (*self.parent, self.at)


@dataclass
class RemoveNode(EditCommand):
    """Remove the node at ``path`` from its group."""

    path: NodePath
    removed: Node | None = field(default=None, init=False)

    def apply(self, doc: RuleDocument) -> None:
        self.removed = doc._remove(self.path)

    def revert(self, doc: RuleDocument) -> None:
        assert self.removed is not None, "revert before apply"
        doc._insert(self.path[:-1], self.path[-1], self.removed)


def _after_removal(path: NodePath, removed: NodePath) -> NodePath:
    """Where ``path`` points once the node at ``removed`` is gone (``path`` not inside it)."""
    depth = len(removed) - 1
    if (len(path) > depth and path[:depth] == removed[:depth]
            and path[depth] > removed[depth]):
        return (*path[:depth], path[depth] - 1, *path[depth + 1:])
    return path


@dataclass
class MoveNode(EditCommand):
    """Drag a node into a group: from ``source`` to position ``index`` of group ``target``.

    ``target`` and ``index`` are read in the tree as it is before the move
    (where the drop indicator was drawn); a node cannot go inside itself.
    """

    source: NodePath
    target: NodePath
    index: int
    final: NodePath = field(default=(), init=False)

    def apply(self, doc: RuleDocument) -> None:
        if self.target[:len(self.source)] == self.source:
            raise ValueError("a group cannot be moved into itself")
        if not self.source:
            raise ValueError("the root group cannot be moved")
        slot = _after_removal((*self.target, self.index), self.source)
        node = doc._remove(self.source)
        doc._insert(slot[:-1], slot[-1], node)
        self.final = slot

    def revert(self, doc: RuleDocument) -> None:
        # Without the node the tree is as it was right after the removal,
        # where ``source`` still names the place the node came from.
        node = doc._remove(self.final)
        doc._insert(self.source[:-1], self.source[-1], node)

    def is_noop(self) -> bool:
        """Whether dropping puts the node back where it is."""
        return _after_removal((*self.target, self.index), self.source) == self.source


@dataclass
class SetGroupKind(EditCommand):
    """Switch the group at ``path`` between AND (``all``) and OR (``any``)."""

    path: NodePath
    kind: str
    old_kind: str = field(default="", init=False)

    def apply(self, doc: RuleDocument) -> None:
        if self.kind not in GROUP_KINDS:
            raise ValueError(f"a group is 'all' or 'any', not {self.kind!r}")
        node = doc.node(self.path)
        self.old_kind = node_kind(node)
        if self.old_kind not in GROUP_KINDS:
            raise ValueError("only an AND/OR group has a kind to switch")
        doc._set(self.path, {self.kind: node[self.old_kind]})

    def revert(self, doc: RuleDocument) -> None:
        node = doc.node(self.path)
        doc._set(self.path, {self.old_kind: node[self.kind]})


def wrap_in_not(node: Node) -> Node:
    """``{"not": node}``; a NOT of a NOT is undone instead (double negation)."""
    if node_kind(node) == "not":
        return copy.deepcopy(node["not"])
    return {"not": copy.deepcopy(node)}


# -- reading a rule --------------------------------------------------------


def path_text(root: Node, path: NodePath) -> str:
    """The core's name of the node at ``path`` (``all[3].any[1]``; the root is ``""``)."""
    parts: list[str] = []
    node = root
    for index in path:
        kind = node_kind(node)
        parts.append(f"{kind}[{index}]" if kind in GROUP_KINDS else "not")
        node = children(node)[index]
    return ".".join(parts)


_PATH_PART = re.compile(r"^(all|any)\[(\d+)\]$|^not$")


def path_from_text(text: str) -> NodePath | None:
    """The node path named by the core (``all[3].any[1]``), or None if it names none."""
    if text in ("", "rule"):
        return ()
    path: list[int] = []
    for part in text.split("."):
        match = _PATH_PART.match(part)
        if match is None:
            return None
        path.append(int(match.group(2)) if match.group(2) is not None else 0)
    return tuple(path)


def error_path(message: str) -> NodePath | None:
    """The node a core error message starts with (``all[1]: ...``), if any."""
    head, sep, _rest = message.partition(": ")
    if not sep or " " in head:
        return None
    return path_from_text(head)


def needs_value(node: Node) -> bool:
    """Whether a condition's operator takes a value."""
    return node.get("op") not in NO_VALUE_OPS


def missing_value_paths(root: Node, path: NodePath = ()) -> list[NodePath]:
    """Conditions whose value is still blank (empty text or empty list), in tree order.

    The core accepts a blank text (it matches nothing useful); the builder
    asks for the value first instead of counting.
    """
    kind = node_kind(root)
    if kind == "condition":
        if not needs_value(root):
            return []
        value = root.get("value")
        op = root.get("op")
        blank = value is None or (isinstance(value, str) and not value.strip())
        if op in LIST_OPS:
            blank = not isinstance(value, list) or not any(
                not (isinstance(v, str) and not v.strip()) for v in value)
        if op in DAY_COUNT_OPS:
            blank = value is None
        return [path] if blank else []
    if kind == "segment":
        name = root.get("segment")
        return [path] if not (isinstance(name, str) and name.strip()) else []
    found: list[NodePath] = []
    for i, child in enumerate(children(root)):
        found.extend(missing_value_paths(child, (*path, i)))
    return found


def shape(root: Node) -> Any:
    """The tree's shape: kinds and children, ignoring AND vs OR and condition contents.

    Two documents of the same shape are drawn by the same widgets.
    """
    kind = node_kind(root)
    if kind in GROUP_KINDS:
        return ("group", tuple(shape(c) for c in children(root)))
    if kind == "not":
        return ("not", shape(root["not"]))
    return kind


def depth(root: Node) -> int:
    """Levels of groups and NOTs (a lone group of conditions is 1)."""
    kind = node_kind(root)
    if kind in ("condition", "segment"):
        return 0
    return 1 + max((depth(c) for c in children(root)), default=0)
