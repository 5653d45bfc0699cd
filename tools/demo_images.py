"""Draw the demo shop's pictures (flat illustrations) into workspace/demo/images/.

    pip install Pillow && python tools/demo_images.py [--out DIR]

Product pictures: one garment per catalogue category in each of the 15
catalogue colours, 320x320 PNG with a small palette; the logo (PNG, 2x for a
140 px header); four 600x300 JPEG pictures for the built-in emails. Drawn
from geometric shapes only, so the result is Konvert's own work (CC0, see
images/LICENSE.txt). Deterministic: running it again gives the same pictures.
"""

from __future__ import annotations

import argparse
import io
import math
import random
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from workspace.demo.images import COLOURS, IMAGES_DIR, PRODUCT_KINDS  # noqa: E402

SIZE = 320
"""Product pictures are SIZE x SIZE px."""
SS = 3
"""Supersampling: drawn this many times larger, then scaled down (smooth edges)."""
BACKGROUND = "#F1ECE5"
SHADOW = "#E2DACF"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")

RGB = tuple[int, int, int]
Point = tuple[float, float]

FABRIC: dict[str, str] = {
    "black": "#2E2E33",
    "white": "#FAFAF7",
    "beige": "#D9C3A3",
    "blue": "#2F4E8C",
    "grey": "#8F939A",
    "red": "#C23B2E",
    "green": "#3E7A4E",
    "pink": "#EBA5B8",
    "khaki": "#7E7A4C",
    "burgundy": "#7A2032",
    "lightblue": "#92C4E6",
    "milk": "#F2E9D6",
    "mustard": "#D3A12D",
    "brown": "#7B5232",
    "lavender": "#B8A8D8",
}
"""Colour slug -> fabric colour."""


def rgb(value: str) -> RGB:
    value = value.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def shade(colour: RGB, factor: float) -> RGB:
    """Darker (factor < 1: scaled towards black) or lighter (factor > 1: towards white)."""
    if factor < 1:
        return (round(colour[0] * factor), round(colour[1] * factor), round(colour[2] * factor))
    t = min(1.0, factor - 1)
    return (round(colour[0] + (255 - colour[0]) * t), round(colour[1] + (255 - colour[1]) * t),
            round(colour[2] + (255 - colour[2]) * t))


