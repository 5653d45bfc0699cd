"""Pages of the main window and how to plug one in.

A page is any QWidget made by a factory ``(PageContext) -> QWidget``. The main
window registers :class:`PageSpec` objects by key (see :func:`default_pages`)
and builds each page the first time it is shown, under a common header with
the page title. To replace a page (the segment builder, the template
editor), pass ``MainWindow(..., pages={**default_pages(), "segments":
PageSpec("segments", segments_title, SegmentBuilderPane)})`` or edit
:func:`default_pages`.

A page may optionally have:

- ``ready`` (Signal) and ``is_ready() -> bool``: its data is drawn
  (``gui --screenshot`` waits for it);
- ``refresh()``: data changed (after an import), reload;
- ``focus_search()``: Ctrl+F.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSettings,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Engine

from ui.retranslate import Retranslating
from ui.style import named
from ui.tasks import Pools, Task

PAGE_KEYS = ("contacts", "segments", "templates", "campaigns", "export")
"""Keys of the built-in pages, in navigation order (also ``gui --page``)."""


@dataclass(frozen=True)
class PageContext:
    """What a page factory gets: the workspace and the app's shared services."""

    engine: Engine
    today: date
    pools: Pools
    settings: QSettings
    request_import: Callable[[], None]
    """Open the import dialog (e.g. from a page's empty state)."""


PageFactory = Callable[[PageContext], QWidget]


@dataclass(frozen=True)
class PageSpec:
    """A page: its key, its (translated on call) title and its factory."""

    key: str
    title: Callable[[], str]
    factory: PageFactory
    subtitle: Callable[[], str] | None = None


def page_titles() -> dict[str, str]:
    """Localised titles of the built-in pages."""
    return {
        "contacts": QCoreApplication.translate("Pages", "Contacts"),
        "segments": QCoreApplication.translate("Pages", "Segments"),
        "templates": QCoreApplication.translate("Pages", "Templates"),
        "campaigns": QCoreApplication.translate("Pages", "Campaigns"),
        "export": QCoreApplication.translate("Pages", "Export"),
    }


def page_subtitles() -> dict[str, str]:
    """Localised one-line descriptions under the page titles."""
    return {
        "contacts": QCoreApplication.translate(
            "Pages", "Everyone in the workspace: customers and subscribers."
        ),
        "segments": QCoreApplication.translate(
            "Pages", "Groups of contacts defined by rules, counted live."
        ),
        "templates": QCoreApplication.translate(
            "Pages", "Emails of the lifecycle scenarios and your own."
        ),
        "campaigns": QCoreApplication.translate(
            "Pages", "A template, a segment and A/B subject variants."
        ),
        "export": QCoreApplication.translate(
            "Pages", "Send a campaign to Unisender and see what every export created."
        ),
    }


