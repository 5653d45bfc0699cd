"""Russian texts of the Export page, merged into ``ui/i18n/export_ru.ts``.

After changing the page's strings::

    pyside6-lupdate ui/export/*.py -no-obsolete -target-language ru_RU \\
        -ts ui/i18n/export_ru.ts
    python -m ui.export.ru && pyside6-lrelease ui/i18n/export_ru.ts

The page's new title and subtitle (context ``Pages``, in ``ui/pages.py``) are
added to the same file, so the shell's translation file stays untouched.
Messages from the exporters themselves come in Russian from ``esp.words``.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET

from ui.i18n.ru_shell import HERE, fill

TS = HERE / "export_ru.ts"

_PAGE = {
    "Preparing {0}…": "Готовим «{0}»…",
    "Cancelling after the current request…": "Останавливаемся после текущего запроса…",
    "No campaigns yet: create one on the Campaigns page.":
        "Кампаний пока нет: создайте её на странице «Кампании».",
    "Checking the campaign for {0}…": "Проверяем кампанию для {0}…",
    "Remainder (winner {0})": "Остаток (победитель {0})",
    "Remainder": "Остаток",
    "Variant {0}": "Вариант {0}",
    "{0} object(s) already created at {1} by an earlier export: exporting again resumes and "
    "creates nothing twice.": "Уже создано в {1} прошлой выгрузкой объектов: {0}. Повторная "
    "выгрузка продолжит с места остановки и ничего не создаст дважды.",
    "Exported to {1}: {0} object(s) recorded. Exporting again creates nothing.":
        "Выгружено в {1}: записано объектов — {0}. Повторная выгрузка ничего не создаст.",
    "The remainder gets the winner later: choose it on the Campaigns page, then export with "
    "“Winner to the remainder”.": "Остаток получит победителя позже: выберите его на странице "
    "«Кампании» и выгрузите с отметкой «Победителя — остатку».",
    "✗ Cannot be exported as it is:": "✗ В таком виде выгрузить нельзя:",
    "✓ Can be exported, with remarks:": "✓ Можно выгрузить, с замечаниями:",
    "✓ Everything in the template can be expressed.": "✓ Всё в шаблоне переводится.",
    "Variables:": "Переменные:",
    "done": "готово",
    "failed": "ошибка",
    "cancelled": "отменено",
    "running or interrupted": "идёт или прервано",
    "dry run": "пробный запуск",
    "nothing new": "ничего нового",
    "lists: {0}": "списков: {0}",
    "contact batches: {0}": "пакетов контактов: {0}",
    "messages: {0}": "писем: {0}",
    "campaigns: {0}": "рассылок: {0}",
    "templates: {0}": "шаблонов: {0}",
    "send batches: {0}": "пакетов отправки: {0}",
    "Created:": "Создано:",
    "… and {0} more": "… и ещё {0}",
    "Dry run: {0} request(s) would be made; nothing was sent.":
        "Пробный запуск: запросов было бы сделано — {0}; ничего не отправлено.",
    "Done: {0} object(s) created.": "Готово: создано объектов — {0}.",
    "Everything was already done: nothing created.": "Всё уже было сделано: ничего не создано.",
    "Campaign ids: {0}": "id рассылок: {0}",
    "Cancelled. What was created is recorded: export again to continue.":
        "Отменено. Созданное записано: выгрузите снова, чтобы продолжить.",
    "Campaign": "Кампания",
    "Send to": "Куда",
    "Winner to the remainder": "Победителя — остатку",
    "Send the chosen winner to the rest of the segment (after the test)":
        "Отправить выбранного победителя остальной части сегмента (после теста)",
    "API address": "Адрес API",
    "the service's own address (change only for a test server, e.g. http://127.0.0.1:8080)":
        "собственный адрес сервиса (меняйте только для тестового сервера, "
        "например http://127.0.0.1:8080)",
    "Dry run": "Пробный запуск",
    "List every request without sending anything": "Показать все запросы, ничего не отправляя",
    "Export": "Выгрузить",
    "Cancel": "Отменить",
    "Pull results": "Забрать результаты",
    "Read opens and clicks of each variant from Unisender into the campaign's results":
        "Забрать открытия и клики каждого варианта из Unisender в результаты кампании",
    "Pulling the results of {0} from Unisender…": "Забираем результаты «{0}» из Unisender…",
    "{0}: delivered {1}, opened {2} ({3}), clicked {4} ({5})":
        "{0}: доставлено {1}, открыли {2} ({3}), кликнули {4} ({5})",
    "Results stored in the campaign: see them on the Campaigns page.":
        "Результаты сохранены в кампании: смотрите их на странице «Кампании».",
    "Groups": "Группы",
    "Group": "Группа",
    "Contacts": "Контакты",
    "Subject": "Тема",
    "Translation report": "Отчёт о переводе",
    "Progress": "Ход выгрузки",
    "Export history": "История выгрузок",
    "When": "Когда",
    "Where": "Куда",
    "Result": "Итог",
    "Created": "Создано",
    "Nothing has been exported yet.": "Пока ничего не выгружали.",
    "Choose a campaign and where to send it, then Export. Cancel stops safely: exporting "
    "again resumes.": "Выберите кампанию и куда её отправить, затем «Выгрузить». «Отменить» "
    "останавливает безопасно: повторная выгрузка продолжит с места остановки.",
}
_PAGES = {
    "Export": "Выгрузка",
    "Send a campaign to Unisender and see what every export created.":
        "Отправка кампании в Unisender и что создала каждая выгрузка.",
}

RU: dict[tuple[str, str], str | tuple[str, ...]] = {}
for _context, _texts in (("ExportPage", _PAGE), ("Pages", _PAGES)):
    for _source, _text in _texts.items():
        RU[(_context, _source)] = _text


def _ensure_pages_context() -> None:
    """Add the ``Pages`` entries of the page's title (lupdate sees only ui/export)."""
    tree = ET.parse(TS)
    root = tree.getroot()
    context = next((c for c in root.iter("context") if c.findtext("name") == "Pages"), None)
    if context is None:
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = "Pages"
    have = {m.findtext("source") for m in context.iter("message")}
    for source in _PAGES:
        if source not in have:
            message = ET.SubElement(context, "message")
            ET.SubElement(message, "source").text = source
            ET.SubElement(message, "translation", {"type": "unfinished"})
    with TS.open("wb") as handle:
        handle.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(handle, encoding="utf-8", xml_declaration=False)


def main() -> int:
    """Fill ``export_ru.ts``; list what is still untranslated (exit 1 if anything)."""
    _ensure_pages_context()
    missing = fill(TS, RU)
    for entry in missing:
        sys.stderr.write(f"untranslated: {entry}\n")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
