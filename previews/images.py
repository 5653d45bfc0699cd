"""The images of an email where Konvert shows or packages it, so they work offline.

An email keeps absolute image URLs (lint wants them; the ESP sends them as
they are). Where Konvert itself shows or packages the HTML, the pictures are
found locally instead:

- the demo shop's pictures ship with Konvert (:mod:`workspace.demo.images`);
- ``file:`` URLs name a file on this computer;
- any other ``http(s)`` image is downloaded once, with short timeouts
  (review bundle only); when that fails (offline, host down) the link stays.

:func:`inline_demo_images` gives the live preview ``data:`` URLs;
:class:`BundleImages` copies the pictures into a review bundle and points the
bundle's HTML at the copies; the test ``.eml`` embeds them as inline parts
(:mod:`previews.eml`). Plain Python: no Qt.
"""

from __future__ import annotations

import hashlib
import html as html_lib
import logging
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from previews.errors import PreviewError
from workspace.demo.images import demo_data_url, demo_image_path, local_image_path

log = logging.getLogger(__name__)

MAX_IMAGE_BYTES = 5 * 1024 * 1024
"""A download larger than this is not copied (the link stays)."""
CONNECT_TIMEOUT = 3.0
"""Seconds to wait for a connection to an image host."""
READ_TIMEOUT = 5.0
"""Seconds to wait for an image's bytes."""

# src="..." / background="..." attributes and CSS url(...): every place an email
# names a picture. Group "url" is the raw value (entities not decoded). An
# @import url(...) is a style sheet: matched first, so that it is left alone.
_REF_RE = re.compile(
    r"(?P<imp>@import\s+url\([^)]*\))"
    r"|(?P<pre>\b(?:src|background)\s*=\s*)(?P<q>[\"'])(?P<url>[^\"'<>]*)(?P=q)"
    r"|(?P<cpre>url\(\s*)(?P<cq>&quot;|&#39;|[\"']?)(?P<curl>[^\"'()<>]*?)(?P=cq)\s*\)",
    re.IGNORECASE,
)
_REMOTE_RE = re.compile(r"^https?://", re.IGNORECASE)
_NOT_PICTURES = (".woff", ".woff2", ".ttf", ".otf", ".eot", ".css")
"""Web fonts and style sheets named by ``url()``: not pictures, never copied."""
_CONTENT_EXT = {"image/png": ".png", "image/jpeg": ".jpg", "image/gif": ".gif",
                "image/webp": ".webp", "image/svg+xml": ".svg", "image/avif": ".avif"}


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


def is_remote(url: str) -> bool:
    """Whether ``url`` is an ``http(s)`` address."""
    return bool(_REMOTE_RE.match(url))


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
        self._timeout = (connect_timeout, read_timeout)
        self._client: Any = None
        self._dead_hosts: dict[str, tuple[str, str]] = {}
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
        if self._client is not None:
            self._client.close()
            self._client = None

    # -- internals ----------------------------------------------------------

    def _fetch(self, url: str) -> BundleImage:
        local = local_image_path(url)
        if local is not None:
            source = "demo" if demo_image_path(url) is not None else "local"
            name = self._name(url, local.name)
            try:
                target = self.out_dir / name
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(local, target)
            except OSError as exc:
                raise PreviewError(f"cannot copy {local} into the bundle: "
                                   f"{exc.strerror or exc}") from None
            return BundleImage(url, name, source)
        if not is_remote(url):
            return BundleImage(url, error="not a web address or a file on this computer",
                              code="not-url")
        if not self.download:
            return BundleImage(url, error="not downloaded (offline)", code="offline")
        return self._download(url)

    def _download(self, url: str) -> BundleImage:
        import httpx

        host = urlsplit(url).netloc.lower()
        if host in self._dead_hosts:
            error, code = self._dead_hosts[host]
            return BundleImage(url, error=error, code=code)
        if self._client is None:
            connect, read = self._timeout
            self._client = httpx.Client(
                timeout=httpx.Timeout(read, connect=connect), follow_redirects=True,
                headers={"User-Agent": "Konvert review bundle"})
        try:
            with self._client.stream("GET", url) as response:
                if response.status_code != 200:
                    return BundleImage(url, error=f"HTTP {response.status_code}", code="http")
                content_type = response.headers.get("content-type", "").split(";")[0]
                content_type = content_type.strip().lower()
                if content_type and not content_type.startswith("image/"):
                    return BundleImage(url, error=f"not an image ({content_type})",
                                       code="not-image")
                data = bytearray()
                for chunk in response.iter_bytes():
                    data += chunk
                    if len(data) > MAX_IMAGE_BYTES:
                        return BundleImage(url, error="larger than 5 MB", code="too-large")
        except httpx.TimeoutException:
            self._dead_hosts[host] = ("timed out", "timeout")
            return BundleImage(url, error="timed out", code="timeout")
        except httpx.HTTPError as exc:
            self._dead_hosts[host] = (f"no connection ({type(exc).__name__})", "connection")
            return BundleImage(url, error=self._dead_hosts[host][0], code="connection")
        name = self._name(url, PurePosixPath(urlsplit(url).path).name,
                          _CONTENT_EXT.get(content_type, ""))
        try:
            target = self.out_dir / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(bytes(data))
        except OSError as exc:
            raise PreviewError(f"cannot write {self.out_dir / name}: "
                               f"{exc.strerror or exc}") from None
        log.info("bundle image %s downloaded (%d bytes)", url, len(data))
        return BundleImage(url, name, "downloaded")

    def _name(self, url: str, base: str, ext: str = "") -> str:
        """``images/<name>``: readable, unique per URL, same for the same URL."""
        base = re.sub(r"[^\w.-]+", "-", base, flags=re.ASCII).strip(".-")[:60] or "image"
        if ext and not base.lower().endswith((ext, ".jpeg" if ext == ".jpg" else ext)):
            base += ext
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
