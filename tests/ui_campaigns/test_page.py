"""The Campaigns page used as a marketer would: create, edit, undo, plan, results, winner."""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from campaigns import CampaignDraft, create_campaign, get_campaign, load_results
from tests.ui_campaigns.conftest import TODAY
from ui.language import LanguageSwitcher

pytestmark = pytest.mark.gui

I18N = Path(__file__).resolve().parents[2] / "ui" / "i18n"


def _campaign(engine: Engine, name: str = "Осень") -> None:
    create_campaign(engine, CampaignDraft(
        name, "welcome_1", "lifecycle_cold", ("Добро пожаловать!", "Дарим −15% на первый заказ"),
        shares=(20, 20, 60)), TODAY)


def _shot(page: Any, name: str, qtbot: QtBot | None = None) -> None:
    folder = os.environ.get("KONVERT_SCREENSHOTS")
    if qtbot is not None:
        qtbot.wait(150)  # let layouts settle after a language or tab switch
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.window().grab().save(str(Path(folder) / f"{name}.png"))


def test_empty_page_then_new_campaign(open_page: Callable[[], Any], qtbot: QtBot,
                                      demo_engine: Engine) -> None:
    page = open_page()
    assert page.stack.currentWidget() is page.empty
    assert "No campaigns yet" in page.empty.text()
    dialog = page.open_new_dialog()
    dialog.name.setText("Тест тем")
    dialog.segment.setCurrentIndex(dialog.segment.findData("lifecycle_cold"))
    dialog.subject_a.setText("Тема A")
    dialog.subject_b.setText("Тема A")  # the same: refused in plain words, dialog stays
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(dialog.error.isVisible, timeout=5000)
    assert "variants A and B are the same" in dialog.error.text()
    dialog.subject_b.setText("Тема B")
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: page.editor.campaign_name() == "Тест тем", timeout=10000)
    assert page.stack.currentWidget() is page.editor
    assert get_campaign(demo_engine, "Тест тем").labels == ("A", "B")


def test_edit_undo_autosave(open_page: Callable[[], Any], qtbot: QtBot,
                            demo_engine: Engine) -> None:
    _campaign(demo_engine)
    page = open_page()
    editor = page.editor
    row = editor.setup.rows[1]
    row.subject.setText("")
    qtbot.keyClicks(row.subject, "New subject B")  # type: ignore[no-untyped-call]  # ASCII only
    assert editor.form.draft.subjects[1] == "New subject B"
    assert editor.undo_stack.count() == 1  # typing merged into one step
    qtbot.waitUntil(editor.undo_stack.isClean, timeout=5000)  # autosaved
    assert get_campaign(demo_engine, "Осень").variants[1].subject == "New subject B"
    editor.undo_stack.undo()
    assert row.subject.text() == "Дарим −15% на первый заказ"
    editor.flush()
    qtbot.waitUntil(lambda: get_campaign(demo_engine, "Осень").variants[1].subject
                    == "Дарим −15% на первый заказ", timeout=5000)
    # an invalid edit is shown, not saved, and the document stays unsaved
    row.subject.setText("Добро пожаловать!")
    row.subject.textEdited.emit("Добро пожаловать!")
    editor.flush()
    qtbot.waitUntil(lambda: "Not saved" in editor.status.text(), timeout=5000)
    assert "the same" in editor.status.text()
    assert not editor.undo_stack.isClean()


def test_split_slider_sizes_and_plan(open_page: Callable[[], Any], qtbot: QtBot,
                                     demo_engine: Engine) -> None:
    _campaign(demo_engine)
    page = open_page()
    editor = page.editor
    sizes = editor.setup.group_sizes()
    assert sizes is not None and sum(sizes.values()) > 0
    before = sizes["A"]
    editor.setup.slider.setValue(40)
    assert editor.form.draft.shares == (40, 40, 20)
    after = editor.setup.group_sizes()
    assert after is not None and after["A"] > before
    assert "of" in editor.setup.sizes.text() and "sendable" in editor.setup.sizes.text()
    assert "lift in clicks" in editor.plan.verdict.text()
    editor.setup.send_all.setChecked(True)
    assert editor.form.draft.shares == (50, 50, 0)
    _shot(page, "campaign-setup-en")
    assert "Добро пожаловать!" in editor.setup.inbox.text()  # each variant in the inbox view
    scroll = editor.tabs.widget(0)
    scroll.ensureWidgetVisible(editor.setup.inbox_box)
    _shot(page, "campaign-inbox-en", qtbot)


