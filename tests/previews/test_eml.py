"""The test email (.eml): multipart/alternative, Cyrillic headers encoded."""

from __future__ import annotations

import email
import email.policy
import re
from datetime import date
from pathlib import Path

import pytest

from composer import load_template, render, sample_personas
from previews import PreviewError, build_eml, write_eml
from workspace.demo.images import demo_image_path

_SRC_RE = re.compile(r'src="([^"]*)"')


def test_eml_parses_back_with_cyrillic_subject_and_both_parts(tmp_path: Path) -> None:
    persona = sample_personas(today=date(2025, 11, 22))[0]
    result = render(load_template(None, "abandoned_cart_2"), persona.context)
    path = write_eml(result, "Анна <anna@example.ru>", "shop@konvert-demo.ru",
                     tmp_path / "test.eml", from_name="Магазин «Сезон»")
    raw = path.read_bytes()
    # Headers are 7-bit on the wire: Cyrillic is RFC 2047 encoded.
    head = raw.split(b"\r\n\r\n", 1)[0]
    assert head.isascii() and b"=?utf-8?" in head.lower()
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert message["Subject"] == "−10% на вашу корзину: только 48 часов"
    assert message["From"].addresses[0].display_name == "Магазин «Сезон»"
    assert message["From"].addresses[0].addr_spec == "shop@konvert-demo.ru"
    assert message["To"].addresses[0].addr_spec == "anna@example.ru"
    assert message.get_content_type() == "multipart/alternative"
    plain = message.get_body(("plain",))
    html = message.get_body(("html",))
    assert plain is not None and html is not None
    assert "Анна" in plain.get_content()
    html_text = html.get_content().replace("\r\n", "\n")
    # The same HTML, but the demo pictures travel inside the message (cid:).
    assert _SRC_RE.sub('src=""', html_text) == _SRC_RE.sub('src=""', result.html)
    assert result.preheader in html_text  # the preheader travels inside the HTML
    parts = {part["Content-ID"].strip("<>"): part for part in message.walk()
             if part["Content-ID"]}
    sources = _SRC_RE.findall(html_text)
    assert sources and all(src.startswith("cid:") for src in sources)
    for src, original in zip(sources, _SRC_RE.findall(result.html), strict=True):
        local = demo_image_path(original)
        assert local is not None, original
        part = parts[src.removeprefix("cid:")]
        assert part.get_content_type() == "image/png" or local.suffix == ".jpg"
        assert part.get_content() == local.read_bytes()
    assert len(parts) == len(set(sources))  # each picture once


def test_eml_without_embedding_keeps_the_html_as_sent() -> None:
    result = render(load_template(None, "welcome_1"),
                    sample_personas(today=date(2025, 11, 22))[0].context)
    raw = build_eml(result, "anna@example.ru", "shop@konvert-demo.ru", embed_images=False)
    message = email.message_from_bytes(raw, policy=email.policy.default)
    html = message.get_body(("html",))
    assert html is not None
    assert html.get_content().replace("\r\n", "\n") == result.html
    assert not any(part["Content-ID"] for part in message.walk())


def test_eml_refuses_a_bad_address(tmp_path: Path) -> None:
    result = render(load_template(None, "abandoned_cart_1"),
                    sample_personas(today=date(2025, 11, 22))[0].context)
    with pytest.raises(PreviewError):
        write_eml(result, "nobody", "shop@konvert-demo.ru", tmp_path / "x.eml")
