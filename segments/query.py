"""Running segments: count, members, a sample, lifecycle chart, value suggestions.

Every function takes the engine first and opens its own connection, so the
GUI can call them from a worker thread. ``rule`` is the decoded JSON of
segments.md (or a parsed rule); ``today`` is the reference date.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Connection, Engine, case, func, select
from sqlalchemy.exc import OperationalError

from segments.compile import (
    BEHAVIOUR_EVENTS,
    PURCHASE_COLUMNS,
    TEXT_COLUMNS,
    _like_escape,
    compile_rule,
    contacts,
    sendable,
)
from segments.errors import SegmentError
from segments.fields import CUSTOM_PREFIX, LIFECYCLE_STATUSES, field_spec
from segments.lifecycle import LifecycleThresholds, load_thresholds, status_predicate
from segments.rules import mentions_field, parse_rule
from workspace.models import ContactAttribute, Event, OrderLine
from workspace.text import fold


@dataclass(frozen=True)
class SegmentCount:
    """How many contacts a rule matches and how many of those are sendable."""

    count: int
    sendable: int


@dataclass(frozen=True)
class Member:
    """A contact as shown in a segment's sample."""

    email: str
    first_name: str | None
    last_name: str | None
    city: str | None


COUNT_TIMEOUT_S = 30
"""On PostgreSQL a count is stopped after this many seconds (``statement_timeout``)."""


@contextmanager
def time_limited(conn: Connection, doing: str) -> Iterator[None]:
    """On PostgreSQL, stop the statements of this transaction after :data:`COUNT_TIMEOUT_S`
    with a :class:`SegmentError` in plain words ("``doing`` took longer than 30 s..."),
    instead of holding a connection; on SQLite nothing changes."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"SET LOCAL statement_timeout = {int(COUNT_TIMEOUT_S * 1000)}")
    try:
        yield
    except OperationalError as exc:
        if "statement timeout" not in str(exc.orig):
            raise
        raise SegmentError(
            f"{doing} took longer than {COUNT_TIMEOUT_S:g} s and was stopped; make the "
            "rule simpler or try again when the database is less busy") from exc


def count(engine: Engine, rule: Any, today: date) -> SegmentCount:
    """Count the contacts matching ``rule`` and the sendable ones, in one SELECT.

    On PostgreSQL the count is stopped after :data:`COUNT_TIMEOUT_S` (:func:`time_limited`).
    """
    with engine.connect() as conn:
        where = compile_rule(conn, rule, today)
        with time_limited(conn, "counting this segment"):
            row = conn.execute(
                select(func.count(),
                       func.coalesce(func.sum(case((sendable(), 1), else_=0)), 0))
                .select_from(contacts.id.table).where(where)).one()
    return SegmentCount(int(row[0]), int(row[1]))


def members(engine: Engine, rule: Any, today: date, *, for_sending: bool = False) -> list[str]:
    """E-mails of the contacts matching ``rule``, sorted.

    With ``for_sending`` only sendable contacts are kept, unless the rule
    itself asks about ``status`` (then only consent is enforced), as
    segments.md requires for segments used for sending.
    """
    parsed = parse_rule(rule) if isinstance(rule, dict) else rule
    with engine.connect() as conn:
        where = compile_rule(conn, parsed, today)
        query = select(contacts.email).where(where).order_by(contacts.email)
        if for_sending:
            if mentions_field(parsed, "status"):
                consent = contacts.consent_email
                query = query.where((consent.is_(None)) | (consent == True))  # noqa: E712
            else:
                query = query.where(sendable())
        return [e for (e,) in conn.execute(query)]


def sample_members(engine: Engine, rule: Any, today: date, limit: int = 20) -> list[Member]:
    """Up to ``limit`` members of ``rule`` (by e-mail) for the builder's preview."""
    with engine.connect() as conn:
        where = compile_rule(conn, rule, today)
        with time_limited(conn, "finding the first members"):
            rows = conn.execute(
                select(contacts.email, contacts.first_name, contacts.last_name, contacts.city)
                .where(where).order_by(contacts.email).limit(limit)).all()
        return [Member(*row) for row in rows]


