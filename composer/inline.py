"""CSS inlining for final HTML, behind one function (:func:`inline_css`).

premailer is the design's choice (it is 40x slower than ``css-inline`` and
unreleased since 2021, hence one seam to swap it). Its default options break
MJML output, so they are set here once: no network, style tags kept (MJML's
responsive ``@media`` rules live there), ``!important`` kept, links left alone,
no CSS validation. It also drops the doctype, which is put back.

``allow_network=False`` only stops premailer loading ``<link>`` stylesheets:
cssutils, which parses the ``<style>`` blocks, still fetched every ``@import``
URL (an ``mj-font`` becomes one) with urllib, with no timeout. The CSS is
parsed here with a fetcher that returns nothing, so inlining never makes a
request; an ``@import`` stays in the style tag for the mail client.

premailer percent-encodes spaces inside ``href`` and ``src`` even with link
rewrites off (``{{ email }}`` would become ``{{%20email%20}}``), and its HTML
parser mangles ``<% %>``. So every template or ESP personalization tag is
swapped for an inert placeholder before inlining and restored byte for byte
afterwards.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
import re
import sys
import types
from functools import lru_cache
from typing import Any, Final

import cssutils  # type: ignore[import-untyped]

logger = logging.getLogger(__name__)


class _LazyRequests(types.ModuleType):
    """Stands in for ``requests`` until premailer really uses it (it never does here)."""

    def __getattr__(self, name: str) -> Any:
        sys.modules.pop("requests", None)
        real = importlib.import_module("requests")
        return getattr(real, name)


def _import_requests_lazily() -> None:
    """Let premailer's ``import requests`` defer the real import until first use.

    premailer needs ``requests`` only to fetch remote stylesheets, which is
    switched off here, and importing it (urllib3, charset detection) costs
    about a third of ``konvert template render``'s start. (``importlib``'s
    ``LazyLoader`` does not help: an ``import`` statement touches the module
    and loads it on Python 3.11.)
    """
    if "requests" in sys.modules or importlib.util.find_spec("requests") is None:
        return
    sys.modules["requests"] = _LazyRequests("requests")
    try:
        import premailer  # noqa: F401  (binds the stand-in)
    finally:
        if isinstance(sys.modules.get("requests"), _LazyRequests):
            del sys.modules["requests"]  # anyone else gets the real module


_import_requests_lazily()

from premailer import Premailer  # noqa: E402  (after the stand-in above)

TAG_DIALECTS: Final[dict[str, str]] = {
    "handlebars_triple": r"\{\{\{.*?\}\}\}",
    "jinja_expression": r"\{\{.*?\}\}",  # also Unisender, Liquid, Mustache, SendPulse
    "jinja_statement": r"\{%.*?%\}",
    "jinja_comment": r"\{#.*?#\}",
    "mindbox_expression": r"\$\{.*?\}",
    "mindbox_statement": r"@\{.*?\}",
    "mailchimp": r"\*\|.*?\|\*",
    "sendsay": r"\[%.*?%\]",
    "erb": r"<%.*?%>",
    "ampscript": r"%%\[.*?\]%%|%%=.*?=%%|%%[A-Za-z_][\w.]*%%",
}
"""Personalization tag syntaxes protected during inlining: name -> regex."""

_TAG_RE = re.compile("|".join(f"(?:{p})" for p in TAG_DIALECTS.values()), re.DOTALL)
_PLACEHOLDER_RE = re.compile(r"kvtag(\d+)z")
_DOCTYPE_RE = re.compile(r"^\s*<!doctype[^>]*>", re.IGNORECASE)


def protect_tags(html: str) -> tuple[str, list[str]]:
    """Replace every personalization tag with ``kvtag<N>z``; returns the text and the tags."""
    tags: list[str] = []

    def swap(match: re.Match[str]) -> str:
        tags.append(match.group(0))
        return f"kvtag{len(tags) - 1}z"

    # A placeholder-like text already in the HTML would be restored wrongly.
    if _PLACEHOLDER_RE.search(html):
        html = _PLACEHOLDER_RE.sub(lambda m: swap(m), html)
    return _TAG_RE.sub(swap, html), tags


def restore_tags(html: str, tags: list[str]) -> str:
    """Undo :func:`protect_tags`."""
    return _PLACEHOLDER_RE.sub(lambda m: tags[int(m.group(1))], html)


def _no_fetch(url: str) -> None:
    """cssutils fetcher: never load an ``@import``ed sheet (no network, no files)."""
    logger.debug("not fetching %s while inlining", url)
    return None


@lru_cache(maxsize=128)
def _parse_css_offline(css_body: str, validate: bool) -> Any:
    parser = cssutils.CSSParser(fetcher=_no_fetch, validate=validate)
    return parser.parseString(css_body)


class _OfflinePremailer(Premailer):  # type: ignore[misc]
    """Premailer whose CSS parser never fetches ``@import`` URLs."""

    def _parse_css_string(self, css_body: str, validate: bool = True) -> Any:
        return _parse_css_offline(css_body, validate)


def inline_css(html: str) -> str:
    """Inline the ``<style>`` CSS of ``html`` into ``style`` attributes.

    ``@media`` rules and the style tags stay (responsive layout needs them),
    the doctype is kept, and template/ESP tags come out unchanged.
    """
    doctype_match = _DOCTYPE_RE.match(html)
    protected, tags = protect_tags(html)
    inliner = _OfflinePremailer(
        protected,
        allow_network=False,
        keep_style_tags=True,
        strip_important=False,
        disable_link_rewrites=True,
        disable_validation=True,
        cssutils_logging_level=logging.CRITICAL,
    )
    result = restore_tags(inliner.transform(), tags)
    if doctype_match and not _DOCTYPE_RE.match(result):
        result = doctype_match.group(0).strip() + "\n" + result
    return result
