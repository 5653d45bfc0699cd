"""Lint flags active content (scripts, frames, plug-ins, handlers, script URLs) by its code."""

from __future__ import annotations

import pytest

from composer import lint
from composer.lint import ACTIVE_CONTENT_CODES, Finding, LintReport, finding_text
from tests.composer.test_lint import _codes, _mjml

CONTEXT = {"unsubscribe_url": "https://shop.example.ru/u", "shop": {"url": "javascript:steal()"}}


@pytest.mark.parametrize(
    ("code", "body", "words"),
    [
        ("script-tag", "<mj-raw><script>alert(1)</script></mj-raw>", "<script>"),
        ("script-tag", "<mj-text><SCRIPT src='https://x.ru/a.js'></SCRIPT></mj-text>",
         "<script>"),
        ("iframe-tag", '<mj-raw><iframe src="https://x.ru/v"></iframe></mj-raw>', "<iframe>"),
        ("object-tag", '<mj-raw><object data="https://x.ru/a.swf"></object></mj-raw>',
         "<object>"),
        ("object-tag", '<mj-raw><embed src="https://x.ru/a.swf"></mj-raw>', "<embed>"),
        ("event-handler", '<mj-text><a href="https://x.ru" onclick="steal()">x</a></mj-text>',
         "onclick="),
        ("event-handler", '<mj-text><img src="https://x.ru/a.png" alt="a" OnError="x()">'
         "</mj-text>", "onerror="),
        ("javascript-link", '<mj-button href="javascript:alert(1)">Купить</mj-button>',
         "javascript:alert(1)"),
        ("javascript-link", '<mj-text><a href=" JaVa&#83;cript:alert(1)">x</a></mj-text>',
         "<a>"),
        ("javascript-link", '<mj-text><a href="vbscript:msgbox(1)">x</a></mj-text>',
         "vbscript:"),
    ],
)
def test_active_content_is_an_error_with_its_code_and_line(code: str, body: str,
                                                           words: str) -> None:
    report = lint(_mjml(body))
    assert not report.ok
    found = [f for f in report.errors if f.code == code]
    assert found, report.to_json()
    assert found[0].line == 4
    assert words in found[0].message
    assert "empty-link" not in _codes(report.errors)  # its own code, not empty-link
    # The app shows the same finding in Russian.
    russian = finding_text(found[0], "ru")
    assert russian != found[0].message and "почтовые клиенты" in russian
    assert finding_text(found[0], "en") == found[0].message


def test_a_script_url_from_a_contact_value_is_caught_after_rendering() -> None:
    source = _mjml('<mj-button href="{{ shop.url }}">В магазин</mj-button>')
    report = lint(source, contexts=[("shop", CONTEXT)])
    assert "javascript-link" in _codes(report.errors)
    assert "empty-link" not in _codes(report.errors)


def test_comments_and_plain_words_are_not_active_content() -> None:
    source = _mjml("<mj-text>Наши objectives: <!-- <script>x()</script> --> "
                   "one=two, script и iframe</mj-text>")
    report = lint(source)
    assert report.ok, report.to_json()


def test_builtin_templates_have_no_active_content() -> None:
    from composer import builtin_templates

    for template in builtin_templates():
        codes = set(_codes(lint(template).errors))
        assert not codes & set(ACTIVE_CONTENT_CODES), (template.name, codes)


def test_json_keeps_its_three_fields() -> None:
    report = lint(_mjml("<mj-raw><script>x()</script></mj-raw>"))
    error = next(e for e in report.to_json()["errors"] if e["code"] == "script-tag")
    assert set(error) == {"code", "message", "line"}
    assert LintReport([Finding("a", "b", 1, {"x": 1})]).to_json()["errors"] == [
        {"code": "a", "message": "b", "line": 1}]
