"""What must be fixed in a brand kit before it is saved: one check for every front end.

Each :class:`BrandProblem` names the field, a ``code`` saying what is wrong and
the ``args`` a message needs, so the app can word it in Russian or English;
:attr:`BrandProblem.message` is the English wording for the command line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from composer.brand import BrandKit

__all__ = [
    "COLOR_FIELDS",
    "FONT_FIELDS",
    "GENERIC_FAMILIES",
    "URL_FIELDS",
    "BrandProblem",
    "brand_problems",
    "font_families",
    "is_hex_color",
    "is_web_url",
]

COLOR_FIELDS = (
    "primary_color", "accent_color", "background_color", "surface_color", "text_color",
    "muted_color",
)
"""Brand kit colours, in the order they are shown."""

URL_FIELDS = ("shop_url", "logo_url")
FONT_FIELDS = ("heading_font", "body_font")
GENERIC_FAMILIES = frozenset(
    {"serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui"}
)

_HEX_COLOR = re.compile(r"#[0-9A-Fa-f]{6}")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")

_ENGLISH = {
    "shop_name": "Shop name: please fill it in.",
    "url": "{0}: enter a full address starting with https:// (for example "
           "https://shop.example.ru).",
    "email": "Support email: this does not look like an email address.",
    "color": "{0}: a colour is # and six hex digits, like #C8553D.",
    "font": "{0}: choose a font.",
    "fallback": "{0}: end the list with serif or sans-serif, so mail apps without these "
                "fonts still show a similar one.",
    "link_label": "Social link {0}: give it a name (for example Telegram).",
    "link_url": "Social link {0}: enter a full address starting with https://.",
}


@dataclass(frozen=True)
class BrandProblem:
    """One thing that blocks saving a brand kit.

    ``field`` is a :class:`BrandKit` field name, or ``social.<row>.label`` /
    ``social.<row>.url``; ``code`` is a key of the messages ("url", "color",
    ...); ``arg`` is the field name or the 1-based social link number the
    message is about, when it needs one.
    """

    field: str
    code: str
    arg: str | int | None = None

    @property
    def message(self) -> str:
        """The problem in plain English."""
        return _ENGLISH[self.code].format(self.arg)


def is_hex_color(text: str) -> bool:
    """Whether ``text`` is a ``#RRGGBB`` colour."""
    return _HEX_COLOR.fullmatch(text.strip()) is not None


def is_web_url(text: str) -> bool:
    """Whether ``text`` is an absolute ``http://`` or ``https://`` address."""
    text = text.strip()
    if not text or any(ch.isspace() for ch in text):
        return False
    parts = urlsplit(text)
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def font_families(stack: str) -> list[str]:
    """The families of a CSS font stack, without quotes: ``"'A B', serif"`` -> ``[A B, serif]``."""
    return [name.strip().strip("'\"").strip() for name in stack.split(",") if name.strip()]


def brand_problems(kit: BrandKit) -> list[BrandProblem]:
    """What must be fixed in ``kit`` before it is saved (empty when it is fine)."""
    problems: list[BrandProblem] = []
    if not kit.shop_name.strip():
        problems.append(BrandProblem("shop_name", "shop_name"))
    for name in URL_FIELDS:
        if not is_web_url(getattr(kit, name)):
            problems.append(BrandProblem(name, "url", name))
    if kit.support_email.strip() and _EMAIL.fullmatch(kit.support_email.strip()) is None:
        problems.append(BrandProblem("support_email", "email"))
    for name in COLOR_FIELDS:
        if not is_hex_color(getattr(kit, name)):
            problems.append(BrandProblem(name, "color", name))
    for name in FONT_FIELDS:
        families = font_families(getattr(kit, name))
        if not families:
            problems.append(BrandProblem(name, "font", name))
        elif families[-1].lower() not in GENERIC_FAMILIES:
            problems.append(BrandProblem(name, "fallback", name))
    for row, link in enumerate(kit.social):
        if not link.label.strip():
            problems.append(BrandProblem(f"social.{row}.label", "link_label", row + 1))
        if not is_web_url(link.url):
            problems.append(BrandProblem(f"social.{row}.url", "link_url", row + 1))
    return problems
