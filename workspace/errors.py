"""The workspace's errors; ``KonvertError`` (now in :mod:`kerrors`) is re-exported here."""

from __future__ import annotations

from kerrors import KonvertError

__all__ = ["ImportFileError", "KonvertError", "WorkspaceError"]


class WorkspaceError(KonvertError):
    """The workspace cannot be opened, is too new, or the data is invalid."""


class ImportFileError(WorkspaceError):
    """An import file cannot be read (encoding, format, missing key column)."""
