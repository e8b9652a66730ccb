"""Learning from the reviewed documents in the main window: Tools menu, status, offer.

The work is `WindowLearning`'s; this puts it on screen: a quiet line in the status bar
while a worker learns or plans, and a bar above the text offering to re-propose.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject

from editor_app.qt.dialogs import non_modal_notice, show_error
from editor_app.qt.learning import LEARN, WindowLearning
from editor_app.qt.widgets.learning_bars import LearningStatus, OfferBar

STATUS_MESSAGE_MS = 15000


class LearningController(QObject):
    """Puts a WindowLearning on screen; `commit_typing` runs before the editor's requests.

    A QObject of the GUI thread, so that what the learning reports is shown there.
    """

    def __init__(
        self,
        learning: WindowLearning,
        offer_bar: OfferBar,
        status: LearningStatus,
        stop_action,
        *,
        say: Callable[[str, int], None],
        commit_typing: Callable[[], None],
        window,
    ) -> None:
        super().__init__(window)
        self.learning = learning
        self.offer_bar = offer_bar
        self.learning_status = status
        self.stop_action = stop_action
        self.say = say
        self.commit_typing = commit_typing
        self.window = window
        self.learning_notice = None

    def connect(self, import_finished) -> None:
        learning = self.learning
        learning.running_changed.connect(self._learning_running)
        learning.progressed.connect(self.learning_status.advance)
        learning.offer_changed.connect(self._show_offer)
        learning.message.connect(lambda text: self.say(text, STATUS_MESSAGE_MS))
        learning.failed.connect(self._learning_failed)
        self.learning_status.stop_clicked.connect(learning.cancel)
        self.offer_bar.accepted.connect(learning.accept_offer)
        self.offer_bar.declined.connect(learning.decline_offer)
        import_finished.connect(lambda _report: learning.store_waiting())

    def retranslate(self) -> None:
        self._learning_running(self.learning.running)
        self._show_offer(self.learning.offer)

    # -- the commands -----------------------------------------------------------------------

    def cmd_learn_now(self) -> None:
        self.commit_typing()
        self.learning.learn(by_hand=True)

    def cmd_repropose_now(self) -> None:
        self.commit_typing()
        self.learning.repropose_now()

    def cmd_stop_learning(self) -> None:
        self.learning.cancel()

    # -- what the editor sees ---------------------------------------------------------------

    def _learning_running(self, kind: str) -> None:
        self.stop_action.setEnabled(bool(kind))
        if not kind:
            self.learning_status.hide()
        elif kind == LEARN:
            text = QCoreApplication.translate("Learning", "Learning from %1 reviewed documents…")
            self.learning_status.begin(text.replace("%1", str(self.learning.learning_from)))
        else:
            self.learning_status.begin(
                QCoreApplication.translate(
                    "Learning", "Working out what re-proposing would change…"
                )
            )

    def _show_offer(self, plan) -> None:
        if plan is None:
            self.offer_bar.hide()
            return
        text = (
            QCoreApplication.translate(
                "Learning",
                "%1 untouched documents would be proposed differently, %2 boundaries in all. "
                "Re-propose them? Documents an editor has changed stay as they are.",
            )
            .replace("%1", str(len(plan.documents)))
            .replace("%2", str(plan.boundaries))
        )
        self.offer_bar.message.setText(text)
        self.offer_bar.show()

    def _learning_failed(self, text: str, by_hand: bool) -> None:
        title = QCoreApplication.translate(
            "Learning", "Learning from the reviewed documents failed"
        )
        if by_hand:
            show_error(self.window, title, text)
        else:  # the editor did not ask: tell without stopping the work
            self.learning_notice = non_modal_notice(self.window, title, text)
