"""The live preview (no inlining) and the export (inlined) draw the same email."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from composer import load_template, render, render_preview, sample_personas


def _shoot(qtbot: QtBot, html: str, width: int) -> object:
    from PySide6.QtCore import QSize, QUrl
    from PySide6.QtGui import QImage
    from PySide6.QtWebEngineCore import QWebEngineSettings
    from PySide6.QtWebEngineWidgets import QWebEngineView

    view = QWebEngineView()
    qtbot.add_widget(view)
    settings = view.page().settings()
    settings.setAttribute(QWebEngineSettings.WebAttribute.ShowScrollBars, False)
    settings.setAttribute(QWebEngineSettings.WebAttribute.AutoLoadImages, False)
    view.resize(QSize(width, 1400))
    view.show()
    with qtbot.wait_signal(view.loadFinished, timeout=20000):
        view.setHtml(html, QUrl("about:blank"))
    qtbot.wait_until(lambda: not view.grab().toImage().isNull(), timeout=5000)
    qtbot.wait(300)  # let the compositor paint the loaded page (a Qt event loop, not sleep)
    image = view.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    return image


@pytest.mark.gui
@pytest.mark.parametrize("width", [600, 375])
def test_preview_and_export_draw_the_same(qtbot: QtBot, width: int) -> None:
    template = load_template(None, "order_confirmation")
    context = sample_personas()[0].context
    final = render(template, context).html
    preview = render_preview(template, context).html
    assert final != preview  # the export really inlined something
    a = _shoot(qtbot, final, width)
    b = _shoot(qtbot, preview, width)
    # A blank grab would compare equal too: require a drawn email.
    colours = {a.pixel(x, y) for y in range(0, a.height(), 7)  # type: ignore[attr-defined]
               for x in range(0, width, 5)}
    assert len(colours) > 20
    assert a == b
