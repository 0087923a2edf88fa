"""The handoff definition checked on the lead: the pane's checklist tab, and the strip
above the tabs that says where the lead stands and holds "Promote to field sales…".

Every text here is plain (criteria sentences, evidence with the prospect's words): tree
items show plain text; tooltips go through :func:`desktop.widgets.rich_text.tooltip`.

Signals: ``HandoffStrip.promote_requested()`` when the rep presses the button.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import criteria
from desktop.i18n.messages import message
from desktop.operations.handoff import LeadView
from desktop.widgets.rich_text import escape, fill, plain_label, tooltip
from models.definitions.criteria import Group
from models.definitions.evaluate import Check
from models.handoff.checklist import Checklist
from models.leads.availability import LeadAction

MET = "✓"
UNMET = "✗"
_GREEN = QColor("#1b7f3b")
_RED = QColor("#b00020")
_GREY = QColor("#555555")


def unmet_lines(check: Check) -> list[str]:
    """What the lead still needs, one line per missing criterion (plain text)."""
    if check.met:
        return []
    if isinstance(check.criterion, Group):
        if check.criterion.kind == "all":
            return [line for item in check.items for line in unmet_lines(item)]
        options = [criteria.sentence(item.criterion) for item in check.items]
        needs = QCoreApplication.translate("ChecklistView", "needs one of: %1")
        return [fill(needs, " / ".join(options))]
    return [criteria.needs(check)]


class ChecklistView(QWidget):
    """The checklist tab: the definition's version, then each criterion met or not, its
    evidence under it (wrapped to the pane's width; every text escaped)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checklistView")
        self.heading = plain_label()
        self.heading.setObjectName("checklistHeading")
        self.heading.setWordWrap(True)
        self.body = QTextBrowser()
        self.body.setObjectName("checklist")
        self.body.setOpenLinks(False)
        self._lines: list[str] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.body, 1)

    def show_checklist(self, checked: Checklist) -> None:
        if checked.qualified:
            state = self.tr("meets every criterion")
        else:
            state = self.tr("%n criterion(s) missing", "", checked.missing)
        self.heading.setText(
            fill(
                self.tr("Handoff definition “%1”, version %2: %3"),
                checked.definition_name,
                checked.definition_version,
                state,
            )
        )
        self._lines = []
        html = [self._html(check, 0) for check in checked.items]
        self.body.setHtml("".join(html))

    def _line(self, text: str, color: QColor, depth: int, bold: bool = False) -> str:
        self._lines.append(text)
        weight = "font-weight:600;" if bold else ""
        return (
            f"<p style='margin:1px 0 1px {depth * 18}px; color:{color.name()}; {weight}'>"
            f"{escape(text)}</p>"
        )

    def _html(self, check: Check, depth: int) -> str:
        # An unmet criterion says what it needs (its evidence, if any, shows how far it got).
        leaf = not isinstance(check.criterion, Group)
        said = (
            criteria.needs(check) if leaf and not check.met else criteria.sentence(check.criterion)
        )
        color = _GREEN if check.met else _RED
        parts = [self._line(f"{MET if check.met else UNMET}  {said}", color, depth, True)]
        parts.extend(self._html(item, depth + 1) for item in check.items)
        for evidence in check.evidence:
            parts.append(self._line(criteria.evidence_line(evidence), _GREY, depth + 1))
        return "".join(parts)

    def lines(self) -> list[str]:
        """Every line shown, top to bottom (plain text; for tests and screen readers)."""
        return list(self._lines)


class HandoffStrip(QWidget):
    """Where the lead stands against the definition, and the promote button."""

    promote_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = plain_label()
        self.status.setObjectName("handoffStatus")
        self.status.setWordWrap(True)
        self.promote_button = QPushButton(self.tr("Promote to field sales…"))
        self.promote_button.setObjectName("promote")
        self.promote_button.clicked.connect(self.promote_requested)
        #: Copy summary / Export summary… (its menu is set by desktop.lead.summary_menu).
        self.summary_button = QPushButton(self.tr("Summary"))
        self.summary_button.setObjectName("summaryMenu")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status, 1)
        layout.addWidget(self.summary_button)
        layout.addWidget(self.promote_button)
        #: Why promotion is refused to this user now (None: the button is enabled).
        self.refusal: str | None = None

    def show_view(self, view: LeadView) -> None:
        checked = view.checklist
        if checked.qualified:
            self.status.setText(
                fill(
                    self.tr("Meets the handoff definition (version %1)."),
                    checked.definition_version,
                )
            )
            self.status.setStyleSheet(f"color: {_GREEN.name()}; font-weight: 600")
        else:
            first = unmet_lines(checked.check)
            self.status.setText(
                fill(
                    self.tr("%n criterion(s) missing (definition v%1) — %2", "", checked.missing),
                    checked.definition_version,
                    first[0] if first else "",
                )
            )
            self.status.setStyleSheet(f"color: {_RED.name()}")
        self.refusal, tip = self._state(view)
        self.promote_button.setEnabled(self.refusal is None)
        self.promote_button.setToolTip(tooltip(self.refusal or tip) or "")

    def _state(self, view: LeadView) -> tuple[str | None, str]:
        """(why promotion is refused, or None; the tooltip when it is not)."""
        refused = view.detail.refusals.get(LeadAction.PROMOTE)
        if refused is not None:
            return message(refused), ""
        if view.checklist.qualified:
            return None, self.tr("Hand this lead to field sales, with a summary")
        missing = "\n".join(unmet_lines(view.checklist.check))
        if view.may_override:
            return None, fill(
                self.tr(
                    "Not every criterion is met:\n%1\nAs a team lead you may hand it off "
                    "anyway, with a reason."
                ),
                missing,
            )
        return fill(
            self.tr("Not every criterion of the handoff definition is met:\n%1"), missing
        ), ""
