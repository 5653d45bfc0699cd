"""Issue 12, items 8-10: one-line errors, two writers, PostgreSQL time-outs, no passwords."""

from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

import main
import workspace.db as db
from tests.importing.helpers import scalar, snapshot, write_csv
from workspace.db import open_workspace, write_transaction
from workspace.errors import WorkspaceError
from workspace.importer import ImportInterruptedError, import_file

ROOT = Path(__file__).resolve().parents[1]


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _one_line(err: str) -> str:
    assert err.startswith("konvert: ") and err.count("\n") == 1, err
    assert "Traceback" not in err and "sqlite3." not in err and "(Background" not in err
    return err.removeprefix("konvert: ").rstrip("\n")


# -- item 8: a workspace that is not one ----------------------------------------------------

@pytest.mark.parametrize("content", [os.urandom(4096), b"hello, I am a text file\n"],
                         ids=["random", "text"])
def test_corrupt_or_foreign_file_is_one_line_exit_2(capsys: pytest.CaptureFixture[str],
                                                     tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "workspace.sqlite"
    path.write_bytes(b"X" + content)  # never a SQLite header by chance
    code, _, err = _run(capsys, "--workspace", str(path), "segment", "list")
    assert code == 2
    assert _one_line(err) == f"this file is not a Konvert workspace or is damaged: {path}"


def test_damaged_workspace_is_one_line_exit_2(capsys: pytest.CaptureFixture[str],
                                              tmp_path: Path) -> None:
    path = tmp_path / "w.sqlite"
    open_workspace(str(path)).dispose()
    data = bytearray(path.read_bytes())
    data[100:4096] = os.urandom(3996)  # the schema page
    path.write_bytes(bytes(data))
    code, _, err = _run(capsys, "--workspace", str(path), "segment", "list")
    assert code == 2
    assert _one_line(err).startswith("this file is not a Konvert workspace or is damaged")


def test_sqlite_database_of_another_program_is_refused(capsys: pytest.CaptureFixture[str],
                                                       tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    code, _, err = _run(capsys, "--workspace", str(path), "segment", "list")
    assert code == 2
    assert _one_line(err).startswith("this file is not a Konvert workspace or is damaged")
    with sqlite3.connect(path) as conn:  # nothing was added to it
        names = {n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert names == {"notes"}


def test_empty_alembic_version_is_one_line_exit_2(capsys: pytest.CaptureFixture[str],
                                                  workspace_url: str) -> None:
    engine = open_workspace(workspace_url)
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM alembic_version"))
    engine.dispose()
    code, _, err = _run(capsys, "--workspace", workspace_url, "segment", "list")
    assert code == 2
    assert "schema version is missing" in _one_line(err)


def _read_only_url(path: Path) -> str:
    return f"sqlite:///file:{path}?mode=ro&uri=true"


def test_read_only_workspace_on_import_and_save(capsys: pytest.CaptureFixture[str],
                                                tmp_path: Path) -> None:
    path = tmp_path / "w.sqlite"
    engine = open_workspace(str(path))
    import_file(engine, "contacts", write_csv(tmp_path / "a.csv", ["email", "old@x.ru"]))
    engine.dispose()
    before = path.read_bytes()
    contacts = write_csv(tmp_path / "c.csv", ["email", "anna@x.ru"])
    code, _, err = _run(capsys, "--workspace", _read_only_url(path), "import", "contacts",
                        str(contacts))
    assert code == 2
    assert _one_line(err).startswith("the workspace is read-only")
    rules = tmp_path / "r.json"
    rules.write_text('{"field": "city", "op": "eq", "value": "Москва"}')
    code, _, err = _run(capsys, "--workspace", _read_only_url(path), "segment", "save", "M",
                        "--rules", str(rules))
    assert code == 2
    assert _one_line(err).startswith("the workspace is read-only")
    # Reading still works.
    code, out, _ = _run(capsys, "--workspace", _read_only_url(path), "--json", "segment",
                        "count", "--rules", str(rules))
    assert (code, json.loads(out)["count"]) == (0, 0)
    assert path.read_bytes() == before


# -- item 8 and 10: URLs, drivers, passwords --------------------------------------------------

@pytest.mark.parametrize(("url", "expected"), [
    ("postgresql://anna:s3cret-pw@localhost:abc/shop",
     "the port in the workspace URL must be a number, not 'abc'"),
    ("postgresql://anna:s3cret-pw@localhost:99999/shop", "must be 1 to 65535"),
    ("mysql://anna:s3cret-pw@localhost/shop", "works with a SQLite file or PostgreSQL"),
    ("oracle+cx_oracle://anna:s3cret-pw@localhost/shop", "works with a SQLite file"),
    ("nosuchdb://anna:s3cret-pw@localhost/shop", "works with a SQLite file"),
    ("postgresql+nosuchdriver://anna:s3cret-pw@localhost/shop", "is not installed"),
])
def test_bad_urls_are_one_line_without_the_password(capsys: pytest.CaptureFixture[str],
                                                    url: str, expected: str) -> None:
    code, _, err = _run(capsys, "--workspace", url, "segment", "list")
    assert code == 2
    message = _one_line(err)
    assert expected in message
    assert "s3cret-pw" not in err


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A TCP server that accepts connections and never says a word."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def serve() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                accepted.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield int(server.getsockname()[1])
    stop.set()
    thread.join()
    for conn in accepted:
        conn.close()
    server.close()


def test_postgres_that_never_answers_times_out(capsys: pytest.CaptureFixture[str],
                                               silent_server: int,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(db, "PG_CONNECT_TIMEOUT", 2)
    url = f"postgresql://anna:s3cret-pw@127.0.0.1:{silent_server}/shop"
    started = time.monotonic()
    code, _, err = _run(capsys, "--workspace", url, "segment", "list")
    took = time.monotonic() - started
    assert code == 2 and took < 15, took
    message = _one_line(err)
    assert "did not answer in time" in message or "timeout" in message.casefold()
    assert "s3cret-pw" not in err


def test_password_never_in_a_connection_error(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed again: nobody listens
    code, _, err = _run(capsys, "--workspace",
                        f"postgresql://anna:s3cret-pw@127.0.0.1:{port}/shop", "segment", "list")
    assert code == 2
    _one_line(err)
    assert "s3cret-pw" not in err


@pytest.mark.postgres
def test_postgres_count_timeout_is_plain(pg_url: str, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    import segments.query as query
    from segments import SegmentError, count

    engine = open_workspace(pg_url)
    try:
        lines = ["email;city"] + [f"u{n}@x.ru;Город {n % 97}" for n in range(60_000)]
        import_file(engine, "contacts", write_csv(tmp_path / "c.csv", lines))
        monkeypatch.setattr(query, "COUNT_TIMEOUT_S", 0.001)
        rule = {"any": [{"field": "city", "op": "contains", "value": "zz"},
                        {"field": "email", "op": "contains", "value": "zz"}]}
        from datetime import date

        with pytest.raises(SegmentError, match=r"took longer than 0\.001 s"):
            count(engine, rule, date(2026, 1, 1))
        # The builder's first members and "Compare segments" are stopped the same way.
        from segments import sample_members
        from segments.explain import overlap

        with pytest.raises(SegmentError, match=r"^finding the first members took longer"):
            sample_members(engine, rule, date(2026, 1, 1))
        other = {"field": "city", "op": "contains", "value": "1"}
        with pytest.raises(SegmentError, match=r"^comparing these segments took longer"):
            overlap(engine, ["a", "b"], date(2026, 1, 1), {"a": rule, "b": other})
        monkeypatch.setattr(query, "COUNT_TIMEOUT_S", 30)
        assert count(engine, rule, date(2026, 1, 1)).count == 0
        assert sample_members(engine, rule, date(2026, 1, 1)) == []
        assert overlap(engine, ["a", "b"], date(2026, 1, 1),
                       {"a": rule, "b": other})["total"] == 60_000
    finally:
        engine.dispose()


# -- item 8: rules nested too deep ------------------------------------------------------------

def _nested(depth: int, leaf: dict[str, object] | None = None) -> dict[str, object]:
    rule: dict[str, object] = leaf or {"field": "city", "op": "eq", "value": "Москва"}
    for level in range(depth):
        rule = {"not": rule} if level % 2 else {"all": [rule]}
    return rule


@pytest.mark.parametrize("command", ["check", "save", "count"])
def test_rules_nested_too_deep(capsys: pytest.CaptureFixture[str], sqlite_url: str,
                               tmp_path: Path, command: str) -> None:
    rules = tmp_path / "deep.json"
    rules.write_text(json.dumps(_nested(40)))
    args = {"check": ["segment", "check", "--rules", str(rules)],
            "save": ["segment", "save", "Deep", "--rules", str(rules)],
            "count": ["segment", "count", "--rules", str(rules)]}[command]
    code, _, err = _run(capsys, "--workspace", sqlite_url, *args)
    assert code == 2
    message = _one_line(err)
    assert "nested more than 32 levels deep" in message
    assert message.startswith(("all[0]", "not.")), message
    ok = tmp_path / "ok.json"
    ok.write_text(json.dumps(_nested(32)))
    assert main.main(["--workspace", sqlite_url, "segment", "check", "--rules", str(ok)]) == 0
    capsys.readouterr()


def test_rule_json_nested_beyond_pythons_recursion(capsys: pytest.CaptureFixture[str],
                                                   sqlite_url: str, tmp_path: Path) -> None:
    rules = tmp_path / "deep.json"
    rules.write_text('{"not": ' * 100_000 + '{"field": "city", "op": "is_empty"}' + "}" * 100_000)
    code, _, err = _run(capsys, "--workspace", sqlite_url, "segment", "check", "--rules",
                        str(rules))
    assert code == 2
    assert "nested" in _one_line(err)


def test_depth_counts_saved_segments_referred_to(capsys: pytest.CaptureFixture[str],
                                                 engine: Engine, tmp_path: Path) -> None:
    from datetime import date

    from segments import SegmentError, count, save_segment

    with engine.begin() as conn:
        save_segment(conn, "A", _nested(20))
    with pytest.raises(SegmentError, match="nested more than 32 levels deep"), \
            engine.begin() as conn:
        save_segment(conn, "B", _nested(20, {"segment": "A"}))
    with engine.begin() as conn:
        save_segment(conn, "B", _nested(12, {"segment": "A"}))  # 32 in all: fine
    assert count(engine, {"segment": "B"}, date(2026, 1, 1)).count == 0
    # A segment saved before the limit existed is refused when counted, not a crash.
    with engine.begin() as conn:
        conn.execute(text("UPDATE segments SET rules = :r WHERE name = 'A'"),
                     {"r": json.dumps(_nested(30))})
    with pytest.raises(SegmentError, match="nested more than 32 levels deep"):
        count(engine, {"segment": "B"}, date(2026, 1, 1))


# -- item 8: Ctrl+C during an import ---------------------------------------------------------

def test_interrupt_during_import_rolls_back(capsys: pytest.CaptureFixture[str],
                                            workspace_url: str, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    import workspace.importer as importer

    engine = open_workspace(workspace_url)
    import_file(engine, "contacts", write_csv(tmp_path / "a.csv", ["email", "old@x.ru"]))
    before = snapshot(engine)
    monkeypatch.setattr(importer, "BATCH_ROWS", 3)
    path = write_csv(tmp_path / "c.csv", ["email"] + [f"u{n}@x.ru" for n in range(20)])
    calls: list[int] = []

    def progress(done: int, total: int) -> None:
        calls.append(done)
        if len(calls) == 3:
            raise KeyboardInterrupt

    with pytest.raises(ImportInterruptedError, match="interrupted; nothing was imported"):
        import_file(engine, "contacts", path, progress=progress)
    assert snapshot(engine) == before
    engine.dispose()


def test_ctrl_c_in_the_command_line_exits_130(tmp_path: Path) -> None:
    workspace = tmp_path / "w.sqlite"
    open_workspace(str(workspace)).dispose()
    path = tmp_path / "big.csv"
    with path.open("w", encoding="utf-8") as handle:
        handle.write("email;first_name;city\n")
        handle.writelines(f"u{n}@example.ru;Имя{n};Город {n % 500}\n" for n in range(1_500_000))
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "--workspace", str(workspace), "import",
         "contacts", str(path)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    wal = workspace.with_name(workspace.name + "-wal")
    deadline = time.monotonic() + 120
    # Past start-up and in the middle of the rows: batches are being written.
    while (not wal.exists() or wal.stat().st_size < 4_000_000) and proc.poll() is None \
            and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, (out, err)
    assert err == "konvert: interrupted; nothing was imported\n"
    assert scalar(open_workspace(str(workspace)), "SELECT COUNT(*) FROM contacts") == 0


# -- item 9: two writers at once on SQLite -------------------------------------------------------

def _hold_write_lock(path: Path, seconds: float, ready: threading.Event) -> threading.Thread:
    def hold() -> None:
        conn = sqlite3.connect(path, isolation_level=None)
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO settings (key, value) VALUES ('lock', '1')")
        ready.set()
        time.sleep(seconds)
        conn.execute("COMMIT")
        conn.close()

    thread = threading.Thread(target=hold)
    thread.start()
    return thread


def test_second_import_waits_for_the_first(sqlite_engine: Engine, tmp_path: Path) -> None:
    path = Path(str(sqlite_engine.url.database))
    ready = threading.Event()
    # Longer than the 5 s after which SQLite used to say "database is locked".
    holder = _hold_write_lock(path, 6.0, ready)
    ready.wait()
    waited: list[bool] = []
    started = time.monotonic()
    result = import_file(sqlite_engine, "contacts",
                         write_csv(tmp_path / "c.csv", ["email", "anna@x.ru"]),
                         waiting=lambda: waited.append(True))
    holder.join()
    assert result.imported == 1 and waited == [True]
    assert time.monotonic() - started >= 5.5


def test_busy_workspace_says_so_plainly(capsys: pytest.CaptureFixture[str], sqlite_url: str,
                                        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    open_workspace(sqlite_url).dispose()
    monkeypatch.setattr(db, "WRITER_WAIT", 0.5)
    path = Path(sqlite_url.removeprefix("sqlite:///"))
    ready = threading.Event()
    holder = _hold_write_lock(path, 3, ready)
    ready.wait()
    try:
        code, _, err = _run(capsys, "--workspace", sqlite_url, "import", "contacts",
                            str(write_csv(tmp_path / "c.csv", ["email", "anna@x.ru"])))
    finally:
        holder.join()
    assert code == 2
    lines = err.splitlines()
    assert lines[0].startswith("konvert: another import is writing to this workspace; waiting")
    assert lines[1].startswith("konvert: another import is writing to this workspace and did "
                               "not finish within 0.5 s")
    assert "locked" not in err


def test_two_imports_at_once_both_land(sqlite_engine: Engine, tmp_path: Path) -> None:
    files = [write_csv(tmp_path / f"c{k}.csv", ["email;city"] + [
        f"w{k}u{n}@x.ru;Город" for n in range(20_000)]) for k in range(2)]
    results: list[object] = []

    def run(path: Path) -> None:
        try:
            results.append(import_file(sqlite_engine, "contacts", path).imported)
        except Exception as exc:
            results.append(exc)

    threads = [threading.Thread(target=run, args=(f,)) for f in files]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [20_000, 20_000]
    assert scalar(sqlite_engine, "SELECT COUNT(*) FROM contacts") == 40_000


def test_write_transaction_takes_the_lock_up_front(sqlite_engine: Engine) -> None:
    with write_transaction(sqlite_engine) as conn:
        assert conn.connection.dbapi_connection.in_transaction  # type: ignore[union-attr]
        other = sqlite3.connect(str(sqlite_engine.url.database), timeout=0.1)
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
        other.close()


def test_busy_error_text_never_says_database_is_locked() -> None:
    error = db.plain_database_error(sqlite3.OperationalError("database is locked"))
    assert error.code == "busy" and "locked" not in str(error)
    assert isinstance(error, WorkspaceError) and error.exit_code == 2
