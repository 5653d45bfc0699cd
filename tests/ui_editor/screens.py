"""Screenshots of the template editor for review (not a test).

    python -m tests.ui_editor.screens /work/notes/screens

Writes ``editor_dark_{ru,en}.png`` (abandoned cart 1, desktop + phone,
forced-inversion dark mode), ``editor_light_ru.png``, ``editor_code_error_en.png``
(a broken edit: last good preview kept, the error above it) and
``editor_timeline_{ru,en}.png`` (the abandoned-cart series), offscreen.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-gpu")

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QWidget

from ui.app import create_application, wait_until_ready
from ui.editor.page import TemplatesPage
from ui.language import LanguageSwitcher
from ui.main_window import MainWindow
from workspace.db import open_workspace


def _wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def _wait_painted(page: TemplatesPage) -> None:
    editor = page.editor
    assert editor is not None
    for _ in range(100):
        if editor.is_painted() and editor.lint_report is not None:
            break
        _wait(50)
    _wait(300)


def _save(widget: QWidget, path: Path) -> None:
    widget.grab().save(str(path), "PNG")
    sys.stdout.write(f"{path}\n")


def main(out: Path) -> int:
    """Take the screenshots into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    app = create_application(offscreen=True)
    work = Path(tempfile.mkdtemp(prefix="konvert-screens-"))
    engine = open_workspace(f"sqlite:///{work / 'ws.sqlite'}")
    settings = QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat)
    switcher = LanguageSwitcher(app)
    switcher.apply("ru")
    window = MainWindow(engine, date(2025, 11, 22), settings=settings, language=switcher,
                        workspace_label="demo.sqlite")
    window.resize(1680, 1000)
    window.show()
    page = window.show_page("templates")
    assert isinstance(page, TemplatesPage)
    wait_until_ready(page)
    editor = page.editor
    assert editor is not None
    _wait_painted(page)
    _save(window, out / "editor_light_ru.png")
    editor.preview.set_mode("inverted")
    _wait_painted(page)
    _save(window, out / "editor_dark_ru.png")
    page.show_series("abandoned_cart")
    _wait(300)
    _save(window, out / "editor_timeline_ru.png")

    window.switch_language("en")
    _wait(200)
    _save(window, out / "editor_timeline_en.png")
    page.open_template("abandoned_cart_1")
    _wait(500)
    _wait_painted(page)
    _save(window, out / "editor_dark_en.png")
    editor.preview.set_mode("light")
    editor.validation_box.set_level("strict")  # soft would render the broken edit and warn
    editor.switch_to_code()
    source = editor.code_view.toPlainText()
    editor.code_view.setPlainText(source.replace("</mj-column>", "</mj-colum>", 1))
    _wait(800)
    _save(window, out / "editor_code_error_en.png")
    editor.undo_action.trigger()
    editor.undo_action.trigger()
    window.close()
    window.pools.wait(5000)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "/work/notes/screens")))
