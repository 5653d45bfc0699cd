"""Opening a workspace: URL resolution, engine set-up, Alembic upgrade."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from workspace.errors import WorkspaceError

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).with_name("migrations")


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
    return f"sqlite:///{path.resolve()}"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA cache_size=-200000")
    cursor.execute("PRAGMA temp_store=MEMORY")
    cursor.close()


def create_workspace_engine(url: str) -> Engine:
    """An engine for ``url`` with Konvert's connection settings (no migration)."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise WorkspaceError(f"not a workspace URL or path: {url}") from exc
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(url)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    if parsed.get_backend_name() == "postgresql" and parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    try:
        return create_engine(parsed, pool_pre_ping=True)
    except Exception as exc:  # missing driver and the like
        raise WorkspaceError(f"cannot use workspace {url}: {exc}") from exc


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
    except OperationalError as exc:
        raise WorkspaceError(f"cannot open workspace: {exc.orig}") from exc


def open_workspace(location: str | None) -> Engine:
    """Open the workspace at ``location`` (URL, path or None), upgrading it."""
    engine = create_workspace_engine(workspace_url(location))
    upgrade(engine)
    return engine


def session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions bound to ``engine``; the caller owns the transaction."""
    return sessionmaker(engine, expire_on_commit=False)
