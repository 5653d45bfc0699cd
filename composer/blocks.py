"""The block model: what a marketer composes an email from, and the MJML it makes.

A template document is either a list of blocks or raw MJML (the code view).
Every block is a small frozen dataclass with ``to_mjml(brand)``; its text
fields may hold Jinja2 markup (``{{ first_name | default('друг') }}``), and
everything else is escaped. Loops over ``cart.items``, ``order.items`` and
``recommended`` are written as Jinja around MJML sections.
"""

from __future__ import annotations

import html
from dataclasses import asdict, dataclass, fields
from typing import Any, ClassVar

from composer.brand import BrandKit
from composer.errors import ComposerError
from composer.jinja import JINJA_TAG_RE

_SIDE = "32px"  # horizontal padding of content, one value for every block


def _escape_outside_jinja(text: str, quote: bool) -> str:
    out: list[str] = []
    last = 0
    for match in JINJA_TAG_RE.finditer(text):
        out.append(html.escape(text[last : match.start()], quote=quote))
        out.append(match.group(0))
        last = match.end()
    out.append(html.escape(text[last:], quote=quote))
    return "".join(out)


def esc_text(text: str) -> str:
    """Escape text for MJML element content, leaving Jinja markup alone."""
    return _escape_outside_jinja(text, quote=False)


def esc_attr(text: str) -> str:
    """Escape text for a double-quoted MJML attribute, leaving Jinja markup alone."""
    return _escape_outside_jinja(text, quote=True).replace("&#x27;", "'")


def _section(brand: BrandKit, body: str, padding: str = "0", css_class: str = "") -> str:
    cls = f' css-class="{css_class}"' if css_class else ""
    return (
        f'<mj-section background-color="{brand.surface_color}" padding="{padding}"{cls}>\n'
        f"{body}\n</mj-section>"
    )


class Block:
    """Base of every block; subclasses are frozen dataclasses with a ``type`` name."""

    type: ClassVar[str] = ""
    label: ClassVar[str] = ""

    def to_mjml(self, brand: BrandKit) -> str:
        """The MJML of this block (one or more ``mj-section``), drawn with ``brand``."""
        raise NotImplementedError

    def to_json(self) -> dict[str, Any]:
        """The stored form: ``{"type": ..., <fields>}``."""
        return {"type": self.type, **asdict(self)}  # type: ignore[call-overload]


_REGISTRY: dict[str, type[Block]] = {}


def _register(cls: type[Block]) -> type[Block]:
    _REGISTRY[cls.type] = cls
    return cls


@_register
@dataclass(frozen=True)
class HeaderBlock(Block):
    """The shop's logo, linked to the shop."""

    type: ClassVar[str] = "header"
    label: ClassVar[str] = "Шапка с логотипом"
    logo_url: str = "{{ shop.logo_url }}"
    link_url: str = "{{ shop.url }}"
    alt: str = "{{ shop.name }}"
    width: int = 140

    def to_mjml(self, brand: BrandKit) -> str:
        return _section(
            brand,
            f'<mj-column><mj-image src="{esc_attr(self.logo_url)}" '
            f'href="{esc_attr(self.link_url)}" alt="{esc_attr(self.alt)}" '
            f'width="{self.width}px" padding="24px {_SIDE} 16px" /></mj-column>',
        ) + "\n" + _section(
            brand,
            f'<mj-column><mj-divider border-color="{brand.accent_color}" border-width="2px" '
            f'width="48px" padding="0 0 8px" /></mj-column>',
        )


@_register
@dataclass(frozen=True)
class HeroBlock(Block):
    """A full-width picture, optionally linked."""

    type: ClassVar[str] = "hero"
    label: ClassVar[str] = "Главное изображение"
    image_url: str = ""
    alt: str = ""
    link_url: str = "{{ shop.url }}"

    def to_mjml(self, brand: BrandKit) -> str:
        href = f' href="{esc_attr(self.link_url)}"' if self.link_url else ""
        return _section(
            brand,
            f'<mj-column><mj-image src="{esc_attr(self.image_url)}" alt="{esc_attr(self.alt)}"'
            f'{href} padding="8px 0 16px" /></mj-column>',
        )


