"""The correction desk without Qt: the current document and article, navigation, and the
editing commands a window or a test drives, each one Project operation."""

from editor_app.desk.session import DeskSession, DeskUpdate

__all__ = ["DeskSession", "DeskUpdate"]
