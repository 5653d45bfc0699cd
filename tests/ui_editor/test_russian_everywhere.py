"""No English inside the Russian UI: the composer's messages and the editor showing them."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from composer import Template, TextBlock, lint, load_template, validate_mjml
from composer.lint import Finding
from composer.words_ru import finding_message, ru_message, where_text
from tests.ui_editor.conftest import make_editor
from ui.editor.autosave import DraftStore
from ui.editor.editor import TemplateEditor
from ui.language import LanguageSwitcher
from ui.tasks import Pools

ALLOWED = frozenset({
    "Konvert", "MJML", "HTML", "Gmail", "CDATA", "alt", "href", "src", "https", "true",
    "false", "px", "iPhone", "Mail", "A/B", "CSV", "PDF", "URL", "Ctrl", "Shift", "PNG",
    "JPEG", "GIF", "Outlook", "Yandex", "Mail.ru", "Apple", "Email", "e-mail", "Jinja",
    "serif", "Unisender", "Mindbox", "Excel",
})


_FONT_STACK = re.compile(r"[\w' -]+(, [\w' -]+)*, (sans-serif|serif|monospace)")


def english_words(text: str, source: str = "") -> list[str]:
    """Latin words of three letters or more that are neither code nor the user's own text."""
    plain = re.sub(r"<[^<>]*>|\{\{.*?\}\}|\{\{[^}]*|\{%.*?%\}|\"[^\"]*\"|'[^']*'|«[^»]*»|\[[^\]]*\]"
                   r"|https?://\S+|\S+@\S+", " ", text)
    words = re.findall(r"[A-Za-z][A-Za-z_.\-/]*[A-Za-z]", plain)
    own = set(re.findall(r"[A-Za-z][A-Za-z_.\-/]*[A-Za-z]", source))
    if _FONT_STACK.fullmatch(text.strip()):
        return []  # a CSS font-family value is code, named the same in every language
    return [w for w in words if len(w) >= 3 and w not in ALLOWED and w not in own
            and "_" not in w and "-" not in w and not w.isupper()]  # codes: RUB, CRM, PNG


def _doc(body: str, head: str = "") -> str:
    return ("<mjml>\n<mj-head>" + head + "</mj-head>\n<mj-body>\n<mj-section>\n<mj-column>\n"
            + body + "\n<mj-text><a href=\"{{ unsubscribe_url }}\">Отписаться</a></mj-text>\n"
            "</mj-column>\n</mj-section>\n</mj-body>\n</mjml>\n")


BROKEN_SOURCES = [
    _doc("<mj-text>Здравствуйте!\n<p>строка</p>"),
    _doc("<mj-text>Здравствуйте!\n<mj-text>ещё</mj-text>"),
    _doc("<mj-text>a</mj-text></mj-section>"),
    _doc("<mj-txt>b</mj-txt>"),
    _doc('<mj-text colour="red" color="zzz" padding="abc" align="middle">a</mj-text>'),
    _doc('<mj-text color="red" color="blue">a</mj-text>'),
    _doc("<mj-include path=\"x.mjml\" />"),
    _doc('<mj-text>a <b class="x>c</b></mj-text>'),
    _doc("<mj-text>{{ loyalty_level }}</mj-text>"),
    _doc("<mj-text>{{ first_name }}</mj-text>"),
    _doc("<mj-text>{% if x %}</mj-text>"),
    _doc("<mj-text>{% frobnicate %}</mj-text>"),
    _doc('<mj-button href="#">Купить</mj-button><mj-image src="/img/a.png" />'),
    _doc("<mj-text>БЕСПЛАТНО! Только сегодня, срочно!!!</mj-text>"),
    "<mj-body><mj-text>вне корня</mj-text></mj-body>",
    "<mjml><mj-body><mj-column></mj-column></mj-body></mjml><mjml></mjml>",
    "<mjml><mj-body><mj-section><mj-column><mj-text>a < b</mj-text>"
    "</mj-column></mj-section></mj-body></mjml>",
    "<mjml><mj-body><mj-section><mj-column><mj-text>нет отписки</mj-text>"
    "</mj-column></mj-section></mj-body></mjml>",
]
BROKEN_TEMPLATES = [
    Template(name="a", subject="Скидка {% if %} для вас", blocks=(TextBlock("Текст"),)),
    Template(name="b", subject="", preheader="Для {{ loyalty_level }}",
             blocks=(TextBlock("Текст"),)),
    Template(name="c", subject="Очень длинная тема письма, которую почти никто не дочитает "
             "до конца в списке входящих", preheader="", blocks=(TextBlock("Текст"),)),
]


