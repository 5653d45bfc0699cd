"""A test email as an ``.eml`` file ("send a test to myself" without an ESP).

The message is ``multipart/alternative``: the plain text first, then the
final HTML (CSS already inlined by :func:`composer.render`; the preheader is
the hidden first element of that HTML). Headers with Cyrillic are encoded
(RFC 2047) so every mail client shows them right; bodies are UTF-8.

Pictures found on this computer (the demo shop's, ``file:`` URLs) travel
inside the message as inline parts (``multipart/related``, ``cid:``), so
the test email shows them offline; other pictures keep their web address.
"""

from __future__ import annotations

import email.policy
from datetime import datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid, parseaddr
from pathlib import Path

from composer import RenderResult
from previews.errors import PreviewError
from previews.images import replace_image_urls
from workspace.demo.images import local_image_path, mime_type


def _address(value: str, display_name: str) -> Address:
    name, addr = parseaddr(value)
    if "@" not in addr:
        raise PreviewError(f"not an email address: {value!r}")
    username, domain = addr.rsplit("@", 1)
    return Address(display_name=display_name or name, username=username, domain=domain)


def build_eml(
    result: RenderResult,
    to_addr: str,
    from_addr: str,
    *,
    from_name: str = "",
    date: datetime | None = None,
    unsent: bool = False,
    embed_images: bool = True,
) -> bytes:
    """The ``.eml`` bytes (CRLF line ends) of ``result`` sent from ``from_addr`` to ``to_addr``.

    ``from_addr`` may be ``"Name <addr>"``; ``from_name`` overrides the name.
    ``unsent`` adds ``X-Unsent: 1``: Outlook then opens the file as a draft
    ready to send instead of as a received message. ``embed_images``: local
    pictures go inside the message (see the module docstring).
    """
    message = EmailMessage(policy=email.policy.SMTP)
    sender = _address(from_addr, from_name)
    message["Subject"] = result.subject
    message["From"] = sender
    message["To"] = _address(to_addr, "")
    message["Date"] = format_datetime((date or datetime.now()).astimezone())
    message["Message-ID"] = make_msgid("konvert-test", domain=sender.domain)
    message["MIME-Version"] = "1.0"
    if unsent:
        message["X-Unsent"] = "1"
    message.set_content(result.text, subtype="plain", charset="utf-8")
    inline: dict[Path, str] = {}
    html = result.html
    if embed_images:

        def to_cid(url: str) -> str | None:
            path = local_image_path(url)
            if path is None:
                return None
            if path not in inline:
                inline[path] = make_msgid("img", domain=sender.domain)[1:-1]
            return "cid:" + inline[path]

        html = replace_image_urls(html, to_cid)
    message.add_alternative(html, subtype="html", charset="utf-8")
    if inline:
        html_part = message.get_body(("html",))
        assert isinstance(html_part, EmailMessage)
        for path, cid in inline.items():
            maintype, _, subtype = mime_type(path).partition("/")
            try:
                data = path.read_bytes()
            except OSError as exc:
                raise PreviewError(f"cannot read {path}: {exc.strerror or exc}") from None
            html_part.add_related(data, maintype=maintype, subtype=subtype, cid=f"<{cid}>",
                                  filename=path.name, disposition="inline")
    return message.as_bytes()


def write_eml(
    render_result: RenderResult,
    to_addr: str,
    from_addr: str,
    path: Path,
    *,
    from_name: str = "",
    unsent: bool = False,
) -> Path:
    """Write the test email of ``render_result`` to ``path`` (see :func:`build_eml`)."""
    data = build_eml(render_result, to_addr, from_addr, from_name=from_name, unsent=unsent)
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise PreviewError(f"cannot write {path}: {exc.strerror or exc}") from None
    return path
