"""Fixtures for the settings dialog: a tiny demo shop, pools, English UI."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from tests.ui.conftest import pools, settings, switcher
from ui.settings_dialog import SettingsDialog
from ui.tasks import Pools
from workspace.db import open_workspace
from workspace.demo import generate_demo

__all__ = ["pools", "settings", "switcher"]  # reused fixtures from tests/ui

TODAY = date(2026, 11, 22)


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file with a 200-contact demo shop (copied, never written)."""
    path = tmp_path_factory.mktemp("settingsdemo") / "demo.sqlite"
    engine = open_workspace(f"sqlite:///{path}")
    generate_demo(engine, contacts=200, seed=1, today=TODAY)
    engine.dispose()
    return path


@pytest.fixture
def demo_engine(demo_file: Path, tmp_path: Path) -> Iterator[Engine]:
    """A private copy of the demo shop that a test may change."""
    copy = tmp_path / "ws.sqlite"
    shutil.copy(demo_file, copy)
    engine = open_workspace(f"sqlite:///{copy}")
    yield engine
    engine.dispose()


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
