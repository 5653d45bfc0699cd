"""The demo clothing shop: a realistic workspace generated from a seed.

Everything is relative to the reference date ``today`` and drawn from one
``random.Random(seed)`` in a fixed order, so the same seed, date and size give
the same data. Contacts are generated and written in batches (with their
orders, lines and events), so memory stays bounded for 100,000+ contacts.

The mix follows the domain numbers of product.md: about 55% of subscribers
have bought, about 29% of buyers bought more than once, about two carts in
three are abandoned, and every lifecycle status of segments.md (active,
passive, inactive, very_inactive, hot, warm, cold) has people in it.
"""

from __future__ import annotations

import calendar
import itertools
import logging
import random
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, Table, func, insert, literal, select, text

from workspace import models
from workspace.demo import vocab
from workspace.demo.catalog import CATEGORIES, DemoProduct, build_catalog
from workspace.derived import recompute
from workspace.errors import WorkspaceError
from workspace.rows import with_contact_extras, with_event_extras, with_order_line_extras

log = logging.getLogger(__name__)

DEFAULT_CONTACTS = 5000
DEFAULT_SEED = 42
# Contacts generated and written per round trip; bounds memory at any size.
BATCH_CONTACTS = 1000

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
T = TypeVar("T")


class DemoCancelledError(WorkspaceError):
    """The demo generation was cancelled; nothing was written."""


# Lifecycle archetypes (segments.md defaults) and their shares of contacts.
ARCHETYPES: tuple[tuple[str, float], ...] = (
    ("active", 14.0),
    ("passive", 11.0),
    ("inactive", 13.0),
    ("very_inactive", 17.0),
    ("hot", 5.0),
    ("warm", 9.0),
    ("cold", 31.0),
)
BUYER_ARCHETYPES = ("active", "passive", "inactive", "very_inactive")
# Days since the last purchase, kept clear of the 90/180/365 boundaries.
_LAST_PURCHASE_DAYS = {
    "active": (1, 86),
    "passive": (95, 175),
    "inactive": (186, 358),
    "very_inactive": (372, 1500),
}
_MAX_HISTORY_DAYS = 1825
# Contacts at evenly spread positions get these features, so that even a
# small demo shows every lifecycle status and every preview edge case.
_ANCHOR_FEATURES: tuple[str, ...] = (
    *(f"archetype:{name}" for name, _ in ARCHETYPES),
    "big_cart", "long_name", "leap_birthday", "birthday_soon", "empty_profile",
    "birthday_soon", "big_cart",
)

_FEMALE_CATEGORY_WEIGHTS = {
    "Платья": 18, "Футболки": 11, "Джинсы": 10, "Куртки": 7, "Обувь": 12,
    "Аксессуары": 12, "Юбки": 9, "Рубашки": 6, "Свитеры": 8, "Спорт": 7,
}
_MALE_CATEGORY_WEIGHTS = {
    "Платья": 0, "Футболки": 18, "Джинсы": 16, "Куртки": 12, "Обувь": 15,
    "Аксессуары": 7, "Юбки": 0, "Рубашки": 14, "Свитеры": 10, "Спорт": 10,
}
_FEMALE_SIZES = (("XS", 10), ("S", 30), ("M", 32), ("L", 18), ("XL", 8), ("XXL", 2))
_MALE_SIZES = (("S", 8), ("M", 28), ("L", 33), ("XL", 22), ("XXL", 9))
_FEMALE_SHOES = (("36", 12), ("37", 26), ("38", 28), ("39", 20), ("40", 10), ("41", 4))
_MALE_SHOES = (("40", 8), ("41", 18), ("42", 26), ("43", 24), ("44", 16), ("45", 8))
# Session start hours: a lunch peak and an evening peak; sessions and carts
# end before midnight, so an event's day is the day it was planned on.
_HOURS = tuple(range(7, 22))
_HOUR_WEIGHTS = (2, 3, 4, 5, 6, 7, 8, 7, 6, 6, 7, 9, 11, 11, 9)


class _Picker:
    """Weighted choice with precomputed cumulative weights (fast and reproducible)."""

    def __init__(self, items: Sequence[tuple[T, float]]) -> None:
        self.values = [value for value, _ in items]
        self.cum = list(itertools.accumulate(weight for _, weight in items))

    def __call__(self, rng: random.Random) -> Any:
        return self.values[bisect_left(self.cum, rng.random() * self.cum[-1])]


