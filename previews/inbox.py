"""How sender, subject and preheader look in an inbox list, on a desktop and on a phone.

Inbox clients cut by pixels, not characters; the limits below are the usual
character counts for a proportional sans-serif at the default size, which is
what e-mail marketing guides quote and what a marketer can act on. They are
assumptions, documented so they can be revised in one place:

``desktop`` — Gmail in a browser (Mail.ru and Yandex Mail are alike), window
  1366 px wide, default density: the sender column shows about 22 characters;
  the subject (bold), a dash and the preheader (grey) share **one line** of
  about 80 characters, so a long subject leaves little or no preheader.
  (Guides quote 60-70 characters of subject for desktop clients and 80-100
  characters for subject and preview together.)
``mobile`` — iPhone Mail, portrait, 390 pt wide screen (Gmail for Android is
  within a few characters): the sender line shows about 28 characters, the
  subject **one line** of about 38 characters (guides quote 35-41), the
  preheader **two lines**, about 90 characters.

Whitespace is collapsed as clients do. A cut text ends with "…" and counts it.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

Device = Literal["desktop", "mobile"]

SEPARATOR = " — "
"""What desktop clients put between the subject and the preheader."""

MIN_PREHEADER_SHOWN = 4
"""Fewer free characters than this after the subject: the preheader is not shown."""


@dataclass(frozen=True)
class InboxLimits:
    """Character limits of one inbox list (see the module docstring for sources)."""

    device: Device
    client: str
    sender: int
    subject: int
    preheader: int
    one_line: bool
    """True when subject, separator and preheader share one line of ``subject`` chars."""


LIMITS: dict[str, InboxLimits] = {
    "desktop": InboxLimits("desktop", "Gmail в браузере, окно 1366 px", sender=22, subject=80,
                           preheader=80, one_line=True),
    "mobile": InboxLimits("mobile", "iPhone, «Почта», экран 390 pt", sender=28, subject=38,
                          preheader=90, one_line=False),
}
"""The limits per device."""


@dataclass(frozen=True)
class InboxLine:
    """One message as the inbox list shows it: visible texts and whether each was cut."""

    sender: str
    subject: str
    preheader: str
    subject_truncated: bool
    preheader_truncated: bool
    sender_truncated: bool = False


def _squash(text: str) -> str:
    return " ".join(text.split())


def truncate(text: str, limit: int) -> tuple[str, bool]:
    """``text`` cut to ``limit`` characters (the "…" included); True if it was cut."""
    if len(text) <= limit:
        return text, False
    if limit <= 1:
        return "…"[:limit], True
    return text[: limit - 1].rstrip() + "…", True


def inbox_preview(
    from_name: str, subject: str, preheader: str, *, device: Device
) -> InboxLine:
    """How an inbox list on ``device`` ("desktop" or "mobile") shows one message.

    On a desktop the preheader gets what the subject leaves of the line; when
    that is less than :data:`MIN_PREHEADER_SHOWN` characters it is not shown
    at all (``preheader == ""`` and ``preheader_truncated``). An empty
    preheader stays empty (clients would show the start of the body text).
    """
    try:
        limits = LIMITS[device]
    except KeyError:
        raise ValueError(f"device must be 'desktop' or 'mobile', not {device!r}") from None
    sender, sender_cut = truncate(_squash(from_name), limits.sender)
    shown_subject, subject_cut = truncate(_squash(subject), limits.subject)
    full_preheader = _squash(preheader)
    budget = limits.preheader
    if limits.one_line:
        budget = min(budget, limits.subject - len(shown_subject) - len(SEPARATOR))
    if not full_preheader:
        shown_preheader, preheader_cut = "", False
    elif budget < MIN_PREHEADER_SHOWN:
        shown_preheader, preheader_cut = "", True
    else:
        shown_preheader, preheader_cut = truncate(full_preheader, budget)
    return InboxLine(sender, shown_subject, shown_preheader, subject_cut, preheader_cut,
                     sender_cut)


@dataclass(frozen=True)
class InboxMessage:
    """A message for :func:`inbox_list_html`: full texts plus labels shown beside them."""

    from_name: str
    subject: str
    preheader: str
    when: str = ""
    """Shown where the inbox shows the time (e.g. the send delay)."""
    note: str = ""
    """A small caption under the row (e.g. the test contact or the A/B variant)."""


INBOX_CSS = """
.ib-desk{border:1px solid #d8dce3;border-radius:10px;background:#fff;overflow:hidden;
  font:14px/1.35 Roboto,"Segoe UI",Arial,sans-serif;color:#202124}
.ib-desk .ib-bar{background:#f6f8fc;border-bottom:1px solid #e3e6ea;padding:8px 14px;
  font-size:13px;color:#5f6368}
.ib-desk .ib-row{display:flex;align-items:baseline;gap:14px;padding:9px 14px;
  border-bottom:1px solid #eef0f3;white-space:nowrap}
.ib-desk .ib-row:last-child{border-bottom:0}
.ib-desk .ib-from{flex:0 0 168px;font-weight:700;overflow:hidden}
.ib-desk .ib-text{flex:1 1 auto;overflow:hidden;min-width:0}
.ib-desk .ib-subj{font-weight:700}
.ib-desk .ib-pre{color:#5f6368}
.ib-when{flex:0 0 auto;color:#5f6368;font-size:12px;font-weight:700}
.ib-note{display:block;font-size:11px;color:#8a8f98;white-space:normal;margin-top:2px}
.ib-cut{color:#b3261e;font-size:11px;font-weight:400;margin-left:6px;white-space:nowrap}
.ib-phone{width:392px;flex:0 0 auto;border:10px solid #1d1f23;border-radius:36px;background:#fff;
  overflow:hidden;font:14px/1.3 -apple-system,"SF Pro Text","Helvetica Neue",Arial,
  sans-serif;color:#000}
.ib-phone .ib-status{display:flex;justify-content:space-between;padding:8px 22px 2px;
  font-size:13px;font-weight:600}
.ib-phone .ib-title{font-size:28px;font-weight:700;padding:4px 16px 8px}
.ib-phone .ib-row{padding:9px 16px 10px 26px;border-top:1px solid #e5e5ea;position:relative}
.ib-phone .ib-row::before{content:"";position:absolute;left:9px;top:15px;width:9px;
  height:9px;border-radius:50%;background:#0a84ff}
.ib-phone .ib-head{display:flex;justify-content:space-between;gap:8px}
.ib-phone .ib-from{font-weight:700;white-space:nowrap;overflow:hidden}
.ib-phone .ib-subj{white-space:nowrap;overflow:hidden}
.ib-phone .ib-pre{color:#8a8a8e;display:-webkit-box;-webkit-line-clamp:2;
  -webkit-box-orient:vertical;overflow:hidden}
.ib-phone .ib-home{height:22px}
"""
"""Styles of :func:`inbox_list_html` (classes start with ``ib-``)."""


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _cut_mark(line: InboxLine) -> str:
    parts = []
    if line.subject_truncated:
        parts.append("тема обрезана")
    if line.preheader_truncated:
        parts.append("прехедер обрезан" if line.preheader else "прехедер не виден")
    return f'<span class="ib-cut">{_e(", ".join(parts))}</span>' if parts else ""


def inbox_list_html(
    messages: Sequence[InboxMessage], *, device: Device, title: str = "Входящие"
) -> str:
    """An HTML fragment drawing ``messages`` as an inbox list (style: :data:`INBOX_CSS`).

    ``desktop``: a webmail list, one line per message. ``mobile``: a phone
    mock-up. Texts are cut by :func:`inbox_preview`; a cut is marked in red
    so a reviewer sees what the recipient will not.
    """
    rows = []
    for message in messages:
        line = inbox_preview(message.from_name, message.subject, message.preheader,
                             device=device)
        subject = _e(line.subject) if line.subject else "(без темы)"
        note = f'<span class="ib-note">{_e(message.note)}</span>' if message.note else ""
        if device == "desktop":
            pre = (f'<span class="ib-pre">{_e(SEPARATOR + line.preheader)}</span>'
                   if line.preheader else "")
            rows.append(
                f'<div class="ib-row"><span class="ib-from">{_e(line.sender)}</span>'
                f'<span class="ib-text"><span class="ib-subj">{subject}</span>{pre}'
                f"{_cut_mark(line)}{note}</span>"
                f'<span class="ib-when">{_e(message.when)}</span></div>')
        else:
            rows.append(
                f'<div class="ib-row"><div class="ib-head"><span class="ib-from">'
                f'{_e(line.sender)}</span><span class="ib-when">{_e(message.when)}</span>'
                f'</div><div class="ib-subj">{subject}</div>'
                f'<div class="ib-pre">{_e(line.preheader)}</div>{_cut_mark(line)}{note}</div>')
    body = "".join(rows)
    if device == "desktop":
        return (f'<div class="ib-desk"><div class="ib-bar">{_e(title)} · '
                f'{_e(LIMITS["desktop"].client)}</div>{body}</div>')
    return (f'<div class="ib-phone"><div class="ib-status"><span>9:41</span>'
            f'<span>●●● 5G</span></div><div class="ib-title">{_e(title)}</div>{body}'
            f'<div class="ib-home"></div></div>')
