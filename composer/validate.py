"""MJML validation with line and column numbers, before anything is rendered.

mjml-python (MRML) silently accepts unknown tags, mismatched closing tags,
wrong nesting and unknown attributes, and its own parse errors carry no
position. This module checks, in one pass over the source:

- well-formedness (tags opened and closed in order, quoted attributes,
  comments closed), with line and column;
- known MJML components (``mj-include`` is refused: rendering reads no files);
- allowed parent/child pairs and attributes per component, and attribute
  value types (enum, unit, colour), as the official MJML validator defines
  them. ``data/mjml_rules.json`` is dumped from the official ``mjml`` npm
  package by ``benchmarks/composer_mjml_rules.py``.

The contents of ending tags (``mj-text``, ``mj-button``, ``mj-raw``, ...) are
HTML that MJML copies through untouched, so they are not parsed here, as in
the official parser. Jinja markup is masked first (see
:func:`composer.jinja.mask_jinja`), so a template is validated as written.
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from composer.errors import Issue
from composer.jinja import MASK_CHAR, mask_jinja

_NAME_RE = re.compile(r"[A-Za-z_][\w:.\-]*")
_ATTR_NAME_RE = re.compile(r"[^\s=/>\"'<]+")
_SPACE_RE = re.compile(r"\s*")
# Values holding template or ESP tags are only known at send time: no type check.
_DYNAMIC_VALUE_RE = re.compile(r"\{\{|\{%|\$\{|@\{|\*\||\[%|<%|%%")
# Attributes of older MJML versions that MJML 5 no longer lists but renderers
# (MRML, the official tool in soft mode) still accept: warnings, not errors.
_LEGACY_ATTRIBUTES: dict[str, frozenset[str]] = {
    "mj-column": frozenset({"mobile-width"}),
    "mj-hero": frozenset({"width"}),
    "mj-spacer": frozenset({"vertical-align", "width"}),
}


@dataclass(frozen=True)
class _Rules:
    components: dict[str, dict[str, Any]]
    dependencies: dict[str, list[str]]
    component_less: frozenset[str]
    whitelist: frozenset[str]
    colors: frozenset[str]


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    data = json.loads(resources.files("composer").joinpath("data/mjml_rules.json").read_text())
    return _Rules(
        components=data["components"],
        dependencies=data["dependencies"],
        component_less=frozenset(data["component_less_tags"]),
        whitelist=frozenset(data["whitelist_attributes"]),
        colors=frozenset(data["color_names"]),
    )


def known_components() -> frozenset[str]:
    """Names of every MJML component the validator knows (plus ``mjml``)."""
    rules = _rules()
    return frozenset(rules.components) | rules.component_less | {"mjml"}


def allowed_attributes(tag: str) -> dict[str, str]:
    """Attribute name -> official type string for one component ({} if unknown)."""
    comp = _rules().components.get(tag)
    return dict(comp["attributes"]) if comp else {}


@dataclass
class _Element:
    name: str
    line: int
    column: int
    children: list[str] = field(default_factory=list)


class _Positions:
    """Maps string offsets to 1-based (line, column)."""

    def __init__(self, text: str) -> None:
        self._starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def __call__(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self._starts, offset) - 1
        return index + 1, offset - self._starts[index] + 1


def _type_error(type_spec: str, value: str, colors: frozenset[str]) -> str | None:
    """The official type check for one attribute value; a message or None."""
    value = value.strip()
    if type_spec.startswith("enum("):
        options = type_spec[5:-1].split(",")
        return None if value in options else f"only accepts {', '.join(options)}"
    if type_spec.startswith(("unit(", "unitWithNegative(")):
        units = type_spec[type_spec.index("(") + 1 : type_spec.index(")")].split(",")
        count = re.search(r"\{([^}]+)\}", type_spec)
        bounds = count.group(1) if count else "1"
        neg = "-|" if type_spec.startswith("unitWithNegative") else ""
        auto = "|auto" if "auto" in units else ""
        plain = [re.escape(u) for u in units if u != "auto"]
        pattern = rf"^((({neg}\d|,|\.){{1,}}({'|'.join(plain)})|0{auto})( )?){{{bounds}}}$"
        if re.match(pattern, value):
            return None
        return f"only accepts ({', '.join(units)}) units and {bounds.replace(',', ' to ')} value(s)"
    if type_spec == "color":
        if (
            re.match(r"^#([0-9a-f]{3}){1,2}$", value, re.I)
            or re.search(r"rgba?\(", value, re.I)
            or value in colors
        ):
            return None
        return "is not a colour"
    if type_spec == "boolean":
        return None if value.lower() in ("true", "false") else "only accepts true or false"
    if type_spec == "integer":
        return None if re.search(r"\d+", value) else "only accepts an integer"
    return None


_MJ_OPEN_RE = re.compile(r"<(mj-[\w-]+)")
_LAYOUT_TAGS = frozenset({"mj-body", "mj-wrapper", "mj-section", "mj-group", "mj-column",
                          "mj-hero"})
"""Tags that cannot stand inside an ending tag's HTML (an mj-divider there is copied as is)."""


