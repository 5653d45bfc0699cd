"""The render budget: every Jinja render is bounded in time, loops, text, lists and numbers.

Jinja's sandbox stops templates from reaching Python internals, but it
limits only ``range()``: nested loops ran for ever, ``10**(10**8)`` spun for
minutes and ``'A'*10**9`` took gigabytes. Every render now runs inside a
:class:`RenderBudget` (see :func:`render_budget`), checked from hooks of the
sandboxed environment (:mod:`composer.jinja`):

- **time**: :data:`LIMITS`.seconds per render, checked at every loop
  iteration, call, attribute, item, operator and filter;
- **loop iterations**: all loops of one render together;
- **text and lists**: no string longer than ``text_chars`` and no list longer
  than ``list_items`` is made (checked *before* a repetition, padding, join,
  replace or format would allocate it), the output of a render and of any
  ``{% set %}`` block or macro is at most ``text_chars``, and all the text a
  render makes adds up to at most ``total_chars`` (a loop that builds a new
  long string every turn stops there, not when memory runs out);
- **integers**: no result with more than ``int_digits`` decimal digits
  (``**`` and ``*`` are checked before they run).

A limit exceeded raises :class:`~composer.errors.RenderBudgetError` with the
line of the innermost loop running (or of the statement, outside loops).
Without an active budget (a template rendered outside :func:`render_budget`)
the size checks still apply; time and loop counts need the budget.
"""

from __future__ import annotations

import math
import re
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from jinja2 import nodes
from jinja2.visitor import NodeTransformer

from composer.errors import RenderBudgetError, RenderCancelledError


@dataclass(frozen=True)
class RenderLimits:
    """The budget of one render (the defaults are :data:`LIMITS`)."""

    seconds: float = 2.0
    """Wall-clock time of the Jinja step of one render (all its pieces)."""
    loop_iterations: int = 100_000
    """Iterations of all ``{% for %}`` loops of one render together."""
    text_chars: int = 1_000_000
    """Longest string a template may make, and longest output (Gmail clips at 102 KB)."""
    total_chars: int = 20_000_000
    """All text a render makes, added up."""
    list_items: int = 100_000
    """Longest list a template may make."""
    int_digits: int = 1000
    """Largest integer, in decimal digits."""

    @property
    def int_bits(self) -> int:
        """:attr:`int_digits` in bits (an integer with more bits is too large)."""
        return math.ceil(self.int_digits * math.log2(10))


LIMITS = RenderLimits()
"""The limits every render gets."""

LOOP_GUARD = "kv_loop_budget"
"""Filter wrapped around the iterable of every ``{% for %}`` (see :class:`GuardTransformer`)."""
TEXT_GUARD = "kv_text_budget"
"""Filter wrapped around every ``~`` concatenation."""
OPERAND_GUARD = "kv_operand_budget"
"""Filter wrapped around every operand of ``~`` (a list would be written out)."""


class RenderBudget:
    """What one render has used so far; :meth:`tick` and friends raise when a limit is passed."""

    def __init__(self, limits: RenderLimits = LIMITS,
                 cancelled: Callable[[], bool] | None = None) -> None:
        self.limits = limits
        self.deadline = time.monotonic() + limits.seconds
        self.cancelled = cancelled
        self.iterations = 0
        self.chars = 0
        self.output = 0
        self.loop_line: int | None = None

    def tick(self) -> None:
        """Raise when the time is up or the caller gave up on the render."""
        if time.monotonic() > self.deadline:
            raise RenderBudgetError("time", self.limits.seconds, self.loop_line,
                                    in_loop=self.loop_line is not None)
        if self.cancelled is not None and self.cancelled():
            raise RenderCancelledError("the render was cancelled")

    def iterate(self, line: int) -> None:
        """One more loop iteration, of the loop on ``line``."""
        self.iterations += 1
        self.loop_line = line
        if self.iterations > self.limits.loop_iterations:
            raise RenderBudgetError("loops", self.limits.loop_iterations, line, in_loop=True)
        self.tick()

    def add_output(self, count: int) -> None:
        """Count ``count`` characters of rendered MJML (all pieces of a render together)."""
        self.output += count
        if self.output > self.limits.text_chars:
            raise RenderBudgetError("output", self.limits.text_chars)

    def add_chars(self, count: int) -> None:
        """Count ``count`` characters of text made."""
        self.chars += count
        if self.chars > self.limits.total_chars:
            raise RenderBudgetError("total", self.limits.total_chars, self.loop_line,
                                    in_loop=self.loop_line is not None)


_current: ContextVar[RenderBudget | None] = ContextVar("konvert_render_budget", default=None)


def current_budget() -> RenderBudget | None:
    """The budget of the render running in this thread, if any."""
    return _current.get()


