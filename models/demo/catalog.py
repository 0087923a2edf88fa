"""The fixed vocabularies the demo generator draws from: companies, titles, content."""

from __future__ import annotations

from models.core.enums import Industry, Region, TouchKind

#: (suffix, reading, romanised, industry) for Japanese company names.
JA_COMPANY_CATEGORIES: tuple[tuple[str, str, str, Industry], ...] = (
    ("製作所", "セイサクショ", "seisakusho", Industry.MANUFACTURING),
    ("工業", "コウギョウ", "kogyo", Industry.MANUFACTURING),
    ("電機", "デンキ", "denki", Industry.MANUFACTURING),
    ("精密", "セイミツ", "seimitsu", Industry.MANUFACTURING),
    ("化学", "カガク", "kagaku", Industry.MANUFACTURING),
    ("システムズ", "システムズ", "systems", Industry.IT_SOFTWARE),
    ("ソフトウェア", "ソフトウェア", "software", Industry.IT_SOFTWARE),
    ("情報システム", "ジョウホウシステム", "joho", Industry.IT_SOFTWARE),
    ("テクノロジーズ", "テクノロジーズ", "tech", Industry.IT_SOFTWARE),
    ("証券", "ショウケン", "securities", Industry.FINANCE),
    ("リース", "リース", "lease", Industry.FINANCE),
    ("キャピタル", "キャピタル", "capital", Industry.FINANCE),
    ("商事", "ショウジ", "shoji", Industry.RETAIL),
    ("ストアーズ", "ストアーズ", "stores", Industry.RETAIL),
    ("物流", "ブツリュウ", "logi", Industry.LOGISTICS),
    ("運輸", "ウンユ", "unyu", Industry.LOGISTICS),
    ("建設", "ケンセツ", "kensetsu", Industry.CONSTRUCTION),
    ("工務店", "コウムテン", "komuten", Industry.CONSTRUCTION),
    ("メディカル", "メディカル", "medical", Industry.HEALTHCARE),
    ("製薬", "セイヤク", "pharma", Industry.HEALTHCARE),
    ("学園", "ガクエン", "gakuen", Industry.EDUCATION),
    ("総合研究所", "ソウゴウケンキュウショ", "soken", Industry.PUBLIC_SECTOR),
    ("コンサルティング", "コンサルティング", "consulting", Industry.SERVICES),
    ("サービス", "サービス", "service", Industry.SERVICES),
)

JA_LEGAL_FORMS: tuple[tuple[str, float], ...] = (
    ("株式会社", 0.85),
    ("有限会社", 0.1),
    ("合同会社", 0.05),
)

#: (prefecture, region, weight)
PREFECTURES: tuple[tuple[str, Region, int], ...] = (
    ("東京都", Region.KANTO, 30),
    ("神奈川県", Region.KANTO, 8),
    ("埼玉県", Region.KANTO, 4),
    ("千葉県", Region.KANTO, 4),
    ("茨城県", Region.KANTO, 2),
    ("大阪府", Region.KANSAI, 10),
    ("兵庫県", Region.KANSAI, 4),
    ("京都府", Region.KANSAI, 3),
    ("愛知県", Region.CHUBU, 8),
    ("静岡県", Region.CHUBU, 3),
    ("長野県", Region.CHUBU, 1),
    ("新潟県", Region.CHUBU, 1),
    ("福岡県", Region.KYUSHU, 5),
    ("熊本県", Region.KYUSHU, 1),
    ("北海道", Region.HOKKAIDO, 3),
    ("宮城県", Region.TOHOKU, 2),
    ("広島県", Region.CHUGOKU, 2),
    ("岡山県", Region.CHUGOKU, 1),
    ("香川県", Region.SHIKOKU, 1),
    ("愛媛県", Region.SHIKOKU, 1),
)

