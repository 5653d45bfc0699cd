"""Russian texts of the template editor (``ui/editor``), merged into ``editor_ru.ts``.

Run after ``pyside6-lupdate``::

    pyside6-lupdate ui/editor/*.py -no-obsolete -target-language ru_RU \
        -ts ui/i18n/editor_ru.ts
    pyside6-lupdate ui/editor/*.py -no-obsolete -target-language en_US -pluralonly \
        -ts ui/i18n/editor_en.ts
    python -m ui.i18n.ru_editor && pyside6-lrelease ui/i18n/editor_ru.ts ui/i18n/editor_en.ts
"""

from __future__ import annotations

import sys

from ui.i18n.ru_shell import HERE, fill

_P = "BlockPropertiesPanel"
_B = "BlocksPane"
_S = "ScenarioTimeline"
_E = "TemplateEditor"
_L = "LivePreviewPane"

RU: dict[tuple[str, str], str | tuple[str, str, str]] = {
    (_P, "Text"): "Текст",
    (_P, "Text (b, i, a, br allowed)"): "Текст (можно b, i, a, br)",
    (_P, "Alignment"): "Выравнивание",
    (_P, "Link"): "Ссылка",
    (_P, "Logo address"): "Адрес логотипа",
    (_P, "Image address"): "Адрес картинки",
    (_P, "Alt text"): "Текст вместо картинки",
    (_P, "Width, px"): "Ширина, px",
    (_P, "Level (1 title, 2 section)"): "Уровень (1 — заголовок, 2 — раздел)",
    (_P, "Button text"): "Текст кнопки",
    (_P, "Text for an empty cart"): "Текст для пустой корзины",
    (_P, "Show the delivery date"): "Показывать дату доставки",
    (_P, "Title"): "Заголовок",
    (_P, "Code"): "Код",
    (_P, "Note"): "Примечание",
    (_P, "Products from (variable)"): "Товары из (переменная)",
    (_P, "Columns"): "Колонок",
    (_P, "At most"): "Не больше",
    (_P, "Height, px"): "Высота, px",
    (_P, "Unsubscribe link text"): "Текст ссылки отписки",
    (_P, "Select a block to edit its content."): "Выберите блок, чтобы изменить его.",
    (_B, "Header with logo"): "Шапка с логотипом",
    (_B, "Hero image"): "Главное изображение",
    (_B, "Heading"): "Заголовок",
    (_B, "Text"): "Текст",
    (_B, "Button"): "Кнопка",
    (_B, "Product card"): "Карточка товара",
    (_B, "Product grid"): "Сетка товаров",
    (_B, "Cart items"): "Товары в корзине",
    (_B, "Order summary"): "Состав заказа",
    (_B, "Promo code"): "Промокод",
    (_B, "Divider"): "Разделитель",
    (_B, "Spacer"): "Отступ",
    (_B, "Social links"): "Соцсети",
    (_B, "Footer with unsubscribe link"): "Подвал с отпиской",
    (_B, "Add block"): "Добавить блок",
    (_B, "Up"): "Выше",
    (_B, "Down"): "Ниже",
    (_B, "Delete"): "Удалить",
    (_B, "Move the block up"): "Переместить блок выше",
    (_B, "Move the block down"): "Переместить блок ниже",
    (_S, "Welcome series"): "Приветственная серия",
    (_S, "Abandoned cart"): "Брошенная корзина",
    (_S, "Reactivation (“we missed you”)"): "Реактивация («мы скучали»)",
    (_S, "Post-purchase"): "После покупки",
    (_S, "Birthday"): "День рождения",
    (_S, "placed an order (the first-order promo is used)"):
        "оформил заказ (промокод на первый заказ использован)",
    (_S, "placed an order or emptied the cart"): "оформил заказ или очистил корзину",
    (_S, "placed an order; after the last email the contact is “cold”"):
        "оформил заказ; после последнего письма контакт становится «холодным»",
    (_S, "order cancelled or returned"): "заказ отменён или возвращён",
    (_S, "one email, no chain"): "одно письмо, без цепочки",
    (_S, "at once"): "сразу",
    (_S, "right after the previous one"): "сразу после предыдущего",
    (_S, "%n day(s)"): ("%n день", "%n дня", "%n дней"),
    (_S, "%n hour(s)"): ("%n час", "%n часа", "%n часов"),
    (_S, "{0} after the trigger"): "через {0} после события",
    (_S, "{0} after the previous email"): "через {0} после предыдущего письма",
    (_S, "hour {0}"): "час {0}",
    (_S, "day {0}"): "день {0}",
    (_S, "Open in the editor"): "Открыть в редакторе",
    (_S, "<b>Exit</b><br>The contact leaves the series when: {0}"):
        "<b>Выход</b><br>Контакт выходит из серии, если: {0}",
    (_S, "%n email(s), the last on {0}. Review the series as one unit; open any step to "
         "edit it."): (
        "%n письмо, последнее — {0}. Проверяйте серию целиком; любой шаг открывается "
        "в редакторе.",
        "%n письма, последнее — {0}. Проверяйте серию целиком; любой шаг открывается "
        "в редакторе.",
        "%n писем, последнее — {0}. Проверяйте серию целиком; любой шаг открывается "
        "в редакторе."),
    (_S, "Export review bundle…"): "Выгрузить пакет на согласование…",
    ("ContactSwitcher", "Render the preview for another contact: sample contacts with empty "
                        "fields, long names and big carts, or your own"):
        "Показать письмо для другого получателя: примеры с пустыми полями, длинными именами "
        "и большими корзинами или ваши контакты",
    ("EmailActions", "Where to put the review bundle"): "Куда сохранить пакет на согласование",
    ("EmailActions", "Review bundle"): "Пакет на согласование",
    ("EmailActions", "Rendering the emails, screenshots and PDF…"):
        "Готовим письма, скриншоты и PDF…",
    ("EmailActions", "Cancel"): "Отмена",
    ("EmailActions", "Review bundle written: {0}"): "Пакет на согласование сохранён: {0}",
    ("EmailActions", "Test email written to {0} and opened in your mail app."):
        "Тестовое письмо сохранено в {0} и открыто в почтовой программе.",
    ("InboxPreviewPane", "Subject"): "Тема",
    ("InboxPreviewPane", "Variant {0}"): "Вариант {0}",
    ("InboxPreviewPane", "Variant A"): "Вариант A",
    ("InboxPreviewPane", "subject cut"): "тема обрезана",
    ("InboxPreviewPane", "preheader cut"): "прехедер обрезан",
    ("InboxPreviewPane", "As inbox lists show it (usual truncation: Gmail on a desktop, "
                         "iPhone Mail on a phone)."):
        "Как письмо выглядит в списке входящих (обычная обрезка: Gmail на компьютере, "
        "Почта iPhone на телефоне).",
    ("InboxPreviewPane", "A/B subject variants, one per line:"):
        "Варианты темы для A/B-теста, по одному в строке:",
    ("InboxPreviewPane", "Desktop"): "Компьютер",
    ("InboxPreviewPane", "Phone"): "Телефон",
    ("LintListPane", "line {0}"): "строка {0}",
    ("LintListPane", "Click to go to the line"): "Нажмите, чтобы перейти к строке",
    ("LintListPane", "Checking…"): "Проверяем…",
    ("LintListPane", "✓ No problems found."): "✓ Проблем не найдено.",
    ("LintListPane", "Errors: {0}, warnings: {1}. Errors block the export."):
        "Ошибок: {0}, предупреждений: {1}. С ошибками выгрузка невозможна.",
    (_L, "Line {0}: {1}"): "Строка {0}: {1}",
    (_L, "The last good version is shown below."): "Ниже — последний удачный вариант.",
    (_L, "Click to go to the line"): "Нажмите, чтобы перейти к строке",
    (_L, "Desktop + phone"): "Компьютер + телефон",
    (_L, "Desktop"): "Компьютер",
    (_L, "Phone"): "Телефон",
    (_L, "Light"): "Светлая тема",
    (_L, "Dark (prefers-color-scheme)"): "Тёмная (prefers-color-scheme)",
    (_L, "Dark (forced inversion)"): "Тёмная (принудительная инверсия)",
    (_L, "Mail clients differ; every mode is an approximation."):
        "Почтовые программы различаются; каждый режим — приближение.",
    (_L, "Images off"): "Без картинок",
    (_L, "Many clients start with images blocked: alt texts are shown instead."):
        "Многие почтовые программы сначала не показывают картинки: вместо них виден "
        "альтернативный текст.",
    (_L, "Phone screen width"): "Ширина экрана телефона",
    (_L, "Light mode."): "Светлая тема.",
    (_L, "Approximation of Apple Mail and Outlook for Mac/iOS: they apply the email's own "
         "dark styles (prefers-color-scheme); without them the email is shown as designed."):
        "Приближение Apple Mail и Outlook для Mac/iOS: они применяют собственные тёмные стили "
        "письма (prefers-color-scheme); без них письмо показывается как задумано.",
    (_L, "Approximation of the Gmail and Outlook apps: they invert light backgrounds and dark "
         "text; pictures stay as they are."):
        "Приближение приложений Gmail и Outlook: светлый фон и тёмный текст инвертируются, "
        "картинки остаются как есть.",
    (_L, "Desktop, 600 px email"): "Компьютер, письмо 600 px",
    (_L, "Phone, {0} px"): "Телефон, {0} px",
    (_E, "From"): "Отправитель",
    (_E, "Subject"): "Тема",
    (_E, "Preheader"): "Прехедер",
    (_E, "The grey line after the subject in the inbox list"):
        "Серая строка после темы в списке входящих",
    (_E, "Undo"): "Отменить",
    (_E, "Redo"): "Повторить",
    (_E, "Undo (Ctrl+Z)"): "Отменить (Ctrl+Z)",
    (_E, "Redo (Ctrl+Shift+Z)"): "Повторить (Ctrl+Shift+Z)",
    (_E, "Preview for:"): "Письмо для:",
    (_E, "Send test to myself"): "Тест себе",
    (_E, "Writes the email as an .eml file and opens it in your mail app"):
        "Сохраняет письмо в файл .eml и открывает его в почтовой программе",
    (_E, "Export review bundle…"): "На согласование…",
    (_E, "A folder and ZIP that open in any browser: every contact, desktop and phone, "
         "screenshots and a PDF"):
        "Папка и ZIP, которые открываются в любом браузере: все получатели, компьютер "
        "и телефон, скриншоты и PDF",
    (_E, "Blocks"): "Блоки",
    (_E, "MJML code"): "Код MJML",
    (_E, "Inbox view"): "Во входящих",
    (_E, "Checks before export"): "Проверки перед выгрузкой",
    (_E, "Edit as code"): "Править как код",
    (_E, "Recovered unsaved changes from {0} (the app was closed before they were saved). "
         "They are kept; discard them to go back to the saved version."):
        "Восстановлены несохранённые изменения от {0} (программа закрылась до сохранения). "
        "Они оставлены; отмените их, чтобы вернуться к сохранённой версии.",
    (_E, "Discard recovered changes"): "Отменить восстановленное",
    (_E, "MJML with Jinja variables. Undo returns to the blocks if you switched from them."):
        "MJML с переменными Jinja. Если письмо было из блоков, «Отменить» вернёт блоки.",
    (_E, "The MJML the blocks make (read only). “Edit as code” turns the email into code."):
        "MJML, который получается из блоков (только чтение). «Править как код» превращает "
        "письмо в код.",
    (_E, "Series: {0}"): "Серия: {0}",
    (_E, "⚠ Not saved: {0}"): "⚠ Не сохранено: {0}",
    (_E, "Unsaved changes (saved automatically)"): "Есть изменения (сохранятся сами)",
    (_E, "All changes saved"): "Все изменения сохранены",
    ("EmailActions", "Send test to myself"): "Тест себе",
    ("EmailActions", "Your email address (the test email is addressed to it):"):
        "Ваш адрес почты (тестовое письмо будет адресовано ему):",
    ("TemplatesPage", "Own templates"): "Свои шаблоны",
    ("TemplatesPage", "Loading the templates…"): "Загружаем шаблоны…",
    ("VariablePicker", "Insert variable"): "Вставить переменную",
    ("VariablePicker", "Insert a personalization variable with its fallback at the cursor"):
        "Вставить переменную персонализации с запасным значением в место курсора",
    ("VariablePicker", "{0}, or: {1}"): "{0}, иначе: {1}",
}

EN: dict[tuple[str, str], tuple[str, str]] = {
    (_S, "%n day(s)"): ("%n day", "%n days"),
    (_S, "%n hour(s)"): ("%n hour", "%n hours"),
    (_S, "%n email(s), the last on {0}. Review the series as one unit; open any step to "
         "edit it."): (
        "%n email, the last on {0}. Review the series as one unit; open any step to edit it.",
        "%n emails, the last on {0}. Review the series as one unit; open any step to "
        "edit it."),
}


def main() -> int:
    """Fill both translation files; report what is still missing on stderr."""
    missing = fill(HERE / "editor_ru.ts", RU)
    fill(HERE / "editor_en.ts", EN)
    for entry in missing:
        sys.stderr.write(f"untranslated: {entry}\n")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
