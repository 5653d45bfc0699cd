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

import logging
import random
from collections.abc import Callable
from datetime import date

from sqlalchemy import Connection, Engine, Table, insert, literal, select

from workspace import models
from workspace.demo.simulation import Shop
from workspace.demo.writer import Writer, table_of
from workspace.derived import recompute
from workspace.errors import WorkspaceError

log = logging.getLogger(__name__)

DEFAULT_CONTACTS = 5000
DEFAULT_SEED = 42
# Contacts generated and written per round trip; bounds memory at any size.
BATCH_CONTACTS = 1000

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


class DemoCancelledError(WorkspaceError):
    """The demo generation was cancelled; nothing was written."""


def _has_rows(conn: Connection, table: Table) -> bool:
    return conn.execute(select(literal(1)).select_from(table).limit(1)).first() is not None


def workspace_has_data(conn: Connection) -> bool:
    """Whether the workspace holds contacts or products (the demo would mix with them)."""
    return _has_rows(conn, table_of(models.Contact)) or _has_rows(conn, table_of(models.Product))

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
    contact_t, product_t = table_of(models.Contact), table_of(models.Product)
    with engine.begin() as conn:
        if _has_rows(conn, contact_t):
            raise WorkspaceError(
                "the workspace already has contacts; the demo shop is only created in an "
                "empty workspace (use a new workspace file)")
        if _has_rows(conn, product_t):
            raise WorkspaceError(
                "the workspace already has products; the demo shop is only created in an "
                "empty workspace (use a new workspace file)")
        shop = Shop(random.Random(seed), today, contacts)
        conn.execute(insert(product_t), shop.product_rows)
        writer = Writer(conn)
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