@_register
@dataclass(frozen=True)
class HeadingBlock(Block):
    """A heading; ``level`` 1 is the email's title, 2 a section title."""

    type: ClassVar[str] = "heading"
    label: ClassVar[str] = "Заголовок"
    text: str = ""
    level: int = 1
    align: str = "center"

    def to_mjml(self, brand: BrandKit) -> str:
        size, css = ("30px", "kv-h1") if self.level <= 1 else ("22px", "kv-h2")
        return _section(
            brand,
            f'<mj-column><mj-text css-class="{css}" align="{self.align}" '
            f'font-family="{esc_attr(brand.heading_font)}" font-size="{size}" '
            f'line-height="1.25" color="{brand.primary_color}" padding="16px {_SIDE} 8px">'
            f"{esc_text(self.text)}</mj-text></mj-column>",
        )


@_register
@dataclass(frozen=True)
class TextBlock(Block):
    """A paragraph of text; ``html`` may hold simple markup (b, i, a, br)."""

    type: ClassVar[str] = "text"
    label: ClassVar[str] = "Текст"
    html: str = ""
    align: str = "left"

    def to_mjml(self, brand: BrandKit) -> str:
        return _section(
            brand,
            f'<mj-column><mj-text align="{self.align}">{self.html}</mj-text></mj-column>',
        )


@_register
@dataclass(frozen=True)
class ButtonBlock(Block):
    """A call-to-action button."""

    type: ClassVar[str] = "button"
    label: ClassVar[str] = "Кнопка"
    text: str = ""
    url: str = "{{ shop.url }}"
    align: str = "center"

    def to_mjml(self, brand: BrandKit) -> str:
        return _section(
            brand,
            f'<mj-column><mj-button href="{esc_attr(self.url)}" align="{self.align}">'
            f"{esc_text(self.text)}</mj-button></mj-column>",
        )


def _product_column(brand: BrandKit, var: str, width: str, button: str,
                    image_width: str = "") -> str:
    fixed = f' width="{image_width}"' if image_width else ""
    return (
        f'<mj-column width="{width}" padding="8px 8px 16px">'
        f'<mj-image src="{{{{ {var}.image_url }}}}" alt="{{{{ {var}.name }}}}" '
        f'href="{{{{ {var}.url }}}}"{fixed} padding="0" border-radius="4px" />'
        f'<mj-text align="center" padding="12px 8px 0" font-size="15px" line-height="1.4">'
        f"{{{{ {var}.name }}}}</mj-text>"
        f'<mj-text align="center" padding="4px 8px" font-size="17px" font-weight="bold" '
        f'color="{brand.primary_color}">{{{{ {var}.price | money }}}}'
        f"{{% if {var}.old_price is defined and {var}.old_price %}} <span class=\"kv-old-price\" "
        f"style=\"color:{brand.muted_color};font-weight:normal;font-size:14px;"
        f"text-decoration:line-through\">{{{{ {var}.old_price | money }}}}</span>{{% endif %}}"
        f"</mj-text>"
        f'<mj-button href="{{{{ {var}.url }}}}" background-color="{brand.primary_color}" '
        f'font-size="14px" inner-padding="10px 20px" padding="8px 8px 0">{esc_text(button)}'
        f"</mj-button></mj-column>"
    )


@_register
@dataclass(frozen=True)
class ProductCardBlock(Block):
    """One product: picture, name, price (old price struck through), button.

    ``source`` is a Jinja expression of a product (``recommended[0]``).
    """

    type: ClassVar[str] = "product_card"
    label: ClassVar[str] = "Карточка товара"
    source: str = "recommended[0]"
    button: str = "Смотреть"

    def to_mjml(self, brand: BrandKit) -> str:
        base = self.source.split("[")[0]
        return (
            f"{{% if {base} %}}{{% set product = {self.source} %}}\n"
            # The picture is capped rather than the section padded, so on a phone
            # the card still takes the whole width (a padded section squeezed it).
            + _section(brand, _product_column(brand, "product", "100%", self.button,
                                              image_width="320px"),
                       padding="0 24px")
            + "\n{% endif %}"
        )


