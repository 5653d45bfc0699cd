"""The visual rule builder: nested AND/OR groups, NOT, conditions, drag and drop, undo.

:class:`RuleBuilder` shows a :class:`~segments.edits.RuleDocument` as nested
frames. Every user edit becomes a command of :mod:`segments.edits`, pushed
on the builder's QUndoStack through :class:`EditUndoCommand`; the document
tells the builder after each change, and the builder either updates the
rows in place (same shape of tree: typing keeps focus) or redraws.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QByteArray, QEvent, QMimeData, QPoint, Qt, Signal
from PySide6.QtGui import (
    QDrag,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QMouseEvent,
    QStandardItem,
    QStandardItemModel,
    QUndoCommand,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from segments import FIELDS, GROUPS, field_spec
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
    ValueEditor,
    WindowEditor,
    convert_value,
    default_op,
    default_value,
    make_editor,
)
from ui.segments.labels import field_label, group_title, op_label

MIME_NODE = "application/x-konvert-rule-node"
"""Drag payload: the JSON list of the dragged node's path."""

NEW_CONDITION: Node = {"field": "city", "op": "eq", "value": ""}

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


class DragHandle(QLabel):
    """The ⋮⋮ grip a row or group is dragged by."""

    def __init__(self, path: NodePath, parent: QWidget | None = None) -> None:
        super().__init__("⋮⋮", parent)
        self.setObjectName("dragHandle")
        self.path = path
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setToolTip(self.tr("Drag to move into another group"))
        self._pressed_at: QPoint | None = None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._pressed_at = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pressed_at is None:
            return
        moved = (event.position().toPoint() - self._pressed_at).manhattanLength()
        if moved < QApplication.startDragDistance():
            return
        self._pressed_at = None
        mime = QMimeData()
        mime.setData(MIME_NODE, QByteArray(json.dumps(list(self.path)).encode()))
        drag = QDrag(self)
        drag.setMimeData(mime)
        parent = self.parentWidget()
        drag.setPixmap((parent if parent is not None else self).grab())
        drag.exec(Qt.DropAction.MoveAction)


class _NodeFrame(QFrame):
    """Common part of the frames: the path, the builder, the invalid mark."""

    def __init__(self, builder: RuleBuilder, path: NodePath, role: str) -> None:
        super().__init__()
        self.setObjectName(role)
        self.builder = builder
        self.path = path

    def set_invalid(self, invalid: bool) -> None:
        """Mark the node as the one an error is about."""
        self.setProperty("invalid", "true" if invalid else "false")
        self.style().unpolish(self)
        self.style().polish(self)

    def update_node(self, node: Node) -> None:
        """Show ``node`` (same shape as before) without redrawing."""

    def _tool(self, text: str, tip: str, on_click: Callable[[], None],
              role: str = "rowButton") -> QToolButton:
        button = QToolButton()
        button.setObjectName(role)
        button.setText(text)
        button.setToolTip(tip)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.clicked.connect(lambda _checked=False: on_click())
        return button


