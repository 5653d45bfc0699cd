"""Image widths as official MJML computes them, written into the MJML for MRML.

Official MJML draws an ``mj-image`` at ``min(box, width)``, where ``box`` is
the width its column leaves after paddings and borders (integers, via
``parseInt``). MRML uses the ``width`` attribute as is (an image wider than
its column overflows it) and keeps fractions (287.5px). This module walks
the MJML's section/column tree with MJML's attribute cascade (inline >
mj-class > mj-attributes tag defaults > mj-all > component defaults) and
writes the official width on each body image. Anything it cannot resolve
(includes, widths it does not understand) is left untouched.
"""

from __future__ import annotations

import logging
import math
import re
from dataclasses import dataclass, field
from functools import cached_property

logger = logging.getLogger(__name__)

# Quoted values may hold '>'; kept simple (no backtracking) as it runs on every preview.
_TOKEN_RE = re.compile(
    r"<!--.*?-->|<(/?)(mj-[\w-]+|mjml)\b((?:\"[^\"]*\"|'[^']*'|[^'\">/]|/(?!>))*)(/?)>",
    re.DOTALL,
)
_ATTR_RE = re.compile(r"([^\s=>/\"']+)(?:\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+)))?")
WIDTH_MARK = "kv-image-width-"
"""Class prefix carrying an image's official width from the MJML to the HTML."""
_PX_RE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(px)?\s*$")
_INT_RE = re.compile(r"^\s*([+-]?\d+)")

# Elements whose content is HTML or text, not MJML: their inside is skipped.
_RAW_CONTENT = frozenset({
    "mj-text", "mj-button", "mj-raw", "mj-table", "mj-style", "mj-title", "mj-preview",
    "mj-navbar-link", "mj-social-element", "mj-accordion-title", "mj-accordion-text",
})
_DEFAULTS: dict[str, dict[str, str]] = {
    "mj-body": {"width": "600px"},
    "mj-section": {"padding": "20px 0"},
    "mj-wrapper": {"padding": "20px 0"},
    "mj-hero": {"padding": "0px"},
    "mj-image": {"padding": "10px 25px", "border": "0"},
}


@dataclass
class _Node:
    tag: str
    raw: str
    start: int
    end: int
    children: list[_Node] = field(default_factory=list)

    @cached_property
    def attrs(self) -> dict[str, str]:
        """Parsed on first use: most nodes never need theirs."""
        return parse_attrs(self.raw)


@dataclass
class _Head:
    all: dict[str, str] = field(default_factory=dict)
    tags: dict[str, dict[str, str]] = field(default_factory=dict)
    classes: dict[str, dict[str, str]] = field(default_factory=dict)


def parse_attrs(text: str) -> dict[str, str]:
    """Attributes of a start tag's attribute text; the first of duplicates wins."""
    attrs: dict[str, str] = {}
    for match in _ATTR_RE.finditer(text):
        name = match.group(1)
        value = next((g for g in match.group(2, 3, 4) if g is not None), "")
        attrs.setdefault(name, value)
    return attrs


def _parse(text: str) -> tuple[_Head, _Node | None]:
    head = _Head()
    root = _Node("root", "", 0, 0)
    stack = [root]
    body: _Node | None = None
    in_attributes = False
    pos = 0
    while True:
        match = _TOKEN_RE.search(text, pos)
        if match is None:
            break
        pos = match.end()
        closing, tag = match.group(1), match.group(2)
        if tag is None:  # a comment
            continue
        if closing:
            if tag == "mj-attributes":
                in_attributes = False
            if len(stack) > 1 and stack[-1].tag == tag:
                stack.pop()
            continue
        self_closing = bool(match.group(4))
        if in_attributes:
            attrs = parse_attrs(match.group(3) or "")
            if tag == "mj-all":
                head.all.update(attrs)
            elif tag == "mj-class":
                name = attrs.pop("name", "")
                head.classes.setdefault(name, {}).update(attrs)
            else:
                head.tags.setdefault(tag, {}).update(attrs)
            if not self_closing:  # skip to its end: mj-class may hold children
                end = text.find(f"</{tag}>", pos)
                pos = pos if end < 0 else end + len(tag) + 3
            continue
        if tag == "mj-attributes":
            in_attributes = not self_closing
            continue
        node = _Node(tag, match.group(3) or "", match.start(), match.end())
        stack[-1].children.append(node)
        if tag == "mj-body":
            body = node
        if self_closing:
            continue
        if tag in _RAW_CONTENT:
            end = text.find(f"</{tag}", pos)
            if end >= 0:
                pos = end
            stack.append(node)
            continue
        stack.append(node)
    return head, body


