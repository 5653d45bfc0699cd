"""The Jinja2 environment templates are rendered with, and helpers around it.

One sandboxed environment, strict about undefined variables: a variable with
no value fails unless the template gives a fallback with ``default``. Our
``default`` also treats ``None`` and empty strings as missing, because an empty
first name in the database must fall back to "friend" just like an absent one.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

from jinja2 import StrictUndefined, Undefined, nodes
from jinja2.sandbox import SandboxedEnvironment

_MONTHS_RU = (
    "января", "февраля", "марта", "апреля", "мая", "июня",
    "июля", "августа", "сентября", "октября", "ноября", "декабря",
)

JINJA_TAG_RE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
"""Any Jinja2 expression, statement or comment."""

MASK_CHAR = "\ue000"
"""Stands in for a Jinja expression when MJML is validated (see :func:`mask_jinja`)."""


def _default(value: Any, default_value: Any = "", boolean: bool = False) -> Any:
    if isinstance(value, Undefined) or value is None or value == "":
        return default_value
    if boolean and not value:
        return default_value
    return value


def _money(value: Any, currency: str = "₽") -> str:
    """``2990`` -> ``2 990 ₽``, ``1234.5`` -> ``1 234,50 ₽`` (no-break spaces)."""
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return str(value)
    if number == number.to_integral_value():
        text = f"{int(number):,}".replace(",", "\u00a0")
    else:
        whole, frac = f"{number:,.2f}".split(".")
        text = whole.replace(",", "\u00a0") + "," + frac
    return f"{text}\u00a0{currency}" if currency else text


def _ru_date(value: Any, with_year: bool = False) -> str:
    """``2025-03-05`` -> ``5 марта`` (``5 марта 2025`` with ``with_year``)."""
    if isinstance(value, str):
        text_value = value
        try:
            value = date.fromisoformat(text_value[:10])
        except ValueError:
            return text_value
    if isinstance(value, datetime):
        value = value.date()
    if not isinstance(value, date):
        return str(value)
    text = f"{value.day} {_MONTHS_RU[value.month - 1]}"
    return f"{text} {value.year}" if with_year else text


def _ru_plural(value: Any, one: str, few: str, many: str) -> str:
    """The Russian word form for a count: ``2 | ru_plural('день', 'дня', 'дней')`` -> ``дня``.

    A fraction takes ``few`` (``1,5 балла``); a value that is not a number ``many``.
    """
    try:
        exact = abs(Decimal(str(value)))
    except (InvalidOperation, ValueError):
        return many
    if not exact.is_finite():
        return many
    if exact != exact.to_integral_value():
        return few
    number = int(exact)
    if number % 10 == 1 and number % 100 != 11:
        return one
    if 2 <= number % 10 <= 4 and not 12 <= number % 100 <= 14:
        return few
    return many


class _KonvertEnvironment(SandboxedEnvironment):
    """Mapping keys win over methods: ``cart.items`` is the cart's items, not ``dict.items``."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        if isinstance(obj, Mapping) and attribute in obj:
            return obj[attribute]
        return super().getattr(obj, attribute)


@lru_cache(maxsize=2)
def environment(autoescape: bool = True) -> SandboxedEnvironment:
    """The shared sandboxed environment (``autoescape=False`` for subjects and text)."""
    env = _KonvertEnvironment(
        autoescape=autoescape,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        cache_size=400,
    )
    env.filters["default"] = _default
    env.filters["d"] = _default
    env.filters["money"] = _money
    env.filters["ru_date"] = _ru_date
    env.filters["ru_plural"] = _ru_plural
    return env


def mask_jinja(source: str) -> str:
    """Blank out Jinja markup, keeping every other character at its offset.

    Expressions become :data:`MASK_CHAR` runs (they stand for text), statements
    and comments become spaces; newlines are kept so line and column numbers
    of the MJML around them stay right.
    """

    def blank(match: re.Match[str]) -> str:
        text = match.group(0)
        fill = MASK_CHAR if text.startswith("{{") else " "
        return "".join(ch if ch == "\n" else fill for ch in text)

    return JINJA_TAG_RE.sub(blank, source)


def undeclared_names(source: str) -> set[str]:
    """Top-level names a template reads without setting them (parse errors raise)."""
    from jinja2 import meta

    ast = environment().parse(source)
    return set(meta.find_undeclared_variables(ast))


def used_attributes(source: str) -> set[str]:
    """Dotted names like ``shop.url`` or ``cart.items`` read by a template."""
    ast = environment().parse(source)
    found: set[str] = set()
    for node in ast.find_all(nodes.Getattr):
        if isinstance(node.node, nodes.Name):
            found.add(f"{node.node.name}.{node.attr}")
    return found
