"""Checks shared by the bundle tests: every reference resolves inside the bundle."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

_REF_ATTRS = {"link": "href", "script": "src", "img": "src", "iframe": "src", "a": "href"}


class _Refs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _REF_ATTRS:
            self.refs.append((tag, {k: v or "" for k, v in attrs}))


def _is_remote(url: str) -> bool:
    return urlsplit(url).scheme in ("http", "https") or url.startswith("//")


def check_bundle(out: Path) -> int:
    """Assert no page of ``out`` misses a local file or loads remote CSS/JS; count refs."""
    checked = 0
    pages = sorted(out.rglob("*.html"))
    assert pages, f"no HTML in {out}"
    for page in pages:
        parser = _Refs()
        parser.feed(page.read_text(encoding="utf-8"))
        for tag, attrs in parser.refs:
            url = attrs.get(_REF_ATTRS[tag], "")
            if tag == "link" and "stylesheet" in attrs.get("rel", "").lower():
                assert not _is_remote(url), f"{page}: remote stylesheet {url}"
            if tag == "script" and url:
                assert not _is_remote(url), f"{page}: remote script {url}"
            parts = urlsplit(url)
            if not url or parts.scheme or url.startswith(("#", "//")):
                continue
            target = (page.parent / unquote(parts.path)).resolve()
            assert target.is_file(), f"{page.relative_to(out)} references missing {url}"
            assert out.resolve() in target.parents, f"{page}: {url} points outside the bundle"
            checked += 1
    return checked


def files_on_disk(out: Path) -> list[str]:
    """Every file under ``out``, relative, sorted."""
    return sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
