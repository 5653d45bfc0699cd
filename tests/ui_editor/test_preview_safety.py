"""The live preview: only image GETs reach the network; a runaway template is stopped."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QThreadPool, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

import composer.budget
from composer import BrandKit, Template, sample_personas
from composer.budget import RenderLimits
from tests.netcheck import CountingServer, SilentServer, remote_css_mjml
from ui.editor.live_preview import LivePreviewPane
from ui.editor.preview import PreviewView
from ui.language import LanguageSwitcher

pytestmark = pytest.mark.gui

GOOD = Template(name="good", subject="Тема", preheader="Прехедер", mjml=(
    "<mjml><mj-body><mj-section><mj-column><mj-text>Всё хорошо</mj-text>"
    "<mj-text><a href=\"{{ unsubscribe_url }}\">Отписаться</a></mj-text>"
    "</mj-column></mj-section></mj-body></mjml>"))


def _runaway(body: str) -> Template:
    return Template(name="bad", subject="Тема", preheader="Прехедер", mjml=(
        "<mjml><mj-body><mj-section><mj-column>\n<mj-text>Привет</mj-text>\n"
        f"<mj-text>{body}</mj-text>\n</mj-column></mj-section></mj-body></mjml>"))


ROOMY = RenderLimits(seconds=120)
"""Time enough on a loaded machine for tests about the loop limit."""
NESTED = _runaway("{% for i in range(100000) %}{% for j in range(100000) %}{{ j }}"
                  "{% endfor %}{% endfor %}")
SLOW = _runaway("{% for i in range(100000) %}{{ ('a '*400000)|wordwrap(1)|length }}"
                "{% endfor %}")


@pytest.fixture
def servers() -> Iterator[tuple[CountingServer, SilentServer]]:
    counting, silent = CountingServer(), SilentServer()
    yield counting, silent
    counting.close()
    silent.close()


@pytest.fixture
def pool(qapp: QApplication) -> Iterator[QThreadPool]:
    made = QThreadPool()
    made.setMaxThreadCount(4)
    yield made
    made.waitForDone(60000)


def _settle(qtbot: QtBot, counting: CountingServer, image: str) -> None:
    """Wait until the image was fetched (the page has loaded), then a little longer."""
    qtbot.waitUntil(lambda: image in counting.hits, timeout=20000)
    qtbot.wait(1500)


def test_the_view_loads_images_and_nothing_else(
        qtbot: QtBot, servers: tuple[CountingServer, SilentServer]) -> None:
    counting, silent = servers
    c, s = counting.url, silent.url
    view = PreviewView()
    qtbot.add_widget(view)
    view.resize(600, 800)
    view.show()
    view.show_html(  # as it is, without the preview copy's clean-up: the interceptor's work
        f'<html><head><link rel="stylesheet" href="{c}/link.css">'
        f'<link rel="stylesheet" href="{s}/link.css"><link rel="icon" href="{c}/favicon.png">'
        f"<style>@import url({c}/import.css); @import url({s}/import.css);"
        f"@font-face{{font-family:F;src:url({c}/font.woff2)}}"
        f"@font-face{{font-family:G;src:url({s}/font.woff2)}}"
        "p{font-family:F} b{font-family:G}</style></head><body>"
        f'<p>Привет <b>мир</b></p><img src="{c}/picture.png" alt="картинка">'
        f'<table><tr><td background="{c}/background.png">x</td></tr></table>'
        f'<iframe src="{c}/frame.html"></iframe><object data="{c}/object.swf"></object>'
        f'<embed src="{c}/embed.swf"><video src="{c}/video.mp4" autoplay></video>'
        f'<audio src="{c}/audio.mp3" autoplay></audio></body></html>')
    _settle(qtbot, counting, "/picture.png")
    assert set(counting.hits) <= {"/picture.png", "/background.png"}, counting.hits
    assert silent.connections == 0
    blocked = view.preview_page.request_filter.blocked
    assert any(url.endswith("/link.css") for url in blocked)
    assert any(url.endswith("/import.css") for url in blocked)


def test_the_live_preview_of_an_email_with_web_fonts_loads_only_its_image(
        qtbot: QtBot, pool: QThreadPool, servers: tuple[CountingServer, SilentServer]) -> None:
    counting, silent = servers
    pane = LivePreviewPane(pool, debounce_ms=0)
    qtbot.add_widget(pane)
    pane.resize(1200, 800)
    pane.show()
    template = Template(name="fonts", subject="Тема", preheader="Прехедер",
                        mjml=remote_css_mjml(counting.url, silent.url))
    with qtbot.wait_signal(pane.preview_updated, timeout=20000):
        pane.request_render(template, sample_personas()[0].context, BrandKit())
    _settle(qtbot, counting, "/picture.png")
    assert set(counting.hits) == {"/picture.png"}, counting.hits
    assert silent.connections == 0


def test_a_runaway_template_shows_an_error_and_the_preview_recovers(
        qtbot: QtBot, pool: QThreadPool, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(composer.budget, "LIMITS", ROOMY)  # the loop limit, not the clock
    pane = LivePreviewPane(pool, debounce_ms=0)
    qtbot.add_widget(pane)
    pane.show()
    context, brand = sample_personas()[0].context, BrandKit()
    with qtbot.wait_signal(pane.preview_updated, timeout=20000):
        pane.request_render(GOOD, context, brand)
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(50)
    with qtbot.wait_signal(pane.preview_failed, timeout=20000) as failed:
        pane.request_render(NESTED, context, brand)
    timer.stop()
    assert failed.args == [
        "the template's loops run more than 100,000 times: check the loops on line 3"]
    assert pane.last_error_line == 3
    assert pane.error_banner.isVisible()
    assert "check the loops on line 3" in pane.error_banner.toolTip()  # whole; the button elides
    assert pane.last_good is not None and "Всё хорошо" in pane.last_good.html
    assert ticks  # the GUI thread kept running meanwhile
    with qtbot.wait_signal(pane.preview_updated, timeout=20000):
        pane.request_render(GOOD, context, brand)
    assert not pane.error_banner.isVisible()


def test_the_error_is_in_russian_in_a_russian_ui(
        qtbot: QtBot, pool: QThreadPool, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(composer.budget, "LIMITS", ROOMY)
    switcher = LanguageSwitcher()
    switcher.apply("ru")
    try:
        pane = LivePreviewPane(pool, debounce_ms=0)
        qtbot.add_widget(pane)
        with qtbot.wait_signal(pane.preview_failed, timeout=20000):
            pane.request_render(NESTED, sample_personas()[0].context, BrandKit())
        assert "циклы шаблона выполняются больше 100\u00a0000 раз: проверьте циклы в строке 3" \
            in pane.error_banner.toolTip()
    finally:
        switcher.apply("en")


def test_an_edit_stops_the_runaway_render_it_replaces(
        qtbot: QtBot, pool: QThreadPool, monkeypatch: pytest.MonkeyPatch) -> None:
    # A budget this long would keep a thread busy for a minute if the render were not stopped.
    monkeypatch.setattr(composer.budget, "LIMITS", RenderLimits(seconds=60))
    pane = LivePreviewPane(pool, debounce_ms=0)
    qtbot.add_widget(pane)
    context, brand = sample_personas()[0].context, BrandKit()
    pane.request_render(SLOW, context, brand)
    qtbot.waitUntil(lambda: pool.activeThreadCount() == 1, timeout=5000)
    qtbot.wait(300)  # it is spinning now
    with qtbot.wait_signal(pane.preview_updated, timeout=20000):
        pane.request_render(GOOD, context, brand)
    qtbot.waitUntil(lambda: pool.activeThreadCount() == 0, timeout=10000)
    assert pane.last_error == ""


def test_the_lint_list_says_active_content_in_the_ui_language(qtbot: QtBot) -> None:
    from composer.lint import lint
    from ui.editor.lint_list import LintListPane

    report = lint(GOOD.mjml.replace("Всё хорошо", "<script>x()</script>"))  # type: ignore[union-attr]
    pane = LintListPane()
    qtbot.add_widget(pane)
    switcher = LanguageSwitcher()
    switcher.apply("ru")
    try:
        pane.set_report(report)
        texts = [pane.list.item(i).text() for i in range(pane.list.count())]
        assert any("<script> в письмах не работает" in t and "[script-tag]" in t for t in texts)
    finally:
        switcher.apply("en")
    texts = [pane.list.item(i).text() for i in range(pane.list.count())]
    assert any("<script> does not run in email" in t for t in texts), texts


def test_the_preview_copy_has_no_links_or_imports() -> None:
    from ui.editor.preview_html import preview_copy

    html = ('<html><head><link href="https://fonts.example/css?family=Roboto" rel="stylesheet" '
            'type="text/css"><LINK rel=preconnect href=https://fonts.example>'
            '<style type="text/css">@import url(https://fonts.example/a.css);\n'
            '@import "https://fonts.example/b.css" screen;p{color:red}</style></head>'
            '<body><p>Текст</p><img src="https://cdn.example/a.png" alt="a"></body></html>')
    copy = preview_copy(html)
    assert "<link" not in copy.lower() and "@import" not in copy
    assert "p{color:red}" in copy and 'src="https://cdn.example/a.png"' in copy
