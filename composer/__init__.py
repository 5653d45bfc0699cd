"""Composer core: templates, blocks, brand kit, rendering, validation and lint.

Pipeline: Jinja2 (sandboxed, strict undefined) -> MJML (mjml-python, offline)
-> CSS inlining (premailer, tags protected) -> HTML, plus a plain-text version.

Typical use::

    from composer import load_template, build_context, render, lint
    template = load_template(engine, "abandoned_cart_1")
    result = render(template, build_context(engine, "anna@example.ru", today=today))
    result.html, result.text, result.subject, result.preheader, result.warnings
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# Two functions share their module's name; importing the module would set the package's
# attribute to the module, so these two are bound now (render is needed by every use).
from composer.lint import lint
from composer.render import render

# The other names are imported on first use (PEP 562): a command that only renders
# does not import the block edits, the library or the workspace storage
# (`benchmarks/cli_start.py`: about 40 ms of `template render FILE`).
_WHERE = {
    "BLOCK_TYPES": "composer.blocks",
    "Block": "composer.blocks",
    "BrandKit": "composer.brand",
    "ButtonBlock": "composer.blocks",
    "CANONICAL_VARIABLES": "composer.variables",
    "CartItemsBlock": "composer.blocks",
    "ComposerError": "composer.errors",
    "DividerBlock": "composer.blocks",
    "Edit": "composer.edits",
    "Finding": "composer.lint",
    "FooterBlock": "composer.blocks",
    "HeaderBlock": "composer.blocks",
    "HeadingBlock": "composer.blocks",
    "HeroBlock": "composer.blocks",
    "ITEM_FIELDS": "composer.variables",
    "InsertBlock": "composer.edits",
    "Issue": "composer.errors",
    "LintReport": "composer.lint",
    "MjmlError": "composer.errors",
    "MoveBlock": "composer.edits",
    "OrderSummaryBlock": "composer.blocks",
    "PRODUCT_FIELDS": "composer.variables",
    "Persona": "composer.context",
    "ProductCardBlock": "composer.blocks",
    "ProductGridBlock": "composer.blocks",
    "PromoCodeBlock": "composer.blocks",
    "RemoveBlock": "composer.edits",
    "RenderResult": "composer.render",
    "SCENARIOS": "composer.library",
    "SetBlockField": "composer.edits",
    "SetCode": "composer.edits",
    "SetField": "composer.edits",
    "SocialLink": "composer.brand",
    "SocialLinksBlock": "composer.blocks",
    "SpacerBlock": "composer.blocks",
    "TAG_DIALECTS": "composer.inline",
    "Template": "composer.model",
    "TemplateNotFoundError": "composer.errors",
    "TemplateRenderError": "composer.errors",
    "TemplateSyntaxError": "composer.errors",
    "TextBlock": "composer.blocks",
    "VALIDATION_LEVELS": "composer.render",
    "allowed_attributes": "composer.validate",
    "base_context": "composer.context",
    "block_from_json": "composer.blocks",
    "build_context": "composer.context",
    "builtin_templates": "composer.library",
    "delete_template": "composer.templates",
    "document_mjml": "composer.blocks",
    "document_parts": "composer.blocks",
    "html_to_text": "composer.text",
    "inline_css": "composer.inline",
    "insert_block": "composer.edits",
    "known_components": "composer.validate",
    "lint": "composer.lint",
    "list_templates": "composer.templates",
    "load_brand_kit": "composer.brand",
    "load_template": "composer.templates",
    "mjml_to_html": "composer.render",
    "move_block": "composer.edits",
    "new_block": "composer.edits",
    "remove_block": "composer.edits",
    "render": "composer.render",
    "render_jinja": "composer.render",
    "render_preview": "composer.render",
    "sample_personas": "composer.context",
    "save_brand_kit": "composer.brand",
    "save_template": "composer.templates",
    "set_block_field": "composer.edits",
    "set_code": "composer.edits",
    "set_field": "composer.edits",
    "template_from_file": "composer.templates",
    "validate_mjml": "composer.validate",
}

if TYPE_CHECKING:
    from composer.blocks import (
        BLOCK_TYPES,
        Block,
        ButtonBlock,
        CartItemsBlock,
        DividerBlock,
        FooterBlock,
        HeaderBlock,
        HeadingBlock,
        HeroBlock,
        OrderSummaryBlock,
        ProductCardBlock,
        ProductGridBlock,
        PromoCodeBlock,
        SocialLinksBlock,
        SpacerBlock,
        TextBlock,
        block_from_json,
        document_mjml,
        document_parts,
    )
    from composer.brand import BrandKit, SocialLink, load_brand_kit, save_brand_kit
    from composer.context import Persona, base_context, build_context, sample_personas
    from composer.edits import (
        Edit,
        InsertBlock,
        MoveBlock,
        RemoveBlock,
        SetBlockField,
        SetCode,
        SetField,
        insert_block,
        move_block,
        new_block,
        remove_block,
        set_block_field,
        set_code,
        set_field,
    )
    from composer.errors import (
        ComposerError,
        Issue,
        MjmlError,
        TemplateNotFoundError,
        TemplateRenderError,
        TemplateSyntaxError,
    )
    from composer.inline import TAG_DIALECTS, inline_css
    from composer.library import SCENARIOS, builtin_templates
    from composer.lint import Finding, LintReport, lint
    from composer.model import Template
    from composer.render import (
        VALIDATION_LEVELS,
        RenderResult,
        mjml_to_html,
        render,
        render_jinja,
        render_preview,
    )
    from composer.templates import (
        delete_template,
        list_templates,
        load_template,
        save_template,
        template_from_file,
    )
    from composer.text import html_to_text
    from composer.validate import allowed_attributes, known_components, validate_mjml
    from composer.variables import CANONICAL_VARIABLES, ITEM_FIELDS, PRODUCT_FIELDS


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'composer' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)

__all__ = [
    "BLOCK_TYPES",
    "CANONICAL_VARIABLES",
    "ITEM_FIELDS",
    "PRODUCT_FIELDS",
    "SCENARIOS",
    "TAG_DIALECTS",
    "VALIDATION_LEVELS",
    "Block",
    "BrandKit",
    "ButtonBlock",
    "CartItemsBlock",
    "ComposerError",
    "DividerBlock",
    "Edit",
    "Finding",
    "FooterBlock",
    "HeaderBlock",
    "HeadingBlock",
    "HeroBlock",
    "InsertBlock",
    "Issue",
    "LintReport",
    "MjmlError",
    "MoveBlock",
    "OrderSummaryBlock",
    "Persona",
    "ProductCardBlock",
    "ProductGridBlock",
    "PromoCodeBlock",
    "RemoveBlock",
    "RenderResult",
    "SetBlockField",
    "SetCode",
    "SetField",
    "SocialLink",
    "SocialLinksBlock",
    "SpacerBlock",
    "Template",
    "TemplateNotFoundError",
    "TemplateRenderError",
    "TemplateSyntaxError",
    "TextBlock",
    "allowed_attributes",
    "base_context",
    "block_from_json",
    "build_context",
    "builtin_templates",
    "delete_template",
    "document_mjml",
    "document_parts",
    "html_to_text",
    "inline_css",
    "insert_block",
    "known_components",
    "lint",
    "list_templates",
    "load_brand_kit",
    "load_template",
    "mjml_to_html",
    "move_block",
    "new_block",
    "remove_block",
    "render",
    "render_jinja",
    "render_preview",
    "sample_personas",
    "save_brand_kit",
    "save_template",
    "set_block_field",
    "set_code",
    "set_field",
    "template_from_file",
    "validate_mjml",
]
