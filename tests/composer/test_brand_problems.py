"""Brand kit checks: the one set of rules the settings dialog and the command line share."""

from __future__ import annotations

from composer.brand import BrandKit, SocialLink
from composer.brand_problems import BrandProblem, brand_problems, is_hex_color, is_web_url


def test_colour_and_address_words() -> None:
    assert is_hex_color("#c8553d") and is_hex_color(" #C8553D ")
    assert not is_hex_color("red") and not is_hex_color("#C855") and not is_hex_color("C8553D")
    assert is_web_url("https://vk.com/x") and is_web_url("http://shop.ru")
    assert not is_web_url("/img/logo.png") and not is_web_url("vk.com/x")
    assert not is_web_url("https://") and not is_web_url("https://a b.ru")


def test_the_default_kit_is_fine_and_each_mistake_names_its_field() -> None:
    assert brand_problems(BrandKit()) == []
    bad = BrandKit(accent_color="red", logo_url="img/logo.png", heading_font="Georgia",
                   social=(SocialLink("", "https://t.me/x"),))
    assert brand_problems(bad) == [
        BrandProblem("logo_url", "url", "logo_url"),
        BrandProblem("accent_color", "color", "accent_color"),
        BrandProblem("heading_font", "fallback", "heading_font"),
        BrandProblem("social.0.label", "link_label", 1),
    ]


def test_messages_are_plain_english() -> None:
    [problem] = brand_problems(BrandKit(support_email="help at shop"))
    assert problem.message == "Support email: this does not look like an email address."
    [problem] = brand_problems(BrandKit(social=(SocialLink("VK", "vk.com/x"),)))
    assert problem.message.startswith("Social link 1: ")
