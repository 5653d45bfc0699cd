"""Lifecycle statuses computed straight from orders and events (segments.md defaults).

Independent of the segments engine on purpose: the demo must populate every
status by the spec's definitions, whoever implements them.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import Connection, text

_LIFECYCLE = """
SELECT status, COUNT(*) FROM (
  SELECT CASE
    WHEN p.last_at IS NOT NULL THEN
      CASE WHEN p.last_at >= :d90 THEN 'active'
           WHEN p.last_at >= :d180 THEN 'passive'
           WHEN p.last_at >= :d365 THEN 'inactive'
           ELSE 'very_inactive' END
    WHEN EXISTS (SELECT 1 FROM events e WHERE e.contact_id = c.id
                 AND e.type = 'cart_abandon' AND e.day >= :day14 AND e.day <= :today)
      THEN 'hot'
    WHEN (SELECT COUNT(DISTINCT e.day) FROM events e WHERE e.contact_id = c.id
          AND e.type = 'product_view' AND e.day >= :day30 AND e.day <= :today) >= 3
      THEN 'warm'
    ELSE 'cold' END AS status
  FROM contacts c
  LEFT JOIN (SELECT contact_id, MAX(created_at) AS last_at FROM orders
             WHERE status IN ('paid', 'delivered') GROUP BY contact_id) p
    ON p.contact_id = c.id
) s GROUP BY status
"""


def lifecycle_counts(conn: Connection, today: date) -> dict[str, int]:
    """Contacts per lifecycle status at ``today`` with the default thresholds."""

    def start(days: int) -> datetime:
        # "within the last N days": today - N <= purchase date
        return datetime.combine(today - timedelta(days=days), time())

    rows = conn.execute(text(_LIFECYCLE), {
        "d90": start(90), "d180": start(180), "d365": start(365),
        "day14": today - timedelta(days=14), "day30": today - timedelta(days=30),
        "today": today,
    })
    return {str(status): int(n) for status, n in rows}