class FieldCombo(QComboBox):
    """The field picker: fields under their group headers (Profile, Purchases…)."""

    def __init__(self, custom_fields: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        model = QStandardItemModel(self)
        bold = QFont()
        bold.setBold(True)
        by_group: dict[str, list[str]] = {g: [] for g in GROUPS}
        for spec in FIELDS:
            by_group[spec.group].append(spec.name)
        by_group["Custom"].extend(custom_fields)
        for group in GROUPS:
            names = by_group[group]
            if not names:
                continue
            header = QStandardItem(group_title(group).upper())
            header.setFlags(Qt.ItemFlag.NoItemFlags)
            header.setFont(bold)
            model.appendRow(header)
            for name in names:
                item = QStandardItem("   " + field_label(name))
                item.setData(name, Qt.ItemDataRole.UserRole)
                model.appendRow(item)
        self.setModel(model)
        self.setMaxVisibleItems(24)
        # Rows stay narrow enough for three levels of groups; the popup is wider.
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(20)
        # A long label may be cut in the row: the tooltip shows it whole.
        self.currentIndexChanged.connect(lambda _i: self.setToolTip(self.currentText().strip()))
        self.view().setMinimumWidth(240)

    def field(self) -> str:
        """The chosen field's name."""
        return str(self.currentData(Qt.ItemDataRole.UserRole) or "")

    def set_field(self, name: str) -> None:
        """Select field ``name`` (added under Custom if unknown to the list)."""
        index = self.findData(name, Qt.ItemDataRole.UserRole)
        if index < 0:
            model = self.model()
            assert isinstance(model, QStandardItemModel)
            item = QStandardItem("   " + field_label(name))
            item.setData(name, Qt.ItemDataRole.UserRole)
            model.appendRow(item)
            index = model.rowCount() - 1
        self.setCurrentIndex(index)


class ConditionRow(_NodeFrame):
    """One condition: field, operator, value (and the behaviour window), NOT, remove."""

    def __init__(self, builder: RuleBuilder, path: NodePath, node: Node) -> None:
        super().__init__(builder, path, "ruleRow")
        self.node: Node = dict(node)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 4, 6, 4)
        outer.setSpacing(4)
        layout = QHBoxLayout()
        layout.setSpacing(6)
        outer.addLayout(layout)
        self.handle = DragHandle(path)
        layout.addWidget(self.handle)
        self.field_combo = FieldCombo(builder.custom_fields)
        self.field_combo.set_field(str(node.get("field", "")))
        self.field_combo.activated.connect(self._on_field_combo_activated)
        layout.addWidget(self.field_combo)
        self.op_combo = QComboBox()
        self.op_combo.activated.connect(self._on_op_combo_activated)
        layout.addWidget(self.op_combo)
        self._value_slot = QHBoxLayout()
        self._value_slot.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._value_slot)
        layout.addStretch(1)
        # The behaviour window goes on a second line: rows stay narrow enough
        # for three levels of groups in a small window.
        self.window_editor = WindowEditor()
        self.window_editor.window_edited.connect(self._on_window_editor_window_edited)
        second = QHBoxLayout()
        second.setContentsMargins(self.handle.sizeHint().width() + 6, 0, 0, 0)
        second.addWidget(self.window_editor)
        second.addStretch(1)
        outer.addLayout(second)
        layout.addWidget(self._tool("¬", self.tr("Wrap in NOT (contacts for whom this is false)"),
                                    lambda: builder.wrap_not(self.path)))
        layout.addWidget(self._tool("✕", self.tr("Remove this condition"),
                                    lambda: builder.remove(self.path)))
        self.editor: ValueEditor | None = None
        self._shown_kind: tuple[str, str] | None = None
        self.update_node(node)

    def update_node(self, node: Node) -> None:
        self.node = dict(node)
        name = str(node.get("field", ""))
        op = str(node.get("op", ""))
        spec = field_spec(name)
        if self.field_combo.field() != name:
            self.field_combo.set_field(name)
        if spec is None:
            return
        if self._shown_kind != (name, op):
            self._shown_kind = (name, op)
            self.op_combo.clear()
            for each in spec.ops:
                self.op_combo.addItem(op_label(each, spec.type), each)
            self.op_combo.setCurrentIndex(max(0, self.op_combo.findData(op)))
            if self.editor is not None:
                self.editor.deleteLater()
            self.editor = make_editor(spec, op, self.builder.today, self.builder.suggest)
            self.editor.value_edited.connect(self._on_editor_value_edited)
            self._value_slot.addWidget(self.editor)
        assert self.editor is not None
        if "value" in node:
            self.editor.set_value(node["value"])
        self.window_editor.setVisible(spec.takes_window)
        if spec.takes_window:
            self.window_editor.set_window(node.get("within_days"),
                                          int(node.get("min_count", 1) or 1))

    def _emit(self, node: Node, merge_key: str | None, text: str) -> None:
        self.builder.replace(self.path, node, text, merge_key)

    def _on_field_combo_activated(self, _index: int) -> None:
        name = self.field_combo.field()
        spec = field_spec(name)
        if spec is None or name == self.node.get("field"):
            return
        old_spec = field_spec(str(self.node.get("field", "")))
        op = str(self.node.get("op", ""))
        node: Node = {"field": name}
        if old_spec is not None and old_spec.type == spec.type and op in spec.ops:
            # Numbers and dates keep their value (age 25-40 → tenure 25-40 is a
            # start); text and enum values belong to their field.
            node["op"] = op
            value = self.node.get("value")
            if spec.type not in ("number", "date", "bool"):
                value = default_value(spec, op, self.builder.today)
        else:
            node["op"] = default_op(spec)
            value = default_value(spec, node["op"], self.builder.today)
        if value is not None:
            node["value"] = value
        self._emit(node, None, self.tr("Change field"))

    def _on_op_combo_activated(self, _index: int) -> None:
        op = str(self.op_combo.currentData())
        old_op = str(self.node.get("op", ""))
        spec = field_spec(str(self.node.get("field", "")))
        if spec is None or op == old_op:
            return
        node = {k: v for k, v in self.node.items() if k != "value"}
        node["op"] = op
        value = convert_value(spec, old_op, op, self.node.get("value"), self.builder.today)
        if value is not None:
            node["value"] = value
        self._emit(node, None, self.tr("Change operator"))

    def _on_editor_value_edited(self, merge: bool) -> None:
        assert self.editor is not None
        node = dict(self.node)
        node["value"] = self.editor.value()
        self._emit(node, "value" if merge else None, self.tr("Change value"))

    def _on_window_editor_window_edited(self) -> None:
        within, times = self.window_editor.window_value()
        node = {k: v for k, v in self.node.items() if k not in ("within_days", "min_count")}
        if within is not None:
            node["within_days"] = within
        if times > 1:
            node["min_count"] = times
        self._emit(node, "window", self.tr("Change period"))