@contextmanager
def render_budget(limits: RenderLimits | None = None,
                  cancelled: Callable[[], bool] | None = None) -> Iterator[RenderBudget]:
    """Run the renders inside with one budget (an enclosing budget is reused as is).

    ``cancelled`` is polled with the clock: once it returns true the render
    stops with :class:`~composer.errors.RenderCancelledError` (the live
    preview gives up on a render an edit made stale).
    """
    existing = _current.get()
    if existing is not None:
        yield existing
        return
    budget = RenderBudget(limits or LIMITS, cancelled)
    token = _current.set(budget)
    try:
        yield budget
    finally:
        _current.reset(token)


def _limits() -> RenderLimits:
    budget = _current.get()
    return budget.limits if budget is not None else LIMITS


def tick() -> None:
    """Check the clock of the running render (no-op outside a budget)."""
    budget = _current.get()
    if budget is not None:
        budget.tick()


def _line() -> int | None:
    budget = _current.get()
    return budget.loop_line if budget is not None else None


def _too_long(kind: str, limit: int) -> RenderBudgetError:
    line = _line()
    return RenderBudgetError(kind, limit, line, in_loop=line is not None)


def check_text_size(chars: int) -> None:
    """Raise before a string of ``chars`` characters is made, if it is too long."""
    limits = _limits()
    if chars > limits.text_chars:
        raise _too_long("text", limits.text_chars)


def check_list_size(items: int) -> None:
    """Raise before a list of ``items`` items is made, if it is too long."""
    limits = _limits()
    if items > limits.list_items:
        raise _too_long("list", limits.list_items)


def check_int_bits(bits: int) -> None:
    """Raise before an integer of ``bits`` bits is made, if it is too large."""
    limits = _limits()
    if bits > limits.int_bits:
        raise _too_long("integer", limits.int_digits)


def account(value: Any) -> Any:
    """Check the size of a value a template made and count its text; return it."""
    if isinstance(value, str):
        check_text_size(len(value))
        budget = _current.get()
        if budget is not None:
            budget.add_chars(len(value))
    elif isinstance(value, (list, tuple, dict, set, frozenset, bytes)):
        check_list_size(len(value))
    elif isinstance(value, int) and not isinstance(value, bool):
        check_int_bits(value.bit_length())
    return value


def check_str_size(value: Any) -> None:
    """Raise before ``str(value)`` of a container would be too long.

    ``[s]*1000`` of a long ``s`` is a short list but a huge text once
    written out: the text is estimated (walking the containers, stopping
    once over the limit) before anything is converted.
    """
    if isinstance(value, str) or not isinstance(value, (list, tuple, set, frozenset, dict)):
        return
    limit = _limits().text_chars
    total = 0
    stack: list[Any] = [value]
    seen: set[int] = set()
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            total += len(item) + 4
        elif isinstance(item, (list, tuple, set, frozenset, dict)):
            total += 2
            if id(item) in seen:  # repr writes a cycle as [...]
                total += 3
                continue
            seen.add(id(item))
            if isinstance(item, dict):
                stack.extend(item.keys())
                stack.extend(item.values())
            else:
                stack.extend(item)
        elif isinstance(item, int) and not isinstance(item, bool):
            total += item.bit_length() // 3 + 3
        else:
            total += 24
        if total > limit:
            check_text_size(total)


def text_operand(value: Any, line: int) -> Any:
    """An operand of ``~``, measured before it is turned into text."""
    del line
    check_str_size(value)
    return value


def join_text(pieces: Iterable[str], separator: str = "") -> str:
    """``separator.join(pieces)`` checked piece by piece (the output and block buffers)."""
    limits = _limits()
    kept: list[str] = []
    total = 0
    for piece in pieces:
        total += len(piece) + len(separator)
        if total > limits.text_chars + len(separator):
            if _current.get() is not None:
                tick()
            raise _too_long("output", limits.text_chars)
        kept.append(piece)
    text = separator.join(kept)
    budget = _current.get()
    if budget is not None:
        budget.add_chars(len(text))
    return text


# -- operators -------------------------------------------------------------------------

_PERCENT_SPEC_RE = re.compile(r"%(?:\([^)]*\))?[#0 +\-]*(\*|\d+)?(?:\.(\*|\d+))?")
_FORMAT_FIELD_RE = re.compile(r"\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}")
_DIGITS_RE = re.compile(r"\d+")


_STRINGIFYING_FILTERS = frozenset({
    "string", "e", "escape", "forceescape", "pprint", "tojson", "upper", "lower", "title",
    "capitalize", "trim", "striptags", "urlize", "urlencode", "wordcount", "wordwrap",
    "truncate", "center", "indent", "replace", "format", "safe", "xmlattr",
})
"""Filters that turn their value (a list too) into text."""