@dataclass(frozen=True, slots=True)
class _Campaign:
    at: datetime
    name: str
    kind: str  # discount, gift or content


@dataclass(slots=True)
class _Order:
    row: dict[str, Any]
    lines: list[dict[str, Any]]


@dataclass(slots=True)
class _Person:
    """One contact being generated: profile, tastes, orders and events."""

    index: int
    archetype: str
    gender: str
    favourites: tuple[str, str]
    size: str
    shoe_size: str
    registered_at: datetime
    orders: list[_Order] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    keys: set[tuple[Any, ...]] = field(default_factory=set)


class _Shop:
    """Draws the demo shop's rows; one instance per generation run."""

    def __init__(self, rng: random.Random, today: date, contacts: int) -> None:
        self.rng = rng
        self.today = today
        self.midnight = datetime.combine(today, time())
        self.products, self.product_rows = build_catalog(rng)
        self.by_sku = {p.sku: p for p in self.products}
        self.order_seq = 0
        self.plain_emails: set[str] = set()
        self.archetype = _Picker(ARCHETYPES)
        self.city = _Picker([((c, r), w) for c, r, w in vocab.CITIES])
        self.channel = _Picker(vocab.CHANNELS)
        self.payment = _Picker(vocab.PAYMENT_METHODS)
        self.device = _Picker(vocab.DEVICES)
        self.status = _Picker(vocab.STATUSES)
        self.domain = _Picker(vocab.MAIL_DOMAINS)
        self.hour = _Picker(list(zip(_HOURS, _HOUR_WEIGHTS, strict=True)))
        self.sizes = {"female": _Picker(_FEMALE_SIZES), "male": _Picker(_MALE_SIZES)}
        self.shoes = {"female": _Picker(_FEMALE_SHOES), "male": _Picker(_MALE_SHOES)}
        self.categories = {
            "female": _Picker(list(_FEMALE_CATEGORY_WEIGHTS.items())),
            "male": _Picker([(k, v) for k, v in _MALE_CATEGORY_WEIGHTS.items() if v]),
            "unknown": _Picker([(name, 1.0) for name, _ in CATEGORIES]),
        }
        self.assortment: dict[tuple[str, str], list[DemoProduct]] = {}
        for category, _ in CATEGORIES:
            in_category = [p for p in self.products if p.category == category]
            self.assortment[(category, "unknown")] = in_category
            for gender, audience in (("female", "f"), ("male", "m")):
                fitting = [p for p in in_category if p.audience in (audience, "u")]
                self.assortment[(category, gender)] = fitting or in_category
        self.campaigns = self._campaigns()
        self.campaign_times = [c.at for c in self.campaigns]
        self.anchors: dict[int, list[str]] = {}
        for k, feature in enumerate(_ANCHOR_FEATURES):
            position = (2 * k + 1) * contacts // (2 * len(_ANCHOR_FEATURES))
            self.anchors.setdefault(position, []).append(feature)

    # ----- time -------------------------------------------------------------

    def moment(self, days_ago: int) -> datetime:
        """A plausible time of day on the day ``days_ago`` days before today."""
        rng = self.rng
        return self.midnight - timedelta(days=days_ago) + timedelta(
            hours=self.hour(rng), minutes=rng.randrange(60), seconds=rng.randrange(60)
        )

    def _campaigns(self) -> list[_Campaign]:
        """Newsletters of the last two years (fortnightly, monthly before), oldest first."""
        rng = self.rng
        result: list[_Campaign] = []
        holidays = {(m, d): (title, kind) for m, d, title, kind in vocab.HOLIDAY_CAMPAIGNS}
        for days_ago in range(730, 0, -1):
            day = self.today - timedelta(days=days_ago)
            holiday = holidays.get((day.month, day.day))
            if holiday is not None:
                title, kind = holiday
                name = f"{title} {day.year}"
            elif day.weekday() == 1 and (
                    day.isocalendar().week % 2 == 0 if days_ago <= 365 else day.day <= 7):
                if rng.random() < 0.2:
                    season = vocab.SEASONS[day.month - 1]
                    title, kind = f"Новая коллекция: {season} {day.year}", "content"
                else:
                    title, kind = rng.choice(vocab.NEWSLETTER_THEMES)
                name = f"{title} — {day:%d.%m.%Y}"
            else:
                continue
            at = datetime.combine(day, time(10, 0))
            result.append(_Campaign(at=at, name=name, kind=kind))
        return result

    # ----- the contact ------------------------------------------------------

    def person(self, index: int) -> tuple[dict[str, Any], _Person]:
        """The contact row (without id) and the plan of its orders and events."""
        rng = self.rng
        features = self.anchors.get(index, [])
        archetype = self.archetype(rng)
        for feature in features:
            if feature.startswith("archetype:"):
                archetype = feature.split(":", 1)[1]
        if "big_cart" in features:
            archetype = "hot"

        draw = rng.random()
        gender = "female" if draw < 0.62 else ("male" if draw < 0.95 else "unknown")
        if "long_name" in features and gender == "unknown":
            gender = "female"
        first, last = self._names(gender, long="long_name" in features)
        birth = self._birth_date(features)
        if rng.random() < 0.07:
            city, region = None, (self.city(rng)[1] if rng.random() < 0.25 else None)
        else:
            city, region = self.city(rng)
        phone = None
        if rng.random() < 0.66:
            phone = (f"+7 9{rng.randrange(100):02d} {rng.randrange(1000):03d}-"
                     f"{rng.randrange(100):02d}-{rng.randrange(100):02d}")
        if "empty_profile" in features:
            gender, first, last, birth, city, region, phone = (
                "unknown", None, None, None, None, None, None)

        status = self.status(rng)
        consent_draw = rng.random()
        consent = True if consent_draw < 0.93 else (False if consent_draw < 0.95 else None)
        taste = "female" if gender == "female" else ("male" if gender == "male" else "unknown")
        fav1 = self.categories[taste](rng)
        fav2 = self.categories[taste](rng)
        size_gender = gender if gender != "unknown" else rng.choice(("female", "male"))
        person = _Person(
            index=index,
            archetype=archetype,
            gender=taste,
            favourites=(fav1, fav2),
            size=self.sizes[size_gender](rng),
            shoe_size=self.shoes[size_gender](rng),
            registered_at=self.midnight,
        )
        buyer = archetype in BUYER_ARCHETYPES
        reg_days = self._timeline(person, "big_cart" in features)
        person.registered_at = self.moment(reg_days)
        self._email_events(person, reg_days, status)
        # Registration precedes everything the contact did.
        earliest = min(
            [e["at"] for e in person.events] + [o.row["created_at"] for o in person.orders],
            default=person.registered_at,
        )
        if earliest <= person.registered_at:
            person.registered_at = earliest - timedelta(minutes=rng.randint(1, 90))

        payment = self.payment(rng) if (buyer and rng.random() < 0.96) or (
            not buyer and person.orders) or rng.random() < 0.05 else None
        row = {
            "email": self._email(index, first, last),
            "first_name": first,
            "last_name": last,
            "gender": gender,
            "birth_date": birth,
            "city": city,
            "region": region,
            "phone": phone,
            "registered_at": person.registered_at,
            "channel": self.channel(rng),
            "payment_method": payment,
            "device": self.device(rng),
            "consent_email": consent,
            "status": status,
        }
        return with_contact_extras(row), person

    def _names(self, gender: str, *, long: bool) -> tuple[str | None, str | None]:
        rng = self.rng
        surname = rng.choice(vocab.LONG_SURNAMES if long else vocab.SURNAMES)
        if gender == "female":
            pool = vocab.LONG_FEMALE_FIRST_NAMES if long else vocab.FEMALE_FIRST_NAMES
            first: str | None = rng.choice(pool)
            last: str | None = vocab.female_surname(surname)
        elif gender == "male":
            pool = vocab.LONG_MALE_FIRST_NAMES if long else vocab.MALE_FIRST_NAMES
            first, last = rng.choice(pool), surname
        else:
            first = rng.choice(vocab.UNISEX_FIRST_NAMES) if rng.random() < 0.4 else None
            last = surname if rng.random() < 0.5 else None
        if long and gender != "unknown" and len(f"{first} {last}") < 30:
            return self._names(gender, long=True)  # previews want a really long one
        if not long:
            if rng.random() < 0.05:
                first = None
            if rng.random() < 0.17:
                last = None
        return first, last

    def _birth_date(self, features: list[str]) -> date | None:
        rng = self.rng
        missing = rng.random() < 0.22
        age = int(rng.triangular(18, 68, 29))
        leap = rng.random() < 0.002 or "leap_birthday" in features
        soon = "birthday_soon" in features
        if missing and not (leap or soon):
            return None
        if soon:
            upcoming = self.today + timedelta(days=rng.randint(0, 7))
            year = upcoming.year - age
            if upcoming.month == 2 and upcoming.day == 29:
                while not calendar.isleap(year):
                    year -= 1
            return date(year, upcoming.month, upcoming.day)
        year = self.today.year - age
        if leap:
            while not calendar.isleap(year):
                year -= 1
            return date(year, 2, 29)
        return date(year, 1, 1) + timedelta(days=rng.randrange(365))

    def _email(self, index: int, first: str | None, last: str | None) -> str:
        """A unique address: a name-based local part ending in digits unique per index.

        Local parts ending in ``index + 1`` can never collide (the rest has no
        digits); the few plain ``name.surname`` ones are checked against a set.
        """
        rng = self.rng
        domain = self.domain(rng)
        digits = str(index + 1)
        f = vocab.translit(first) if first else None
        s = vocab.translit(last) if last else None
        if f and s:
            draw = rng.random()
            if draw < 0.12:
                plain = f"{f}.{s}@{domain}"
                if plain not in self.plain_emails:
                    self.plain_emails.add(plain)
                    return plain
            patterns = (f"{f}.{s}{digits}", f"{s}.{f}{digits}", f"{f[0]}.{s}{digits}",
                        f"{f}_{s}{digits}", f"{s}{digits}")
            return f"{rng.choice(patterns)}@{domain}"
        word = f or s or rng.choice(("moda", "shopper", "style", "koshka", "sunny", "user"))
        return f"{word}{digits}@{domain}"

    # ----- orders and behaviour --------------------------------------------

    def _timeline(self, person: _Person, big_cart: bool) -> int:
        """Plan orders, carts and browsing by archetype; returns days since registration."""
        rng = self.rng
        arch = person.archetype
        if arch in BUYER_ARCHETYPES:
            low, high = _LAST_PURCHASE_DAYS[arch]
            day = rng.randint(low, high)
            draw = rng.random()
            count = 1 if draw < 0.71 else (2 if draw < 0.86 else (
                3 if draw < 0.93 else rng.randint(4, 9)))
            purchase_days = [day]
            for _ in range(count - 1):
                day += rng.randint(12, 150)
                if day > _MAX_HISTORY_DAYS - 10:
                    break
                purchase_days.append(day)
            first = purchase_days[-1]
            extra = rng.choice((0, 0, rng.randint(1, 30), rng.randint(30, 400)))
            reg_days = min(_MAX_HISTORY_DAYS, first + extra)
            for d in purchase_days:
                status = "paid" if d <= 4 else "delivered" if rng.random() < 0.92 else "paid"
                self._order(person, d, status)
            if rng.random() < 0.10:
                self._order(person, rng.randint(1, reg_days), "cancelled")
            if reg_days >= 20 and rng.random() < 0.08:
                self._order(person, rng.randint(15, reg_days), "returned")
            if rng.random() < 0.03:
                self._order(person, rng.randint(1, 3), "pending")
            # About two abandoned carts per finished one: "up to 70% abandoned".
            for _ in range(round(len(purchase_days) * rng.uniform(0.6, 2.6))):
                self._cart(person, rng.randint(1, reg_days), rng.choice((1, 1, 1, 2, 2, 3)),
                           abandoned=True)
            self._browsing(person, reg_days, rng.randint(0, 2), min_day=1)
            return reg_days

        if arch == "hot":
            reg_days = rng.randint(2, 30) if rng.random() < 0.3 else rng.randint(2, 900)
            items = rng.randint(10, 14) if big_cart or rng.random() < 0.01 else rng.choice(
                (1, 1, 2, 2, 3, 4))
            self._cart(person, rng.randint(1, min(12, reg_days)), items, abandoned=True)
            if reg_days > 40 and rng.random() < 0.4:
                self._cart(person, rng.randint(15, reg_days), rng.randint(1, 3), abandoned=True)
            if rng.random() < 0.08:
                self._order(person, rng.randint(1, 3), "pending")
            self._browsing(person, reg_days, rng.randint(0, 3), min_day=1)
            return reg_days

        if arch == "warm":
            reg_days = rng.randint(25, 1000)
            for day in sorted(rng.sample(range(1, 29), rng.randint(3, 6))):
                self._session(person, day, views=True)
            if reg_days > 40 and rng.random() < 0.5:
                self._cart(person, rng.randint(31, reg_days), rng.randint(1, 3), abandoned=True)
            self._browsing(person, reg_days, rng.randint(0, 3), min_day=31)
            if reg_days > 40 and rng.random() < 0.02:
                self._order(person, rng.randint(35, reg_days), "cancelled")
            return reg_days

        # cold: subscribed without buying; some brand new, some long silent.
        reg_days = rng.randint(1, 14) if rng.random() < 0.15 else rng.randint(15, 1500)
        recent = range(1, min(29, reg_days) + 1)
        for day in rng.sample(recent, min(len(recent), rng.choice((0, 0, 1, 1, 2)))):
            self._session(person, day, views=True)
        if reg_days > 40:
            if rng.random() < 0.3:
                self._cart(person, rng.randint(31, reg_days), rng.randint(1, 3), abandoned=True)
            self._browsing(person, reg_days, rng.randint(0, 2), min_day=31)
            if rng.random() < 0.02:
                self._order(person, rng.randint(35, reg_days), "cancelled")
            if rng.random() < 0.01:
                self._order(person, rng.randint(35, reg_days), "returned")
        return reg_days

    def _pick(self, person: _Person, category: str | None = None) -> DemoProduct:
        rng = self.rng
        if category is None:
            draw = rng.random()
            if draw < 0.6:
                category = person.favourites[0] if draw < 0.4 else person.favourites[1]
            else:
                category = self.categories[person.gender](rng)
        return rng.choice(self.assortment[(category, person.gender)])

    def _distinct_products(self, person: _Person, count: int) -> list[DemoProduct]:
        chosen: dict[str, DemoProduct] = {}
        for _ in range(count * 6):
            product = self._pick(person)
            chosen.setdefault(product.sku, product)
            if len(chosen) == count:
                break
        return list(chosen.values())

    def _line_size(self, person: _Person, product: DemoProduct) -> str:
        if product.category == "Аксессуары":
            return "Без размера"
        size = person.shoe_size if product.is_shoe else person.size
        if self.rng.random() < 0.1:  # a gift, or a size up
            pool = _FEMALE_SHOES if product.is_shoe else _FEMALE_SIZES
            size = self.rng.choice(pool)[0]
        return size

    def _event(self, person: _Person, type_: str, at: datetime, *, sku: str | None = None,
               category: str | None = None, query: str | None = None,
               campaign: str | None = None) -> None:
        if at >= self.midnight:
            return  # nothing happens after the reference date
        key = (type_, at, sku, category, query, campaign)
        while key in person.keys:  # the natural key of an event must be unique
            at += timedelta(seconds=1)
            key = (type_, at, sku, category, query, campaign)
        person.keys.add(key)
        person.events.append(with_event_extras({
            "type": type_, "at": at, "sku": sku, "category": category, "query": query,
            "campaign": campaign,
        }))

    def _session(self, person: _Person, day: int, *, views: bool) -> None:
        """A site visit: maybe a search, a category, a few products (under an hour)."""
        rng = self.rng
        at = self.moment(day)
        self._event(person, "site_visit", at)
        category: str | None = None
        if rng.random() < 0.35:
            query, category = rng.choice(vocab.SEARCH_QUERIES)
            at += timedelta(minutes=rng.randint(1, 3))
            self._event(person, "search", at, query=query)
        if category is None:
            category = self._pick(person).category
        at += timedelta(minutes=rng.randint(1, 4))
        self._event(person, "category_view", at, category=category)
        if views:
            for _ in range(rng.randint(1, 3)):
                product = self._pick(person, category)
                at += timedelta(minutes=rng.randint(1, 8))
                self._event(person, "product_view", at, sku=product.sku, category=category)

    def _browsing(self, person: _Person, reg_days: int, sessions: int, *, min_day: int) -> None:
        """Older visits; product views only on days at least ``min_day`` ago."""
        if reg_days < min_day:
            return
        for _ in range(sessions):
            self._session(person, self.rng.randint(min_day, reg_days), views=True)

    def _cart(self, person: _Person, day: int, items: int, *, abandoned: bool,
              products: list[DemoProduct] | None = None) -> datetime:
        """Products viewed and added to a cart; an abandoned cart ends with one
        ``cart_abandon`` per item at the same moment. Returns the last add."""
        rng = self.rng
        chosen = products or self._distinct_products(person, items)
        at = self.moment(day)
        if len(chosen) > 5:  # a big cart takes a while: start early enough to end today
            at = at.replace(hour=min(at.hour, 18))
        self._event(person, "site_visit", at)
        for product in chosen:
            at += timedelta(minutes=rng.randint(1, 3))
            if rng.random() < 0.4:  # otherwise added straight from the category page
                self._event(person, "product_view", at, sku=product.sku,
                            category=product.category)
            at += timedelta(seconds=rng.randint(20, 120))
            self._event(person, "cart_add", at, sku=product.sku, category=product.category)
        if abandoned:
            gone = at + timedelta(minutes=rng.randint(30, 55))
            for product in chosen:
                self._event(person, "cart_abandon", gone, sku=product.sku,
                            category=product.category)
            self._trigger_opens(person, gone, vocab.ABANDONED_CART_SERIES,
                                ((1, 0.35), (24, 0.25), (96, 0.2)))
        return at

    def _order(self, person: _Person, day: int, status: str) -> None:
        rng = self.rng
        count = rng.choices((1, 2, 3, 4, 5), (45, 30, 14, 7, 4))[0]
        products = self._distinct_products(person, count)
        # The order is placed 5-20 minutes after the cart session ends.
        added = self._cart(person, day, len(products), abandoned=False, products=products)
        created = added + timedelta(minutes=rng.randint(5, 20))
        lines: list[dict[str, Any]] = []
        total = Decimal(0)
        for product in products:
            quantity = rng.choices((1, 2, 3), (88, 10, 2))[0]
            total += product.price * quantity
            lines.append(with_order_line_extras({
                "sku": product.sku, "category": product.category, "price": product.price,
                "quantity": quantity, "color": product.colour,
                "size": self._line_size(person, product), "style": product.style,
            }))
        delivered_at: datetime | None = None
        if status in ("delivered", "returned"):
            delivered_at = created + timedelta(days=rng.randint(1, max(1, min(6, day - 1))),
                                               hours=rng.randint(0, 3))
            if delivered_at >= self.midnight:  # still on its way
                delivered_at, status = None, "paid"
        if status == "returned" and delivered_at is not None:
            returned = delivered_at + timedelta(days=rng.randint(2, 14))
            for line in lines:
                self._event(person, "return", returned, sku=line["sku"],
                            category=line["category"])
        self.order_seq += 1
        person.orders.append(_Order(
            row={"order_id": f"{created:%y%m}-{self.order_seq:06d}", "created_at": created,
                 "status": status, "total": total, "delivered_at": delivered_at},
            lines=lines,
        ))
        if rng.random() < 0.75:  # transactional mail is opened 70-80% of the time
            self._event(person, "email_open", created + timedelta(minutes=rng.randint(1, 240)),
                        campaign=vocab.ORDER_CONFIRMATION)

    def _trigger_opens(self, person: _Person, start: datetime, series: Sequence[str],
                       plan: Sequence[tuple[int, float]]) -> None:
        rng = self.rng
        for name, (hours, chance) in zip(series, plan, strict=True):
            if rng.random() < chance:
                at = start + timedelta(hours=hours, minutes=rng.randint(5, 300))
                self._event(person, "email_open", at, campaign=name)
                if rng.random() < 0.25:
                    self._event(person, "email_click", at + timedelta(seconds=rng.randint(5, 90)),
                                campaign=name)

    def _email_events(self, person: _Person, reg_days: int, status: str) -> None:
        """Opens and clicks of the newsletters sent after registration."""
        rng = self.rng
        registered = self.midnight - timedelta(days=reg_days)
        first = bisect_left(self.campaign_times, registered + timedelta(days=1))
        last = len(self.campaigns)
        if status == "unsubscribed":
            last = rng.randint(first, last)
        elif status == "bounced":
            last = min(last, first + rng.randint(0, 2))
        received = range(first, last)
        if reg_days <= 730:
            self._trigger_opens(person, registered, vocab.WELCOME_SERIES,
                                ((0, 0.5), (72, 0.35), (168, 0.3)))
        rate = rng.betavariate(1.0, 5.0)
        opens = min(len(received), int(len(received) * rate + rng.random()))
        taste = rng.choice(("gift", "discount", "none"))
        for position in sorted(rng.sample(received, opens)):
            campaign = self.campaigns[position]
            at = campaign.at + timedelta(minutes=rng.randint(3, 2880))
            self._event(person, "email_open", at, campaign=campaign.name)
            boost = 1.0 if taste == "none" or campaign.kind == "content" else (
                1.8 if campaign.kind == taste else 0.5)
            if rng.random() < 0.16 * boost:
                at += timedelta(seconds=rng.randint(5, 300))
                self._event(person, "email_click", at, campaign=campaign.name)
                if campaign.kind != "content" and rng.random() < 0.6:
                    self._event(person, "promo_click", at + timedelta(seconds=1),
                                campaign=campaign.name)
        if status == "complained" or rng.random() < 0.003:
            # A spam complaint about the last newsletter received, or one about an order.
            if last > first:
                campaign = self.campaigns[last - 1]
                at = min(campaign.at + timedelta(minutes=rng.randint(10, 2880)),
                         self.midnight - timedelta(minutes=rng.randint(1, 600)))
                self._event(person, "complaint", at, campaign=campaign.name)
            else:
                self._event(person, "complaint", self.moment(rng.randint(1, max(1, reg_days))))


