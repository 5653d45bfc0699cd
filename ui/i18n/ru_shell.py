"""Russian texts of the app shell's screens, merged into ``konvert_ru.ts``.

Run after ``pyside6-lupdate`` (see ``ui/language.py``)::

    python -m ui.i18n.ru_shell && pyside6-lrelease ui/i18n/konvert_ru.ts ui/i18n/konvert_en.ts

Only entries of the shell's contexts that are still unfinished are filled;
translations made in Qt Linguist are kept. Other modules may keep their own
file like this one or translate in Linguist.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from pathlib import Path

HERE = Path(__file__).resolve().parent

# (context, source) -> translation; a tuple gives the Russian plural forms
# (one: 1, 21; few: 2-4, 22-24; many: 5-20, 25...).
RU: dict[tuple[str, str], str | tuple[str, str, str]] = {
    ("App", "Konvert"): "Konvert",
    (
        "App",
        "Creating the demo shop for your first start…",
    ): "Создаём демо-магазин для первого знакомства…",
    ("ContactsPage", "Search by email, name or city"): "Поиск по почте, имени или городу",
    ("ContactsPage", "Import…"): "Импорт…",
    ("ContactsPage", "%Ln contact(s) found"): (
        "Найден %Ln контакт",
        "Найдено %Ln контакта",
        "Найдено %Ln контактов",
    ),
    ("ContactsPage", "%Ln contact(s)"): ("%Ln контакт", "%Ln контакта", "%Ln контактов"),
    ("ContactsPage", "No contact matches “{0}”."): "Нет контактов по запросу «{0}».",
    (
        "ContactsPage",
        "No contacts yet.\nImport a CSV or Excel file with your customers "
        "(File → Import…, Ctrl+I).",
    ): "Контактов пока нет.\nИмпортируйте файл CSV или Excel с вашими клиентами "
    "(Файл → Импорт…, Ctrl+I).",
    ("ContactsTableModel", "Email"): "Почта",
    ("ContactsTableModel", "Name"): "Имя",
    ("ContactsTableModel", "City"): "Город",
    ("ContactsTableModel", "Orders"): "Заказы",
    ("ContactsTableModel", "Total spent"): "Сумма покупок",
    ("ContactsTableModel", "Last order"): "Последний заказ",
    ("ContactsTableModel", "Status"): "Статус",
    ("ContactsTableModel", "Subscribed"): "Подписан",
    ("ContactsTableModel", "Unsubscribed"): "Отписан",
    ("ContactsTableModel", "Bounced"): "Адрес недоступен",
    ("ContactsTableModel", "Complained"): "Пожаловался",
    ("FilePage", "Choose a file"): "Выберите файл",
    (
        "FilePage",
        "A CSV file (as saved by Excel, 1C or a CRM) or an Excel workbook.",
    ): "Файл CSV (как его сохраняют Excel, 1С или CRM) или книга Excel.",
    ("FilePage", "File:"): "Файл:",
    ("FilePage", "It holds:"): "Что в нём:",
    ("FilePage", "Browse…"): "Обзор…",
    ("FilePage", "Path to a .csv or .xlsx file"): "Путь к файлу .csv или .xlsx",
    (
        "FilePage",
        "Columns Konvert knows for this kind: {0}.",
    ): "Столбцы, которые Konvert знает для таких данных: {0}.",
    ("FilePage", "Required: {0}."): "Обязательно: {0}.",
    (
        "FilePage",
        "Other columns become custom attributes of the contacts.",
    ): "Остальные столбцы станут дополнительными полями контактов.",
    ("FilePage", "Import file"): "Файл для импорта",
    (
        "FilePage",
        "CSV or Excel files (*.csv *.txt *.tsv *.xlsx);;All files (*)",
    ): "Файлы CSV и Excel (*.csv *.txt *.tsv *.xlsx);;Все файлы (*)",
    ("FormatPage", "Check the file"): "Проверьте файл",
    (
        "FormatPage",
        "Konvert detected how the file is written. Change it if the text looks wrong.",
    ): "Konvert определил, как записан файл. Если текст выглядит неправильно, измените настройки.",
    ("FormatPage", "Encoding:"): "Кодировка:",
    ("FormatPage", "Delimiter:"): "Разделитель:",
    ("FormatPage", "First rows of the file:"): "Первые строки файла:",
    ("FormatPage", "Reading the file…"): "Читаем файл…",
    (
        "FormatPage",
        "Excel workbook: the first sheet is imported.",
    ): "Книга Excel: импортируется первый лист.",
    ("FormatPage", "chosen by you"): "выбрано вами",
    ("FormatPage", "detected"): "определено автоматически",
    (
        "FormatPage",
        "Encoding {0}, delimiter {1} ({2}); {3} columns.",
    ): "Кодировка {0}, разделитель {1} ({2}); столбцов: {3}.",
    ("ImportDialog", "Contacts"): "Контакты",
    ("ImportDialog", "Orders"): "Заказы",
    ("ImportDialog", "Order lines (items)"): "Позиции заказов (товары)",
    ("ImportDialog", "Events (views, carts, opens)"): "События (просмотры, корзины, открытия)",
    ("ImportDialog", "Products (catalogue)"): "Товары (каталог)",
    ("ImportDialog", "Email"): "Почта",
    ("ImportDialog", "First name"): "Имя",
    ("ImportDialog", "Last name"): "Фамилия",
    ("ImportDialog", "Gender"): "Пол",
    ("ImportDialog", "Birth date"): "Дата рождения",
    ("ImportDialog", "City"): "Город",
    ("ImportDialog", "Region"): "Регион",
    ("ImportDialog", "Phone"): "Телефон",
    ("ImportDialog", "Registered"): "Дата регистрации",
    ("ImportDialog", "Acquisition channel"): "Канал привлечения",
    ("ImportDialog", "Payment method"): "Способ оплаты",
    ("ImportDialog", "Device"): "Устройство",
    ("ImportDialog", "Email consent"): "Согласие на рассылку",
    ("ImportDialog", "Status"): "Статус",
    ("ImportDialog", "Order number"): "Номер заказа",
    ("ImportDialog", "Order date"): "Дата заказа",
    ("ImportDialog", "Order total"): "Сумма заказа",
    ("ImportDialog", "Delivery date"): "Дата доставки",
    ("ImportDialog", "SKU"): "Артикул",
    ("ImportDialog", "Category"): "Категория",
    ("ImportDialog", "Price"): "Цена",
    ("ImportDialog", "Quantity"): "Количество",
    ("ImportDialog", "Colour"): "Цвет",
    ("ImportDialog", "Size"): "Размер",
    ("ImportDialog", "Style"): "Стиль",
    ("ImportDialog", "Event type"): "Тип события",
    ("ImportDialog", "Date and time"): "Дата и время",
    ("ImportDialog", "Search query"): "Поисковый запрос",
    ("ImportDialog", "Campaign"): "Кампания",
    ("ImportDialog", "Product name"): "Название товара",
    ("ImportDialog", "Old price"): "Старая цена",
    ("ImportDialog", "Image URL"): "Ссылка на изображение",
    ("ImportDialog", "Product URL"): "Ссылка на товар",
    ("ImportDialog", "Stock"): "Остаток",
    ("ImportDialog", "UTF-8 with BOM"): "UTF-8 с BOM",
    ("ImportDialog", "UTF-16 (Excel “Unicode text”)"): "UTF-16 (Excel «Текст Юникод»)",
    ("ImportDialog", "Excel workbook"): "Книга Excel",
    ("ImportDialog", "Semicolon ( ; )"): "Точка с запятой ( ; )",
    ("ImportDialog", "Comma ( , )"): "Запятая ( , )",
    ("ImportDialog", "Tab"): "Табуляция",
    ("ImportDialog", "Vertical bar ( | )"): "Вертикальная черта ( | )",
    ("ImportDialog", "Import data"): "Импорт данных",
    ("MainWindow", "Konvert"): "Konvert",
    ("MainWindow", "&File"): "&Файл",
    ("MainWindow", "&Go"): "П&ереход",
    ("MainWindow", "&Language"): "&Язык",
    ("MainWindow", "&Import…"): "&Импорт…",
    ("MainWindow", "&Find contacts"): "&Найти контакты",
    ("MainWindow", "&Quit"): "В&ыход",
    ("MainWindow", "Workspace: {0}"): "База: {0}",
    ("MainWindow", "%Ln contact(s)"): ("%Ln контакт", "%Ln контакта", "%Ln контактов"),
    ("MappingPage", "Skip this column"): "Не импортировать",
    ("MappingPage", "Custom attribute “{0}”"): "Доп. поле «{0}»",
    ("MappingPage", "Match the columns"): "Сопоставьте столбцы",
    (
        "MappingPage",
        "Choose what each column of the file is. Recognised columns are matched.",
    ): "Укажите, что содержит каждый столбец файла. Узнанные столбцы уже сопоставлены.",
    ("MappingPage", "Import"): "Импортировать",
    ("MappingPage", "Column in the file"): "Столбец в файле",
    ("MappingPage", "Example"): "Пример",
    ("MappingPage", "Import as"): "Импортировать как",
    ("MappingPage", "Choose a column for: {0}."): "Выберите столбец для: {0}.",
    (
        "MappingPage",
        "Each column can be chosen once: {0}.",
    ): "Каждое поле можно выбрать только один раз: {0}.",
    ("Pages", "Contacts"): "Контакты",
    ("Pages", "Segments"): "Сегменты",
    ("Pages", "Templates"): "Шаблоны",
    ("Pages", "Campaigns"): "Кампании",
    ("Pages", "Export history"): "История экспорта",
    (
        "Pages",
        "Everyone in the workspace: customers and subscribers.",
    ): "Все, кто есть в базе: покупатели и подписчики.",
    (
        "Pages",
        "Groups of contacts defined by rules, counted live.",
    ): "Группы контактов по правилам, с подсчётом на лету.",
    (
        "Pages",
        "Emails of the lifecycle scenarios and your own.",
    ): "Письма сценариев жизненного цикла и ваши собственные.",
    (
        "Pages",
        "A template, a segment and A/B subject variants.",
    ): "Шаблон, сегмент и A/B-варианты темы письма.",
    (
        "Pages",
        "Every export to files and email services, with its result.",
    ): "Все выгрузки в файлы и сервисы рассылок и их результат.",
    (
        "Pages",
        "The visual segment builder opens here: groups of conditions joined by AND / OR, "
        "a live count of matching contacts and a sample of members. "
        "Saved segments are listed below.",
    ): "Здесь откроется визуальный конструктор сегментов: группы условий через И / ИЛИ, "
    "подсчёт подходящих контактов на лету и примеры участников. "
    "Ниже — сохранённые сегменты.",
    ("Pages", "Segment"): "Сегмент",
    ("Pages", "Changed"): "Изменён",
    (
        "Pages",
        "No saved segments yet. Segments can be saved from the command line "
        "(konvert segment save) until the builder is here.",
    ): "Сохранённых сегментов пока нет. До появления конструктора сегменты можно сохранять "
    "из командной строки (konvert segment save).",
    (
        "Pages",
        "The template editor opens here: emails built from blocks, a brand kit, "
        "personalisation with fallbacks and a live desktop and mobile preview.",
    ): "Здесь откроется редактор шаблонов: письма из блоков, фирменный стиль, "
    "персонализация с запасными значениями и живой предпросмотр для компьютера и телефона.",
    ("Pages", "Template"): "Шаблон",
    ("Pages", "Scenario"): "Сценарий",
    ("Pages", "Subject"): "Тема",
    ("Pages", "No templates in this workspace yet."): "В этой базе пока нет шаблонов.",
    (
        "Pages",
        "Campaigns open here: one template, one segment, two or more subject variants "
        "and the split into test groups, with results pulled back from the email service.",
    ): "Здесь откроются кампании: один шаблон, один сегмент, два и более вариантов темы "
    "и разбиение на тестовые группы, с результатами из сервиса рассылок.",
    ("Pages", "Campaign"): "Кампания",
    ("Pages", "Created"): "Создана",
    ("Pages", "No campaigns yet."): "Кампаний пока нет.",
    (
        "Pages",
        "Every export is logged here: what was exported, where to, when, and the result. "
        "A failed export can be retried without duplicating what already went through.",
    ): "Здесь записана каждая выгрузка: что, куда, когда и с каким результатом. "
    "Неудачную выгрузку можно повторить, не дублируя то, что уже прошло.",
    ("Pages", "When"): "Когда",
    ("Pages", "Where"): "Куда",
    ("Pages", "What"): "Что",
    ("Pages", "Result"): "Результат",
    ("Pages", "Nothing has been exported yet."): "Выгрузок пока не было.",
    ("Pages", "Welcome"): "Приветственная серия",
    ("Pages", "Abandoned cart"): "Брошенная корзина",
    ("Pages", "Reactivation"): "Реактивация",
    ("Pages", "Post-purchase"): "После покупки",
    ("Pages", "Birthday"): "День рождения",
    ("ResultPage", "Report saved to {0}"): "Отчёт сохранён: {0}",
    ("ResultPage", "Import finished"): "Импорт завершён",
    ("ResultPage", "What happened to each row of the file."): "Что стало с каждой строкой файла.",
    ("ResultPage", "new"): "новых",
    ("ResultPage", "updated"): "обновлено",
    ("ResultPage", "unchanged"): "без изменений",
    ("ResultPage", "rejected"): "отклонено",
    ("ResultPage", "Save report…"): "Сохранить отчёт…",
    ("ResultPage", "Line"): "Строка",
    ("ResultPage", "Reason"): "Причина",
    (
        "ResultPage",
        "Rejected rows (line numbers as in the file; line 1 is the header):",
    ): "Отклонённые строки (номера как в файле; строка 1 — заголовок):",
    ("ResultPage", "Every row was accepted."): "Все строки приняты.",
    ("ResultPage", "Save report"): "Сохранить отчёт",
    ("ResultPage", "CSV file (*.csv)"): "Файл CSV (*.csv)",
    ("ResultPage", "Cannot save the report: {0}"): "Не удалось сохранить отчёт: {0}",
    (
        "RunPage",
        "Importing {0}… Nothing changes in the workspace until it is done.",
    ): "Импортируем {0}… Пока импорт не закончится, в базе ничего не меняется.",
    ("RunPage", "Cancelling…"): "Отменяем…",
    ("RunPage", "Importing"): "Импорт",
    (
        "RunPage",
        "Every row is checked; rejected rows are listed at the end.",
    ): "Каждая строка проверяется; отклонённые строки будут показаны в конце.",
    ("RunPage", "Cancel import"): "Отменить импорт",
    ("RunPage", "Import cancelled. Nothing was changed."): "Импорт отменён. Ничего не изменилось.",
    ("RunPage", "The file was not imported: {0}"): "Файл не импортирован: {0}",
    (
        "RunPage",
        "Nothing was changed. Close this window, fix the file and try again.",
    ): "Ничего не изменилось. Закройте окно, исправьте файл и попробуйте снова.",
    ("Task", "Unexpected error: {0}"): "Непредвиденная ошибка: {0}",
}

# English plural forms (the source strings say "contact(s)").
EN: dict[tuple[str, str], tuple[str, str]] = {
    ("ContactsPage", "%Ln contact(s) found"): ("%Ln contact found", "%Ln contacts found"),
    ("ContactsPage", "%Ln contact(s)"): ("%Ln contact", "%Ln contacts"),
    ("MainWindow", "%Ln contact(s)"): ("%Ln contact", "%Ln contacts"),
}


def fill(ts_path: Path, texts: Mapping[tuple[str, str], str | tuple[str, ...]]) -> list[str]:
    """Fill unfinished entries of ``ts_path`` from ``texts``; return what is still missing."""
    tree = ET.parse(ts_path)
    missing = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None or translation.get("type") != "unfinished":
                continue  # finished (or obsolete) entries are kept as they are
            text = texts.get((name, source))
            if text is None:
                if translation.get("type") == "unfinished":
                    missing.append(f"{name}: {source}")
                continue
            translation.attrib.pop("type", None)
            for child in list(translation):
                translation.remove(child)
            if isinstance(text, tuple):
                translation.text = None
                for form in text:
                    ET.SubElement(translation, "numerusform").text = form
            else:
                translation.text = text
    ET.indent(tree, space="    ")
    with ts_path.open("wb") as handle:
        handle.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(handle, encoding="utf-8", xml_declaration=False)
    return missing


def main() -> int:
    """Fill both translation files; exit 1 if shell texts are missing."""
    missing = fill(HERE / "konvert_ru.ts", RU)
    fill(HERE / "konvert_en.ts", EN)
    for entry in missing:
        sys.stderr.write(f"untranslated: {entry}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
