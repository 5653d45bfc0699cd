"""Template edits as commands: every edit round-trips, typing merges, without Qt."""

from __future__ import annotations

import pytest

from composer import BrandKit, ButtonBlock, HeadingBlock, builtin_templates
from composer.edits import (
    Edit,
    MoveBlock,
    SetCode,
    insert_block,
    move_block,
    new_block,
    remove_block,
    set_block_field,
    set_code,
    set_field,
)
from composer.errors import ComposerError
from composer.model import Template


def _cart() -> Template:
    return next(t for t in builtin_templates() if t.name == "abandoned_cart_1")


def _round_trip(template: Template, edit: Edit) -> Template:
    after = edit.apply(template)
    assert after != template
    assert edit.revert(after) == template
    assert edit.apply(edit.revert(after)) == after
    return after


def test_set_field_round_trip_and_typing_merges() -> None:
    template = _cart()
    first = set_field(template, "subject", "В")
    after = _round_trip(template, first)
    second = set_field(after, "subject", "Вы")
    merged = first.merge(second)
    assert merged is not None
    final = merged.apply(template)
    assert final.subject == "Вы"
    assert merged.revert(final) == template


def test_edits_of_different_fields_do_not_merge() -> None:
    template = _cart()
    subject = set_field(template, "subject", "A")
    preheader = set_field(subject.apply(template), "preheader", "B")
    assert subject.merge(preheader) is None


def test_typing_back_to_the_start_is_a_noop() -> None:
    template = _cart()
    edit = set_field(template, "subject", template.subject + "!")
    back = set_field(edit.apply(template), "subject", template.subject)
    merged = edit.merge(back)
    assert merged is not None and merged.is_noop


def test_block_field_round_trip_and_merge() -> None:
    template = _cart()
    edit = set_block_field(template, 1, "text", "Корзина")
    after = _round_trip(template, edit)
    assert isinstance(after.blocks[1], HeadingBlock) and after.blocks[1].text == "Корзина"
    other_block = set_block_field(after, 2, "html", "x")
    assert edit.merge(other_block) is None
    more = set_block_field(after, 1, "text", "Корзина!")
    merged = edit.merge(more)
    assert merged is not None and merged.apply(template).blocks[1].text == "Корзина!"  # type: ignore[attr-defined]


def test_unknown_block_field_is_refused() -> None:
    with pytest.raises(ComposerError):
        set_block_field(_cart(), 1, "colour", "red")


def test_insert_remove_move_round_trip() -> None:
    template = _cart()
    count = len(template.blocks)
    inserted = _round_trip(template, insert_block(template, 2, ButtonBlock("Купить")))
    assert len(inserted.blocks) == count + 1 and inserted.blocks[2] == ButtonBlock("Купить")
    removed = _round_trip(template, remove_block(template, 1))
    assert len(removed.blocks) == count - 1
    moved = _round_trip(template, move_block(template, 1, 3))
    assert moved.blocks[3] == template.blocks[1]
    assert moved.blocks[1] == template.blocks[2]
    # Clamped to the list.
    assert move_block(template, 0, 99) == MoveBlock(0, count - 1)
    assert insert_block(template, 99, ButtonBlock()).index == count


def test_switch_to_code_and_back_restores_blocks() -> None:
    template = _cart()
    source = template.source(BrandKit())
    to_code = set_code(template, source)
    code = _round_trip(template, to_code)
    assert code.is_code and code.blocks == ()
    typed = set_code(code, source + "<!-- x -->")
    merged = to_code.merge(typed)
    assert merged is None  # the switch itself stays its own undo step
    typed_more = set_code(typed.apply(code), source + "<!-- xy -->")
    both = typed.merge(typed_more)
    assert isinstance(both, SetCode)
    assert both.apply(code).mjml == source + "<!-- xy -->"
    assert both.revert(both.apply(code)) == code


def test_block_edits_refused_on_code_templates() -> None:
    code = Template(name="c", mjml="<mjml><mj-body></mj-body></mjml>")
    with pytest.raises(ComposerError):
        insert_block(code, 0, ButtonBlock())


def test_new_block_has_placeholder_content() -> None:
    heading = new_block("heading")
    assert isinstance(heading, HeadingBlock) and heading.text
    with pytest.raises(ComposerError):
        new_block("video")