class _Resolver:
    def __init__(self, head: _Head) -> None:
        self.head = head

    def get(self, node: _Node, name: str) -> str | None:
        if name in node.attrs:
            return node.attrs[name]
        value: str | None = None
        for cls in node.attrs.get("mj-class", "").split():
            value = self.head.classes.get(cls, {}).get(name, value)
        if value is not None:
            return value
        tag_defaults = self.head.tags.get(node.tag, {})
        if name in tag_defaults:
            return tag_defaults[name]
        if name in self.head.all:
            return self.head.all[name]
        return _DEFAULTS.get(node.tag, {}).get(name)

    def side(self, node: _Node, attribute: str, direction: str) -> int:
        """MJML's getShorthandAttrValue: one side of a padding-like shorthand."""
        own = self.get(node, f"{attribute}-{direction}")
        if own:
            return _parse_int(own)
        value = self.get(node, attribute)
        if not value:
            return 0
        parts = value.strip().split()[:4]
        if len(parts) == 1:
            return _parse_int(value)
        index = {2: {"top": 0, "bottom": 0, "left": 1, "right": 1},
                 3: {"top": 0, "bottom": 2, "left": 1, "right": 1},
                 4: {"top": 0, "right": 1, "bottom": 2, "left": 3}}[len(parts)][direction]
        return _parse_int(parts[index])

    def border(self, node: _Node, direction: str, attribute: str = "border") -> int:
        """MJML's getShorthandBorderValue: the first whole number in the border."""
        value = self.get(node, f"{attribute}-{direction}") or self.get(node, attribute) or "0"
        match = re.search(r"(?:^| )(\d+)", value)
        return int(match.group(1)) if match else 0

    def horizontal(self, node: _Node) -> int:
        return self.side(node, "padding", "left") + self.side(node, "padding", "right")

    def borders(self, node: _Node) -> int:
        return self.border(node, "left") + self.border(node, "right")


def _parse_int(value: str) -> int:
    match = _INT_RE.match(value)
    return int(match.group(1)) if match else 0


def _parse_width(value: str) -> tuple[float, str] | None:
    match = re.match(r"^\s*(\d+(?:\.\d+)?)\s*(px|%)?\s*$", value)
    if not match:
        return None
    return float(match.group(1)), match.group(2) or "px"


