"""Every page and main dialog fits a 1280x720 laptop screen in Russian and in English."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from tests.conftest import copy_workspace
from ui.language import LanguageSwitcher
from ui.main_window import MainWindow

pytestmark = pytest.mark.gui

SCREEN = (1280, 720)
TODAY = date(2026, 11, 22)


@pytest.fixture
def demo_engine(demo_shop_files: Callable[[int], Path], tmp_path: Path) -> Iterator[Engine]:
    yield from copy_workspace(demo_shop_files(300), tmp_path)


def _fits(widget: QWidget) -> tuple[int, int]:
    hint = widget.minimumSizeHint().expandedTo(widget.minimumSize())
    return hint.width(), hint.height()


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_every_page_and_dialog_fits_1280x720(
    qtbot: QtBot, demo_engine: Engine, settings: QSettings,
    switcher: LanguageSwitcher, lang: str,
) -> None:
    from ui.importing.dialog import ImportDialog
    from ui.segments.dialogs import ExplainDialog, OverlapDialog
    from ui.settings.dialog import SettingsDialog

    switcher.apply(lang)
    window = MainWindow(demo_engine, TODAY, settings=settings, language=switcher)
    qtbot.add_widget(window)
    window.resize(*SCREEN)
    window.show()
    for key in window.frames:
        page = window.show_page(key)
        is_ready = getattr(page, "is_ready", None)
        if callable(is_ready):
            qtbot.waitUntil(is_ready, timeout=30000)
        width, height = _fits(window)
        assert width <= SCREEN[0] and height <= SCREEN[1], (lang, key, width, height)

    # The editor showing a long error and its findings stays within the screen too.
    templates: Any = window.show_page("templates")
    editor = templates.editor
    editor.switch_to_code()
    source = editor.code_view.toPlainText()
    # An unclosed Jinja block: the template does not render (a long error line).
    editor.code_view.setPlainText(source.replace("</mj-text>", "{% if first_name %}</mj-text>", 1))
    qtbot.waitUntil(editor.preview.error_banner.isVisible, timeout=20000)
    qtbot.waitUntil(lambda: editor.lint_list.list.count() > 0, timeout=20000)
    width, height = _fits(window)
    assert width <= SCREEN[0] and height <= SCREEN[1], (lang, "editor with errors", width, height)
    editor.undo_action.trigger()

    segments: Any = window.show_page("segments")
    dialogs = [
        SettingsDialog(demo_engine, window.pools, TODAY, window),
        ImportDialog(demo_engine, window.pools, settings, parent=window),
        ExplainDialog(demo_engine, window.pools, TODAY, segments.builder.rule(), [], window),
        OverlapDialog(demo_engine, window.pools, TODAY, [], window),
    ]
    for dialog in dialogs:
        dialog.show()
        width, height = _fits(dialog)
        assert width <= SCREEN[0] and height <= SCREEN[1], (lang, type(dialog).__name__,
                                                             width, height)
        dialog.close()
    window.pools.wait()
