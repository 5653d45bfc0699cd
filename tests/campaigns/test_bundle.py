"""The review bundle of a campaign: every variant's subject and preheader, every persona."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine

from campaigns import CampaignDraft, create_campaign
from previews import build_bundle
from segments import save_segment
from tests.campaigns.conftest import TODAY, add_contacts


def test_campaign_bundle_has_every_variant(sqlite_engine: Engine, tmp_path: Path) -> None:
    add_contacts(sqlite_engine, [f"c{i}@example.ru" for i in range(200)])
    with sqlite_engine.begin() as conn:
        save_segment(conn, "Москва", {"field": "city", "op": "eq", "value": "Москва"})
    create_campaign(sqlite_engine, CampaignDraft(
        "Осень", "abandoned_cart_1", "Москва",
        ["Вы забыли корзину", "{{ first_name | default('Друг') }}, корзина ждёт",
         "Третий вариант"], preheaders=["", "Прехедер B"], shares=[20, 20, 20]), TODAY)
    result = build_bundle(sqlite_engine, "Осень", tmp_path / "b", contacts=2, today=TODAY)
    assert [e.name for e in result.emails] == [
        "abandoned_cart_1-A", "abandoned_cart_1-B", "abandoned_cart_1-C"]
    a, b, c = result.emails
    assert a.subject == "Вы забыли корзину" and b.preheader == "Прехедер B"
    assert c.preheader == a.preheader != ""  # no own preheader: the template's
    assert all(r.subject.endswith(", корзина ждёт") for r in b.renders)
    assert "{{" not in "".join(r.subject for r in b.renders)
    assert all(len(e.renders) == 2 for e in result.emails)
    index = (tmp_path / "b" / "index.html").read_text(encoding="utf-8")
    for subject in ("Вы забыли корзину", "корзина ждёт", "Третий вариант", "Прехедер B"):
        assert subject in index
    for rel in result.files:
        assert (tmp_path / "b" / rel).is_file()
