"""The error catalogue: every key translated, every raise keyed, one-pass rendering.

Domain-only: reads the Japanese ``.ts`` as XML and the sources as syntax trees; the
Japanese messages of real errors are checked in tests/gui/test_error_messages_ja.py.
"""

from __future__ import annotations

import ast
import pickle
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.engine import make_url

import resources
from models.core import errors
from models.core.entities import Account, Lead, User
from models.core.errors import BatonError, InvalidInput, PermissionDenied
from models.core.messages import DETAIL, MESSAGES, english, placeholders, render
from models.db.database import Database, open_database
from models.leads.calls import CallDraft, log_call

ROOT = Path(__file__).resolve().parent.parent
TS_JA = resources.path("translations") / "baton_ja.ts"
#: The one Errors string that is not in the catalogue (desktop/i18n/messages.py).
UNEXPECTED = "An unexpected error occurred."


def _errors_context() -> dict[str, ET.Element]:
    root = ET.parse(TS_JA).getroot()  # noqa: S314 - the project's own translation source
    for context in root.iter("context"):
        if context.findtext("name") == "Errors":
            return {m.findtext("source") or "": m for m in context.iter("message")}
    return {}


# -- (a) Every key has a finished Japanese translation with the same placeholders -----------
def test_every_key_has_a_finished_japanese_translation() -> None:
    entries = _errors_context()
    problems = []
    for key, template in MESSAGES.items():
        entry = entries.get(template)
        if entry is None:
            problems.append(f"{key}: not in {TS_JA.name} (run scripts/update_translations.py)")
            continue
        translation = entry.find("translation")
        assert translation is not None
        text = (translation.text or "").strip()
        if translation.get("type") is not None or not text:
            problems.append(f"{key}: translation {translation.get('type') or 'empty'}")
        elif placeholders(text) != placeholders(template):
            problems.append(f"{key}: {placeholders(text)} != {placeholders(template)}")
    assert not problems, "\n".join(problems)


def test_the_errors_context_holds_only_the_catalogue_all_finished() -> None:
    entries = _errors_context()
    assert set(entries) == {*MESSAGES.values(), UNEXPECTED}
    for source, entry in entries.items():
        translation = entry.find("translation")
        assert translation is not None and translation.get("type") is None, source
        assert "%1" not in (translation.text or ""), source


def test_templates_are_distinct_and_never_show_the_raw_detail() -> None:
    assert len(set(MESSAGES.values())) == len(MESSAGES)
    for key, template in MESSAGES.items():
        assert DETAIL not in placeholders(template), key
        assert "%1" not in template, key
        assert key.count(".") >= 1 and key == key.lower(), key


# -- (b) Every raise in models/ uses a catalogue key; every key is raised somewhere ---------
def _error_classes(trees: dict[Path, ast.Module]) -> set[str]:
    """BatonError and every class deriving from it anywhere in models/."""
    names = {"BatonError"}
    grew = True
    while grew:
        grew = False
        for tree in trees.values():
            for node in ast.walk(tree):
                if isinstance(node, ast.ClassDef) and node.name not in names:
                    bases = {
                        b.id if isinstance(b, ast.Name) else getattr(b, "attr", "")
                        for b in node.bases
                    }
                    if bases & names:
                        names.add(node.name)
                        grew = True
    return names


def _callee(node: ast.Call) -> str:
    func = node.func
    return func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")


