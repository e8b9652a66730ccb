"""Project files for the main window (a mixin): new, open, recent, import, preferences."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QProgressDialog

from editor_app.qt.dialogs import project_error_message, show_error, show_notice
from editor_app.qt.i18n import install_language
from editor_app.qt.importing import ImportJob
from editor_app.qt.widgets.preferences import PreferencesDialog
from editor_app.storage.errors import ProjectError
from editor_app.storage.project import PROJECT_SUFFIX, Project

MAX_SKIPPED_SHOWN = 15


class FileCommands:
    language = "en"

    # -- opening and closing ----------------------------------------------------------------

    def open_project(self, path) -> bool:
        """Open a project file; every failure is a dialog naming the file and the problem."""
        self.close_project()
        try:
            project = Project.open(
                path,
                editor=self.preferences.editor_name or None,
                backup_folder=self.preferences.backup_folder or None,
            )
        except ProjectError as error:
            show_error(
                self,
                QCoreApplication.translate("Files", "Cannot open the project"),
                project_error_message(error),
            )
            return False
        except OSError as error:
            show_error(
                self,
                QCoreApplication.translate("Files", "Cannot open the project"),
                f"{path}: {error.strerror}",
            )
            return False
        self._use_project(project)
        if project.read_only:
            message = QCoreApplication.translate("Files", "%1\nis opened read-only: %2").replace(
                "%1", str(project.path)
            )
            show_notice(
                self,
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
                self, QCoreApplication.translate("Files", "Cannot create the project"), message
            )
            return False
        self._use_project(project)
        return True

    def _use_project(self, project) -> None:
        self.runner.project = project
        self.runner.last_write_failed = False
        self.preferences.remember_project(str(project.path))
        self.documents.set_project(project)
        self.update_enabled()
        first = self.documents.document_id(0)
        self.show_document(first)
        self.project_opened.emit()

    def close_project(self) -> None:
        if self.project is None:
            return
        self.text_pane.commit()
        project = self.project
        self.runner.project = None
        self.document_id = self.article_id = None
        self.segments, self.open_suggestions = [], []
        self.documents.set_project(None)
        self.show_document(None)
        project.close()
        self.update_enabled()

    def cmd_new_project(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
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
            self,
            QCoreApplication.translate("Files", "Open project"),
            "",
            QCoreApplication.translate("Files", "Qingyang projects (*%1);;All files (*)").replace(
                "%1", PROJECT_SUFFIX
            ),
        )
        if path:
            self.open_project(path)

    def fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for path in self.preferences.recent_projects:
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _checked=False, p=path: self.open_project(p))
        self.recent_menu.setEnabled(True)

    def cmd_quit(self) -> None:
        self.close()

    # -- import -----------------------------------------------------------------------------

    def cmd_import_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            QCoreApplication.translate("Files", "Import files"),
            "",
            QCoreApplication.translate("Files", "Text files (*.txt *.text);;All files (*)"),
        )
        if paths:
            self.start_import(paths)

    def cmd_import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, QCoreApplication.translate("Files", "Import folder")
        )
        if folder:
            self.start_import([folder])

    def start_import(self, paths: list[str]) -> None:
        """Import in a worker thread; editing is blocked until it ends."""
        if not self.runner.can_edit:
            return
        self.text_pane.commit()
        self.import_job = ImportJob(self.project, [str(p) for p in paths], self)
        self.import_progress = QProgressDialog(
            QCoreApplication.translate("Files", "Importing…"),
            QCoreApplication.translate("Files", "Cancel"),
            0,
            0,
            self,
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
        self.update_enabled()
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
        self.documents.count_again()
        self.update_enabled()
        if self.document_id is None:
            self.show_document(self.documents.document_id(0))
        if error:
            show_error(self, QCoreApplication.translate("Files", "The import failed"), error)
        elif report is not None:
            show_notice(
                self,
                QCoreApplication.translate("Files", "Import finished"),
                self.import_summary(report),
            )
        self.import_finished.emit(report)

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

    # -- preferences and language -----------------------------------------------------------

    def cmd_preferences(self) -> None:
        dialog = PreferencesDialog(self.preferences, self)
        if not dialog.exec():
            return
        dialog.store(self.preferences)
        if self.project is not None and self.preferences.editor_name:
            self.project.editor = self.preferences.editor_name
        self.apply_text_size(self.preferences.text_size)
        self.switch_language(self.preferences.language, remember=False)

    def switch_language(self, language: str, remember: bool = True) -> None:
        """Install the translators; every widget retranslates on the LanguageChange event."""
        if remember:
            self.preferences.language = language
        self.language = install_language(language)
        QApplication.instance().processEvents()
        self.retranslate()
