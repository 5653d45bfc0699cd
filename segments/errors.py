"""The error every segments mistake the user can fix is reported with."""

from __future__ import annotations

from kerrors import KonvertError


class SegmentError(KonvertError):
    """A bad rule, a missing or cyclic saved segment, an unknown contact (exit 2).

    Messages about a rule start with the rule's path (``all[3].any[1]``).
    """
