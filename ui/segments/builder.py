"""The visual rule builder: nested AND/OR groups, NOT, conditions, drag and drop, undo.

:class:`RuleBuilder` shows a :class:`~segments.edits.RuleDocument` as nested
frames. Every user edit becomes a command of :mod:`segments.edits`, pushed
on the builder's QUndoStack through :class:`EditUndoCommand`; the document
tells the builder after each change, and the builder either updates the
rows in place (same shape of tree: typing keeps focus) or redraws.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import (
    QUndoCommand,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from segments.edits import (
    EditCommand,
    InsertNode,
    MoveNode,
    Node,
    NodePath,
    RemoveNode,
    ReplaceNode,
    RuleDocument,
    SetGroupKind,
    node_kind,
    shape,
    wrap_in_not,
)
from ui.segments.editors import (
    Suggest,
)
from ui.segments.nodes import (
    ConditionRow,
    GroupFrame,
    NodeFrame,
    NotFrame,
    ReferenceRow,
)

STYLE = """
QFrame#ruleGroup { border: 1px solid #d6dce6; border-left: 4px solid #2f6fde;
                   border-radius: 8px; background: #fbfcfe; }
QFrame#ruleGroup[kind="any"] { border-left-color: #e08a1e; background: #fffcf7; }
QFrame#ruleNot { border: 1px solid #e6c9c7; border-left: 4px solid #b3261e;
                 border-radius: 8px; background: #fff8f7; }
QFrame#ruleRow { border: 1px solid #e3e7ee; border-radius: 6px; background: white; }
QFrame#ruleRow[invalid="true"], QFrame#ruleGroup[invalid="true"] { border: 2px solid #b3261e; }
QFrame#ruleGroup[dropTarget="true"] { background: #e9f1ff; }
QLabel#dragHandle { color: #9aa3b2; font-size: 15px; padding: 0 2px; }
QLabel#kindLabel { font-weight: 600; color: #173f8a; }
QLabel#notLabel { font-weight: 700; color: #b3261e; }
QToolButton#rowButton { border: none; color: #5f6b7c; padding: 2px 6px; border-radius: 4px; }
QToolButton#rowButton:hover { background: #eef1f6; color: #1d2433; }
QToolButton#addButton { border: 1px dashed #b7c3d9; border-radius: 6px; color: #2f6fde;
                        padding: 3px 10px; background: white; }
QToolButton#addButton:hover { background: #eef4ff; }
QToolButton#chip { border: 1px solid #c7d5f0; border-radius: 10px; background: #eaf1fd;
                   color: #173f8a; padding: 1px 8px; }
