"""The deterministic split: same groups every time, stable, shares kept, sendable only."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import Engine, update

from campaigns import (
    CampaignDraft,
    CampaignError,
    create_campaign,
    freeze_groups,
    get_campaign,
    group_members,
    group_sizes,
    mark_exported,
    split,
)
from campaigns.split import group_of, position
from tests.campaigns.conftest import TODAY, add_contacts
from workspace.models import Contact

EMAILS = [f"user{i}@example.ru" for i in range(20_000)]


def test_same_key_same_groups_different_key_different_groups() -> None:
    first = split("key-1", EMAILS, ["A", "B"], [10, 10, 80])
    assert first == split("key-1", list(reversed(EMAILS))[::-1], ["A", "B"], [10, 10, 80])
    other = split("key-2", EMAILS, ["A", "B"], [10, 10, 80])
    assert other["A"] != first["A"]


def test_group_depends_on_key_and_email_only() -> None:
    alone = group_of("k", "anna@example.ru", ["A", "B"], [10, 10, 80])
    crowd = split("k", [*EMAILS, "anna@example.ru"], ["A", "B"], [10, 10, 80])
    assert "anna@example.ru" in crowd[alone]
    assert 0 <= position("k", "anna@example.ru") < 1
    # case and spaces of the address do not matter
    assert position("k", " Anna@Example.RU") == position("k", "anna@example.ru")


def test_adding_contacts_moves_nobody() -> None:
    before = split("k", EMAILS[:10_000], ["A", "B", "C"], [5, 5, 5, 85])
    after = split("k", EMAILS, ["A", "B", "C"], [5, 5, 5, 85])
    for label, members in before.items():
        assert set(members) <= set(after[label])


def test_shares_within_one_percent_at_100k() -> None:
    emails = [f"buyer{i}@shop.ru" for i in range(100_000)]
    groups = split("a1b2c3", emails, ["A", "B"], [10, 10, 80])
    for label, share in (("A", 10), ("B", 10), ("rest", 80)):
        assert abs(len(groups[label]) / 1000 - share) < 1  # percentage points
    even = split("d4", emails, ["A", "B", "C"], [33.3, 33.3, 33.4, 0])
    assert not even["rest"]
    assert all(abs(len(even[x]) / 1000 - 33.3) < 1 for x in "ABC")


def _draft(name: str = "Осень", shares: list[float] | None = None,
           subjects: tuple[str, ...] = ("Тема A", "Тема B")) -> CampaignDraft:
    return CampaignDraft(name=name, template="welcome_1", segment="Москва",
                         subjects=list(subjects), shares=shares)


def test_only_sendable_contacts_are_in_groups(moscow: Callable[[int], Engine]) -> None:
    engine = moscow(2000)
    add_contacts(engine, [f"gone{i}@example.ru" for i in range(300)], status="unsubscribed")
    add_contacts(engine, [f"bounced{i}@example.ru" for i in range(50)], status="bounced")
    add_contacts(engine, [f"nope{i}@example.ru" for i in range(70)], consent=False)
    create_campaign(engine, _draft(shares=[30, 30, 40]), TODAY)
    groups = group_members(engine, "Осень", TODAY)
    everyone = [e for g in groups.values() for e in g]
    assert len(everyone) == 2000
    assert all(e.startswith("c") for e in everyone)


def test_frozen_groups_survive_segment_changes(moscow: Callable[[int], Engine]) -> None:
    engine = moscow(1000)
    create_campaign(engine, _draft(), TODAY)
    live = group_members(engine, "Осень", TODAY)
    mark_exported(engine, "Осень", TODAY)
    info = get_campaign(engine, "Осень")
    assert info.frozen and info.state == "exported"
    # the segment changes: some leave Moscow, some unsubscribe, new ones arrive
    with engine.begin() as conn:
        conn.execute(update(Contact).where(Contact.email.like("c0001%"))
                     .values(city="Казань", city_ci="казань"))
        conn.execute(update(Contact).where(Contact.email.like("c0002%"))
                     .values(status="unsubscribed"))
    add_contacts(engine, [f"new{i}@example.ru" for i in range(500)])
    assert group_members(engine, "Осень", TODAY) == live
    assert freeze_groups(engine, "Осень", TODAY) == live  # freezing again changes nothing
    assert sum(group_sizes(engine, "Осень", TODAY).values()) == 1000


def test_live_groups_follow_the_segment_until_frozen(moscow: Callable[[int], Engine]) -> None:
    engine = moscow(1000)
    create_campaign(engine, _draft(), TODAY)
    before = group_members(engine, "Осень", TODAY)
    add_contacts(engine, [f"new{i}@example.ru" for i in range(500)])
    after = group_members(engine, "Осень", TODAY)
    assert sum(map(len, after.values())) == 1500
    for label in before:
        assert set(before[label]) <= set(after[label])


def test_fewer_sendable_contacts_than_variants(moscow: Callable[[int], Engine]) -> None:
    engine = moscow(2)
    with pytest.raises(CampaignError, match="2 sendable contacts, fewer than the 3 variants"):
        create_campaign(engine, _draft(subjects=("a", "b", "c"), shares=[30, 30, 40]), TODAY)


def test_a_split_leaving_a_group_empty_is_refused(moscow: Callable[[int], Engine]) -> None:
    engine = moscow(5)
    with pytest.raises(CampaignError, match="would be empty"):
        create_campaign(engine, _draft(shares=[1, 1, 98]), TODAY)


def test_sizes_from_positions_match_the_split() -> None:
    from campaigns.split import positions, sizes

    sorted_positions = positions("k", EMAILS)
    for shares in ([10, 10, 80], [33, 33, 34], [50, 50], [1, 2, 97]):
        expected = {label: len(v) for label, v in
                    split("k", EMAILS, ["A", "B"], shares).items()}
        assert sizes(sorted_positions, ["A", "B"], shares) == expected
