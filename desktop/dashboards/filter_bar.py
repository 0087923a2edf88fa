"""The dashboard's filters: the period (this month, last month, the last 30 days, this
quarter, or two days), the team, a rep, a campaign, an industry and a definition version,
each "all" by default. The lists come from the database (:meth:`KpiFilterBar.set_options`,
which keeps what was chosen); a team lead sees their own team only.

Signals: ``changed()`` when the user changes a filter (the window re-queries, debounced).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QGridLayout, QHBoxLayout, QLabel, QWidget

from desktop.dashboards.choice import CUSTOM, KpiChoice
from desktop.i18n import formats, labels
from desktop.widgets.rich_text import fill, plain_label, tooltip
from models.reporting import NamedPeriod
from models.reporting.options import Choices
from models.teams.permissions import ALL_TEAMS
from models.teams.users import UserInfo


def _select(combo: QComboBox, value: object) -> None:
    combo.setCurrentIndex(max(0, combo.findData(value)))


def _data(combo: QComboBox) -> object:
    return combo.currentData()


class KpiFilterBar(QWidget):
    changed = Signal()

    def __init__(
        self, user: UserInfo, choice: KpiChoice, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("kpiFilters")
        self._choice = choice
        self._every_team = user.role in ALL_TEAMS
        self.options: Choices | None = None

        self.period = QComboBox()
        self.period.setObjectName("kpiPeriod")
        for text, code in (
            (self.tr("This month"), NamedPeriod.THIS_MONTH.value),
            (self.tr("Last month"), NamedPeriod.LAST_MONTH.value),
            (self.tr("Last 30 days"), NamedPeriod.LAST_30_DAYS.value),
            (self.tr("This quarter"), NamedPeriod.THIS_QUARTER.value),
            (self.tr("Days from… to…"), CUSTOM),
        ):
            self.period.addItem(text, code)
        _select(self.period, choice.period)
        self.since, self.until = QDateEdit(), QDateEdit()
        self.since.setObjectName("kpiSince")
        self.until.setObjectName("kpiUntil")
        first = choice.first or today - timedelta(days=29)
        for edit, day in ((self.since, first), (self.until, choice.last or today)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(formats.qt_date_format())
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.dateChanged.connect(self.on_edited)
        self.dash = QLabel("–")
        self.team = self._combo("kpiTeam", self.tr("All teams"))
        self.team.setEnabled(self._every_team)
        self.rep = self._combo("kpiRep", self.tr("All reps"))
        self.campaign = self._combo("kpiCampaign", self.tr("All campaigns"))
        self.industry = self._combo("kpiIndustry", self.tr("All industries"))
        self.version = self._combo("kpiVersion", self.tr("All versions"))
        self.period.activated.connect(self.on_edited)

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        days = QHBoxLayout()
        for widget in (self.period, self.since, self.dash, self.until):
            days.addWidget(widget)
        days.addStretch(1)
        for row, column, title, field in (
            (0, 0, self.tr("Period"), days),
            (0, 2, self.tr("Team"), self.team),
            (0, 4, self.tr("Rep"), self.rep),
            (1, 0, self.tr("Campaign"), self.campaign),
            (1, 2, self.tr("Industry"), self.industry),
            (1, 4, self.tr("Definition version"), self.version),
        ):
            grid.addWidget(plain_label(title), row, column)
            if isinstance(field, QHBoxLayout):
                grid.addLayout(field, row, column + 1)
            else:
                grid.addWidget(field, row, column + 1)
        for column in (1, 3, 5):
            grid.setColumnStretch(column, 1)
        self._show_days()

    def _combo(self, name: str, every: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.addItem(every, None)
        combo.setMinimumContentsLength(12)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.activated.connect(self.on_edited)
        return combo

    # -- The lists ------------------------------------------------------------------------
    def set_options(self, options: Choices) -> None:
        """Fill the lists (what was chosen stays chosen); no ``changed``."""
        self.options = options
        c = self._choice
        self._refill(
            self.team,
            [(name, team) for team, name in options.teams],
            c.team_id if self._every_team else options.own_team,
            every=self._every_team,
        )
        self._refill_reps()
        self._refill(self.campaign, [(name, name) for name in options.campaigns], c.campaign)
        self._refill(
            self.industry,
            labels.industries_by_label(options.industries),
            c.industry,
        )
        self._refill(
            self.version,
            [(fill(self.tr("v%1 %2"), n, name), n) for n, name in options.versions],
            c.definition_version,
        )

    def _refill(
        self, combo: QComboBox, items: list[tuple[str, object]], chosen: object, every: bool = True
    ) -> None:
        combo.blockSignals(True)
        everything = combo.itemText(0) if combo.itemData(0) is None else None
        combo.clear()
        if every and everything is not None:
            combo.addItem(everything, None)
        for text, value in items:
            combo.addItem(text, value)
            combo.setItemData(combo.count() - 1, tooltip(text), Qt.ItemDataRole.ToolTipRole)
        _select(combo, chosen)
        combo.blockSignals(False)

    def _refill_reps(self) -> None:
        if self.options is None:
            return
        team = _data(self.team)
        reps = [(r.name, r.id) for r in self.options.reps if team is None or r.team_id == team]
        self._refill(self.rep, reps, self._choice.rep_id)
        if _data(self.rep) != self._choice.rep_id:
            self._choice = replace(self._choice, rep_id=None)

    # -- What is chosen ---------------------------------------------------------------------
    def choice(self) -> KpiChoice:
        return self._choice

    def set_choice(self, choice: KpiChoice) -> None:
        """Show ``choice`` (as a script sets it); no ``changed``."""
        self._choice = choice
        widgets = (self.period, self.since, self.until)
        for widget in widgets:
            widget.blockSignals(True)
        _select(self.period, choice.period)
        for edit, day in ((self.since, choice.first), (self.until, choice.last)):
            if day is not None:
                edit.setDate(QDate(day.year, day.month, day.day))
        for widget in widgets:
            widget.blockSignals(False)
        if self.options is not None:
            self.set_options(self.options)
        self._show_days()

    def _show_days(self) -> None:
        custom = _data(self.period) == CUSTOM
        for widget in (self.since, self.dash, self.until):
            widget.setVisible(custom)

    def on_edited(self, *_args: object) -> None:
        self._show_days()
        custom = _data(self.period) == CUSTOM
        self._choice = KpiChoice(
            period=str(_data(self.period)),
            first=self.since.date().toPython() if custom else None,  # type: ignore[arg-type]
            last=self.until.date().toPython() if custom else None,  # type: ignore[arg-type]
            team_id=_data(self.team) if self._every_team else None,  # type: ignore[arg-type]
            rep_id=_data(self.rep),  # type: ignore[arg-type]
            campaign=_data(self.campaign),  # type: ignore[arg-type]
            industry=_data(self.industry),  # type: ignore[arg-type]
            definition_version=_data(self.version),  # type: ignore[arg-type]
        )
        self._refill_reps()
        self.changed.emit()
