"""The contacts table: a lazy Qt model over :mod:`workspace.contacts` (one block of rows).

A workspace may hold a million contacts, so :class:`ContactsTableModel` never
loads them all. It knows the row count (one ``COUNT`` per search or sort
change) and keeps a small LRU cache of blocks of :data:`BLOCK_ROWS` rows.
``data()`` for a row whose block is not cached returns a placeholder and asks
for the block; blocks load on the read pool (``LIMIT/OFFSET`` in SQL, sorted
in SQL), and the view repaints when they arrive. Requests for blocks that
scrolled by are dropped, so dragging the scroll bar across a million rows
loads only what stops on screen.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor
from sqlalchemy import Engine

from ui.tasks import RequestCounter, Task, show_error
from workspace.contacts import (
    COLUMNS,
    ContactQuery,
    ContactRow,
    count_contacts,
    fetch_contacts,
)
from workspace.money import (
    DEFAULT_CURRENCY,
    format_date,
    format_money,
    format_number,
    workspace_currency,
)

__all__ = [
    "BLOCK_ROWS",
    "COLUMNS",
    "ContactQuery",
    "ContactRow",
    "ContactsTableModel",
    "count_contacts",
    "fetch_contacts",
]

log = logging.getLogger(__name__)

BLOCK_ROWS = 100
"""Rows per block fetched with one query."""

MAX_CACHED_BLOCKS = 64
"""Blocks kept in memory (LRU); far more than any screen shows."""

MAX_IN_FLIGHT = 2
"""Block queries running at once; newer requests wait, older wanted ones are dropped."""


@dataclass(frozen=True)
class _FirstPage:
    count: int
    rows: list[ContactRow]
    currency: str = DEFAULT_CURRENCY


def _load_first_page(engine: Engine, query: ContactQuery, limit: int) -> _FirstPage:
    count = count_contacts(engine, query)
    rows = fetch_contacts(engine, query, 0, limit) if count else []
    return _FirstPage(count, rows, workspace_currency(engine))


def column_titles() -> dict[str, str]:
    """Localised column headers."""
    return {
        "email": QCoreApplication.translate("ContactsTableModel", "Email"),
        "name": QCoreApplication.translate("ContactsTableModel", "Name"),
        "city": QCoreApplication.translate("ContactsTableModel", "City"),
        "orders_count": QCoreApplication.translate("ContactsTableModel", "Orders"),
        "total_spent": QCoreApplication.translate("ContactsTableModel", "Total spent"),
        "last_order_at": QCoreApplication.translate("ContactsTableModel", "Last order"),
        "status": QCoreApplication.translate("ContactsTableModel", "Status"),
    }


def status_titles() -> dict[str, str]:
    """Localised subscription statuses."""
    return {
        "subscribed": QCoreApplication.translate("ContactsTableModel", "Subscribed"),
        "unsubscribed": QCoreApplication.translate("ContactsTableModel", "Unsubscribed"),
        "bounced": QCoreApplication.translate("ContactsTableModel", "Bounced"),
        "complained": QCoreApplication.translate("ContactsTableModel", "Complained"),
    }


_NUMERIC = frozenset({"orders_count", "total_spent"})
_PLACEHOLDER_COLOR = QColor("#9aa0a6")


class ContactsTableModel(QAbstractTableModel):
    """Contacts matching a search, sorted in SQL, loaded a block at a time.

    Signals:
        ready: the first block after a search/sort change is shown (also when
            nothing matches). Screenshots and tests wait for it.
        count_changed(int): the number of matching contacts changed.
        block_loaded(int): a block arrived (its number).
    """

    ready = Signal()
    count_changed = Signal(int)
    block_loaded = Signal(int)

    def __init__(self, engine: Engine, pool: QThreadPool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self._pool = pool
        self._query = ContactQuery()  # what the cache holds
        self._wanted_query = self._query  # what the user asked for last
        self._total = 0
        self._blocks: OrderedDict[int, list[ContactRow]] = OrderedDict()
        self._pending: OrderedDict[int, None] = OrderedDict()
        self._in_flight: set[int] = set()
        self._generation = 0
        self._resets = RequestCounter()
        self._is_ready = False
        self._titles = column_titles()
        self._statuses = status_titles()
        self._locale = QLocale()
        self._currency = DEFAULT_CURRENCY
        self.rows_fetched = 0
        """Rows loaded since the last reset (tests check laziness with it)."""
        self._dispatch_timer = QTimer(self)
        self._dispatch_timer.setSingleShot(True)
        self._dispatch_timer.setInterval(10)
        self._dispatch_timer.timeout.connect(self._on_dispatch_timer_timeout)

    # -- public API ---------------------------------------------------------

    @property
    def query(self) -> ContactQuery:
        """The search and sort being shown (or about to be)."""
        return self._wanted_query

    @property
    def total(self) -> int:
        """Number of matching contacts."""
        return self._total

    def is_ready(self) -> bool:
        """Whether the first block for the current query is shown."""
        return self._is_ready

    def cached_block_count(self) -> int:
        """Blocks held in memory now."""
        return len(self._blocks)

    def set_search(self, text: str) -> None:
        """Show contacts whose email, name or city contain every word of ``text``."""
        if text.strip() != self._wanted_query.search:
            self._request(replace(self._wanted_query, search=text.strip()))

    def reload(self) -> None:
        """Count again and reload (after an import, for instance)."""
        self._request(self._wanted_query)

    def column_key(self, column: int) -> str:
        """The key (``COLUMNS``) of a column number."""
        return COLUMNS[column]

    def row_at(self, row: int) -> ContactRow | None:
        """The loaded row, or None while its block is loading."""
        number = row // BLOCK_ROWS
        block = self._blocks.get(number)
        if block is None or row % BLOCK_ROWS >= len(block):
            return None
        self._blocks.move_to_end(number)  # keep what is on screen in the LRU cache
        return block[row % BLOCK_ROWS]

    def retranslate(self) -> None:
        """Re-read headers, statuses and number formats after a language switch."""
        self._titles = column_titles()
        self._statuses = status_titles()
        self._locale = QLocale()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._total:
            self.dataChanged.emit(self.index(0, 0), self.index(self._total - 1, len(COLUMNS) - 1))

    # -- Qt model interface -------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._titles[COLUMNS[section]]
            if role == Qt.ItemDataRole.TextAlignmentRole and COLUMNS[section] in _NUMERIC:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if (orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < self._total):
            return section + 1
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or index.row() >= self._total or index.column() >= len(COLUMNS):
            return None
        key = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if key in _NUMERIC:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole):
            return None
        row = self.row_at(index.row())
        if row is None:
            if role == Qt.ItemDataRole.ForegroundRole:
                return _PLACEHOLDER_COLOR
            self._want(index.row() // BLOCK_ROWS)
            return "…" if index.column() == 0 else ""
        if role == Qt.ItemDataRole.ForegroundRole:
            return _PLACEHOLDER_COLOR if key == "status" and row.status != "subscribed" else None
        return self._display(row, key)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        descending = order == Qt.SortOrder.DescendingOrder
        query = replace(self._wanted_query, sort_key=COLUMNS[column], descending=descending)
        if query != self._wanted_query or not self._is_ready:
            self._request(query)

    # -- formatting -----------------------------------------------------------

    def _display(self, row: ContactRow, key: str) -> str:
        if key == "email":
            return row.email
        if key == "name":
            return " ".join(part for part in (row.first_name, row.last_name) if part)
        if key == "city":
            return row.city or ""
        if key == "orders_count":
            return format_number(int(row.orders_count or 0), self._lang())
        if key == "total_spent":
            return format_money(row.total_spent or 0, self._lang(), self._currency)
        if key == "last_order_at":
            return format_date(row.last_order_at, self._lang())
        if key == "status":
            return self._statuses.get(row.status, row.status)
        raise KeyError(key)

    # -- loading ------------------------------------------------------------

    def _lang(self) -> str:
        return "ru" if self._locale.language() == QLocale.Language.Russian else "en"

    def _request(self, query: ContactQuery) -> None:
        """Count and load the first block of ``query``; the old rows stay until it lands."""
        self._wanted_query = query
        self._is_ready = False
        (
            Task(_load_first_page, self._engine, query, BLOCK_ROWS)
            .owned_by(self)
            .drop_if_stale(self._resets)
            .on_success(lambda page: self._on_first_page_loaded(query, page))
            .start(self._pool)
        )

    def _on_first_page_loaded(self, query: ContactQuery, page: _FirstPage) -> None:
        self.beginResetModel()
        self._generation += 1
        self._query = query
        self._total = page.count
        self._currency = page.currency
        self._blocks.clear()
        self._pending.clear()
        self._in_flight.clear()
        self.rows_fetched = len(page.rows)
        if page.rows:
            self._blocks[0] = page.rows
        self.endResetModel()
        self._is_ready = True
        self.count_changed.emit(page.count)
        self.ready.emit()

    def _want(self, block: int) -> None:
        if block in self._in_flight or block in self._blocks:
            return
        self._pending.pop(block, None)
        self._pending[block] = None  # most recently wanted last
        if not self._dispatch_timer.isActive():
            self._dispatch_timer.start()

    def _on_dispatch_timer_timeout(self) -> None:
        # Only the most recently wanted blocks are worth loading; the view
        # asks again for any block still on screen when it repaints.
        while self._pending and len(self._in_flight) < MAX_IN_FLIGHT:
            block, _ = self._pending.popitem(last=True)
            self._start_block(block)
        while len(self._pending) > MAX_IN_FLIGHT:
            self._pending.popitem(last=False)

    def _start_block(self, block: int) -> None:
        generation = self._generation
        self._in_flight.add(block)
        (
            Task(fetch_contacts, self._engine, self._query, block * BLOCK_ROWS, BLOCK_ROWS)
            .owned_by(self)
            .on_success(lambda rows: self._on_block_loaded(generation, block, rows))
            .on_failure(lambda exc: self._on_block_failed(generation, block, exc))
            .start(self._pool)
        )

    def _on_block_loaded(self, generation: int, block: int, rows: list[ContactRow]) -> None:
        if generation != self._generation:
            return  # a search or sort changed meanwhile
        self._in_flight.discard(block)
        self._blocks[block] = rows
        self.rows_fetched += len(rows)
        while len(self._blocks) > MAX_CACHED_BLOCKS:
            self._blocks.popitem(last=False)
        first = block * BLOCK_ROWS
        last = min(first + len(rows), self._total) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))
        self.block_loaded.emit(block)
        if self._pending:
            self._dispatch_timer.start()

    def _on_block_failed(self, generation: int, block: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._in_flight.discard(block)
        show_error(self.parent(), exc)
