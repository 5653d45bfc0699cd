"""Russian texts of the workspace settings dialog, merged into ``settings_ru.ts``.

Run after changing the dialog's strings::

    pyside6-lupdate ui/settings/*.py -no-obsolete -target-language ru_RU \
        -ts ui/i18n/settings_ru.ts
    pyside6-lupdate ui/settings/*.py -no-obsolete -target-language en_US -pluralonly \
        -ts ui/i18n/settings_en.ts
    python -m ui.i18n.ru_settings && pyside6-lrelease ui/i18n/settings_ru.ts ui/i18n/settings_en.ts
"""

from __future__ import annotations

import sys

from ui.i18n.ru_shell import HERE, fill

_D = "SettingsDialog"
_P = "BrandPreview"

RU: dict[tuple[str, str], str | tuple[str, str, str]] = {
    (_P, "New autumn collection"): "Новая осенняя коллекция",
    (_P, "Hello, Anna! Warm coats and knitwear have arrived. Pick yours before the sizes "
         "run out."):
        "Здравствуйте, Анна! Приехали тёплые пальто и трикотаж. Выберите своё, пока есть "
        "размеры.",
    (_P, "Go to the shop"): "В магазин",
    (_P, "Product link and price: 4 990 ₽"): "Ссылка на товар и цена: 4 990 ₽",
    (_D, "Workspace &settings…"): "Н&астройки рабочей области…",
    (_D, "Loading the settings…"): "Загружаем настройки…",
    (_D, "Workspace settings"): "Настройки рабочей области",
    (_D, "&Brand kit"): "&Фирменный стиль",
    (_D, "&Lifecycle"): "&Жизненный цикл",
    (_D, "&Apply"): "Пр&именить",
    (_D, "OK"): "ОК",
    (_D, "Cancel"): "Отмена",
    (_D, "Shop &name"): "&Название магазина",
    (_D, "Sen&der name"): "Имя отп&равителя",
    (_D, "Shop &website"): "&Сайт магазина",
    (_D, "L&ogo address"): "Адрес &логотипа",
    (_D, "Support &email"): "&Почта поддержки",
    (_D, "P&hone"): "&Телефон",
    (_D, "Postal add&ress"): "Почтовый &адрес",
    (_D, "Foo&ter text"): "Текст под&вала",
    (_D, "&Main colour"): "&Основной цвет",
    (_D, "B&utton colour"): "Цвет &кнопок",
    (_D, "Bac&kground"): "Фон пись&ма",
    (_D, "&Content background"): "Фон со&держимого",
    (_D, "Te&xt colour"): "Цвет т&екста",
    (_D, "Secondar&y text"): "При&глушённый текст",
    (_D, "Headin&g font"): "Шрифт &заголовков",
    (_D, "Text &font"): "&Шрифт текста",
    (_D, "Shop name"): "Название магазина",
    (_D, "Sender name"): "Имя отправителя",
    (_D, "Shop website"): "Сайт магазина",
    (_D, "Logo address"): "Адрес логотипа",
    (_D, "Support email"): "Почта поддержки",
    (_D, "Phone"): "Телефон",
    (_D, "Postal address"): "Почтовый адрес",
    (_D, "Footer text"): "Текст подвала",
    (_D, "Main colour"): "Основной цвет",
    (_D, "Button colour"): "Цвет кнопок",
    (_D, "Background"): "Фон письма",
    (_D, "Content background"): "Фон содержимого",
    (_D, "Text colour"): "Цвет текста",
    (_D, "Secondary text"): "Приглушённый текст",
    (_D, "Heading font"): "Шрифт заголовков",
    (_D, "Text font"): "Шрифт текста",
    (_D, "Shop"): "Магазин",
    (_D, "Colours and fonts"): "Цвета и шрифты",
    (_D, "Social links"): "Соцсети",
    (_D, "The name recipients see in the From line"):
        "Имя, которое получатели видят в строке «От кого»",
    (_D, "Mail apps use the first font of the list that they have, so end it with serif or "
         "sans-serif. Colours are # and six hex digits; the colour buttons open a picker."):
        "Почтовые программы берут первый шрифт из списка, который у них есть, поэтому в конце "
        "списка нужен serif или sans-serif. Цвет — это # и шесть шестнадцатеричных цифр; "
        "кнопки с цветом открывают палитру.",
    (_D, "Name"): "Название",
    (_D, "Address"): "Адрес",
    (_D, "Add l&ink"): "Добавить сс&ылку",
    (_D, "Remo&ve link"): "У&брать ссылку",
    (_D, "Pick the colour: {0}"): "Выбрать цвет: {0}",
    (_D, "Preview"): "Предпросмотр",
    (_D, "A rough sketch of an email in these colours and fonts; the template editor shows "
         "the real one."):
        "Примерный вид письма в этих цветах и шрифтах; настоящее письмо видно в редакторе "
        "шаблонов.",
    (_D, "Every contact has exactly one lifecycle status, used by segments and the dashboard "
         "chart. Buyers are grouped by how long ago they last bought; those who never bought, "
         "by what they did on the site recently."):
        "У каждого контакта ровно один статус жизненного цикла; его используют сегменты "
        "и диаграмма. Покупателей делим по давности последней покупки, а тех, кто ещё не "
        "покупал, — по недавним действиям на сайте.",
    (_D, "Customers who have bought"): "Покупатели",
    (_D, "Contacts who have never bought"): "Ещё не покупали",
    (_D, "A&ctive: last purchase within"): "&Активный: покупка за последние",
    (_D, "&Passive: last purchase within"): "&Пассивный: покупка за последние",
    (_D, "&Inactive: last purchase within"): "&Неактивный: покупка за последние",
    (_D, "&Hot: cart abandoned within"): "&Горячий: брошенная корзина за",
    (_D, "&Warm: product views within"): "&Тёплый: просмотры товаров за",
    (_D, "Warm: views on at l&east"): "Тёплый: просмотры &минимум",
    (_D, "Active"): "Активный",
    (_D, "Passive"): "Пассивный",
    (_D, "Inactive"): "Неактивный",
    (_D, "Very inactive"): "Совсем неактивный",  # as the segments page says it
    (_D, "Hot"): "Горячий",
    (_D, "Warm"): "Тёплый",
    (_D, "Cold"): "Холодный",
    (_D, "&Restore defaults"): "&Вернуть по умолчанию",
    (_D, "Active 90, passive 180, inactive 365 days; hot 14 days; warm: views on 3 days "
         "within 30 days"):
        "Активный — 90, пассивный — 180, неактивный — 365 дней; горячий — 14 дней; "
        "тёплый — просмотры в 3 разных дня за 30 дней",
    (_D, " day(s)"): (" день", " дня", " дней"),
    (_D, "bought within the last %n day(s)."): (
        "покупал за последний %n день.", "покупал за последние %n дня.",
        "покупал за последние %n дней."),
    (_D, "last purchase {0} to {1} days ago."): "последняя покупка {0}–{1} дн. назад.",
    (_D, "last purchase more than %n day(s) ago."): (
        "последняя покупка больше %n дня назад.", "последняя покупка больше %n дней назад.",
        "последняя покупка больше %n дней назад."),
    (_D, "never bought; abandoned a cart within the last %n day(s)."): (
        "не покупал; бросил корзину за последний %n день.",
        "не покупал; бросил корзину за последние %n дня.",
        "не покупал; бросил корзину за последние %n дней."),
    (_D, "never bought, not hot; viewed products on {0} or more different days within the "
         "last {1} days."):
        "не покупал, не горячий; смотрел товары в {0} и больше разных дней за последние "
        "{1} дн.",
    (_D, "never bought, neither hot nor warm."): "не покупал, не горячий и не тёплый.",
    (_D, "%Ln contact(s)"): ("%Ln контакт", "%Ln контакта", "%Ln контактов"),
    (_D, "Counts are for today with the values above; segments use them after saving."):
        "Числа — на сегодня с этими значениями; сегменты начнут их использовать после "
        "сохранения.",
    (_D, "Please fix before saving:"): "Исправьте перед сохранением:",
    (_D, "…and %n more."): ("…и ещё %n.", "…и ещё %n.", "…и ещё %n."),
    (_D, "Could not read the saved settings ({0}); the defaults are shown."):
        "Не удалось прочитать сохранённые настройки ({0}); показаны значения по умолчанию.",
    (_D, "Saving…"): "Сохраняем…",
    (_D, "Saved."): "Сохранено.",
    (_D, "Could not save: {0}"): "Не удалось сохранить: {0}",
    (_D, "Shop name: please fill it in."): "Название магазина: заполните, пожалуйста.",
    (_D, "{0}: enter a full address starting with https:// (for example "
         "https://shop.example.ru)."):
        "{0}: укажите полный адрес, начиная с https:// (например, https://shop.example.ru).",
    (_D, "Support email: this does not look like an email address."):
        "Почта поддержки: это не похоже на адрес электронной почты.",
    (_D, "{0}: a colour is # and six hex digits, like #C8553D; use the colour button to "
         "pick one."):
        "{0}: цвет — это # и шесть шестнадцатеричных цифр, например #C8553D; его можно "
        "выбрать кнопкой с цветом.",
    (_D, "{0}: choose a font."): "{0}: выберите шрифт.",
    (_D, "{0}: end the list with serif or sans-serif, so mail apps without these fonts "
         "still show a similar one."):
        "{0}: закончите список словом serif или sans-serif, чтобы почтовые программы без "
        "этих шрифтов показали похожий.",
    (_D, "Social link {0}: give it a name (for example Telegram)."):
        "Соцсеть {0}: укажите название (например, Telegram).",
    (_D, "Social link {0}: enter a full address starting with https://."):
        "Соцсеть {0}: укажите полный адрес, начиная с https://.",
    (_D, "Passive must end later than active: make it more than {0} days."):
        "Пассивный должен заканчиваться позже активного: укажите больше {0} дн.",
    (_D, "Inactive must end later than passive: make it more than {0} days."):
        "Неактивный должен заканчиваться позже пассивного: укажите больше {0} дн.",
    (_D, "Each period must be at least one day."): "Каждый срок — не меньше одного дня.",
    (_D, "Warm: a window of {0} days cannot have views on {1} different days."):
        "Тёплый: за {0} дн. не может быть просмотров в {1} разных дней.",
}

EN: dict[tuple[str, str], tuple[str, str]] = {
    (_D, " day(s)"): (" day", " days"),
    (_D, "bought within the last %n day(s)."): (
        "bought within the last day.", "bought within the last %n days."),
    (_D, "last purchase more than %n day(s) ago."): (
        "last purchase more than %n day ago.", "last purchase more than %n days ago."),
    (_D, "never bought; abandoned a cart within the last %n day(s)."): (
        "never bought; abandoned a cart within the last day.",
        "never bought; abandoned a cart within the last %n days."),
    (_D, "%Ln contact(s)"): ("%Ln contact", "%Ln contacts"),
    (_D, "…and %n more."): ("…and %n more.", "…and %n more."),
}


def main() -> int:
    """Fill both translation files; report what is still missing on stderr."""
    missing = fill(HERE / "settings_ru.ts", RU)
    fill(HERE / "settings_en.ts", EN)
    for entry in missing:
        sys.stderr.write(f"untranslated: {entry}\n")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
