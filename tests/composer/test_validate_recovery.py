"""An unclosed content tag (mj-text, mj-button, ...) is reported once, where it ends."""

from __future__ import annotations

from composer import validate_mjml


def _errors(source: str) -> list[tuple[int, str]]:
    return [(i.line, i.message) for i in validate_mjml(source) if i.severity == "error"]


def test_misspelt_closing_tag_is_one_error_on_its_line() -> None:
    source = (
        "<mjml>\n<mj-body>\n<mj-section>\n<mj-column>\n"
        "<mj-text>Привет</mj-texte>\n"
        "</mj-column>\n</mj-section>\n</mj-body>\n</mjml>\n"
    )
    errors = _errors(source)
    assert len(errors) == 1
    line, message = errors[0]
    assert line == 5
    assert "</mj-texte>" in message and "<mj-text>" in message


def test_missing_closing_tag_is_reported_at_the_parent_close() -> None:
    source = (
        "<mjml>\n<mj-body>\n<mj-section>\n<mj-column>\n"
        "<mj-button href=\"https://example.ru\">Купить\n"
        "</mj-column>\n</mj-section>\n</mj-body>\n</mjml>\n"
    )
    errors = _errors(source)
    assert errors == [
        (6, "closing tag </mj-column> does not match <mj-button> opened at line 5")
    ]


def test_unclosed_content_tag_at_the_end_still_reported() -> None:
    errors = _errors("<mjml><mj-body><mj-section><mj-column><mj-text>Привет")
    assert any("<mj-text> is never closed" in m for _, m in errors)