class _Validator:
    def __init__(self, source: str) -> None:
        self.text = mask_jinja(source)
        self.pos = _Positions(self.text)
        self.rules = _rules()
        self.issues: list[Issue] = []
        self.stack: list[_Element] = []
        self.root_seen = False

    def error(self, offset: int, message: str, severity: str = "error") -> None:
        line, column = self.pos(offset)
        self.issues.append(Issue(line, column, message, severity))

    def warning(self, offset: int, message: str) -> None:
        self.error(offset, message, "warning")

    def run(self) -> list[Issue]:
        text = self.text
        i = 0
        n = len(text)
        while i < n:
            lt = text.find("<", i)
            if lt < 0:
                break
            i = self.tag(lt)
        for element in reversed(self.stack):
            self.issues.append(
                Issue(element.line, element.column, f"<{element.name}> is never closed")
            )
        if not self.root_seen:
            self.issues.append(Issue(1, 1, "the document has no <mjml> root element"))
        self.issues.sort(key=lambda issue: (issue.line, issue.column))
        return self.issues

    def skip_to(self, start: int, end_marker: str, what: str) -> int:
        end = self.text.find(end_marker, start)
        if end < 0:
            self.error(start, f"{what} is never closed")
            return len(self.text)
        return end + len(end_marker)

    def tag(self, lt: int) -> int:
        text = self.text
        if text.startswith("<!--", lt):
            return self.skip_to(lt, "-->", "comment")
        if text.startswith("<![CDATA[", lt):
            return self.skip_to(lt, "]]>", "CDATA section")
        if text.startswith("<?", lt):
            return self.skip_to(lt, "?>", "processing instruction")
        if text.startswith("<!", lt):
            return self.skip_to(lt, ">", "declaration")
        if text.startswith("</", lt):
            return self.closing(lt)
        match = _NAME_RE.match(text, lt + 1)
        if not match:
            self.error(lt, "'<' is not followed by a tag name (write &lt; for a literal '<')")
            return lt + 1
        return self.opening(lt, match.group(0), match.end())

    def closing(self, lt: int) -> int:
        text = self.text
        match = _NAME_RE.match(text, lt + 2)
        gt = text.find(">", lt)
        if not match or gt < 0 or text[match.end() : gt].strip():
            self.error(lt, "malformed closing tag")
            return lt + 2 if gt < 0 else gt + 1
        name = match.group(0)
        if not self.stack:
            self.error(lt, f"closing tag </{name}> has no matching opening tag")
        elif self.stack[-1].name == name:
            self.stack.pop()
        elif any(e.name == name for e in self.stack):
            # Report where the tag left open starts, so a click lands on it.
            top = self.stack[-1]
            self.issues.append(Issue(
                top.line, top.column,
                f"<{top.name}> opened on line {top.line} is never closed "
                f"(</{name}> on line {self.pos(lt)[0]} closes its parent)",
            ))
            while self.stack and self.stack[-1].name != name:
                self.stack.pop()
            self.stack.pop()
        else:
            self.error(lt, f"closing tag </{name}> has no matching opening tag")
        return gt + 1

    def attributes(self, i: int) -> tuple[list[tuple[str, str, int]], int, bool]:
        """Parse attributes from ``i``; returns them, the offset after '>' and self-closing."""
        text = self.text
        attrs: list[tuple[str, str, int]] = []
        n = len(text)
        while True:
            i = _SPACE_RE.match(text, i).end()  # type: ignore[union-attr]
            if i >= n:
                return attrs, -1, False
            if text.startswith("/>", i):
                return attrs, i + 2, True
            if text[i] == ">":
                return attrs, i + 1, False
            match = _ATTR_NAME_RE.match(text, i)
            if not match:
                self.error(i, f"unexpected character {text[i]!r} in a tag")
                i += 1
                continue
            name_at = i
            name = match.group(0)
            i = _SPACE_RE.match(text, match.end()).end()  # type: ignore[union-attr]
            value = ""
            if i < n and text[i] == "=":
                i = _SPACE_RE.match(text, i + 1).end()  # type: ignore[union-attr]
                if i < n and text[i] in "\"'":
                    end = text.find(text[i], i + 1)
                    if end < 0:
                        self.error(i, f"the value of attribute {name} has no closing quote")
                        return attrs, -1, False
                    value = text[i + 1 : end]
                    i = end + 1
                else:
                    unquoted = re.compile(r"[^\s>]+").match(text, i)
                    if unquoted and not text.startswith("/>", i):
                        value = unquoted.group(0)
                        if value.endswith("/") and text.startswith(">", unquoted.end()):
                            value = value[:-1]
                            i = unquoted.end() - 1
                        else:
                            i = unquoted.end()
            attrs.append((name, value, name_at))

    def opening(self, lt: int, name: str, after_name: int) -> int:
        attrs, end, self_closing = self.attributes(after_name)
        if end < 0:
            self.error(lt, f"tag <{name}> is never closed with '>'")
            return len(self.text)
        line, column = self.pos(lt)
        self.check_element(lt, name, attrs)
        rules = self.rules
        comp = rules.components.get(name)
        if self_closing:
            return end
        if comp and comp["ending_tag"]:
            # Content is HTML copied through; find the matching closing tag.
            close = re.compile(rf"</{re.escape(name)}\s*>").search(self.text, end)
            # An MJML tag inside HTML content means this one was left open: without
            # this check its closing tag would be taken from the next <name> further down.
            inner = self._next_misplaced(end, name)
            if not close or (inner is not None and inner.start() < close.start()):
                return self.recover_unclosed(lt, name, line, end)
            return close.end()
        self.stack.append(_Element(name, line, column))
        return end

    def _next_misplaced(self, start: int, name: str) -> re.Match[str] | None:
        """The next MJML tag after ``start`` that cannot be inside ``<name>``'s HTML content."""
        for match in _MJ_OPEN_RE.finditer(self.text, start):
            tag = match.group(1)
            comp = self.rules.components.get(tag)
            if tag == name or tag in _LAYOUT_TAGS or (comp and comp["ending_tag"]):
                return match
        return None

    def recover_unclosed(self, lt: int, name: str, line: int, end: int) -> int:
        """Report an unclosed ending tag once, at the MJML closing tag that ends it.

        Without recovery every ancestor would be reported as never closed too.
        """
        stray = re.compile(r"</(mj-[\w-]*|mjml)\s*>").search(self.text, end)
        inner = self._next_misplaced(end, name)
        if inner is not None and (stray is None or inner.start() < stray.start()):
            self.error(lt, f"<{name}> opened on line {line} is never closed "
                           f"(<{inner.group(1)}> on line {self.pos(inner.start())[0]} comes first)")
            return inner.start()  # go on with the tag that follows
        if not stray:
            self.error(lt, f"<{name}> is never closed")
            return len(self.text)
        found = stray.group(1)
        self.error(  # at the opening tag: that is the line to fix
            lt,
            f"<{name}> opened on line {line} is never closed "
            f"(</{found}> on line {self.pos(stray.start())[0]} comes first)",
        )
        if any(e.name == found for e in self.stack):
            return stray.start()  # the parent's closing tag: let it close normally
        return stray.end()  # a misspelt closing tag: take it as the end of <name>

    def check_element(self, lt: int, name: str, attrs: list[tuple[str, str, int]]) -> None:
        rules = self.rules
        parent = self.stack[-1].name if self.stack else None
        if parent is None:
            if name != "mjml":
                self.error(lt, f"<{name}> is outside the <mjml> root element")
            elif self.root_seen:
                self.error(lt, "a second <mjml> root element")
            self.root_seen = True
        seen: set[str] = set()
        for attr, _value, at in attrs:
            if attr in seen:
                self.warning(at, f"attribute {attr} is repeated on <{name}> (the last one wins)")
            seen.add(attr)
        if name == "mj-include":
            self.error(lt, "mj-include is not supported: put the included MJML in the template")
            return
        if name == "mjml":
            if parent is not None:
                self.error(lt, "<mjml> can only be the root element")
            return
        comp = rules.components.get(name)
        if comp is None:
            if name not in rules.component_less:
                self.error(lt, f"unknown element <{name}>: it is not an MJML component")
            return
        if parent is not None:
            allowed = rules.dependencies.get(parent)
            if allowed is not None and "*" not in allowed and name not in allowed:
                where = sorted(k for k, v in rules.dependencies.items() if name in v)
                self.error(
                    lt,
                    f"<{name}> cannot be used inside <{parent}>, only inside: "
                    + ", ".join(f"<{w}>" for w in where),
                )
        allowed_attrs: dict[str, str] = comp["attributes"]
        for attr, value, at in attrs:
            if attr not in allowed_attrs and attr not in rules.whitelist:
                if attr in _LEGACY_ATTRIBUTES.get(name, ()):
                    self.warning(at, f"attribute {attr} of <{name}> is a legacy MJML attribute")
                else:
                    self.error(at, f"attribute {attr} is not allowed on <{name}>")
                continue
            spec = allowed_attrs.get(attr)
            if spec and MASK_CHAR not in value and not _DYNAMIC_VALUE_RE.search(value):
                problem = _type_error(spec, value, rules.colors)
                if problem:
                    # The official tool reports these and renders anyway.
                    self.warning(at, f"attribute {attr}=\"{value}\" of <{name}> {problem}")


def validate_mjml(source: str) -> list[Issue]:
    """Check MJML source (Jinja markup allowed) and return its issues, in order.

    An empty list means the document is valid MJML as the official validator
    sees it. Lines and columns are 1-based and point into ``source``.
    """
    return list(_validate_cached(source))


@lru_cache(maxsize=64)
def _validate_cached(source: str) -> tuple[Issue, ...]:
    return tuple(_Validator(source).run())
