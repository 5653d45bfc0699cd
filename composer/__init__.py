"""Composer core: templates, blocks, brand kit, rendering, validation and lint.

Pipeline: Jinja2 (sandboxed, strict undefined) -> MJML (mjml-python, offline)
-> CSS inlining (premailer, tags protected) -> HTML, plus a plain-text version.

Typical use::

    from composer import load_template, build_context, render, lint
    template = load_template(engine, "abandoned_cart_1")
    result = render(template, build_context(engine, "anna@example.ru", today=today))
    result.html, result.text, result.subject, result.preheader, result.warnings
"""

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
