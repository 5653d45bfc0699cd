"""The Templates page: library, first template ready, the series timeline (pytest-qt)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QUrl
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from composer import builtin_templates
from composer.brand import load_brand_kit, save_brand_kit
from ui.editor.page import TemplatesPage
from ui.editor.scenario import ScenarioTimeline, delay_text
from ui.language import LanguageSwitcher
from ui.pages import PageContext
from ui.tasks import Pools

pytestmark = pytest.mark.gui


def test_the_page_opens_a_template_and_gets_ready(
    qtbot: QtBot, sqlite_engine: Engine, pools: Pools, tmp_path: Path, opened: list[QUrl]
) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    context = PageContext(engine=sqlite_engine, today=date(2025, 11, 22), pools=pools,
                          settings=settings, request_import=lambda: None)
    page = TemplatesPage(context, drafts_dir=tmp_path / "drafts", open_url=opened.append)
    qtbot.add_widget(page)
    page.resize(1300, 850)
    page.show()
    with qtbot.wait_signal(page.ready, timeout=30000):
        pass
    assert page.is_ready()
    assert page.editor is not None and page.editor.template is not None
    assert page.editor.template.name == "abandoned_cart_1"
    assert page.editor.is_painted()
    assert page.library.topLevelItemCount() >= 5

    page.show_series("abandoned_cart")
    assert page.stack.currentWidget() is page.timeline
    assert len(page.timeline.cards) == 3
    with qtbot.wait_signal(page.editor.preview_updated, timeout=20000):
        page.timeline.cards[1].open_button.click()
    assert page.editor.template.name == "abandoned_cart_2"
    assert page.stack.currentWidget() is page.editor
    assert settings.value("editor/last_template") == "abandoned_cart_2"
    pools.wait()


def test_the_timeline_shows_delays_and_the_exit_condition(
    qtbot: QtBot, english: LanguageSwitcher
) -> None:
    timeline = ScenarioTimeline()
    qtbot.add_widget(timeline)
    timeline.set_scenario("abandoned_cart", list(reversed(builtin_templates())))
    names = [card.name for card in timeline.cards]
    assert names == ["abandoned_cart_1", "abandoned_cart_2", "abandoned_cart_3"]
    texts = " ".join(label.text() for label in timeline.findChildren(type(timeline._title)))
    assert "1 hour after the trigger" in texts
    assert "4 days after the previous email" in texts
    assert "placed an order or emptied the cart" in texts
    with qtbot.wait_signal(timeline.step_opened, timeout=1000) as blocker:
        timeline.cards[2].open_button.click()
    assert blocker.args == ["abandoned_cart_3"]
    with qtbot.wait_signal(timeline.export_requested, timeout=1000) as blocker:
        timeline.export_button.click()
    assert blocker.args == ["abandoned_cart"]


def test_delay_texts(english: LanguageSwitcher) -> None:
    assert delay_text(0, True) == "at once"
    assert delay_text(72, False) == "3 days after the previous email"
    assert delay_text(1, True) == "1 hour after the trigger"


def test_a_changed_brand_kit_reaches_the_open_preview(
    qtbot: QtBot, sqlite_engine: Engine, pools: Pools, tmp_path: Path, opened: list[QUrl]
) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    context = PageContext(engine=sqlite_engine, today=date(2025, 11, 22), pools=pools,
                          settings=settings, request_import=lambda: None)
    page = TemplatesPage(context, drafts_dir=tmp_path / "drafts", open_url=opened.append)
    qtbot.add_widget(page)
    page.resize(1300, 850)
    page.show()
    with qtbot.wait_signal(page.ready, timeout=30000):
        pass
    editor = page.editor
    assert editor is not None and "Лето и Море" not in editor.preview.desktop.html

    save_brand_kit(sqlite_engine, replace(load_brand_kit(sqlite_engine), shop_name="Лето и Море",
                                          from_name="Лето и Море"))
    page.refresh()  # what the main window does after Workspace settings are saved
    qtbot.wait_until(lambda: "Лето и Море" in editor.preview.desktop.html, timeout=20000)
    assert editor.brand.shop_name == "Лето и Море"
    assert editor.field_edits["from_name"].placeholderText() == "Лето и Море"
    pools.wait()
