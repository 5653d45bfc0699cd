"""Excel's ``sep=X`` first line names the delimiter and is not the header."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from tests.importing.helpers import rows, write_csv
from workspace.importer import import_file, sniff
from workspace.models import Contact, Product


@pytest.mark.parametrize(("first", "delimiter"), [
    ("sep=;", ";"), ("sep=,", ","), ('"sep=,"', ","), ("SEP=;;;", ";"), ("sep=\t", "\t")])
def test_excel_sep_line(engine: Engine, tmp_path: Path, first: str, delimiter: str) -> None:
    body = [
        "email|Имя|Город",
        'anna@x.ru|"Анна; Мария"|"Москва, центр"',
        "bad|Борис|Тверь",
        "vera@x.ru|Вера|Омск",
    ]
    path = tmp_path / "c.csv"
    text = "\r\n".join([first, *(line.replace("|", delimiter) for line in body)]) + "\r\n"
    path.write_bytes(text.encode("cp1251"))
    info = sniff(path, "contacts")
    assert (info.delimiter, info.headers) == (delimiter, ["email", "Имя", "Город"])
    result = import_file(engine, "contacts", path)
    assert (result.imported, result.rejected) == (2, 1)
    assert [e.line for e in result.errors] == [4]  # physical line: sep=, header, anna, bad
    assert rows(engine, select(Contact.first_name, Contact.city).order_by(Contact.email)) == [
        ("Анна; Мария", "Москва, центр"), ("Вера", "Омск")]


def test_sep_line_with_bom_and_explicit_delimiter(engine: Engine, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "p.csv", ["sep=;", "sku;name", "A;Кеды"], bom=b"\xef\xbb\xbf")
    result = import_file(engine, "products", path)
    assert result.imported == 1
    # A delimiter given by hand wins over the file's hint; the hint line is still skipped.
    other = write_csv(tmp_path / "q.csv", ["sep=;", "sku,name", "B,Сумка"], delimiter=";")
    assert import_file(engine, "products", other, delimiter=",").imported == 1
    assert rows(engine, select(Product.sku, Product.name).order_by(Product.sku)) == [
        ("A", "Кеды"), ("B", "Сумка")]


def test_sep_like_data_line_is_not_a_hint(engine: Engine, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "p.csv", ["sep=name;sku", "x;A"])
    info = sniff(path, "products")
    assert info.headers == ["sep=name", "sku"]


def test_sep_line_beats_guessing(engine: Engine, tmp_path: Path) -> None:
    # Every line has more commas than semicolons: guessing would pick ",".
    path = write_csv(tmp_path / "c.csv", [
        "sep=;", "email;Имя, фамилия, город", "anna@x.ru;Анна, Иванова, Москва",
        "bad;Борис, Петров, Тверь"])
    result = import_file(engine, "contacts", path)
    assert (result.imported, [e.line for e in result.errors]) == (1, [4])
    assert rows(engine, select(Contact.custom)) == [
        ({"Имя, фамилия, город": "Анна, Иванова, Москва"},)]
