"""The preview copy of an email's HTML: colour mode, images off or local, no scripts.

Plain string transforms (no Qt), applied to the rendered HTML just before it
is shown; the export path never sees them. Each colour mode is an
approximation of what mail clients do:

- ``light``: the email as written;
- ``dark``: what clients that honour ``prefers-color-scheme`` show (Apple
  Mail, Outlook for Mac and iOS): the email's own
  ``@media (prefers-color-scheme: dark)`` rules applied, nothing else changed;
- ``inverted``: forced inversion, as the Gmail and Outlook apps recolour
  emails without dark styles: the page inverted, pictures inverted back.
"""

from __future__ import annotations

import html
import re

from previews.images import inline_demo_images

COLOUR_MODES = ("light", "dark", "inverted")
"""Colour modes of the preview (see the module docstring)."""

_SCRIPT_RE = re.compile(r"<script\b[^>]*>.*?</script\s*>", re.IGNORECASE | re.DOTALL)
_ON_ATTR_RE = re.compile(r"\son[a-z]+\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+)", re.IGNORECASE)
_LINK_RE = re.compile(r"<link\b[^>]*>", re.IGNORECASE)
_IMPORT_RE = re.compile(r"@import\s+(?:url\([^)]*\)|\"[^\"]*\"|'[^']*')[^;{}<]*;?", re.IGNORECASE)
_DARK_MEDIA_RE = re.compile(
    r"@media\s*(?:screen\s+and\s*)?\(\s*prefers-color-scheme\s*:\s*dark\s*\)", re.IGNORECASE
)
_LIGHT_MEDIA_RE = re.compile(r"@media\s*\(\s*prefers-color-scheme\s*:\s*light\s*\)",
                             re.IGNORECASE)
_IMG_RE = re.compile(r"<img\b([^>]*?)/?>", re.IGNORECASE | re.DOTALL)
_ATTR_RE = re.compile(r"([\w:-]+)\s*=\s*(\"([^\"]*)\"|'([^']*)')", re.DOTALL)
_SCHEME_RE = re.compile(r"color-scheme[\"']?\s*(?:content=[\"'])?[^;>]*\bdark", re.IGNORECASE)
_HEAD_END_RE = re.compile(r"</head\s*>", re.IGNORECASE)

INVERT_CSS = (
    "html{filter:invert(1) hue-rotate(180deg);background:#fff}"
    "img,video,[style*='background-image']{filter:invert(1) hue-rotate(180deg)}"
)
"""Forced inversion: everything inverted, pictures inverted back."""

ALT_STYLE = (
    "display:inline-block;box-sizing:border-box;max-width:100%;padding:6px 8px;"
    "border:1px dashed #9aa3b1;color:#5f6b7c;background:#f6f7f9;"
    "font:13px/1.3 Arial,sans-serif;text-align:center"
)


def strip_scripts(text: str) -> str:
    """Remove ``<script>`` elements and ``on*=`` handlers (the preview runs no script)."""
    return _ON_ATTR_RE.sub("", _SCRIPT_RE.sub("", text))


def strip_links(text: str) -> str:
    """Remove ``<link>`` tags and CSS ``@import`` rules: the preview loads no fonts or CSS.

    A ``preconnect`` or ``dns-prefetch`` link would open a connection that no
    request interceptor sees; a stylesheet or web font is never loaded.
    """
    return _IMPORT_RE.sub("", _LINK_RE.sub("", text))


def images_off(text: str) -> str:
    """Replace every ``<img>`` by its alt text in a dashed box, as clients with images off."""

    def replace(match: re.Match[str]) -> str:
        attrs = {m.group(1).lower(): m.group(3) if m.group(3) is not None else m.group(4)
                 for m in _ATTR_RE.finditer(match.group(1))}
        alt = html.unescape(attrs.get("alt") or "")
        width = attrs.get("width", "")
        style = ALT_STYLE + (f";width:{width}px" if width.isdigit() else "")
        label = html.escape(alt) if alt else "&#8203;"
        return f'<span class="kv-alt" style="{style}">{label}</span>'

    return _IMG_RE.sub(replace, text)


def _add_style(text: str, css: str) -> str:
    tag = f'<style id="kv-preview">{css}</style>'
    match = _HEAD_END_RE.search(text)
    if match:
        return text[: match.start()] + tag + text[match.start():]
    return tag + text


def colour_mode(text: str, mode: str) -> str:
    """Apply colour ``mode`` (one of :data:`COLOUR_MODES`) to the preview copy."""
    if mode == "light":
        return text
    if mode == "dark":
        if not supports_dark(text):
            return text  # such clients show an email without dark support as designed
        # The page's own dark rules apply unconditionally; its light-only rules do not.
        text = _DARK_MEDIA_RE.sub("@media all", text)
        text = _LIGHT_MEDIA_RE.sub("@media not all", text)
        return _add_style(text, ":root{color-scheme:dark}")
    if mode == "inverted":
        return _add_style(text, INVERT_CSS)
    raise ValueError(f"unknown colour mode {mode!r}")


def supports_dark(text: str) -> bool:
    """Whether the email has dark rules or declares a dark ``color-scheme``."""
    return bool(_DARK_MEDIA_RE.search(text) or _SCHEME_RE.search(text))


def preview_copy(text: str, *, mode: str = "light", show_images: bool = True) -> str:
    """The HTML the preview shows: scripts and links removed, colour mode, images on or off.

    The demo shop's pictures come from the files shipped with Konvert (as
    ``data:`` URLs), so they show offline; other pictures load from the web.
    """
    text = strip_links(strip_scripts(text))
    text = images_off(text) if not show_images else inline_demo_images(text)
    return colour_mode(text, mode)
