"""The rendering pipeline: Jinja errors with lines, MRML fixes, inlining, text version."""

from __future__ import annotations

import re

import pytest

from composer import (
    TAG_DIALECTS,
    TemplateRenderError,
    TemplateSyntaxError,
    html_to_text,
    inline_css,
    render,
    render_preview,
    sample_personas,
)

DOC = """<mjml>
<mj-body>
<mj-section><mj-column>
<mj-text>Привет, {{ first_name | default('друг') }}!</mj-text>
<mj-button href="{{ shop.url }}/sale">В магазин</mj-button>
<mj-image src="https://cdn.example.ru/a.png" />
</mj-column></mj-section>
</mj-body>
</mjml>
"""


def _ctx(**extra: object) -> dict[str, object]:
    ctx = dict(sample_personas()[0].context)
    ctx.update(extra)
    return ctx


def test_default_applies_to_missing_and_empty_values() -> None:
    ctx = _ctx()
    del ctx["first_name"]
    assert "Привет, друг!" in render_preview(DOC, ctx).html
    assert "Привет, друг!" in render_preview(DOC, _ctx(first_name="")).html
    assert "Привет, Анна!" in render_preview(DOC, _ctx()).html


def test_undefined_variable_fails_with_line_and_name() -> None:
    source = DOC.replace("{{ first_name | default('друг') }}", "{{ first_name }}")
    ctx = _ctx()
    del ctx["first_name"]
    with pytest.raises(TemplateRenderError) as info:
        render(source, ctx)
    assert info.value.line == 4
    assert info.value.variable == "first_name"


def test_jinja_syntax_error_has_line() -> None:
    with pytest.raises(TemplateSyntaxError) as info:
        render(DOC.replace("{{ shop.url }}", "{{ shop.url }"), _ctx())
    assert info.value.line == 5


def test_values_are_escaped_and_sandboxed() -> None:
    html = render_preview(DOC, _ctx(first_name="<b>О'Нил & Ко</b>")).html
    assert "&lt;b&gt;" in html and "<b>О" not in html
    with pytest.raises(TemplateRenderError):
        render(DOC.replace("{{ shop.url }}", "{{ shop.__class__.__mro__ }}"), _ctx())


def test_mrml_fixes_alt_newlines_and_preheader() -> None:
    source = DOC.replace('<mj-text>', '<mj-text font-family="Arial,\n   sans-serif">')
    html = render_preview(source, _ctx()).html
    assert re.search(r'<img alt=""|<img[^>]* alt=""', html)
    assert "font-family:Arial, sans-serif" in html
    from composer import Template

    result = render_preview(Template("t", subject="Тема", preheader="Прехедер {{ email }}",
                                     mjml=DOC), _ctx())
    assert "Прехедер anna.smirnova@example.ru" in result.html
    assert "<title>Тема</title>" in result.html


def test_export_path_inlines_and_keeps_doctype_and_media_queries() -> None:
    source = DOC.replace("<mj-body>", '<mj-head><mj-style inline="inline">.x div '
                         '{ text-transform: uppercase }</mj-style></mj-head><mj-body>').replace(
        "<mj-text>", '<mj-text css-class="x">')
    final = render(source, _ctx()).html
    preview = render_preview(source, _ctx()).html
    assert final.lower().startswith("<!doctype html>")
    assert "@media only screen and (min-width:480px)" in final
    assert "!important" in final
    assert re.search(r'style="[^"]*text-transform:\s*uppercase', final)
    assert not re.search(r'style="[^"]*text-transform:\s*uppercase', preview)


@pytest.mark.parametrize("dialect", sorted(TAG_DIALECTS))
def test_inlining_keeps_every_tag_dialect_byte_for_byte(dialect: str) -> None:
    samples = {
        "handlebars_triple": "{{{ raw_html }}}",
        "jinja_expression": "{{ email | default('x') }}",
        "jinja_statement": "{% if first_name %}",
        "jinja_comment": "{# note #}",
        "mindbox_expression": "${ Recipient.FirstName }",
        "mindbox_statement": "@{ if Recipient.City != null }",
        "mailchimp": "*|FNAME|*",
        "sendsay": "[% anketa.member.email %]",
        "erb": "<%= user.name %>",
        "ampscript": "%%=v(@first name)=%%",
    }
    tag = samples[dialect]
    html = (
        "<!doctype html><html><head><style>p { color: red } "
        "@media (max-width:480px) { .a { width: 100% !important } }</style></head><body>"
        f'<p>Hi {tag}</p><a href="https://x.ru/?e={tag}&amp;b=1">{tag}</a>'
        f'<img src="{tag}" alt="{tag}"><div style="color: {tag};">x</div></body></html>'
    )
    out = inline_css(html)
    assert out.count(tag) == html.count(tag) == 6
    assert re.search(r'<p style="color:\s*red">', out)


def test_text_version_links_and_hidden_parts() -> None:
    html = render(DOC, _ctx()).html
    text = html_to_text(html)
    assert "Привет, Анна!" in text
    assert "В магазин (https://shop.konvert-demo.ru/sale)" in text
    assert "<" not in text
    hidden = html_to_text('<div style="display:none">скрыто</div><p>видно</p>')
    assert hidden.strip() == "видно"


def test_text_override_is_rendered() -> None:
    from composer import Template

    template = Template("t", subject="s", mjml=DOC, text_override="Текст для {{ email }}")
    assert render(template, _ctx()).text == "Текст для anna.smirnova@example.ru"


def test_block_template_error_line_points_into_the_full_source() -> None:
    from composer import FooterBlock, HeadingBlock, Template, TextBlock

    template = Template("t", subject="s", blocks=(
        HeadingBlock("Заголовок"), TextBlock("Текст {{ no_such_thing }}"), FooterBlock()))
    with pytest.raises(TemplateRenderError) as info:
        render(template, _ctx())
    lines = template.source().splitlines()
    assert "no_such_thing" in lines[(info.value.line or 0) - 1]


def test_multiline_attribute_inside_mj_text_keeps_its_style() -> None:
    # MRML writes a newline inside an HTML attribute as a literal backslash-n,
    # which breaks a multi-line style="" (found by the fidelity benchmark).
    source = DOC.replace(
        "<mj-text>Привет", '<mj-text><p\n  style="\n    color: #151e23;\n    margin: 10px 0;\n  "'
        ">Абзац</p>Привет")
    for html in (render(source, _ctx()).html, render_preview(source, _ctx()).html):
        assert "\\n" not in html
        assert re.search(r'<p\s+style="[^"]*color:\s*#151e23', html)
