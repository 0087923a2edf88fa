"""The dashboard's charts, drawn with pyqtgraph: bars (vertical or horizontal), grouped and
stacked bars, and lines, over categories (stages, reps, days, months).

Why pyqtgraph: QtCharts is deprecated since Qt 6.10, and Qt Graphs' 2D charts are Qt Quick
(QML) items, heavy to embed in a widgets window and awkward offscreen. pyqtgraph draws
with QPainter into plain widgets (a ``QGraphicsView``), so a chart lays out, paints,
grabs to PNG and runs offscreen like every other widget of the app, and it is maintained.

pyqtgraph picks its Qt binding from ``PYQTGRAPH_QT_LIB``, else from the binding already
imported: the variable is set to PySide6 before pyqtgraph loads (and the app has loaded
PySide6 long before). Importing it takes about a second (it walks
PySide6's modules), so only the dashboard imports this module, when it first opens.

Every text a chart draws is plain: axis ticks and :class:`pyqtgraph.TextItem` texts are
painted as text. The legend is a grid of plain labels under the chart (:meth:`Chart.boxed`),
never over the data. Tick labels use
the application's font (Japanese included) and the axes are sized for them beforehand,
so the first paint is the right one.

A chart keeps its items (bars, lines, texts) and shows them again with new data, hiding
those left over, instead of removing and creating items at each query: creating a
pyqtgraph item costs a millisecond or more, a re-query of the dashboard hundreds of them.

GUI thread only.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

# Before pyqtgraph loads: it binds to this (else to the first binding it finds loaded).
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

import pyqtgraph as pg
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import QApplication, QGridLayout, QLabel, QVBoxLayout, QWidget

from desktop.widgets.rich_text import plain_label

pg.setConfigOptions(background="w", foreground="#333333", antialias=True)

#: Colours of the series, in order (distinct on screen and in print).
PALETTE = (
    "#2f6fb3",
    "#e07b39",
    "#3a9d5d",
    "#9c4fb0",
    "#d4a72c",
    "#5f7d8c",
    "#c9453f",
    "#1ba3b5",
    "#8c5a44",
    "#7f7f7f",
)
#: At most this many category labels are always drawn; the others only where they fit.
MAX_LABELS = 12
#: Legend entries a row.
LEGEND_COLUMNS = 4
#: Room above the tallest bar for its value.
HEADROOM = 1.18


def color(n: int) -> str:
    return PALETTE[n % len(PALETTE)]


@dataclass(frozen=True)
class Series:
    """One series of a chart: its name (user text allowed) and a value per category."""

    name: str
    values: Sequence[float | None]
    color: str = PALETTE[0]


T = TypeVar("T")


class Chart(pg.PlotWidget):  # type: ignore[misc] - pyqtgraph has no type hints
    """A chart that neither pans nor zooms; categories on one axis; ``height`` pixels tall
    (a dashboard shows more at once with charts that do not grow)."""

    def __init__(self, parent: QWidget | None = None, *, height: int = 200) -> None:
        super().__init__(parent, background="w")
        self.setFixedHeight(height)
        plot = self.getPlotItem()
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.setMouseEnabled(x=False, y=False)
        plot.enableAutoRange(False)
        self.setAntialiasing(True)
        self._font = QFont(QApplication.font())
        self._metrics = QFontMetrics(self._font)
        for name in ("left", "bottom"):
            plot.getAxis(name).setStyle(tickFont=self._font, autoExpandTextSpace=False)
        #: The legend, under the chart (:meth:`boxed`): a swatch and a plain name a series.
        self.legend_box = QWidget()
        self.legend_box.setObjectName("chartLegend")
        self._legend = QGridLayout(self.legend_box)
        self._legend.setContentsMargins(4, 0, 4, 0)
        self._legend.setHorizontalSpacing(6)
        self._legend.setVerticalSpacing(2)
        self.legend_box.hide()
        self._legend_cells: list[tuple[QLabel, QLabel]] = []
        self.legend_names: list[str] = []
        #: Items made so far, by kind, and how many of each the current picture uses.
        self._pools: dict[str, list[Any]] = {}
        self._used: dict[str, int] = {}
        #: What the chart shows, per series name (what a test or an export reads).
        self.shown: dict[str, list[float]] = {}
        self.categories: list[str] = []
        self._axis_sizes: dict[str, int] = {}

    def boxed(self) -> QWidget:
        """The chart with its legend underneath, to put in a layout (keep a reference or
        a parent: the box owns the chart)."""
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self, 1)
        layout.addWidget(self.legend_box)
        return box

    # -- Items, kept and shown again ------------------------------------------------------
    def take(self, kind: str, make: Callable[[], T]) -> T:
        """The next item of ``kind`` for this picture (made and added the first time)."""
        pool = self._pools.setdefault(kind, [])
        used = self._used.get(kind, 0)
        if used == len(pool):
            item = make()
            self.addItem(item)
            pool.append(item)
        self._used[kind] = used + 1
        item = pool[used]
        item.setVisible(True)
        return item  # type: ignore[no-any-return]

    def reset(self) -> None:
        """A new picture: every item hidden until taken again, no legend."""
        for pool in self._pools.values():
            for item in pool:
                item.setVisible(False)
        self._used = {}
        self.legend_names = []
        self.shown = {}
        self.categories = []

    def finish(self) -> None:
        """The picture is complete: the legend cells it did not use hidden (a widget hidden
        and shown again costs a layout: the cells it uses again stay shown)."""
        for n, (swatch, label) in enumerate(self._legend_cells):
            unused = n >= len(self.legend_names)
            if swatch.isHidden() != unused:
                swatch.setHidden(unused)
                label.setHidden(unused)
        if self.legend_box.isHidden() == bool(self.legend_names):
            self.legend_box.setHidden(not self.legend_names)

    def add_legend_entry(self, name: str, colour: str) -> None:
        """A swatch and ``name`` (plain text) in the next cell of the legend."""
        n = len(self.legend_names)
        if n == len(self._legend_cells):
            row, column = divmod(n, LEGEND_COLUMNS)
            swatch = QLabel()
            swatch.setFixedSize(10, 10)
            swatch.setAutoFillBackground(True)
            label = plain_label()
            self._legend.addWidget(swatch, row, 2 * column)
            self._legend.addWidget(label, row, 2 * column + 1)
            self._legend.setColumnStretch(2 * column + 1, 1)
            self._legend_cells.append((swatch, label))
        swatch, label = self._legend_cells[n]
        palette = swatch.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(colour))
        swatch.setPalette(palette)
        label.setText(name)
        self.legend_names.append(name)

    def note(self, text: str, x: float, y: float, anchor: tuple[float, float]) -> pg.TextItem:
        """A plain text at (x, y) in the chart's values."""

        def make() -> pg.TextItem:
            item = pg.TextItem(text="", color="#333333")
            item.setFont(self._font)
            return item

        item = self.take(f"note{anchor}", make)
        item.setAnchor(anchor)
        item.setText(text)
        item.setPos(x, y)
        return item

    def empty(self, text: str) -> None:
        """Nothing to draw: ``text`` in the middle, no ticks."""
        self.reset()
        for axis in ("left", "bottom"):
            self.getPlotItem().getAxis(axis).setTicks([[]])
        self.set_range(0, 1, 0, 1)
        self.note(text, 0.5, 0.5, (0.5, 0.5))
        self.finish()

    def set_range(self, x0: float, x1: float, y0: float, y1: float) -> None:
        self.getPlotItem().getViewBox().setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)

    def categories_on(self, axis: str, labels: Sequence[str]) -> None:
        """``labels`` as the ticks 0, 1, 2… of ``axis`` ("left" or "bottom"): at most
        :data:`MAX_LABELS` always drawn, the others where there is room; the axis sized
        for the labels."""
        self.categories = list(labels)
        step = max(1, math.ceil(len(labels) / MAX_LABELS))
        major = [(float(n), text) for n, text in enumerate(labels) if n % step == 0]
        minor = [(float(n), text) for n, text in enumerate(labels) if n % step]
        self.getPlotItem().getAxis(axis).setTicks([major, minor])
        if axis == "left":
            widest = max((self._metrics.horizontalAdvance(t) for t in labels), default=0)
            self._size_axis(axis, widest + 14)
        else:
            self._size_axis(axis, self._metrics.height() + 14)

    def _size_axis(self, axis: str, size: int) -> None:
        """The axis ``size`` pixels wide (left) or tall (bottom), if not already."""
        if self._axis_sizes.get(axis) == size:
            return
        self._axis_sizes[axis] = size
        item = self.getPlotItem().getAxis(axis)
        if axis == "left":
            item.setWidth(size)
        else:
            item.setHeight(size)

    def numbers_on(self, axis: str, top: float, *, percent: bool = False) -> None:
        """Numbers on ``axis`` up to ``top`` (percentages every 20 %)."""
        item = self.getPlotItem().getAxis(axis)
        item.setTicks([[(v, f"{v}%") for v in range(0, 101, 20)]] if percent else None)
        widest = self._metrics.horizontalAdvance(f"{int(top):,}%")
        self._size_axis(axis, widest + 14 if axis == "left" else self._metrics.height() + 14)

    def point_of(self, x: float, y: float) -> QPointF:
        """Where the chart's value (x, y) is on the widget (to click it)."""
        scene = self.getPlotItem().getViewBox().mapViewToScene(QPointF(x, y))
        return QPointF(self.mapFromScene(scene))


