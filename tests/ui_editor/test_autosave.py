"""Autosave to the workspace, recovery drafts, failed saves, teardown (pytest-qt)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, create_engine

from composer import lint, load_template
from composer.edits import set_field
from tests.ui_editor.conftest import make_editor
from ui.editor.autosave import DraftStore, template_from_json, template_to_json
from ui.tasks import Pools

pytestmark = pytest.mark.gui


def test_draft_round_trip(drafts: DraftStore) -> None:
    template = load_template(None, "welcome_2")
    assert template_from_json(template_to_json(template)) == template
    drafts.write(template)
    read = drafts.read("welcome_2")
    assert read is not None and read[0] == template and read[1]
    drafts.remove("welcome_2")
    assert drafts.read("welcome_2") is None


def test_autosave_writes_the_draft_first_then_the_workspace(
    qtbot: QtBot, engine: Engine, pools: Pools, drafts: DraftStore, opened: list[QUrl],
    tmp_path: Path,
) -> None:
    editor = make_editor(qtbot, engine, pools, drafts, opened, tmp_path,
                         autosave_delay_ms=600, draft_delay_ms=50)
    editor.open_template(load_template(engine, "welcome_1"))
    assert editor.autosaver is not None and editor.document is not None
    editor.field_edits["subject"].setText("Новая тема приветствия")
    draft = drafts.path_for("welcome_1")
    qtbot.wait_until(draft.exists, timeout=5000)
    # The draft is there before the quiet time of the autosave has passed.
    assert load_template(engine, "welcome_1").subject != "Новая тема приветствия"
    assert editor.document.is_modified()
    with qtbot.wait_signal(editor.autosaver.saved, timeout=10000):
        pass
    assert load_template(engine, "welcome_1").subject == "Новая тема приветствия"
    assert not editor.document.is_modified()
    qtbot.wait_until(lambda: not draft.exists(), timeout=5000)
    assert editor.status.text() == "All changes saved"
    editor.autosaver.watch(None)
    pools.wait()


def test_an_edit_during_the_save_keeps_the_document_unsaved(
    qtbot: QtBot, sqlite_engine: Engine, pools: Pools, drafts: DraftStore,
    opened: list[QUrl], tmp_path: Path,
) -> None:
    editor = make_editor(qtbot, sqlite_engine, pools, drafts, opened, tmp_path,
                         autosave_delay_ms=10_000)
    editor.open_template(load_template(sqlite_engine, "welcome_1"))
    assert editor.autosaver is not None and editor.document is not None
    editor.field_edits["subject"].setText("Первая")
    editor.flush()  # the save starts now, with "Первая"
    editor.field_edits["preheader"].setText("Изменено во время сохранения")
    with qtbot.wait_signal(editor.autosaver.saved, timeout=10000):
        pass
    assert editor.document.is_modified()  # the newer edit is not saved yet
    assert load_template(sqlite_engine, "welcome_1").subject == "Первая"
    editor.autosaver.watch(None)
    pools.wait()


def test_a_failed_save_is_shown_without_a_dialog_and_stays_unsaved(
    qtbot: QtBot, pools: Pools, drafts: DraftStore, opened: list[QUrl], tmp_path: Path,
) -> None:
    broken = create_engine(f"sqlite:///{tmp_path / 'missing' / 'dir' / 'ws.sqlite'}")
    editor = make_editor(qtbot, broken, pools, drafts, opened, tmp_path,
                         autosave_delay_ms=50, draft_delay_ms=20)
    editor.open_template(load_template(None, "birthday"))
    assert editor.autosaver is not None and editor.document is not None
    with qtbot.wait_signal(editor.autosaver.save_failed, timeout=10000):
        editor.apply_edit(set_field(editor.template, "subject", "С праздником!"))  # type: ignore[arg-type]
    assert editor.document.is_modified()
    assert editor.status.text().startswith("⚠ Not saved")
    assert drafts.path_for("birthday").exists()  # the edit survives in the draft
    editor.autosaver.watch(None)
    pools.wait()
    broken.dispose()


def test_a_recovered_draft_is_offered_on_the_next_open(
    qtbot: QtBot, sqlite_engine: Engine, pools: Pools, drafts: DraftStore,
    opened: list[QUrl], tmp_path: Path,
) -> None:
    saved = load_template(sqlite_engine, "welcome_3")
    edited = set_field(saved, "subject", "Правка до падения").apply(saved)
    drafts.write(edited)  # as if the app had been killed after the draft was written
    editor = make_editor(qtbot, sqlite_engine, pools, drafts, opened, tmp_path,
                         autosave_delay_ms=10_000)
    editor.open_template(saved, drafts.read("welcome_3"))
    assert editor.template is not None and editor.template.subject == "Правка до падения"
    assert editor.recovery_banner.isVisibleTo(editor)
    assert editor.document is not None and editor.document.is_modified()
    editor.discard_draft_button.click()
    assert editor.template.subject == saved.subject
    assert not editor.document.is_modified()
    assert drafts.read("welcome_3") is None
    assert editor.autosaver is not None
    editor.autosaver.watch(None)
    pools.wait()


def test_closing_the_editor_with_unsaved_edits_does_not_crash(
    qtbot: QtBot, sqlite_engine: Engine, pools: Pools, drafts: DraftStore,
    opened: list[QUrl], tmp_path: Path,
) -> None:
    editor = make_editor(qtbot, sqlite_engine, pools, drafts, opened, tmp_path, register=False)
    editor.open_template(load_template(sqlite_engine, "welcome_1"))
    editor.field_edits["subject"].setText("Не сохранено")
    editor.open_template(load_template(sqlite_engine, "welcome_2"))  # flushes welcome_1
    editor.field_edits["subject"].setText("Тоже не сохранено")
    editor.flush()
    editor.close()
    editor.deleteLater()
    qtbot.wait(50)  # the stack is destroyed with the editor: it must not call back into it
    pools.wait()
    assert load_template(sqlite_engine, "welcome_1").subject == "Не сохранено"
    assert load_template(sqlite_engine, "welcome_2").subject == "Тоже не сохранено"


def test_closing_the_window_saves_what_is_pending(
    qtbot: QtBot, sqlite_engine: Engine, pools: Pools, drafts: DraftStore,
    opened: list[QUrl], tmp_path: Path,
) -> None:
    from PySide6.QtWidgets import QMainWindow

    window = QMainWindow()
    qtbot.add_widget(window)
    editor = make_editor(qtbot, sqlite_engine, pools, drafts, opened, tmp_path,
                         autosave_delay_ms=600_000, register=False)
    window.setCentralWidget(editor)
    window.show()
    editor.open_template(load_template(sqlite_engine, "reactivation_1"))
    editor.field_edits["subject"].setText("Закрыли окно сразу после правки")
    window.close()  # the autosave clock has not run out: the close saves
    pools.wait()
    assert load_template(sqlite_engine, "reactivation_1").subject == (
        "Закрыли окно сразу после правки")


def test_a_broken_template_is_saved_as_saved_with_errors_and_the_last_good_is_kept(
    qtbot: QtBot, sqlite_engine: Engine, pools: Pools, drafts: DraftStore, opened: list[QUrl],
    tmp_path: Path,
) -> None:
    editor = make_editor(qtbot, sqlite_engine, pools, drafts, opened, tmp_path,
                         autosave_delay_ms=300, draft_delay_ms=50)
    with qtbot.wait_signal(editor.preview_updated, timeout=20000):
        editor.open_template(load_template(sqlite_engine, "welcome_1"))
    editor.switch_to_code()
    assert editor.autosaver is not None and editor.template is not None
    good = editor.template
    source = editor.code_view.toPlainText()
    with qtbot.wait_signal(editor.autosaver.saved, timeout=10000):
        # An unclosed Jinja block: the template does not render.
        broken = source.replace("</mj-text>", "{% if first_name %}</mj-text>", 1)
        editor.code_view.setPlainText(broken)
    qtbot.wait_until(lambda: editor.status.text().startswith("Saved with errors"), timeout=5000)
    assert editor.status.text() != "All changes saved"
    qtbot.wait_until(drafts.last_good_path("welcome_1").exists, timeout=5000)
    kept = drafts.read_last_good("welcome_1")
    assert kept is not None and kept.name == good.name
    assert not lint(kept).errors  # it renders
    assert "{% if first_name %}" in (load_template(sqlite_engine, "welcome_1").mjml or "")
    # Fixed again: an ordinary "all changes saved".
    with qtbot.wait_signal(editor.autosaver.saved, timeout=10000):
        editor.code_view.setPlainText(source)
    qtbot.wait_until(lambda: editor.status.text() == "All changes saved", timeout=5000)
    editor.autosaver.watch(None)
    pools.wait()


def test_the_version_without_errors_is_restored_in_one_undoable_step_also_after_a_restart(
    qtbot: QtBot, sqlite_engine: Engine, pools: Pools, drafts: DraftStore, opened: list[QUrl],
    tmp_path: Path,
) -> None:
    editor = make_editor(qtbot, sqlite_engine, pools, drafts, opened, tmp_path,
                         autosave_delay_ms=300, draft_delay_ms=50)
    with qtbot.wait_signal(editor.preview_updated, timeout=20000):
        editor.open_template(load_template(sqlite_engine, "welcome_1"))
    with qtbot.wait_signal(editor.preview_updated, timeout=20000):
        editor.switch_to_code()  # the code version renders: it is the last good one
    assert editor.autosaver is not None and editor.template is not None
    good = editor.template
    assert not editor.restore_link.isVisibleTo(editor)
    broken = good.mjml.replace("</mj-text>", "{% if first_name %}</mj-text>", 1)  # type: ignore[union-attr]
    with qtbot.wait_signal(editor.autosaver.saved, timeout=10000):
        editor.code_view.setPlainText(broken)
    qtbot.wait_until(lambda: editor.status.text().startswith("Saved with errors"), timeout=5000)
    qtbot.wait_until(drafts.last_good_path("welcome_1").exists, timeout=5000)
    assert editor.restore_link.isVisibleTo(editor)
    editor.restore_link.linkActivated.emit("restore")  # as a click on the link does
    assert editor.template == good
    qtbot.wait_until(lambda: not editor.restore_link.isVisibleTo(editor), timeout=10000)
    editor.undo_action.trigger()  # one step back: the broken text again
    assert editor.template is not None and editor.template.mjml == broken
    editor.autosaver.watch(None)
    pools.wait()

    # The app restarted: the broken version is in the workspace, the good one on disk.
    saved = load_template(sqlite_engine, "welcome_1")
    assert saved.mjml == broken
    again = make_editor(qtbot, sqlite_engine, pools, drafts, opened, tmp_path,
                        autosave_delay_ms=300, draft_delay_ms=50)
    again.open_template(saved)
    qtbot.wait_until(lambda: again.restore_link.isVisibleTo(again), timeout=20000)
    again.restore_last_good()
    assert again.template is not None and again.template.mjml == good.mjml
    assert again.autosaver is not None
    again.autosaver.watch(None)
    pools.wait()