QToolButton#chip:hover { background: #d9e6fb; }
"""


class EditUndoCommand(QUndoCommand):
    """The one Qt adapter for :class:`~segments.edits.EditCommand` (redo = apply)."""

    MERGE_ID = 0x5E6

    def __init__(self, document: RuleDocument, command: EditCommand, text: str) -> None:
        super().__init__(text)
        self.document = document
        self.command = command

    def redo(self) -> None:
        self.document.apply(self.command)

    def undo(self) -> None:
        self.document.revert(self.command)

    def id(self) -> int:
        return self.MERGE_ID if self.command.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        return isinstance(other, EditUndoCommand) and self.command.merge(other.command)


class RuleBuilder(QWidget):
    """Edits one rule document with undo; the frames are redrawn when the tree's shape changes.

    Args:
        today: the reference date (date editors start at it).
        suggest: fetches known values of a field off the GUI thread (optional).

    Signals:
        rule_changed(): the rule was edited, undone or loaded.
    """

    rule_changed = Signal()

    def __init__(self, today: date, suggest: Suggest | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self.suggest = suggest
        self.custom_fields: list[str] = []
        self.segment_names: list[str] = []
        self.segment_name = ""
        self.undo_stack = QUndoStack(self)
        self.document = RuleDocument()
        self.document.listeners.append(self._on_document_changed)
        self.frames: dict[NodePath, NodeFrame] = {}
        self._shape: Any = None
        self._invalid: NodePath | None = None
        self.setStyleSheet(STYLE)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._root_frame: QWidget | None = None
        self._redraw()

    # -- public API ---------------------------------------------------------------

    def load(self, rule: Any, name: str = "") -> None:
        """Start editing ``rule`` (a fresh undo history); ``name`` is the saved segment's."""
        self.document.listeners.clear()
        self.document = RuleDocument(rule)
        self.document.listeners.append(self._on_document_changed)
        self.segment_name = name
        self.undo_stack.clear()
        self._redraw()
        self.rule_changed.emit()

    def rule(self) -> Node:
        """The rule as JSON (a copy)."""
        return self.document.to_json()

    def push(self, command: EditCommand, text: str) -> None:
        """Run ``command`` as one undoable step named ``text``."""
        self.undo_stack.push(EditUndoCommand(self.document, command, text))

    def replace(self, path: NodePath, node: Node, text: str, merge_key: str | None = None
                ) -> None:
        """Replace the node at ``path``."""
        self.push(ReplaceNode(path, node, merge_key), text)

    def add(self, group: NodePath, node: Node, text: str) -> None:
        """Append ``node`` to the group at ``group``."""
        self.push(InsertNode(group, -1, node), text)

    def remove(self, path: NodePath) -> None:
        """Remove the node at ``path`` (the root group cannot be removed)."""
        if path:
            self.push(RemoveNode(path), self.tr("Remove"))

    def wrap_not(self, path: NodePath) -> None:
        """Wrap the node in NOT, or unwrap a NOT."""
        node = self.document.node(path)
        text = self.tr("Remove NOT") if node_kind(node) == "not" else self.tr("Wrap in NOT")
        self.push(ReplaceNode(path, wrap_in_not(node)), text)

    def set_kind(self, path: NodePath, kind: str) -> None:
        """Make the group at ``path`` AND (``all``) or OR (``any``)."""
        if node_kind(self.document.node(path)) != kind:
            self.push(SetGroupKind(path, kind), self.tr("Switch AND / OR"))

    def move_node(self, source: NodePath, target: NodePath, index: int) -> bool:
        """Move a node into group ``target`` at ``index`` (as the tree is now); False if refused."""
        command = MoveNode(source, target, index)
        if not source or target[:len(source)] == source or command.is_noop():
            return False
        self.push(command, self.tr("Move"))
        return True

    def first_other_segment(self) -> str:
        """A saved segment to refer to by default ("" if there is none)."""
        others = [n for n in self.segment_names if n != self.segment_name]
        return others[0] if others else ""

    def set_segment_names(self, names: list[str]) -> None:
        """The saved segments a reference can point to."""
        self.segment_names = list(names)
        for path, frame in self.frames.items():
            if isinstance(frame, ReferenceRow):
                frame.update_node(self.document.node(path))

    def mark_invalid(self, path: NodePath | None) -> None:
        """Outline the node an error is about (None: no outline)."""
        if self._invalid == path:
            return
        old = self.frames.get(self._invalid) if self._invalid is not None else None
        if old is not None:
            old.set_invalid(False)
        self._invalid = path
        new = self.frames.get(path) if path is not None else None
        if new is not None:
            new.set_invalid(True)

    # -- drawing ------------------------------------------------------------------

    def make_frame(self, path: NodePath, node: Node) -> NodeFrame:
        """The frame for ``node`` at ``path`` (children included)."""
        kind = node_kind(node)
        frame: NodeFrame
        if kind in ("all", "any"):
            frame = GroupFrame(self, path, node)
        elif kind == "not":
            frame = NotFrame(self, path, node)
        elif kind == "segment":
            frame = ReferenceRow(self, path, node)
        else:
            frame = ConditionRow(self, path, node)
        self.frames[path] = frame
        return frame

    def _redraw(self) -> None:
        if self._root_frame is not None:
            self._layout.removeWidget(self._root_frame)
            self._root_frame.hide()
            self._root_frame.deleteLater()
        self.frames = {}
        self._root_frame = self.make_frame((), self.document.root)
        self._root_frame.setSizePolicy(QSizePolicy.Policy.Preferred,
                                       QSizePolicy.Policy.Maximum)
        self._layout.addWidget(self._root_frame)
        self._shape = shape(self.document.root)
        invalid, self._invalid = self._invalid, None
        self.mark_invalid(invalid)

    def _on_document_changed(self, _command: EditCommand) -> None:
        if shape(self.document.root) != self._shape:
            self._redraw()
        else:
            for path, frame in self.frames.items():
                frame.update_node(self.document.node(path))
        self.rule_changed.emit()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._redraw()
        super().changeEvent(event)
