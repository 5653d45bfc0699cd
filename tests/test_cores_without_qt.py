"""Every core module imports with Qt blocked: the layers hold at run time, not only on paper."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORES = ("kerrors", "workspace", "segments", "composer", "campaigns", "previews", "esp", "cli")

SCRIPT = textwrap.dedent(
    """
    import importlib, pkgutil, sys
    from tests.qtblock import install
    install()
    try:
        import PySide6.QtCore
    except ImportError as exc:
        assert "blocked" in str(exc), exc
    else:
        raise SystemExit("the blocker let PySide6 through")
    names = []
    for package in {cores!r}:
        module = importlib.import_module(package)
        names.append(package)
        for info in pkgutil.walk_packages(module.__path__, package + "."):
            if ".migrations." in info.name:
                continue  # Alembic loads these itself, with its context
            importlib.import_module(info.name)
            names.append(info.name)
    import main
    qt = sorted(n for n in sys.modules if n.split(".")[0] in ("PySide6", "shiboken6"))
    assert not qt, qt
    print(len(names))
    """
)


def test_every_core_module_imports_with_qt_blocked() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT.format(cores=CORES)],
        cwd=ROOT, capture_output=True, text=True, check=False, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.split()[-1]) > 60  # every module, not a few packages


def test_the_blocker_refuses_qt_in_a_fresh_interpreter() -> None:
    script = (
        "from tests.qtblock import install\n"
        "install()\n"
        "import ui.app\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                            text=True, check=False, timeout=120)
    assert result.returncode == 1
    assert "is blocked: the cores must run without Qt" in result.stderr
