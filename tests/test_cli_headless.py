"""Headless commands stay light: no Qt widgets or GUI, no Alembic on a current schema.

The runtime check runs the real commands in subprocesses and looks at what they loaded;
the import contracts in pyproject.toml keep it so statically (their own contract type,
tests/import_contracts.py, is tested here on a package made for the purpose).
"""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import grimp
import pytest
from sqlalchemy import select

import desktop.cli
from models.core.entities import Lead
from models.db import migrations as migrate
from models.db.database import Database
from tests.conftest import NOW
from tests.import_contracts import NoGuiContract, imported_modules
from tests.test_cli import headless_env

REPO = Path(__file__).resolve().parent.parent

#: Runs the CLI and reports, at exit, which Qt and Alembic modules the process loaded.
WRAPPER = """
import atexit, json, sys

def report():
    loaded = sorted(m for m in sys.modules if m.startswith(("PySide6", "alembic")))
    sys.stderr.write("LOADED " + json.dumps(loaded) + "\\n")

atexit.register(report)
from desktop.cli import main
sys.exit(main(sys.argv[1:]))
"""


def run_traced(
    url: str, home: Path, *args: str
) -> tuple[subprocess.CompletedProcess[str], set[str]]:
    env = headless_env(home, BATON_NOW=NOW.isoformat())
    done = subprocess.run(
        [sys.executable, "-c", WRAPPER, *args, "--db", url],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    reports = [line for line in done.stderr.splitlines() if line.startswith("LOADED ")]
    assert reports, done.stderr
    return done, set(json.loads(reports[-1].removeprefix("LOADED ")))


def _url(db: Database) -> str:
    return db.url.render_as_string(hide_password=False)


def _top_lead(db: Database) -> int:
    with db.read() as session:
        return int(session.scalars(select(Lead.id).order_by(Lead.priority.desc())).first() or 0)


@pytest.mark.parametrize(
    "command",
    [
        ("queue", "--json", "--limit", "5"),
        ("queue", "--lang", "ja", "--limit", "5"),
        ("lead", "{top}", "--json", "--lang", "ja"),
        ("due",),
        ("due", "--json"),
        ("users",),
        ("workload",),
        ("workload", "--json"),
        ("distribute", "--dry-run", "--lang", "ja"),
    ],
    ids=" ".join,
)
def test_reading_commands_load_no_qt_widgets_and_no_alembic(
    shared_db: Database, tmp_path: Path, command: tuple[str, ...]
) -> None:
    args = [a.replace("{top}", str(_top_lead(shared_db))) for a in command]
    done, loaded = run_traced(_url(shared_db), tmp_path, *args)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip()
    if "--json" in args:
        json.loads(done.stdout)
    qt = {m for m in loaded if m.startswith("PySide6.Qt")}
    if "ja" in args:
        assert qt == {"PySide6.QtCore"}, qt  # QtCore only, for the Japanese catalogue
    else:
        assert not qt, qt  # English is the source text: Qt is never loaded
    # The schema is current: recognised without loading Alembic.
    assert not {m for m in loaded if m.startswith("alembic")}, loaded


def test_the_head_constant_is_alembics_head() -> None:
    assert migrate.head_revision() == migrate.HEAD


def _cli_modules() -> set[str]:
    return {"desktop.cli"} | {
        f"desktop.cli.{m.name}" for m in pkgutil.iter_modules(desktop.cli.__path__)
    }


def _contract(name: str) -> dict[str, Any]:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    (contract,) = [
        c for c in config["tool"]["importlinter"]["contracts"] if c["name"].startswith(name)
    ]
    return dict(contract)


def test_the_forbidden_contract_names_every_headless_cli_module() -> None:
    """The "forbidden" contract lists its sources one by one: none may be forgotten."""
    contract = _contract("Headless CLI commands never load Qt widgets")
    listed = {m for m in contract["source_modules"] if m.startswith("desktop.cli")}
    assert listed == _cli_modules() - {"desktop.cli.gui"}
    walked = _contract("Headless CLI commands load QtCore at most")
    assert walked["exclude"] == ["desktop.cli.gui"]


def test_imported_modules_reads_an_import_statement() -> None:
    assert imported_modules("from PySide6.QtWidgets import QApplication") == {
        "PySide6.QtWidgets",
        "PySide6.QtWidgets.QApplication",
    }
    assert imported_modules("from PySide6 import QtCore, QtGui as gui") == {
        "PySide6",
        "PySide6.QtCore",
        "PySide6.QtGui",
    }
    assert imported_modules("    import PySide6.QtGui") == {"PySide6.QtGui"}
    assert imported_modules("from PySide6 import (") is None


def _package(root: Path, files: dict[str, str]) -> None:
    for name, source in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source, encoding="utf-8")


def _check(root: Path, monkeypatch: pytest.MonkeyPatch, sources: list[str]) -> Any:
    monkeypatch.syspath_prepend(str(root))
    graph = grimp.build_graph("fakeapp", include_external_packages=True, cache_dir=None)
    contract = NoGuiContract(
        "no gui",
        {"root_packages": ["fakeapp"]},
        {
            "source_modules": sources,
            "exclude": ["fakeapp.cli.gui"],
            "forbidden_submodules": ["PySide6.QtWidgets", "PySide6.QtGui"],
        },
    )
    return contract.check(graph, verbose=False)


def test_the_no_gui_contract_follows_imports_to_a_widget(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _package(
        tmp_path,
        {
            "fakeapp/__init__.py": "",
            "fakeapp/cli/__init__.py": "",
            "fakeapp/cli/gui.py": "from PySide6.QtWidgets import QApplication\n",
            "fakeapp/cli/show.py": (
                "def show():\n    from fakeapp.labels import words\n    return words\n"
            ),
            "fakeapp/labels.py": (
                "from PySide6.QtCore import QLocale\nfrom fakeapp.paint import colour\nwords = 1\n"
            ),
            # A statement over several lines, read from the source file.
            "fakeapp/paint.py": "from PySide6 import (\n    QtCore,\n    QtGui,\n)\ncolour = 1\n",
            "fakeapp/clean.py": "from PySide6.QtCore import QTimer\n",
        },
    )
    check = _check(tmp_path, monkeypatch, ["fakeapp.cli.**", "fakeapp.clean"])
    assert not check.kept
    (violation,) = check.metadata["violations"]
    assert violation.chain == ("fakeapp.cli.show", "fakeapp.labels", "fakeapp.paint")
    assert violation.forbidden == "PySide6.QtGui"
    assert violation.line_number == 1


def test_the_no_gui_contract_runs_package_inits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _package(
        tmp_path,
        {
            "fakeapp/__init__.py": "",
            "fakeapp/cli/__init__.py": "import fakeapp.ui.text\n",
            "fakeapp/ui/__init__.py": "import PySide6.QtWidgets\n",
            "fakeapp/ui/text.py": "TEXT = 1\n",
        },
    )
    assert not _check(tmp_path, monkeypatch, ["fakeapp.cli"]).kept
    _package(tmp_path, {"fakeapp/ui/__init__.py": "import PySide6.QtCore\n"})
    assert _check(tmp_path, monkeypatch, ["fakeapp.cli"]).kept
