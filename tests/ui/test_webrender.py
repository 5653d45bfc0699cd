"""The bundle drawn by Qt WebEngine (offscreen): real PNG, PDF, ZIP, and no network."""

from __future__ import annotations

import contextlib
import http.server
import io
import json
import re
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from composer import builtin_templates
from main import main
from previews import png_size
from tests.previews.checks import check_bundle, files_on_disk
from ui.webrender import WebShooter

pytestmark = pytest.mark.gui
SERIES = [t.name for t in builtin_templates() if t.scenario == "abandoned_cart"]


@pytest.fixture(scope="module")
def bundle(qapp: QApplication, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The abandoned-cart bundle built once through the command line."""
    base = tmp_path_factory.mktemp("bundle")
    out = base / "review"
    stdout = io.StringIO()
    with contextlib.redirect_stdout(stdout):
        code = main(["--workspace", str(base / "ws.sqlite"), "--today", "2025-11-22", "--json",
                     "bundle", "abandoned_cart", "--out", str(out), "--zip"])
    assert code == 0
    data: dict[str, Any] = json.loads(stdout.getvalue())
    data["dir"] = out
    return data


def test_cli_lists_the_files_it_wrote(bundle: dict[str, Any]) -> None:
    out: Path = bundle["dir"]
    assert bundle["files"] == files_on_disk(out)
    assert [e["name"] for e in bundle["emails"]] == SERIES
    assert bundle["screenshots"] and bundle["pdf"]


def test_every_reference_resolves_and_nothing_loads_remote_css_or_js(
        bundle: dict[str, Any]) -> None:
    assert check_bundle(bundle["dir"]) > 40


def test_screenshots_have_the_widths_and_show_the_email(bundle: dict[str, Any]) -> None:
    out: Path = bundle["dir"]
    shots = [f for f in bundle["files"] if f.startswith("shots/")]
    assert len(shots) == len(SERIES) * 3 * 2
    for rel in shots:
        width, height = png_size(out / rel)
        assert width == (600 if rel.endswith("-desktop.png") else 375), rel
        assert height > 400, rel
    image = QImage(str(out / "shots/abandoned_cart_1/no_name-desktop.png"))
    colours = {image.pixel(x, y) for x in range(0, 600, 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 20  # text and button drawn, not a blank page
    # The mobile layout is taller: the columns stack.
    assert png_size(out / "shots/abandoned_cart_1/no_name-mobile.png")[1] > png_size(
        out / "shots/abandoned_cart_1/no_name-desktop.png")[1]


def test_emails_show_their_pictures_from_the_bundle(bundle: dict[str, Any]) -> None:
    out: Path = bundle["dir"]
    images = bundle["images"]
    assert images and all(i["file"] and i["source"] == "demo" for i in images)
    assert sorted(i["file"] for i in images) == [f for f in bundle["files"]
                                                 if f.startswith("images/")]
    emails = sorted(out.glob("emails/*/*.html"))
    assert emails
    for page in emails:
        sources = re.findall(r'<img\b[^>]*\ssrc="([^"]*)"', page.read_text(encoding="utf-8"))
        assert sources, page
        for src in sources:
            assert src.startswith("../../images/"), (page, src)
            assert (page.parent / src).resolve().is_file(), (page, src)
    # The screenshot (made offline) shows the pictures: the no-name recipient's
    # cart holds the black dress, whose picture's backdrop fills thousands of pixels.
    picture = QImage(str(out / "images" / "dress-black.png"))
    backdrop = picture.pixel(2, 2)
    shot = QImage(str(out / "shots/abandoned_cart_1/no_name-desktop.png"))
    hits = sum(1 for x in range(shot.width()) for y in range(0, shot.height(), 2)
               if shot.pixel(x, y) == backdrop)
    assert hits > 3000
    assert "<b>Пакет открывается без интернета.</b>" in (out / "index.html").read_text("utf-8")


def test_pdf_holds_the_whole_set(bundle: dict[str, Any]) -> None:
    data = (bundle["dir"] / "review.pdf").read_bytes()
    assert data.startswith(b"%PDF")
    assert data.count(b"/Type /Page") - data.count(b"/Type /Pages") > len(SERIES)


def test_zip_holds_the_same_files(bundle: dict[str, Any]) -> None:
    with zipfile.ZipFile(bundle["zip"]) as archive:
        names = sorted(n.removeprefix("review/") for n in archive.namelist())
    assert names == bundle["files"]


class _Recorder(http.server.BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.hits.append(self.path)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def http_server() -> Iterator[str]:
    server = http.server.HTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_shots_never_touch_the_network(qapp: QApplication, tmp_path: Path,
                                       http_server: str) -> None:
    _Recorder.hits.clear()
    page = tmp_path / "remote.html"
    page.write_text(
        f'<html><head><link rel="stylesheet" href="{http_server}/a.css"></head><body>'
        f'<img src="{http_server}/b.png" alt="картинка"><iframe src="{http_server}/c"></iframe>'
        "<p>Привет</p></body></html>", encoding="utf-8")
    with WebShooter() as shooter:
        shooter.screenshot(page, 375, tmp_path / "shot.png")
        shooter.pdf(page, tmp_path / "shot.pdf")
    assert png_size(tmp_path / "shot.png")[0] == 375
    assert (tmp_path / "shot.pdf").read_bytes().startswith(b"%PDF")
    assert _Recorder.hits == []
