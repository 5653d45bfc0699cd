"""Opening a workspace: URL resolution, engine set-up, Alembic upgrade."""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event, inspect
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
from sqlalchemy.orm import Session, sessionmaker

from workspace.errors import WorkspaceError

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).with_name("migrations")

SQLITE_BUSY_TIMEOUT = 30.0
"""Seconds a SQLite statement waits for another writer before giving up (default 5)."""
WRITER_WAIT = 600.0
"""Seconds a :func:`write_transaction` waits for another import to finish."""
_TRY_MS = 200
PG_CONNECT_TIMEOUT = 5
"""Seconds to wait for a PostgreSQL server to accept a connection."""

NOT_A_WORKSPACE = "this file is not a Konvert workspace or is damaged"
BUSY = ("another import (or another Konvert) is writing to this workspace; "
        "try again when it has finished")


def _safe_url(url: str | URL) -> str:
    """``url`` for messages: never with its password."""
    try:
        parsed = url if isinstance(url, URL) else make_url(url)
        return parsed.render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        return re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", str(url))


def _scrub(text: str, url: str | URL | None) -> str:
    """``text`` without the password of ``url`` (drivers may echo their DSN)."""
    password = None
    if url is not None:
        try:
            parsed = url if isinstance(url, URL) else make_url(url)
            password = parsed.password
        except (ArgumentError, ValueError):
            match = re.search(r"://[^:/@]*:([^@]*)@", str(url))
            password = match.group(1) if match else None
    if password:
        text = text.replace(str(password), "***")
    return re.sub(r"(password\s*=\s*)\S+", r"\1***", text, flags=re.IGNORECASE)


def _sqlite_file(url: str | URL | None) -> str | None:
    try:
        parsed = url if isinstance(url, URL) else make_url(url) if url else None
    except (ArgumentError, ValueError):
        return None
    if parsed is None or parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    return parsed.database


