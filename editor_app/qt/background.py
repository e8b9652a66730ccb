"""Long reads off the GUI thread: the daily backup, exports, searches of big projects.

A `BackgroundCall` runs one function on a thread of a QThreadPool and reports on the GUI
thread through queued signals. Reads run through the window's one reader (a read-only
Project beside its writer), never through the writer, so the editor keeps working while
they run and SQLite's WAL keeps them consistent.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from editor_app.export import ExportOptions, export_project
from editor_app.qt.priority import lower_this_thread
from editor_app.storage import Project, backup_if_due

# call(progress, cancelled) -> result; progress(done, total, name), cancelled() -> bool
Work = Callable[[Callable[[int, int, str], None], Callable[[], bool]], object]


class CallSignals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str)


class BackgroundCall(QRunnable):
    """One call on a pool thread; `signals` fire on the thread that made the call object."""

    def __init__(self, work: Work) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the Python side keeps it until it has reported
        self.work = work
        self.signals = CallSignals()
        self.cancel_requested = threading.Event()

    def cancel(self) -> None:
        self.cancel_requested.set()

    def run(self) -> None:
        lower_this_thread()  # the pool's threads run nothing but background work
        try:
            result = self.work(self.signals.progress.emit, self.cancel_requested.is_set)
        except Exception as error:  # reported on the GUI thread, loudly
            self.signals.failed.emit(str(error) or type(error).__name__)
            return
        self.signals.finished.emit(result)


class Background(QObject):
    """The window's pool of background calls; `wait()` before the project closes."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)
        self._running: set[BackgroundCall] = set()

    def start(self, work: Work, finished=None, failed=None, progress=None) -> BackgroundCall:
        call = BackgroundCall(work)
        self._running.add(call)
        for signal, slot in (
            (call.signals.finished, finished),
            (call.signals.failed, failed),
            (call.signals.progress, progress),
        ):
            if slot is not None:
                signal.connect(slot)
        call.signals.finished.connect(lambda _result, c=call: self._running.discard(c))
        call.signals.failed.connect(lambda _message, c=call: self._running.discard(c))
        self.pool.start(call)
        return call

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def cancel_all(self) -> None:
        for call in list(self._running):
            call.cancel()

    def wait(self) -> None:
        self.cancel_all()
        self.pool.waitForDone()


class ProjectReader:
    """A read-only Project for background reads, opened on first use, one user at a time.

    `opener` makes it: `Project.open_reader` of the window's writer, which vouched for
    the file when it opened it, so the reader is one connection and no second check.
    """

    def __init__(self, opener: Callable[[], Project]) -> None:
        self.opener = opener
        self._project: Project | None = None
        self._lock = threading.Lock()

    def read(self, call: Callable[[Project], object]):
        """call(project) with the reader, on whichever thread asks."""
        with self._lock:
            if self._project is None:
                self._project = self.opener()
            return call(self._project)

    def close(self) -> None:
        with self._lock:
            if self._project is not None:
                self._project.close()
                self._project = None


def backup_work(reader: ProjectReader, folder: str | None) -> Work:
    """The daily backup, copied through the reader; returns the copy or None."""
    chosen = Path(folder) if folder else None

    def work(_progress, _cancelled):
        return reader.read(
            lambda project: backup_if_due(project.path, project.db.conn, folder=chosen)
        )

    return work


def export_work(reader: ProjectReader, out: Path, format: str, options: ExportOptions) -> Work:
    """Export through the reader: editing goes on meanwhile."""

    def work(progress, cancelled):
        return reader.read(
            lambda project: export_project(
                project, out, format, options, progress=progress, cancelled=cancelled
            )
        )

    return work
