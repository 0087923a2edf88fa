"""The handoff summary (商談化シート) on both databases: its data, the order of the content
history, the JSON kept at promotion read back as it was, and every text format keeping
user text as text (HTML, Markdown) — the PDF has tests/test_handoff_pdf.py.
"""

from __future__ import annotations

import json
import re
from datetime import timedelta
from html.parser import HTMLParser

import pytest

from desktop.handoff import markdown, render
from models.core.entities import Account, Handoff
from models.core.errors import NotFound
from models.db.database import Database
from models.handoff.promote import PromotionDraft, promote
from models.handoff.summary import (
    HISTORY_GROUPS,
    HandoffSummary,
    summary_for_handoff,
    summary_for_lead,
)
from tests.handoff_data import (
    CHALLENGE,
    COMPANY,
    COMPETITORS,
    DECISION,
    IMG,
    MD_LINK,
    NOTE_1,
    NOTE_2,
    NOW,
    RECOMMENDATION,
    SCRIPT,
    SUPERSEDED_NOTE,
    WORDS,
    add_handoff,
    make_lead,
)


# -- The data -------------------------------------------------------------------------------
def test_a_preview_holds_what_field_sales_need(db: Database) -> None:
    made = make_lead(db)
    with db.read() as session:
        s = summary_for_lead(session, made.lead_id, NOW, field_rep_id=made.field_rep_id)
    assert s.preview and s.handoff_id is None and s.promoted_at is None
    assert s.company.name == COMPANY and s.company.phone_e164 == "+81312345678"
    assert (s.contact.name, s.contact.title, s.contact.department) == (
        "山田 太郎",
        "物流部 部長",
        "物流部",
    )
    assert s.contact.email == "taro.yamada@nihonbashi-logi.example"
    # The latest words a standing call noted: blank ones and older ones do not count.
    assert (s.challenge, s.competitors, s.decision_process) == (CHALLENGE, COMPETITORS, DECISION)
    assert [(a.field, a.value, a.words) for a in s.bant] == [
        ("budget", "allocated", WORDS["budget"]),
        ("authority", "decision_maker", WORDS["authority"]),
        ("need", "explicit", WORDS["need"]),
        ("timeline", "within_6m", WORDS["timeline"]),
    ]
    assert (s.timing.value, s.timing.words) == ("within_6m", WORDS["timeline"])
    assert s.temperature == "hot"
    assert s.meeting.at == NOW + timedelta(days=3, hours=2)
    assert [(a.role, a.name) for a in s.meeting.attendees] == [
        ("prospect", "山田 太郎"),
        ("field_rep", "渡辺 大輔"),
        ("rep", "佐藤 美咲"),
    ]
    assert s.field_rep is not None and s.field_rep.name == "渡辺 大輔"
    assert s.definition_version == 1
    assert len(s.checklist) == 8 and s.qualified == all(c.met for c in s.checklist)
    assert s.score.lines and s.score.grade in "ABCD"


def test_calls_stand_newest_first_and_corrections_are_left_out(db: Database) -> None:
    made = make_lead(db)
    with db.read() as session:
        s = summary_for_lead(session, made.lead_id, NOW)
    assert [c.notes for c in s.calls] == [NOTE_2, NOTE_1, "最初の会話"]
    assert SUPERSEDED_NOTE not in json.dumps(s.to_data(), ensure_ascii=False)
    assert s.calls[1].rep == "佐藤 美咲" and s.calls[1].duration_seconds == 720


def test_the_history_is_most_relevant_first_newest_first_within(db: Database) -> None:
    made = make_lead(db)
    with db.read() as session:
        s = summary_for_lead(session, made.lead_id, NOW)
    groups = [h.group for h in s.history]
    order = list(HISTORY_GROUPS)
    assert groups == sorted(groups, key=order.index)
    assert [(h.kind, h.title) for h in s.history] == [
        ("inquiry", "導入事例について"),  # 4 days ago
        ("inquiry", "料金について"),  # 20 days ago
        ("demo_request", "デモ希望"),
        ("seminar_attendance", "物流セミナー 東京"),  # 5 days ago
        ("seminar_registration", "物流セミナー 東京"),  # 8 days ago
        ("whitepaper_download", "物流DX入門"),  # 3 days ago
        ("document_request", "製品資料"),  # 15 days ago
        ("email_open", "メールマガジン 11月号"),  # 1 day ago
        ("pricing_page", None),  # 2 days ago
    ]


