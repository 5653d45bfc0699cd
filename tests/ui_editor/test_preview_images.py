"""The live preview shows the demo shop's pictures offline and says when web pictures fail."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWebEngineCore import QWebEngineScript
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from composer import BrandKit, Template, load_template, sample_personas
from ui.editor.live_preview import LivePreviewPane
from ui.editor.preview import PreviewView
from ui.language import LanguageSwitcher

pytestmark = pytest.mark.gui

_IMAGES_JS = """JSON.stringify(Array.prototype.map.call(document.images, function (image) {
  return [image.src.slice(0, 30), image.complete, image.naturalWidth];
}))"""


@pytest.fixture
def pool(qapp: QApplication) -> Iterator[QThreadPool]:
    made = QThreadPool()
    made.setMaxThreadCount(2)
    yield made
    made.waitForDone(60000)


@pytest.fixture
def pane(qtbot: QtBot, pool: QThreadPool) -> LivePreviewPane:
    made = LivePreviewPane(pool, debounce_ms=0)
    qtbot.add_widget(made)
    made.resize(1200, 800)
    made.show()
    return made


def _images(qtbot: QtBot, view: PreviewView) -> list[list[Any]]:
    got: list[Any] = []
    view.page().runJavaScript(_IMAGES_JS, QWebEngineScript.ScriptWorldId.ApplicationWorld,
                              got.append)
    qtbot.waitUntil(lambda: bool(got), timeout=10000)
    return list(json.loads(got[0]))


def _dead_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def _show(qtbot: QtBot, pane: LivePreviewPane, template: Template) -> None:
    with qtbot.wait_signal(pane.painted, timeout=30000):
        pane.request_render(template, sample_personas()[0].context, BrandKit())


def test_a_demo_email_shows_its_pictures_from_local_files(
        qtbot: QtBot, pane: LivePreviewPane) -> None:
    _show(qtbot, pane, load_template(None, "welcome_2"))  # logo and four products

    def all_drawn() -> bool:
        images = _images(qtbot, pane.desktop)
        return len(images) >= 5 and all(done and width > 0 for _, done, width in images)

    qtbot.waitUntil(all_drawn, timeout=15000)
    images = _images(qtbot, pane.desktop)
    assert all(src.startswith("data:image/png;base64,") for src, _, _ in images)
    assert all(width >= 300 for src, _, width in images[1:])  # the product pictures
    qtbot.wait(800)
    assert pane.image_status.isHidden() and pane.image_status.failed == 0


def test_web_pictures_that_fail_are_counted_in_one_quiet_line(
        qtbot: QtBot, pane: LivePreviewPane, qapp: QApplication) -> None:
    dead = _dead_url()
    template = Template(name="dead", subject="Тема", preheader="Прехедер", mjml=f"""<mjml>
<mj-body><mj-section><mj-column>
<mj-image src="{dead}/a.png" alt="первая" /><mj-image src="{dead}/b.png" alt="вторая" />
<mj-image src="{dead}/a.png" alt="первая ещё раз" />
<mj-image src="https://cdn.konvert-demo.ru/img/logo.png" alt="логотип" />
<mj-text><a href="{{{{ unsubscribe_url }}}}">Отписаться</a></mj-text>
</mj-column></mj-section></mj-body></mjml>""")
    switcher = LanguageSwitcher()
    try:
        switcher.apply("en")
        _show(qtbot, pane, template)
        qtbot.waitUntil(lambda: pane.image_status.failed == 2, timeout=20000)
        assert pane.image_status.isVisible()
        assert pane.image_status.text() == "2 images could not be loaded: offline?"
        switcher.apply("ru")
        qapp.processEvents()
        assert pane.image_status.text() == "2 изображения не удалось загрузить: нет сети?"
        # Images off: alt texts on purpose, nothing failed.
        with qtbot.wait_signal(pane.painted, timeout=30000):
            pane.set_images_shown(False)
        qtbot.waitUntil(lambda: pane.image_status.isHidden(), timeout=10000)
        with qtbot.wait_signal(pane.painted, timeout=30000):
            pane.set_images_shown(True)
        qtbot.waitUntil(lambda: pane.image_status.failed == 2, timeout=20000)
        assert template.mjml is not None
        one = template.mjml.replace(f'<mj-image src="{dead}/b.png" alt="вторая" />', "")
        _show(qtbot, pane, Template(name="dead1", subject="Тема", preheader="П", mjml=one))
        qtbot.waitUntil(lambda: pane.image_status.failed == 1, timeout=20000)
        assert pane.image_status.text() == "1 изображение не удалось загрузить: нет сети?"
    finally:
        switcher.apply("en")
