"""Per-contact aggregates derived from orders and events (data.md, "Derived data").

They are recomputed after every import and after the demo is generated, in
set-based SQL that runs the same on SQLite and PostgreSQL. Today-relative
values (lifecycle, days since last order) are not stored: segments compute
them from these columns against the reference date.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

PURCHASE_STATUSES = ("paid", "delivered")

_AGGREGATES = """
CREATE TEMPORARY TABLE konvert_agg AS
SELECT c.contact_id AS contact_id,
       COALESCE(p.n, 0) AS orders_count,
       COALESCE(p.s, 0) AS total_spent,
       p.f AS first_order_at,
       p.l AS last_order_at,
       COALESCE(li.q, 0) AS items,
       COALESCE(r.n, 0) AS returns_count,
       COALESCE(e.n, 0) AS complaints_count
FROM (SELECT contact_id FROM orders
      UNION SELECT contact_id FROM events WHERE type = 'complaint') c
LEFT JOIN (SELECT contact_id, COUNT(*) AS n, SUM(total) AS s,
                  MIN(created_at) AS f, MAX(created_at) AS l
           FROM orders WHERE status IN ('paid', 'delivered')
           GROUP BY contact_id) p ON p.contact_id = c.contact_id
LEFT JOIN (SELECT o.contact_id AS contact_id, SUM(ol.quantity) AS q
           FROM order_lines ol JOIN orders o ON o.id = ol.order_pk
           WHERE o.status IN ('paid', 'delivered')
           GROUP BY o.contact_id) li ON li.contact_id = c.contact_id
LEFT JOIN (SELECT contact_id, COUNT(*) AS n FROM orders
           WHERE status = 'returned' GROUP BY contact_id) r ON r.contact_id = c.contact_id
LEFT JOIN (SELECT contact_id, COUNT(*) AS n FROM events
           WHERE type = 'complaint' GROUP BY contact_id) e ON e.contact_id = c.contact_id
"""

_RESET_STALE = """
UPDATE contacts SET orders_count = 0, total_spent = 0, avg_order_value = NULL,
       items_per_order = NULL, first_order_at = NULL, last_order_at = NULL,
       returns_count = 0, complaints_count = 0
WHERE (orders_count <> 0 OR returns_count <> 0 OR complaints_count <> 0
       OR last_order_at IS NOT NULL)
  AND id NOT IN (SELECT contact_id FROM konvert_agg)
"""

# "* 1.0": SQLite's CAST(... AS NUMERIC) keeps integers, and 3 / 2 would be 1;
# 1.0 is REAL on SQLite and NUMERIC on PostgreSQL, so both divide exactly.
_APPLY = """
UPDATE contacts SET
    orders_count = a.orders_count,
    total_spent = a.total_spent,
    avg_order_value = CASE WHEN a.orders_count > 0
        THEN ROUND(a.total_spent * 1.0 / a.orders_count, 2) END,
    items_per_order = CASE WHEN a.orders_count > 0
        THEN ROUND(a.items * 1.0 / a.orders_count, 2) END,
    first_order_at = a.first_order_at,
    last_order_at = a.last_order_at,
    returns_count = a.returns_count,
    complaints_count = a.complaints_count
FROM konvert_agg a
WHERE contacts.id = a.contact_id
"""

# Quintile scores with ties kept together: 1 + floor(5 * percent_rank), capped at 5.
_RFM = """
CREATE TEMPORARY TABLE konvert_rfm AS
SELECT id,
       CAST(FLOOR(1 + 5 * PERCENT_RANK() OVER (ORDER BY last_order_at) * 0.9999) AS INTEGER) AS r,
       CAST(FLOOR(1 + 5 * PERCENT_RANK() OVER (ORDER BY orders_count) * 0.9999) AS INTEGER) AS f,
       CAST(FLOOR(1 + 5 * PERCENT_RANK() OVER (ORDER BY total_spent) * 0.9999) AS INTEGER) AS m
