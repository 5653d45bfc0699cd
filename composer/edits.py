"""Edits of a template document as commands: apply, revert, merge with the next keystroke.

A :class:`~composer.model.Template` is immutable; an edit maps one template to
the next (``apply``) and back (``revert``), so an undo stack is a list of
edits and nothing else. ``merge`` folds the next edit of the same field into
this one, so typing a word is one undo step. Qt-free: ``ui/`` wraps each edit
in one ``QUndoCommand`` adapter; tests run them as round trips without Qt.

Build edits from the current template with the helpers (they read the old
value for you)::

    edit = set_field(template, "subject", "Новая тема")
    template = edit.apply(template)
    assert edit.revert(template).subject == old_subject
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

from composer.blocks import BLOCK_TYPES, Block
from composer.errors import ComposerError
from composer.model import Template

TEXT_FIELDS = ("subject", "preheader", "from_name", "title", "text_override", "delay_hours")
"""Template fields :class:`SetField` may change."""


class Edit:
    """One change to a template; subclasses are frozen dataclasses."""

    def apply(self, template: Template) -> Template:
        """The template with this change made."""
        raise NotImplementedError

    def revert(self, template: Template) -> Template:
        """The template with this change undone (``revert(apply(t)) == t``)."""
        raise NotImplementedError

    def merge(self, following: Edit) -> Edit | None:
        """One edit doing this and then ``following``, or None if they stay apart."""
        return None

    @property
    def is_noop(self) -> bool:
        """True when applying changes nothing (a merged edit typed back to the start)."""
        return False


@dataclass(frozen=True)
class SetField(Edit):
    """Set a template field (subject, preheader, from name, ...)."""

    field: str
    old: Any
    new: Any

    def __post_init__(self) -> None:
        if self.field not in TEXT_FIELDS:
            raise ComposerError(f"a template has no editable field {self.field!r}")

    def apply(self, template: Template) -> Template:
        return replace(template, **{self.field: self.new})

    def revert(self, template: Template) -> Template:
        return replace(template, **{self.field: self.old})

    def merge(self, following: Edit) -> Edit | None:
        if (isinstance(following, SetField) and following.field == self.field
                and following.old == self.new):
            return SetField(self.field, self.old, following.new)
        return None

    @property
    def is_noop(self) -> bool:
        return bool(self.old == self.new)


def _blocks(template: Template) -> list[Block]:
    if template.mjml is not None:
        raise ComposerError("this template is MJML code: edit it in the code view")
    return list(template.blocks)


@dataclass(frozen=True)
class SetBlockField(Edit):
    """Set one field of the block at ``index``."""

    index: int
    field: str
    old: Any
    new: Any

    def _set(self, template: Template, value: Any) -> Template:
        blocks = _blocks(template)
        blocks[self.index] = replace(blocks[self.index], **{self.field: value})  # type: ignore[type-var]
        return replace(template, blocks=tuple(blocks))

    def apply(self, template: Template) -> Template:
        return self._set(template, self.new)

    def revert(self, template: Template) -> Template:
        return self._set(template, self.old)

    def merge(self, following: Edit) -> Edit | None:
        if (isinstance(following, SetBlockField) and following.index == self.index
                and following.field == self.field and following.old == self.new):
            return SetBlockField(self.index, self.field, self.old, following.new)
        return None

    @property
    def is_noop(self) -> bool:
        return bool(self.old == self.new)


@dataclass(frozen=True)
class InsertBlock(Edit):
    """Insert ``block`` at ``index`` (``index == len(blocks)`` appends)."""

    index: int
    block: Block

    def apply(self, template: Template) -> Template:
        blocks = _blocks(template)
        blocks.insert(self.index, self.block)
        return replace(template, blocks=tuple(blocks))

    def revert(self, template: Template) -> Template:
        blocks = _blocks(template)
        del blocks[self.index]
        return replace(template, blocks=tuple(blocks))


@dataclass(frozen=True)
class RemoveBlock(Edit):
    """Remove the block at ``index`` (``block`` is kept to put it back)."""

    index: int
    block: Block

    def apply(self, template: Template) -> Template:
        return InsertBlock(self.index, self.block).revert(template)

    def revert(self, template: Template) -> Template:
        return InsertBlock(self.index, self.block).apply(template)


@dataclass(frozen=True)
class MoveBlock(Edit):
    """Move the block at ``index`` so that it ends up at ``to``."""

    index: int
    to: int

    @staticmethod
    def _move(template: Template, source: int, target: int) -> Template:
        blocks = _blocks(template)
        block = blocks.pop(source)
        blocks.insert(target, block)
        return replace(template, blocks=tuple(blocks))

    def apply(self, template: Template) -> Template:
        return self._move(template, self.index, self.to)

    def revert(self, template: Template) -> Template:
        return self._move(template, self.to, self.index)


@dataclass(frozen=True)
class SetCode(Edit):
    """Set the raw MJML (``new``); ``old`` None means the template had blocks.

    Switching a block template to code keeps its ``blocks`` in the edit, so
    undo brings the blocks back.
    """

    old: str | None
    new: str | None
    blocks: tuple[Block, ...] = ()

    def apply(self, template: Template) -> Template:
        if self.new is None:
            return replace(template, mjml=None, blocks=self.blocks)
        return replace(template, mjml=self.new, blocks=())

    def revert(self, template: Template) -> Template:
        if self.old is None:
            return replace(template, mjml=None, blocks=self.blocks)
        return replace(template, mjml=self.old, blocks=())

    def merge(self, following: Edit) -> Edit | None:
        # Only typing in the code merges; a switch between blocks and code stays a step.
        if (isinstance(following, SetCode) and self.old is not None and self.new is not None
                and following.old == self.new and following.new is not None):
            return SetCode(self.old, following.new, self.blocks)
        return None

    @property
    def is_noop(self) -> bool:
        return self.old == self.new


# -- helpers that read the old value from the current template -----------------


@dataclass(frozen=True)
class RestoreVersion(Edit):
    """Put a whole earlier version back (``old`` is the template it replaces)."""

    old: Template
    new: Template

    def apply(self, template: Template) -> Template:
        return self.new

    def revert(self, template: Template) -> Template:
        return self.old

    @property
    def is_noop(self) -> bool:
        return self.old == self.new


def restore_version(template: Template, version: Template) -> RestoreVersion:
    """Replace ``template`` by ``version`` (same name) as one undoable step."""
    if version.name != template.name:
        raise ComposerError(f"{version.name!r} is another template than {template.name!r}")
    return RestoreVersion(template, version)


def set_field(template: Template, name: str, value: Any) -> SetField:
    """Set template field ``name`` (one of :data:`TEXT_FIELDS`) to ``value``."""
    if name not in TEXT_FIELDS:
        raise ComposerError(f"a template has no editable field {name!r}")
    return SetField(name, getattr(template, name), value)


def block_fields(block: Block) -> list[str]:
    """The editable fields of ``block``, in declaration order."""
    return [f.name for f in fields(block)]  # type: ignore[arg-type]


def set_block_field(template: Template, index: int, name: str, value: Any) -> SetBlockField:
    """Set field ``name`` of block ``index`` to ``value``."""
    block = _blocks(template)[index]
    if name not in block_fields(block):
        raise ComposerError(f"a {block.type} block has no field {name!r}")
    return SetBlockField(index, name, getattr(block, name), value)


def insert_block(template: Template, index: int, block: Block) -> InsertBlock:
    """Insert ``block`` at ``index`` (clamped to the list)."""
    blocks = _blocks(template)
    return InsertBlock(max(0, min(index, len(blocks))), block)


def remove_block(template: Template, index: int) -> RemoveBlock:
    """Remove block ``index``."""
    return RemoveBlock(index, _blocks(template)[index])


def move_block(template: Template, index: int, to: int) -> MoveBlock:
    """Move block ``index`` to position ``to`` (clamped to the list)."""
    blocks = _blocks(template)
    if not 0 <= index < len(blocks):
        raise ComposerError(f"no block number {index + 1}")
    return MoveBlock(index, max(0, min(to, len(blocks) - 1)))


def set_code(template: Template, mjml: str) -> SetCode:
    """Set the template's MJML (a block template becomes a code template)."""
    return SetCode(template.mjml, mjml, template.blocks)


_NEW_BLOCK_TEXT: dict[str, dict[str, Any]] = {
    "heading": {"text": "Заголовок письма"},
    "text": {"html": "{{ first_name | default('Здравствуйте') }}, расскажите здесь главное."},
    "button": {"text": "Перейти на сайт"},
    "hero": {"image_url": "https://cdn.konvert-demo.ru/img/email/welcome.jpg",
             "alt": "Картинка письма"},
}


def new_block(type_name: str) -> Block:
    """A fresh block of ``type_name`` with placeholder content the marketer replaces."""
    cls = BLOCK_TYPES.get(type_name)
    if cls is None:
        raise ComposerError(f"unknown block type {type_name!r}")
    return cls(**_NEW_BLOCK_TEXT.get(type_name, {}))


__all__ = [
    "TEXT_FIELDS",
    "Edit",
    "InsertBlock",
    "MoveBlock",
    "RemoveBlock",
    "RestoreVersion",
    "SetBlockField",
    "SetCode",
    "SetField",
    "block_fields",
    "insert_block",
    "move_block",
    "new_block",
    "remove_block",
    "restore_version",
    "set_block_field",
    "set_code",
    "set_field",
]
