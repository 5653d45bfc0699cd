"""Canonical import columns, their English/Russian aliases and hand mapping.

A header matches an alias case-insensitively, ignoring spaces, punctuation and
the difference between ``ё`` and ``е``: ``Эл. почта``, ``e-mail`` and
``EMAIL`` all land on ``email``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from workspace.errors import ImportFileError

KINDS = ("contacts", "orders", "order_lines", "events", "products")

CANONICAL_COLUMNS: dict[str, tuple[str, ...]] = {
    "contacts": (
        "email", "first_name", "last_name", "gender", "birth_date", "city", "region", "phone",
        "registered_at", "channel", "payment_method", "device", "consent_email", "status",
    ),
    "orders": ("order_id", "email", "created_at", "status", "total", "delivered_at"),
    "order_lines": ("order_id", "sku", "category", "price", "quantity", "color", "size", "style"),
    "events": ("email", "type", "at", "sku", "category", "query", "campaign"),
    "products": (
        "sku", "name", "category", "price", "old_price", "image_url", "url", "stock", "color",
        "size", "style",
    ),
}

# The column a file cannot do without (ImportFileError when no header maps to it).
REQUIRED_COLUMNS: dict[str, tuple[str, ...]] = {
    "contacts": ("email",),
    "orders": ("order_id",),
    "order_lines": ("order_id",),
    "events": ("email", "type", "at"),
    "products": ("sku",),
}

_EMAIL = (
    "email", "e-mail", "e mail", "mail", "email address", "e-mail address", "почта",
    "эл. почта", "эл почта", "электронная почта", "адрес почты", "адрес электронной почты",
    "e-mail адрес", "емейл", "имейл", "мейл", "емэйл",
)
_SKU = ("sku", "article", "item id", "product id", "артикул", "код товара", "id товара")
_CATEGORY = ("category", "product category", "категория", "категория товара", "раздел")
_COLOR = ("color", "colour", "цвет")
_SIZE = ("size", "размер")
_STYLE = ("style", "стиль")
_ORDER_ID = (
    "order_id", "order", "order id", "order number", "order no", "номер заказа", "заказ",
    "id заказа", "№ заказа", "номер",
)
_PRICE = ("price", "unit price", "цена", "цена за единицу", "стоимость товара")

_ALIASES: dict[str, dict[str, tuple[str, ...]]] = {
    "contacts": {
        "email": _EMAIL,
        "first_name": ("first name", "firstname", "given name", "name", "имя"),
        "last_name": ("last name", "lastname", "surname", "family name", "фамилия"),
        "gender": ("gender", "sex", "пол"),
        "birth_date": (
            "birth date", "birthdate", "birthday", "date of birth", "dob", "дата рождения",
            "день рождения", "др",
        ),
        "city": ("city", "town", "город", "населенный пункт"),
        "region": ("region", "state", "province", "регион", "область", "край", "субъект рф"),
        "phone": (
            "phone", "telephone", "mobile", "phone number", "mobile phone", "телефон", "тел",
            "мобильный", "мобильный телефон", "номер телефона", "сотовый",
        ),
        "registered_at": (
            "registered", "registered at", "registration date", "signup date", "signed up",
            "дата регистрации", "зарегистрирован", "регистрация",
        ),
        "channel": (
            "channel", "source", "acquisition channel", "канал", "источник",
            "канал привлечения",
        ),
        "payment_method": ("payment method", "payment", "способ оплаты", "оплата"),
        "device": ("device", "устройство"),
        "consent_email": (
            "consent", "email consent", "consent email", "opt in", "optin", "согласие",
            "согласие на рассылку", "согласие на email", "согласие на e-mail",
        ),
        "status": ("status", "subscription status", "статус", "статус подписки"),
    },
    "orders": {
        "order_id": _ORDER_ID,
        "email": _EMAIL,
        "created_at": (
            "created", "created at", "order date", "date", "ordered at", "дата", "дата заказа",
            "дата создания", "создан",
        ),
        "status": ("status", "order status", "статус", "статус заказа"),
        "total": (
            "total", "amount", "sum", "order total", "revenue", "сумма", "сумма заказа", "итого",
            "стоимость", "стоимость заказа",
        ),
        "delivered_at": (
            "delivered", "delivered at", "delivery date", "дата доставки", "доставлен",
            "дата получения",
        ),
    },
    "order_lines": {
        "order_id": _ORDER_ID,
        "sku": _SKU,
        "category": _CATEGORY,
        "price": _PRICE,
        "quantity": ("quantity", "qty", "count", "количество", "кол-во", "колво", "шт"),
        "color": _COLOR,
        "size": _SIZE,
        "style": _STYLE,
    },
    "events": {
        "email": _EMAIL,
        "type": ("type", "event", "event type", "тип", "событие", "тип события"),
        "at": (
            "at", "date", "time", "datetime", "timestamp", "date time", "дата", "время",
            "дата и время", "когда",
        ),
        "sku": _SKU,
        "category": _CATEGORY,
        "query": ("query", "search query", "search", "запрос", "поисковый запрос", "поиск"),
        "campaign": ("campaign", "campaign name", "кампания", "рассылка", "кампания рассылки"),
    },
    "products": {
        "sku": _SKU,
        "name": ("name", "title", "product name", "название", "наименование", "название товара"),
        "category": _CATEGORY,
        "price": _PRICE,
        "old_price": (
            "old price", "original price", "compare at price", "list price", "старая цена",
            "цена без скидки", "цена до скидки",
        ),
        "image_url": (
            "image", "image url", "picture", "photo", "img", "изображение", "картинка", "фото",
            "ссылка на фото", "ссылка на изображение",
        ),
        "url": ("url", "link", "product url", "page", "ссылка", "ссылка на товар", "страница"),
        "stock": ("stock", "in stock", "inventory", "остаток", "остатки", "наличие", "количество"),
        "color": _COLOR,
        "size": _SIZE,
        "style": _STYLE,
    },
}

_NON_WORD = re.compile(r"[\W_]+")


def normalize_header(text: str) -> str:
    """The matching form of a header: casefolded, ё→е, no spaces or punctuation."""
    return _NON_WORD.sub("", text.casefold()).replace("ё", "е")


def _alias_table(kind: str) -> dict[str, str]:
    table: dict[str, str] = {}
    for canonical in CANONICAL_COLUMNS[kind]:
        table[normalize_header(canonical)] = canonical
    for canonical, aliases in _ALIASES[kind].items():
        for alias in aliases:
            table.setdefault(normalize_header(alias), canonical)
    return table


_ALIAS_TABLES = {kind: _alias_table(kind) for kind in KINDS}

SKIP = "-"
CUSTOM_NAME_LENGTH = 200  # contact_attributes.name
CUSTOM_PREFIX = "custom."


@dataclass(frozen=True)
class Target:
    """Where one file column goes: a canonical field, a custom attribute, or nowhere."""

    field: str | None = None
    custom: str | None = None


def check_kind(kind: str) -> None:
    """Raise :class:`ImportFileError` for an unknown import kind."""
    if kind not in KINDS:
        raise ImportFileError(f"unknown import kind {kind!r}; use one of: {', '.join(KINDS)}")


def auto_target(kind: str, header: str) -> str | None:
    """The canonical column ``header`` stands for in a ``kind`` file, or None."""
    return _ALIAS_TABLES[kind].get(normalize_header(header))


def _find_header(headers: Sequence[str], source: str) -> int:
    for index, header in enumerate(headers):
        if header == source:
            return index
    wanted = source.strip().casefold()
    for index, header in enumerate(headers):
        if header.strip().casefold() == wanted:
            return index
    wanted = normalize_header(source)
    for index, header in enumerate(headers):
        if wanted and normalize_header(header) == wanted:
            return index
    raise ImportFileError(
        f"column {source!r} is not in the file; its columns are: {', '.join(headers)}"
    )


def _hand_target(kind: str, destination: str | None, header: str) -> Target | None:
    """Target for a hand mapping; None means "as detected automatically"."""
    if destination is None:
        return None
    dest = destination.strip()
    if dest in (SKIP, ""):
        return Target()
    if dest.casefold().startswith(CUSTOM_PREFIX):
        if kind != "contacts":
            raise ImportFileError("custom attributes can only be imported with contacts")
        name = dest[len(CUSTOM_PREFIX):].strip()
        if not name:
            raise ImportFileError(f"mapping for {header!r}: custom attribute needs a name")
        return Target(custom=name[:CUSTOM_NAME_LENGTH])
    if dest in CANONICAL_COLUMNS[kind]:
        return Target(field=dest)
    guessed = auto_target(kind, dest)
    if guessed is not None:
        return Target(field=guessed)
    raise ImportFileError(
        f"cannot map {header!r} to {dest!r}: {kind} columns are "
        f"{', '.join(CANONICAL_COLUMNS[kind])} (or custom.NAME, or - to skip)"
    )


def resolve_targets(
    kind: str, headers: Sequence[str], mapping: Mapping[str, str | None] | None
) -> list[Target]:
    """One :class:`Target` per header: hand mapping first, then aliases.

    Unknown contact columns become custom attributes named after the header;
    unknown columns of other kinds are ignored. Two columns mapped to the same
    field, or no column for a required field, is an :class:`ImportFileError`.
    """
    check_kind(kind)
    targets: list[Target | None] = [None] * len(headers)
    for source, destination in (mapping or {}).items():
        index = _find_header(headers, source)
        targets[index] = _hand_target(kind, destination, headers[index])
    by_hand = {t.field for t in targets if t is not None and t.field is not None}
    resolved: list[Target] = []
    used: dict[str, str] = {}
    for header, target in zip(headers, targets, strict=True):
        if target is None:
            field = auto_target(kind, header) if header.strip() else None
            if field is not None and field not in used and field not in by_hand:
                target = Target(field=field)
            elif kind == "contacts" and header.strip() and field is None:
                target = Target(custom=header.strip()[:CUSTOM_NAME_LENGTH])
            else:
                target = Target()
        if target.field is not None:
            if target.field in used:
                raise ImportFileError(
                    f"columns {used[target.field]!r} and {header!r} both map to "
                    f"{target.field}; map one of them by hand"
                )
            used[target.field] = header
        resolved.append(target)
    for field in REQUIRED_COLUMNS[kind]:
        if field not in used:
            raise ImportFileError(
                f"the file has no {field} column (columns: {', '.join(headers)}); "
                f"map one with --map COLUMN={field}"
            )
    return resolved
