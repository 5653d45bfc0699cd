"""The block list (add, move, delete) and the property panel of the selected block."""

from __future__ import annotations

import html
import re
from dataclasses import fields
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from composer.blocks import BLOCK_TYPES, Block
from composer.edits import (
    Edit,
    insert_block,
    move_block,
    new_block,
    remove_block,
    set_block_field,
)
from composer.model import Template
from ui.retranslate import Retranslating
from ui.style import named
from ui.undo_keys import UndoLineEdit, UndoPlainTextEdit

_TAG_RE = re.compile(r"<[^>]+>")


def block_type_names() -> dict[str, str]:
    """Localised names of the block types."""
    return {
        "header": QCoreApplication.translate("BlocksPane", "Header with logo"),
        "hero": QCoreApplication.translate("BlocksPane", "Hero image"),
        "heading": QCoreApplication.translate("BlocksPane", "Heading"),
        "text": QCoreApplication.translate("BlocksPane", "Text"),
        "button": QCoreApplication.translate("BlocksPane", "Button"),
        "product_card": QCoreApplication.translate("BlocksPane", "Product card"),
        "product_grid": QCoreApplication.translate("BlocksPane", "Product grid"),
        "cart_items": QCoreApplication.translate("BlocksPane", "Cart items"),
        "order_summary": QCoreApplication.translate("BlocksPane", "Order summary"),
        "promo_code": QCoreApplication.translate("BlocksPane", "Promo code"),
        "divider": QCoreApplication.translate("BlocksPane", "Divider"),
        "spacer": QCoreApplication.translate("BlocksPane", "Spacer"),
        "social": QCoreApplication.translate("BlocksPane", "Social links"),
        "footer": QCoreApplication.translate("BlocksPane", "Footer with unsubscribe link"),
    }


def field_names() -> dict[str, str]:
    """Localised labels of block fields."""
    return {
        "text": QCoreApplication.translate("BlockPropertiesPanel", "Text"),
        "html": QCoreApplication.translate("BlockPropertiesPanel", "Text (b, i, a, br allowed)"),
        "align": QCoreApplication.translate("BlockPropertiesPanel", "Alignment"),
        "url": QCoreApplication.translate("BlockPropertiesPanel", "Link"),
        "link_url": QCoreApplication.translate("BlockPropertiesPanel", "Link"),
        "logo_url": QCoreApplication.translate("BlockPropertiesPanel", "Logo address"),
        "image_url": QCoreApplication.translate("BlockPropertiesPanel", "Image address"),
        "alt": QCoreApplication.translate("BlockPropertiesPanel", "Alt text"),
        "width": QCoreApplication.translate("BlockPropertiesPanel", "Width, px"),
        "level": QCoreApplication.translate("BlockPropertiesPanel", "Level (1 title, 2 section)"),
        "button": QCoreApplication.translate("BlockPropertiesPanel", "Button text"),
        "empty_text": QCoreApplication.translate("BlockPropertiesPanel", "Text for an empty cart"),
        "show_delivery": QCoreApplication.translate(
            "BlockPropertiesPanel", "Show the delivery date"
        ),
        "title": QCoreApplication.translate("BlockPropertiesPanel", "Title"),
        "code": QCoreApplication.translate("BlockPropertiesPanel", "Code"),
        "note": QCoreApplication.translate("BlockPropertiesPanel", "Note"),
        "source": QCoreApplication.translate("BlockPropertiesPanel", "Products from (variable)"),
        "columns": QCoreApplication.translate("BlockPropertiesPanel", "Columns"),
        "limit": QCoreApplication.translate("BlockPropertiesPanel", "At most"),
        "height": QCoreApplication.translate("BlockPropertiesPanel", "Height, px"),
        "unsubscribe_label": QCoreApplication.translate(
            "BlockPropertiesPanel", "Unsubscribe link text"
        ),
    }


def block_summary(block: Block) -> str:
    """A short line telling blocks of one type apart (their text, image or code)."""
    for name in ("text", "html", "title", "alt", "button", "source"):
        value = getattr(block, name, None)
        if isinstance(value, str) and value.strip():
            plain = " ".join(html.unescape(_TAG_RE.sub(" ", value)).split())
            return plain if len(plain) <= 48 else plain[:47] + "…"
    return ""


