"""The touch (activity) exports Baton knows, as data: a generic format anyone can write,
and the activity exports of the tools that have a standard one.

SATORI and BowNow have no documented per-person activity export (SATORI's action data
comes through a paid data option, BowNow shows the history on screen only), so they have
no preset here; their action names are among the common synonyms
(:data:`models.imports.presets.KIND_SYNONYMS`).
"""

from __future__ import annotations

from models.core.enums import TouchKind
from models.imports.fields import Field, ImportKind, Preset, header_key
from models.imports.lead_presets import spellings

# A file anyone can write by hand or from a spreadsheet: who (email or the tool's id), what
# (a kind Baton knows, or a synonym), when, and optionally which content and campaign.
GENERIC = Preset(
    key="generic",
    label="CSV (email, kind, date)",
    kind=ImportKind.TOUCHES,
    source_system="generic",
    columns=spellings(
        {
            Field.EMAIL: "email | e-mail | email address | メールアドレス | メール | Eメール",
            Field.EXTERNAL_ID: "lead_id | external_id | リードID | 顧客ID",
            Field.TOUCH_ID: "touch_id | activity_id | event_id | タッチID | 接点ID",
            Field.TOUCH_KIND: "kind | type | touch_type | 種別 | 種類 | 接点種別",
            Field.TOUCH_AT: "occurred_at | date | datetime | 日時 | 日付 | 発生日時",
            Field.CONTENT: "content | title | asset | コンテンツ | タイトル | 資料名",
            Field.CAMPAIGN: "campaign | キャンペーン | 施策",
        }
    ),
)

# HubSpot activities. The event types of marketing email (OPEN, CLICK, ...) and the email
# event's fields (recipient, type, created, emailCampaignId) are confirmed from HubSpot's
# email events reference; the column labels of an exported activity list are guessed.
HUBSPOT_ACTIVITIES = Preset(
    key="hubspot_activities",
    label="HubSpot",
    kind=ImportKind.TOUCHES,
    source_system="hubspot",
    columns=spellings(
        {
            Field.EXTERNAL_ID: "Record ID | Contact ID | Associated Contact ID | レコードID",
            Field.EMAIL: "Email | Recipient | Contact email | Eメール | 受信者",
            Field.TOUCH_ID: "Activity ID | Event ID | Engagement ID | アクティビティーID",
            Field.TOUCH_KIND: (
                "Activity type | Event type | Engagement type | アクティビティータイプ"
                " | イベントタイプ"
            ),
            Field.TOUCH_AT: (
                "Activity date | Event date | Timestamp | Created | アクティビティー日"
                " | アクティビティー日時"
            ),
            Field.CONTENT: (
                "Activity name | Form name | Email name | Page title | Subject"
                " | アクティビティー名 | フォーム名 | Eメール名 | ページタイトル | 件名"
            ),
            Field.CAMPAIGN: "Campaign | Campaign name | Email campaign | キャンペーン",
        }
    ),
    kind_values={
        header_key(name): kind
        for name, kind in (
            ("FORM_SUBMISSION", TouchKind.DOCUMENT_REQUEST),
            ("Form submitted", TouchKind.DOCUMENT_REQUEST),
            ("フォーム送信", TouchKind.DOCUMENT_REQUEST),
            ("Marketing email opened", TouchKind.EMAIL_OPEN),
            ("マーケティングEメールの開封", TouchKind.EMAIL_OPEN),
            ("Marketing email clicked", TouchKind.EMAIL_CLICK),
            ("マーケティングEメールのクリック", TouchKind.EMAIL_CLICK),
            ("PAGE_VIEW", TouchKind.SITE_VISIT),
            ("Page viewed", TouchKind.SITE_VISIT),
            ("Event registration", TouchKind.SEMINAR_REGISTRATION),
            ("Event attendance", TouchKind.SEMINAR_ATTENDANCE),
        )
    },
)

# Marketo Engage activities (Bulk Activity Extract). Columns confirmed from Marketo's bulk
# activity extract reference: marketoGUID, leadId, activityDate, activityTypeId, campaignId,
# primaryAttributeValueId, primaryAttributeValue, attributes. Activity type ids confirmed
# from Marketo's activity type list (1 Visit Webpage, 2 Fill Out Form, 10 Open Email,
# 11 Click Email; 3 Click Link is a link on a web page). The activity log's on-screen
# labels ("Date/Time", "Activity Type", "Detail", "Campaign Name") are added, guessed;
# camelCase names fold like the spaced ones ("leadId" is "Lead ID").
MARKETO_ACTIVITIES = Preset(
    key="marketo_activities",
    label="Marketo Engage",
    kind=ImportKind.TOUCHES,
    source_system="marketo",
    columns=spellings(
        {
            Field.EXTERNAL_ID: "leadId | Person ID",
            Field.EMAIL: "Email Address",
            Field.TOUCH_ID: "marketoGUID | Activity ID",
            Field.TOUCH_KIND: "activityTypeId | Activity Type",
            Field.TOUCH_AT: "activityDate | Date/Time",
            Field.CONTENT: "primaryAttributeValue | Detail | Asset Name",
            Field.CAMPAIGN: "campaignId | Campaign Name",
        }
    ),
    computed=("primaryAttributeValueId", "attributes", "actionResult"),
    kind_values={
        header_key(name): kind
        for name, kind in (
            ("1", TouchKind.SITE_VISIT),
            ("2", TouchKind.DOCUMENT_REQUEST),
            ("3", TouchKind.SITE_VISIT),
            ("10", TouchKind.EMAIL_OPEN),
            ("11", TouchKind.EMAIL_CLICK),
        )
    },
)

#: The generic format first: a file that names nothing a tool's export would is generic.
TOUCH_PRESETS: tuple[Preset, ...] = (GENERIC, HUBSPOT_ACTIVITIES, MARKETO_ACTIVITIES)
