"""Russian for the composer's messages (validator, lint, render), by their stable shapes.

The composer speaks English (logs, scripts, JSON); lint findings carry stable
codes and ``params``. The app in Russian and ``konvert --lang ru template
lint|render`` show the Russian from here. :func:`composer.lint.finding_text` already says some
codes in Russian; the rest are recognised here by the exact English pattern
the core builds, so a new or changed core message shows up untranslated in
``tests/ui_editor/test_russian_everywhere.py`` instead of going unnoticed.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from composer.lint import RU_FINDINGS, Finding, finding_text

FIELDS_RU = {"subject": "тема", "preheader": "прехедер", "text": "текстовая версия"}
FIELDS_EN = {"subject": "subject", "preheader": "preheader", "text": "plain text"}
_WHAT_RU = {"comment": "комментарий", "CDATA section": "раздел CDATA",
            "processing instruction": "инструкция обработки", "declaration": "объявление"}

_Make = Callable[[re.Match[str]], str]
_RULES: list[tuple[re.Pattern[str], _Make]] = []


def _rule(pattern: str) -> Callable[[_Make], _Make]:
    def register(make: _Make) -> _Make:
        _RULES.append((re.compile(pattern, re.DOTALL), make))
        return make
    return register


def _fixed(pattern: str, text: str) -> None:
    _RULES.append((re.compile(re.escape(pattern)), lambda _m: text))


def _need(text: str) -> str:
    """The Russian of a wrapped message; KeyError (the whole is unknown) if there is none."""
    said = ru_message(text)
    if said is None:
        raise KeyError(text)
    return said


# -- lint wrappers: a prefix or suffix around another message ----------------------
_rule(r"column (\d+): (.+)")(lambda m: f"столбец {m[1]}: {_need(m[2])}")
_rule(r"(subject|preheader|text): (.+)")(lambda m: f"{FIELDS_RU[m[1]]}: {_need(m[2])}")
_rule(r"(.+) \(test contact: (.+)\)")(lambda m: f"{_need(m[1])} (тестовый контакт: {m[2]})")

# -- MJML validator (composer/validate.py) -----------------------------------------
_rule(r"<([\w-]+)> opened on line (\d+) is never closed \(</([\w-]+)> on line (\d+) "
      r"closes its parent\)")(
    lambda m: f"<{m[1]}>, открытый в строке {m[2]}, не закрыт "
              f"(</{m[3]}> в строке {m[4]} закрывает его родителя)")
_rule(r"<([\w-]+)> opened on line (\d+) is never closed \((</?[\w-]+>) on line (\d+) "
      r"comes first\)")(
    lambda m: f"<{m[1]}>, открытый в строке {m[2]}, не закрыт "
              f"(раньше идёт {m[3]} в строке {m[4]})")
_rule(r"tag <([\w-]+)> is never closed with '>'")(
    lambda m: f"тег <{m[1]}> не закрыт знаком «>»")
_rule(r"<([\w-]+)> is never closed")(lambda m: f"<{m[1]}> не закрыт")
_rule(r"(comment|CDATA section|processing instruction|declaration) is never closed")(
    lambda m: f"{_WHAT_RU[m[1]]}: нет конца")
_fixed("the document has no <mjml> root element", "в документе нет корневого элемента <mjml>")
_fixed("'<' is not followed by a tag name (write &lt; for a literal '<')",
       "после «<» нет имени тега (чтобы написать сам знак «<», пишите &lt;)")
_fixed("malformed closing tag", "закрывающий тег записан с ошибкой")
_rule(r"closing tag </([\w-]+)> has no matching opening tag")(
    lambda m: f"у закрывающего тега </{m[1]}> нет открывающего")
_rule(r"unexpected character (.+) in a tag")(
    lambda m: f"неожиданный символ {m[1]} внутри тега")
_rule(r"the value of attribute (\S+) has no closing quote")(
    lambda m: f"у значения атрибута {m[1]} нет закрывающей кавычки")
_rule(r"<([\w-]+)> is outside the <mjml> root element")(
    lambda m: f"<{m[1]}> стоит вне корневого элемента <mjml>")
_fixed("a second <mjml> root element", "второй корневой элемент <mjml>")
_rule(r"attribute (\S+) is repeated on <([\w-]+)> \(the last one wins\)")(
    lambda m: f"атрибут {m[1]} у <{m[2]}> повторяется (действует последний)")
_fixed("mj-include is not supported: put the included MJML in the template",
       "mj-include не поддерживается: вставьте подключаемый MJML прямо в шаблон")
_fixed("<mjml> can only be the root element", "<mjml> может быть только корневым элементом")
_rule(r"unknown element <([\w-]+)>: it is not an MJML component")(
    lambda m: f"неизвестный элемент <{m[1]}>: такого компонента MJML нет")
_rule(r"<([\w-]+)> cannot be used inside <([\w-]+)>, only inside: (.+)")(
    lambda m: f"<{m[1]}> нельзя ставить внутрь <{m[2]}>, только внутрь: {m[3]}")
_rule(r"attribute (\S+) of <([\w-]+)> is a legacy MJML attribute")(
    lambda m: f"атрибут {m[1]} у <{m[2]}> устарел в MJML")
_rule(r"attribute (\S+) is not allowed on <([\w-]+)>")(
    lambda m: f"атрибут {m[1]} нельзя использовать у <{m[2]}>")
_rule(r"attribute (\S+=\".*\") of <([\w-]+)> (.+)")(
    lambda m: f"атрибут {m[1]} у <{m[2]}>: {_type_problem(m[3])}")


def _type_problem(text: str) -> str:
    fixed = {"is not a colour": "это не цвет", "only accepts true or false":
             "допустимы только true и false", "only accepts an integer": "нужно целое число"}
    if text in fixed:
        return fixed[text]
    units = re.fullmatch(r"only accepts \((.+)\) units and (.+) value\(s\)", text)
    if units:
        count = units[2].replace(" to ", "–")
        return f"допустимы единицы ({units[1]}), значений: {count}"
    options = re.fullmatch(r"only accepts (.+)", text)
    if options:
        return "допустимо только: " + ", ".join(f"«{o.strip()}»" for o in options[1].split(","))
    return text


# -- lint (composer/lint.py) and render (composer/render.py) -----------------------
_rule(r"(\S+) is not a Konvert variable \(see the variables list\)")(
    lambda m: f"{m[1]} — не переменная Konvert (см. список переменных)")
_rule(r"variable '([^']+)' has no value: give it a fallback, e\.g\. (.+)")(
    lambda m: f"у переменной «{m[1]}» нет значения: задайте запасное, например {m[2]}")
_fixed("the email has no unsubscribe link: add the footer block or a link to "
       "{{ unsubscribe_url }}",
       "в письме нет ссылки для отписки: добавьте блок «Подвал» или ссылку на "
       "{{ unsubscribe_url }}")
_rule(r"<([\w-]+)> links to 'nothing'")(lambda m: f"ссылка <{m[1]}> никуда не ведёт")
_rule(r"<([\w-]+)> links to (.+)")(lambda m: f"ссылка <{m[1]}> ведёт на {m[2]}")
_rule(r"(href|src)=\"(.*)\" of <([\w-]+)> is not an absolute URL \(start it with https://\)")(
    lambda m: f"{m[1]}=\"{m[2]}\" у <{m[3]}> — неполный адрес (начните его с https://)")
_rule(r"(href|src)=\"(.*)\" is not an absolute URL \(start it with https://\)")(
    lambda m: f"{m[1]}=\"{m[2]}\" — неполный адрес (начните его с https://)")
_fixed("an image has no alt text (shown when images are blocked)",
       "у картинки нет alt-текста (его видно, когда картинки отключены)")
_rule(r"the HTML is (\d+) KB; Gmail clips messages over 102 KB")(
    lambda m: f"HTML занимает {m[1]} КБ; Gmail обрезает письма больше 102 КБ")
_rule(r"a link renders empty for a test contact \((.+)\)")(
    lambda m: f"у тестового контакта ссылка получается пустой ({m[1]})")
_fixed("an image renders with no address", "у картинки получается пустой адрес")
_fixed("an image in the HTML has no alt attribute", "у картинки в HTML нет атрибута alt")
_fixed("the subject is empty", "тема пустая")
_rule(r"the subject has (\d+) characters; inboxes show about (\d+) \(mobile 35-40\)")(
    lambda m: f"в теме {m[1]} симв.; во входящих видно около {m[2]} (на телефоне 35–40)")
_fixed("no preheader: inboxes will show the first words of the email instead",
       "нет прехедера: вместо него во входящих покажут первые слова письма")
_rule(r"words spam filters distrust: (.+)")(
    lambda m: f"слова, которым не доверяют спам-фильтры: {m[1]}")
_MJML_ENGINE_RU = {"unexpected end of stream in root template": "разметка обрывается",
                   "unable to parse next template in root template": "разметку не разобрать"}
_rule(r"MJML: MJML could not be rendered: (.+)")(
    lambda m: "MJML не удалось отрисовать: "
              + _MJML_ENGINE_RU.get(m[1].strip(), "в разметке ошибка"))
_rule(r"template failed: (.+)")(lambda m: f"шаблон не отрисовался: {m[1]}")
# Jinja's own syntax messages, the common ones.
_rule(r"Encountered unknown tag '(\w+)'.*")(lambda m: f"неизвестный тег шаблона «{m[1]}»")
_rule(r"Unexpected end of template\. Jinja was looking for the following tags: "
      r"'(\w+)'.*")(lambda m: f"шаблон кончился, а {{% {m[1]} %}} так и нет")
_rule(r"Unexpected end of template.*")(lambda m: "шаблон кончился посреди тега или блока")
_rule(r"unexpected end of template.*")(lambda m: "шаблон кончился посреди тега или блока")
_rule(r"expected token '(.+)', got '(.+)'")(
    lambda m: f"ожидалось «{m[1]}», а встретилось «{m[2]}»")
_rule(r"unexpected '(.+)'")(lambda m: f"неожиданный знак «{m[1]}»")
_rule(r"unexpected char '(.+)' at (\d+)")(
    lambda m: f"неожиданный знак «{m[1]}» (позиция {m[2]})")
_fixed("tag name expected", "ожидалось имя тега шаблона")
_fixed("Expected an expression, got 'end of print statement'", "внутри {{ }} ничего нет")
_rule(r"Expected an expression, got '(.+)'")(
    lambda m: f"ожидалось выражение, а встретилось «{m[1]}»")


def ru_message(text: str) -> str | None:
    """Russian for one English composer message; None if its shape is not known."""
    for pattern, make in _RULES:
        match = pattern.fullmatch(text)
        if match:
            try:
                return make(match)
            except (KeyError, TypeError):  # a wrapped part that is not known
                return None
    return None


def finding_message(finding: Finding, lang: str) -> str:
    """What the lint list shows for ``finding`` in ``lang``.

    Russian: the core's own text for the codes it translates, else the
    catalogue above, else the English message (the walk test lists those).
    """
    if lang != "ru":
        return finding.message
    if finding.code in RU_FINDINGS:
        return finding_text(finding, "ru")
    return ru_message(finding.message) or finding.message


def where_text(finding: Finding, lang: str) -> str:
    """"line 6", "subject" or "" (the field a finding is about, if not the body)."""
    field = str(finding.params.get("field") or "")
    if field:
        return (FIELDS_RU if lang == "ru" else FIELDS_EN).get(field, field)
    if finding.line:
        return f"строка {finding.line}" if lang == "ru" else f"line {finding.line}"
    return ""
