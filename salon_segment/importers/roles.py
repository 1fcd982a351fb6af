"""What role a file without a known profile plays, from its columns and its file name.

A no-show report, a cancellations report or a bookings report often looks like a sales export without a
status column: the file name says which ("No-Show Report.csv", "неявки.xlsx"). A file with item names but no
client and no date is a product or service listing.
"""

from __future__ import annotations

from salon_segment import ledger as L
from salon_segment.errors import InputFileError
from salon_segment.importers import headers as H
from salon_segment.importers import lexicon
from salon_segment.importers import profiles as P
from salon_segment.importers.cells import missing_columns_error
from salon_segment.importers.source import RawTable

IDENTITY_FIELDS = (H.CLIENT_ID, H.CLIENT_NAME, H.FIRST_NAME, H.LAST_NAME, H.EMAIL, H.PHONE)
ROLE_WORDS = (
    (P.NO_SHOWS, lexicon.NO_SHOW_FILE_WORDS),
    (P.CANCELLATIONS, lexicon.CANCELLATION_FILE_WORDS),
    (P.BOOKINGS, lexicon.BOOKING_FILE_WORDS),
)


def _has_word(text: str, words: tuple[str, ...]) -> bool:
    folded = f" {H.normalize_header(text)} "
    return any(f" {H.normalize_header(w)}" in folded for w in words)


def generic_role(raw: RawTable, mapping: dict[str, int]) -> tuple[str, str]:
    """(role, catalogue line type) of a file read by the generic reader; refuses what cannot be an export."""
    name = raw.path.name
    if not any(f in mapping for f in IDENTITY_FIELDS):
        if H.ITEM in mapping and H.DATE not in mapping:
            products = any(_has_word(h, lexicon.PRODUCT_HEADER_WORDS) for h in raw.header)
            if products or _has_word(name, lexicon.PRODUCT_FILE_WORDS):
                return P.CATALOGUE, L.PRODUCT
            if _has_word(name, lexicon.SERVICE_FILE_WORDS):
                return P.CATALOGUE, L.SERVICE
            raise InputFileError(
                f"{raw.path}: this looks like a product listing (items but no clients or dates); "
                "pass it with --products FILE next to the sales export."
            )
        raise missing_columns_error(raw, "client", "client_name")
    if H.DATE in mapping:
        if H.STATUS not in mapping:
            for role, words in ROLE_WORDS:
                if _has_word(name, words):
                    return role, ""
        return P.VISITS, ""
    if any(f in mapping for f in H.CLIENT_LIST_FIELDS):
        return P.CLIENT_LIST, ""
    raise missing_columns_error(raw, "date", "date")
