"""The canonical personalization variables: one place, a contract with the ESP exporters.

Templates use these Jinja2 names; each ESP exporter translates them into its own
tag syntax. More may be added, none renamed.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

# name -> (Russian description, English description)
_VARIABLES: dict[str, tuple[str, str]] = {
    "first_name": ("Имя", "First name"),
    "last_name": ("Фамилия", "Last name"),
    "email": ("Email", "Email"),
    "city": ("Город", "City"),
    "gender": ("Пол (female, male, unknown)", "Gender (female, male, unknown)"),
    "birth_date": ("Дата рождения", "Birth date"),
    "unsubscribe_url": ("Ссылка отписки", "Unsubscribe link"),
    "shop.name": ("Название магазина", "Shop name"),
    "shop.url": ("Адрес сайта", "Shop URL"),
    "shop.logo_url": ("Логотип", "Logo URL"),
    "shop.address": ("Адрес магазина", "Shop postal address"),
    "shop.phone": ("Телефон магазина", "Shop phone"),
    "cart.items": ("Товары в корзине", "Cart items"),
    "cart.total": ("Сумма корзины", "Cart total"),
    "cart.url": ("Ссылка на корзину", "Cart URL"),
    "order.number": ("Номер заказа", "Order number"),
    "order.items": ("Товары заказа", "Order items"),
    "order.total": ("Сумма заказа", "Order total"),
    "order.delivery_date": ("Дата доставки", "Delivery date"),
    "order.tracking_url": ("Ссылка отслеживания", "Tracking URL"),
    "recommended": ("Рекомендованные товары", "Recommended products"),
    "promo_code": ("Промокод", "Promo code"),
    "promo_expires": ("Промокод действует до", "Promo code expiry"),
    "bonus_points": ("Бонусные баллы", "Bonus points"),
}

CANONICAL_VARIABLES: Final = MappingProxyType(_VARIABLES)
"""Canonical variable name (dotted for members) -> (Russian, English) description."""

ITEM_FIELDS: Final = ("name", "url", "image_url", "price", "quantity")
"""Fields of each item of ``cart.items`` and ``order.items``."""

PRODUCT_FIELDS: Final = ("name", "url", "image_url", "price", "old_price")
"""Fields of each product of ``recommended``."""

ROOT_NAMES: Final = frozenset(name.split(".")[0] for name in _VARIABLES)
"""Top-level names a template may use without defining them."""
