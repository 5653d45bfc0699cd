"""Merge-tag translation: canonical Jinja2 variables -> each ESP's own syntax.

A real translator over Jinja's parse tree (``Environment.parse``): the
template's MJML source with its Jinja markup is walked node by node and
written out again with the target's tags. What is the same for every
recipient (the brand kit ``shop.*``, the campaign's ``promo_code`` and
``promo_expires``, the ``recommended`` products) is evaluated by Konvert at
export time; what differs per recipient (contact fields, cart, order,
bonus points) becomes the target's tags; ``unsubscribe_url`` becomes the
target's own unsubscribe link.

The seam with the composer: the translated MJML (target tags instead of
Jinja) is rendered by :func:`composer.render` with ``jinja=False``: MJML to
HTML, then CSS inlining, where the composer protects the tags of every ESP
dialect byte for byte. Statement tags that stand between MJML elements (a
loop around a cart row's ``mj-section``) are wrapped in ``<mj-raw>`` so MJML
keeps them where they are.

Targets: ``unisender`` (classic: ``{{Name|fallback}}``, no loops),
``unisender-go`` (Liquid), ``mindbox`` (``${ Recipient.FirstName }``,
``@{ if }``, ``@{ for }``), ``mailchimp`` (``*|FNAME|*``, ``*|IF:|*``) and
``sendgrid`` (Handlebars). Whatever a target cannot express is a
:class:`Problem` with a stable code and the ways out.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Final

import jinja2
from jinja2 import nodes

from composer.jinja import environment, syntax_tree

TARGETS: Final = ("unisender", "unisender-go", "mindbox", "mailchimp", "sendgrid")
"""Targets with their own merge-tag syntax (``plain`` renders per recipient instead)."""

CONTACT_FIELDS: Final = ("first_name", "last_name", "email", "city", "gender", "birth_date")
RECIPIENT_DATA: Final = frozenset({"cart", "order", "bonus_points"})
"""Roots whose values differ per recipient but are not contact fields."""
STATIC_ROOTS: Final = frozenset({"shop", "promo_code", "promo_expires", "recommended"})
"""Roots Konvert fills in at export time, the same for every recipient."""
LIST_VARIABLES: Final = frozenset({"cart.items", "order.items", "recommended"})
OBJECT_VARIABLES: Final = frozenset({"cart", "order"})

SETTINGS_PREFIX: Final = "esp_fields."
"""Workspace ``settings`` key of a target's field mapping: ``esp_fields.<target>``."""

DEFAULT_FIELDS: Final[dict[str, dict[str, str]]] = {
    "unisender": {"first_name": "Name", "email": "Email"},
    "unisender-go": {},  # substitutions carry the canonical names (identity)
    "mindbox": {
        "first_name": "Recipient.FirstName",
        "last_name": "Recipient.LastName",
        "email": "Recipient.Email",
        "cart": "CustomParameters.Cart",
        "cart.items": "CustomParameters.Items",
        "cart.total": "CustomParameters.CartTotal",
        "cart.url": "CustomParameters.CartUrl",
        "order": "CustomParameters.Order",
        "order.number": "CustomParameters.OrderNumber",
        "order.items": "CustomParameters.OrderItems",
        "order.total": "CustomParameters.OrderTotal",
        "order.delivery_date": "CustomParameters.DeliveryDate",
        "order.tracking_url": "CustomParameters.TrackingUrl",
        "bonus_points": "CustomParameters.BonusPoints",
    },
    "mailchimp": {"first_name": "FNAME", "last_name": "LNAME", "email": "EMAIL"},
    "sendgrid": {},  # dynamic_template_data carries the canonical names (identity)
}
"""Canonical variable -> the account's field, per target (changeable in settings)."""

IDENTITY_TARGETS: Final = frozenset({"unisender-go", "sendgrid"})
"""Targets whose per-recipient data Konvert sends itself under the canonical names."""

_FIELD_NAME_RE: Final = {
    "unisender": re.compile(r"^[A-Za-z][A-Za-z0-9_]*$"),
    "unisender-go": re.compile(r"^[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)*$"),
    "mindbox": re.compile(r"^[A-Za-z][\w]*(\.[A-Za-z_][\w]*)*$"),
    "mailchimp": re.compile(r"^[A-Z][A-Z0-9_]{0,9}$"),
    "sendgrid": re.compile(r"^[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)*$"),
}

UNSUBSCRIBE: Final = {
    "unisender": "{{UnsubscribeUrl}}",
    "unisender-go": "{{ unsubscribe_url }}",
    "mindbox": "KONVERT-MINDBOX-UNSUBSCRIBE-LINK",
    "mailchimp": "*|UNSUB|*",
    "sendgrid": "{{{unsubscribe}}}",
}
"""The unsubscribe link in each target's form (Mindbox: a marked placeholder)."""

GMAIL_CLIP_BYTES: Final = 102 * 1024

WAYS_OUT: Final[dict[str, tuple[str, str]]] = {
    "change-template": ("change the template", "измените шаблон"),
    "field-mapping": ("map the variable to a field of the account (esp_fields setting)",
                      "сопоставьте переменную с полем аккаунта (настройка полей ESP)"),
    "unisender-go": ("send per recipient through Unisender Go (target unisender-go)",
                     "отправьте каждому получателю через Unisender Go"),
    "per-recipient-files": ("render per recipient into files "
                            "(export files ... --target plain --contacts FILE.csv)",
                            "сделайте файлы для каждого получателя (цель plain)"),
    "mindbox-editor": ("replace the placeholder in Mindbox's editor",
                       "замените заглушку в редакторе Mindbox"),
    "accept": ("accept the approximation", "примите приближение"),
}
"""Way-out id -> (English, Russian)."""

CODES: Final[dict[str, tuple[str, str]]] = {
    "loop-unsupported": ("the target has no loops", "у цели нет циклов"),
    "filter-unsupported": ("a filter has no equivalent in the target",
                           "у фильтра нет аналога в цели"),
    "filter-approximated": ("a filter is approximated", "фильтр передан приблизительно"),
    "no-field-mapping": ("a variable has no field in the account",
                         "переменной не сопоставлено поле аккаунта"),
    "fallback-in-link": ("the target does not support fallbacks inside links",
                         "цель не поддерживает значения по умолчанию внутри ссылок"),
    "condition-unsupported": ("the target cannot express this condition",
                              "цель не может выразить это условие"),
    "expression-unsupported": ("the target cannot express this expression",
                               "цель не может выразить это выражение"),
    "statement-unsupported": ("the target has no equivalent of this statement",
                              "у этой конструкции нет аналога в цели"),
    "unknown-variable": ("the variable is not a canonical variable",
                         "переменная не из списка канонических"),
    "loop-limit-ignored": ("the target shows every item, not only the first ones",
                           "цель покажет все элементы, а не только первые"),
    "needs-custom-parameters": ("the value comes from the mailing's custom parameters",
                                "значение берётся из параметров рассылки"),
    "unsubscribe-placeholder": ("the unsubscribe link is a placeholder",
                                "ссылка отписки — заглушка"),
    "missing-unsubscribe": ("no unsubscribe link in the target's form",
                            "нет ссылки отписки в форме цели"),
    "size-gmail-clip": ("the HTML is over Gmail's 102 KB clip",
                        "HTML больше 102 КБ: Gmail обрежет письмо"),
    "template-error": ("the template could not be evaluated", "шаблон не удалось вычислить"),
}
"""Problem code -> (English, Russian) short description."""

_PER_RECIPIENT = ("unisender-go", "per-recipient-files")
_DATA_WAYS: Final = ("change-template", *_PER_RECIPIENT)


