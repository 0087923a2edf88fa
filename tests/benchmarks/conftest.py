"""Benchmark fixtures: one demo data set per session, the figures, the summary table.

The data size comes from ``BATON_BENCH_LEADS`` (default :data:`DEFAULT_LEADS`, a smoke
run CI executes with the rest of the suite: every code path runs and every result is
checked, but timing thresholds are asserted only at :data:`FULL_LEADS` and above).
``BATON_BENCH_REPORT=path.json`` also writes the figures as JSON.

Every figure is measured beside its baseline in the same run (the machine is shared
and noisy), and printed with it: ``python -m pytest tests/benchmarks -s``.
"""

from __future__ import annotations

import json
import os
import platform
import sqlite3
import time
import unicodedata
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from models import demo
from models.core.entities import Lead
from models.db.database import Database, open_database

DEFAULT_LEADS = 2_000
FULL_LEADS = 100_000
#: The demo data's "now": fixed, so every run scores the same data the same way.
GENERATED_AT = datetime(2026, 11, 20, 3, 0, tzinfo=UTC)
SEED = 1


def bench_leads() -> int:
    raw = os.environ.get("BATON_BENCH_LEADS", "").strip()
    if not raw:
        return DEFAULT_LEADS
    try:
        leads = int(raw.replace("_", ""))
    except ValueError:
        raise pytest.UsageError(f"BATON_BENCH_LEADS={raw!r} is not a number of leads") from None
    if leads < 100:
        raise pytest.UsageError(f"BATON_BENCH_LEADS={leads}: use at least 100 leads")
    return leads


@dataclass
class Threshold:
    """One limit from the issue, e.g. ``app ≤ 50 ms``."""

    name: str
    value: float
    limit: float
    unit: str
    ok: bool


@dataclass
class Figure:
    key: str
    title: str
    unit: str
    measured: float
    baseline: float | None = None
    baseline_label: str = ""
    thresholds: list[Threshold] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)
    #: A short remark for the summary table (e.g. a share, a query plan's problem).
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.baseline is None or self.baseline <= 0:
            return None
        return self.measured / self.baseline

    def limit(self, name: str, value: float, limit: float, unit: str) -> Threshold:
        threshold = Threshold(name, value, limit, unit, value <= limit)
        self.thresholds.append(threshold)
        return threshold

    def line(self) -> str:
        parts = [f"{self.title}: {_num(self.measured)} {self.unit}"]
        if self.baseline is not None:
            parts.append(f"baseline {_num(self.baseline)} {self.unit} ({self.baseline_label})")
        if self.ratio is not None:
            parts.append(f"ratio {self.ratio:.2f}")
        for t in self.thresholds:
            parts.append(f"[{t.name} ≤ {_num(t.limit)} {t.unit}: {'pass' if t.ok else 'FAIL'}]")
        if self.note:
            parts.append(self.note)
        return " | ".join(parts)


def _num(value: float) -> str:
    if value == 0 or abs(value) >= 100:
        return f"{value:.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    if abs(value) >= 0.1:
        return f"{value:.2f}"
    return f"{value:.3g}"


