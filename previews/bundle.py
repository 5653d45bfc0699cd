"""The offline review bundle: a folder a reviewer opens in any browser, with no network.

Layout of the folder::

    index.html                       overview, inbox view, lint, every email
    review.html, review.pdf          the printable set for approval (with a shooter)
    emails/<template>/<persona>.html final HTML (CSS inlined), its pictures from images/
    emails/<template>/<persona>.txt  the plain-text part
    images/...                       the emails' pictures
    shots/<template>/<persona>-desktop.png, -mobile.png   (with a shooter)

Every file a page references is inside the folder, the emails' pictures too
(:class:`~previews.images.BundleImages`): the demo shop's and local pictures
are copied, other pictures downloaded once; the email HTML in the bundle
refers to the copies relatively (the email as sent keeps its absolute URLs).
A picture that could not be downloaded keeps its link and is listed in the
index. Screenshots and the PDF come from the :class:`~previews.shots.Shooter`
passed in (the app's web engine; offline, so they show the copied pictures);
without one the bundle has the HTML pages only.
"""

from __future__ import annotations

import logging
import re
import shutil
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import Engine

from composer import (
    SCENARIOS,
    BrandKit,
    ComposerError,
    LintReport,
    Persona,
    Template,
    lint,
    list_templates,
    load_brand_kit,
    load_template,
    render,
    sample_personas,
)
from previews.errors import BundleCancelledError, BundleTargetError, PreviewError
from previews.images import BundleImage, BundleImages
from previews.shots import Shooter, png_size

logger = logging.getLogger(__name__)

DESKTOP_WIDTH = 600
"""Width of the desktop view (the usual email body width)."""
MOBILE_WIDTH = 375
"""Width of the phone view (iPhone SE to 15 mini in CSS pixels)."""
DEFAULT_CONTACTS = 3
"""Sample recipients per email unless told otherwise."""
PERSONA_ORDER = ("no_name", "long_name", "big_cart", "typical", "new_subscriber")
"""The sample personas in the order the bundle takes them: edge cases first."""
GENERATOR = "Konvert review bundle"
"""The ``generator`` meta tag of the index: marks a folder as a bundle (safe to rebuild)."""

Progress = Callable[[int, int], None]

@dataclass(frozen=True)
class PersonaRender:
    """One email rendered for one sample persona, with its files (paths relative)."""

    persona_id: str
    persona_label: str
    subject: str
    preheader: str
    html_path: str | None
    text_path: str | None
    desktop_png: str | None = None
    mobile_png: str | None = None
    desktop_height: int | None = None
    mobile_height: int | None = None
    html_bytes: int = 0
    error: str | None = None
    """Why the email could not be rendered for this persona (then no files)."""


@dataclass(frozen=True)
class BundleEmail:
    """One email of the bundle: the template's facts, its lint and its renders."""

    name: str
    title: str
    position: int | None
    delay_hours: int | None
    from_name: str
    subject: str
    preheader: str
    lint: LintReport
    renders: tuple[PersonaRender, ...]

    @property
    def anchor(self) -> str:
        """The id of the email's section in the index."""
        return "e-" + _slug(self.name)