class TranslationError(Exception):
    """A construct the target cannot express (internal; becomes a :class:`Problem`)."""

    def __init__(self, code: str, message: str, variable: str | None = None,
                 ways_out: tuple[str, ...] = _DATA_WAYS) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.variable = variable
        self.ways_out = ways_out


@dataclass(frozen=True)
class Problem:
    """Something the target cannot express (``error``) or expresses approximately."""

    code: str
    severity: str  # "error" | "warning"
    message: str
    where: str  # "html", "subject A", "preheader", "text"
    variable: str | None = None
    line: int | None = None
    ways_out: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code, "severity": self.severity, "message": self.message,
            "message_ru": CODES.get(self.code, ("", self.message))[1],
            "where": self.where, "variable": self.variable, "line": self.line,
            "ways_out": [{"id": w, "en": WAYS_OUT[w][0], "ru": WAYS_OUT[w][1]}
                         for w in self.ways_out],
        }


@dataclass(frozen=True)
class VariableUse:
    """A canonical variable and what it became for the target."""

    name: str
    became: str
    kind: str  # "field", "static", "unsubscribe", "loop", "data", "unexpressed"
    where: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "became": self.became, "kind": self.kind,
                "where": list(self.where)}


@dataclass
class TranslationReport:
    """Per target: every variable with what it became, and the problems."""

    target: str
    variables: list[VariableUse] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def ok(self) -> bool:
        """True when nothing is inexpressible (warnings allowed)."""
        return not self.errors

    def codes(self, severity: str | None = None) -> list[str]:
        """The problem codes, each once, in order of appearance."""
        seen: dict[str, None] = {}
        for p in self.problems:
            if severity is None or p.severity == severity:
                seen.setdefault(p.code, None)
        return list(seen)

    def add_use(self, name: str, became: str, kind: str, where: str) -> None:
        for i, use in enumerate(self.variables):
            if use.name == name and use.became == became:
                if where not in use.where:
                    self.variables[i] = VariableUse(name, became, kind, (*use.where, where))
                return
        self.variables.append(VariableUse(name, became, kind, (where,)))

    def add(self, problem: Problem) -> None:
        key = (problem.code, problem.where, problem.variable, problem.message)
        if any((p.code, p.where, p.variable, p.message) == key for p in self.problems):
            return
        self.problems.append(problem)

    def merge(self, other: TranslationReport) -> None:
        for use in other.variables:
            for where in use.where:
                self.add_use(use.name, use.became, use.kind, where)
        for problem in other.problems:
            self.add(problem)

    def to_json(self) -> dict[str, Any]:
        return {"target": self.target, "ok": self.ok,
                "variables": [v.to_json() for v in self.variables],
                "problems": [p.to_json() for p in self.problems]}

    def summary(self) -> str:
        """A few plain lines for the terminal."""
        lines = [f"{self.target}: {len(self.variables)} variables, "
                 f"{len(self.errors)} errors, {len(self.warnings)} warnings"]
        for p in self.problems:
            ways = "; ".join(WAYS_OUT[w][0] for w in p.ways_out)
            place = p.where + (f", line {p.line}" if p.line else "")
            about = f" ({p.variable})" if p.variable and p.variable not in p.message else ""
            lines.append(f"  {p.severity} {p.code} [{place}] {p.message}{about}"
                         + (f" — way out: {ways}" if ways else ""))
        return "\n".join(lines)


# --- field mapping setting ---------------------------------------------------------------


def default_field_mapping(target: str) -> dict[str, str]:
    """The defaults of ``target`` (canonical variable -> account field)."""
    _check_target(target)
    return dict(DEFAULT_FIELDS[target])


def field_mapping(engine: Any, target: str) -> dict[str, str]:
    """The field mapping of ``target``: the defaults with the workspace's setting over them.

    A saved empty value removes a default (the variable then has no field).
    """
    mapping = default_field_mapping(target)
    if engine is None:
        return mapping
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from workspace.models import Setting

    with Session(engine) as session:
        saved = session.scalar(select(Setting.value).where(
            Setting.key == SETTINGS_PREFIX + target))
    if isinstance(saved, dict):
        for name, value in saved.items():
            if value:
                mapping[str(name)] = str(value)
            else:
                mapping.pop(str(name), None)
    return mapping


def save_field_mapping(engine: Any, target: str, mapping: Mapping[str, str]) -> None:
    """Validate and store ``mapping`` (only what differs from the defaults is kept)."""
    from sqlalchemy.orm import Session

    from composer.variables import CANONICAL_VARIABLES
    from esp.errors import ExportUsageError
    from workspace.models import Setting

    defaults = default_field_mapping(target)
    known = set(CANONICAL_VARIABLES) | {"cart", "order"}
    stored: dict[str, str] = {}
    for name, value in mapping.items():
        if name not in known:
            raise ExportUsageError(f"{name!r} is not a canonical variable")
        value = (value or "").strip()
        if value and not _FIELD_NAME_RE[target].match(value):
            raise ExportUsageError(f"{value!r} is not a valid {target} field name")
        if value != defaults.get(name, ""):
            stored[name] = value
    with Session(engine) as session, session.begin():
        row = session.get(Setting, SETTINGS_PREFIX + target)
        if row is None:
            session.add(Setting(key=SETTINGS_PREFIX + target, value=stored))
        else:
            row.value = stored


def _check_target(target: str) -> None:
    if target not in TARGETS:
        raise ValueError(f"unknown target {target!r}: choose one of {', '.join(TARGETS)}")


# --- the intermediate expression -----------------------------------------------------------


@dataclass(frozen=True)
class Ref:
    """A per-recipient value: a canonical path or a loop variable's attribute."""

    name: str  # canonical ("first_name", "cart.items") or loop path ("item.name")
    loop_var: str | None = None  # the loop variable it starts with
    attrs: tuple[str, ...] = ()  # attributes after the loop variable


@dataclass(frozen=True)
class Lit:
    value: Any


@dataclass(frozen=True)
class Filter:
    name: str
    base: Expr
    args: tuple[Expr, ...] = ()


@dataclass(frozen=True)
class Default:
    base: Expr
    fallback: Expr


@dataclass(frozen=True)
class BinOp:
    op: str  # "+", "-", "*", "/", "%", "~"
    left: Expr
    right: Expr


@dataclass(frozen=True)
class Cmp:
    op: str  # "gt", "lt", "gteq", "lteq", "eq", "ne"
    left: Expr
    right: Expr


@dataclass(frozen=True)
class BoolOp:
    op: str  # "and", "or"
    left: Expr
    right: Expr


@dataclass(frozen=True)
class Not:
    operand: Expr


@dataclass(frozen=True)
class Defined:
    operand: Expr


Expr = Ref | Lit | Filter | Default | BinOp | Cmp | BoolOp | Not | Defined

_BINOPS = {nodes.Add: "+", nodes.Sub: "-", nodes.Mul: "*", nodes.Div: "/",
           nodes.Mod: "%", nodes.Concat: "~", nodes.FloorDiv: "//"}
_CMP_SYMBOL = {"gt": ">", "lt": "<", "gteq": ">=", "lteq": "<=", "eq": "==", "ne": "!="}


def _refs(expr: Expr) -> Iterator[Ref]:
    if isinstance(expr, Ref):
        yield expr
    elif isinstance(expr, Filter):
        yield from _refs(expr.base)
        for arg in expr.args:
            yield from _refs(arg)
    elif isinstance(expr, Default):
        yield from _refs(expr.base)
        yield from _refs(expr.fallback)
    elif isinstance(expr, BinOp | Cmp | BoolOp):
        yield from _refs(expr.left)
        yield from _refs(expr.right)
    elif isinstance(expr, Not | Defined):
        yield from _refs(expr.operand)


# --- dialects ------------------------------------------------------------------------------