class BlockPropertiesPanel(Retranslating, QWidget):
    """A form with one field editor per field of the selected block.

    Signals:
        field_edited(str, object): the user changed field ``name`` to ``value``.
    """

    field_edited = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._block: Block | None = None
        self._editors: dict[str, QWidget] = {}
        self._labels: dict[str, QLabel] = {}
        self._updating = False
        self._title = named(QLabel(), "sectionTitle")
        self._title.setStyleSheet("font-weight:600")
        self._empty = named(QLabel(), "hint")
        self._empty.setWordWrap(True)
        self._form = QFormLayout()
        self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._title)
        layout.addWidget(self._empty)
        layout.addLayout(self._form)
        layout.addStretch(1)
        self._retranslate()

    def editor(self, name: str) -> QWidget | None:
        """The editor widget of field ``name`` (tests, variable picker)."""
        return self._editors.get(name)

    def set_block(self, block: Block | None) -> None:
        """Show ``block``'s fields; the same type keeps the widgets and just updates values."""
        same_type = (
            block is not None and self._block is not None and type(block) is type(self._block)
        )
        self._block = block
        if not same_type:
            self._rebuild()
        else:
            self._update_values()
        self._retranslate()

    def _rebuild(self) -> None:
        while self._form.rowCount():
            self._form.removeRow(0)
        self._editors.clear()
        self._labels.clear()
        block = self._block
        if block is None:
            return
        for f in fields(block):  # type: ignore[arg-type]
            editor = self._make_editor(f.name, getattr(block, f.name))
            label = QLabel()
            self._labels[f.name] = label
            self._editors[f.name] = editor
            self._form.addRow(label, editor)
        self._update_values()

    def _make_editor(self, name: str, value: Any) -> QWidget:
        widget: QWidget
        if name == "align":
            combo = QComboBox()
            for key in ("left", "center", "right"):
                combo.addItem(key, key)
            combo.currentIndexChanged.connect(
                lambda _i, name=name, combo=combo: self._emit(name, combo.currentData())
            )
            widget = combo
        elif isinstance(value, bool):
            box = QCheckBox()
            box.toggled.connect(lambda checked, name=name: self._emit(name, bool(checked)))
            widget = box
        elif isinstance(value, int):
            spin = QSpinBox()
            spin.setRange(1, 2) if name == "level" else spin.setRange(0, 2000)
            spin.valueChanged.connect(lambda v, name=name: self._emit(name, int(v)))
            widget = spin
        elif name == "html":
            text = UndoPlainTextEdit()
            text.setTabChangesFocus(True)
            text.setMinimumHeight(90)
            text.textChanged.connect(
                lambda name=name, text=text: self._emit(name, text.toPlainText())
            )
            widget = text
        else:
            line = UndoLineEdit()
            line.textChanged.connect(lambda v, name=name: self._emit(name, v))
            widget = line
        widget.setObjectName(f"field_{name}")
        return widget

    def _update_values(self) -> None:
        block = self._block
        if block is None:
            return
        self._updating = True
        try:
            for name, editor in self._editors.items():
                value = getattr(block, name)
                if isinstance(editor, QComboBox):
                    editor.setCurrentIndex(max(0, editor.findData(value)))
                elif isinstance(editor, QCheckBox):
                    editor.setChecked(bool(value))
                elif isinstance(editor, QSpinBox):
                    editor.setValue(int(value))
                elif isinstance(editor, QPlainTextEdit):
                    if editor.toPlainText() != value:
                        editor.setPlainText(str(value))
                elif isinstance(editor, QLineEdit) and editor.text() != value:
                    position = editor.cursorPosition()
                    editor.setText(str(value))
                    editor.setCursorPosition(min(position, len(str(value))))
        finally:
            self._updating = False

    def _emit(self, name: str, value: Any) -> None:
        if not self._updating:
            self.field_edited.emit(name, value)

    def _retranslate(self) -> None:
        names = field_names()
        for name, label in self._labels.items():
            label.setText(names.get(name, name))
        block = self._block
        self._title.setText(block_type_names().get(block.type, block.type) if block else "")
        self._title.setVisible(block is not None)
        self._empty.setText(self.tr("Select a block to edit its content."))
        self._empty.setVisible(block is None)