def official_image_widths(text: str) -> str:
    """Write the width official MJML would draw on every body ``mj-image``."""
    if "<mj-image" not in text or "<mj-include" in text:
        return text
    head, body = _parse(text)
    if body is None:
        return text
    resolver = _Resolver(head)
    edits: list[tuple[int, int, str]] = []
    body_width = resolver.get(body, "width") or "600px"
    parsed = _parse_width(body_width)
    if parsed is None or parsed[1] != "px":
        return text

    def image(node: _Node, container: float) -> None:
        box = math.trunc(container) - resolver.horizontal(node) - resolver.borders(node)
        width = resolver.get(node, "width")
        # Official MJML reads the width with parseInt: "100%" is 100 px, "auto"
        # (NaN) leaves the whole box. MRML would draw "100%" full width.
        parsed = _INT_RE.match(width) if width else None
        result = box if parsed is None else min(box, int(parsed.group(1)))
        if result <= 0:
            return
        tag = text[node.start : node.end]
        own = _PX_RE.match(node.attrs.get("width", ""))
        if not (own and float(own.group(1)) == result):
            tag = _with_width(tag, result)
        # MRML also clamps the width to a box of its own, computed wrongly when
        # paddings come from padding-left/right, mj-all or mj-class; the marker
        # lets the HTML be set to the official width afterwards (fix_image_widths).
        classes = f"{resolver.get(node, 'css-class') or ''} {WIDTH_MARK}{result}".strip()
        edits.append((node.start, node.end, _with_attr(tag, "css-class", classes)))

    with_images: set[int] = set()

    def mark(node: _Node) -> bool:
        found = node.tag == "mj-image"
        for child in node.children:
            found = mark(child) or found
        if found:
            with_images.add(id(node))
        return found

    mark(body)

    def walk(node: _Node, container: float, siblings: int) -> None:
        tag = node.tag
        if tag == "mj-image":
            image(node, container)
            return
        if id(node) not in with_images:
            return  # resolving paddings costs; a subtree without images needs none
        if tag in ("mj-section", "mj-wrapper"):
            box = math.trunc(container) - resolver.horizontal(node) - resolver.borders(node)
            inner = float(box)
        elif tag in ("mj-column", "mj-group"):
            own = resolver.get(node, "width")
            if own:
                parsed_own = _parse_width(own)
                if parsed_own is None:
                    return
                amount, unit = parsed_own
            else:
                amount, unit = container / max(siblings, 1), "px"
            extra = resolver.horizontal(node)
            if tag == "mj-column":
                extra += resolver.borders(node) + resolver.border(node, "left", "inner-border") \
                    + resolver.border(node, "right", "inner-border")
            inner = container * amount / 100 - extra if unit == "%" else amount - extra
        elif tag == "mj-hero":
            inner = container - resolver.horizontal(node)
        elif tag == "mj-body":
            inner = container
        else:
            return  # accordion, carousel, navbar...: no images of their own here
        if tag == "mj-group":
            count = len(node.children)
        else:
            count = sum(1 for child in node.children if child.tag != "mj-raw")
        for child in node.children:
            walk(child, inner, count)

    walk(body, parsed[0], 1)
    for start, end, replacement in sorted(edits, reverse=True):
        text = text[:start] + replacement + text[end:]
    return text


HERO_MARK = "kv-hero-fluid-"
"""Class prefix carrying a fluid-height hero's background ratio to the HTML."""


def official_heroes(text: str) -> str:
    """Prepare each ``mj-hero`` so MRML's HTML can be made official MJML's.

    Fixed height: official MJML sets the hero's cell to ``height -
    padding-top - padding-bottom``; MRML uses ``height`` as is (a padded hero
    came out taller by its paddings), so that height is written in. Fluid
    height: official MJML puts a cell on each side whose ``padding-bottom`` is
    the background's height/width ratio (the hero keeps its picture's
    proportions); MRML writes a zero height instead. A class marker carries
    the ratio to :func:`fix_heroes`.
    """
    if "<mj-hero" not in text or "<mj-include" in text:
        return text
    head, body = _parse(text)
    if body is None:
        return text
    resolver = _Resolver(head)
    edits: list[tuple[int, int, str]] = []

    def walk(node: _Node) -> None:
        if node.tag == "mj-hero":
            tag = text[node.start : node.end]
            height = resolver.get(node, "height")
            mode = resolver.get(node, "mode") or "fixed-height"
            if mode == "fluid-height":
                bh = _INT_RE.match(resolver.get(node, "background-height") or "")
                bw = _INT_RE.match(resolver.get(node, "background-width") or "")
                ratio = "nan"
                if bh and bw and int(bw.group(1)):
                    # JavaScript's Math.round: halves go up.
                    ratio = str(math.floor(int(bh.group(1)) / int(bw.group(1)) * 100 + 0.5))
                classes = f"{resolver.get(node, 'css-class') or ''} {HERO_MARK}{ratio}".strip()
                edits.append((node.start, node.end, _with_attr(tag, "css-class", classes)))
            elif height:
                inner = _parse_int(height) - resolver.side(node, "padding", "top") \
                    - resolver.side(node, "padding", "bottom")
                if inner != _parse_int(height):
                    edits.append((node.start, node.end, _with_attr(tag, "height", f"{inner}px")))
        for child in node.children:
            walk(child)

    walk(body)
    for start, end, replacement in sorted(edits, reverse=True):
        text = text[:start] + replacement + text[end:]
    return text


