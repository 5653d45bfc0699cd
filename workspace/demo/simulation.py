"""What the demo shop's people do: orders, carts, browsing sessions and email events.

Each archetype (segments.md's lifecycle statuses) gets a timeline that puts
it in its status as of ``today``; everything is drawn from the one random
generator, in a fixed order.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from workspace.demo import vocab
from workspace.demo.catalog import DemoProduct
from workspace.demo.people import (
    BUYER_ARCHETYPES,
    FEMALE_SHOES,
    FEMALE_SIZES,
    LAST_PURCHASE_DAYS,
    MAX_HISTORY_DAYS,
    People,
    Person,
    PlannedOrder,
)
from workspace.rows import with_event_extras, with_order_line_extras


class Shop(People):
    """Draws the demo shop's rows; one instance per generation run."""

    # ----- orders and behaviour --------------------------------------------

    def _timeline(self, person: Person, big_cart: bool) -> int:
        """Plan orders, carts and browsing by archetype; returns days since registration."""
        rng = self.rng
        arch = person.archetype
        if arch in BUYER_ARCHETYPES:
            low, high = LAST_PURCHASE_DAYS[arch]
            day = rng.randint(low, high)
            draw = rng.random()
            count = 1 if draw < 0.71 else (2 if draw < 0.86 else (
                3 if draw < 0.93 else rng.randint(4, 9)))
            purchase_days = [day]
            for _ in range(count - 1):
                day += rng.randint(12, 150)
                if day > MAX_HISTORY_DAYS - 10:
                    break
                purchase_days.append(day)
            first = purchase_days[-1]
            extra = rng.choice((0, 0, rng.randint(1, 30), rng.randint(30, 400)))
            reg_days = min(MAX_HISTORY_DAYS, first + extra)
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

    def _pick(self, person: Person, category: str | None = None) -> DemoProduct:
        rng = self.rng
        if category is None:
            draw = rng.random()
            if draw < 0.6:
                category = person.favourites[0] if draw < 0.4 else person.favourites[1]
            else:
                category = self.categories[person.gender](rng)
        return rng.choice(self.assortment[(category, person.gender)])

    def _distinct_products(self, person: Person, count: int) -> list[DemoProduct]:
        chosen: dict[str, DemoProduct] = {}
        for _ in range(count * 6):
            product = self._pick(person)
            chosen.setdefault(product.sku, product)
            if len(chosen) == count:
                break
        return list(chosen.values())

    def _line_size(self, person: Person, product: DemoProduct) -> str:
        if product.category == "Аксессуары":
            return "Без размера"
        size = person.shoe_size if product.is_shoe else person.size
        if self.rng.random() < 0.1:  # a gift, or a size up
            pool = FEMALE_SHOES if product.is_shoe else FEMALE_SIZES
            size = self.rng.choice(pool)[0]
        return size

    def _event(self, person: Person, type_: str, at: datetime, *, sku: str | None = None,
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

    def _session(self, person: Person, day: int, *, views: bool) -> None:
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

    def _browsing(self, person: Person, reg_days: int, sessions: int, *, min_day: int) -> None:
        """Older visits; product views only on days at least ``min_day`` ago."""
        if reg_days < min_day:
            return
        for _ in range(sessions):
            self._session(person, self.rng.randint(min_day, reg_days), views=True)

    def _cart(self, person: Person, day: int, items: int, *, abandoned: bool,
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

    def _order(self, person: Person, day: int, status: str) -> None:
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
        person.orders.append(PlannedOrder(
            row={"order_id": f"{created:%y%m}-{self.order_seq:06d}", "created_at": created,
                 "status": status, "total": total, "delivered_at": delivered_at},
            lines=lines,
        ))
        if rng.random() < 0.75:  # transactional mail is opened 70-80% of the time
            self._event(person, "email_open", created + timedelta(minutes=rng.randint(1, 240)),
                        campaign=vocab.ORDER_CONFIRMATION)

    def _trigger_opens(self, person: Person, start: datetime, series: Sequence[str],
                       plan: Sequence[tuple[int, float]]) -> None:
        rng = self.rng
        for name, (hours, chance) in zip(series, plan, strict=True):
            if rng.random() < chance:
                at = start + timedelta(hours=hours, minutes=rng.randint(5, 300))
                self._event(person, "email_open", at, campaign=name)
                if rng.random() < 0.25:
                    self._event(person, "email_click", at + timedelta(seconds=rng.randint(5, 90)),
                                campaign=name)

    def _email_events(self, person: Person, reg_days: int, status: str) -> None:
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
