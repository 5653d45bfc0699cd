"""The live count banner and the first members of the open segment."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.pages import RecordsTableModel
from ui.style import named


class CountBanner(QFrame):
    """How many contacts match and can be sent to, or why there is no count."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "infoBanner")
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 8, 16, 8)
        row.setSpacing(10)
        self.value = named(QLabel("…"), "countValue")
        self.text = QLabel()
        self.error = named(QLabel(), "errorText")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        row.addWidget(self.value)
        row.addWidget(self.text)
        row.addWidget(self.error, 1)


class MembersPane(QWidget):
    """A title and a table of the first members (by email)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = named(QLabel(), "sectionTitle")
        self.model = RecordsTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultSectionSize(150)
        # The columns exist only once the first sample arrives: a per-section mode
        # set now would be lost, so the email column is stretched on every reset.
        self.model.modelReset.connect(self._on_model_reset)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)

    def _on_model_reset(self) -> None:
        header = self.table.horizontalHeader()
        if header.count():
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)


def work_area(
    builder: QWidget, members: QWidget, chart: QWidget
) -> tuple[QScrollArea, QSplitter]:
    """The builder (scrolling) above the members and the chart, in resizable splitters."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setMinimumHeight(200)
    holder = QWidget()
    holder_layout = QVBoxLayout(holder)
    holder_layout.setContentsMargins(0, 0, 6, 0)
    holder_layout.addWidget(builder)
    holder_layout.addStretch(1)
    scroll.setWidget(holder)

    bottom = QSplitter(Qt.Orientation.Horizontal)
    bottom.addWidget(members)
    bottom.addWidget(chart)
    bottom.setStretchFactor(0, 3)
    bottom.setStretchFactor(1, 2)

    split = QSplitter(Qt.Orientation.Vertical)
    split.addWidget(scroll)
    split.addWidget(bottom)
    split.setStretchFactor(0, 3)
    split.setStretchFactor(1, 2)
    split.setChildrenCollapsible(False)
    split.setSizes([640, 300])
    return scroll, split
