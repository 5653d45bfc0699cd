"""Screenshots of built-in emails at 600 and 375 px, drawn by QtWebEngine offscreen.

Remote images cannot load here (no network), so each ``<img>`` gets a local
placeholder picture of a plausible size; the layout is what is being checked.

    python benchmarks/screenshot_templates.py [NAME ...] [--out DIR] [--preview]
        [--persona ID] [--widths 600,375,320] [--images-off] [--small]

``--images-off`` also shoots each width as a client with images blocked shows
it (alt texts in dashed boxes, as the live preview's "images off");
``--small`` saves 8-bit palette PNGs (for docs).
"""

from __future__ import annotations

import argparse
import base64
import os
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-gpu")

from PySide6.QtCore import QBuffer, QByteArray, QEventLoop, QSize, Qt, QTimer, QUrl
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtWebEngineCore import QWebEngineSettings
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QApplication

from composer import load_template, render, render_preview, sample_personas

DEFAULT = ("welcome_1", "abandoned_cart_2", "order_confirmation")
_PALETTE = ("#D9CFC1", "#C9D3CF", "#E3D5CA", "#CBD0DC", "#E6D8C3")


def _placeholder(kind: str, label: str, index: int) -> str:
    sizes = {"logo": (280, 72), "hero": (1200, 640)}
    width, height = sizes.get(kind, (480, 600))
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#FFFFFF" if kind == "logo" else _PALETTE[index % len(_PALETTE)]))
    painter = QPainter(image)
    painter.setPen(QColor("#1F2A44" if kind == "logo" else "#6B625A"))
    font = QFont("Serif" if kind == "logo" else "Sans")
    font.setPixelSize(44 if kind == "logo" else 34)
    font.setBold(kind == "logo")
    painter.setFont(font)
    painter.drawText(image.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                     "СЕЗОН" if kind == "logo" else label)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QBuffer.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return "data:image/png;base64," + base64.b64encode(bytes(data.data())).decode()


def with_placeholders(html: str) -> str:
    """Swap remote image URLs for local placeholder pictures."""
    counter = iter(range(1000))

    def swap(match: re.Match[str]) -> str:
        tag = match.group(0)
        src = re.search(r'src="([^"]+)"', tag)
        if not src or src.group(1).startswith("data:"):
            return tag
        alt = re.search(r'alt="([^"]*)"', tag)
        url = src.group(1)
        kind = "logo" if "logo" in url else "hero" if "/email/" in url else "product"
        data = _placeholder(kind, alt.group(1) if alt else "", next(counter))
        return tag.replace(src.group(0), f'src="{data}"')

    return re.sub(r"<img\b[^>]*>", swap, html)


def palette_image(image: QImage) -> QImage:
    """An 8-bit copy with the 256 most frequent colours, no dithering (emails are flat)."""
    rgb = image.convertToFormat(QImage.Format.Format_RGB32)
    counts: dict[int, int] = {}
    for y in range(rgb.height()):
        line = rgb.constScanLine(y).tobytes()
        for pixel in memoryview(line).cast("I"):
            counts[pixel] = counts.get(pixel, 0) + 1
    table = sorted(counts, key=counts.__getitem__, reverse=True)[:256]
    return rgb.convertToFormat(QImage.Format.Format_Indexed8, table,
                               Qt.ImageConversionFlag.ThresholdDither)


def shoot(app: QApplication, html: str, width: int, path: Path, small: bool = False) -> None:
    """Load ``html`` at ``width`` px, grow to the content height, save a PNG."""
    view = QWebEngineView()
    view.page().settings().setAttribute(QWebEngineSettings.WebAttribute.ShowScrollBars, False)
    view.resize(QSize(width, 800))
    view.show()
    loop = QEventLoop()
    view.loadFinished.connect(lambda _ok: loop.quit())
    view.setHtml(html, QUrl("file:///"))
    loop.exec()
    heights: list[int] = []
    view.page().runJavaScript("document.documentElement.scrollHeight",
                              0, lambda h: (heights.append(int(h or 800)), loop.quit()))
    loop.exec()
    view.resize(QSize(width, min(heights[0], 6000)))
    QTimer.singleShot(600, loop.quit)
    loop.exec()
    image = view.grab().toImage()
    if small:
        image = palette_image(image)
    image.save(str(path))
    view.close()
    view.deleteLater()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("names", nargs="*", default=list(DEFAULT))
    parser.add_argument("--out", default="/work/notes/screens")
    parser.add_argument("--persona", default="typical")
    parser.add_argument("--preview", action="store_true", help="skip CSS inlining")
    parser.add_argument("--widths", default="600,375", help="comma-separated widths in px")
    parser.add_argument("--images-off", action="store_true",
                        help="also shoot with images blocked (alt texts shown)")
    parser.add_argument("--small", action="store_true", help="8-bit palette PNGs")
    args = parser.parse_args()
    widths = [int(w) for w in args.widths.split(",") if w.strip()]
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    persona = next(p for p in sample_personas() if p.id == args.persona)
    for name in args.names:
        template = load_template(None, name)
        result = (render_preview if args.preview else render)(template, persona.context)
        variants = [("", with_placeholders(result.html))]
        if args.images_off:
            from ui.editor.preview_html import images_off

            variants.append(("_images_off", images_off(result.html)))
        for suffix, html in variants:
            for width in widths:
                path = out / f"composer_{name}_{args.persona}_{width}{suffix}.png"
                shoot(app, html, width, path, args.small)
                print(path)


if __name__ == "__main__":
    main()
