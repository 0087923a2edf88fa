"""What the handoff summary needs besides BANT, in the call dialog: the prospect's
challenge (課題), the competitors they look at (競合), how they decide (決裁フロー).

Folded away by default (most calls do not reach them); it opens itself when the call
connects or books a meeting, or when it holds something. Blank: not discussed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLineEdit, QToolButton, QVBoxLayout, QWidget

from desktop.i18n import labels
from models.leads.calls import DISCOVERY, MAX_EVIDENCE


class DiscoveryFields(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("discovery")
        self.toggle = QToolButton()
        self.toggle.setObjectName("discoveryToggle")
        self.toggle.setText(self.tr("For the &handoff: challenge, competitors, decision process"))
        # Out of the Tab chain (most calls never get there; Alt+H or a click opens it);
        # its fields join the chain once it is open (a connected call opens it).
        self.toggle.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setCheckable(True)
        self.toggle.setAutoRaise(True)
        self.toggle.toggled.connect(self.on_toggled)
        self.body = QWidget()
        form = QFormLayout(self.body)
        form.setContentsMargins(18, 0, 0, 0)
        placeholders = {
            "challenge": self.tr("What they want to solve, in their words"),
            "competitors": self.tr("Products or vendors they compare"),
            "decision_process": self.tr("Who decides, who approves, by when"),
        }
        self.fields: dict[str, QLineEdit] = {}
        for name in DISCOVERY:
            edit = QLineEdit()
            edit.setObjectName(name)
            edit.setMaxLength(MAX_EVIDENCE)
            edit.setPlaceholderText(placeholders[name])
            form.addRow(labels.input_field(name), edit)
            self.fields[name] = edit
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.body)
        self.on_toggled(False)

    def on_toggled(self, open_: bool) -> None:
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if open_ else Qt.ArrowType.RightArrow)
        self.body.setVisible(open_)

    def expand(self) -> None:
        self.toggle.setChecked(True)

    def values(self) -> dict[str, str]:
        """The CallDraft's discovery fields."""
        return {name: edit.text() for name, edit in self.fields.items()}

    def load(self, call: object) -> None:
        """A call being corrected: its answers, when the call item carries them."""
        for name, edit in self.fields.items():
            edit.setText(str(getattr(call, name, None) or ""))
        if any(self.values().values()):
            self.expand()

    def state(self) -> tuple[str, ...]:
        return tuple(self.values().values())

    def focus_chain(self) -> list[QWidget]:
        return list(self.fields.values())

    def focus(self, name: str) -> bool:
        """Give the field ``name`` the focus (True if it is one of these)."""
        edit = self.fields.get(name)
        if edit is None:
            return False
        self.expand()
        edit.setFocus(Qt.FocusReason.OtherFocusReason)
        return True
