"""The rendering pipeline: Jinja2 -> MJML (mjml-python) -> CSS inlining -> HTML, + text.

``render`` is the export path (CSS inlined); ``render_preview`` skips
inlining, which a browser does not need, for the live preview. Both validate
the MJML first (errors with line numbers) and never touch the network
(``fonts={}``: MRML would otherwise link Google Fonts).
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import jinja2
import mjml

from composer.brand import BrandKit
from composer.budget import render_budget
from composer.errors import (
    Issue,
    MjmlError,
    RenderBudgetError,
    TemplateRenderError,
    TemplateSyntaxError,
)
from composer.inline import inline_css
from composer.jinja import environment
from composer.mjml_source import to_engine
from composer.mjml_widths import (
    fix_heroes,
    fix_image_widths,
    official_heroes,
    official_image_widths,
    parse_attrs,
)
from composer.model import Template
from composer.text import html_to_text
from composer.validate import known_components, validate_mjml

logger = logging.getLogger(__name__)

# Any start tag, MJML or HTML inside mj-text: quoted values may hold '>'.
_TAG_RE = re.compile(
    r"<[A-Za-z][\w:.-]*(?:\s+[^\s=>/\"']+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?)*\s*/?>"
)
_NEWLINE_IN_VALUE_RE = re.compile(r'"[^"]*\n[^"]*"|\'[^\']*\n[^\']*\'')
_ALT_TAGS = ("mj-image", "mj-social-element", "mj-carousel-image")
_ALT_RE = re.compile(r"<(mj-image|mj-social-element|mj-carousel-image)\b([^>]*?)(/?)>", re.DOTALL)
_ATTR_NAME_RE = re.compile(
    r"(\s+)([^\s=>/\"']+)(\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?"
)
_PLAIN_NAME_RE = re.compile(r"^[A-Za-z_:][\w:.-]*$")
_STYLE_OPEN_RE = re.compile(r"(<style\b[^>]*?)\s*>(.*?</style>)", re.DOTALL | re.IGNORECASE)
_HTML_CONTENT_RE = re.compile(
    r"(<(mj-text|mj-button|mj-table|mj-raw|mj-navbar-link|mj-accordion-title|mj-accordion-text"
    r"|mj-social-element)\b[^>]*(?<!/)>)(.*?)(</\2\s*>)",
    re.DOTALL,
)
_NEWLINE_GAP_RE = re.compile(r"(?<=>)(?=\n\s*<)")
_RAW_START, _RAW_END = "<!--kv-raw{-->", "<!--}kv-raw-->"
_MJ_RAW_RE = re.compile(r"(<mj-raw\b[^>]*(?<!/)>)(.*?)(</mj-raw\s*>)", re.DOTALL)
_RAW_MARKED_RE = re.compile(re.escape(_RAW_START) + "(.*?)" + re.escape(_RAW_END), re.DOTALL)
_MJ_CLASS_RE = re.compile(r"(\smj-class\s*=\s*)(\"[^\"]*\s[^\"]*\"|'[^']*\s[^']*')")
_GROUP_COLUMN_RE = re.compile(
    r'(<div class="mj-outlook-group-fix mj-column-per-\d+-\d+" style="[^"]*?\bwidth:)'
    r"(\d+\.\d+)%"
)
_YAHOO_MEDIA_RE = re.compile(r"@media\s+screen\s*,\s*yahoo\b")
_HEAD_RE = re.compile(r"<mj-head\b[^>]*>", re.DOTALL)
_MJML_OPEN_RE = re.compile(r"<mjml\b[^>]*>", re.DOTALL)
_UNDEFINED_RE = re.compile(r"'([^']+)' is undefined|has no attribute '([^']+)'")


@dataclass(frozen=True)
class RenderResult:
    """One rendered email: final HTML, plain text, subject, preheader, warnings.

    ``text`` is generated from the HTML on first use (the live preview rarely
    needs it, and it costs as much as the rest of a preview).
    """

    html: str
    subject: str
    preheader: str
    warnings: list[str] = field(default_factory=list)
    text_override: str | None = None
    _text: list[str] = field(default_factory=list, repr=False, compare=False)

    @property
    def text(self) -> str:
        """The plain-text version (the override if the template has one)."""
        if self.text_override is not None:
            return self.text_override
        if not self._text:
            self._text.append(html_to_text(self.html))
        return self._text[0]


@lru_cache(maxsize=256)
def _compile(source: str, autoescape: bool) -> jinja2.Template:
    try:
        return environment(autoescape).from_string(source)
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateSyntaxError(exc.message or "template syntax error", exc.lineno) from None
    except RecursionError:
        raise TemplateSyntaxError("the template is nested too deeply to read") from None


def _template_line() -> int | None:
    """The template line of the exception being handled (Jinja rewrites tracebacks)."""
    tb = sys.exc_info()[2]
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def render_jinja(
    source: str, context: Mapping[str, Any], *, autoescape: bool = True, first_line: int = 1
) -> str:
    """Render Jinja2 ``source`` with ``context``; errors become composer errors with a line.

    ``first_line`` is the document line ``source`` starts at (for a piece).
    The render runs within the budget of the enclosing :func:`render_budget`
    (a new one if there is none); over budget it raises
    :class:`~composer.errors.RenderBudgetError`.
    """
    try:
        template = _compile(source, autoescape)
    except TemplateSyntaxError as exc:
        if exc.line is None or first_line == 1:
            raise
        raise TemplateSyntaxError(exc.message, exc.line + first_line - 1) from None
    shift = first_line - 1
    try:
        with render_budget() as budget:
            text = template.render(dict(context))
            budget.add_output(len(text))
            return text
    except RenderBudgetError as exc:
        line = exc.line if exc.line is not None else _template_line()
        raise RenderBudgetError(exc.kind, exc.limit, _shifted(line, shift),
                                in_loop=exc.in_loop) from None
    except RecursionError:
        raise RenderBudgetError("recursion", 0, _shifted(_template_line(), shift)) from None
    except MemoryError:
        raise RenderBudgetError("memory", 0, _shifted(_template_line(), shift)) from None
    except jinja2.UndefinedError as exc:
        line = _template_line()
        line = None if line is None else line + shift
        match = _UNDEFINED_RE.search(str(exc))
        variable = (match.group(1) or match.group(2)) if match else None
        what = f"variable {variable!r} has no value" if variable else str(exc)
        raise TemplateRenderError(
            f"{what}: give it a fallback, e.g. {{{{ {variable or 'x'} | default('…') }}}}",
            line,
            variable,
        ) from None
    except jinja2.TemplateError as exc:
        raise TemplateRenderError(str(exc), _shifted(_template_line(), shift)) from None
    except (TypeError, ValueError, ArithmeticError, LookupError, AttributeError) as exc:
        raise TemplateRenderError(
            f"template failed: {exc}", _shifted(_template_line(), shift)) from None


def _shifted(line: int | None, shift: int) -> int | None:
    return None if line is None else line + shift


def _first_attribute_wins(tag: str) -> str:
    """Drop repeated attributes of one start tag, keeping the first.

    Official MJML (htmlparser2), like browsers, keeps the first of two equal
    attribute names; MRML keeps the last, so ``font-size="12px" ...
    font-size="14px"`` drew 14px instead of 12px.
    """
    seen: set[str] = set()

    def keep(attr: re.Match[str]) -> str:
        name = attr.group(2).lower()
        if name in seen:
            return ""
        seen.add(name)
        return attr.group(0)

    name_end = re.match(r"<[A-Za-z][\w:.-]*", tag)
    if name_end is None:
        return tag
    names = [m.group(2) for m in _ATTR_NAME_RE.finditer(tag, name_end.end())]
    if len(names) < 2 or not all(_PLAIN_NAME_RE.match(n) for n in names):
        return tag  # nothing to drop, or ESP tags between attributes: leave them be
    return tag[: name_end.end()] + _ATTR_NAME_RE.sub(keep, tag[name_end.end() :])


def _alt_defaults(text: str) -> set[str]:
    """Tags whose ``alt`` comes from ``mj-attributes`` (or every tag: mj-all, mj-class)."""
    found: set[str] = set()
    for block in re.findall(r"<mj-attributes\b.*?</mj-attributes>", text, re.DOTALL):
        for tag, attrs in re.findall(r"<(mj-[\w-]+)\b([^>]*)>", block):
            if "alt" in parse_attrs(attrs):
                found.update(_ALT_TAGS if tag in ("mj-all", "mj-class") else (tag,))
    return found


def _fix_mjml(mjml_text: str, preheader: str, subject: str) -> str:
    """Source fixes so MRML draws like official MJML (see the fidelity benchmark)."""

    def clean_tag(tag: re.Match[str]) -> str:
        # Official MJML collapses line breaks inside attribute values; MRML writes
        # them out as a literal backslash-n (a multi-line style="" then breaks).
        text = tag.group(0)
        if "\n" in text:
            text = _NEWLINE_IN_VALUE_RE.sub(lambda v: re.sub(r"\s*\n\s*", " ", v.group(0)), text)
        return _first_attribute_wins(text) if text.count("=") > 1 else text

    text = _TAG_RE.sub(clean_tag, mjml_text)
    has_alt_default = _alt_defaults(text) if "<mj-attributes" in text else set()

    def add_alt(tag: re.Match[str]) -> str:
        # Official MJML writes alt="" on every image, social icon and carousel
        # image; MRML omits it (a broken-image icon shows where images are blocked).
        name, attrs = tag.group(1), tag.group(2)
        if name in has_alt_default or re.search(r"\salt\s*=", attrs):
            return tag.group(0)
        return f'<{name}{attrs} alt=""{tag.group(3)}>'

    text = _ALT_RE.sub(add_alt, text)

    def keep_gaps(element: re.Match[str]) -> str:
        # MRML drops a whitespace-only gap that starts with a line break between two
        # tags (links on separate lines ran together); official MJML keeps it, and
        # so does MRML once the gap starts with a space.
        content = element.group(3)
        if "\n" not in content or "<pre" in content:
            return element.group(0)
        return element.group(1) + _NEWLINE_GAP_RE.sub(" ", content) + element.group(4)

    text = _HTML_CONTENT_RE.sub(keep_gaps, text)
    if "<mj-raw" in text:
        # Mark raw content: MRML puts an mj-raw inside mj-wrapper into Outlook's
        # conditional comment, hiding it from every other client (see _fix_html).
        text = _MJ_RAW_RE.sub(
            lambda m: f"{m.group(1)}{_RAW_START}{m.group(2)}{_RAW_END}{m.group(3)}", text
        )
    text = official_image_widths(text)  # reads mj-class in official order: before the swap
    text = official_heroes(text)
    if "mj-class" in text:
        # Official MJML lets a later class override an earlier one; MRML keeps
        # the first class's value. Reversed, MRML picks what official MJML does.
        text = _MJ_CLASS_RE.sub(
            lambda m: f"{m.group(1)}{m.group(2)[0]}{' '.join(reversed(m.group(2)[1:-1].split()))}"
            f"{m.group(2)[0]}",
            text,
        )
    additions = ""
    if preheader and "<mj-preview" not in text:
        additions += f"<mj-preview>{_xml_escape(preheader)}</mj-preview>"
    if subject and "<mj-title" not in text:
        additions += f"<mj-title>{_xml_escape(subject)}</mj-title>"
    if additions:
        head = _HEAD_RE.search(text)
        if head:
            text = text[: head.end()] + additions + text[head.end() :]
        else:
            root = _MJML_OPEN_RE.search(text)
            if root:
                text = text[: root.end()] + f"<mj-head>{additions}</mj-head>" + text[root.end() :]
    return text


def _fix_html(html: str) -> str:
    """HTML fixes after MRML so the result draws like official MJML's."""
    # Official MJML writes the carousel's Yahoo rule as "@media screen yahoo", an
    # invalid query no client applies; MRML's "screen,yahoo" matches every screen
    # and hides the carousel arrows (the image then fills their space).
    html = _YAHOO_MEDIA_RE.sub("@media screen yahoo", html)
    html = fix_heroes(fix_image_widths(html))
    if _RAW_START in html:
        html = _unhide_raw(html)

    def mobile_width(match: re.Match[str]) -> str:
        # A column without width in an mj-group keeps ``parseInt(100 / n)%`` as its
        # own (mobile) width in official MJML; MRML writes 14.285714%, so a row of
        # seven icons on a phone came out 2 px apart.
        share = float(match.group(2))
        for count in range(3, 51):
            if abs(share - 100 / count) < 1e-4:
                return f"{match.group(1)}{int(100 / count)}%"
        return match.group(0)

    return _GROUP_COLUMN_RE.sub(mobile_width, html)