@dataclass
class _Loop:
    var: str
    source: str  # canonical name of the iterated list


class Dialect:
    """How one target writes references, outputs, conditions and loops."""

    target = ""
    loops = False
    indexing = False  # can pick a list's item by position (grids in rows)
    kind = "field"

    def __init__(self, mapping: Mapping[str, str], report: TranslationReport) -> None:
        self.mapping = dict(mapping)
        self.report = report
        self.loops_open: list[_Loop] = []
        self.where = "html"
        self.html = False  # HTML (escape like Jinja's autoescape) or plain text

    # references ----------------------------------------------------------------
    def field_of(self, name: str) -> str:
        """The account field of canonical ``name`` (``no-field-mapping`` when none)."""
        if name in self.mapping:
            return self.mapping[name]
        root, _, rest = name.partition(".")
        if rest and root in self.mapping:
            return f"{self.mapping[root]}.{rest}"
        if self.target in IDENTITY_TARGETS:
            return name
        raise TranslationError(
            "no-field-mapping",
            f"{name} has no field in the {self.target} account",
            name, ("field-mapping", "change-template", *_PER_RECIPIENT))

    def ref(self, ref: Ref) -> str:
        if ref.loop_var is not None:
            return ".".join((ref.loop_var, *ref.attrs))
        return self.field_of(ref.name)

    # outputs -------------------------------------------------------------------
    def output(self, expr: Expr, in_link: bool) -> str:
        raise NotImplementedError

    def unsubscribe(self) -> str:
        return UNSUBSCRIBE[self.target]

    # statements ----------------------------------------------------------------
    def if_block(self, test: Expr, body: str, orelse: str | None) -> str:
        raise TranslationError("condition-unsupported",
                               f"{self.target} has no conditions like this")

    def for_block(self, var: str, iterable: Ref, limit: int | None, body_fn: Callable[[], str],
                  orelse: str | None) -> str:
        raise TranslationError(
            "loop-unsupported", f"{self.target} cannot repeat a block for each of "
            f"{iterable.name}", iterable.name)

    def assign(self, name: str, value: Expr) -> str:
        raise TranslationError("statement-unsupported",
                               f"{self.target} cannot set variables ({name})")

    def item_block(self, var: str, iterable: Ref, index: int,
                   body_fn: Callable[[], str]) -> tuple[str, str]:
        """``body`` with ``var`` bound to item ``index`` of ``iterable``; (text, body)."""
        raise TranslationError(
            "filter-unsupported", f"{self.target} cannot pick items of {iterable.name} by "
            "position, which rows of a grid (batch) need", iterable.name)

    def approximated(self, message: str, variable: str | None = None) -> None:
        self.report.add(Problem("filter-approximated", "warning", message, self.where,
                                variable, ways_out=("accept", "change-template")))

    def stored_money(self, expr: Filter, shown: str, how: str = "stored") -> str:
        """``money`` for a target that cannot format numbers: the amount as the ESP holds
        it, then ₽ (reported as an approximation)."""
        self.approximated(f"money: the amount is shown as {how}, followed by ₽",
                          _first_name(expr))
        return shown + "\u00a0₽"

    def stored_date(self, expr: Filter, shown: str, how: str) -> str:
        """``ru_date`` for a target that cannot format dates: the date as the ESP holds it."""
        self.approximated(f"ru_date: the date is shown as {how}", _first_name(expr))
        return shown

    def literal_text(self, value: Any) -> str:
        return "" if value is None else str(value)

    def is_simple(self, expr: Expr) -> bool:
        return isinstance(expr, Ref | Lit)


def _json_str(value: Any) -> str:
    """A string literal in single quotes (it may stand inside an ``href="..."``)."""
    if not isinstance(value, str):
        return str(value)
    if "'" not in value:
        return f"'{value}'"
    return json.dumps(value, ensure_ascii=False)


class UnisenderDialect(Dialect):
    """Unisender classic: ``{{Name}}``, ``{{Name|fallback}}``, ``{{Field?text}}``."""

    target = "unisender"

    def _tag(self, expr: Expr, in_link: bool) -> str:
        if isinstance(expr, Ref):
            return "{{" + self.ref(expr) + "}}"
        if isinstance(expr, Default) and isinstance(expr.base, Ref) and isinstance(
                expr.fallback, Lit):
            name = self.ref(expr.base)
            fallback = self.literal_text(expr.fallback.value)
            if in_link:
                raise TranslationError(
                    "fallback-in-link", f"Unisender ignores the fallback of {expr.base.name} "
                    "inside a link", expr.base.name)
            if any(ch in fallback for ch in "|{}?"):
                raise TranslationError("expression-unsupported",
                                       f"the fallback {fallback!r} holds | {{ }} or ?",
                                       expr.base.name)
            return "{{" + name + ("|" + fallback if fallback else "") + "}}"
        if isinstance(expr, Filter):
            return self._filter(expr, in_link)
        raise TranslationError("expression-unsupported",
                               "Unisender cannot compute expressions", _first_name(expr))

    def _filter(self, expr: Filter, in_link: bool) -> str:
        if expr.name == "money":
            return self.stored_money(expr, self._tag(expr.base, in_link))
        if expr.name == "ru_date":
            return self.stored_date(expr, self._tag(expr.base, in_link),
                                    "stored in the account")
        raise TranslationError("filter-unsupported",
                               f"Unisender has no equivalent of the filter {expr.name!r}",
                               _first_name(expr))

    def output(self, expr: Expr, in_link: bool) -> str:
        return self._tag(expr, in_link)

    def if_block(self, test: Expr, body: str, orelse: str | None) -> str:
        # {{Field?text}}: the text when the field is not empty; plain text only.
        if isinstance(test, Ref) and orelse is None and "{" not in body and "<" not in body \
                and "}" not in body and "?" not in body:
            return "{{" + self.ref(test) + "?" + body + "}}"
        raise TranslationError("condition-unsupported",
                               "Unisender shows only plain text when a field is not empty "
                               "({{Field?text}}); this condition is more",
                               _first_name(test))


class MailchimpDialect(Dialect):
    """Mailchimp merge tags: ``*|FNAME|*``, ``*|IF:FNAME|*``, ``*|UNSUB|*``."""

    target = "mailchimp"

    def _tag(self, expr: Expr) -> str:
        if isinstance(expr, Ref):
            return "*|" + self.ref(expr) + "|*"
        if isinstance(expr, Default) and isinstance(expr.base, Ref):
            name = self.ref(expr.base)
            fallback = self._tag(expr.fallback) if not isinstance(expr.fallback, Lit) \
                else self.literal_text(expr.fallback.value)
            return f"*|IF:{name}|**|{name}|**|ELSE:|*{fallback}*|END:IF|*"
        if isinstance(expr, Filter):
            if expr.name in ("upper", "lower", "title") and isinstance(expr.base, Ref):
                return f"*|{expr.name.upper()}:{self.ref(expr.base)}|*"
            if expr.name == "money":
                return self.stored_money(expr, self._tag(expr.base))
            if expr.name == "ru_date":
                return self.stored_date(expr, self._tag(expr.base), "Mailchimp stores it")
            raise TranslationError("filter-unsupported",
                                   f"Mailchimp has no equivalent of the filter {expr.name!r}",
                                   _first_name(expr))
        raise TranslationError("expression-unsupported",
                               "Mailchimp merge tags cannot compute expressions",
                               _first_name(expr))

    def output(self, expr: Expr, in_link: bool) -> str:
        return self._tag(expr)

    def _cond(self, test: Expr) -> str:
        if isinstance(test, Ref):
            return f"*|IF:{self.ref(test)}|*"
        if isinstance(test, Not) and isinstance(test.operand, Ref):
            return f"*|IFNOT:{self.ref(test.operand)}|*"
        if isinstance(test, Cmp) and isinstance(test.left, Ref) and isinstance(test.right, Lit):
            symbol = {"eq": "=", "ne": "!="}.get(test.op, _CMP_SYMBOL[test.op])
            return f"*|IF:{self.ref(test.left)}{symbol}{self.literal_text(test.right.value)}|*"
        raise TranslationError("condition-unsupported",
                               "Mailchimp conditions test one merge field", _first_name(test))

    def if_block(self, test: Expr, body: str, orelse: str | None) -> str:
        opener = self._cond(test)
        return opener + body + ("*|ELSE:|*" + orelse if orelse else "") + "*|END:IF|*"


