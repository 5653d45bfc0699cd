"""Rejection codes and Russian reason texts."""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy import Engine

from tests.importing.helpers import write_csv
from workspace.importer import RowError, import_file, reason_text
from workspace.imports.reasons import RU_REASONS

CYRILLIC = re.compile("[а-яё]", re.IGNORECASE)


def test_codes_and_russian_texts(engine: Engine, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "c.csv", [
        "email;Дата рождения;Статус;Согласие;Дата регистрации",
        "anna@x.ru;05.03.1990;;да;",
        "not-an-email;;;;",
        "vera@x.ru;31.02.1990;;;",
        "anna@x.ru;;;;",
        ";01.01.1990;;;",
        "oleg@x.ru;;в отпуске;;",
        "ivan@x.ru;;;может быть;",
        "petr@x.ru;;;;вчера",
        "olga@x.ru;;;;25/3/2024",
        "lena@x.ru;;;;3/25/2024",
    ])
    result = import_file(engine, "contacts", path)
    assert [(e.line, e.code) for e in result.errors] == [
        (3, "invalid_email"), (5, "duplicate_key"), (6, "missing_value"), (7, "unknown_value")]
    # Bad optional values are warnings with the file's column.
    assert [(w.line, w.column, w.code) for w in result.warnings] == [
        (4, "Дата рождения", "impossible_date"), (8, "Согласие", "invalid_consent"),
        (9, "Дата регистрации", "unparseable_date"), (10, "Дата регистрации", "ambiguous_date"),
        (11, "Дата регистрации", "ambiguous_date")]
    by_line = {e.line: e for e in [*result.errors, *result.warnings]}
    # English stays what the CLI contract and older reports show.
    assert by_line[3].reason == "invalid email 'not-an-email'"
    assert reason_text(by_line[3], "en") == "invalid email 'not-an-email'"
    assert reason_text(by_line[3], "ru") == "неверный адрес e-mail «not-an-email»"
    assert reason_text(by_line[4], "ru") == \
        "несуществующая дата в поле «дата рождения»: 31.02.1990"
    assert reason_text(by_line[5], "ru") == "повтор: e-mail уже встречается в строке 2"
    assert reason_text(by_line[6], "ru") == "не заполнено поле «e-mail»"
    assert reason_text(by_line[7], "ru").startswith("неизвестное значение поля «статус»: "
                                                    "«в отпуске»")
    for error in [*result.errors, *result.warnings]:
        text = reason_text(error, "ru")
        assert CYRILLIC.search(text) and "{" not in text, text
    # Equality is by line and reason, as before codes existed.
    assert by_line[6] == RowError(6, "missing email")


def test_codes_of_other_kinds(engine: Engine, tmp_path: Path) -> None:
    write_csv(tmp_path / "c.csv", ["email", "anna@x.ru"])
    import_file(engine, "contacts", tmp_path / "c.csv")
    orders = write_csv(tmp_path / "o.csv", [
        "order_id;email;created_at;total",
        "1;ghost@x.ru;2024-01-01;10",
        "2;anna@x.ru;2024-01-01;-5",
        "3;anna@x.ru;;10",
        "4;;2024-01-01;10",
        "5;anna@x.ru;2024-01-01;много",
    ])
    result = import_file(engine, "orders", orders)
    assert [e.code for e in result.errors] == [
        "unknown_contact", "negative_amount", "missing_order_date", "missing_order_email",
        "not_a_number"]
    assert reason_text(result.errors[0], "ru") == \
        "неизвестный контакт ghost@x.ru (сначала импортируйте контакты)"
    assert reason_text(result.errors[1], "ru") == "отрицательная сумма в поле «сумма»: -5"
    lines = write_csv(tmp_path / "l.csv", [
        "order_id;sku;quantity", "9;A;1", "3;A;0", "3;B;1,5", "3;C;-2"])
    # Order 9 does not exist; the other lines fail on their quantity first.
    result = import_file(engine, "order_lines", lines)
    assert {e.code for e in result.errors} == {
        "unknown_order", "below_minimum", "not_whole_number", "negative_number"}
    products = write_csv(tmp_path / "p.csv", ["sku;name;stock", "A;;1", "B;Кеды;99999999999"])
    result = import_file(engine, "products", products)
    assert [e.code for e in result.errors] == ["missing_product_name", "too_large"]
    assert reason_text(result.errors[0], "ru") == "у нового товара A не указано название"
    for error in result.errors:
        assert "{" not in reason_text(error, "ru")


def test_unknown_code_or_language_falls_back_to_english() -> None:
    error = RowError(7, "something odd", "no_such_code", {})
    assert reason_text(error, "ru") == "something odd"
    assert reason_text(RowError(7, "invalid email 'x'", "invalid_email", {}), "ru") == \
        "invalid email 'x'"  # a template missing its params keeps the English text
    assert reason_text(RowError(7, "invalid email 'x'", "invalid_email", {"value": "x"}),
                       "de") == "invalid email 'x'"
    assert all(CYRILLIC.search(text) for text in RU_REASONS.values())