def luminance(colour: RGB) -> float:
    r, g, b = (c / 255 for c in colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


class Pen:
    """Draws in a 100 x 100 unit square mapped onto the canvas (y grows down)."""

    def __init__(self, image: Image.Image, box: tuple[float, float, float, float]) -> None:
        self.image = image
        self.draw = ImageDraw.Draw(image)
        self.x0, self.y0, self.x1, self.y1 = box
        self.k = (self.x1 - self.x0) / 100

    def p(self, x: float, y: float) -> tuple[float, float]:
        return self.x0 + x * self.k, self.y0 + y * self.k

    def poly(self, points: Sequence[Point], fill: RGB, outline: RGB | None = None,
             width: float = 0.6) -> None:
        pts = [self.p(x, y) for x, y in points]
        self.draw.polygon(pts, fill=fill)
        if outline is not None:
            self.draw.line([*pts, pts[0]], fill=outline, width=max(1, round(width * self.k)),
                           joint="curve")

    def mirror_poly(self, left: Sequence[Point], fill: RGB, outline: RGB | None = None,
                    width: float = 0.6) -> None:
        """A shape symmetric about x = 50 from its left half (top to bottom)."""
        right = [(100 - x, y) for x, y in reversed(left)]
        self.poly([*left, *right], fill, outline, width)

    def line(self, points: Sequence[Point], fill: RGB, width: float = 0.8) -> None:
        self.draw.line([self.p(x, y) for x, y in points], fill=fill,
                       width=max(1, round(width * self.k)), joint="curve")

    def dashed(self, a: Point, b: Point, fill: RGB, width: float = 0.5, dash: float = 2.0) -> None:
        length = math.dist(a, b)
        steps = max(1, int(length / dash))
        for i in range(0, steps, 2):
            t0, t1 = i / steps, min(1.0, (i + 1) / steps)
            self.line([(a[0] + (b[0] - a[0]) * t0, a[1] + (b[1] - a[1]) * t0),
                       (a[0] + (b[0] - a[0]) * t1, a[1] + (b[1] - a[1]) * t1)], fill, width)

    def circle(self, x: float, y: float, r: float, fill: RGB,
               outline: RGB | None = None) -> None:
        cx, cy = self.p(x, y)
        rr = r * self.k
        self.draw.ellipse((cx - rr, cy - rr, cx + rr, cy + rr), fill=fill, outline=outline,
                          width=max(1, round(0.4 * self.k)) if outline else 0)

    def ellipse(self, box: tuple[float, float, float, float], fill: RGB) -> None:
        x0, y0 = self.p(box[0], box[1])
        x1, y1 = self.p(box[2], box[3])
        self.draw.ellipse((x0, y0, x1, y1), fill=fill)

    def rect(self, box: tuple[float, float, float, float], fill: RGB, radius: float = 0,
             outline: RGB | None = None) -> None:
        x0, y0 = self.p(box[0], box[1])
        x1, y1 = self.p(box[2], box[3])
        self.draw.rounded_rectangle((x0, y0, x1, y1), radius=radius * self.k, fill=fill,
                                    outline=outline,
                                    width=max(1, round(0.5 * self.k)) if outline else 0)

    def arc(self, box: tuple[float, float, float, float], start: float, end: float,
            fill: RGB, width: float) -> None:
        x0, y0 = self.p(box[0], box[1])
        x1, y1 = self.p(box[2], box[3])
        self.draw.arc((x0, y0, x1, y1), start, end, fill=fill, width=round(width * self.k))


class Palette:
    """The tones a garment is drawn with, from its fabric colour."""

    def __init__(self, fabric: str) -> None:
        self.base = rgb(fabric)
        dark = luminance(self.base) < 0.2
        light = luminance(self.base) > 0.8
        self.shade = shade(self.base, 0.86) if not dark else shade(self.base, 1.18)
        self.deep = shade(self.base, 0.66) if not dark else shade(self.base, 1.45)
        self.line = shade(self.base, 0.55) if not dark else shade(self.base, 1.9)
        self.outline = shade(self.base, 0.78) if light else None
        self.stitch = rgb("#D9A441") if not light else rgb("#B9AE9C")
        self.metal = rgb("#C9B27C")
        self.light = (250, 249, 246) if not light else (226, 220, 210)


Drawer = Callable[[Pen, Palette], None]


def _dress(pen: Pen, c: Palette) -> None:
    pen.rect((40.5, 6, 42.5, 22), c.deep)
    pen.rect((57.5, 6, 59.5, 22), c.deep)
    hem = [(22 + i * 56 / 12, 90 + 2.2 * math.sin(i * math.pi / 2)) for i in range(13)]
    pen.poly([(41, 44), (59, 44), (79, 90), *reversed(hem[1:-1]), (21, 90)], c.base,
             c.outline)
    for x_top, x_bottom in ((46, 36), (50, 50), (54, 64)):
        pen.poly([(x_top - 0.6, 45), (x_top + 0.6, 45), (x_bottom + 2.2, 88),
                  (x_bottom - 2.2, 88)], c.shade)
    pen.mirror_poly([(39.5, 20), (44, 20), (50, 29), (50, 43), (39, 43)], c.base, c.outline)
    pen.poly([(50, 29), (56, 20), (60.5, 20), (61, 43), (50, 43)], c.shade)
    pen.rect((39.5, 41, 60.5, 46), c.deep, radius=1)
    pen.circle(50, 43.5, 2.6, c.light)


def _tshirt(pen: Pen, c: Palette) -> None:
    body = [(38, 14), (44, 18), (50, 20), (56, 18), (62, 14), (81, 22), (88, 40), (74, 46),
            (70, 36), (70, 88), (30, 88), (30, 36), (26, 46), (12, 40), (19, 22)]
    pen.poly(body, c.base, c.outline)
    pen.poly([(62, 14), (81, 22), (88, 40), (74, 46), (70, 36), (70, 88), (58, 88),
              (60, 40)], c.shade)
    pen.line([(38, 14), (44, 18), (50, 20), (56, 18), (62, 14)], c.deep, 2.2)
    pen.line([(13.5, 39.5), (25.5, 44.5)], c.deep, 1.2)
    pen.line([(86.5, 39.5), (74.5, 44.5)], c.deep, 1.2)
    pen.line([(30.5, 85.5), (69.5, 85.5)], c.deep, 0.7)
    pen.line([(30.2, 36), (31, 50)], c.shade, 0.6)


def _jeans(pen: Pen, c: Palette) -> None:
    legs = [(32, 16), (68, 16), (72, 90), (54, 90), (50, 38), (46, 90), (28, 90)]
    pen.poly(legs, c.base, c.outline)
    pen.poly([(50, 38), (54, 90), (61, 90), (56, 34)], c.shade)
    pen.poly([(32, 16), (36, 16), (33, 90), (28, 90)], c.shade)
    pen.rect((31.5, 11, 68.5, 17), c.deep, radius=0.8)
    for x in (36, 46, 56, 64):
        pen.rect((x, 10.4, x + 1.8, 18.5), c.shade)
    pen.circle(52, 14, 1.4, c.metal)
    pen.line([(50, 17), (50, 32), (52.5, 36)], c.stitch, 0.6)
    pen.line([(55, 17), (55, 31), (52.5, 36)], c.stitch, 0.5)
    pen.line([(33, 17), (38, 25), (43, 17)], c.stitch, 0.6)
    pen.line([(67, 17), (62, 25), (57, 17)], c.stitch, 0.6)
    pen.line([(28.4, 86), (45.6, 86)], c.stitch, 0.5)
    pen.line([(54.4, 86), (71.6, 86)], c.stitch, 0.5)


def _coat(pen: Pen, c: Palette) -> None:
    pen.poly([(36, 14), (24, 22), (17, 70), (27, 71), (31, 34)], c.shade, c.outline)
    pen.poly([(64, 14), (76, 22), (83, 70), (73, 71), (69, 34)], c.shade, c.outline)
    pen.poly([(36, 13), (64, 13), (70, 92), (30, 92)], c.base, c.outline)
    pen.poly([(50, 40), (64, 13), (70, 92), (52, 92)], c.shade)
    pen.poly([(43, 11), (50, 40), (38, 24)], c.deep)
    pen.poly([(57, 11), (50, 40), (62, 24)], c.deep)
    pen.poly([(43, 11), (57, 11), (50, 22)], c.line)
    pen.rect((29.6, 56, 70.4, 60.5), c.deep, radius=0.8)
    pen.rect((47, 55, 53, 61.5), c.metal, radius=0.8)
    pen.rect((48.5, 56.5, 51.5, 60), c.deep)
    for y in (44, 50, 68, 76):
        pen.circle(45.5, y, 1.3, c.line)
        pen.circle(54.5, y, 1.3, c.line)
    pen.line([(17.6, 66), (27.4, 67)], c.deep, 1)
    pen.line([(82.4, 66), (72.6, 67)], c.deep, 1)
    pen.line([(36, 70), (42, 70)], c.deep, 0.8)
    pen.line([(58, 70), (64, 70)], c.deep, 0.8)


def _shoes(pen: Pen, c: Palette) -> None:
    """A sneaker seen from the side, heel on the left."""
    sole = rgb("#FBFAF6") if luminance(c.base) < 0.8 else rgb("#C9BFB1")
    sole_line = shade(sole, 0.8)
    dy = 12

    def at(points: Sequence[Point]) -> list[Point]:
        return [(x, y + dy) for x, y in points]

    upper = at([(10, 70), (10, 44), (14, 37), (24, 41), (33, 43), (38, 33), (45, 32), (50, 42),
                (70, 50), (85, 55), (92, 62), (93, 70)])
    pen.poly(upper, c.base, c.outline)
    pen.poly(at([(38, 33), (45, 32), (50, 42), (70, 50), (85, 55), (92, 62), (93, 70),
                 (60, 70), (56, 55)]), c.shade)
    pen.poly(at([(10, 70), (10, 44), (14, 37), (21, 40), (22, 70)]), c.deep)
    pen.poly(at([(80, 54), (85, 55), (92, 62), (93, 70), (78, 70)]), c.deep)
    pen.poly(at([(8, 69), (94, 69), (95, 75), (92, 80), (10, 80), (7, 75)]), sole)
    pen.line(at([(8, 69), (94, 69)]), sole_line, 0.8)
    pen.line(at([(9, 75), (94, 75)]), sole_line, 0.6)
    for i in range(5):
        x = 44 + i * 5.2
        y = 40 + i * 2.1
        pen.line(at([(x - 1, y + 2), (x + 5, y - 1.5)]), c.light, 1.2)
    pen.circle(30, 58 + dy, 1.0, c.line)
    pen.circle(36, 57 + dy, 1.0, c.line)
    pen.dashed((24, 65 + dy), (78, 65 + dy), c.line, 0.4, 1.6)


def _bag(pen: Pen, c: Palette) -> None:
    pen.arc((36, 12, 70, 60), 180, 360, c.line, 3.2)
    pen.arc((30, 10, 64, 62), 180, 360, c.deep, 3.4)
    pen.poly([(22, 36), (78, 36), (83, 90), (17, 90)], c.base, c.outline)
    pen.poly([(50, 36), (78, 36), (83, 90), (50, 90)], c.shade)
    pen.rect((21.6, 36, 78.4, 42), c.deep)
    pen.dashed((23, 46), (77, 46), c.stitch, 0.5)
    pen.dashed((19, 86), (81, 86), c.stitch, 0.5)
    for x in (32, 48, 52, 68):
        pen.rect((x - 2, 38, x + 2, 47), c.line, radius=0.6)
    pen.rect((44, 58, 56, 66), c.metal, radius=1)
    pen.rect((46, 60, 54, 64), c.deep, radius=0.6)


def _skirt(pen: Pen, c: Palette) -> None:
    hem = [(18 + i * 64 / 16, 84 + (1.6 if i % 2 else 0)) for i in range(17)]
    pen.poly([(33, 24), (67, 24), (82, 84), *reversed(hem[1:-1]), (18, 84)], c.base,
             c.outline)
    for i in range(0, 16, 2):
        top = 33 + i * 34 / 16
        bottom = 18 + i * 64 / 16
        top2 = 33 + (i + 1) * 34 / 16
        bottom2 = 18 + (i + 1) * 64 / 16
        pen.poly([(top, 24), (top2, 24), (bottom2, 85.6), (bottom, 84)], c.shade)
    pen.rect((32.5, 16, 67.5, 24.5), c.deep, radius=1)
    pen.circle(63.5, 20.2, 1.3, c.metal)


def _shirt(pen: Pen, c: Palette) -> None:
    pen.poly([(36, 14), (23, 21), (14, 76), (24, 78), (31, 36)], c.shade, c.outline)
    pen.poly([(64, 14), (77, 21), (86, 76), (76, 78), (69, 36)], c.shade, c.outline)
    pen.rect((13.4, 72, 24.6, 78.5), c.deep, radius=0.6)
    pen.rect((75.4, 72, 86.6, 78.5), c.deep, radius=0.6)
    hem = [(30, 86), (36, 88), (44, 90), (50, 90.5), (56, 90), (64, 88), (70, 86)]
    pen.poly([(36, 13), (64, 13), (70, 20), *hem[::-1], (30, 20)], c.base, c.outline)
    pen.poly([(58, 13), (64, 13), (70, 20), (70, 86), (64, 88), (56, 90)], c.shade)
    pen.poly([(40, 10), (50, 20), (42, 26), (37, 14)], c.light if luminance(c.base) < 0.8
             else c.deep, c.outline)
    pen.poly([(60, 10), (50, 20), (58, 26), (63, 14)], c.light if luminance(c.base) < 0.8
             else c.deep, c.outline)
    pen.line([(50, 21), (50, 90)], c.deep, 0.6)
    for y in (30, 42, 54, 66, 78):
        pen.circle(51.8, y, 1.0, c.light if luminance(c.base) < 0.8 else c.line)
    pen.rect((56, 32, 65, 42), c.shade, radius=0.6, outline=c.deep)


def _sweater(pen: Pen, c: Palette) -> None:
    pen.poly([(36, 15), (22, 22), (15, 74), (26, 76), (31, 36)], c.shade, c.outline)
    pen.poly([(64, 15), (78, 22), (85, 74), (74, 76), (69, 36)], c.shade, c.outline)
    pen.poly([(36, 14), (44, 17), (56, 17), (64, 14), (70, 22), (70, 88), (30, 88),
              (30, 22)], c.base, c.outline)
    pen.rect((14.5, 70, 26.5, 78), c.deep, radius=1)
    pen.rect((73.5, 70, 85.5, 78), c.deep, radius=1)
    pen.rect((29.5, 82, 70.5, 90), c.deep, radius=1)
    for x in range(31, 70, 2):
        pen.line([(x + 0.5, 83), (x + 0.5, 89)], c.shade, 0.4)
    pen.line([(36, 14), (44, 19), (50, 20), (56, 19), (64, 14)], c.deep, 2.4)
    for x in (40, 50, 60):
        for y in range(28, 80, 6):
            pen.line([(x - 2.2, y), (x, y + 3), (x + 2.2, y)], c.shade, 0.8)


def _tracksuit(pen: Pen, c: Palette) -> None:
    stripe = c.light
    pen.poly([(36, 15), (23, 22), (16, 74), (26, 76), (31, 36)], c.shade, c.outline)
    pen.poly([(64, 15), (77, 22), (84, 74), (74, 76), (69, 36)], c.shade, c.outline)
    pen.poly([(33.5, 18.5), (28.5, 19.5), (21, 73), (23.2, 73.5)], stripe)
    pen.poly([(66.5, 18.5), (71.5, 19.5), (79, 73), (76.8, 73.5)], stripe)
    pen.poly([(36, 14), (64, 14), (70, 22), (70, 88), (30, 88), (30, 22)], c.base, c.outline)
    pen.poly([(51, 14), (64, 14), (70, 22), (70, 88), (51, 88)], c.shade)
    pen.rect((40, 8, 60, 16), c.deep, radius=1.5)
    pen.rect((15.5, 72, 26.5, 78), c.deep, radius=1)
    pen.rect((73.5, 72, 84.5, 78), c.deep, radius=1)
    pen.rect((29.5, 83, 70.5, 90), c.deep, radius=1)
    pen.line([(50, 8), (50, 90)], c.metal, 0.9)
    pen.rect((48.6, 16, 51.4, 21), c.metal, radius=0.5)
    pen.line([(35, 60), (40, 70)], c.deep, 0.8)
    pen.line([(65, 60), (60, 70)], c.deep, 0.8)


def _scarf(pen: Pen, c: Palette) -> None:
    """A knitted scarf hung as a loop, its fringed ends down."""
    pen.arc((28, 8, 72, 52), 200, 340, c.deep, 9)
    pen.poly([(30, 24), (44, 26), (46, 84), (32, 84)], c.base, c.outline)
    pen.poly([(54, 30), (68, 26), (68, 78), (54, 80)], c.shade, c.outline)
    pen.poly([(36, 20), (64, 20), (58, 36), (42, 36)], c.deep)
    for y in range(30, 82, 7):
        pen.line([(31, y), (45, y + 0.6)], c.shade, 1.2)
        pen.line([(55, y + 0.4), (67, y - 1)], c.deep, 1.2)
    for x in range(33, 46, 3):
        pen.line([(x, 84), (x - 0.5, 91)], c.deep, 0.9)
    for x in range(56, 68, 3):
        pen.line([(x, 79.5), (x + 0.5, 86)], c.line, 0.9)


DRAWERS: dict[str, Drawer] = {
    "dress": _dress, "tshirt": _tshirt, "jeans": _jeans, "coat": _coat, "shoes": _shoes,
    "bag": _bag, "skirt": _skirt, "shirt": _shirt, "sweater": _sweater,
    "tracksuit": _tracksuit, "scarf": _scarf,
}


def _png(image: Image.Image, colours: int = 24) -> bytes:
    out = io.BytesIO()
    image.quantize(colors=colours, method=Image.Quantize.MEDIANCUT,
                   dither=Image.Dither.NONE).save(out, "PNG", optimize=True)
    return out.getvalue()


def product_picture(kind: str, fabric: str) -> bytes:
    big = SIZE * SS
    image = Image.new("RGB", (big, big), rgb(BACKGROUND))
    pen = Pen(image, (big * 0.08, big * 0.06, big * 0.92, big * 0.90))
    pen.ellipse((16, 94, 84, 102), rgb(SHADOW))
    DRAWERS[kind](pen, Palette(fabric))
    return _png(image.resize((SIZE, SIZE), Image.Resampling.LANCZOS))


def _font(name: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT_DIR / name), size)


