"""The Segments page: building rules through the widgets, undo, live count, saving, chart."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QLocale, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from segments import PRESETS, count, lifecycle_counts, list_segments, members
from segments.edits import normalize_root
from tests.ui_segments.conftest import TODAY
from ui.segments.editors import ChipsEditor, EnumEditor, TextEditor
from ui.segments.nodes import ConditionRow, GroupFrame, NotFrame
from ui.segments.number_editors import NumberRangeEditor

pytestmark = pytest.mark.gui


def _choose(combo: Any, data: Any, role: int = Qt.ItemDataRole.UserRole) -> None:
    """Pick the item carrying ``data`` the way a user does (activated is emitted)."""
    index = combo.findData(data, role)
    assert index >= 0, data
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def _type(widget: Any, text: str) -> None:
    """Type ``text`` (Cyrillic too: QTest's key clicks only know ASCII) into ``widget``."""
    for ch in text:
        QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A,
                                                 Qt.KeyboardModifier.NoModifier, ch))
        QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyRelease, Qt.Key.Key_A,
                                                 Qt.KeyboardModifier.NoModifier, ch))


def _row(page: Any, path: tuple[int, ...]) -> Any:
    return page.builder.frames[path]


def _wait_count(qtbot: Any, page: Any) -> None:
    with qtbot.waitSignal(page.counted, timeout=10000):
        page.count_now()


def test_building_a_three_level_rule_through_the_widgets(qtbot: Any, page: Any) -> None:
    builder = page.builder
    builder.load({"all": []})
    root = _row(page, ())
    assert isinstance(root, GroupFrame)

    qtbot.mouseClick(root.add_condition_button, Qt.MouseButton.LeftButton)
    row = _row(page, (0,))
    assert isinstance(row, ConditionRow)
    _choose(row.field_combo, "gender")
    assert isinstance(row.editor, EnumEditor)
    _choose(row.editor.combo, "female")

    qtbot.mouseClick(_row(page, ()).add_condition_button, Qt.MouseButton.LeftButton)
    row = _row(page, (1,))
    _choose(row.field_combo, "age")
    _choose(row.op_combo, "between", 256)
    assert isinstance(row.editor, NumberRangeEditor)
    row.editor.low.setValue(25)
    row.editor.high.setValue(40)

    qtbot.mouseClick(_row(page, ()).add_condition_button, Qt.MouseButton.LeftButton)
    row = _row(page, (2,))
    _choose(row.op_combo, "in", 256)  # a new condition is City; make it "is one of"
    assert isinstance(row.editor, ChipsEditor)
    _type(row.editor.line, "Москва")
    qtbot.keyClick(row.editor.line, Qt.Key.Key_Return)
    _type(_row(page, (2,)).editor.line, "Санкт-Петербург,")

    qtbot.mouseClick(_row(page, ()).add_group_button, Qt.MouseButton.LeftButton)
    group = _row(page, (3,))
    assert isinstance(group, GroupFrame)
    row = _row(page, (3, 0))
    _choose(row.field_combo, "bought_category")
    assert isinstance(row.editor, TextEditor)
    _type(row.editor.line, "Платья")
    qtbot.mouseClick(_row(page, (3,)).add_group_button, Qt.MouseButton.LeftButton)
    _choose(_row(page, (3, 1)).kind_combo, "all", 256)
    row = _row(page, (3, 1, 0))
    _choose(row.field_combo, "viewed_category")
    _choose(row.op_combo, "eq", 256)
    _type(_row(page, (3, 1, 0)).editor.line, "Платья")
    _row(page, (3, 1, 0)).window_editor.days.setValue(30)

    qtbot.mouseClick(_row(page, ()).add_condition_button, Qt.MouseButton.LeftButton)
    row = _row(page, (4,))
    _choose(row.field_combo, "days_since_last_order")
    _choose(row.op_combo, "lt", 256)
    _row(page, (4,)).editor.box.setValue(90)
    builder.wrap_not((4,))
    assert isinstance(_row(page, (4,)), NotFrame)

    expected = {"all": [
        {"field": "gender", "op": "eq", "value": "female"},
        {"field": "age", "op": "between", "value": [25, 40]},
        {"field": "city", "op": "in", "value": ["Москва", "Санкт-Петербург"]},
        {"any": [
            {"field": "bought_category", "op": "eq", "value": "Платья"},
            {"all": [{"field": "viewed_category", "op": "eq", "value": "Платья",
                      "within_days": 30}]},
        ]},
        {"not": {"field": "days_since_last_order", "op": "lt", "value": 90}},
    ]}
    assert builder.rule() == expected

    # Typing "Платья" was one undo step per editor, not one per letter.
    texts = [page.undo_stack.text(i) for i in range(page.undo_stack.count())]
    assert len(texts) < 30

    # Undo everything, then redo everything: the same rule comes back.
    while page.undo_stack.canUndo():
        page.undo_stack.undo()
    assert builder.rule() == {"all": []}
    while page.undo_stack.canRedo():
        page.undo_stack.redo()
    assert builder.rule() == expected
    assert page.name_label.text()

    _wait_count(qtbot, page)
    assert page.last_result is not None
    assert page.last_result.count == count(page._engine, expected, TODAY)


