"""The HTML pages of the review bundle: ``index.html`` and the printable ``review.html``.

Both are self-contained: CSS inline, no script, no web font, every link
relative to the bundle folder. Texts are in Russian (the reviewers' language).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import date

from composer import BrandKit, Finding
from previews.bundle import (
    DESKTOP_WIDTH,
    GENERATOR,
    MOBILE_WIDTH,
    BundleEmail,
    BundleResult,
    PersonaRender,
)
from previews.images import BundleImage
from previews.inbox import INBOX_CSS, LIMITS, InboxMessage, inbox_list_html

_MONTHS = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
           "сентября", "октября", "ноября", "декабря")
_FALLBACK_HEIGHT = 900
"""Iframe height when no screenshot measured the email (it scrolls then)."""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def plural(n: int, one: str, few: str, many: str) -> str:
    """The Russian plural form for ``n`` (1 письмо, 2 письма, 5 писем)."""
    n = abs(n)
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def _count(n: int, one: str, few: str, many: str) -> str:
    return f"{n} {plural(n, one, few, many)}"


def ru_date(value: date) -> str:
    """``22 ноября 2025``."""
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"


def duration(hours: int) -> str:
    """``1 час``, ``24 часа`` -> ``1 день``, ``96 часов`` -> ``4 дня``."""
    if hours >= 24 and hours % 24 == 0:
        return _count(hours // 24, "день", "дня", "дней")
    return _count(hours, "час", "часа", "часов")


def delay_label(email: BundleEmail, first: bool) -> str:
    """When the email is sent, in words (relative to the trigger or the previous email)."""
    if email.delay_hours is None:
        return "—"
    if first:
        if email.delay_hours == 0:
            return "сразу после события"
        return f"через {duration(email.delay_hours)} после события"
    if email.delay_hours == 0:
        return "сразу после предыдущего письма"
    return f"через {duration(email.delay_hours)} после предыдущего письма"


def _since_trigger(hours: int) -> str:
    days, rest = divmod(hours, 24)
    if days == 0:
        return f"+{rest} ч"
    return f"+{days} дн." + (f" {rest} ч" if rest else "")


def _cumulative(emails: Sequence[BundleEmail]) -> list[str]:
    labels, total = [], 0
    for email in emails:
        if email.delay_hours is None:
            labels.append("")
            continue
        total += email.delay_hours
        labels.append(_since_trigger(total))
    return labels


def _status(email: BundleEmail) -> str:
    errors, warnings = len(email.lint.errors), len(email.lint.warnings)
    failed = sum(1 for r in email.renders if r.error)
    if errors or failed:
        n = errors + failed
        return f'<span class="badge err">{_count(n, "ошибка", "ошибки", "ошибок")}</span>'
    if warnings:
        text = _count(warnings, "замечание", "замечания", "замечаний")
        return f'<span class="badge warn">{text}</span>'
    return '<span class="badge ok">Без замечаний</span>'


_CSS = """
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:#f4f5f7;color:#1c2330;
  font:15px/1.5 "Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans",sans-serif}
