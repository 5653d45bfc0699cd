"""Chromium flags for Qt WebEngine: GPU off by default, no sandbox as root."""

from __future__ import annotations

import pytest

from ui.app import prepare_webengine_environment


@pytest.mark.parametrize(
    ("given", "root", "expected"),
    [
        (None, False, "--disable-gpu"),
        (None, True, "--disable-gpu --no-sandbox"),
        ("--enable-gpu-rasterization", True, "--enable-gpu-rasterization --no-sandbox"),
        ("--no-sandbox --disable-gpu", True, "--no-sandbox --disable-gpu"),
        ("--use-gl=swiftshader", False, "--use-gl=swiftshader"),
    ],
)
def test_flags(monkeypatch: pytest.MonkeyPatch, given: str | None, root: bool,
               expected: str) -> None:
    if given is None:
        monkeypatch.delenv("QTWEBENGINE_CHROMIUM_FLAGS", raising=False)
    else:
        monkeypatch.setenv("QTWEBENGINE_CHROMIUM_FLAGS", given)
    monkeypatch.setattr("os.geteuid", lambda: 0 if root else 1000)
    prepare_webengine_environment()
    import os

    assert os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] == expected