def _sized(value: Any) -> bool:
    return isinstance(value, (str, list, tuple, bytes))


def _check_repeat(seq: Any, times: Any) -> None:
    if isinstance(times, bool) or not isinstance(times, int) or times <= 0:
        return
    size = len(seq) * times
    if isinstance(seq, str):
        check_text_size(size)
    else:
        check_list_size(size)
        text = sum(len(item) for item in seq if isinstance(item, str))
        if text * times > _limits().total_chars:  # [s]*n of a long s: too much to compare
            check_text_size(text * times)


def _int_args(args: Any) -> list[int]:
    if isinstance(args, dict):
        values = list(args.values())
    elif isinstance(args, (tuple, list)):
        values = list(args)
    else:
        values = [args]
    return [v for v in values if isinstance(v, int) and not isinstance(v, bool)]


def check_percent_format(fmt: str, args: Any) -> None:
    """``fmt % args`` must not pad or print a number wider than the text limit."""
    limit = _limits().text_chars
    star = False
    for match in _PERCENT_SPEC_RE.finditer(fmt):
        for group in match.groups():
            if group == "*":
                star = True
            elif group and int(group) > limit:
                check_text_size(int(group))
    if star and any(abs(v) > limit for v in _int_args(args)):
        check_text_size(max(abs(v) for v in _int_args(args)))


