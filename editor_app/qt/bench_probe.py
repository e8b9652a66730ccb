"""`python -m editor_app.qt.bench_probe PROJECT`: the benchmark's GUI figures, one JSON line.

Run with QT_QPA_PLATFORM=offscreen. Measures, on the real main window:

- window_s: process launch to a usable window (shown, project open, the first document's
  text displayed, the event loop idle). The launch time is QINGYANG_LAUNCH_TIME (a
  time.time() the bench driver sets just before it spawns us), else this process's start
  time from /proc.
- switch_article_ms / switch_document_ms: median time from selecting a row in the article
  or document list until the article's text and fields, or the document's text, are shown.
- longest_stall_ms: the longest gap between ticks of a 10 ms timer on the GUI thread while
  the window imports a few files, searches a 1- and a 3-character query through the
  find panel (typed and sent with Enter; each phase lasts until the panel has listed its
  last hit), and exports JSONL, each through its own background mechanism. That part
  runs on a copy of the project, so the benchmark's project is not changed.
"""

from __future__ import annotations

import time

_STARTED = time.time()

import json  # noqa: E402  (the start time is taken before anything else loads)
import os  # noqa: E402
import shutil  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

import editor_app.qt  # noqa: E402, F401  (the PySide6 workaround goes first)

ARTICLE_SWITCHES = 50
DOCUMENT_SWITCHES = 30
IMPORTED_FILES = 4
TICK_MS = 10
QUERIES = ("镇", "副中心")


def seconds_since_launch() -> float:
    """Wall time since the bench driver launched us (or since this process started)."""
    launched = os.environ.get("QINGYANG_LAUNCH_TIME")
    if launched:
        return time.time() - float(launched)
    running = _seconds_running_from_proc()
    return running if running is not None else time.time() - _STARTED


