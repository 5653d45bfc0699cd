"""The import wizard end to end on a Windows-1251, semicolon-separated file."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, func, select

from ui.importing import ImportDialog
from ui.language import LanguageSwitcher
from ui.tasks import Pools, Task
from workspace.imports.reasons import reason_text
from workspace.models import Contact, ContactAttribute

pytestmark = pytest.mark.gui

ROWS = [
    "Почта;Имя;Город;Дата рождения;Любимый цвет;Комментарий",
    "anna@example.ru;Анна;Москва;05.03.1990;красный;VIP",
    "ivan@example;Иван;Казань;01.01.1980;зелёный;",
    "olga@example.ru;Ольга;Санкт-Петербург;31.02.1992;синий;",
    "maria@example.ru;Мария;Уфа;;чёрный;",
]


@pytest.fixture
def csv_1251(tmp_path: Path) -> Path:
    path = tmp_path / "клиенты.csv"
    path.write_bytes(("\r\n".join(ROWS) + "\r\n").encode("cp1251"))
    return path


def _dialog(
    qtbot: QtBot, engine: Engine, pools: Pools, settings: QSettings, path: Path
) -> ImportDialog:
    dialog = ImportDialog(engine, pools, settings, path=str(path))
    qtbot.add_widget(dialog)
    dialog.show()
    qtbot.wait_exposed(dialog)
    return dialog


def test_import_flow_end_to_end(
    qtbot: QtBot,
    sqlite_engine: Engine,
    pools: Pools,
    settings: QSettings,
    switcher: LanguageSwitcher,
    csv_1251: Path,
    tmp_path: Path,
) -> None:
    dialog = _dialog(qtbot, sqlite_engine, pools, settings, csv_1251)
    assert dialog.file_page.isComplete()
    with qtbot.wait_signal(dialog.format_page.sniffed, timeout=10000):
        dialog.next()
    sniffed = dialog.plan.sniffed
    assert sniffed is not None
    assert (sniffed.encoding, sniffed.delimiter) == ("cp1251", ";")
    assert dialog.format_page.encoding_combo.currentData() == "cp1251"
    assert dialog.format_page.delimiter_combo.currentData() == ";"
    cell = dialog.format_page.preview.item(0, 2)
    assert cell is not None and cell.text() == "Москва"
    assert "Windows-1251" in dialog.format_page.detected_label.text()

    dialog.next()
    page = dialog.mapping_page
    assert page.combos["Почта"].currentData() == "email"
    assert page.combos["Город"].currentData() == "city"
    assert page.combos["Любимый цвет"].currentData() == "custom.Любимый цвет"
    # Skip a column by hand; map two columns to one field and back.
    page.combos["Комментарий"].setCurrentIndex(page.combos["Комментарий"].findData("-"))
    page.combos["Имя"].setCurrentIndex(page.combos["Имя"].findData("city"))
    assert not page.isComplete() and "once" in page.error_label.text()
    page.combos["Имя"].setCurrentIndex(page.combos["Имя"].findData("first_name"))
    assert page.isComplete()

    imported: list[bool] = []
    dialog.imported.connect(lambda: imported.append(True))
    with qtbot.wait_signal(dialog.run_page.finished, timeout=20000):
        dialog.next()
    qtbot.wait_until(lambda: dialog.currentPage() is dialog.result_page)
    result = dialog.plan.result
    assert result is not None and imported == [True]
    # Ольга's impossible birth date is a warning: she is imported without it.
    assert (result.imported, result.updated, result.rejected) == (3, 0, 1)
    assert [(w.line, w.column, w.code) for w in result.warnings] == [
        (4, "Дата рождения", "impossible_date")]
    assert dialog.result_page.count_labels["imported"].text() == "3"
    assert dialog.result_page.count_labels["rejected"].text() == "1"
    model = dialog.result_page.rejected_model
    assert model.rowCount() == 2
    assert [model.data(model.index(r, 0)) for r in range(2)] == ["3", "4"]
    assert model.data(model.index(1, 1)) == (
        "Warning, column “Дата рождения”: impossible date in birth_date: 31.02.1992")
    assert "values left out" in dialog.result_page.rejected_label.text()

    report = tmp_path / "report.csv"
    dialog.result_page.save_report(report)
    lines = report.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "line,reason,severity,column,code" and lines[1].startswith("3,")
    assert lines[2].startswith("4,") and ",warning,Дата рождения,impossible_date" in lines[2]
    assert model.data(model.index(0, 1)) == result.errors[0].reason

    # Switching to Russian says the reasons in Russian, on screen and in the report.
    switcher.apply("ru")
    russian = reason_text(result.errors[0], "ru")
    assert russian != result.errors[0].reason and any("а" <= ch <= "я" for ch in russian)
    assert model.data(model.index(0, 1)) == russian
    assert model.data(model.index(1, 1)) == (
        "Предупреждение, столбец «Дата рождения»: "
        "несуществующая дата в поле «дата рождения»: 31.02.1992")
    assert "пропущен" in dialog.result_page.rejected_label.text()
    dialog.result_page.save_report(report)
    assert report.read_text(encoding="utf-8-sig").splitlines()[1].startswith(f"3,{russian},")
    # A report that cannot be written says so on the page instead of failing.
    dialog.result_page.save_report(tmp_path / "no-such-folder" / "report.csv")
    assert "no-such-folder" in dialog.result_page.saved_label.text()

    with sqlite_engine.connect() as conn:
        cities = conn.execute(select(Contact.email, Contact.city).order_by(Contact.email)).all()
        attributes = conn.execute(select(ContactAttribute.name, ContactAttribute.value)).all()
    assert cities == [("anna@example.ru", "Москва"), ("maria@example.ru", "Уфа"),
                      ("olga@example.ru", "Санкт-Петербург")]
    assert ("Любимый цвет", "красный") in attributes
    assert all(name != "Комментарий" for name, _ in attributes)


def test_format_override_reads_again(
    qtbot: QtBot,
    sqlite_engine: Engine,
    pools: Pools,
    settings: QSettings,
    switcher: LanguageSwitcher,
    csv_1251: Path,
) -> None:
    dialog = _dialog(qtbot, sqlite_engine, pools, settings, csv_1251)
    with qtbot.wait_signal(dialog.format_page.sniffed, timeout=10000):
        dialog.next()
    combo = dialog.format_page.delimiter_combo
    with qtbot.wait_signal(dialog.format_page.sniffed, timeout=10000):
        combo.setCurrentIndex(combo.findData(","))
    sniffed = dialog.plan.sniffed
    assert sniffed is not None and len(sniffed.headers) == 1
    assert dialog.plan.delimiter == ","
    assert "chosen by you" in dialog.format_page.detected_label.text()


def test_cancel_rolls_the_import_back_and_closes(
    qtbot: QtBot,
    sqlite_engine: Engine,
    pools: Pools,
    settings: QSettings,
    switcher: LanguageSwitcher,
    csv_1251: Path,
) -> None:
    dialog = _dialog(qtbot, sqlite_engine, pools, settings, csv_1251)
    with qtbot.wait_signal(dialog.format_page.sniffed, timeout=10000):
        dialog.next()
    dialog.next()
    # Hold the single write thread so the import is still queued when we cancel.
    gate = threading.Event()
    Task(gate.wait, 10).start(pools.write)
    dialog.next()
    assert dialog.currentPage() is dialog.run_page and dialog.run_page.is_running()
    with qtbot.wait_signal(dialog.rejected, timeout=20000):
        dialog.reject()
        assert dialog.isVisible()  # waits for the rollback before closing
        gate.set()
    assert dialog.plan.result is None
    with sqlite_engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Contact)).scalar_one() == 0


def test_waiting_for_another_import_is_said_then_the_import_runs(
    qtbot: QtBot,
    sqlite_engine: Engine,
    sqlite_url: str,
    pools: Pools,
    settings: QSettings,
    switcher: LanguageSwitcher,
    csv_1251: Path,
) -> None:
    import sqlite3

    other = sqlite3.connect(sqlite_url.removeprefix("sqlite:///"), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another import (another Konvert) holds the workspace
    try:
        dialog = _dialog(qtbot, sqlite_engine, pools, settings, csv_1251)
        with qtbot.wait_signal(dialog.format_page.sniffed, timeout=10000):
            dialog.next()
        dialog.next()
        dialog.next()
        status = dialog.run_page.status_label
        qtbot.wait_until(lambda: "Another import is writing" in status.text(), timeout=10000)
        assert dialog.run_page.is_running()
    finally:
        other.execute("ROLLBACK")
        other.close()
    with qtbot.wait_signal(dialog.run_page.finished, timeout=30000):
        pass
    assert dialog.plan.result is not None and dialog.plan.result.imported == 3


def test_cancel_while_waiting_for_another_import_stops_at_once(
    qtbot: QtBot,
    sqlite_engine: Engine,
    sqlite_url: str,
    pools: Pools,
    settings: QSettings,
    switcher: LanguageSwitcher,
    csv_1251: Path,
) -> None:
    import sqlite3
    import time

    other = sqlite3.connect(sqlite_url.removeprefix("sqlite:///"), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        dialog = _dialog(qtbot, sqlite_engine, pools, settings, csv_1251)
        with qtbot.wait_signal(dialog.format_page.sniffed, timeout=10000):
            dialog.next()
        dialog.next()
        dialog.next()
        status = dialog.run_page.status_label
        qtbot.wait_until(lambda: "Another import is writing" in status.text(), timeout=10000)
        started = time.monotonic()
        with qtbot.wait_signal(dialog.run_page.finished, timeout=10000):
            dialog.run_page.cancel()
        assert time.monotonic() - started < 5  # not the 10 minutes the wait may last
        assert "Import cancelled" in dialog.run_page.error_label.text()
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert dialog.plan.result is None
    with sqlite_engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Contact)).scalar_one() == 0