def logo() -> bytes:
    """«СЕЗОН» with a small sun-and-leaf mark, 280x72 transparent PNG (140 px at 2x)."""
    w, h = 280 * SS, 72 * SS
    image = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    navy, accent = rgb("#1F2A44"), rgb("#C8553D")
    cx, cy, r = 34 * SS, 36 * SS, 22 * SS
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=accent)
    leaf = [(cx - 12 * SS, cy + 12 * SS), (cx - 4 * SS, cy - 10 * SS),
            (cx + 13 * SS, cy - 14 * SS), (cx + 6 * SS, cy + 5 * SS)]
    draw.polygon(leaf, fill=(250, 246, 240))
    draw.line([(cx - 12 * SS, cy + 12 * SS), (cx + 9 * SS, cy - 9 * SS)], fill=accent,
              width=2 * SS)
    font = _font("DejaVuSerif-Bold.ttf", 38 * SS)
    draw.text((68 * SS, 36 * SS), "СЕЗОН", font=font, fill=navy, anchor="lm")
    small = _font("DejaVuSans.ttf", 9 * SS)
    draw.text((70 * SS, 60 * SS), "ОДЕЖДА НА КАЖДЫЙ ДЕНЬ", font=small, fill=accent,
              anchor="lm")
    out = io.BytesIO()
    image.resize((280, 72), Image.Resampling.LANCZOS).save(out, "PNG", optimize=True)
    return out.getvalue()