class BlocksPane(QWidget):
    """The template's blocks in order, with add / move up / move down / delete.

    Signals:
        edit_requested(object): an :class:`~composer.edits.Edit` to apply.
        block_selected(int): the selected block (-1 for none).
    """

    edit_requested = Signal(object)
    block_selected = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._template: Template | None = None
        self.list = QListWidget()
        self.list.setObjectName("blockList")
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.currentRowChanged.connect(self._on_list_current_row_changed)
        self.add_button = QPushButton()
        self._add_menu = QMenu(self)
        self._add_actions: dict[str, QAction] = {}
        for type_name in BLOCK_TYPES:
            action = self._add_menu.addAction("")
            action.triggered.connect(lambda _c=False, t=type_name: self.add_block(t))
            self._add_actions[type_name] = action
        self.add_button.setMenu(self._add_menu)
        self.up_button = QPushButton()
        self.down_button = QPushButton()
        self.delete_button = QPushButton()
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(1))
        self.delete_button.clicked.connect(self.delete_selected)
        for arrow in (self.up_button, self.down_button):
            arrow.setFixedWidth(34)
        buttons = QHBoxLayout()
        buttons.setSpacing(4)
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        buttons.addWidget(self.up_button)
        buttons.addWidget(self.down_button)
        buttons.addWidget(self.delete_button)

        self.properties = BlockPropertiesPanel()
        self.properties.field_edited.connect(self._on_properties_field_edited)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.list, 2)
        layout.addWidget(self.properties, 3)
        self._retranslate()

    def set_template(self, template: Template) -> None:
        """Show ``template``'s blocks, keeping the selection."""
        self._template = template
        row = self.list.currentRow()
        names = block_type_names()
        self.list.blockSignals(True)
        try:
            blocks = template.blocks
            while self.list.count() > len(blocks):
                self.list.takeItem(self.list.count() - 1)
            for index, block in enumerate(blocks):
                summary = block_summary(block)
                text = f"{index + 1}. {names.get(block.type, block.type)}"
                if summary:
                    text += f" — {summary}"
                item = self.list.item(index)
                if item is None:
                    item = QListWidgetItem()
                    self.list.addItem(item)
                item.setText(text)
            row = min(row if row >= 0 else 0, len(blocks) - 1)
            self.list.setCurrentRow(row)
        finally:
            self.list.blockSignals(False)
        self._show_selected()

    def selected(self) -> int:
        """The selected block's index, or -1."""
        return self.list.currentRow()

    def select(self, index: int) -> None:
        """Select block ``index``."""
        self.list.setCurrentRow(index)

    def add_block(self, type_name: str) -> None:
        """Insert a new block of ``type_name`` after the selected one (or at the end)."""
        if self._template is None:
            return
        row = self.selected()
        index = row + 1 if row >= 0 else len(self._template.blocks)
        self.edit_requested.emit(insert_block(self._template, index, new_block(type_name)))
        self.select(index)

    def delete_selected(self) -> None:
        """Delete the selected block."""
        row = self.selected()
        if self._template is not None and row >= 0:
            self.edit_requested.emit(remove_block(self._template, row))

    def _move(self, step: int) -> None:
        row = self.selected()
        if self._template is None or row < 0:
            return
        target = row + step
        if 0 <= target < len(self._template.blocks):
            self.edit_requested.emit(move_block(self._template, row, target))
            self.select(target)

    def _show_selected(self) -> None:
        row = self.selected()
        blocks = self._template.blocks if self._template else ()
        self.properties.set_block(blocks[row] if 0 <= row < len(blocks) else None)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < len(blocks) - 1)
        self.delete_button.setEnabled(row >= 0)

    def _on_list_current_row_changed(self, row: int) -> None:
        self._show_selected()
        self.block_selected.emit(row)

    def _on_properties_field_edited(self, name: str, value: Any) -> None:
        row = self.selected()
        if self._template is None or row < 0:
            return
        edit: Edit = set_block_field(self._template, row, name, value)
        self.edit_requested.emit(edit)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            if self._template is not None:
                self.set_template(self._template)
        super().changeEvent(event)

    def _retranslate(self) -> None:
        names = block_type_names()
        for type_name, action in self._add_actions.items():
            action.setText(names.get(type_name, type_name))
        self.add_button.setText(self.tr("Add block"))
        # Arrows keep the row narrow enough for "Add block" in both languages.
        self.up_button.setText("↑")
        self.down_button.setText("↓")
        self.delete_button.setText(self.tr("Delete"))
        self.up_button.setToolTip(self.tr("Move the block up"))
        self.down_button.setToolTip(self.tr("Move the block down"))
