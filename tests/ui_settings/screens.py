"""Screenshots of the workspace settings dialog for review (not a test).

    python -m tests.ui_settings.screens /work/notes/screens

Writes ``settings_{brand,brand_bottom,lifecycle}_{ru,en}.png`` on a 300-contact demo shop,
plus ``settings_invalid_en.png`` (a bad colour and a relative URL after OK).
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QScrollArea

from ui.language import LanguageSwitcher
from ui.settings_dialog import SettingsDialog
from ui.style import apply_style
from ui.tasks import Pools
from workspace.db import open_workspace
from workspace.demo import generate_demo

TODAY = date(2026, 11, 22)


def _wait_for(check: object, timeout_ms: int = 10000) -> None:
    loop = QEventLoop()
    waited = 0
    while not check() and waited < timeout_ms:  # type: ignore[operator]
        QTimer.singleShot(50, loop.quit)
        loop.exec()
        waited += 50


def main(out: Path) -> int:
    """Write the screenshots into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    apply_style(app)
    switcher = LanguageSwitcher()
    pools = Pools.create(app)
    with tempfile.TemporaryDirectory() as tmp:
        engine = open_workspace(f"sqlite:///{Path(tmp) / 'ws.sqlite'}")
        generate_demo(engine, contacts=300, seed=1, today=TODAY)
        for lang in ("ru", "en"):
            switcher.apply(lang)
            dialog = SettingsDialog(engine, pools, TODAY)
            dialog.show()
            _wait_for(dialog.is_loaded)
            _wait_for(lambda d=dialog: d.status_counts()[0] == d.thresholds())
            dialog.grab().save(str(out / f"settings_brand_{lang}.png"))
            scroll = dialog.findChild(QScrollArea)
            assert scroll is not None
            scroll.verticalScrollBar().setValue(scroll.verticalScrollBar().maximum())
            dialog.grab().save(str(out / f"settings_brand_bottom_{lang}.png"))
            scroll.verticalScrollBar().setValue(0)
            dialog.tabs.setCurrentIndex(1)
            dialog.grab().save(str(out / f"settings_lifecycle_{lang}.png"))
            if lang == "en":
                dialog.tabs.setCurrentIndex(0)
                dialog.color_fields["accent_color"].set_text("red")
                dialog.line_edits["logo_url"].setText("/img/logo.png")
                dialog.ok_button.click()
                dialog.grab().save(str(out / "settings_invalid_en.png"))
            dialog.close()
            dialog.deleteLater()
        pools.wait()
        engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "/work/notes/screens")))
