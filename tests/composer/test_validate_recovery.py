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


def test_missing_closing_tag_is_reported_at_its_opening_line() -> None:
    source = (
        "<mjml>\n<mj-body>\n<mj-section>\n<mj-column>\n"
        "<mj-button href=\"https://example.ru\">Купить\n"
        "</mj-column>\n</mj-section>\n</mj-body>\n</mjml>\n"
    )
    errors = _errors(source)
    assert errors == [
        (5, "<mj-button> opened on line 5 is never closed (</mj-column> on line 6 comes first)")
    ]


def test_text_left_open_on_line_6_is_reported_on_line_6_not_where_noticed() -> None:
    lines = ["<mjml>", "<mj-body>", "<mj-section>", "<mj-column>", "<mj-image src=\"a.png\"/>",
             "<mj-text>Здравствуйте!", *["<p>строка</p>"] * 20,
             "</mj-column>", "</mj-section>", "</mj-body>", "</mjml>"]
    errors = _errors("\n".join(lines))
    assert [line for line, _ in errors] == [6]
    assert errors[0][1].startswith("<mj-text> opened on line 6 is never closed")


def test_unclosed_section_is_reported_where_it_opens() -> None:
    source = ("<mjml>\n<mj-body>\n<mj-wrapper>\n<mj-section>\n<mj-column>\n</mj-column>\n"
              "</mj-wrapper>\n</mj-body>\n</mjml>\n")
    errors = _errors(source)
    assert errors == [(4, "<mj-section> opened on line 4 is never closed "
                          "(</mj-wrapper> on line 7 closes its parent)")]


def test_unclosed_content_tag_at_the_end_still_reported() -> None:
    errors = _errors("<mjml><mj-body><mj-section><mj-column><mj-text>Привет")
    assert any("<mj-text> is never closed" in m for _, m in errors)


def test_text_left_open_before_the_next_text_is_reported_where_it_opens() -> None:
    """Its closing tag must not be taken from the next <mj-text> further down."""
    lines = ["<mjml>", "<mj-body>", "<mj-section>", "<mj-column>", "<mj-image src=\"a.png\"/>",
             "<mj-text>Здравствуйте!", "<p>строка</p>", "<mj-button href=\"https://a.ru\">Купить"
             "</mj-button>", "<mj-text>Ещё текст</mj-text>", "</mj-column>", "</mj-section>",
             "</mj-body>", "</mjml>"]
    errors = _errors("\n".join(lines))
    assert errors == [(6, "<mj-text> opened on line 6 is never closed "
                          "(<mj-button> on line 8 comes first)")]
