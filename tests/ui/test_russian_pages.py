"""The Russian UI shows no English: every page of the main window, walked widget by widget."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from tests.conftest import copy_workspace
from tests.ui_editor.test_russian_everywhere import _visible_texts, english_words
from ui.language import LanguageSwitcher
from ui.main_window import MainWindow

pytestmark = pytest.mark.gui

TODAY = date(2026, 11, 22)


@pytest.fixture
def demo_engine(demo_shop_files: Callable[[int], Path], tmp_path: Path) -> Iterator[Engine]:
    yield from copy_workspace(demo_shop_files(300), tmp_path)


def test_every_russian_page_speaks_russian(
    qtbot: QtBot, demo_engine: Engine, settings: QSettings, switcher: LanguageSwitcher,
) -> None:
    switcher.apply("ru")
    window = MainWindow(demo_engine, TODAY, settings=settings, language=switcher)
    qtbot.add_widget(window)
    window.resize(1280, 720)
    window.show()
    english: list[tuple[str, str, list[str]]] = []
    for key in window.frames:
        page = window.show_page(key)
        is_ready = getattr(page, "is_ready", None)
        if callable(is_ready):
            qtbot.waitUntil(is_ready, timeout=30000)
        for text in _visible_texts(window):
            words = english_words(re.sub(r"<[^>]+>", " ", text))
            if words:
                english.append((key, text[:80], words))
    from ui.importing.dialog import ImportDialog
    from ui.settings.dialog import SettingsDialog

    segments: Any = window.show_page("segments")
    dialogs = [("explain", segments.open_explain()), ("compare", segments.open_overlap()),
               ("settings", SettingsDialog(demo_engine, window.pools, TODAY, window)),
               ("import", ImportDialog(demo_engine, window.pools, settings, parent=window))]
    for name, dialog in dialogs:
        dialog.show()
        qtbot.wait(300)
        for text in _visible_texts(dialog):
            words = english_words(re.sub(r"<[^>]+>", " ", text))
            if words:
                english.append((name, text[:80], words))
        dialog.close()
    assert not english, "\n".join(map(str, english))
    window.pools.wait()
