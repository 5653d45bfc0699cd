"""The read-only records table (import preview, rejected rows, list pages) is a sound Qt model."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from ui.pages import RecordsTableModel

pytestmark = pytest.mark.gui


def test_records_model_passes_qt_model_tester(qtbot: QtBot, qtmodeltester: ModelTester) -> None:
    model = RecordsTableModel()
    qtmodeltester.check(model)  # type: ignore[no-untyped-call]
    model.set_headers(["Когда", "Что", "Итог"])
    model.set_rows([
        [datetime(2026, 11, 22, 9, 30), "Распродажа", None],
        ["x", 2],  # a short row: the missing cell is empty
    ])
    qtmodeltester.check(model)  # type: ignore[no-untyped-call]
    assert model.rowCount() == 2 and model.columnCount() == 3
    assert model.data(model.index(0, 0)) == "2026-11-22 09:30"
    assert model.data(model.index(0, 2)) == ""
    assert model.data(model.index(1, 2)) is None
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Что"
    with qtbot.wait_signal(model.modelReset, timeout=1000):
        model.set_headers(["Один"])  # fewer columns: views must hear of it
    assert model.columnCount() == 1
    model.set_rows([])
    qtmodeltester.check(model)  # type: ignore[no-untyped-call]
    assert model.rowCount() == 0


def test_every_qt_model_of_the_app_is_under_the_model_tester() -> None:
    """A new model in ui/ must get a qtmodeltester test (and a name in CHECKED)."""
    import importlib
    import inspect
    import pkgutil

    from PySide6.QtCore import QAbstractItemModel

    import ui

    checked = {"ui.pages.RecordsTableModel", "ui.contacts_model.ContactsTableModel",
               "ui.campaigns.results.ResultsModel"}
    found = set()
    for info in pkgutil.walk_packages(ui.__path__, "ui."):
        if info.name.startswith("ui.i18n"):
            continue
        module = importlib.import_module(info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, QAbstractItemModel) and cls.__module__ == info.name:
                found.add(f"{cls.__module__}.{cls.__qualname__}")
    assert found == checked
