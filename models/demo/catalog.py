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

#: (content title, campaign) per kind; Japanese first, English after.
CONTENT: dict[TouchKind, tuple[tuple[str, str], ...]] = {
    TouchKind.DOCUMENT_REQUEST: (
        ("製品資料一式（機能紹介・料金表）", "LP-資料請求-2026"),
        ("導入事例集 製造業編", "LP-事例集-製造"),
        ("Product overview and pricing", "LP-DOCS-EN"),
    ),
    TouchKind.WHITEPAPER_DOWNLOAD: (
        ("製造業DX推進ガイド2026", "WP-DX-2026"),
        ("営業生産性を2倍にする10の方法", "WP-営業生産性"),
        ("インサイドセールス立ち上げの教科書", "WP-IS-教科書"),
        ("The State of B2B Sales 2026", "WP-STATE-2026"),
        ("Security checklist for SaaS buyers", "WP-SEC-EN"),
    ),
    TouchKind.SEMINAR_REGISTRATION: (
        ("【ウェビナー】インサイドセールス実践講座", "WEB-2026-09"),
        ("導入企業事例セミナー 東京", "SEM-東京-10"),
        ("Webinar: Pipeline reviews that work", "WEB-EN-11"),
    ),
    TouchKind.SEMINAR_ATTENDANCE: (
        ("【ウェビナー】インサイドセールス実践講座", "WEB-2026-09"),
        ("導入企業事例セミナー 東京", "SEM-東京-10"),
        ("Webinar: Pipeline reviews that work", "WEB-EN-11"),
    ),
    TouchKind.TRADE_SHOW_SCAN: (
        ("営業DX EXPO 東京（東京ビッグサイト）", "EXPO-2026-東京"),
        ("Japan IT Week 秋（幕張メッセ）", "JITW-2026-秋"),
        ("SaaS World Osaka", "SAAS-OSAKA-2026"),
    ),
    TouchKind.EMAIL_OPEN: (
        ("メールマガジン 2026年10月号", "NL-2026-10"),
        ("新機能のご案内：AI架電メモ", "PROD-2026-11"),
        ("セミナーのご案内（11月）", "INV-2026-11"),
        ("Monthly newsletter — October", "NL-EN-10"),
    ),
    TouchKind.EMAIL_CLICK: (
        ("メールマガジン 2026年10月号", "NL-2026-10"),
        ("新機能のご案内：AI架電メモ", "PROD-2026-11"),
        ("Monthly newsletter — October", "NL-EN-10"),
    ),
    TouchKind.SITE_VISIT: (
        ("導入事例ページ", "organic"),
        ("製品機能ページ", "organic"),
        ("ブログ：架電に最適な時間帯とは", "organic"),
        ("Customer stories", "organic"),
    ),
    TouchKind.PRICING_PAGE: (("料金プランページ", "organic"), ("Pricing", "organic")),
    TouchKind.INQUIRY: (
        ("お問い合わせ：導入について相談したい", "Web-問い合わせ"),
        ("Contact form: question about integrations", "WEB-CONTACT-EN"),
    ),
    TouchKind.DEMO_REQUEST: (
        ("デモのご依頼", "Web-デモ依頼"),
        ("Demo request", "WEB-DEMO-EN"),
    ),
}
