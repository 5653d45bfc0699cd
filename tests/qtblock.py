"""A meta-path finder that refuses Qt, to prove the cores run without it.

``install()`` puts :class:`QtBlocker` first on ``sys.meta_path``: importing
``PySide6`` or ``shiboken6`` (or a submodule) then raises ImportError naming
the module. ``KONVERT_BLOCK_QT=1 python -m pytest -p no:pytestqt ...``
runs the core suite this way (``make test-cores``; tests/conftest.py
installs it).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from importlib.abc import MetaPathFinder
from importlib.machinery import ModuleSpec
from types import ModuleType

BLOCKED = ("PySide6", "shiboken6")


class QtBlocker(MetaPathFinder):
    """Refuses to find Qt modules, so that any import of them fails loudly."""

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None,
        target: ModuleType | None = None,
    ) -> ModuleSpec | None:
        """Raise for Qt modules; let every other finder handle the rest."""
        if fullname.split(".")[0] in BLOCKED:
            raise ImportError(f"{fullname} is blocked: the cores must run without Qt")
        return None


def install() -> QtBlocker:
    """Block Qt from now on in this interpreter; Qt must not be imported yet."""
    loaded = sorted(name for name in sys.modules if name.split(".")[0] in BLOCKED)
    if loaded:
        raise RuntimeError(f"Qt was imported before it could be blocked: {', '.join(loaded)}")
    blocker = QtBlocker()
    sys.meta_path.insert(0, blocker)
    return blocker
