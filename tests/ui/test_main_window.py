"""The main window: pages, shortcuts, language switch, status bar, screenshots."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

import main
from tests.ui.conftest import TODAY
from tests.ui.data import insert_contacts
from ui.contacts_page import ContactsPage
from ui.export import ExportPage
from ui.language import SETTINGS_KEY, choose_language
from ui.main_window import MainWindow
from ui.pages import PAGE_KEYS, PageContext, PageSpec, default_pages

pytestmark = pytest.mark.gui
I18N = Path(__file__).resolve().parents[2] / "ui" / "i18n"
SHELL_MODULES = (
    "app",
    "contacts_model",
    "contacts_page",
    "importing/common",
    "importing/dialog",
    "importing/file_page",
    "importing/format_page",
    "importing/mapping_page",
    "importing/result_page",
    "importing/run_page",
    "language",
    "main_window",
    "pages",
    "style",
    "tasks",
)


def _labels(widget: QWidget) -> set[str]:
    return {label.text() for label in widget.findChildren(QLabel)}


def test_pages_switch_by_navigation_and_shortcut(qtbot: QtBot, window: MainWindow) -> None:
    window.show()
    qtbot.wait_exposed(window)
    assert window.page_keys() == list(PAGE_KEYS)
    assert window.current_page_key() == "contacts"
    window.navigation.setCurrentRow(PAGE_KEYS.index("templates"))
    assert window.current_page_key() == "templates"
    # The offscreen platform has no active window, so shortcuts are checked
    # by their key sequences and triggered directly.
    shortcuts = {a.shortcut().toString(): a for a in window.actions()}
    assert {"Ctrl+I", "Ctrl+F", "Ctrl+Q", "Ctrl+1", "Ctrl+5"} <= set(shortcuts)
    shortcuts["Ctrl+5"].trigger()
    assert window.current_page_key() == "export"
    assert window.navigation.currentRow() == PAGE_KEYS.index("export")
    export = window.page("export")
    assert isinstance(export, ExportPage)
    qtbot.wait_until(export.is_ready)
    assert "Nothing has been exported yet." in _labels(export)


def test_ctrl_f_focuses_contacts_search(qtbot: QtBot, window: MainWindow) -> None:
    window.show()
    qtbot.wait_exposed(window)
    window.activateWindow()
    window.show_page("segments")
    window.find_action.trigger()
    page = window.page("contacts")
    assert isinstance(page, ContactsPage)
    assert window.current_page_key() == "contacts"
    qtbot.wait_until(page.search.hasFocus)


def test_language_switch_retranslates_and_is_remembered(qtbot: QtBot, window: MainWindow) -> None:
    page = window.page("contacts")
    assert isinstance(page, ContactsPage)
    assert window.navigation.item(0).text() == "Contacts"
    window.switch_language("ru")
    assert window.navigation.item(0).text() == "Контакты"
    assert window.navigation.item(4).text() == "Выгрузка"
    assert page.search.placeholderText() == "Поиск по почте, имени или городу"
    assert page.model.headerData(0, Qt.Orientation.Horizontal) == "Почта"
    assert "Контакты" in _labels(window.frames["contacts"])
    assert window.settings.value(SETTINGS_KEY) == "ru"
    assert choose_language(None, window.settings) == "ru"
    assert choose_language("en", window.settings) == "en"
    window.switch_language("en")
    assert window.navigation.item(0).text() == "Contacts"


def test_status_bar_and_contacts_count(
    qtbot: QtBot, sqlite_engine: Engine, window: MainWindow
) -> None:
    page = window.page("contacts")
    assert isinstance(page, ContactsPage)
    qtbot.wait_until(page.is_ready)
    assert "No contacts yet." in page._empty.text()
    insert_contacts(sqlite_engine, 3)
    with qtbot.wait_signal(page.ready, timeout=10000):
        window.refresh_pages()
    assert page.count_label.text() == "3 contacts"
    qtbot.wait_until(lambda: window._count_status.text() == "3 contacts")
    assert window._workspace_status.text() == "Workspace: test.sqlite"
    window.show_error("disk is full")
    assert "disk is full" in window.statusBar().currentMessage()


def test_debounced_search_from_the_box(
    qtbot: QtBot, sqlite_engine: Engine, window: MainWindow
) -> None:
    insert_contacts(sqlite_engine, 30)
    page = window.page("contacts")
    assert isinstance(page, ContactsPage)
    qtbot.wait_until(page.is_ready)
    with qtbot.wait_signal(page.ready, timeout=10000):
        qtbot.keyClicks(page.search, "client0000007")  # type: ignore[no-untyped-call]
    assert page.model.rowCount() == 1
    assert page.count_label.text() == "1 contact found"


def test_a_page_can_be_plugged_in(qtbot: QtBot, sqlite_engine: Engine, settings: QSettings) -> None:
    built: list[PageContext] = []

    def factory(context: PageContext) -> QWidget:
        built.append(context)
        return QLabel("segment builder")

    pages = {**default_pages(), "segments": PageSpec("segments", lambda: "Segments", factory)}
    window = MainWindow(sqlite_engine, TODAY, pages=pages, settings=settings)
    qtbot.add_widget(window)
    assert built == []  # built on first show only
    window.show_page("segments")
    assert len(built) == 1 and built[0].engine is sqlite_engine
    assert "segment builder" in _labels(window.frames["segments"])
    window.pools.wait()


def test_screenshot_command_writes_a_png(
    qtbot: QtBot, sqlite_engine: Engine, sqlite_url: str, tmp_path: Path
) -> None:
    insert_contacts(sqlite_engine, 50)
    for page in ("contacts", "export"):
        png = tmp_path / f"{page}.png"
        code = main.main(
            [
                "--workspace",
                sqlite_url,
                "--lang",
                "en",
                "gui",
                "--page",
                page,
                "--screenshot",
                str(png),
            ]
        )
        assert code == 0
        image = QImage(str(png))
        assert not image.isNull() and image.width() >= 800 and image.height() >= 500
    QCoreApplication.processEvents()


def test_russian_translation_is_complete(tmp_path: Path) -> None:
    """Every UI string has a Russian translation, and the .qm files are built."""
    fresh = tmp_path / "fresh.ts"
    sources = [str(I18N.parent / f"{name}.py") for name in SHELL_MODULES]
    subprocess.run(
        ["pyside6-lupdate", *sources, "-ts", str(fresh)], check=True, capture_output=True
    )
    wanted = {
        (ctx.findtext("name"), msg.findtext("source"))
        for ctx in ET.parse(fresh).getroot().iter("context")
        for msg in ctx.iter("message")
    }
    shipped: dict[tuple[str | None, str | None], bool] = {}
    # Every *_ru.qm is loaded, so a page may ship the shell's strings it changed in its own file.
    for ts_file in sorted(I18N.glob("*_ru.ts")):
        for ctx in ET.parse(ts_file).getroot().iter("context"):
            for msg in ctx.iter("message"):
                translation = msg.find("translation")
                assert translation is not None
                done = translation.get("type") is None and (
                    bool(translation.text)
                    or all(f.text for f in translation.iter("numerusform"))
                )
                key = (ctx.findtext("name"), msg.findtext("source"))
                shipped[key] = shipped.get(key, False) or done
    missing = sorted(str(key) for key in wanted if not shipped.get(key))
    assert not missing, "untranslated (see ui/language.py): " + "; ".join(missing)
    # The shipped .qm files are what lrelease makes of the .ts files now (file
    # times mean nothing in a fresh clone, so compare the bytes).
    for ts in sorted(I18N.glob("*.ts")):
        built = tmp_path / f"{ts.stem}.qm"
        subprocess.run(["pyside6-lrelease", str(ts), "-qm", str(built)], check=True,
                       capture_output=True)
        assert built.read_bytes() == (I18N / f"{ts.stem}.qm").read_bytes(), (
            f"{ts.stem}.qm is stale: run pyside6-lrelease {ts}")
