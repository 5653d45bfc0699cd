"""Lifecycle statuses (segments.md, "Lifecycle defaults") with editable thresholds.

The thresholds live in the workspace ``settings`` table under
``lifecycle_thresholds`` (a JSON object; missing keys take the defaults).
Each status compiles to a plain SQL predicate on ``contacts``; the seven
predicates are mutually exclusive and cover every contact, and none of them
ever yields NULL. Hot and warm read the behaviour summaries that
``workspace.derived.recompute`` keeps on contacts (latest cart abandonment,
latest and third latest product-view day), and fall back to an events
subquery only for contacts with events after the reference date or for a
non-default "distinct view days" threshold.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from datetime import date
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Date,
    and_,
    exists,
    false,
    func,
    insert,
    literal,
    not_,
    or_,
    select,
    update,
)

from segments.dates import shift_days
from segments.errors import SegmentError
from segments.fields import LIFECYCLE_STATUSES
from workspace.models import Contact, Event, Setting

SETTINGS_KEY = "lifecycle_thresholds"

contacts = Contact.__table__.c
events = Event.__table__.c


@dataclass(frozen=True)
class LifecycleThresholds:
    """Day thresholds of the lifecycle statuses.

    Attributes:
        active_days: a buyer is active while the last purchase is at most this old.
        passive_days: ... passive up to this many days, then inactive.
        inactive_days: ... inactive up to this many days, then very inactive.
        hot_days: a non-buyer who abandoned a cart within this many days is hot.
        warm_days: the window for product views of warm contacts.
        warm_view_days: distinct days with product views needed to be warm.
    """

    active_days: int = 90
    passive_days: int = 180
    inactive_days: int = 365
    hot_days: int = 14
    warm_days: int = 30
    warm_view_days: int = 3

    def validate(self) -> None:
        """Raise :class:`SegmentError` unless :func:`threshold_problems` finds nothing."""
        problems = threshold_problems(self)
        if problems:
            raise SegmentError(
                "lifecycle thresholds: " + " ".join(problem.message for problem in problems)
            )


_THRESHOLD_MESSAGES = {
    "whole_number": "{0} must be a whole number of days.",
    "passive": "Passive must end later than active: make it more than {0} days.",
    "inactive": "Inactive must end later than passive: make it more than {0} days.",
    "one_day": "{0} must be at least one day.",
    "warm_window": "Warm: a window of {0} days cannot have views on {1} different days.",
}


@dataclass(frozen=True)
class ThresholdProblem:
    """One thing wrong with lifecycle thresholds: the field, a code and the message's numbers.

    The app words ``code`` in Russian or English; :attr:`message` is English.
    """

    field: str
    code: str
    args: tuple[int | str, ...] = ()

    @property
    def message(self) -> str:
        """The problem in plain English."""
        return _THRESHOLD_MESSAGES[self.code].format(*self.args)


def threshold_problems(t: LifecycleThresholds) -> list[ThresholdProblem]:
    """What must be fixed in ``t`` before it is used or saved (empty when it is fine).

    The one set of rules for the settings dialog, the command line and stored
    settings: whole days; active < passive < inactive; every period at least
    a day; the warm view days fit in the warm window.
    """
    wrong_type = [
        ThresholdProblem(f.name, "whole_number", (f.name,))
        for f in fields(t)
        if not isinstance(getattr(t, f.name), int) or isinstance(getattr(t, f.name), bool)
    ]
    if wrong_type:
        return wrong_type
    problems: list[ThresholdProblem] = []
    if t.active_days >= t.passive_days:
        problems.append(ThresholdProblem("passive_days", "passive", (t.active_days,)))
    if t.passive_days >= t.inactive_days:
        problems.append(ThresholdProblem("inactive_days", "inactive", (t.passive_days,)))
    for name in ("active_days", "hot_days", "warm_days", "warm_view_days"):
        if getattr(t, name) < 1:
            problems.append(ThresholdProblem(name, "one_day", (name,)))
    # The warm window covers warm_days + 1 calendar days (today included).
    if t.warm_view_days > t.warm_days + 1:
        problems.append(
            ThresholdProblem("warm_view_days", "warm_window", (t.warm_days, t.warm_view_days))
        )
    return problems


def load_thresholds(conn: Connection) -> LifecycleThresholds:
    """The workspace's thresholds (defaults for anything not set)."""
    stored = conn.execute(
        select(Setting.value).where(Setting.key == SETTINGS_KEY)).scalar_one_or_none()
    if not isinstance(stored, dict):
        return LifecycleThresholds()
    known = {f.name for f in fields(LifecycleThresholds)}
    thresholds = LifecycleThresholds(**{k: v for k, v in stored.items() if k in known})
    thresholds.validate()
    return thresholds