_HERO_DIV_RE = re.compile(r'(<div\b[^>]*?class=")([^"]*?)\s*\b' + HERO_MARK + r'(\w+)\b([^"]*")')
_TD_RE = re.compile(r"<td\b|</td\s*>")


def fix_heroes(html: str) -> str:
    """Give MRML's fluid-height heroes official MJML's ratio cells; drop the markers."""
    if HERO_MARK not in html:
        return html
    while True:
        match = _HERO_DIV_RE.search(html)
        if match is None:
            return html
        classes = f"{match.group(2)} {match.group(4)[:-1]}".strip()
        opening = match.group(1)
        head = html[: match.start()] + (
            opening + classes + '"' if classes else opening[: -len('class="')].rstrip())
        rest = html[match.end() :]
        row = rest.find('<tr style="vertical-align:top;">')
        cell = rest.find("<td", row)
        if row < 0 or cell < 0:
            html = head + rest
            continue
        start_end = rest.find(">", cell) + 1
        start = rest[cell:start_end]
        start = start.replace(' height="0"', "").replace("height:0px;", "")
        depth, close = 0, -1
        for tag in _TD_RE.finditer(rest, cell):
            depth += -1 if tag.group(0).startswith("</") else 1
            if depth == 0:
                close = tag.end()
                break
        if close < 0:
            html = head + rest
            continue
        magic = (f'<td style="width:0.01%;padding-bottom:{match.group(3).replace("nan", "NaN")}%;'
                 'mso-padding-bottom-alt:0;" />')
        html = (head + rest[:cell] + magic + start + rest[start_end:close] + magic
                + rest[close:])


def _with_width(tag: str, width: int) -> str:
    """The ``<mj-image ...>`` start tag with ``width`` set to ``width``px."""
    return _with_attr(tag, "width", f"{width}px")


def _with_attr(tag: str, name: str, value: str) -> str:
    """The start tag ``tag`` with attribute ``name`` set to ``value``."""
    replaced, count = re.subn(
        rf"(\s{re.escape(name)}\s*=\s*)(\"[^\"]*\"|'[^']*'|[^\s>]+)",
        lambda m: f'{m.group(1)}"{value}"', tag, count=1,
    )
    if count:
        return replaced
    return re.sub(r"^<([\w-]+)", lambda m: f'<{m.group(1)} {name}="{value}"', tag)


_MARKED_IMAGE_RE = re.compile(
    r'(<td\b[^>]*?) class="([^"]*?)\s*\b' + WIDTH_MARK + r'(\d+)\b([^"]*)"(.*?<img\b[^>]*>)',
    re.DOTALL,
)


def fix_image_widths(html: str) -> str:
    """Set each marked image of MRML's HTML to its official width; drop the markers."""
    if WIDTH_MARK not in html:
        return html

    def fix(match: re.Match[str]) -> str:
        width = match.group(3)
        classes = f"{match.group(2)} {match.group(4)}".strip()
        inner = re.sub(r'(<td\b[^>]*style="width:)[\d.]+(px)', rf"\g<1>{width}\g<2>",
                       match.group(5), count=1)
        inner = re.sub(r'(<img\b[^>]*?\swidth=")[\d.]+(")', rf"\g<1>{width}\g<2>", inner,
                       count=1)
        return match.group(1) + (f' class="{classes}"' if classes else "") + inner

    return _MARKED_IMAGE_RE.sub(fix, html)
