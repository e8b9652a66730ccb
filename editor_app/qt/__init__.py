"""The Qt shell: views and keys over the Qt-free core. The only importer of PySide6."""

from editor_app.qt._compat import keep_none_alive

keep_none_alive()
