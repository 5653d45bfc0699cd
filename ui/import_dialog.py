"""Where the import wizard used to live: it is the :mod:`ui.importing` package now."""

from ui.importing.common import ImportPlan
from ui.importing.dialog import ImportDialog
from ui.importing.file_page import FilePage
from ui.importing.format_page import FormatPage
from ui.importing.mapping_page import MappingPage
from ui.importing.result_page import ResultPage
from ui.importing.run_page import RunPage

__all__ = [
    "FilePage",
    "FormatPage",
    "ImportDialog",
    "ImportPlan",
    "MappingPage",
    "ResultPage",
    "RunPage",
]
