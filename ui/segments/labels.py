"""Words shown for the parts of a rule: fields, operators, enum values, in Russian or English.

Field labels come from the core's catalogue (``label_ru`` / ``label_en``);
operators, enum values and group names are translated by Qt (the markers
below are collected by ``pyside6-lupdate``).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from segments import field_spec
from segments.edits import Node, node_kind
from segments.fields import MONEY_FIELDS
from workspace.money import DEFAULT_CURRENCY, format_date, format_money, format_number

_currency = [DEFAULT_CURRENCY]


def set_display_currency(code: str) -> None:
    """Amounts in rule texts and value editors read in this currency (the workspace's)."""
    _currency[0] = code.upper() or DEFAULT_CURRENCY


def display_currency() -> str:
    """The currency amounts are shown in (the open workspace's; RUB until it is loaded)."""
    return _currency[0]

CONTEXT = "SegmentLabels"

GROUP_TITLES = {
    "Profile": QT_TRANSLATE_NOOP("SegmentLabels", "Profile"),
    "Purchases": QT_TRANSLATE_NOOP("SegmentLabels", "Purchases"),
    "Behaviour": QT_TRANSLATE_NOOP("SegmentLabels", "Behaviour"),
    "Lifecycle": QT_TRANSLATE_NOOP("SegmentLabels", "Lifecycle"),
    "RFM": QT_TRANSLATE_NOOP("SegmentLabels", "RFM"),
    "Custom": QT_TRANSLATE_NOOP("SegmentLabels", "Custom"),
}

OPS = {
    "eq": QT_TRANSLATE_NOOP("SegmentLabels", "is"),
    "ne": QT_TRANSLATE_NOOP("SegmentLabels", "is not"),
    "in": QT_TRANSLATE_NOOP("SegmentLabels", "is one of"),
    "not_in": QT_TRANSLATE_NOOP("SegmentLabels", "is none of"),
    "contains": QT_TRANSLATE_NOOP("SegmentLabels", "contains"),
    "starts_with": QT_TRANSLATE_NOOP("SegmentLabels", "starts with"),
    "gt": QT_TRANSLATE_NOOP("SegmentLabels", "more than"),
    "gte": QT_TRANSLATE_NOOP("SegmentLabels", "at least"),
    "lt": QT_TRANSLATE_NOOP("SegmentLabels", "less than"),
    "lte": QT_TRANSLATE_NOOP("SegmentLabels", "at most"),
    "between": QT_TRANSLATE_NOOP("SegmentLabels", "between"),
    "is_empty": QT_TRANSLATE_NOOP("SegmentLabels", "is empty"),
    "is_not_empty": QT_TRANSLATE_NOOP("SegmentLabels", "is not empty"),
    "exists": QT_TRANSLATE_NOOP("SegmentLabels", "did it at all"),
    "before": QT_TRANSLATE_NOOP("SegmentLabels", "before"),
    "after": QT_TRANSLATE_NOOP("SegmentLabels", "after"),
    "on": QT_TRANSLATE_NOOP("SegmentLabels", "on"),
    "within_last_days": QT_TRANSLATE_NOOP("SegmentLabels", "in the last N days"),
    "more_than_days_ago": QT_TRANSLATE_NOOP("SegmentLabels", "more than N days ago"),
}

# Dates read better with their own words for the comparisons.
DATE_OPS = {
    "eq": QT_TRANSLATE_NOOP("SegmentLabels", "is the day"),
    "ne": QT_TRANSLATE_NOOP("SegmentLabels", "is not the day"),
    "gt": QT_TRANSLATE_NOOP("SegmentLabels", "later than"),
    "gte": QT_TRANSLATE_NOOP("SegmentLabels", "on or after"),
    "lt": QT_TRANSLATE_NOOP("SegmentLabels", "earlier than"),
    "lte": QT_TRANSLATE_NOOP("SegmentLabels", "on or before"),
}

VALUES = {
    "female": QT_TRANSLATE_NOOP("SegmentLabels", "female"),
    "male": QT_TRANSLATE_NOOP("SegmentLabels", "male"),
    "unknown": QT_TRANSLATE_NOOP("SegmentLabels", "unknown"),
    "subscribed": QT_TRANSLATE_NOOP("SegmentLabels", "subscribed"),
    "unsubscribed": QT_TRANSLATE_NOOP("SegmentLabels", "unsubscribed"),
    "bounced": QT_TRANSLATE_NOOP("SegmentLabels", "bounced"),
    "complained": QT_TRANSLATE_NOOP("SegmentLabels", "complained"),
    "cold": QT_TRANSLATE_NOOP("SegmentLabels", "cold"),
    "warm": QT_TRANSLATE_NOOP("SegmentLabels", "warm"),
    "hot": QT_TRANSLATE_NOOP("SegmentLabels", "hot"),
    "active": QT_TRANSLATE_NOOP("SegmentLabels", "active"),
    "passive": QT_TRANSLATE_NOOP("SegmentLabels", "passive"),
    "inactive": QT_TRANSLATE_NOOP("SegmentLabels", "inactive"),
    "very_inactive": QT_TRANSLATE_NOOP("SegmentLabels", "very inactive"),
    "champions": QT_TRANSLATE_NOOP("SegmentLabels", "champions"),
    "loyal": QT_TRANSLATE_NOOP("SegmentLabels", "loyal"),
    "potential_loyalist": QT_TRANSLATE_NOOP("SegmentLabels", "potential loyalists"),
    "new": QT_TRANSLATE_NOOP("SegmentLabels", "new customers"),
    "promising": QT_TRANSLATE_NOOP("SegmentLabels", "promising"),
    "need_attention": QT_TRANSLATE_NOOP("SegmentLabels", "need attention"),
    "about_to_sleep": QT_TRANSLATE_NOOP("SegmentLabels", "about to sleep"),
    "at_risk": QT_TRANSLATE_NOOP("SegmentLabels", "at risk"),
    "cant_lose": QT_TRANSLATE_NOOP("SegmentLabels", "can't lose them"),
    "hibernating": QT_TRANSLATE_NOOP("SegmentLabels", "hibernating"),
    "lost": QT_TRANSLATE_NOOP("SegmentLabels", "lost"),
}

KINDS = {
    "all": QT_TRANSLATE_NOOP("SegmentLabels", "ALL of these"),
    "any": QT_TRANSLATE_NOOP("SegmentLabels", "ANY of these"),
    "not": QT_TRANSLATE_NOOP("SegmentLabels", "NOT"),
}

INTEGER_FIELDS = frozenset({
    "age", "tenure_days", "birthday_in_days", "orders_count", "returns_count",
    "complaints_count", "days_since_last_order", "rfm_r", "rfm_f", "rfm_m",
})
"""Number fields that only take whole numbers (a spin box without decimals)."""


def tr(source: object) -> str:
    """``source`` (a marked text) translated in this module's context."""
    return QCoreApplication.translate(CONTEXT, str(source))


def is_russian() -> bool:
    """Whether the UI speaks Russian now (the language switcher sets the default locale)."""
    return QLocale().language() == QLocale.Language.Russian


def field_label(name: str) -> str:
    """The field's label in the UI's language (its name if unknown)."""
    spec = field_spec(name)
    if spec is None:
        return name
    return spec.label_ru if is_russian() else spec.label_en


def group_title(group: str) -> str:
    """A field group's title (Profile, Purchases…)."""
    return tr(GROUP_TITLES.get(group, group))


def op_label(op: str, field_type: str = "") -> str:
    """The operator in words, dates having their own words for comparisons."""
    if field_type == "date" and op in DATE_OPS:
        return tr(DATE_OPS[op])
    return tr(OPS.get(op, op))


def value_label(value: str) -> str:
    """An enum value in words (the raw value when there are none)."""
    return tr(VALUES[value]) if value in VALUES else value


def _value_text(name: str, value: Any) -> str:
    spec = field_spec(name)
    if isinstance(value, list):
        return ", ".join(_value_text(name, v) for v in value)
    if isinstance(value, bool):
        if value:
            return QCoreApplication.translate("SegmentLabels", "yes")
        return QCoreApplication.translate("SegmentLabels", "no")
    if spec is not None and spec.type == "enum" and isinstance(value, str):
        return value_label(value)
    if isinstance(value, date):
        return format_date(value, "ru" if is_russian() else "en")
    if isinstance(value, int | float) and spec is not None and spec.type == "number":
        lang = "ru" if is_russian() else "en"
        return (format_money(value, lang, display_currency()) if name in MONEY_FIELDS
                else format_number(value, lang))
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def describe(node: Node) -> str:
    """One line of plain words for a node (not its children): ``City is one of Москва, Казань``."""
    kind = node_kind(node)
    if kind in KINDS:
        return tr(KINDS[kind])
    if kind == "segment":
        text = QCoreApplication.translate("SegmentLabels", "in segment “{0}”")
        return text.format(node.get("segment", ""))
    name = str(node.get("field", ""))
    spec = field_spec(name)
    op = str(node.get("op", ""))
    words = [field_label(name), op_label(op, spec.type if spec else "")]
    value = node.get("value")
    if op == "between" and isinstance(value, list) and len(value) == 2:
        words.append(QCoreApplication.translate("SegmentLabels", "{0} and {1}").format(
            _value_text(name, value[0]), _value_text(name, value[1])))
    elif op in ("within_last_days", "more_than_days_ago"):
        if op == "within_last_days":
            text = QCoreApplication.translate("SegmentLabels", "in the last {0} days")
        else:
            text = QCoreApplication.translate("SegmentLabels", "more than {0} days ago")
        words[-1] = text.format(value)
    elif "value" in node and op not in ("is_empty", "is_not_empty", "exists"):
        words.append(_value_text(name, value))
    if node.get("within_days") is not None:
        text = QCoreApplication.translate("SegmentLabels", "in the last {0} days")
        words.append(text.format(node["within_days"]))
    if int(node.get("min_count", 1) or 1) > 1:
        text = QCoreApplication.translate("SegmentLabels", "at least {0} times")
        words.append(text.format(node["min_count"]))
    return " ".join(w for w in words if w)
