"""Template storage: built-in library plus workspace templates, looked up by name."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import TYPE_CHECKING

from composer.errors import ComposerError, TemplateNotFoundError
from composer.library import builtin_templates
from composer.model import Template

if TYPE_CHECKING:
    from sqlalchemy import Engine


def _from_row(row: object) -> Template:
    from workspace.models import Template as Row

    assert isinstance(row, Row)
    return Template.from_document(
        row.name,
        row.document if isinstance(row.document, dict) else None,
        subject=row.subject or "",
        preheader=row.preheader or "",
        from_name=row.from_name or "",
        scenario=row.scenario,
        position=row.position,
        delay_hours=row.delay_hours,
        text_override=row.text_override,
    )


def list_templates(engine: Engine | None) -> list[Template]:
    """Built-in and workspace templates; a workspace template overrides a built-in one.

    Ordered by scenario, position and name; without a workspace only built-ins.
    """
    by_name = {t.name: t for t in builtin_templates()}
    if engine is not None:
        from sqlalchemy import select
        from sqlalchemy.orm import Session

        from workspace.models import Template as Row

        with Session(engine) as session:
            for row in session.scalars(select(Row)):
                by_name[row.name] = _from_row(row)
    order = {t.name: i for i, t in enumerate(builtin_templates())}
    return sorted(
        by_name.values(),
        key=lambda t: (order.get(t.name, len(order)), t.scenario or "~", t.position or 0, t.name),
    )


def load_template(engine: Engine | None, name: str) -> Template:
    """The template called ``name`` (workspace first, then the built-in library)."""
    if engine is not None:
        from sqlalchemy import select
        from sqlalchemy.orm import Session

        from workspace.models import Template as Row

        with Session(engine) as session:
            row = session.scalar(select(Row).where(Row.name == name))
            if row is not None:
                return _from_row(row)
    for template in builtin_templates():
        if template.name == name:
            return template
    raise TemplateNotFoundError(f"no template called {name!r} (see `template list`)")


def save_template(engine: Engine, template: Template) -> None:
    """Insert or update a workspace template by name (a built-in name makes an override)."""
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from workspace.models import Template as Row

    if not template.name.strip():
        raise ComposerError("a template needs a name")
    with Session(engine) as session, session.begin():
        row = session.scalar(select(Row).where(Row.name == template.name))
        if row is None:
            row = Row(name=template.name)
            session.add(row)
        row.scenario = template.scenario
        row.position = template.position
        row.delay_hours = template.delay_hours
        row.subject = template.subject
        row.preheader = template.preheader
        row.from_name = template.from_name
        row.document = template.document()
        row.text_override = template.text_override


def delete_template(engine: Engine, name: str) -> bool:
    """Delete a workspace template (a built-in one comes back); True if one was deleted."""
    from sqlalchemy import delete
    from sqlalchemy.orm import Session

    from workspace.models import Template as Row

    with Session(engine) as session, session.begin():
        result = session.execute(delete(Row).where(Row.name == name))
    return bool(getattr(result, "rowcount", 0))


def template_from_file(path: Path) -> Template:
    """A code template from an ``.mjml`` file (name: the file's stem)."""
    try:
        source = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ComposerError(f"cannot read {path}: {exc}") from None
    # A file carries its subject and preheader in <mj-title> and <mj-preview>.
    title = re.search(r"<mj-title[^>]*>(.*?)</mj-title>", source, re.DOTALL)
    preview = re.search(r"<mj-preview[^>]*>(.*?)</mj-preview>", source, re.DOTALL)
    return Template(
        name=path.stem,
        mjml=source,
        subject=html.unescape(title.group(1).strip()) if title else "",
        preheader=html.unescape(preview.group(1).strip()) if preview else "",
    )