def _width(text: str) -> int:
    """Columns a string takes in a terminal (CJK characters take two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


class BenchReport:
    """The figures of one session; thresholds are enforced only at full size."""

    def __init__(self, leads: int) -> None:
        self.leads = leads
        self.full = leads >= FULL_LEADS
        self.figures: list[Figure] = []
        self.facts: dict[str, Any] = {}

    def figure(self, key: str, title: str, unit: str, measured: float, **extra: Any) -> Figure:
        """A new figure (record it with :meth:`add` once its thresholds are set)."""
        return Figure(key, title, unit, measured, **extra)

    def add(self, figure: Figure) -> Figure:
        self.figures = [f for f in self.figures if f.key != figure.key]
        self.figures.append(figure)
        print(f"\n[bench {self.leads} leads] {figure.line()}")
        return figure

    def enforce(self, *figures: Figure) -> None:
        """Fail on any threshold missed, at full size; at smoke size only report them."""
        failed = [
            f"{f.title}: {t.name} = {_num(t.value)} {t.unit} > {_num(t.limit)} {t.unit}"
            for f in figures
            for t in f.thresholds
            if not t.ok
        ]
        if self.full:
            assert not failed, "thresholds missed at full size:\n" + "\n".join(failed)

    def as_json(self) -> dict[str, Any]:
        figures = []
        for f in self.figures:
            entry = asdict(f)
            entry["ratio"] = f.ratio
            figures.append(entry)
        return {
            "leads": self.leads,
            "full_size": self.full,
            "thresholds_asserted": self.full,
            "finished_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "machine": {
                "cpus": os.cpu_count(),
                "python": platform.python_version(),
                "sqlite": sqlite3.sqlite_version,
                "platform": platform.platform(),
            },
            "facts": self.facts,
            "figures": figures,
        }

    def table(self) -> list[str]:
        headers = ("figure", "measured", "baseline", "ratio", "threshold", "result", "note")
        rows = []
        for f in self.figures:
            limits = "; ".join(f"{t.name} ≤ {_num(t.limit)} {t.unit}" for t in f.thresholds)
            if not f.thresholds:
                result = "reported"
            elif all(t.ok for t in f.thresholds):
                result = "pass" if self.full else "pass (not asserted)"
            else:
                result = "FAIL" if self.full else "fail (not asserted)"
            rows.append(
                (
                    f.title,
                    f"{_num(f.measured)} {f.unit}",
                    "-" if f.baseline is None else f"{_num(f.baseline)} {f.unit}",
                    "-" if f.ratio is None else f"{f.ratio:.2f}",
                    limits or "-",
                    result,
                    f.note,
                )
            )
        widths = [max(_width(r[i]) for r in (headers, *rows)) for i in range(len(headers))]

        def fmt(row: tuple[str, ...]) -> str:
            cells = (c + " " * (w - _width(c)) for c, w in zip(row, widths, strict=True))
            return "  ".join(cells).rstrip()

        lines = [fmt(headers), fmt(tuple("-" * w for w in widths))]
        lines += [fmt(r) for r in rows]
        lines.append("")
        lines += [
            f"baseline of '{f.title}': {f.baseline_label}" for f in self.figures if f.baseline
        ]
        return lines


REPORT_KEY = pytest.StashKey[BenchReport]()


@dataclass
class BenchData:
    """The session's demo database and how long generating it took."""

    db: Database
    url: str
    path: Path
    leads: int
    generated: demo.DemoReport
    generate_seconds: float
    generated_at: datetime
    #: (min, max) of ``lead.scored_at`` right after the generation.
    scored_at_range: tuple[datetime | None, datetime | None]


@pytest.fixture(scope="session")
def bench_report(request: pytest.FixtureRequest) -> BenchReport:
    config = request.config
    if REPORT_KEY not in config.stash:
        config.stash[REPORT_KEY] = BenchReport(bench_leads())
    return config.stash[REPORT_KEY]


@pytest.fixture(scope="session")
def bench_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("bench")


@pytest.fixture(scope="session")
def bench_data(bench_report: BenchReport, bench_dir: Path) -> Iterator[BenchData]:
    """The demo data set, generated once per session (the generation is figure 6)."""
    path = bench_dir / "baton-bench.sqlite3"
    url = f"sqlite:///{path}"
    db = open_database(url)
    started = time.perf_counter()
    generated = demo.generate(db, leads=bench_report.leads, seed=SEED, now=GENERATED_AT)
    seconds = time.perf_counter() - started
    with db.read() as session:
        stamps = select(func.min(Lead.scored_at), func.max(Lead.scored_at))
        low, high = session.execute(stamps).one()
    bench_report.facts.update(
        leads=generated.leads,
        accounts=generated.accounts,
        touches=generated.touches,
        calls=generated.calls,
        users=generated.users,
        database_mib=round(path.stat().st_size / 2**20, 1),
    )
    print(
        f"\n[bench] generated {generated.leads} leads, {generated.touches} touches, "
        f"{generated.calls} calls in {seconds:.1f} s"
    )
    yield BenchData(
        db, url, path, bench_report.leads, generated, seconds, GENERATED_AT, (low, high)
    )
    db.close()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    report = session.config.stash.get(REPORT_KEY, None)
    target = os.environ.get("BATON_BENCH_REPORT", "").strip()
    if report is None or not target or not report.figures:
        return
    path = Path(target)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report.as_json(), indent=2, ensure_ascii=False), encoding="utf-8")


def pytest_terminal_summary(
    terminalreporter: pytest.TerminalReporter, exitstatus: int, config: pytest.Config
) -> None:
    report = config.stash.get(REPORT_KEY, None)
    if report is None or not report.figures:
        return
    mode = "full size: thresholds asserted" if report.full else "smoke size: thresholds reported"
    terminalreporter.write_sep("=", f"Baton benchmarks, {report.leads} leads ({mode})")
    for line in report.table():
        terminalreporter.write_line(line)
    target = os.environ.get("BATON_BENCH_REPORT", "").strip()
    if target:
        terminalreporter.write_line(f"figures written to {target}")