def _unhide_raw(html: str) -> str:
    """Close Outlook's conditional comment around raw content MRML put inside one.

    Official MJML writes an mj-raw of a wrapper between the conditional
    comments, so every client shows it; elsewhere the markers just go.
    """
    out: list[str] = []
    pos = 0
    for match in _RAW_MARKED_RE.finditer(html):
        out.append(html[pos : match.start()])
        start = match.start()
        if html.rfind("<!--[if mso | IE]>", 0, start) > html.rfind("<![endif]-->", 0, start):
            out.append(f"<![endif]-->{match.group(1)}<!--[if mso | IE]>")
        else:
            out.append(match.group(1))
        pos = match.end()
    out.append(html[pos:])
    return "".join(out)


def _keep_interactive_css_out(html: str) -> str:
    """Mark the carousel's ``<style>`` so the inliner leaves it in the head only.

    Official MJML inlines nothing but ``mj-style inline``. Inlined here, the
    carousel's ``display:none !important`` lands on every arrow and thumbnail
    and beats the ``:checked`` rules that show them (arrows vanish, the page
    narrows). Media queries in the same block are never inlined anyway.
    """
    return _STYLE_OPEN_RE.sub(
        lambda m: m.group(0) if ".mj-carousel" not in m.group(2)
        else f'{m.group(1)} data-premailer="ignore">{m.group(2)}',
        html,
    )


