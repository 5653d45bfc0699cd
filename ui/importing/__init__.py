"""The import wizard, a module per page: file, format, mapping, run, result; ``dialog`` joins them.

It drives :mod:`workspace.importer` (the same core as ``konvert import``):
:func:`~workspace.importer.sniff` for the preview, on the read pool, and
:func:`~workspace.importer.import_file` on the write pool with progress and
cancel. Nothing here touches the database itself.
"""

from ui.importing.dialog import ImportDialog

__all__ = ["ImportDialog"]