def test_a_lead_with_nothing_yet_still_has_a_summary(db: Database) -> None:
    made = make_lead(db, with_history=False)
    with db.read() as session:
        s = summary_for_lead(session, made.lead_id, NOW)
    assert s.history == ()
    assert "<!DOCTYPE html>" in render.html(s)


def test_an_unknown_lead_or_handoff_is_not_found(db: Database) -> None:
    with db.read() as session, pytest.raises(NotFound) as lead:
        summary_for_lead(session, 999_999, NOW)
    assert lead.value.key == "lead.not_found"
    with db.read() as session, pytest.raises(NotFound) as handoff:
        summary_for_handoff(session, 999_999)
    assert handoff.value.key == "handoff.not_found"


# -- What a handoff gave field sales --------------------------------------------------------
def test_to_data_and_from_data_round_trip(db: Database) -> None:
    made = make_lead(db)
    with db.read() as session:
        s = summary_for_lead(session, made.lead_id, NOW, field_rep_id=made.field_rep_id)
    data = json.loads(json.dumps(s.to_data(), ensure_ascii=False))
    assert data["format"] == 1 and data["as_of"] == NOW.isoformat()
    assert HandoffSummary.from_data(data) == s


def test_a_handoff_without_a_kept_summary_is_built_from_its_row(db: Database) -> None:
    made = make_lead(db)
    handoff_id = add_handoff(db, made)
    with db.read() as session:
        s = summary_for_handoff(session, handoff_id)
    assert s.handoff_id == handoff_id and not s.preview
    assert s.promoted_at == NOW and s.recommendation == RECOMMENDATION
    assert s.promoted_by is not None and s.promoted_by.name == "佐藤 美咲"
    assert s.field_rep is not None and s.field_rep.email == "field@baton.test"


@pytest.mark.parametrize("qualified", [True, False], ids=["qualified", "override"])
def test_promotion_keeps_the_summary_and_it_is_read_back_as_given(
    db: Database, qualified: bool
) -> None:
    made = make_lead(db, with_history=qualified)  # no touches: a criterion is missed
    with db.write() as session:
        promoted = promote(
            session,
            made.team_lead_id,
            PromotionDraft(
                made.lead_id,
                made.field_rep_id,
                note="ぜひ訪問を",
                override_reason="決裁者と合意済み",
            ),
            NOW,
        )
    with db.write() as session:  # the company changes after the handoff...
        handoff = session.get(Handoff, promoted.handoff_id)
        assert handoff is not None and handoff.summary
        kept = json.loads(handoff.summary)
        account = session.get(Account, made.account_id)
        assert account is not None
        account.name = "社名変更後"
    with db.read() as session:  # ...the summary is what was given at promotion
        s = summary_for_handoff(session, promoted.handoff_id)
    assert s.to_data() == kept and s.company.name == COMPANY
    assert s.handoff_id == promoted.handoff_id and s.promoted_at == NOW
    assert s.recommendation == "ぜひ訪問を"
    assert s.qualified is qualified
    assert s.override_reason == (None if qualified else "決裁者と合意済み")
    assert s.promoted_by is not None and s.promoted_by.name == "田中 直樹"
    assert [c.met for c in s.checklist] == [item["met"] for item in handoff.checklist or []]


