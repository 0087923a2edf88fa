"""Extract every tr() string from desktop/ into resources/translations/*.ts (Qt lupdate).

Existing translations are kept; new strings arrive as type="unfinished" until translated.
Run after changing user-visible text:  python scripts/update_translations.py
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import PySide6

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("ja",)


def main() -> int:
    lupdate = Path(PySide6.__file__).with_name("lupdate")
    sources = sorted(str(p) for p in (ROOT / "desktop").rglob("*.py"))
    for language in LANGUAGES:
        target = ROOT / "resources" / "translations" / f"baton_{language}.ts"
        subprocess.run(
            [
                str(lupdate),
                "-no-obsolete",
                "-locations",
                "none",
                "-target-language",
                language,
                *sources,
                "-ts",
                str(target),
            ],
            check=True,
        )
        unfinished = target.read_text(encoding="utf-8").count('type="unfinished"')
        print(f"{target.relative_to(ROOT)}: {unfinished} unfinished")
    return 0


if __name__ == "__main__":
    sys.exit(main())
