"""The template editor of the Qt app: blocks, code, live preview, inbox view, series timeline.

Plug-in point: :func:`ui.editor.page.templates_page` (the Templates page factory).
The document model and its edits are Qt-free (:mod:`composer.edits`); this
package wraps them in an undo stack, autosaves, and draws the preview with
Qt WebEngine.
"""

from ui.editor.editor import TemplateEditor
from ui.editor.page import TemplatesPage, templates_page

__all__ = ["TemplateEditor", "TemplatesPage", "templates_page"]
