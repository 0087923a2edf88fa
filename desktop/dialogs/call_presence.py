"""The call dialog among colleagues: the claim on the lead, and what others did to it.

* While the dialog is open the rep holds the lead's claim (models.leads.claims): it is
  taken as the dialog opens, renewed every :data:`RENEW_MS`, and let go when the dialog
  closes (saved or not). Corrections of past calls claim nothing.
* When someone else is on the phone with the lead, or changes it while the dialog is
  open (a team lead reassigns it, another rep logs a call), the dialog says so in its
  notice (what changed and who, from the audit trail) before the rep saves, and loads
  the current values; what the rep typed is kept.

GUI thread. Signals: ``lead_changed()`` when the lead moved past the version the dialog
shows (the dialog loads the current values, keeping what was typed).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QDialog, QLabel

from desktop.i18n import labels
from desktop.operations import calls as call_ops
from desktop.operations import claims as claim_ops
from desktop.operations.runner import Operations
from desktop.widgets.rich_text import fill, plain_label
from models.core.changes import Changes
from models.leads.claims import LEASE
from models.leads.concurrency import LeadNow

#: How often the claim is renewed: three times in a lease, so one failed renewal (the
#: server briefly gone) does not lose it.
RENEW_MS = int(LEASE.total_seconds() * 1000 / 3)


class CallPresence(QObject):
    lead_changed = Signal()

    def __init__(
        self,
        ops: Operations,
        user_id: int,
        lead_id: int,
        seen_version: Callable[[], int | None],
        dialog: QDialog,
        *,
        claim: bool = True,
    ) -> None:
        super().__init__(dialog)
        self._ops = ops
        self._user_id = user_id
        self._lead_id = lead_id
        self._seen_version = seen_version
        self._claiming = claim
        self._owner: tuple[int | None, str | None] | None = None
        self._open = True
        #: Plain text (names come from users): what others did, shown above the buttons.
        self.notice: QLabel = plain_label()
        self.notice.setObjectName("callNotice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color: #8a4b00;")
        self.notice.hide()
        self._renew = QTimer(self)
        self._renew.setInterval(RENEW_MS)
        self._renew.timeout.connect(self.on_renew_timer_timeout)
        ops.changed.connect(self.on_ops_changed)
        dialog.finished.connect(self.on_dialog_finished)
        if claim:
            self._claim()
            self._renew.start()
        # Whose lead it is as the dialog opens: a later owner means it was reassigned.
        claim_ops.lead_now(ops, lead_id, self).success(self._on_first_look).run()

    # -- The claim ------------------------------------------------------------------------
    def _claim(self) -> None:
        op = claim_ops.claim(self._ops, self._user_id, self._lead_id, self)
        op.success(lambda _held: self._held()).refused(self._on_claim_refused).run()

    def _held(self) -> None:
        if self.notice.property("claimRefused"):
            self.notice.setProperty("claimRefused", False)
            self.notice.hide()

    def _on_claim_refused(self, text: str, _exc: BaseException) -> None:
        self.notice.setProperty("claimRefused", True)
        self._say(text)

    def on_renew_timer_timeout(self) -> None:
        self._claim()

    def on_dialog_finished(self, _code: int) -> None:
        if not self._open:
            return
        self._open = False
        self._renew.stop()
        self._ops.changed.disconnect(self.on_ops_changed)
        if self._claiming:
            claim_ops.release(self._ops, self._user_id, self._lead_id).run()

    # -- Others' changes ------------------------------------------------------------------
    def on_ops_changed(self, changes: Changes) -> None:
        """A write touched the lead (not this dialog's own save): see who did what."""
        if changes.initiator == call_ops.INITIATOR or self._lead_id not in changes.lead_ids:
            return
        claim_ops.lead_now(self._ops, self._lead_id, self).success(self._on_looked).run()

    def _on_first_look(self, now: LeadNow) -> None:
        if self._owner is None:
            self._owner = (now.owner_id, now.owner_name)

    def _on_looked(self, now: LeadNow) -> None:
        if now.version == self._seen_version():
            return  # nothing the dialog does not show already
        reassigned = self._owner is not None and self._owner[0] != now.owner_id
        self._say(self._what_happened(now, reassigned))
        self._owner = (now.owner_id, now.owner_name)
        self.lead_changed.emit()

    def _what_happened(self, now: LeadNow, reassigned: bool) -> str:
        last = now.last
        who = (last.user if last is not None else None) or "Baton"
        when = labels.datetime_short(last.at) if last is not None else ""
        if reassigned:
            owner = now.owner_name or self.tr("nobody (unassigned)")
            return fill(
                self.tr(
                    "%1 reassigned this lead to %2 (%3) while this call was open. What you "
                    "typed is kept."
                ),
                who,
                owner,
                when,
            )
        if last is None:
            return self.tr(
                "This lead was changed while this call was open. The current values are "
                "shown; what you typed is kept."
            )
        return fill(
            self.tr(
                "%1 changed this lead while this call was open (%2, %3). The current values "
                "are shown; what you typed is kept."
            ),
            who,
            labels.audit_action(last.action),
            when,
        )

    def _say(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.show()
