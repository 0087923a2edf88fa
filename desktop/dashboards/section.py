"""One section of the dashboard: a title, its numbers, a body (charts, a table), and the
definition of each number written underneath; CSV and PNG buttons on the title row.

A subclass fills :attr:`Section.body`, shows a :class:`~models.reporting.Dashboard` in
:meth:`Section.show_board` and says what its CSV holds in :meth:`Section.table`.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from desktop.dashboards import texts
from desktop.dashboards.export import Exporter
from desktop.widgets.rich_text import plain_label, rich
from models.reporting import Dashboard
from models.reporting.definitions import Figure

_STYLE = """
QFrame#kpiSection { background: white; border: 1px solid #d9dde3; border-radius: 4px; }
QLabel#kpiTitle { font-size: 12pt; font-weight: 600; }
QLabel#kpiHeadline { font-size: 11pt; }
QLabel#kpiDefinitions { color: #555; }
"""


def named(term: str, sentence: str) -> tuple[str, str]:
    """(name, what it counts): a sentence that starts with the number's name and a colon
    ("Reach rate: reaches ÷ calls.") is shown without that name (shown before it)."""
    for mark in ("：", ": "):
        head, found, rest = sentence.partition(mark)
        if found and "".join(head.split()).casefold() == "".join(term.split()).casefold():
            return term, rest
    return term, sentence


class Section(QFrame):
    def __init__(
        self, key: str, title: str, parent: QWidget | None = None, *, grow: bool = False
    ) -> None:
        """``grow``: the body takes the room the section is given (else the room left
        goes under the definitions)."""
        super().__init__(parent)
        self.key = key
        self.setObjectName("kpiSection")
        self.setStyleSheet(_STYLE)
        self.title = plain_label(title)
        self.title.setObjectName("kpiTitle")
        self.csv_button = QToolButton()
        self.csv_button.setText(self.tr("CSV…"))
        self.csv_button.setToolTip(self.tr("Export this view's figures as CSV"))
        self.png_button = QToolButton()
        self.png_button.setText(self.tr("PNG…"))
        self.png_button.setToolTip(self.tr("Export this view as a picture"))
        for button in (self.csv_button, self.png_button):
            button.setAutoRaise(True)
        #: The title row (a subclass may add buttons).
        self.top = top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.csv_button)
        top.addWidget(self.png_button)
        self.headline = plain_label()
        self.headline.setObjectName("kpiHeadline")
        self.headline.setWordWrap(True)
        self.body = QVBoxLayout()
        self.definitions = QLabel()
        self.definitions.setObjectName("kpiDefinitions")
        self.definitions.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 10)
        layout.addLayout(top)
        layout.addWidget(self.headline)
        layout.addLayout(self.body, 1 if grow else 0)
        layout.addWidget(self.definitions)
        if not grow:
            layout.addStretch(1)
        #: The period shown, for the export's file name.
        self.period = ""
        self.exporter: Exporter | None = None
        self.csv_button.clicked.connect(self.on_csv_clicked)
        self.png_button.clicked.connect(self.on_png_clicked)

    def define(self, terms: Sequence[tuple[str, Figure]]) -> None:
        """Each number's name with what it counts (catalogue sentences, translated); a
        sentence that starts with the name is not shown after the name again."""
        template = texts.tr(texts.DEFINED)
        lines = [rich(template, *named(term, texts.definition(f))) for term, f in terms]
        self.definitions.setText("<br>".join(lines))

    # -- What a subclass provides ---------------------------------------------------------
    def show_board(self, board: Dashboard) -> None:
        raise NotImplementedError

    def table(self) -> tuple[list[str], list[list[str]]]:
        """The CSV's header and rows: what the view shows."""
        raise NotImplementedError

    # -- Exports ------------------------------------------------------------------------
    def export_name(self) -> str:
        return f"kpi-{self.key}-{self.period}"

    def buttons(self) -> list[QWidget]:
        return [self.csv_button, self.png_button]

    def on_csv_clicked(self) -> None:
        if self.exporter is not None:
            header, rows = self.table()
            self.exporter.table(self.export_name(), header, rows)

    def on_png_clicked(self) -> None:
        if self.exporter is not None:
            self.exporter.png(self.export_name(), self, self.buttons())
