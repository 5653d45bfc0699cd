"""The review bundle carries the emails' pictures: demo and local copied, remote downloaded once."""

from __future__ import annotations

import http.server
import re
import socket
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

from composer import Template, save_template
from previews import build_bundle
from previews.images import BundleImages, image_urls, inline_demo_images, replace_image_urls
from tests.previews.checks import check_bundle, files_on_disk
from workspace.demo.images import IMAGES_DIR

TODAY = date(2025, 11, 22)
PNG = (IMAGES_DIR / "products" / "bag-red.png").read_bytes()
_IMG_RE = re.compile(r'<img\b[^>]*\ssrc="([^"]*)"')


class _ImageHandler(http.server.BaseHTTPRequestHandler):
    hits: list[str]

    def do_GET(self) -> None:
        self.hits.append(self.path)
        if self.path.startswith("/missing"):
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        page = self.path.startswith("/page")
        body = b"<html>not a picture</html>" if page else PNG
        self.send_response(200)
        self.send_header("Content-Type", "text/html" if page else "image/png")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def image_server() -> Iterator[tuple[str, list[str]]]:
    hits: list[str] = []
    handler = type("Handler", (_ImageHandler,), {"hits": hits})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", hits
    server.shutdown()
    server.server_close()


def _closed_port_url() -> str:
    """An http URL on 127.0.0.1 where nothing listens (connection refused at once)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def _template(name: str, *images: str) -> Template:
    tags = "".join(f'<mj-image src="{src}" alt="картинка {i}" />' for i, src in enumerate(images))
    return Template(name=name, subject="Тема", preheader="Прехедер", mjml=f"""<mjml><mj-body>
