"""The crash seen when the Templates page was built: PySide6 6.12.0 freeing None on Python 3.11."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = textwrap.dedent("""
    import sys
    from PySide6.QtWidgets import QApplication, QWidget
    from ui.none_guard import guard_none_refcount
    if sys.argv[1] == "guard":
        guard_none_refcount()
    app = QApplication([])
    widget = QWidget()
    for _ in range(50_000):  # about what building every page once and using them a while takes
        widget.setToolTip("x")
        app.processEvents()
    print("survived")
""")


def _run(mode: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", SCRIPT, mode], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, env={"QT_QPA_PLATFORM": "offscreen",
                                                       "PATH": "/usr/bin:/bin"})


def test_many_void_qt_calls_do_not_crash_the_app() -> None:
    """With the guard the app outlives 100 000 void calls whatever PySide6 build is installed."""
    done = _run("guard")
    assert done.returncode == 0, done.stderr[-500:]
    assert "survived" in done.stdout


def test_the_detector_tells_a_crashing_build() -> None:
    """Without the guard, a build the detector flags crashes; one it does not flag survives."""
    from ui.none_guard import void_calls_lose_none

    done = _run("bare")
    assert (done.returncode != 0) == void_calls_lose_none(), done.stderr[-300:]
    if done.returncode != 0:
        assert "none_dealloc" in done.stderr
