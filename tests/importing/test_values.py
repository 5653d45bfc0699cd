"""Cell parsers, header aliases, encoding and delimiter detection (no database)."""

from __future__ import annotations

import codecs
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from workspace.errors import ImportFileError
from workspace.imports.columns import auto_target, resolve_targets
from workspace.imports.reading import detect_delimiter, detect_encoding, open_rows
from workspace.imports.values import (
    BadValueError,
    count_parser,
    date_parser,
    datetime_parser,
    money_parser,
    parse_consent,
    parse_email,
    parse_gender,
    slash_order,
)


@pytest.mark.parametrize(("raw", "expected"), [
    ("1 234,50", Decimal("1234.50")),
    ("1\u00a0234,50", Decimal("1234.50")),
    ("1\u202f234,5", Decimal("1234.50")),
    ("1234.5", Decimal("1234.50")),
    ("1,234.50", Decimal("1234.50")),
    ("1.234,50", Decimal("1234.50")),
    ("99,9 ₽", Decimal("99.90")),
    ("0", Decimal("0.00")),
    (1500, Decimal("1500.00")),
    (12.5, Decimal("12.50")),
])
def test_money_forms(raw: object, expected: Decimal) -> None:
    assert money_parser("total")(raw) == expected


@pytest.mark.parametrize(("raw", "reason"), [
    ("-5", "negative amount"),
    ("-1 234,50", "negative amount"),
    ("abc", "not a number"),
    ("1e400", "too large"),
])
def test_bad_money(raw: str, reason: str) -> None:
    with pytest.raises(BadValueError, match=reason):
        money_parser("total")(raw)


def test_quantity_must_be_positive_whole() -> None:
    parse = count_parser("quantity", positive=True)
    assert parse("3") == 3
    assert parse("2,0") == 2
    for bad in ("0", "-1", "1,5"):
        with pytest.raises(BadValueError):
            parse(bad)


@pytest.mark.parametrize("raw", [
    "2024-03-05", "2024-03-05 14:30", "2024-03-05T14:30:00", "05.03.2024",
    "05.03.2024 14:30", "5.3.2024", "5/3/2024", "05/03/2024 14:30",
])
def test_date_forms_mean_5_march(raw: str) -> None:
    value = datetime_parser("registered_at", None)(raw)
    assert value is not None and value.date() == date(2024, 3, 5)
    assert date_parser("birth_date", None)(raw) == date(2024, 3, 5)


def test_time_is_kept() -> None:
    assert datetime_parser("at", None)("05.03.2024 14:30") == datetime(2024, 3, 5, 14, 30)
    assert datetime_parser("at", None)("2024-03-05 14:30:15") == datetime(2024, 3, 5, 14, 30, 15)


@pytest.mark.parametrize("raw", ["31.02.2024", "2024-02-30", "29.02.2023", "5/13/2024"])
def test_impossible_dates(raw: str) -> None:
    with pytest.raises(BadValueError, match="impossible date"):
        date_parser("birth_date", None)(raw)


def test_unparseable_date() -> None:
    with pytest.raises(BadValueError, match="unparseable date"):
        date_parser("birth_date", None)("вчера")


def test_slash_order_decided_by_the_file() -> None:
    assert slash_order(["5/3/2024", "25/3/2024"]) == "dm"
    assert slash_order(["5/3/2024", "3/25/2024"]) == "md"
    assert slash_order(["25/3/2024", "3/25/2024"]) == "mixed"
    assert slash_order(["5/3/2024", "2024-01-01"]) is None
    assert date_parser("d", "md")("5/3/2024") == date(2024, 5, 3)
    assert date_parser("d", "dm")("5/3/2024") == date(2024, 3, 5)
    with pytest.raises(BadValueError, match="ambiguous"):
        date_parser("d", "mixed")("5/3/2024")
    # Unambiguous forms are fine whatever the slash order of the column.
    assert date_parser("d", "mixed")("05.03.2024") == date(2024, 3, 5)


@pytest.mark.parametrize(("raw", "expected"), [
    ("Anna@Example.RU ", "anna@example.ru"),
    ("иван@почта.рф", "иван@почта.рф"),
    ("a.b+tag@mail.co.uk", "a.b+tag@mail.co.uk"),
])
def test_valid_emails_are_folded(raw: str, expected: str) -> None:
    assert parse_email(raw) == expected


