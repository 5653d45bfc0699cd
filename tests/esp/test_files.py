"""``export files``: HTML, text, .eml per variant, the ZIP with its images, per recipient."""

from __future__ import annotations

import email
import re
import threading
import zipfile
from collections.abc import Iterator
from email import policy
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from sqlalchemy import Engine

from composer import BrandKit, save_brand_kit
from esp.errors import ExportUsageError
from esp.files import export_files, image_urls, localise_images, read_contacts
from esp.history import list_exports
from tests.esp.conftest import TODAY
from workspace.demo.images import DEMO_IMAGE_BASE as DEMO_CDN
from workspace.demo.images import demo_image_path

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00"
       b"\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05"
       b"\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82")


class _Images(BaseHTTPRequestHandler):
    hits: dict[str, int] = {}

    def do_GET(self) -> None:
        _Images.hits[self.path] = _Images.hits.get(self.path, 0) + 1
        if self.path.endswith("missing.png"):
            self.send_response(404)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.send_header("Content-Length", str(len(PNG)))
        self.end_headers()
        self.wfile.write(PNG)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def image_server() -> Iterator[str]:
    _Images.hits = {}
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Images)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def local_shop(shop: Engine, image_server: str) -> Engine:
    """The shop with its logo served on 127.0.0.1 (other images stay on the demo CDN)."""
    save_brand_kit(shop, BrandKit(logo_url=f"{image_server}/img/logo.png"))
    return shop


