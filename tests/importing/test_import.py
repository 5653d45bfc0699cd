"""Importing files into a workspace, on SQLite and PostgreSQL."""

from __future__ import annotations

import codecs
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import Engine, select

import workspace.importer as importer
from tests.importing.helpers import rows, scalar, snapshot, write_csv
from workspace.errors import ImportFileError
from workspace.importer import (
    FileSniff,
    ImportCancelledError,
    ImportResult,
    RowError,
    import_file,
    sniff,
)
from workspace.models import Contact, ContactAttribute, Product

C, A, P = Contact, ContactAttribute, Product

EXCEL_EXPORT = [
    "Эл. почта|Имя|Фамилия|Пол|Дата рождения|Город|Телефон|Статус|Клубная карта",
    "ivan@example.ru|Иван|Петров|м|05.03.1990|Москва|+7 916 000-00-01||Gold",
    "anna@example.ru|Анна|Смирнова|ж|1991-07-12|Тверь||подписан|",
    "IVAN@Example.ru |Иван|Петров|м|05.03.1990|Москва|||",
    "not-an-email|Пётр|Сидоров|м|01.01.1980|Казань|||",
    "olga@example.ru|Ольга||женский|31.02.1990|Казань|||",
    "petr@example.ru|Пётр|||||+7 900 1234567|отписан|Silver",
]


def _contacts_file(tmp_path: Path, lines: list[str] | None = None, **kwargs: object) -> Path:
    return write_csv(tmp_path / "contacts.csv", lines or EXCEL_EXPORT, **kwargs)  # type: ignore[arg-type]


def test_excel_export_done_when(engine: Engine, tmp_path: Path) -> None:
    path = _contacts_file(tmp_path, encoding="cp1251")
    result = import_file(engine, "contacts", path)
    assert (result.imported, result.updated, result.unchanged, result.rejected) == (4, 0, 0, 2)
    assert [e.line for e in result.errors] == [4, 5]
    assert "line 2" in result.errors[0].reason and "duplicate" in result.errors[0].reason
    assert "invalid email" in result.errors[1].reason
    # An impossible birth date is a warning: Ольга is imported without it.
    assert [(w.line, w.column, w.code) for w in result.warnings] == [
        (6, "Дата рождения", "impossible_date")]
    assert rows(engine, select(C.email, C.first_name, C.last_name, C.gender, C.birth_date,
                               C.city, C.status).order_by(C.email)) == [
        ("anna@example.ru", "Анна", "Смирнова", "female", date(1991, 7, 12), "Тверь",
         "subscribed"),
        ("ivan@example.ru", "Иван", "Петров", "male", date(1990, 3, 5), "Москва", "subscribed"),
        ("olga@example.ru", "Ольга", None, "female", None, "Казань", "subscribed"),
        ("petr@example.ru", "Пётр", None, "unknown", None, None, "unsubscribed"),
    ]
    assert scalar(engine, "SELECT city_ci FROM contacts WHERE email = 'ivan@example.ru'") == \
        "москва"
    assert scalar(engine, "SELECT birth_mmdd FROM contacts WHERE email = 'ivan@example.ru'") == 305
    before = snapshot(engine)

    again = import_file(engine, "contacts", path)
    assert (again.imported, again.updated, again.unchanged, again.rejected) == (0, 0, 4, 2)
    assert snapshot(engine) == before


def test_result_shapes(engine: Engine, tmp_path: Path) -> None:
    result = import_file(engine, "contacts", _contacts_file(tmp_path))
    assert isinstance(result, ImportResult)
    assert result.kind == "contacts"
    assert all(isinstance(e, RowError) for e in result.errors)
    with pytest.raises(AttributeError):
        result.imported = 5  # type: ignore[misc]