def test_ctrl_z_undoes_and_keeps_widgets_in_step(qtbot: Any, page: Any) -> None:
    page.builder.load({"all": [{"field": "city", "op": "eq", "value": ""}]})
    row = _row(page, (0,))
    _type(row.editor.line, "Казань")
    assert page.builder.rule()["all"][0]["value"] == "Казань"
    assert page.undo_stack.count() == 1
    # Ctrl+Z in the text box undoes the rule edit, not just the box's own text.
    qtbot.keyClick(_row(page, (0,)).editor.line, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier)
    assert page.undo_stack.index() == 0  # undone on the stack, not a new edit
    assert page.builder.rule()["all"][0]["value"] == ""
    assert _row(page, (0,)).editor.line.text() == ""
    page.redo_action.trigger()
    assert _row(page, (0,)).editor.line.text() == "Казань"
    assert "•" not in page.name_label.text()  # a new segment has no unsaved dot, it has no name


def test_live_count_matches_the_core_and_shows_the_sample(qtbot: Any, page: Any) -> None:
    rule = {"field": "city", "op": "in", "value": ["Москва"]}
    page.open_rule(rule)
    _wait_count(qtbot, page)
    expected = count(page._engine, rule, TODAY)
    assert expected.count > 0
    assert page.count_value.text() == QLocale().toString(expected.count)
    assert page.last_result.count == expected
    emails = members(page._engine, rule, TODAY)
    shown = [page.sample_model.data(page.sample_model.index(r, 0))
             for r in range(page.sample_model.rowCount())]
    assert shown == emails[:20]


def test_stale_counts_are_dropped(qtbot: Any, page: Any) -> None:
    first = {"field": "city", "op": "eq", "value": "Москва"}
    second = {"field": "gender", "op": "eq", "value": "male"}
    heard: list[int] = []
    page.counted.connect(lambda: heard.append(1))
    page.open_rule(first)
    page.count_now()  # started, not finished
    page.open_rule(second)
    with qtbot.waitSignal(page.counted, timeout=10000):
        page.count_now()
    page.pools.wait()
    qtbot.waitUntil(lambda: page.is_ready())
    assert page.last_result.count == count(page._engine, second, TODAY)
    assert len(heard) == 1  # the first count's result never reached the page


def test_a_bad_rule_shows_the_error_in_words_never_a_crash(qtbot: Any, page: Any) -> None:
    page.open_rule({"all": [{"field": "city", "op": "eq", "value": "Москва"},
                            {"field": "age", "op": "gt", "value": "много"}]})
    _wait_count(qtbot, page)
    assert page.last_result is None
    assert page.count_value.text() == "—"
    assert "Age" in page.error_label.text() and "number" in page.error_label.text()
    assert _row(page, (1,)).property("invalid") == "true"
    assert _row(page, (0,)).property("invalid") != "true"

    page.open_rule({"all": [{"field": "city", "op": "eq", "value": "  "}]})
    _wait_count(qtbot, page)
    assert "Fill in the value" in page.error_label.text()
    assert _row(page, (0,)).property("invalid") == "true"


