"""The demo shop's pictures: every demo URL has a shipped file, and the lookup stays inside."""

from __future__ import annotations

import random
import re
import struct
from typing import Any

import pytest

from composer import BrandKit, builtin_templates, render, sample_personas
from composer.edits import new_block
from previews.shots import png_size
from workspace.demo.catalog import CATEGORIES, COLOURS, build_catalog
from workspace.demo.images import (
    DEMO_IMAGE_BASE,
    IMAGES_DIR,
    all_images,
    demo_data_url,
    demo_image_path,
    demo_image_url,
    local_image_path,
    product_image,
)

_DEMO_URL_RE = re.compile(r"https?://cdn\.konvert-demo\.ru/[^\"'\s)<>]*")


def _jpeg_size(data: bytes) -> tuple[int, int]:
    """(width, height) from a JPEG's SOF marker."""
    i = 2
    while i < len(data):
        marker, length = data[i + 1], struct.unpack(">H", data[i + 2:i + 4])[0]
        if 0xC0 <= marker <= 0xC3:
            height, width = struct.unpack(">HH", data[i + 5:i + 9])
            return width, height
        i += 2 + length
    raise AssertionError("no SOF marker")


def _urls(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [u for v in value.values() for u in _urls(v)]
    if isinstance(value, list):
        return [u for v in value for u in _urls(v)]
    return [value] if isinstance(value, str) and "cdn.konvert-demo.ru" in value else []


def test_every_catalogue_product_has_a_picture_of_its_kind_and_colour() -> None:
    for seed in (1, 42):
        _, rows = build_catalog(random.Random(seed))
        for row in rows:
            path = demo_image_path(row["image_url"])
            assert path is not None, row
            assert row["image_url"] == demo_image_url(
                product_image(row["category"], row["color"], row["name"]))
    for category, _prefix in CATEGORIES:
        for colour in COLOURS:
            assert demo_image_path(demo_image_url(product_image(category, colour))) is not None
    assert product_image("Спорт", "красный", "Кроссовки для бега") == "products/shoes-red.png"
    assert product_image("Аксессуары", "бежевый", "Шарф из кашемира") == \
        "products/scarf-beige.png"
    assert product_image("Неизвестное", "в полоску") == "products/tshirt-grey.png"


def test_sample_personas_logo_and_library_point_at_shipped_pictures() -> None:
    urls = [u for p in sample_personas() for u in _urls(p.context)]
    assert len(urls) > 20
    urls.append(BrandKit().logo_url)
    urls.append(new_block("hero").image_url)  # type: ignore[attr-defined]
    persona = sample_personas()[0].context
    for template in builtin_templates():
        html = render(template, persona).html
        urls += _DEMO_URL_RE.findall(html)
    missing = sorted({u for u in urls if demo_image_path(u) is None})
    assert missing == []
    assert {u for u in urls if "/email/" in u} >= {DEMO_IMAGE_BASE + "email/welcome.jpg"}


def test_the_pictures_are_small_real_images() -> None:
    names = all_images()
    products = [n for n in names if n.startswith("products/")]
    assert len(products) >= 150 and "logo.png" in names
    total = 0
    for name in names:
        path = IMAGES_DIR / name
        data = path.read_bytes()
        total += len(data)
        if name.endswith(".png"):
            width, height = png_size(path)
        else:
            assert data[:3] == b"\xff\xd8\xff"
            width, height = _jpeg_size(data)
        if name.startswith("products/"):
            assert 300 <= width <= 400 and width == height, name
        elif name.startswith("email/"):
            assert (width, height) == (600, 300), name
    assert total < 800 * 1024  # a few hundred KB in all
    assert (IMAGES_DIR / "LICENSE.txt").read_text(encoding="utf-8").count("CC0") >= 1


@pytest.mark.parametrize("url", [
    "https://cdn.konvert-demo.ru/img/../images.py",
    "https://cdn.konvert-demo.ru/img/%2e%2e/images.py",
    "https://cdn.konvert-demo.ru/img/products/../../images.py",
    "https://cdn.konvert-demo.ru/other/logo.png",
    "https://example.com/img/logo.png",
    "ftp://cdn.konvert-demo.ru/img/logo.png",
    "https://cdn.konvert-demo.ru/img/",
    "https://cdn.konvert-demo.ru/img/products",
    "not a url",
])
def test_lookup_refuses_what_is_not_a_shipped_picture(url: str) -> None:
    assert demo_image_path(url) is None
    assert demo_data_url(url) is None


def test_lookup_accepts_http_queries_and_file_urls(tmp_path: Any) -> None:
    logo = IMAGES_DIR / "logo.png"
    assert demo_image_path("http://CDN.konvert-demo.ru/img/logo.png?v=3#x") == logo
    data = demo_data_url(DEMO_IMAGE_BASE + "logo.png")
    assert data is not None and data.startswith("data:image/png;base64,")
    own = tmp_path / "own.png"
    own.write_bytes(logo.read_bytes())
    assert local_image_path(own.as_uri()) == own
    assert local_image_path((tmp_path / "nope.png").as_uri()) is None
