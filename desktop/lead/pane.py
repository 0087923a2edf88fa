"""The selected lead: contact card, score card with its explanation, content timeline.

Signals: ``shown(int)`` once a lead's detail is on screen.
"""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QSplitter,
    QTreeView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import labels
from desktop.lead.timeline_model import EntryRole, TimelineEntry, TimelineModel
from desktop.lead.work_panel import WorkPanel
from desktop.operations.worker import DbWorker
from models.core.errors import BatonError
from models.leads.detail import LeadDetail, lead_detail


def _esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def _tel_href(phone: str) -> str:
    return "tel:" + re.sub(r"[^0-9+]", "", phone)


class LeadPane(QWidget):
    """Signals: ``shown(int)`` once a lead is on screen; ``correct_requested(CallItem)``."""

    shown = Signal(int)
    correct_requested = Signal(object)

    def __init__(self, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._generation = 0
        self.detail: LeadDetail | None = None

        self.header = QLabel()
        self.header.setObjectName("leadHeader")
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setOpenExternalLinks(True)
        self.header.setWordWrap(True)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)

        self.score_label = QLabel()
        self.score_label.setObjectName("scoreBadge")
        self.score_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.score_summary = QLabel()
        self.score_summary.setWordWrap(True)
        self.breakdown = QTreeWidget()
        self.breakdown.setObjectName("scoreBreakdown")
        self.breakdown.setColumnCount(3)
        self.breakdown.setHeaderLabels([self.tr("Factor"), self.tr("Detail"), self.tr("Points")])
        self.breakdown.setRootIsDecorated(False)
        self.breakdown.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.breakdown.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.breakdown.header().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.breakdown.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)

        score_box = QGroupBox(self.tr("Score"))
        score_top = QHBoxLayout()
        score_top.addWidget(self.score_label)
        score_top.addWidget(self.score_summary, 1)
        score_layout = QVBoxLayout(score_box)
        score_layout.addLayout(score_top)
        score_layout.addWidget(self.breakdown)

        self.timeline_model = TimelineModel(self)
        self.timeline = QTreeView()
        self.timeline.setObjectName("timeline")
        self.timeline.setModel(self.timeline_model)
        self.timeline.setUniformRowHeights(True)
        self.timeline.setAlternatingRowColors(True)
        self.timeline.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.timeline.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.timeline.header().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        timeline_box = QGroupBox(self.tr("Content history"))
        QVBoxLayout(timeline_box).addWidget(self.timeline)

        self.work = WorkPanel()
        self.timeline.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.timeline.customContextMenuRequested.connect(self.on_timeline_menu_requested)

        self.placeholder = QLabel(self.tr("Select a lead in the queue to see its details."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setObjectName("placeholder")

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(score_box)
        splitter.addWidget(timeline_box)
        splitter.setStretchFactor(1, 2)
        self.body = QWidget()
        body_layout = QVBoxLayout(self.body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(self.header)
        body_layout.addWidget(self.work)
        body_layout.addWidget(splitter, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.placeholder)
        layout.addWidget(self.body)
        self.body.hide()

    # -- Loading ----------------------------------------------------------------------
    def show_lead(self, lead_id: int | None) -> None:
        """Load and show a lead (None clears the pane). Runs the query on the worker."""
        self._generation += 1
        generation = self._generation
        if lead_id is None:
            self.detail = None
            self.body.hide()
            self.placeholder.setText(self.tr("Select a lead in the queue to see its details."))
            self.placeholder.show()
            return
        now = datetime.now(UTC)
        self._worker.read(
            lambda session: lead_detail(session, lead_id, now),
            lambda detail: self._on_loaded(generation, detail),
            lambda exc: self._on_failed(generation, exc),
        )

    def reload(self) -> None:
        if self.detail is not None:
            self.show_lead(self.detail.id)

    def _on_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self.detail = None
        self.body.hide()
        message = str(exc) if isinstance(exc, BatonError) else repr(exc)
        self.placeholder.setText(self.tr("Could not load the lead: %1").replace("%1", message))
        self.placeholder.show()

    def _on_loaded(self, generation: int, detail: LeadDetail) -> None:
        if generation != self._generation:
            return
        self.detail = detail
        self.header.setText(self._header_html(detail))
        self._fill_score(detail)
        self.work.show_detail(detail)
        self.timeline_model.set_entries(self._entries(detail))
        self.timeline.expandAll()
        self.placeholder.hide()
        self.body.show()
        self.shown.emit(detail.id)

    # -- Rendering ----------------------------------------------------------------------
    def _header_html(self, d: LeadDetail) -> str:
        reading = f" <span style='color:#666'>({_esc(d.name_kana)})</span>" if d.name_kana else ""
        title = " · ".join(_esc(p) for p in (d.department, d.title) if p)
        company_reading = f" ({_esc(d.company_kana)})" if d.company_kana else ""
        contact = []
        if d.phone and d.do_not_call:
            contact.append(f"☎ <s>{_esc(d.phone)}</s>")
        elif d.phone:
            contact.append(f"☎ <a href='{_esc(_tel_href(d.phone))}'>{_esc(d.phone)}</a>")
        if d.email:
            contact.append(f"✉ <a href='mailto:{_esc(d.email)}'>{_esc(d.email)}</a>")
        if d.company_phone and not d.do_not_call:
            contact.append(
                self.tr("Main line") + f" <a href='{_esc(_tel_href(d.company_phone))}'>"
                f"{_esc(d.company_phone)}</a>"
            )
        facts = [
            labels.industry(d.industry),
            labels.size_band(d.size_band),
            " ".join(p for p in (labels.region(d.region), d.prefecture or "") if p),
        ]
        status = self.tr("Stage: %1 · Owner: %2 · MQL: %3 · Calls: %4")
        status = (
            status.replace("%1", _esc(labels.stage(d.stage)))
            .replace("%2", _esc(d.owner_name or self.tr("Unassigned")))
            .replace("%3", _esc(labels.datetime_short(d.mql_at)))
            .replace("%4", str(d.call_attempts))
        )
        return (
            f"<div style='font-size:16pt; font-weight:600'>{_esc(d.name)}{reading}</div>"
            f"<div>{title}</div>"
            f"<div style='font-size:12pt'><b>{_esc(d.company)}</b>{company_reading}"
            f" — {' · '.join(_esc(f) for f in facts)}</div>"
            f"<div>{' &nbsp; '.join(contact)}</div>"
            f"<div style='color:#555'>{status}</div>"
        )

    def _fill_score(self, d: LeadDetail) -> None:
        card = d.score
        color = {"A": "#1b7f3b", "B": "#2f6fb3", "C": "#a06a00"}.get(card.grade, "#777")
        self.score_label.setText(
            f"<div style='font-size:22pt; font-weight:700; color:{color}'>{card.score}</div>"
            f"<div style='font-size:14pt; color:{color}'>{_esc(card.grade)}</div>"
        )
        summary = self.tr("Fit %1 of %2 + engagement %3 of %4 (half-life %5 days, definition v%6)")
        for n, value in enumerate(
            (
                f"{card.fit:.0f}",
                f"{card.fit_max:.0f}",
                f"{card.engagement:.1f}",
                f"{card.engagement_max:.0f}",
                f"{card.half_life_days:g}",
                str(card.definition_version),
            ),
            start=1,
        ):
            summary = summary.replace(f"%{n}", value)
        why = self.tr("Why now: %1").replace("%1", labels.why_now(d.why_now))
        self.score_summary.setText(f"{_esc(summary)}<br><b>{_esc(why)}</b>")
        self.breakdown.clear()
        for c in card.contributions:
            if c.part == "fit":
                item = QTreeWidgetItem(
                    [
                        labels.fit_factor(c.factor),
                        labels.fit_value(c.factor, c.value),
                        f"+{c.points:.0f}",
                    ]
                )
            else:
                detail = self.tr("%n touch(es) · %1 after decay · latest %2", "", c.count)
                detail = detail.replace("%1", f"{c.raw:.1f}").replace(
                    "%2", labels.datetime_short(c.latest_at)
                )
                item = QTreeWidgetItem([labels.touch_kind(c.factor), detail, f"+{c.points:.1f}"])
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight)
            self.breakdown.addTopLevelItem(item)

    def _entries(self, d: LeadDetail) -> list[TimelineEntry]:
        """Marketing touches and calls, merged (corrected calls are left out)."""
        entries = [
            TimelineEntry(
                "touch",
                t.kind,
                t.occurred_at,
                labels.touch_kind(t.kind),
                t.content_title or "",
                t.campaign or "",
            )
            for t in d.touches
        ]
        for call in d.calls:
            if call.superseded:
                continue
            what = "☎ " + labels.outcome(call.outcome)
            if call.supersedes_id is not None:
                what += " " + self.tr("(corrected)")
            notes = (call.notes or "").replace("\n", " ")
            if call.callback_at is not None:
                notes = self.tr("Callback %1").replace(
                    "%1", labels.datetime_short(call.callback_at)
                ) + (f" · {notes}" if notes else "")
            entries.append(
                TimelineEntry(
                    "call",
                    call.outcome,
                    call.started_at,
                    what,
                    notes,
                    call.user_name or "",
                    call.id,
                )
            )
        return entries

    def on_timeline_menu_requested(self, pos: QPoint) -> None:
        index = self.timeline.indexAt(pos)
        entry = index.data(EntryRole) if index.isValid() else None
        if self.detail is None or entry is None or entry.source != "call":
            return
        call = next((c for c in self.detail.calls if c.id == entry.ref_id), None)
        if call is None:
            return
        menu = QMenu(self)
        action = menu.addAction(self.tr("Correct this call…"))
        action.triggered.connect(lambda: self.correct_requested.emit(call))
        menu.popup(self.timeline.viewport().mapToGlobal(pos))

    def current_lead_id(self) -> int | None:
        return self.detail.id if self.detail else None

    def sizeHint(self) -> Any:
        hint = super().sizeHint()
        hint.setWidth(max(hint.width(), 520))
        return hint