def test_presets_open_in_one_click(qtbot: Any, page: Any) -> None:
    actions = page._presets_menu.actions()
    assert len(actions) == len(PRESETS)
    actions[7].trigger()  # birthday in the next 7 days
    assert page.builder.rule() == normalize_root(PRESETS[7].rules)
    assert PRESETS[7].title_en in page.name_label.text()
    _wait_count(qtbot, page)
    assert page.last_result.count == count(page._engine, PRESETS[7].rules, TODAY)


def test_save_rename_duplicate_delete(qtbot: Any, page: Any) -> None:
    engine = page._engine
    page.open_rule({"field": "city", "op": "eq", "value": "Москва"})
    with qtbot.waitSignal(page.saved, timeout=10000):
        page.save_as("Москвички")
    assert [s.name for s in list_segments(engine)] == ["Москвички"]
    assert page.current_name() == "Москвички" and page.undo_stack.isClean()
    qtbot.waitUntil(lambda: page.saved_names() == ["Москвички"])

    with qtbot.waitSignal(page.segments_loaded, timeout=10000):
        page.rename("Москвички", "Москва")
    assert page.current_name() == "Москва"
    assert [s.name for s in list_segments(engine)] == ["Москва"]

    with qtbot.waitSignal(page.segments_loaded, timeout=10000):
        page.duplicate("Москва")
    assert page.saved_names() == ["Москва", "Москва (copy)"]
    assert page.current_name() == "Москва (copy)"

    with qtbot.waitSignal(page.segments_loaded, timeout=10000):
        page.delete("Москва")
    assert page.saved_names() == ["Москва (copy)"]

    # Saving under a taken name is refused in words; nothing is overwritten.
    page.open_rule({"field": "gender", "op": "eq", "value": "male"})
    page.save_as("Москва (copy)")
    qtbot.waitUntil(lambda: "already exists" in page.error_label.text(), timeout=10000)
    saved = {s.name: s.rules for s in list_segments(engine)}
    assert saved["Москва (copy)"] == {"all": [{"field": "city", "op": "eq", "value": "Москва"}]}


def test_autosave_saves_an_open_saved_segment_after_edits(qtbot: Any, page: Any) -> None:
    page.open_rule({"field": "city", "op": "eq", "value": "Москва"})
    with qtbot.waitSignal(page.saved, timeout=10000):
        page.save_as("Город")
    row = _row(page, (0,))
    _type(row.editor.line, "!")
    assert not page.undo_stack.isClean()
    assert "•" in page.name_label.text()
    with qtbot.waitSignal(page.saved, timeout=10000):
        pass  # the autosave timer fires 1.5 s after the last edit
    assert page.undo_stack.isClean()
    rules = {s.name: s.rules for s in list_segments(page._engine)}["Город"]
    assert rules["all"][0]["value"] == "Москва!"


