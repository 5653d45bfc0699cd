"""What the import wizard's pages share: the plan so far, titles of kinds, columns, encodings."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QLabel,
    QWizardPage,
)

from ui.style import named
from workspace.importer import (
    FileSniff,
    ImportResult,
)

log = logging.getLogger(__name__)

SKIP = "-"
CUSTOM_PREFIX = "custom."
SETTINGS_DIR_KEY = "import/last_folder"

ENCODINGS = ("utf-8", "utf-8-sig", "cp1251", "utf-16", "utf-16-le", "koi8-r")
DELIMITERS = (";", ",", "\t", "|")


def kind_titles() -> dict[str, str]:
    """Localised names of what an import file holds."""
    return {
        "contacts": QCoreApplication.translate("ImportDialog", "Contacts"),
        "orders": QCoreApplication.translate("ImportDialog", "Orders"),
        "order_lines": QCoreApplication.translate("ImportDialog", "Order lines (items)"),
        "events": QCoreApplication.translate("ImportDialog", "Events (views, carts, opens)"),
        "products": QCoreApplication.translate("ImportDialog", "Products (catalogue)"),
    }


def column_titles() -> dict[str, str]:
    """Localised names of the canonical import columns."""
    t = {
        "email": QCoreApplication.translate("ImportDialog", "Email"),
        "first_name": QCoreApplication.translate("ImportDialog", "First name"),
        "last_name": QCoreApplication.translate("ImportDialog", "Last name"),
        "gender": QCoreApplication.translate("ImportDialog", "Gender"),
        "birth_date": QCoreApplication.translate("ImportDialog", "Birth date"),
        "city": QCoreApplication.translate("ImportDialog", "City"),
        "region": QCoreApplication.translate("ImportDialog", "Region"),
        "phone": QCoreApplication.translate("ImportDialog", "Phone"),
        "registered_at": QCoreApplication.translate("ImportDialog", "Registered"),
        "channel": QCoreApplication.translate("ImportDialog", "Acquisition channel"),
        "payment_method": QCoreApplication.translate("ImportDialog", "Payment method"),
        "device": QCoreApplication.translate("ImportDialog", "Device"),
        "consent_email": QCoreApplication.translate("ImportDialog", "Email consent"),
        "status": QCoreApplication.translate("ImportDialog", "Status"),
        "order_id": QCoreApplication.translate("ImportDialog", "Order number"),
        "created_at": QCoreApplication.translate("ImportDialog", "Order date"),
        "total": QCoreApplication.translate("ImportDialog", "Order total"),
        "delivered_at": QCoreApplication.translate("ImportDialog", "Delivery date"),
        "sku": QCoreApplication.translate("ImportDialog", "SKU"),
        "category": QCoreApplication.translate("ImportDialog", "Category"),
        "price": QCoreApplication.translate("ImportDialog", "Price"),
        "quantity": QCoreApplication.translate("ImportDialog", "Quantity"),
        "color": QCoreApplication.translate("ImportDialog", "Colour"),
        "size": QCoreApplication.translate("ImportDialog", "Size"),
        "style": QCoreApplication.translate("ImportDialog", "Style"),
        "type": QCoreApplication.translate("ImportDialog", "Event type"),
        "at": QCoreApplication.translate("ImportDialog", "Date and time"),
        "query": QCoreApplication.translate("ImportDialog", "Search query"),
        "campaign": QCoreApplication.translate("ImportDialog", "Campaign"),
        "name": QCoreApplication.translate("ImportDialog", "Product name"),
        "old_price": QCoreApplication.translate("ImportDialog", "Old price"),
        "image_url": QCoreApplication.translate("ImportDialog", "Image URL"),
        "url": QCoreApplication.translate("ImportDialog", "Product URL"),
        "stock": QCoreApplication.translate("ImportDialog", "Stock"),
    }
    return t


def encoding_titles() -> dict[str, str]:
    """Localised names of the encodings offered."""
    return {
        "utf-8": "UTF-8",
        "utf-8-sig": QCoreApplication.translate("ImportDialog", "UTF-8 with BOM"),
        "cp1251": "Windows-1251",
        "utf-16": QCoreApplication.translate("ImportDialog", "UTF-16 (Excel “Unicode text”)"),
        "utf-16-le": "UTF-16 LE",
        "koi8-r": "KOI8-R",
        "xlsx": QCoreApplication.translate("ImportDialog", "Excel workbook"),
    }


def delimiter_titles() -> dict[str, str]:
    """Localised names of the delimiters offered."""
    return {
        ";": QCoreApplication.translate("ImportDialog", "Semicolon ( ; )"),
        ",": QCoreApplication.translate("ImportDialog", "Comma ( , )"),
        "\t": QCoreApplication.translate("ImportDialog", "Tab"),
        "|": QCoreApplication.translate("ImportDialog", "Vertical bar ( | )"),
    }


@dataclass
class ImportPlan:
    """What the wizard pages have decided so far (GUI thread only)."""

    path: str = ""
    kind: str = "contacts"
    encoding: str | None = None
    delimiter: str | None = None
    sniffed: FileSniff | None = None
    mapping: dict[str, str | None] | None = None
    result: ImportResult | None = None


def set_page_texts(page: QWizardPage, title: str, subtitle: str) -> None:
    """Set a page's title (larger than the default) and subtitle."""
    # Rich text so the title can be larger than QWizard's default bold label.
    page.setTitle(f"<span style='font-size: 17px; font-weight: 600;'>{title}</span>")
    page.setSubTitle(subtitle)


def heading(text: str = "") -> QLabel:
    """A wrapping hint label."""
    label = named(QLabel(text), "hint")
    label.setWordWrap(True)
    return label
