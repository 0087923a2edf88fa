"""The standard lead exports of the marketing tools Japanese teams use, as data.

Each preset lists, per :class:`~models.imports.fields.Field`, the header spellings the tool
writes in every language it exports (``|`` separates them). Where a tool's documentation
names the columns, the comment above the preset says where; spellings that could not be
confirmed are marked "guessed" and chosen as the most plausible.
"""

from __future__ import annotations

from collections.abc import Mapping

from models.core.enums import TouchKind
from models.imports.fields import Field, ImportKind, Preset


def spellings(columns: Mapping[Field, str]) -> dict[Field, tuple[str, ...]]:
    """``{field: "A | B"}`` as ``{field: ("A", "B")}``: one line per field stays readable."""
    return {
        field: tuple(part.strip() for part in text.split("|") if part.strip())
        for field, text in columns.items()
    }


# HubSpot contacts. English labels confirmed from HubSpot's default contact properties
# (labels "Record ID", "First Name", "Email", "Phone Number", "Company Name", "Job Title",
# "Number of Employees", "State/Region", "Create Date", "HubSpot Score", "Original Source",
# "Recent Conversion", "Recent Conversion Date", "First Conversion", "Number of Sessions"...).
# Japanese labels (portal language Japanese): "オリジナルソース" / "元のトラフィックソース"
# confirmed from HubSpot's Japanese knowledge base; the others are HubSpot's usual Japanese
# UI labels, not confirmed from a document (guessed).
HUBSPOT = Preset(
    key="hubspot",
    label="HubSpot",
    kind=ImportKind.LEADS,
    source_system="hubspot",
    columns=spellings(
        {
            Field.EXTERNAL_ID: "Record ID | Contact ID | レコードID | コンタクトID",
            Field.EMAIL: "Email | Email Address | Eメール | Eメールアドレス",
            Field.LAST_NAME: "Last Name | 姓",
            Field.FIRST_NAME: "First Name | 名",
            Field.PHONE: "Phone Number | 電話番号",
            Field.MOBILE: "Mobile Phone Number | 携帯電話番号",
            Field.TITLE: "Job Title | 役職",
            Field.DEPARTMENT: "Department | 部署",
            Field.COMPANY: "Company Name | 会社名",
            Field.INDUSTRY: "Industry | 業種",
            Field.EMPLOYEES: "Number of Employees | 従業員数",
            Field.PREFECTURE: "State/Region | 都道府県/地域 | 都道府県",
            Field.COUNTRY: "Country/Region | 国/地域",
            Field.WEBSITE: "Website URL | ウェブサイトURL",
            Field.CREATED_AT: "Create Date | 作成日",
            Field.MA_SCORE: "HubSpot Score | HubSpotスコア",
            Field.LEAD_SOURCE: (
                "Original Source | Original Traffic Source | 元のソース | オリジナルソース"
                " | 元のトラフィックソース"
            ),
            Field.CONTENT: "Recent Conversion | 最新のコンバージョン",
            Field.TOUCH_AT: "Recent Conversion Date | 最新のコンバージョン日付",
            Field.CAMPAIGN: "Recent Conversion Campaign | 最新のコンバージョンキャンペーン",
        }
    ),
    computed=(
        "Number of Sessions",
        "Number of Pageviews",
        "Number of Form Submissions",
        "Average Pageviews",
        "First Conversion",
        "First Conversion Date",
        "Last Activity Date",
        "セッション数",
        "ページビュー数",
        "フォーム送信数",
        "平均ページビュー",
        "初回コンバージョン",
        "初回コンバージョン日付",
        "最終アクティビティー日",
    ),
    touch_kind=TouchKind.DOCUMENT_REQUEST,
)

