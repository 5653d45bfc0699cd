"""The Segments page: the visual rule builder, live count, ready-made segments, funnel chart.

Plug it in as the ``segments`` page factory (see :mod:`ui.pages`)::

    PageSpec("segments", title, SegmentsPage)
"""

from ui.segments.builder import EditUndoCommand, RuleBuilder
from ui.segments.chart import LifecycleChart
from ui.segments.dialogs import ExplainDialog, OverlapDialog, VennDiagram
from ui.segments.page import SegmentsPage

__all__ = [
    "EditUndoCommand", "ExplainDialog", "LifecycleChart", "OverlapDialog", "RuleBuilder",
    "SegmentsPage", "VennDiagram",
]
