"""The workspace's errors; ``KonvertError`` (now in :mod:`kerrors`) is re-exported here."""

from __future__ import annotations

from kerrors import KonvertError

__all__ = ["ImportFileError", "KonvertError", "WorkspaceError"]


class WorkspaceError(KonvertError):
    """The workspace cannot be opened, is too new, or the data is invalid.

    ``code`` names the database problem when one is known (``not_a_workspace``,
    ``read_only``, ``busy``, ``cannot_open``, ``timeout``, ``connect_timeout``),
    so the app can say it in the user's language; "" otherwise.
    """

    code = ""


class ImportFileError(WorkspaceError):
    """An import file cannot be read (encoding, format, missing key column)."""
