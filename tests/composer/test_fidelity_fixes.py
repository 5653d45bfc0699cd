"""MRML -> official MJML fidelity fixes, each on a minimal MJML snippet.

The pixel comparison itself is ``benchmarks/fidelity.py`` (not in CI); these
tests pin the HTML property each fix produces.
"""

from __future__ import annotations

import re

from composer import render, render_preview

CAROUSEL = ("<mjml><mj-body><mj-section><mj-column><mj-carousel>"
            '<mj-carousel-image src="https://x.ru/1.png" />'
            '<mj-carousel-image src="https://x.ru/2.png" />'
            "</mj-carousel></mj-column></mj-section></mj-body></mjml>")


def _html(body: str, head: str = "") -> str:
    source = f"<mjml><mj-head>{head}</mj-head><mj-body>{body}</mj-body></mjml>"
    return render_preview(source, {}, jinja=False).html


def _image_widths(html: str) -> list[str]:
    return re.findall(r'<img[^>]*\swidth="([^"]+)"', html)


def test_image_wider_than_its_column_is_clamped_to_the_box() -> None:
    # 3 columns of 200px, image padding 25px each side: official box is 150px.
    image = '<mj-image src="a.png" width="184px" padding="0 25px" />'
    cols = "".join(f"<mj-column>{image}</mj-column>" for _ in range(3))
    html = _html(f"<mj-section>{cols}</mj-section>")
    assert _image_widths(html) == ["150", "150", "150"]
    assert "width:184px" not in html


def test_image_width_is_floored_like_parseint() -> None:
    # 600 * 33.333...% = 199.99...px -> parseInt 199 - 50 = 149 (MRML said 150).
    html = _html('<mj-section><mj-column width="33.333333%">'
                 '<mj-image src="a.png" width="150px" /></mj-column>'
                 '<mj-column width="66.666667%"><mj-text>x</mj-text></mj-column></mj-section>')
    assert _image_widths(html) == ["149"]
    # An image without width gets the whole box, a whole number (575 / 2 = 287.5).
    html = _html('<mj-section padding="0 25px 0 0"><mj-column><mj-image src="a.png" padding="0" />'
                 '</mj-column><mj-column><mj-text>x</mj-text></mj-column></mj-section>')
    assert _image_widths(html) == ["287"]


def test_image_width_uses_mj_attributes_cascade() -> None:
    head = ('<mj-attributes><mj-all padding="0px" /><mj-class name="big" width="500px" />'
            '<mj-section padding="0 100px" /></mj-attributes>')
    html = _html('<mj-section><mj-column><mj-image mj-class="big" src="a.png" /></mj-column>'
                 '</mj-section>', head)
    assert _image_widths(html) == ["400"]


def test_image_within_its_box_is_untouched() -> None:
    html = _html('<mj-section><mj-column><mj-image src="a.png" width="120px" /></mj-column>'
                 '</mj-section>')
    assert _image_widths(html) == ["120"]


def test_first_of_duplicate_attributes_wins() -> None:
    html = _html('<mj-section><mj-column><mj-text font-size="12px" color="#000" '
                 'font-size="14px">Привет</mj-text></mj-column></mj-section>')
    assert "font-size:12px" in html and "font-size:14px" not in html


def test_duplicate_check_leaves_esp_tags_between_attributes_alone() -> None:
    from composer.render import _first_attribute_wins

    tag = '<a {% if vip %}class="a"{% else %}class="b"{% endif %} href="#">'
    assert _first_attribute_wins(tag) == tag
    assert _first_attribute_wins('<a class="a" href="#" class="b">') == '<a class="a" href="#">'


def test_social_icons_and_carousel_images_get_empty_alt() -> None:
    html = _html('<mj-section><mj-column><mj-social>'
                 '<mj-social-element name="facebook" href="https://x.ru">F</mj-social-element>'
                 '</mj-social></mj-column><mj-column><mj-carousel>'
                 '<mj-carousel-image src="https://x.ru/1.png" />'
                 '</mj-carousel></mj-column></mj-section>')
    images = re.findall(r"<img\b[^>]*>", html)
    content = [i for i in images if "facebook" in i or "x.ru/1.png" in i]
    assert content and all(re.search(r'\balt=""', i) for i in content)


def test_alt_from_mj_attributes_is_not_overridden() -> None:
    head = '<mj-attributes><mj-image alt="Логотип" /></mj-attributes>'
    html = _html('<mj-section><mj-column><mj-image src="a.png" /></mj-column></mj-section>',
                 head)
    assert 'alt="Логотип"' in html


def test_carousel_yahoo_rule_stays_an_invalid_media_query() -> None:
    html = _html('<mj-section><mj-column><mj-carousel>'
                 '<mj-carousel-image src="https://x.ru/1.png" />'
                 '<mj-carousel-image src="https://x.ru/2.png" />'
                 '</mj-carousel></mj-column></mj-section>')
    assert "@media screen yahoo" in html
    assert not re.search(r"@media\s+screen\s*,\s*yahoo", html)
    exported = render(CAROUSEL, {}, jinja=False).html
    assert not re.search(r"@media\s+screen\s*,\s*yahoo", exported)


