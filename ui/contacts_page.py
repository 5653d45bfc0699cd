"""The Contacts page: search box, count, and the lazy contacts table."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.contacts_model import COLUMNS, ContactsTableModel, status_titles
from ui.pages import PageContext
from ui.retranslate import Retranslating
from ui.style import named
from ui.tasks import Debouncer

SEARCH_DELAY_MS = 250
"""Pause in typing after which the search runs."""

# Text columns share the width; the others get what their title or values need.
_STRETCHED = frozenset({"email"})
_MIN_WIDTHS = {
    "name": 170,
    "city": 150,
    "orders_count": 70,
    "total_spent": 110,
    "last_order_at": 105,
    "status": 100,
}


class ContactsPage(Retranslating, QWidget):
    """Lists the workspace's contacts with search, sorting in SQL and lazy loading.

    Signals:
        ready: the first block of the current search is drawn.
    """

    ready = Signal()

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.model = ContactsTableModel(context.engine, context.pools.read, self)
        self.model.count_changed.connect(self._on_model_count_changed)
        self.model.ready.connect(self._on_model_ready)

        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(340)
        self.search.textChanged.connect(self._on_search_text_changed)
        self._debouncer = Debouncer(SEARCH_DELAY_MS, self._run_search, self)

        self.count_label = named(QLabel(), "hint")
        self.import_button = named(QPushButton(), "primary")
        self.import_button.clicked.connect(context.request_import)

        toolbar = QHBoxLayout()
        toolbar.setSpacing(12)
        toolbar.addWidget(self.search)
        toolbar.addWidget(self.count_label)
        toolbar.addStretch(1)
        toolbar.addWidget(self.import_button)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        vertical = self.table.verticalHeader()
        vertical.hide()
        # Fixed row heights: the view never asks a million rows for their size.
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(30)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(60)
        for column, key in enumerate(COLUMNS):
            if key in _STRETCHED:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.table.setSortingEnabled(True)  # the view calls model.sort(): SQL ORDER BY

        self._empty = named(QLabel(wordWrap=True), "emptyState")
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._stack = QStackedWidget()
        self._stack.addWidget(self.table)
        self._stack.addWidget(self._empty)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addLayout(toolbar)
        layout.addWidget(self._stack, 1)
        self._retranslate()

    # -- page protocol (see ui.pages) ------------------------------------------

    def is_ready(self) -> bool:
        """Whether the first rows of the current search are loaded."""
        return self.model.is_ready()

    def refresh(self) -> None:
        """Count and load again (after an import)."""
        self.model.reload()

    def focus_search(self) -> None:
        """Put the cursor into the search box."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # -- events -------------------------------------------------------------

    def _retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search by email, name or city"))
        self.import_button.setText(self.tr("Import…"))
        self.model.retranslate()
        self._fit_columns()
        self._update_count()

    def _fit_columns(self) -> None:
        metrics = self.table.horizontalHeader().fontMetrics()
        for column, key in enumerate(COLUMNS):
            if key in _STRETCHED:
                continue
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            # Room for the padding, the bold face and the sort arrow.
            needed = metrics.horizontalAdvance(title) * 21 // 20 + 30
            if key == "status":
                widest = max(
                    status_titles().values(), key=self.table.fontMetrics().horizontalAdvance
                )
                needed = max(needed, self.table.fontMetrics().horizontalAdvance(widest) + 24)
            self.table.setColumnWidth(column, max(_MIN_WIDTHS[key], needed))

    def _on_search_text_changed(self, _text: str) -> None:
        self._debouncer.trigger()

    def _run_search(self) -> None:
        self.model.set_search(self.search.text())

    def _on_model_count_changed(self, _count: int) -> None:
        self._update_count()

    def _on_model_ready(self) -> None:
        self.table.scrollToTop()
        self.ready.emit()

    def _update_count(self) -> None:
        total = self.model.total
        searching = bool(self.model.query.search)
        if not self.model.is_ready():
            self.count_label.setText("")
            return
        if searching:
            self.count_label.setText(self.tr("%Ln contact(s) found", "", total))
        else:
            self.count_label.setText(self.tr("%Ln contact(s)", "", total))
        if total:
            self._stack.setCurrentWidget(self.table)
            return
        if searching:
            self._empty.setText(
                self.tr("No contact matches “{0}”.").format(self.model.query.search)
            )
        else:
            self._empty.setText(
                self.tr(
                    "No contacts yet.\nImport a CSV or Excel file with your customers "
                    "(File → Import…, Ctrl+I)."
                )
            )
        self._stack.setCurrentWidget(self._empty)
