"""Which language the UI speaks, and switching it at run time through QTranslator."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"
LANGUAGES = {"zh_CN": "中文（简体）", "en": "English"}
DEFAULT_LANGUAGE = "zh_CN"  # with no preference saved and no other language asked for
KEY_NAMES_CONTEXT = "QShortcut"  # where Qt looks up the names of keys
_installed: list[QTranslator] = []


def system_language(locale: QLocale | None = None) -> str:
    """Simplified Chinese first: another language we translate into only when the system
    locale names it; a C or POSIX locale, or one we have no translation for, is Chinese."""
    spoken = (locale or QLocale.system()).language()
    for code in LANGUAGES:
        if code != DEFAULT_LANGUAGE and QLocale(code).language() == spoken:
            return code
    return DEFAULT_LANGUAGE


def next_language(language: str) -> str:
    """The language after this one, round the list: what the switch key turns to."""
    codes = list(LANGUAGES)
    following = codes.index(language) + 1 if language in codes else 0
    return codes[following % len(codes)]


def install_language(language: str) -> str:
    """Replace the installed translators; returns the language now in force."""
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language not in LANGUAGES:
        language = system_language()
    if language == "zh_CN":
        _load(app, "qingyang_zh_CN", str(TRANSLATIONS))
        _load(app, "qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
        _install(app, PortableKeyNames(app))  # installed last, so asked first
    return language


class PortableKeyNames(QTranslator):
    """Key names as `QKeySequence.PortableText` spells them, in every language: Qt's own
    catalogue would otherwise turn "Ctrl+Shift+Up" in menus and the shortcut sheet into
    the half-translated "Ctrl+Shift+上方向". Every other text is left to the others."""

    def translate(self, context, source, disambiguation=None, n=-1):
        return source if context == KEY_NAMES_CONTEXT else None  # None: not mine

    def isEmpty(self) -> bool:
        return False


def _load(app, name: str, folder: str) -> None:
    translator = QTranslator(app)
    if translator.load(name, folder):
        _install(app, translator)


def _install(app, translator: QTranslator) -> None:
    app.installTranslator(translator)
    _installed.append(translator)
