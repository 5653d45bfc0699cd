"""Real MJML from public repositories (``tests/data/mjml_wild``) renders and validates.

Official MJML renders every one of these files; Konvert must too, at the
default (soft) validation level, with its findings as warnings with lines.
The pixel comparison is ``benchmarks/fidelity.py --corpus tests/data/mjml_wild``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from composer import lint, render, render_preview
from composer.render import check_mjml

WILD = Path(__file__).resolve().parents[1] / "data" / "mjml_wild"
FILES = sorted(WILD.glob("*.mjml"))


def test_corpus_is_wide_and_every_file_is_listed_with_its_source() -> None:
    assert len(FILES) >= 60
    readme = (WILD / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([^`]+\.mjml)` \| (\S+/\S+) \| `[^`]+` \| (\S+) \|$", readme,
                      re.MULTILINE)
    assert {name for name, _repo, _licence in rows} == {f.name for f in FILES}
    assert {licence for _name, _repo, licence in rows} <= {"MIT", "Apache-2.0", "BSD-3-Clause",
                                                            "CC0-1.0", "CC-BY-4.0"}
    assert len(list((WILD / "licenses").glob("*.txt"))) >= 5


@pytest.mark.parametrize("path", FILES, ids=[f.stem for f in FILES])
def test_renders_and_validates_at_soft_level(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    warnings = check_mjml(source, "soft")  # raises only where rendering is refused
    assert all(w.severity == "warning" and w.line >= 1 for w in warnings)
    result = render(source, {}, jinja=False)
    assert "<html" in result.html  # (a file-start mj-raw may come before the doctype)
    assert "kvsrc" not in result.html
    assert result.warnings == [f"line {w.line}: {w.message}" for w in warnings]
    preview = render_preview(source, {}, jinja=False)
    assert "kvsrc" not in preview.html


def test_lint_reports_mjml_findings_as_warnings_with_lines() -> None:
    for path in FILES:
        source = path.read_text(encoding="utf-8")
        if "{{" in source or "{%" in source:
            continue  # Go or Handlebars templates are not Jinja
        report = lint(source, contexts=[("plain", {})])
        assert not [f for f in report.errors if f.code == "mjml-error"], path.name
        assert all(f.line for f in report.warnings if f.code == "mjml-warning")