# Marketo Engage lead list export. English labels confirmed from Marketo's standard field
# list ("Id" is the lead's id; "Email Address", "Company Name", "Job Title", "Phone Number",
# "Num Employees", "Created At", "Lead Score", "Lead Source", "Relative Score" and "Urgency"
# system managed); "Acquisition Program" and "Acquisition Date" confirmed from Marketo's CRM
# sync docs. "Person Source" / "Person Score" (the newer UI's names) are guessed, and so are
# the Japanese labels (taken from Marketo's machine-translated Japanese field list).
MARKETO = Preset(
    key="marketo",
    label="Marketo Engage",
    kind=ImportKind.LEADS,
    source_system="marketo",
    columns=spellings(
        {
            Field.EXTERNAL_ID: "Id | Lead ID | Person ID | Marketo ID",
            Field.EMAIL: "Email Address | メールアドレス",
            Field.LAST_NAME: "Last Name | 名前（姓）",
            Field.FIRST_NAME: "First Name | 名前（名）",
            Field.PHONE: "Phone Number | Main Phone | 電話番号 | 代表電話",
            Field.MOBILE: "Mobile Phone Number | 携帯電話番号",
            Field.TITLE: "Job Title | 職位",
            Field.DEPARTMENT: "Department",
            Field.COMPANY: "Company Name | 企業名",
            Field.INDUSTRY: "Industry | 業界",
            Field.EMPLOYEES: "Num Employees | Number of Employees | 従業員数",
            Field.PREFECTURE: "State | 都道府県",
            Field.COUNTRY: "Country | 国",
            Field.WEBSITE: "Website | Webサイト",
            Field.CREATED_AT: "Created At | Created | 作成日時",
            Field.MA_SCORE: "Lead Score | Person Score | Score | リードのスコア",
            Field.LEAD_SOURCE: "Lead Source | Person Source | リードのソース",
            Field.CAMPAIGN: "Acquisition Program | Acquisition Program Name | 獲得プログラム",
            Field.TOUCH_AT: "Acquisition Date | 獲得日",
        }
    ),
    computed=(
        "Relative Score",
        "Urgency",
        "Priority",
        "Inferred Company",
        "Inferred Country",
        "Inferred City",
        "Inferred State Region",
        "相対スコア",
        "緊急度",
        "優先度",
        "推測される会社",
    ),
    touch_kind=TouchKind.DOCUMENT_REQUEST,
)

# Account Engagement (Pardot) prospect export. The fields are confirmed from Pardot's
# prospect field reference (id, campaign, first_name, last_name, email, company, job_title,
# department, phone, industry, employees, state, country, website, source, score, grade,
# created_at, last_activity_at); the export writes them Title Case ("First Name"), which is
# not confirmed from a document (guessed), nor are the Japanese labels (guessed). Both
# spellings fold to the same key ("first_name" and "First Name" are one header), as do
# half- and full-width parentheses ("苗字(ふりがな)", "苗字（ふりがな）") below.
PARDOT = Preset(
    key="pardot",
    label="Account Engagement (Pardot)",
    kind=ImportKind.LEADS,
    source_system="pardot",
    columns=spellings(
        {
            Field.EXTERNAL_ID: "Prospect Id | Id | Pardot ID | プロスペクトID",
            Field.EMAIL: "Email | メール",
            Field.LAST_NAME: "Last Name | 姓",
            Field.FIRST_NAME: "First Name | 名",
            Field.PHONE: "Phone | 電話",
            Field.TITLE: "Job Title | 役職",
            Field.DEPARTMENT: "Department | 部署",
            Field.COMPANY: "Company | 会社",
            Field.INDUSTRY: "Industry | 業種",
            Field.EMPLOYEES: "Employees | 従業員数",
            Field.PREFECTURE: "State | 都道府県",
            Field.COUNTRY: "Country | 国",
            Field.WEBSITE: "Website | Webサイト",
            Field.CREATED_AT: "Created Date | Created At | 作成日",
            Field.MA_SCORE: "Score | スコア",
            Field.LEAD_SOURCE: "Source | ソース",
            Field.CAMPAIGN: "Campaign | Campaign Name | キャンペーン",
        }
    ),
    computed=(
        "Grade",
        "Last Activity",
        "Last Activity At",
        "Recent Interaction",
        "グレード",
        "最終活動",
    ),
    touch_kind=TouchKind.DOCUMENT_REQUEST,
)

