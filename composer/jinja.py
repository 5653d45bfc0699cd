"""The Jinja2 environment templates are rendered with, and helpers around it.

One sandboxed environment, strict about undefined variables: a variable with
no value fails unless the template gives a fallback with ``default``. Our
``default`` also treats ``None`` and empty strings as missing, because an empty
first name in the database must fall back to "friend" just like an absent one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

from jinja2 import StrictUndefined, TemplateSyntaxError, Undefined, nodes
from jinja2.runtime import Context
from jinja2.sandbox import SandboxedEnvironment

from composer import budget

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
    """Mapping keys win over methods: ``cart.items`` is the cart's items, not ``dict.items``.

    Every render is bounded (:mod:`composer.budget`): loops and ``~`` are
    wrapped in guards when a template is parsed, operators that can make
    huge values are intercepted, and calls, attributes, items, filters and
    the output are measured and timed.
    """

    intercepted_binops = frozenset({"*", "**", "%", "+"})

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        tree = super()._parse(source, name, filename)
        guarded = budget.GuardTransformer().visit(tree)
        assert isinstance(guarded, nodes.Template)
        return guarded

    def getattr(self, obj: Any, attribute: str) -> Any:
        budget.tick()
        if isinstance(obj, Mapping) and attribute in obj:
            return obj[attribute]
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        budget.tick()
        value = super().getitem(obj, argument)
        return budget.account(value) if isinstance(argument, slice) else value

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        budget.check_binop(operator, left, right)
        return budget.account(super().call_binop(context, operator, left, right))

    def call(__self, __context: Context, __obj: Any, *args: Any,  # noqa: N805 - as Jinja's
             **kwargs: Any) -> Any:
        args = budget.check_call(__obj, args, kwargs)
        return budget.account(super().call(__context, __obj, *args, **kwargs))

    def concat(self, pieces: Iterable[str]) -> str:
        """The output of a render, a block or a macro, measured as it is joined."""
        return budget.join_text(pieces)


@lru_cache(maxsize=2)
def environment(autoescape: bool = True) -> SandboxedEnvironment:
    """The shared sandboxed environment (``autoescape=False`` for subjects and text)."""
    env = _KonvertEnvironment(
        autoescape=autoescape,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        cache_size=400,
        finalize=budget.finalize,
    )
    env.filters["default"] = _default
    env.filters["d"] = _default
    env.filters["money"] = _money
    env.filters["ru_date"] = _ru_date
    env.filters["ru_plural"] = _ru_plural
    for name, func in list(env.filters.items()):
        env.filters[name] = budget.guard_filter(name, func)
    env.filters[budget.LOOP_GUARD] = budget.loop_guard
    env.filters[budget.TEXT_GUARD] = budget.text_guard
    env.filters[budget.OPERAND_GUARD] = budget.text_operand
    lipsum = env.globals["lipsum"]
    assert callable(lipsum)
    env.globals["lipsum"] = budget.lipsum_guard(lipsum)
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


def syntax_tree(source: str, autoescape: bool = True) -> nodes.Template:
    """``source`` parsed as written, without the render budget's guards.

    For reading a template's structure (translation to ESP syntaxes,
    analysis); rendering always goes through :func:`environment`, guarded.
    Syntax errors raise :class:`jinja2.TemplateSyntaxError` with their line.
    """
    env = environment(autoescape)
    try:
        return SandboxedEnvironment._parse(env, source, None, None)
    except TemplateSyntaxError as exc:
        exc.source = source
        raise


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
