"""Import off the GUI thread: a worker on a QThread calls storage.importer.import_paths.

The worker writes through the project's one writer connection (opened with
check_same_thread=False); the window refuses edits while it runs, so only one thread
writes. Files are analysed in separate processes, so this process's interpreter lock stays
free for the GUI. Documents are written in batches, each batch one transaction, so a
cancelled import leaves whole documents.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QThread, Signal

from editor_app.qt.priority import lower_this_thread
from editor_app.storage import import_paths


class ImportWorker(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)  # ImportReport
    failed = Signal(str)

    def __init__(self, project, paths: list[str], publication: str = "") -> None:
        super().__init__()
        self.project = project
        self.paths = paths
        self.publication = publication
        self.cancel_requested = threading.Event()

    def cancel(self) -> None:
        self.cancel_requested.set()

    def report_progress(self, done: int, total: int, path: str) -> None:
        self.progress.emit(done, total, path)

    def run(self) -> None:
        lower_this_thread()  # and the analysing processes it starts
        try:
            report = import_paths(
                self.project,
                self.paths,
                publication=self.publication,
                progress=self.report_progress,
                cancelled=self.cancel_requested.is_set,
                isolated=True,
            )
        except Exception as error:  # reported to the window, which shows it loudly
            self.failed.emit(str(error))
            return
        self.finished.emit(report)


class ImportJob(QObject):
    """A worker and its thread; `done` fires on the GUI thread when the thread has ended."""

    done = Signal(object, str)  # ImportReport or None, error message

    def __init__(self, project, paths: list[str], parent=None, publication: str = "") -> None:
        super().__init__(parent)
        self.thread = QThread(self)
        self.worker = ImportWorker(project, paths, publication)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        self.worker.finished.connect(self._finished)
        self.worker.failed.connect(self._failed)
        self._outcome = (None, "")
        self.thread.finished.connect(self._thread_ended)

    def start(self) -> None:
        self.thread.start()

    def cancel(self) -> None:
        """Called on the GUI thread; the worker sees it before its next file."""
        self.worker.cancel()

    def _finished(self, report) -> None:
        self._outcome = (report, "")
        self.thread.quit()

    def _failed(self, message: str) -> None:
        self._outcome = (None, message)
        self.thread.quit()

    def _thread_ended(self) -> None:
        self.done.emit(*self._outcome)
