"""What an exporter receives: a campaign rendered and translated for one target.

``esp.prepare`` (translation, rendering) builds a :class:`CampaignPayload`;
each ESP module only sends it. Everything here is frozen and Qt-free, so it
crosses threads.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class VariantPayload:
    """One A/B variant for the target: the same body, its own subject and preheader."""

    label: str  # "A", "B", ...
    subject: str  # in the target's merge-tag syntax
    preheader: str
    html: str  # final HTML, CSS inlined, translated
    text: str  # plain text, translated


@dataclass(frozen=True)
class Recipient:
    """A sendable contact of a group, with the canonical variables known for it.

    ``fields`` maps canonical variable names (``first_name``, ``last_name``,
    ``city``, ...) to values; each exporter maps them to the account's field
    names (esp.translate's field mapping).
    """

    email: str
    fields: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class GroupPayload:
    """A frozen group of the campaign: a variant's test group or ``rest``."""

    label: str
    recipients: tuple[Recipient, ...]


@dataclass(frozen=True)
class CampaignPayload:
    """A campaign ready for one target: variants, groups, sender, send time."""

    campaign_id: int
    campaign_name: str
    target: str
    from_name: str
    from_email: str
    variants: tuple[VariantPayload, ...]
    groups: tuple[GroupPayload, ...]
    send_at: datetime | None = None
    timezone: str | None = None
    winner: str | None = None  # the chosen variant's label, once there is one

    def variant(self, label: str) -> VariantPayload:
        """The variant with ``label`` (KeyError when there is none)."""
        for variant in self.variants:
            if variant.label == label:
                return variant
        raise KeyError(label)

    def group(self, label: str) -> GroupPayload:
        """The group with ``label`` (KeyError when there is none)."""
        for group in self.groups:
            if group.label == label:
                return group
        raise KeyError(label)
