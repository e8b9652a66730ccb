"""One long call in a clean worker process, watched from a thread: the GUI never waits.

The call runs in a process started clean (not forked from the window, whose threads may
hold locks), bound to die with the window's process. It reports its progress and its
result through a pipe; a thread of this process waits on the pipe and the process and
passes them on as signals, which Qt queues to the GUI thread. Cancelling kills the
process at once: nothing it did is kept, since it only reads.
"""

from __future__ import annotations

import os
import pickle
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection, wait

from PySide6.QtCore import QObject, Signal

from editor_app.qt.priority import lower_this_thread
from editor_app.qt.process_serve import serve
from editor_app.support.processes import clean_context, start_worker

# function(*args, progress) -> a picklable result; progress(done, total)
Call = Callable[..., object]


class ProcessJob(QObject):
    """`started`, `progress`, then `finished` or `failed` (none after `cancel`); `ended`
    always, last."""

    started = Signal(int)  # the worker's process id
    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str, str)  # the error's class name, its message
    ended = Signal()

    def __init__(self, function: Call, *args, parent=None) -> None:
        super().__init__(parent)
        self.function = function
        self.args = args
        self.cancelled = False
        self._process = None
        self._lock = threading.Lock()  # cancel() on the GUI thread, the start on the watcher
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._watch, name="process-job", daemon=True)
        self._thread.start()

    def cancel(self) -> None:
        """Stop the work now; the job ends without a result."""
        with self._lock:
            self.cancelled = True
            if self._process is not None:
                self._process.kill()  # a no-op once it has ended

    def wait(self) -> None:
        """Until the process is gone and the watching thread has ended."""
        if self._thread is not None:
            self._thread.join()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def _watch(self) -> None:
        lower_this_thread()  # the worker process inherits it
        context = clean_context()
        reader, writer = context.Pipe(duplex=False)
        try:
            if self._launch(context, writer):
                writer.close()  # the pipe reads end-of-file once the worker has gone
                self._relay(reader)
        except Exception as error:  # the worker could not start
            self._report_failure(type(error).__name__, str(error))
        finally:
            self._end(reader, writer)

    def _launch(self, context, writer: Connection) -> bool:
        with self._lock:
            if self.cancelled:
                return False
            self._process = context.Process(
                target=start_worker,
                args=(os.getpid(), serve, writer, self.function, self.args),
                daemon=True,
            )
            self._process.start()
            self.started.emit(self._process.pid)
            return True

    def _relay(self, reader: Connection) -> None:
        while True:
            wait([reader, self._process.sentinel])
            try:
                message = reader.recv()
            except (EOFError, OSError, pickle.UnpicklingError):
                break  # the worker is gone: cancelled or died
            if message[0] == "progress":
                self.progress.emit(message[1], message[2])
                continue
            if message[0] == "done":
                self.finished.emit(message[1])
            else:
                self._report_failure(message[1], message[2])
            return
        self._process.join()
        self._report_failure(
            "WorkerDied", f"the worker process ended unexpectedly ({self._process.exitcode})"
        )

    def _report_failure(self, kind: str, message: str) -> None:
        if not self.cancelled:
            self.failed.emit(kind, message)

    def _end(self, reader: Connection, writer: Connection) -> None:
        for end in (reader, writer):
            end.close()
        with self._lock:
            if self._process is not None:
                self._process.join()
                self._process.close()
                self._process = None
        self.ended.emit()
