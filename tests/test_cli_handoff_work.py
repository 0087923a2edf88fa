"""``baton promote`` and ``baton respond`` (one answer, or a CSV of them) as a user runs
them: the real command in a subprocess on a copy of a demo file."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from models.core.entities import Account, Handoff, Lead
from models.definitions import versions
from models.definitions.criteria import FitIn, Group, ScoreAtLeast, Touches, root
from models.definitions.sql import condition
from tests.test_cli_calls import Cli, cli, email, template  # noqa: F401 - fixtures used by name


def _qualified(cli: Cli) -> int:  # noqa: F811 - the imported fixture
    """A lead of misaki's that meets the definition once a good call is logged."""
    now = datetime.now(UTC)
    with cli.db.read() as session:
        items = root(versions.active(session).criteria).items
        fixed = Group(
            "all", tuple(i for i in items if isinstance(i, ScoreAtLeast | Touches | FitIn))
        )
        eligible = list(
            session.scalars(
                select(Lead.id)
                .join(Account, Account.id == Lead.account_id)
                .where(condition(fixed, now))
            )
        )
    lead_id = cli.callable(cli.user("misaki.sato"), Lead.id.in_(eligible))
    meeting = (now + timedelta(days=3)).replace(microsecond=0).isoformat()
    done = cli.run(
        "call", str(lead_id), "--outcome", "meeting_booked", "--meeting", meeting,
        "--bant", "need=explicit:手作業の転記をなくしたい", "authority=decision_maker:部長決裁",
        "timeline=within_3m:来期から",
        "--user", email("misaki.sato"),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return lead_id


def test_promote_and_accept_from_the_command_line(cli: Cli) -> None:  # noqa: F811 - the imported fixture
    lead_id = _qualified(cli)
    done = cli.run(
        "promote", str(lead_id), "--to", email("daisuke.watanabe"),
        "--note", "決裁者同席で訪問を推奨", "--user", email("misaki.sato"), "--lang", "ja",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "引き渡し" in done.stdout or "handed" in done.stdout
    with cli.db.read() as session:
        handoff = session.scalars(select(Handoff).where(Handoff.lead_id == lead_id)).one()
        assert handoff.note == "決裁者同席で訪問を推奨"
        handoff_id = handoff.id
    other = cli.run("respond", str(handoff_id), "--accept", "--user", email("sakura.yamamoto"))
    assert other.returncode != 0 and "daisuke" not in other.stdout
    assert other.stderr.strip()
    nobody = cli.run("respond", str(handoff_id), "--accept")
    assert nobody.returncode != 0 and "--user" in nobody.stderr
    done = cli.run("respond", str(handoff_id), "--accept", "--user", email("daisuke.watanabe"))
    assert done.returncode == 0, done.stderr
    with cli.db.read() as session:
        assert session.get(Handoff, handoff_id).status == "accepted"  # type: ignore[union-attr]


def test_a_lead_that_does_not_qualify_is_refused_with_the_criterion(cli: Cli) -> None:  # noqa: F811 - the imported fixture
    lead_id = cli.callable(cli.user("misaki.sato"))
    done = cli.run(
        "promote", str(lead_id), "--to", email("daisuke.watanabe"),
        "--user", email("misaki.sato"), "--lang", "ja",
    )  # fmt: skip
    assert done.returncode == 2
    assert "引き渡し基準" in done.stderr
    with cli.db.read() as session:
        assert session.scalars(select(Handoff).where(Handoff.lead_id == lead_id)).first() is None


def test_answers_from_a_csv_land_row_by_row(cli: Cli, tmp_path: Path) -> None:  # noqa: F811 - the imported fixture
    field = email("daisuke.watanabe")
    with cli.db.read() as session:
        pending = list(
            session.scalars(
                select(Handoff.id)
                .where(
                    Handoff.status == "pending",
                    Handoff.field_rep_id == cli.user("daisuke.watanabe"),
                )
                .order_by(Handoff.id)
            )
        )
    if len(pending) < 2:
        for _ in range(2 - len(pending)):
            lead_id = _qualified(cli)
            assert (
                cli.run(
                    "promote", str(lead_id), "--to", field, "--user", email("misaki.sato")
                ).returncode
                == 0
            )
        with cli.db.read() as session:
            pending = list(
                session.scalars(
                    select(Handoff.id)
                    .where(
                        Handoff.status == "pending",
                        Handoff.field_rep_id == cli.user("daisuke.watanabe"),
                    )
                    .order_by(Handoff.id)
                )
            )
    first, second = pending[:2]
    sheet = tmp_path / "answers.csv"
    sheet.write_bytes(
        (
            "handoff,answer,reason,text,return_to\r\n"
            f"{first},accept,,,\r\n"
            "abc,accept,,,\r\n"
            f"{second},reject,timing,来期に再検討,nurture\r\n"
            f"{second},maybe,,,\r\n"
        ).encode("cp932")
    )
    done = cli.run("respond", "--csv", str(sheet), "--user", field)
    assert done.returncode == 3, done.stderr
    assert "line 3" in done.stderr and "line 5" in done.stderr
    with cli.db.read() as session:
        assert session.get(Handoff, first).status == "accepted"  # type: ignore[union-attr]
        rejected = session.get(Handoff, second)
        assert rejected is not None and rejected.status == "rejected"
        assert rejected.response_reason == "来期に再検討" and rejected.returned_to == "nurture"
