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

Two premailer defaults are replaced here. Its cache (parsed style sheets,
parsed ``style`` attributes, compiled selectors) keeps entries by use count,
so in a long-running process the templates after the first few dozen never
get a slot and every inlining parses and compiles everything again (5-30x
slower): LRU caches of our own take its place, plus one for the rules of
each ``<style>`` block ready to apply. And premailer overwrites an element's ``align``, ``valign``,
``bgcolor``, ``width`` or ``height`` with a value derived from its CSS
(``align="center"`` became ``align="left"``): attributes already in the HTML
are kept as written, only missing ones are added (also the ``align`` of an
image floated left or right, which premailer found by parsing the style of
every image, a third of its time).
"""

from __future__ import annotations

import functools
import importlib
import importlib.util
import logging
import re
import sys
import threading
import types
from collections import OrderedDict
from typing import Any, Final

import cssutils

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

import premailer.merge_style as _merge_style_module  # noqa: E402  (after the stand-in)
import premailer.premailer as _premailer_module  # noqa: E402
from premailer import Premailer  # noqa: E402

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


def _no_fetch(url: str) -> None:
    """cssutils fetcher: never load an ``@import``ed sheet (no network, no files)."""
    logger.debug("not fetching %s while inlining", url)
    return None


@functools.lru_cache(maxsize=256)
def _parse_css(css_body: str, validate: bool = True) -> Any:
    parser = cssutils.CSSParser(fetcher=_no_fetch, validate=validate)
    return parser.parseString(css_body)


@functools.lru_cache(maxsize=4096)
def _selector(selector: str) -> Any:
    return _premailer_module.CSSSelector(selector)


_csstext_to_pairs_uncached = _merge_style_module.csstext_to_pairs.__wrapped__.__wrapped__


@functools.lru_cache(maxsize=16384)
def _csstext_to_pairs(csstext: str, validate: bool = True) -> Any:
    with _merge_style_module.csstext_to_pairs._lock:  # cssutils is not thread-safe
        return _csstext_to_pairs_uncached(csstext, validate=validate)


_csstext_to_pairs._lock = _merge_style_module.csstext_to_pairs._lock  # type: ignore[attr-defined]

# premailer looks these up as module globals on every use: its own versions
# share one use-count cache of 128 entries (see the module text).
PREMAILER_OWN_CACHED = {
    "_create_cssselector": _premailer_module._create_cssselector,
    "csstext_to_pairs": _merge_style_module.csstext_to_pairs,
}
"""premailer's own cached functions (``benchmarks/composer_batch.py`` compares)."""
_premailer_module._create_cssselector = _selector
_premailer_module.csstext_to_pairs = _csstext_to_pairs
_merge_style_module.csstext_to_pairs = _csstext_to_pairs


_STYLE_RULES: OrderedDict[tuple[str, int], tuple[Any, Any]] = OrderedDict()
_STYLE_RULES_MAX = 256
_STYLE_RULES_LOCK = threading.Lock()


class _Inliner(Premailer):  # type: ignore[misc]
    """premailer with LRU caches, an offline CSS parser, and author attributes left alone."""

    def _parse_css_string(self, css_body: str, validate: bool = True) -> Any:
        return _parse_css(css_body, validate)

    def _parse_style_rules(self, css_body: str, ruleset_index: int) -> tuple[Any, Any]:
        # The rules of a <style> block, ready to apply: same options every time
        # (see inline_css), so they depend on the CSS text and its position only.
        key = (css_body or "", ruleset_index)
        with _STYLE_RULES_LOCK:
            hit = _STYLE_RULES.get(key)
            if hit is not None:
                _STYLE_RULES.move_to_end(key)
                return list(hit[0]), list(hit[1])
        result = super()._parse_style_rules(css_body, ruleset_index)
        with _STYLE_RULES_LOCK:
            _STYLE_RULES[key] = (tuple(result[0]), tuple(result[1]))
            while len(_STYLE_RULES) > _STYLE_RULES_MAX:
                _STYLE_RULES.popitem(last=False)
        return result[0], result[1]

    def _style_to_basic_html_attributes(
        self, element: Any, style_content: str, force: bool = False
    ) -> None:
        super()._style_to_basic_html_attributes(element, style_content, force=False)


_FLOAT_IMG_RE = re.compile(
    r"<img\b[^>]*?\sstyle=\"[^\"]*?(?<![\w-])float\s*:\s*(left|right)\b[^>]*>", re.IGNORECASE)


def _align_floating_image(match: re.Match[str]) -> str:
    """``align`` for an image floated left or right (Outlook reads no float), if it has none."""
    tag = match.group(0)
    if re.search(r"\salign\s*=", tag, re.IGNORECASE):
        return tag
    return re.sub(r"^<img\b", f'<img align="{match.group(1).lower()}"', tag, flags=re.IGNORECASE)


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


def inline_css(html: str) -> str:
    """Inline the ``<style>`` CSS of ``html`` into ``style`` attributes.

    ``@media`` rules and the style tags stay (responsive layout needs them),
    the doctype is kept, and template/ESP tags come out unchanged.
    """
    doctype_match = _DOCTYPE_RE.match(html)
    protected, tags = protect_tags(html)
    inliner = _Inliner(
        protected,
        allow_network=False,
        keep_style_tags=True,
        strip_important=False,
        disable_link_rewrites=True,
        disable_validation=True,
        cssutils_logging_level=logging.CRITICAL,
        align_floating_images=False,  # done below: premailer parses every image's style
    )
    result = _FLOAT_IMG_RE.sub(_align_floating_image, inliner.transform())
    result = restore_tags(result, tags)
    if doctype_match and not _DOCTYPE_RE.match(result):
        result = doctype_match.group(0).strip() + "\n" + result
    return result
