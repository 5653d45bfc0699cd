"""The template editor with pytest-qt: edits, undo, preview, errors, lint, contacts, links."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineScript
from pytestqt.qtbot import QtBot

from composer import Finding, LintReport, load_template
from composer.blocks import ButtonBlock, HeadingBlock
from composer.edits import set_block_field
from ui.editor.editor import TemplateEditor
from ui.editor.editor_parts import block_at_line

pytestmark = pytest.mark.gui


def _type_subject(editor: TemplateEditor, text: str) -> None:
    editor.field_edits["subject"].setText(text)


def test_editing_the_subject_rerenders_and_undo_redo_restore_it(
    qtbot: QtBot, editor: TemplateEditor
) -> None:
    original = editor.template.subject  # type: ignore[union-attr]
    with qtbot.wait_signal(editor.preview_updated, timeout=10000):
        _type_subject(editor, "Корзина ждёт, {{ first_name | default('друг') }}")
    assert editor.preview.last_good is not None
    assert editor.preview.last_good.subject == "Корзина ждёт, Анна"
    assert editor.document is not None and editor.document.is_modified()

    editor.undo_action.trigger()
    assert editor.template.subject == original  # type: ignore[union-attr]
    assert editor.field_edits["subject"].text() == original
    editor.redo_action.trigger()
    assert editor.field_edits["subject"].text().startswith("Корзина ждёт")


def test_keystrokes_in_one_field_are_one_undo_step(editor: TemplateEditor) -> None:
    original = editor.template.subject  # type: ignore[union-attr]
    field = editor.field_edits["subject"]
    field.setFocus()
    field.end(False)
    for char in "!!!":
        field.insert(char)
    assert editor.template.subject == original + "!!!"  # type: ignore[union-attr]
    editor.undo_action.trigger()
    assert editor.template.subject == original  # type: ignore[union-attr]


def test_editing_a_block_rerenders_the_preview(qtbot: QtBot, editor: TemplateEditor) -> None:
    editor.blocks.select(1)
    heading = editor.blocks.properties.editor("text")
    assert heading is not None
    with qtbot.wait_signal(editor.preview_updated, timeout=10000):
        heading.setText("Вещи из корзины скучают")  # type: ignore[attr-defined]
    assert editor.preview.last_good is not None
    assert "Вещи из корзины скучают" in editor.preview.last_good.html
    block = editor.template.blocks[1]  # type: ignore[union-attr]
    assert isinstance(block, HeadingBlock) and block.text == "Вещи из корзины скучают"


def test_blocks_are_added_moved_and_deleted(editor: TemplateEditor) -> None:
    count = len(editor.template.blocks)  # type: ignore[union-attr]
    editor.blocks.select(1)
    editor.blocks.add_block("button")
    blocks = editor.template.blocks  # type: ignore[union-attr]
    assert len(blocks) == count + 1 and isinstance(blocks[2], ButtonBlock)
    assert editor.blocks.selected() == 2
    editor.blocks.up_button.click()
    assert isinstance(editor.template.blocks[1], ButtonBlock)  # type: ignore[union-attr]
    editor.blocks.delete_button.click()
    assert len(editor.template.blocks) == count  # type: ignore[union-attr]
    editor.undo_action.trigger()
    editor.undo_action.trigger()
    editor.undo_action.trigger()
    assert editor.template == load_template(None, "abandoned_cart_1")


def test_a_broken_edit_keeps_the_last_good_preview_and_shows_the_line(
    qtbot: QtBot, editor: TemplateEditor
) -> None:
    # At the strict MJML validation level an unknown element is refused.
    with qtbot.wait_signal(editor.preview.preview_updated, timeout=10000):
        editor.validation_box.set_level("strict")
    good = editor.preview.last_good
    assert good is not None
    qtbot.wait_until(editor.is_painted, timeout=10000)
    shown = editor.preview.desktop.html
    editor.switch_to_code()
    assert editor.template is not None and editor.template.is_code
    source = editor.code_view.toPlainText()
    broken_line = source[: source.index("<mj-wrapper")].count("\n") + 1
    with qtbot.wait_signal(editor.preview.preview_failed, timeout=10000):
        editor.code_view.setPlainText(source.replace("<mj-wrapper", "<mj-wraper", 1))
    assert editor.preview.last_good is good
    assert editor.preview.desktop.html == shown
    assert editor.preview.error_banner.isVisibleTo(editor)
    assert editor.preview.last_error_line == broken_line
    assert f"Line {broken_line}" in editor.preview.error_banner.text()
    # Clicking the error goes to its line.
    editor.preview.error_banner.click()
    assert editor.code_view.current_line() == broken_line


def test_soft_validation_renders_mjml_with_problems_and_lists_them(
    qtbot: QtBot, editor: TemplateEditor
) -> None:
    assert editor.validation_box.level() == "soft"
    editor.switch_to_code()
    source = editor.code_view.toPlainText()
    line = source[: source.index("<mj-wrapper")].count("\n") + 1
    editor.code_view.setPlainText(source.replace("<mj-wrapper", '<mj-wrapper font-size="2px"', 1))

    def findings(kind: str) -> list[tuple[str, int | None]]:
        report = editor.lint_report
        found = [] if report is None else getattr(report, kind)
        return [(f.code, f.line) for f in found]

    qtbot.wait_until(lambda: ("mjml-warning", line) in findings("warnings"), timeout=30000)
    assert "mjml-error" not in [code for code, _line in findings("errors")]
    qtbot.wait_until(lambda: editor.preview.last_good is not None
                     and not editor.preview.error_banner.isVisibleTo(editor), timeout=10000)
    # Strict: the same finding is an error, and the preview keeps the last good render.
    editor.validation_box.set_level("strict")
    qtbot.wait_until(lambda: ("mjml-error", line) in findings("errors"), timeout=30000)
    qtbot.wait_until(lambda: editor.preview.error_banner.isVisibleTo(editor), timeout=10000)


def test_clicking_a_lint_finding_moves_the_code_cursor(
    qtbot: QtBot, editor: TemplateEditor
) -> None:
    template = editor.template
    assert template is not None
    line = template.source(editor.brand).count("\n") - 5
    editor.lint_list.set_report(LintReport(errors=[Finding("empty-link", "пустая ссылка", line)]))
    item = editor.lint_list.list.item(0)
    rect = editor.lint_list.list.visualItemRect(item)
    from PySide6.QtCore import Qt
    qtbot.mouseClick(editor.lint_list.list.viewport(),  # type: ignore[no-untyped-call]
                     Qt.MouseButton.LeftButton, pos=rect.center())
    assert editor.tabs.currentIndex() == 1
    assert editor.code_view.current_line() == line
    assert editor.blocks.selected() == block_at_line(template, editor.brand, line)


def test_the_contact_switcher_renders_for_another_contact(
    qtbot: QtBot, editor: TemplateEditor
) -> None:
    assert editor.preview.last_good is not None
    assert "Анна" in editor.preview.last_good.html
    with qtbot.wait_signal(editor.preview_updated, timeout=10000):
        editor.contact.choose("long_name")
    assert "Константин-Александр" in editor.preview.last_good.html
    with qtbot.wait_signal(editor.preview_updated, timeout=10000):
        editor.contact.choose("no_name")
    assert "Здравствуйте" in editor.preview.last_good.html
    assert "Анна" not in editor.preview.last_good.html


def test_a_link_click_opens_the_browser_and_never_navigates(
    qtbot: QtBot, editor: TemplateEditor, opened: list[QUrl]
) -> None:
    view = editor.preview.desktop
    qtbot.wait_until(editor.is_painted, timeout=10000)
    page_url = view.url()
    # A real click (the email's own scripts never run; this one is Qt's).
    view.page().runJavaScript(
        "document.querySelector('a:not([target])[href*=\"/p/\"]').click()",
        QWebEngineScript.ScriptWorldId.ApplicationWorld)
    qtbot.wait_until(lambda: bool(opened), timeout=10000)
    assert opened[0].toString().startswith("https://shop.konvert-demo.ru/p/")
    assert view.url() == page_url
    # Buttons open a new window (target=_blank): handed over too.
    page = view.preview_page
    catcher = page.createWindow(QWebEnginePage.WebWindowType.WebBrowserTab)
    assert catcher.acceptNavigationRequest(
        QUrl("https://shop.konvert-demo.ru/cart"),
        QWebEnginePage.NavigationType.NavigationTypeLinkClicked, True) is False
    assert opened[-1] == QUrl("https://shop.konvert-demo.ru/cart")
    assert page.acceptNavigationRequest(
        QUrl("https://evil.example/"), QWebEnginePage.NavigationType.NavigationTypeTyped,
        True) is False


def test_images_off_shows_alt_texts_in_the_views(qtbot: QtBot, editor: TemplateEditor) -> None:
    qtbot.wait_until(editor.is_painted, timeout=10000)
    assert "<img" in editor.preview.desktop.html
    editor.preview.set_images_shown(False)
    for view in (editor.preview.desktop, editor.preview.mobile):
        assert "<img" not in view.html
        assert "Платье-миди из льна" in view.html  # the cart item's alt text
    editor.preview.set_mode("inverted")
    assert "invert(1)" in editor.preview.mobile.html
    qtbot.wait_until(editor.is_painted, timeout=10000)


def test_the_preview_keeps_its_scroll_position_across_edits(
    qtbot: QtBot, editor: TemplateEditor
) -> None:
    view = editor.preview.mobile  # the phone's email is taller than its view
    qtbot.wait_until(editor.is_painted, timeout=10000)
    view.page().runJavaScript("window.scrollTo(0, 120)",
                              QWebEngineScript.ScriptWorldId.ApplicationWorld)
    qtbot.wait_until(lambda: view.scroll_y() > 80, timeout=5000)
    with qtbot.wait_signal(editor.painted, timeout=10000):
        editor.apply_edit(set_block_field(editor.template, 1, "text", "Новый заголовок"))  # type: ignore[arg-type]
    assert "Новый заголовок" in view.html
    qtbot.wait(100)  # a reload would have reset it to 0 by now
    assert view.scroll_y() > 80


def test_the_variable_picker_inserts_a_tag_with_its_fallback(editor: TemplateEditor) -> None:
    field = editor.field_edits["preheader"]
    field.setFocus()
    editor._insert_target = field  # focus changes are not delivered offscreen reliably
    field.setCursorPosition(0)
    editor.insert_tag("{{ first_name | default('друг') }}")
    assert editor.template is not None
    assert editor.template.preheader.startswith("{{ first_name | default('друг') }}")
    assert "first_name" in editor.variable_picker.names()


def test_every_suggested_fallback_shows_for_a_contact_without_the_field() -> None:
    from composer import render_jinja
    from ui.editor.variables import FALLBACKS, variable_tag

    assert {"top_categories", "promo_days_left", "product.size"} <= set(FALLBACKS)
    for name, fallback in FALLBACKS.items():
        assert render_jinja(variable_tag(name), {"product": {}}) == fallback, name


def test_send_test_writes_an_eml_and_opens_it(
    qtbot: QtBot, editor: TemplateEditor, opened: list[QUrl], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[str] = []

    def fake_get_text(*args: object, **kwargs: object) -> tuple[str, bool]:
        asked.append("asked")
        return (" anna.test@example.ru ", True)

    monkeypatch.setattr("ui.editor.actions.QInputDialog.getText", fake_get_text)
    editor.send_test()
    qtbot.wait_until(lambda: bool(opened), timeout=15000)
    path = Path(opened[-1].toLocalFile())
    assert path.suffix == ".eml" and path.parent == tmp_path / "eml"
    data = path.read_bytes()
    assert b"Subject:" in data and b"multipart/alternative" in data
    assert b"To: anna.test@example.ru" in data
    # The address is remembered: the second test email does not ask again.
    editor.send_test()
    qtbot.wait_until(lambda: len(opened) >= 2, timeout=15000)
    assert asked == ["asked"]


def test_inbox_view_truncates_each_variant(editor: TemplateEditor) -> None:
    editor.inbox.variants.setPlainText(
        "Короткая тема\n"
        "Очень длинная тема письма, которая точно не поместится в строку на телефоне")
    lines = editor.inbox.lines()
    assert [label for label, _d, _m in lines] == ["Variant A", "Variant B", "Variant C"]
    _label, desktop, phone = lines[2]
    assert phone.subject_truncated and phone.subject.endswith("…")
    assert not desktop.subject_truncated
    assert "Очень длинная" in editor.inbox.rows.text()


def test_export_review_bundle_builds_the_bundle_off_the_gui_thread(
    qtbot: QtBot, editor: TemplateEditor, opened: list[QUrl], tmp_path: Path
) -> None:
    actions = editor._actions
    assert actions is not None
    out = tmp_path / "review"
    with qtbot.wait_signal(actions.bundle_written, timeout=120000) as blocker:
        actions.export_bundle("birthday", editor, out)
    index = Path(blocker.args[0])
    assert index == out / "index.html" and index.exists()
    assert (out / "review.pdf").exists()
    assert any(p.suffix == ".png" for p in out.rglob("*.png"))
    assert opened[-1] == QUrl.fromLocalFile(str(index))


def test_ctrl_z_in_a_field_or_the_code_undoes_the_document(
    qtbot: QtBot, editor: TemplateEditor,
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    assert editor.template is not None
    before = editor.template.subject
    field = editor.field_edits["subject"]
    field.setText("Новая тема")
    assert editor.template.subject == "Новая тема"
    QTest.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.template.subject == before and field.text() == before
    assert editor.document is not None and editor.document.stack.canRedo()  # the stack's undo
    QTest.keyClick(field, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert editor.template.subject == "Новая тема"
    editor.switch_to_code()  # a step of its own: Ctrl+Z in the code turns the blocks back
    assert editor.template.is_code
    QTest.keyClick(editor.code_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not editor.template.is_code and editor.template.subject == "Новая тема"
