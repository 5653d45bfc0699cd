"""The canonical rendering context of one email, from the workspace or a sample persona.

Empty contact fields are left out of the context (not set to ``None``), so a
template's ``default`` fallback applies and a variable used without one is
reported as undefined. ``cart`` and ``recommended`` are always present
(possibly empty); ``order`` is ``None`` for a contact without orders.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any
from urllib.parse import quote

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from composer.brand import BrandKit, load_brand_kit
from composer.errors import ComposerError

DEFAULT_PROMO_CODE = "SEZON-7QX2"  # neutral: the same code shows under 10 % and 15 % offers
_CART_LIMIT = 30
_RECOMMENDED = 6


def _num(value: Decimal | int | float | None) -> int | float:
    """Money as a plain number: an int when whole (what templates and JSON want)."""
    if value is None:
        return 0
    number = Decimal(value)
    return int(number) if number == number.to_integral_value() else float(number)


def base_context(
    brand: BrandKit, *, email: str, today: date, unsubscribe_url: str | None = None
) -> dict[str, Any]:
    """Context entries every email has: email, shop, unsubscribe link, incentives."""
    shop = brand.shop()
    return {
        "email": email,
        "shop": shop,
        "unsubscribe_url": unsubscribe_url
        or f"{brand.shop_url}/unsubscribe?email={quote(email)}",
        "cart": {"items": [], "total": 0, "url": f"{brand.shop_url}/cart"},
        "order": None,
        "recommended": [],
        "promo_code": DEFAULT_PROMO_CODE,
        "promo_expires": (today + timedelta(days=7)).isoformat(),
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
    the latest order with its lines. Recommended: in-stock products of the
    categories the contact bought or viewed (others after them), not already
    bought.
    """
    from workspace.models import Contact, Event, Order, OrderLine, Product
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
            .where(Order.contact_id == contact.id, OrderLine.category.is_not(None))
            .group_by(OrderLine.category).order_by(func.count().desc()).limit(3)
        ))
        query = select(Product).where((Product.stock.is_(None)) | (Product.stock > 0))
        if bought:
            query = query.where(Product.sku.not_in(bought))
        recommended: list[Any] = []
        if categories:
            recommended += session.scalars(
                query.where(Product.category.in_(categories)).order_by(Product.sku)
                .limit(_RECOMMENDED)
            ).all()
        if len(recommended) < _RECOMMENDED:
            seen = {p.sku for p in recommended}
            for product in session.scalars(
                query.order_by(Product.sku).limit(_RECOMMENDED * 3)
            ):
                if product.sku not in seen and len(recommended) < _RECOMMENDED:
                    recommended.append(product)
        ctx["recommended"] = [_product_dict(brand, p, p.sku) for p in recommended]
    return ctx


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
    a subscriber with no orders and no cart.
    """
    brand = brand or BrandKit()
    today = today or date.today()
    products = _demo_products(brand)

    def make(email: str, **fields: Any) -> dict[str, Any]:
        ctx = base_context(brand, email=email, today=today)
        ctx["recommended"] = [dict(p) for p in products[4:8]]
        ctx.update(fields)
        return ctx

    def cart(items: list[dict[str, Any]]) -> dict[str, Any]:
        total = sum(Decimal(str(i["price"])) * i["quantity"] for i in items)
        return {"items": items, "total": _num(total), "url": f"{brand.shop_url}/cart"}

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
            "anna.smirnova@example.ru", first_name="Анна", last_name="Смирнова",
            city="Москва", gender="female", birth_date="1990-05-14",
            cart=cart(typical_items), order=order, bonus_points=740)),
        Persona("no_name", "Без имени и города", make(
            "noname@example.ru", cart=cart(typical_items[:1]), order=order)),
        Persona("long_name", "Очень длинное имя", make(
            "konstantin.long@example.ru",
            first_name="Константин-Александр Вениаминович",
            last_name="Римский-Корсаков-Преображенский", city="Санкт-Петербург",
            gender="male", cart=cart(_items(products[4:6], [1, 1])), order=order)),
        Persona("big_cart", "Большая корзина (12 товаров)", make(
            "big.cart@example.ru", first_name="Мария", city="Казань", gender="female",
            cart=cart(big_items), order=dict(order, items=big_items,
                                               total=cart(big_items)["total"]))),
        Persona("new_subscriber", "Новый подписчик: нет заказов и корзины", make(
            "new.subscriber@example.ru", first_name="Олег", gender="male",
            recommended=[dict(p) for p in products[:4]])),
    ]
