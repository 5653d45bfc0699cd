"""Russian for the plain-words errors of the cores that reach a window, by their shapes.

The cores raise :class:`kerrors.KonvertError` with English text (the command
line speaks English unless ``--lang ru``). A window in Russian shows the
Russian of a message recognised here; an unknown one stays as the core said
it. ``tests/ui_segments/test_error_words.py`` raises each segments error and
checks that it is recognised, so a changed message does not slip by.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QLocale

_Make = Callable[[re.Match[str]], str]
_RULES: list[tuple[re.Pattern[str], _Make]] = []


def _rule(pattern: str, make: _Make) -> None:
    _RULES.append((re.compile(pattern + r"\Z", re.DOTALL), make))


_DOING = {
    "counting this segment": "подсчёт сегмента",
    "finding the first members": "поиск первых участников",
    "explaining this segment": "проверка, почему контакт в сегменте",
    "comparing these segments": "сравнение сегментов",
}

# -- segments (segments/store.py, explain.py, query.py, rules.py) -----------------------
_rule(r"a segment needs a name", lambda m: "у сегмента должно быть название")
_rule(r"a segment name must be at most 200 characters",
      lambda m: "название сегмента — не длиннее 200 символов")
_rule(r"there is no saved segment named '(.+)'",
      lambda m: f"сохранённого сегмента «{m[1]}» нет")
_rule(r"the rule refers to segment '(.+)', which is not saved",
      lambda m: f"правило ссылается на сегмент «{m[1]}», а он не сохранён")
_rule(r"segments would refer to each other in a cycle: (.+)",
      lambda m: f"сегменты ссылались бы друг на друга по кругу: {m[1]}")
_rule(r"segment '(.+)' is used by: (.+)",
      lambda m: f"сегмент «{m[1]}» используется в: {m[2]}")
_rule(r"a segment named '(.+)' already exists",
      lambda m: f"сегмент «{m[1]}» уже есть")
_rule(r"there is no contact with e-mail (.+)",
      lambda m: f"контакта с почтой {m[1]} нет")
_rule(r"overlap compares two or three segments",
      lambda m: "сравнивать можно два или три сегмента")
_rule(r"overlap needs different segments", lambda m: "выберите разные сегменты")
_rule(r"cannot write (.+): (.+)", lambda m: f"не удалось записать {m[1]}: {m[2]}")
_rule(r"(.+) took longer than (\d+) s and was stopped; make the rule simpler or try again "
      r"when the database is less busy",
      lambda m: f"{_DOING.get(m[1], m[1]).capitalize()}: дольше {m[2]} с, поэтому "
                "остановлено; упростите правило или попробуйте, когда база будет "
                "менее загружена")


def ru_error(text: str) -> str | None:
    """The Russian of a core's error message, or None when it is not recognised."""
    for pattern, make in _RULES:
        match = pattern.match(text)
        if match is not None:
            return make(match)
    return None


def localized(text: str) -> str:
    """``text`` in the UI's language: its Russian in a Russian UI when there is one."""
    if QLocale().language() != QLocale.Language.Russian:
        return text
    return ru_error(text) or text
