"""Screenshots of the demo pictures in the live preview and in a bundle shot (not a test).

    python -m tests.ui_editor.screens_images OUT_DIR

Writes ``demo-email-preview-{ru,en}.png`` (the editor at 1280x720 with
welcome 2: logo and product pictures, offline), ``preview-images-failed-{ru,en}.png``
(an email with two unreachable web pictures: the quiet line under the
preview) and ``demo-bundle-shot.png`` (the top of a bundle screenshot,
welcome 1 for the recipient without a name).
"""

from __future__ import annotations

import os
import socket
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-gpu")

from PySide6.QtCore import QSettings
from PySide6.QtGui import QImage

from composer import Template, save_template
from previews import build_bundle
from tests.ui_editor.screens import _save, _wait, _wait_painted
from ui.app import create_application, wait_until_ready
from ui.editor.page import TemplatesPage
from ui.language import LanguageSwitcher
from ui.main_window import MainWindow
from ui.webrender import WebShooter
from workspace.db import open_workspace

TODAY = date(2025, 11, 22)


def _dead_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{sock.getsockname()[1]}"


def main(out: Path) -> int:
    """Take the screenshots into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    app = create_application(offscreen=True)
    work = Path(tempfile.mkdtemp(prefix="konvert-images-"))
    engine = open_workspace(f"sqlite:///{work / 'ws.sqlite'}")
    dead = _dead_url()
    save_template(engine, Template(
        name="promo_web_pictures", title="Акция: картинки с сайта", subject="Акция недели",
        preheader="Только до воскресенья", mjml=f"""<mjml><mj-body>
<mj-section><mj-column><mj-image src="https://cdn.konvert-demo.ru/img/logo.png" width="140px"
 alt="Сезон" /></mj-column></mj-section>
<mj-section><mj-column><mj-image src="{dead}/banner.jpg" alt="Баннер акции" />
<mj-text>Скидки недели на верхнюю одежду.</mj-text>
<mj-image src="{dead}/coat.jpg" alt="Пальто из шерсти" width="300px" />
<mj-text><a href="{{{{ unsubscribe_url }}}}">Отписаться</a></mj-text>
</mj-column></mj-section></mj-body></mjml>"""))
    settings = QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat)
    switcher = LanguageSwitcher(app)
    for lang in ("ru", "en"):
        switcher.apply(lang)
        window = MainWindow(engine, TODAY, settings=settings, language=switcher,
                            workspace_label="demo.sqlite")
        window.resize(1280, 720)
        window.show()
        page = window.show_page("templates")
        assert isinstance(page, TemplatesPage)
        wait_until_ready(page)
        page.open_template("welcome_2")
        _wait(500)
        _wait_painted(page)
        _wait(800)
        _save(window, out / f"demo-email-preview-{lang}.png")
        page.open_template("promo_web_pictures")
        _wait(500)
        _wait_painted(page)
        _wait(2500)
        _save(window, out / f"preview-images-failed-{lang}.png")
        window.close()
        window.pools.wait(5000)

    with WebShooter() as shooter:
        build_bundle(engine, "welcome_1", work / "bundle", contacts=1, shooter=shooter,
                     today=TODAY)
    shot = QImage(str(work / "bundle" / "shots" / "welcome_1" / "no_name-desktop.png"))
    shot.copy(0, 0, 600, 720).save(str(out / "demo-bundle-shot.png"))
    sys.stdout.write(f"{out / 'demo-bundle-shot.png'}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "/work/notes/screens13")))
