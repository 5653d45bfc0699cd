"""A tolerant MJML front end: read MJML the way official MJML does, hand MRML clean MJML.

Official MJML parses its input with htmlparser2 in HTML mode: comments of any
shape, Outlook conditional comments anywhere, unquoted, valueless and repeated
attributes (the first wins), stray closing tags, unclosed elements, CDATA and
entities are all accepted. The content of an *ending tag* (``mj-text``,
``mj-button``, ``mj-raw``, ...) is copied to the output byte for byte, a
comment outside one becomes an ``mj-raw`` holding it, and loose text beside
components is dropped. MRML (the engine) is much stricter: any of the above
stops it with "unexpected token".

:func:`parse` mirrors the official parser (tokenizer rules of htmlparser2,
tree rules of ``mjml-parser-xml``) and :func:`to_engine` writes the tree back
as MJML MRML accepts: attributes quoted, comments as ``mj-raw``, elements
official MJML skips (unknown tags) dropped, and the content of every ending
tag replaced by a placeholder that :meth:`EngineSource.restore` swaps back into
MRML's HTML, so the author's HTML reaches the email exactly as official MJML
copies it. Each element keeps its source line for messages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from composer.errors import Issue, MjmlError

ENDING_TAGS = frozenset({
    "mj-breakpoint", "mj-preview", "mj-style", "mj-title", "mj-button", "mj-raw", "mj-text",
    "mj-table", "mj-social-element", "mj-navbar-link", "mj-accordion-text",
    "mj-accordion-title", "mj-carousel-image",
})
"""Components whose content official MJML copies verbatim (``endingTag`` in MJML 5.4)."""

# htmlparser2 (HTML mode) rules that change the tree outside ending tags.
_VOID = frozenset({
    "area", "base", "basefont", "br", "col", "command", "embed", "frame", "hr", "img", "input",
    "isindex", "keygen", "link", "meta", "param", "source", "track", "wbr",
})
_SPECIAL = frozenset({"script", "style", "title", "textarea", "xmp"})
_P = frozenset({"p"})
_FORM = frozenset({"input", "option", "optgroup", "select", "button", "datalist", "textarea"})
_IMPLIES_CLOSE: dict[str, frozenset[str]] = {
    "tr": frozenset({"tr", "th", "td"}), "th": frozenset({"th"}),
    "td": frozenset({"thead", "th", "td"}), "body": frozenset({"head", "link", "script"}),
    "li": frozenset({"li"}), "option": frozenset({"option"}),
    "optgroup": frozenset({"optgroup", "option"}), "dd": frozenset({"dd", "dt"}),
    "dt": frozenset({"dd", "dt"}), "rt": frozenset({"rt", "rp"}), "rp": frozenset({"rt", "rp"}),
    "tbody": frozenset({"thead", "tbody"}), "tfoot": frozenset({"thead", "tbody"}),
    **{name: _FORM for name in ("select", "input", "output", "button", "datalist", "textarea")},
    **{name: _P for name in (
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "address", "article", "aside", "blockquote",
        "details", "div", "dl", "fieldset", "figcaption", "figure", "footer", "form", "header",
        "hr", "main", "nav", "ol", "pre", "section", "table", "ul")},
}
_WS = " \t\n\r\f"
_PLACEHOLDER = "kvsrc{}x"
_PLACEHOLDER_RE = re.compile(r"kvsrc(\d+)x")
# Parents in which MRML accepts an mj-raw (a comment elsewhere is dropped: it is invisible).
_RAW_PARENTS = frozenset({
    "mj-head", "mj-body", "mj-wrapper", "mj-section", "mj-group", "mj-column", "mj-hero",
})


@dataclass
class Node:
    """One element of the official tree; comments are ``mj-raw`` nodes with ``comment`` set."""

    tag: str
    attrs: dict[str, str | None]
    line: int
    children: list[Node] = field(default_factory=list)
    content: str | None = None
    comment: bool = False
    parent: Node | None = field(default=None, repr=False)


class _Parser:
    """htmlparser2's tokenizer and parser (HTML mode) with mjml-parser-xml's callbacks."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.root: Node | None = None
        self.cur: Node | None = None
        self.stack: list[str] = []  # htmlparser2's open element names, innermost last
        self.in_ending = 0
        self.ending_open: tuple[int, int] = (0, 0)
        self.ending_node: Node | None = None
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def line(self, offset: int) -> int:
        lo, hi = 0, len(self._line_starts)
        while lo < hi:
            mid = (lo + hi) // 2
            if self._line_starts[mid] <= offset:
                lo = mid + 1
            else:
                hi = mid
        return lo

    # -- tokenizer -----------------------------------------------------------------
    def run(self) -> Node | None:
        text, n, i = self.text, len(self.text), 0
        pending = 0  # start of the text run before the next tag
        while i < n:
            lt = text.find("<", i)
            if lt < 0 or lt + 1 >= n:
                break
            c = text[lt + 1]
            if not (c in "!?/" or (c.isascii() and c.isalpha())):
                i = lt + 1  # a '<' that starts no tag is text
                continue
            if lt > pending:
                self.text_event(text[pending:lt])
            if c == "!":
                i = self.bang(lt)
            elif c == "?":
                end = text.find(">", lt)
                i = n if end < 0 else end + 1
            elif c == "/":
                i = self.closing(lt)
            else:
                i = self.opening(lt)
            pending = i
        if pending < n:
            self.text_event(text[pending:])
        while self.stack:  # end of input closes what is open
            self.close_event(self.stack.pop(), n - 1)
        return self.root

    def bang(self, lt: int) -> int:
        text = self.text
        if text.startswith("<!--", lt):
            end = _comment_end(text, lt + 4)
            if end < 0:
                return len(text)  # an unclosed comment runs to the end and is not emitted
            self.comment_event(lt, text[lt + 4 : end - 2])
            return end + 1
        if text.startswith("<![CDATA[", lt):
            end = text.find("]]>", lt + 9)
            self.text_event(text[lt + 9 : len(text) if end < 0 else end])
            return len(text) if end < 0 else end + 3
        end = text.find(">", lt)
        return len(text) if end < 0 else end + 1  # a declaration (<!doctype ...>)

    def closing(self, lt: int) -> int:
        text, n = self.text, len(self.text)
        j = lt + 2
        while j < n and text[j] in _WS:
            j += 1
        if j >= n:
            return n
        if text[j] == ">":
            return j + 1
        if not (text[j].isascii() and text[j].isalpha()):
            end = text.find(">", j)  # a bogus comment, ignored
            return n if end < 0 else end + 1
        k = j
        while k < n and text[k] != ">" and text[k] not in _WS:
            k += 1
        name = text[j:k].lower()
        end = text.find(">", k)
        end = n - 1 if end < 0 else end
        self.close_tag(name, end)
        return end + 1

    def opening(self, lt: int) -> int:
        text, n = self.text, len(self.text)
        k = lt + 1
        while k < n and text[k] not in _WS and text[k] not in "/>":
            k += 1
        name = text[lt + 1 : k].lower()
        attrs: dict[str, str | None] = {}
        i = k
        self_closing = False
        while True:
            while i < n and text[i] in _WS:
                i += 1
            if i >= n:
                return n  # an unfinished tag at the end is dropped
            c = text[i]
            if c == ">":
                break
            if c == "/":
                j = i + 1
                while j < n and text[j] in _WS:
                    j += 1
                if j < n and text[j] == ">":
                    self_closing, i = True, j
                    break
                i = j
                continue
            j = i + 1 if c == "=" else i
            while j < n and text[j] not in _WS and text[j] not in "=/>":
                j += 1
            attr = text[i:j]
            while j < n and text[j] in _WS:
                j += 1
            value: str | None = None
            if j < n and text[j] == "=":
                j += 1
                while j < n and text[j] in _WS:
                    j += 1
                if j < n and text[j] in "\"'":
                    end = text.find(text[j], j + 1)
                    end = n if end < 0 else end
                    value = text[j + 1 : end]
                    j = end + 1
                else:
                    start = j
                    while j < n and text[j] not in _WS and text[j] != ">":
                        j += 1
                    value = text[start:j]
            if attr not in attrs:  # the first of repeated attributes wins
                attrs[attr] = value
            i = j
        self.open_tag(name, attrs, lt, i, self_closing)
        if name in _SPECIAL and not self_closing:
            close = re.compile(rf"</{name}[\s>/]", re.IGNORECASE).search(text, i + 1)
            if close is None:
                return n
            gt = text.find(">", close.start())
            gt = n - 1 if gt < 0 else gt
            self.close_tag(name, gt)
            return gt + 1
        return i + 1

    # -- htmlparser2 parser ------------------------------------------------------
    def open_tag(self, name: str, attrs: dict[str, str | None], start: int, end: int,
                 self_closing: bool) -> None:
        implied = _IMPLIES_CLOSE.get(name)
        if implied:
            while self.stack and self.stack[-1] in implied:
                self.close_event(self.stack.pop(), end)
        void = name in _VOID
        if not void:
            self.stack.append(name)
        self.open_event(name, attrs, start, end)
        if void:
            self.close_event(name, end)
        elif self_closing and self.stack and self.stack[-1] == name:
            self.stack.pop()
            self.close_event(name, end, self_closed=True)

    def close_tag(self, name: str, end: int) -> None:
        if name in _VOID:
            if name == "br":
                self.open_event("br", {}, end, end)
                self.close_event("br", end)
            return
        if name in self.stack:
            while self.stack:
                top = self.stack.pop()
                self.close_event(top, end)
                if top == name:
                    break
        elif name == "p":
            self.open_event("p", {}, end, end)
            self.close_event("p", end)

    # -- mjml-parser-xml callbacks ---------------------------------------------------
    def open_event(self, name: str, attrs: dict[str, str | None], start: int, end: int) -> None:
        ending = name in ENDING_TAGS
        if self.in_ending:
            if ending:
                self.in_ending += 1
            return
        if ending:
            self.in_ending = 1
            self.ending_open = (start, end)
        node = Node(name, attrs, self.line(start), parent=self.cur)
        if self.cur is not None:
            self.cur.children.append(node)
        elif self.root is None:
            self.root = node
        self.cur = node

    def close_event(self, name: str, end: int, self_closed: bool = False) -> None:
        if name in ENDING_TAGS and self.in_ending:
            self.in_ending -= 1
            if not self.in_ending and not self_closed and self.cur is not None:
                partial = self.text[self.ending_open[1] + 1 : end + 1].strip()
                cut = partial.rfind(f"</{name}")
                value = partial[:cut] if cut >= 0 else partial[:-1]
                if value.strip():
                    self.cur.content = value.strip()
        if self.in_ending:
            return
        if self.cur is not None:
            self.cur = self.cur.parent

    def text_event(self, data: str) -> None:
        # Text outside ending tags: official MJML keeps it as the element's content
        # (mj-html-attribute reads it; components drop it, like loose text in a column).
        if self.in_ending or self.cur is None or not data.strip():
            return
        self.cur.content = ((self.cur.content or "") + data.strip()).strip()

    def comment_event(self, start: int, data: str) -> None:
        if self.in_ending or self.cur is None:
            return
        node = Node("mj-raw", {}, self.line(start), content=f"<!--{data}-->", comment=True,
                    parent=self.cur)
        self.cur.children.append(node)