def _seconds_running_from_proc() -> float | None:
    try:
        fields = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()
        started_ticks = int(fields[19])  # field 22 of stat(5): starttime, in clock ticks
        uptime = float(Path("/proc/uptime").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None
    return uptime - started_ticks / os.sysconf("SC_CLK_TCK")


# -- Qt from here on -----------------------------------------------------------------------

from PySide6.QtCore import QEventLoop, QObject, QSettings, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox  # noqa: E402

from editor_app.qt.app import application  # noqa: E402
from editor_app.qt.i18n import install_language  # noqa: E402
from editor_app.qt.main_window import MainWindow  # noqa: E402
from editor_app.qt.settings import Preferences  # noqa: E402


def settle() -> None:
    """Run the event loop until nothing is pending: a zero timer fires only when idle."""
    QApplication.processEvents()
    loop = QEventLoop()
    QTimer.singleShot(0, loop.quit)
    loop.exec()


def wait_for(signal, start, timeout_s: float = 600):
    """Connect to signal, call start(), run the event loop until the signal fires."""
    loop = QEventLoop()
    got: list = []

    def fired(*args) -> None:
        got.append(args)
        loop.quit()

    signal.connect(fired)
    QTimer.singleShot(int(timeout_s * 1000), loop.quit)
    start()
    if not got:
        loop.exec()
    signal.disconnect(fired)
    if not got:
        raise TimeoutError(f"no {signal} within {timeout_s} s")
    return got[0]


def quiet_message_boxes() -> list:
    """Message boxes are recorded, never shown: a modal box would stop the probe."""
    shown: list = []

    def recorder(kind):
        def show(_parent, title, text, *args, **kwargs):
            shown.append((kind, title, text))
            return QMessageBox.StandardButton.Ok

        return staticmethod(show)

    for kind in ("critical", "information", "warning", "question"):
        setattr(QMessageBox, kind, recorder(kind))
    return shown


def thread_clocks() -> tuple[float, float | None]:
    """(CPU ms this thread has run, ms it has waited for a core: None where unknown)."""
    try:  # Linux: run time, run-queue wait, time slices, in ns
        waited = int(Path("/proc/thread-self/schedstat").read_text().split()[1]) / 1e6
    except (OSError, ValueError, IndexError):
        waited = None
    return time.thread_time() * 1000, waited


class StallMeter(QObject):
    """Ticks every 10 ms on the GUI thread; remembers the longest gap and what ran then.

    Each phase's longest gap is also split by cause: `own`, the GUI thread's own work;
    `cpu_wait`, its wait for a core (others' work, this process's or not); `other`, the
    rest less one tick: asleep though it had work, i.e. waiting for the interpreter lock
    another thread holds, for a lock of SQLite or Qt, or for the disk.
    """

    def __init__(self) -> None:
        super().__init__()
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.phase = "idle"
        self.longest: dict[str, float] = {}
        self.causes: dict[str, dict[str, float | None]] = {}
        self._last = 0.0
        self._clocks = thread_clocks()

    def start(self) -> None:
        self._last = time.perf_counter()
        self._clocks = thread_clocks()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        self._tick()

    def enter(self, phase: str) -> None:
        """Close the running phase with a reading, so every phase has a figure of its own
        whether or not a timer tick happened to land inside it."""
        self._tick()
        self.phase = phase
        self.longest.setdefault(phase, 0.0)

    def _tick(self) -> None:
        now, clocks = time.perf_counter(), thread_clocks()
        gap = (now - self._last) * 1000
        if gap >= self.longest.get(self.phase, 0.0):
            self.longest[self.phase] = gap
            self.causes[self.phase] = _causes(gap, self._clocks, clocks)
        self._last, self._clocks = now, clocks


def _causes(gap: float, before: tuple, after: tuple) -> dict[str, float | None]:
    own = after[0] - before[0]
    if before[1] is None or after[1] is None:
        return {"own": round(own, 1), "cpu_wait": None, "other": None}
    waited = after[1] - before[1]
    other = max(0.0, gap - own - waited - TICK_MS)
    return {"own": round(own, 1), "cpu_wait": round(waited, 1), "other": round(other, 1)}


# -- the measurements ------------------------------------------------------------------------


def open_window(path: Path, settings_file: Path) -> tuple[MainWindow, float]:
    application([sys.argv[0]])
    preferences = Preferences(QSettings(str(settings_file), QSettings.Format.IniFormat))
    preferences.editor_name = "bench"
    window = MainWindow(preferences)
    window.language = install_language("zh_CN")
    window.retranslate()
    window.show()
    if not window.open_project(path):
        raise SystemExit(f"cannot open {path}")
    settle()
    if window.document_id is None or not window.raw_view.toPlainText():
        raise SystemExit("the first document is not shown")
    return window, seconds_since_launch()


def switch_articles(window: MainWindow, count: int = ARTICLE_SWITCHES) -> float:
    """Median ms to select an article row until its text and fields are shown."""
    times = []
    document_row = 0
    while len(times) < count:
        rows = window.articles.rowCount()
        if rows < 2:
            document_row += 1
            if window.documents.document_id(document_row) is None:
                break
            window.document_view.setCurrentIndex(window.documents.index(document_row, 0))
            settle()
            continue
        for row in range(rows):
            if len(times) >= count:
                break
            article_id = window.articles.article_id(row)
            if article_id == window.article_id:
                continue
            started = time.perf_counter()
            window.article_view.setCurrentIndex(window.articles.index(row, 1))
            QApplication.processEvents()
            if window.article_id != article_id or window.text_pane.article_id != article_id:
                raise SystemExit(f"article {article_id} was not shown")
            times.append((time.perf_counter() - started) * 1000)
        document_row += 1
        if window.documents.document_id(document_row) is None:
            document_row = 0
        window.document_view.setCurrentIndex(window.documents.index(document_row, 0))
        settle()
    return statistics.median(times)


def switch_documents(window: MainWindow, count: int = DOCUMENT_SWITCHES) -> float:
    """Median ms to select a document row until its text and first article are shown."""
    times = []
    loaded = window.documents.loaded_count
    for step in range(count):
        row = (step * 7 + 1) % max(1, loaded)
        document_id = window.documents.document_id(row)
        if document_id == window.document_id:
            row = (row + 1) % loaded
            document_id = window.documents.document_id(row)
        started = time.perf_counter()
        window.document_view.setCurrentIndex(window.documents.index(row, 0))
        QApplication.processEvents()
        if window.document_id != document_id or not window.raw_view.toPlainText():
            raise SystemExit(f"document {document_id} was not shown")
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def changed_copies(window: MainWindow, folder: Path, count: int = IMPORTED_FILES) -> list[str]:
    """Raw text of the first documents with a line added, so the import keeps them."""
    folder.mkdir()
    paths = []
    for number, document_id in enumerate(window.project.documents.ids()[:count]):
        text = window.project.documents.raw_text(document_id)
        path = folder / f"probe_{number:02d}.txt"
        path.write_text(f"{text}\n\n本版责编 测试{number}\n", encoding="utf-8")
        paths.append(str(path))
    return paths


def background_work(window: MainWindow, work: Path) -> StallMeter:
    """Import, search and export while a 10 ms timer watches the GUI thread."""
    meter = StallMeter()
    paths = changed_copies(window, work / "import")
    meter.start()
    meter.enter("import")
    wait_for(window.import_finished, lambda: window.start_import(paths))
    settle()
    window.actions["find_replace"].trigger()
    dialog = window.review.search_panel
    for query in QUERIES:
        meter.enter(f"search {query}")
        dialog.set_query(query)
        # `searched` fires once the last hit is listed, the count said.
        wait_for(dialog.searched, dialog.query_edit.returnPressed.emit)
        settle()
    window.review.search_dock.hide()
    meter.enter("export")
    (report,) = wait_for(
        window.export_finished, lambda: window.files.start_export(work / "probe.jsonl", "jsonl")
    )
    if report is None or report.cancelled:
        raise SystemExit("the export did not finish")
    settle()
    meter.stop()
    return meter


def measure(path: Path) -> dict:
    with tempfile.TemporaryDirectory(prefix="qingyang-probe-") as temp:
        work = Path(temp)
        quiet_message_boxes()
        window, window_s = open_window(path, work / "settings.ini")
        figures = {"window_s": round(window_s, 3)}
        figures["switch_article_ms"] = round(switch_articles(window), 2)
        figures["switch_document_ms"] = round(switch_documents(window), 2)
        window.close_project()
        copy = work / path.name
        shutil.copyfile(path, copy)  # the import changes the project: work on a copy
        if not window.open_project(copy):
            raise SystemExit(f"cannot open the copy {copy}")
        settle()
        meter = background_work(window, work)
        stalls = meter.longest
        worst = max(stalls, key=stalls.get)
        figures["longest_stall_ms"] = round(stalls[worst], 1)
        figures["longest_stall_during"] = worst
        figures["stalls_ms"] = {phase: round(ms, 1) for phase, ms in stalls.items()}
        figures["stall_causes_ms"] = meter.causes
        window.close()
        return figures


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m editor_app.qt.bench_probe PROJECT", file=sys.stderr)
        return 2
    path = Path(argv[0])
    if not path.is_file():
        print(f"{path}: no such project file", file=sys.stderr)
        return 1
    print(json.dumps(measure(path), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