def _top(values: Sequence[float]) -> float:
    return max(1.0, max(values, default=0.0) * HEADROOM)


def _bar(chart: Chart, kind: str, **opts: Any) -> pg.BarGraphItem:
    """A bar item of ``kind`` (items of one kind are given the same options each time)."""
    item = chart.take(kind, lambda: pg.BarGraphItem(x=[], height=[], width=0.5, pen=None))
    item.setOpts(**opts)
    return item


def bars(
    chart: Chart,
    labels: Sequence[str],
    values: Sequence[float],
    *,
    texts: Sequence[str] | None = None,
    brushes: Sequence[str] = (PALETTE[0],),
    horizontal: bool = False,
) -> pg.BarGraphItem:
    """One bar per label, with its text (default: the value) at its end; the bars take
    ``brushes`` in turn."""
    chart.reset()
    count = len(values)
    shown = texts if texts is not None else [f"{v:,.0f}" for v in values]
    colours = [brushes[n % len(brushes)] for n in range(count)]
    places = list(range(count))
    if horizontal:
        item = _bar(chart, "hbar", x0=0, y=places, height=0.62, width=list(values), brushes=colours)
        chart.getPlotItem().invertY(True)
        chart.categories_on("left", labels)
        chart.numbers_on("bottom", max(values, default=0))
        chart.set_range(0, _top(values) * 1.25, -0.6, count - 0.4)
        for n, text in enumerate(shown):
            chart.note(text, values[n], n, (-0.05, 0.5))
    else:
        item = _bar(chart, "vbar", x=places, height=list(values), width=0.62, brushes=colours)
        chart.categories_on("bottom", labels)
        chart.numbers_on("left", max(values, default=0))
        chart.set_range(-0.6, count - 0.4, 0, _top(values) * 1.08)
        for n, text in enumerate(shown):
            chart.note(text, n, values[n], (0.5, 1.0))
    chart.shown = {"": [float(v) for v in values]}
    chart.finish()
    return item


