"""Compile a rule tree to one SQL predicate over ``contacts`` (SQLite and PostgreSQL).

Every predicate this module builds is two-valued: it is TRUE or FALSE for
every contact, never NULL, so ``NOT`` is the exact complement the spec asks
for. Nullable columns are always guarded (``col IS NOT NULL AND ...`` for a
positive test, ``col IS NULL OR ...`` for ``ne`` / ``not_in``), and
multi-valued fields (purchased lines, events, custom attributes) compile to
``EXISTS`` or ``IN (subquery)``, which are never NULL either.

Text is compared on the folded ``*_ci`` twins against values folded the same
way (:func:`workspace.text.fold`), which makes Cyrillic case-insensitive on
SQLite too; ``LIKE`` patterns escape ``%`` and ``_``.

Behaviour conditions with ``within_days`` compile to ``contacts.id IN (events
in the window)``: the window bounds the set, which SQLite builds once from an
index. Without a window they compile to a correlated ``EXISTS`` (or a count
for ``min_count`` > 1), probed per candidate contact through
``ix_events_contact_type_day``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    and_,
    exists,
    false,
    func,
    not_,
    or_,
    select,
    true,
)

from segments.dates import age_cutoff, days_to_birthday, mmdd_runs, shift_days
from segments.errors import SegmentError
from segments.fields import CUSTOM_PREFIX
from segments.lifecycle import (
    LifecycleThresholds,
    day_literal,
    load_thresholds,
    status_predicate,
)
from segments.rules import (
    MAX_DEPTH,
    Condition,
    Group,
    Not,
    Reference,
    Rule,
    parse_rule,
    too_deep,
)
from workspace.derived import PURCHASE_STATUSES
from workspace.models import (
    Contact,
    ContactAttribute,
    Event,
    Order,
    OrderLine,
    PurchasedCategory,
    Segment,
)

Predicate = ColumnElement[bool]
Resolver = Callable[[str], Any]

contacts = Contact.__table__.c
orders = Order.__table__.c
order_lines = OrderLine.__table__.c
events = Event.__table__.c
attributes = ContactAttribute.__table__.c
purchased = PurchasedCategory.__table__.c

# Profile text fields and the folded column each one is compared on.
TEXT_COLUMNS = {
    "email": "email", "first_name": "first_name_ci", "last_name": "last_name_ci",
    "city": "city_ci", "region": "region_ci", "phone": "phone_ci", "channel": "channel_ci",
    "payment_method": "payment_method_ci", "device": "device_ci",
}
PLAIN_NUMBERS = ("orders_count", "total_spent", "avg_order_value", "items_per_order",
                 "returns_count", "complaints_count", "rfm_r", "rfm_f", "rfm_m")
DATE_COLUMNS = ("birth_date", "registered_at", "first_order_at", "last_order_at")
PURCHASE_COLUMNS = {"bought_category": "category_ci", "bought_sku": "sku_ci",
                    "bought_color": "color_ci", "bought_size": "size_ci",
                    "bought_style": "style_ci"}
# Behaviour field -> (event types, events column holding the matched value).
BEHAVIOUR_EVENTS: dict[str, tuple[tuple[str, ...], str]] = {
    "viewed_product": (("product_view",), "value_ci"),
    "viewed_category": (("category_view", "product_view"), "category_ci"),
    "searched": (("search",), "value_ci"),
    "added_to_cart": (("cart_add",), "value_ci"),
    "abandoned_cart": (("cart_abandon",), "value_ci"),
    "visited": (("site_visit",), "value_ci"),
    "opened_email": (("email_open",), "value_ci"),
    "clicked_email": (("email_click",), "value_ci"),
    "clicked_promo": (("promo_click",), "value_ci"),
}
# "ne" / "not_in" / "is_empty" of a multi-valued field: complement of these.
COMPLEMENTS = {"ne": "eq", "not_in": "in", "is_empty": "is_not_empty"}


def sendable() -> Predicate:
    """Contacts a campaign may be sent to: subscribed and consent not false."""
    status, consent = contacts.status, contacts.consent_email
    return and_(or_(status == "subscribed", status == "", status.is_(None)),
                or_(consent.is_(None), consent == true()))


def _like_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def text_match(col: ColumnElement[Any], op: str, value: Any) -> Predicate:
    """Positive test of a folded text column (eq, in, contains, starts_with, is_not_empty)."""
    if op == "is_not_empty":
        return col.is_not(None)
    if op == "eq":
        return and_(col.is_not(None), col == value) if value is not None else false()
    if op == "in":
        values = [v for v in value if v is not None]
        return and_(col.is_not(None), col.in_(values)) if values else false()
    if op in ("contains", "starts_with"):
        if value is None:  # an empty fragment is found in every non-empty text
            return col.is_not(None)
        pattern = _like_escape(value) + "%"
        if op == "contains":
            pattern = "%" + pattern
        return and_(col.is_not(None), col.like(pattern, escape="\\"))
    raise AssertionError(op)


def _text_field(col: ColumnElement[Any], op: str, value: Any) -> Predicate:
    if op == "is_empty":
        return col.is_(None)
    if op == "ne":
        return or_(col.is_(None), col != value) if value is not None else true()
    if op == "not_in":
        values = [v for v in value if v is not None]
        return or_(col.is_(None), col.not_in(values)) if values else true()
    return text_match(col, op, value)


def _numeric(col: ColumnElement[Any], op: str, value: Any) -> Predicate:
    present = col.is_not(None)
    if op == "is_empty":
        return col.is_(None)
    if op == "is_not_empty":
        return present
    if op == "ne":
        return or_(col.is_(None), col != value)
    if op == "not_in":
        return or_(col.is_(None), col.not_in(list(value))) if value else true()
    if op == "in":
        return and_(present, col.in_(list(value))) if value else false()
    if op == "between":
        low, high = value
        return and_(present, col >= low, col <= high)
    compare = {"eq": col == value, "gt": col > value, "gte": col >= value,
               "lt": col < value, "lte": col <= value}[op]
    return and_(present, compare)


def _integer_field(present: Predicate, at_least: Callable[[int], Predicate],
                   below: Callable[[int], Predicate], op: str, value: Any) -> Predicate:
    """A whole-number derived field given ``value >= n`` and ``value < n`` as SQL."""

    def equals(x: float) -> Predicate:
        if x != int(x):
            return false()
        return and_(at_least(int(x)), below(int(x) + 1))

    if op == "is_empty":
        return not_(present)
    if op == "is_not_empty":
        return present
    if op == "eq":
        return and_(present, equals(value))
    if op == "ne":
        return not_(and_(present, equals(value)))
    if op == "in":
        return and_(present, or_(false(), *(equals(v) for v in value)))
    if op == "not_in":
        return not_(and_(present, or_(false(), *(equals(v) for v in value))))
    if op == "gte":
        return and_(present, at_least(math.ceil(value)))
    if op == "gt":
        return and_(present, at_least(math.floor(value) + 1))
    if op == "lte":
        return and_(present, below(math.floor(value) + 1))
    if op == "lt":
        return and_(present, below(math.ceil(value)))
    if op == "between":
        low, high = value
        return and_(present, at_least(math.ceil(low)), below(math.floor(high) + 1))
    raise AssertionError(op)


def _days_since(col: ColumnElement[Any], today: date, op: str, value: Any) -> Predicate:
    """Whole days from the local date of ``col`` to ``today``."""
    return _integer_field(
        col.is_not(None),
        lambda n: col < day_literal(shift_days(today, 1 - n)),
        lambda n: col >= day_literal(shift_days(today, 1 - n)),
        op, value)


def _age(today: date, op: str, value: Any) -> Predicate:
    born = contacts.birth_date
    return _integer_field(
        born.is_not(None),
        lambda n: born <= day_literal(age_cutoff(today, n)),
        lambda n: born > day_literal(age_cutoff(today, n)),
        op, value)


def _birthday_in_days(today: date, op: str, value: Any) -> Predicate:
    mmdd = contacts.birth_mmdd
    if op in ("is_empty", "is_not_empty"):
        return mmdd.is_(None) if op == "is_empty" else mmdd.is_not(None)
    distance = days_to_birthday(today)

    def holds(k: int) -> bool:
        if op in ("eq", "ne"):
            return bool(k == value) == (op == "eq")
        if op in ("in", "not_in"):
            return (k in value) == (op == "in")
        if op == "between":
            return bool(value[0] <= k <= value[1])
        return bool({"gt": k > value, "gte": k >= value, "lt": k < value,
                     "lte": k <= value}[op])

    selected = {m for m, k in distance.items() if holds(k)}
    runs = [mmdd.between(a, b) if a != b else mmdd == a for a, b in mmdd_runs(selected)]
    matched = and_(mmdd.is_not(None), or_(false(), *runs))
    if op in ("ne", "not_in"):
        return or_(mmdd.is_(None), matched)
    return matched


def _date_field(col: ColumnElement[Any], today: date, op: str, value: Any) -> Predicate:
    """Compare the local calendar date of ``col`` (DATE or DATETIME)."""
    if op == "is_empty":
        return col.is_(None)
    if op == "is_not_empty":
        return col.is_not(None)

    def on_or_after(day: date) -> Predicate:
        return col >= day_literal(day)

    def before(day: date) -> Predicate:
        return col < day_literal(day)

    def on(day: date) -> Predicate:
        return and_(on_or_after(day), before(shift_days(day, 1)))

    if op == "ne":
        return or_(col.is_(None), not_(on(value)))
    tests: dict[str, Callable[[], Predicate]] = {
        "on": lambda: on(value), "eq": lambda: on(value),
        "before": lambda: before(value), "lt": lambda: before(value),
        "after": lambda: on_or_after(shift_days(value, 1)),
        "gt": lambda: on_or_after(shift_days(value, 1)),
        "gte": lambda: on_or_after(value), "lte": lambda: before(shift_days(value, 1)),
        "between": lambda: and_(on_or_after(value[0]), before(shift_days(value[1], 1))),
        "within_last_days": lambda: and_(on_or_after(shift_days(today, -value)),
                                         before(shift_days(today, 1))),
        "more_than_days_ago": lambda: before(shift_days(today, -value)),
    }
    return and_(col.is_not(None), tests[op]())


def _enum(col: ColumnElement[Any], op: str, value: Any, empty_means: str | None = None
          ) -> Predicate:
    """An enum column; with ``empty_means`` an empty (NULL or '') value reads as that value."""
    if op in ("is_empty", "is_not_empty"):
        empty = or_(col.is_(None), col == "") if empty_means is None else false()
        return empty if op == "is_empty" else not_(empty)
    wanted = [value] if op in ("eq", "ne") else list(value)
    # Plain comparisons on the stored column, so its index can be used.
    parts: list[Predicate] = [and_(col.is_not(None), col.in_(wanted))] if wanted else []
    if empty_means is not None and empty_means in wanted:
        parts.append(or_(col.is_(None), col == ""))
    positive = or_(false(), *parts)
    return not_(positive) if op in ("ne", "not_in") else positive


def _bool(col: ColumnElement[Any], op: str, value: Any) -> Predicate:
    if op == "is_empty":
        return col.is_(None)
    if op == "is_not_empty":
        return col.is_not(None)
    positive = and_(col.is_not(None), col == (true() if value else false()))
    return not_(positive) if op == "ne" else positive


class Compiler:
    """Compiles parsed rules for one reference date in one connection.

    Saved segments referenced by name are loaded through ``resolve`` (name ->
    rules JSON, or None when there is no such segment) and compiled inline;
    a reference back to a segment being compiled is refused.
    """

    def __init__(self, conn: Connection, today: date,
                 thresholds: LifecycleThresholds | None = None,
                 resolve: Resolver | None = None) -> None:
        self.conn = conn
        self.today = today
        self._thresholds = thresholds
        self.resolve = resolve if resolve is not None else self._load_saved
        self._stack: list[str] = []
        self._depth = 0
        self._saved: dict[str, Predicate] = {}

    @property
    def thresholds(self) -> LifecycleThresholds:
        """The lifecycle thresholds, read from the workspace when first needed."""
        if self._thresholds is None:
            self._thresholds = load_thresholds(self.conn)
        return self._thresholds

    def _load_saved(self, name: str) -> Any:
        return self.conn.execute(
            select(Segment.rules).where(Segment.name == name)).scalar_one_or_none()

    def predicate(self, rule: Rule) -> Predicate:
        """The SQL predicate on ``contacts`` for ``rule``."""
        if isinstance(rule, Group | Not):
            # Saved segments are inlined: their depth adds to the rule's own.
            self._depth += 1
            try:
                if self._depth > MAX_DEPTH:
                    raise too_deep(rule.path)
                if isinstance(rule, Not):
                    return not_(self.predicate(rule.child))
                parts = self._ordered(rule.children)
            finally:
                self._depth -= 1
            if rule.kind == "all":
                return and_(true(), *parts)
            return or_(false(), *parts)
        if isinstance(rule, Reference):
            return self.reference(rule)
        return self.condition(rule)

    def _ordered(self, children: Sequence[Rule]) -> list[Predicate]:
        # Cheap column tests first: SQLite evaluates terms left to right, so
        # subqueries then run only for contacts the columns let through.
        return [self.predicate(c) for c in sorted(children, key=_cost)]

    def reference(self, ref: Reference) -> Predicate:
        """The predicate of a saved segment; refuses cycles and missing names."""
        if ref.name in self._stack:
            chain = " -> ".join([*self._stack[self._stack.index(ref.name):], ref.name])
            raise SegmentError(f"{ref.path or 'rule'}: segments refer to each other in a "
                               f"cycle ({chain})")
        if ref.name in self._saved:
            return self._saved[ref.name]
        data = self.resolve(ref.name)
        if data is None:
            raise SegmentError(f"{ref.path or 'rule'}: there is no saved segment "
                               f"named '{ref.name}'")
        try:
            inner = parse_rule(data)
        except SegmentError as exc:
            raise SegmentError(f"saved segment '{ref.name}': {exc}") from exc
        self._stack.append(ref.name)
        try:
            compiled = self.predicate(inner)
        finally:
            self._stack.pop()
        self._saved[ref.name] = compiled
        return compiled

    def condition(self, c: Condition) -> Predicate:
        """The predicate of one condition."""
        name, op, value, today = c.field.name, c.op, c.value, self.today
        if name in TEXT_COLUMNS:
            return _text_field(contacts[TEXT_COLUMNS[name]], op, value)
        if name in PLAIN_NUMBERS:
            return _numeric(contacts[name], op, value)
        if name in DATE_COLUMNS:
            return _date_field(contacts[name], today, op, value)
        if name == "age":
            return _age(today, op, value)
        if name == "birthday_in_days":
            return _birthday_in_days(today, op, value)
        if name == "tenure_days":
            return _days_since(contacts.registered_at, today, op, value)
        if name == "days_since_last_order":
            return _days_since(contacts.last_order_at, today, op, value)
        if name == "gender":
            return _enum(contacts.gender, op, value, empty_means="unknown")
        if name == "status":
            return _enum(contacts.status, op, value, empty_means="subscribed")
        if name == "rfm_group":
            return _enum(contacts.rfm_group, op, value)
        if name == "consent_email":
            return _bool(contacts.consent_email, op, value)
        if name == "lifecycle":
            return self._lifecycle(op, value)
        if name in PURCHASE_COLUMNS:
            return _complemented(op, value, lambda o, v: self._purchased(name, o, v))
        if name in BEHAVIOUR_EVENTS:
            return _complemented(op, value, lambda o, v: self._behaviour(c, o, v))
        if name.startswith(CUSTOM_PREFIX):
            attr = name[len(CUSTOM_PREFIX):]
            return _complemented(op, value, lambda o, v: self._custom(attr, o, v))
        raise AssertionError(name)

    def _lifecycle(self, op: str, value: Any) -> Predicate:
        if op == "is_empty":
            return false()
        if op == "is_not_empty":
            return true()
        wanted = [value] if op in ("eq", "ne") else list(value)
        positive = or_(false(), *(status_predicate(s, self.today, self.thresholds)
                                  for s in wanted))
        return not_(positive) if op in ("ne", "not_in") else positive

    def _purchased(self, name: str, op: str, value: Any) -> Predicate:
        if name == "bought_category":  # one probe per contact (derived table)
            return exists().where(purchased.contact_id == contacts.id,
                                  text_match(purchased.category_ci, op, value))
        col = order_lines[PURCHASE_COLUMNS[name]]
        return exists().where(
            orders.contact_id == contacts.id,
            orders.status.in_(PURCHASE_STATUSES),
            order_lines.order_pk == orders.id,
            text_match(col, op, value))

    def _behaviour(self, c: Condition, op: str, value: Any) -> Predicate:
        types, column = BEHAVIOUR_EVENTS[c.field.name]
        where: list[Predicate] = [events.type.in_(types) if len(types) > 1
                                  else events.type == types[0]]
        if op not in ("exists", "is_not_empty"):
            where.append(text_match(events[column], op, value))
        if c.within_days is not None:
            where.append(events.day >= day_literal(shift_days(self.today, -c.within_days)))
            where.append(events.day <= day_literal(self.today))
            chosen = select(events.contact_id).where(*where)
            if c.min_count > 1:
                chosen = chosen.group_by(events.contact_id).having(
                    func.count() >= c.min_count)
            return contacts.id.in_(chosen)
        if c.min_count > 1:
            counted = select(func.count()).where(
                events.contact_id == contacts.id, *where).scalar_subquery()
            return counted >= c.min_count
        return exists().where(events.contact_id == contacts.id, *where)

    def _custom(self, attr: str, op: str, value: Any) -> Predicate:
        return exists().where(
            attributes.contact_id == contacts.id, attributes.name == attr,
            text_match(attributes.value_ci, op, value))


def _complemented(op: str, value: Any,
                  positive: Callable[[str, Any], Predicate]) -> Predicate:
    if op in COMPLEMENTS:
        return not_(positive(COMPLEMENTS[op], value))
    return positive(op, value)


def _cost(rule: Rule) -> int:
    """Rough evaluation cost used to order AND/OR terms (stable sort)."""
    if isinstance(rule, Condition):
        kind = rule.field.type
        if kind == "behaviour" and rule.within_days is not None:
            return 2  # a set built once from an index, then a lookup per contact
        if kind in ("behaviour", "purchase", "custom"):
            return 3
        if rule.field.name == "lifecycle":
            return 2
        return 0
    if isinstance(rule, Not):
        return _cost(rule.child)
    if isinstance(rule, Group):
        return max((_cost(c) for c in rule.children), default=0) + (1 if rule.children else 0)
    return 4


def compile_rule(conn: Connection, rule: Any, today: date) -> Predicate:
    """Parse (if needed) and compile ``rule`` to a predicate on ``contacts``.

    ``rule`` is the decoded JSON or an already parsed :data:`Rule`.
    """
    parsed = rule if isinstance(rule, Group | Not | Reference | Condition) else parse_rule(rule)
    return Compiler(conn, today).predicate(parsed)


def select_members(conn: Connection, rule: Any, today: date) -> Select[tuple[int]]:
    """``SELECT contacts.id FROM contacts WHERE <rule>``: the segment as one query."""
    return select(contacts.id).where(compile_rule(conn, rule, today))