@_register
@dataclass(frozen=True)
class ProductGridBlock(Block):
    """Products two or three in a row (stacked on mobile), from a list variable."""

    type: ClassVar[str] = "product_grid"
    label: ClassVar[str] = "Сетка товаров"
    source: str = "recommended"
    columns: int = 2
    limit: int = 4
    button: str = "Смотреть"

    def to_mjml(self, brand: BrandKit) -> str:
        cols = max(1, min(3, self.columns))
        width = f"{100 // cols}%" if cols != 3 else "33.33%"
        inner = _product_column(brand, "product", width, self.button)
        return (
            f"{{% for row in ({self.source} | default([]))[:{self.limit}] | batch({cols}) %}}\n"
            f'<mj-section background-color="{brand.surface_color}" padding="0 24px">\n'
            f"{{% for product in row %}}{inner}{{% endfor %}}\n"
            "</mj-section>\n{% endfor %}"
        )


@_register
@dataclass(frozen=True)
class CartItemsBlock(Block):
    """The abandoned cart: a row per item with its picture, then the total and a button."""

    type: ClassVar[str] = "cart_items"
    label: ClassVar[str] = "Товары в корзине"
    button: str = "Вернуться к корзине"
    empty_text: str = "Ваша корзина ждёт новых находок."
    limit: int = 5  # more rows would push a big cart past Gmail's 102 KB clip

    def to_mjml(self, brand: BrandKit) -> str:
        row = (
            f'<mj-section background-color="{brand.surface_color}" padding="8px 24px">'
            "<mj-group>"
            '<mj-column width="32%" vertical-align="middle">'
            '<mj-image src="{{ item.image_url }}" alt="{{ item.name }}" href="{{ item.url }}" '
            'width="140px" padding="0 8px" border-radius="4px" /></mj-column>'
            '<mj-column width="68%" vertical-align="middle">'
            '<mj-text padding="0 8px" font-size="16px" line-height="1.4">'
            f'<a href="{{{{ item.url }}}}" style="color:{brand.text_color};text-decoration:none">'
            "{{ item.name }}</a></mj-text>"
            f'<mj-text padding="6px 8px 0" font-size="14px" color="{brand.muted_color}">'
            "{{ item.quantity | default(1) }} шт. × {{ item.price | money }}</mj-text>"
            "</mj-column></mj-group></mj-section>"
        )
        total = (
            f'<mj-section background-color="{brand.surface_color}" padding="0 24px">'
            f'<mj-column><mj-divider border-color="#E4DED6" border-width="1px" padding="8px" />'
            f'<mj-text align="right" font-size="18px" padding="4px 8px 8px">'
            f'Итого: <b style="color:{brand.primary_color}">{{{{ cart.total | money }}}}</b>'
            f"</mj-text></mj-column></mj-section>"
        )
        button = ButtonBlock(self.button, "{{ cart.url }}").to_mjml(brand)
        empty = _section(
            brand, f'<mj-column><mj-text align="center">{esc_text(self.empty_text)}</mj-text>'
            "</mj-column>"
        )
        more = (
            f'<mj-section background-color="{brand.surface_color}" padding="0 24px">'
            f'<mj-column><mj-text align="center" font-size="14px" color="{brand.muted_color}" '
            f'padding="4px 8px"><a href="{{{{ cart.url }}}}" style="color:{brand.muted_color}">'
            f"Ещё товаров в корзине: {{{{ cart.items | length - {self.limit} }}}}</a>"
            "</mj-text></mj-column></mj-section>"
        )
        return (
            f"{{% if cart and cart.items %}}\n{{% for item in cart.items[:{self.limit}] %}}\n"
            f"{row}\n{{% endfor %}}\n"
            f"{{% if cart.items | length > {self.limit} %}}{more}{{% endif %}}\n"
            f"{total}\n{button}\n{{% else %}}\n{empty}\n"
            + ButtonBlock("Перейти в каталог", "{{ shop.url }}").to_mjml(brand)
            + "\n{% endif %}"
        )