def save_thresholds(conn: Connection, thresholds: LifecycleThresholds) -> None:
    """Validate and store ``thresholds`` in the caller's transaction."""
    thresholds.validate()
    value: dict[str, Any] = asdict(thresholds)
    if conn.execute(select(Setting.key).where(Setting.key == SETTINGS_KEY)).first():
        conn.execute(update(Setting).where(Setting.key == SETTINGS_KEY).values(value=value))
    else:
        conn.execute(insert(Setting).values(key=SETTINGS_KEY, value=value))


def day_literal(day: date) -> ColumnElement[Any]:
    """``day`` as a DATE parameter; compares right with DATE and DATETIME columns.

    On SQLite a date binds as ``YYYY-MM-DD``, which sorts before every time
    of that day in stored datetimes, whatever their fractional format.
    """
    return literal(day, Date())


def bought() -> ColumnElement[bool]:
    """The contact has at least one purchase (``last_order_at`` is over purchases)."""
    return contacts.last_order_at.is_not(None)


def _hot_events(today: date, t: LifecycleThresholds) -> ColumnElement[bool]:
    start, end = shift_days(today, -t.hot_days), today
    last = contacts.last_abandon_day
    in_window = exists().where(
        events.contact_id == contacts.id, events.type == "cart_abandon",
        events.day >= day_literal(start), events.day <= day_literal(end))
    # No abandonment in the window when the latest one is older than its start;
    # the events are read only when the latest one is after ``today``.
    return and_(last.is_not(None), last >= day_literal(start),
                or_(last <= day_literal(end), in_window))


def _warm_events(today: date, t: LifecycleThresholds) -> ColumnElement[bool]:
    start, end = shift_days(today, -t.warm_days), today
    last, third = contacts.last_view_day, contacts.third_view_day
    view_days = (
        select(func.count(events.day.distinct()))
        .where(events.contact_id == contacts.id, events.type == "product_view",
               events.day >= day_literal(start), events.day <= day_literal(end))
        .scalar_subquery()
    )
    slow = view_days >= t.warm_view_days
    if t.warm_view_days != 3:
        return and_(last.is_not(None), last >= day_literal(start), slow)
    # With no view after ``today``, the third latest view day decides.
    fast = and_(third.is_not(None), third >= day_literal(start),
                last.is_not(None), last <= day_literal(end))
    return or_(fast, and_(last.is_not(None), last > day_literal(end), slow))


def status_predicate(status: str, today: date, t: LifecycleThresholds) -> ColumnElement[bool]:
    """SQL predicate (never NULL) for contacts in lifecycle ``status`` on ``today``."""
    last = contacts.last_order_at

    def since_at_least(days: int) -> ColumnElement[bool]:
        # date(last_order_at) <= today - days
        return last < day_literal(shift_days(today, -days + 1))

    def since_below(days: int) -> ColumnElement[bool]:
        return last >= day_literal(shift_days(today, -days + 1))

    if status == "active":
        return and_(bought(), since_below(t.active_days + 1))
    if status == "passive":
        return and_(bought(), since_at_least(t.active_days + 1),
                    since_below(t.passive_days + 1))
    if status == "inactive":
        return and_(bought(), since_at_least(t.passive_days + 1),
                    since_below(t.inactive_days + 1))
    if status == "very_inactive":
        return and_(bought(), since_at_least(t.inactive_days + 1))
    hot = _hot_events(today, t)
    if status == "hot":
        return and_(last.is_(None), hot)
    warm = _warm_events(today, t)
    if status == "warm":
        return and_(last.is_(None), not_(hot), warm)
    if status == "cold":
        return and_(last.is_(None), not_(hot), not_(warm))
    if status in LIFECYCLE_STATUSES:  # pragma: no cover - every status handled above
        raise AssertionError(status)
    return false()
