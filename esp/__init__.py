"""Export to ESPs and files: merge-tag translation, file export, one module per ESP.

Qt-free; ``composer`` never imports this package.
"""
