"""The images of an email where Konvert shows or packages it, so they work offline.

An email keeps absolute image URLs (lint wants them; the ESP sends them as
they are). Where Konvert itself shows or packages the HTML, the pictures are
found locally instead:

- the demo shop's pictures ship with Konvert (:mod:`workspace.demo.images`);
- ``file:`` URLs name a file on this computer;
- any other ``http(s)`` image is downloaded once, with short timeouts
  (review bundle only); when that fails (offline, host down) the link stays.
  :class:`workspace.pictures.PictureFetcher` does the fetching, here and for
  ``export files``.

:func:`inline_demo_images` gives the live preview ``data:`` URLs;
:class:`BundleImages` copies the pictures into a review bundle and points the
bundle's HTML at the copies; the test ``.eml`` embeds them as inline parts
(:mod:`previews.eml`). Plain Python: no Qt.
"""

from __future__ import annotations

import hashlib
import html as html_lib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from previews.errors import PreviewError
from workspace.demo.images import demo_data_url
from workspace.pictures import (
    CONNECT_TIMEOUT,
    MAX_PICTURE_BYTES,
    READ_TIMEOUT,
    PictureFetcher,
    is_remote,
)

MAX_IMAGE_BYTES = MAX_PICTURE_BYTES
"""A download larger than this is not copied (the link stays)."""

# src="..." / background="..." attributes and CSS url(...): every place an email
# names a picture. Group "url" is the raw value (entities not decoded). An
# @import url(...) is a style sheet: matched first, so that it is left alone.
_REF_RE = re.compile(
    r"(?P<imp>@import\s+url\([^)]*\))"
    r"|(?P<pre>\b(?:src|background)\s*=\s*)(?P<q>[\"'])(?P<url>[^\"'<>]*)(?P=q)"
    r"|(?P<cpre>url\(\s*)(?P<cq>&quot;|&#39;|[\"']?)(?P<curl>[^\"'()<>]*?)(?P=cq)\s*\)",
    re.IGNORECASE,
)
_NOT_PICTURES = (".woff", ".woff2", ".ttf", ".otf", ".eot", ".css")
"""Web fonts and style sheets named by ``url()``: not pictures, never copied."""


def _value(match: re.Match[str]) -> str:
    if match.group("imp") is not None:
        return ""
    raw = match.group("url") if match.group("url") is not None else match.group("curl")
    return html_lib.unescape(raw.strip())


def image_urls(html: str) -> list[str]:
    """The picture URLs of ``html`` (``src``, ``background``, CSS ``url()``) in order, once."""
    seen: dict[str, None] = {}
    for match in _REF_RE.finditer(html):
        url = _value(match)
        if url:
            seen.setdefault(url, None)
    return list(seen)


def replace_image_urls(html: str, swap: Callable[[str], str | None]) -> str:
    """``html`` with every picture URL ``swap`` maps replaced (None keeps it)."""

    def replace(match: re.Match[str]) -> str:
        url = _value(match)
        new = swap(url) if url else None
        if new is None:
            return match.group(0)
        escaped = html_lib.escape(new, quote=True)
        if match.group("url") is not None:
            return f"{match.group('pre')}{match.group('q')}{escaped}{match.group('q')}"
        quote = match.group("cq")
        return f"{match.group('cpre')}{quote}{escaped}{quote})"

    return _REF_RE.sub(replace, html)


def inline_demo_images(html: str) -> str:
    """``html`` with the demo shop's pictures as ``data:`` URLs (the live preview's copy)."""
    if "konvert-demo" not in html:
        return html
    return replace_image_urls(html, demo_data_url)


