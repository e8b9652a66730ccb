"""The window learns from its editors: after every few newly reviewed documents it fits the
project's model in a worker process, stores it, and offers to re-propose the untouched ones.

Only the window's writer writes: the worker reads the project through a read-only
connection and hands back the fitted model, which is stored here, on the GUI thread; the
re-proposal is worked out in a worker too and applied here as one undoable operation. A
document an editor changes while the plan waits is left out of it: nobody's work is
overwritten.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QObject, Signal

from editor_app.qt import learning_work
from editor_app.qt.process_job import ProcessJob
from editor_app.storage import Plan

LEARN, PLAN = "learn", "plan"


class WindowLearning(QObject):
    """Learning and re-proposing for one window; `stop()` before its project closes."""

    learned = Signal(object)  # the ModelRecord stored
    planned = Signal(object)  # the Plan worked out, whether it changes anything or not
    offer_changed = Signal(object)  # the Plan offered, or None when there is none
    running_changed = Signal(str)  # LEARN, PLAN, or "" when nothing runs
    worker_started = Signal(int)  # the worker's process id
    progressed = Signal(int, int)
    message = Signal(str)  # a short status-bar message
    failed = Signal(str, bool)  # what went wrong, and whether the editor had asked

    def __init__(self, runner, preferences, parent=None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.preferences = preferences
        self.job: ProcessJob | None = None
        self.kind = ""
        self.by_hand = False  # the editor asked: say why nothing happens, apply a plan at once
        self.offer: Plan | None = None
        self.unstored = None  # a fitted model waiting for an import to end
        self.attempted: set[int] = set()  # reviewed documents a learning already started from
        self.changed_while_planning: set[int] = set()
        self.learning_from = 0  # how many reviewed documents the learning under way started from
        self._reviewed: set[int] | None = None  # kept up to date edit by edit, once read
        self._ending: set[ProcessJob] = set()  # stopped, their thread not yet ended
        runner.changed.connect(self._after_change)

    @property
    def project(self):
        return self.runner.project

    @property
    def running(self) -> str:
        return self.kind if self.job is not None else ""

    # -- when to learn ----------------------------------------------------------------------

    def newly_reviewed(self) -> list[int]:
        """Reviewed documents no model has learned from and no learning has started from."""
        if self._reviewed is None:
            self._reviewed = set(self.project.learning.reviewed_document_ids())
        record = self.project.models.current()
        known = set(record.documents if record else ()) | self.attempted
        return sorted(self._reviewed - known)

    def _after_change(self, result) -> None:
        self._forget_changed(result.document_ids)
        if "articles" in result.tables:
            self._note_reviews(result.document_ids)
            if self._time_to_learn():
                self.learn(by_hand=False)

    def _note_reviews(self, document_ids) -> None:
        """Ask only about the documents an edit changed: a big project stays quick."""
        if self._reviewed is not None and document_ids:
            changed = set(document_ids)
            now = self.project.learning.reviewed_document_ids(changed)
            self._reviewed = (self._reviewed - changed) | set(now)

    def _time_to_learn(self) -> bool:
        every = self.preferences.learn_every
        if every <= 0 or self.job is not None or not self.runner.can_edit:
            return False
        return len(self.newly_reviewed()) >= every

    def _forget_changed(self, document_ids) -> None:
        """A document changed since the plan was worked out is no longer offered."""
        if self.kind == PLAN and self.job is not None:
            self.changed_while_planning |= set(document_ids)
        if self.offer is not None and set(document_ids) & _document_ids(self.offer):
            self._set_offer(_without(self.offer, document_ids))

    # -- learning ---------------------------------------------------------------------------

    def learn(self, *, by_hand: bool = True) -> None:
        """Fit the project's model in a worker; store it and plan a re-proposal after."""
        if not self._can_start(by_hand):
            return
        reviewed = self.project.learning.reviewed_document_ids()
        self._reviewed = set(reviewed)
        if not reviewed:
            self._say_nothing_to_learn(by_hand)
            return
        self.attempted |= set(reviewed)
        self.learning_from = len(reviewed)
        base = list(self.preferences.learning_base)
        self._start(LEARN, by_hand, learning_work.fit_model, str(self.project.path), base)

    def _can_start(self, by_hand: bool) -> bool:
        if self.project is None or not self.runner.can_edit:
            return False
        if self.job is not None:
            if by_hand:
                self.message.emit(self.tr("Still working on the last request; try again after it."))
            return False
        return True

    def _say_nothing_to_learn(self, by_hand: bool) -> None:
        text = self.tr(
            "No document is reviewed yet: mark every article of a document reviewed "
            "or approved, then learn again."
        )
        self.failed.emit(text, by_hand)

    def _learned(self, fitted) -> None:
        if self.runner.busy:  # an import holds the writer: store when it ends
            self.unstored = fitted
            return
        self._store(*fitted)

    def store_waiting(self) -> None:
        """Store a model that was fitted while an import ran."""
        if self.unstored is not None and self.runner.can_edit:
            fitted, self.unstored = self.unstored, None
            self._store(*fitted)

    def _store(self, learned, detail: dict) -> None:
        stored = []
        self.runner.run(lambda: stored.append(self.project.learning.keep(learned, detail)))
        if not stored:
            return  # the runner has said why
        record = stored[0]
        self._set_offer(None)  # an offer worked out with the model before is stale now
        self.message.emit(self.describe(record))
        self.learned.emit(record)
        self.plan(by_hand=False)

    # -- re-proposing -----------------------------------------------------------------------

    def plan(self, *, by_hand: bool = True) -> None:
        """Work out in a worker what proposing the untouched documents again would change."""
        if self._can_start(by_hand):
            self.changed_while_planning = set()
            self._start(PLAN, by_hand, learning_work.plan, str(self.project.path))

    def repropose_now(self) -> None:
        """The offer if there is one, else a plan worked out now and applied at once."""
        if self.offer is not None:
            self.accept_offer()
        else:
            self.plan(by_hand=True)

    def _plan_ready(self, plan: Plan) -> None:
        plan = _without(plan, self.changed_while_planning)
        if not self._model_still(plan):
            return  # a newer model was stored meanwhile; its own plan follows
        self.planned.emit(plan)
        if not plan.documents:
            self.message.emit(self.tr("Re-proposing would change none of the untouched documents."))
            self._set_offer(None)
        elif self.by_hand:
            self._set_offer(None)
            self._apply(plan)
        else:
            self._set_offer(plan)

    def accept_offer(self) -> None:
        plan, self.offer = self.offer, None
        self.offer_changed.emit(None)
        if plan is not None:
            self._apply(plan)

    def decline_offer(self) -> None:
        self._set_offer(None)

    def _apply(self, plan: Plan) -> None:
        if self.project is None:
            return
        if not self._model_still(plan):
            self.message.emit(self.tr("A newer model was learned meanwhile: ask again."))
            return
        untouched, _touched = self.project.repropose.untouched(_document_ids(plan))
        plan = _without(plan, _document_ids(plan) - set(untouched))
        if not plan.documents:
            self.message.emit(self.tr("Every document of the offer has been edited meanwhile."))
            return
        if self.runner.run(self.project.repropose.apply, plan) is not None:
            self.message.emit(
                self.tr(
                    "Re-proposed %1 documents: %2 boundaries changed. "
                    "Undo brings the old proposal back."
                )
                .replace("%1", str(len(plan.documents)))
                .replace("%2", str(plan.boundaries))
            )

    def _model_still(self, plan: Plan) -> bool:
        record = self.project.models.current()
        return (record.sha256 if record else "shipped") == plan.model

    def _set_offer(self, plan: Plan | None) -> None:
        self.offer = plan if plan is not None and plan.documents else None
        self.offer_changed.emit(self.offer)

    def describe(self, record) -> str:
        """What the model learned from and, when some were held back, how it did on them."""
        text = self.tr("Learned from %1 reviewed documents.").replace(
            "%1", str(len(record.documents))
        )
        if not record.held_out:
            return text
        score = record.score
        figures = (
            self.tr("On %1 held back: %2 edits per 10 articles (the shipped model: %3).")
            .replace("%1", str(len(record.held_out)))
            .replace("%2", f"{score['model']['edits_per_10_articles']:.2f}")
            .replace("%3", f"{score['shipped']['edits_per_10_articles']:.2f}")
        )
        return f"{text} {figures}"

    # -- the worker -------------------------------------------------------------------------

    def _start(self, kind: str, by_hand: bool, function, *args) -> None:
        self.kind, self.by_hand = kind, by_hand
        job = self.job = ProcessJob(function, *args, parent=self)
        self._ending.add(job)
        job.started.connect(lambda pid: self._if_current(job, self.worker_started.emit, pid))
        job.progress.connect(lambda done, total: self._if_current(job, self._progress, done, total))
        job.finished.connect(lambda result: self._if_current(job, self._finished, result))
        job.failed.connect(lambda error, text: self._if_current(job, self._failed, error, text))
        job.ended.connect(lambda: self._ended(job))
        job.start()
        self.running_changed.emit(kind)

    def _if_current(self, job: ProcessJob, slot, *args) -> None:
        """Reports of a job that was stopped are dropped."""
        if job is self.job and not job.cancelled:
            slot(*args)

    def _progress(self, done: int, total: int) -> None:
        self.progressed.emit(done, total)

    def _finished(self, result) -> None:
        kind = self.kind
        self._clear()
        if kind == LEARN:
            self._learned(result)
        else:
            self._plan_ready(result)

    def _failed(self, error: str, text: str) -> None:
        self._clear()
        if error == "NothingToLearnError":  # every reviewed document was reopened meanwhile
            self._say_nothing_to_learn(self.by_hand)
        else:
            self.failed.emit(text, self.by_hand)

    def _ended(self, job: ProcessJob) -> None:
        self._ending.discard(job)
        job.deleteLater()
        if job is self.job:  # it ended without a word
            self._clear()

    def _clear(self) -> None:
        if self.job is not None:
            self.job = None
            self.running_changed.emit("")

    def cancel(self) -> None:
        """Stop what runs now; nothing is stored."""
        job = self.job
        if job is not None:
            job.cancel()
            self._clear()
            self.message.emit(self.tr("Stopped; nothing was changed."))

    def stop(self) -> None:
        """The project closes: end the worker and forget everything about this project."""
        self.job = None
        for job in list(self._ending):
            job.cancel()
            job.wait()  # at once: the process is killed, its watcher sees it go
        self.kind, self.unstored, self._reviewed = "", None, None
        self.attempted.clear()
        self._set_offer(None)
        self.running_changed.emit("")


def _document_ids(plan: Plan) -> set[int]:
    return {d.document_id for d in plan.documents}


def _without(plan: Plan, document_ids) -> Plan:
    gone = set(document_ids)
    return dataclasses.replace(
        plan, documents=[d for d in plan.documents if d.document_id not in gone]
    )
