"""Phone numbers in outputs: stored as text that stays dialable, never with a visible apostrophe.

A phone-shaped value (digits, spaces and ``+ - ( ) . /`` only, at least 6 digits) cannot carry a formula
payload: with no letters there is no function, reference or DDE call, so it is written as it is. Only values in
a phone column that are *not* phone-shaped (``=HYPERLINK(…)`` typed into the phone field) keep the usual
formula neutralisation. In Excel outputs phone cells are text cells with Excel's quote-prefix style and the
text number format ``@`` (Excel keeps them as text when edited, and shows no apostrophe); in CSV they are
written as they are and re-import to the same digits.
"""

from __future__ import annotations

import re

import pandas as pd

PHONE_COLUMNS = frozenset({"phone", "Phone Number"})  # the clients table; the campaign list (campaign.py)
PHONE_SHAPE = re.compile(r"\+?[\d\s().\-/]*\Z")
MIN_DIGITS = 6


def is_phone(text: str) -> bool:
    """True for a dialable phone number such as '+31 6 1234 5678' or '(020) 555-1234'."""
    return bool(PHONE_SHAPE.match(text)) and sum(ch.isdigit() for ch in text) >= MIN_DIGITS


def phone_mask(values: pd.Series) -> pd.Series:
    """Which values of a column are phone-shaped (vectorised ``is_phone``)."""
    text = values.fillna("").astype(str)
    digits = text.str.count(r"\d")
    return text.str.match(PHONE_SHAPE.pattern) & (digits >= MIN_DIGITS)