def test_campaign_files_for_an_esp_and_the_zip_shows_its_images(
        local_shop: Engine, image_server: str, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = export_files(local_shop, "Приветствие", out, target="mailchimp", today=TODAY)
    names = sorted(p.name for p in result.files)
    assert names == sorted(["Приветствие-A.html", "Приветствие-A.txt", "Приветствие-A.eml",
                            "Приветствие-B.html", "Приветствие-B.txt", "Приветствие-B.eml",
                            "Приветствие.zip", "export-report.json"])
    html_a = (out / "Приветствие-A.html").read_text(encoding="utf-8")
    assert "*|IF:FNAME|*" in html_a and 'href="*|UNSUB|*"' in html_a
    assert "style=" in html_a  # CSS inlined
    assert f"{image_server}/img/logo.png" in html_a  # the HTML for the ESP links images
    text_a = (out / "Приветствие-A.txt").read_text(encoding="utf-8")
    assert "*|UNSUB|*" in text_a
    # The .eml opens in a mail client: subject of the variant, text and HTML parts.
    message = email.message_from_bytes((out / "Приветствие-B.eml").read_bytes(),
                                       policy=policy.default)
    assert message["Subject"] == "−15% на первый заказ"
    html_part, text_part = message.get_body(("html",)), message.get_body(("plain",))
    assert html_part is not None and text_part is not None
    assert html_part.get_content() == (out / "Приветствие-B.html").read_text(encoding="utf-8")
    assert text_part.get_content().strip()
    # The ZIP: its HTML shows the logo from inside the ZIP, downloaded once, and the demo
    # shop's picture (its CDN does not exist) from the file shipped with Konvert.
    with zipfile.ZipFile(out / "Приветствие.zip") as archive:
        listing = archive.namelist()
        zipped = archive.read("Приветствие-A.html").decode("utf-8")
        local = {i.url: i.file for i in result.images if i.file}
        logo = local.pop(f"{image_server}/img/logo.png")
        assert logo and archive.read(logo) == PNG
        assert local and all(u.startswith(DEMO_CDN) for u in local)
        for url, name in local.items():
            assert archive.read(str(name)) == demo_image_path(url).read_bytes()  # type: ignore[union-attr]
    assert f'src="{logo}"' in zipped
    assert f'src="{image_server}/img/logo.png"' not in zipped
    for src in re.findall(r'<img[^>]*src="([^"]+)"', zipped):
        assert src in listing, src
    assert _Images.hits == {"/img/logo.png": 1}
    assert not [i for i in result.images if not i.file]
    data = result.to_json()
    assert data["zip"] == "Приветствие.zip" and data["report"]["target"] == "mailchimp"
    record = list_exports(local_shop)[0]
    assert (record.target, record.result) == ("files:mailchimp", "ok")
    assert "Приветствие.zip" in record.details["files"]


def test_offline_keeps_links_and_lists_them(local_shop: Engine, tmp_path: Path) -> None:
    result = export_files(local_shop, "welcome_1", tmp_path, target="unisender", today=TODAY,
                          online=False)
    remote = [i for i in result.images if not i.file]
    assert remote and all(i.error and not i.url.startswith(DEMO_CDN) for i in remote)
    shipped = [i for i in result.images if i.file]  # the demo shop's pictures: no network needed
    assert shipped and all(i.url.startswith(DEMO_CDN) for i in shipped)
    with zipfile.ZipFile(tmp_path / "welcome_1.zip") as archive:
        assert sorted(n for n in archive.namelist() if n.startswith("images/")) == sorted(
            str(i.file) for i in shipped)
        listed = archive.read("images-not-included.txt").decode("utf-8")
    assert all(i.url in listed for i in remote)
    assert not [i for i in shipped if i.url in listed]
    assert _Images.hits == {}


def test_images_helpers_skip_tags_and_missing(image_server: str) -> None:
    html = (f'<img src="{image_server}/a.png"><img src="{{{{ item.image_url }}}}">'
            f'<img src="{image_server}/missing.png"><img src="${{ item.image_url }}">'
            f'<img alt="x" src="{image_server}/a.png">')
    urls = image_urls([html])
    assert urls == [f"{image_server}/a.png", f"{image_server}/missing.png"]
    from esp.files import download_images

    images, _data = download_images(urls)
    assert images[0].file and images[1].error == "HTTP 404"
    local = localise_images(html, images)
    assert local.count(f'src="{images[0].file}"') == 2
    assert f"{image_server}/missing.png" in local


def test_refused_target_names_codes_and_is_recorded(shop: Engine, tmp_path: Path) -> None:
    with pytest.raises(ExportUsageError, match="loop-unsupported"):
        export_files(shop, "Корзина", tmp_path / "x", target="unisender", today=TODAY,
                     online=False)
    assert not (tmp_path / "x").exists()
    assert list_exports(shop)[0].result == "failed"


def test_plain_renders_per_recipient(shop: Engine, tmp_path: Path) -> None:
    contacts = tmp_path / "contacts.csv"
    contacts.write_bytes("Почта;Имя\r\nc0001@example.ru;Маша\r\nnew@example.ru;\r\n"
                         .encode("cp1251"))
    out = tmp_path / "plain"
    result = export_files(shop, "Корзина", out, target="plain", today=TODAY,
                          contacts_csv=contacts, online=False)
    assert result.recipients == 2
    htmls = sorted(p.name for p in result.files if p.suffix == ".html")
    assert htmls == ["Корзина-A-c0001@example.ru.html", "Корзина-A-new@example.ru.html",
                     "Корзина-B-c0001@example.ru.html", "Корзина-B-new@example.ru.html"]
    masha = (out / "Корзина-A-c0001@example.ru.html").read_text(encoding="utf-8")
    nobody = (out / "Корзина-A-new@example.ru.html").read_text(encoding="utf-8")
    assert "Маша, вы выбрали" in masha and "Здравствуйте, вы выбрали" in nobody
    assert "{{" not in masha and "{%" not in masha
    message = email.message_from_bytes((out / "Корзина-B-new@example.ru.eml").read_bytes(),
                                       policy=policy.default)
    assert (message["To"], message["Subject"]) == ("new@example.ru", "Вы кое-что забыли")


def test_plain_without_contacts_renders_the_sample_recipient(shop: Engine,
                                                            tmp_path: Path) -> None:
    result = export_files(shop, "birthday", tmp_path, target="plain", today=TODAY,
                          online=False)
    html = next(p for p in result.files if p.suffix == ".html").read_text(encoding="utf-8")
    assert "С днём рождения, Анна!" in html


def test_contacts_csv_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("name\nAnna\n", encoding="utf-8")
    with pytest.raises(ExportUsageError, match="no email column"):
        read_contacts(bad)
    bad.write_text("email\nnot-an-address\n", encoding="utf-8")
    with pytest.raises(ExportUsageError, match="line 2"):
        read_contacts(bad)
    big = tmp_path / "big.csv"
    big.write_text("email\n" + "".join(f"a{i}@x.ru\n" for i in range(201)), encoding="utf-8")
    with pytest.raises(ExportUsageError, match="at most 200"):
        read_contacts(big)
    with pytest.raises(ExportUsageError, match="cannot read"):
        read_contacts(tmp_path / "none.csv")


def test_unknown_name_and_target(shop: Engine, tmp_path: Path) -> None:
    with pytest.raises(ExportUsageError, match="no campaign or template"):
        export_files(shop, "нет такого", tmp_path, target="plain", today=TODAY)
    with pytest.raises(ExportUsageError, match="unknown target"):
        export_files(shop, "welcome_1", tmp_path, target="sendpulse", today=TODAY)
