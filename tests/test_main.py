"""The composition root: commands load lazily, so the command line starts fast."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import main

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("sqlalchemy", "alembic", "PySide6", "workspace")

MJML = """<mjml><mj-head><mj-title>Привет, {{ first_name | default("друг") }}</mj-title>
</mj-head><mj-body><mj-section><mj-column><mj-text>{{ shop.name }}</mj-text>
</mj-column></mj-section></mj-body></mjml>
"""


def loaded_after(args: list[str]) -> set[str]:
    """Top-level packages in ``sys.modules`` after running ``main.main(args)`` afresh."""
    script = (
        "import sys, contextlib, io, main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try:\n"
        f"        code = main.main({args!r})\n"
        "    except SystemExit as exc:\n"
        "        code = exc.code\n"
        "assert code == 0, code\n"
        "print(' '.join(sorted({name.split('.')[0] for name in sys.modules})))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                            text=True, check=True, timeout=120)
    return set(result.stdout.split())


@pytest.mark.parametrize("args", [["--help"], ["template", "--help"]])
def test_help_loads_no_storage_and_no_qt(args: list[str]) -> None:
    assert loaded_after(args).isdisjoint(HEAVY)


def test_rendering_a_file_loads_no_storage_and_no_qt(tmp_path: Path) -> None:
    mjml = tmp_path / "hello.mjml"
    mjml.write_text(MJML, encoding="utf-8")
    loaded = loaded_after(["template", "render", str(mjml)])
    assert "composer" in loaded and "premailer" in loaded
    assert loaded.isdisjoint(HEAVY)
    assert "requests" not in loaded  # premailer's stand-in (it never fetches here)


def test_the_help_table_matches_each_command_module() -> None:
    parser = main.build_parser(every=True)
    [actions] = [a for a in parser._actions if a.dest == "command"]
    registered = {choice.dest: choice.help for choice in actions._choices_actions}  # type: ignore[attr-defined]
    assert registered == {name: help_text for name, (_, help_text) in main.COMMANDS.items()}


@pytest.mark.parametrize(
    ("argv", "command"),
    [
        (["--workspace", "w.sqlite", "segment", "count", "--name", "x"], "segment"),
        (["--json", "--today", "2026-01-01", "template", "render", "gui"], "template"),
        (["--lang", "ru"], None),
        (["nonsense"], None),
        (["--bogus", "demo"], "demo"),
    ],
)
def test_the_command_is_found_after_the_global_options(
    argv: list[str], command: str | None
) -> None:
    assert main.command_in(argv) == command


def test_an_unknown_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main.main(["nonsense"]) == 2
    assert "invalid choice: 'nonsense'" in capsys.readouterr().err
