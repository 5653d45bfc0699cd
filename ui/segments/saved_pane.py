"""The saved segments list on the left of the Segments page, with New, Ready-made and Compare."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from segments import PRESETS
from ui.segments.labels import is_russian
from ui.style import named


class SavedSegmentsPane(QWidget):
    """The saved segments and the buttons under them (texts and actions: the page's)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedWidth(210)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.title = named(QLabel(), "sectionTitle")
        self.saved_list = named(QListWidget(), "savedSegments")
        self.saved_list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.empty = named(QLabel(), "hint")
        self.empty.setWordWrap(True)
        self.new_button = QPushButton()
        self.presets_button = QToolButton()
        self.presets_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.presets_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.presets_menu = QMenu(self.presets_button)
        self.presets_button.setMenu(self.presets_menu)
        self.presets_button.setSizePolicy(self.new_button.sizePolicy())
        self.compare_button = QPushButton()
        layout.addWidget(self.title)
        layout.addWidget(self.saved_list, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.new_button)
        layout.addWidget(self.presets_button)
        layout.addWidget(self.compare_button)

    def show_names(self, names: list[str]) -> None:
        """List ``names`` (each item holds its name as user data); none: the empty hint."""
        self.saved_list.clear()
        for name in names:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.saved_list.addItem(item)
        self.empty.setVisible(not names)

    def select(self, name: str | None) -> None:
        """Select the segment called ``name`` (nothing when it is not listed)."""
        self.saved_list.clearSelection()
        for i in range(self.saved_list.count()):
            item = self.saved_list.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == name:
                self.saved_list.setCurrentItem(item)

    def fill_presets(self, open_preset: Callable[[str], object]) -> None:
        """The Ready-made menu: one entry per preset, in the UI's language."""
        self.presets_menu.clear()
        russian = is_russian()
        for preset in PRESETS:
            title = preset.title_ru if russian else preset.title_en
            self.presets_menu.addAction(title, partial(open_preset, preset.id))