class PageFrame(Retranslating, QWidget):
    """A page under a common header (title and subtitle); builds the page lazily."""

    def __init__(self, spec: PageSpec, context: PageContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.spec = spec
        self._context = context
        self.page: QWidget | None = None
        self._title = named(QLabel(), "pageTitle")
        self._subtitle = named(QLabel(), "pageSubtitle")
        self._subtitle.setWordWrap(True)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(28, 22, 28, 16)
        self._layout.setSpacing(4)
        self._layout.addWidget(self._title)
        self._layout.addWidget(self._subtitle)
        self._layout.addSpacing(12)
        self._retranslate()

    def ensure_page(self) -> QWidget:
        """Build the page on first use."""
        if self.page is None:
            self.page = self.spec.factory(self._context)
            self.page.setParent(self)
            self._layout.addWidget(self.page, 1)
        return self.page

    def _retranslate(self) -> None:
        self._title.setText(self.spec.title())
        subtitle = self.spec.subtitle() if self.spec.subtitle else ""
        self._subtitle.setText(subtitle)
        self._subtitle.setVisible(bool(subtitle))


# -- a simple read-only list page, for the pages other modules will replace --


class RecordsTableModel(QAbstractTableModel):
    """A small read-only table of already loaded rows (lists of display values)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers: list[str] = []
        self._rows: list[list[Any]] = []
        self.display: Callable[[int, Any], str] | None = None
        """Optional ``(column, value) -> text`` for values that need words."""

    def set_headers(self, headers: Sequence[str]) -> None:
        """Column titles (already translated); a new number of columns resets the model."""
        if len(headers) != len(self._headers):
            self.beginResetModel()
            self._headers = list(headers)
            self.endResetModel()
            return
        self._headers = list(headers)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(len(headers) - 1, 0))

    def set_rows(self, rows: Sequence[Sequence[Any]]) -> None:
        """Replace all rows."""
        self.beginResetModel()
        self._rows = [list(row) for row in rows]
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        row = self._rows[index.row()]
        if index.column() >= len(row):
            return None
        value = row[index.column()]
        if value is None:
            return ""
        if isinstance(value, datetime):
            return value.strftime("%Y-%m-%d %H:%M")
        if self.display is not None:
            return self.display(index.column(), value)
        return str(value)


Loader = Callable[[Engine], list[list[Any]]]


class RecordsPage(Retranslating, QWidget):
    """A description banner, then a table of records or an empty-state message.

    Used for pages whose real editors are built elsewhere: it says what will
    be there and lists what the workspace already holds.

    Args:
        context: the page context.
        about: translated text for the banner (callable, re-read on language change).
        headers: translated column titles (callable).
        loader: runs on the read pool: ``engine -> rows``.
        empty: translated empty-state text (callable).
    """

    ready = Signal()

    def __init__(
        self,
        context: PageContext,
        about: Callable[[], str],
        headers: Callable[[], Sequence[str]],
        loader: Loader,
        empty: Callable[[], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._about_text = about
        self._headers = headers
        self._loader = loader
        self._empty_text = empty
        self._is_ready = False

        banner = named(QFrame(), "infoBanner")
        banner_layout = QHBoxLayout(banner)
        banner_layout.setContentsMargins(16, 12, 16, 12)
        self._about = QLabel(wordWrap=True)
        self._about.setTextFormat(Qt.TextFormat.PlainText)
        banner_layout.addWidget(self._about)

        self.model = RecordsTableModel(self)
        self._table = QTableView()
        self._table.setModel(self.model)
        self._table.setAlternatingRowColors(True)
        self._table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._table.verticalHeader().hide()
        self._table.verticalHeader().setDefaultSectionSize(30)
        self._table.horizontalHeader().setStretchLastSection(True)
        self._table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self._table.horizontalHeader().setDefaultSectionSize(220)
        self._table.setShowGrid(False)
        self._table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._table.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )

        self._empty = named(QLabel(wordWrap=True), "emptyState")
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._stack = QStackedWidget()
        self._stack.addWidget(self._table)
        self._stack.addWidget(self._empty)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        layout.addWidget(banner)
        layout.addWidget(self._stack, 1)
        self._retranslate()
        self.refresh()

    def is_ready(self) -> bool:
        """Whether the records have been loaded and drawn."""
        return self._is_ready

    def refresh(self) -> None:
        """Load the records again."""
        self._is_ready = False
        Task(self._loader, self._context.engine).owned_by(self).on_success(
            self._on_records_loaded
        ).start(self._context.pools.read)

    def _retranslate(self) -> None:
        self._about.setText(self._about_text())
        self._empty.setText(self._empty_text())
        self.model.set_headers(self._headers())

    def _on_records_loaded(self, rows: list[list[Any]]) -> None:
        self.model.set_rows(rows)
        self._stack.setCurrentWidget(self._table if rows else self._empty)
        self._is_ready = True
        self.ready.emit()


# -- the built-in placeholder pages --------------------------------------------


def default_pages() -> dict[str, PageSpec]:
    """The built-in pages by key, in navigation order."""
    from ui.campaigns import CampaignsPage
    from ui.contacts_page import ContactsPage
    from ui.editor import TemplatesPage
    from ui.export import ExportPage
    from ui.segments import SegmentsPage

    titles = page_titles
    subtitles = page_subtitles
    factories: dict[str, PageFactory] = {
        "contacts": ContactsPage,
        "segments": SegmentsPage,
        "templates": TemplatesPage,
        "campaigns": CampaignsPage,
        "export": ExportPage,
    }
    return {
        key: PageSpec(
            key,
            title=lambda key=key: titles()[key],  # type: ignore[misc]
            factory=factories[key],
            subtitle=lambda key=key: subtitles()[key],  # type: ignore[misc]
        )
        for key in PAGE_KEYS
    }
