"""Time ``segment count`` on a big generated shop (prints numbers; run on demand).

Usage: python benchmarks/segment_count.py [--db PATH] [--contacts N] [--rebuild]

Generates (once; the SQLite file is cached between runs) N contacts (default
1,000,000) with about 3 orders each for buyers (3,000,000 orders, ~4.5 M
order lines) and 10 events per contact (10,000,000), with set-based SQL.
Then times ``segments.count`` end to end through the API (compile + one
SELECT) for the example rule of segments.md and for each lifecycle status,
next to a hand-written SQL query for the same rule, and checks that both
give the same numbers. Target: under 300 ms each and within 1.5x of the
hand-written query.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import Engine, text

from segments import count, lifecycle_counts
from workspace.db import open_workspace
from workspace.derived import recompute
from workspace.text import fold

TODAY = date(2025, 3, 15)
DATA_VERSION = 4

CITIES = [("Москва", 25), ("Санкт-Петербург", 12), ("Новосибирск", 5), ("Екатеринбург", 5),
          ("Казань", 5), ("Нижний Новгород", 4), ("Челябинск", 4), ("Самара", 4),
          ("Омск", 3), ("Ростов-на-Дону", 3), ("Уфа", 3), ("Красноярск", 3), ("Пермь", 3),
          ("Воронеж", 3), ("Волгоград", 3), ("Краснодар", 4), ("Тюмень", 2), ("Иркутск", 2),
          ("Томск", 2), ("Калининград", 5)]
CATEGORIES = ["Платья", "Обувь", "Сумки", "Аксессуары", "Джинсы", "Футболки", "Куртки",
              "Юбки", "Рубашки", "Бельё"]
EVENT_TYPES = [("product_view", 40), ("category_view", 10), ("search", 5), ("cart_add", 8),
               ("cart_abandon", 4), ("site_visit", 15), ("email_open", 10),
               ("email_click", 5), ("promo_click", 2), ("complaint", 1)]

EXAMPLE = {"all": [
    {"field": "gender", "op": "eq", "value": "female"},
    {"field": "age", "op": "between", "value": [25, 40]},
    {"field": "city", "op": "in", "value": ["Москва", "Санкт-Петербург"]},
    {"any": [
        {"field": "bought_category", "op": "eq", "value": "Платья"},
        {"field": "viewed_category", "op": "eq", "value": "Платья", "within_days": 30},
    ]},
    {"not": {"field": "days_since_last_order", "op": "lt", "value": 90}},
]}


def H(salt: int) -> str:
    """SQL for a reproducible pseudo-random integer from the row number ``i``.

    random() would be evaluated again wherever SQLite inlines the CTE column.
    """
    x = f"(((i * 31 + {salt}) * 2654435761) % 2147483647)"
    return f"((({x} * {x}) % 2147483647 * 48271 + {salt}) % 2147483647)"


def _weighted_table(conn: object, name: str, items: list[tuple[str, int]]) -> None:
    """A lookup table (slot -> value, value_ci) with ``weight`` slots per value."""
    conn.execute(text(f"CREATE TEMP TABLE {name} (slot INTEGER PRIMARY KEY, v TEXT, ci TEXT)"))  # type: ignore[attr-defined]
    rows, slot = [], 0
    for value, weight in items:
        for _ in range(weight):
            rows.append({"s": slot, "v": value, "c": fold(value)})
            slot += 1
    conn.execute(text(f"INSERT INTO {name} VALUES (:s, :v, :c)"), rows)  # type: ignore[attr-defined]


def generate(engine: Engine, n: int) -> None:
    """Fill an empty workspace with ``n`` contacts, 3n orders and 10n events."""
    started = time.perf_counter()
    today = TODAY.isoformat()
    with engine.begin() as conn:
        conn.execute(text("PRAGMA cache_size = -2000000"))
        index_sql = [sql for (sql,) in conn.execute(text(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
            "AND tbl_name IN ('contacts', 'orders', 'order_lines', 'events')"))]
        names = [name for (name,) in conn.execute(text(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
            "AND tbl_name IN ('contacts', 'orders', 'order_lines', 'events')"))]
        for name in names:  # bulk load first, build the indexes once at the end
            conn.execute(text(f"DROP INDEX {name}"))
        _weighted_table(conn, "b_city", CITIES)
        _weighted_table(conn, "b_cat", [(c, 1) for c in CATEGORIES])
        _weighted_table(conn, "b_type", EVENT_TYPES)
        conn.execute(text(f"""
            INSERT INTO contacts (id, email, first_name, gender, birth_date, birth_mmdd, city,
                city_ci, registered_at, consent_email, status, orders_count, total_spent,
                returns_count, complaints_count)
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {n}),
            r AS MATERIALIZED (SELECT i, {H(7919)} % 100 AS g, {H(15838)} % 17500 AS b,
                         {H(23757)} % 100 AS cs, {H(31676)} % 1000 AS rd,
                         {H(39595)} % 100 AS st FROM n)
            SELECT i, 'user' || i || '@example.ru', 'Имя' || (i % 500),
                   CASE WHEN g < 55 THEN 'female' WHEN g < 95 THEN 'male' ELSE 'unknown' END,
                   CASE WHEN cs < 90 THEN date('1960-01-01', '+' || b || ' days') END,
                   CASE WHEN cs < 90 THEN CAST(strftime('%m%d', date('1960-01-01',
                        '+' || b || ' days')) AS INTEGER) END,
                   CASE WHEN cs < 95 THEN c.v END, CASE WHEN cs < 95 THEN c.ci END,
                   datetime('{today}', '-' || rd || ' days') || '.000000',
                   CASE WHEN st < 95 THEN 1 ELSE 0 END,
                   CASE WHEN st < 90 THEN 'subscribed' WHEN st < 96 THEN 'unsubscribed'
                        WHEN st < 99 THEN 'bounced' ELSE 'complained' END, 0, 0, 0, 0
            FROM r CROSS JOIN b_city c ON c.slot = r.i % 100"""))
        print(f"  contacts: {time.perf_counter() - started:.0f} s", flush=True)
        buyers = int(n * 0.6)
        conn.execute(text(f"""
            INSERT INTO orders (id, order_id, contact_id, created_at, status, total)
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {3 * n}),
            r AS MATERIALIZED (SELECT i, {H(47514)} % {buyers} AS c, {H(55433)} % 1095 AS d,
                         {H(63352)} % 86400 AS s, {H(71271)} % 100 AS st FROM n)
            SELECT i, 'O' || i, 1 + c,
                   datetime('{today}', '-' || d || ' days', '+' || s || ' seconds') || '.000000',
                   CASE WHEN st < 60 THEN 'paid' WHEN st < 85 THEN 'delivered'
                        WHEN st < 93 THEN 'cancelled' WHEN st < 98 THEN 'returned'
                        ELSE 'pending' END,
                   500 + {H(79190)} % 20000
            FROM r"""))
        print(f"  orders: {time.perf_counter() - started:.0f} s", flush=True)
        for line in (1, 2):
            share = 100 if line == 1 else 50
            conn.execute(text(f"""
                INSERT INTO order_lines (order_pk, sku, category, category_ci, sku_ci, price,
                                         quantity, size, size_ci)
                SELECT o.id, 'SKU-' || (o.id * {line} % 5000), k.v, k.ci,
                       'sku-' || (o.id * {line} % 5000), 1000, 1 + o.id % 2,
                       'M', 'm'
                FROM orders o CROSS JOIN b_cat k ON k.slot = (o.id * 7 + {line}) % 10
                WHERE o.id % 100 < {share}"""))
        print(f"  order lines: {time.perf_counter() - started:.0f} s", flush=True)
        conn.execute(text(f"""
            CREATE TEMP TABLE b_events AS
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {10 * n}),
            r AS MATERIALIZED (SELECT i, 1 + {H(87109)} % {n} AS c, {H(95028)} % 730 AS d,
                         {H(102947)} % 86400 AS s, {H(110866)} % 100 AS t,
                         {H(118785)} % 10 AS k, {H(126704)} % 5000 AS p FROM n),
            e AS (SELECT r.*, ty.v AS type, k.v AS cat, k.ci AS cat_ci,
                         datetime('{today}', '-' || d || ' days', '+' || s || ' seconds')
                           AS at FROM r CROSS JOIN b_type ty ON ty.slot = r.t
                         CROSS JOIN b_cat k ON k.slot = r.k)
            SELECT c AS contact_id, type, at || '.000000' AS at, substr(at, 1, 10) AS day,
                   CASE WHEN type IN ('product_view', 'cart_add', 'cart_abandon')
                        THEN 'SKU-' || p END AS sku,
                   CASE WHEN type IN ('product_view', 'category_view') THEN cat END AS category,
                   CASE WHEN type IN ('product_view', 'cart_add', 'cart_abandon')
                        THEN 'sku-' || p
                        WHEN type = 'category_view' THEN cat_ci
                        WHEN type = 'search' THEN 'запрос ' || (p % 100)
                        WHEN type IN ('email_open', 'email_click', 'promo_click', 'complaint')
                        THEN 'кампания-' || (p % 30) END AS value_ci,
                   CASE WHEN type IN ('product_view', 'category_view') THEN cat_ci END
                     AS category_ci,
                   CASE WHEN type = 'search' THEN 'Запрос ' || (p % 100) END AS query,
                   CASE WHEN type IN ('email_open', 'email_click', 'promo_click', 'complaint')
                        THEN 'Кампания-' || (p % 30) END AS campaign
            FROM e"""))
        print(f"  events generated: {time.perf_counter() - started:.0f} s", flush=True)
        # In the order of the unique index, so that it grows at its end.
        conn.execute(text("""
            INSERT OR IGNORE INTO events (contact_id, type, at, day, sku, category, value_ci,
                                          category_ci, query, campaign)
            SELECT contact_id, type, at, day, sku, category, value_ci, category_ci, query,
                   campaign
            FROM b_events ORDER BY contact_id, type, at, sku, category, query, campaign"""))
        conn.execute(text("DROP TABLE b_events"))
        print(f"  events: {time.perf_counter() - started:.0f} s", flush=True)
        for sql in index_sql:
            conn.execute(text(sql))
        print(f"  indexes: {time.perf_counter() - started:.0f} s", flush=True)
        recompute(conn)
        print(f"  derived data: {time.perf_counter() - started:.0f} s", flush=True)
        conn.execute(text("CREATE TABLE IF NOT EXISTS bench_meta (version INTEGER)"))
        conn.execute(text("DELETE FROM bench_meta"))
        conn.execute(text(f"INSERT INTO bench_meta VALUES ({DATA_VERSION})"))
    with engine.connect() as conn:
        conn.execute(text("ANALYZE"))
        conn.commit()
    print(f"generated in {time.perf_counter() - started:.0f} s", flush=True)


def _d(days: int) -> str:
    return f"'{(TODAY - timedelta(days=days)).isoformat()}'"


# Hand-written equivalents, as a developer would write them for this schema.
_SENDABLE = ("SUM(CASE WHEN status IN ('subscribed', '') AND (consent_email IS NULL "
             "OR consent_email = 1) THEN 1 ELSE 0 END)")
HAND_EXAMPLE = f"""
SELECT COUNT(*), {_SENDABLE} FROM contacts c
WHERE gender = 'female' AND birth_date > '1984-03-15' AND birth_date <= '2000-03-15'
  AND city_ci IN ('москва', 'санкт-петербург')
  AND (last_order_at IS NULL OR last_order_at < {_d(89)})
  AND (c.id IN (SELECT contact_id FROM events WHERE type IN ('category_view', 'product_view')
                AND category_ci = 'платья' AND day >= {_d(30)} AND day <= {_d(0)})
       OR EXISTS (SELECT 1 FROM purchased_categories p
                  WHERE p.contact_id = c.id AND p.category_ci = 'платья'))
