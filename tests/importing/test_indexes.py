"""A big import rebuilds secondary indexes at the end; they survive a cancel."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, inspect

import workspace.importer as importer
import workspace.imports.indexes as indexes
from tests.importing.helpers import snapshot, write_csv
from workspace.importer import ImportCancelledError, import_file
from workspace.imports.indexes import IndexDeferral, model_indexes

TABLES = ("contacts", "contact_attributes")


def _indexes(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    found = inspect(engine)
    return {
        table: sorted((i["name"], tuple(i["column_names"]), bool(i["unique"]))
                      for i in found.get_indexes(table))
        for table in TABLES
    }


def _contacts(path: Path, count: int, start: int = 0) -> Path:
    lines = ["email;Имя;Город;Дата рождения;Клубная карта"] + [
        f"u{n}@x.ru;Имя{n % 7};Город{n % 5};0{n % 9 + 1}.03.1990;Gold"
        for n in range(start, start + count)]
    return write_csv(path, lines)


@pytest.fixture
def drops(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """Make every import big enough to drop indexes; record which each drop took."""
    monkeypatch.setattr(indexes, "MIN_ROWS", 0)
    monkeypatch.setattr(indexes, "CHEAP_KEYS", -1)  # drop even the cheap ones
    counts: list[list[str]] = []
    original = IndexDeferral.drop

    def drop(self: IndexDeferral) -> None:
        original(self)
        counts.append(sorted(name for name, _sql in self.dropped))

    monkeypatch.setattr(IndexDeferral, "drop", drop)
    return counts


def test_models_declare_every_index_of_the_workspace(sqlite_engine: Engine) -> None:
    # What the import drops and rebuilds comes from the models; the migrations
    # must have created exactly those (plus the unique-constraint indexes).
    stored = inspect(sqlite_engine)
    for table in TABLES:
        names = sorted(str(i["name"]) for i in stored.get_indexes(table) if not i["unique"])
        assert names == model_indexes(table)
    assert len(model_indexes("contacts")) >= 10


# The columns a _contacts() file fills, with their twins.
FILLED = {"email", "first_name", "first_name_ci", "city", "city_ci", "birth_date", "birth_mmdd"}


def _over(engine: Engine, columns: set[str], *, attributes: bool = True) -> list[str]:
    """Names of the workspace's non-unique indexes with one of ``columns``.

    The others only grow at their end as new rows come in, so the import keeps them.
    """
    found = inspect(engine)
    names = [i["name"] for i in found.get_indexes("contacts")
             if not i["unique"] and columns & set(i["column_names"])]
    if attributes:
        names += [i["name"] for i in found.get_indexes("contact_attributes")]
    return sorted(str(name) for name in names)


def test_big_import_rebuilds_the_indexes_of_its_columns(engine: Engine, tmp_path: Path,
                                                        drops: list[list[str]]) -> None:
    before = _indexes(engine)
    result = import_file(engine, "contacts", _contacts(tmp_path / "c.csv", 50))
    assert result.imported == 50
    assert _indexes(engine) == before
    if engine.dialect.name == "sqlite":
        assert drops == [_over(engine, FILLED)]
        assert "ix_contacts_sort_orders_count" not in drops[0]
    else:
        assert drops == []  # PostgreSQL keeps its indexes


def test_status_column_defers_the_status_indexes(sqlite_engine: Engine, tmp_path: Path,
                                                 drops: list[list[str]]) -> None:
    path = write_csv(tmp_path / "s.csv", ["email;Статус"] + [f"u{n}@x.ru;отписан"
                                                            for n in range(30)])
    before = _indexes(sqlite_engine)
    assert import_file(sqlite_engine, "contacts", path).imported == 30
    assert drops == [_over(sqlite_engine, {"email", "status"}, attributes=False)]
    assert "ix_contacts_sort_status" in drops[0]
    assert _indexes(sqlite_engine) == before


def test_unchanged_or_small_imports_keep_indexes(sqlite_engine: Engine, tmp_path: Path,
                                                 drops: list[list[str]]) -> None:
    path = _contacts(tmp_path / "c.csv", 40)
    import_file(sqlite_engine, "contacts", path)
    assert len(drops) == 1
    again = import_file(sqlite_engine, "contacts", path)
    assert again.unchanged == 40
    assert len(drops) == 1  # nothing written: rebuilding would be pure cost
    small = import_file(sqlite_engine, "contacts", _contacts(tmp_path / "d.csv", 3, start=100))
    assert small.imported == 3
    assert len(drops) == 1  # 3 rows into 40 are below MIN_SHARE


def test_cancel_midway_keeps_data_and_every_index(engine: Engine, tmp_path: Path,
                                                  drops: list[list[str]],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    import_file(engine, "contacts", _contacts(tmp_path / "a.csv", 5))
    data, shape = snapshot(engine), _indexes(engine)
    monkeypatch.setattr(importer, "BATCH_ROWS", 4)
    polls: list[int] = []

    def cancelled() -> bool:
        polls.append(1)
        return len(polls) >= 3

    with pytest.raises(ImportCancelledError):
        import_file(engine, "contacts", _contacts(tmp_path / "b.csv", 30, start=3),
                    cancelled=cancelled)
    assert len(polls) == 3
    if engine.dialect.name == "sqlite":
        assert len(drops) == 2  # the indexes really were dropped before the cancel
    assert _indexes(engine) == shape
    assert snapshot(engine) == data


def test_failure_during_rebuild_rolls_back(sqlite_engine: Engine, tmp_path: Path,
                                           drops: list[list[str]],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    shape = _indexes(sqlite_engine)

    def broken(self: IndexDeferral) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(IndexDeferral, "restore", broken)
    with pytest.raises(RuntimeError, match="disk full"):
        import_file(sqlite_engine, "contacts", _contacts(tmp_path / "c.csv", 20))
    assert drops == [_over(sqlite_engine, FILLED)]
    assert _indexes(sqlite_engine) == shape
    assert all(not rows for rows in snapshot(sqlite_engine).values())


def test_indexes_with_few_distinct_new_values_are_kept(sqlite_engine: Engine, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    # The writer thread extends such an index at a few places; one with a
    # value per row (names here) is still dropped and rebuilt.
    monkeypatch.setattr(indexes, "MIN_ROWS", 0)
    monkeypatch.setattr(indexes, "CHEAP_KEYS", 5)
    kept: list[set[str]] = []
    dropped: list[list[str]] = []
    original = IndexDeferral.drop

    def drop(self: IndexDeferral) -> None:
        original(self)
        kept.append(set(self.kept))
        dropped.append(sorted(name for name, _sql in self.dropped))

    monkeypatch.setattr(IndexDeferral, "drop", drop)
    before = _indexes(sqlite_engine)
    lines = ["email;Имя;Город;Клубная карта"] + [
        f"u{n}@x.ru;Имя{n};Город{n % 3};Gold" for n in range(40)]
    result = import_file(sqlite_engine, "contacts", write_csv(tmp_path / "c.csv", lines))
    assert result.imported == 40
    assert {"ix_contacts_city_ci", "ix_contact_attributes_name_value"} <= kept[0]
    assert "ix_contacts_sort_name" not in kept[0]
    assert "ix_contacts_sort_name" in dropped[0]
    assert "ix_contacts_city_ci" not in dropped[0]
    assert _indexes(sqlite_engine) == before
    with sqlite_engine.connect() as conn:  # the kept index holds every new row
        assert conn.exec_driver_sql(
            "SELECT COUNT(*) FROM contacts INDEXED BY ix_contacts_city_ci "
            "WHERE city_ci = 'город1'").scalar() == 13