def lifecycle_counts(
    engine: Engine, today: date, thresholds: LifecycleThresholds | None = None
) -> dict[str, int]:
    """Contacts per lifecycle status (every status present, zeros included).

    ``thresholds`` defaults to the stored ones (the settings dialog counts
    with the ones being edited). One count per status: each is served by
    ``ix_contacts_lifecycle`` alone, which is faster than one pass
    classifying every contact.
    """
    with engine.connect() as conn:
        if thresholds is None:
            thresholds = load_thresholds(conn)
        return {
            status: int(conn.execute(
                select(func.count()).select_from(contacts.id.table)
                .where(status_predicate(status, today, thresholds))).scalar_one())
            for status in LIFECYCLE_STATUSES
        }


def distinct_values(engine: Engine, field: str, prefix: str = "", limit: int = 20) -> list[str]:
    """Known values of a text field starting with ``prefix`` (any case), for suggestions.

    Works for profile text fields, purchased attributes, behaviour values and
    custom attributes; enum fields return their allowed values. Values that
    differ only in case or spaces are shown once, most frequent first.
    """
    base: ColumnElement[bool] | None = None
    spec = field_spec(field)
    if spec is None:
        raise SegmentError(f"unknown field '{field}'")
    folded_prefix = fold(prefix) or ""
    if spec.values:
        return [v for v in spec.values if v.startswith(folded_prefix)][:limit]
    if field in TEXT_COLUMNS:
        shown_name = "email" if field == "email" else field
        shown, key = contacts[shown_name], contacts[TEXT_COLUMNS[field]]
    elif field in PURCHASE_COLUMNS:
        ol = OrderLine.__table__.c
        raw = PURCHASE_COLUMNS[field].removesuffix("_ci")
        shown, key = ol[raw], ol[PURCHASE_COLUMNS[field]]
    elif field in BEHAVIOUR_EVENTS:
        ev = Event.__table__.c
        types, column = BEHAVIOUR_EVENTS[field]
        shown_col = {"viewed_category": "category", "searched": "query",
                     "opened_email": "campaign", "clicked_email": "campaign",
                     "clicked_promo": "campaign"}.get(field, "sku")
        shown, key, base = ev[shown_col], ev[column], ev.type.in_(types)
    elif field.startswith(CUSTOM_PREFIX):
        at = ContactAttribute.__table__.c
        shown, key = at.value, at.value_ci
        base = at.name == field[len(CUSTOM_PREFIX):]
    else:
        return []
    where: list[ColumnElement[bool]] = [key.is_not(None)]
    if base is not None:
        where.append(base)
    if folded_prefix:
        where.append(key.like(_like_escape(folded_prefix) + "%", escape="\\"))
    top = (select(key).where(*where).group_by(key)
           .order_by(func.count().desc(), key).limit(limit))
    with engine.connect() as conn:
        keys = [k for (k,) in conn.execute(top)]
        if not keys:
            return []
        # The most frequent spelling of each value is the one shown.
        spellings = conn.execute(
            select(key, shown, func.count()).where(*where, key.in_(keys))
            .group_by(key, shown))
        best: dict[str, tuple[int, str]] = {}
        for k, spelling, n in spellings:
            text = str(spelling).strip()
            if k not in best or (n, text) > best[k]:
                best[k] = (int(n), text)
    return [best[k][1] for k in keys if k in best]


def custom_fields(engine: Engine) -> list[str]:
    """Names of the custom attributes in the workspace, as ``custom.NAME`` fields."""
    at = ContactAttribute.__table__.c
    with engine.connect() as conn:
        names = conn.execute(select(at.name).distinct().order_by(at.name)).scalars()
        return [CUSTOM_PREFIX + n for n in names]