def _first_line(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    lines = [line.strip() for line in str(orig).splitlines() if line.strip()]
    return lines[0] if lines else type(orig).__name__


def plain_database_error(exc: BaseException, url: str | URL | None = None) -> WorkspaceError:
    """A :class:`WorkspaceError` in plain words for a database driver error ``exc``.

    Knows the cases a user meets: a file that is not a SQLite database, a
    read-only workspace, another writer holding the lock, a server that
    cannot be reached or takes too long. The password of ``url`` never
    appears in the message.
    """
    text = _first_line(exc)
    low = text.casefold()
    if "file is not a database" in low or "malformed" in low or "not a database" in low:
        code, message = "not_a_workspace", NOT_A_WORKSPACE
        where = _sqlite_file(url)
        if where:
            message += f": {where}"
    elif "readonly database" in low or "read-only" in low or "read only" in low:
        code, message = "read_only", (
            "the workspace is read-only, so nothing can be saved into it; check the "
            "file's permissions or copy it somewhere writable")
    elif "database is locked" in low or "database is busy" in low:
        code, message = "busy", BUSY
    elif "unable to open database file" in low:
        code, message = "cannot_open", (
            "cannot open the workspace file (check the folder and its permissions)")
    elif "statement timeout" in low or "canceling statement" in low:
        code, message = "timeout", (
            "the workspace database took too long to answer and the query was stopped")
    elif "timeout expired" in low or "timed out" in low:
        code, message = "connect_timeout", (
            "the workspace database server did not answer in time "
            f"({PG_CONNECT_TIMEOUT} s): check the host and port")
    else:
        code, message = "", f"workspace database error: {text}"
    error = WorkspaceError(_scrub(message, url))
    error.code = code
    return error


def default_workspace_path() -> Path:
    """The user's workspace file in the platform's data folder."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("Konvert", appauthor=False)) / "workspace.sqlite"


def workspace_url(location: str | None) -> str:
    """Turn ``--workspace`` (URL, plain path or None) into an SQLAlchemy URL."""
    if not location:
        path = default_workspace_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{path}"
    if "://" in location:
        return location
    path = Path(location).expanduser()
    if not path.parent.exists():
        raise WorkspaceError(f"folder {path.parent} does not exist")
    if path.is_dir():
        raise WorkspaceError(f"{path} is a folder, not a workspace file")
    return f"sqlite:///{path.resolve()}"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    try:
        # Readers never wait for the writer. A read-only file keeps its mode.
        cursor.execute("PRAGMA journal_mode=WAL")
    except Exception as exc:
        if "readonly" not in str(exc) and "read-only" not in str(exc):
            raise
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA cache_size=-200000")
    cursor.execute("PRAGMA temp_store=MEMORY")
    cursor.close()


def create_workspace_engine(url: str) -> Engine:
    """An engine for ``url`` with Konvert's connection settings (no migration)."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise WorkspaceError(f"not a workspace URL or path: {_safe_url(url)}") from exc
    except ValueError as exc:  # make_url's int() of the port
        match = re.search(r"@[^/:]*:([^/]*)", url)
        port = match.group(1) if match else "?"
        raise WorkspaceError(f"the port in the workspace URL must be a number, not {port!r}: "
                             f"{_safe_url(url)}") from exc
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(parsed, connect_args={"timeout": SQLITE_BUSY_TIMEOUT})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    if parsed.port is not None and not 0 < parsed.port < 65536:
        raise WorkspaceError(f"the port in the workspace URL must be 1 to 65535, not "
                             f"{parsed.port}: {_safe_url(parsed)}")
    if parsed.get_backend_name() != "postgresql":
        raise WorkspaceError(f"cannot use workspace {_safe_url(parsed)}: Konvert works with "
                             "a SQLite file or PostgreSQL (postgresql://...), not "
                             f"{parsed.get_backend_name()!r}")
    connect_args: dict[str, Any] = {}
    if parsed.get_backend_name() == "postgresql":
        if parsed.drivername == "postgresql":
            parsed = parsed.set(drivername="postgresql+psycopg")
        if "connect_timeout" not in parsed.query:
            connect_args["connect_timeout"] = PG_CONNECT_TIMEOUT
    try:
        return create_engine(parsed, pool_pre_ping=True, connect_args=connect_args)
    except NoSuchModuleError as exc:
        raise WorkspaceError(f"cannot use workspace {_safe_url(parsed)}: the driver "
                             f"{parsed.drivername!r} is not installed") from exc
    except Exception as exc:
        raise WorkspaceError(f"cannot use workspace {_safe_url(parsed)}: "
                             f"{_scrub(str(exc), parsed)}") from exc


def _alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    """The newest schema revision this version of Konvert knows."""
    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


def upgrade(engine: Engine) -> None:
    """Create or upgrade the schema; refuse a workspace made by a newer Konvert."""
    script = ScriptDirectory.from_config(_alembic_config())
    known = {rev.revision for rev in script.walk_revisions()}
    try:
        with engine.begin() as conn:
            current = MigrationContext.configure(conn).get_current_revision()
            if current is None:
                _check_unversioned(conn)
            if current is not None and current not in known:
                raise WorkspaceError(
                    "this workspace was made by a newer version of Konvert "
                    f"(schema {current}); please update Konvert to open it"
                )
            if current == script.get_current_head():
                return
            cfg = _alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    except DBAPIError as exc:
        plain = plain_database_error(exc, engine.url)
        if not plain.code:
            plain = WorkspaceError(f"cannot open workspace: {_scrub(_first_line(exc), engine.url)}")
        raise plain from exc


def _check_unversioned(conn: Connection) -> None:
    """Refuse to build the schema into a database that already has other tables.

    An empty ``alembic_version`` beside Konvert's tables means the workspace
    lost its schema version; a SQLite file with tables but no
    ``alembic_version`` is not a Konvert workspace. Both would otherwise fail
    half-way through the first migration (or fill another program's file).
    """
    tables = set(inspect(conn).get_table_names())
    if "alembic_version" in tables and tables - {"alembic_version"}:
        raise WorkspaceError(
            "this workspace is damaged: its schema version is missing (the alembic_version "
            "table is empty); restore it from a backup")
    # A PostgreSQL database may well hold other programs' tables beside ours.
    if tables and "alembic_version" not in tables and conn.dialect.name == "sqlite":
        foreign = WorkspaceError(NOT_A_WORKSPACE + " (it holds other tables)")
        foreign.code = "not_a_workspace"
        raise foreign


def open_workspace(location: str | None) -> Engine:
    """Open the workspace at ``location`` (URL, path or None), upgrading it."""
    engine = create_workspace_engine(workspace_url(location))
    try:
        upgrade(engine)
    except BaseException:
        engine.dispose()  # a refused workspace keeps no connection open
        raise
    return engine


@contextmanager
def write_transaction(engine: Engine, *, waiting: Callable[[], None] | None = None,
                      wait: float | None = None,
                      check: Callable[[], None] | None = None) -> Iterator[Connection]:
    """``engine.begin()`` that holds the write lock from the start on SQLite.

    SQLite lets one writer at a time. A transaction that reads first and
    writes later can fail at once when another writer committed meanwhile
    ("database is locked", whatever the busy timeout), so an import takes
    the lock up front (``BEGIN IMMEDIATE``). When another writer holds it,
    ``waiting`` is called (the command line says so) and the lock is waited
    for up to ``wait`` seconds (:data:`WRITER_WAIT`); then a
    :class:`WorkspaceError` says plainly that another import is running.
    ``check`` is called between tries and may raise to stop waiting (a Cancel).
    """
    with engine.begin() as conn:
        if conn.dialect.name == "sqlite":
            _begin_immediate(conn, waiting, WRITER_WAIT if wait is None else wait, check)
        yield conn


def _begin_immediate(conn: Connection, waiting: Callable[[], None] | None,
                     wait: float, check: Callable[[], None] | None = None) -> None:
    # Short tries in a Python loop rather than one long busy wait inside
    # SQLite, so Ctrl+C is honoured while waiting.
    raw: Any = conn.connection.dbapi_connection
    deadline = time.monotonic() + wait
    told = False
    try:
        raw.execute(f"PRAGMA busy_timeout = {_TRY_MS}")
        while True:
            try:
                raw.execute("BEGIN IMMEDIATE")
                return
            except Exception as exc:
                if "locked" not in str(exc) and "busy" not in str(exc):
                    raise
                if time.monotonic() >= deadline:
                    busy = WorkspaceError(
                        "another import is writing to this workspace and did not finish "
                        f"within {wait:g} s; try again when it has finished")
                    busy.code = "busy"
                    raise busy from exc
            if not told and waiting is not None:
                waiting()
            told = True
            if check is not None:
                check()
    finally:
        raw.execute(f"PRAGMA busy_timeout = {int(SQLITE_BUSY_TIMEOUT * 1000)}")


def session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions bound to ``engine``; the caller owns the transaction."""
    return sessionmaker(engine, expire_on_commit=False)