JA_TITLES: tuple[tuple[str, str | None, int], ...] = (
    ("代表取締役社長", None, 2),
    ("取締役", None, 2),
    ("執行役員", None, 2),
    ("部長", "情報システム部", 5),
    ("部長", "営業部", 4),
    ("課長", "製造部", 5),
    ("室長", "経営企画室", 3),
    ("課長", "総務部", 4),
    ("主任", "情報システム部", 6),
    ("マネージャー", "マーケティング部", 5),
    ("担当", "購買部", 8),
    ("室長", "DX推進室", 3),
    ("係長", "人事部", 4),
    ("スタッフ", "経理部", 6),
    ("エンジニア", "開発部", 8),
    ("", "営業部", 4),
)

EN_TITLES: tuple[tuple[str, int], ...] = (
    ("CEO", 1),
    ("CTO", 1),
    ("VP of Operations", 2),
    ("Director of IT", 3),
    ("Head of Digital", 2),
    ("IT Manager", 5),
    ("Operations Manager", 4),
    ("Sales Manager", 4),
    ("Procurement Specialist", 5),
    ("Software Engineer", 6),
    ("Business Analyst", 5),
    ("Marketing Coordinator", 4),
    ("Consultant", 3),
)

#: How often each kind of touch happens (relative).
TOUCH_MIX: tuple[tuple[TouchKind, float], ...] = (
    (TouchKind.EMAIL_OPEN, 45.0),
    (TouchKind.SITE_VISIT, 19.0),
    (TouchKind.EMAIL_CLICK, 12.0),
    (TouchKind.WHITEPAPER_DOWNLOAD, 7.0),
    (TouchKind.DOCUMENT_REQUEST, 4.0),
    (TouchKind.PRICING_PAGE, 3.0),
    (TouchKind.SEMINAR_REGISTRATION, 3.0),
    (TouchKind.SEMINAR_ATTENDANCE, 2.5),
    (TouchKind.TRADE_SHOW_SCAN, 2.5),
    (TouchKind.INQUIRY, 0.6),
    (TouchKind.DEMO_REQUEST, 0.4),
)

SOURCES: dict[TouchKind, str] = {
    TouchKind.EMAIL_OPEN: "ma",
    TouchKind.EMAIL_CLICK: "ma",
    TouchKind.SITE_VISIT: "web",
    TouchKind.PRICING_PAGE: "web",
    TouchKind.WHITEPAPER_DOWNLOAD: "web",
    TouchKind.DOCUMENT_REQUEST: "form",
    TouchKind.INQUIRY: "form",
    TouchKind.DEMO_REQUEST: "form",
    TouchKind.SEMINAR_REGISTRATION: "events",
    TouchKind.SEMINAR_ATTENDANCE: "events",
    TouchKind.TRADE_SHOW_SCAN: "expo",
}

#: Content that is not tied to a date: (title, campaign) per kind and language.
EVERGREEN: dict[TouchKind, dict[str, tuple[tuple[str, str], ...]]] = {
    TouchKind.SITE_VISIT: {
        "ja": (
            ("導入事例ページ", "organic"),
            ("製品機能ページ", "organic"),
            ("ブログ：架電に最適な時間帯とは", "organic"),
        ),
        "en": (("Customer stories", "organic"), ("Product features", "organic")),
    },
    TouchKind.PRICING_PAGE: {
        "ja": (("料金プランページ", "organic"),),
        "en": (("Pricing", "organic"),),
    },
    TouchKind.INQUIRY: {
        "ja": (("お問い合わせ：導入について相談したい", "Web-問い合わせ"),),
        "en": (("Contact form: question about integrations", "WEB-CONTACT-EN"),),
    },
    TouchKind.DEMO_REQUEST: {
        "ja": (("デモのご依頼", "Web-デモ依頼"),),
        "en": (("Demo request", "WEB-DEMO-EN"),),
    },
}

#: Content published for a year (``{year}``: the year of the touch, team clock).
YEARLY: dict[TouchKind, dict[str, tuple[tuple[str, str], ...]]] = {
    TouchKind.DOCUMENT_REQUEST: {
        "ja": (
            ("製品資料一式（機能紹介・料金表）", "LP-資料請求-{year}"),
            ("導入事例集 製造業編", "LP-事例集-製造-{year}"),
        ),
        "en": (("Product overview and pricing", "LP-DOCS-EN-{year}"),),
    },
    TouchKind.WHITEPAPER_DOWNLOAD: {
        "ja": (
            ("製造業DX推進ガイド{year}", "WP-DX-{year}"),
            ("営業生産性を2倍にする10の方法", "WP-営業生産性-{year}"),
            ("インサイドセールス立ち上げの教科書", "WP-IS-教科書-{year}"),
        ),
        "en": (
            ("The State of B2B Sales {year}", "WP-STATE-{year}"),
            ("Security checklist for SaaS buyers", "WP-SEC-EN-{year}"),
        ),
    },
}

