"""The demo shop's people: archetypes, names, birthdays, emails and plans to fill.

:class:`People` draws one contact at a time from the shop's random
generator; what each contact does (orders, carts, browsing, email events) is
:mod:`workspace.demo.simulation`'s.
"""

from __future__ import annotations

import calendar
import itertools
import random
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any, TypeVar

from workspace.demo import vocab
from workspace.demo.catalog import CATEGORIES, DemoProduct, build_catalog
from workspace.rows import with_contact_extras

T = TypeVar("T")


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
LAST_PURCHASE_DAYS = {
    "active": (1, 86),
    "passive": (95, 175),
    "inactive": (186, 358),
    "very_inactive": (372, 1500),
}
MAX_HISTORY_DAYS = 1825
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
FEMALE_SIZES = (("XS", 10), ("S", 30), ("M", 32), ("L", 18), ("XL", 8), ("XXL", 2))
_MALE_SIZES = (("S", 8), ("M", 28), ("L", 33), ("XL", 22), ("XXL", 9))
FEMALE_SHOES = (("36", 12), ("37", 26), ("38", 28), ("39", 20), ("40", 10), ("41", 4))
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
class PlannedOrder:
    row: dict[str, Any]
    lines: list[dict[str, Any]]


@dataclass(slots=True)
class Person:
    """One contact being generated: profile, tastes, orders and events."""

    index: int
    archetype: str
    gender: str
    favourites: tuple[str, str]
    size: str
    shoe_size: str
    registered_at: datetime
    orders: list[PlannedOrder] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    keys: set[tuple[Any, ...]] = field(default_factory=set)


class People:
    """The shop's state and its contacts; ``simulation.Shop`` adds what they do."""

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
        self.sizes = {"female": _Picker(FEMALE_SIZES), "male": _Picker(_MALE_SIZES)}
        self.shoes = {"female": _Picker(FEMALE_SHOES), "male": _Picker(_MALE_SHOES)}
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

    def person(self, index: int) -> tuple[dict[str, Any], Person]:
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
        person = Person(
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

    # What people do is workspace.demo.simulation.Shop's.

    def _timeline(self, person: Person, big_cart: bool) -> int:
        raise NotImplementedError

    def _email_events(self, person: Person, reg_days: int, status: str) -> None:
        raise NotImplementedError
