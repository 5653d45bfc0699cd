"""Lifecycle thresholds: one set of rules for the dialog, the command line and stored settings."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from segments import SegmentError
from segments.lifecycle import (
    LifecycleThresholds,
    ThresholdProblem,
    load_thresholds,
    save_thresholds,
    threshold_problems,
)


def test_the_defaults_are_fine() -> None:
    assert threshold_problems(LifecycleThresholds()) == []
    LifecycleThresholds().validate()


def test_each_broken_rule_names_its_field() -> None:
    problems = threshold_problems(
        LifecycleThresholds(active_days=200, passive_days=180, warm_days=2, warm_view_days=5)
    )
    assert problems == [
        ThresholdProblem("passive_days", "passive", (200,)),
        ThresholdProblem("warm_view_days", "warm_window", (2, 5)),
    ]
    assert problems[0].message == (
        "Passive must end later than active: make it more than 200 days."
    )


@pytest.mark.parametrize(
    "thresholds",
    [
        LifecycleThresholds(hot_days=0),  # the old core check let this through, the dialog not
        LifecycleThresholds(warm_days=5, warm_view_days=7),
        LifecycleThresholds(active_days=True),
        LifecycleThresholds(passive_days="180"),  # type: ignore[arg-type]
    ],
)
def test_validate_refuses_what_the_dialog_refuses(thresholds: LifecycleThresholds) -> None:
    assert threshold_problems(thresholds)
    with pytest.raises(SegmentError, match="lifecycle thresholds: "):
        thresholds.validate()


def test_save_refuses_bad_thresholds_and_keeps_the_old(sqlite_engine: Engine) -> None:
    with sqlite_engine.begin() as conn:
        save_thresholds(conn, LifecycleThresholds(active_days=60))
    with pytest.raises(SegmentError), sqlite_engine.begin() as conn:
        save_thresholds(conn, LifecycleThresholds(hot_days=0))
    with sqlite_engine.connect() as conn:
        assert load_thresholds(conn) == LifecycleThresholds(active_days=60)
