"""Issue 12 in the app: damaged, read-only or busy workspaces in plain words, both languages."""

from __future__ import annotations

import os
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from cli.common import CliContext
from ui.language import LanguageSwitcher
from ui.tasks import error_message
from workspace.db import plain_database_error

pytestmark = pytest.mark.gui


def test_database_errors_in_plain_words_in_both_languages(switcher: LanguageSwitcher) -> None:
    busy = sqlite3.OperationalError("database is locked")
    read_only = sqlite3.OperationalError("attempt to write a readonly database")
    assert error_message(busy) == ("another import (or another Konvert) is writing to this "
                                   "workspace; try again when it has finished")
    assert error_message(read_only).startswith("the workspace is read-only")
    switcher.apply("ru")
    assert error_message(busy).startswith("в эту рабочую область сейчас пишет другой импорт")
    assert error_message(read_only).startswith("рабочая область открыта только для чтения")
    damaged = plain_database_error(sqlite3.DatabaseError("file is not a database"),
                                   "sqlite:////tmp/w.sqlite")
    assert error_message(damaged) == (
        "этот файл не рабочая область Konvert или он повреждён: /tmp/w.sqlite")


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_app_says_a_damaged_workspace_in_a_dialog(tmp_path: Path, lang: str,
                                                  monkeypatch: pytest.MonkeyPatch,
                                                  switcher: LanguageSwitcher) -> None:
    from ui import app

    path = tmp_path / "w.sqlite"
    path.write_bytes(b"X" + os.urandom(2048))
    shown: list[tuple[Any, ...]] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: shown.append(args))
    # The fixture's switcher, so the language goes back to English afterwards.
    monkeypatch.setattr(app, "LanguageSwitcher", lambda *_args: switcher)
    ctx = CliContext(workspace=str(path), today=date(2026, 1, 1), json=False, lang=lang)
    assert app.run(ctx.engine, ctx.today, lang=ctx.lang) == 2
    [(_parent, title, text)] = shown
    assert title == "Konvert"
    if lang == "en":
        assert text == ("Konvert cannot open the workspace.\n\nThis file is not a Konvert "
                        f"workspace or is damaged: {path}")
    else:
        assert text == ("Konvert не может открыть рабочую область.\n\nЭтот файл не рабочая "
                        f"область Konvert или он повреждён: {path}")


def test_failed_task_on_a_read_only_workspace_shows_a_dialog(
        qtbot: Any, switcher: LanguageSwitcher) -> None:
    from PySide6.QtWidgets import QWidget

    from ui.tasks import show_error

    class Window(QWidget):
        def __init__(self) -> None:
            super().__init__()
            self.errors: list[str] = []

        def show_error(self, message: str) -> None:
            self.errors.append(message)

    window = Window()
    qtbot.add_widget(window)
    switcher.apply("ru")
    show_error(window, sqlite3.OperationalError("attempt to write a readonly database"))
    [box] = window.findChildren(QMessageBox, "workspaceProblem")
    assert box.isVisible() and window.errors == []
    assert box.text().startswith("Рабочая область открыта только для чтения")
    box.close()
    # Other problems stay in the status bar, as before.
    from segments import SegmentError

    show_error(window, SegmentError("rule: unknown field 'x'"))
    assert window.errors == ["rule: unknown field 'x'"]
