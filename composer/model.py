"""A template: blocks (or raw MJML) plus subject, preheader and from name."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from composer.blocks import Block, block_from_json, document_mjml, document_parts
from composer.brand import BrandKit


@dataclass(frozen=True)
class Template:
    """An email template.

    Either ``blocks`` (composed in the editor) or ``mjml`` (raw MJML from the
    code view; when set, it wins and blocks are ignored). ``subject``,
    ``preheader`` and the body may use Jinja2 and the canonical variables.
    An empty ``from_name`` means the brand kit's.
    """

    name: str
    subject: str = ""
    preheader: str = ""
    from_name: str = ""
    scenario: str | None = None
    position: int | None = None
    delay_hours: int | None = None
    blocks: tuple[Block, ...] = field(default_factory=tuple)
    mjml: str | None = None
    text_override: str | None = None
    title: str = ""
    builtin: bool = False

    @property
    def is_code(self) -> bool:
        """True when the template is raw MJML (edited in the code view)."""
        return self.mjml is not None

    def source(self, brand: BrandKit | None = None) -> str:
        """The template's MJML with Jinja markup (what the code view shows)."""
        if self.mjml is not None:
            return self.mjml
        return document_mjml(list(self.blocks), brand or BrandKit())

    def source_parts(self, brand: BrandKit | None = None) -> list[str]:
        """:meth:`source` in pieces that are each a whole Jinja template (blocks)."""
        if self.mjml is not None:
            return [self.mjml]
        return document_parts(list(self.blocks), brand or BrandKit())

    def as_code(self, brand: BrandKit | None = None) -> Template:
        """The same template switched to raw MJML (blocks turned into code)."""
        return replace(self, mjml=self.source(brand), blocks=())

    def sender(self, brand: BrandKit) -> str:
        """The from name shown in the inbox."""
        return self.from_name or brand.from_name

    def document(self) -> dict[str, Any]:
        """The ``templates.document`` JSON: version, title, blocks or mjml."""
        doc: dict[str, Any] = {"version": 1, "title": self.title}
        if self.mjml is not None:
            doc["mjml"] = self.mjml
        else:
            doc["blocks"] = [block.to_json() for block in self.blocks]
        return doc

    @classmethod
    def from_document(cls, name: str, document: dict[str, Any] | None, **meta: Any) -> Template:
        """Rebuild from the stored JSON document and the row's other columns."""
        doc = document or {}
        blocks = tuple(block_from_json(b) for b in doc.get("blocks") or [])
        mjml = doc.get("mjml")
        return cls(
            name=name,
            blocks=blocks,
            mjml=str(mjml) if mjml is not None else None,
            title=str(doc.get("title") or ""),
            **meta,
        )
