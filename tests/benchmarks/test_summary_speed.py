"""The handoff summary's speed: its HTML per lead, and 500 PDF summaries exported.

1. A lead's summary as HTML (built from the database, put into Japanese words, rendered
   by the template) against what the lead pane loads for the same lead
   (``lead_detail``), one after the other for each lead of a sample; p95 ≤ 50 ms.
2. 500 handoffs' summaries exported as PDFs into a folder the way the app's background
   export does (``export_summaries``: read, lay out, write each file whole) against the
   same export as HTML, in one run; ≤ 60 s for 500. At smoke size fewer are exported and
   the time is given per 500 (the per-summary cost times 500).

Both in Japanese (the summary's language in the field). Thresholds are asserted at full
size only (tests/benchmarks/conftest.py).
"""

from __future__ import annotations

import random
import re
import statistics
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from models.core.entities import Handoff, Lead
from models.handoff.batch import export_summaries
from models.handoff.summary import summary_for_lead
from models.leads.detail import lead_detail
from tests.benchmarks.conftest import BenchData, BenchReport

pytestmark = pytest.mark.benchmark

HTML_LIMIT_MS = 50.0
PDF_COUNT = 500
PDF_LIMIT_S = 60.0
PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


def _p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


@pytest.fixture
def japanese(qapp: Any) -> Iterator[None]:
    from desktop.i18n import languages

    languages.switch(qapp, "ja")
    yield
    languages.switch(qapp, "en")


def test_summary_html_per_lead(
    bench_data: BenchData, bench_report: BenchReport, japanese: None
) -> None:
    from desktop.handoff import render

    db, now = bench_data.db, bench_data.generated_at
    with db.read() as session:
        candidates = list(session.scalars(select(Lead.id).where(Lead.stage == "working")))
    leads = random.Random(11).sample(
        candidates, min(len(candidates), 300 if bench_report.full else 60)
    )
    html_ms: list[float] = []
    pane_ms: list[float] = []
    sizes: list[int] = []
    with db.read() as session:  # warm: SQLAlchemy's statement cache, Jinja's templates
        render.html(summary_for_lead(session, leads[0], now))
        lead_detail(session, leads[0], now)
    for n, lead_id in enumerate(leads):
        order = ("html", "pane") if n % 2 == 0 else ("pane", "html")
        for which in order:
            with db.read() as session:
                t0 = time.perf_counter_ns()
                if which == "html":
                    sizes.append(len(render.html(summary_for_lead(session, lead_id, now))))
                else:
                    lead_detail(session, lead_id, now)
                elapsed = (time.perf_counter_ns() - t0) / 1e6
            (html_ms if which == "html" else pane_ms).append(elapsed)
    assert min(sizes) > 5_000  # a whole sheet each time
    figure = bench_report.figure(
        "summary_html_p95",
        "summary HTML per lead, p95",
        "ms",
        _p95(html_ms),
        baseline=_p95(pane_ms),
        baseline_label="lead_detail (what the lead pane loads) for the same leads, p95",
        details={
            "leads": len(leads),
            "median": statistics.median(html_ms),
            "baseline_median": statistics.median(pane_ms),
            "mean_html_kib": round(statistics.mean(sizes) / 1024, 1),
        },
    )
    figure.limit("p95", _p95(html_ms), HTML_LIMIT_MS, "ms")
    bench_report.add(figure)
    bench_report.enforce(figure)


def test_500_pdf_summaries(
    bench_data: BenchData, bench_report: BenchReport, japanese: None, tmp_path: Path
) -> None:
    from desktop.handoff import render

    db = bench_data.db
    count = PDF_COUNT if bench_report.full else 40
    with db.read() as session:
        ids = list(session.scalars(select(Handoff.id).order_by(Handoff.id).limit(count)))
    assert ids, "the demo data has no handoffs"
    count = len(ids)
    seconds: dict[str, float] = {}
    pages = 0
    for fmt in ("html", "pdf", "html", "pdf"):  # each twice, alternating; the best of two
        folder = tmp_path / f"{fmt}-{len(seconds)}"
        folder.mkdir()
        with db.read() as session:
            t0 = time.perf_counter()
            result = export_summaries(
                session, ids, folder, {render.SUFFIXES[fmt]: render.renderer(fmt)}
            )
            elapsed = time.perf_counter() - t0
        assert (result.done, len(result.written), result.cancelled) == (count, count, False)
        seconds[fmt] = min(seconds.get(fmt, elapsed), elapsed)
        if fmt == "pdf":
            pages = sum(len(PAGE.findall(p.read_bytes())) for p in result.written)
    per_500 = seconds["pdf"] / count * PDF_COUNT
    figure = bench_report.figure(
        "summary_pdf_500",
        f"{PDF_COUNT} PDF summaries exported",
        "s",
        per_500,
        baseline=seconds["html"] / count * PDF_COUNT,
        baseline_label="the same export as HTML (read, render, write each file)",
        details={"exported": count, "seconds": seconds, "pages": pages},
        note="" if count == PDF_COUNT else f"{count} exported, time per {PDF_COUNT}",
    )
    figure.limit("500 PDFs", per_500, PDF_LIMIT_S, "s")
    bench_report.add(figure)
    bench_report.enforce(figure)
