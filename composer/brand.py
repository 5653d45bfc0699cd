"""The brand kit: colours, fonts, logo, footer and social links of the shop.

Stored in the workspace ``settings`` table under ``brand_kit``; every template
is drawn with it, and the ``shop.*`` canonical variables come from it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields, replace
from typing import TYPE_CHECKING, Any

# SQLAlchemy loads only when a workspace is used, so rendering a file starts fast.
if TYPE_CHECKING:
    from sqlalchemy import Engine

BRAND_KIT_KEY = "brand_kit"


@dataclass(frozen=True)
class SocialLink:
    """One social network link shown by the social links block."""

    label: str
    url: str


@dataclass(frozen=True)
class BrandKit:
    """The shop's visual identity and contact details (defaults: the demo shop)."""

    shop_name: str = "Сезон"
    shop_url: str = "https://shop.konvert-demo.ru"
    logo_url: str = "https://cdn.konvert-demo.ru/img/logo.png"
    address: str = "125009, Москва, ул. Тверская, д. 7, офис 12"
    phone: str = "+7 495 123-45-67"
    support_email: str = "help@konvert-demo.ru"
    from_name: str = "Сезон"
    primary_color: str = "#1F2A44"
    accent_color: str = "#C8553D"
    background_color: str = "#F3EFEA"
    surface_color: str = "#FFFFFF"
    text_color: str = "#2B2B2B"
    muted_color: str = "#77706A"
    heading_font: str = "Georgia, 'Times New Roman', Times, serif"
    body_font: str = "'Helvetica Neue', Helvetica, Arial, sans-serif"
    footer_text: str = (
        "Вы получили это письмо, потому что подписались на новости магазина «Сезон»."
    )
    social: tuple[SocialLink, ...] = field(
        default_factory=lambda: (
            SocialLink("ВКонтакте", "https://vk.com/sezon_shop"),
            SocialLink("Telegram", "https://t.me/sezon_shop"),
            SocialLink("Дзен", "https://dzen.ru/sezon_shop"),
        )
    )

    def shop(self) -> dict[str, str]:
        """The ``shop`` canonical variable."""
        return {
            "name": self.shop_name,
            "url": self.shop_url,
            "logo_url": self.logo_url,
            "address": self.address,
            "phone": self.phone,
            "email": self.support_email,
        }

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict (the stored form)."""
        data = asdict(self)
        data["social"] = [asdict(link) for link in self.social]
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> BrandKit:
        """Build from the stored form; unknown keys are ignored, missing ones default."""
        if not data:
            return cls()
        names = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in names and k != "social"}
        kit = cls(**values)
        if isinstance(data.get("social"), list):
            links = tuple(
                SocialLink(str(item.get("label", "")), str(item.get("url", "")))
                for item in data["social"]
                if isinstance(item, dict)
            )
            kit = replace(kit, social=links)
        return kit


def load_brand_kit(engine: Engine | None) -> BrandKit:
    """The workspace's brand kit, or the demo defaults without a workspace."""
    if engine is None:
        return BrandKit()
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from workspace.models import Setting

    with Session(engine) as session:
        value = session.scalar(select(Setting.value).where(Setting.key == BRAND_KIT_KEY))
    return BrandKit.from_json(value if isinstance(value, dict) else None)


def save_brand_kit(engine: Engine, kit: BrandKit) -> None:
    """Store the brand kit in the workspace settings."""
    from sqlalchemy.orm import Session

    from workspace.models import Setting

    with Session(engine) as session, session.begin():
        row = session.get(Setting, BRAND_KIT_KEY)
        if row is None:
            session.add(Setting(key=BRAND_KIT_KEY, value=kit.to_json()))
        else:
            row.value = kit.to_json()
