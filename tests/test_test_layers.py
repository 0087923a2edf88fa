"""The domain tests stay domain tests: they load no Qt widgets (those live in tests/gui/).

A fresh interpreter imports tests.conftest and every test module outside tests/gui/ and
tests/benchmarks/, one by one, and says which one first brings in ``PySide6.QtWidgets`` or
``PySide6.QtGui``. (Tests of the CLI run it as a subprocess or load only its headless parts.)
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

TESTS = Path(__file__).parent
ROOT = TESTS.parent

# Run in a fresh interpreter: import each module named on the command line, stop at the first
# that loads a GUI-only part of Qt, and print which one (or {} when none does).
PROBE = """
import json, sys
found = {}
for name in sys.argv[1:]:
    __import__(name)
    loaded = sorted(m for m in ("PySide6.QtWidgets", "PySide6.QtGui") if m in sys.modules)
    if loaded:
        found = {"module": name, "loaded": loaded}
        break
print(json.dumps(found))
"""


def domain_test_modules() -> list[str]:
    """Dotted names of the test modules (and their helpers) outside tests/gui and benchmarks."""
    skip = {TESTS / "gui", TESTS / "benchmarks"}
    names = []
    for path in sorted(TESTS.rglob("*.py")):
        if any(path.is_relative_to(folder) for folder in skip) or path.name == "__init__.py":
            continue
        names.append(".".join(path.relative_to(ROOT).with_suffix("").parts))
    return names


def test_the_domain_test_modules_are_found() -> None:
    names = domain_test_modules()
    assert {"tests.conftest", "tests.test_database", "tests.test_test_layers"} <= set(names)
    assert not [n for n in names if n.startswith(("tests.gui", "tests.benchmarks"))]


def first_gui_import(modules: list[str]) -> dict[str, object]:
    """Which of ``modules``, imported in order in a new interpreter, first loads Qt widgets."""
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *modules],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    found: dict[str, object] = json.loads(result.stdout.splitlines()[-1])
    return found


def test_the_probe_names_a_module_that_loads_qt_widgets() -> None:
    assert first_gui_import(["json", "tests.gui.conftest"]) == {
        "module": "tests.gui.conftest",
        "loaded": ["PySide6.QtGui", "PySide6.QtWidgets"],
    }


def test_domain_tests_import_no_qt_widgets() -> None:
    modules = ["tests.conftest", *(n for n in domain_test_modules() if n != "tests.conftest")]
    assert first_gui_import(modules) == {}, (
        "a test module outside tests/gui/ loads Qt widgets; move that test to tests/gui/"
    )