@dataclass
class BundleResult:
    """What :func:`build_bundle` wrote: ``files`` relative to ``out_dir``, sorted."""

    out_dir: Path
    title: str
    target: str
    emails: list[BundleEmail]
    personas: list[str]
    files: list[str] = field(default_factory=list)
    zip_path: Path | None = None
    screenshots: bool = False
    pdf: bool = False
    remote_image_hosts: list[str] = field(default_factory=list)
    """Hosts of the pictures left remote (not copied into the bundle)."""
    images: list[BundleImage] = field(default_factory=list)
    """Every picture of the emails: copied (``file``) or left remote (``error``)."""

    @property
    def remote_images(self) -> list[BundleImage]:
        """Pictures that stay remote: without network they show as alt text."""
        return [i for i in self.images if not i.file]

    def to_json(self) -> dict[str, Any]:
        """The CLI's ``--json`` document."""
        return {
            "out": str(self.out_dir),
            "title": self.title,
            "target": self.target,
            "files": self.files,
            "zip": str(self.zip_path) if self.zip_path else None,
            "screenshots": self.screenshots,
            "pdf": self.pdf,
            "personas": self.personas,
            "remote_image_hosts": self.remote_image_hosts,
            "images": [i.to_json() for i in self.images],
            "emails": [
                {
                    "name": e.name,
                    "subject": e.subject,
                    "preheader": e.preheader,
                    "delay_hours": e.delay_hours,
                    "errors": len(e.lint.errors),
                    "warnings": len(e.lint.warnings),
                }
                for e in self.emails
            ],
        }


def _slug(name: str) -> str:
    slug = re.sub(r"[^\w.-]+", "_", name, flags=re.ASCII).strip("._")
    return slug or "email"


def resolve_target(engine: Engine | None, target: str) -> tuple[str, list[Template]]:
    """The title and emails of ``target``: a scenario id, a template or a campaign.

    A scenario gives its series in order. A campaign gives its template once
    per A/B variant, each with the variant's subject and preheader (the body
    is the same), so the reviewer approves the whole test. Names are looked
    up in that order. Raises :class:`BundleTargetError` when none exists.
    """
    series = [t for t in list_templates(engine) if t.scenario == target]
    if series:
        series.sort(key=lambda t: (t.position is None, t.position or 0, t.name))
        return SCENARIOS.get(target, target), series
    try:
        template = load_template(engine, target)
    except ComposerError:
        campaign = _campaign_emails(engine, target)
        if campaign is not None:
            return campaign
        known = ", ".join(sorted(SCENARIOS))
        raise BundleTargetError(
            f"no template, scenario or campaign called {target!r} (scenarios: {known}; "
            "templates: see `template list`; campaigns: `campaign list`)") from None
    return template.title or template.name, [template]


def _campaign_emails(engine: Engine | None, name: str) -> tuple[str, list[Template]] | None:
    """A campaign's template once per variant, or None when there is no such campaign."""
    if engine is None:
        return None
    from campaigns import CampaignError, get_campaign

    try:
        campaign = get_campaign(engine, name)
    except CampaignError:
        return None
    try:
        template = load_template(engine, campaign.template_name)
    except ComposerError as exc:
        raise BundleTargetError(f"campaign '{campaign.name}': {exc}") from None
    emails = [
        replace(template, name=f"{template.name}-{variant.label}",
                title=f"Вариант {variant.label} · {template.title or template.name}",
                subject=variant.subject, preheader=variant.preheader or template.preheader,
                position=None, delay_hours=None)
        for variant in campaign.variants]
    return f"A/B-тест «{campaign.name}»", emails


def choose_personas(personas: Sequence[Persona], count: int) -> list[Persona]:
    """``count`` of ``personas``, the edge cases first (:data:`PERSONA_ORDER`)."""
    if count < 1:
        raise PreviewError(f"the bundle needs at least 1 test contact, not {count}")
    rank = {pid: i for i, pid in enumerate(PERSONA_ORDER)}
    ordered = sorted(personas, key=lambda p: rank.get(p.id, len(rank)))
    return ordered[:count]


def _prepare(out_dir: Path) -> None:
    """Create ``out_dir``, or clear the bundle built there before; refuse other folders."""
    if out_dir.exists() and not out_dir.is_dir():
        raise PreviewError(f"{out_dir} is a file, not a folder")
    if out_dir.is_dir() and any(out_dir.iterdir()):
        index = out_dir / "index.html"
        try:
            head = index.read_text(encoding="utf-8")[:4000] if index.is_file() else ""
        except (OSError, UnicodeDecodeError):
            head = ""
        if GENERATOR not in head:
            raise PreviewError(
                f"the folder {out_dir} is not empty: choose a new or empty folder")
        for name in ("emails", "shots", "images"):
            shutil.rmtree(out_dir / name, ignore_errors=True)
        for name in ("index.html", "review.html", "review.pdf"):
            (out_dir / name).unlink(missing_ok=True)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise PreviewError(f"cannot create {out_dir}: {exc.strerror or exc}") from None


