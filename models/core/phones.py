"""Phone numbers: what the user typed is kept for display; E.164 is what Baton dials and matches.

A number arrives in any of the forms people type or marketing tools export: full width
(``０３－１２３４－５６７８``), with a long-vowel mark or a dash for the hyphen
(``03ー1234ー5678``), in brackets (``(03)1234-5678``), national or international
(``+81 3-1234-5678``). Google's libphonenumber (the maintained ``phonenumbers`` port)
reads them all, with Japan as the region of a number written without a country code, into
one E.164 form (``+81312345678``): the ``tel:`` link, the key that finds a lead by its
number and the key that finds duplicates.

A number is kept in E.164 when it has a possible length for its country (not only when it
is in the current numbering plan: the library's plan data lags new number ranges). Text
that is no phone number at all gets None: it is shown as typed, with no link.
"""

from __future__ import annotations

import re
from typing import Final

from models.core.text_rules import Column, check_text

#: The region of a number written without a country code.
DEFAULT_REGION: Final = "JP"
#: 内線 (extension) as Japanese write it: read like "ext.", which the library knows.
_EXTENSION_JA = re.compile(r"\s*(?:内線|内)\s*(?=[0-9０-９])")


def to_e164(typed: str | None, region: str = DEFAULT_REGION) -> str | None:
    """``typed`` in E.164 (``+81312345678``), or None when it is not a phone number.

    An extension (``ext. 12``, ``内線12``) is not part of the E.164 number.
    """
    # Loaded on first use: the headless CLI starts without it (24 ms of import).
    import phonenumbers  # noqa: PLC0415 - see above

    if not typed or not typed.strip():
        return None
    text = _EXTENSION_JA.sub(" ext. ", typed)
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def checked_phone(
    typed: str | None, *, column: Column, field: str = "phone"
) -> tuple[str | None, str | None]:
    """What to store for a number a user typed: (the text as typed, its E.164 form).

    The text is checked like any other (:func:`models.core.text_rules.check_text`, against
    ``column``); text that is no phone number is kept as typed, with no E.164 form.
    """
    text = typed.strip() if typed else ""
    check_text(text, field=field, column=column)
    return (text or None), to_e164(text)


def tel_uri(e164: str) -> str:
    """The ``tel:`` URI (RFC 3966) that dials an E.164 number."""
    return f"tel:{e164}"
