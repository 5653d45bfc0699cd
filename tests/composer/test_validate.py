"""MJML validation: the shared corpus passes, each kind of mistake is caught with its position."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from composer import MjmlError, render, validate_mjml
from tests.conftest import SHARED

CORPUS = SHARED / "corpus" / "mjml"
CORPUS_FILES = sorted(CORPUS.glob("*/*.mjml")) if CORPUS.is_dir() else []


def test_the_shared_corpus_is_there() -> None:
    """CI (KONVERT_CI=1, set by .ci/run) fails without the corpus; elsewhere it is a skip."""
    if CORPUS_FILES:
        assert len(CORPUS_FILES) >= 10
        return
    message = f"the shared MJML corpus is missing: no {CORPUS}/*/*.mjml"
    if os.environ.get("KONVERT_CI") == "1":
        pytest.fail(message)
    pytest.skip(message)


@pytest.mark.skipif(not CORPUS_FILES, reason="shared MJML corpus not present")
@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.name)
def test_corpus_file_validates_without_error_and_renders(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    errors = [i for i in validate_mjml(source) if i.severity == "error"]
    assert errors == []
    result = render(source, {}, inline=False, jinja=False)
    assert result.html.lower().startswith("<!doctype html>")


def _doc(body: str, head: str = "") -> str:
    return f"<mjml>\n<mj-head>{head}</mj-head>\n<mj-body>\n{body}\n</mj-body>\n</mjml>\n"


def _errors(source: str) -> list[tuple[int, int, str]]:
    return [(i.line, i.column, i.message) for i in validate_mjml(source) if i.severity == "error"]


def test_valid_document_has_no_issue() -> None:
    source = _doc('<mj-section><mj-column><mj-text color="#333">Привет</mj-text>'
                  "</mj-column></mj-section>")
    assert validate_mjml(source) == []


def test_unknown_tag_reported_with_line_and_column() -> None:
    source = _doc("<mj-section>\n  <mj-colum></mj-colum>\n</mj-section>")
    errors = _errors(source)
    assert errors[0][:2] == (5, 3)
    assert "mj-colum" in errors[0][2]


def test_mismatched_closing_tag() -> None:
    source = _doc("<mj-section><mj-column>\n</mj-section></mj-column>")
    errors = _errors(source)
    column_line = next(n for n, text in enumerate(source.splitlines(), 1) if "mj-column" in text)
    assert any("<mj-column> opened on line" in message and line == column_line
               for line, _c, message in errors)


def test_unclosed_element_and_unclosed_quote() -> None:
    assert any("never closed" in m for _l, _c, m in _errors("<mjml><mj-body>"))
    source = _doc('<mj-section background-color="#fff><mj-column></mj-column></mj-section>')
    assert any("no closing quote" in m for _l, _c, m in _errors(source))


def test_wrong_nesting_names_allowed_parents() -> None:
    source = _doc("<mj-text>outside a column</mj-text>")
    (line, _col, message), = _errors(source)
    assert line == 4
    assert "cannot be used inside <mj-body>" in message and "<mj-column>" in message


def test_unknown_attribute_is_an_error_and_bad_value_a_warning() -> None:
    source = _doc('<mj-section><mj-column><mj-text colour="red" align="middle">x</mj-text>'
                  "</mj-column></mj-section>")
    issues = validate_mjml(source)
    assert [(i.severity, "colour" in i.message) for i in issues if "colour" in i.message] == [
        ("error", True)]
    assert any(i.severity == "warning" and "align" in i.message for i in issues)


def test_ending_tag_content_is_not_parsed_and_jinja_is_masked() -> None:
    source = _doc(
        '<mj-section><mj-column><mj-text>Hi <br> {{ first_name | default("друг") }} &nbsp;'
        "<p>unclosed</mj-text>\n"
        "{% for item in cart.items %}<mj-image src=\"{{ item.image_url }}\" "
        "width=\"{{ w }}\" />{% endfor %}</mj-column></mj-section>"
    )
    assert validate_mjml(source) == []


def test_render_refuses_invalid_mjml_with_line_at_strict_level() -> None:
    source = _doc("<mj-section>\n<mj-column><mj-txt>x</mj-txt></mj-column></mj-section>")
    with pytest.raises(MjmlError) as info:
        render(source, {}, validation="strict")
    assert info.value.line == 5
    assert info.value.issues[0].column == 12
    # The default level (soft) renders, as official MJML does, and warns with the line.
    result = render(source, {})
    assert any(w.startswith("line 5: unknown element <mj-txt>") for w in result.warnings)
    assert render(source, {}, validation="skip").warnings == []