def _xml_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def mjml_to_html(mjml_text: str) -> str:
    """Convert rendered MJML (no Jinja left) to HTML with mjml-python, offline."""
    try:
        return str(mjml.mjml2html(mjml_text, fonts={}, disable_comments=False))
    except Exception as exc:  # mjml-python raises bare exceptions without positions
        raise MjmlError([Issue(1, 1, f"MJML could not be rendered: {exc}")]) from None


VALIDATION_LEVELS = ("soft", "strict", "skip")
"""Official MJML's validation levels; ``soft`` (the default) renders and warns."""


def check_mjml(source: str, validation: str = "soft") -> list[Issue]:
    """Validate ``source`` at a validation level and return what to report as warnings.

    ``soft``: every finding is a warning (official MJML renders anyway);
    ``strict``: any finding raises :class:`MjmlError`; ``skip``: no check.
    ``mj-include`` is refused at every level (rendering reads no files).
    """
    if validation not in VALIDATION_LEVELS:
        raise ValueError(f"unknown validation level {validation!r}: soft, strict or skip")
    if validation == "skip":
        return []
    issues = validate_mjml(source)
    refused = [i for i in issues if i.severity == "error" and "mj-include" in i.message]
    if refused:
        raise MjmlError(refused)
    if validation == "strict":
        if issues:
            raise MjmlError([Issue(i.line, i.column, i.message) for i in issues])
        return []
    return [Issue(i.line, i.column, i.message, "warning") for i in issues]