def test_results_chart_and_winner(open_page: Callable[[], Any], qtbot: QtBot,
                                  demo_engine: Engine, tmp_path: Path) -> None:
    _campaign(demo_engine)
    page = open_page()
    editor = page.editor
    bad = tmp_path / "bad.csv"
    bad.write_text("variant,sent,opens,clicks\nA,100,40,3\nB,100,41,300\n")
    editor.import_results(bad)
    qtbot.waitUntil(lambda: "line 3" in editor.status.text(), timeout=5000)
    assert load_results(demo_engine, "Осень") == []
    good = tmp_path / "good.csv"
    good.write_text("variant,sent,opens,clicks,conversions\nA,5000,2000,150,20\n"
                    "B,5000,2100,230,25\n")
    editor.import_results(good)
    qtbot.waitUntil(lambda: editor.results.model.rowCount() == 2, timeout=10000)
    editor.tabs.setCurrentWidget(editor.results)
    assert "Winner: variant B" in editor.results.verdict.text()
    series = editor.results.chart.series
    assert series is not None and series.count() == 2
    assert editor.results.winner_button.isVisible()
    _shot(page, "campaign-results-en")
    editor.results.winner_button.click()
    qtbot.waitUntil(lambda: get_campaign(demo_engine, "Осень").winner == "B", timeout=5000)
    qtbot.waitUntil(lambda: "Chosen winner: B" in editor.results.verdict.text(), timeout=5000)


def test_russian_and_laptop_size(open_page: Callable[[], Any], qtbot: QtBot,
                                 demo_engine: Engine, switcher: LanguageSwitcher,
                                 tmp_path: Path) -> None:
    _campaign(demo_engine)
    good = tmp_path / "r.csv"
    good.write_text("variant,sent,opens,clicks\nA,1000,400,30\nB,1000,420,38\n")
    from campaigns import import_results_file

    import_results_file(demo_engine, "Осень", good)
    page = open_page()
    switcher.apply("ru")
    qtbot.waitUntil(lambda: page.new_button.text() == "Новая кампания…", timeout=3000)
    qtbot.waitUntil(lambda: "Есть результаты" in page.list.item(0).text(), timeout=5000)
    qtbot.waitUntil(lambda: page.editor.setup.segment.currentText().startswith("Холодные"),
                    timeout=5000)
    editor = page.editor
    assert editor.tabs.tabText(1) == "План"
    window = page.window()
    for tab in range(3):
        editor.tabs.setCurrentIndex(tab)
        hint = window.minimumSizeHint()
        assert hint.width() <= 1280 and hint.height() <= 720, (tab, hint)
    assert "Пока рано" in editor.results.verdict.text()
    model = editor.results.model
    p_cell = model.data(model.index(1, model.columnCount() - 1))
    assert p_cell is not None and "," in str(p_cell) and "." not in str(p_cell)  # 0,3236
    editor.tabs.setCurrentIndex(0)
    _shot(page, "campaign-setup-ru", qtbot)
    editor.tabs.setCurrentIndex(1)
    _shot(page, "campaign-plan-ru", qtbot)
    editor.tabs.setCurrentIndex(2)
    _shot(page, "campaign-results-ru", qtbot)
    assert "Этот тест" in editor.plan.verdict.text() or "Чтобы заметить" in \
        editor.plan.verdict.text()
    switcher.apply("en")
    editor.tabs.setCurrentIndex(1)
    _shot(page, "campaign-plan-en", qtbot)


def test_russian_catalogue_is_complete() -> None:
    tree = ET.parse(I18N / "campaigns_ru.ts")
    unfinished = [m.findtext("source") for m in tree.getroot().iter("message")
                  if (m.find("translation") is not None
                      and m.find("translation").get("type") == "unfinished")]  # type: ignore[union-attr]
    assert unfinished == []
    assert (I18N / "campaigns_ru.qm").stat().st_size > 1000


def test_pull_results_from_unisender(open_page: Callable[[], Any], qtbot: QtBot,
                                     demo_engine: Engine,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from esp.push import push_campaign
    from tests.esp_unisender.fakes import GOOD_KEY, FakeUnisender

    _campaign(demo_engine)
    monkeypatch.setenv("KONVERT_UNISENDER_KEY", GOOD_KEY)
    server = FakeUnisender()
    with server.serve() as url:
        push_campaign(demo_engine, "Осень", "unisender", TODAY, api_url=url)
        for n, campaign_id in enumerate(sorted(server.campaigns)):
            server.stats[campaign_id] = {
                "total": 50, "sent": 50, "delivered": 48, "read_unique": 20 + n, "read_all": 30,
                "clicked_unique": 3 + 2 * n, "clicked_all": 9, "unsubscribed": 0, "spam": 0}
        page = open_page()
        editor = page.editor
        assert editor.results.pull_button.isEnabled()  # exported: there is something to pull
        editor.pull_results(api_url=url)
        qtbot.waitUntil(lambda: editor.results.model.rowCount() == 2, timeout=10000)
    results = load_results(demo_engine, "Осень")
    assert [(r.variant, r.sent, r.opens, r.clicks) for r in results] == [
        ("A", 48, 20, 3), ("B", 48, 21, 5)]


def test_results_model_passes_the_model_tester(qtmodeltester: Any) -> None:
    from campaigns import VariantResult, analyze
    from ui.campaigns.results import ResultsModel

    model = ResultsModel()
    results = [VariantResult("A", 1000, 400, 30, 5), VariantResult("B", 1000, 410, 45, None)]
    model.set_results(results, analyze(results))
    qtmodeltester.check(model)
    assert model.rowCount() == 2 and model.columnCount() == 8
    model.set_results([], None)
    qtmodeltester.check(model)