class LiquidDialect(Dialect):
    """Unisender Go's Liquid engine: the closest to Jinja (conditions, loops, filters)."""

    target = "unisender-go"
    loops = True
    indexing = True
    _FILTERS: Final = {"upper": "upcase", "lower": "downcase", "capitalize": "capitalize",
                       "trim": "strip", "length": "size", "count": "size", "first": "first",
                       "last": "last", "round": "round", "abs": "abs", "escape": "escape",
                       "e": "escape", "truncate": "truncate", "replace": "replace",
                       "join": "join", "string": "", "int": "round"}
    _OPS: Final = {"+": "plus", "-": "minus", "*": "times", "/": "divided_by",
                   "%": "modulo", "~": "append"}

    def __init__(self, mapping: Mapping[str, str], report: TranslationReport) -> None:
        super().__init__(mapping, report)
        self.prelude: list[str] = []
        self.counter = 0

    def literal(self, value: Any) -> str:
        if value is None:
            return "nil"
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, int | float):
            return str(value)
        return _json_str(str(value))

    def operand(self, expr: Expr) -> str:
        """A filter argument: a name or a literal (else assigned first)."""
        if isinstance(expr, Lit):
            return self.literal(expr.value)
        if isinstance(expr, Ref):
            return self.ref(expr)
        self.counter += 1
        name = f"kv_{self.counter}"
        self.prelude.append("{% assign " + name + " = " + self.expr(expr) + " %}")
        return name

    def expr(self, expr: Expr) -> str:
        if isinstance(expr, Ref | Lit):
            return self.operand(expr)
        if isinstance(expr, Default):
            return f"{self.expr(expr.base)} | default: {self.operand(expr.fallback)}"
        if isinstance(expr, Filter):
            return self._filter(expr)
        if isinstance(expr, BinOp) and expr.op in self._OPS:
            return f"{self.expr(expr.left)} | {self._OPS[expr.op]}: {self.operand(expr.right)}"
        raise TranslationError("expression-unsupported",
                               "Liquid cannot compute this expression", _first_name(expr))

    def _filter(self, expr: Filter) -> str:
        base = self.expr(expr.base)
        if expr.name == "money":
            self.approximated("money: Liquid shows the plain number followed by ₽ "
                              "(no thousands separator)", _first_name(expr))
            return f"{base} | append: '\u00a0₽'"
        if expr.name == "ru_date":
            self.approximated("ru_date: Liquid writes the date as dd.mm.yyyy",
                              _first_name(expr))
            return f"{base} | date: '%d.%m.%Y'"
        if expr.name not in self._FILTERS:
            raise TranslationError("filter-unsupported",
                                   f"Liquid has no equivalent of the filter {expr.name!r}",
                                   _first_name(expr))
        name = self._FILTERS[expr.name]
        if not name:
            return base
        if expr.args:
            return f"{base} | {name}: " + ", ".join(self.operand(a) for a in expr.args)
        return f"{base} | {name}"

    def _take_prelude(self) -> str:
        text = "".join(self.prelude)
        self.prelude.clear()
        return text

    def output(self, expr: Expr, in_link: bool) -> str:
        # Jinja escapes HTML in the body; Liquid only when told to.
        text = "{{ " + self.expr(expr) + (" | escape" if self.html else "") + " }}"
        return self._take_prelude() + text

    def truth(self, expr: Expr) -> str:
        if isinstance(expr, Ref):
            name = self.ref(expr)
            if expr.name in LIST_VARIABLES:
                return f"{name}.size > 0"
            if expr.name in OBJECT_VARIABLES:
                return name
            return f"{name} != blank"
        if isinstance(expr, Not) and isinstance(expr.operand, Ref):
            name = self.ref(expr.operand)
            if expr.operand.name in LIST_VARIABLES:
                return f"{name}.size == 0"
            return f"{name} == blank"
        if isinstance(expr, Cmp):
            return f"{self.value(expr.left)} {_CMP_SYMBOL[expr.op]} {self.value(expr.right)}"
        if isinstance(expr, Defined):
            return f"{self.value(expr.operand)} != nil"
        if isinstance(expr, BoolOp):
            # Liquid has no parentheses: only a chain of one operator is safe.
            parts = _flatten(expr, expr.op)
            if any(isinstance(p, BoolOp) for p in parts):
                raise TranslationError("condition-unsupported",
                                       "Liquid cannot mix 'and' and 'or' without parentheses",
                                       _first_name(expr))
            return f" {expr.op} ".join(self.truth(p) for p in parts)
        return self.value(expr)

    def value(self, expr: Expr) -> str:
        if isinstance(expr, Filter) and expr.name in ("length", "count") and isinstance(
                expr.base, Ref):
            return f"{self.ref(expr.base)}.size"
        if isinstance(expr, Ref | Lit):
            return self.operand(expr)
        return self.operand(expr)

    def if_block(self, test: Expr, body: str, orelse: str | None) -> str:
        cond = self.truth(test)
        prelude = self._take_prelude()
        return (prelude + "{% if " + cond + " %}" + body
                + ("{% else %}" + orelse if orelse else "") + "{% endif %}")

    def for_block(self, var: str, iterable: Ref, limit: int | None, body_fn: Callable[[], str],
                  orelse: str | None) -> str:
        source = self.ref(iterable)
        self.loops_open.append(_Loop(var, iterable.name))
        try:
            body = body_fn()
        finally:
            self.loops_open.pop()
        head = "{% for " + var + " in " + source + (f" limit:{limit}" if limit else "") + " %}"
        return head + body + ("{% else %}" + orelse if orelse else "") + "{% endfor %}"

    def assign(self, name: str, value: Expr) -> str:
        text = "{% assign " + name + " = " + self.expr(value) + " %}"
        return self._take_prelude() + text

    def item_block(self, var: str, iterable: Ref, index: int,
                   body_fn: Callable[[], str]) -> tuple[str, str]:
        source = self.ref(iterable)
        self.loops_open.append(_Loop(var, iterable.name))
        try:
            body = body_fn()
        finally:
            self.loops_open.pop()
        return "{% assign " + var + " = " + f"{source}[{index}]" + " %}" + body, body


