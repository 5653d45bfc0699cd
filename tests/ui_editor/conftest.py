"""Fixtures for the template editor tests: an editor on a temp workspace, links caught."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QUrl
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from composer import BrandKit, load_template
from ui.editor.actions import EmailActions
from ui.editor.autosave import DraftStore
from ui.editor.editor import TemplateEditor
from ui.language import LanguageSwitcher
from ui.tasks import Pools

TODAY = date(2025, 11, 22)


@pytest.fixture
def pools(qapp: QApplication) -> Iterator[Pools]:
    made = Pools.create(qapp)
    yield made
    made.wait()
    made.read.deleteLater()
    made.write.deleteLater()


@pytest.fixture
def english(qapp: QApplication) -> Iterator[LanguageSwitcher]:
    """The UI in English with its plural forms (``editor_en.qm``) loaded."""
    made = LanguageSwitcher()
    made.apply("en")
    yield made
    made.apply("en")


@pytest.fixture
def opened() -> list[QUrl]:
    """URLs handed to the system browser / mail client (nothing is really opened)."""
    return []


@pytest.fixture
def drafts(tmp_path: Path) -> DraftStore:
    return DraftStore(tmp_path / "drafts", "test-workspace")


def make_editor(
    qtbot: QtBot, engine: Engine, pools: Pools, drafts: DraftStore, opened: list[QUrl],
    tmp_path: Path, *, autosave_delay_ms: int = 1500, draft_delay_ms: int = 300,
    register: bool = True,
) -> TemplateEditor:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    actions = EmailActions(engine, pools, settings, TODAY, pools.read,
                           open_url=opened.append, test_dir=tmp_path / "eml")
    editor = TemplateEditor(engine, pools, BrandKit(), TODAY, drafts, actions=actions,
                            open_url=opened.append, autosave_delay_ms=autosave_delay_ms,
                            draft_delay_ms=draft_delay_ms)
    if register:  # a test that deletes the editor itself does not register it
        qtbot.add_widget(editor)
    editor.resize(1400, 900)
    editor.show()
    return editor


@pytest.fixture
def editor(
    qtbot: QtBot, sqlite_engine: Engine, pools: Pools, drafts: DraftStore, opened: list[QUrl],
    tmp_path: Path,
) -> Iterator[TemplateEditor]:
    """An editor with abandoned cart 1 open and its first preview rendered."""
    made = make_editor(qtbot, sqlite_engine, pools, drafts, opened, tmp_path)
    with qtbot.wait_signal(made.preview_updated, timeout=20000):
        made.open_template(load_template(sqlite_engine, "abandoned_cart_1"))
    yield made
    if made.autosaver is not None:
        made.autosaver.watch(None)
        made.autosaver.wait_for_drafts()
    pools.wait()
