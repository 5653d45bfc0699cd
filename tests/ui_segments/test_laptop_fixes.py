"""Issue 13: ready-made titles once edited, comparing with no saved segments, roubles."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLocale, Qt

from segments import PRESETS, count
from tests.ui_segments.conftest import TODAY
from ui.segments.labels import describe
from ui.segments.number_editors import MoneySpinBox
from workspace.money import format_money


def test_edited_ready_made_title_says_changed_not_saved(qtbot: Any, page: Any) -> None:
    page.open_preset(PRESETS[7].id)
    assert "changed" not in page.name_label.text()
    page.undo_stack.push(_noop_command(page))  # any edit of the rule makes the stack dirty
    page._update_title()
    assert "changed, not saved" in page.name_label.text()
    assert PRESETS[7].title_en in page.name_label.text()


def _noop_command(page: Any) -> Any:
    from PySide6.QtGui import QUndoCommand

    return QUndoCommand("edit")


def test_compare_without_saved_segments_offers_ready_made(qtbot: Any, page: Any) -> None:
    dialog = page.open_overlap()
    titles = [PRESETS[0].title_en, PRESETS[1].title_en]
    assert [dialog.combos[0].currentText(), dialog.combos[1].currentText()] == titles
    assert "Save as" in dialog.advice.text() and dialog.advice.isVisibleTo(dialog)
    if not dialog.table.rowCount():
        qtbot.waitSignal(dialog.compared, timeout=10000).wait()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 4, timeout=10000)
    both = count(page._engine, {"all": [PRESETS[0].rules, PRESETS[1].rules]}, TODAY).count
    assert int(dialog.table.item(2, 1).text().replace("\u00a0", "").replace(",", "")) == both
    assert dialog.combos[0].itemData(0, Qt.ItemDataRole.ToolTipRole) == "Ready-made segment"
    dialog.close()


def test_money_in_rules_and_editors_reads_as_roubles(qtbot: Any) -> None:
    assert describe({"field": "total_spent", "op": "gt", "value": 12060}).endswith(
        format_money(12060, "en"))
    old = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Russian, QLocale.Country.Russia))
    try:
        box = MoneySpinBox()
        qtbot.add_widget(box)
        box.setDecimals(2)
        box.setRange(0, 1e9)
        box.setValue(12060)
        assert box.text() == "12\u00a0060\u00a0₽"
        box.setValue(12060.5)
        assert box.text() == "12\u00a0060,50\u00a0₽"
        box.lineEdit().setText("15 000 ₽")
        box.interpretText()
        assert box.value() == 15000
    finally:
        QLocale.setDefault(old)


def test_rule_texts_and_value_editors_use_the_workspaces_currency(qtbot: Any, page: Any) -> None:
    from ui.segments.labels import display_currency, set_display_currency
    from workspace.money import set_workspace_currency

    rule = {"field": "total_spent", "op": "gt", "value": 12060}
    try:
        set_workspace_currency(page._engine, "USD")
        page.refresh()  # as after Workspace settings → Save
        qtbot.waitUntil(lambda: display_currency() == "USD", timeout=10000)
        assert describe(rule).endswith(format_money(12060, "en", "USD"))
        assert "₽" not in describe(rule)
        page.open_rule({"all": [rule]}, "")
        boxes = page.findChildren(MoneySpinBox)
        assert boxes
        assert all(box.suffix().endswith("$") for box in boxes)
    finally:
        set_display_currency("RUB")
    assert describe(rule).endswith(format_money(12060, "en"))