"""
HAND_NEVER = "last_order_at IS NULL"
HAND_HOT = f"last_abandon_day >= {_d(14)} AND last_abandon_day <= {_d(0)}"
HAND_WARM = f"third_view_day >= {_d(30)} AND last_view_day <= {_d(0)}"
HAND_LIFECYCLE = {
    "active": f"last_order_at >= {_d(90)}",
    "passive": f"last_order_at < {_d(90)} AND last_order_at >= {_d(180)}",
    "inactive": f"last_order_at < {_d(180)} AND last_order_at >= {_d(365)}",
    "very_inactive": f"last_order_at < {_d(365)}",
    "hot": f"{HAND_NEVER} AND {HAND_HOT}",
    "warm": f"{HAND_NEVER} AND NOT ({HAND_HOT} AND last_abandon_day IS NOT NULL) "
            f"AND {HAND_WARM}",
    "cold": f"{HAND_NEVER} AND NOT (last_abandon_day IS NOT NULL AND {HAND_HOT}) "
            f"AND NOT (third_view_day IS NOT NULL AND {HAND_WARM})",
}


def _timed_ms(fn: object, runs: int = 7) -> tuple[float, float, object]:
    """(median, best) milliseconds of ``runs`` calls after a warm-up, and the value."""
    result = fn()  # type: ignore[operator]
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), min(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="/tmp/konvert-bench/segments.sqlite")
    parser.add_argument("--contacts", type=int, default=1_000_000)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    path = Path(args.db)
    path.parent.mkdir(parents=True, exist_ok=True)
    if args.rebuild and path.exists():
        path.unlink()
    engine = open_workspace(str(path))
    with engine.connect() as conn:
        ready = conn.execute(text(
            "SELECT name FROM sqlite_master WHERE name = 'bench_meta'")).first()
        version = conn.execute(text("SELECT max(version) FROM bench_meta")).scalar() \
            if ready else None
        contacts_n = conn.execute(text("SELECT count(*) FROM contacts")).scalar()
    if version != DATA_VERSION or contacts_n != args.contacts:
        engine.dispose()
        path.unlink(missing_ok=True)
        engine = open_workspace(str(path))
        print(f"generating {args.contacts} contacts into {path} ...", flush=True)
        generate(engine, args.contacts)
    with engine.connect() as conn:
        sizes = {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar()
                 for t in ("contacts", "orders", "order_lines", "events")}
    print("rows:", ", ".join(f"{t} {n:,}" for t, n in sizes.items()))

    cases = [("example rule (segments.md)", EXAMPLE, HAND_EXAMPLE)]
    for status, where in HAND_LIFECYCLE.items():
        cases.append((f"lifecycle {status}", {"field": "lifecycle", "op": "eq",
                                              "value": status},
                      f"SELECT COUNT(*), {_SENDABLE} FROM contacts WHERE {where}"))
    print("median (best) of 7 runs; the machine is shared, so best shows the quiet case")
    print(f"{'rule':32} {'API ms':>15} {'hand ms':>15} {'ratio':>6}  count / sendable")
    worst = 0.0
    for label, rule, hand in cases:
        api_ms, api_best, api = _timed_ms(lambda rule=rule: count(engine, rule, TODAY))

        def run_hand(hand: str = hand) -> tuple[int, int]:
            with engine.connect() as conn:
                row = conn.execute(text(hand)).one()
            return int(row[0]), int(row[1] or 0)

        hand_ms, hand_best, hand_result = _timed_ms(run_hand)
        same = (api.count, api.sendable) == hand_result  # type: ignore[attr-defined]
        ratio = api_ms / hand_ms if hand_ms else float("inf")
        worst = max(worst, api_ms)
        print(f"{label:32} {api_ms:7.1f} ({api_best:5.1f}) {hand_ms:7.1f} ({hand_best:5.1f}) "
              f"{ratio:6.2f}  "
              f"{api.count} / {api.sendable}"  # type: ignore[attr-defined]
              f"{'' if same else f'  MISMATCH hand={hand_result}'}", flush=True)
    chart_ms, chart_best, chart = _timed_ms(lambda: lifecycle_counts(engine, TODAY), runs=3)
    print(f"{'lifecycle_counts (all 7, chart)':32} {chart_ms:7.1f} ({chart_best:5.1f})  {chart}")
    print(f"slowest count: {worst:.1f} ms (target < 300 ms)")


if __name__ == "__main__":
    main()
