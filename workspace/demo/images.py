"""The demo shop's pictures: which image a demo URL means, and where it lies on disk.

The demo shop «Сезон» keeps canonical absolute image URLs in its templates and
data (``https://cdn.konvert-demo.ru/img/...``), as a real shop does: lint
wants absolute URLs and an export must send them as they are. That host does
not exist, so the pictures ship with Konvert under ``workspace/demo/images/``
and the URL's path below :data:`DEMO_IMAGE_BASE` *is* the file's path there
(``.../img/products/dress-red.png`` is ``images/products/dress-red.png``).
Where Konvert itself shows or packages an email (live preview, review bundle,
test ``.eml``) it looks images up here and uses the local file instead.

The pictures are flat illustrations drawn for Konvert by
``tools/demo_images.py`` (Pillow); see ``images/LICENSE.txt``.
"""

from __future__ import annotations

import base64
import mimetypes
from functools import lru_cache
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

DEMO_IMAGE_HOST = "cdn.konvert-demo.ru"
"""The demo shop's image host (does not exist on the internet)."""
DEMO_IMAGE_BASE = f"https://{DEMO_IMAGE_HOST}/img/"
"""Every demo picture's URL starts with this; the rest is its path under :data:`IMAGES_DIR`."""
IMAGES_DIR = Path(__file__).with_name("images")
"""The shipped pictures (package data)."""

LOGO = "logo.png"
"""The shop's logo (the brand kit's default ``logo_url``)."""
HEROES = ("email/welcome.jpg", "email/reviews.jpg", "email/new-arrivals.jpg",
          "email/birthday.jpg")
"""Full-width pictures of the built-in emails."""

PRODUCT_KINDS: dict[str, str] = {
    "Платья": "dress",
    "Футболки": "tshirt",
    "Джинсы": "jeans",
    "Куртки": "coat",
    "Обувь": "shoes",
    "Аксессуары": "bag",
    "Юбки": "skirt",
    "Рубашки": "shirt",
    "Свитеры": "sweater",
    "Спорт": "tracksuit",
}
"""Catalogue category -> the garment drawn for it."""

COLOURS: dict[str, str] = {
    "чёрный": "black",
    "белый": "white",
    "бежевый": "beige",
    "синий": "blue",
    "серый": "grey",
    "красный": "red",
    "зелёный": "green",
    "розовый": "pink",
    "хаки": "khaki",
    "бордовый": "burgundy",
    "голубой": "lightblue",
    "молочный": "milk",
    "горчичный": "mustard",
    "коричневый": "brown",
    "лавандовый": "lavender",
}
"""Catalogue colour -> the colour part of a product picture's name."""

_DEFAULT_KIND = "tshirt"
_DEFAULT_COLOUR = "grey"


def product_kind(category: str, name: str = "") -> str:
    """The garment drawn for a product of ``category`` (sneakers are shoes in any category)."""
    lowered = name.lower()
    if lowered.startswith(("кроссовки", "кеды")):
        return "shoes"
    if lowered.startswith("шарф"):
        return "scarf"
    return PRODUCT_KINDS.get(category, _DEFAULT_KIND)


def product_image(category: str, colour: str, name: str = "") -> str:
    """The picture's path below :data:`DEMO_IMAGE_BASE`: ``products/<kind>-<colour>.png``.

    A category or colour the demo does not know gets the grey T-shirt, so
    every demo product has a picture.
    """
    slug = COLOURS.get(colour.strip().lower(), _DEFAULT_COLOUR)
    return f"products/{product_kind(category, name)}-{slug}.png"


def demo_image_url(path: str) -> str:
    """The canonical absolute URL of the shipped picture ``path`` (``products/bag-red.png``)."""
    return DEMO_IMAGE_BASE + path.lstrip("/")


def all_images() -> list[str]:
    """Every shipped picture's path below :data:`DEMO_IMAGE_BASE`, sorted."""
    return sorted(p.relative_to(IMAGES_DIR).as_posix() for p in IMAGES_DIR.rglob("*")
                  if p.suffix.lower() in (".png", ".jpg", ".jpeg") and p.is_file())


def demo_image_path(url: str) -> Path | None:
    """The shipped file a demo image URL stands for, or None (not a demo URL, or no such file).

    Accepts ``http`` as well as ``https`` and ignores a query or fragment
    (``?v=2``). Never leaves :data:`IMAGES_DIR`.
    """
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or \
            (parts.hostname or "").lower() != DEMO_IMAGE_HOST:
        return None
    path = unquote(parts.path)
    if not path.startswith("/img/"):
        return None
    rel = PurePosixPath(path[len("/img/"):])
    if not rel.parts or any(part in ("", ".", "..") for part in rel.parts):
        return None
    return _existing(rel.as_posix())


@lru_cache(maxsize=512)
def _existing(rel: str) -> Path | None:
    candidate = IMAGES_DIR.joinpath(*rel.split("/"))
    try:
        candidate.resolve().relative_to(IMAGES_DIR.resolve())
    except ValueError:
        return None
    return candidate if candidate.is_file() else None


def local_image_path(url: str) -> Path | None:
    """The local file an image URL names: a demo picture or an existing ``file:`` URL."""
    found = demo_image_path(url)
    if found is not None:
        return found
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
        return None
    path = Path(url2pathname(parts.path))
    return path if path.is_absolute() and path.is_file() else None


def mime_type(path: Path) -> str:
    """The image MIME type of ``path`` by its extension (``image/png``...)."""
    guessed = mimetypes.guess_type(path.name)[0]
    return guessed if guessed and guessed.startswith("image/") else "application/octet-stream"


@lru_cache(maxsize=256)
def _data_url(path: Path, mtime_ns: int) -> str:
    data = base64.b64encode(path.read_bytes()).decode("ascii")
    return f"data:{mime_type(path)};base64,{data}"


def demo_data_url(url: str) -> str | None:
    """A ``data:`` URL with the shipped picture of demo ``url``, or None if it has none."""
    path = demo_image_path(url)
    if path is None:
        return None
    return _data_url(path, path.stat().st_mtime_ns)


__all__ = [
    "COLOURS",
    "DEMO_IMAGE_BASE",
    "DEMO_IMAGE_HOST",
    "HEROES",
    "IMAGES_DIR",
    "LOGO",
    "PRODUCT_KINDS",
    "all_images",
    "demo_data_url",
    "demo_image_path",
    "demo_image_url",
    "local_image_path",
    "mime_type",
    "product_image",
    "product_kind",
]
