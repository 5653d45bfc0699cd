"""Why a row was rejected: a stable code, the English reason and a Russian text.

Every rejection carries a ``code`` (``invalid_email``, ``impossible_date``...)
that programs can rely on, ``reason`` in English (the CLI contract and the
report file) and the ``params`` the reason was built from, so
:func:`reason_text` can say the same in Russian for the UI or ``--lang ru``.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workspace.csvsafe import safe_row
from workspace.errors import ImportFileError

LANGUAGES = ("en", "ru")


@dataclass(frozen=True)
class RowError:
    """A rejected row, or a warning about one value: its 1-based physical line and why.

    ``reason`` is English; ``code`` names the kind of problem (see
    :data:`RU_REASONS` for the list) and ``params`` the values the reason
    mentions. ``column`` is the file's header of the cell concerned (always
    given for a warning, when known for an error). Equality compares
    ``line`` and ``reason`` only, which the code and params merely spell out.
    """

    line: int
    reason: str
    code: str = field(default="", compare=False)
    params: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)
    column: str = field(default="", compare=False)


# Russian names of the canonical columns (and of the pseudo-fields the
# reasons mention), as a marketer sees them in the import dialog.
RU_FIELDS: dict[str, str] = {
    "email": "e-mail", "first_name": "имя", "last_name": "фамилия", "gender": "пол",
    "birth_date": "дата рождения", "city": "город", "region": "регион",
    "phone": "телефон", "registered_at": "дата регистрации", "channel": "канал",
    "payment_method": "способ оплаты", "device": "устройство",
    "consent_email": "согласие на рассылку", "status": "статус",
    "order_id": "номер заказа", "created_at": "дата заказа", "total": "сумма",
    "delivered_at": "дата доставки", "sku": "артикул", "category": "категория",
    "price": "цена", "quantity": "количество", "color": "цвет", "size": "размер",
    "style": "стиль", "type": "тип события", "event type": "тип события",
    "at": "дата и время", "query": "запрос", "campaign": "кампания", "name": "название",
    "old_price": "старая цена", "image_url": "изображение", "url": "ссылка",
    "stock": "остаток", "event": "событие",
    "order, sku, color and size": "заказ, артикул, цвет и размер",
}

# One Russian template per code; ``{field}`` and ``{key}`` are given in
# Russian by reason_text, the other placeholders verbatim from the file.
RU_REASONS: dict[str, str] = {
    "invalid_email": "неверный адрес e-mail «{value}»",
    "too_long": "поле «{field}» слишком длинное (больше {limit} символов)",
    "not_a_number": "не число: «{value}»",
    "negative_amount": "отрицательная сумма в поле «{field}»: {value}",
    "too_large": "слишком большое значение в поле «{field}»: {value}",
    "not_whole_number": "в поле «{field}» должно быть целое число, а не {value}",
    "negative_number": "отрицательное значение в поле «{field}»: {value}",
    "below_minimum": "в поле «{field}» должно быть не меньше {minimum}",
    "impossible_date": "несуществующая дата в поле «{field}»: {value}",
    "impossible_time": "несуществующее время в поле «{field}»: {value}",
    "ambiguous_date": (
        "неоднозначная дата в поле «{field}»: {value} (в файле есть даты и в порядке "
        "день/месяц, и в порядке месяц/день; пишите дд.мм.гггг или гггг-мм-дд)"
    ),
    "unparseable_date": "не удалось прочитать дату в поле «{field}»: {value}",
    "invalid_consent": "согласие на рассылку должно быть «да» или «нет», а не «{value}»",
    "unknown_value": "неизвестное значение поля «{field}»: «{value}» (допустимо: {allowed})",
    "missing_value": "не заполнено поле «{field}»",
    "duplicate_key": "повтор: {key} уже встречается в строке {first_line}",
    "unknown_contact": "неизвестный контакт {email} (сначала импортируйте контакты)",
    "unknown_order": "неизвестный заказ {order_id}",
    "missing_order_email": "у нового заказа не указан e-mail",
    "missing_order_date": "у нового заказа не указана дата заказа",
    "missing_product_name": "у нового товара {sku} не указано название",
    "invalid_phone": "не похоже на номер телефона: «{value}»",
    "unsafe_email": (
        "неверный адрес e-mail «{value}»: адрес не может начинаться с =, +, - или @"
    ),
    "nul_character": (
        "в ячейке «{column}» есть нулевой символ (NUL): файл, похоже, повреждён"
    ),
}


def reason_text(error: RowError, lang: str) -> str:
    """The reason of ``error`` in ``lang`` (``en`` or ``ru``).

    English is ``error.reason`` itself; a code without a Russian template
    (or a language other than Russian) falls back to it.
    """
    template = RU_REASONS.get(error.code) if lang == "ru" else None
    if template is None:
        return error.reason
    params = dict(error.params)
    for name in ("field", "key"):
        if name in params:
            params[name] = RU_FIELDS.get(str(params[name]), str(params[name]))
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return error.reason


REPORT_HEADER = ["line", "reason", "severity", "column", "code"]


def write_report(path: Path, errors: Sequence[RowError], lang: str = "en",
                 warnings: Sequence[RowError] = ()) -> None:
    """Write rejected rows and warnings as CSV, UTF-8 with BOM so Excel shows Cyrillic.

    Columns: ``line,reason,severity,column,code`` (severity ``error`` for a
    rejected row, ``warning`` for a value left out), sorted by line. Cells
    that a spreadsheet would run as a formula are neutralised
    (:func:`workspace.csvsafe.safe_row`): reasons quote the file's values.

    Raises:
        ImportFileError: the report cannot be written (no such folder, no permission).
    """
    entries = sorted([(e.line, 0, "error", e) for e in errors]
                     + [(w.line, 1, "warning", w) for w in warnings],
                     key=lambda entry: (entry[0], entry[1]))
    try:
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(REPORT_HEADER)
            writer.writerows(
                safe_row([item.line, reason_text(item, lang), severity, item.column, item.code])
                for _line, _order, severity, item in entries)
    except OSError as exc:
        raise ImportFileError(f"cannot write report {path}: {exc.strerror or exc}") from exc