@pytest.mark.parametrize(("encoding", "bom"), [
    ("utf-8", b""),
    ("utf-8", codecs.BOM_UTF8),
    ("cp1251", b""),
    ("utf-16-le", codecs.BOM_UTF16_LE),
    ("utf-16-be", codecs.BOM_UTF16_BE),
])
def test_each_encoding(engine: Engine, tmp_path: Path, encoding: str, bom: bytes) -> None:
    # Excel's "Unicode text" is UTF-16 with a BOM and tabs.
    delimiter = "\t" if encoding.startswith("utf-16") else ";"
    path = _contacts_file(tmp_path, encoding=encoding, bom=bom, delimiter=delimiter)
    result = import_file(engine, "contacts", path)
    assert (result.imported, result.rejected, len(result.warnings)) == (4, 2, 1)
    assert scalar(engine, "SELECT last_name FROM contacts WHERE email = 'anna@example.ru'") == \
        "Смирнова"


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_each_delimiter(engine: Engine, tmp_path: Path, delimiter: str) -> None:
    path = write_csv(tmp_path / "p.csv", [
        "Артикул|Название|Цена|Старая цена",
        'SKU-1|Платье "Лето"|"1 234,50"|"1\u00a0500"',
        "SKU-2|Кеды|990|",
    ], delimiter=delimiter)
    info = sniff(path, "products")
    assert info.delimiter == delimiter
    result = import_file(engine, "products", path)
    assert (result.imported, result.rejected) == (2, 0), result.errors
    assert rows(engine, select(P.sku, P.name, P.price, P.old_price).order_by(P.sku)) == [
        ("SKU-1", 'Платье "Лето"', Decimal("1234.50"), Decimal("1500.00")),
        ("SKU-2", "Кеды", Decimal("990.00"), None),
    ]


def test_decimal_comma_and_negative_amount(engine: Engine, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "p.csv", [
        "sku;name;price;stock",
        "A;Сумка;1 234,50;3",
        "B;Ремень;12,5;",
        "C;Шарф;-10;1",
        "D;Очки;1,234.50;-1",
    ])
    result = import_file(engine, "products", path)
    assert result.imported == 2
    assert [(e.line, "negative" in e.reason) for e in result.errors] == [(4, True), (5, True)]
    assert rows(engine, select(P.sku, P.price).order_by(P.sku)) == [
        ("A", Decimal("1234.50")), ("B", Decimal("12.50"))]


def test_each_date_form(engine: Engine, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "c.csv", [
        "email;registered_at;birth_date",
        "a@x.ru;2024-03-05;2024-03-05",
        "b@x.ru;2024-03-05 14:30;05.03.2024",
        "c@x.ru;05.03.2024;5/3/2024",
        "d@x.ru;05.03.2024 14:30;2024-03-05T08:00:00",
        "e@x.ru;5/3/2024;05.03.2024 10:00",
        "f@x.ru;завтра;05.03.2024",
    ])
    result = import_file(engine, "contacts", path)
    assert (result.imported, result.rejected) == (6, 0)
    assert [(w.line, w.column, "unparseable date" in w.reason) for w in result.warnings] == [
        (7, "registered_at", True)]
    assert rows(engine, select(C.email, C.registered_at, C.birth_date).order_by(C.email)) == [
        ("a@x.ru", datetime(2024, 3, 5), date(2024, 3, 5)),
        ("b@x.ru", datetime(2024, 3, 5, 14, 30), date(2024, 3, 5)),
        ("c@x.ru", datetime(2024, 3, 5), date(2024, 3, 5)),
        ("d@x.ru", datetime(2024, 3, 5, 14, 30), date(2024, 3, 5)),
        ("e@x.ru", datetime(2024, 3, 5), date(2024, 3, 5)),
        ("f@x.ru", None, date(2024, 3, 5)),
    ]


def test_slash_dates_follow_the_file(engine: Engine, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "c.csv", [
        "email;birth_date;registered_at;Дата визита",
        "a@x.ru;5/3/1990;5/3/2024;5/3/2024",
        "b@x.ru;25/3/1990;3/25/2024;25/3/2024",
        "c@x.ru;1/2/1990;1/2/2024;3/25/2024",
    ])
    result = import_file(engine, "contacts", path)
    assert result.imported == 3 and result.rejected == 0
    # birth_date is day first (25/3 tells), registered_at month first (3/25 tells).
    assert rows(engine, select(C.email, C.birth_date, C.registered_at).order_by(C.email)) == [
        ("a@x.ru", date(1990, 3, 5), datetime(2024, 5, 3)),
        ("b@x.ru", date(1990, 3, 25), datetime(2024, 3, 25)),
        ("c@x.ru", date(1990, 2, 1), datetime(2024, 1, 2)),
    ]


def test_inconsistent_slash_dates_are_rejected(engine: Engine, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "c.csv", [
        "email;birth_date",
        "a@x.ru;25/3/1990",
        "b@x.ru;3/25/1990",
        "c@x.ru;05.03.1990",
    ])
    result = import_file(engine, "contacts", path)
    assert (result.imported, result.rejected) == (3, 0)
    assert [w.line for w in result.warnings] == [2, 3]
    assert all("ambiguous" in w.reason for w in result.warnings)
    assert rows(engine, select(C.email, C.birth_date).order_by(C.email)) == [
        ("a@x.ru", None), ("b@x.ru", None), ("c@x.ru", date(1990, 3, 5))]


