"""Errors of the composer: mistakes in a template the user can fix."""

from __future__ import annotations

from dataclasses import dataclass

from kerrors import KonvertError


@dataclass(frozen=True)
class Issue:
    """One problem found in MJML source, with its 1-based line and column.

    ``severity`` is ``"error"`` (the document cannot be trusted to render as
    written) or ``"warning"`` (the official tool renders it anyway: legacy
    attributes, a value of the wrong type, a repeated attribute).
    """

    line: int
    column: int
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        return f"line {self.line}, column {self.column}: {self.message}"


class ComposerError(KonvertError):
    """Base of every composer error; ``line`` is set where one applies."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message if line is None else f"line {line}: {message}")
        self.message = message
        self.line = line


class TemplateNotFoundError(ComposerError):
    """No built-in or workspace template has that name."""


class TemplateSyntaxError(ComposerError):
    """The Jinja2 markup of a template does not parse."""


class TemplateRenderError(ComposerError):
    """The template parsed but failed for this context (e.g. an undefined variable)."""

    def __init__(self, message: str, line: int | None = None, variable: str | None = None) -> None:
        super().__init__(message, line)
        self.variable = variable


class MjmlError(ComposerError):
    """The MJML is invalid; ``issues`` lists every problem with line and column."""

    def __init__(self, issues: list[Issue]) -> None:
        issues = [i for i in issues if i.severity == "error"] or issues
        first = issues[0] if issues else Issue(1, 1, "invalid MJML")
        more = f" (and {len(issues) - 1} more)" if len(issues) > 1 else ""
        super().__init__(f"MJML: {first.message}{more}", first.line)
        self.issues = issues