@dataclass
class BundleImage:
    """One picture of the bundle's emails: copied into the bundle, or left remote (why)."""

    url: str
    file: str | None = None
    """Path in the bundle folder (``images/...``) when copied."""
    source: str = "remote"
    """``demo`` (shipped with Konvert), ``local`` (a file here), ``downloaded`` or ``remote``."""
    error: str | None = None
    """Why a remote picture was not copied (English, one line)."""
    code: str | None = None
    """The reason as a stable code: ``offline``, ``timeout``, ``connection``, ``http``,
    ``not-image``, ``too-large``, ``not-url``."""

    def to_json(self) -> dict[str, Any]:
        return {"url": self.url, "file": self.file, "source": self.source,
                "error": self.error, "code": self.code}


class BundleImages:
    """Copies the pictures of a bundle's emails into ``out_dir/images`` once each.

    Demo and local pictures are always copied; other ``http(s)`` pictures
    are downloaded when ``download`` is true (a host that cannot be reached
    is not asked again). :meth:`localise` rewrites an email's HTML to use
    the copies by relative paths.
    """

    def __init__(self, out_dir: Path, *, download: bool = True,
                 connect_timeout: float = CONNECT_TIMEOUT,
                 read_timeout: float = READ_TIMEOUT) -> None:
        self.out_dir = out_dir
        self.download = download
        self.images: dict[str, BundleImage] = {}
        self._fetcher = PictureFetcher(download=download, connect_timeout=connect_timeout,
                                       read_timeout=read_timeout,
                                       user_agent="Konvert review bundle")
        self._names: set[str] = set()

    # -- public -------------------------------------------------------------

    def localise(self, html: str, html_rel: str) -> str:
        """``html`` (to be written at ``html_rel`` in the bundle) pointing at the copies."""
        depth = len(PurePosixPath(html_rel).parts) - 1
        up = "../" * depth

        def swap(url: str) -> str | None:
            image = self.get(url)
            return up + image.file if image is not None and image.file else None

        return replace_image_urls(html, swap)

    def get(self, url: str) -> BundleImage | None:
        """The picture of ``url``, fetched or copied on first use (None: not a picture URL)."""
        url = url.strip()
        if not url or url.lower().startswith(("data:", "cid:", "#")) or "{{" in url:
            return None
        if urlsplit(url).path.lower().endswith(_NOT_PICTURES):
            return None
        image = self.images.get(url)
        if image is None:
            image = self._fetch(url)
            self.images[url] = image
        return image

    def copied(self) -> list[BundleImage]:
        """Pictures copied into the bundle."""
        return [i for i in self.images.values() if i.file]

    def remote(self) -> list[BundleImage]:
        """Pictures left remote (not found locally, download failed or off)."""
        return [i for i in self.images.values() if not i.file]

    def files(self) -> list[str]:
        """The copies' paths in the bundle folder."""
        return sorted(i.file for i in self.images.values() if i.file)

    def close(self) -> None:
        """Close the download connection (if one was opened)."""
        self._fetcher.close()

    # -- internals ----------------------------------------------------------

    def _fetch(self, url: str) -> BundleImage:
        picture = self._fetcher.fetch(url)
        if picture.data is None:
            return BundleImage(url, error=picture.error, code=picture.code)
        name = self._name(url, picture.name)
        try:
            target = self.out_dir / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(picture.data)
        except OSError as exc:
            raise PreviewError(f"cannot write {self.out_dir / name}: "
                               f"{exc.strerror or exc}") from None
        return BundleImage(url, name, picture.source)

    def _name(self, url: str, base: str) -> str:
        """``images/<name>``: readable, unique per URL, same for the same URL."""
        name = f"images/{base}"
        if name in self._names:
            stem, dot, suffix = base.rpartition(".")
            digest = hashlib.blake2s(url.encode("utf-8"), digest_size=4).hexdigest()
            base = f"{stem}-{digest}.{suffix}" if dot else f"{base}-{digest}"
            name = f"images/{base}"
        self._names.add(name)
        return name


__all__ = [
    "MAX_IMAGE_BYTES",
    "BundleImage",
    "BundleImages",
    "image_urls",
    "inline_demo_images",
    "is_remote",
    "replace_image_urls",
]
