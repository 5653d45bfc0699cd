"""The Campaigns page in a main window at a laptop's 1280x720, on a copy of a demo shop."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from tests.conftest import copy_workspace
from ui.language import LanguageSwitcher
from ui.main_window import MainWindow
from ui.style import apply_style

TODAY = date(2026, 11, 22)


@pytest.fixture(scope="session")
def demo_file(demo_shop_files: Callable[[int], Path]) -> Path:
    return demo_shop_files(300)


@pytest.fixture
def demo_engine(demo_file: Path, tmp_path: Path) -> Iterator[Engine]:
    yield from copy_workspace(demo_file, tmp_path)


@pytest.fixture
def switcher(qapp: QApplication) -> Iterator[LanguageSwitcher]:
    apply_style(qapp)
    made = LanguageSwitcher()
    made.apply("en")
    yield made
    made.apply("en")


@pytest.fixture
def open_page(qtbot: QtBot, demo_engine: Engine, tmp_path: Path,
              switcher: LanguageSwitcher) -> Iterator[Callable[[], Any]]:
    """``open_page()``: a 1280x720 main window showing the Campaigns page, data drawn."""
    windows: list[MainWindow] = []

    def make() -> Any:
        settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
        window = MainWindow(demo_engine, TODAY, settings=settings, language=switcher,
                            workspace_label="demo.sqlite")
        qtbot.add_widget(window)
        window.resize(1280, 720)
        window.show()
        page: Any = window.show_page("campaigns")
        qtbot.waitUntil(page.is_ready, timeout=15000)
        windows.append(window)
        return page

    yield make
    for window in windows:
        window.pools.wait()
