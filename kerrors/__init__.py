"""The error base every layer may use (no dependencies, so no layer rule stands in the way).

A :class:`KonvertError` is a mistake the user can fix (a bad file, a bad rule,
a bad key). Anything else that escapes is a bug. Each core derives its own
base from it (``ComposerError``, ``SegmentError``, ``WorkspaceError``, ...).
"""

from __future__ import annotations

__all__ = ["KonvertError"]


class KonvertError(Exception):
    """A problem the user can fix, reported in plain words without a traceback.

    ``exit_code`` is what the command line exits with: 2 for bad usage or
    unreadable input, 1 when a command ran and found problems.
    """

    exit_code = 2