def grouped_bars(chart: Chart, labels: Sequence[str], series: Sequence[Series]) -> None:
    """Side by side, one bar per series in each category; a legend."""
    chart.reset()
    count, width = len(labels), 0.8 / max(1, len(series))
    tallest = 0.0
    for n, one in enumerate(series):
        values = [float(v or 0) for v in one.values]
        tallest = max(tallest, *values, 0.0)
        offset = -0.4 + width * (n + 0.5)
        _bar(
            chart,
            "group",
            x=[i + offset for i in range(count)],
            height=values,
            width=width * 0.92,
            brushes=[one.color] * count,
        )
        chart.add_legend_entry(one.name, one.color)
        chart.shown[one.name] = values
    chart.categories_on("bottom", labels)
    chart.numbers_on("left", tallest)
    chart.set_range(-0.6, count - 0.4, 0, _top([tallest]))
    chart.finish()


def stacked_bars(chart: Chart, labels: Sequence[str], series: Sequence[Series]) -> None:
    """One bar per category, each series stacked on the ones before; a legend."""
    chart.reset()
    count = len(labels)
    base = [0.0] * count
    for one in series:
        values = [float(v or 0) for v in one.values]
        _bar(
            chart,
            "stack",
            x=list(range(count)),
            y0=list(base),
            height=values,
            width=0.62,
            brushes=[one.color] * count,
            pen=_GAP,
        )
        chart.add_legend_entry(one.name, one.color)
        chart.shown[one.name] = values
        base = [b + v for b, v in zip(base, values, strict=True)]
    chart.categories_on("bottom", labels)
    chart.numbers_on("left", max(base, default=0))
    chart.set_range(-0.6, count - 0.4, 0, _top(base))
    chart.finish()


def lines(chart: Chart, labels: Sequence[str], series: Sequence[Series], *, percent: bool) -> None:
    """One line per series over the categories (a missing value breaks the line); a share
    in percent runs from 0 to 100."""
    chart.reset()
    count = len(labels)
    top = 100.0 if percent else 0.0
    for one in series:
        values = [math.nan if v is None else float(v) for v in one.values]
        top = max(top, *(v for v in values if not math.isnan(v)), 0.0)
        item = chart.take("line", pg.PlotDataItem)
        item.setData(
            list(range(count)),
            values,
            pen=pg.mkPen(QColor(one.color), width=2),
            symbol="o",
            symbolSize=6,
            symbolBrush=one.color,
            symbolPen=None,
            connect="finite",
        )
        chart.add_legend_entry(one.name, one.color)
        chart.shown[one.name] = values
    chart.categories_on("bottom", labels)
    chart.numbers_on("left", top, percent=percent)
    chart.set_range(-0.4, max(count - 0.6, 0.6), 0, top * 1.08)
    chart.finish()


_GAP = pg.mkPen("w", width=1)

__all__ = ["Chart", "Series", "bars", "color", "grouped_bars", "lines", "stacked_bars"]
