"""Two sections of one share and a distribution each: 初回接点後の商談化率 with the days from
MQL to handoff (median and buckets), and speed to lead (time to the first call, the share
within the team's target)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.dashboards import texts
from desktop.dashboards.charts import Chart, bars
from desktop.dashboards.section import Section
from desktop.widgets.rich_text import fill
from models.reporting import Dashboard
from models.reporting.conversion import Conversion
from models.reporting.definitions import Figure
from models.reporting.speed import NOT_CALLED, SpeedToLead

_GREY = "#a7adb4"
_GREEN = "#3a9d5d"
_BLUE = "#2f6fb3"


class ConversionSection(Section):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "conversion", self.tr("Opportunities after first contact, days to handoff"), parent
        )
        self.chart = Chart(height=210)
        self.body.addWidget(self.chart, 1)
        self.conversion: Conversion | None = None
        self.define(
            [
                (self.tr("Opportunity rate after first contact"), Figure.CONVERSION_RATE),
                (self.tr("Days from MQL to handoff"), Figure.TIME_TO_PROMOTION),
            ]
        )

    def show_board(self, board: Dashboard) -> None:
        c = self.conversion = board.conversion
        self.headline.setText(
            fill(
                self.tr(
                    "Opportunity rate after first contact: %1 (%2 handed off of %3 reached)\n"
                    "Median days from MQL to handoff: %4"
                ),
                texts.share(c.rate),
                texts.number(c.promoted),
                texts.number(c.reached),
                texts.days(c.median_days),
            )
        )
        labels = [texts.day_bucket(b.key) for b in c.buckets]
        bars(self.chart, labels, [b.leads for b in c.buckets], brushes=(_BLUE,))

    def table(self) -> tuple[list[str], list[list[str]]]:
        c = self.conversion
        if c is None:
            return [], []
        rows = [
            [self.tr("Opportunity rate after first contact"), texts.share(c.rate)],
            [self.tr("Reached"), str(c.reached)],
            [self.tr("Handed off"), str(c.promoted)],
            [
                self.tr("Median days from MQL to handoff"),
                "" if c.median_days is None else f"{c.median_days:.1f}",
            ],
        ]
        rows += [
            [fill(self.tr("Handed off after %1"), texts.day_bucket(b.key)), str(b.leads)]
            for b in c.buckets
        ]
        return [self.tr("Figure"), self.tr("Value")], rows


class SpeedSection(Section):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("speed", self.tr("Speed to lead"), parent)
        self.chart = Chart(height=210)
        self.body.addWidget(self.chart, 1)
        self.speed: SpeedToLead | None = None
        self.define(
            [
                (self.tr("Time to the first call"), Figure.SPEED_TO_LEAD),
                (self.tr("Within the target"), Figure.SLA_SHARE),
            ]
        )

    def show_board(self, board: Dashboard) -> None:
        s = self.speed = board.speed
        decided = s.sla_met + s.sla_missed
        self.headline.setText(
            fill(
                self.tr("Within the target: %1 (%2 of %3 decided; %4 not decided yet)"),
                texts.share(s.sla_share),
                texts.number(s.sla_met),
                texts.number(decided),
                texts.number(s.sla_pending),
            )
        )
        labels = [texts.speed_bucket(b.key) for b in s.buckets]
        colours = [_GREY if b.key == NOT_CALLED else _GREEN for b in s.buckets]
        bars(self.chart, labels, [b.leads for b in s.buckets], brushes=colours)

    def table(self) -> tuple[list[str], list[list[str]]]:
        s = self.speed
        if s is None:
            return [], []
        rows = [[texts.speed_bucket(b.key), str(b.leads)] for b in s.buckets]
        rows += [
            [self.tr("MQLs"), str(s.leads)],
            [self.tr("Within the target"), str(s.sla_met)],
            [self.tr("Target missed"), str(s.sla_missed)],
            [self.tr("Not decided yet"), str(s.sla_pending)],
            [self.tr("Share within the target"), texts.share(s.sla_share)],
        ]
        return [self.tr("Time to the first call"), self.tr("Leads")], rows
