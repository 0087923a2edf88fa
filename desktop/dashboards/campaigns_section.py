"""What happened to what marketing sent: per campaign and per content asset, the leads it
reached in the period and what became of them (reached, handed off, accepted, returned to
nurture with the reasons, median days to the handoff) — the table marketing takes to the
monthly review. Exported as the domain writes it: CSV (UTF-8 for Excel or Shift_JIS) and a
self-contained web page (:func:`models.reporting.campaign_csv`, :func:`campaign_html`), in
the user's language; PNG as shown.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QToolButton, QWidget

from desktop.dashboards import texts
from desktop.dashboards.section import Section
from desktop.dashboards.table_model import FigureTableModel, fit, table_view
from desktop.i18n.translate import language
from desktop.widgets.rich_text import fill
from models.core.files import write_atomically
from models.reporting import CampaignReport, campaign_csv, campaign_html
from models.reporting.campaigns import CampaignRow
from models.reporting.definitions import Figure

COL_KIND, COL_NAME, COL_SENT = 0, 1, 2
#: Last: the widest, it takes the room left.
COL_REASONS = 8


class CampaignsSection(Section):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "campaigns", self.tr("What happened to what marketing sent"), parent, grow=True
        )
        self.html_button = QToolButton()
        self.html_button.setText(self.tr("Web page…"))
        self.html_button.setToolTip(self.tr("Export the report as a self-contained web page"))
        self.html_button.setAutoRaise(True)
        self.html_button.clicked.connect(self.on_html_clicked)
        self.top.insertWidget(1, self.html_button)
        self.model = FigureTableModel(self)
        self.view = table_view("campaignTable", self.model)
        self.body.addWidget(self.view, 1)
        self.report: CampaignReport | None = None
        self.define(
            [
                (self.tr("Leads sent"), Figure.CAMPAIGN_SENT),
                (self.tr("Reached, handed off, accepted, returned"), Figure.CAMPAIGN_OUTCOMES),
                (self.tr("Median days to handoff"), Figure.CAMPAIGN_DAYS),
            ]
        )
        self.model.set_table(self._headers(), [])

    def _headers(self) -> list[str]:
        return [
            self.tr("Kind"),
            self.tr("Campaign or content"),
            self.tr("Leads sent"),
            self.tr("Reached"),
            self.tr("Handed off"),
            self.tr("Accepted"),
            self.tr("Returned to nurture"),
            self.tr("Median days to handoff"),
            self.tr("Reasons for returning"),
        ]

    def _row(self, kind: str, row: CampaignRow) -> list[str]:
        def part(n: int) -> str:
            return fill(self.tr("%1 (%2)"), texts.number(n), texts.share(n / row.leads_sent))

        reasons = self.tr(", ").join(
            fill(self.tr("%1 %2"), texts.return_reason(r.code), r.leads) for r in row.return_reasons
        )
        return [
            kind,
            row.name,
            texts.number(row.leads_sent),
            part(row.reached),
            part(row.promoted),
            part(row.accepted),
            part(row.returned),
            "–" if row.median_days is None else f"{row.median_days:.1f}",
            reasons,
        ]

    def show_report(self, report: CampaignReport) -> None:
        self.report = report
        rows = [self._row(self.tr("Campaign"), r) for r in report.campaigns]
        rows += [self._row(self.tr("Content"), r) for r in report.assets]
        self.model.set_table(self._headers(), rows, words=[COL_NAME, COL_REASONS])
        fit(self.view)
        self.headline.setText(
            fill(
                self.tr("%1 campaigns and %2 contents reached leads in the period."),
                len(report.campaigns),
                len(report.assets),
            )
        )

    def table(self) -> tuple[list[str], list[list[str]]]:
        return self.model.headers(), self.model.rows()

    def buttons(self) -> list[QWidget]:
        return [*super().buttons(), self.html_button]

    # -- The report's own exports -----------------------------------------------------------
    def write_csv(self, path: Path, encoding: str) -> None:
        if self.report is not None:
            data = campaign_csv(self.report, language=language(), encoding=encoding)
            write_atomically(path, data)

    def write_html(self) -> str:
        return "" if self.report is None else campaign_html(self.report, language=language())

    def on_csv_clicked(self) -> None:
        if self.exporter is not None and self.report is not None:
            self.exporter.csv(self.export_name(), self.write_csv)

    def on_html_clicked(self) -> None:
        if self.exporter is not None and self.report is not None:
            self.exporter.html(self.export_name(), self.write_html)