# -- HTML -----------------------------------------------------------------------------------
class _Page(HTMLParser):
    """What a browser would build: the elements, their attributes, the text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _page(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    page.close()
    return page


def test_html_shows_markup_in_user_text_as_text(db: Database) -> None:
    company = f"{COMPANY}{SCRIPT}{IMG}"
    made = make_lead(db, company=company)
    add_handoff(db, made, note=f"{IMG}{SCRIPT}")
    with db.read() as session:
        s = summary_for_lead(session, made.lead_id, NOW, note=f"推薦 {SCRIPT}")
    html = render.html(s)
    page = _page(html)
    tags = {tag for tag, _attrs in page.tags}
    assert "script" not in tags and "img" not in tags
    assert not any(name.startswith("on") for _t, attrs in page.tags for name in attrs)
    text = "".join(page.text)
    for shown in (company, CHALLENGE, SCRIPT, "推薦 " + SCRIPT):
        assert shown in text, shown
    assert "&lt;script&gt;" in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert NOTE_1.split("\n")[0] in text  # the call note, its lines kept (pre-wrap)


def test_html_is_self_contained_with_links_to_call_and_mail(db: Database) -> None:
    made = make_lead(db)
    with db.read() as session:
        s = summary_for_lead(session, made.lead_id, NOW)
    html = render.html(s)
    page = _page(html)
    hrefs = [attrs.get("href") for tag, attrs in page.tags if tag == "a"]
    assert "tel:+819012345678" in hrefs and "tel:+81312345678" in hrefs
    assert "mailto:taro.yamada@nihonbashi-logi.example" in hrefs
    assert all(h and h.startswith(("tel:", "mailto:")) for h in hrefs)
    # No external resource: no src, no stylesheet link, nothing fetched from a URL.
    assert not [attrs for _tag, attrs in page.tags if "src" in attrs]
    assert not [t for t, _a in page.tags if t in ("link", "script", "img", "iframe")]
    assert "@page { size: A4" in html and "default-src 'none'" in html
    assert "url(" not in html


# -- Markdown -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("[x](https://evil.example)", r"\[x\](https\://evil.example)"),
        ("![p](http://e.example/p.png)", r"\!\[p\](http\://e.example/p.png)"),
        ("<script>alert(1)</script>", r"\<script\>alert(1)\</script\>"),
        ("a *b* _c_ `d` ~e~ |f|", r"a \*b\* \_c\_ \`d\` \~e\~ \|f\|"),
        ("&amp; &copy;", r"\&amp; \&copy;"),
        ("www.evil.example", r"www\.evil.example"),
        ("mail me: a@b.example", r"mail me: a\@b.example"),
        ("日本語はそのまま", "日本語はそのまま"),
    ],
)
def test_markdown_escape(text: str, shown: str) -> None:
    assert markdown.escape(text) == shown


def test_markdown_blocks_keep_lines_and_lose_block_markup() -> None:
    text = "# not a heading\n- not a list\n1. not numbered\n> not a quote\n    not code\n---"
    assert markdown.block(text, "  ") == (
        "\\# not a heading  \n  \\- not a list  \n  1\\. not numbered  \n"
        "  \\> not a quote  \n  not code  \n  \\---"
    )


def test_markdown_summary_keeps_user_text_as_text(db: Database) -> None:
    made = make_lead(db, company=f"{COMPANY} {MD_LINK}")
    with db.read() as session:
        s = summary_for_lead(session, made.lead_id, NOW, note=f"{SCRIPT}\n{MD_LINK}")
    text = render.markdown_text(s)
    assert text.startswith(f"# Handoff summary: {COMPANY} \\[click here\\]")
    # No link or image but the ones the sheet builds itself (tel: and mailto:).
    links = re.findall(r"(?<!\\)\]\(([^)]*)\)", text)
    assert links and all(link.startswith(("tel:", "mailto:")) for link in links)
    assert not re.search(r"(?<!\\)<", text)  # every "<" escaped: no HTML
    assert "\\<script\\>" in text and "\\<img src=x onerror=alert(1)\\>" in text
    # Lines of a note stay lines; a "# " line inside a note is not a heading.
    assert "\n# " not in text.split("\n", 1)[1]
    assert "\\# 見出しではない" in text


def test_json_is_the_data_with_codes(db: Database) -> None:
    made = make_lead(db)
    with db.read() as session:
        s = summary_for_lead(session, made.lead_id, NOW)
    text = render.json_text(s)
    assert COMPANY in text  # not \u-escaped
    data = json.loads(text)
    assert data == s.to_data()
    assert data["bant"][0] == {
        "field": "budget",
        "value": "allocated",
        "words": WORDS["budget"],
        "recorded_at": (NOW - timedelta(days=2)).isoformat(),
    }
    assert data["history"][0]["group"] == "inquiry"
