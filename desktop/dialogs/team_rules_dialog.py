"""A team's working rules (File → Team rules…): business hours and days, the holiday
calendar, the first-call target, the unanswered-attempt limit, the business days field
sales have to answer a handoff, and the routing rules (:mod:`desktop.dialogs.routing_rules`).

Team leads and administrators change them; everyone else reads them here (the form is
read-only and Save is disabled, its tooltip says why; the domain refuses a change from
anyone else whatever the form shows). Only the rules the user changed are sent, with the
rules the form was opened on: if someone changed them meanwhile, nothing is saved, the
dialog says who and when, marks what changed, shows the current values of what the user
did not touch and keeps what they typed; Save again then saves over the current rules.
A refusal (an hour such as "25:00") is said under the form, in the user's language, and
the field it names gets the focus.

Signals: ``saved(TeamInfo)`` once the change is stored (the dialog then closes).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.cli import team as words
from desktop.dialogs.routing_rules import RoutingEditor
from desktop.i18n import messages as errors
from desktop.operations import team as team_ops
from desktop.operations.runner import Operations
from desktop.widgets.error_label import error_label
from desktop.widgets.rich_text import fill, plain_label
from models.core.errors import BatonError, ConcurrentChange
from models.db.failures import Failure
from models.teams import permissions
from models.teams.permissions import Action
from models.teams.rules import TeamInfo, TeamUpdated
from models.teams.users import UserInfo

#: Which rule each dotted name (a refusal's ``field``, a stale refusal's ``changed``)
#: belongs to, named as the form names it.
_RULE_NAMES = {
    "business_hours": words.BUSINESS_HOURS,
    "business_hours.start": words.BUSINESS_HOURS,
    "business_hours.end": words.BUSINESS_HOURS,
    "business_hours.weekdays": words.BUSINESS_DAYS,
    "weekdays": words.BUSINESS_DAYS,
    "timezone": words.TIME_ZONE,
    "holiday_country": words.HOLIDAYS,
    "sla_minutes": words.FIRST_CALL,
    "attempts": words.UNANSWERED,
    "attempts.max_unanswered": words.UNANSWERED,
    "attempts.period_days": words.UNANSWERED,
    "handoff_response_days": words.RESPONSE_DAYS,
    "routing": words.ROUTING,
}


def changes_between(seen: dict[str, Any], form: dict[str, Any]) -> dict[str, Any]:
    """What ``form`` changes in the rules ``seen`` (nested rules: only their changed parts)."""
    changes: dict[str, Any] = {}
    for key, value in form.items():
        if isinstance(value, dict):
            part = {k: v for k, v in value.items() if seen.get(key, {}).get(k) != v}
            if part:
                changes[key] = part
        elif seen.get(key) != value:
            changes[key] = value
    return changes


def _in_order(template: str, widgets: dict[str, QWidget]) -> QHBoxLayout:
    """``template``'s placeholders as ``widgets`` and its words as labels, in the order the
    translation puts them ("%1 within %2": 「%2 で %1 まで」)."""
    row = QHBoxLayout()
    for part in re.split(r"(%\d)", template):
        if part in widgets:
            row.addWidget(widgets[part])
        elif part.strip():
            row.addWidget(QLabel(part.strip()))
    row.addStretch(1)
    return row


def _untyped(rules: dict[str, Any], typed: dict[str, Any]) -> dict[str, Any]:
    """``rules`` without the ones the user typed (those stay as typed in the form)."""
    left: dict[str, Any] = {}
    for key, value in rules.items():
        if isinstance(value, dict):
            part = {n: v for n, v in value.items() if n not in typed.get(key, {})}
            if part:
                left[key] = part
        elif key not in typed:
            left[key] = value
    return left


class TeamRulesDialog(QDialog):
    saved = Signal(object)

    def __init__(self, ops: Operations, user: UserInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self._user = user
        self.setObjectName("teamRulesDialog")
        self.setWindowTitle(self.tr("Team rules"))
        self.can_edit = permissions.allowed(user.role, Action.EDIT_TEAM_RULES)
        #: The team and its rules as the form was (re)loaded: saves are checked against it.
        self.team: TeamInfo | None = None

        self.team_name = plain_label()
        self.team_name.setObjectName("teamName")
        self.start = self._clock("hoursStart", "09:00")
        self.end = self._clock("hoursEnd", "18:00")
        self.time_zone = plain_label()
        self.time_zone.setObjectName("timeZone")
        self.days = [QCheckBox(words.tr(name)) for name in words.WEEKDAYS]
        for n, box in enumerate(self.days):
            box.setObjectName(f"weekday{n}")
        self.holidays = QComboBox()
        self.holidays.setObjectName("holidays")
        for code, name in words.HOLIDAY_CALENDARS.items():
            self.holidays.addItem(words.tr(name), code)
        self.holidays.addItem(words.tr(words.NO_HOLIDAYS), None)
        self.sla = self._count("slaMinutes", 1, 24 * 60, self.tr(" min"))
        self.max_unanswered = self._count("maxUnanswered", 1, 99, self.tr(" attempts"))
        self.period = self._count("periodDays", 1, 365, self.tr(" days"))
        self.response_days = self._count("responseDays", 1, 30, self.tr(" business days"))
        self.routing = RoutingEditor()

        self.form = QWidget()
        self.form.setObjectName("teamRulesForm")
        form = QFormLayout(self.form)
        form.addRow(words.tr(words.TEAM), self.team_name)
        hours = QHBoxLayout()
        hours.addWidget(self.start)
        hours.addWidget(QLabel("–"))
        hours.addWidget(self.end)
        hours.addWidget(self.time_zone, 1)
        form.addRow(words.tr(words.BUSINESS_HOURS), hours)
        days = QHBoxLayout()
        for box in self.days:
            days.addWidget(box)
        days.addStretch(1)
        form.addRow(words.tr(words.BUSINESS_DAYS), days)
        form.addRow(words.tr(words.HOLIDAYS), self.holidays)
        form.addRow(words.tr(words.FIRST_CALL), self.sla)
        attempts = _in_order(
            self.tr("%1 within %2"), {"%1": self.max_unanswered, "%2": self.period}
        )
        form.addRow(words.tr(words.UNANSWERED), attempts)
        form.addRow(words.tr(words.RESPONSE_DAYS), self.response_days)
        form.addRow(plain_label(words.tr(words.ROUTING)))
        form.addRow(self.routing)
        hint = QLabel(
            self.tr(
                "Times count in business hours only, skipping days off and the holiday "
                "calendar's holidays. After the unanswered attempts, the lead pane "
                "suggests returning the lead to nurture."
            )
        )
        hint.setWordWrap(True)
        hint.setObjectName("teamRulesHint")

        self.read_only = QLabel(self.tr("Only team leads and administrators change these rules."))
        self.read_only.setObjectName("readOnlyNote")
        self.read_only.setVisible(not self.can_edit)
        self.changed_note = error_label("changedMeanwhile")
        self.error = error_label("teamRulesError")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        if not self.can_edit:
            self.save_button.setToolTip(self.read_only.text())
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Close"))

        layout = QVBoxLayout(self)
        layout.addWidget(self.read_only)
        layout.addWidget(self.form)
        layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addWidget(self.changed_note)
        layout.addWidget(self.buttons)
        self._enable(False)
        team_ops.field_reps(ops, self).success(self.routing.set_field_reps).run()
        team_ops.team_rules(ops, user.id, self).success(self._on_loaded).run()

    # -- Building ---------------------------------------------------------------------
    def _clock(self, name: str, example: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setPlaceholderText(example)
        edit.setMaxLength(8)
        edit.setFixedWidth(edit.fontMetrics().horizontalAdvance("00:00:00") + 24)
        return edit

    def _count(self, name: str, low: int, high: int, suffix: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setObjectName(name)
        spin.setRange(low, high)
        spin.setSuffix(suffix)
        return spin

    def _enable(self, loaded: bool) -> None:
        self.form.setEnabled(loaded and self.can_edit)
        self.save_button.setEnabled(loaded and self.can_edit)

    # -- The form and the rules -------------------------------------------------------
    def form_rules(self) -> dict[str, Any]:
        """The rules as the form shows them, in the rules' own shape."""
        return {
            "business_hours": {
                "start": self.start.text().strip(),
                "end": self.end.text().strip(),
                "weekdays": [n for n, box in enumerate(self.days) if box.isChecked()],
            },
            "holiday_country": self.holidays.currentData(),
            "sla_minutes": self.sla.value(),
            "attempts": {
                "max_unanswered": self.max_unanswered.value(),
                "period_days": self.period.value(),
            },
            "handoff_response_days": self.response_days.value(),
            "routing": self.routing.rules(),
        }

    def _show(self, rules: dict[str, Any], only: dict[str, Any] | None = None) -> None:
        """Put ``rules`` in the form; with ``only``, just the rules named in it."""

        def shows(key: str, name: str | None = None) -> bool:
            if only is None:
                return True
            return key in only and (name is None or name in only[key])

        hours, attempts = rules["business_hours"], rules["attempts"]
        if shows("business_hours", "start"):
            self.start.setText(hours["start"])
        if shows("business_hours", "end"):
            self.end.setText(hours["end"])
        if shows("business_hours", "weekdays"):
            for n, box in enumerate(self.days):
                box.setChecked(n in hours["weekdays"])
        if shows("holiday_country"):
            self._show_holidays(rules["holiday_country"])
        if shows("sla_minutes"):
            self.sla.setValue(int(rules["sla_minutes"]))
        if shows("attempts", "max_unanswered"):
            self.max_unanswered.setValue(int(attempts["max_unanswered"]))
        if shows("attempts", "period_days"):
            self.period.setValue(int(attempts["period_days"]))
        if shows("handoff_response_days"):
            self.response_days.setValue(int(rules["handoff_response_days"]))
        if shows("routing"):
            self.routing.set_rules(rules["routing"])

    def _show_holidays(self, code: str | None) -> None:
        index = self.holidays.findData(code)
        if index < 0:  # a calendar set elsewhere (baton team set --holidays US)
            self.holidays.addItem(words.holiday_name(code), code)
            index = self.holidays.count() - 1
        self.holidays.setCurrentIndex(index)

    def _on_loaded(self, team: TeamInfo) -> None:
        self.team = team
        self.team_name.setText(team.name)
        self.time_zone.setText(
            fill(self.tr("(%1)"), words.time_zone_name(team.settings["timezone"]))
        )
        self._show(team.settings)
        self._enable(True)

    # -- Saving -----------------------------------------------------------------------
    def save(self) -> None:
        if self.team is None or not self.can_edit:
            return
        changes = changes_between(self.team.settings, self.form_rules())
        if not changes:
            self.accept()
            return
        self.save_button.setEnabled(False)
        self.error.hide()
        team_ops.save_rules(
            self._ops,
            self._user.id,
            self.team.id,
            changes,
            datetime.now(UTC),
            self.team.settings,
            owner=self,
        ).success(self._on_saved).refused(self._on_refused).failed(self._on_failed).run()

    def _on_saved(self, updated: TeamUpdated) -> None:
        self.saved.emit(updated.team)
        self.accept()

    def _on_failed(self, _failure: Failure) -> None:
        self.save_button.setEnabled(True)

    def _say(self, label: QLabel, text: str) -> None:
        """Show ``text`` under the form, the dialog growing to fit its lines (word-wrapped
        labels do not make a dialog taller by themselves)."""
        label.setText(text)
        label.setVisible(bool(text))
        layout = self.layout()
        height = layout.heightForWidth(self.width()) if layout is not None else -1
        if height > self.height():
            self.resize(self.width(), height)

    def _on_refused(self, _text: str, exc: BaseException) -> None:
        # The policy's own stale-form sentence speaks of a lead: the domain's names the team.
        self._say(self.error, errors.message(exc))
        if isinstance(exc, ConcurrentChange):
            typed = changes_between(self.team.settings if self.team else {}, self.form_rules())
            changed = [str(name) for name in exc.params.get("changed", [])]
            team_ops.team_rules(self._ops, self._user.id, self).success(
                lambda team: self._on_reloaded(team, typed, changed)
            ).run()
            return
        self.save_button.setEnabled(True)
        if isinstance(exc, BatonError) and exc.params.get("field") == "routing":
            self._say(self.error, "")  # said next to the rules instead
            self.routing.show_refusal(errors.message(exc), exc.params.get("rule"))
        elif isinstance(exc, BatonError):
            self._focus(str(exc.params.get("field", "")))

    def _on_reloaded(self, team: TeamInfo, typed: dict[str, Any], changed: list[str]) -> None:
        """The current rules, with what the user typed kept over them."""
        self.team = team
        self._show(team.settings, only=_untyped(team.settings, typed))
        names = dict.fromkeys(words.tr(_RULE_NAMES.get(name, name)) for name in changed)
        said = fill(self.tr("Changed meanwhile: %1."), self.tr(", ").join(names))
        self._say(self.changed_note, said if names else "")
        self.save_button.setEnabled(True)

    def _focus(self, field: str) -> None:
        widget: QWidget | None = {
            "business_hours.start": self.start,
            "business_hours.end": self.end,
            "business_hours": self.end,
            "weekdays": self.days[0],
            "holiday_country": self.holidays,
            "sla_minutes": self.sla,
            "attempts": self.max_unanswered,
            "handoff_response_days": self.response_days,
        }.get(field)
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
            if isinstance(widget, QLineEdit):
                widget.selectAll()


def open_team_rules(ops: Operations, user: UserInfo, parent: QWidget) -> TeamRulesDialog:
    """Show the team's rules over ``parent`` (the one dialog, raised if already open)."""
    for existing in parent.findChildren(TeamRulesDialog):
        if existing.isVisible():
            existing.raise_()
            existing.activateWindow()
            return existing
    dialog = TeamRulesDialog(ops, user, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
