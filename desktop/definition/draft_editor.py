"""The selected version's content: in words, and for a draft the form that edits it (the
name, the criteria tree with its form, the scoring's main settings, the note).

A version that is not a draft, or a user who may not edit, gets the same pages read-only.

GUI thread. Signals: ``edited()`` after each change the user makes to the draft.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.definition.criteria_tree import CriteriaEditor
from desktop.definition.scoring_form import ScoringForm
from desktop.definition.version_text import detail_lines
from desktop.operations.definition import Draft
from desktop.widgets.rich_text import escape
from models.definitions.records import VersionDetail


class DraftEditor(QWidget):
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("draftEditor")
        self._loading = False
        self.name = QLineEdit()
        self.name.setObjectName("definitionName")
        self.name.setMaxLength(200)
        self.words = QTextBrowser()
        self.words.setObjectName("versionInWords")
        self.words.setOpenLinks(False)
        self.criteria = CriteriaEditor()
        self.scoring = ScoringForm()
        self.note = QPlainTextEdit()
        self.note.setObjectName("definitionNote")
        self.note.setPlaceholderText(self.tr("Why this version: for the people who approve it"))
        self.tabs = QTabWidget()
        self.tabs.setObjectName("definitionTabs")
        self.tabs.addTab(self.words, self.tr("In words"))
        self.tabs.addTab(self.criteria, self.tr("Criteria"))
        self.tabs.addTab(self.scoring, self.tr("Scoring"))
        self.tabs.addTab(self.note, self.tr("Note"))
        name_row = QFormLayout()
        name_row.setContentsMargins(0, 0, 0, 0)
        name_row.addRow(self.tr("Name"), self.name)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(name_row)
        layout.addWidget(self.tabs, 1)

        self.name.textEdited.connect(self._on_edited)
        self.note.textChanged.connect(self._on_edited)
        self.criteria.edited.connect(self._on_edited)
        self.scoring.edited.connect(self._on_edited)

    def show_version(self, detail: VersionDetail, editable: bool) -> None:
        """Show ``detail``; its form is editable only for a draft the user may change."""
        self._loading = True
        self.show_words(detail)
        self.name.setText(detail.name)
        self.note.setPlainText(detail.note or "")
        self.criteria.load(detail.criteria_data)
        self.scoring.load(detail.scoring_data)
        self.set_editable(editable)
        self._loading = False

    def show_words(self, detail: VersionDetail) -> None:
        """The version in words: every line escaped, the criteria indented by depth."""
        paragraphs = [
            f"<p style='margin: 0 0 {4 if depth else 2}px {depth * 22}px'>"
            f"{escape(text) if text else '&nbsp;'}</p>"
            for depth, text in detail_lines(detail)
        ]
        self.words.setHtml("".join(paragraphs))

    def set_editable(self, editable: bool) -> None:
        self.name.setReadOnly(not editable)
        self.note.setReadOnly(not editable)
        self.criteria.set_editable(editable)
        self.scoring.set_editable(editable)

    def draft(self) -> Draft:
        """The draft as the form holds it (checked by the domain when saved)."""
        note = self.note.toPlainText()
        return Draft(
            name=self.name.text(),
            note=note or None,
            criteria_data=self.criteria.criteria_data(),
            scoring_data=self.scoring.scoring_data(),
        )

    def criteria_data(self) -> dict[str, Any]:
        return self.criteria.criteria_data()

    def _on_edited(self, *_args: object) -> None:
        if not self._loading:
            self.edited.emit()