#: Marketing's emails of every month: (title, campaign, sent on the first business day
#: on or after this day of the month, at this hour). ``{month_name}``: in English.
MONTHLY_EMAILS: dict[str, tuple[tuple[str, str, int, int], ...]] = {
    "ja": (
        ("メールマガジン {year}年{month}月号", "NL-{year}-{month:02d}", 1, 10),
        ("セミナーのご案内（{month}月）", "INV-{year}-{month:02d}", 2, 12),
        ("新機能のご案内：{feature}", "PROD-{year}-{month:02d}", 8, 11),
    ),
    "en": (
        ("Monthly newsletter — {month_name} {year}", "NL-EN-{year}-{month:02d}", 1, 10),
        ("Webinar invitation — {month_name}", "INV-EN-{year}-{month:02d}", 2, 12),
        ("Product update: {feature}", "PROD-EN-{year}-{month:02d}", 8, 11),
    ),
}
#: The invitation whose sending opens a month's seminar registrations (per language).
INVITATION = {"ja": "INV-{year}-{month:02d}", "en": "INV-EN-{year}-{month:02d}"}

#: The feature a month's product email announces (by month, January first).
FEATURES: dict[str, tuple[str, ...]] = {
    "ja": (
        "AI架電メモ",
        "着信履歴の自動取り込み",
        "ダッシュボード刷新",
        "Salesforce連携の強化",
        "通話録音の文字起こし",
        "スマホアプリ",
    ),
    "en": (
        "AI call notes",
        "Automatic call logging",
        "A new dashboard",
        "Deeper Salesforce sync",
        "Call transcripts",
        "The mobile app",
    ),
}

MONTH_NAMES = (
    *("January", "February", "March", "April", "May", "June"),
    *("July", "August", "September", "October", "November", "December"),
)

#: Seminars held every month: (title, campaign, held on the first business day on or
#: after this day of the month that is this weekday (Monday 0), at this hour). People
#: register from the month's invitation until it starts, and attend when it starts.
SEMINARS: dict[str, tuple[tuple[str, str, int, int, int], ...]] = {
    "ja": (
        (
            "【ウェビナー】インサイドセールス実践講座（{month}月{day}日）",
            "WEB-{year}-{month:02d}",
            15,
            2,
            15,
        ),
        ("導入企業事例セミナー 東京（{month}月{day}日）", "SEM-東京-{year}-{month:02d}", 22, 3, 14),
    ),
    "en": (
        (
            "Webinar: Pipeline reviews that work ({month_name} {day})",
            "WEB-EN-{year}-{month:02d}",
            10,
            1,
            9,
        ),
    ),
}

#: Trade shows of every year: (month, opens on the first Wednesday on or after this
#: day, Japanese title, English title, campaign). Three days, 10:00 to 17:00.
TRADE_SHOWS: tuple[tuple[int, int, str, str, str], ...] = (
    (
        2,
        8,
        "SaaS World Osaka（インテックス大阪）",
        "SaaS World Osaka (INTEX Osaka)",
        "SAAS-OSAKA-{year}",
    ),
    (
        4,
        8,
        "Japan IT Week 春（東京ビッグサイト）",
        "Japan IT Week Spring (Tokyo Big Sight)",
        "JITW-{year}-春",
    ),
    (
        7,
        8,
        "営業DX EXPO 東京（東京ビッグサイト）",
        "Sales DX Expo Tokyo (Tokyo Big Sight)",
        "EXPO-{year}-東京",
    ),
    (
        10,
        21,
        "Japan IT Week 秋（幕張メッセ）",
        "Japan IT Week Autumn (Makuhari Messe)",
        "JITW-{year}-秋",
    ),
)