def test_hand_mapping_and_custom_attributes(engine: Engine, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "c.csv", [
        "Mail;Ник;Мусор;Город проживания;Любимый цвет",
        "a@x.ru;Котик;zzz;Москва;Синий",
        "b@x.ru;;zzz;Тверь;",
    ])
    info = sniff(path, "contacts")
    assert isinstance(info, FileSniff)
    assert info.mapping == {"Mail": "email", "Ник": None, "Мусор": None,
                            "Город проживания": None, "Любимый цвет": None}
    mapping = {"Ник": "custom.nickname", "Мусор": "-", "Город проживания": "city"}
    result = import_file(engine, "contacts", path, mapping=mapping)
    assert (result.imported, result.rejected) == (2, 0)
    assert rows(engine, select(C.email, C.city).order_by(C.email))[1] == \
        ("b@x.ru", "Тверь")
    assert rows(engine, select(C.custom).where(C.email == "a@x.ru")) == [
        ({"nickname": "Котик", "Любимый цвет": "Синий"},)]
    assert rows(engine, select(A.name, A.value, A.value_ci).join(C, C.id == A.contact_id)
                .where(C.email == "a@x.ru").order_by(A.name)) == [
        ("nickname", "Котик", "котик"), ("Любимый цвет", "Синий", "синий")]
    assert scalar(engine, "SELECT custom FROM contacts WHERE email = 'b@x.ru'") is None

    # A newer file changes one attribute and keeps the others.
    newer = write_csv(tmp_path / "c2.csv", ["email;Любимый цвет", "a@x.ru;Зелёный",
                                            "b@x.ru;"])
    result = import_file(engine, "contacts", newer)
    assert (result.imported, result.updated, result.unchanged) == (0, 1, 1)
    assert rows(engine, select(C.custom).where(C.email == "a@x.ru")) == [
        ({"nickname": "Котик", "Любимый цвет": "Зелёный"},)]
    assert rows(engine, select(A.name, A.value_ci).order_by(A.name)) == [
        ("nickname", "котик"), ("Любимый цвет", "зелёный")]


def test_newer_file_updates_only_its_columns(engine: Engine, tmp_path: Path) -> None:
    import_file(engine, "contacts", _contacts_file(tmp_path))
    newer = write_csv(tmp_path / "n.csv", [
        "E-mail;Город;Статус",
        "ivan@example.ru;Санкт-Петербург;",
        "anna@example.ru;Тверь;",
        "new@example.ru;Омск;",
    ])
    result = import_file(engine, "contacts", newer)
    assert (result.imported, result.updated, result.unchanged) == (1, 1, 1)
    assert rows(engine, select(C.first_name, C.city, C.city_ci, C.status)
                .where(C.email == "ivan@example.ru")) == [
        ("Иван", "Санкт-Петербург", "санкт-петербург", "subscribed")]
    # An empty status cell neither resubscribes nor changes anyone.
    assert scalar(engine, "SELECT status FROM contacts WHERE email = 'petr@example.ru'") == \
        "unsubscribed"
    assert scalar(engine, "SELECT status FROM contacts WHERE email = 'new@example.ru'") == \
        "subscribed"


