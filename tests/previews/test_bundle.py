"""The review bundle without a web engine: structure, references, target, folder rules."""

from __future__ import annotations

import struct
import zipfile
import zlib
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine

from composer import SCENARIOS, Template, TextBlock, builtin_templates, save_template
from previews import (
    BundleCancelledError,
    BundleTargetError,
    PreviewError,
    build_bundle,
    png_size,
)
from tests.previews.checks import check_bundle, files_on_disk

TODAY = date(2025, 11, 22)
SERIES = [t for t in builtin_templates() if t.scenario == "abandoned_cart"]


def _png(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    rows = b"".join(b"\x00" + b"\xff\xff\xff" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2,
                                                              0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


class FakeShooter:
    """Writes a white PNG of the asked width and a stub PDF; records the calls."""

    def __init__(self) -> None:
        self.shots: list[tuple[Path, int]] = []
        self.pdfs: list[Path] = []

    def screenshot(self, html_path: Path, width: int, out_png: Path) -> None:
        assert html_path.is_file()
        self.shots.append((html_path, width))
        out_png.write_bytes(_png(width, 40))

    def pdf(self, html_path: Path, out_pdf: Path) -> None:
        assert html_path.is_file()
        self.pdfs.append(html_path)
        out_pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")


def test_series_bundle_is_complete_and_offline(tmp_path: Path) -> None:
    shooter = FakeShooter()
    progress: list[tuple[int, int]] = []
    out = tmp_path / "review"
    result = build_bundle(None, "abandoned_cart", out, shooter=shooter, zip=True,
                          progress=lambda d, t: progress.append((d, t)), today=TODAY)
    assert result.files == files_on_disk(out)
    assert check_bundle(out) > 20
    assert result.personas == ["no_name", "long_name", "big_cart"]
    assert [e.name for e in result.emails] == [t.name for t in SERIES]
    index = (out / "index.html").read_text(encoding="utf-8")
    assert SCENARIOS["abandoned_cart"] in index
    for template, email in zip(SERIES, result.emails, strict=True):
        assert template.title in index and f'id="{email.anchor}"' in index
        assert email.subject in index
        for persona in result.personas:
            for kind in ("desktop", "mobile"):
                assert f"shots/{template.name}/{persona}-{kind}.png" in result.files
    assert result.images and not result.remote_images  # the demo pictures were copied
    assert "в папку <code>images</code>" in index
    assert sorted({w for _, w in shooter.shots}) == [375, 600]
    assert len(shooter.shots) == len(SERIES) * 3 * 2
    assert shooter.pdfs == [out / "review.html"] and (out / "review.pdf").is_file()
    assert progress[-1][0] == progress[-1][1] and progress == sorted(progress)
    assert result.zip_path == tmp_path / "review.zip"
    with zipfile.ZipFile(result.zip_path) as archive:
        assert sorted(n.removeprefix("review/") for n in archive.namelist()) == result.files


def test_without_shooter_the_bundle_has_pages_only(tmp_path: Path) -> None:
    result = build_bundle(None, "abandoned_cart", tmp_path / "b", contacts=1, today=TODAY)
    assert not result.screenshots and not result.pdf
    assert not any(f.startswith("shots/") or f.startswith("review") for f in result.files)
    assert len([f for f in result.files if f.endswith(".html")]) == len(SERIES) + 1
    check_bundle(tmp_path / "b")


def test_single_template_and_contacts_count(tmp_path: Path) -> None:
    result = build_bundle(None, "birthday", tmp_path / "b", contacts=5, shooter=FakeShooter(),
                          today=TODAY)
    assert [e.name for e in result.emails] == ["birthday"]
    assert len(result.personas) == 5
    assert png_size(tmp_path / "b" / result.emails[0].renders[0].mobile_png) == (375, 40)  # type: ignore[operator]


def test_unknown_target_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(BundleTargetError) as caught:
        build_bundle(None, "no_such_thing", tmp_path / "b", today=TODAY)
    assert caught.value.exit_code == 2
    assert not (tmp_path / "b").exists()


def test_refuses_a_foreign_folder_and_rebuilds_its_own(tmp_path: Path) -> None:
    foreign = tmp_path / "docs"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(PreviewError, match="not empty"):
        build_bundle(None, "birthday", foreign, today=TODAY)
    assert (foreign / "notes.txt").read_text(encoding="utf-8") == "keep me"
    out = tmp_path / "b"
    build_bundle(None, "abandoned_cart", out, contacts=3, today=TODAY)
    result = build_bundle(None, "birthday", out, contacts=1, today=TODAY)
    assert files_on_disk(out) == result.files  # nothing stale from the first build


def test_cancel_stops_the_build(tmp_path: Path) -> None:
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(BundleCancelledError):
        build_bundle(None, "abandoned_cart", tmp_path / "b", cancelled=cancelled, today=TODAY)
    assert not (tmp_path / "b" / "index.html").exists()


def test_workspace_templates_join_the_series(engine: Engine, tmp_path: Path) -> None:
    save_template(engine, Template(
        name="abandoned_cart_4", title="Брошенная корзина 4: опрос", scenario="abandoned_cart",
        position=4, delay_hours=168, subject="Что помешало?", preheader="Два вопроса",
        blocks=(TextBlock("Что помешало оформить заказ? {{ unsubscribe_url }}"),)))
    result = build_bundle(engine, "abandoned_cart", tmp_path / "b", contacts=1, today=TODAY)
    assert [e.name for e in result.emails][-1] == "abandoned_cart_4"
    assert "Брошенная корзина 4: опрос" in (tmp_path / "b" / "index.html").read_text("utf-8")
