"""Results back from Unisender: ``getCampaignCommonStats`` per variant campaign.

Open rate = ``read_unique / delivered``, click rate = ``clicked_unique /
delivered`` (esp-apis.md); stored as the campaign's results with ``sent`` =
delivered, ``opens`` = read_unique, ``clicks`` = clicked_unique, so the A/B
analysis uses the same denominators. The campaigns are the ones the export
recorded (``campaign:<id>/campaign:<label>``).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx
from sqlalchemy import Engine

from esp.errors import ExportError, ExportUsageError
from esp.history import find_object
from esp.http import HttpClient, RateLimiter, RetryPolicy, Sleep, replace_origin
from esp.keys import get_key
from esp.unisender import CALLS_PER_MINUTE, DEFAULT_URL, TARGET, UnisenderApi
from esp.words import tr


@dataclass(frozen=True)
class VariantStats:
    """One variant's numbers as Unisender counts them."""

    variant: str
    campaign_id: str
    sent: int
    delivered: int
    read_unique: int
    clicked_unique: int
    unsubscribed: int
    spam: int

    @property
    def open_rate(self) -> float | None:
        """read_unique / delivered (None before anything was delivered)."""
        return self.read_unique / self.delivered if self.delivered else None

    @property
    def click_rate(self) -> float | None:
        """clicked_unique / delivered (None before anything was delivered)."""
        return self.clicked_unique / self.delivered if self.delivered else None

    def to_json(self) -> dict[str, Any]:
        """The variant as ``stats pull --json`` prints it."""
        return {"variant": self.variant, "campaign_id": self.campaign_id, "sent": self.sent,
                "delivered": self.delivered, "opens": self.read_unique,
                "clicks": self.clicked_unique, "unsubscribed": self.unsubscribed,
                "spam": self.spam, "open_rate": self.open_rate, "click_rate": self.click_rate}


def _int(lang: str, data: Any, name: str, label: str) -> int:
    value = data.get(name) if isinstance(data, dict) else None
    try:
        return int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ExportError(tr(lang, "Unisender answered getCampaignCommonStats for {label} "
                                   "without {name}", label=label, name=name)) from None


def fetch_stats(engine: Engine, campaign_id: int, campaign_name: str, labels: list[str], *,
                key: str, api_url: str | None = None, lang: str = "en",
                transport: httpx.BaseTransport | None = None, sleep: Sleep = time.sleep,
                retry: RetryPolicy | None = None, timeout: float = 30.0,
                clock: Callable[[], float] = time.monotonic) -> list[VariantStats]:
    """The numbers of each variant's Unisender campaign (nothing is stored)."""
    ids: dict[str, str] = {}
    for label in labels:
        found = find_object(engine, TARGET, f"campaign:{campaign_id}/campaign:{label}")
        if found is None or not found.remote_id:
            if not ids and label == labels[0]:
                if find_object(engine, "unisender-go", f"campaign:{campaign_id}/go-template:"
                                                       f"{label}") is not None:
                    raise ExportUsageError(tr(
                        lang, "stats of Unisender Go come from event dumps, which Konvert "
                              "does not read yet; import the results as a CSV instead"))
                raise ExportUsageError(tr(lang, "campaign {name} has not been exported to "
                                                "{service}: nothing to pull",
                                          name=repr(campaign_name), service="Unisender"))
            raise ExportUsageError(tr(lang, "stats of {name}: variant {label} has no campaign "
                                            "at Unisender yet", name=repr(campaign_name),
                                      label=label))
        ids[label] = found.remote_id
    base = replace_origin(DEFAULT_URL, api_url)
    limiter = RateLimiter(CALLS_PER_MINUTE, clock=clock, sleep=sleep)
    stats = []
    with HttpClient(base, secrets=[key], transport=transport, timeout=timeout, retry=retry,
                    limiter=limiter, sleep=sleep, lang=lang) as http:
        api = UnisenderApi(http, key)
        for label, remote_id in ids.items():
            data = api.call("getCampaignCommonStats", [("campaign_id", remote_id)])
            stats.append(VariantStats(
                variant=label, campaign_id=remote_id, sent=_int(lang, data, "sent", label),
                delivered=_int(lang, data, "delivered", label),
                read_unique=_int(lang, data, "read_unique", label),
                clicked_unique=_int(lang, data, "clicked_unique", label),
                unsubscribed=_int(lang, data, "unsubscribed", label) if isinstance(data, dict)
                and "unsubscribed" in data else 0,
                spam=_int(lang, data, "spam", label) if isinstance(data, dict)
                and "spam" in data else 0))
    return stats


def pull_stats(engine: Engine, campaign: str, *, api_url: str | None = None,
               key: str | None = None, lang: str = "en",
               transport: httpx.BaseTransport | None = None, sleep: Sleep = time.sleep,
               retry: RetryPolicy | None = None, timeout: float = 30.0) -> list[VariantStats]:
    """Pull each variant's numbers from Unisender into the campaign's results."""
    from campaigns import CampaignError, VariantResult, get_campaign, store_results

    try:
        info = get_campaign(engine, campaign)
    except CampaignError as exc:
        raise ExportUsageError(str(exc)) from None
    labels = [v.label for v in info.variants]
    api_key = key if key is not None else get_key(TARGET)
    stats = fetch_stats(engine, info.id, info.name, labels, key=api_key, api_url=api_url,
                        lang=lang, transport=transport, sleep=sleep, retry=retry,
                        timeout=timeout)
    # sent = delivered: the rates' denominator; opens and clicks never exceed it.
    results = [VariantResult(variant=s.variant, sent=s.delivered,
                             opens=min(s.read_unique, s.delivered),
                             clicks=min(s.clicked_unique, s.delivered), conversions=None)
               for s in stats]
    store_results(engine, info.name, results, source="unisender")
    return stats
