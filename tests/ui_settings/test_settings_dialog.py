"""The workspace settings dialog: what it saves, what it refuses, what Cancel keeps."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from composer.brand import BrandKit, load_brand_kit, save_brand_kit
from segments import lifecycle_counts
from segments.lifecycle import LifecycleThresholds, load_thresholds, save_thresholds
from tests.ui_settings.conftest import TODAY
from ui.settings_dialog import SettingsDialog, brand_problems, threshold_problems

pytestmark = pytest.mark.gui

MakeDialog = Callable[[Engine], SettingsDialog]


def _thresholds(engine: Engine) -> LifecycleThresholds:
    with engine.connect() as conn:
        return load_thresholds(conn)


def _ok_and_wait(qtbot: QtBot, dialog: SettingsDialog) -> None:
    with qtbot.waitSignal(dialog.saved, timeout=10000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)  # type: ignore[no-untyped-call]


def test_the_dialog_words_the_core_problems_in_its_language() -> None:
    assert brand_problems(BrandKit()) == []
    [problem] = brand_problems(BrandKit(accent_color="red"))
    assert problem.field == "accent_color"
    assert problem.message.startswith("Button colour:")  # the form's label, not the field name
    [problem] = threshold_problems(LifecycleThresholds(active_days=200, passive_days=180,
                                                       inactive_days=365))
    assert problem.field == "passive_days" and "200" in problem.message


def test_loads_the_stored_values(make_dialog: MakeDialog, sqlite_engine: Engine) -> None:
    save_brand_kit(sqlite_engine, BrandKit(shop_name="Лавка", accent_color="#00AA55"))
    with sqlite_engine.begin() as conn:
        save_thresholds(conn, LifecycleThresholds(active_days=60))
    dialog = make_dialog(sqlite_engine)
    assert dialog.line_edits["shop_name"].text() == "Лавка"
    assert dialog.color_fields["accent_color"].text() == "#00AA55"
    assert dialog.spins["active_days"].value() == 60
    assert dialog.social_table.rowCount() == 3


def test_ok_saves_colour_and_shop_name(
    qtbot: QtBot, make_dialog: MakeDialog, sqlite_engine: Engine
) -> None:
    dialog = make_dialog(sqlite_engine)
    # QTest types ASCII only: Cyrillic goes in as text.
    dialog.line_edits["shop_name"].setText("Ёлка и Ко")
    dialog.color_fields["primary_color"].edit.clear()
    qtbot.keyClicks(dialog.color_fields["primary_color"].edit, "#a1b2c3")  # type: ignore[no-untyped-call]
    # The live preview follows the edits before anything is saved.
    assert "#A1B2C3" in dialog.preview.heading.styleSheet()
    assert load_brand_kit(sqlite_engine).shop_name == BrandKit().shop_name
    _ok_and_wait(qtbot, dialog)
    kit = load_brand_kit(sqlite_engine)
    assert kit.shop_name == "Ёлка и Ко"
    assert kit.primary_color == "#A1B2C3"
    assert kit.social == BrandKit().social  # untouched fields kept
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_invalid_colour_and_relative_url_block_ok(
    qtbot: QtBot, make_dialog: MakeDialog, sqlite_engine: Engine
) -> None:
    dialog = make_dialog(sqlite_engine)
    dialog.color_fields["accent_color"].set_text("red")
    dialog.line_edits["logo_url"].setText("/img/logo.png")
    with qtbot.assertNotEmitted(dialog.saved, wait=200):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)  # type: ignore[no-untyped-call]
    assert dialog.isVisible()
    assert dialog.problems.isVisible()
    text = dialog.problems.text()
    assert "Logo address" in text and "https://" in text
    assert "Button colour" in text and "#C8553D" in text
    assert dialog.line_edits["logo_url"].property("invalid") is True
    assert dialog.focusWidget() is dialog.line_edits["logo_url"]
    assert load_brand_kit(sqlite_engine) == BrandKit()  # nothing written
    # Fixing both lets OK through and the message goes away.
    dialog.color_fields["accent_color"].set_text("#112233")
    dialog.line_edits["logo_url"].setText("https://cdn.example.ru/logo.png")
    assert not dialog.problems.isVisible()
    _ok_and_wait(qtbot, dialog)
    assert load_brand_kit(sqlite_engine).accent_color == "#112233"


def test_social_links_edit(qtbot: QtBot, make_dialog: MakeDialog, sqlite_engine: Engine) -> None:
    dialog = make_dialog(sqlite_engine)
    dialog.social_table.setCurrentCell(0, 0)
    dialog.remove_link_button.click()
    dialog.add_link_button.click()
    row = dialog.social_table.rowCount() - 1
    dialog.social_table.item(row, 0).setText("YouTube")  # type: ignore[union-attr]
    dialog.social_table.item(row, 1).setText("youtube.com/@sezon")  # type: ignore[union-attr]
    assert not dialog.apply()
    assert "Social link 3" in dialog.problems.text()
    dialog.social_table.item(row, 1).setText("https://youtube.com/@sezon")  # type: ignore[union-attr]
    with qtbot.waitSignal(dialog.saved, timeout=10000):
        assert dialog.apply()
    assert dialog.isVisible()  # Apply keeps the dialog open
    labels = [link.label for link in load_brand_kit(sqlite_engine).social]
    assert labels == ["Telegram", "Дзен", "YouTube"]


def test_thresholds_change_lifecycle_counts(
    qtbot: QtBot, make_dialog: MakeDialog, demo_engine: Engine
) -> None:
    before = lifecycle_counts(demo_engine, TODAY)
    dialog = make_dialog(demo_engine)
    dialog.spins["active_days"].setValue(30)
    dialog.spins["hot_days"].setValue(60)
    # The live counts use the values in the fields, before saving.
    qtbot.waitUntil(lambda: dialog.status_counts()[0] == dialog.thresholds(), timeout=10000)
    live = dialog.status_counts()[1]
    assert lifecycle_counts(demo_engine, TODAY) == before  # not saved yet
    _ok_and_wait(qtbot, dialog)
    assert _thresholds(demo_engine) == LifecycleThresholds(active_days=30, hot_days=60)
    after = lifecycle_counts(demo_engine, TODAY)
    assert live == after
    assert after["active"] < before["active"]
    assert after["passive"] > before["passive"]
    assert after["hot"] >= before["hot"]
    assert sum(after.values()) == sum(before.values())


def test_thresholds_must_grow(qtbot: QtBot, make_dialog: MakeDialog, sqlite_engine: Engine) -> None:
    dialog = make_dialog(sqlite_engine)
    dialog.spins["passive_days"].setValue(60)  # below active (90)
    assert not dialog.apply()
    assert dialog.tabs.currentIndex() == 1
    assert dialog.focusWidget() is dialog.spins["passive_days"]
    assert "more than 90 days" in dialog.problems.text()
    assert _thresholds(sqlite_engine) == LifecycleThresholds()


def test_restore_defaults(qtbot: QtBot, make_dialog: MakeDialog, sqlite_engine: Engine) -> None:
    with sqlite_engine.begin() as conn:
        save_thresholds(conn, LifecycleThresholds(active_days=30, passive_days=60,
                                                  inactive_days=120, warm_view_days=2))
    dialog = make_dialog(sqlite_engine)
    assert dialog.spins["inactive_days"].value() == 120
    dialog.defaults_button.click()
    assert dialog.thresholds() == LifecycleThresholds()
    assert "90" in dialog.lifecycle_tab.status_texts["active"].text()
    _ok_and_wait(qtbot, dialog)
    assert _thresholds(sqlite_engine) == LifecycleThresholds()


def test_cancel_changes_nothing(
    qtbot: QtBot, make_dialog: MakeDialog, sqlite_engine: Engine
) -> None:
    dialog = make_dialog(sqlite_engine)
    dialog.line_edits["shop_name"].setText("Другое имя")
    dialog.color_fields["primary_color"].set_text("#000000")
    dialog.spins["active_days"].setValue(10)
    with qtbot.assertNotEmitted(dialog.saved, wait=200):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # type: ignore[no-untyped-call]
    assert not dialog.isVisible()
    assert load_brand_kit(sqlite_engine) == BrandKit()
    assert _thresholds(sqlite_engine) == LifecycleThresholds()


def test_save_error_is_shown_in_the_dialog(
    qtbot: QtBot, make_dialog: MakeDialog, sqlite_engine: Engine,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import ui.settings.dialog as module

    def broken(*_args: object) -> None:
        raise OSError("disk is full")

    monkeypatch.setattr(module, "save_workspace_settings", broken)
    dialog = make_dialog(sqlite_engine)
    dialog.line_edits["shop_name"].setText("Новое")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: not dialog.is_saving(), timeout=10000)
    assert dialog.isVisible()
    assert "disk is full" in dialog.problems.text()
    assert dialog.ok_button.isEnabled()


def test_russian_texts(qtbot: QtBot, make_dialog: MakeDialog, sqlite_engine: Engine,
                       switcher: object) -> None:
    dialog = make_dialog(sqlite_engine)
    switcher.apply("ru")  # type: ignore[attr-defined]
    assert dialog.tabs.tabText(0) == "&Фирменный стиль"
    assert dialog.spins["active_days"].suffix() == " дней"
    dialog.spins["warm_view_days"].setValue(2)
    assert dialog.spins["warm_view_days"].suffix() == " дня"
    assert dialog.lifecycle_tab.status_texts["active"].text() == "покупал за последние 90 дней."
    dialog.color_fields["accent_color"].set_text("красный")
    assert not dialog.apply()
    assert "Цвет кнопок" in dialog.problems.text()


def test_main_window_menu_opens_the_dialog_and_refreshes_pages(
    qtbot: QtBot, sqlite_engine: Engine, settings: object, switcher: object
) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QKeySequence

    from ui.language import LanguageSwitcher
    from ui.main_window import MainWindow
    from ui.pages import PageSpec

    refreshed: list[int] = []

    class Page(QWidget):
        def refresh(self) -> None:
            refreshed.append(1)

    assert isinstance(settings, QSettings) and isinstance(switcher, LanguageSwitcher)
    window = MainWindow(sqlite_engine, TODAY, settings=settings, language=switcher,
                        pages={"p": PageSpec("p", lambda: "P", lambda _ctx: Page())})
    qtbot.add_widget(window)
    window.show()
    assert window.settings_action.shortcut() == QKeySequence("Ctrl+,")
    assert window.settings_action.text() == "Workspace &settings…"
    window.settings_action.trigger()
    dialog = window.findChild(SettingsDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.is_loaded, timeout=10000)
    dialog.line_edits["shop_name"].setText("Через меню")
    _ok_and_wait(qtbot, dialog)
    assert refreshed == [1]
    assert load_brand_kit(sqlite_engine).shop_name == "Через меню"
    window.pools.wait()


@pytest.mark.parametrize("language", ["en", "ru"])
def test_keyboard_mnemonics_are_unique_per_tab(
    make_dialog: MakeDialog, sqlite_engine: Engine, switcher: object, language: str
) -> None:
    from PySide6.QtWidgets import QAbstractButton, QLabel

    switcher.apply(language)  # type: ignore[attr-defined]
    dialog = make_dialog(sqlite_engine)
    shared = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    shared += [button.text() for button in dialog.buttons.buttons()]
    for index in range(dialog.tabs.count()):
        page = dialog.tabs.widget(index)
        assert page is not None
        texts = shared + [w.text() for w in page.findChildren(QLabel) if w.buddy()]
        texts += [w.text() for w in page.findChildren(QAbstractButton)]
        keys = [t[t.index("&") + 1].lower() for t in texts if "&" in t]
        assert len(keys) >= 8
        assert len(keys) == len(set(keys)), (language, index, sorted(keys))


def test_currency_is_chosen_and_saved(
    qtbot: QtBot, make_dialog: MakeDialog, sqlite_engine: Engine
) -> None:
    from workspace.money import workspace_currency

    dialog = make_dialog(sqlite_engine)
    qtbot.waitUntil(lambda: dialog.currency() == "RUB")
    dialog.brand_tab.currency.setCurrentIndex(dialog.brand_tab.currency.findData("USD"))
    _ok_and_wait(qtbot, dialog)
    qtbot.waitUntil(lambda: workspace_currency(sqlite_engine) == "USD")
    again = make_dialog(sqlite_engine)
    qtbot.waitUntil(lambda: again.currency() == "USD")
