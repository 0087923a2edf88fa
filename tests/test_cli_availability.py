"""``baton user away|back|capacity`` on both databases: who may, the dates, the range,
and what distribution and the workload then see."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from desktop.cli import main
from models.core.entities import AuditEntry, AwayPeriod, User
from models.db.database import Database

NOW = "2026-11-20T03:00:00+00:00"


@pytest.fixture
def demo_url(demo_db: Database) -> str:
    return demo_db.url.render_as_string(hide_password=False)


def _run(url: str, *args: str) -> int:
    return main([*args, "--db", url, "--lang", "en", "--now", NOW])


def test_a_team_lead_records_an_away_period_and_takes_it_back(
    demo_url: str, demo_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    lead = "naoki.tanaka@baton.example"
    rep = "yumi.takahashi@baton.example"
    assert _run(demo_url, "user", "away", rep, "--from", "2026-11-23", "--to",
                "2026-11-25", "--note", "研修 <b>", "--user", lead) == 0  # fmt: skip
    assert "is away from 2026-11-23 to 2026-11-25" in capsys.readouterr().out
    with demo_db.read() as session:
        period = session.scalars(select(AwayPeriod)).one()
        assert period.note == "研修 <b>"
    assert _run(demo_url, "user", "back", str(period.id), "--user", lead) == 0
    with demo_db.read() as session:
        assert session.scalars(select(AwayPeriod)).first() is None


def test_dates_in_the_wrong_order_and_a_rep_for_another_rep_are_refused(
    demo_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    rep = "yumi.takahashi@baton.example"
    assert _run(demo_url, "user", "away", rep, "--from", "2026-11-25", "--to",
                "2026-11-23", "--user", rep) == 2  # fmt: skip
    assert "ends (2026-11-23) before it starts (2026-11-25)" in capsys.readouterr().err
    assert _run(demo_url, "user", "away", rep, "--from", "2026-11-23", "--to",
                "2026-11-23", "--user", "ken.ito@baton.example") == 2  # fmt: skip
    assert "may not change" in capsys.readouterr().err
    assert _run(demo_url, "user", "away", rep, "--from", "23/11", "--to", "2026-11-23",
                "--user", rep) == 2  # fmt: skip
    assert "--from" in capsys.readouterr().err


def test_capacity_is_a_team_leads_to_set_within_range(
    demo_url: str, demo_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    rep = "ken.ito@baton.example"
    assert _run(demo_url, "user", "capacity", rep, "250", "--user", rep) == 2
    assert "may not change" in capsys.readouterr().err
    assert _run(demo_url, "user", "capacity", rep, "50000",
                "--user", "naoki.tanaka@baton.example") == 2  # fmt: skip
    assert "expected a number from 0 to 5000" in capsys.readouterr().err
    assert _run(demo_url, "user", "capacity", rep, "250",
                "--user", "naoki.tanaka@baton.example") == 0  # fmt: skip
    with demo_db.read() as session:
        user = session.scalars(select(User).where(User.email == rep)).one()
        assert user.capacity == 250
        assert session.scalars(
            select(AuditEntry).where(AuditEntry.action == "capacity_set")
        ).one().after == {"capacity": 250}
