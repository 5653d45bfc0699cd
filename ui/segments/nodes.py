"""The frames of the rule builder: a condition row, a reference row, NOT and AND/OR groups.

Each frame shows one node of the rule at its path and turns the user's edits
into calls on its :class:`~ui.segments.builder.RuleBuilder` (which makes them
undoable commands).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QMimeData, QPoint, Qt
from PySide6.QtGui import (
    QDrag,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QMouseEvent,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from segments import FIELDS, GROUPS, field_spec
from segments.edits import (
    Node,
    NodePath,
    node_kind,
)
from ui.segments.editors import (
    WindowEditor,
    convert_value,
    default_op,
    default_value,
    make_editor,
)
from ui.segments.labels import field_label, group_title, op_label
from ui.segments.value_editor import ValueEditor

if TYPE_CHECKING:
    from ui.segments.builder import RuleBuilder

MIME_NODE = "application/x-konvert-rule-node"
"""Drag payload: the JSON list of the dragged node's path."""

NEW_CONDITION: Node = {"field": "city", "op": "eq", "value": ""}


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


class NodeFrame(QFrame):
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


class ConditionRow(NodeFrame):
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


class ReferenceRow(NodeFrame):
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


class NotFrame(NodeFrame):
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


class GroupFrame(NodeFrame):
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
