"""Fixtures for the settings dialog: a tiny demo shop, pools, English UI."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from tests.conftest import copy_workspace
from tests.ui.conftest import pools, settings, switcher
from ui.settings_dialog import SettingsDialog
from ui.tasks import Pools

__all__ = ["pools", "settings", "switcher"]  # reused fixtures from tests/ui

TODAY = date(2026, 11, 22)


@pytest.fixture(scope="session")
def demo_file(demo_shop_files: Callable[[int], Path]) -> Path:
    """A SQLite file with a 200-contact demo shop (copied, never written)."""
    return demo_shop_files(200)


@pytest.fixture
def demo_engine(demo_file: Path, tmp_path: Path) -> Iterator[Engine]:
    """A private copy of the demo shop that a test may change."""
    yield from copy_workspace(demo_file, tmp_path)


@pytest.fixture
def make_dialog(qtbot: QtBot, pools: Pools, switcher: object, qapp: QApplication):  # type: ignore[no-untyped-def]
    """``make_dialog(engine)``: a shown settings dialog with the stored values loaded."""

    def make(engine: Engine) -> SettingsDialog:
        dialog = SettingsDialog(engine, pools, TODAY)
        qtbot.add_widget(dialog)
        dialog.show()
        qtbot.waitUntil(dialog.is_loaded, timeout=10000)
        return dialog

    return make