class ReferenceRow(_NodeFrame):
    """``in segment [name]``: the contacts of another saved segment."""

    def __init__(self, builder: RuleBuilder, path: NodePath, node: Node) -> None:
        super().__init__(builder, path, "ruleRow")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(8)
        layout.addWidget(DragHandle(path))
        self._label = QLabel(self.tr("In segment"))
        layout.addWidget(self._label)
        self.combo = QComboBox()
        self.combo.setMinimumWidth(200)
        self.combo.activated.connect(self._on_combo_activated)
        layout.addWidget(self.combo)
        layout.addStretch(1)
        layout.addWidget(self._tool("¬", self.tr("Wrap in NOT (not in this segment)"),
                                    lambda: builder.wrap_not(self.path)))
        layout.addWidget(self._tool("✕", self.tr("Remove this condition"),
                                    lambda: builder.remove(self.path)))
        self.update_node(node)

    def update_node(self, node: Node) -> None:
        name = str(node.get("segment", ""))
        names = [n for n in self.builder.segment_names if n != self.builder.segment_name]
        if name and name not in names:
            names.append(name)
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItems(names)
        self.combo.setCurrentIndex(max(0, self.combo.findText(name)))
        self.combo.blockSignals(False)

    def _on_combo_activated(self, _index: int) -> None:
        self.builder.replace(self.path, {"segment": self.combo.currentText()},
                             self.tr("Change segment"))


class NotFrame(_NodeFrame):
    """``NOT``: contacts for whom the rule inside is false."""

    def __init__(self, builder: RuleBuilder, path: NodePath, node: Node) -> None:
        super().__init__(builder, path, "ruleNot")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 8)
        layout.setSpacing(6)
        header = QHBoxLayout()
        header.addWidget(DragHandle(path))
        self._label = QLabel(self.tr("NOT — contacts for whom this is false"))
        self._label.setObjectName("notLabel")
        header.addWidget(self._label)
        header.addStretch(1)
        header.addWidget(self._tool(self.tr("Remove NOT"), self.tr("Keep the rule, drop the NOT"),
                                    lambda: builder.wrap_not(self.path)))
        header.addWidget(self._tool("✕", self.tr("Remove"), lambda: builder.remove(self.path)))
        layout.addLayout(header)
        self.child = builder.make_frame((*path, 0), node["not"])
        layout.addWidget(self.child)


