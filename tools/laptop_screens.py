"""Screenshots of every page and main dialog at 1280x720, in Russian and English.

    python tools/laptop_screens.py WORKSPACE.sqlite [--out docs/screenshots/laptop]

Offscreen; each PNG is reduced to a 256-colour palette to keep the repository
small. The workspace should hold the demo shop (``konvert demo``).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-gpu")

from PIL import Image  # noqa: E402
from PySide6.QtCore import QCoreApplication, QSettings  # noqa: E402
from PySide6.QtWidgets import QWidget  # noqa: E402

from ui.app import create_application, wait_until_ready  # noqa: E402
from ui.language import LanguageSwitcher  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from workspace.db import open_workspace  # noqa: E402

SIZE = (1280, 720)


def _settle(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QCoreApplication.processEvents()
        time.sleep(0.02)


def _save(widget: QWidget, path: Path) -> None:
    raw = path.with_suffix(".raw.png")
    widget.grab().save(str(raw), "PNG")
    with Image.open(raw) as image:
        image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(
            path, optimize=True)
    raw.unlink()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("workspace")
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots" / "laptop"))
    parser.add_argument("--today", default="2026-11-22")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    app = create_application(offscreen=True)
    engine = open_workspace(f"sqlite:///{args.workspace}")
    settings = QSettings(str(out / ".settings.ini"), QSettings.Format.IniFormat)
    switcher = LanguageSwitcher(app)
    today = date.fromisoformat(args.today)
    for lang in ("ru", "en"):
        switcher.apply(lang)
        window = MainWindow(engine, today, settings=settings, language=switcher)
        window.resize(*SIZE)
        window.show()
        for key in window.frames:
            page = window.show_page(key)
            wait_until_ready(page)
            _settle(2.5 if key == "templates" else 1.0)
            _save(window, out / f"{key}-{lang}.png")
        # The editor with findings: a tag left open, in MJML code (one template per language).
        templates: Any = window.show_page("templates")
        templates.open_template("welcome_2" if lang == "ru" else "welcome_3")
        _settle(2.0)
        editor = templates.editor
        editor.switch_to_code()
        source = editor.code_view.toPlainText()
        editor.code_view.setPlainText(source.replace("</mj-text>", "", 1))
        _settle(3.0)
        _save(window, out / f"templates-findings-{lang}.png")
        editor.undo_action.trigger()
        # Saved while it does not render (an unclosed Jinja block): the status and
        # the link that restores the version without errors.
        source = editor.code_view.toPlainText()
        editor.code_view.setPlainText(
            source.replace("</mj-text>", "{% if first_name %}</mj-text>", 1))
        _settle(4.0)
        _save(window, out / f"templates-saved-with-errors-{lang}.png")
        editor.undo_action.trigger()
        editor.undo_action.trigger()
        editor.flush()
        _settle(1.0)
        segments: Any = window.show_page("segments")
        wait_until_ready(segments)
        dialogs: list[tuple[str, Any]] = [("explain", segments.open_explain),
                                          ("compare", segments.open_overlap)]
        for name, opener in dialogs:
            dialog = opener()
            _settle(2.0)
            _save(dialog, out / f"dialog-{name}-{lang}.png")
            dialog.close()
        from ui.importing.dialog import ImportDialog
        from ui.settings.dialog import SettingsDialog

        for name, dialog in (("settings", SettingsDialog(engine, window.pools, today, window)),
                             ("import", ImportDialog(engine, window.pools, settings,
                                                     parent=window))):
            dialog.show()
            _settle(1.5)
            _save(dialog, out / f"dialog-{name}-{lang}.png")
            dialog.close()
            dialog.deleteLater()
        window.pools.wait()
        window.close()
        window.deleteLater()
        _settle(0.5)
    (out / ".settings.ini").unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
