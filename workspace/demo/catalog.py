"""The demo shop's product catalogue: Russian clothing in ten categories.

Each model (a product name with its audience, styles and price range) comes in
a few colours; every colour is its own SKU, as in most Russian shop exports.
The size column of a product holds its size range; the size a customer
bought is on the order line.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from workspace.demo.images import product_image

# Category, SKU prefix.
CATEGORIES: tuple[tuple[str, str], ...] = (
    ("Платья", "DRS"),
    ("Футболки", "TSH"),
    ("Джинсы", "JNS"),
    ("Куртки", "JKT"),
    ("Обувь", "SHO"),
    ("Аксессуары", "ACC"),
    ("Юбки", "SKR"),
    ("Рубашки", "SHR"),
    ("Свитеры", "SWT"),
    ("Спорт", "SPT"),
)

COLOURS: tuple[str, ...] = (
    "чёрный", "белый", "бежевый", "синий", "серый", "красный", "зелёный", "розовый",
    "хаки", "бордовый", "голубой", "молочный", "горчичный", "коричневый", "лавандовый",
)

# Category -> models: (name, audience f/m/u, styles, min price, max price).
_MODELS: dict[str, tuple[tuple[str, str, tuple[str, ...], int, int], ...]] = {
    "Платья": (
        ("Платье миди из вискозы", "f", ("Повседневный", "Романтичный"), 3990, 6990),
        ("Платье-рубашка с поясом", "f", ("Офисный", "Повседневный"), 4490, 7490),
        ("Платье макси в цветочный принт", "f", ("Романтичный", "Бохо"), 4990, 8990),
        ("Вечернее платье с открытой спиной", "f", ("Вечерний",), 7990, 14990),
        ("Трикотажное платье-футляр", "f", ("Офисный", "Классический"), 3490, 5990),
        ("Льняной сарафан", "f", ("Повседневный", "Бохо"), 2990, 4990),
        ("Платье в горошек с рукавами-фонариками", "f", ("Романтичный",), 3990, 5490),
    ),
    "Футболки": (
        ("Футболка базовая из хлопка", "u", ("Повседневный",), 990, 1490),
        ("Футболка оверсайз с принтом", "u", ("Оверсайз", "Повседневный"), 1490, 2490),
        ("Лонгслив в рубчик", "f", ("Повседневный",), 1290, 1990),
        ("Поло мужское пике", "m", ("Классический", "Повседневный"), 1990, 3490),
        ("Футболка мужская с V-вырезом", "m", ("Повседневный",), 1190, 1790),
        ("Топ на тонких бретелях", "f", ("Романтичный", "Вечерний"), 990, 1990),
    ),
    "Джинсы": (
        ("Джинсы мом с высокой посадкой", "f", ("Повседневный",), 3490, 5490),
        ("Джинсы скинни", "f", ("Повседневный",), 2990, 4490),
        ("Широкие джинсы палаццо", "f", ("Оверсайз", "Повседневный"), 3990, 5990),
        ("Джинсы прямые мужские", "m", ("Повседневный", "Классический"), 3490, 5990),
        ("Джинсы слим мужские стретч", "m", ("Повседневный",), 3290, 4990),
        ("Джинсовые шорты", "u", ("Повседневный",), 1990, 2990),
    ),
    "Куртки": (
        ("Пуховик удлинённый с капюшоном", "f", ("Повседневный",), 11990, 19990),
        ("Пуховик мужской короткий", "m", ("Повседневный", "Спортивный"), 10990, 17990),
        ("Тренч классический", "f", ("Классический", "Офисный"), 8990, 14990),
        ("Куртка-косуха из экокожи", "u", ("Повседневный",), 6990, 10990),
        ("Ветровка с капюшоном", "u", ("Спортивный",), 3990, 6990),
        ("Пальто из шерсти", "u", ("Классический",), 14990, 24990),
    ),
    "Обувь": (
        ("Кроссовки кожаные", "u", ("Спортивный", "Повседневный"), 5990, 9990),
        ("Кеды на платформе", "f", ("Повседневный",), 3990, 5990),
        ("Ботинки челси", "u", ("Классический", "Повседневный"), 6990, 11990),
        ("Лоферы из замши", "f", ("Классический", "Офисный"), 5490, 8990),
        ("Туфли-лодочки", "f", ("Вечерний", "Офисный"), 4990, 8490),
        ("Ботинки зимние мужские", "m", ("Повседневный",), 7990, 13990),
        ("Босоножки на каблуке", "f", ("Вечерний", "Романтичный"), 3990, 6990),
    ),
    "Аксессуары": (
        ("Сумка-шопер из кожи", "f", ("Повседневный",), 3990, 7990),
        ("Кросс-боди на цепочке", "f", ("Вечерний", "Повседневный"), 2990, 5490),
        ("Ремень кожаный", "m", ("Классический",), 1490, 2990),
        ("Шарф из кашемира", "u", ("Классический",), 2490, 4990),
        ("Шапка-бини", "u", ("Повседневный", "Спортивный"), 990, 1790),
        ("Солнцезащитные очки", "u", ("Повседневный",), 1490, 3990),
        ("Серьги-кольца", "f", ("Романтичный", "Вечерний"), 490, 1490),
    ),
    "Юбки": (
        ("Юбка плиссе миди", "f", ("Романтичный", "Офисный"), 2990, 4990),
        ("Юбка-карандаш", "f", ("Офисный", "Классический"), 2490, 3990),
        ("Джинсовая юбка мини", "f", ("Повседневный",), 1990, 3490),
        ("Юбка макси из сатина", "f", ("Вечерний", "Романтичный"), 3490, 5990),
        ("Юбка-трапеция из экокожи", "f", ("Повседневный",), 2990, 4490),
    ),
    "Рубашки": (
        ("Рубашка оксфорд", "m", ("Классический", "Офисный"), 2490, 3990),
        ("Рубашка льняная", "u", ("Повседневный", "Бохо"), 2990, 4490),
        ("Блузка с бантом", "f", ("Офисный", "Романтичный"), 2490, 3990),
        ("Рубашка в клетку фланелевая", "u", ("Повседневный",), 1990, 3490),
        ("Рубашка приталенная белая", "m", ("Офисный", "Классический"), 2290, 3490),
        ("Рубашка оверсайз из хлопка", "f", ("Оверсайз",), 2490, 3990),
    ),
    "Свитеры": (
        ("Свитер с высоким горлом", "u", ("Классический", "Повседневный"), 2990, 4990),
        ("Кардиган крупной вязки", "f", ("Повседневный", "Бохо"), 3490, 5990),
        ("Худи с капюшоном", "u", ("Спортивный", "Оверсайз"), 2490, 3990),
        ("Джемпер из мериносовой шерсти", "m", ("Классический", "Офисный"), 3990, 6490),
        ("Свитшот базовый", "u", ("Повседневный",), 1990, 2990),
    ),
    "Спорт": (
        ("Леггинсы для йоги", "f", ("Спортивный",), 1990, 3490),
        ("Топ для фитнеса", "f", ("Спортивный",), 1290, 2490),
        ("Спортивный костюм", "u", ("Спортивный",), 4990, 8990),
        ("Шорты для бега", "m", ("Спортивный",), 1490, 2490),
        ("Футболка для тренировок", "m", ("Спортивный",), 1290, 1990),
        ("Кроссовки для бега", "u", ("Спортивный",), 6990, 11990),
    ),
}

SHOP_URL = "https://shop.konvert-demo.ru"
IMAGE_URL = "https://cdn.konvert-demo.ru/img"


@dataclass(frozen=True, slots=True)
class DemoProduct:
    """A catalogue entry as the generator needs it (``audience`` is not stored)."""

    sku: str
    name: str
    category: str
    audience: str  # f, m or u(nisex)
    price: Decimal
    colour: str
    style: str

    @property
    def is_shoe(self) -> bool:
        """Shoes come in numbered sizes."""
        return self.category == "Обувь" or self.name.startswith("Кроссовки")


def _round_price(value: float) -> int:
    """Prices end in 90 rub, the way Russian shops show them (3 490 ₽)."""
    return max(490, int(value // 100) * 100 + 90)


def size_range(product: DemoProduct) -> str:
    """The sizes a product comes in, as the catalogue column shows them."""
    if product.category == "Аксессуары":
        return "Без размера"
    if product.is_shoe:
        return "35–41" if product.audience == "f" else ("40–46" if product.audience == "m"
                                                         else "36–45")
    if product.audience == "m":
        return "S–XXL"
    return "XS–XL" if product.audience == "f" else "XS–XXL"


def build_catalog(rng: random.Random) -> tuple[list[DemoProduct], list[dict[str, Any]]]:
    """The demo catalogue and its ``products`` rows (about 200 SKUs)."""
    products: list[DemoProduct] = []
    rows: list[dict[str, Any]] = []
    for category, prefix in CATEGORIES:
        number = 0
        for name, audience, styles, low, high in _MODELS[category]:
            colours = rng.sample(COLOURS, rng.randint(2, 5))
            base = rng.uniform(low, high)
            for colour in colours:
                number += 1
                sku = f"{prefix}-{number:03d}"
                price = Decimal(_round_price(base * rng.uniform(0.95, 1.05)))
                product = DemoProduct(
                    sku=sku, name=name, category=category, audience=audience, price=price,
                    colour=colour, style=rng.choice(styles),
                )
                products.append(product)
                on_sale = rng.random() < 0.3
                old_price = (
                    Decimal(_round_price(float(price) / rng.choice((0.7, 0.8, 0.85, 0.9))))
                    if on_sale else None
                )
                # Some items sold out, so "back in stock" emails have something to show.
                stock = 0 if rng.random() < 0.08 else rng.randint(1, 250)
                rows.append({
                    "sku": sku,
                    "name": name,
                    "category": category,
                    "price": price,
                    "old_price": old_price,
                    "image_url": f"{IMAGE_URL}/{product_image(category, colour, name)}",
                    "url": f"{SHOP_URL}/p/{sku}",
                    "stock": stock,
                    "color": colour,
                    "size": size_range(product),
                    "style": product.style,
                })
    return products, rows
