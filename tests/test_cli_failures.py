"""A database that fails a command is said plainly, in the user's language (item 19)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sqlalchemy import select

from models import demo
from models.core.entities import Lead
from models.db.database import open_database
from tests.conftest import NOW
from tests.test_cli import headless_env


def test_a_read_only_sqlite_file_is_said_once_without_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "baton.sqlite3"
    db = open_database(f"sqlite:///{path}")
    demo.generate(db, leads=30, seed=3, now=NOW)
    with db.read() as session:
        lead_id = session.scalars(
            select(Lead.id).where(Lead.stage == "working", Lead.do_not_call.is_(False))
        ).first()
    db.close()
    assert lead_id is not None
    before = path.read_bytes()
    read_only = f"sqlite:///file:{path}?mode=ro&uri=true"
    for language, expected in (("en", "read-only"), ("ja", "読み取り専用")):
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "desktop",
                "call",
                str(lead_id),
                "--outcome",
                "no_answer",
                "--user",
                "naoki.tanaka@baton.example",
                "--db",
                read_only,
                "--lang",
                language,
                "--now",
                NOW.isoformat(),
            ],
            env=headless_env(tmp_path),
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert done.returncode == 2, done.stderr
        assert expected in done.stderr
        assert "Traceback" not in done.stderr and "INSERT" not in done.stderr
        assert len(done.stderr.strip().splitlines()) == 1  # said once
    assert path.read_bytes() == before
