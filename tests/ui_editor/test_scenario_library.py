"""The series timeline's start card (trigger, audience) and the newer series (pytest-qt)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from composer import builtin_templates
from ui.editor.scenario import ScenarioTimeline, exit_conditions, scenario_titles
from ui.language import LanguageSwitcher

pytestmark = pytest.mark.gui

NEW = ("price_drop", "back_in_stock", "promo_expiring", "loyalty_points", "sale_start")


def _texts(timeline: ScenarioTimeline) -> str:
    return " ".join(label.text() for label in timeline.findChildren(QLabel))


def test_a_new_series_shows_trigger_audience_email_and_exit(
    qtbot: QtBot, english: LanguageSwitcher
) -> None:
    timeline = ScenarioTimeline()
    qtbot.add_widget(timeline)
    timeline.set_scenario("promo_expiring", list(builtin_templates()))
    assert [card.name for card in timeline.cards] == ["promo_expiring"]
    assert timeline.start_card is not None
    start = timeline.start_card.text()
    assert "3 days before the personal promo code expires" in start
    assert "First-order promo code expires within 3 days" in start
    texts = _texts(timeline)
    assert "used the promo code (placed an order)" in texts
    assert "Personal discount expiring" in texts
    # The card shows the subject as the typical contact gets it, not its Jinja.
    assert "Ваша скидка 15% сгорает" in texts and "{%" not in texts


def test_every_series_has_a_title_trigger_and_exit_in_russian(
    qtbot: QtBot, english: LanguageSwitcher
) -> None:
    english.apply("ru")
    try:
        titles, exits = scenario_titles(), exit_conditions()
        for scenario in {t.scenario for t in builtin_templates()}:
            assert scenario and titles[scenario] and exits[scenario]
        for scenario in NEW:
            assert not titles[scenario].isascii() and not exits[scenario].isascii()
        timeline = ScenarioTimeline()
        qtbot.add_widget(timeline)
        timeline.set_scenario("price_drop", list(builtin_templates()))
        assert timeline.start_card is not None
        start = timeline.start_card.text()
        assert "Старт" in start and "подешевел товар" in start
        assert "Смотрели товары за 14 дней и не заказывали" in start
        timeline.set_scenario("post_purchase", list(builtin_templates()))
        assert timeline.start_card is not None
        assert "Аудитория" not in timeline.start_card.text()  # one order's buyer, no segment
    finally:
        english.apply("en")