def _helper_params(tree: ast.Module, classes: set[str]) -> dict[str, set[str]]:
    """Helpers named ``_invalid``: the parameters they add to the error they build."""
    helpers: dict[str, set[str]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name == "_invalid":
            helpers[node.name] = {
                kw.arg
                for call in ast.walk(node)
                if isinstance(call, ast.Call) and _callee(call) in classes
                for kw in call.keywords
                if kw.arg is not None
            }
    return helpers


def _key_uses() -> tuple[dict[str, list[str]], list[str]]:
    """Catalogue keys used in models/ and desktop/ (key -> places), and the problems."""
    trees = {
        path: ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for root in ("models", "desktop")  # the domain, and the CLI's own refusals
        for path in sorted((ROOT / root).rglob("*.py"))
        if "alembic" not in path.parts
    }
    classes = _error_classes(trees)
    used: dict[str, list[str]] = {}
    problems: list[str] = []
    for path, tree in trees.items():
        helpers = _helper_params(tree, classes)
        inside_helper = {
            id(call)
            for fn in ast.walk(tree)
            if isinstance(fn, ast.FunctionDef) and fn.name in helpers
            for call in ast.walk(fn)
        }
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or id(node) in inside_helper:
                continue
            callee = _callee(node)
            if callee not in classes and callee not in helpers:
                continue
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            first = node.args[0] if node.args else None
            if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
                problems.append(f"{where}: {callee}(...) without a string-literal key")
                continue
            key = first.value
            if key not in MESSAGES:
                problems.append(f"{where}: {key!r} is not in MESSAGES")
                continue
            used.setdefault(key, []).append(where)
            given = {kw.arg for kw in node.keywords}
            if None in given:  # **params: checked at run time only
                continue
            missing = placeholders(MESSAGES[key]) - given - helpers.get(callee, set())
            if missing:
                problems.append(f"{where}: {key!r} lacks {sorted(missing)}")
    return used, problems


def test_every_error_raised_in_models_uses_a_catalogue_key() -> None:
    _used, problems = _key_uses()
    assert not problems, "\n".join(problems)


def test_every_catalogue_key_is_used() -> None:
    """Raised as an error, or named where a message is built without raising one (an
    import's rejected row, the place a report names)."""
    used, _problems = _key_uses()
    from models.reporting import definitions

    named = {
        node.value
        for root in ("models", "desktop")
        for path in (ROOT / root).rglob("*.py")
        # The catalogue's own files name every key: they do not count.
        if "alembic" not in path.parts
        and not (path.name == "messages.py" or path.name.endswith("_messages.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }
    # The definition of each KPI figure: its key made from the figure's name.
    named |= {definitions.key(figure) for figure in definitions.Figure}
    assert sorted(set(MESSAGES) - set(used) - named) == []


def test_the_scan_sees_subclasses_defined_outside_errors_py() -> None:
    tree = ast.parse((ROOT / "models" / "core" / "errors.py").read_text(encoding="utf-8"))
    defined = {n.name for n in ast.walk(tree) if isinstance(n, ast.ClassDef)}
    trees = {p: ast.parse(p.read_text(encoding="utf-8")) for p in (ROOT / "models").rglob("*.py")}
    assert defined <= _error_classes(trees)
    assert {c.__name__ for c in BatonError.__subclasses__()} >= defined - {"BatonError"}


# -- (c) One-pass rendering -----------------------------------------------------------------
def test_render_substitutes_in_one_pass() -> None:
    template = "{lead} is in the stage “{stage}”"
    assert render(template, {"lead": "{stage} %2", "stage": "new"}) == (
        "{stage} %2 is in the stage “new”"
    )
    assert render("{a}{b}", {"a": "{b}", "b": "{a}"}) == "{b}{a}"
    assert render("{missing} stays", {}) == "{missing} stays"
    assert render("100% {x}", {"x": "%1"}) == "100% %1"


def test_an_error_renders_its_values_as_they_are() -> None:
    exc = InvalidInput("lead.call_stage", field="stage", lead="A {stage} %1 (B)", stage="new")
    assert (
        str(exc) == "A {stage} %1 (B) is in the stage “new”; only new and working leads are called."
    )
    assert exc.key == "lead.call_stage"
    assert exc.code == "invalid_input"
    assert exc.params["field"] == "stage"


def test_the_raw_detail_follows_the_english_sentence_only_in_str() -> None:
    exc = errors.DatabaseUnreachable("db.unreachable.other", url="sqlite:///x", reason="boom")
    assert str(exc) == "Cannot reach the database at sqlite:///x. (boom)"
    assert english("db.unreachable.other", {"url": "u"}) == "Cannot reach the database at u."


def test_an_error_survives_pickling_with_its_parameters() -> None:
    exc = PermissionDenied("lead.do_not_call", lead_id=5, lead="佐藤 花子 (株式会社テスト)")
    again = pickle.loads(pickle.dumps(exc))  # noqa: S301 - our own object, round trip
    assert (type(again), again.key, again.params, str(again)) == (
        PermissionDenied,
        exc.key,
        exc.params,
        str(exc),
    )


# -- Database refusals are sorted into reasons a user can act on ---------------------------
def test_an_unreachable_server_is_refused_with_a_reason() -> None:
    with pytest.raises(errors.DatabaseUnreachable) as info:
        open_database("postgresql://nobody@127.0.0.1:1/nothing")
    assert info.value.key == "db.unreachable.refused"
    assert "refused" in info.value.params[DETAIL].lower()  # the driver's words, for the log


@pytest.mark.postgres
def test_server_refusals_are_sorted_by_reason(pg_server: str) -> None:
    server = make_url(pg_server)
    cases = {
        "db.unreachable.auth": server.set(username="baton_no_such_role", password=None),
        "db.unreachable.no_database": server.set(database="baton_no_such_database"),
    }
    for key, url in cases.items():
        with pytest.raises(errors.DatabaseUnreachable) as info:
            open_database(url.render_as_string(hide_password=False))
        assert info.value.key == key, info.value.params[DETAIL]


# -- Messages name a lead by its name and company ------------------------------------------
def test_a_refusal_names_the_lead_by_name_and_company(shared_db: Database) -> None:
    now = datetime.now(UTC)
    with shared_db.read() as session:
        lead_id, name, company = session.execute(
            select(Lead.id, Lead.name, Account.name)
            .join(Account, Account.id == Lead.account_id)
            .where(Lead.do_not_call.is_(True), Lead.stage.in_(("new", "working")))
            .order_by(Lead.id)
            .limit(1)
        ).one()
        supervisor = session.scalar(select(User.id).where(User.role == "team_lead").limit(1))
    assert supervisor is not None
    with pytest.raises(PermissionDenied) as info, shared_db.write() as session:
        log_call(session, supervisor, CallDraft(lead_id, "connected", now), now)
    assert info.value.key == "lead.do_not_call"
    assert str(info.value) == f"{name} ({company}) is marked do-not-call; no calls can be logged."
    assert info.value.params["lead_id"] == lead_id


def test_the_catalogue_parts_never_share_a_key() -> None:
    """Every part (models/core/*_messages.py, each one ``*_MESSAGES`` mapping) is in the
    catalogue, and no key is in two parts."""
    import importlib
    from pathlib import Path

    from models.core import messages

    folder = Path(messages.__file__).parent
    parts = [messages._GENERAL]
    for path in sorted(folder.glob("*_messages.py")):
        module = importlib.import_module(f"models.core.{path.stem}")
        parts += [value for name, value in vars(module).items() if name.endswith("_MESSAGES")]
    assert len(parts) > 5
    assert sum(len(part) for part in parts) == len(messages.MESSAGES)