class GroupFrame(_NodeFrame):
    """An AND/OR group: its kind, its children, buttons to add; a drop target."""

    def __init__(self, builder: RuleBuilder, path: NodePath, node: Node) -> None:
        super().__init__(builder, path, "ruleGroup")
        kind = node_kind(node)
        self.setProperty("kind", kind)
        self.setAcceptDrops(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 10)
        layout.setSpacing(6)
        header = QHBoxLayout()
        header.setSpacing(8)
        if path:
            header.addWidget(DragHandle(path))
        self._match = QLabel(self.tr("Match"))
        self._match.setObjectName("kindLabel")
        header.addWidget(self._match)
        self.kind_combo = QComboBox()
        self.kind_combo.addItem(self.tr("ALL of these (AND)"), "all")
        self.kind_combo.addItem(self.tr("ANY of these (OR)"), "any")
        self.kind_combo.setCurrentIndex(0 if kind == "all" else 1)
        self.kind_combo.activated.connect(self._on_kind_combo_activated)
        header.addWidget(self.kind_combo)
        header.addStretch(1)
        if path:
            header.addWidget(self._tool("¬", self.tr("Wrap in NOT"),
                                        lambda: builder.wrap_not(self.path)))
            header.addWidget(self._tool("✕", self.tr("Remove this group"),
                                        lambda: builder.remove(self.path)))
        layout.addLayout(header)
        self.body = QVBoxLayout()
        self.body.setSpacing(6)
        self.body.setContentsMargins(14, 0, 0, 0)
        self.child_frames: list[QWidget] = []
        for i, child in enumerate(node[kind]):
            frame = builder.make_frame((*path, i), child)
            self.child_frames.append(frame)
            self.body.addWidget(frame)
        if not node[kind]:
            self._empty = QLabel(self.tr("Empty group: ALL matches everyone, ANY matches no one."))
            self._empty.setObjectName("hint")
            self.body.addWidget(self._empty)
        layout.addLayout(self.body)
        adds = QHBoxLayout()
        adds.setContentsMargins(14, 2, 0, 0)
        self.add_condition_button = self._tool(
            self.tr("+ Condition"), self.tr("Add a condition to this group"),
            lambda: builder.add(self.path, dict(NEW_CONDITION), self.tr("Add condition")),
            "addButton")
        self.add_group_button = self._tool(
            self.tr("+ Group"), self.tr("Add a nested group (AND / OR)"),
            lambda: builder.add(self.path, {"any": [dict(NEW_CONDITION)]},
                                self.tr("Add group")), "addButton")
        self.add_segment_button = self._tool(
            self.tr("+ In segment"), self.tr("Contacts of another saved segment"),
            lambda: builder.add(self.path, {"segment": builder.first_other_segment()},
                                self.tr("Add segment reference")), "addButton")
        for button in (self.add_condition_button, self.add_group_button,
                       self.add_segment_button):
            adds.addWidget(button)
        adds.addStretch(1)
        layout.addLayout(adds)

    def update_node(self, node: Node) -> None:
        kind = node_kind(node)
        self.kind_combo.setCurrentIndex(0 if kind == "all" else 1)
        if self.property("kind") != kind:
            self.setProperty("kind", kind)
            self.style().unpolish(self)
            self.style().polish(self)

    def drop_index(self, y: float) -> int:
        """Where a node dropped at height ``y`` (in this frame) goes among the children."""
        for i, frame in enumerate(self.child_frames):
            middle = frame.geometry().center().y()
            if y < middle:
                return i
        return len(self.child_frames)

    def _on_kind_combo_activated(self, _index: int) -> None:
        kind = str(self.kind_combo.currentData())
        self.builder.set_kind(self.path, kind)

    def _set_drop_target(self, on: bool) -> None:
        self.setProperty("dropTarget", "true" if on else "false")
        self.style().unpolish(self)
        self.style().polish(self)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(MIME_NODE):
            event.acceptProposedAction()
            self._set_drop_target(True)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if event.mimeData().hasFormat(MIME_NODE):
            event.acceptProposedAction()

    def dragLeaveEvent(self, event: Any) -> None:
        self._set_drop_target(False)

    def dropEvent(self, event: QDropEvent) -> None:
        self._set_drop_target(False)
        if not event.mimeData().hasFormat(MIME_NODE):
            return
        source = tuple(json.loads(bytes(event.mimeData().data(MIME_NODE).data()).decode()))
        event.acceptProposedAction()
        self.builder.move_node(source, self.path, self.drop_index(event.position().y()))


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
        self.frames: dict[NodePath, _NodeFrame] = {}
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

    def make_frame(self, path: NodePath, node: Node) -> _NodeFrame:
        """The frame for ``node`` at ``path`` (children included)."""
        kind = node_kind(node)
        frame: _NodeFrame
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
