"""Two sections over time (per week for periods of eight weeks or less, else per month):
why leads went back (returns to nurture and field sales' rejections by reason, stacked;
handoffs over the definition counted), and the response rate per industry (lines)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QWidget

from desktop.dashboards import texts
from desktop.dashboards.charts import Chart, Series, color, lines, stacked_bars
from desktop.dashboards.section import Section
from desktop.dashboards.table_model import FigureTableModel, fit, table_view
from desktop.widgets.rich_text import fill, plain_label
from models.reporting import Dashboard
from models.reporting.definitions import Figure
from models.reporting.industry import IndustryResponse
from models.reporting.reasons import ReasonCounts, ReasonTrend

CHART_HEIGHT = 230
#: The industries drawn as lines (the most called; the table lists every one).
MAX_LINES = 8


class ReasonsSection(Section):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("reasons", self.tr("Why leads went back, over time"), parent)
        self.returns = Chart(height=CHART_HEIGHT)
        self.rejections = Chart(height=CHART_HEIGHT)
        grid = QGridLayout()
        grid.addWidget(plain_label(self.tr("Returned to nurture, by reason")), 0, 0)
        grid.addWidget(plain_label(self.tr("Rejected by field sales, by reason")), 0, 1)
        grid.addWidget(self.returns.boxed(), 1, 0)
        grid.addWidget(self.rejections.boxed(), 1, 1)
        self.body.addLayout(grid, 1)
        self.trend: ReasonTrend | None = None
        self.define(
            [
                (self.tr("Returned to nurture"), Figure.RETURNS),
                (self.tr("Rejected by field sales"), Figure.REJECTIONS),
                (self.tr("Handed off over the definition"), Figure.OVERRIDES),
            ]
        )

    def show_board(self, board: Dashboard) -> None:
        r = self.trend = board.reasons
        self.headline.setText(
            fill(
                self.tr("%1 · returned to nurture: %2 · rejected: %3 · over the definition: %4"),
                texts.unit(r.unit),
                texts.number(sum(c.total for c in r.returns)),
                texts.number(sum(c.total for c in r.rejections)),
                texts.number(r.overrides_total),
            )
        )
        labels = [texts.bucket(day, r.unit) for day in r.buckets]
        self._draw(self.returns, labels, r.returns, texts.return_reason)
        self._draw(self.rejections, labels, r.rejections, texts.rejection_reason)

    def _draw(
        self,
        chart: Chart,
        labels: list[str],
        counts: tuple[ReasonCounts, ...],
        name: Callable[[str], str],
    ) -> None:
        if not counts:
            chart.empty(texts.tr(texts.NOTHING))
            return
        series = [Series(name(c.code), c.counts, color(n)) for n, c in enumerate(counts)]
        stacked_bars(chart, labels, series)

    def table(self) -> tuple[list[str], list[list[str]]]:
        r = self.trend
        if r is None:
            return [], []
        header = [
            self.tr("Kind"),
            self.tr("Reason"),
            *(texts.bucket(day, r.unit) for day in r.buckets),
            self.tr("Total"),
        ]
        rows: list[list[str]] = []
        for kind, counts, name in (
            (self.tr("Returned to nurture"), r.returns, texts.return_reason),
            (self.tr("Rejected by field sales"), r.rejections, texts.rejection_reason),
        ):
            rows += [[kind, name(c.code), *map(str, c.counts), str(c.total)] for c in counts]
        over = self.tr("Handed off over the definition")
        rows.append([over, "", *map(str, r.overrides), str(r.overrides_total)])
        return header, rows


class IndustrySection(Section):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("industries", self.tr("Response rate by industry"), parent)
        self.chart = Chart(height=CHART_HEIGHT)
        self.model = FigureTableModel(self)
        self.view = table_view("industryTable", self.model)
        self.view.setFixedHeight(CHART_HEIGHT)
        row = QHBoxLayout()
        row.addWidget(self.chart.boxed(), 3)
        row.addWidget(self.view, 2)
        self.body.addLayout(row, 1)
        self.response: IndustryResponse | None = None
        self.define([(self.tr("Response rate"), Figure.INDUSTRY_RESPONSE)])

    def show_board(self, board: Dashboard) -> None:
        i = self.response = board.industries
        self.headline.setText(fill(self.tr("%1 · reached of the leads called"), texts.unit(i.unit)))
        labels = [texts.bucket(day, i.unit) for day in i.buckets]
        drawn = i.industries[:MAX_LINES]
        if drawn:
            series = [
                Series(
                    texts.industry(t.industry),
                    [None if m.rate is None else m.rate * 100 for m in t.months],
                    color(n),
                )
                for n, t in enumerate(drawn)
            ]
            lines(self.chart, labels, series, percent=True)
        else:
            self.chart.empty(texts.tr(texts.NOTHING))
        share = self.tr("%1 (%2/%3)")
        self.model.set_table(
            [self.tr("Industry"), self.tr("Reached / called")],
            [
                [texts.industry(t.industry), fill(share, texts.share(t.rate), t.reached, t.called)]
                for t in i.industries
            ],
            keys=[t.industry for t in i.industries],
        )
        fit(self.view)

    def table(self) -> tuple[list[str], list[list[str]]]:
        i = self.response
        if i is None:
            return [], []
        header = [
            self.tr("Industry"),
            *(texts.bucket(day, i.unit) for day in i.buckets),
            self.tr("Total"),
        ]
        share = self.tr("%1 (%2/%3)")
        rows = [
            [
                texts.industry(t.industry),
                *(fill(share, texts.share(m.rate), m.reached, m.called) for m in t.months),
                fill(share, texts.share(t.rate), t.reached, t.called),
            ]
            for t in i.industries
        ]
        return header, rows
