"""The preview copy of an email: scripts out, images off, colour modes (no Qt)."""

from __future__ import annotations

import pytest

from composer import load_template, render_preview, sample_personas
from ui.editor.preview_html import (
    INVERT_CSS,
    colour_mode,
    images_off,
    preview_copy,
    strip_scripts,
    supports_dark,
)


def test_scripts_and_handlers_are_removed() -> None:
    html = ('<p onclick="steal()">x</p><script>alert(1)</script>'
            "<SCRIPT type='text/javascript'>x()</SCRIPT><a href='y' onmouseover='z()'>k</a>")
    cleaned = strip_scripts(html)
    assert "script" not in cleaned.lower()
    assert "onclick" not in cleaned and "onmouseover" not in cleaned
    assert "<a href='y'>k</a>" in cleaned


def test_images_off_shows_alt_texts() -> None:
    html = ('<img src="https://cdn.example/a.jpg" alt="Платье &amp; шарф" width="140" />'
            "<img src='https://cdn.example/b.jpg'>")
    off = images_off(html)
    assert "<img" not in off and "cdn.example" not in off
    assert "Платье &amp; шарф" in off
    assert "width:140px" in off


def test_dark_mode_applies_the_emails_own_dark_rules() -> None:
    html = ("<html><head><style>@media (prefers-color-scheme: dark) { body { color: #fff } }"
            "@media (prefers-color-scheme: light) { body { color: #000 } }</style></head>"
            "<body></body></html>")
    dark = colour_mode(html, "dark")
    assert "@media all { body { color: #fff } }" in dark
    assert "@media not all { body { color: #000 } }" in dark
    assert "color-scheme:dark" in dark


def test_dark_mode_leaves_an_email_without_dark_support_as_designed() -> None:
    html = "<html><head><style>p{color:#000}</style></head><body><p>dark</p></body></html>"
    assert not supports_dark(html)
    assert colour_mode(html, "dark") == html


def test_forced_inversion_inverts_the_page_and_reverts_pictures() -> None:
    html = "<html><head></head><body><img src='x.jpg' alt=''></body></html>"
    inverted = colour_mode(html, "inverted")
    assert INVERT_CSS in inverted
    assert inverted.index(INVERT_CSS) < inverted.index("</head>")
    with pytest.raises(ValueError):
        colour_mode(html, "sepia")


def test_a_real_email_in_every_mode() -> None:
    result = render_preview(load_template(None, "abandoned_cart_1"),
                            sample_personas()[0].context)
    for mode in ("light", "dark", "inverted"):
        copy = preview_copy(result.html, mode=mode, show_images=False)
        assert "<img" not in copy
        assert "Ваша корзина ждёт вас" in copy