def _render(
    template_or_mjml: Template | str,
    context: Mapping[str, Any],
    inline: bool,
    brand: BrandKit | None,
    jinja: bool = True,
    validation: str = "soft",
) -> RenderResult:
    if isinstance(template_or_mjml, Template):
        template = template_or_mjml
        parts = template.source_parts(brand)
        source = "".join(parts)
        subject_src, preheader_src = template.subject, template.preheader
        text_override = template.text_override
    else:
        source, subject_src, preheader_src, text_override = template_or_mjml, "", "", None
        parts = [source]
    issues = check_mjml(source, validation)
    if jinja:
        subject = render_jinja(subject_src, context, autoescape=False).strip()
        preheader = render_jinja(preheader_src, context, autoescape=False).strip()
        # Piece by piece: an edit to one block recompiles only that block.
        pieces, line = [], 1
        for part in parts:
            pieces.append(render_jinja(part, context, first_line=line))
            line += part.count("\n")
        rendered = "".join(pieces)
    else:
        subject, preheader, rendered = subject_src.strip(), preheader_src.strip(), source
    # The tolerant front end reads the MJML as official MJML does; MRML gets clean
    # MJML with placeholders for the authors' HTML, put back afterwards.
    engine = to_engine(rendered, known_components())
    html = engine.restore(_fix_html(mjml_to_html(_fix_mjml(engine.mjml, preheader, subject))))
    if inline:
        html = inline_css(_keep_interactive_css_out(html))
    text: str | None = None
    if text_override and not jinja:
        text = text_override
    elif text_override:
        text = render_jinja(text_override, context, autoescape=False)
    warnings = [f"line {i.line}: {i.message}" for i in issues]
    return RenderResult(html, subject, preheader, warnings, text)


def render(
    template_or_mjml: Template | str,
    context: Mapping[str, Any],
    *,
    inline: bool = True,
    brand: BrandKit | None = None,
    jinja: bool = True,
    validation: str = "soft",
) -> RenderResult:
    """Render a template (or MJML source with Jinja) for one context.

    Raises :class:`~composer.errors.MjmlError` (invalid MJML, with line and
    column), :class:`~composer.errors.TemplateSyntaxError` or
    :class:`~composer.errors.TemplateRenderError` (with the template line).
    ``brand`` draws block templates (default: the demo brand kit).
    ``jinja=False`` skips the Jinja step: for MJML that already holds an ESP's
    own tags (they come out of inlining unchanged). ``validation`` is official
    MJML's level: ``soft`` (default: render, findings in ``warnings``),
    ``strict`` (any finding raises ``MjmlError``) or ``skip``. The Jinja step
    runs within a render budget (:mod:`composer.budget`); over it raises
    :class:`~composer.errors.RenderBudgetError`.
    """
    with render_budget():
        return _render(template_or_mjml, context, inline, brand, jinja, validation)


def render_preview(
    template_or_mjml: Template | str,
    context: Mapping[str, Any],
    *,
    brand: BrandKit | None = None,
    jinja: bool = True,
    validation: str = "soft",
) -> RenderResult:
    """The live preview path: same as :func:`render` without CSS inlining.

    A browser applies ``<style>`` itself, so the preview looks the same and
    costs a fraction (inlining is most of the export time).
    """
    with render_budget():
        return _render(template_or_mjml, context, False, brand, jinja, validation)
