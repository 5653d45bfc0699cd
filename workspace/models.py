"""SQLAlchemy models of the workspace (see shared spec data.md).

Text columns that segments compare case-insensitively have a ``*_ci`` twin
holding :func:`workspace.text.fold` of the value (Unicode casefold + strip),
written on every insert/update. SQLite's ``lower()`` folds ASCII only, so the
fold happens in Python, once, at write time; queries compare folded values on
SQLite and PostgreSQL alike and can use indexes.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

Money = Numeric(14, 2)
# SQLite wants INTEGER PRIMARY KEY for rowid aliasing; PostgreSQL gets BIGINT.
PK = BigInteger().with_variant(Integer(), "sqlite")


class Base(DeclarativeBase):
    """Declarative base of every workspace table."""


class Contact(Base):
    """A customer or subscriber. ``email`` is stored folded (the key)."""

    __tablename__ = "contacts"

    id: Mapped[int] = mapped_column(PK, primary_key=True, autoincrement=True)
    email: Mapped[str] = mapped_column(String(320), unique=True)
    first_name: Mapped[str | None] = mapped_column(String(200))
    last_name: Mapped[str | None] = mapped_column(String(200))
    gender: Mapped[str] = mapped_column(String(10), default="unknown")
    birth_date: Mapped[date | None] = mapped_column(Date)
    # Birthday as MMDD so "birthday in N days" is indexable; 29 February is 229
    # (segments treat it as 28 February in years without one).
    birth_mmdd: Mapped[int | None] = mapped_column(Integer)
    city: Mapped[str | None] = mapped_column(String(200))
    region: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(50))
    registered_at: Mapped[datetime | None] = mapped_column(DateTime)
    channel: Mapped[str | None] = mapped_column(String(100))
    payment_method: Mapped[str | None] = mapped_column(String(100))
    device: Mapped[str | None] = mapped_column(String(20))
    consent_email: Mapped[bool | None] = mapped_column(Boolean)
    status: Mapped[str] = mapped_column(String(20), default="subscribed")
    custom: Mapped[dict[str, Any] | None] = mapped_column(JSON)

    first_name_ci: Mapped[str | None] = mapped_column(String(200))
    last_name_ci: Mapped[str | None] = mapped_column(String(200))
    city_ci: Mapped[str | None] = mapped_column(String(200), index=True)
    region_ci: Mapped[str | None] = mapped_column(String(200))
    phone_ci: Mapped[str | None] = mapped_column(String(50))
    channel_ci: Mapped[str | None] = mapped_column(String(100))
    payment_method_ci: Mapped[str | None] = mapped_column(String(100))
    device_ci: Mapped[str | None] = mapped_column(String(20))

    # Derived from orders and events by workspace.derived.recompute(); never typed in.
    orders_count: Mapped[int] = mapped_column(Integer, default=0)
    total_spent: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    avg_order_value: Mapped[Decimal | None] = mapped_column(Money)
    items_per_order: Mapped[float | None] = mapped_column(Numeric(10, 2))
    first_order_at: Mapped[datetime | None] = mapped_column(DateTime)
    last_order_at: Mapped[datetime | None] = mapped_column(DateTime)
    returns_count: Mapped[int] = mapped_column(Integer, default=0)
    complaints_count: Mapped[int] = mapped_column(Integer, default=0)
    rfm_r: Mapped[int | None] = mapped_column(Integer)
    rfm_f: Mapped[int | None] = mapped_column(Integer)
    rfm_m: Mapped[int | None] = mapped_column(Integer)
    rfm_group: Mapped[str | None] = mapped_column(String(30))
    # Behaviour summaries for lifecycle hot/warm (segments.lifecycle): the day of
    # the latest cart abandonment, of the latest product view, and the third
    # most recent distinct day with a product view.
    last_abandon_day: Mapped[date | None] = mapped_column(Date)
    last_view_day: Mapped[date | None] = mapped_column(Date)
    third_view_day: Mapped[date | None] = mapped_column(Date)

    __table_args__ = (
        Index("ix_contacts_status", "status", "consent_email"),
        # Segments (migration 0004): lifecycle statuses, the usual profile
        # filters and the sendable count read these indexes only.
        Index("ix_contacts_lifecycle", "last_order_at", "last_abandon_day", "third_view_day",
              "last_view_day", "status", "consent_email"),
        Index("ix_contacts_profile", "gender", "birth_date", "city_ci", "last_order_at",
              "status", "consent_email"),
        Index("ix_contacts_birth_mmdd", "birth_mmdd"),
        # Sorting the GUI's contacts table in SQL (migration 0003).
        Index("ix_contacts_sort_name", "first_name_ci", "last_name_ci", "id"),
        Index("ix_contacts_sort_orders_count", "orders_count", "id"),
        Index("ix_contacts_sort_total_spent", "total_spent", "id"),
        Index("ix_contacts_sort_last_order_at", "last_order_at", "id"),
        Index("ix_contacts_sort_status", "status", "id"),
    )


class ContactAttribute(Base):
    """A custom attribute of a contact (unknown import columns), queryable."""

    __tablename__ = "contact_attributes"

    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True
    )
    name: Mapped[str] = mapped_column(String(200), primary_key=True)
    value: Mapped[str | None] = mapped_column(Text)
    value_ci: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (Index("ix_contact_attributes_name_value", "name", "value_ci"),)


class PurchasedCategory(Base):
    """A category a contact bought (paid/delivered), derived by ``workspace.derived``."""

    __tablename__ = "purchased_categories"

    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True
    )
    category_ci: Mapped[str] = mapped_column(String(200), primary_key=True)

    __table_args__ = (
        Index("ix_purchased_categories_category", "category_ci", "contact_id"),
    )


class Order(Base):
    """An order. Only ``paid`` and ``delivered`` count as purchases."""

    __tablename__ = "orders"

    id: Mapped[int] = mapped_column(PK, primary_key=True, autoincrement=True)
    order_id: Mapped[str] = mapped_column(String(100), unique=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(DateTime)
    status: Mapped[str] = mapped_column(String(20), default="paid")
    total: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    delivered_at: Mapped[datetime | None] = mapped_column(DateTime)

    __table_args__ = (Index("ix_orders_contact_status", "contact_id", "status", "created_at"),)


class OrderLine(Base):
    """An item of an order, with the product attributes segments ask about."""

    __tablename__ = "order_lines"

    id: Mapped[int] = mapped_column(PK, primary_key=True, autoincrement=True)
    order_pk: Mapped[int] = mapped_column(
        ForeignKey("orders.id", ondelete="CASCADE"), index=True
    )
    sku: Mapped[str | None] = mapped_column(String(100))
    category: Mapped[str | None] = mapped_column(String(200))
    price: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    quantity: Mapped[int] = mapped_column(Integer, default=1)
    color: Mapped[str | None] = mapped_column(String(100))
    size: Mapped[str | None] = mapped_column(String(50))
    style: Mapped[str | None] = mapped_column(String(100))
    sku_ci: Mapped[str | None] = mapped_column(String(100))
    category_ci: Mapped[str | None] = mapped_column(String(200))
    color_ci: Mapped[str | None] = mapped_column(String(100))
    size_ci: Mapped[str | None] = mapped_column(String(50))
    style_ci: Mapped[str | None] = mapped_column(String(100))

    __table_args__ = (
        # No unique key: the lines of an order are a set, the same SKU may repeat
        # (migration 0006).
        Index("ix_order_lines_category_ci", "category_ci"),
    )


class Event(Base):
    """A behaviour event; ``day`` is its local calendar date."""

    __tablename__ = "events"

    id: Mapped[int] = mapped_column(PK, primary_key=True, autoincrement=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    type: Mapped[str] = mapped_column(String(20))
    at: Mapped[datetime] = mapped_column(DateTime)
    day: Mapped[date] = mapped_column(Date)
    sku: Mapped[str | None] = mapped_column(String(100))
    category: Mapped[str | None] = mapped_column(String(200))
    query: Mapped[str | None] = mapped_column(String(500))
    campaign: Mapped[str | None] = mapped_column(String(200))
    # The folded value segments match for this event's type (sku, category,
    # query or campaign), so behaviour conditions need one indexed column.
    value_ci: Mapped[str | None] = mapped_column(String(500))
    # Folded category of any event that has one ("viewed category" also
    # matches product views of that category).
    category_ci: Mapped[str | None] = mapped_column(String(200))

    __table_args__ = (
        UniqueConstraint("contact_id", "type", "at", "sku", "category", "query", "campaign",
                         name="uq_events_natural"),
        Index("ix_events_type_value_day", "type", "value_ci", "day", "contact_id"),
        Index("ix_events_contact_type_day", "contact_id", "type", "day"),
        Index("ix_events_type_day", "type", "day", "contact_id"),
        Index("ix_events_type_category_day", "type", "category_ci", "day", "contact_id"),
    )


class Product(Base):
    """The shop's catalogue."""

    __tablename__ = "products"

    sku: Mapped[str] = mapped_column(String(100), primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    category: Mapped[str | None] = mapped_column(String(200))
    price: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    old_price: Mapped[Decimal | None] = mapped_column(Money)
    image_url: Mapped[str | None] = mapped_column(String(1000))
    url: Mapped[str | None] = mapped_column(String(1000))
    stock: Mapped[int | None] = mapped_column(Integer)
    color: Mapped[str | None] = mapped_column(String(100))
    size: Mapped[str | None] = mapped_column(String(50))
    style: Mapped[str | None] = mapped_column(String(100))


class Setting(Base):
    """Workspace settings (brand kit, lifecycle thresholds, ...) as JSON values."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)


class Segment(Base):
    """A saved segment: a name and its rule tree (segments.md JSON)."""

    __tablename__ = "segments"

    id: Mapped[int] = mapped_column(PK, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    rules: Mapped[Any] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=datetime.now)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime, default=datetime.now, onupdate=datetime.now
    )


class Template(Base):
    """A workspace email template (blocks document or raw MJML)."""

    __tablename__ = "templates"

    id: Mapped[int] = mapped_column(PK, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    scenario: Mapped[str | None] = mapped_column(String(50))
    position: Mapped[int | None] = mapped_column(Integer)
    delay_hours: Mapped[int | None] = mapped_column(Integer)
    subject: Mapped[str] = mapped_column(String(500), default="")
    preheader: Mapped[str] = mapped_column(String(500), default="")
    from_name: Mapped[str] = mapped_column(String(200), default="")
    document: Mapped[Any] = mapped_column(JSON)
    text_override: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=datetime.now)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime, default=datetime.now, onupdate=datetime.now
    )


class Campaign(Base):
    """A campaign: one template, one segment, two to five A/B subject variants.

    ``split_key`` is the key of the deterministic split (campaigns.split):
    random once at creation, never changed, so a contact always lands in the
    same group of this campaign. ``shares`` are the group shares in percent,
    one per variant and the remainder last (0 for "send all now").
    ``plan`` holds the planner's inputs (baseline, lift, alpha, power) as
    recorded before any result came in. ``state`` is one of draft,
    exported, results_in, winner_chosen, winner_exported.
    """

    __tablename__ = "campaigns"

    id: Mapped[int] = mapped_column(PK, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    template_name: Mapped[str | None] = mapped_column(String(200))
    segment_name: Mapped[str | None] = mapped_column(String(200))
    data: Mapped[Any] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=datetime.now)
    split_key: Mapped[str] = mapped_column(String(64), default="")
    shares: Mapped[Any] = mapped_column(JSON, nullable=True, default=list)
    metric: Mapped[str] = mapped_column(String(20), default="clicks")
    state: Mapped[str] = mapped_column(String(20), default="draft")
    send_at: Mapped[datetime | None] = mapped_column(DateTime)
    timezone: Mapped[str | None] = mapped_column(String(64))
    plan: Mapped[Any] = mapped_column(JSON, nullable=True)
    winner: Mapped[str | None] = mapped_column(String(10))
    frozen_at: Mapped[datetime | None] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime, default=datetime.now, onupdate=datetime.now
    )


class CampaignVariant(Base):
    """A subject variant of a campaign (``label`` A, B, C...): subject and preheader only."""

    __tablename__ = "campaign_variants"

    campaign_id: Mapped[int] = mapped_column(
        ForeignKey("campaigns.id", ondelete="CASCADE"), primary_key=True
    )
    label: Mapped[str] = mapped_column(String(10), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    subject: Mapped[str] = mapped_column(String(500))
    preheader: Mapped[str] = mapped_column(String(500), default="")


class CampaignMember(Base):
    """Who got what: the frozen groups of an exported campaign.

    ``group_label`` is a variant label or ``rest`` (the remainder for the
    winner). Written once when the campaign is first exported; the segment
    may change later, the campaign keeps its groups.
    """

    __tablename__ = "campaign_members"

    campaign_id: Mapped[int] = mapped_column(
        ForeignKey("campaigns.id", ondelete="CASCADE"), primary_key=True
    )
    email: Mapped[str] = mapped_column(String(320), primary_key=True)
    contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contacts.id", ondelete="SET NULL")
    )
    group_label: Mapped[str] = mapped_column(String(10))

    __table_args__ = (Index("ix_campaign_members_group", "campaign_id", "group_label"),)


class CampaignResult(Base):
    """Results of one variant: counts from a CSV or pulled from an ESP."""

    __tablename__ = "campaign_results"

    campaign_id: Mapped[int] = mapped_column(
        ForeignKey("campaigns.id", ondelete="CASCADE"), primary_key=True
    )
    label: Mapped[str] = mapped_column(String(10), primary_key=True)
    sent: Mapped[int] = mapped_column(Integer, default=0)
    opens: Mapped[int] = mapped_column(Integer, default=0)
    clicks: Mapped[int] = mapped_column(Integer, default=0)
    conversions: Mapped[int | None] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(50), default="csv")
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=datetime.now)


class ExportLog(Base):
    """One export run: what (``subject``), where (``target``), when, result, details."""

    __tablename__ = "export_log"

    id: Mapped[int] = mapped_column(PK, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=datetime.now)
    target: Mapped[str] = mapped_column(String(50))
    subject: Mapped[str] = mapped_column(String(300))
    result: Mapped[str] = mapped_column(String(20))
    details: Mapped[Any] = mapped_column(JSON)
    campaign_id: Mapped[int | None] = mapped_column(
        ForeignKey("campaigns.id", ondelete="SET NULL")
    )
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)
    message: Mapped[str | None] = mapped_column(Text)


class ExportObject(Base):
    """An object an export created at an ESP (list, import batch, message, campaign...).

    Recorded the moment it exists, so a re-run after a crash resumes and never
    creates it twice. ``key`` names the object within its target, for
    example ``campaign:7/list`` or ``campaign:7/import:A:3``; ``remote_id``
    is the ESP's id.
    """

    __tablename__ = "export_objects"

    id: Mapped[int] = mapped_column(PK, primary_key=True, autoincrement=True)
    target: Mapped[str] = mapped_column(String(50))
    key: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(50))
    remote_id: Mapped[str | None] = mapped_column(String(200))
    campaign_id: Mapped[int | None] = mapped_column(
        ForeignKey("campaigns.id", ondelete="CASCADE")
    )
    export_id: Mapped[int | None] = mapped_column(
        ForeignKey("export_log.id", ondelete="SET NULL")
    )
    details: Mapped[Any] = mapped_column(JSON, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=datetime.now)

    __table_args__ = (UniqueConstraint("target", "key", name="uq_export_objects_key"),)
