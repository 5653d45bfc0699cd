"""The pictures of emails, each fetched once: from disk when Konvert has it, else from the web.

The review bundle (``previews``) and ``export files`` (``esp``) both pack an
email with its pictures. A :class:`PictureFetcher` gives each URL's bytes
once: the demo shop's pictures and ``file:`` URLs from disk (no network),
other ``http(s)`` pictures downloaded with short timeouts and a size limit
when downloading is on. A host that cannot be reached is not asked again.
What could not be fetched comes back with a plain English reason and a
stable code, so that the caller keeps the link and lists it.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import PurePosixPath
from types import TracebackType
from typing import Any
from urllib.parse import unquote, urlsplit

from workspace.demo.images import demo_image_path, local_image_path, mime_type

log = logging.getLogger(__name__)

MAX_PICTURE_BYTES = 5 * 1024 * 1024
"""A picture larger than this is not fetched (the link stays)."""
CONNECT_TIMEOUT = 3.0
"""Seconds to wait for a connection to a picture's host."""
READ_TIMEOUT = 5.0
"""Seconds to wait for a picture's bytes."""

CONTENT_EXT = {"image/png": ".png", "image/jpeg": ".jpg", "image/gif": ".gif",
               "image/webp": ".webp", "image/svg+xml": ".svg", "image/avif": ".avif"}
"""The file extension of each picture type."""

_REMOTE_RE = re.compile(r"^https?://", re.IGNORECASE)


def is_remote(url: str) -> bool:
    """Whether ``url`` is an ``http(s)`` address."""
    return bool(_REMOTE_RE.match(url))


@dataclass(frozen=True)
class Picture:
    """One picture: its bytes, or why it could not be fetched."""

    url: str
    data: bytes | None = None
    source: str = "remote"
    """``demo`` (shipped with Konvert), ``local`` (a ``file:`` URL), ``downloaded``, or
    ``remote`` (not fetched)."""
    name: str = ""
    """A file name for the copy (the URL's last part, with the extension of its type)."""
    error: str | None = None
    """Why it was not fetched (English, one line)."""
    code: str | None = None
    """The reason as a stable code: ``offline``, ``timeout``, ``connection``, ``http``,
    ``not-image``, ``too-large``, ``not-url``, ``unreadable``."""


def _file_name(base: str, ext: str) -> str:
    base = re.sub(r"[^\w.-]+", "-", base, flags=re.ASCII).strip(".-")[:60] or "image"
    if ext and not base.lower().endswith((ext, ".jpeg" if ext == ".jpg" else ext)):
        base += ext
    return base


class PictureFetcher:
    """Fetches pictures by URL, each once (see the module's text); close it after use."""

    def __init__(self, *, download: bool = True, connect_timeout: float = CONNECT_TIMEOUT,
                 read_timeout: float = READ_TIMEOUT, user_agent: str = "Konvert") -> None:
        self.download = download
        self._timeout = (connect_timeout, read_timeout)
        self._user_agent = user_agent
        self._client: Any = None
        self._dead_hosts: dict[str, tuple[str, str]] = {}
        self._fetched: dict[str, Picture] = {}

    def fetch(self, url: str) -> Picture:
        """The picture of ``url`` (fetched on first use, then remembered)."""
        picture = self._fetched.get(url)
        if picture is None:
            picture = self._fetch(url)
            self._fetched[url] = picture
        return picture

    def close(self) -> None:
        """Close the download connection (if one was opened)."""
        if self._client is not None:
            self._client.close()
            self._client = None

    def __enter__(self) -> PictureFetcher:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    def _fetch(self, url: str) -> Picture:
        local = local_image_path(url)
        if local is not None:
            source = "demo" if demo_image_path(url) is not None else "local"
            try:
                data = local.read_bytes()
            except OSError as exc:
                return Picture(url, error=f"cannot read {local}: {exc.strerror or exc}",
                               code="unreadable")
            return Picture(url, data, source,
                           _file_name(local.name, CONTENT_EXT.get(mime_type(local), "")))
        if not is_remote(url):
            return Picture(url, error="not a web address or a file on this computer",
                           code="not-url")
        if not self.download:
            return Picture(url, error="not downloaded (offline)", code="offline")
        return self._download(url)

    def _download(self, url: str) -> Picture:
        import httpx

        host = urlsplit(url).netloc.lower()
        if host in self._dead_hosts:
            error, code = self._dead_hosts[host]
            return Picture(url, error=error, code=code)
        if self._client is None:
            connect, read = self._timeout
            self._client = httpx.Client(
                timeout=httpx.Timeout(read, connect=connect), follow_redirects=True,
                headers={"User-Agent": self._user_agent})
        try:
            with self._client.stream("GET", url) as response:
                if response.status_code != 200:
                    return Picture(url, error=f"HTTP {response.status_code}", code="http")
                content_type = response.headers.get("content-type", "").split(";")[0]
                content_type = content_type.strip().lower()
                if content_type and not content_type.startswith("image/"):
                    return Picture(url, error=f"not an image ({content_type})",
                                   code="not-image")
                data = bytearray()
                for chunk in response.iter_bytes():
                    data += chunk
                    if len(data) > MAX_PICTURE_BYTES:
                        return Picture(url, error="larger than 5 MB", code="too-large")
        except httpx.TimeoutException:
            self._dead_hosts[host] = ("timed out", "timeout")
            return Picture(url, error="timed out", code="timeout")
        except httpx.HTTPError as exc:
            self._dead_hosts[host] = (f"no connection ({type(exc).__name__})", "connection")
            return Picture(url, error=self._dead_hosts[host][0], code="connection")
        log.info("picture %s downloaded (%d bytes)", url, len(data))
        base = unquote(PurePosixPath(urlsplit(url).path).name)
        return Picture(url, bytes(data), "downloaded",
                       _file_name(base, CONTENT_EXT.get(content_type, "")))


__all__ = [
    "CONNECT_TIMEOUT",
    "CONTENT_EXT",
    "MAX_PICTURE_BYTES",
    "READ_TIMEOUT",
    "Picture",
    "PictureFetcher",
    "is_remote",
]
