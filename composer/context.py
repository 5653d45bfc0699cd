"""The canonical rendering context of one email, from the workspace or a sample persona.

Empty contact fields are left out of the context (not set to ``None``), so a
template's ``default`` fallback applies and a variable used without one is
reported as undefined. ``cart`` and ``recommended`` are always present
(possibly empty); ``order`` is ``None`` for a contact without orders and
``product`` (the item a price-drop or back-in-stock email is about) ``None``
when there is none.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from composer.brand import BrandKit, load_brand_kit
from composer.errors import ComposerError

if TYPE_CHECKING:
    from sqlalchemy import Engine

DEFAULT_PROMO_CODE = "SEZON-7QX2"  # neutral: the same code shows under 10 % and 15 % offers
_CART_LIMIT = 30
_RECOMMENDED = 6


def _num(value: Decimal | int | float | None) -> int | float:
    """Money as a plain number: an int when whole (what templates and JSON want)."""
    if value is None:
        return 0
    number = Decimal(value)
    return int(number) if number == number.to_integral_value() else float(number)


def days_until(when: str | date | None, today: date) -> int | None:
    """Whole days from ``today`` to an ISO date (0 on the day itself), or None if unreadable."""
    if isinstance(when, str):
        try:
            when = date.fromisoformat(when[:10])
        except ValueError:
            return None
    if not isinstance(when, date):
        return None
    return (when - today).days


def ru_list(words: list[str]) -> str:
    """``платья, джинсы и свитеры``: lower-cased, joined as Russian prose."""
    words = [w.strip().lower() for w in words if w and w.strip()]
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " и " + words[-1]


def base_context(
    brand: BrandKit, *, email: str, today: date, unsubscribe_url: str | None = None
) -> dict[str, Any]:
    """Context entries every email has: email, shop, unsubscribe link, incentives.

    ``promo_days_left`` is counted from ``today`` to ``promo_expires``; whoever
    overrides ``promo_expires`` should set it too (:func:`days_until`).
    """
    shop = brand.shop()
    promo_expires = today + timedelta(days=7)
    return {
        "email": email,
        "shop": shop,
        "unsubscribe_url": unsubscribe_url
        or f"{brand.shop_url}/unsubscribe?email={quote(email)}",
        "cart": {"items": [], "total": 0, "url": f"{brand.shop_url}/cart"},
        "order": None,
        "product": None,
        "recommended": [],
        "promo_code": DEFAULT_PROMO_CODE,
        "promo_expires": promo_expires.isoformat(),
        "promo_days_left": (promo_expires - today).days,
        "bonus_points": 500,
    }


def _product_dict(brand: BrandKit, product: Any, sku: str) -> dict[str, Any]:
    return {
        "sku": sku,
        "name": product.name if product is not None else sku,
        "url": (product.url if product is not None and product.url
                else f"{brand.shop_url}/p/{quote(sku)}"),
        "image_url": (product.image_url if product is not None and product.image_url
                      else f"{brand.shop_url}/img/{quote(sku)}.jpg"),
        "price": _num(product.price if product is not None else 0),
        "old_price": _num(product.old_price) if product is not None and product.old_price
        else None,
    }


def build_context(
    engine: Engine, email: str, *, today: date, brand: BrandKit | None = None
) -> dict[str, Any]:
    """The canonical context for one workspace contact, looked up by email.

    Cart: the items added or abandoned since the contact's last order. Order:
    the latest order with its lines. Recommended: the bestsellers (units sold
    in the 90 days before ``today``) of the categories the contact bought most,
    in stock and not already bought, then bestsellers of the whole shop.
    Product: the product the contact viewed (or added to a cart) last and has
    not bought, with ``size`` the size the contact buys most in its category.
    ``top_categories``: up to three categories bought most, as prose.
    Incentives come from custom attributes when the import brought them
    (``bonus_points``, ``bonus_expires``, ``promo_code``, ``promo_expires``,
    ``promo_discount``); otherwise points are 5 % of the money spent (at
    least 300) and the promo is the shop's default code for 7 days.
    """
    from sqlalchemy import func, select
    from sqlalchemy.orm import Session

    from workspace.models import Contact, ContactAttribute, Event, Order, OrderLine, Product
    from workspace.text import fold

    brand = brand or load_brand_kit(engine)
    with Session(engine) as session:
        contact = session.scalar(select(Contact).where(Contact.email == fold(email)))
        if contact is None:
            raise ComposerError(f"no contact with email {email} in the workspace")
        ctx = base_context(brand, email=contact.email, today=today)
        for name in ("first_name", "last_name", "city"):
            value = getattr(contact, name)
            if value:
                ctx[name] = value
        if contact.gender and contact.gender != "unknown":
            ctx["gender"] = contact.gender
        if contact.birth_date:
            ctx["birth_date"] = contact.birth_date.isoformat()
        ctx["bonus_points"] = max(300, int(_num(contact.total_spent) // 20))
        custom = {
            name: (value or "").strip() for name, value in session.execute(
                select(ContactAttribute.name, ContactAttribute.value)
                .where(ContactAttribute.contact_id == contact.id,
                       ContactAttribute.name.in_(_INCENTIVE_ATTRIBUTES)))
        }
        _apply_incentives(ctx, custom, today)

        last_order = session.scalars(
            select(Order).where(Order.contact_id == contact.id)
            .order_by(Order.created_at.desc(), Order.id.desc()).limit(1)
        ).first()
        since = last_order.created_at if last_order is not None else datetime.min
        cart_rows = session.execute(
            select(Event.sku, func.count(), func.max(Event.at))
            .where(Event.contact_id == contact.id, Event.type == "cart_add",
                   Event.sku.is_not(None), Event.at > since)
            .group_by(Event.sku).order_by(func.max(Event.at).desc()).limit(_CART_LIMIT)
        ).all()
        skus = [row[0] for row in cart_rows]
        bought = set(session.scalars(
            select(OrderLine.sku).join(Order, Order.id == OrderLine.order_pk)
            .where(Order.contact_id == contact.id, OrderLine.sku.is_not(None))
        ))
        order_lines = (
            session.scalars(select(OrderLine).where(OrderLine.order_pk == last_order.id)
                            .order_by(OrderLine.id)).all()
            if last_order is not None else []
        )
        wanted = set(skus) | {line.sku for line in order_lines if line.sku}
        products = {
            p.sku: p for p in session.scalars(select(Product).where(Product.sku.in_(wanted)))
        } if wanted else {}
        items = []
        for sku, count, _at in cart_rows:
            sku = str(sku)
            item = _product_dict(brand, products.get(sku), sku)
            item["quantity"] = int(count)
            items.append(item)
        ctx["cart"]["items"] = items
        ctx["cart"]["total"] = _num(sum(Decimal(str(i["price"])) * i["quantity"] for i in items))

        if last_order is not None:
            lines = []
            for line in order_lines:
                sku = line.sku or ""
                item = _product_dict(brand, products.get(sku), sku) if sku else {
                    "sku": "", "name": line.category or "Товар", "url": brand.shop_url,
                    "image_url": "", "old_price": None}
                item["price"] = _num(line.price)
                item["quantity"] = int(line.quantity or 1)
                lines.append(item)
            delivery = last_order.delivered_at or (last_order.created_at + timedelta(days=3))
            ctx["order"] = {
                "number": last_order.order_id,
                "items": lines,
                "total": _num(last_order.total),
                "delivery_date": delivery.date().isoformat(),
                "tracking_url": f"{brand.shop_url}/track/{quote(last_order.order_id)}",
            }

        categories = list(session.scalars(
            select(OrderLine.category).join(Order, Order.id == OrderLine.order_pk)
            .where(Order.contact_id == contact.id, OrderLine.category.is_not(None),
                   Order.status.in_(_PURCHASE_STATUSES))
            .group_by(OrderLine.category)
            .order_by(func.count().desc(), OrderLine.category).limit(3)
        ))
        if categories:
            ctx["top_categories"] = ru_list([str(c) for c in categories if c])
        since_sales = datetime.combine(today - timedelta(days=_BESTSELLER_DAYS), time.min)
        sold = (
            select(OrderLine.sku.label("sku"), func.sum(OrderLine.quantity).label("units"))
            .join(Order, Order.id == OrderLine.order_pk)
            .where(Order.status.in_(_PURCHASE_STATUSES), Order.created_at >= since_sales,
                   OrderLine.sku.is_not(None))
            .group_by(OrderLine.sku).subquery()
        )
        query = (
            select(Product).outerjoin(sold, sold.c.sku == Product.sku)
            .where((Product.stock.is_(None)) | (Product.stock > 0))
            .order_by(func.coalesce(sold.c.units, 0).desc(), Product.sku)
        )
        if bought:
            query = query.where(Product.sku.not_in(bought))
        # One colour of a model is enough: the same name twice looks like a mistake.
        recommended: list[Any] = []
        names: set[str] = set()
        candidates = (
            [query.where(Product.category.in_(categories)), query] if categories else [query]
        )
        for candidate in candidates:
            for product in session.scalars(candidate.limit(_RECOMMENDED * 5)):
                if len(recommended) < _RECOMMENDED and product.name not in names:
                    names.add(product.name)
                    recommended.append(product)
        ctx["recommended"] = [_product_dict(brand, p, p.sku) for p in recommended]

        watched = session.execute(
            select(Event.sku, func.max(Event.at))
            .where(Event.contact_id == contact.id, Event.type.in_(("product_view", "cart_add")),
                   Event.sku.is_not(None),
                   Event.sku.not_in(bought) if bought else Event.sku.is_not(None))
            .group_by(Event.sku).order_by(func.max(Event.at).desc(), Event.sku).limit(1)
        ).first()
        if watched is not None:
            sku = str(watched[0])
            row = session.get(Product, sku)
            item = _product_dict(brand, row, sku)
            category = row.category if row is not None else None
            if category:
                size = session.scalars(
                    select(OrderLine.size).join(Order, Order.id == OrderLine.order_pk)
                    .where(Order.contact_id == contact.id, OrderLine.category == category,
                           OrderLine.size.is_not(None), OrderLine.size != "",
                           Order.status.in_(_PURCHASE_STATUSES))
                    .group_by(OrderLine.size)
                    .order_by(func.count().desc(), OrderLine.size).limit(1)
                ).first()
                if size and size != "Без размера":
                    item["size"] = size
            ctx["product"] = item
            # "Similar items" under the product should not repeat it.
            ctx["recommended"] = [r for r in ctx["recommended"] if r["sku"] != sku]
    return ctx


_PURCHASE_STATUSES = ("paid", "delivered")
_BESTSELLER_DAYS = 90
_INCENTIVE_ATTRIBUTES = ("bonus_points", "bonus_expires", "promo_code", "promo_expires",
                         "promo_discount")


def _apply_incentives(ctx: dict[str, Any], custom: dict[str, str], today: date) -> None:
    """Points and promo from the contact's custom attributes, where they are readable."""
    points = custom.get("bonus_points", "").replace(" ", "").replace("\u00a0", "")
    if points:
        with contextlib.suppress(ArithmeticError):
            ctx["bonus_points"] = max(0, int(Decimal(points.replace(",", "."))))
    for name in ("bonus_expires", "promo_expires"):
        value = custom.get(name, "")
        if value and days_until(value, today) is not None:
            ctx[name] = value[:10]
    if custom.get("promo_code"):
        ctx["promo_code"] = custom["promo_code"]
    discount = custom.get("promo_discount", "").rstrip("% ")
    if discount.isdigit() and 0 < int(discount) < 100:
        ctx["promo_discount"] = int(discount)
    ctx["promo_days_left"] = days_until(ctx["promo_expires"], today)