def _canvas(top: str, bottom: str) -> Image.Image:
    w, h = 600 * SS, 300 * SS
    image = Image.new("RGB", (w, h))
    a, b = rgb(top), rgb(bottom)
    draw = ImageDraw.Draw(image)
    for y in range(h):
        t = y / (h - 1)
        draw.line([(0, y), (w, y)], fill=tuple(round(a[i] + (b[i] - a[i]) * t)
                                               for i in range(3)))
    return image


def _garment(image: Image.Image, kind: str, fabric: str, x: float, y: float,
             size: float) -> None:
    pen = Pen(image, (x * SS, y * SS, (x + size) * SS, (y + size) * SS))
    DRAWERS[kind](pen, Palette(fabric))


def _jpeg(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.resize((600, 300), Image.Resampling.LANCZOS).save(
        out, "JPEG", quality=84, optimize=True, progressive=True)
    return out.getvalue()


def hero_welcome() -> bytes:
    """A clothes rail with the new collection on hangers."""
    image = _canvas("#F4E9DD", "#EAD8C6")
    draw = ImageDraw.Draw(image)
    k = SS
    draw.rectangle((0, 250 * k, 600 * k, 300 * k), fill=rgb("#D8C2AA"))
    draw.rectangle((60 * k, 44 * k, 540 * k, 50 * k), fill=rgb("#6B5444"))
    for x in (70, 530):
        draw.rectangle(((x - 3) * k, 44 * k, (x + 3) * k, 262 * k), fill=rgb("#6B5444"))
        draw.rectangle(((x - 22) * k, 258 * k, (x + 22) * k, 264 * k), fill=rgb("#6B5444"))
    items = (("coat", "beige"), ("dress", "red"), ("shirt", "lightblue"), ("sweater", "mustard"),
             ("dress", "green"), ("coat", "blue"))
    for i, (kind, colour) in enumerate(items):
        x = 84 + i * 74
        draw.line([((x + 36) * k, 50 * k), ((x + 36) * k, 62 * k)], fill=rgb("#8A8A8A"),
                  width=2 * k)
        draw.line([((x + 12) * k, 75 * k), ((x + 36) * k, 62 * k), ((x + 60) * k, 75 * k)],
                  fill=rgb("#8A8A8A"), width=2 * k)
        _garment(image, kind, FABRIC[colour], x - 24, 60, 120)
    leaf = rgb("#5E8C5A")
    draw.rectangle((555 * k, 200 * k, 590 * k, 252 * k), fill=rgb("#C8553D"))
    for angle in range(-60, 61, 30):
        a = math.radians(angle - 90)
        draw.line([(572 * k, 200 * k), ((572 + 30 * math.cos(a)) * k,
                                        (200 + 40 * math.sin(a)) * k)], fill=leaf,
                  width=5 * k)
    return _jpeg(image)


def _star(draw: ImageDraw.ImageDraw, cx: float, cy: float, r: float, fill: RGB) -> None:
    points = []
    for i in range(10):
        radius = r if i % 2 == 0 else r * 0.45
        a = math.radians(-90 + i * 36)
        points.append((cx + radius * math.cos(a), cy + radius * math.sin(a)))
    draw.polygon(points, fill=fill)


def hero_reviews() -> bytes:
    """Three photo cards of garments, each with five stars."""
    image = _canvas("#EEF1F5", "#DFE5EC")
    k = SS
    cards = ((("dress", "pink"), -6, 70), (("coat", "brown"), 2, 230), (("tshirt", "blue"), -3,
                                                                          390))
    gold = rgb("#E0A526")
    for (kind, colour), angle, x in cards:
        card = Image.new("RGBA", (150 * k, 200 * k), (0, 0, 0, 0))
        cd = ImageDraw.Draw(card)
        cd.rounded_rectangle((0, 0, 150 * k - 1, 200 * k - 1), radius=6 * k,
                             fill=(255, 255, 255, 255))
        cd.rectangle((10 * k, 10 * k, 140 * k, 140 * k), fill=rgb(BACKGROUND))
        _garment(card, kind, FABRIC[colour], 15, 12, 120)
        for s in range(5):
            _star(cd, (35 + s * 20) * k, 168 * k, 8 * k, gold)
        shadow = Image.new("RGBA", card.size, (0, 0, 0, 0))
        ImageDraw.Draw(shadow).rounded_rectangle((0, 0, 150 * k - 1, 200 * k - 1),
                                                 radius=6 * k, fill=(40, 50, 70, 60))
        shadow = shadow.rotate(angle, expand=True, resample=Image.Resampling.BICUBIC)
        rotated = card.rotate(angle, expand=True, resample=Image.Resampling.BICUBIC)
        px, py = x * k, (150 * k - rotated.height // 2)
        image.paste(shadow, (px + 4 * k, py + 6 * k), shadow)
        image.paste(rotated, (px, py), rotated)
    draw = ImageDraw.Draw(image)
    for i, (x, y) in enumerate(((560, 60), (40, 250), (555, 240), (250, 30))):
        _star(draw, x * k, y * k, (10 if i % 2 else 7) * k, gold)
    return _jpeg(image)


def hero_new_arrivals() -> bytes:
    """A flat lay of new garments with a «НОВИНКИ» tag."""
    image = _canvas("#E9EFE6", "#D9E4D5")
    k = SS
    layout = (("jeans", "blue", 20, 40, 150), ("shirt", "white", 150, 20, 150),
              ("bag", "brown", 420, 130, 130), ("shoes", "milk", 250, 150, 130),
              ("skirt", "lavender", 440, 10, 130), ("sweater", "khaki", 290, 40, 140))
    for kind, colour, x, y, size in layout:
        _garment(image, kind, FABRIC[colour], x, y, size)
    draw = ImageDraw.Draw(image)
    tag = (30 * k, 212 * k, 238 * k, 272 * k)
    draw.rounded_rectangle(tag, radius=8 * k, fill=rgb("#1F2A44"))
    draw.text((134 * k, 242 * k), "НОВИНКИ", font=_font("DejaVuSans-Bold.ttf", 30 * k),
              fill=rgb("#FFFFFF"), anchor="mm")
    return _jpeg(image)


def hero_birthday() -> bytes:
    """Gift boxes, balloons and confetti."""
    image = _canvas("#FBEDE6", "#F6DCD2")
    draw = ImageDraw.Draw(image)
    k = SS
    rng = random.Random(7)
    confetti = [rgb(v) for v in ("#C8553D", "#1F2A44", "#E0A526", "#5E8C5A", "#B8A8D8")]
    for _ in range(90):
        x, y = rng.uniform(0, 600) * k, rng.uniform(0, 300) * k
        w = rng.uniform(3, 7) * k
        draw.rectangle((x, y, x + w, y + w * 0.5), fill=rng.choice(confetti))
    for x, y, r, colour in ((120, 80, 42, "#C8553D"), (190, 60, 36, "#E0A526"),
                            (470, 70, 40, "#1F2A44"), (530, 100, 32, "#B8A8D8")):
        draw.line([(x * k, (y + r * 1.15) * k), ((x + 6) * k, 250 * k)], fill=rgb("#8A7A70"),
                  width=2 * k)
        draw.ellipse(((x - r) * k, (y - r * 1.15) * k, (x + r) * k, (y + r * 1.15) * k),
                     fill=rgb(colour))
        draw.ellipse(((x - r * 0.55) * k, (y - r * 0.8) * k, (x - r * 0.25) * k,
                      (y - r * 0.35) * k), fill=shade(rgb(colour), 1.35))
    boxes = ((230, 150, 150, 110, "#1F2A44", "#E0A526"), (370, 190, 100, 70, "#C8553D",
                                                           "#FBEDE6"),
             (150, 205, 80, 55, "#5E8C5A", "#FBEDE6"))
    for x, y, w, h, body, ribbon in boxes:
        draw.rectangle((x * k, y * k, (x + w) * k, (y + h) * k), fill=rgb(body))
        draw.rectangle(((x - 6) * k, (y - 4) * k, (x + w + 6) * k, (y + 16) * k),
                       fill=shade(rgb(body), 0.8))
        mid = x + w / 2
        draw.rectangle(((mid - 6) * k, (y - 4) * k, (mid + 6) * k, (y + h) * k),
                       fill=rgb(ribbon))
        draw.ellipse(((mid - 26) * k, (y - 22) * k, (mid - 2) * k, (y - 2) * k),
                     outline=rgb(ribbon), width=5 * k)
        draw.ellipse(((mid + 2) * k, (y - 22) * k, (mid + 26) * k, (y - 2) * k),
                     outline=rgb(ribbon), width=5 * k)
    draw.rectangle((0, 262 * k, 600 * k, 300 * k), fill=rgb("#EBC9BC"))
    return _jpeg(image)


def draw_all(out: Path) -> dict[str, int]:
    """Write every picture under ``out``; their sizes in bytes by path."""
    files: dict[str, bytes] = {"logo.png": logo()}
    for name, make in (("welcome", hero_welcome), ("reviews", hero_reviews),
                       ("new-arrivals", hero_new_arrivals), ("birthday", hero_birthday)):
        files[f"email/{name}.jpg"] = make()
    for kind in sorted(set(PRODUCT_KINDS.values()) | {"shoes", "scarf"}):
        for slug in COLOURS.values():
            files[f"products/{kind}-{slug}.png"] = product_picture(kind, FABRIC[slug])
    for rel, data in files.items():
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return {rel: len(data) for rel, data in files.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=IMAGES_DIR)
    args = parser.parse_args()
    sizes = draw_all(args.out)
    total = sum(sizes.values())
    products = [v for k, v in sizes.items() if k.startswith("products/")]
    print(f"{len(sizes)} pictures, {total / 1024:.0f} KB in all; "
          f"products {len(products)} x {sum(products) / len(products) / 1024:.1f} KB on average, "
          f"logo {sizes['logo.png'] / 1024:.1f} KB, heroes "
          + ", ".join(f"{sizes[k] / 1024:.0f}" for k in sizes if k.startswith("email/"))
          + " KB")


if __name__ == "__main__":
    main()
