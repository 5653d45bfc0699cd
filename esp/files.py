"""``export files``: final HTML, plain text, an ``.eml`` per variant and a ZIP with images.

For an ESP target the files hold the translated template (the ESP fills in
the tags); for ``plain`` every email is rendered per recipient of a small
contacts CSV (or for the sample recipient when no CSV is given), for a
target that cannot personalise. The ZIP holds the HTML with its images,
referenced relatively: the demo shop's pictures and ``file:`` images are
taken from disk, others downloaded once (short timeouts); when a download
fails (offline) the remote link is kept and listed in the report.
"""

from __future__ import annotations

import csv
import json
import logging
import re
import zipfile
from dataclasses import dataclass, field, replace
from datetime import date
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from composer import base_context, build_context, load_brand_kit, render
from composer.context import sample_personas
from composer.errors import ComposerError
from esp.errors import ExportError, ExportUsageError
from esp.history import finish_export, start_export
from esp.payload import VariantPayload
from esp.prepare import prepare_campaign, prepare_template
from esp.translate import TARGETS, TranslationReport
from workspace.pictures import PictureFetcher

log = logging.getLogger(__name__)

FILE_TARGETS = (*TARGETS, "plain")
MAX_CONTACTS = 200
"""``plain`` renders per recipient for a small list; more is a job for an ESP."""
_IMG_SRC_RE = re.compile(r"(<img\b[^>]*?\bsrc\s*=\s*)([\"'])(https?://[^\"'<>{}|*$@]+)\2",
                         re.IGNORECASE)
_HEADER_ALIASES = {
    "email": "email", "e-mail": "email", "почта": "email", "эл. почта": "email",
    "first_name": "first_name", "имя": "first_name", "firstname": "first_name",
    "last_name": "last_name", "фамилия": "last_name", "lastname": "last_name",
    "city": "city", "город": "city", "gender": "gender", "пол": "gender",
    "birth_date": "birth_date", "дата рождения": "birth_date",
    "promo_code": "promo_code", "промокод": "promo_code",
    "bonus_points": "bonus_points", "unsubscribe_url": "unsubscribe_url",
}


@dataclass
class ImageFile:
    """An image of the emails: downloaded into the ZIP or kept remote (with why)."""

    url: str
    file: str | None = None
    error: str | None = None
    source: str = "remote"
    """Where the ZIP's copy came from: ``downloaded``, ``local`` (the demo shop's pictures,
    ``file:`` URLs) or ``remote`` (not in the ZIP)."""

    def to_json(self) -> dict[str, Any]:
        return {"url": self.url, "file": self.file, "error": self.error, "source": self.source}


@dataclass
class FilesResult:
    """What ``export files`` wrote."""

    out_dir: Path
    target: str
    files: list[Path] = field(default_factory=list)
    zip_path: Path | None = None
    images: list[ImageFile] = field(default_factory=list)
    report: TranslationReport | None = None
    recipients: int = 0
    export_id: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "out": str(self.out_dir), "target": self.target,
            "files": [p.relative_to(self.out_dir).as_posix() for p in self.files],
            "zip": self.zip_path.relative_to(self.out_dir).as_posix() if self.zip_path else None,
            "images_downloaded": [i.to_json() for i in self.images if i.file],
            "images_kept_remote": [i.to_json() for i in self.images if not i.file],
            "recipients": self.recipients, "export_id": self.export_id,
            "report": self.report.to_json() if self.report else None,
        }


@dataclass(frozen=True)
class _Email:
    """One email to write: its file stem, the variant and who it is for."""

    stem: str
    variant: VariantPayload
    to: str


def slug(text: str) -> str:
    """A file-name-safe form of ``text`` (Cyrillic kept)."""
    cleaned = re.sub(r"[^\w.@-]+", "-", text, flags=re.UNICODE).strip("-.")
    return cleaned[:80] or "email"


