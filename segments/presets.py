"""Ready-made segments, one click each: ``(id, Russian title, English title, rules)``.

The rules are plain segments.md JSON, so the builder can open a preset,
edit it and save it under a name of the user's choosing.
"""

from __future__ import annotations

from typing import Any, NamedTuple


class Preset(NamedTuple):
    """A ready-made segment."""

    id: str
    title_ru: str
    title_en: str
    rules: dict[str, Any]


def _lifecycle(status: str) -> dict[str, Any]:
    return {"field": "lifecycle", "op": "eq", "value": status}


PRESETS: tuple[Preset, ...] = (
    Preset("lifecycle_cold", "Холодные: не покупали, нет активности",
           "Cold: never bought, no recent activity", _lifecycle("cold")),
    Preset("lifecycle_warm", "Тёплые: смотрели товары несколько дней",
           "Warm: viewed products on several days", _lifecycle("warm")),
    Preset("lifecycle_hot", "Горячие: начали покупку и не закончили",
           "Hot: started a purchase and did not finish", _lifecycle("hot")),
    Preset("lifecycle_active", "Активные покупатели", "Active buyers", _lifecycle("active")),
    Preset("lifecycle_passive", "Пассивные покупатели", "Passive buyers",
           _lifecycle("passive")),
    Preset("lifecycle_inactive", "Неактивные покупатели", "Inactive buyers",
           _lifecycle("inactive")),
    Preset("lifecycle_very_inactive", "Совсем неактивные покупатели", "Very inactive buyers",
           _lifecycle("very_inactive")),
    Preset("birthday_7_days", "День рождения в ближайшие 7 дней",
           "Birthday in the next 7 days",
           {"field": "birthday_in_days", "op": "between", "value": [0, 7]}),
    Preset("abandoned_cart_1_day", "Бросили корзину за последние сутки",
           "Abandoned a cart in the last day",
           {"field": "abandoned_cart", "op": "exists", "within_days": 1}),
    Preset("no_purchase_6_months", "Нет покупок 6 месяцев", "No purchase for 6 months",
           {"all": [{"field": "orders_count", "op": "gt", "value": 0},
                    {"field": "days_since_last_order", "op": "gt", "value": 180}]}),
    Preset("rfm_at_risk", "RFM: в зоне риска", "RFM: at risk",
           {"field": "rfm_group", "op": "eq", "value": "at_risk"}),
    Preset("rfm_champions", "RFM: чемпионы", "RFM: champions",
           {"field": "rfm_group", "op": "eq", "value": "champions"}),
    # Audiences of the triggered emails of the scenario library (composer.library).
    Preset("viewed_products_14_days", "Смотрели товары за 14 дней и не заказывали",
           "Viewed products in the last 14 days, no order since",
           {"all": [{"field": "viewed_product", "op": "exists", "within_days": 14},
                    {"not": {"field": "days_since_last_order", "op": "lt", "value": 14}}]}),
    Preset("viewed_products_30_days_size_known",
           "Смотрели товары за 30 дней, размер известен по покупкам",
           "Viewed products in the last 30 days, size known from purchases",
           {"all": [{"field": "viewed_product", "op": "exists", "within_days": 30},
                    {"field": "bought_size", "op": "is_not_empty"}]}),
    # No field holds a promo code's expiry: the personal code of the welcome series
    # is issued on subscription and lasts 30 days, so it burns within 3 days for
    # those who subscribed 27-30 days ago and have not ordered yet.
    Preset("first_order_promo_expiring_3_days",
           "Промокод на первый заказ сгорает в ближайшие 3 дня",
           "First-order promo code expires within 3 days",
           {"all": [{"field": "orders_count", "op": "eq", "value": 0},
                    {"field": "tenure_days", "op": "between", "value": [27, 30]}]}),
    # No field holds a points balance: points are earned on purchases, so every
    # buyer has some unless the imported loyalty balance (custom attribute
    # ``bonus_points``) says 0.
    Preset("buyers_with_points", "Есть бонусные баллы (покупали, баланс не 0)",
           "Have bonus points (bought, balance not 0)",
           {"all": [{"field": "orders_count", "op": "gt", "value": 0},
                    {"field": "custom.bonus_points", "op": "ne", "value": "0"}]}),
    Preset("bought_in_last_year", "Покупали за последний год (знаем их категории)",
           "Bought in the last year (their categories are known)",
           {"all": [{"field": "bought_category", "op": "is_not_empty"},
                    {"field": "days_since_last_order", "op": "lte", "value": 365}]}),
)

PRESETS_BY_ID: dict[str, Preset] = {p.id: p for p in PRESETS}
