"""A first contacts import into SQLite runs its INSERTs on a writer thread."""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import IntegrityError

import workspace.importer as importer
import workspace.imports.bulk as bulk
import workspace.imports.indexes as indexes
import workspace.imports.seen as seen
from tests.importing.helpers import snapshot, write_csv
from workspace.db import open_workspace
from workspace.importer import ImportCancelledError, import_file
from workspace.imports.pipeline import WritePipeline

LINES = [
    "email;Имя;Фамилия;Пол;Дата рождения;Город;Телефон;Согласие;Статус;"
    "Дата регистрации;Клубная карта;Заметка",
    "Anna@X.ru;Анна;Иванова;ж;05.03.1990;Москва;+7 900 1;да;;2024-01-02 10:30;Gold;"
    '"a ""b"" \\u0041"',
    "boris@x.ru;Борис;;м;29.02.1992;ТВЕРЬ;;нет;отписан;;;😀 ёж",
    "vera@x.ru;;;;;;;;;;Silver;",
    "bad-email;X;;;;;;;;;;",
    "gleb@x.ru;Глеб;;;31.12.1950;Казань;;;подписан;05.03.2024;;tab\there",
    "anna@x.ru;Дубль;;;;;;;;;;",
] + [f"u{n}@x.ru;Имя{n % 7};;;0{n % 9 + 1}.03.1990;Город{n % 5};;да;;;Gold;{n}"
     for n in range(40)]


@pytest.fixture
def statements(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Small batches, indexes always deferred; records the thread each queued statement ran on."""
    monkeypatch.setattr(importer, "BATCH_ROWS", 7)
    monkeypatch.setattr(indexes, "MIN_ROWS", 0)
    threads: list[str] = []
    put = WritePipeline.put

    def recording_put(self: WritePipeline, statement: Callable[[], object]) -> None:
        def run() -> object:
            threads.append(threading.current_thread().name)
            return statement()

        put(self, run)

    monkeypatch.setattr(WritePipeline, "put", recording_put)
    return threads


def _typed(engine: Engine) -> dict[str, list[tuple[str, ...]]]:
    """The snapshot with each value's repr, so 0 and 0.0 or '1' and 1 differ."""
    return {table: [tuple(map(repr, row)) for row in rows]
            for table, rows in snapshot(engine).items()}


def _index_names(engine: Engine) -> list[str]:
    found = inspect(engine)
    return sorted(str(i["name"]) for table in ("contacts", "contact_attributes")
                  for i in found.get_indexes(table))


def test_overlapped_import_stores_what_the_serial_one_does(
        sqlite_engine: Engine, tmp_path: Path, statements: list[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_csv(tmp_path / "c.csv", LINES)
    overlapped = import_file(sqlite_engine, "contacts", path)
    assert statements and set(statements) == {"import-writer"}

    # The same file the old way: no thread, executemany instead of JSON rows.
    monkeypatch.setattr(importer, "OVERLAP", False)
    monkeypatch.setattr(bulk, "JSON_ROWS", False)
    monkeypatch.setattr(seen, "_JSON_ROWS", False)
    serial_engine = open_workspace(str(tmp_path / "serial.sqlite"))
    serial = import_file(serial_engine, "contacts", path)

    assert overlapped == serial
    assert (overlapped.imported, overlapped.rejected) == (44, 2)
    assert _typed(sqlite_engine) == _typed(serial_engine)
    assert _index_names(sqlite_engine) == _index_names(serial_engine)
    # A re-import goes through the lookups and changes nothing.
    again = import_file(sqlite_engine, "contacts", path)
    assert (again.imported, again.updated, again.unchanged) == (0, 0, 44)
    serial_engine.dispose()


def test_writer_thread_error_reaches_the_caller_and_rolls_back(
        sqlite_engine: Engine, tmp_path: Path, statements: list[str]) -> None:
    with sqlite_engine.begin() as conn:
        conn.execute(text(
            "CREATE TRIGGER refuse BEFORE INSERT ON contacts WHEN NEW.email = 'u30@x.ru' "
            "BEGIN SELECT RAISE(ABORT, 'refused by trigger'); END"))
    before, names = _typed(sqlite_engine), _index_names(sqlite_engine)
    path = write_csv(tmp_path / "c.csv", LINES)
    with pytest.raises(IntegrityError, match="refused by trigger"):
        import_file(sqlite_engine, "contacts", path)
    assert statements and set(statements) == {"import-writer"}
    assert _typed(sqlite_engine) == before
    assert _index_names(sqlite_engine) == names  # the dropped indexes are back


def test_writer_thread_error_has_the_serial_type(
        sqlite_engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with sqlite_engine.begin() as conn:
        conn.execute(text(
            "CREATE TRIGGER refuse BEFORE INSERT ON contacts WHEN NEW.email = 'u30@x.ru' "
            "BEGIN SELECT RAISE(ABORT, 'refused by trigger'); END"))
    path = write_csv(tmp_path / "c.csv", LINES)
    errors: list[type[BaseException]] = []
    for overlap in (True, False):
        monkeypatch.setattr(importer, "OVERLAP", overlap)
        with pytest.raises(Exception) as caught:
            import_file(sqlite_engine, "contacts", path)
        errors.append(caught.type)
    assert errors == [IntegrityError, IntegrityError]


def test_cancel_midway_leaves_the_workspace_unchanged(
        sqlite_engine: Engine, tmp_path: Path, statements: list[str]) -> None:
    before, names = _typed(sqlite_engine), _index_names(sqlite_engine)
    polls: list[int] = []

    def cancelled() -> bool:
        polls.append(1)
        return len(polls) >= 4

    with pytest.raises(ImportCancelledError):
        import_file(sqlite_engine, "contacts", write_csv(tmp_path / "c.csv", LINES),
                    cancelled=cancelled)
    assert len(polls) == 4
    assert statements  # batches had been written on the thread before the cancel
    assert _typed(sqlite_engine) == before
    assert _index_names(sqlite_engine) == names


def test_pipeline_runs_in_order_and_hands_errors_over() -> None:
    done: list[int] = []
    boom = ValueError("boom")

    def fail() -> None:
        raise boom

    pipeline = WritePipeline(depth=1)
    for n in range(5):
        pipeline.put(partial(done.append, n))
    pipeline.sync()
    assert done == [0, 1, 2, 3, 4]
    pipeline.put(fail)
    pipeline.put(lambda: done.append(99))  # skipped after the error
    with pytest.raises(ValueError) as caught:
        pipeline.finish()
    assert caught.value is boom
    assert done == [0, 1, 2, 3, 4]


def test_pipeline_abort_skips_what_has_not_started() -> None:
    started = threading.Event()
    release = threading.Event()  # never set: a pause between polls
    done: list[Any] = []

    def slow() -> None:
        started.set()
        while not pipeline.stopping:  # runs on until the caller aborts
            release.wait(0.01)
        done.append("slow")

    with pytest.raises(RuntimeError), WritePipeline(depth=3) as pipeline:
        pipeline.put(slow)
        started.wait()
        pipeline.put(lambda: done.append("later"))
        raise RuntimeError("caller failed")
    assert done == ["slow"]
