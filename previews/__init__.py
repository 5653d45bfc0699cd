"""Previews core: inbox view, the offline review bundle and test emails (.eml).

Plain Python: what needs a browser engine (the bundle's screenshots and PDF)
goes through the :class:`~previews.shots.Shooter` protocol, implemented in
``ui.webrender`` and passed in by the caller.

Typical use::

    from previews import build_bundle, inbox_preview, write_eml
    line = inbox_preview("Сезон", subject, preheader, device="mobile")
    result = build_bundle(engine, "abandoned_cart", Path("review"), shooter=shooter,
                          today=date.today(), progress=print_progress)
    write_eml(render(template, context), "me@example.ru", "shop@example.ru", Path("t.eml"))
"""

from previews.bundle import (
    DEFAULT_CONTACTS,
    DESKTOP_WIDTH,
    MOBILE_WIDTH,
    PERSONA_ORDER,
    BundleEmail,
    BundleResult,
    PersonaRender,
    build_bundle,
    choose_personas,
    resolve_target,
)
from previews.eml import build_eml, write_eml
from previews.errors import BundleCancelledError, BundleTargetError, PreviewError, ShotError
from previews.inbox import (
    INBOX_CSS,
    LIMITS,
    Device,
    InboxLimits,
    InboxLine,
    InboxMessage,
    inbox_list_html,
    inbox_preview,
    truncate,
)
from previews.shots import Shooter, png_size

__all__ = [
    "DEFAULT_CONTACTS",
    "DESKTOP_WIDTH",
    "INBOX_CSS",
    "LIMITS",
    "MOBILE_WIDTH",
    "PERSONA_ORDER",
    "BundleCancelledError",
    "BundleEmail",
    "BundleResult",
    "BundleTargetError",
    "Device",
    "InboxLimits",
    "InboxLine",
    "InboxMessage",
    "PersonaRender",
    "PreviewError",
    "Shooter",
    "ShotError",
    "build_bundle",
    "build_eml",
    "choose_personas",
    "inbox_list_html",
    "inbox_preview",
    "png_size",
    "resolve_target",
    "truncate",
    "write_eml",
]