def _has_rows(conn: Connection, table: Table) -> bool:
    return conn.execute(select(literal(1)).select_from(table).limit(1)).first() is not None


def workspace_has_data(conn: Connection) -> bool:
    """Whether the workspace holds contacts or products (the demo would mix with them)."""
    return _has_rows(conn, _table(models.Contact)) or _has_rows(conn, _table(models.Product))


def _table(model: type[models.Base]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


def generate_demo(
    engine: Engine,
    *,
    contacts: int = DEFAULT_CONTACTS,
    seed: int = DEFAULT_SEED,
    today: date,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> dict[str, int]:
    """Fill an empty workspace with the demo clothing shop, in one transaction.

    Args:
        engine: the workspace.
        contacts: how many contacts to create (at least 1).
        seed: the same seed, ``today`` and ``contacts`` give identical data.
        today: the reference date all dates are relative to.
        progress: called as ``progress(done, total)`` with contacts written.
        cancelled: polled between batches; when it returns True the generation
            stops, nothing is written and :class:`DemoCancelledError` is raised.

    Returns:
        Rows written per table: contacts, orders, order_lines, events, products.

    Raises:
        WorkspaceError: the workspace already has contacts or products.
    """
    if contacts < 1:
        raise WorkspaceError("the demo needs at least one contact")
    contact_t, product_t = _table(models.Contact), _table(models.Product)
    with engine.begin() as conn:
        if _has_rows(conn, contact_t):
            raise WorkspaceError(
                "the workspace already has contacts; the demo shop is only created in an "
                "empty workspace (use a new workspace file)")
        if _has_rows(conn, product_t):
            raise WorkspaceError(
                "the workspace already has products; the demo shop is only created in an "
                "empty workspace (use a new workspace file)")
        shop = _Shop(random.Random(seed), today, contacts)
        conn.execute(insert(product_t), shop.product_rows)
        writer = _Writer(conn)
        for start in range(0, contacts, BATCH_CONTACTS):
            if cancelled is not None and cancelled():
                raise DemoCancelledError("demo generation cancelled; the workspace is unchanged")
            stop = min(contacts, start + BATCH_CONTACTS)
            writer.write([shop.person(i) for i in range(start, stop)])
            if progress is not None:
                progress(stop, contacts)
        writer.finish()
        recompute(conn)
    counts = {**writer.counts, "products": len(shop.product_rows)}
    log.info("demo shop generated: %s", counts)
    return counts


class _Writer:
    """Bulk inserts with ids assigned here, so one executemany per table and batch.

    The tables are empty when the demo starts (contacts are checked, and
    orders and events cannot exist without contacts), so the ids continue
    from the current maximum and nothing else writes inside the transaction.
    RETURNING would cost a statement per row on SQLite.
    """

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.contact_t, self.order_t, self.line_t, self.event_t = (
            _table(m) for m in (models.Contact, models.Order, models.OrderLine, models.Event))
        self.next_id = {
            t.name: int(conn.execute(select(func.coalesce(func.max(t.c.id), 0))).scalar_one()) + 1
            for t in (self.contact_t, self.order_t, self.line_t, self.event_t)
        }
        self.counts = {"contacts": 0, "orders": 0, "order_lines": 0, "events": 0}

    def _ids(self, table: Table, rows: list[dict[str, Any]]) -> None:
        first = self.next_id[table.name]
        for offset, row in enumerate(rows):
            row["id"] = first + offset
        self.next_id[table.name] = first + len(rows)

    def write(self, batch: list[tuple[dict[str, Any], _Person]]) -> None:
        """Insert one batch of contacts with their orders, order lines and events."""
        contacts = [row for row, _ in batch]
        self._ids(self.contact_t, contacts)
        orders: list[dict[str, Any]] = []
        lines: list[dict[str, Any]] = []
        events: list[dict[str, Any]] = []
        for row, person in batch:
            for order in person.orders:
                order.row["contact_id"] = row["id"]
                orders.append(order.row)
            for event in person.events:
                event["contact_id"] = row["id"]
                events.append(event)
        self._ids(self.order_t, orders)
        for order_row, order in ((o.row, o) for _, p in batch for o in p.orders):
            for line in order.lines:
                line["order_pk"] = order_row["id"]
                lines.append(line)
        self._ids(self.line_t, lines)
        self._ids(self.event_t, events)
        for table, rows, key in ((self.contact_t, contacts, "contacts"),
                                 (self.order_t, orders, "orders")):
            if rows:
                self.conn.execute(insert(table), rows)
            self.counts[key] += len(rows)
        self._executemany(self.line_t, lines)
        self.counts["order_lines"] += len(lines)
        self._executemany(self.event_t, events)
        self.counts["events"] += len(events)

    def _executemany(self, table: Table, rows: list[dict[str, Any]]) -> None:
        """Insert plain rows (no JSON, no defaults) straight through the driver.

        The values go through the same type bind processors SQLAlchemy would
        apply; skipping its per-row parameter bookkeeping halves the time of
        the two biggest tables.
        """
        if not rows:
            return
        keys = list(rows[0])
        dialect = self.conn.dialect
        if dialect.name == "postgresql" and dialect.driver == "psycopg":
            self._copy(table, keys, rows)
            return
        compiled = insert(table).compile(dialect=dialect, column_keys=keys)
        processors = [table.c[key].type.dialect_impl(dialect).bind_processor(dialect)
                      for key in keys]
        converted = [
            [value if fn is None or value is None else fn(value)
             for fn, value in zip(processors, (row[key] for key in keys), strict=True)]
            for row in rows
        ]
        if compiled.positional:
            order = [keys.index(name) for name in compiled.positiontup or ()]
            params: list[Any] = [tuple(values[i] for i in order) for values in converted]
        else:
            params = [dict(zip(keys, values, strict=True)) for values in converted]
        self.conn.exec_driver_sql(str(compiled), params)

    def _copy(self, table: Table, keys: list[str], rows: list[dict[str, Any]]) -> None:
        """PostgreSQL's COPY: an executemany would cost a server round of work per row."""
        quote = self.conn.dialect.identifier_preparer.quote
        columns = ", ".join(quote(key) for key in keys)
        driver: Any = self.conn.connection.driver_connection
        with driver.cursor() as cursor, cursor.copy(
            f"COPY {quote(table.name)} ({columns}) FROM STDIN"
        ) as copy:
            for row in rows:
                copy.write_row([row[key] for key in keys])

    def finish(self) -> None:
        """Move PostgreSQL's id sequences past the ids written here."""
        if self.conn.dialect.name != "postgresql":
            return  # SQLite's rowid continues from the largest id by itself
        for table in (self.contact_t, self.order_t, self.line_t, self.event_t):
            self.conn.execute(
                text("SELECT setval(pg_get_serial_sequence(:t, 'id'), :v, false)"),
                {"t": table.name, "v": self.next_id[table.name]},
            )


def ensure_demo(engine: Engine, today: date, *, contacts: int = DEFAULT_CONTACTS) -> bool:
    """Create the default demo shop when the workspace is empty (first start).

    Returns:
        True if the demo was generated, False if the workspace already had
        contacts or products (the user's own data is never touched).
    """
    with engine.connect() as conn:
        if workspace_has_data(conn):
            return False
    generate_demo(engine, contacts=contacts, today=today)
    return True