@_register
@dataclass(frozen=True)
class OrderSummaryBlock(Block):
    """The order: number, items with prices, total and delivery date."""

    type: ClassVar[str] = "order_summary"
    label: ClassVar[str] = "Состав заказа"
    show_delivery: bool = True

    def to_mjml(self, brand: BrandKit) -> str:
        td = f"padding:10px 0;border-bottom:1px solid #E4DED6;color:{brand.text_color}"
        delivery = (
            "{% if order.delivery_date %}<tr><td style=\"padding:10px 0;color:"
            f"{brand.muted_color}\">Ожидаемая доставка</td><td align=\"right\" "
            "style=\"padding:10px 0\">{{ order.delivery_date | ru_date }}</td></tr>{% endif %}"
            if self.show_delivery else ""
        )
        table = (
            f'<mj-table font-size="15px" line-height="1.4" padding="8px {_SIDE}">'
            f'<tr><td colspan="2" style="padding:0 0 8px;font-size:17px;'
            f'color:{brand.primary_color}"><b>Заказ № {{{{ order.number }}}}</b></td></tr>'
            "{% for item in order.items %}"
            f'<tr><td style="{td}">{{{{ item.name }}}} × {{{{ item.quantity | default(1) }}}}'
            f'</td><td align="right" style="{td};white-space:nowrap">'
            "{{ (item.price * (item.quantity | default(1))) | money }}</td></tr>"
            "{% endfor %}"
            '<tr><td style="padding:12px 0 4px;font-size:17px"><b>Итого</b></td>'
            '<td align="right" style="padding:12px 0 4px;font-size:17px;white-space:nowrap">'
            "<b>{{ order.total | money }}</b></td></tr>"
            f"{delivery}</mj-table>"
        )
        empty = (
            '<mj-text align="center">Детали заказа всегда под рукой в личном кабинете.'
            "</mj-text>"
        )
        return _section(
            brand,
            f"<mj-column>{{% if order %}}{table}{{% else %}}{empty}{{% endif %}}</mj-column>",
        )


@_register
@dataclass(frozen=True)
class PromoCodeBlock(Block):
    """A promo code in a dashed frame, with its expiry date."""

    type: ClassVar[str] = "promo_code"
    label: ClassVar[str] = "Промокод"
    title: str = "Ваш промокод"
    code: str = "{{ promo_code }}"
    note: str = "Действует до {{ promo_expires | ru_date }}"

    def to_mjml(self, brand: BrandKit) -> str:
        return (
            f'<mj-section background-color="{brand.surface_color}" padding="8px {_SIDE}">'
            f'<mj-column border="2px dashed {brand.accent_color}" '
            f'background-color="#FBF6F2" padding="12px 0">'
            f'<mj-text align="center" font-size="14px" color="{brand.muted_color}" '
            f'padding="4px 16px" text-transform="uppercase" letter-spacing="1px">'
            f"{esc_text(self.title)}</mj-text>"
            f'<mj-text align="center" font-size="28px" font-weight="bold" letter-spacing="3px" '
            f'color="{brand.accent_color}" padding="4px 16px" css-class="kv-promo">'
            f"{esc_text(self.code)}</mj-text>"
            f'<mj-text align="center" font-size="14px" color="{brand.muted_color}" '
            f'padding="4px 16px">{esc_text(self.note)}</mj-text>'
            "</mj-column></mj-section>"
        )


@_register
@dataclass(frozen=True)
class DividerBlock(Block):
    """A thin horizontal line."""

    type: ClassVar[str] = "divider"
    label: ClassVar[str] = "Разделитель"

    def to_mjml(self, brand: BrandKit) -> str:
        return _section(
            brand,
            f'<mj-column><mj-divider border-color="#E4DED6" border-width="1px" '
            f'padding="16px {_SIDE}" /></mj-column>',
        )


@_register
@dataclass(frozen=True)
class SpacerBlock(Block):
    """Empty vertical space."""

    type: ClassVar[str] = "spacer"
    label: ClassVar[str] = "Отступ"
    height: int = 24

    def to_mjml(self, brand: BrandKit) -> str:
        return _section(brand, f'<mj-column><mj-spacer height="{self.height}px" /></mj-column>')


