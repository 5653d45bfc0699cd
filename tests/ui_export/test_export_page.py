"""The Export page: preview, export with progress and step log, cancel and resume, history.

Screenshots (1280x720, Russian and English, during and after an export) are
saved to ``$KONVERT_SCREENSHOT_DIR`` when it is set (else the test's temp dir).
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QTableWidget
from pytestqt.qtbot import QtBot

from campaigns import get_campaign, group_sizes, load_results
from esp.history import list_exports
from tests.esp_unisender.conftest import NAME, TODAY
from tests.esp_unisender.fakes import GOOD_KEY, FakeUnisender
from ui.app import save_screenshot
from ui.export import ExportPage
from ui.language import LanguageSwitcher
from ui.main_window import MainWindow
from ui.style import apply_style

pytestmark = pytest.mark.gui


@pytest.fixture
def switcher(qapp: QApplication) -> Iterator[LanguageSwitcher]:
    apply_style(qapp)
    made = LanguageSwitcher()
    made.apply("en")
    yield made
    made.apply("en")


@pytest.fixture
def window(qtbot: QtBot, workspace: Any, tmp_path: Path, switcher: LanguageSwitcher
           ) -> Iterator[MainWindow]:
    engine = workspace[0]
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    made = MainWindow(engine, TODAY, settings=settings, language=switcher,
                      workspace_label="shop.sqlite")
    qtbot.add_widget(made)
    made.resize(1280, 720)
    made.show()
    yield made
    page = made.page("export")
    if isinstance(page, ExportPage):
        page.cancel()
    made.pools.wait()


def export_page(qtbot: QtBot, window: MainWindow) -> ExportPage:
    page = window.show_page("export")
    assert isinstance(page, ExportPage)
    qtbot.waitUntil(page.is_ready, timeout=15000)
    return page


def cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None
    return item.text()


def shots() -> Path | None:
    value = os.environ.get("KONVERT_SCREENSHOT_DIR")
    return Path(value) if value else None


def test_preview_shows_groups_report_and_empty_history(qtbot: QtBot, window: MainWindow,
                                                       workspace: Any) -> None:
    engine = workspace[0]
    page = export_page(qtbot, window)
    assert page.campaign.currentData() == NAME
    sizes = group_sizes(engine, NAME, TODAY)
    shown = {cell(page.groups, r, 0): cell(page.groups, r, 1)
             for r in range(page.groups.rowCount())}
    assert shown["Variant A"].replace(",", "") == str(sizes["A"])
    assert shown["Remainder"].replace(",", "") == str(sizes["rest"])
    assert "first_name → {{Name|дорогой покупатель}}" in page.report.toPlainText()
    assert "fallback-in-link" in page.report.toPlainText()
    assert page.export_button.isEnabled() and not page.cancel_button.isEnabled()
    assert not page.winner.isEnabled()
    assert page.history_empty.isVisible()
    assert not get_campaign(engine, NAME).frozen  # the preview freezes nothing


def _slow(server: FakeUnisender, seconds: float) -> None:
    server.before = lambda method: time.sleep(seconds)


def test_export_with_progress_then_history(qtbot: QtBot, window: MainWindow, workspace: Any,
                                           fake: Any, switcher: LanguageSwitcher,
                                           tmp_path: Path) -> None:
    engine = workspace[0]
    server, url = fake
    out = shots() or tmp_path
    page = export_page(qtbot, window)
    page.api_url.setText(url)
    _slow(server, 0.15)
    page.export_button.click()
    qtbot.waitUntil(lambda: page.progress.maximum() > 1
                    and page.progress.value() * 3 > page.progress.maximum(), timeout=15000)
    assert page.cancel_button.isEnabled() and not page.export_button.isEnabled()
    assert not page.campaign.isEnabled()
    save_screenshot(window, out / "export-during-en.png")
    qtbot.waitUntil(lambda: not page.is_running(), timeout=30000)
    assert page.progress.value() == page.progress.maximum()
    assert page.status.text().startswith("Done: ")
    qtbot.waitUntil(page.is_ready, timeout=15000)
    save_screenshot(window, out / "export-after-en.png")
    sizes = group_sizes(engine, NAME, TODAY)
    assert len(server.contacts) == sizes["A"] + sizes["B"]
    assert len(server.campaigns) == 2

    # Again, in Russian: everything is found, nothing is created.
    switcher.apply("ru")
    assert page.export_button.text() == "Выгрузить"
    qtbot.waitUntil(lambda: page.export_button.isEnabled(), timeout=15000)
    page.export_button.click()
    qtbot.waitUntil(lambda: not page.is_running(), timeout=30000)
    assert page.status.text().startswith("Всё уже было сделано")
    assert len(server.campaigns) == 2
    assert "уже сделано" in page.step_log.toPlainText()
    qtbot.waitUntil(lambda: page.history.rowCount() == 2, timeout=10000)
    assert cell(page.history, 1, 3) == "готово"
    assert "рассылок: 2" in cell(page.history, 1, 4)
    assert cell(page.history, 0, 4) == "ничего нового"
    page.history.selectRow(1)
    assert "id " in page.history_details.toPlainText()
    assert GOOD_KEY not in page.step_log.toPlainText() + page.history_details.toPlainText()


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_cancel_is_safe_and_export_again_resumes(qtbot: QtBot, window: MainWindow,
                                                 workspace: Any, fake: Any,
                                                 switcher: LanguageSwitcher, tmp_path: Path,
                                                 lang: str) -> None:
    engine = workspace[0]
    server, url = fake
    out = shots() or tmp_path
    switcher.apply(lang)
    page = export_page(qtbot, window)
    page.api_url.setText(url)
    _slow(server, 0.3)
    page.start_export()
    qtbot.waitUntil(lambda: page.progress.value() > 0 and page.progress.maximum() > 1,
                    timeout=15000)
    save_screenshot(window, out / f"export-during-{lang}-cancel.png")
    page.cancel()
    assert not page.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: not page.is_running(), timeout=30000)
    assert list_exports(engine)[0].result == "cancelled"
    assert len(server.campaigns) < 2
    qtbot.waitUntil(page.is_ready, timeout=15000)
    save_screenshot(window, out / f"export-cancelled-{lang}.png")
    server.before = None
    page.start_export()
    qtbot.waitUntil(lambda: not page.is_running(), timeout=30000)
    qtbot.waitUntil(page.is_ready, timeout=15000)
    save_screenshot(window, out / f"export-after-{lang}.png")
    sizes = group_sizes(engine, NAME, TODAY)
    tags = [t for c in server.contacts.values() for t in c["tags"]]
    assert len(tags) == sizes["A"] + sizes["B"]
    assert all(n == 1 for n in server.uploads.values())
    assert len(server.campaigns) == 2 and len(server.messages) == 2
    assert list_exports(engine)[0].result == "ok"
    assert get_campaign(engine, NAME).state == "exported"


def test_a_refusal_is_shown_in_plain_words(qtbot: QtBot, window: MainWindow, workspace: Any,
                                           fake: Any, monkeypatch: pytest.MonkeyPatch,
                                           switcher: LanguageSwitcher) -> None:
    _server, url = fake
    monkeypatch.setenv("KONVERT_UNISENDER_KEY", "not-the-right-key-123456")
    switcher.apply("ru")
    page = export_page(qtbot, window)
    page.api_url.setText(url)
    page.start_export()
    qtbot.waitUntil(lambda: not page.is_running(), timeout=30000)
    assert page.status.text().startswith("⚠ Unisender не принимает API-ключ ****3456")
    assert "not-the-right-key" not in page.status.text() + page.step_log.toPlainText()
    assert page.export_button.isEnabled()


def test_dry_run_lists_requests(qtbot: QtBot, window: MainWindow, workspace: Any,
                                fake: Any) -> None:
    server, url = fake
    page = export_page(qtbot, window)
    page.api_url.setText(url)
    page.start_export(dry_run=True)
    qtbot.waitUntil(lambda: not page.is_running(), timeout=30000)
    assert "createCampaign?format=json" in page.step_log.toPlainText()
    assert "****" in page.step_log.toPlainText()
    assert GOOD_KEY not in page.step_log.toPlainText()
    assert server.requests == []
    assert page.status.text().startswith("Dry run:")


def test_pull_results_into_the_campaign(qtbot: QtBot, window: MainWindow, workspace: Any,
                                        fake: Any, switcher: LanguageSwitcher,
                                        tmp_path: Path) -> None:
    engine = workspace[0]
    server, url = fake
    page = export_page(qtbot, window)
    page.api_url.setText(url)
    assert not page.pull_button.isEnabled()  # nothing exported yet
    page.start_export()
    qtbot.waitUntil(lambda: not page.is_running(), timeout=30000)
    qtbot.waitUntil(page.is_ready, timeout=15000)
    assert page.pull_button.isEnabled()
    for campaign_id, campaign in server.campaigns.items():
        count = int(campaign["count"])
        server.stats[campaign_id] = {"total": count, "sent": count, "delivered": count - 1,
                                     "read_unique": count // 3, "read_all": count,
                                     "clicked_unique": count // 10, "clicked_all": 9,
                                     "unsubscribed": 0, "spam": 0}
    switcher.apply("ru")
    page.pull_results()
    qtbot.waitUntil(lambda: not page.is_running(), timeout=30000)
    assert page.status.text().startswith("Результаты сохранены")
    assert "A: доставлено" in page.step_log.toPlainText()
    save_screenshot(window, (shots() or tmp_path) / "export-results-ru.png")
    results = {r.variant: r for r in load_results(engine, NAME)}
    sizes = group_sizes(engine, NAME, TODAY)
    assert results["A"].sent == sizes["A"] - 1 and results["A"].opens == sizes["A"] // 3
    assert get_campaign(engine, NAME).state == "results_in"
