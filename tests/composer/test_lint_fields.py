"""A problem in the subject or preheader names that field, not "line 1" of the body."""

from __future__ import annotations

from dataclasses import replace

from composer import FooterBlock, HeadingBlock, Template, TextBlock, lint

BASE = Template(
    name="t",
    subject="Новинки недели",
    preheader="Платья и тренчи",
    blocks=(HeadingBlock("Привет!"), TextBlock("Подборка для вас."), FooterBlock()),
)


def test_syntax_error_in_the_subject_says_subject() -> None:
    report = lint(replace(BASE, subject="Скидка {% if %} для вас"))
    [finding] = report.errors
    assert finding.code == "template-syntax"
    assert finding.line is None
    assert finding.params["field"] == "subject"
    assert finding.message.startswith("subject: ")


def test_unknown_variable_only_in_the_preheader_says_preheader() -> None:
    report = lint(replace(BASE, preheader="Для {{ loyalty_level }}"))
    found = [f for f in report.errors if f.code == "undefined-variable"]
    assert [(f.line, f.params.get("field"), f.params.get("name")) for f in found] == [
        (None, "preheader", "loyalty_level")]


def test_render_error_in_the_subject_is_not_reported_at_line_1() -> None:
    report = lint(replace(BASE, subject="{{ 1 / 0 }}"))
    assert report.errors, report.to_json()
    assert all(f.line != 1 for f in report.errors)
    assert report.errors[0].params["field"] == "subject"


def test_body_errors_keep_their_lines() -> None:
    report = lint(replace(BASE, blocks=(TextBlock("{% if %}"), FooterBlock())))
    assert report.errors[0].line is not None and "field" not in report.errors[0].params
