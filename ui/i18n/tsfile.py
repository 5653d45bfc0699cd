"""Write a Qt Linguist ``.ts`` file from a table of Russian texts (for the ``ru_*`` scripts)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Mapping
from pathlib import Path


def write_ts(path: Path, texts: Mapping[tuple[str, str], str], language: str = "ru_RU") -> None:
    """Write ``texts`` ((context, source) → translation) as a ``.ts`` file at ``path``."""
    root = ET.Element("TS", version="2.1", language=language)
    contexts: dict[str, ET.Element] = {}
    for (context, source), translation in texts.items():
        if context not in contexts:
            element = ET.SubElement(root, "context")
            ET.SubElement(element, "name").text = context
            contexts[context] = element
        message = ET.SubElement(contexts[context], "message")
        ET.SubElement(message, "source").text = source
        ET.SubElement(message, "translation").text = translation
    ET.indent(root)
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
                    + ET.tostring(root, encoding="unicode") + "\n", encoding="utf-8")
