"""Saving under a new name, renaming, duplicating and the members CSV (app and CLI share them)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from sqlalchemy import Engine

from segments import (
    MEMBER_CSV_COLUMNS,
    SegmentError,
    duplicate_segment,
    list_segments,
    members,
    rename_segment,
    save_new_segment,
    save_segment,
    segment_exists,
    write_members_csv,
)
from tests.segments.world import TODAY, build

MOSCOW = {"field": "city", "op": "eq", "value": "Москва"}


def test_new_rename_and_duplicate(engine: Engine) -> None:
    build(engine)
    with engine.begin() as conn:
        assert save_new_segment(conn, "  Москва ", MOSCOW) == "Москва"
        assert segment_exists(conn, "Москва") and not segment_exists(conn, "Казань")
    with pytest.raises(SegmentError, match="already exists"), engine.begin() as conn:
        save_new_segment(conn, "Москва", MOSCOW)
    with engine.begin() as conn:
        assert duplicate_segment(conn, "Москва", "копия") == "Москва (копия)"
        assert duplicate_segment(conn, "Москва", "копия") == "Москва (копия 2)"
        save_segment(conn, "women", {"all": [{"segment": "Москва"}]})
    with pytest.raises(SegmentError, match="already exists"), engine.begin() as conn:
        rename_segment(conn, "Москва", "Москва (копия)")
    # Refused while "women" refers to it, and nothing changes.
    with pytest.raises(SegmentError, match="used by: women"), engine.begin() as conn:
        rename_segment(conn, "Москва", "Moscow")
    with engine.begin() as conn:
        assert rename_segment(conn, "Москва (копия 2)", " Moscow ") == "Moscow"
    assert [s.name for s in list_segments(engine)] == sorted(
        ["Moscow", "Москва", "Москва (копия)", "women"])


def test_members_csv_has_one_format_for_excel(world: Engine, tmp_path: Path) -> None:
    out = tmp_path / "members.csv"
    assert write_members_csv(world, MOSCOW, TODAY, out) == len(members(world, MOSCOW, TODAY))
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel reads Cyrillic only with a BOM
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert tuple(rows[0]) == MEMBER_CSV_COLUMNS
    assert [row["email"] for row in rows] == members(world, MOSCOW, TODAY)
    assert {row["city"].strip().casefold() for row in rows} == {"москва"}


def test_members_csv_to_a_missing_folder_is_a_plain_error(world: Engine, tmp_path: Path) -> None:
    with pytest.raises(SegmentError, match="cannot write"):
        write_members_csv(world, MOSCOW, TODAY, tmp_path / "no" / "such" / "m.csv")
