"""Workspace: storage (SQLAlchemy models, Alembic migrations), import and demo data."""

from workspace.db import open_workspace, session_factory
from workspace.errors import ImportFileError, KonvertError, WorkspaceError
from workspace.text import fold

__all__ = [
    "ImportFileError",
    "KonvertError",
    "WorkspaceError",
    "fold",
    "open_workspace",
    "session_factory",
]
