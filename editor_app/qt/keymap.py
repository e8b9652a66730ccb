"""Every command of the window: its menu, text and key. Menus and the cheat sheet read this."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP

from editor_app.model import ROLES


@dataclass(frozen=True, slots=True)
class Command:
    """Where the keys work: "raw" only while the raw text has focus (single keys, no
    modifier); "lines" while the raw text or the article list has focus, since they act on
    the raw text's cursor line and must not fire while the editor types elsewhere;
    "window" anywhere in the window."""

    name: str
    menu: str
    text: str
    keys: str = ""
    scope: str = "window"
    edits: bool = True  # disabled while the project is read-only or an import runs
    more_keys: str = ""  # a second key for the same command

    def shortcuts(self) -> list[str]:
        return [k for k in (self.keys, self.more_keys) if k]


MENUS = {
    "file": QT_TRANSLATE_NOOP("Menus", "&File"),
    "edit": QT_TRANSLATE_NOOP("Menus", "&Edit"),
    "article": QT_TRANSLATE_NOOP("Menus", "&Article"),
    "line": QT_TRANSLATE_NOOP("Menus", "&Line"),
    "suggestion": QT_TRANSLATE_NOOP("Menus", "&Suggestions"),
    "go": QT_TRANSLATE_NOOP("Menus", "&Go"),
    "view": QT_TRANSLATE_NOOP("Menus", "&View"),
    "tools": QT_TRANSLATE_NOOP("Menus", "&Tools"),
    "help": QT_TRANSLATE_NOOP("Menus", "&Help"),
}
ROLE_KEYS = {role: str(number) for number, role in enumerate(ROLES, start=1)}
ROLE_TEXTS = {
    "kicker": QT_TRANSLATE_NOOP("Commands", "Line is kicker"),
    "title": QT_TRANSLATE_NOOP("Commands", "Line is title"),
    "subtitle": QT_TRANSLATE_NOOP("Commands", "Line is subtitle"),
    "byline": QT_TRANSLATE_NOOP("Commands", "Line is byline"),
    "subhead": QT_TRANSLATE_NOOP("Commands", "Line is subhead"),
    "body": QT_TRANSLATE_NOOP("Commands", "Line is body"),
    "boilerplate": QT_TRANSLATE_NOOP("Commands", "Line is boilerplate"),
    "noise": QT_TRANSLATE_NOOP("Commands", "Line is noise"),
}


def _c(name, menu, text, keys="", scope="window", edits=True, more_keys="") -> Command:
    return Command(name, menu, text, keys, scope, edits, more_keys)


COMMANDS: tuple[Command, ...] = (
    _c("new_project", "file", QT_TRANSLATE_NOOP("Commands", "New project…"), "Ctrl+N", edits=False),
    _c(
        "open_project",
        "file",
        QT_TRANSLATE_NOOP("Commands", "Open project…"),
        "Ctrl+O",
        edits=False,
    ),
    _c("import_files", "file", QT_TRANSLATE_NOOP("Commands", "Import files…"), "Ctrl+I"),
    _c("import_folder", "file", QT_TRANSLATE_NOOP("Commands", "Import folder…"), "Ctrl+Shift+I"),
    _c("export", "file", QT_TRANSLATE_NOOP("Commands", "Export…"), "Ctrl+E", edits=False),
    _c("preferences", "file", QT_TRANSLATE_NOOP("Commands", "Preferences…"), "Ctrl+,", edits=False),
    _c("quit", "file", QT_TRANSLATE_NOOP("Commands", "Quit"), "Ctrl+Q", edits=False),
    _c("undo", "edit", QT_TRANSLATE_NOOP("Commands", "Undo"), "Ctrl+Z"),
    _c("redo", "edit", QT_TRANSLATE_NOOP("Commands", "Redo"), "Ctrl+Shift+Z"),
    _c(
        "go_to_line",
        "edit",
        QT_TRANSLATE_NOOP("Commands", "Go to line or lines…"),
        "Ctrl+G",
        edits=False,
    ),
    _c("find", "edit", QT_TRANSLATE_NOOP("Commands", "Find…"), "Ctrl+F", edits=False),
    _c(
        "find_replace",
        "edit",
        QT_TRANSLATE_NOOP("Commands", "Find and replace…"),
        "Ctrl+H",
        edits=False,
        more_keys="Ctrl+Shift+F",
    ),
    _c(
        "split",
        "article",
        QT_TRANSLATE_NOOP("Commands", "Split article at cursor line"),
        "Ctrl+Return",
        scope="lines",
    ),
    _c(
        "merge_previous",
        "article",
        QT_TRANSLATE_NOOP("Commands", "Merge with previous article"),
        "Ctrl+Shift+Up",
        scope="lines",
    ),
    _c(
        "merge_next",
        "article",
        QT_TRANSLATE_NOOP("Commands", "Merge with next article"),
        "Ctrl+Shift+Down",
        scope="lines",
    ),
    _c(
        "boundary_up",
        "article",
        QT_TRANSLATE_NOOP("Commands", "Move start boundary one line up"),
        "Alt+Up",
        scope="lines",
    ),
    _c(
        "boundary_down",
        "article",
        QT_TRANSLATE_NOOP("Commands", "Move start boundary one line down"),
        "Alt+Down",
        scope="lines",
    ),
    _c(
        "title_to_head",
        "article",
        QT_TRANSLATE_NOOP("Commands", "Move late title to head of article"),
        "Ctrl+T",
        scope="lines",
    ),
    _c(
        "mark_boilerplate",
        "article",
        QT_TRANSLATE_NOOP("Commands", "Mark lines as boilerplate"),
        "Ctrl+Shift+B",
        scope="lines",
    ),
    _c(
        "mark_noise",
        "article",
        QT_TRANSLATE_NOOP("Commands", "Mark lines as noise"),
        "Ctrl+Shift+N",
        scope="lines",
    ),
    _c(
        "reviewed_next",
        "article",
        QT_TRANSLATE_NOOP("Commands", "Mark reviewed, go to next unreviewed"),
        "Ctrl+R",
    ),
    _c(
        "mark_issue_reviewed",
        "article",
        QT_TRANSLATE_NOOP("Commands", "Mark whole issue reviewed…"),
        "Ctrl+Shift+R",
    ),
    _c(
        "mark_approved",
        "article",
        QT_TRANSLATE_NOOP("Commands", "Mark approved"),
        "Ctrl+Shift+A",
    ),
    *(_c(f"role_{role}", "line", ROLE_TEXTS[role], ROLE_KEYS[role], scope="raw") for role in ROLES),
    _c(
        "next_suggestion",
        "suggestion",
        QT_TRANSLATE_NOOP("Commands", "Next suggestion"),
        "F8",
        edits=False,
    ),
    _c(
        "previous_suggestion",
        "suggestion",
        QT_TRANSLATE_NOOP("Commands", "Previous suggestion"),
        "Shift+F8",
        edits=False,
    ),
    _c("accept_suggestion", "suggestion", QT_TRANSLATE_NOOP("Commands", "Accept suggestion"), "F9"),
    _c(
        "reject_suggestion",
        "suggestion",
        QT_TRANSLATE_NOOP("Commands", "Reject suggestion"),
        "Shift+F9",
    ),
    _c(
        "accept_rule",
        "suggestion",
        QT_TRANSLATE_NOOP("Commands", "Accept all of this kind in this issue…"),
        "Ctrl+F9",
    ),
    _c(
        "reject_rule",
        "suggestion",
        QT_TRANSLATE_NOOP("Commands", "Reject all of this kind in this issue…"),
        "Ctrl+Shift+F9",
    ),
    _c(
        "accept_rule_project",
        "suggestion",
        QT_TRANSLATE_NOOP("Commands", "Accept all of this kind in the whole project…"),
    ),
    _c(
        "reject_rule_project",
        "suggestion",
        QT_TRANSLATE_NOOP("Commands", "Reject all of this kind in the whole project…"),
    ),
    _c(
        "next_article",
        "go",
        QT_TRANSLATE_NOOP("Commands", "Next article"),
        "Ctrl+PgDown",
        edits=False,
    ),
    _c(
        "previous_article",
        "go",
        QT_TRANSLATE_NOOP("Commands", "Previous article"),
        "Ctrl+PgUp",
        edits=False,
    ),
    _c(
        "next_document",
        "go",
        QT_TRANSLATE_NOOP("Commands", "Next document"),
        "Ctrl+Shift+PgDown",
        edits=False,
    ),
    _c(
        "previous_document",
        "go",
        QT_TRANSLATE_NOOP("Commands", "Previous document"),
        "Ctrl+Shift+PgUp",
        edits=False,
    ),
    _c(
        "next_uncertain",
        "go",
        QT_TRANSLATE_NOOP("Commands", "Next uncertain boundary"),
        "Ctrl+U",
        edits=False,
    ),
    _c("zoom_in", "view", QT_TRANSLATE_NOOP("Commands", "Larger text"), "Ctrl+=", edits=False),
    _c("zoom_out", "view", QT_TRANSLATE_NOOP("Commands", "Smaller text"), "Ctrl+-", edits=False),
    _c(
        "show_diff",
        "view",
        QT_TRANSLATE_NOOP("Commands", "Show differences from raw text"),
        "Ctrl+D",
        edits=False,
    ),
    _c(
        "history",
        "view",
        QT_TRANSLATE_NOOP("Commands", "History of changes"),
        "Ctrl+Shift+H",
        edits=False,
    ),
    _c(
        "statistics",
        "view",
        QT_TRANSLATE_NOOP("Commands", "Project statistics…"),
        "Ctrl+Shift+S",
        edits=False,
    ),
    _c(
        "scan",
        "view",
        QT_TRANSLATE_NOOP("Commands", "Page scan beside the raw text"),
        "Ctrl+Shift+M",
        edits=False,
    ),
    _c(
        "switch_language",
        "view",
        QT_TRANSLATE_NOOP("Commands", "Switch language (中文 / English)"),
        "Ctrl+Shift+L",
        edits=False,
    ),
    _c(
        "learn_now",
        "tools",
        QT_TRANSLATE_NOOP("Commands", "Learn from reviewed documents"),
        "Ctrl+L",
    ),
    _c(
        "repropose_now",
        "tools",
        QT_TRANSLATE_NOOP("Commands", "Re-propose untouched documents"),
        "Ctrl+Shift+P",
    ),
    _c(
        "dictionary",
        "tools",
        QT_TRANSLATE_NOOP("Commands", "Project dictionary…"),
        "Ctrl+Shift+D",
        edits=False,
    ),
    _c(
        "stop_learning",
        "tools",
        QT_TRANSLATE_NOOP("Commands", "Stop learning"),
        edits=False,
    ),
    _c(
        "cheat_sheet",
        "help",
        QT_TRANSLATE_NOOP("Commands", "Keyboard shortcuts"),
        "F1",
        edits=False,
    ),
)


@dataclass(frozen=True, slots=True)
class PaneKey:
    """A key that works only while one pane has the keyboard focus. The pane handles it
    itself, so it may share its key with a window command: Ctrl+= zooms the page scan
    while the scan has the focus, and the text anywhere else."""

    name: str
    text: str
    keys: str


SCAN_HEADING = QT_TRANSLATE_NOOP("Menus", "Page scan (while it has the focus)")
SCAN_KEYS: tuple[PaneKey, ...] = (
    PaneKey("zoom_in", QT_TRANSLATE_NOOP("Commands", "Zoom the page scan in"), "Ctrl+="),
    PaneKey("zoom_out", QT_TRANSLATE_NOOP("Commands", "Zoom the page scan out"), "Ctrl+-"),
    PaneKey(
        "fit_width",
        QT_TRANSLATE_NOOP("Commands", "Fit the page scan to the pane's width"),
        "Ctrl+0",
    ),
)
