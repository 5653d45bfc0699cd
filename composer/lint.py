"""Pre-export checks of a template (``template lint``), each finding with a stable code.

Errors (exit 1 in the CLI): ``mjml-error``, ``template-syntax``,
``undefined-variable``, ``render-limit`` (the render went over its budget),
``missing-unsubscribe``, ``empty-link``, ``relative-url``, ``size-gmail-clip``,
``subject-length`` (empty subject), and active content email clients strip or
block: ``script-tag``, ``iframe-tag``, ``object-tag`` (``<object>``,
``<embed>``, ``<applet>``), ``event-handler`` (``on*=`` attributes),
``javascript-link`` (``javascript:`` or ``vbscript:`` URLs).
Warnings: ``mjml-warning``, ``image-alt``, ``subject-length`` (too long),
``preheader-missing``, ``spam-words``.

MJML validation follows official MJML's levels: at ``soft`` (the default)
what the validator finds is reported as ``mjml-warning`` with its line and
the email is still rendered and checked; ``mjml-error`` is then left for MJML
that cannot be rendered at all. At ``strict`` every validator finding is an
``mjml-error``; ``skip`` runs no MJML validation.

Messages are English; :func:`finding_text` says the codes that have a
Russian text (:data:`RU_FINDINGS`) in Russian for the app.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from composer.brand import BrandKit
from composer.context import sample_personas
from composer.errors import (
    ComposerError,
    RenderBudgetError,
    TemplateRenderError,
    TemplateSyntaxError,
)
from composer.inline import TAG_DIALECTS
from composer.jinja import JINJA_TAG_RE, mask_jinja, undeclared_names
from composer.model import Template
from composer.render import VALIDATION_LEVELS, RenderResult, render, render_jinja
from composer.validate import validate_mjml
from composer.variables import ROOT_NAMES

GMAIL_CLIP_BYTES = 102 * 1024
"""Gmail clips a message whose HTML is larger than this."""
SUBJECT_MAX = 60
"""Longer subjects are cut in most inboxes (mobile shows about 35-40 characters)."""

SPAM_WORDS: tuple[str, ...] = (
    # Russian
    "бесплатно", "100%", "гарантия", "гарантируем", "срочно", "только сегодня", "выигрыш",
    "выиграли", "заработок", "заработать", "казино", "кредит", "без вложений", "халява",
    "деньги", "жми",
    # English
    "free", "winner", "cash", "guarantee", "click here", "act now", "urgent", "casino",
    "credit", "earn money", "no cost", "risk-free", "$$$", "!!!",
)
"""Words and marks spam filters and recipients distrust (a short list)."""

_UNSUBSCRIBE_RE = re.compile(
    r"unsubscribe_url|UnsubscribeUrl|\*\|UNSUB\|\*|\$\{\s*Recipient\.UnsubscribeUrl|"
    r"%%unsub_center_url%%|\[%\s*unsubscribe",
    re.IGNORECASE,
)
_ESP_TAG_RE = re.compile("|".join(f"(?:{p})" for p in TAG_DIALECTS.values()), re.DOTALL)
_HREF_SRC_RE = re.compile(r"<(a|img)\b[^>]*?\s(href|src)\s*=\s*(\"([^\"]*)\"|'([^']*)')",
                          re.IGNORECASE | re.DOTALL)
_MJ_HREF_RE = re.compile(r"<(mj-[a-z-]+|a)\b[^>]*?\s(href|src)\s*=\s*\"([^\"]*)\"", re.DOTALL)
_MJ_IMAGE_RE = re.compile(r"<mj-image\b([^>]*?)/?>", re.DOTALL)
_IMG_RE = re.compile(r"<img\b([^>]*?)/?>", re.DOTALL | re.IGNORECASE)
_ABSOLUTE_RE = re.compile(r"^(https?:|mailto:|tel:|data:|cid:)", re.IGNORECASE)
_COMMENT_RE = re.compile(r"<!--.*?-->", re.DOTALL)
_ACTIVE_TAG_RE = re.compile(r"<(script|iframe|object|embed|applet)\b", re.IGNORECASE)
_ANY_TAG_RE = re.compile(
    r"<([A-Za-z][\w:.-]*)((?:\s+[^\s=>/\"']+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?)*)\s*/?>"
)
_TAG_ATTR_RE = re.compile(r"\s+([^\s=>/\"']+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+))?")
_SCRIPT_URL_RE = re.compile(r"^(?:javascript|vbscript)\s*:", re.IGNORECASE)
_URL_NOISE_RE = re.compile(r"[\x00-\x20]+")
_TAG_CODES = {"script": "script-tag", "iframe": "iframe-tag", "object": "object-tag",
              "embed": "object-tag", "applet": "object-tag"}

ACTIVE_CONTENT_CODES = ("script-tag", "iframe-tag", "object-tag", "event-handler",
                        "javascript-link")
"""Codes of active content: scripts, frames, plug-ins, event handlers, script URLs."""

_EN_FINDINGS: dict[str, str] = {
    "script-tag": "<script> does not run in email: clients strip it or block the whole "
                  "message; remove it",
    "iframe-tag": "<iframe> does not show in email: clients strip it or block the whole "
                  "message; link to the page instead",
    "object-tag": "<{tag}> (embedded content) does not show in email: clients strip it or "
                  "block the whole message; use an image with a link",
    "event-handler": "the {attribute}= handler of <{tag}> is JavaScript: clients strip it or "
                     "block the whole message; remove it",
    "javascript-link": "{attribute}=\"{value}\" of <{tag}> runs a script: clients remove such "
                       "links or block the whole message; link to a web page (https://)",
}
RU_FINDINGS: dict[str, str] = {
    "script-tag": "<script> в письмах не работает: почтовые клиенты вырезают его или "
                  "блокируют всё письмо; уберите его",
    "iframe-tag": "<iframe> в письмах не показывается: почтовые клиенты вырезают его или "
                  "блокируют всё письмо; дайте ссылку на страницу",
    "object-tag": "<{tag}> (встроенное содержимое) в письмах не показывается: почтовые "
                  "клиенты вырезают его или блокируют всё письмо; поставьте картинку со "
                  "ссылкой",
    "event-handler": "обработчик {attribute}= у <{tag}> — это JavaScript: почтовые клиенты "
                     "вырезают его или блокируют всё письмо; уберите его",
    "javascript-link": "{attribute}=\"{value}\" у <{tag}> запускает скрипт: почтовые клиенты "
                       "удаляют такие ссылки или блокируют всё письмо; дайте ссылку на "
                       "страницу (https://)",
    "render-limit": "{ru}",
}
"""Russian texts of lint codes, filled from a finding's ``params``."""