def test_chart_counts_match_lifecycle_counts_and_bars_open_presets(qtbot: Any, page: Any
                                                                   ) -> None:
    assert page.chart.counts() == lifecycle_counts(page._engine, TODAY)
    page.chart.repaint()
    rect = page.chart.bar_rect("hot")
    assert not rect.isEmpty()
    qtbot.mouseClick(page.chart, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert page.builder.rule() == {"all": [{"field": "lifecycle", "op": "eq", "value": "hot"}]}


def test_move_between_groups_and_drop_positions(qtbot: Any, page: Any) -> None:
    page.open_rule({"all": [{"field": "city", "op": "eq", "value": "Москва"},
                            {"any": [{"field": "gender", "op": "eq", "value": "male"}]}]})
    assert page.builder.move_node((0,), (1,), 1)
    assert page.builder.rule() == {"all": [{"any": [
        {"field": "gender", "op": "eq", "value": "male"},
        {"field": "city", "op": "eq", "value": "Москва"}]}]}
    assert not page.builder.move_node((0,), (0,), 0)  # not into itself
    page.undo_stack.undo()
    assert page.builder.rule()["all"][0] == {"field": "city", "op": "eq", "value": "Москва"}
    root = _row(page, ())
    root.layout().activate()
    qtbot.waitUntil(lambda: root.child_frames[1].geometry().height() > 0)
    assert root.drop_index(0) == 0
    assert root.drop_index(root.child_frames[1].geometry().bottom() + 1) == 2


def test_explain_marks_every_condition(qtbot: Any, page: Any) -> None:
    rule = {"all": [{"field": "city", "op": "eq", "value": "Москва"},
                    {"not": {"field": "gender", "op": "eq", "value": "male"}}]}
    page.open_rule(rule)
    _wait_count(qtbot, page)
    dialog = page.open_explain()
    qtbot.waitUntil(lambda: dialog.tree.topLevelItemCount() == 1, timeout=10000)
    top = dialog.tree.topLevelItem(0)
    assert top.data(0, Qt.ItemDataRole.UserRole) is True  # the sample member is in
    assert top.childCount() == 2 and top.child(1).childCount() == 1
    assert top.child(1).child(0).data(0, Qt.ItemDataRole.UserRole) is False
    assert "✓" in dialog.verdict.text()
    outsider = next(e for e in members(page._engine, {"field": "city", "op": "ne",
                                                      "value": "Москва"}, TODAY))
    dialog.email.setText(outsider)
    with qtbot.waitSignal(dialog.explained, timeout=10000):
        dialog.run()
    assert dialog.tree.topLevelItem(0).data(0, Qt.ItemDataRole.UserRole) is False
    assert dialog.tree.topLevelItem(0).child(0).data(0, Qt.ItemDataRole.UserRole) is False
    dialog.email.setText("nobody@nowhere.example")
    with qtbot.waitSignal(dialog.explained, timeout=10000):
        dialog.run()
    assert "no contact" in dialog.verdict.text()
    dialog.close()


def test_overlap_of_three_segments(qtbot: Any, page: Any) -> None:
    rules = {"A": {"field": "city", "op": "eq", "value": "Москва"},
             "B": {"field": "gender", "op": "eq", "value": "female"},
             "C": {"field": "orders_count", "op": "gt", "value": 0}}
    for name, rule in rules.items():
        page.open_rule(rule)
        with qtbot.waitSignal(page.saved, timeout=10000):
            page.save_as(name)
    qtbot.waitUntil(lambda: page.saved_names() == ["A", "B", "C"], timeout=10000)
    dialog = page.open_overlap()
    dialog.combos[2].setCurrentIndex(dialog.combos[2].findData("C"))
    with qtbot.waitSignal(dialog.compared, timeout=10000):
        dialog.run()
    assert dialog.table.rowCount() == 7 + 1
    shown = sum(int(dialog.table.item(r, 1).text().replace("\u00a0", "").replace(",", ""))
                for r in range(dialog.table.rowCount()))
    assert shown == 300
    both = count(page._engine, {"all": [rules["A"], rules["B"], rules["C"]]}, TODAY).count
    assert dialog.table.item(6, 1).text().replace(",", "") == str(both)
    assert len(dialog.venn.label_positions()) == 7
    dialog.close()


def test_export_csv_writes_every_member(qtbot: Any, page: Any, tmp_path: Path) -> None:
    rule = {"field": "gender", "op": "eq", "value": "female"}
    page.open_rule(rule)
    out = tmp_path / "members.csv"
    with qtbot.waitSignal(page.exported, timeout=10000) as blocker:
        page.export_csv(out)
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["email", "first_name", "last_name", "city", "status"]
    assert [r[0] for r in rows[1:]] == members(page._engine, rule, TODAY)
    assert blocker.args == [len(rows) - 1]