def _write(path: Path, text: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise PreviewError(f"cannot write {path}: {exc.strerror or exc}") from None


class _Steps:
    def __init__(self, total: int, progress: Progress | None,
                 cancelled: Callable[[], bool] | None) -> None:
        self.done = 0
        self.total = total
        self._progress = progress
        self._cancelled = cancelled
        self.tick(0)

    def tick(self, n: int = 1) -> None:
        if self._cancelled is not None and self._cancelled():
            raise BundleCancelledError("the review bundle was cancelled")
        self.done += n
        if self._progress is not None:
            self._progress(min(self.done, self.total), self.total)


def build_bundle(
    engine: Engine | None,
    target: str,
    out_dir: Path,
    *,
    contacts: int = DEFAULT_CONTACTS,
    shooter: Shooter | None = None,
    zip: bool = False,  # shadows the builtin on purpose: the option is --zip
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    today: date,
    download_images: bool = True,
) -> BundleResult:
    """Build the review bundle of ``target`` (scenario id or template name) in ``out_dir``.

    Each email is rendered (export path, CSS inlined) for ``contacts`` sample
    personas, linted, drawn at 600 and 375 px by ``shooter`` (if given) and
    printed with all others to ``review.pdf``. ``zip`` also writes
    ``<out_dir>.zip`` beside the folder. ``progress(done, total)`` is called
    after each step; ``cancelled()`` is checked between steps and stops the
    build with :class:`BundleCancelledError`. ``today`` dates the sample data.
    The emails' pictures are copied into ``images/`` (demo and local ones
    always, others downloaded once unless ``download_images`` is false).
    """
    from previews.pages import index_html, review_html  # pages import this module

    brand: BrandKit = load_brand_kit(engine)
    title, templates = resolve_target(engine, target)
    all_personas = sample_personas(brand, today)
    personas = choose_personas(all_personas, contacts)
    lint_contexts = [(p.label, p.context) for p in all_personas]
    out_dir = Path(out_dir)
    _prepare(out_dir)

    n_renders = len(templates) * len(personas)
    total = len(templates) + n_renders + 1 + (2 * n_renders + 1 if shooter else 0) + int(zip)
    steps = _Steps(total, progress, cancelled)
    files: list[str] = []
    emails: list[BundleEmail] = []
    pictures = BundleImages(out_dir, download=download_images)
    try:
        _render_all(templates, personas, brand, lint_contexts, out_dir, files, emails, pictures,
                    steps)
    finally:
        pictures.close()
    files += pictures.files()
    hosts = {urlsplit(i.url).hostname or "" for i in pictures.remote()} - {""}

    if shooter is not None:
        emails = [_shoot(email, shooter, out_dir, files, steps) for email in emails]

    result = BundleResult(
        out_dir=out_dir, title=title, target=target, emails=emails,
        personas=[p.id for p in personas], screenshots=shooter is not None,
        remote_image_hosts=sorted(hosts), images=list(pictures.images.values()),
    )
    if shooter is not None:
        _write(out_dir / "review.html", review_html(result, brand, today))
        files.append("review.html")
        try:
            shooter.pdf(out_dir / "review.html", out_dir / "review.pdf")
        except PreviewError:
            raise
        except Exception as exc:  # an engine failure is reported, not a crash
            raise PreviewError(f"the PDF could not be made: {exc}") from exc
        files.append("review.pdf")
        result.pdf = True
        steps.tick()
    files.append("index.html")
    result.files = sorted(files)
    _write(out_dir / "index.html", index_html(result, brand, today))
    steps.tick()
    if zip:
        result.zip_path = _zip(out_dir, result.files)
        steps.tick()
    logger.info("bundle %s: %d files in %s", target, len(result.files), out_dir)
    return result


def _render_all(templates: Sequence[Template], personas: Sequence[Persona], brand: BrandKit,
                lint_contexts: list[tuple[str, dict[str, Any]]], out_dir: Path,
                files: list[str], emails: list[BundleEmail], pictures: BundleImages,
                steps: _Steps) -> None:
    for template in templates:
        report = lint(template, brand=brand, contexts=lint_contexts)
        steps.tick()
        renders = []
        folder = _slug(template.name)
        for persona in personas:
            renders.append(_render_one(template, persona, brand, out_dir, folder, files,
                                       pictures))
            steps.tick()
        first = next((r for r in renders if r.error is None), renders[0])
        emails.append(BundleEmail(
            name=template.name,
            title=template.title or template.name,
            position=template.position,
            delay_hours=template.delay_hours,
            from_name=template.sender(brand),
            subject=first.subject or template.subject,
            preheader=first.preheader or template.preheader,
            lint=report,
            renders=tuple(renders),
        ))


def _render_one(template: Template, persona: Persona, brand: BrandKit, out_dir: Path,
                folder: str, files: list[str], pictures: BundleImages) -> PersonaRender:
    try:
        rendered = render(template, persona.context, brand=brand)
    except ComposerError as exc:
        return PersonaRender(persona.id, persona.label, "", "", None, None, error=str(exc))
    html_rel = f"emails/{folder}/{_slug(persona.id)}.html"
    text_rel = f"emails/{folder}/{_slug(persona.id)}.txt"
    _write(out_dir / html_rel, pictures.localise(rendered.html, html_rel))
    _write(out_dir / text_rel, rendered.text)
    files += [html_rel, text_rel]
    return PersonaRender(
        persona.id, persona.label, rendered.subject, rendered.preheader, html_rel, text_rel,
        html_bytes=len(rendered.html.encode("utf-8")),
    )


def _shoot(email: BundleEmail, shooter: Shooter, out_dir: Path, files: list[str],
           steps: _Steps) -> BundleEmail:
    renders = []
    for item in email.renders:
        if item.html_path is None:
            renders.append(item)
            steps.tick(2)
            continue
        shots: dict[str, tuple[str, int]] = {}
        for kind, width in (("desktop", DESKTOP_WIDTH), ("mobile", MOBILE_WIDTH)):
            rel = f"shots/{_slug(email.name)}/{_slug(item.persona_id)}-{kind}.png"
            target = out_dir / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                shooter.screenshot(out_dir / item.html_path, width, target)
            except PreviewError:
                raise
            except Exception as exc:  # an engine failure is reported, not a crash
                raise PreviewError(f"the screenshot of {email.name} could not be made: "
                                   f"{exc}") from exc
            files.append(rel)
            shots[kind] = (rel, png_size(target)[1])
            steps.tick()
        renders.append(replace(
            item, desktop_png=shots["desktop"][0], desktop_height=shots["desktop"][1],
            mobile_png=shots["mobile"][0], mobile_height=shots["mobile"][1]))
    return replace(email, renders=tuple(renders))


def _zip(out_dir: Path, files: Sequence[str]) -> Path:
    """``<out_dir>.zip`` with ``files`` under a top folder named like ``out_dir``."""
    path = out_dir.with_name(out_dir.name + ".zip")
    try:
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for rel in files:
                # PNG and PDF are compressed already; deflating them again costs time.
                method = (zipfile.ZIP_STORED if rel.endswith((".png", ".pdf"))
                          else zipfile.ZIP_DEFLATED)
                archive.write(out_dir / rel, f"{out_dir.name}/{rel}", compress_type=method)
    except OSError as exc:
        raise PreviewError(f"cannot write {path}: {exc.strerror or exc}") from None
    return path