def read_contacts(path: Path) -> list[dict[str, str]]:
    """Contacts of a small CSV (UTF-8 or Windows-1251; ``,`` ``;`` or tab; email required)."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ExportUsageError(f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1251", errors="replace")
    lines = text.splitlines()
    if lines and lines[0].lower().startswith("sep="):
        lines = lines[1:]
    if not lines:
        raise ExportUsageError(f"{path} is empty")
    delimiter = max((";", ",", "\t"), key=lambda d: lines[0].count(d))
    reader = csv.reader(lines, delimiter=delimiter)
    header = [_HEADER_ALIASES.get(h.strip().lower(), "") for h in next(reader)]
    if "email" not in header:
        raise ExportUsageError(f"{path} has no email column (email, e-mail or почта)")
    rows: list[dict[str, str]] = []
    for line_no, cells in enumerate(reader, start=2):
        if not any(c.strip() for c in cells):
            continue
        row = {name: cells[i].strip() for i, name in enumerate(header)
               if name and i < len(cells) and cells[i].strip()}
        if "@" not in row.get("email", ""):
            raise ExportUsageError(f"{path}, line {line_no}: no valid email")
        rows.append(row)
    if len(rows) > MAX_CONTACTS:
        raise ExportUsageError(
            f"{path} has {len(rows)} contacts; per-recipient files are for at most "
            f"{MAX_CONTACTS} (export the campaign to an ESP for more)")
    return rows


def _contact_context(engine: Engine | None, row: dict[str, str], today: date) -> dict[str, Any]:
    brand = load_brand_kit(engine)
    context: dict[str, Any]
    try:
        context = build_context(engine, row["email"], today=today, brand=brand) \
            if engine is not None else {}
    except ComposerError:
        context = {}
    if not context:
        context = base_context(brand, email=row["email"], today=today)
        context["recommended"] = sample_personas(brand, today)[0].context["recommended"]
    for key, value in row.items():
        if key == "bonus_points" and value.isdigit():
            context[key] = int(value)
        elif key != "email":
            context[key] = value
    return context


def _resolve(engine: Engine, name: str) -> tuple[str, Any]:
    """``("campaign", CampaignInfo)`` or ``("template", Template)`` for ``name``."""
    from campaigns import CampaignError, get_campaign
    from composer import load_template

    try:
        return "campaign", get_campaign(engine, name)
    except CampaignError:
        pass
    try:
        return "template", load_template(engine, name)
    except ComposerError:
        raise ExportUsageError(f"no campaign or template called {name!r}") from None


def _plain_emails(engine: Engine, kind: str, subject: Any, contacts: list[dict[str, str]],
                  today: date, stem: str) -> tuple[list[_Email], int]:
    """Every variant rendered for every contact (the sample recipient without a CSV)."""
    from composer import load_template

    if kind == "campaign":
        template = load_template(engine, subject.template_name)
        variants = [(v.label, v.subject, v.preheader or template.preheader)
                    for v in subject.variants]
    else:
        template = subject
        variants = [("", template.subject, template.preheader)]
    brand = load_brand_kit(engine)
    if contacts:
        people = [(row["email"], _contact_context(engine, row, today)) for row in contacts]
    else:
        persona = sample_personas(brand, today)[0]
        people = [(str(persona.context["email"]), persona.context)]
    emails: list[_Email] = []
    for email, context in people:
        for label, subject_src, preheader_src in variants:
            variant_template = replace(template, subject=subject_src, preheader=preheader_src)
            try:
                result = render(variant_template, context, brand=brand)
            except ComposerError as exc:
                raise ExportUsageError(f"{email}: {exc}") from None
            name = "-".join(p for p in (stem, label, slug(email)) if p)
            emails.append(_Email(name, VariantPayload(label or "A", result.subject,
                                                      result.preheader, result.html,
                                                      result.text), email))
    return emails, len(people)


def _eml(email: _Email, from_name: str, from_email: str) -> bytes:
    message = EmailMessage()
    message["From"] = str(Address(display_name=from_name, addr_spec=from_email))
    message["To"] = email.to
    message["Subject"] = email.variant.subject
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = make_msgid(domain=from_email.partition("@")[2] or "konvert.local")
    message["X-Unsent"] = "1"
    message.set_content(email.variant.text or " ", charset="utf-8")
    message.add_alternative(email.variant.html, subtype="html", charset="utf-8")
    return bytes(message)


def download_images(urls: list[str], *, online: bool = True,
                    timeout: float = 5.0) -> tuple[list[ImageFile], dict[str, bytes]]:
    """Take each image once (:class:`workspace.pictures.PictureFetcher`): the demo shop's
    pictures and ``file:`` URLs from disk, always; others downloaded when online."""
    images: list[ImageFile] = []
    data: dict[str, bytes] = {}
    with PictureFetcher(download=online, connect_timeout=min(timeout, 3.0),
                        read_timeout=timeout) as fetcher:
        for index, url in enumerate(urls, start=1):
            picture = fetcher.fetch(url)
            if picture.data is None:
                images.append(ImageFile(url, error=picture.error))
                continue
            name = f"images/{index:02d}-{picture.name}"
            data[name] = picture.data
            source = "downloaded" if picture.source == "downloaded" else "local"
            images.append(ImageFile(url, file=name, source=source))
    return images, data


def image_urls(htmls: list[str]) -> list[str]:
    """Absolute image URLs of ``htmls`` in order, each once (tags of ESPs left out)."""
    seen: dict[str, None] = {}
    for html in htmls:
        for match in _IMG_SRC_RE.finditer(html):
            seen.setdefault(match.group(3).replace("&amp;", "&"), None)
    return list(seen)


def localise_images(html: str, images: list[ImageFile]) -> str:
    """``html`` with downloaded images referenced relatively (``images/...``)."""
    local = {i.url: i.file for i in images if i.file}

    def swap(match: re.Match[str]) -> str:
        url = match.group(3).replace("&amp;", "&")
        if url in local:
            return f"{match.group(1)}{match.group(2)}{local[url]}{match.group(2)}"
        return match.group(0)

    return _IMG_SRC_RE.sub(swap, html)


def export_files(engine: Engine, name: str, out_dir: Path, *, target: str, today: date,
                 contacts_csv: Path | None = None, online: bool = True,
                 timeout: float = 5.0) -> FilesResult:
    """Write the files of a campaign or template for ``target`` into ``out_dir``.

    Refuses (:class:`ExportUsageError`, codes named) when an ESP target cannot
    express the template; ``plain`` renders per recipient instead. Recorded
    in the export history.
    """
    if target not in FILE_TARGETS:
        raise ExportUsageError(f"unknown target {target!r}: choose one of "
                               f"{', '.join(FILE_TARGETS)}")
    if contacts_csv is not None and target != "plain":
        raise ExportUsageError("--contacts is for --target plain (per-recipient files)")
    kind, subject = _resolve(engine, name)
    contacts = read_contacts(contacts_csv) if contacts_csv is not None else []
    stem = slug(subject.name)
    campaign_id = subject.id if kind == "campaign" else None
    export_id = start_export(engine, f"files:{target}", f"{kind} {subject.name}",
                             campaign_id=campaign_id, details={"out": str(out_dir)})
    result = FilesResult(out_dir, target, export_id=export_id)
    try:
        brand = load_brand_kit(engine)
        from_name, from_email = brand.from_name, brand.support_email
        if target == "plain":
            emails, result.recipients = _plain_emails(engine, kind, subject, contacts, today,
                                                      stem)
        elif kind == "campaign":
            payload, result.report = prepare_campaign(engine, subject.name, target, today,
                                                      freeze=False, groups=False)
            from_name, from_email = payload.from_name, payload.from_email
            emails = [_Email(f"{stem}-{v.label}", v, from_email) for v in payload.variants]
        else:
            variant, result.report = prepare_template(engine, subject.name, target, today,
                                                      template=subject)
            from_name = subject.sender(brand)
            emails = [_Email(stem, variant, from_email)]
        _write(result, emails, stem, from_name, from_email, online, timeout)
    except Exception as exc:
        finish_export(engine, export_id, "failed", str(exc)[:500])
        raise
    finish_export(engine, export_id, "ok", f"{len(result.files)} files",
                  details={"out": str(out_dir), "files": result.to_json()["files"],
                           "images_kept_remote": len([i for i in result.images if not i.file])})
    return result


def _write(result: FilesResult, emails: list[_Email], stem: str, from_name: str,
           from_email: str, online: bool, timeout: float) -> None:
    out = result.out_dir
    try:
        out.mkdir(parents=True, exist_ok=True)
        for email in emails:
            for ext, content in (("html", email.variant.html.encode("utf-8")),
                                 ("txt", email.variant.text.encode("utf-8")),
                                 ("eml", _eml(email, from_name, from_email))):
                path = out / f"{email.stem}.{ext}"
                path.write_bytes(content)
                result.files.append(path)
        urls = image_urls([e.variant.html for e in emails])
        result.images, data = download_images(urls, online=online, timeout=timeout)
        result.zip_path = out / f"{stem}.zip"
        with zipfile.ZipFile(result.zip_path, "w", zipfile.ZIP_DEFLATED) as archive:
            for email in emails:
                archive.writestr(f"{email.stem}.html",
                                 localise_images(email.variant.html, result.images))
                archive.writestr(f"{email.stem}.txt", email.variant.text)
            for name, content in data.items():
                archive.writestr(name, content)
            kept = [i for i in result.images if not i.file]
            if kept:
                archive.writestr("images-not-included.txt", "".join(
                    f"{i.url}\t{i.error}\n" for i in kept))
        result.files.append(result.zip_path)
        report_path = out / "export-report.json"
        report_path.write_text(json.dumps(result.to_json(), ensure_ascii=False, indent=2),
                               encoding="utf-8")
        result.files.append(report_path)
    except OSError as exc:
        raise ExportError(f"cannot write into {out}: {exc.strerror or exc}") from None

