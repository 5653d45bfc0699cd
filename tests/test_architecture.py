"""The layers of style.md are executable: `lint-imports` keeps them and catches a break."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = (
    "ui", "cli", "esp", "previews", "campaigns", "composer", "segments", "workspace", "kerrors",
)


def lint_imports(cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run import-linter on the project rooted at ``cwd`` (its packages come first)."""
    script = "import sys; from importlinter.cli import lint_imports_command; lint_imports_command()"
    return subprocess.run(
        [sys.executable, "-c", script, "--no-cache"],
        cwd=cwd, capture_output=True, text=True, check=False, timeout=120,
    )


def test_the_project_keeps_its_import_contracts() -> None:
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="module")
def project_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The packages and pyproject.toml copied, so violations can be planted."""
    root = tmp_path_factory.mktemp("project")
    shutil.copy(ROOT / "pyproject.toml", root / "pyproject.toml")
    ignore = shutil.ignore_patterns("__pycache__", "*.qm", "*.ts", "data")
    for package in PACKAGES:
        shutil.copytree(ROOT / package, root / package, ignore=ignore)
    return root


@pytest.mark.parametrize(
    ("module", "line", "message"),
    [
        ("composer/planted.py", "import esp\n", "composer is not allowed to import esp"),
        ("segments/planted.py", "import PySide6.QtCore\n",
         "segments is not allowed to import PySide6"),
        ("workspace/planted.py", "from segments import rules\n",
         "workspace is not allowed to import segments"),
        ("ui/planted.py", "from workspace.models import Contact\n",
         "ui is not allowed to import workspace.models"),
        ("cli/planted.py", "import ui.app\n", "cli is not allowed to import ui"),
    ],
)
def test_a_planted_violation_breaks_its_contract(
    project_copy: Path, module: str, line: str, message: str
) -> None:
    planted = project_copy / module
    planted.write_text(line, encoding="utf-8")
    try:
        result = lint_imports(project_copy)
    finally:
        planted.unlink()
    assert result.returncode == 1, result.stdout + result.stderr
    planted_name = module.removesuffix(".py").replace("/", ".")
    # The report names the broken rule, then the planted import under it.
    after = result.stdout.split(message, 1)
    assert len(after) == 2, result.stdout
    assert re.search(rf"^-\s+{re.escape(planted_name)} -> ", after[1], re.M), result.stdout
