"""Export history and the objects an export created (resumable exports).

Every export run is a row of ``export_log`` (what, target, when, result,
details); every object created at an ESP is a row of ``export_objects``
written in its own transaction the moment the ESP returned its id, so a
crash, Ctrl+C or a lost connection followed by the same command finds it and
does not create it again. Keys are never written here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, desc, insert, select, update
from sqlalchemy.exc import IntegrityError

from workspace.models import ExportLog, ExportObject

RESULTS = ("running", "ok", "failed", "cancelled", "dry-run")


@dataclass(frozen=True)
class ExportRecord:
    """One export run as the history shows it."""

    id: int
    at: datetime
    finished_at: datetime | None
    target: str
    subject: str
    result: str
    message: str | None
    campaign_id: int | None
    details: dict[str, Any]


@dataclass(frozen=True)
class CreatedObject:
    """An object an export created at an ESP."""

    target: str
    key: str
    kind: str
    remote_id: str | None
    details: dict[str, Any]


def start_export(engine: Engine, target: str, subject: str, *,
                 campaign_id: int | None = None, details: dict[str, Any] | None = None) -> int:
    """Record the start of an export run; returns its id."""
    with engine.begin() as conn:
        result = conn.execute(insert(ExportLog).values(
            at=datetime.now(), target=target, subject=subject[:300], result="running",
            details=details or {}, campaign_id=campaign_id))
        primary_key = result.inserted_primary_key
        assert primary_key is not None
        return int(primary_key[0])


def finish_export(engine: Engine, export_id: int, result: str, message: str | None = None,
                  details: dict[str, Any] | None = None) -> None:
    """Record how an export run ended (``ok``, ``failed``, ``cancelled``...)."""
    if result not in RESULTS:
        raise ValueError(f"unknown export result {result!r}")
    values: dict[str, Any] = {"result": result, "finished_at": datetime.now(),
                              "message": message}
    if details is not None:
        values["details"] = details
    with engine.begin() as conn:
        conn.execute(update(ExportLog).where(ExportLog.id == export_id).values(**values))


def list_exports(engine: Engine, *, limit: int = 500,
                 campaign_id: int | None = None) -> list[ExportRecord]:
    """The newest export runs first."""
    query = select(ExportLog).order_by(desc(ExportLog.at), desc(ExportLog.id)).limit(limit)
    if campaign_id is not None:
        query = query.where(ExportLog.campaign_id == campaign_id)
    with engine.connect() as conn:
        rows = conn.execute(query).mappings().all()
    return [ExportRecord(id=r["id"], at=r["at"], finished_at=r["finished_at"],
                         target=r["target"], subject=r["subject"], result=r["result"],
                         message=r["message"], campaign_id=r["campaign_id"],
                         details=dict(r["details"] or {})) for r in rows]


def find_object(engine: Engine, target: str, key: str) -> CreatedObject | None:
    """The object recorded under ``key`` for ``target``, or None."""
    table = ExportObject.__table__
    with engine.connect() as conn:
        row = conn.execute(select(table).where(table.c.target == target, table.c.key == key)
                           ).mappings().first()
    if row is None:
        return None
    return CreatedObject(target=row["target"], key=row["key"], kind=row["kind"],
                         remote_id=row["remote_id"], details=dict(row["details"] or {}))


def record_object(engine: Engine, target: str, key: str, kind: str, remote_id: str | None, *,
                  campaign_id: int | None = None, export_id: int | None = None,
                  details: dict[str, Any] | None = None) -> CreatedObject:
    """Record a created object at once (its own transaction).

    Recording the same key twice keeps the first record and returns it: the
    caller looks up with :func:`find_object` before creating, so a second
    record means a race, and the first id is the one that exists.
    """
    try:
        with engine.begin() as conn:
            conn.execute(insert(ExportObject).values(
                target=target, key=key, kind=kind, remote_id=remote_id,
                campaign_id=campaign_id, export_id=export_id, details=details or {},
                created_at=datetime.now()))
    except IntegrityError:
        existing = find_object(engine, target, key)
        if existing is None:
            raise
        return existing
    return CreatedObject(target=target, key=key, kind=kind, remote_id=remote_id,
                         details=details or {})


def list_objects(engine: Engine, *, target: str | None = None,
                 campaign_id: int | None = None,
                 export_id: int | None = None) -> list[CreatedObject]:
    """Recorded objects, oldest first, filtered by target, campaign or export run."""
    table = ExportObject.__table__
    query = select(table).order_by(table.c.id)
    if target is not None:
        query = query.where(table.c.target == target)
    if campaign_id is not None:
        query = query.where(table.c.campaign_id == campaign_id)
    if export_id is not None:
        query = query.where(table.c.export_id == export_id)
    with engine.connect() as conn:
        rows = conn.execute(query).mappings().all()
    return [CreatedObject(target=r["target"], key=r["key"], kind=r["kind"],
                          remote_id=r["remote_id"], details=dict(r["details"] or {}))
            for r in rows]