def _findings() -> Iterator[tuple[Finding, str]]:
    for source in BROKEN_SOURCES:
        report = lint(source)
        for finding in [*report.errors, *report.warnings]:
            yield finding, source
    for template in BROKEN_TEMPLATES:
        report = lint(template)
        for finding in [*report.errors, *report.warnings]:
            yield finding, template.subject + " " + template.preheader


def test_every_composer_message_has_russian_text() -> None:
    untranslated = []
    seen_codes = set()
    for finding, source in _findings():
        seen_codes.add(finding.code)
        said = finding_message(finding, "ru")
        english = english_words(said, source)
        if english:
            untranslated.append(f"[{finding.code}] {finding.message!r} -> {said!r}: {english}")
    assert not untranslated, "\n".join(untranslated)
    # The corpus reaches the codes a user meets most.
    assert {"mjml-error", "mjml-warning", "undefined-variable", "template-syntax",
            "missing-unsubscribe", "empty-link", "relative-url", "image-alt", "subject-length",
            "preheader-missing", "spam-words"} <= seen_codes


def test_validator_messages_all_have_russian_text() -> None:
    for source in BROKEN_SOURCES:
        for issue in validate_mjml(source):
            said = ru_message(issue.message)
            assert said is not None, issue.message
            assert not english_words(said, source), (issue.message, said)


def test_the_issue_examples_in_russian() -> None:
    assert ru_message("closing tag </mj-section> has no matching opening tag") == (
        "у закрывающего тега </mj-section> нет открывающего")
    said = ru_message("variable 'first_name' has no value: give it a fallback, e.g. "
                      "{{ first_name | default('…') }}")
    assert said is not None and said.startswith("у переменной «first_name» нет значения")
    assert ru_message("column 3: <mj-txt> is never closed") == "столбец 3: <mj-txt> не закрыт"
    subject = Finding("template-syntax", "subject: unexpected '}'", None,
                      {"field": "subject"})
    assert where_text(subject, "ru") == "тема" and where_text(subject, "en") == "subject"
    assert finding_message(subject, "ru") == "тема: неожиданный знак «}»"
    assert ru_message("a message nobody wrote a translation for") is None


def _visible_texts(root: QWidget) -> list[str]:
    texts: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QListWidget):
            texts += [widget.item(i).text() for i in range(widget.count())]
        elif isinstance(widget, QTabBar):
            texts += [widget.tabText(i) for i in range(widget.count())]
        elif isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        elif isinstance(widget, QPlainTextEdit) and widget.isReadOnly():
            texts += widget.toPlainText().splitlines()  # reports the app writes
    return texts


@pytest.fixture
def russian() -> Iterator[LanguageSwitcher]:
    made = LanguageSwitcher()
    made.apply("ru")
    yield made
    made.apply("en")


def test_the_russian_editor_with_findings_shows_no_english(
    qtbot: QtBot, sqlite_engine: Engine, pools: Pools, drafts: DraftStore, tmp_path: Path,
    russian: LanguageSwitcher,
) -> None:
    opened: list[QUrl] = []
    editor: TemplateEditor = make_editor(qtbot, sqlite_engine, pools, drafts, opened, tmp_path)
    with qtbot.wait_signal(editor.preview_updated, timeout=20000):
        editor.open_template(load_template(sqlite_engine, "abandoned_cart_1"))
    editor.switch_to_code()
    source = editor.code_view.toPlainText()
    # MJML warnings (a tag left open, an unknown tag) and an error: an unclosed Jinja block.
    broken = source.replace("</mj-text>", "", 1).replace("<mj-wrapper", "<mj-wraper", 1)
    broken = broken.replace("</mj-text>", "{% if first_name %}</mj-text>", 1)
    editor.code_view.setPlainText(broken)
    qtbot.wait_until(lambda: editor.lint_list.list.count() > 0, timeout=20000)
    qtbot.wait_until(editor.preview.error_banner.isVisible, timeout=10000)
    pages = [editor]
    for index in range(editor.tabs.count()):  # the blocks, code and inbox tabs in turn
        editor.tabs.setCurrentIndex(index)
        found = [(text, english_words(re.sub(r"<[^>]+>", " ", text), broken))
                 for text in _visible_texts(pages[0])]
        english = [(text, words) for text, words in found if words]
        assert not english, english
    editor.close()
    pools.wait()