<mj-section><mj-column>{tags}
<mj-text>Привет, {{{{ first_name | default('друг') }}}}!</mj-text>
<mj-image src="{images[0]}" alt="та же картинка ещё раз" />
<mj-text><a href="{{{{ unsubscribe_url }}}}">Отписаться</a></mj-text>
</mj-column></mj-section></mj-body></mjml>""")


def _sources(out: Path) -> list[tuple[Path, str]]:
    return [(page, src) for page in sorted(out.glob("emails/*/*.html"))
            for src in _IMG_RE.findall(page.read_text(encoding="utf-8"))]


def test_a_remote_picture_is_downloaded_once(sqlite_engine: Engine, tmp_path: Path,
                                              image_server: tuple[str, list[str]]) -> None:
    base, hits = image_server
    save_template(sqlite_engine, _template("remote_pic", f"{base}/img/sale.png?v=2",
                                           f"{base}/img/other.png"))
    out = tmp_path / "review"
    result = build_bundle(sqlite_engine, "remote_pic", out, contacts=3, today=TODAY)
    # Three recipients, the first picture twice in each email: one request per picture.
    assert sorted(hits) == ["/img/other.png", "/img/sale.png?v=2"]
    assert {i.source for i in result.images} == {"downloaded"}
    assert not result.remote_images and result.remote_image_hosts == []
    assert (out / "images" / "sale.png").read_bytes() == PNG
    sources = _sources(out)
    assert len(sources) == 3 * 3
    for page, src in sources:
        assert src.startswith("../../images/") and (page.parent / src).is_file()
    assert result.files == files_on_disk(out)
    check_bundle(out)


def test_an_unreachable_picture_keeps_its_link_and_is_listed(sqlite_engine: Engine,
                                                             tmp_path: Path) -> None:
    dead = f"{_closed_port_url()}/promo/banner.jpg"
    save_template(sqlite_engine, _template(
        "offline_pic", dead, "https://cdn.konvert-demo.ru/img/products/dress-red.png"))
    out = tmp_path / "review"
    result = build_bundle(sqlite_engine, "offline_pic", out, contacts=2, today=TODAY)
    [remote] = result.remote_images
    assert remote.url == dead and remote.code == "connection" and remote.file is None
    assert result.remote_image_hosts == ["127.0.0.1"]
    for page, src in _sources(out):  # the link stays; the demo picture is copied
        assert src == dead or src == "../../images/dress-red.png", (page, src)
    assert (out / "images" / "dress-red.png").is_file()
    index = (out / "index.html").read_text(encoding="utf-8")
    assert dead in index and "нет соединения с сервером" in index
    assert "Не удалось скопировать 1 изображение" in index


def test_without_download_nothing_is_asked(sqlite_engine: Engine, tmp_path: Path,
                                           image_server: tuple[str, list[str]]) -> None:
    base, hits = image_server
    save_template(sqlite_engine, _template("no_dl", f"{base}/a.png"))
    result = build_bundle(sqlite_engine, "no_dl", tmp_path / "b", contacts=1, today=TODAY,
                          download_images=False)
    assert hits == []
    assert [i.code for i in result.remote_images] == ["offline"]


def test_http_errors_and_non_pictures_stay_remote(tmp_path: Path,
                                                  image_server: tuple[str, list[str]]) -> None:
    base, hits = image_server
    pictures = BundleImages(tmp_path)
    try:
        html = (f'<img src="{base}/missing.png"><img src="{base}/page.png">'
                f'<td background="{base}/bg.png"><div style="background:url(&quot;{base}/'
                'css.png&quot;)"></div>')
        out = pictures.localise(html, "emails/x/y.html")
    finally:
        pictures.close()
    codes = {i.url.rsplit("/", 1)[1]: i.code for i in pictures.images.values()}
    assert codes == {"missing.png": "http", "page.png": "not-image", "bg.png": None,
                     "css.png": None}
    assert f'src="{base}/missing.png"' in out and f'src="{base}/page.png"' in out
    assert 'background="../../images/bg.png"' in out
    assert "url(&quot;../../images/css.png&quot;)" in out
    assert sorted(hits) == ["/bg.png", "/css.png", "/missing.png", "/page.png"]


def test_local_files_are_copied(tmp_path: Path) -> None:
    picture = tmp_path / "my picture.png"
    picture.write_bytes(PNG)
    bundle = tmp_path / "b"
    pictures = BundleImages(bundle, download=False)
    out = pictures.localise(f'<img src="{picture.as_uri()}">', "emails/a/b.html")
    assert out == '<img src="../../images/my-picture.png">'
    assert (bundle / "images" / "my-picture.png").read_bytes() == PNG
    assert pictures.copied()[0].source == "local"


def test_same_file_name_from_two_places_gets_two_files(tmp_path: Path) -> None:
    pictures = BundleImages(tmp_path, download=False)
    first, second = tmp_path / "a" / "x.png", tmp_path / "b" / "x.png"
    for path in (first, second):
        path.parent.mkdir()
        path.write_bytes(PNG)
    pictures.localise(f'<img src="{first.as_uri()}"><img src="{second.as_uri()}">', "i.html")
    names = [i.file for i in pictures.copied()]
    assert len(set(names)) == 2 and names[0] == "images/x.png"


def test_image_urls_finds_every_kind_of_reference_but_style_sheets() -> None:
    html = ('<style>@import url(https://fonts.example/css?family=X); '
            '.a{background-image:url(https://x.example/a.png)}</style>'
            '<img src="https://x.example/b.png?a=1&amp;b=2"><td background="https://x.example/c.gif">'
            '<img src="data:image/png;base64,AAAA"><a href="https://x.example/page">x</a>')
    assert image_urls(html) == ["https://x.example/a.png", "https://x.example/b.png?a=1&b=2",
                                "https://x.example/c.gif", "data:image/png;base64,AAAA"]
    same = replace_image_urls(html, lambda url: None)
    assert same == html


def test_the_preview_copy_inlines_demo_pictures_only() -> None:
    html = ('<img src="https://cdn.konvert-demo.ru/img/logo.png">'
            '<img src="https://cdn.konvert-demo.ru/img/no-such.png">'
            '<img src="https://example.com/x.png">')
    out = inline_demo_images(html)
    first, second, third = _IMG_RE.findall(out)
    assert first.startswith("data:image/png;base64,iVBOR")
    assert second == "https://cdn.konvert-demo.ru/img/no-such.png"
    assert third == "https://example.com/x.png"
