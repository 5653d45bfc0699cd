"""A template or a campaign made ready for one target: translated, rendered, checked.

:func:`prepare_template` and :func:`prepare_campaign` translate the
template's MJML, subject, preheader (and text, when the template has its
own) to the target's syntax (:mod:`esp.translate`), render the translated
MJML to final HTML through the composer (``jinja=False``: the target's tags
pass MJML and CSS inlining unchanged), check the result once more (Gmail's
102 KB clip, the unsubscribe link in the target's form) and refuse, with an
:class:`~esp.errors.ExportUsageError` naming the problem codes, when
something cannot be expressed, unless the caller chose per-recipient
rendering.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from composer import BrandKit, Template, load_brand_kit, load_template, render
from composer.errors import ComposerError
from esp.errors import ExportUsageError
from esp.payload import CampaignPayload, GroupPayload, Recipient, VariantPayload
from esp.translate import (
    TARGETS,
    TranslationReport,
    check_html,
    field_mapping,
    static_context,
    translate,
)


@dataclass(frozen=True)
class TranslatedTemplate:
    """The template's pieces in the target's syntax (before MJML rendering)."""

    template: Template
    mjml: str
    subject: str
    preheader: str
    text: str | None  # the template's own plain text, translated (None: generated)


def translate_template(template: Template, target: str, static: Mapping[str, Any],
                       mapping: Mapping[str, str], brand: BrandKit,
                       report: TranslationReport) -> TranslatedTemplate:
    """Translate body, subject, preheader and text of ``template`` into ``report``."""
    body = translate("".join(template.source_parts(brand)), target, static, mapping=mapping,
                     where="html", report=report)
    subject = translate(template.subject, target, static, mapping=mapping, where="subject",
                        mjml=False, report=report)
    preheader = translate(template.preheader, target, static, mapping=mapping,
                          where="preheader", mjml=False, report=report)
    text = None
    if template.text_override:
        text = translate(template.text_override, target, static, mapping=mapping,
                         where="text", mjml=False, report=report).text
    return TranslatedTemplate(template, body.text, subject.text.strip(),
                              preheader.text.strip(), text)


def render_translated(translated: TranslatedTemplate, subject: str,
                      preheader: str) -> tuple[str, str]:
    """Final HTML (MJML rendered, CSS inlined, tags kept) and plain text."""
    code = Template(name=translated.template.name, mjml=translated.mjml, subject=subject,
                    preheader=preheader, text_override=translated.text)
    try:
        result = render(code, {}, jinja=False)
    except ComposerError as exc:
        raise ExportUsageError(f"the translated template does not render: {exc}") from None
    return result.html, result.text


def _refuse(report: TranslationReport, what: str) -> None:
    codes = ", ".join(report.codes("error"))
    raise ExportUsageError(
        f"{what} cannot be expressed for {report.target}: {codes}. Change the template, "
        "send per recipient through Unisender Go, or render per recipient into files "
        "(export files --target plain); see the translation report")


def _check_target(target: str) -> None:
    if target not in TARGETS:
        raise ExportUsageError(f"unknown target {target!r}: choose one of {', '.join(TARGETS)}")


def prepare_template(engine: Engine | None, name: str, target: str, today: date, *,
                     per_recipient: bool = False,
                     template: Template | None = None) -> tuple[VariantPayload, TranslationReport]:
    """One template for ``target``: a single variant ``A`` with the template's subject."""
    _check_target(target)
    template = template or _load(engine, name)
    brand = load_brand_kit(engine)
    report = TranslationReport(target)
    translated = translate_template(template, target, static_context(engine, today),
                                    field_mapping(engine, target), brand, report)
    html, text = render_translated(translated, translated.subject, translated.preheader)
    check_html(html, target, report)
    if not report.ok and not per_recipient:
        _refuse(report, f"template '{template.name}'")
    return VariantPayload("A", translated.subject, translated.preheader, html, text), report


def _load(engine: Engine | None, name: str) -> Template:
    try:
        return load_template(engine, name)
    except ComposerError as exc:
        raise ExportUsageError(str(exc)) from None


def recipients(engine: Engine, emails: list[str]) -> tuple[Recipient, ...]:
    """Recipients with their canonical contact fields (and ``phone``) from the workspace."""
    from workspace.models import Contact

    found: dict[str, Recipient] = {}
    with Session(engine) as session:
        for start in range(0, len(emails), 500):
            chunk = emails[start:start + 500]
            for c in session.scalars(select(Contact).where(Contact.email.in_(chunk))):
                fields: dict[str, str] = {}
                for key in ("first_name", "last_name", "city", "phone"):
                    value = getattr(c, key)
                    if value:
                        fields[key] = str(value)
                if c.gender and c.gender != "unknown":
                    fields["gender"] = c.gender
                if c.birth_date:
                    fields["birth_date"] = c.birth_date.isoformat()
                fields["status"] = c.status
                found[c.email] = Recipient(c.email, fields)
    return tuple(found.get(e, Recipient(e)) for e in emails)


def prepare_campaign(engine: Engine, name: str, target: str, today: date, *,
                     per_recipient: bool = False,
                     freeze: bool = True,
                     groups: bool = True) -> tuple[CampaignPayload, TranslationReport]:
    """A campaign for ``target``: every variant translated and rendered, the groups.

    ``freeze`` freezes the groups first (an export); ``False`` uses the live
    split (a dry run); ``groups=False`` leaves the groups out (files). Raises
    :class:`ExportUsageError` naming the codes when the template cannot be
    expressed and ``per_recipient`` is not chosen.
    """
    from campaigns import CampaignError, freeze_groups, get_campaign, group_members

    _check_target(target)
    try:
        info = get_campaign(engine, name)
    except CampaignError as exc:
        raise ExportUsageError(str(exc)) from None
    template = _load(engine, info.template_name)
    brand = load_brand_kit(engine)
    static = static_context(engine, today)
    mapping = field_mapping(engine, target)
    report = TranslationReport(target)
    translated = translate_template(template, target, static, mapping, brand, report)
    variants = []
    for variant in info.variants:
        where = f"subject {variant.label}"
        subject = translate(variant.subject, target, static, mapping=mapping, where=where,
                            mjml=False, report=report).text.strip()
        preheader = translated.preheader
        if variant.preheader:
            preheader = translate(variant.preheader, target, static, mapping=mapping,
                                  where=f"preheader {variant.label}", mjml=False,
                                  report=report).text.strip()
        html, text = render_translated(translated, subject, preheader)
        check_html(html, target, report, where=f"html {variant.label}")
        variants.append(VariantPayload(variant.label, subject, preheader, html, text))
    if not report.ok and not per_recipient:
        _refuse(report, f"campaign '{info.name}'")
    members: dict[str, list[str]] = {}
    if groups:
        try:
            members = freeze_groups(engine, name, today) if freeze else group_members(
                engine, name, today)
        except CampaignError as exc:
            raise ExportUsageError(str(exc)) from None
    payload = CampaignPayload(
        campaign_id=info.id, campaign_name=info.name, target=target,
        from_name=template.sender(brand), from_email=brand.support_email,
        variants=tuple(variants),
        groups=tuple(GroupPayload(label, recipients(engine, emails))
                     for label, emails in members.items()),
        send_at=info.send_at, timezone=info.timezone, winner=info.winner)
    return payload, report

