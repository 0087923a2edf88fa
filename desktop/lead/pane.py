"""The selected lead: contact card, score card with its explanation, content timeline.

Signals: ``shown(int)`` once a lead's detail is on screen.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QTabWidget,
    QTreeView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import labels
from desktop.lead.checklist_view import ChecklistView, HandoffStrip
from desktop.lead.timeline_model import EntryRole, TimelineEntry, TimelineModel
from desktop.lead.work_panel import WorkPanel
from desktop.operations import handoff as handoff_ops
from desktop.operations import lead_actions as lead_action_ops
from desktop.operations.handoff import LeadView
from desktop.operations.runner import Operations
from desktop.widgets.phone_text import TEL_SCHEME, open_link, phone_html
from desktop.widgets.rich_text import escape, fill, plain_label, rich
from models.core.changes import Changes
from models.db.failures import Failure, Kind
from models.leads.detail import LeadDetail


class LeadPane(QWidget):
    """Signals: ``shown(int)`` once a lead is on screen; ``correct_requested(CallItem)``;
    ``leave()`` when the rep presses Esc in the pane (back to the queue); ``dialed(str)``
    when the rep clicks a number (the ``tel:`` URL)."""

    shown = Signal(int)
    correct_requested = Signal(object)
    leave = Signal()
    dialed = Signal(str)

    def __init__(self, ops: Operations, user_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        #: Whose pane it is: the detail says what this user may not do to the lead.
        self._user_id = user_id
        ops.changed.connect(self.on_changes)
        self._generation = 0
        self.detail: LeadDetail | None = None
        #: The detail with the definition checked on it (None while nothing is shown).
        self.view: LeadView | None = None

        self.header = QLabel()
        self.header.setObjectName("leadHeader")
        self.header.setTextFormat(Qt.TextFormat.RichText)
        # A tel: link dials and opens the call dialog with its timer running; others
        # (mailto:) go to the desktop.
        self.header.setOpenExternalLinks(False)
        self.header.linkActivated.connect(self.on_link_activated)
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

        score_row = QHBoxLayout()
        score_row.addWidget(self.score_label)
        score_row.addWidget(self.score_summary, 1)

        self.timeline_model = TimelineModel(self)
        self.timeline = QTreeView()
        self.timeline.setObjectName("timeline")
        self.timeline.setModel(self.timeline_model)
        self.timeline.setUniformRowHeights(True)
        self.timeline.setAlternatingRowColors(True)
        self.timeline.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.timeline.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.timeline.header().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        # The history is what a rep reads most: it gets the height; the score's
        # explanation is one tab away (its total and why-now stay on top).
        # The selected call's whole note, under the history (a row shows its first line).
        self.note_view = plain_label()
        self.note_view.setObjectName("callNote")
        self.note_view.setWordWrap(True)
        self.note_view.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note_view.setStyleSheet("background: #f6f6f2; padding: 4px; border-radius: 3px")
        self.note_view.hide()
        self.timeline.selectionModel().currentChanged.connect(self.on_timeline_current_changed)
        history = QWidget()
        history_layout = QVBoxLayout(history)
        history_layout.setContentsMargins(0, 0, 0, 0)
        history_layout.addWidget(self.timeline, 1)
        history_layout.addWidget(self.note_view)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("paneTabs")
        self.tabs.addTab(history, self.tr("Content history"))
        self.tabs.addTab(self.breakdown, self.tr("Score breakdown"))
        self.checklist = ChecklistView()
        self.tabs.addTab(self.checklist, self.tr("Handoff checklist"))
        self.handoff = HandoffStrip()

        self.work = WorkPanel()
        self.timeline.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.timeline.customContextMenuRequested.connect(self.on_timeline_menu_requested)

        self.placeholder = QLabel(self.tr("Select a lead in the queue to see its details."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setTextFormat(Qt.TextFormat.PlainText)
        self.placeholder.setWordWrap(True)
        self.placeholder.setObjectName("placeholder")

        # The lead, its work and its score take the height they need (it changes with the
        # lead); the history takes the rest.
        self.body = QWidget()
        body_layout = QVBoxLayout(self.body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(self.header)
        body_layout.addWidget(self.work)
        body_layout.addLayout(score_row)
        body_layout.addWidget(self.handoff)
        body_layout.addWidget(self.tabs, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.placeholder)
        layout.addWidget(self.body)
        self.body.hide()
        back = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        back.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        back.activated.connect(self.leave)

    # -- Loading ----------------------------------------------------------------------
    def show_lead(self, lead_id: int | None) -> None:
        """Load and show a lead (None clears the pane). Runs the query on the worker."""
        self._generation += 1
        generation = self._generation
        if lead_id is None:
            self.detail = None
            self.view = None
            self.body.hide()
            self.placeholder.setText(self.tr("Select a lead in the queue to see its details."))
            self.placeholder.show()
            return
        handoff_ops.lead_view(self._ops, lead_id, datetime.now(UTC), self, self._user_id).success(
            lambda view: self._on_loaded(generation, view)
        ).refused(lambda text, _exc: self._on_failed(generation, text)).failed(
            lambda failure: self._on_load_failed(generation, failure)
        ).run()

    def reload(self) -> None:
        if self.detail is not None:
            self.show_lead(self.detail.id)

    def on_changes(self, changes: Changes) -> None:
        """Show the lead again when a write changed it (or the definition it is scored by).

        Not when the change is this pane's own action taking the lead out of the queue
        (return to nurture, disqualify, do not call): the queue moves on to the next
        lead, which the pane shows instead.
        """
        current = self.current_lead_id()
        if changes.initiator == lead_action_ops.INITIATOR and changes.queue:
            return
        if current is not None and (current in changes.lead_ids or changes.definition):
            self.reload()

    def _on_load_failed(self, generation: int, failure: Failure) -> None:
        if failure.kind is not Kind.REFUSAL:  # a refusal has said why already
            self._on_failed(generation, "")

    def _on_failed(self, generation: int, reason: str) -> None:
        if generation != self._generation:
            return
        self.detail = None
        self.view = None
        self.body.hide()
        text = self.tr("Could not load the lead.")
        self.placeholder.setText(f"{text} {reason}".strip())
        self.placeholder.show()

    def _on_loaded(self, generation: int, view: LeadView) -> None:
        if generation != self._generation:
            return
        detail = view.detail
        self.detail = detail
        self.view = view
        self.checklist.show_checklist(view.checklist)
        self.handoff.show_view(view)
        self.header.setText(self._header_html(detail))
        self._fill_score(detail)
        self.work.show_detail(detail)
        self.timeline_model.set_entries(self._entries(detail))
        self.note_view.hide()
        self.timeline.expandAll()
        self.placeholder.hide()
        self.body.show()
        self.shown.emit(detail.id)

    # -- Rendering ----------------------------------------------------------------------
    def _header_html(self, d: LeadDetail) -> str:
        reading = f" <span style='color:#666'>({escape(d.name_kana)})</span>" if d.name_kana else ""
        title = " · ".join(escape(p) for p in (d.department, d.title) if p)
        company_reading = f" ({escape(d.company_kana)})" if d.company_kana else ""
        contact = []
        if d.phone:
            number = phone_html(d.phone, d.phone_e164, struck=d.do_not_call or d.phone_invalid)
            if d.phone_invalid and not d.do_not_call:
                wrong = escape(self.tr("wrong number"))
                number += f" <span style='color:#b00020'>({wrong})</span>"
            contact.append(f"☎ {number}")
        if d.email:
            contact.append(f"✉ <a href='mailto:{escape(d.email)}'>{escape(d.email)}</a>")
        if d.company_phone and not d.do_not_call:
            contact.append(
                self.tr("Main line") + f" {phone_html(d.company_phone, d.company_phone_e164)}"
            )
        facts = [
            labels.industry(d.industry),
            labels.size_band(d.size_band),
            " ".join(p for p in (labels.region(d.region), d.prefecture or "") if p),
        ]
        status = rich(
            escape(self.tr("Stage: %1 · Owner: %2 · MQL: %3 · Calls: %4")),
            labels.stage(d.stage),
            d.owner_name or self.tr("Unassigned"),
            labels.datetime_short(d.mql_at),
            d.call_attempts,
        )
        return (
            f"<div style='font-size:16pt; font-weight:600'>{escape(d.name)}{reading}</div>"
            f"<div>{title}</div>"
            f"<div style='font-size:12pt'><b>{escape(d.company)}</b>{company_reading}"
            f" — {' · '.join(escape(f) for f in facts)}</div>"
            f"<div>{' &nbsp; '.join(contact)}</div>"
            f"<div style='color:#555'>{status}</div>"
        )

    def _fill_score(self, d: LeadDetail) -> None:
        card = d.score
        color = {"A": "#1b7f3b", "B": "#2f6fb3", "C": "#a06a00"}.get(card.grade, "#777")
        self.score_label.setText(
            f"<div style='font-size:22pt; font-weight:700; color:{color}'>{card.score}</div>"
            f"<div style='font-size:14pt; color:{color}'>{escape(card.grade)}</div>"
        )
        summary = fill(
            self.tr("Fit %1 of %2 + engagement %3 of %4 (half-life %5 days, definition v%6)"),
            f"{card.fit:.0f}",
            f"{card.fit_max:.0f}",
            f"{card.engagement:.1f}",
            f"{card.engagement_max:.0f}",
            f"{card.half_life_days:g}",
            card.definition_version,
        )
        why = fill(self.tr("Why now: %1"), labels.why_now(d.why_now))
        self.score_summary.setText(f"{escape(summary)}<br><b>{escape(why)}</b>")
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
                detail = fill(detail, f"{c.raw:.1f}", labels.datetime_short(c.latest_at))
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
            whole = (call.notes or "").strip()
            lines = whole.splitlines()
            notes = lines[0] + (" …" if len(lines) > 1 else "") if lines else ""
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
                    whole,
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

    def on_timeline_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        entry = current.data(EntryRole) if current.isValid() else None
        note = entry.note if isinstance(entry, TimelineEntry) else ""
        self.note_view.setText(note)
        self.note_view.setVisible(bool(note))

    def on_link_activated(self, url: str) -> None:
        if url.startswith(f"{TEL_SCHEME}:"):
            self.dialed.emit(url)
        else:
            open_link(url)

    def focus_timeline(self) -> None:
        """Enter on a lead opens it: the keyboard moves into its history."""
        self.timeline.setFocus(Qt.FocusReason.OtherFocusReason)

    def current_lead_id(self) -> int | None:
        return self.detail.id if self.detail else None

    def sizeHint(self) -> Any:
        hint = super().sizeHint()
        hint.setWidth(max(hint.width(), 520))
        return hint
