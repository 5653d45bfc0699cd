"""Building blocks of the data import; the public API is :mod:`workspace.importer`.

``columns`` (canonical names, aliases, mapping), ``values`` (cell parsers),
``reading`` (encodings, delimiters, CSV/XLSX rows), ``writers`` (batched upsert).
"""

__all__: list[str] = []