@dataclass(frozen=True)
class Persona:
    """A sample recipient for previews and lint, usable without a workspace."""

    id: str
    label: str
    context: dict[str, Any]


def _demo_products(brand: BrandKit) -> list[dict[str, Any]]:
    # Pictures shipped with Konvert (workspace/demo/images/products).
    base = "https://cdn.konvert-demo.ru/img/products"
    rows = [
        ("DR-1042-BLK", "Платье-миди из льна", 5990, 7990, "dress-black"),
        ("JK-2210-BEI", "Тренч оверсайз", 11990, None, "coat-beige"),
        ("SW-3301-GRY", "Свитер из мериноса", 4490, 5990, "sweater-grey"),
        ("JE-1120-BLU", "Джинсы прямого кроя", 3990, None, "jeans-blue"),
        ("SH-5502-WHT", "Рубашка из хлопка", 2990, 3490, "shirt-white"),
        ("SN-7701-WHT", "Кеды кожаные", 6490, 8990, "shoes-white"),
        ("BG-8810-BRN", "Сумка-шопер из кожи", 7490, None, "bag-brown"),
        ("SC-9020-RED", "Шарф из шерсти альпаки", 1990, 2590, "scarf-red"),
    ]
    return [
        {"sku": sku, "name": name, "url": f"{brand.shop_url}/p/{sku}",
         "image_url": f"{base}/{picture}.png", "price": price, "old_price": old}
        for sku, name, price, old, picture in rows
    ]