def test_export_does_not_inline_the_carousel_css() -> None:
    html = render(CAROUSEL, {}, jinja=False).html
    # The :checked rules must be able to show arrows and thumbnails: no inline
    # display:none !important on them, and the rules stay in the head.
    labels = re.findall(r"<label\b[^>]*>", html)
    assert labels and not any("display:none !important" in label for label in labels)
    assert ".mj-carousel-previous" in html and "data-premailer" not in html
    # Other CSS is still inlined (the export contract).
    assert re.search(r'<img[^>]*style="[^"]*border:0', html)


def test_group_columns_without_width_get_a_whole_percent_mobile_width() -> None:
    cols = "".join(f"<mj-column><mj-text>{i}</mj-text></mj-column>" for i in range(7))
    html = _html(f"<mj-section><mj-group>{cols}</mj-group></mj-section>"
                 '<mj-section><mj-group><mj-column width="30%"><mj-text>a</mj-text></mj-column>'
                 '<mj-column width="70%"><mj-text>b</mj-text></mj-column></mj-group></mj-section>')
    widths = re.findall(r'class="mj-outlook-group-fix mj-column-per-[^"]*" style="[^"]*?'
                        r'\bwidth:([^;"]+)', html)
    assert widths == ["14%"] * 7 + ["30%", "70%"]
    # The desktop media query keeps the exact share.
    assert re.search(r"\.mj-column-per-14-\d+ \{ width:14\.28\d*% !important", html)


def test_line_break_between_inline_tags_stays_a_space() -> None:
    html = _html('<mj-section><mj-column><mj-text>\n  <a href="#">Блог</a>\n'
                 '  <a href="#">События</a>\n</mj-text></mj-column></mj-section>')
    assert re.search(r"Блог</a>\s+<a", html)
    assert "Блог</a><a" not in html


def _inside_conditional(html: str, needle: str) -> bool:
    before = html[: html.index(needle)]
    return before.rfind("<!--[if mso | IE]>") > before.rfind("<![endif]-->")


def test_raw_content_of_a_wrapper_is_not_hidden_in_outlook_comments() -> None:
    html = _html("<mj-wrapper><mj-raw><p>Первый</p></mj-raw>"
                 "<mj-section><mj-column><mj-text>x</mj-text></mj-column></mj-section>"
                 "<mj-raw><!--[if mso]><b>Второй</b><![endif]--></mj-raw>"
                 "<mj-section><mj-column><mj-text>y</mj-text></mj-column></mj-section>"
                 "</mj-wrapper><mj-raw><p>Третий</p></mj-raw>")
    assert not _inside_conditional(html, "<p>Первый</p>")
    assert "<!--[if mso]><b>Второй</b><![endif]-->" in html
    assert not _inside_conditional(html, "<!--[if mso]><b>Второй</b>")
    assert "<p>Третий</p>" in html and "kv-raw" not in html
    # Every conditional comment opened is closed again.
    assert html.count("<!--[if ") == html.count("<![endif]-->")


def test_later_mj_class_overrides_an_earlier_one() -> None:
    head = ('<mj-attributes><mj-class name="red" color="#cc0000" font-size="20px" />'
            '<mj-class name="big" font-size="28px" /></mj-attributes>')
    html = _html('<mj-section><mj-column><mj-text mj-class="red big">А</mj-text>'
                 '<mj-text mj-class="big red">Б</mj-text></mj-column></mj-section>', head)
    styles = re.findall(r'<div style="([^"]*color:#cc0000[^"]*)"', html)
    assert len(styles) == 2
    assert "font-size:28px" in styles[0] and "font-size:20px" in styles[1]


def test_image_width_follows_the_later_mj_class() -> None:
    head = ('<mj-attributes><mj-class name="small" width="100px" />'
            '<mj-class name="wide" width="200px" /></mj-attributes>')
    html = _html('<mj-section><mj-column><mj-image mj-class="small wide" src="a.png" />'
                 '</mj-column></mj-section>', head)
    assert _image_widths(html) == ["200"]


def test_image_width_with_padding_left_override_is_not_clamped_by_mrml() -> None:
    # Official box: 600 - 0 (padding-left) - 25 (default right) = 575. MRML's own
    # box ignored padding-left and clamped to 550.
    html = _html('<mj-section padding="0"><mj-column><mj-image src="a.png" width="700px" '
                 'padding-left="0" /></mj-column></mj-section>')
    assert _image_widths(html) == ["575"]
    assert "width:575px" in html
    assert "kv-image-width" not in html and 'class=""' not in html


def test_image_css_class_survives_the_width_marker() -> None:
    head = '<mj-attributes><mj-image css-class="photo" /></mj-attributes>'
    html = _html('<mj-section><mj-column><mj-image src="a.png" /></mj-column></mj-section>'
                 '<mj-section><mj-column><mj-image css-class="own" src="b.png" />'
                 "</mj-column></mj-section>", head)
    assert re.findall(r'<td align="center" class="([^"]*)"', html) == ["photo", "own"]