a{color:#1f4fa8;text-decoration:none}
a:hover{text-decoration:underline}
.wrap{max-width:1240px;margin:0 auto;padding:0 32px}
.top{background:var(--brand);color:#fff}
.top .wrap{display:flex;justify-content:space-between;align-items:center;height:56px}
.top .shop{font-weight:700;font-size:17px;letter-spacing:.02em}
.top .kind{font-size:13px;opacity:.8;text-transform:uppercase;letter-spacing:.08em}
h1{font-size:30px;line-height:1.2;margin:36px 0 6px;font-weight:700}
h2{font-size:21px;margin:0 0 16px;font-weight:700}
h3{font-size:15px;margin:26px 0 10px;font-weight:700;color:#3b4350;
  text-transform:uppercase;letter-spacing:.06em}
.sub{color:#5b6472;margin:0 0 22px}
.cards{display:grid;grid-template-columns:repeat(4,1fr);gap:14px;margin-bottom:18px}
.card{background:#fff;border:1px solid #e3e6ec;border-radius:10px;padding:14px 16px}
.card .k{font-size:12px;color:#5b6472;text-transform:uppercase;letter-spacing:.06em}
.card .v{font-size:20px;font-weight:700;margin-top:2px}
.card .v small{font-size:13px;font-weight:400;color:#5b6472}
.note{background:#fff8e6;border:1px solid #f0dca8;border-radius:10px;padding:12px 16px;
  color:#5c4a12;font-size:14px}
.note b{color:#3d300a}
.note ul.remote{margin:6px 0 0;padding-left:18px;font-size:13px}
.note code{font-family:Consolas,"DejaVu Sans Mono",monospace;font-size:12px;
  word-break:break-all}
.panel-box{background:#fff;border:1px solid #e3e6ec;border-radius:12px;padding:24px 26px;
  margin:26px 0}
table.overview{width:100%;border-collapse:collapse;font-size:14px}
.overview th{text-align:left;font-size:12px;text-transform:uppercase;letter-spacing:.06em;
  color:#5b6472;font-weight:600;padding:0 12px 10px;border-bottom:1px solid #e3e6ec}
.overview td{padding:14px 12px;border-bottom:1px solid #eef0f3;vertical-align:top}
.overview tr:last-child td{border-bottom:0}
.overview .num{font-weight:700;color:#5b6472;width:28px}
.overview .thumb{display:block;width:104px;height:138px;object-fit:cover;
  object-position:top;border:1px solid #dde1e8;border-radius:6px;background:#f4f5f7}
.overview .ph{display:flex;align-items:center;justify-content:center;width:104px;
  height:138px;border:1px dashed #cfd4dc;border-radius:6px;color:#9aa1ab;font-size:12px}
.overview .title{font-weight:700;font-size:15px}
.overview .code{color:#8a919c;font-size:12px;font-family:Consolas,"DejaVu Sans Mono",monospace}
.overview .subj{font-weight:600}
.overview .pre{color:#5b6472}
.badge{display:inline-block;border-radius:999px;padding:2px 10px;font-size:12px;
  font-weight:700;white-space:nowrap}
.badge.ok{background:#e3f4ea;color:#17693d}
.badge.warn{background:#fff1d6;color:#8a5a00}
.badge.err{background:#fde4e1;color:#a1231b}
.phone-row{display:flex;gap:28px;align-items:flex-start;margin-top:22px}
.hint{color:#5b6472;font-size:13px;margin:0;max-width:560px}
.hint p{margin:0 0 10px}
.email-top{display:grid;grid-template-columns:minmax(0,1fr) 392px;gap:32px}
.email-head{display:flex;align-items:center;gap:14px;margin-bottom:14px}
.email-head .n{flex:0 0 34px;height:34px;border-radius:50%;background:var(--brand);
  color:#fff;display:flex;align-items:center;justify-content:center;font-weight:700}
.email-head h2{margin:0;flex:1}
dl.meta{display:grid;grid-template-columns:128px 1fr;gap:6px 14px;margin:0;font-size:14px}
dl.meta dt{color:#5b6472}
dl.meta dd{margin:0}
ul.findings{list-style:none;margin:0;padding:0;font-size:14px}
ul.findings li{padding:7px 10px 7px 12px;border-left:3px solid;border-radius:4px;
  margin-bottom:6px;background:#fafbfc}
ul.findings li.err{border-color:#c9372c}
ul.findings li.warn{border-color:#d99a00}
ul.findings code{font-family:Consolas,"DejaVu Sans Mono",monospace;font-size:12px;
  color:#3b4350;background:#eef0f3;border-radius:4px;padding:1px 5px;margin-right:6px}
ul.findings .ln{color:#8a919c;font-size:12px;margin-left:6px}
.ok-line{color:#17693d;font-weight:600;font-size:14px}
.tabs>input{position:absolute;opacity:0;pointer-events:none}
.tab-labels{display:flex;gap:6px;flex-wrap:wrap;border-bottom:1px solid #e3e6ec;
  margin-bottom:18px}
.tab-labels label{padding:8px 14px;border:1px solid transparent;border-bottom:0;
  border-radius:8px 8px 0 0;cursor:pointer;color:#5b6472;font-size:14px;margin-bottom:-1px}
.tab-labels label:hover{color:#1c2330}
.tabs .tab{display:none}
.devices{display:flex;gap:32px;align-items:flex-start;flex-wrap:wrap}
figure{margin:0}
figcaption{font-size:12px;color:#5b6472;margin-bottom:6px;text-transform:uppercase;
  letter-spacing:.06em}
.frame{border:1px solid #d5d9e0;border-radius:8px;overflow:hidden;background:#fff;
  box-shadow:0 1px 3px rgba(20,30,50,.08)}
.frame.phone{border:9px solid #1d1f23;border-radius:26px}
iframe{display:block;border:0;background:#fff}
.files{font-size:13px;color:#5b6472;margin-top:10px}
.files a{margin-right:12px}
.render-error{color:#a1231b;background:#fde4e1;border-radius:8px;padding:12px 14px}
footer{color:#8a919c;font-size:13px;padding:10px 0 40px}
"""


def _tab_css(count: int) -> str:
    rules = []
    for k in range(1, count + 1):
        rules.append(f".tabs>input:nth-of-type({k}):checked~.tab-body>.tab:nth-of-type({k})"
                     "{display:block}")
        rules.append(f".tabs>input:nth-of-type({k}):checked~.tab-labels>label:nth-of-type({k})"
                     "{background:#fff;border-color:#e3e6ec;color:#1c2330;font-weight:600}")
        rules.append(f".tabs>input:nth-of-type({k}):focus-visible~.tab-labels>"
                     f"label:nth-of-type({k}){{outline:2px solid #1f4fa8}}")
    return "\n".join(rules)


def _first_shot(email: BundleEmail) -> PersonaRender | None:
    return next((r for r in email.renders if r.desktop_png), None)


def _inbox_messages(emails: Sequence[BundleEmail]) -> list[InboxMessage]:
    whens = _cumulative(emails)
    return [InboxMessage(e.from_name, e.subject, e.preheader, when=when)
            for e, when in zip(emails, whens, strict=True)]


def _findings(email: BundleEmail) -> str:
    items: list[str] = []

    def add(kind: str, finding: Finding) -> None:
        line = f'<span class="ln">строка {finding.line}</span>' if finding.line else ""
        items.append(f'<li class="{kind}"><code>{_e(finding.code)}</code>'
                     f"{_e(finding.message)}{line}</li>")

    for finding in email.lint.errors:
        add("err", finding)
    for finding in email.lint.warnings:
        add("warn", finding)
    for render in email.renders:
        if render.error:
            items.append(f'<li class="err"><code>render</code>{_e(render.persona_label)}: '
                         f"{_e(render.error)}</li>")
    if not items:
        return ('<p class="ok-line">✓ Проверка пройдена: ошибок и замечаний нет</p>')
    return f'<ul class="findings">{"".join(items)}</ul>'


def _device(render: PersonaRender, kind: str) -> str:
    assert render.html_path is not None
    width = DESKTOP_WIDTH if kind == "desktop" else MOBILE_WIDTH
    height = render.desktop_height if kind == "desktop" else render.mobile_height
    style = "" if height else "overflow:auto"
    caption = (f"Компьютер · {DESKTOP_WIDTH} px" if kind == "desktop"
               else f"Телефон · {MOBILE_WIDTH} px")
    frame = "frame" if kind == "desktop" else "frame phone"
    return (f"<figure><figcaption>{caption}</figcaption><div class=\"{frame}\">"
            f'<iframe src="{_e(render.html_path)}" width="{width}" '
            f'height="{height or _FALLBACK_HEIGHT}" style="{style}" '
            f'title="{_e(render.persona_label)}: {caption}" '
            f'sandbox="allow-popups allow-popups-to-escape-sandbox"></iframe></div></figure>')


def _render_tab(render: PersonaRender) -> str:
    if render.html_path is None:
        return (f'<div class="tab"><p class="render-error">Письмо не собирается для этого '
                f"получателя: {_e(render.error or '')}</p></div>")
    links = [f'<a href="{_e(render.html_path)}">HTML письма</a>']
    if render.text_path:
        links.append(f'<a href="{_e(render.text_path)}">текстовая версия</a>')
    if render.desktop_png:
        links.append(f'<a href="{_e(render.desktop_png)}">PNG {DESKTOP_WIDTH} px</a>')
    if render.mobile_png:
        links.append(f'<a href="{_e(render.mobile_png)}">PNG {MOBILE_WIDTH} px</a>')
    size = f"{render.html_bytes / 1024:.0f} КБ HTML"
    return (f'<div class="tab"><div class="devices">{_device(render, "desktop")}'
            f'{_device(render, "mobile")}</div><p class="files">Тема для этого получателя: '
            f"<b>{_e(render.subject)}</b><br>Открыть отдельно: {' '.join(links)} · "
            f"{size}</p></div>")


def _email_section(email: BundleEmail, number: int, first: bool) -> str:
    rows = [("Отправитель", email.from_name), ("Тема", email.subject),
            ("Прехедер", email.preheader or "— (не задан)"),
            ("Отправка", delay_label(email, first)), ("Шаблон", email.name)]
    meta = "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in rows)
    variants: list[InboxMessage] = []
    seen: set[tuple[str, str]] = set()
    for render in email.renders:
        key = (render.subject, render.preheader)
        if render.error is None and key not in seen:
            seen.add(key)
            variants.append(InboxMessage(email.from_name, render.subject, render.preheader,
                                         note=render.persona_label))
    if len(variants) == 1:
        variants = [InboxMessage(email.from_name, email.subject, email.preheader)]
    name = f"p-{number}"
    inputs = "".join(
        f'<input type="radio" name="{name}" id="{name}-{k}"{" checked" if k == 0 else ""}>'
        for k in range(len(email.renders)))
    labels = "".join(f'<label for="{name}-{k}">{_e(r.persona_label)}</label>'
                     for k, r in enumerate(email.renders))
    tabs = "".join(_render_tab(r) for r in email.renders)
    return f"""
<section class="panel-box" id="{_e(email.anchor)}">
  <div class="email-head"><span class="n">{number}</span><h2>{_e(email.title)}</h2>
    {_status(email)}</div>
  <div class="email-top">
    <div><dl class="meta">{meta}</dl>
      <h3>Проверка перед отправкой</h3>{_findings(email)}</div>
    <div><h3 style="margin-top:0">Во входящих на телефоне</h3>
      {inbox_list_html(variants, device="mobile")}</div>
  </div>
  <h3>Во входящих на компьютере</h3>
  {inbox_list_html(variants, device="desktop")}
  <h3>Письмо для тестовых получателей</h3>
  <div class="tabs">{inputs}<div class="tab-labels">{labels}</div>
    <div class="tab-body">{tabs}</div></div>
</section>"""


def _overview(emails: Sequence[BundleEmail]) -> str:
    rows = []
    for number, email in enumerate(emails, 1):
        shot = _first_shot(email)
        thumb = (f'<img class="thumb" src="{_e(shot.desktop_png)}" alt="Письмо {number}">'
                 if shot and shot.desktop_png else '<span class="ph">нет снимка</span>')
        rows.append(
            f'<tr><td class="num">{number}</td><td><a href="#{_e(email.anchor)}">{thumb}</a>'
            f'</td><td><a class="title" href="#{_e(email.anchor)}">{_e(email.title)}</a>'
            f'<div class="code">{_e(email.name)}</div></td>'
            f"<td>{_e(delay_label(email, number == 1))}</td>"
            f'<td><div class="subj">{_e(email.subject)}</div>'
            f'<div class="pre">{_e(email.preheader)}</div></td><td>{_status(email)}</td></tr>')
    return ('<table class="overview"><thead><tr><th>№</th><th>Вид</th><th>Письмо</th>'
            "<th>Отправка</th><th>Тема и прехедер</th><th>Проверка</th></tr></thead><tbody>"
            f'{"".join(rows)}</tbody></table>')


_IMAGE_REASONS = {
    "offline": "не загружалось: пакет собран без сети",
    "timeout": "сервер не ответил вовремя",
    "connection": "нет соединения с сервером",
    "http": "сервер ответил ошибкой",
    "not-image": "по адресу не изображение",
    "too-large": "файл больше 5 МБ",
    "not-url": "не веб-адрес и не файл на этом компьютере",
}
"""Why a picture stayed remote, by :attr:`~previews.images.BundleImage.code`."""


def _image_reason(image: BundleImage) -> str:
    reason = _IMAGE_REASONS.get(image.code or "", image.error or "")
    if image.code == "http" and image.error:
        reason += f" ({image.error})"
    return reason


def _images_note(result: BundleResult) -> str:
    copied = [i for i in result.images if i.file]
    remote = result.remote_images
    parts = ["<b>Пакет открывается без интернета.</b> Все страницы, стили и снимки лежат "
             "в этой папке."]
    if copied:
        parts.append(
            f"{_e(_count(len(copied), 'изображение', 'изображения', 'изображений'))} из писем "
            f"{plural(len(copied), 'скопировано', 'скопированы', 'скопированы')} в папку "
            "<code>images</code>"
            + ("" if remote else ": без сети видно то же, что увидит получатель")
            + ". В HTML писем пакета адреса картинок ведут на эти копии; "
            "в отправленном письме они остаются такими, как в шаблоне.")
    elif not remote:
        parts.append("В письмах нет изображений.")
    if remote:
        shots = " и на снимках, и в PDF" if result.screenshots else ""
        items = "".join(f"<li><code>{_e(i.url)}</code> — {_e(_image_reason(i))}</li>"
                        for i in remote)
        n = len(remote)
        parts.append(
            f"Не удалось скопировать {_e(_count(n, 'изображение', 'изображения', 'изображений'))}"
            f": {'оно загружается' if n == 1 else 'они загружаются'} с сервера, без сети "
            f"вместо {'него' if n == 1 else 'них'} видна подпись (alt){shots}."
            f'<ul class="remote">{items}</ul>')
    return f'<div class="note">{" ".join(parts)}</div>'


def _review_images_note(result: BundleResult) -> str:
    remote = result.remote_images
    if not remote:
        return "Изображения писем показаны такими, какими их увидит получатель."
    hosts = ", ".join(result.remote_image_hosts) or "сервер магазина"
    n = len(remote)
    return (f"{_count(n, 'изображение', 'изображения', 'изображений')} с {hosts} не "
            "удалось скопировать: на снимках вместо них пустые места с подписью.")


def _summary_cards(result: BundleResult) -> str:
    errors = sum(len(e.lint.errors) + sum(1 for r in e.renders if r.error)
                 for e in result.emails)
    warnings = sum(len(e.lint.warnings) for e in result.emails)
    check = ("ошибок нет" if not errors
             else _count(errors, "ошибка", "ошибки", "ошибок"))
    pdf = ('<a href="review.pdf">review.pdf</a> <small>· <a href="review.html">для печати'
           "</a></small>" if result.pdf else "<small>нет (без движка браузера)</small>")
    senders = sorted({e.from_name for e in result.emails})
    n = len(result.emails)
    return f"""<div class="cards">
  <div class="card"><div class="k">Писем</div><div class="v">{n}</div></div>
  <div class="card"><div class="k">Проверка</div><div class="v">{_e(check)}
    <small>· {_e(_count(warnings, "замечание", "замечания", "замечаний"))}</small></div></div>
  <div class="card"><div class="k">Отправитель</div><div class="v">{_e(", ".join(senders))}
    </div></div>
  <div class="card"><div class="k">Для согласования</div><div class="v">{pdf}</div></div>
</div>"""


def index_html(result: BundleResult, brand: BrandKit, today: date) -> str:
    """The bundle's ``index.html``: overview, inbox view, lint and every email."""
    emails = result.emails
    n_personas = max((len(e.renders) for e in emails), default=0)
    what = (f"Серия из {_count(len(emails), 'письма', 'писем', 'писем')}" if len(emails) > 1
            else "Одно письмо")
    who = _count(n_personas, "тестовый получатель", "тестовых получателя",
                 "тестовых получателей")
    subtitle = f"{what} · {who} · собрано {ru_date(today)}"
    sections = "".join(_email_section(e, i, i == 1) for i, e in enumerate(emails, 1))
    messages = _inbox_messages(emails)
    desktop, mobile = LIMITS["desktop"], LIMITS["mobile"]
    return f"""<!doctype html>
<html lang="ru"><head><meta charset="utf-8">
<meta name="generator" content="{GENERATOR}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_e(result.title)} — на согласование</title>
<style>:root{{--brand:{_e(brand.primary_color)}}}{_CSS}{INBOX_CSS}{_tab_css(n_personas)}</style>
</head><body>
<header class="top"><div class="wrap"><span class="shop">{_e(brand.shop_name)}</span>
<span class="kind">Материалы для согласования</span></div></header>
<main class="wrap">
<h1>{_e(result.title)}</h1>
<p class="sub">{_e(subtitle)}</p>
{_summary_cards(result)}
{_images_note(result)}
<section class="panel-box"><h2>Обзор</h2>{_overview(emails)}</section>
<section class="panel-box"><h2>Во входящих</h2>
{inbox_list_html(messages, device="desktop")}
<div class="phone-row">{inbox_list_html(messages, device="mobile")}
<div class="hint"><p>Так письма серии выглядят в списке входящих. Справа — время от
события, которое запускает серию.</p>
<p><b>Компьютер</b> ({_e(desktop.client)}): тема и прехедер делят одну строку, около
{desktop.subject} символов; длинная тема вытесняет прехедер.</p>
<p><b>Телефон</b> ({_e(mobile.client)}): тема — одна строка, около {mobile.subject}
символов; прехедер — две строки, около {mobile.preheader} символов.</p>
<p>Красным отмечено то, что получатель не увидит целиком. Показаны тексты для первого
тестового получателя; если тема зависит от получателя, все варианты есть в разделе
письма.</p></div></div>
</section>
{sections}
</main>
<footer class="wrap">Собрано в Konvert {_e(ru_date(today))}. Письма проверены для
{_e(_count(n_personas, "тестового получателя", "тестовых получателей", "тестовых получателей"))}
(без имени, с очень длинным именем, с большой корзиной — пограничные случаи).</footer>
</body></html>
"""


_PRINT_CSS = """
@page{size:A4}
*{box-sizing:border-box}
body{margin:0;color:#1c2330;font:10.5pt/1.45 "Segoe UI",Roboto,"Helvetica Neue",Arial,
  "Noto Sans",sans-serif}
h1{font-size:22pt;margin:0 0 4pt}
h2{font-size:15pt;margin:0 0 6pt}
h3{font-size:10.5pt;margin:12pt 0 6pt;text-transform:uppercase;letter-spacing:.05em;
  color:#3b4350}
.kind{color:#5b6472;text-transform:uppercase;letter-spacing:.08em;font-size:9pt}
.sub{color:#5b6472;margin:0 0 14pt}
table{width:100%;border-collapse:collapse;font-size:9.5pt}
th{text-align:left;color:#5b6472;font-weight:600;border-bottom:1px solid #cfd4dc;
  padding:4pt 6pt}
td{border-bottom:1px solid #e3e6ec;padding:6pt;vertical-align:top}
.badge{font-weight:700;white-space:nowrap}
.badge.ok{color:#17693d}.badge.warn{color:#8a5a00}.badge.err{color:#a1231b}
.note{border:1px solid #e0cf9a;background:#fff8e6;padding:8pt 10pt;margin:12pt 0;
  font-size:9.5pt}
.sign{margin-top:22pt;width:100%}
.sign td{border:0;border-bottom:1px solid #8a919c;height:26pt;padding:0 6pt}
.sign th{border:0;padding:10pt 6pt 2pt;font-weight:400}
.email{break-before:page}
dl{display:grid;grid-template-columns:90pt 1fr;gap:2pt 10pt;margin:0 0 6pt}
dt{color:#5b6472}dd{margin:0}
ul.findings{margin:0;padding-left:14pt}
ul.findings code{font-size:8.5pt;color:#3b4350}
.ok-line{color:#17693d;font-weight:600}
.persona{break-inside:avoid-page}
.pair{display:flex;gap:2.5%;align-items:flex-start}
.pair img{border:1px solid #cfd4dc}
.pair .d{width:60%}.pair .m{width:37.5%}
.cap{font-size:8.5pt;color:#5b6472;margin:0 0 3pt}
"""


def review_html(result: BundleResult, brand: BrandKit, today: date) -> str:
    """The printable set (source of ``review.pdf``): a cover with sign-off, then each email."""
    cover_rows = "".join(
        f"<tr><td>{i}</td><td><b>{_e(e.title)}</b><br>{_e(e.name)}</td>"
        f"<td>{_e(delay_label(e, i == 1))}</td><td><b>{_e(e.subject)}</b><br>"
        f"{_e(e.preheader)}</td><td>{_status(e)}</td></tr>"
        for i, e in enumerate(result.emails, 1))
    sections = []
    for i, email in enumerate(result.emails, 1):
        meta = "".join(
            f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in (
                ("Отправитель", email.from_name), ("Тема", email.subject),
                ("Прехедер", email.preheader or "—"), ("Отправка", delay_label(email, i == 1))))
        shots = []
        for render in email.renders:
            if not (render.desktop_png and render.mobile_png):
                shots.append(f"<h3>{_e(render.persona_label)}</h3><p>"
                             f"{_e(render.error or 'нет снимка')}</p>")
                continue
            shots.append(
                f'<div class="persona"><h3>{_e(render.persona_label)}</h3><div class="pair">'
                f'<div class="d"><p class="cap">Компьютер · {DESKTOP_WIDTH} px</p>'
                f'<img src="{_e(render.desktop_png)}" alt="" style="width:100%"></div>'
                f'<div class="m"><p class="cap">Телефон · {MOBILE_WIDTH} px</p>'
                f'<img src="{_e(render.mobile_png)}" alt="" style="width:100%"></div>'
                "</div></div>")
        sections.append(
            f'<section class="email"><p class="kind">Письмо {i} из {len(result.emails)}</p>'
            f"<h2>{_e(email.title)} {_status(email)}</h2><dl>{meta}</dl>"
            f"<h3>Проверка перед отправкой</h3>{_findings(email)}{''.join(shots)}</section>")
    sign = "".join(f"<tr><th>{_e(who)}</th><th>ФИО</th><th>Подпись</th><th>Дата</th></tr>"
                   "<tr><td></td><td></td><td></td><td></td></tr>"
                   for who in ("Маркетинг", "Бренд", "Юридический отдел"))
    return f"""<!doctype html>
<html lang="ru"><head><meta charset="utf-8"><title>{_e(result.title)} — на согласование</title>
<style>{_PRINT_CSS}</style></head><body>
<p class="kind">{_e(brand.shop_name)} · материалы для согласования</p>
<h1>{_e(result.title)}</h1>
<p class="sub">{_e(_count(len(result.emails), "письмо", "письма", "писем"))} · собрано
{_e(ru_date(today))}</p>
<table><thead><tr><th>№</th><th>Письмо</th><th>Отправка</th><th>Тема и прехедер</th>
<th>Проверка</th></tr></thead><tbody>{cover_rows}</tbody></table>
<div class="note">{_e(_review_images_note(result))} Каждое письмо показано для тестовых
получателей: без имени, с длинным именем, с большой корзиной.</div>
<table class="sign">{sign}</table>
{''.join(sections)}
</body></html>
"""