# SATORI customer ("カスタマー") CSV. Confirmed from SATORI's help: "メールアドレス" (the one
# required item), "苗字" / "名前" / "苗字(ふりがな)" / "名前(ふりがな)", "企業名" and the
# customer id ("カスタマーID"); files in Shift-JIS (Windows-31J) or UTF-8. The remaining
# items and the computed score and access columns are guessed.
SATORI = Preset(
    key="satori",
    label="SATORI",
    kind=ImportKind.LEADS,
    source_system="satori",
    columns=spellings(
        {
            Field.EXTERNAL_ID: "カスタマーID | customer_id",
            Field.EMAIL: "メールアドレス",
            Field.LAST_NAME: "苗字 | 姓",
            Field.FIRST_NAME: "名前 | 名",
            Field.LAST_NAME_KANA: "苗字(ふりがな) | 姓(ふりがな)",
            Field.FIRST_NAME_KANA: "名前(ふりがな) | 名(ふりがな)",
            Field.PHONE: "電話番号",
            Field.MOBILE: "携帯電話番号",
            Field.TITLE: "役職",
            Field.DEPARTMENT: "部署名 | 部署",
            Field.COMPANY: "企業名 | 会社名",
            Field.INDUSTRY: "業種",
            Field.EMPLOYEES: "従業員数",
            Field.PREFECTURE: "都道府県",
            Field.WEBSITE: "URL | WebサイトURL",
            Field.CREATED_AT: "登録日時 | 作成日時",
            Field.LEAD_SOURCE: "流入元 | 獲得経路",
            Field.CONTENT: "最終フォーム | 最新フォーム送信",
            Field.TOUCH_AT: "最終フォーム送信日時",
        }
    ),
    computed=(
        "スコア",
        "累計スコア",
        "直近スコア",
        "行動スコア",
        "属性スコア",
        "最終アクセス日時",
        "アクセス数",
        "ページビュー数",
    ),
    touch_kind=TouchKind.DOCUMENT_REQUEST,
)

# BowNow lead list ("リードを探す" > CSV出力). Confirmed from BowNow's manual: the file starts
# with two rows describing the search before the header row; columns AC to AH carry the
# computed session, PV and CV counts (for the searched period and for all time); the company
# column is "会社・組織名"; Shift-JIS or UTF-8, CRLF or LF. The other column names are guessed.
BOWNOW = Preset(
    key="bownow",
    label="BowNow",
    kind=ImportKind.LEADS,
    source_system="bownow",
    columns=spellings(
        {
            Field.EXTERNAL_ID: "リードID | ID",
            Field.EMAIL: "メールアドレス",
            Field.LAST_NAME: "姓",
            Field.FIRST_NAME: "名",
            Field.NAME: "氏名",
            Field.LAST_NAME_KANA: "姓(フリガナ) | セイ",
            Field.FIRST_NAME_KANA: "名(フリガナ) | メイ",
            Field.PHONE: "電話番号",
            Field.MOBILE: "携帯電話番号",
            Field.TITLE: "役職",
            Field.DEPARTMENT: "部署名 | 部署",
            Field.COMPANY: "会社・組織名 | 会社名",
            Field.INDUSTRY: "業種",
            Field.EMPLOYEES: "従業員数",
            Field.PREFECTURE: "都道府県",
            Field.WEBSITE: "URL | ホームページ",
            Field.CREATED_AT: "登録日時 | 登録日",
            Field.LEAD_SOURCE: "流入元 | 獲得経路",
            Field.CONTENT: "最終CVフォーム | 最新CV",
            Field.TOUCH_AT: "最終CV日時",
        }
    ),
    computed=(
        "セッション数",
        "PV数",
        "CV数",
        "セッション数(全期間)",
        "PV数(全期間)",
        "CV数(全期間)",
        "最終アクセス日時",
    ),
    touch_kind=TouchKind.DOCUMENT_REQUEST,
    preamble=True,
)

LEAD_PRESETS: tuple[Preset, ...] = (HUBSPOT, MARKETO, PARDOT, SATORI, BOWNOW)
