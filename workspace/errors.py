"""Error base classes shared by every core package.

A :class:`KonvertError` is a mistake the user can fix (a bad file, a bad rule,
a bad key). Anything else that escapes is a bug.
"""

from __future__ import annotations


class KonvertError(Exception):
    """A problem the user can fix, reported in plain words without a traceback.

    ``exit_code`` is what the command line exits with: 2 for bad usage or
    unreadable input, 1 when a command ran and found problems.
    """

    exit_code = 2


class WorkspaceError(KonvertError):
    """The workspace cannot be opened, is too new, or the data is invalid.

    ``code`` names the database problem when one is known (``not_a_workspace``,
    ``read_only``, ``busy``, ``cannot_open``, ``timeout``, ``connect_timeout``),
    so the app can say it in the user's language; "" otherwise.
    """

    code = ""


class ImportFileError(WorkspaceError):
    """An import file cannot be read (encoding, format, missing key column)."""
