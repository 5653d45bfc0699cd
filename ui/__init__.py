"""Konvert's Qt front end: the only package (with main.py) that imports PySide6."""

from ui.tasks import Debouncer, Pools, RequestCounter, Task, show_error

__all__ = ["Debouncer", "Pools", "RequestCounter", "Task", "show_error"]
