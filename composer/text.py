"""The plain-text version of an email, generated from its final HTML.

Links come out as ``text (url)``; hidden parts (the preheader span, Outlook-only
conditional comments, ``<head>``) are left out.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCK = frozenset(
    {"p", "div", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
     "section", "article", "header", "footer", "blockquote", "center", "hr"}
)
_SKIP = frozenset({"head", "style", "script", "title", "noscript"})
_VOID = frozenset({"br", "img", "hr", "meta", "link", "input", "col", "area", "base", "wbr"})
_HIDDEN_RE = re.compile(r"display\s*:\s*none|mso-hide\s*:\s*all", re.IGNORECASE)


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skip_depth = 0
        self.skip_tags: list[str] = []
        self.links: list[tuple[str, list[str]]] = []

    def _emit(self, text: str) -> None:
        if self.links:
            self.links[-1][1].append(text)
        else:
            self.out.append(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {k: v or "" for k, v in attrs}
        if self.skip_tags:
            if tag == self.skip_tags[-1] and tag not in _VOID:
                self.skip_tags.append(tag)
            return
        if tag in _SKIP or (tag not in _VOID and _HIDDEN_RE.search(attr.get("style", ""))):
            self.skip_tags.append(tag)
            return
        if tag == "br" or tag in _BLOCK:
            self._emit("\n")
        elif tag == "td":
            self._emit(" ")
        elif tag == "a":
            self.links.append((attr.get("href", "").strip(), []))
        elif tag == "img" and self.links and attr.get("alt"):
            self._emit(attr["alt"])

    def handle_endtag(self, tag: str) -> None:
        if self.skip_tags:
            if tag == self.skip_tags[-1]:
                self.skip_tags.pop()
            return
        if tag == "a" and self.links:
            href, parts = self.links.pop()
            text = re.sub(r"\s+", " ", "".join(parts)).strip()
            if href.startswith(("tel:", "mailto:")) and text:
                self._emit(text)
            elif href and not href.startswith("#") and href != text:
                self._emit(f"{text} ({href})" if text else href)
            else:
                self._emit(text)
        elif tag in _BLOCK:
            self._emit("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip_tags:
            self._emit(data)


def html_to_text(html: str) -> str:
    """Plain text of an email's HTML: paragraphs on their own lines, links as ``text (url)``."""
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    raw = "".join(parser.out).replace("\u00a0", " ")
    lines: list[str] = []
    for line in raw.split("\n"):
        line = re.sub(r"[ \t\r\f\v]+", " ", line).strip()
        # A product picture and its name link to the same page: say it once.
        previous = next((x for x in reversed(lines) if x), None)
        if line and line == previous:
            continue
        lines.append(line)
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    return text + "\n"
