"""What the window remembers between runs (QSettings): layout, text size, recent projects."""

from __future__ import annotations

from PySide6.QtCore import QSettings

MAX_RECENT = 8
DEFAULT_TEXT_SIZE = 12
DEFAULT_LEARN_EVERY = 5  # newly reviewed documents


class Preferences:
    """Typed access to the application's QSettings."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self.qsettings = settings or QSettings()

    def _get(self, key: str, default, kind=str):
        value = self.qsettings.value(key, default)
        if value is None:
            return default
        try:
            return kind(value)
        except (TypeError, ValueError):
            return default

    # -- people and places ------------------------------------------------------------------

    @property
    def editor_name(self) -> str:
        return self._get("editor/name", "")

    @editor_name.setter
    def editor_name(self, value: str) -> None:
        self.qsettings.setValue("editor/name", value)

    @property
    def language(self) -> str:
        """ "zh_CN", "en", or "": Chinese unless the system locale asks for English."""
        return self._get("ui/language", "")

    @language.setter
    def language(self, value: str) -> None:
        self.qsettings.setValue("ui/language", value)

    @property
    def font_family(self) -> str:
        return self._get("ui/font_family", "")

    @font_family.setter
    def font_family(self, value: str) -> None:
        self.qsettings.setValue("ui/font_family", value)

    @property
    def backup_folder(self) -> str:
        return self._get("project/backup_folder", "")

    @backup_folder.setter
    def backup_folder(self, value: str) -> None:
        self.qsettings.setValue("project/backup_folder", value)

    @property
    def text_size(self) -> int:
        return self._get("ui/text_size", DEFAULT_TEXT_SIZE, int)

    @text_size.setter
    def text_size(self, value: int) -> None:
        self.qsettings.setValue("ui/text_size", int(value))

    @property
    def show_scan(self) -> bool:
        """The page scan beside the raw text, for documents imported from OCR files."""
        return self._get("ui/show_scan", "true") in ("true", "1", True)

    @show_scan.setter
    def show_scan(self, value: bool) -> None:
        self.qsettings.setValue("ui/show_scan", "true" if value else "false")

    @property
    def last_publication(self) -> str:
        """The publication the last import was given: the next one offers it again."""
        return self._get("import/publication", "")

    @last_publication.setter
    def last_publication(self, value: str) -> None:
        self.qsettings.setValue("import/publication", value)

    # -- learning from the reviewed documents ------------------------------------------------

    @property
    def learn_every(self) -> int:
        """Learn after this many newly reviewed documents; 0: only when asked."""
        return max(0, self._get("learning/every", DEFAULT_LEARN_EVERY, int))

    @learn_every.setter
    def learn_every(self, value: int) -> None:
        self.qsettings.setValue("learning/every", int(value))

    @property
    def learning_base(self) -> list[str]:
        """Training pages (gold folders or archives) to learn beside the reviewed documents,
        as `learn --base-data`; empty: the shipped ones."""
        return _strings(self.qsettings.value("learning/base_data", []))

    @learning_base.setter
    def learning_base(self, sources: list[str]) -> None:
        self.qsettings.setValue("learning/base_data", [str(s) for s in sources])

    # -- recent projects --------------------------------------------------------------------

    @property
    def recent_projects(self) -> list[str]:
        return _strings(self.qsettings.value("project/recent", []))

    def remember_project(self, path: str) -> None:
        recent = [path, *(p for p in self.recent_projects if p != path)]
        self.qsettings.setValue("project/recent", recent[:MAX_RECENT])

    # -- layout -----------------------------------------------------------------------------

    def layout(self, name: str):
        return self.qsettings.value(f"layout/{name}")

    def set_layout(self, name: str, state) -> None:
        self.qsettings.setValue(f"layout/{name}", state)


def _strings(value) -> list[str]:
    """A list QSettings read back: one string alone comes back as a string."""
    if isinstance(value, str):
        value = [value]
    return [str(v) for v in value or [] if v]
