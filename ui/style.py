"""The application's look: Fusion with a light palette and a few style rules.

Widgets mark their role with an object name (``sidebar``, ``pageTitle``,
``hint``...) and the style sheet below gives each role its look, so pages
plugged in by other modules look the same without styling themselves.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory, QWidget

ACCENT = "#2f6fde"

STYLE_SHEET = f"""
QWidget#sidebar {{
    background: #f1f3f6;
    border-right: 1px solid #dde1e7;
}}
QLabel#appName {{
    font-size: 17px;
    font-weight: 600;
    color: #1d2433;
    padding: 18px 18px 12px 18px;
}}
QListWidget#navigation {{
    background: transparent;
    border: none;
    outline: none;
    padding: 0 8px;
}}
QListWidget#navigation::item {{
    padding: 9px 12px;
    margin: 1px 0;
    border-radius: 6px;
    color: #2b3445;
}}
QListWidget#navigation::item:hover {{
    background: #e4e8ef;
}}
QListWidget#navigation::item:selected {{
    background: #dbe6fb;
    color: #173f8a;
    font-weight: 600;
}}
QLabel#pageTitle {{
    font-size: 21px;
    font-weight: 600;
    color: #1d2433;
}}
QLabel#pageSubtitle, QLabel#hint {{
    color: #5f6b7c;
}}
QLabel#emptyState {{
    color: #5f6b7c;
    font-size: 14px;
    padding: 24px;
}}
QLabel#campaignTitle {{
    font-size: 16px;
    font-weight: 600;
    color: #1d2433;
}}
QLabel#campaignState {{
    color: #173f8a;
    background: #eaf1fd;
    border-radius: 8px;
    padding: 2px 8px;
}}
QLabel#verdict {{
    font-size: 14px;
    font-weight: 600;
    color: #1d2433;
}}
QLabel#warning {{
    color: #8a5a00;
}}
QLabel#error, QLabel#errorText {{
    color: #b3261e;
}}
QFrame#infoBanner {{
    background: #f4f7fd;
    border: 1px solid #d6e0f5;
    border-radius: 8px;
}}
QTableView {{
    border: 1px solid #dde1e7;
    border-radius: 6px;
    gridline-color: #eef0f3;
    selection-background-color: #dbe6fb;
    selection-color: #10284f;
    alternate-background-color: #f8f9fb;
}}
QTableView::item {{
    padding-left: 4px;
    padding-right: 8px;
}}
QHeaderView::section {{
    background: #f6f7f9;
    border: none;
    border-bottom: 1px solid #dde1e7;
    padding: 6px 8px;
    font-weight: 600;
    color: #3a4456;
}}
QLineEdit {{
    padding: 5px 8px;
    border: 1px solid #c9cfd8;
    border-radius: 6px;
    background: white;
}}
QLineEdit:focus {{
    border: 1px solid {ACCENT};
}}
QComboBox {{
    min-height: 24px;
}}
QPushButton {{
    padding: 6px 14px;
    border: 1px solid #c9cfd8;
    border-radius: 6px;
    background: white;
}}
QPushButton:hover {{
    background: #f1f4f9;
}}
QPushButton#primary {{
    background: {ACCENT};
    border-color: {ACCENT};
    color: white;
    font-weight: 600;
}}
QPushButton#primary:hover {{
    background: #2860c4;
}}
QProgressBar {{
    border: 1px solid #c9cfd8;
    border-radius: 6px;
    background: #f1f3f6;
    text-align: center;
    min-height: 20px;
}}
QProgressBar::chunk {{
    background: {ACCENT};
    border-radius: 5px;
}}
QStatusBar {{
    background: #f6f7f9;
    border-top: 1px solid #dde1e7;
    color: #3a4456;
}}
QStatusBar QLabel {{
    padding: 0 10px;
}}
"""


def apply_style(app: QApplication) -> None:
    """Fusion, a light palette, a readable font and the style sheet."""
    app.setStyle(QStyleFactory.create("Fusion"))
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#1d2433"))
    palette.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#f8f9fb"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#1d2433"))
    palette.setColor(QPalette.ColorRole.Button, QColor("#f6f7f9"))
    palette.setColor(QPalette.ColorRole.ButtonText, QColor("#1d2433"))
    palette.setColor(QPalette.ColorRole.Highlight, QColor(ACCENT))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.ToolTipBase, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.ToolTipText, QColor("#1d2433"))
    palette.setColor(QPalette.ColorRole.PlaceholderText, QColor("#8a94a6"))
    app.setPalette(palette)
    font = QFont(app.font())
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
    app.setFont(font)
    app.setStyleSheet(STYLE_SHEET)


W = TypeVar("W", bound=QWidget)


def named(widget: W, role: str) -> W:
    """Give ``widget`` the object name ``role`` (its look in the style sheet) and return it."""
    widget.setObjectName(role)
    return widget
