"""Parsing one cell of an import file into a typed value (data.md formats).

Every parser takes the raw cell: a ``str`` from CSV, or whatever openpyxl
gives for XLSX (``str``, ``int``, ``float``, ``bool``, ``datetime``, ``date``,
``None``). An empty cell gives ``None``; a bad one raises :class:`BadValueError`
whose message is the plain-words reason shown to the user.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from typing import Any

Parser = Callable[[Any], Any]


class BadValueError(ValueError):
    """A cell that cannot be imported; ``str(exc)`` is the English reason.

    ``code`` is the stable name of the problem and ``params`` what the reason
    mentions (see :mod:`workspace.imports.reasons` for the Russian texts).
    """

    def __init__(self, code: str, reason: str, **params: Any) -> None:
        super().__init__(reason)
        self.code = code
        self.params = params
        self.column = ""  # the file's header of the cell, once the importer knows it


def memoized(parse: Parser, limit: int = 50_000) -> Parser:
    """``parse`` with a cache of its results for text cells.

    Columns such as gender, status or birth date repeat a small set of
    values over a million rows; looking the text up is several times faster
    than parsing it again. The cache stops growing at ``limit`` entries so a
    column of unique values costs no more than a bounded dictionary.
    """
    cache: dict[str, Any] = {}

    def parse_cached(raw: Any) -> Any:
        if raw.__class__ is not str:
            return parse(raw)
        try:
            found = cache[raw]
        except KeyError:
            try:
                found = parse(raw)
            except BadValueError as exc:
                found = exc
            if len(cache) < limit:
                cache[raw] = found
        if found.__class__ is BadValueError:
            raise found
        return found

    return parse_cached


def _show(raw: Any) -> str:
    text = str(raw)
    return text if len(text) <= 60 else text[:57] + "..."


def text_of(raw: Any) -> str | None:
    """The trimmed text of a cell (numbers without a spurious ``.0``); empty → None."""
    if raw.__class__ is str:
        value = raw.strip()
        if "\x00" in value:  # PostgreSQL refuses NUL in text
            value = value.replace("\x00", "")
        return value or None
    if raw is None:
        return None
    if isinstance(raw, bool):
        return "1" if raw else "0"
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    if isinstance(raw, datetime):
        return raw.isoformat(sep=" ")
    return str(raw).strip() or None


def text_parser(field: str, max_length: int | None) -> Parser:
    """A parser for a free-text column no longer than ``max_length``."""

    def parse(raw: Any) -> str | None:
        value = text_of(raw)
        if value is not None and max_length is not None and len(value) > max_length:
            raise BadValueError("too_long",
                                f"{field} is too long (more than {max_length} characters)",
                                field=field, limit=max_length)
        return value

    return parse


# One @, something before it, a dotted domain after it; no spaces. Cyrillic
# domains (почта.рф) are fine.
_EMAIL = re.compile(r"[^@\s\"<>,;()\[\]]+@[^@\s\"<>,;()\[\]]+\.[^@\s\"<>,;()\[\].]+")


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def parse_email(raw: Any) -> str | None:
    """The folded e-mail address (the contact key), or :class:`BadValueError`."""
    value = text_of(raw)
    if value is None:
        return None
    folded = value.casefold()
    if folded.startswith(_FORMULA_STARTS):
        # A spreadsheet would run it as a formula (see workspace.csvsafe).
        raise BadValueError("unsafe_email",
                            f"invalid email {_show(value)!r}: an address cannot start with "
                            "=, +, - or @", value=_show(value))
    if (
        len(folded) > 320
        or not _EMAIL.fullmatch(folded)
        or ".." in folded
        or folded.startswith(".")
        or "@." in folded
        or ".@" in folded
    ):
        raise BadValueError("invalid_email", f"invalid email {_show(value)!r}",
                            value=_show(value))
    return folded


# --- numbers -------------------------------------------------------------------

_SPACES = str.maketrans("", "", " \u00a0\u202f\u2009\u2007'’")
_CURRENCY = re.compile(r"(?:₽|руб\.?|р\.|rub|\$|€|usd|eur)$", re.IGNORECASE)
_MONEY_LIMIT = Decimal("999999999999.99")  # Numeric(14, 2)
_INT_LIMIT = 2**31 - 1


def parse_number(raw: Any) -> Decimal | None:
    """A number written ``1234.5``, ``1 234,50`` (NBSP too), ``1,234.50`` or ``1.234,50``."""
    if raw is None or isinstance(raw, bool):
        if raw is None:
            return None
        raise BadValueError("not_a_number", f"not a number: {raw!r}", value=repr(raw))
    if isinstance(raw, int):
        return Decimal(raw)
    if isinstance(raw, float):
        return Decimal(repr(raw))
    text = text_of(raw)
    if text is None:
        return None
    cleaned = _CURRENCY.sub("", text.translate(_SPACES).casefold()).strip()
    if "," in cleaned and "." in cleaned:
        # The later sign is the decimal one: 1,234.50 or 1.234,50.
        if cleaned.rfind(",") > cleaned.rfind("."):
            cleaned = cleaned.replace(".", "").replace(",", ".")
        else:
            cleaned = cleaned.replace(",", "")
    elif cleaned.count(",") == 1:
        cleaned = cleaned.replace(",", ".")
    elif cleaned.count(".") > 1:  # 1.234.567 thousands
        cleaned = cleaned.replace(".", "")
    try:
        number = Decimal(cleaned)
    except InvalidOperation:
        raise BadValueError("not_a_number", f"not a number: {_show(text)!r}",
                            value=_show(text)) from None
    if not number.is_finite():
        raise BadValueError("not_a_number", f"not a number: {_show(text)!r}", value=_show(text))
    return number


def money_parser(field: str) -> Parser:
    """A parser for a non-negative amount with two decimals."""

    def parse(raw: Any) -> Decimal | None:
        number = parse_number(raw)
        if number is None:
            return None
        if number < 0:
            raise BadValueError("negative_amount", f"negative amount in {field}: {_show(raw)}",
                                field=field, value=_show(raw))
        if number > _MONEY_LIMIT:
            raise BadValueError("too_large", f"amount in {field} is too large: {_show(raw)}",
                                field=field, value=_show(raw))
        return number.quantize(Decimal("0.01"))

    return parse


def count_parser(field: str, *, positive: bool = False) -> Parser:
    """A parser for a whole non-negative (or positive) number."""

    def parse(raw: Any) -> int | None:
        number = parse_number(raw)
        if number is None:
            return None
        if number != number.to_integral_value():
            raise BadValueError("not_whole_number",
                                f"{field} must be a whole number, not {_show(raw)}",
                                field=field, value=_show(raw))
        if number < 0:
            raise BadValueError("negative_number", f"negative {field}: {_show(raw)}",
                                field=field, value=_show(raw))
        if positive and number == 0:
            raise BadValueError("below_minimum", f"{field} must be at least 1", field=field,
                                minimum=1)
        if number > _INT_LIMIT:
            raise BadValueError("too_large", f"{field} is too large: {_show(raw)}",
                                field=field, value=_show(raw))
        return int(number)

    return parse


# --- dates ---------------------------------------------------------------------

DAY_FIRST = "dm"
MONTH_FIRST = "md"
MIXED = "mixed"

_DOTTED = re.compile(
    r"(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?"
)
_SLASHED = re.compile(
    r"(\d{1,2})/(\d{1,2})/(\d{4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?"
    r"(?:\s*([AaPp][Mm]))?"
)
_ISO_SLASHED = re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})")
# ISO-like with one-digit parts, as exports write them: 2010-12-1 8:26.
_ISO_LOOSE = re.compile(
    r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?")
_SLASH_PARTS = re.compile(r"\s*(\d{1,2})/(\d{1,2})/\d{4}")


def slash_order(values: Iterable[Any]) -> str | None:
    """How ``d/m/yyyy``-like dates in a column are ordered, judged from ``values``.

    ``dm`` when some value only makes sense day first (13/02/2024) and none
    month first, ``md`` the other way round, ``mixed`` when both occur (the
    file is inconsistent: such dates are rejected), None when no value
    decides it (the caller then reads them day first, as Russian files do).
    """
    day_first = month_first = False
    for raw in values:
        if not isinstance(raw, str):
            continue
        match = _SLASH_PARTS.match(raw)
        if match is None:
            continue
        first, second = int(match.group(1)), int(match.group(2))
        if first > 12 >= second:
            day_first = True
        elif second > 12 >= first:
            month_first = True
    if day_first and month_first:
        return MIXED
    if month_first:
        return MONTH_FIRST
    if day_first:
        return DAY_FIRST
    return None


def _build(field: str, text: str, y: int, mo: int, d: int, h: int = 0, mi: int = 0,
           s: int = 0) -> datetime:
    try:
        return datetime(y, mo, d, h, mi, s)
    except ValueError:
        raise BadValueError("impossible_date", f"impossible date in {field}: {_show(text)}",
                            field=field, value=_show(text)) from None


def _parse_text_datetime(field: str, text: str, order: str | None) -> datetime:
    if text[4:5] == "-":
        try:  # ISO first: the C parser is the fast path for machine exports
            value = datetime.fromisoformat(text)
        except ValueError:
            pass
        else:
            if value.tzinfo is not None:
                value = value.astimezone().replace(tzinfo=None)
            return value
    match = _DOTTED.fullmatch(text)
    if match is not None:
        d, mo, y, h, mi, s = match.groups()
        return _build(field, text, int(y), int(mo), int(d), int(h or 0), int(mi or 0),
                      int(s or 0))
    match = _SLASHED.fullmatch(text)
    if match is not None:
        a, b, y, h, mi, s, ampm = match.groups()
        if order == MIXED:
            raise BadValueError(
                "ambiguous_date",
                f"ambiguous date in {field}: {_show(text)} (the file mixes day/month and "
                "month/day order; use dd.mm.yyyy or yyyy-mm-dd)",
                field=field, value=_show(text),
            )
        d, mo = (b, a) if order == MONTH_FIRST else (a, b)
        hour = int(h or 0)
        if ampm:
            if not 1 <= hour <= 12:
                raise BadValueError("impossible_time", f"impossible time in {field}: {_show(text)}",
                                    field=field, value=_show(text))
            hour = hour % 12 + (12 if ampm.casefold() == "pm" else 0)
        return _build(field, text, int(y), int(mo), int(d), hour, int(mi or 0), int(s or 0))
    match = _ISO_SLASHED.fullmatch(text)
    if match is not None:
        y, mo, d = match.groups()
        return _build(field, text, int(y), int(mo), int(d))
    match = _ISO_LOOSE.fullmatch(text)
    if match is not None:
        y, mo, d, h, mi, s = match.groups()
        return _build(field, text, int(y), int(mo), int(d), int(h or 0), int(mi or 0),
                      int(s or 0))
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}(?:[ T].*)?", text):
            raise BadValueError("impossible_date", f"impossible date in {field}: {_show(text)}",
                                field=field, value=_show(text)) from None
        raise BadValueError("unparseable_date", f"unparseable date in {field}: {_show(text)}",
                            field=field, value=_show(text)) from None
    if value.tzinfo is not None:
        # Stored datetimes are local time of the workspace (this computer's zone).
        value = value.astimezone().replace(tzinfo=None)
    return value


def _as_datetime(field: str, raw: Any, order: str | None) -> datetime | None:
    if raw.__class__ is str:  # every CSV cell: skip the type checks below
        text = text_of(raw)
        return None if text is None else _parse_text_datetime(field, text, order)
    if raw is None:
        return None
    if isinstance(raw, datetime):
        if raw.tzinfo is not None:
            return raw.astimezone().replace(tzinfo=None)
        return raw
    if isinstance(raw, date):
        return datetime.combine(raw, time())
    if isinstance(raw, bool | int | float):
        raise BadValueError("unparseable_date", f"unparseable date in {field}: {_show(raw)}",
                            field=field, value=_show(raw))
    text = text_of(raw)
    if text is None:
        return None
    return _parse_text_datetime(field, text, order)


def datetime_parser(field: str, order: str | None) -> Parser:
    """A parser for a date-and-time column (a bare date means midnight)."""

    def parse(raw: Any) -> datetime | None:
        return _as_datetime(field, raw, order)

    return parse


def date_parser(field: str, order: str | None) -> Parser:
    """A parser for a date column (a time part, if any, is dropped)."""

    def parse(raw: Any) -> date | None:
        value = _as_datetime(field, raw, order)
        return None if value is None else value.date()

    return parse


# --- enumerations ----------------------------------------------------------------


def _key(text: str) -> str:
    return re.sub(r"[\s_\-]+", " ", text.strip().casefold()).replace("ё", "е")


def _table(groups: dict[str, tuple[str, ...]]) -> dict[str, str]:
    return {_key(alias): value for value, aliases in groups.items() for alias in (value, *aliases)}


GENDERS = _table({
    "female": ("f", "ж", "женский", "жен", "женщина", "w", "woman"),
    "male": ("m", "м", "мужской", "муж", "мужчина", "man"),
})
CONSENT = {
    **{_key(a): True for a in ("true", "yes", "да", "1", "y", "д", "+", "истина")},
    **{_key(a): False for a in ("false", "no", "нет", "0", "n", "н", "-", "ложь")},
}
CONTACT_STATUSES = _table({
    "subscribed": ("подписан", "подписана", "active", "активен"),
    "unsubscribed": ("отписан", "отписана", "отписался", "unsubscribe"),
    "bounced": ("bounce", "недоставляемый", "hard bounce"),
    "complained": ("complaint", "spam", "жалоба", "спам"),
})
ORDER_STATUSES = _table({
    "paid": ("оплачен", "оплачено", "оплата"),
    "delivered": ("доставлен", "доставлено", "выполнен", "выполнено", "completed", "complete"),
    "cancelled": ("canceled", "отменен", "отменено", "отмена"),
    "returned": ("return", "возврат", "возвращен", "возвращено"),
    "pending": ("new", "новый", "ожидает", "ожидает оплаты", "processing", "в обработке"),
})
EVENT_TYPES = _table({
    name: () for name in (
        "product_view", "category_view", "search", "cart_add", "cart_abandon", "site_visit",
        "email_open", "email_click", "promo_click", "complaint", "return",
    )
})
DEVICES = _table({
    "desktop": ("computer", "pc", "компьютер", "пк", "десктоп"),
    "mobile": ("phone", "smartphone", "телефон", "смартфон", "мобильный"),
    "tablet": ("планшет",),
})


_UNKNOWN_GENDERS = frozenset(_key(a) for a in (
    "unknown", "u", "?", "-", "не указан", "не указано", "неизвестно", "нет данных", "n/a"))


def parse_gender(raw: Any) -> str | None:
    """``female``/``male`` from the aliases in data.md, ``unknown`` when the file says so.

    Any other value is a :class:`BadValueError` (``unknown_value``), which the
    importer reports as a warning: the contact keeps its gender (a new one
    gets ``unknown``).
    """
    text = text_of(raw)
    if text is None:
        return None
    key = _key(text)
    found = GENDERS.get(key)
    if found is not None:
        return found
    if key in _UNKNOWN_GENDERS:
        return "unknown"
    raise BadValueError("unknown_value",
                        f"unknown gender {_show(text)!r} (expected one of: female, male)",
                        field="gender", value=_show(text), allowed="female, male")


# Digits with the usual separators, an optional leading + and an extension.
_PHONE = re.compile(r"\+?[\d\s().\-/]+(?:\s*(?:доб|ext|x)\.?\s*\d+)?", re.IGNORECASE)


def phone_parser(max_length: int) -> Parser:
    """A parser for a phone number: 5 to 20 digits with ``+ ( ) - . /`` and spaces."""

    def parse(raw: Any) -> str | None:
        value = text_of(raw)
        if value is None:
            return None
        digits = sum(ch.isdigit() for ch in value)
        if not 5 <= digits <= 20 or not _PHONE.fullmatch(value):
            raise BadValueError("invalid_phone", f"not a phone number: {_show(value)!r}",
                                field="phone", value=_show(value))
        if len(value) > max_length:
            raise BadValueError("too_long",
                                f"phone is too long (more than {max_length} characters)",
                                field="phone", limit=max_length)
        return value

    return parse


def parse_consent(raw: Any) -> bool | None:
    """true/false, yes/no, да/нет, 1/0; anything else is rejected (no guessing consent)."""
    if isinstance(raw, bool):
        return raw
    text = text_of(raw)
    if text is None:
        return None
    value = CONSENT.get(_key(text))
    if value is None:
        raise BadValueError("invalid_consent",
                            f"consent_email must be yes or no, not {_show(text)!r}",
                            value=_show(text))
    return value


def enum_parser(field: str, table: dict[str, str], *, strict: bool = True) -> Parser:
    """A parser mapping aliases through ``table``; unknown values rejected or kept."""
    allowed = ", ".join(sorted(set(table.values())))

    def parse(raw: Any) -> str | None:
        text = text_of(raw)
        if text is None:
            return None
        value = table.get(_key(text))
        if value is not None:
            return value
        if strict:
            raise BadValueError("unknown_value",
                                f"unknown {field} {_show(text)!r} (expected one of: {allowed})",
                                field=field, value=_show(text), allowed=allowed)
        if len(text) > 20:
            raise BadValueError("too_long", f"{field} is too long (more than 20 characters)",
                                field=field, limit=20)
        return text

    return parse