class HandlebarsDialect(Dialect):
    """SendGrid dynamic templates (Handlebars with SendGrid's helpers)."""

    target = "sendgrid"
    loops = True
    indexing = True
    _CMP_HELPERS: Final = {"gt": "greaterThan", "lt": "lessThan", "eq": "equals",
                           "ne": "notEquals"}

    def ref(self, ref: Ref) -> str:
        if ref.loop_var is not None:
            depth = [loop.var for loop in self.loops_open]
            level = len(depth) - 1 - depth[::-1].index(ref.loop_var) \
                if ref.loop_var in depth else 0
            inner = len(depth) - 1 - level
            prefix = "../" * inner
            return prefix + ".".join(("this", *ref.attrs)) if not inner else \
                prefix + ".".join(ref.attrs) if ref.attrs else prefix.rstrip("/")
        name = self.field_of(ref.name)
        return "@root." + name if self.loops_open else name

    def _value(self, expr: Expr) -> str:
        if isinstance(expr, Ref):
            return self.ref(expr)
        if isinstance(expr, Lit):
            return _json_str(expr.value)
        if isinstance(expr, Filter) and expr.name in ("length", "count") and isinstance(
                expr.base, Ref):
            return self.ref(expr.base) + ".length"
        raise TranslationError("expression-unsupported",
                               "Handlebars cannot compute expressions", _first_name(expr))

    def output(self, expr: Expr, in_link: bool) -> str:
        if isinstance(expr, Default):
            fallback = (self.literal_text(expr.fallback.value) if isinstance(expr.fallback, Lit)
                        else self.output(expr.fallback, in_link))
            base = self._value(expr.base)
            return "{{#if " + base + "}}" + self.output(expr.base, in_link) + "{{else}}" + \
                fallback + "{{/if}}"
        if isinstance(expr, Filter):
            if expr.name == "money":
                return self.stored_money(expr, self.output(expr.base, in_link), "sent")
            if expr.name == "ru_date" and isinstance(expr.base, Ref):
                return "{{formatDate " + self._value(expr.base) + " 'DD.MM.YYYY'}}"
            if expr.name in ("length", "count"):
                return "{{" + self._value(expr) + "}}"
            raise TranslationError("filter-unsupported",
                                   f"SendGrid has no equivalent of the filter {expr.name!r}",
                                   _first_name(expr))
        return "{{" + self._value(expr) + "}}"

    def item_block(self, var: str, iterable: Ref, index: int,
                   body_fn: Callable[[], str]) -> tuple[str, str]:
        source = self.ref(iterable)
        self.loops_open.append(_Loop(var, iterable.name))
        try:
            body = body_fn()
        finally:
            self.loops_open.pop()
        return "{{#with " + f"{source}.[{index}]" + "}}" + body + "{{/with}}", body

    def _cond(self, test: Expr) -> tuple[str, str]:
        if isinstance(test, BoolOp) and test.op == "and" and (
                test.left == Defined(test.right) or test.right == Defined(test.left)):
            test = test.right if isinstance(test.left, Defined) else test.left  # x is defined and x
        if isinstance(test, Ref | Defined):
            inner = test.operand if isinstance(test, Defined) else test
            return "{{#if " + self._value(inner) + "}}", "{{/if}}"
        if isinstance(test, Not) and isinstance(test.operand, Ref):
            return "{{#unless " + self._value(test.operand) + "}}", "{{/unless}}"
        if isinstance(test, Cmp) and test.op in self._CMP_HELPERS:
            helper = self._CMP_HELPERS[test.op]
            return (f"{{{{#{helper} {self._value(test.left)} {self._value(test.right)}}}}}",
                    f"{{{{/{helper}}}}}")
        if isinstance(test, BoolOp) and all(isinstance(p, Ref) for p in (test.left, test.right)):
            return (f"{{{{#{test.op} {self._value(test.left)} {self._value(test.right)}}}}}",
                    f"{{{{/{test.op}}}}}")
        raise TranslationError("condition-unsupported",
                               "SendGrid's helpers cannot express this condition",
                               _first_name(test))

    def if_block(self, test: Expr, body: str, orelse: str | None) -> str:
        opener, closer = self._cond(test)
        return opener + body + ("{{else}}" + orelse if orelse else "") + closer

    def for_block(self, var: str, iterable: Ref, limit: int | None, body_fn: Callable[[], str],
                  orelse: str | None) -> str:
        source = self.ref(iterable)
        if limit:
            self.report.add(Problem(
                "loop-limit-ignored", "warning",
                f"SendGrid shows every item of {iterable.name}, not only the first {limit}",
                self.where, iterable.name, ways_out=("accept", "change-template")))
        self.loops_open.append(_Loop(var, iterable.name))
        try:
            body = body_fn()
        finally:
            self.loops_open.pop()
        return ("{{#each " + source + "}}" + body + ("{{else}}" + orelse if orelse else "")
                + "{{/each}}")


class MindboxDialect(Dialect):
    """Mindbox's template language: ``${ Recipient.FirstName }``, ``@{ if }``, ``@{ for }``."""

    target = "mindbox"
    loops = True

    def field_of(self, name: str) -> str:
        field_name = super().field_of(name)
        if field_name.startswith("CustomParameters."):
            self.report.add(Problem(
                "needs-custom-parameters", "warning",
                f"{name} is {field_name}: Mindbox fills it only in a triggered (transactional) "
                "mailing that passes these parameters", self.where, name,
                ways_out=("accept", "change-template", *_PER_RECIPIENT)))
        return field_name

    def _value(self, expr: Expr) -> str:
        if isinstance(expr, Ref):
            return self.ref(expr)
        if isinstance(expr, Lit):
            return _json_str(expr.value)
        raise TranslationError("expression-unsupported",
                               "Mindbox templates here take plain values only",
                               _first_name(expr))

    def output(self, expr: Expr, in_link: bool) -> str:
        if isinstance(expr, Default):
            base = self._value(expr.base)
            fallback = (self.literal_text(expr.fallback.value) if isinstance(expr.fallback, Lit)
                        else self.output(expr.fallback, in_link))
            return (f"@{{ if IsEmpty({base}) }}{fallback}@{{ else }}"
                    f"{self.output(expr.base, in_link)}@{{ end if }}")
        if isinstance(expr, Filter):
            if expr.name == "money":
                return self.stored_money(expr, self.output(expr.base, in_link))
            if expr.name == "ru_date":
                return self.stored_date(expr, self.output(expr.base, in_link),
                                        "Mindbox stores it")
            raise TranslationError("filter-unsupported",
                                   f"Mindbox has no documented equivalent of {expr.name!r}",
                                   _first_name(expr))
        return "${ " + self._value(expr) + " }"

    def if_block(self, test: Expr, body: str, orelse: str | None) -> str:
        # Only IsEmpty(...) is documented: "if X" is "if IsEmpty(X) else".
        if isinstance(test, Ref):
            return (f"@{{ if IsEmpty({self._value(test)}) }}{orelse or ''}@{{ else }}{body}"
                    "@{ end if }")
        if isinstance(test, Not) and isinstance(test.operand, Ref):
            return (f"@{{ if IsEmpty({self._value(test.operand)}) }}{body}"
                    + (f"@{{ else }}{orelse}" if orelse else "") + "@{ end if }")
        if isinstance(test, BoolOp) and test.op == "and" and all(
                isinstance(p, Ref) for p in (test.left, test.right)):
            inner = self.if_block(test.right, body, orelse)
            return self.if_block(test.left, inner, orelse)
        raise TranslationError("condition-unsupported",
                               "only emptiness tests (IsEmpty) are documented for Mindbox",
                               _first_name(test))

    def for_block(self, var: str, iterable: Ref, limit: int | None, body_fn: Callable[[], str],
                  orelse: str | None) -> str:
        source = self.ref(iterable)
        if limit:
            self.report.add(Problem(
                "loop-limit-ignored", "warning",
                f"Mindbox shows every item of {iterable.name}, not only the first {limit}",
                self.where, iterable.name, ways_out=("accept", "change-template")))
        if orelse:
            raise TranslationError("statement-unsupported",
                                   "Mindbox loops have no 'else'", iterable.name)
        self.loops_open.append(_Loop(var, iterable.name))
        try:
            body = body_fn()
        finally:
            self.loops_open.pop()
        return f"@{{ for {var} in {source} }}{body}@{{ end for }}"


DIALECTS: Final[dict[str, type[Dialect]]] = {
    "unisender": UnisenderDialect, "unisender-go": LiquidDialect, "mindbox": MindboxDialect,
    "mailchimp": MailchimpDialect, "sendgrid": HandlebarsDialect,
}


