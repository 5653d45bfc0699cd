"""Campaign form edits as commands: apply / revert round trips, merging, variant edits."""

from __future__ import annotations

from campaigns import CampaignDraft
from campaigns.edits import (
    CampaignForm,
    SetFields,
    add_variant,
    equal_test_shares,
    remove_variant,
    set_variant,
)

DRAFT = CampaignDraft("Осень", "welcome_1", "Москва", ("A!", "B!"), (), (10.0, 10.0, 80.0))


def test_round_trip_and_listener() -> None:
    seen: list[CampaignDraft] = []
    form = CampaignForm(DRAFT, seen.append)
    edit = SetFields({"name": "Зима", "metric": "opens"})
    edit.apply(form)
    assert (form.draft.name, form.draft.metric) == ("Зима", "opens")
    edit.revert(form)
    assert form.draft == DRAFT and len(seen) == 2


def test_typing_merges() -> None:
    form = CampaignForm(DRAFT)
    first = SetFields({"name": "З"}, merge_key="name")
    first.apply(form)
    second = SetFields({"name": "Зи"}, merge_key="name")
    assert first.merge(second)
    second.apply(form)
    assert not first.merge(SetFields({"metric": "opens"}, merge_key="metric"))
    first.revert(form)
    assert form.draft.name == "Осень"


def test_variant_edits() -> None:
    changes = set_variant(DRAFT, 1, subject="B?", preheader="pre B")
    assert changes == {"subjects": ("A!", "B?"), "preheaders": ("", "pre B")}
    added = add_variant(DRAFT, "C!")
    assert added["subjects"] == ("A!", "B!", "C!") and added["shares"] == (10, 10, 10, 70)
    three = CampaignDraft("x", "t", "s", ("a", "b", "c"), ("pa", "pb", "pc"), (20, 20, 20, 40))
    removed = remove_variant(three, 1)
    assert removed == {"subjects": ("a", "c"), "preheaders": ("pa", "pc"),
                       "shares": (20, 20, 60)}


def test_share_slider() -> None:
    assert equal_test_shares(DRAFT, 25) == {"shares": (25.0, 25.0, 50.0)}
    assert equal_test_shares(DRAFT, 80) == {"shares": (50.0, 50.0, 0.0)}  # at most 100/k
    assert equal_test_shares(DRAFT, 0, send_all=True) == {"shares": (50.0, 50.0, 0.0)}
