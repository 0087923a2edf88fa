"""The one failure policy: what a failed operation looks like to the user.

* A domain refusal is handed to the operation's ``refused`` callback (the form shows it
  next to the field and keeps what was typed); without one it is said once.
* A transient failure (locked, server gone, deadlock, serialization failure) puts up
  ONE non-modal banner; the runner retries with backoff and the banner clears itself
  when the database answers again.
* A permanent failure (read-only database, disk full, data refused) is said once,
  plainly, with no retry loop.
* Anything unexpected is logged with its traceback and shown briefly with the log's
  path; ``sys.excepthook`` routes exceptions in slots here too.

Background work (the minute tick, the clocks) never opens a dialog: its failures go to
the banner. A message already on screen is never stacked a second time.

Lives on the GUI thread. Signals: ``banner_changed(str)`` (empty: clear the banner).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.i18n import messages
from desktop.operations import logs
from desktop.widgets.rich_text import fill
from models.db.failures import Failure, Kind, Reason, classify, failure_error

log = logging.getLogger(__name__)

Refused = Callable[[str, BaseException], None]


class FailurePolicy(QObject):
    banner_changed = Signal(str)
    #: An uncaught exception from any thread, delivered on the GUI thread.
    _uncaught = Signal(object)

    def __init__(self, window: QWidget | None = None, log_path: Path | None = None) -> None:
        super().__init__(window)
        self._window = window
        self.log_path = log_path or logs.log_file()
        self.banner = ""
        self._boxes: dict[str, QMessageBox] = {}
        #: Every sentence shown to the user, in order (what a test or a support call reads).
        self.shown: list[str] = []
        self._uncaught.connect(self._on_uncaught, Qt.ConnectionType.QueuedConnection)

    # -- Entry points -------------------------------------------------------------------
    def handle(
        self, exc: BaseException, *, background: bool = False, refused: Refused | None = None
    ) -> Failure:
        """Show ``exc`` as the policy says; returns its classification (the runner
        retries transient failures itself)."""
        failure = classify(exc)
        if failure.kind is Kind.REFUSAL:
            text = self.refusal_text(exc, failure)
            log.info("refused: %s", exc)
            if refused is not None:
                refused(text, exc)
            elif not background:
                self.say(text)
        elif failure.kind is Kind.TRANSIENT:
            if not self.banner:
                log.warning("database unavailable, retrying: %s", _first_line(exc))
            self._set_banner(self.transient_text(failure.reason))
        elif failure.kind is Kind.PERMANENT:
            log.error("permanent failure", exc_info=exc)
            self._tell(self.permanent_text(failure.reason), background)
        else:
            log.error("unexpected failure", exc_info=exc)
            self._tell(self.unexpected_text(), background)
        return failure

    def recovered(self) -> None:
        """The database answered: clear the banner."""
        if self.banner:
            log.info("database answers again")
            self._set_banner("")

    def report_uncaught(self, exc: BaseException) -> None:
        """For ``sys.excepthook`` (any thread): already logged, show it briefly."""
        self._uncaught.emit(exc)

    # -- Texts --------------------------------------------------------------------------
    def refusal_text(self, exc: BaseException, failure: Failure) -> str:
        if failure.reason is Reason.STALE:
            return self.tr(
                "Someone else changed this lead a moment ago, so nothing was saved. "
                "The current values are shown; what you typed is kept."
            )
        return messages.message(exc)

    def transient_text(self, reason: Reason) -> str:
        if reason is Reason.LOCKED:
            return self.tr("The database is busy. Your work is kept and will be saved shortly…")
        if reason is Reason.CONFLICT:
            return self.tr("Another change got in the way. Retrying…")
        return self.tr("The database cannot be reached. Your work is kept; Baton keeps trying…")

    def permanent_text(self, reason: Reason) -> str:
        """The catalogue's sentence for the failure (the CLI says the same), with where
        the details are when the database refused the data itself."""
        error = failure_error(reason)
        text = messages.message(error) if error is not None else self.unexpected_text()
        if reason is Reason.REFUSED_DATA:
            text += " " + fill(self.tr("Details are in %1."), self.log_path)
        return text

    def unexpected_text(self) -> str:
        return fill(self.tr("Something went wrong. The details were written to %1."), self.log_path)

    # -- Showing ------------------------------------------------------------------------
    def say(self, text: str) -> None:
        """Show ``text`` in a non-modal message box, unless it is already on screen."""
        box = self._boxes.get(text)
        if box is not None and box.isVisible():
            return
        self.shown.append(text)
        box = QMessageBox(self._window)
        box.setWindowTitle("Baton")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(text)
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _code, t=text: self._boxes.pop(t, None))
        self._boxes[text] = box
        box.show()

    def open_messages(self) -> list[str]:
        return [text for text, box in self._boxes.items() if box.isVisible()]

    def _tell(self, text: str, background: bool) -> None:
        if background:
            self._set_banner(text)
        else:
            self.say(text)

    def _set_banner(self, text: str) -> None:
        if text == self.banner:
            return
        self.banner = text
        if text:
            self.shown.append(text)
        self.banner_changed.emit(text)

    def _on_uncaught(self, exc: BaseException) -> None:
        self._tell(self.unexpected_text(), background=False)


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
