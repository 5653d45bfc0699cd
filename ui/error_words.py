"""Russian for the plain-words errors of the cores that reach a window, by their shapes.

The cores raise :class:`kerrors.KonvertError` with English text (the command
line speaks English unless ``--lang ru``). A window in Russian shows the
Russian of a message recognised here; an unknown one stays as the core said
it. ``tests/ui_segments/test_error_words.py`` raises each segments error and
checks that it is recognised (``tests/ui_campaigns/test_error_words.py`` the
campaigns ones), so a changed message does not slip by.
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


# -- campaigns (campaigns/store.py, results_file.py, stats.py) ---------------------------
_PART = {"subject": "теме", "preheader": "прехедере"}
_METRIC = {"opens": "открытий", "clicks": "кликов", "conversions": "покупок"}


def _template_problem(text: str) -> str:
    from composer.words_ru import ru_message  # Jinja's own messages, by shape

    inner = text.removeprefix("template error: ")
    return "ошибка шаблона: " + (ru_message(inner) or inner)


_rule(r"a campaign needs a name", lambda m: "у кампании должно быть название")
_rule(r"a campaign name must be at most 200 characters",
      lambda m: "название кампании — не длиннее 200 символов")
_rule(r"a campaign called '(.+)' already exists", lambda m: f"кампания «{m[1]}» уже есть")
_rule(r"there is no campaign called '(.+)' \(see `campaign list`\)",
      lambda m: f"кампании «{m[1]}» нет")
_rule(r"the subject of variant (\w) is empty", lambda m: f"тема варианта {m[1]} пуста")
_rule(r"the (subject|preheader) of variant (\w) is over 500 characters",
      lambda m: f"{'тема' if m[1] == 'subject' else 'прехедер'} варианта {m[2]} длиннее "
                "500 символов")
_rule(r"the (subject|preheader) of variant (\w): (.+)",
      lambda m: f"в {_PART[m[1]]} варианта {m[2]} {_template_problem(m[3])}")
_rule(r"variants (\w) and (\w) are the same: each variant needs its own subject or preheader",
      lambda m: f"варианты {m[1]} и {m[2]} одинаковы: у каждого варианта должна быть своя "
                "тема или прехедер")
_rule(r"a campaign needs (\d+) to (\d+) subject variants, not (\d+)",
      lambda m: f"в кампании должно быть от {m[1]} до {m[2]} вариантов темы, а не {m[3]}")
_rule(r"there is no saved segment or ready-made segment called '(.+)' \(see `segment list`\)",
      lambda m: f"сохранённого или готового сегмента «{m[1]}» нет")
_rule(r"the segment has (\d+) sendable contacts?, fewer than the (\d+) variants: choose a "
      r"larger segment",
      lambda m: f"контактов, которым можно написать, в сегменте {m[1]} — меньше, чем "
                f"вариантов ({m[2]}): выберите сегмент побольше")
_rule(r"with these shares group (.+) would be empty \((\d+) sendable contacts\): give the "
      r"test groups larger shares",
      lambda m: f"при такой разбивке группа {m[1]} будет пустой (контактов, которым можно "
                f"написать: {m[2]}): дайте тестовым группам доли побольше")
_rule(r"every variant needs a share above 0 %",
      lambda m: "у каждого варианта доля должна быть больше 0 %")
_rule(r"the shares add up to (.+) %, more than 100 %",
      lambda m: f"доли в сумме {m[1]} % — больше 100 %")
_rule(r"the shares must add up to 100 %, not (.+) %",
      lambda m: f"доли должны давать в сумме 100 %, а не {m[1]} %")
_rule(r"campaign '(.+)' was exported: its template, segment, variants and split are frozen "
      r"\(make a copy to change them\)",
      lambda m: f"кампания «{m[1]}» уже выгружена: шаблон, сегмент, варианты и разбивка "
                "зафиксированы (чтобы изменить, сделайте копию)")
_rule(r"campaign '(.+)' has no winner yet", lambda m: f"у кампании «{m[1]}» ещё нет победителя")
_rule(r"campaign '(.+)' has no variant '(\w+)'",
      lambda m: f"в кампании «{m[1]}» нет варианта «{m[2]}»")
_rule(r"unknown variant '(\w+)': this campaign has (.+)",
      lambda m: f"неизвестный вариант «{m[1]}»: в этой кампании есть {m[2]}")
_rule(r"variant '(\w+)' is given twice", lambda m: f"вариант «{m[1]}» указан дважды")
_rule(r"variant (\w+): (opens|clicks|conversions) \((\d+)\) is more than sent \((\d+)\)",
      lambda m: f"вариант {m[1]}: {_METRIC[m[2]]} ({m[3]}) больше, чем отправлено ({m[4]})")
_rule(r"(.+), line (\d+): (\w+) is empty",
      lambda m: f"{m[1]}, строка {m[2]}: столбец {m[3]} пуст")
_rule(r"(.+), line (\d+): (\w+) must be a whole number, not (.+)",
      lambda m: f"{m[1]}, строка {m[2]}: в столбце {m[3]} должно быть целое число, а не {m[4]}")
_rule(r"(.+), line (\d+): (\w+) cannot be negative",
      lambda m: f"{m[1]}, строка {m[2]}: {m[3]} не может быть отрицательным")
_rule(r"(.+), line (\d+): missing columns? (.+) \(expected (.+)\)",
      lambda m: f"{m[1]}, строка {m[2]}: нет столбцов {m[3]} (нужны {m[4]})")
_rule(r"(.+): the file is empty", lambda m: f"{m[1]}: файл пуст")
_rule(r"(.+): a results file is at most 10 MB",
      lambda m: f"{m[1]}: файл результатов — не больше 10 МБ")
_rule(r"cannot read (.+): (.+)", lambda m: f"не удалось прочитать {m[1]}: {m[2]}")

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
