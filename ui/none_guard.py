"""A guard against PySide6 6.12.0's lost reference to ``None`` on Python 3.11.

PySide6 6.12.0 returns ``None`` from every C++ ``void`` method without taking
a reference to it (Python 3.12 made ``None`` immortal, so there it is
harmless). On Python 3.11 each call such as ``widget.setToolTip(...)`` or
``app.processEvents()`` takes one reference away; after a few thousand calls
more than ``None`` had, Python frees ``None`` and the app dies ("Fatal Python
error: none_dealloc"), typically while a big page such as Templates is being
built. This guard keeps that release from crashing by giving ``None`` a
reference count no program can use up (pyproject.toml still accepts 6.12.0,
the release installed here and in CI).
"""

from __future__ import annotations

import ctypes
import logging
import sys

from PySide6.QtCore import QObject

log = logging.getLogger(__name__)

_CALLS = 200
_HEADROOM = 1 << 48
"""References added to None: at a million lost a second, enough for nine years."""


def void_calls_lose_none() -> bool:
    """Whether calling a ``void`` Qt method takes a reference from ``None`` (the 6.12.0 bug)."""
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(_CALLS):
        probe.setObjectName("probe")
    lost = before - sys.getrefcount(None)
    return lost >= _CALLS // 2


def guard_none_refcount() -> bool:
    """Protect ``None`` when the installed PySide6 loses references to it; whether it did."""
    if sys.version_info >= (3, 12) or not void_calls_lose_none():
        return False
    refcount = ctypes.c_ssize_t.from_address(id(None))
    refcount.value += _HEADROOM
    log.info("this PySide6 build loses references to None (6.12.0 on Python 3.11); guarded")
    return True