def _comment_end(text: str, start: int) -> int:
    """Offset of the '>' ending a comment opened before ``start`` (``-->``, ``--->``...)."""
    end = text.find("-->", start)
    return -1 if end < 0 else end + 2


def parse(text: str) -> Node | None:
    """The tree official MJML builds from ``text`` (``None`` if it holds no element)."""
    return _Parser(text).run()


@dataclass
class EngineSource:
    """MJML for MRML plus the verbatim contents its placeholders stand for."""

    mjml: str
    contents: list[str]
    html_attributes: list[tuple[str, str, str]] = field(default_factory=list)
    """``mj-html-attributes`` (selector, name, value): MRML does not know them."""
    file_start: list[str] = field(default_factory=list)
    """``mj-raw position="file-start"`` under ``<mjml>``: written before the doctype."""

    def restore(self, html: str) -> str:
        """Put every ending tag's content back into MRML's HTML (and mj-html-attributes)."""
        if self.contents:
            html = _PLACEHOLDER_RE.sub(lambda m: self.contents[int(m.group(1))], html)
        if self.html_attributes:
            html = apply_html_attributes(html, self.html_attributes)
        if self.file_start:
            html = "".join(f"{raw}\n" for raw in self.file_start) + html
        return html


def apply_html_attributes(html: str, rules: list[tuple[str, str, str]]) -> str:
    """Set ``mj-html-attributes`` on the HTML: (CSS selector, attribute, value) each.

    As official MJML does after rendering (with cheerio); the document is
    parsed and written again only when the email has such attributes.
    """
    from lxml import html as lxml_html
    from lxml.cssselect import CSSSelector
    from lxml.etree import tostring

    doctype = re.match(r"\s*<!doctype[^>]*>", html, re.IGNORECASE)
    document = lxml_html.document_fromstring(html)
    for selector, name, value in rules:
        if not selector or not name:
            continue
        try:
            matches = CSSSelector(selector)(document)
        except Exception:  # noqa: S112  (cssselect's SelectorError: official MJML skips it too)
            continue
        for element in matches:
            element.set(name, value)
    body = str(tostring(document, method="html", encoding="unicode"))
    return (doctype.group(0).strip() + "\n" if doctype else "") + body


