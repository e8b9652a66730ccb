"""Project files for the main window: new, open, recent, import, backup, export, preferences.

`FileController` owns the open project's lifetime: it opens the file (one writer, and
one reader for the work done in the background), and tells the window through the
callbacks it was given when a project comes and goes.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QFileDialog, QProgressDialog

from editor_app.export import ExportOptions
from editor_app.qt.background import ProjectReader, backup_work, export_work
from editor_app.qt.dialogs import (
    non_modal_notice,
    project_error_message,
    show_error,
    show_notice,
)
from editor_app.qt.i18n import install_language, next_language
from editor_app.qt.importing import ImportJob
from editor_app.qt.widgets.export_dialog import ExportDialog
from editor_app.qt.widgets.preferences import PreferencesDialog
from editor_app.qt.widgets.publication_dialog import PublicationDialog
from editor_app.storage import PROJECT_SUFFIX, Project, ProjectError, storage_error

MAX_SKIPPED_SHOWN = 15


@dataclass(frozen=True, slots=True)
class WindowHooks:
    """What the window does when a project comes and goes, and how it reports."""

    opened: Callable[[object], None]  # the project now open: show it
    closing: Callable[[], None]  # stop what reads the project (learning, workers)
    closed: Callable[[], None]  # no project any more: clear the views
    imported: Callable[[], None]  # an import ended: more documents to list
    enabled_changed: Callable[[], None]  # busy or project changed: enable the actions
    title_changed: Callable[[], None]
    commit_typing: Callable[[], None]
    text_size: Callable[[int], None]
    say: Callable[[str, int], None]  # a line in the status bar for some milliseconds


class FileController(QObject):
    """`window` is the main window: the dialogs' parent, and the sender of the signals
    `import_finished`, `backup_finished` and `export_finished`.

    A QObject of the GUI thread: the import worker's progress, sent from its thread,
    is queued here rather than run on the worker's thread.
    """

    def __init__(self, window, runner, preferences, background, hooks: WindowHooks) -> None:
        super().__init__(window)
        self.window = window
        self.runner = runner
        self.preferences = preferences
        self.background = background
        self.hooks = hooks
        self.language = "en"
        self.reader: ProjectReader | None = None
        self.import_job: ImportJob | None = None
        self.publication_dialog: PublicationDialog | None = None
        self.import_progress: QProgressDialog | None = None
        self.export_call = None
        self.export_progress: QProgressDialog | None = None
        self.backup_notice = None

    @property
    def project(self):
        return self.runner.project

    # -- opening and closing ----------------------------------------------------------------

    def open_project(self, path) -> bool:
        """Open a project file; every failure is a dialog naming the file and the problem."""
        self.close_project()
        try:
            project = Project.open(path, editor=self.preferences.editor_name or None, backups=False)
        except ProjectError as error:
            show_error(
                self.window,
                QCoreApplication.translate("Files", "Cannot open the project"),
                project_error_message(error),
            )
            return False
        except OSError as error:
            show_error(
                self.window,
                QCoreApplication.translate("Files", "Cannot open the project"),
                f"{path}: {error.strerror}",
            )
            return False
        try:
            self._use_project(project)
        except Exception as error:  # the file fails where the opening check could not see
            known = storage_error(error, path)
            if known is None:
                raise
            with contextlib.suppress(ProjectError):
                self.close_project()
            show_error(
                self.window,
                QCoreApplication.translate("Files", "Cannot open the project"),
                project_error_message(known),
            )
            return False
        if not project.read_only:
            self.start_backup()
        if project.read_only:
            message = QCoreApplication.translate("Files", "%1\nis opened read-only: %2").replace(
                "%1", str(project.path)
            )
            show_notice(
                self.window,
                QCoreApplication.translate("Files", "Read-only project"),
                message.replace("%2", project.notice),
            )
        return True

    def create_project(self, path) -> bool:
        self.close_project()
        try:
            project = Project.create(path, editor=self.preferences.editor_name or None)
        except (ProjectError, OSError) as error:
            message = (
                project_error_message(error) if isinstance(error, ProjectError) else str(error)
            )
            show_error(
                self.window,
                QCoreApplication.translate("Files", "Cannot create the project"),
                message,
            )
            return False
        self._use_project(project)
        return True

    def _use_project(self, project) -> None:
        self.runner.project = project
        self.runner.last_write_failed = False
        self.reader = ProjectReader(project.open_reader)  # the one reader, opened when asked
        self.preferences.remember_project(str(project.path))
        self.hooks.opened(project)

    def close_project(self) -> None:
        if self.project is None:
            return
        self.hooks.commit_typing()
        self.hooks.closing()  # the learning worker reads the file; what it did not store is lost
        self.background.wait()  # backups, exports and searches read the file
        if self.export_progress is not None:
            self.export_progress.close()
        project = self.project
        self.runner.project = None
        self.hooks.closed()
        if self.reader is not None:
            self.reader.close()
            self.reader = None
        project.close()
        self.hooks.enabled_changed()

    def cmd_new_project(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.window,
            QCoreApplication.translate("Files", "New project"),
            "",
            QCoreApplication.translate("Files", "Qingyang projects (*%1)").replace(
                "%1", PROJECT_SUFFIX
            ),
        )
        if path:
            if not path.endswith(PROJECT_SUFFIX):
                path += PROJECT_SUFFIX
            self.create_project(path)

    def cmd_open_project(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window,
            QCoreApplication.translate("Files", "Open project"),
            "",
            QCoreApplication.translate("Files", "Qingyang projects (*%1);;All files (*)").replace(
                "%1", PROJECT_SUFFIX
            ),
        )
        if path:
            self.open_project(path)

    def fill_recent_menu(self, menu) -> None:
        menu.clear()
        for path in self.preferences.recent_projects:
            action = menu.addAction(path)
            action.triggered.connect(lambda _checked=False, p=path: self.open_project(p))
        menu.setEnabled(True)

    def cmd_quit(self) -> None:
        self.window.close()

    # -- import -----------------------------------------------------------------------------

    def cmd_import_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self.window,
            QCoreApplication.translate("Files", "Import files"),
            "",
            QCoreApplication.translate("Files", "Text files (*.txt *.text);;All files (*)"),
        )
        if paths:
            self.ask_publication(paths)

    def cmd_import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self.window, QCoreApplication.translate("Files", "Import folder")
        )
        if folder:
            self.ask_publication([folder])

    def ask_publication(self, paths: list[str]) -> None:
        """The publication of the files, asked in a small dialog; Enter starts the import,
        Escape cancels it. The answer is offered again at the next import."""
        if not self.runner.can_edit:
            return
        dialog = PublicationDialog(
            self.preferences.last_publication, self.project.documents.publications(), self.window
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._publication_given(dialog.chosen(), paths))
        dialog.finished.connect(lambda _result: setattr(self, "publication_dialog", None))
        self.publication_dialog = dialog
        dialog.open()

    def _publication_given(self, publication: str, paths: list[str]) -> None:
        self.preferences.last_publication = publication
        self.start_import(paths, publication)

    def start_import(self, paths: list[str], publication: str = "") -> None:
        """Import in a worker thread; editing is blocked until it ends."""
        if not self.runner.can_edit:
            return
        self.hooks.commit_typing()
        self.import_job = ImportJob(
            self.project, [str(p) for p in paths], self.window, publication=publication
        )
        self.import_progress = QProgressDialog(
            QCoreApplication.translate("Files", "Importing…"),
            QCoreApplication.translate("Files", "Cancel"),
            0,
            0,
            self.window,
        )
        self.import_progress.setObjectName("importProgress")
        self.import_progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.import_progress.setMinimumDuration(0)
        self.import_progress.setAutoClose(False)
        self.import_progress.setAutoReset(False)
        self.import_progress.canceled.connect(self.import_job.cancel)
        self.import_job.worker.progress.connect(self._import_progressed)
        self.import_job.done.connect(self._import_done)
        self.runner.busy = True
        self.hooks.enabled_changed()
        self.import_job.start()
        self.import_progress.show()

    def _import_progressed(self, done: int, total: int, path: str) -> None:
        self.import_progress.setMaximum(total)
        self.import_progress.setValue(done)
        self.import_progress.setLabelText(
            QCoreApplication.translate("Files", "Importing %1").replace("%1", Path(path).name)
        )

    def _import_done(self, report, error: str) -> None:
        self.import_progress.close()
        self.import_job = None
        self.runner.busy = False
        self.hooks.imported()
        if error:
            show_error(self.window, QCoreApplication.translate("Files", "The import failed"), error)
        elif report is not None:
            show_notice(
                self.window,
                QCoreApplication.translate("Files", "Import finished"),
                self.import_summary(report),
            )
        self.window.import_finished.emit(report)

    @staticmethod
    def import_summary(report) -> str:
        lines = [
            QCoreApplication.translate("Files", "Imported %1 files, skipped %2.")
            .replace("%1", str(len(report.imported)))
            .replace("%2", str(len(report.skipped)))
        ]
        if report.cancelled:
            lines.append(
                QCoreApplication.translate(
                    "Files", "The import was cancelled; the files imported so far are kept."
                )
            )
        for path, reason in report.skipped[:MAX_SKIPPED_SHOWN]:
            lines.append(f"• {Path(path).name}: {reason}")
        if len(report.skipped) > MAX_SKIPPED_SHOWN:
            more = len(report.skipped) - MAX_SKIPPED_SHOWN
            lines.append(
                QCoreApplication.translate("Files", "…and %1 more").replace("%1", str(more))
            )
        return "\n".join(lines)

    # -- the daily backup -------------------------------------------------------------------

    def start_backup(self) -> None:
        """The daily backup on a pool thread; the editor works on meanwhile."""
        work = backup_work(self.reader, self.preferences.backup_folder or None)
        self.background.start(
            work,
            finished=lambda made: self._backup_done(made, ""),
            failed=lambda error: self._backup_done(None, error),
        )

    def _backup_done(self, made, error: str) -> None:
        if error:
            notice = QCoreApplication.translate("Files", "No backup could be made: %1")
            if self.project is not None:
                self.project.notice = notice.replace("%1", error)
                self.hooks.title_changed()
            self.backup_notice = non_modal_notice(
                self.window,
                QCoreApplication.translate("Files", "Daily backup failed"),
                notice.replace("%1", error),
            )
        elif made is not None:
            self.hooks.say(
                QCoreApplication.translate("Files", "Daily backup made: %1").replace(
                    "%1", Path(made).name
                ),
                8000,
            )
        self.window.backup_finished.emit(made, error)

    # -- export -----------------------------------------------------------------------------

    def cmd_export(self) -> None:
        if self.project is None or self.export_call is not None:
            return
        dialog = ExportDialog(self.project.path, self.window)
        if dialog.exec():
            self.start_export(dialog.target_path(), dialog.chosen_format(), dialog.options())

    def start_export(self, out, format: str, options=None) -> None:
        """Export on a pool thread through a reader of its own, with progress and Cancel."""
        if self.project is None or self.export_call is not None:
            return
        self.hooks.commit_typing()
        progress = QProgressDialog(
            QCoreApplication.translate("Files", "Exporting…"),
            QCoreApplication.translate("Files", "Cancel"),
            0,
            0,
            self.window,
        )
        progress.setObjectName("exportProgress")
        progress.setWindowModality(Qt.WindowModality.NonModal)  # editing goes on meanwhile
        progress.setMinimumDuration(0)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        self.export_progress = progress
        self.export_call = self.background.start(
            export_work(self.reader, Path(out), format, options or ExportOptions()),
            finished=lambda report: self._export_done(report, ""),
            failed=lambda error: self._export_done(None, error),
            progress=self._export_progressed,
        )
        progress.canceled.connect(self.export_call.cancel)
        progress.show()

    def _export_progressed(self, done: int, total: int, name: str) -> None:
        if self.export_progress is None:
            return
        self.export_progress.setMaximum(total)
        self.export_progress.setValue(done)
        self.export_progress.setLabelText(
            QCoreApplication.translate("Files", "Exporting %1").replace("%1", name)
        )

    def _export_done(self, report, error: str) -> None:
        if self.export_progress is not None:
            self.export_progress.close()
        self.export_progress = None
        self.export_call = None
        if error:
            show_error(self.window, QCoreApplication.translate("Files", "The export failed"), error)
        elif report is not None and report.cancelled:
            self.hooks.say(
                QCoreApplication.translate("Files", "Export cancelled; nothing was written."), 8000
            )
        elif report is not None:
            text = QCoreApplication.translate("Files", "Exported %1 articles of %2 documents to %3")
            self.hooks.say(
                text.replace("%1", str(report.articles))
                .replace("%2", str(report.documents))
                .replace("%3", report.path),
                15000,
            )
        self.window.export_finished.emit(report)

    # -- preferences and language -----------------------------------------------------------

    def cmd_preferences(self) -> None:
        dialog = PreferencesDialog(self.preferences, self.window)
        if not dialog.exec():
            return
        dialog.store(self.preferences)
        if self.project is not None and self.preferences.editor_name:
            self.project.editor = self.preferences.editor_name
        self.hooks.text_size(self.preferences.text_size)
        self.switch_language(self.preferences.language, remember=False)

    def cmd_switch_language(self) -> None:
        """The next language, kept for the next start as the menu's choice is."""
        self.switch_language(next_language(self.language))

    def switch_language(self, language: str, remember: bool = True) -> None:
        """Install the translators; every widget retranslates on the LanguageChange event."""
        if remember:
            self.preferences.language = language
        self.language = install_language(language)