def _flatten(expr: Expr, op: str) -> list[Expr]:
    if isinstance(expr, BoolOp) and expr.op == op:
        return _flatten(expr.left, op) + _flatten(expr.right, op)
    return [expr]


def _first_name(expr: Expr) -> str | None:
    for ref in _refs(expr):
        return ref.name
    return None


# --- MJML position tracking ---------------------------------------------------------------

_MJML_TAG_RE = re.compile(r"<(/?)(mjml|mj-[\w-]+)\b[^>]*?(/?)>", re.DOTALL)
_CONTAINERS = frozenset({"mjml", "mj-body", "mj-wrapper", "mj-section", "mj-column",
                         "mj-group", "mj-hero", "mj-head", "mj-attributes", "mj-social",
                         "mj-navbar", "mj-accordion", "mj-accordion-element", "mj-carousel"})
_HREF_OPEN_RE = re.compile(r"\bhref\s*=\s*([\"'])[^\"']*$", re.IGNORECASE)


class _Position:
    """Where the source is: inside which MJML element, inside a tag, inside a link."""

    def __init__(self) -> None:
        self.stack: list[str] = []
        self.pending = ""  # text of a tag not closed yet ("<mj-image src=")
        self.tail = ""  # last literal text, for href detection in HTML content

    def feed(self, text: str) -> None:
        data = self.pending + text
        last_open = data.rfind("<")
        if last_open > data.rfind(">"):
            complete, self.pending = data[:last_open], data[last_open:]
        else:
            complete, self.pending = data, ""
        for match in _MJML_TAG_RE.finditer(complete):
            closing, name, selfclosing = match.groups()
            if closing:
                if name in self.stack:
                    while self.stack and self.stack.pop() != name:
                        pass
            elif not selfclosing:
                self.stack.append(name)
        self.tail = (self.tail + text)[-400:]

    @property
    def at_container(self) -> bool:
        """True when a statement here stands between MJML elements."""
        return not self.pending and bool(self.stack) and self.stack[-1] in _CONTAINERS

    @property
    def in_link(self) -> bool:
        return bool(_HREF_OPEN_RE.search(self.pending or self.tail))


# --- the translator ------------------------------------------------------------------------