def _quote(value: str) -> str:
    if '"' not in value:
        return f'"{value}"'
    if "'" not in value:
        return f"'{value}'"
    return '"' + value.replace('"', "&quot;") + '"'


def to_engine(text: str, known: frozenset[str]) -> EngineSource:
    """Clean MJML for MRML from ``text``; raise :class:`MjmlError` where official MJML fails.

    ``known`` are the component names official MJML renders (others are skipped,
    as official MJML skips them).
    """
    root = parse(text)
    if root is None:
        raise MjmlError([Issue(1, 1, "the document holds no MJML (official MJML: "
                                     "\"Parsing failed\")")])
    if root.tag != "mjml":
        raise MjmlError([Issue(root.line, 1, f"the document starts with <{root.tag}>, not "
                                              "<mjml>: official MJML refuses it too")])
    contents: list[str] = []
    out: list[str] = []
    # A placeholder-like text in the author's HTML must not be "restored".
    collision = bool(_PLACEHOLDER_RE.search(text))

    def hold(content: str) -> str:
        if collision:
            return content
        contents.append(content)
        return _PLACEHOLDER.format(len(contents) - 1)

    class_defaults: dict[str, dict[str, dict[str, str | None]]] = {}
    class_attrs: dict[str, set[str]] = {}
    tag_defaults: dict[str, dict[str, str | None]] = {}
    html_attributes: list[tuple[str, str, str]] = []
    head = next((c for c in root.children if c.tag == "mj-head"), None)
    body = next((c for c in root.children if c.tag == "mj-body"), None)
    for item in head.children if head else ():
        if item.tag == "mj-attributes":
            # Children of an mj-class are defaults for the children of an element
            # of that class (official classesDefault); MRML has no such thing.
            for cls in item.children:
                if cls.tag == "mj-class":
                    class_attrs.setdefault(str(cls.attrs.get("name") or ""), set()).update(
                        cls.attrs)
                elif cls.tag != "mj-all" and not cls.comment:
                    tag_defaults.setdefault(cls.tag, {}).update(cls.attrs)
                if cls.tag == "mj-class" and cls.children:
                    defaults = class_defaults.setdefault(str(cls.attrs.get("name") or ""), {})
                    for child in cls.children:
                        defaults.setdefault(child.tag, {}).update(child.attrs)
                    cls.children = []
        elif item.tag == "mj-html-attributes":
            for selector in item.children:
                for attr in selector.children:
                    if selector.tag == "mj-selector" and attr.tag == "mj-html-attribute":
                        html_attributes.append((str(selector.attrs.get("path") or ""),
                                                str(attr.attrs.get("name") or ""),
                                                attr.content or ""))

    def attrs(node: Node, parent_class: str = "", in_body: bool = False) -> str:
        own = dict(node.attrs)
        if parent_class and class_defaults:
            for cls in parent_class.split():
                for name, value in class_defaults.get(cls, {}).get(node.tag, {}).items():
                    if name not in node.attrs:
                        own[name] = value
        defaults = tag_defaults.get(node.tag) if in_body else None
        if defaults:
            # MRML ignores mj-attributes defaults of some components (mj-body,
            # mj-accordion-element...): written out where official MJML uses them,
            # i.e. where no own attribute, mj-class or class default sets them.
            classed: set[str] = set()
            for cls in str(node.attrs.get("mj-class") or "").split():
                classed |= class_attrs.get(cls, set())
            for name, value in defaults.items():
                if name not in own and name not in classed:
                    own[name] = value
        if node.tag == "mj-column" and ("mobile-width" in own or "mobileWidth" in own):
            # Official MJML 5 reads "mobileWidth" (never "mobile-width", which MRML
            # honours): a column keeps its width on phones only with
            # mobileWidth="mobileWidth".
            keep = own.pop("mobileWidth", None) == "mobileWidth"
            own.pop("mobile-width", None)
            if keep:
                own["mobile-width"] = "mobile-width"
        parts = []
        for name, value in own.items():
            if not re.fullmatch(r"[A-Za-z_:][\w:.-]*", name):
                continue  # MRML cannot read it; no component reads it either
            parts.append(f" {name}={_quote('' if value is None else value)}")
        return "".join(parts)

    def write(node: Node, parent: str, parent_class: str = "", in_body: bool = False) -> None:
        if node.comment:
            if parent in _RAW_PARENTS:
                out.append(f"<mj-raw>{hold(node.content or '')}</mj-raw>")
            return
        if node.tag == "mj-include":
            raise MjmlError([Issue(node.line, 1, "mj-include is not supported: put the "
                                                 "included MJML in the template")])
        if node.tag not in known or node.tag in ("mjml", "mj-html-attributes"):
            return  # official MJML skips unknown elements and what they hold
        in_body = in_body or node.tag == "mj-body"
        start = f"<{node.tag}{attrs(node, parent_class, in_body)}>"
        if node.tag in ENDING_TAGS:
            content = node.content
            if content and node.tag == "mj-raw" and parent == "mj-head":
                content += "\n"  # official MJML writes each raw of the head on its own line
            inner = hold(content) if content and node.tag != "mj-breakpoint" else ""
            out.append(f"{start}{inner}</{node.tag}>")
            return
        out.append(start)
        own_class = node.attrs.get("mj-class")
        for child in node.children:
            write(child, node.tag, parent_class if own_class is None else own_class, in_body)
        out.append(f"</{node.tag}>")

    file_start = [c.content or "" for c in root.children if c.tag == "mj-raw"
                  and not c.comment and c.attrs.get("position") == "file-start"]
    out.append(f"<mjml{attrs(root)}>")
    for part in (head, body):
        if part is not None:
            write(part, "mjml")
    out.append("</mjml>")
    return EngineSource("".join(out), contents, html_attributes, file_start)