def check_brace_format(fmt: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """``fmt.format(...)`` must not pad or print a number wider than the text limit."""
    limit = _limits().text_chars
    for field in _FORMAT_FIELD_RE.findall(fmt):
        spec = field[1:-1].split(":", 1)[1] if ":" in field else ""
        for digits in _DIGITS_RE.findall(spec):
            if int(digits) > limit:
                check_text_size(int(digits))
        if "{" in spec:  # a width taken from the arguments
            values = _int_args(args) + _int_args(kwargs)
            if values and max(abs(v) for v in values) > limit:
                check_text_size(max(abs(v) for v in values))


def check_binop(operator: str, left: Any, right: Any) -> None:
    """Raise before ``left <operator> right`` would make something too large."""
    tick()
    if operator == "**":
        if isinstance(left, int) and isinstance(right, int) and right > 0 and abs(left) > 1:
            check_int_bits(right * (abs(left).bit_length() - 1))
    elif operator == "*":
        if isinstance(left, int) and isinstance(right, int) \
                and not isinstance(left, bool) and not isinstance(right, bool):
            check_int_bits(left.bit_length() + right.bit_length() - 1)
        elif _sized(left):
            _check_repeat(left, right)
        elif _sized(right):
            _check_repeat(right, left)
    elif operator == "+":
        if isinstance(left, str) and isinstance(right, str):
            check_text_size(len(left) + len(right))
        elif isinstance(left, (list, tuple)) and isinstance(right, (list, tuple)):
            check_list_size(len(left) + len(right))
    elif operator == "%" and isinstance(left, str):
        check_percent_format(left, right)
        check_str_size(right if isinstance(right, (tuple, dict)) else (right,))


# -- calls of methods ---------------------------------------------------------------------

_PAD_METHODS = frozenset({"center", "ljust", "rjust", "zfill"})


def check_call(obj: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, ...]:
    """Raise before a method call would make something too large; the (maybe listed) args.

    ``join`` gets its iterable as a list so it can be measured first.
    """
    tick()
    target = getattr(obj, "__wrapped__", obj)
    owner = getattr(target, "__self__", None)
    name = getattr(target, "__name__", "")
    if isinstance(owner, str):
        if name in _PAD_METHODS and args and isinstance(args[0], int):
            check_text_size(args[0])
        elif name == "expandtabs":
            size = args[0] if args else kwargs.get("tabsize", 8)
            if isinstance(size, int):
                check_text_size(len(owner) + owner.count("\t") * max(size, 0))
        elif name == "replace" and len(args) >= 2 and isinstance(args[0], str) \
                and isinstance(args[1], str):
            check_replace(owner, args[0], args[1])
        elif name == "join" and args:
            items = list(args[0])
            check_list_size(len(items))
            check_text_size(sum(len(i) for i in items if isinstance(i, str))
                            + len(owner) * max(len(items) - 1, 0))
            check_str_size(items)
            args = (items, *args[1:])
        elif name in ("format", "format_map"):
            check_brace_format(owner, args, kwargs)
            check_str_size(args)
            check_str_size(kwargs)
    elif isinstance(owner, list) and name == "extend" and args:
        items = list(args[0])
        check_list_size(len(owner) + len(items))
        args = (items, *args[1:])
    return args


def check_replace(text: str, old: str, new: str) -> None:
    """``text.replace(old, new)`` must not grow past the text limit."""
    if len(new) <= len(old):
        return
    count = text.count(old) if old else len(text) + 1
    check_text_size(len(text) + count * (len(new) - len(old)))


# -- filters ---------------------------------------------------------------------------------


def _filter_precheck(name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Checks of the built-in filters that take a size (``args[0]`` is the value)."""
    value = args[0] if args else None
    rest = args[1:]
    if name in _STRINGIFYING_FILTERS:
        check_str_size(value)
        if name == "format":
            check_str_size(rest)
            check_str_size(kwargs)

    def arg(index: int, key: str, default: Any) -> Any:
        return rest[index] if len(rest) > index else kwargs.get(key, default)

    if name == "center":
        width = arg(0, "width", 80)
        if isinstance(width, int):
            check_text_size(width)
    elif name == "indent":
        width = arg(0, "width", 4)
        if isinstance(width, int) and isinstance(value, str):
            check_text_size(len(value) + (value.count("\n") + 1) * max(width, 0))
        elif isinstance(width, str) and isinstance(value, str):
            check_text_size(len(value) + (value.count("\n") + 1) * len(width))
    elif name == "format" and isinstance(value, str):
        check_percent_format(value, kwargs or rest)
    elif name in ("batch", "slice"):
        count = arg(0, "linecount" if name == "batch" else "slices", 1)
        if isinstance(count, int):
            check_list_size(count)
    elif name == "replace" and isinstance(value, str):
        old, new = arg(0, "old", ""), arg(1, "new", "")
        if isinstance(old, str) and isinstance(new, str):
            check_replace(value, old, new)
    elif name == "tojson":
        indent = arg(0, "indent", None)
        if isinstance(indent, int) and indent > 100:
            check_text_size(indent * _limits().text_chars)


def guard_filter(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    """``func`` with the budget's checks around it (keeps Jinja's pass-argument marks)."""
    passes = getattr(func, "jinja_pass_arg", None) is not None

    def guarded(*args: Any, **kwargs: Any) -> Any:
        tick()
        _filter_precheck(name, args[1:] if passes else args, kwargs)
        if name == "join":  # measure what is joined first
            offset = 1 if passes else 0
            if len(args) > offset:
                items = list(args[offset])
                check_list_size(len(items))
                separator = args[offset + 1] if len(args) > offset + 1 else kwargs.get("d", "")
                check_text_size(sum(len(i) for i in items if isinstance(i, str))
                                + len(str(separator)) * max(len(items) - 1, 0))
                check_str_size(items)
                args = (*args[:offset], items, *args[offset + 1:])
        return account(func(*args, **kwargs))

    guarded.__name__ = getattr(func, "__name__", name)
    guarded.__doc__ = func.__doc__
    guarded.__dict__.update(getattr(func, "__dict__", {}))
    return guarded


def loop_guard(iterable: Iterable[Any], line: int) -> Iterator[Any]:
    """The items of a ``{% for %}`` loop on ``line``, each counted against the budget."""
    budget = _current.get()
    if budget is None:
        yield from iterable
        return
    outer = budget.loop_line
    for item in iterable:
        budget.iterate(line)
        yield item
    budget.loop_line = outer  # done: errors after it are not this loop's


def finalize(value: Any) -> Any:
    """Every ``{{ ... }}`` value before it is written out: measured and counted."""
    tick()
    check_str_size(value)
    return account(value)


def text_guard(value: Any, line: int) -> Any:
    """The result of a ``~`` concatenation, measured and counted."""
    del line
    tick()
    return account(value)


def lipsum_guard(func: Callable[..., Any]) -> Callable[..., Any]:
    """Jinja's ``lipsum()`` with its counts bounded (it loops in Python otherwise)."""

    def guarded(n: int = 5, html: bool = True, min: int = 20,
                max: int = 100) -> Any:
        words = [c for c in (min, max) if isinstance(c, int)]
        if isinstance(n, int) and words:
            check_text_size(n * sorted(words)[-1] * 12)
        tick()
        return account(func(n, html, min, max))

    return guarded


class GuardTransformer(NodeTransformer):
    """Wraps loop iterables and ``~`` concatenations of a parsed template in the guards."""

    def visit_For(self, node: nodes.For) -> nodes.Node:
        self.generic_visit(node)
        node.iter = nodes.Filter(node.iter, LOOP_GUARD, [nodes.Const(node.lineno)], [], None,
                                 None, lineno=node.lineno)
        return node

    def visit_Concat(self, node: nodes.Concat) -> nodes.Node:
        self.generic_visit(node)
        node.nodes = [nodes.Filter(operand, OPERAND_GUARD, [nodes.Const(node.lineno)], [], None,
                                   None, lineno=node.lineno) for operand in node.nodes]
        return nodes.Filter(node, TEXT_GUARD, [nodes.Const(node.lineno)], [], None, None,
                            lineno=node.lineno)
