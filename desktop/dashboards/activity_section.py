"""Inside-sales activity as Japanese teams count it: calls, reaches, リーチ率, handoffs,
商談化率 per reach and per call, calls per hour and talk time per reach; the period's totals
as tiles, then per rep and per day, each a table beside a chart of calls and reaches."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.dashboards import texts
from desktop.dashboards.charts import PALETTE, Chart, Series, grouped_bars
from desktop.dashboards.section import Section
from desktop.dashboards.table_model import FigureTableModel, fit, table_view
from desktop.i18n import formats
from desktop.widgets.rich_text import plain_label
from models.reporting import Dashboard
from models.reporting.activity import Activity, ActivityFigures
from models.reporting.definitions import Figure

#: Each figure: its catalogue definition, in the order of the tiles and the columns.
FIGURES = (
    Figure.CALLS,
    Figure.REACHES,
    Figure.REACH_RATE,
    Figure.PROMOTIONS,
    Figure.PROMOTIONS_PER_REACH,
    Figure.PROMOTIONS_PER_CALL,
    Figure.CALLS_PER_HOUR,
    Figure.TALK_PER_REACH,
)


#: The per-rep and per-day tables' height (a long list scrolls).
PAGE_HEIGHT = 240


def cells(f: ActivityFigures) -> list[str]:
    """A row's figures as shown (and exported), in the order of :data:`FIGURES`."""
    return [
        texts.number(f.calls),
        texts.number(f.reaches),
        texts.share(f.reach_rate),
        texts.number(f.promotions),
        texts.share(f.promotions_per_reach),
        texts.share(f.promotions_per_call),
        texts.per_hour(f.calls_per_hour),
        texts.talk(f.talk_seconds_per_reach),
    ]


class _Page(QWidget):
    """A table of figures beside a chart of calls and reaches."""

    def __init__(self, name: str, model: FigureTableModel) -> None:
        super().__init__()
        self.setObjectName(name)
        self.table = table_view(f"{name}Table", model)
        self.table.setFixedHeight(PAGE_HEIGHT)
        self.chart = Chart(height=PAGE_HEIGHT - 30)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.chart.boxed(), 2)


class ActivitySection(Section):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("activity", self.tr("Inside-sales activity"), parent)
        self.names = [
            self.tr("Calls"),
            self.tr("Reaches"),
            self.tr("Reach rate"),
            self.tr("Handoffs"),
            self.tr("Opportunity rate per reach"),
            self.tr("Opportunity rate per call"),
            self.tr("Calls per hour"),
            self.tr("Talk time per reach"),
        ]
        tiles = QGridLayout()
        self.tiles: list[QLabel] = []
        for n, name in enumerate(self.names):
            value = plain_label("–")
            value.setObjectName("kpiTileValue")
            value.setStyleSheet("font-size: 15pt; font-weight: 600; color: #1d4f86")
            caption = plain_label(name)
            caption.setStyleSheet("color: #555")
            box = QVBoxLayout()
            box.addWidget(value)
            box.addWidget(caption)
            tiles.addLayout(box, 0, n)
            self.tiles.append(value)
        self.body.addLayout(tiles)
        self.rep_model = FigureTableModel(self)
        self.day_model = FigureTableModel(self)
        self.per_rep = _Page("activityPerRep", self.rep_model)
        self.per_day = _Page("activityPerDay", self.day_model)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.per_rep, self.tr("Per rep"))
        self.tabs.addTab(self.per_day, self.tr("Per day"))
        self.body.addWidget(self.tabs, 1)
        self.define(list(zip(self.names, FIGURES, strict=True)))
        self.activity: Activity | None = None
        #: The pages not filled since the figures changed (filled when shown).
        self._stale: set[_Page] = set()
        self.tabs.currentChanged.connect(self.on_tab_changed)

    def show_board(self, board: Dashboard) -> None:
        a = self.activity = board.activity
        for label, text in zip(self.tiles, cells(a.total), strict=True):
            label.setText(text)
        self._stale = {self.per_rep, self.per_day}
        self.on_tab_changed()
        self.headline.setText(
            "" if a.total.calls else self.tr("No calls in the period for these filters.")
        )
        self.headline.setVisible(not a.total.calls)

    def on_tab_changed(self, _index: int = 0) -> None:
        """Fill the page shown, if the figures changed since it was filled."""
        page = self.tabs.currentWidget()
        a = self.activity
        if a is None or page not in self._stale:
            return
        self._stale.discard(page)  # type: ignore[arg-type]
        total = [self.tr("Total"), *cells(a.total)]
        if page is self.per_rep:
            self._fill(
                self.per_rep,
                self.rep_model,
                self.tr("Rep"),
                [total] + [[r.name, *cells(r.figures)] for r in a.reps],
                [None] + [r.user_id for r in a.reps],
            )
            self._chart(self.per_rep, [r.name for r in a.reps], [r.figures for r in a.reps])
        else:
            days = a.days
            self._fill(
                self.per_day,
                self.day_model,
                self.tr("Day"),
                [total] + [[formats.date_text(d.day), *cells(d.figures)] for d in days],
                [None] + [d.day for d in days],
            )
            self._chart(self.per_day, [texts.day(d.day) for d in days], [d.figures for d in days])

    def _fill(
        self,
        page: _Page,
        model: FigureTableModel,
        first: str,
        rows: list[list[str]],
        keys: list[object],
    ) -> None:
        model.set_table([first, *self.names], rows, keys=keys, bold=[0])
        fit(page.table)

    def _chart(
        self, page: _Page, labels: Sequence[str], figures: Sequence[ActivityFigures]
    ) -> None:
        grouped_bars(
            page.chart,
            labels,
            [
                Series(self.tr("Calls"), [f.calls for f in figures], PALETTE[0]),
                Series(self.tr("Reaches"), [f.reaches for f in figures], PALETTE[1]),
            ],
        )

    def current(self) -> tuple[_Page, FigureTableModel]:
        if self.tabs.currentWidget() is self.per_day:
            return self.per_day, self.day_model
        return self.per_rep, self.rep_model

    def table(self) -> tuple[list[str], list[list[str]]]:
        """The view shown: per rep or per day."""
        _page, model = self.current()
        return model.headers(), model.rows()

    def export_name(self) -> str:
        which = "days" if self.tabs.currentWidget() is self.per_day else "reps"
        return f"kpi-activity-{which}-{self.period}"