def _items(products: list[dict[str, Any]], quantities: list[int]) -> list[dict[str, Any]]:
    items = []
    for product, qty in zip(products, quantities, strict=False):
        item = {k: product[k] for k in ("sku", "name", "url", "image_url", "price")}
        item["quantity"] = qty
        items.append(item)
    return items


def sample_personas(brand: BrandKit | None = None, today: date | None = None) -> list[Persona]:
    """The sample recipients the editor offers as test data (and lint renders for).

    Covers: a typical customer, no name at all, a very long name, a big cart,
    a subscriber with no orders and no cart. Between them every personalised
    line of the library shows both ways: the watched ``product`` with and
    without a size, an old price and a very long name, or none at all; a promo
    expiring in 0, 1, 2 and 5 days (or with no day count); points burning on a
    date or with no date; favourite categories or none.
    """
    brand = brand or BrandKit()
    today = today or date.today()
    products = _demo_products(brand)

    def make(email: str, promo_days: int | None = 7, **fields: Any) -> dict[str, Any]:
        ctx = base_context(brand, email=email, today=today)
        ctx["recommended"] = [dict(p) for p in products[4:8]]
        if promo_days is None:
            del ctx["promo_days_left"]  # an export that lacks the day count: dates only
        else:
            ctx["promo_expires"] = (today + timedelta(days=promo_days)).isoformat()
            ctx["promo_days_left"] = promo_days
        ctx.update(fields)
        if ctx["product"]:  # as build_context: "similar items" do not repeat the product
            ctx["recommended"] = [r for r in ctx["recommended"]
                                  if r["sku"] != ctx["product"]["sku"]]
        return ctx

    def cart(items: list[dict[str, Any]]) -> dict[str, Any]:
        total = sum(Decimal(str(i["price"])) * i["quantity"] for i in items)
        return {"items": items, "total": _num(total), "url": f"{brand.shop_url}/cart"}

    def watched(product: dict[str, Any], size: str | None = None) -> dict[str, Any]:
        item = dict(product)
        if size:
            item["size"] = size
        return item

    def in_days(days: int) -> str:
        return (today + timedelta(days=days)).isoformat()

    long_product = {
        "sku": "CT-4410-CAM", "name": "Пальто-халат из шерсти и кашемира с поясом и "
        "накладными карманами", "url": f"{brand.shop_url}/p/CT-4410-CAM",
        "image_url": "https://cdn.konvert-demo.ru/img/products/coat-beige.png",
        "price": 18990, "old_price": 24990,
    }
    typical_items = _items(products[:2], [1, 1])
    order = {
        "number": "SZ-104582",
        "items": _items(products[2:4], [1, 2]),
        "total": products[2]["price"] + 2 * products[3]["price"],
        "delivery_date": (today + timedelta(days=3)).isoformat(),
        "tracking_url": f"{brand.shop_url}/track/SZ-104582",
    }
    big_items = _items(products * 2, [1, 2, 1, 3, 1, 1, 2, 1, 1, 1, 1, 2])
    return [
        Persona("typical", "Анна Смирнова, обычный покупатель", make(
            "anna.smirnova@example.ru", promo_days=2, first_name="Анна", last_name="Смирнова",
            city="Москва", gender="female", birth_date="1990-05-14",
            cart=cart(typical_items), order=order, bonus_points=740,
            product=watched(products[0], "S"), top_categories="платья и рубашки",
            promo_discount=15, bonus_expires=in_days(21))),
        Persona("no_name", "Без имени и города", make(
            "noname@example.ru", promo_days=None, cart=cart(typical_items[:1]), order=order)),
        Persona("long_name", "Очень длинное имя", make(
            "konstantin.long@example.ru", promo_days=1,
            first_name="Константин-Александр Вениаминович",
            last_name="Римский-Корсаков-Преображенский", city="Санкт-Петербург",
            gender="male", cart=cart(_items(products[4:6], [1, 1])), order=order,
            product=watched(long_product, "XXL"), bonus_points=12345,
            bonus_expires=in_days(1), promo_discount=20,
            top_categories="верхняя одежда, трикотаж и аксессуары")),
        Persona("big_cart", "Большая корзина (12 товаров)", make(
            "big.cart@example.ru", promo_days=0, first_name="Мария", city="Казань",
            gender="female", cart=cart(big_items),
            order=dict(order, items=big_items, total=cart(big_items)["total"]),
            product=watched(products[5], "38"), bonus_points=2352, bonus_expires=in_days(60),
            promo_discount=10, top_categories="обувь")),
        Persona("new_subscriber", "Новый подписчик: нет заказов и корзины", make(
            "new.subscriber@example.ru", promo_days=5, first_name="Олег", gender="male",
            recommended=[dict(p) for p in products[:4]], product=watched(products[6]),
            promo_discount=15)),
    ]
