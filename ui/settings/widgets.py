"""The settings dialog's own widgets: a colour field and a sketch of an email in the brand."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QColorDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from composer.brand import BrandKit
from composer.brand_problems import font_families, is_hex_color

__all__ = ["BrandPreview", "ColorField"]


def _qfont(stack: str, pixel_size: int, bold: bool = False) -> QFont:
    families = font_families(stack) or ["sans-serif"]
    font = QFont()
    font.setFamilies(families)
    generic = families[-1].lower()
    font.setStyleHint(QFont.StyleHint.Serif if generic == "serif"
                      else QFont.StyleHint.Monospace if generic == "monospace"
                      else QFont.StyleHint.SansSerif)
    font.setPixelSize(pixel_size)
    font.setBold(bold)
    return font


class ColorField(QWidget):
    """A ``#RRGGBB`` box with a swatch button that opens the colour picker.

    Signals:
        text_changed(str): the text in the box changed.
    """

    text_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit()
        self.edit.setMaxLength(7)
        self.edit.setPlaceholderText("#RRGGBB")
        self.edit.setFixedWidth(110)
        self.swatch = QPushButton()
        self.swatch.setFixedSize(44, 28)
        self.swatch.setCursor(Qt.CursorShape.PointingHandCursor)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.swatch)
        layout.addStretch(1)
        self.setFocusProxy(self.edit)
        self.edit.textChanged.connect(self._on_edit_text_changed)
        self.swatch.clicked.connect(self.pick)
        self._paint("")

    def text(self) -> str:
        """The colour as typed (stripped)."""
        return self.edit.text().strip()

    def set_text(self, text: str) -> None:
        """Show ``text``."""
        self.edit.setText(text)

    def pick(self) -> None:
        """Open the colour picker on the current colour; a chosen colour replaces the text."""
        current = QColor(self.text()) if is_hex_color(self.text()) else QColor("#FFFFFF")
        chosen = QColorDialog.getColor(current, self, self.swatch.toolTip())
        if chosen.isValid():
            self.edit.setText(chosen.name(QColor.NameFormat.HexRgb).upper())

    def _paint(self, text: str) -> None:
        if is_hex_color(text):
            self.swatch.setStyleSheet(
                f"QPushButton {{ background: {text.strip()}; border: 1px solid #8a94a6; "
                "border-radius: 6px; } QPushButton:focus { border: 2px solid #2f6fde; }")
            self.swatch.setText("")
        else:
            self.swatch.setStyleSheet("QPushButton { border: 1px dashed #b3261e; "
                                      "border-radius: 6px; color: #b3261e; }")
            self.swatch.setText("?")

    def _on_edit_text_changed(self, text: str) -> None:
        self._paint(text)
        self.text_changed.emit(text)


class BrandPreview(QFrame):
    """A small mock email in the brand colours and fonts (no browser needed)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("brandPreview")
        self.setMinimumWidth(300)
        self.card = QFrame()
        self.card.setObjectName("brandCard")
        self.shop = QLabel()
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.body = QLabel()
        self.body.setWordWrap(True)
        self.divider = QFrame()
        self.divider.setFixedHeight(2)
        self.button = QLabel()
        self.button.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.link = QLabel()
        self.footer = QLabel()
        self.footer.setWordWrap(True)
        card_layout = QVBoxLayout(self.card)
        card_layout.setContentsMargins(20, 16, 20, 18)
        card_layout.setSpacing(10)
        card_layout.addWidget(self.shop)
        card_layout.addWidget(self.divider)
        card_layout.addWidget(self.heading)
        card_layout.addWidget(self.body)
        row = QHBoxLayout()
        row.addWidget(self.button)
        row.addStretch(1)
        card_layout.addLayout(row)
        card_layout.addWidget(self.link)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 12)
        layout.setSpacing(8)
        layout.addWidget(self.card)
        layout.addWidget(self.footer)
        layout.addStretch(1)
        self.show_kit(BrandKit())

    def show_kit(self, kit: BrandKit) -> None:
        """Draw ``kit``; a colour that is not ``#RRGGBB`` (yet) is drawn as the default."""
        default = BrandKit()

        def color(name: str) -> str:
            value = str(getattr(kit, name)).strip()
            return value if is_hex_color(value) else str(getattr(default, name))

        def font(name: str) -> str:
            value = str(getattr(kit, name))
            return value if font_families(value) else str(getattr(default, name))

        self.setStyleSheet(
            f"QFrame#brandPreview {{ background: {color('background_color')}; "
            "border: 1px solid #dde1e7; border-radius: 8px; }"
            f"QFrame#brandCard {{ background: {color('surface_color')}; border: none; "
            "border-radius: 4px; }")
        self.shop.setText(kit.shop_name.strip() or default.shop_name)
        self.shop.setFont(_qfont(font("heading_font"), 20, bold=True))
        self.shop.setStyleSheet(f"color: {color('primary_color')};")
        self.divider.setStyleSheet(f"background: {color('accent_color')}; border: none;")
        self.heading.setText(self.tr("New autumn collection"))
        self.heading.setFont(_qfont(font("heading_font"), 22, bold=True))
        self.heading.setStyleSheet(f"color: {color('primary_color')};")
        self.body.setText(self.tr(
            "Hello, Anna! Warm coats and knitwear have arrived. Pick yours before "
            "the sizes run out."))
        self.body.setFont(_qfont(font("body_font"), 14))
        self.body.setStyleSheet(f"color: {color('text_color')};")
        self.button.setText(self.tr("Go to the shop"))
        self.button.setFont(_qfont(font("body_font"), 15, bold=True))
        self.button.setStyleSheet(
            f"background: {color('accent_color')}; color: #FFFFFF; border-radius: 4px; "
            "padding: 10px 22px;")
        self.link.setText(self.tr("Product link and price: 4 990 ₽"))
        self.link.setFont(_qfont(font("body_font"), 13))
        self.link.setStyleSheet(f"color: {color('primary_color')}; text-decoration: underline;")
        self.footer.setText(kit.footer_text.strip() or default.footer_text)
        self.footer.setFont(_qfont(font("body_font"), 11))
        self.footer.setStyleSheet(f"color: {color('muted_color')};")