@_register
@dataclass(frozen=True)
class SocialLinksBlock(Block):
    """The brand kit's social links, as a row of text links."""

    type: ClassVar[str] = "social"
    label: ClassVar[str] = "Соцсети"

    def to_mjml(self, brand: BrandKit) -> str:
        links = " &nbsp;·&nbsp; ".join(
            f'<a href="{esc_attr(link.url)}" style="color:{brand.primary_color};'
            f'text-decoration:none">{esc_text(link.label)}</a>'
            for link in brand.social
        )
        if not links:
            return ""
        return (
            f'<mj-section padding="16px 0 0"><mj-column>'
            f'<mj-text align="center" font-size="14px">{links}</mj-text>'
            "</mj-column></mj-section>"
        )


@_register
@dataclass(frozen=True)
class FooterBlock(Block):
    """Footer text, the shop's address and contacts, and the unsubscribe link."""

    type: ClassVar[str] = "footer"
    label: ClassVar[str] = "Подвал с отпиской"
    text: str = ""
    unsubscribe_label: str = "Отписаться от рассылки"

    def to_mjml(self, brand: BrandKit) -> str:
        text = esc_text(self.text or brand.footer_text)
        muted = brand.muted_color
        return (
            f'<mj-section padding="8px 24px 32px"><mj-column>'
            f'<mj-text align="center" font-size="12px" line-height="1.6" color="{muted}">'
            f"{text}<br />{{{{ shop.name }}}}, {{{{ shop.address }}}}<br />"
            "<a href=\"tel:{{ shop.phone | replace(' ', '') }}\" "
            f'style="color:{muted}">{{{{ shop.phone }}}}</a>'
            f' · <a href="{{{{ shop.url }}}}" style="color:{muted}">{{{{ shop.url }}}}</a>'
            f"</mj-text>"
            f'<mj-text align="center" font-size="12px" color="{muted}" padding="4px 25px">'
            f'<a href="{{{{ unsubscribe_url }}}}" style="color:{muted}">'
            f"{esc_text(self.unsubscribe_label)}</a></mj-text>"
            "</mj-column></mj-section>"
        )


BLOCK_TYPES: dict[str, type[Block]] = _REGISTRY
"""Block ``type`` name -> class, in the order the editor offers them."""


def block_from_json(data: dict[str, Any]) -> Block:
    """Rebuild a block from its stored form; unknown keys are ignored."""
    kind = data.get("type")
    cls = _REGISTRY.get(str(kind))
    if cls is None:
        raise ComposerError(f"unknown block type {kind!r}")
    names = {f.name for f in fields(cls)}  # type: ignore[arg-type]
    return cls(**{k: v for k, v in data.items() if k in names})


def document_parts(blocks: list[Block], brand: BrandKit) -> list[str]:
    """The MJML document of a block list as pieces: head, one per block, tail.

    Each piece is a complete Jinja template on its own, so an edit recompiles
    only the block that changed; ``"".join(parts)`` is :func:`document_mjml`.
    """
    head = (
        "<mj-head>\n<mj-attributes>\n"
        f'<mj-all font-family="{esc_attr(brand.body_font)}" />\n'
        f'<mj-text font-size="16px" line-height="1.6" color="{brand.text_color}" '
        f'padding="8px {_SIDE}" />\n'
        f'<mj-button background-color="{brand.accent_color}" color="#FFFFFF" font-size="16px" '
        f'font-weight="bold" border-radius="4px" inner-padding="14px 36px" '
        f'padding="16px {_SIDE} 24px" />\n'
        f'<mj-image padding="0" />\n'
        "</mj-attributes>\n"
        "<mj-style>\n"
        "a { color: inherit; }\n"
        "@media only screen and (max-width:479px) {\n"
        "  .kv-h1 div { font-size: 25px !important; }\n"
        "  .kv-promo div { font-size: 24px !important; }\n"
        "}\n"
        "</mj-style>\n</mj-head>"
    )
    parts = [
        f"<mjml lang=\"ru\">\n{head}\n"
        f'<mj-body background-color="{brand.background_color}" width="600px">\n'
        '<mj-wrapper padding="24px 0">\n'
    ]
    for block in blocks:
        mjml = block.to_mjml(brand)
        if mjml:
            parts.append(mjml + "\n")
    parts.append("</mj-wrapper>\n</mj-body>\n</mjml>\n")
    return parts


def document_mjml(blocks: list[Block], brand: BrandKit) -> str:
    """The full MJML document of a block list, drawn with the brand kit."""
    return "".join(document_parts(blocks, brand))