class _Translator:
    """Walks one parsed template and writes it out in the dialect."""

    def __init__(self, dialect: Dialect, static: Mapping[str, Any], *, where: str,
                 mjml: bool, autoescape: bool) -> None:
        self.d = dialect
        self.d.where = where
        self.d.html = mjml
        self.report = dialect.report
        self.where = where
        self.mjml = mjml
        self.env = environment(autoescape)
        self.scope: dict[str, Any] = dict(static)
        self.pos = _Position()
        self.dynamic_names: set[str] = set()  # assigned with {% set %} at the target
        self.batch_rows: dict[str, tuple[Ref, int, int]] = {}  # row var -> list, start, count
        self.line = 0

    # problems ------------------------------------------------------------------
    def problem(self, exc: TranslationError) -> None:
        self.report.add(Problem(exc.code, "error", exc.message, self.where, exc.variable,
                                self.line or None, exc.ways_out))

    # static evaluation ----------------------------------------------------------
    def names_of(self, node: nodes.Node) -> set[str]:
        found = [node, *node.find_all(nodes.Name)]
        return {n.name for n in found if isinstance(n, nodes.Name) and n.ctx == "load"}

    def is_static(self, node: nodes.Node) -> bool:
        loop_vars = {loop.var for loop in self.d.loops_open}
        return all(name in self.scope and name not in loop_vars
                   and name not in self.dynamic_names for name in self.names_of(node))

    def evaluate(self, node: nodes.Node) -> Any:
        target = nodes.Name("kvvalue", "store", lineno=1)
        tree = nodes.Template([nodes.Assign(target, node, lineno=1)], lineno=1)
        tree.set_environment(self.env)
        return vars(self.env.from_string(tree).make_module(dict(self.scope)))["kvvalue"]

    def render_static(self, node: nodes.Expr) -> str:
        tree = nodes.Template([nodes.Output([node], lineno=1)], lineno=1)
        tree.set_environment(self.env)
        return self.env.from_string(tree).render(dict(self.scope))

    # expressions ----------------------------------------------------------------
    def to_expr(self, node: nodes.Node) -> Expr:
        if isinstance(node, nodes.Expr) and self.is_static(node):
            return Lit(self.evaluate(node))
        if isinstance(node, nodes.Const):
            return Lit(node.value)
        if isinstance(node, nodes.Name | nodes.Getattr):
            return self.to_ref(node)
        if isinstance(node, nodes.Filter):
            assert node.node is not None
            base = self.to_expr(node.node)
            args = tuple(self.to_expr(a) for a in node.args)
            if node.name in ("default", "d"):
                return Default(base, args[0] if args else Lit(""))
            return Filter(node.name, base, args)
        if isinstance(node, nodes.BinExpr) and type(node) in _BINOPS:
            return BinOp(_BINOPS[type(node)], self.to_expr(node.left), self.to_expr(node.right))
        if isinstance(node, nodes.Concat) and len(node.nodes) == 2:
            return BinOp("~", self.to_expr(node.nodes[0]), self.to_expr(node.nodes[1]))
        if isinstance(node, nodes.Compare) and len(node.ops) == 1 and node.ops[0].op in \
                _CMP_SYMBOL:
            return Cmp(node.ops[0].op, self.to_expr(node.expr), self.to_expr(node.ops[0].expr))
        if isinstance(node, nodes.And | nodes.Or):
            return BoolOp("and" if isinstance(node, nodes.And) else "or",
                          self.to_expr(node.left), self.to_expr(node.right))
        if isinstance(node, nodes.Not):
            return Not(self.to_expr(node.node))
        if isinstance(node, nodes.Test) and node.name == "defined":
            return Defined(self.to_expr(node.node))
        raise TranslationError("expression-unsupported",
                               f"no translation for the expression {type(node).__name__}",
                               None, ("change-template", *_PER_RECIPIENT))

    def to_ref(self, node: nodes.Name | nodes.Getattr) -> Ref:
        parts: list[str] = []
        current: nodes.Node = node
        while isinstance(current, nodes.Getattr):
            parts.insert(0, current.attr)
            current = current.node
        if not isinstance(current, nodes.Name):
            raise TranslationError("expression-unsupported", "no translation for this access")
        root = current.name
        loop_vars = [loop.var for loop in self.d.loops_open]
        if root in loop_vars or root in self.dynamic_names:
            loop = next((x for x in self.d.loops_open if x.var == root), None)
            name = f"{loop.source}[].{'.'.join(parts)}" if loop and parts else root
            return Ref(name.rstrip("."), root, tuple(parts))
        if root == "loop" and self.d.loops_open:
            raise TranslationError("expression-unsupported",
                                   "loop.* counters are not translated")
        from composer.variables import CANONICAL_VARIABLES

        name = ".".join([root, *parts])
        if root not in CANONICAL_VARIABLES and name not in CANONICAL_VARIABLES \
                and root not in RECIPIENT_DATA:
            raise TranslationError("unknown-variable",
                                   f"{name} is not a canonical variable", name,
                                   ("change-template",))
        return Ref(name)

    def note_uses(self, expr: Expr, became: str) -> None:
        for ref in _refs(expr):
            if ref.loop_var is not None:
                self.report.add_use(ref.name, became, "loop", self.where)
            else:
                kind = "field" if ref.name.split(".")[0] in CONTACT_FIELDS else "data"
                self.report.add_use(ref.name, became, kind, self.where)

    # nodes -----------------------------------------------------------------------
    def walk(self, body: list[nodes.Node]) -> str:
        return "".join(self.node(n) for n in body)

    def statement(self, text: str) -> str:
        """A target statement; between MJML elements it goes into ``<mj-raw>``."""
        if self.mjml and text and self.pos.at_container:
            return f"<mj-raw>{text}</mj-raw>"
        return text

    def node(self, node: nodes.Node) -> str:
        self.line = getattr(node, "lineno", self.line) or self.line
        try:
            return self._node(node)
        except TranslationError as exc:
            self.problem(exc)
            return ""
        except jinja2.TemplateError as exc:
            self.problem(TranslationError("template-error", str(exc), None,
                                          ("change-template",)))
            return ""

    def _node(self, node: nodes.Node) -> str:
        if isinstance(node, nodes.Output):
            return "".join(self.output_part(child) for child in node.nodes)
        if isinstance(node, nodes.If):
            return self.if_node(node)
        if isinstance(node, nodes.For):
            return self.for_node(node)
        if isinstance(node, nodes.Assign) and isinstance(node.target, nodes.Name):
            name = node.target.name
            if self.is_static(node.node):
                self.scope[name] = self.evaluate(node.node)
                self.dynamic_names.discard(name)
                return ""
            value = self.to_expr(node.node)
            text = self.d.assign(name, value)
            self.dynamic_names.add(name)
            return self.statement(text)
        raise TranslationError("statement-unsupported",
                               f"no translation for {{% {type(node).__name__.lower()} %}}",
                               None, ("change-template", *_PER_RECIPIENT))

    def output_part(self, child: nodes.Node) -> str:
        if isinstance(child, nodes.TemplateData):
            self.pos.feed(child.data)
            return child.data
        try:
            text = self._output_expr(child)
        except TranslationError as exc:
            self.problem(exc)
            text = ""
        except jinja2.TemplateError as exc:
            self.problem(TranslationError("template-error", str(exc), None,
                                          ("change-template",)))
            text = ""
        return text

    def _output_expr(self, child: nodes.Node) -> str:
        assert isinstance(child, nodes.Expr)
        if isinstance(child, nodes.Name) and child.name == "unsubscribe_url":
            text = self.d.unsubscribe()
            self.report.add_use("unsubscribe_url", text, "unsubscribe", self.where)
            if self.d.target == "mindbox":
                self.report.add(Problem(
                    "unsubscribe-placeholder", "warning",
                    f"Mindbox's unsubscribe variable is not public: the link is {text}; "
                    "replace it in Mindbox's editor", self.where, "unsubscribe_url",
                    ways_out=("mindbox-editor",)))
            return text
        if self.is_static(child):
            value = self.render_static(child)
            for name in sorted(self.names_of(child) & STATIC_ROOTS):
                self.report.add_use(name, "(filled in by Konvert)", "static", self.where)
            return value
        if "unsubscribe_url" in self.names_of(child):
            raise TranslationError("expression-unsupported",
                                   "unsubscribe_url is used inside an expression",
                                   "unsubscribe_url", ("change-template",))
        expr = self.to_expr(child)
        text = self.d.output(expr, self.pos.in_link)
        self.note_uses(expr, text)
        return text

    def branch(self, body: list[nodes.Node]) -> str:
        return self.walk(body)

    def if_node(self, node: nodes.If) -> str:
        if self.is_static(node.test):
            try:
                chosen = bool(self.evaluate(node.test))
            except jinja2.TemplateError as exc:
                raise TranslationError("template-error", str(exc), None,
                                       ("change-template",)) from None
            if chosen:
                return self.walk(node.body)
            for elif_ in node.elif_:
                if not self.is_static(elif_.test):
                    return self.if_chain(elif_.test, elif_.body, node.elif_[1:], node.else_)
                if bool(self.evaluate(elif_.test)):
                    return self.walk(elif_.body)
            return self.walk(node.else_)
        return self.if_chain(node.test, node.body, node.elif_, node.else_)

    def if_chain(self, test: nodes.Node, body: list[nodes.Node], elifs: list[nodes.If],
                 else_: list[nodes.Node]) -> str:
        wrap_open = self.mjml and self.pos.at_container
        expr = self.to_expr(test)
        body_text = self.walk(body)
        if elifs:
            first = elifs[0]
            orelse: str | None = self.if_chain(first.test, first.body, elifs[1:], else_)
        else:
            orelse = self.walk(else_) if else_ else None
        text = self.d.if_block(expr, body_text, orelse)
        self.note_uses(expr, "(condition)")
        if wrap_open:
            return self._wrap_statements(text, body_text, orelse)
        return text

    def _wrap_statements(self, text: str, *parts: str | None) -> str:
        """Put the statement tags of ``text`` (between its body parts) into ``<mj-raw>``."""
        out: list[str] = []
        pos = 0
        for part in parts:
            if not part:
                continue
            index = text.find(part, pos)
            if index < 0:
                continue
            if index > pos:
                out.append(f"<mj-raw>{text[pos:index]}</mj-raw>")
            out.append(part)
            pos = index + len(part)
        if pos < len(text):
            out.append(f"<mj-raw>{text[pos:]}</mj-raw>")
        return "".join(out)

    def for_node(self, node: nodes.For) -> str:
        if not isinstance(node.target, nodes.Name):
            raise TranslationError("statement-unsupported", "loops over pairs are not translated")
        var = node.target.name
        if node.test is not None or node.recursive:
            raise TranslationError("statement-unsupported",
                                   "loop filters and recursive loops are not translated")
        if self.is_static(node.iter):
            return self.static_for(node, var)
        if isinstance(node.iter, nodes.Name) and node.iter.name in self.batch_rows:
            return self.row_items(node, var, *self.batch_rows[node.iter.name])
        batch = _batch_shape(node.iter)
        if batch is not None:
            return self.batch_for(node, var, *batch)
        wrap = self.mjml and self.pos.at_container
        iterable, limit = node.iter, None
        if isinstance(iterable, nodes.Getitem) and isinstance(iterable.arg, nodes.Slice) \
                and iterable.arg.start is None and iterable.arg.step is None \
                and isinstance(iterable.arg.stop, nodes.Const):
            limit = int(iterable.arg.stop.value)
            iterable = iterable.node
        if isinstance(iterable, nodes.Filter) and iterable.name in ("default", "d") \
                and iterable.node is not None:
            iterable = iterable.node
        if not isinstance(iterable, nodes.Name | nodes.Getattr):
            found = [node.iter, *node.iter.find_all(nodes.Filter)]
            filters = [f.name for f in found if isinstance(f, nodes.Filter)
                       and f.name not in ("default", "d")]
            if filters:
                raise TranslationError(
                    "filter-unsupported",
                    f"a loop over a filtered list ({', '.join(filters)}) has no equivalent "
                    f"in {self.d.target}", _names_text(node.iter))
            raise TranslationError("loop-unsupported", "this loop's list is not translated",
                                   _names_text(node.iter))
        ref = self.to_ref(iterable)
        if not self.d.loops:
            raise TranslationError(
                "loop-unsupported",
                f"{self.d.target} cannot repeat a block for each of {ref.name}", ref.name)
        parts: list[str] = []

        def body_fn() -> str:
            text = self.walk(node.body)
            parts.append(text)
            return text

        orelse = self.walk(node.else_) if node.else_ else None
        text = self.d.for_block(var, ref, limit, body_fn, orelse)
        self.report.add_use(ref.name, text[: text.find(parts[0])] if parts and parts[0]
                            and parts[0] in text else "(loop)", "loop", self.where)
        if wrap:
            return self._wrap_statements(text, *(parts or []), orelse)
        return text

    def batch_for(self, node: nodes.For, var: str, list_node: nodes.Name | nodes.Getattr,
                  limit: int, size: int) -> str:
        """A bounded grid (``(list)[:N] | batch(k)``) unrolled into rows of ``k`` items.

        Each row is shown when the list is long enough; its items are picked by
        position (targets with indexing: Liquid, Handlebars).
        """
        ref = self.to_ref(list_node)
        if not self.d.indexing:
            raise TranslationError(
                "filter-unsupported", f"{self.d.target} cannot show {ref.name} in rows "
                f"(batch): it has no loops or cannot pick items by position", ref.name)
        wrap = self.mjml and self.pos.at_container
        out: list[str] = []
        for start in range(0, limit, size):
            self.batch_rows[var] = (ref, start, min(size, limit - start))
            try:
                body = self.walk(node.body)
            finally:
                self.batch_rows.pop(var, None)
            text = self.d.if_block(Cmp("gt", Filter("length", ref), Lit(start)), body, None)
            out.append(self._wrap_statements(text, body) if wrap else text)
        self.report.add_use(ref.name, f"(rows of {size}, at most {limit} items)", "loop",
                            self.where)
        return "".join(out)

    def row_items(self, node: nodes.For, var: str, ref: Ref, start: int, count: int) -> str:
        """The items of one unrolled grid row, each shown when it exists."""
        wrap = self.mjml and self.pos.at_container
        out: list[str] = []
        for index in range(start, start + count):
            text, body = self.d.item_block(var, ref, index, lambda: self.walk(node.body))
            guarded = self.d.if_block(Cmp("gt", Filter("length", ref), Lit(index)), text, None)
            out.append(self._wrap_statements(guarded, body) if wrap else guarded)
        return "".join(out)

    def static_for(self, node: nodes.For, var: str) -> str:
        items = list(self.evaluate(node.iter))
        for name in sorted(self.names_of(node.iter) & STATIC_ROOTS):
            self.report.add_use(name, "(filled in by Konvert)", "static", self.where)
        saved = self.scope.get(var, _MISSING)
        out: list[str] = []
        try:
            if not items:
                return self.walk(node.else_)
            for index, item in enumerate(items):
                self.scope[var] = item
                self.scope["loop"] = {"index": index + 1, "index0": index,
                                      "first": index == 0, "last": index == len(items) - 1,
                                      "length": len(items)}
                out.append(self.walk(node.body))
        finally:
            if saved is _MISSING:
                self.scope.pop(var, None)
            else:
                self.scope[var] = saved
            self.scope.pop("loop", None)
        return "".join(out)


