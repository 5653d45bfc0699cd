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


_BUDGET_EN: dict[str, str] = {
    "time": "the template takes too long to render (over {limit} s)",
    "loops": "the template's loops run more than {limit} times",
    "text": "the template makes a text longer than {limit} characters",
    "output": "the email is longer than {limit} characters",
    "total": "the template makes more than {limit} characters of text in all",
    "list": "the template makes a list longer than {limit} items",
    "integer": "the template makes a number with more than {limit} digits",
    "recursion": "the template calls itself too deeply (a macro or recursive loop with no end)",
    "memory": "the template needs more memory than there is: check its loops and long texts",
}
_BUDGET_RU: dict[str, str] = {
    "time": "шаблон отрисовывается слишком долго (больше {limit} с)",
    "loops": "циклы шаблона выполняются больше {limit} раз",
    "text": "шаблон создаёт текст длиннее {limit} символов",
    "output": "письмо длиннее {limit} символов",
    "total": "шаблон создаёт в сумме больше {limit} символов текста",
    "list": "шаблон создаёт список длиннее {limit} элементов",
    "integer": "шаблон создаёт число длиннее {limit} цифр",
    "recursion": "шаблон вызывает сам себя слишком глубоко (макрос или рекурсивный цикл "
                 "без конца)",
    "memory": "шаблону не хватает памяти: проверьте его циклы и длинные тексты",
}


def _number(value: float, lang: str) -> str:
    if float(value) != int(value):
        text = f"{value:g}"
        return text.replace(".", ",") if lang == "ru" else text
    text = f"{int(value):,}"
    return text.replace(",", "\u00a0") if lang == "ru" else text


class RenderBudgetError(TemplateRenderError):
    """A render went over its budget (time, loops, text, list or number size).

    ``kind`` is one of ``time``, ``loops``, ``text``, ``output``, ``total``,
    ``list``, ``integer``, ``recursion``, ``memory``; ``limit`` the limit passed;
    ``line`` the template line: of the innermost loop running when
    ``in_loop`` ("check the loops on line N"), else of the statement.
    :meth:`text` says it in English or Russian.
    """

    def __init__(self, kind: str, limit: float, line: int | None = None, *,
                 in_loop: bool = False) -> None:
        self.kind = kind
        self.limit = limit
        self.in_loop = in_loop and line is not None
        message = self._say("en", line)
        super().__init__(message, None if self.in_loop else line)
        self.line = line

    def _say(self, lang: str, line: int | None) -> str:
        table = _BUDGET_RU if lang == "ru" else _BUDGET_EN
        text = table[self.kind].format(limit=_number(self.limit, lang))
        if self.in_loop and line is not None:
            text += (f": проверьте циклы в строке {line}" if lang == "ru"
                     else f": check the loops on line {line}")
        return text

    def text(self, lang: str = "en") -> str:
        """The whole message in ``lang`` (``en`` or ``ru``), with its line."""
        text = self._say(lang, self.line)
        if self.line is not None and not self.in_loop:
            return f"строка {self.line}: {text}" if lang == "ru" else f"line {self.line}: {text}"
        return text

    def shifted(self, shift: int) -> RenderBudgetError:
        """The same error with its line moved down by ``shift`` (a piece of a document)."""
        line = None if self.line is None else self.line + shift
        return RenderBudgetError(self.kind, self.limit, line, in_loop=self.in_loop)


class RenderCancelledError(ComposerError):
    """The caller gave up on a render (the live preview after a newer edit)."""
