"""The contacts table: SQL search and sort on both back ends, the lazy Qt model."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from tests.ui.data import contact_rows, insert_contacts
from tests.workspace.people import add_contact
from ui.contacts_model import (
    BLOCK_ROWS,
    COLUMNS,
    MAX_CACHED_BLOCKS,
    ContactsTableModel,
)
from ui.tasks import Pools
from workspace.db import open_workspace

# -- the Qt model ---------------------------------------------------------------------


def _ready_model(qtbot: QtBot, engine: Engine, pools: Pools) -> ContactsTableModel:
    model = ContactsTableModel(engine, pools.read)
    with qtbot.wait_signal(model.ready, timeout=10000):
        model.reload()
    return model


@pytest.mark.gui
def test_model_passes_qt_model_tester(
    qtbot: QtBot, qtmodeltester: ModelTester, sqlite_engine: Engine, pools: Pools
) -> None:
    insert_contacts(sqlite_engine, 250)
    model = _ready_model(qtbot, sqlite_engine, pools)
    assert model.rowCount() == 250 and model.columnCount() == len(COLUMNS)
    qtmodeltester.check(model)  # type: ignore[no-untyped-call]
    # Rows of blocks not loaded yet are placeholders, then real data.
    last = model.index(249, 0)
    qtbot.wait_until(lambda: model.data(last) == "client0000249@example.ru", timeout=10000)
    qtmodeltester.check(model)  # type: ignore[no-untyped-call]


@pytest.mark.gui
def test_model_search_sort_and_labels(qtbot: QtBot, sqlite_engine: Engine, pools: Pools) -> None:
    add_contact(
        sqlite_engine,
        email="a@x.ru",
        first_name="Анна",
        city="Москва",
        total_spent=Decimal("10"),
        status="unsubscribed",
    )
    add_contact(
        sqlite_engine, email="b@x.ru", first_name="Борис", city="москва", total_spent=Decimal("20")
    )
    add_contact(
        sqlite_engine, email="c@x.ru", first_name="Вера", city="Казань", total_spent=Decimal("30")
    )
    model = _ready_model(qtbot, sqlite_engine, pools)
    counts: list[int] = []
    model.count_changed.connect(counts.append)
    with qtbot.wait_signal(model.ready, timeout=10000):
        model.set_search("МОСКВА")
    assert model.rowCount() == 2 and counts == [2]
    with qtbot.wait_signal(model.ready, timeout=10000):
        model.sort(COLUMNS.index("total_spent"), Qt.SortOrder.DescendingOrder)
    assert [model.data(model.index(r, 0)) for r in range(2)] == ["b@x.ru", "a@x.ru"]
    assert model.data(model.index(1, COLUMNS.index("status"))) == "Unsubscribed"
    assert model.data(model.index(0, COLUMNS.index("name"))) == "Борис"
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Email"


_COPIED = (
    "first_name",
    "last_name",
    "city",
    "status",
    "gender",
    "orders_count",
    "total_spent",
    "last_order_at",
    "returns_count",
    "complaints_count",
    "first_name_ci",
    "last_name_ci",
    "city_ci",
)


@pytest.fixture(scope="module")
def big_workspace(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    engine = open_workspace(str(Path(tmp_path_factory.mktemp("big")) / "big.sqlite"))
    insert_contacts(engine, 20_000)
    # Nine more copies made by SQLite itself: generating 200,000 rows in Python
    # would make this the slowest test of the suite.
    copied = ", ".join(c for c in _COPIED)
    with engine.begin() as conn:
        for k in range(1, 10):
            conn.exec_driver_sql(
                f"INSERT INTO contacts (email, {copied}) "
                f"SELECT printf('client%07d@example.ru', id - 1 + {k * 20_000}), {copied} "
                "FROM contacts WHERE id <= 20000"
            )
    yield engine
    engine.dispose()


@pytest.mark.gui
@pytest.mark.slow
def test_scrolling_to_the_end_fetches_a_bounded_number_of_rows(
    qtbot: QtBot, big_workspace: Engine, pools: Pools
) -> None:
    model = _ready_model(qtbot, big_workspace, pools)
    view = QTableView()
    qtbot.add_widget(view)
    view.resize(900, 600)
    view.setModel(model)
    view.show()
    qtbot.wait_exposed(view)
    assert model.rowCount() == 200_000
    for fraction in (0.25, 0.5, 0.75):  # a drag across the table
        view.scrollTo(model.index(int(200_000 * fraction), 0))
    view.scrollToBottom()
    last = model.index(199_999, 0)
    qtbot.wait_until(lambda: model.row_at(199_999) is not None, timeout=20000)
    assert model.data(last) == "client0199999@example.ru"
    assert model.rows_fetched <= 12 * BLOCK_ROWS
    assert model.cached_block_count() <= MAX_CACHED_BLOCKS


def test_generated_rows_have_fold_twins() -> None:
    row = contact_rows(1)[0]
    assert row["city_ci"] == (row["city"].casefold() if row["city"] else None)
