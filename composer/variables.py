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
    "product.name": ("Товар письма: название", "The email's product: name"),
    "product.url": ("Товар письма: ссылка", "The email's product: URL"),
    "product.image_url": ("Товар письма: фото", "The email's product: image URL"),
    "product.price": ("Товар письма: цена", "The email's product: price"),
    "product.old_price": ("Товар письма: старая цена", "The email's product: old price"),
    "product.size": ("Товар письма: размер покупателя", "The email's product: the contact's size"),
    "top_categories": ("Любимые категории (текстом)", "Favourite categories (as text)"),
    "promo_code": ("Промокод", "Promo code"),
    "promo_expires": ("Промокод действует до", "Promo code expiry"),
    "promo_days_left": ("Дней до конца промокода", "Days until the promo code expires"),
    "promo_discount": ("Скидка по промокоду, %", "Promo code discount, %"),
    "bonus_points": ("Бонусные баллы", "Bonus points"),
    "bonus_expires": ("Баллы сгорают", "Bonus points expiry"),
}

CANONICAL_VARIABLES: Final = MappingProxyType(_VARIABLES)
"""Canonical variable name (dotted for members) -> (Russian, English) description."""

ITEM_FIELDS: Final = ("name", "url", "image_url", "price", "quantity")
"""Fields of each item of ``cart.items`` and ``order.items``."""

PRODUCT_FIELDS: Final = ("name", "url", "image_url", "price", "old_price")
"""Fields of each product of ``recommended``."""

WATCHED_PRODUCT_FIELDS: Final = (*PRODUCT_FIELDS, "size")
"""Fields of ``product``: the one item a price-drop or back-in-stock email is about.

``size`` is the contact's size of it (absent when unknown); ``product`` itself
is ``None`` when the email has no particular product (templates fall back).
"""

ROOT_NAMES: Final = frozenset(name.split(".")[0] for name in _VARIABLES)
"""Top-level names a template may use without defining them."""