FROM contacts WHERE orders_count > 0
"""

# The usual R x F grid (F stands for frequency and monetary together).
_RFM_GROUP = """
CASE
  WHEN k.r = 5 AND k.f >= 4 THEN 'champions'
  WHEN k.r IN (3, 4) AND k.f >= 4 THEN 'loyal'
  WHEN k.r >= 4 AND k.f IN (2, 3) THEN 'potential_loyalist'
  WHEN k.r = 5 AND k.f = 1 THEN 'new'
  WHEN k.r = 4 AND k.f = 1 THEN 'promising'
  WHEN k.r = 3 AND k.f = 3 THEN 'need_attention'
  WHEN k.r = 3 AND k.f <= 2 THEN 'about_to_sleep'
  WHEN k.r <= 2 AND k.f = 5 THEN 'cant_lose'
  WHEN k.r <= 2 AND k.f IN (3, 4) THEN 'at_risk'
  WHEN k.r = 1 AND k.f = 1 THEN 'lost'
  ELSE 'hibernating'
END
"""

_APPLY_RFM = f"""
UPDATE contacts SET rfm_r = k.r, rfm_f = k.f, rfm_m = k.m, rfm_group = {_RFM_GROUP}
FROM konvert_rfm k WHERE contacts.id = k.id
"""

_RESET_RFM = """
UPDATE contacts SET rfm_r = NULL, rfm_f = NULL, rfm_m = NULL, rfm_group = NULL
WHERE orders_count = 0 AND rfm_r IS NOT NULL
"""


# Behaviour summaries the lifecycle statuses read (segments.lifecycle): the
# latest cart abandonment, the latest product view and the third most recent
# distinct day with a product view ("viewed products on 3 distinct days").
_BEHAVIOUR = """
CREATE TEMPORARY TABLE konvert_beh AS
SELECT contact_id,
       MAX(abandon_day) AS last_abandon_day,
       MAX(CASE WHEN rn = 1 THEN view_day END) AS last_view_day,
       MAX(CASE WHEN rn = 3 THEN view_day END) AS third_view_day
FROM (SELECT contact_id, day AS abandon_day, NULL AS view_day, NULL AS rn
      FROM events WHERE type = 'cart_abandon'
      UNION ALL
      SELECT contact_id, NULL, day,
             ROW_NUMBER() OVER (PARTITION BY contact_id ORDER BY day DESC)
      FROM (SELECT DISTINCT contact_id, day FROM events WHERE type = 'product_view') d
     ) u
GROUP BY contact_id
"""

_RESET_BEHAVIOUR = """
UPDATE contacts SET last_abandon_day = NULL, last_view_day = NULL, third_view_day = NULL
WHERE (last_abandon_day IS NOT NULL OR last_view_day IS NOT NULL)
  AND id NOT IN (SELECT contact_id FROM konvert_beh)
"""

_APPLY_BEHAVIOUR = """
UPDATE contacts SET last_abandon_day = b.last_abandon_day,
       last_view_day = b.last_view_day, third_view_day = b.third_view_day
FROM konvert_beh b WHERE contacts.id = b.contact_id
"""


# Distinct purchased categories per contact ("bought category" in segments).
_PURCHASED_CATEGORIES = """
INSERT INTO purchased_categories (contact_id, category_ci)
SELECT DISTINCT o.contact_id, l.category_ci
FROM order_lines l JOIN orders o ON o.id = l.order_pk
WHERE o.status IN ('paid', 'delivered') AND l.category_ci IS NOT NULL
"""


def recompute(conn: Connection) -> None:
    """Recompute every contact's aggregates, RFM scores and behaviour summaries.

    Runs in ``conn``'s transaction.
    """
    for name in ("konvert_agg", "konvert_rfm", "konvert_beh"):
        conn.execute(text(f"DROP TABLE IF EXISTS {name}"))
    conn.execute(text(_AGGREGATES))
    conn.execute(text(_RESET_STALE))
    conn.execute(text(_APPLY))
    conn.execute(text("DROP TABLE konvert_agg"))
    conn.execute(text(_RESET_RFM))
    conn.execute(text(_RFM))
    conn.execute(text(_APPLY_RFM))
    conn.execute(text("DROP TABLE konvert_rfm"))
    conn.execute(text(_BEHAVIOUR))
    conn.execute(text(_RESET_BEHAVIOUR))
    conn.execute(text(_APPLY_BEHAVIOUR))
    conn.execute(text("DROP TABLE konvert_beh"))
    conn.execute(text("DELETE FROM purchased_categories"))
    conn.execute(text(_PURCHASED_CATEGORIES))
    # Fresh planner statistics, so segment queries pick the right indexes after
    # the data changed (a sampled ANALYZE on SQLite takes milliseconds).
    if conn.dialect.name == "sqlite":
        conn.execute(text("PRAGMA analysis_limit = 1000"))
    conn.execute(text("ANALYZE"))
