"""Russian texts of the series timeline's start cards and newer series, merged into
``scenarios_ru.ts`` (see ``ui/editor/scenario_library.py`` for the commands)."""

from __future__ import annotations

import sys

from ui.i18n.ru_shell import HERE, fill

_C = "ScenarioLibrary"

RU: dict[tuple[str, str], str | tuple[str, str, str]] = {
    (_C, "Price drop on a viewed item"): "Снижение цены на просмотренный товар",
    (_C, "Back in stock"): "Снова в наличии",
    (_C, "Personal discount expiring"): "Персональная скидка сгорает",
    (_C, "Bonus points balance"): "Бонусные баллы",
    (_C, "Sale start"): "Старт распродажи",
    (_C, "bought the product or its price went back up"):
        "купил товар или цена вернулась к прежней",
    (_C, "bought the product or it sold out again"): "купил товар или его снова раскупили",
    (_C, "used the promo code (placed an order)"): "воспользовался промокодом (оформил заказ)",
    (_C, "spent the points; one email, no chain"): "потратил баллы; одно письмо, без цепочки",
    (_C, "one email, no chain"): "одно письмо, без цепочки",
    (_C, "subscribed to the newsletter"): "подписался на рассылку",
    (_C, "left items in the cart without ordering"): "оставил товары в корзине и не оформил заказ",
    (_C, "no purchase for 6 months"): "нет покупок 6 месяцев",
    (_C, "placed an order"): "оформил заказ",
    (_C, "the contact's birthday"): "день рождения контакта",
    (_C, "the price of a product the contact viewed in the last 14 days went down"):
        "подешевел товар, который контакт смотрел за последние 14 дней",
    (_C, "a product the contact viewed is back in stock in their size"):
        "товар, который контакт смотрел, снова в наличии в его размере",
    (_C, "3 days before the personal promo code expires"):
        "за 3 дня до конца действия персонального промокода",
    (_C, "once a month, and 14 days before the points burn"):
        "раз в месяц и за 14 дней до сгорания баллов",
    (_C, "the first day of a sale, sent to a segment"): "первый день распродажи, по сегменту",
    (_C, "<b>Start</b><br>{0}"): "<b>Старт</b><br>{0}",
    (_C, "<b>Audience</b><br>ready-made segment “{0}”"):
        "<b>Аудитория</b><br>готовый сегмент «{0}»",
}


def main() -> int:
    """Fill ``scenarios_ru.ts``; exit 1 if a text is missing."""
    missing = fill(HERE / "scenarios_ru.ts", RU)
    for entry in missing:
        sys.stderr.write(f"untranslated: {entry}\n")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
