"""Fixtures for the Qt tests: settings in a temp file, pools, a main window."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from ui.language import LanguageSwitcher
from ui.main_window import MainWindow
from ui.style import apply_style
from ui.tasks import Pools

TODAY = date(2025, 6, 1)


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def pools(qapp: QApplication) -> Iterator[Pools]:
    made = Pools.create(qapp)
    yield made
    made.wait()
    made.read.deleteLater()
    made.write.deleteLater()


@pytest.fixture
def switcher(qapp: QApplication) -> Iterator[LanguageSwitcher]:
    apply_style(qapp)
    made = LanguageSwitcher()
    made.apply("en")
    yield made
    made.apply("en")  # leave the application in English for the next test


@pytest.fixture
def window(
    qtbot: QtBot, sqlite_engine: Engine, settings: QSettings, switcher: LanguageSwitcher
) -> Iterator[MainWindow]:
    made = MainWindow(
        sqlite_engine, TODAY, settings=settings, language=switcher, workspace_label="test.sqlite"
    )
    qtbot.add_widget(made)
    yield made
    made.pools.wait()