@pytest.mark.parametrize("raw", ["anna", "anna@", "@mail.ru", "anna@mail", "an na@mail.ru",
                                 "anna@@mail.ru", "anna@mail..ru", "anna@mail.ru;b@c.ru"])
def test_invalid_emails(raw: str) -> None:
    with pytest.raises(BadValueError, match="invalid email"):
        parse_email(raw)


def test_gender_and_consent_aliases() -> None:
    assert [parse_gender(v) for v in ("female", "F", "ж", "Женский", "male", "m", "М",
                                      "мужской", "?")] == [
        "female", "female", "female", "female", "male", "male", "male", "male", "unknown"]
    assert [parse_consent(v) for v in ("true", "Yes", "да", "1", "false", "no", "Нет", "0")] == [
        True, True, True, True, False, False, False, False]
    assert parse_consent("") is None
    with pytest.raises(BadValueError, match="consent"):
        parse_consent("может быть")


@pytest.mark.parametrize(("header", "kind", "canonical"), [
    ("E-mail", "contacts", "email"),
    ("Эл. почта", "contacts", "email"),
    ("ПОЧТА", "contacts", "email"),
    ("Дата рождения", "contacts", "birth_date"),
    ("Фамилия", "contacts", "last_name"),
    ("Регион", "contacts", "region"),
    ("Телефон", "contacts", "phone"),
    ("first_name", "contacts", "first_name"),
    ("Номер заказа", "orders", "order_id"),
    ("Дата заказа", "orders", "created_at"),
    ("Сумма", "orders", "total"),
    ("Статус", "orders", "status"),
    ("Артикул", "order_lines", "sku"),
    ("Кол-во", "order_lines", "quantity"),
    ("Цена", "products", "price"),
    ("Категория", "products", "category"),
])
def test_header_aliases(header: str, kind: str, canonical: str) -> None:
    assert auto_target(kind, header) == canonical


def test_missing_key_column_and_bad_mapping() -> None:
    with pytest.raises(ImportFileError, match="no email column"):
        resolve_targets("contacts", ["Имя", "Город"], None)
    with pytest.raises(ImportFileError, match="not in the file"):
        resolve_targets("contacts", ["Почта"], {"Mail": "email"})
    with pytest.raises(ImportFileError, match="cannot map"):
        resolve_targets("contacts", ["Почта", "X"], {"X": "shoe_size"})
    with pytest.raises(ImportFileError, match="unknown import kind"):
        resolve_targets("customers", ["Почта"], None)


def test_detect_delimiter() -> None:
    assert detect_delimiter(["a;b;c\n", "1;2,5;3\n"]) == ";"
    assert detect_delimiter(["a,b,c\n", "1,2,3\n"]) == ","
    assert detect_delimiter(["a\tb\n", "1\t2,5\n"]) == "\t"
    assert detect_delimiter(["email\n", "a@b.ru\n"]) == ","


@pytest.mark.parametrize(("data", "expected"), [
    (codecs.BOM_UTF8 + "почта\n".encode(), "utf-8-sig"),
    (codecs.BOM_UTF16_LE + "почта\n".encode("utf-16-le"), "utf-16"),
    (codecs.BOM_UTF16_BE + "почта\n".encode("utf-16-be"), "utf-16"),
    ("почта\n".encode(), "utf-8"),
    ("почта\n".encode("cp1251"), "cp1251"),
])
def test_detect_encoding(tmp_path: Path, data: bytes, expected: str) -> None:
    path = tmp_path / "f.csv"
    path.write_bytes(data)
    assert detect_encoding(path) == expected


def test_late_cp1251_byte_is_not_misread_as_utf8(tmp_path: Path) -> None:
    path = tmp_path / "f.csv"
    path.write_bytes(b"email\n" + b"a@b.ru\n" * 300_000 + "Ёж@b.ru\n".encode("cp1251"))
    assert detect_encoding(path) == "cp1251"


def test_physical_line_numbers_with_multiline_cells(tmp_path: Path) -> None:
    path = tmp_path / "f.csv"
    path.write_text('email;note\na@b.ru;"two\nlines"\n\nc@d.ru;x\n', encoding="utf-8")
    with open_rows(path) as source:
        assert [line for line, _ in source.rows] == [2, 5]
