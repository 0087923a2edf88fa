"""The domain's messages about importing leads and touches from marketing tools' exports.

Part of the catalogue of :mod:`models.core.messages` (its docstring says how keys and
parameters work); stable key -> English template.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

IMPORT_MESSAGES: Final[Mapping[str, str]] = {
    # -- Presets: the tools' standard exports (models/imports/presets.py) -----------------
    "import.preset_unknown": "Unknown import preset “{value}”; expected one of {expected}.",
}
