"""The test email (.eml): multipart/alternative, Cyrillic headers encoded."""

from __future__ import annotations

import email
import email.policy
from datetime import date
from pathlib import Path

import pytest

from composer import load_template, render, sample_personas
from previews import PreviewError, write_eml


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
    html_text = html.get_content()
    assert html_text.replace("\r\n", "\n") == result.html
    assert result.preheader in html_text  # the preheader travels inside the HTML


def test_eml_refuses_a_bad_address(tmp_path: Path) -> None:
    result = render(load_template(None, "abandoned_cart_1"),
                    sample_personas(today=date(2025, 11, 22))[0].context)
    with pytest.raises(PreviewError):
        write_eml(result, "nobody", "shop@konvert-demo.ru", tmp_path / "x.eml")
