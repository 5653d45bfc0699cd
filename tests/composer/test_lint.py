"""Each lint code is triggered by a template made for it; a clean template passes."""

from __future__ import annotations

import pytest

from composer import (
    FooterBlock,
    HeaderBlock,
    HeadingBlock,
    HeroBlock,
    Template,
    TextBlock,
    lint,
)
from composer.lint import GMAIL_CLIP_BYTES

CLEAN = Template(
    name="clean",
    subject="Новая коллекция уже в магазине",
    preheader="Платья, тренчи и свитеры из натуральных тканей",
    blocks=(
        HeaderBlock(),
        HeadingBlock("Привет, {{ first_name | default('друг') }}!"),
        TextBlock("Мы подготовили для вас подборку."),
        FooterBlock(),
    ),
)


def _mjml(body: str, head: str = "") -> str:
    return (
        f"<mjml><mj-head>{head}<mj-title>Тема письма</mj-title>"
        "<mj-preview>Прехедер письма</mj-preview></mj-head>\n<mj-body>\n"
        "<mj-section><mj-column>\n"
        f"{body}\n"
        '<mj-text><a href="{{ unsubscribe_url }}">Отписаться</a></mj-text>\n'
        "</mj-column></mj-section>\n</mj-body></mjml>\n"
    )


def _codes(report_part: list) -> list[str]:  # type: ignore[type-arg]
    return [f.code for f in report_part]


def test_clean_template_passes() -> None:
    report = lint(CLEAN)
    assert report.ok
    assert report.errors == [] and report.warnings == []
    assert lint(_mjml("<mj-text>Простой текст</mj-text>")).to_json() == {
        "errors": [], "warnings": []}


@pytest.mark.parametrize(
    ("code", "source", "line"),
    [
        ("undefined-variable", _mjml("<mj-text>{{ loyalty_level }}</mj-text>"), 4),
        ("undefined-variable", _mjml("<mj-text>{{ first_name }}</mj-text>"), 4),
        ("empty-link", _mjml('<mj-button href="#">Купить</mj-button>'), 4),
        ("relative-url", _mjml('<mj-image src="/img/a.png" alt="a" />'), 4),
    ],
)
def test_error_codes(code: str, source: str, line: int) -> None:
    report = lint(source)
    assert not report.ok
    found = [f for f in report.errors if f.code == code]
    assert found, report.to_json()
    assert found[0].line == line


def test_mjml_problem_is_a_warning_at_soft_level_and_an_error_at_strict() -> None:
    # Official MJML's default (soft) renders an unknown element and reports it.
    source = _mjml("<mj-text>a</mj-text>\n<mj-txt>b</mj-txt>")
    soft = lint(source)
    assert soft.ok, soft.to_json()
    assert [(f.code, f.line) for f in soft.warnings] == [("mjml-warning", 5)]
    strict = lint(source, validation="strict")
    assert [(f.code, f.line) for f in strict.errors] == [("mjml-error", 5)]
    assert lint(source, validation="skip").to_json() == {"errors": [], "warnings": []}


def test_template_syntax_error_has_line() -> None:
    report = lint(_mjml("<mj-text>{% if x %}</mj-text>"))
    assert _codes(report.errors) == ["template-syntax"]


def test_missing_unsubscribe() -> None:
    source = _mjml("<mj-text>x</mj-text>").replace(
        '<mj-text><a href="{{ unsubscribe_url }}">Отписаться</a></mj-text>', "")
    assert "missing-unsubscribe" in _codes(lint(source).errors)


def test_empty_link_after_rendering() -> None:
    source = _mjml('<mj-button href="{{ promo_code | default(\'\') }}x">Купить</mj-button>')
    report = lint(source, contexts=[("empty", {"promo_code": "", "unsubscribe_url": "#",
                                                 "shop": {}})])
    assert "empty-link" in _codes(report.errors)


def test_size_gmail_clip() -> None:
    text = "Очень длинный текст письма. " * (GMAIL_CLIP_BYTES // 40)
    report = lint(_mjml(f"<mj-text>{text}</mj-text>"))
    assert "size-gmail-clip" in _codes(report.errors)


def test_subject_length_empty_is_error_long_is_warning() -> None:
    empty = Template("t", subject="", preheader="p", blocks=CLEAN.blocks)
    assert "subject-length" in _codes(lint(empty).errors)
    long = Template("t", subject="Очень длинная тема письма, " * 4, preheader="p",
                    blocks=CLEAN.blocks)
    report = lint(long)
    assert report.ok and "subject-length" in _codes(report.warnings)


def test_warning_codes() -> None:
    template = Template(
        "t", subject="Только сегодня: FREE доставка!!!", preheader="",
        blocks=(HeroBlock("https://cdn.example.ru/a.jpg", alt=""), *CLEAN.blocks),
    )
    report = lint(template)
    assert report.ok
    assert {"image-alt", "preheader-missing", "spam-words"} <= set(_codes(report.warnings))
    spam = next(f for f in report.warnings if f.code == "spam-words")
    assert "только сегодня" in spam.message and "free" in spam.message
    image = next(f for f in report.warnings if f.code == "image-alt")
    assert image.line is not None