_MISSING = object()


def _batch_shape(node: nodes.Node) -> tuple[nodes.Name | nodes.Getattr, int, int] | None:
    """``(list | default([]))[:N] | batch(k)`` -> (list, N, k); None for anything else."""
    if not (isinstance(node, nodes.Filter) and node.name == "batch" and len(node.args) == 1
            and isinstance(node.args[0], nodes.Const) and isinstance(node.args[0].value, int)
            and node.args[0].value > 0 and not node.kwargs):
        return None
    inner = node.node
    if not (isinstance(inner, nodes.Getitem) and isinstance(inner.arg, nodes.Slice)
            and inner.arg.start is None and inner.arg.step is None
            and isinstance(inner.arg.stop, nodes.Const)
            and isinstance(inner.arg.stop.value, int)):
        return None
    listed = inner.node
    if isinstance(listed, nodes.Filter) and listed.name in ("default", "d") \
            and listed.node is not None:
        listed = listed.node
    if not isinstance(listed, nodes.Name | nodes.Getattr):
        return None
    return listed, int(inner.arg.stop.value), int(node.args[0].value)


def _names_text(node: nodes.Node) -> str | None:
    parts = []
    for getattr_node in node.find_all(nodes.Getattr):
        if isinstance(getattr_node.node, nodes.Name):
            parts.append(f"{getattr_node.node.name}.{getattr_node.attr}")
    if parts:
        return parts[0]
    names = [n.name for n in node.find_all(nodes.Name)]
    return names[0] if names else None


# --- public API ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Translated:
    """A piece of source in the target's syntax, with its report."""

    text: str
    report: TranslationReport


def translate(source: str, target: str, static: Mapping[str, Any], *,
              mapping: Mapping[str, str] | None = None, where: str = "html",
              mjml: bool = True, report: TranslationReport | None = None) -> Translated:
    """Translate Jinja2 ``source`` to ``target``'s syntax.

    ``static`` holds the values Konvert fills in (``shop``, ``promo_code``,
    ``promo_expires``, ``recommended``); ``mjml`` says the source is MJML (HTML
    escaping, ``<mj-raw>`` around statements between elements) rather than a
    subject or plain text. Problems go into ``report`` (a new one by default).
    """
    _check_target(target)
    report = report if report is not None else TranslationReport(target)
    dialect = DIALECTS[target](mapping if mapping is not None else DEFAULT_FIELDS[target],
                               report)
    try:
        tree = syntax_tree(source, mjml)
    except jinja2.TemplateSyntaxError as exc:
        report.add(Problem("template-error", "error", f"template syntax error: {exc.message}",
                           where, None, exc.lineno, ("change-template",)))
        return Translated(source, report)
    translator = _Translator(dialect, static, where=where, mjml=mjml, autoescape=mjml)
    text = translator.walk(tree.body)
    return Translated(text, report)


def static_context(engine: Any, today: date) -> dict[str, Any]:
    """The values Konvert fills in at export time: brand kit, incentives, recommendations.

    ``recommended`` is the same for every recipient: the workspace's first
    in-stock products (the demo products without a workspace or products).
    """
    from composer import base_context, load_brand_kit, sample_personas

    brand = load_brand_kit(engine)
    base = base_context(brand, email="", today=today)
    recommended: list[dict[str, Any]] = []
    if engine is not None:
        from sqlalchemy import select
        from sqlalchemy.orm import Session

        from workspace.models import Product

        with Session(engine) as session:
            products = session.scalars(
                select(Product).where((Product.stock.is_(None)) | (Product.stock > 0))
                .order_by(Product.sku).limit(6)).all()
        for p in products:
            recommended.append({
                "sku": p.sku, "name": p.name or p.sku,
                "url": p.url or f"{brand.shop_url}/p/{p.sku}",
                "image_url": p.image_url or f"{brand.shop_url}/img/{p.sku}.jpg",
                "price": _number(p.price), "old_price": _number(p.old_price) or None})
    if not recommended:
        recommended = [dict(p) for p in sample_personas(brand, today)[0].context["recommended"]]
    return {"shop": base["shop"], "promo_code": base["promo_code"],
            "promo_expires": base["promo_expires"], "recommended": recommended}


def _number(value: Any) -> int | float:
    if value is None:
        return 0
    number = float(value)
    return int(number) if number.is_integer() else number


def unsubscribe_present(html: str, target: str) -> bool:
    """True when ``html`` has the target's unsubscribe link in an ``href``."""
    form = UNSUBSCRIBE[target]
    return bool(re.search(r"href\s*=\s*[\"']\s*" + re.escape(form), html))


def check_html(html: str, target: str, report: TranslationReport, where: str = "html") -> None:
    """The checks after translation: Gmail's clip size and the unsubscribe link."""
    size = len(html.encode("utf-8"))
    if size > GMAIL_CLIP_BYTES:
        report.add(Problem("size-gmail-clip", "error",
                           f"the translated HTML is {size / 1024:.0f} KB; Gmail clips mail "
                           "over 102 KB", where, None,
                           ways_out=("change-template", "per-recipient-files")))
    if not unsubscribe_present(html, target):
        report.add(Problem("missing-unsubscribe", "error",
                           f"no link to {UNSUBSCRIBE[target]} in the translated HTML", where,
                           "unsubscribe_url", ways_out=("change-template",)))
