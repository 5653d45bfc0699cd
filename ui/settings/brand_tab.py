"""The "Brand kit" tab: the shop's details, colours, fonts and social links, with a sketch.

The fields only; their labels are worded by the dialog (its translations).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from composer.brand import BrandKit, SocialLink
from composer.brand_problems import COLOR_FIELDS, FONT_FIELDS, is_hex_color
from ui.settings.widgets import BrandPreview, ColorField
from ui.style import named
from workspace.money import CURRENCY_SIGNS

__all__ = ["FONT_STACKS", "LINE_FIELDS", "BrandTab"]

LINE_FIELDS = ("shop_name", "from_name", "shop_url", "logo_url", "support_email", "phone",
               "address")
"""Brand kit fields edited in a one-line box, in the order they are shown."""

# Stacks every mail app can show: the first font it has is used.
FONT_STACKS = (
    "Georgia, 'Times New Roman', Times, serif",
    "'Times New Roman', Times, serif",
    "'Helvetica Neue', Helvetica, Arial, sans-serif",
    "Arial, Helvetica, sans-serif",
    "Verdana, Geneva, sans-serif",
    "Tahoma, Verdana, Segoe, sans-serif",
    "'Trebuchet MS', Helvetica, sans-serif",
    "'Courier New', Courier, monospace",
)


class BrandTab(QWidget):
    """The brand kit form and its live sketch.

    Signals:
        edited(): any field changed (the sketch is already redrawn).
    """

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.labels: dict[str, QLabel] = {}
        self.line_edits: dict[str, QLineEdit] = {}
        self.color_fields: dict[str, ColorField] = {}
        self.font_boxes: dict[str, QComboBox] = {}

        form_widget = QWidget()
        form_layout = QVBoxLayout(form_widget)
        form_layout.setContentsMargins(4, 4, 12, 4)

        self.shop_group = QGroupBox()
        shop_form = QFormLayout(self.shop_group)
        for name in LINE_FIELDS:
            edit = QLineEdit()
            self.line_edits[name] = edit
            edit.textChanged.connect(self._on_edited)
            shop_form.addRow(self._label(name, edit), edit)
        self.footer_edit = QPlainTextEdit()
        self.footer_edit.setTabChangesFocus(True)
        self.footer_edit.setFixedHeight(64)
        self.footer_edit.textChanged.connect(self._on_edited)
        shop_form.addRow(self._label("footer_text", self.footer_edit), self.footer_edit)
        # The workspace's currency (workspace/money.py): how amounts read everywhere.
        self.currency = QComboBox()
        for code, sign in CURRENCY_SIGNS.items():
            self.currency.addItem(f"{code} ({sign})", code)
        self.currency_label = QLabel(self.tr("Currency"))
        self.currency_label.setBuddy(self.currency)
        shop_form.addRow(self.currency_label, self.currency)
        form_layout.addWidget(self.shop_group)

        self.look_group = QGroupBox()
        look_form = QFormLayout(self.look_group)
        for name in COLOR_FIELDS:
            color_field = ColorField()
            self.color_fields[name] = color_field
            color_field.text_changed.connect(self._on_edited)
            look_form.addRow(self._label(name, color_field.edit), color_field)
        for name in FONT_FIELDS:
            box = QComboBox()
            box.setEditable(True)
            box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            box.addItems(FONT_STACKS)
            box.setMinimumContentsLength(34)
            box.editTextChanged.connect(self._on_edited)
            self.font_boxes[name] = box
            look_form.addRow(self._label(name, box), box)
        self.fonts_hint = named(QLabel(), "hint")
        self.fonts_hint.setWordWrap(True)
        look_form.addRow(self.fonts_hint)
        form_layout.addWidget(self.look_group)

        self.social_group = QGroupBox()
        social_layout = QVBoxLayout(self.social_group)
        self.social_table = QTableWidget(0, 2)
        self.social_table.verticalHeader().hide()
        self.social_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents)
        self.social_table.horizontalHeader().setStretchLastSection(True)
        self.social_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.social_table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.social_table.setTabKeyNavigation(False)
        self.social_table.setMinimumHeight(130)
        self.social_table.itemChanged.connect(self._on_edited)
        self.add_link_button = QPushButton()
        self.remove_link_button = QPushButton()
        self.add_link_button.clicked.connect(self._on_add_link_button_clicked)
        self.remove_link_button.clicked.connect(self._on_remove_link_button_clicked)
        social_buttons = QHBoxLayout()
        social_buttons.addWidget(self.add_link_button)
        social_buttons.addWidget(self.remove_link_button)
        social_buttons.addStretch(1)
        social_layout.addWidget(self.social_table)
        social_layout.addLayout(social_buttons)
        form_layout.addWidget(self.social_group)
        form_layout.addStretch(1)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(form_widget)

        self.preview = BrandPreview()
        self.preview_title = QLabel()
        self.preview_title.setStyleSheet("font-weight: 600;")
        self.preview_hint = named(QLabel(), "hint")
        self.preview_hint.setWordWrap(True)
        right = QVBoxLayout()
        right.addWidget(self.preview_title)
        right.addWidget(self.preview, 1)
        right.addWidget(self.preview_hint)

        layout = QHBoxLayout(self)
        layout.addWidget(scroll, 3)
        layout.addLayout(right, 2)

    def _label(self, name: str, buddy: QWidget) -> QLabel:
        label = QLabel()
        label.setBuddy(buddy)
        self.labels[name] = label
        return label

    def kit(self) -> BrandKit:
        """The brand kit as the fields show it now (not validated)."""
        values: dict[str, str] = {name: edit.text().strip()
                                  for name, edit in self.line_edits.items()}
        for name, field in self.color_fields.items():
            text = field.text()
            values[name] = text.upper() if is_hex_color(text) else text
        for name, box in self.font_boxes.items():
            values[name] = box.currentText().strip()
        values["footer_text"] = self.footer_edit.toPlainText().strip()
        links = []
        for row in range(self.social_table.rowCount()):
            label, url = (self._cell(row, 0), self._cell(row, 1))
            if label or url:  # an empty row is a link not started: left out
                links.append(SocialLink(label, url))
        return replace(BrandKit(), **values, social=tuple(links))

    def set_kit(self, kit: BrandKit) -> None:
        """Show ``kit`` in the fields."""
        for name, edit in self.line_edits.items():
            edit.setText(str(getattr(kit, name)))
        for name, field in self.color_fields.items():
            field.set_text(str(getattr(kit, name)))
        for name, box in self.font_boxes.items():
            box.setEditText(str(getattr(kit, name)))
        self.footer_edit.setPlainText(kit.footer_text)
        self.social_table.blockSignals(True)
        self.social_table.setRowCount(0)
        for link in kit.social:
            self._append_link(link.label, link.url)
        self.social_table.blockSignals(False)
        self._on_edited()

    def _cell(self, row: int, column: int) -> str:
        item = self.social_table.item(row, column)
        return item.text().strip() if item is not None else ""

    def _append_link(self, label: str, url: str) -> int:
        row = self.social_table.rowCount()
        self.social_table.insertRow(row)
        self.social_table.setItem(row, 0, QTableWidgetItem(label))
        self.social_table.setItem(row, 1, QTableWidgetItem(url))
        return row

    def _on_add_link_button_clicked(self) -> None:
        row = self._append_link("", "https://")
        self.social_table.setCurrentCell(row, 0)
        self.social_table.setFocus()
        item = self.social_table.item(row, 0)
        if item is not None:
            self.social_table.editItem(item)

    def _on_remove_link_button_clicked(self) -> None:
        row = self.social_table.currentRow()
        if row >= 0:
            self.social_table.removeRow(row)
            self._on_edited()

    def _on_edited(self, *_args: object) -> None:
        self.preview.show_kit(self.kit())
        self.edited.emit()
