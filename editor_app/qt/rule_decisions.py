"""Accepting or rejecting every open suggestion of one kind: what the window asks first and
what it says after, in the issue or in the whole project."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from editor_app.qt.labels import rule_name


@dataclass(frozen=True, slots=True)
class RuleDecision:
    """One of the four commands: accept or reject, in the issue or in the project."""

    verdict: str  # "accept" or "reject"
    whole_project: bool
    question: str  # %1 the count, %2 the kind
    done: str


DECISIONS = {
    "accept_rule": RuleDecision(
        "accept",
        False,
        QT_TRANSLATE_NOOP("Commands", "Accept all %1 open “%2” suggestions in this issue?"),
        QT_TRANSLATE_NOOP("Commands", "Accepted %1 “%2” suggestions in this issue."),
    ),
    "reject_rule": RuleDecision(
        "reject",
        False,
        QT_TRANSLATE_NOOP("Commands", "Reject all %1 open “%2” suggestions in this issue?"),
        QT_TRANSLATE_NOOP("Commands", "Rejected %1 “%2” suggestions in this issue."),
    ),
    "accept_rule_project": RuleDecision(
        "accept",
        True,
        QT_TRANSLATE_NOOP("Commands", "Accept all %1 open “%2” suggestions in the whole project?"),
        QT_TRANSLATE_NOOP("Commands", "Accepted %1 “%2” suggestions in the whole project."),
    ),
    "reject_rule_project": RuleDecision(
        "reject",
        True,
        QT_TRANSLATE_NOOP("Commands", "Reject all %1 open “%2” suggestions in the whole project?"),
        QT_TRANSLATE_NOOP("Commands", "Rejected %1 “%2” suggestions in the whole project."),
    ),
}


def _filled(text: str, count: int, rule: str) -> str:
    return (
        QCoreApplication.translate("Commands", text)
        .replace("%1", str(count))
        .replace("%2", rule_name(rule))
    )


def confirmed(window: QWidget, decision: RuleDecision, title: str, rule: str, count: int) -> bool:
    """Ask before deciding `count` suggestions at once; one undo step takes them back."""
    text = _filled(decision.question, count, rule) + "\n\n"
    text += QCoreApplication.translate("Commands", "One undo step takes them all back.")
    answer = QMessageBox.question(
        window,
        title,
        text,
        QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Ok


def done_message(decision: RuleDecision, rule: str, count: int) -> str:
    return _filled(decision.done, count, rule)