def test_strict_rejects_whole_file(engine: Engine, tmp_path: Path,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import_file(engine, "contacts", write_csv(tmp_path / "a.csv", ["email;Город",
                                                                   "old@x.ru;Москва"]))
    before = snapshot(engine)
    monkeypatch.setattr(importer, "BATCH_ROWS", 2)  # bad row after batches were written
    lines = ["email;Город"] + [f"u{n}@x.ru;Тверь" for n in range(7)] + ["bad;Тверь",
                                                                      "old@x.ru;Омск"]
    result = import_file(engine, "contacts", write_csv(tmp_path / "b.csv", lines), strict=True)
    assert (result.imported, result.updated, result.rejected) == (0, 0, 1)
    assert result.errors == [RowError(9, "invalid email 'bad'")]
    assert snapshot(engine) == before


def test_cancel_midway_leaves_workspace_as_before(engine: Engine, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    import_file(engine, "contacts", _contacts_file(tmp_path))
    before = snapshot(engine)
    monkeypatch.setattr(importer, "BATCH_ROWS", 3)
    lines = ["email;Город"] + [f"u{n}@x.ru;Тверь" for n in range(10)] + [
        "ivan@example.ru;Омск"]
    path = write_csv(tmp_path / "b.csv", lines)
    polls: list[int] = []

    def cancelled() -> bool:
        polls.append(1)
        return len(polls) >= 2

    with pytest.raises(ImportCancelledError):
        import_file(engine, "contacts", path, cancelled=cancelled)
    assert len(polls) == 2
    assert snapshot(engine) == before


def test_exception_midway_leaves_workspace_as_before(engine: Engine, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import_file(engine, "contacts", _contacts_file(tmp_path))
    before = snapshot(engine)
    monkeypatch.setattr(importer, "BATCH_ROWS", 3)
    lines = ["email;Город"] + ["ivan@example.ru;Омск"] + [f"u{n}@x.ru;Тверь" for n in range(10)]
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        calls.append((done, total))
        if len(calls) == 2:
            raise RuntimeError("disk on fire")

    with pytest.raises(RuntimeError, match="disk on fire"):
        import_file(engine, "contacts", write_csv(tmp_path / "b.csv", lines), progress=progress)
    assert snapshot(engine) == before


def test_progress_reaches_total(engine: Engine, tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    path = _contacts_file(tmp_path)
    import_file(engine, "contacts", path, progress=lambda d, t: calls.append((d, t)))
    assert calls[-1] == (path.stat().st_size, path.stat().st_size)


def test_xlsx(engine: Engine, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Почта", "Имя", "Дата рождения", "Телефон", "Дата регистрации", "Согласие"])
    sheet.append(["anna@x.ru", "Анна", datetime(1990, 3, 5), 79160000001,
                  datetime(2024, 1, 2, 10, 30), True])
    sheet.append(["bad-email", "Борис", "05.03.1990", None, None, None])
    sheet.append([None, None, None, None, None, None])
    sheet.append(["Vera@X.ru", "Вера", "31.02.1990", "+7 900", "2024-01-05", "нет"])
    sheet.append(["oleg@x.ru", "Олег", "1/2/1985", "", "", 0])
    path = tmp_path / "contacts.xlsx"
    book.save(path)
    info = sniff(path, "contacts")
    assert (info.encoding, info.delimiter) == ("xlsx", None)
    assert info.headers[0] == "Почта" and info.mapping["Согласие"] == "consent_email"
    assert info.sample_rows[0][:4] == ["anna@x.ru", "Анна", "1990-03-05 00:00:00", "79160000001"]
    result = import_file(engine, "contacts", path)
    assert result.imported == 3
    assert [(e.line, e.reason.split(" ")[0]) for e in result.errors] == [(3, "invalid")]
    # Vera keeps her row: the impossible birth date and the short phone are warnings.
    assert [(w.line, w.column, w.code) for w in result.warnings] == [
        (5, "Дата рождения", "impossible_date"), (5, "Телефон", "invalid_phone")]
    assert rows(engine, select(C.email, C.birth_date, C.phone, C.registered_at,
                               C.consent_email).order_by(C.email)) == [
        ("anna@x.ru", date(1990, 3, 5), "79160000001", datetime(2024, 1, 2, 10, 30), True),
        ("oleg@x.ru", date(1985, 2, 1), None, None, False),
        ("vera@x.ru", None, None, datetime(2024, 1, 5), False),
    ]


def _shop(engine: Engine, tmp_path: Path) -> None:
    write_csv(tmp_path / "c.csv", ["email", "anna@x.ru", "boris@x.ru"])
    import_file(engine, "contacts", tmp_path / "c.csv")
    orders = write_csv(tmp_path / "o.csv", [
        "Номер заказа;E-mail;Дата заказа;Статус;Сумма",
        "1001;anna@x.ru;05.03.2024 14:30;оплачен;1 500,00",
        "1002;ANNA@x.ru;2024-04-01;delivered;2500",
        "1003;anna@x.ru;2024-04-02;отменён;9999",
        "1004;ghost@x.ru;2024-04-02;paid;100",
        "1005;boris@x.ru;2024-04-03;paid;-5",
        "1001;anna@x.ru;05.03.2024;paid;1",
    ])
    result = import_file(engine, "orders", orders)
    assert (result.imported, result.rejected) == (3, 3)
    reasons = {e.line: e.reason for e in result.errors}
    assert "unknown contact" in reasons[5]
    assert "negative amount" in reasons[6]
    assert "duplicate" in reasons[7] and "line 2" in reasons[7]


def test_orders_update_derived_aggregates(engine: Engine, tmp_path: Path) -> None:
    _shop(engine, tmp_path)
    assert rows(engine, select(C.orders_count, C.total_spent, C.first_order_at,
                               C.last_order_at).where(C.email == "anna@x.ru")) == [
        (2, Decimal("4000.00"), datetime(2024, 3, 5, 14, 30), datetime(2024, 4, 1))]
    # A newer file cancels an order: aggregates follow.
    newer = write_csv(tmp_path / "o2.csv", ["order_id;status", "1002;cancelled", "1001;paid"])
    result = import_file(engine, "orders", newer)
    assert (result.imported, result.updated, result.unchanged) == (0, 1, 1)
    assert rows(engine, select(C.orders_count, C.total_spent)
                .where(C.email == "anna@x.ru")) == [(1, Decimal("1500.00"))]


def test_order_lines_with_unknown_order(engine: Engine, tmp_path: Path) -> None:
    _shop(engine, tmp_path)
    lines = write_csv(tmp_path / "l.csv", [
        "Номер заказа;Артикул;Категория;Цена;Количество;Цвет;Размер",
        "1001;SKU-1;Платья;1 000,00;1;красный;M",
        "1001;SKU-1;Платья;1 000,00;1;синий;M",
        "1001;SKU-2;Обувь;500;1;;",
        "9999;SKU-1;Платья;1000;1;красный;M",
        "1002;SKU-3;Сумки;2500;0;;",
        "1001;SKU-1;Платья;900;2;красный;M",
    ])
    result = import_file(engine, "order_lines", lines)
    # The same SKU, colour and size twice (lines 2 and 7) are two lines of order 1001.
    assert result.imported == 4
    reasons = {e.line: e.reason for e in result.errors}
    assert set(reasons) == {5, 6}
    assert "unknown order" in reasons[5]
    assert scalar(engine, "SELECT category_ci FROM order_lines WHERE sku = 'SKU-2'") == "обувь"
    before = snapshot(engine)
    again = import_file(engine, "order_lines", lines)
    assert (again.imported, again.updated, again.unchanged, again.removed) == (0, 0, 4, 0)
    assert snapshot(engine) == before
    # 1 + 1 + 1 + 2 items in order 1001, none in 1002.
    assert rows(engine, select(C.items_per_order).where(C.email == "anna@x.ru")) == [
        (Decimal("2.50"),)]


def test_events_reimport_without_duplicates(engine: Engine, tmp_path: Path) -> None:
    _shop(engine, tmp_path)
    events = write_csv(tmp_path / "e.csv", [
        "email;type;at;sku;category;query;campaign",
        "anna@x.ru;product_view;2024-03-01 10:00;SKU-1;;;",
        "anna@x.ru;search;2024-03-01 10:05;;;Красное платье;",
        "boris@x.ru;complaint;05.03.2024 09:00;;;;spring",
        "ghost@x.ru;product_view;2024-03-01 10:00;SKU-1;;;",
        "anna@x.ru;teleport;2024-03-01 10:00;;;;",
        "anna@x.ru;product_view;2024-03-01 10:00;SKU-1;;;",
    ])
    result = import_file(engine, "events", events)
    assert result.imported == 3
    reasons = {e.line: e.reason for e in result.errors}
    assert "unknown contact" in reasons[5] and "event type" in reasons[6]
    assert "duplicate" in reasons[7]
    assert scalar(engine, "SELECT value_ci FROM events WHERE type = 'search'") == "красное платье"
    assert scalar(engine, "SELECT complaints_count FROM contacts WHERE email = 'boris@x.ru'") == 1
    again = import_file(engine, "events", events)
    assert (again.imported, again.unchanged) == (0, 3)
    assert scalar(engine, "SELECT COUNT(*) FROM events") == 3


def test_unreadable_files(engine: Engine, tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="does not exist"):
        import_file(engine, "contacts", tmp_path / "missing.csv")
    (tmp_path / "empty.csv").write_bytes(b"")
    with pytest.raises(ImportFileError, match="empty"):
        import_file(engine, "contacts", tmp_path / "empty.csv")
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    with pytest.raises(ImportFileError, match="xlsx"):
        import_file(engine, "contacts", tmp_path / "old.xls")
    write_csv(tmp_path / "nokey.csv", ["Имя;Город", "Анна;Москва"])
    with pytest.raises(ImportFileError, match="no email column"):
        import_file(engine, "contacts", tmp_path / "nokey.csv")
    with pytest.raises(ImportFileError, match="unknown import kind"):
        import_file(engine, "people", tmp_path / "nokey.csv")
    with pytest.raises(ImportFileError, match="cannot be read as utf-8"):
        import_file(engine, "contacts", _contacts_file(tmp_path, encoding="cp1251"),
                    encoding="utf-8")


def test_missing_key_value(engine: Engine, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "c.csv", ["email;Имя", ";Анна", "a@x.ru;Борис"])
    result = import_file(engine, "contacts", path)
    assert result.imported == 1
    assert result.errors == [RowError(2, "missing email")]