@dataclass(frozen=True)
class Finding:
    """One lint finding: a stable ``code``, a message in plain words, a line if known.

    ``params`` are the values the message was made from (for
    :func:`finding_text`); equality ignores them.
    """

    code: str
    message: str
    line: int | None = None
    params: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def to_json(self) -> dict[str, Any]:
        """``{"code", "message", "line"}``."""
        return {"code": self.code, "message": self.message, "line": self.line}


def finding_text(finding: Finding, lang: str) -> str:
    """The message of ``finding`` in ``lang`` (``en`` or ``ru``; English when there is no text)."""
    template = RU_FINDINGS.get(finding.code) if lang == "ru" else None
    if template is None:
        return finding.message
    try:
        return template.format(**finding.params)
    except (KeyError, IndexError):
        return finding.message


@dataclass
class LintReport:
    """The result of :func:`lint`: errors block an export, warnings do not."""

    errors: list[Finding] = field(default_factory=list)
    warnings: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when there is no error."""
        return not self.errors

    def to_json(self) -> dict[str, list[dict[str, Any]]]:
        """``{"errors": [{"code", "message", "line"}], "warnings": [...]}``."""
        return {
            "errors": [f.to_json() for f in self.errors],
            "warnings": [f.to_json() for f in self.warnings],
        }


def _line_of(source: str, needle: str) -> int | None:
    if not needle:
        return None
    index = source.find(needle)
    return source.count("\n", 0, index) + 1 if index >= 0 else None


def _line_at(source: str, offset: int) -> int:
    return source.count("\n", 0, offset) + 1


def _set_names(source: str) -> set[str]:
    """Names a template assigns itself (set, for, macro), never undeclared."""
    names: set[str] = set()
    for match in re.finditer(r"\{%-?\s*(?:set|for)\s+([\w\s,]+?)\s*(?:=|in)\b", source):
        names.update(n.strip() for n in match.group(1).split(","))
    return names


def _is_script_url(value: str) -> bool:
    """Whether a URL runs a script (``javascript:``/``vbscript:``, as browsers read it)."""
    return bool(_SCRIPT_URL_RE.match(_URL_NOISE_RE.sub("", html.unescape(value))))


def _visible_text(result: RenderResult) -> str:
    return f"{result.subject}\n{result.preheader}\n{result.text}"


class _Linter:
    def __init__(self, template: Template, brand: BrandKit,
                 contexts: Sequence[tuple[str, Mapping[str, Any]]],
                 validation: str = "soft") -> None:
        self.validation = validation
        self.template = template
        self.brand = brand
        self.contexts = contexts
        self.source = template.source(brand)
        self.report = LintReport()
        self._seen: set[tuple[str, str, int | None]] = set()

    def add(self, error: bool, code: str, message: str, line: int | None = None,
            params: Mapping[str, Any] | None = None) -> None:
        key = (code, message, line)
        if key in self._seen:
            return
        self._seen.add(key)
        (self.report.errors if error else self.report.warnings).append(
            Finding(code, message, line, dict(params or {})))

    def add_active(self, code: str, line: int | None, **params: str) -> None:
        """An active-content error (``params``: tag, attribute, value as the code needs)."""
        self.add(True, code, _EN_FINDINGS[code].format(**params), line, params)

    def run(self) -> LintReport:
        source = self.source
        issues = [] if self.validation == "skip" else validate_mjml(source)
        for issue in issues:
            # mj-include is refused at every level: rendering reads no files.
            if self.validation == "strict" or (
                    issue.severity == "error" and "mj-include" in issue.message):
                self.add(True, "mjml-error", f"column {issue.column}: {issue.message}", issue.line)
            else:
                self.add(False, "mjml-warning", f"column {issue.column}: {issue.message}",
                         issue.line)
        # A problem in the subject, preheader or plain text names that field
        # (params["field"]), not "line 1" of the body.
        fields = {"subject": self.template.subject, "preheader": self.template.preheader,
                  "text": self.template.text_override or ""}
        undeclared = set()
        for where, part in (("", source), *fields.items()):
            try:
                undeclared |= undeclared_names(part)
            except Exception as exc:  # jinja2.TemplateSyntaxError; line from the exception
                message = str(getattr(exc, "message", exc))
                if where:
                    self.add(True, "template-syntax", f"{where}: {message}", None,
                             {"field": where, "message": message})
                else:
                    self.add(True, "template-syntax", message, getattr(exc, "lineno", None))
                return self.finish()
        for name in sorted(undeclared - ROOT_NAMES - _set_names(source)):
            line = None
            for match in JINJA_TAG_RE.finditer(source):
                if re.search(rf"\b{re.escape(name)}\b", match.group(0)):
                    line = _line_at(source, match.start())
                    break
            where = "" if line is not None else next(
                (f for f, part in fields.items() if re.search(rf"\b{re.escape(name)}\b", part)),
                "")
            self.add(True, "undefined-variable",
                     (f"{where}: " if where else "")
                     + f"{name} is not a Konvert variable (see the variables list)", line,
                     {"field": where, "name": name} if where else {"name": name})
        self.static_checks()
        results: list[RenderResult] = []
        if not self.report.errors:
            self.field_checks()
        if not self.report.errors:
            for label, context in self.contexts:
                try:
                    results.append(render(self.template, context, brand=self.brand,
                                          validation="skip"))
                except RenderBudgetError as exc:
                    self.add(True, "render-limit", str(exc), exc.line, {"ru": exc.text("ru")})
                    break  # the other contacts would take as long
                except TemplateRenderError as exc:
                    code = "undefined-variable" if exc.variable else "template-syntax"
                    self.add(True, code, f"{exc.message} (test contact: {label})", exc.line)
                except TemplateSyntaxError as exc:
                    self.add(True, "template-syntax", exc.message, exc.line)
                except ComposerError as exc:
                    self.add(True, "mjml-error", exc.message, exc.line)
        for result in results:
            self.html_checks(result)
        if results:
            self.text_checks(results[0])
        return self.finish()

    def finish(self) -> LintReport:
        return self.report

    def field_checks(self) -> None:
        """Render the subject and preheader alone, so their errors name the field."""
        if not self.contexts:
            return
        label, context = self.contexts[0]
        for where in ("subject", "preheader"):
            part = getattr(self.template, where)
            try:
                render_jinja(part, context, autoescape=False)
            except RenderBudgetError:
                return  # the whole render reports it
            except (TemplateRenderError, TemplateSyntaxError) as exc:
                code = ("undefined-variable" if getattr(exc, "variable", None)
                        else "template-syntax")
                self.add(True, code, f"{where}: {exc.message} (test contact: {label})", None,
                         {"field": where, "message": exc.message, "contact": label})

    def static_checks(self) -> None:
        source = self.source
        masked = mask_jinja(source)
        if not _UNSUBSCRIBE_RE.search(source) and not _UNSUBSCRIBE_RE.search(
                self.template.text_override or ""):
            self.add(True, "missing-unsubscribe",
                     "the email has no unsubscribe link: add the footer block or "
                     "a link to {{ unsubscribe_url }}")
        self.active_content(masked, with_lines=True)
        for match in _MJ_HREF_RE.finditer(masked):
            tag, attr, value = match.group(1), match.group(2), match.group(3).strip()
            line = _line_at(masked, match.start())
            if _is_script_url(value):
                continue  # javascript-link
            if attr == "href" and value in ("", "#"):
                self.add(True, "empty-link", f"<{tag}> links to {value or 'nothing'!r}", line)
            elif value and "\ue000" not in value and not _ABSOLUTE_RE.match(value) \
                    and not _ESP_TAG_RE.search(value):
                self.add(True, "relative-url",
                         f"{attr}=\"{value}\" of <{tag}> is not an absolute URL "
                         "(start it with https://)", line)
        defaults = [m.span() for m in re.finditer(r"<mj-attributes\b.*?</mj-attributes>", masked,
                                                   re.DOTALL)]
        for match in _MJ_IMAGE_RE.finditer(masked):
            if any(start <= match.start() < end for start, end in defaults):
                continue  # a default in <mj-attributes>, not an image
            alt = re.search(r"\salt\s*=\s*\"([^\"]*)\"", match.group(1))
            if not alt or not alt.group(1).strip():
                self.add(False, "image-alt",
                         "an image has no alt text (shown when images are blocked)",
                         _line_at(masked, match.start()))

    def active_content(self, text: str, *, with_lines: bool) -> None:
        """Scripts, frames, plug-ins, ``on*=`` handlers and script URLs in ``text``.

        ``text`` is the masked template source (findings get lines) or a
        rendered HTML (a value from a test contact; codes already found in
        the source are not repeated).
        """
        text = _COMMENT_RE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
        found = {f.code for f in self.report.errors} if not with_lines else set()

        def add(code: str, offset: int, **params: str) -> None:
            if code not in found:
                self.add_active(code, _line_at(text, offset) if with_lines else None, **params)

        for match in _ACTIVE_TAG_RE.finditer(text):
            tag = match.group(1).lower()
            add(_TAG_CODES[tag], match.start(), tag=tag)
        for match in _ANY_TAG_RE.finditer(text):
            tag = match.group(1).lower()
            for attr in _TAG_ATTR_RE.finditer(match.group(2)):
                name, raw = attr.group(1).lower(), attr.group(2) or ""
                value = html.unescape(raw[1:-1] if raw[:1] in "\"'" else raw)
                if name.startswith("on") and len(name) > 2 and name[2:].isalpha():
                    add("event-handler", match.start(), tag=tag, attribute=name)
                elif _is_script_url(value):
                    shown = value.strip()
                    shown = shown if len(shown) <= 40 else shown[:39] + "…"
                    add("javascript-link", match.start(), tag=tag, attribute=name, value=shown)

    def html_checks(self, result: RenderResult) -> None:
        self.active_content(result.html, with_lines=False)
        size = len(result.html.encode("utf-8"))
        if size > GMAIL_CLIP_BYTES:
            self.add(True, "size-gmail-clip",
                     f"the HTML is {size // 1024} KB; Gmail clips messages over 102 KB")
        for match in _HREF_SRC_RE.finditer(result.html):
            tag, attr = match.group(1).lower(), match.group(2).lower()
            value = (match.group(4) if match.group(4) is not None else match.group(5)).strip()
            if _ESP_TAG_RE.search(value) or _is_script_url(value):
                continue
            if attr == "href" and value in ("", "#"):
                self.add(True, "empty-link",
                         f"a link renders empty for a test contact (<{tag} {attr}=\"{value}\">)")
            elif attr == "src" and not value:
                self.add(True, "empty-link", "an image renders with no address")
            elif value and not _ABSOLUTE_RE.match(value):
                self.add(True, "relative-url",
                         f"{attr}=\"{value}\" is not an absolute URL (start it with https://)",
                         _line_of(self.source, value))
        for match in _IMG_RE.finditer(result.html):
            if not re.search(r"\salt\s*=", match.group(1)):
                self.add(False, "image-alt", "an image in the HTML has no alt attribute")

    def text_checks(self, result: RenderResult) -> None:
        subject = result.subject
        if not subject:
            self.add(True, "subject-length", "the subject is empty")
        elif len(subject) > SUBJECT_MAX:
            self.add(False, "subject-length",
                     f"the subject has {len(subject)} characters; inboxes show about "
                     f"{SUBJECT_MAX} (mobile 35-40)")
        if not result.preheader:
            self.add(False, "preheader-missing",
                     "no preheader: inboxes will show the first words of the email instead")
        text = _visible_text(result).lower()
        found = [w for w in SPAM_WORDS if (re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text)
                                          if w[0].isalnum() else w in text)]
        if found:
            self.add(False, "spam-words",
                     "words spam filters distrust: " + ", ".join(found))


def lint(
    template_or_mjml: Template | str,
    *,
    brand: BrandKit | None = None,
    contexts: Sequence[tuple[str, Mapping[str, Any]]] | None = None,
    validation: str = "soft",
) -> LintReport:
    """Run every pre-export check on a template (or raw MJML with Jinja).

    ``contexts`` are ``(label, context)`` pairs the template is rendered for
    (default: every sample persona), so a variable without a fallback is
    caught for the contact that lacks it. ``validation`` is the MJML
    validation level (``soft``, ``strict`` or ``skip``, see the module text).
    """
    if validation not in VALIDATION_LEVELS:
        raise ValueError(f"unknown validation level {validation!r}: soft, strict or skip")
    brand = brand or BrandKit()
    template = (
        template_or_mjml if isinstance(template_or_mjml, Template)
        else Template(name="mjml", mjml=template_or_mjml)
    )
    if isinstance(template_or_mjml, str):
        title = re.search(r"<mj-title[^>]*>(.*?)</mj-title>", template_or_mjml, re.DOTALL)
        preview = re.search(r"<mj-preview[^>]*>(.*?)</mj-preview>", template_or_mjml, re.DOTALL)
        template = Template(
            name="mjml", mjml=template_or_mjml,
            subject=title.group(1).strip() if title else "",
            preheader=preview.group(1).strip() if preview else "",
        )
    if contexts is None:
        contexts = [(p.label, p.context) for p in sample_personas(brand)]
    return _Linter(template, brand, contexts, validation).run()
