"""The visit ledger: one row per exported line, the single shape every importer produces.

Column names live here and nowhere else; scoring and rendering import these constants.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

CLIENT = "client"  # identity key: client id, else e-mail, else phone digits, else folded name
CLIENT_NAME = "client_name"
EMAIL = "email"
PHONE = "phone"
DATE = "date"  # datetime64, calendar day (time of day, if any, is in TIME)
TIME = "time"  # "HH:MM" text or empty
ITEM = "item"
KIND = "kind"  # the line type: one of LINE_TYPES (only service, product and refund lines are revenue)
CATEGORY = "category"
STAFF = "staff"
AMOUNT = "amount"  # float, refunds negative
QUANTITY = "quantity"
STATUS = "status"  # COMPLETED | NO_SHOW | CANCELLED | BOOKED
SOURCE = "source"  # marketing source / referral
CONSENT = "marketing_consent"  # CONSENT_YES, CONSENT_NO, or "" when the line does not say
LINE_ID = "line_id"  # receipt / appointment id from the export, used to drop overlaps between exports
SOURCE_FILE = "source_file"
SOURCE_ROW = "source_row"  # 1-based row as a spreadsheet shows it (header and title rows count)

SERVICE = "service"
PRODUCT = "product"
GIFT_CARD = "gift_card"  # gift card / voucher / certificate sold: money in advance, not revenue, not a visit
MEMBERSHIP = "membership"  # membership, package, series, course, subscription sold
DEPOSIT = "deposit"  # deposit or prepayment
TIP = "tip"
FEE = "fee"  # no-show / cancellation / booking fee, service charge
REFUND = "refund"  # a refund whose item type the export does not say (negative revenue)
OTHER = "other"
KINDS = (SERVICE, PRODUCT)
LINE_TYPES = (SERVICE, PRODUCT, GIFT_CARD, MEMBERSHIP, DEPOSIT, TIP, FEE, REFUND, OTHER)
REVENUE_TYPES = (SERVICE, PRODUCT, REFUND)  # revenue = service + product lines, refunds negative
NOT_REVENUE_TYPES = tuple(t for t in LINE_TYPES if t not in REVENUE_TYPES)

COMPLETED = "completed"
NO_SHOW = "no_show"
CANCELLED = "cancelled"
BOOKED = "booked"
UNKNOWN_STATUS = "unknown"  # a status word no profile knows: never a completed visit, reported with its count
STATUSES = (COMPLETED, NO_SHOW, CANCELLED, BOOKED, UNKNOWN_STATUS)
CONSENT_YES = "yes"  # may be sent marketing (an opt-in column said yes, or an opt-out column said no)
CONSENT_NO = "no"  # opted out (or an answer that could not be read: never assumed to be a yes)

TEXT_COLUMNS = (
    CLIENT, CLIENT_NAME, EMAIL, PHONE, TIME, ITEM, KIND, CATEGORY, STAFF, STATUS, SOURCE, CONSENT, LINE_ID,
    SOURCE_FILE,
)  # fmt: skip
# Repeated text is stored as categories (lexically sorted, so sorting and grouping agree with plain text):
# comparisons, takes and groupbys work on small integer codes, and ten million lines fit in memory.
# Line ids are mostly unique, so they stay plain text.
CATEGORICAL_COLUMNS = tuple(column for column in TEXT_COLUMNS if column not in (CLIENT, LINE_ID))
LEDGER_COLUMNS = (
    CLIENT,
    CLIENT_NAME,
    EMAIL,
    PHONE,
    DATE,
    TIME,
    ITEM,
    KIND,
    CATEGORY,
    STAFF,
    AMOUNT,
    QUANTITY,
    STATUS,
    SOURCE,
    CONSENT,
    LINE_ID,
    SOURCE_FILE,
    SOURCE_ROW,
)

_DEFAULTS: Mapping[str, Any] = {
    CLIENT_NAME: "",
    EMAIL: "",
    PHONE: "",
    TIME: "",
    ITEM: "",
    KIND: SERVICE,
    CATEGORY: "",
    STAFF: "",
    AMOUNT: 0.0,
    QUANTITY: 1.0,
    STATUS: COMPLETED,
    SOURCE: "",
    CONSENT: "",
    LINE_ID: "",
    SOURCE_FILE: "",
}


def plain_column(values: pd.Series | np.ndarray) -> pd.Series:
    """A positional Series; object text stays object (no conversion to pandas' string dtype), categories stay."""
    if isinstance(values, pd.Series) and isinstance(values.dtype, pd.CategoricalDtype):
        return pd.Series(values.array, copy=False)
    array = values.to_numpy() if isinstance(values, pd.Series) else np.asarray(values)
    return pd.Series(array, dtype=object if array.dtype == object else None, copy=False)


def make_ledger(frame: pd.DataFrame, *, text_is_clean: bool = False) -> pd.DataFrame:
    """Return a ledger with every column present and typed; missing optional columns get defaults.

    Requires ``client`` and ``date``. Used by the importers and by tests that build small ledgers by hand.
    ``text_is_clean``: the caller guarantees text columns are object arrays of str without NA (importers),
    which saves a scan per column on large files.
    """
    missing = [c for c in (CLIENT, DATE) if c not in frame.columns]
    if missing:
        raise ValueError(f"a ledger needs the columns {missing}")
    n = len(frame)
    out = {}
    for column in LEDGER_COLUMNS:
        if column in frame.columns:
            values = frame[column]
        elif column == SOURCE_ROW:
            values = pd.Series(range(2, n + 2), index=frame.index)
        else:
            values = pd.Series([_DEFAULTS[column]] * n, index=frame.index, dtype=object)
        out[column] = values
    ledger = pd.DataFrame({k: plain_column(v) for k, v in out.items()}, copy=False)
    ledger[DATE] = _calendar_days(ledger[DATE])
    ledger[AMOUNT] = pd.to_numeric(ledger[AMOUNT]).astype(float)
    ledger[QUANTITY] = pd.to_numeric(ledger[QUANTITY]).astype(float)
    ledger[SOURCE_ROW] = ledger[SOURCE_ROW].astype("int64")
    for column in () if text_is_clean else TEXT_COLUMNS:
        values = ledger[column]
        if values.dtype != object:
            values = values.astype(object)
        if values.isna().any():
            values = values.fillna("")
        ledger[column] = values
    return with_categories(ledger)


def _calendar_days(values: pd.Series) -> pd.Series:
    """Dates as datetime64[ns] at midnight (an importer's dates already are: only checked)."""
    if values.dtype == "datetime64[ns]":
        ticks = values.to_numpy().view("int64")
        if not ((ticks % (24 * 3600 * 10**9) != 0) & (ticks != np.iinfo("int64").min)).any():
            return values
    return pd.to_datetime(values).dt.normalize().astype("datetime64[ns]")


def text_categories(codes: np.ndarray, categories: object) -> pd.Series:
    """A categorical text column from codes into (sorted) categories, kept as object text like the rest."""
    return pd.Series(pd.Categorical.from_codes(codes, categories=pd.Index(categories, dtype=object)))


def constant_text(value: str, n: int) -> pd.Series:
    """``n`` rows of the same text, as a one-category column."""
    return text_categories(np.zeros(n, dtype=np.int8), [value])


def plain_text(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with categorical columns as plain object text: what scoring hands to renderers and files."""
    categorical = [c for c in frame.columns if isinstance(frame[c].dtype, pd.CategoricalDtype)]
    return frame.astype(dict.fromkeys(categorical, object)) if categorical else frame


def with_categories(ledger: pd.DataFrame) -> pd.DataFrame:
    """The ledger with its repeated text columns as sorted categories (columns that already are: unchanged)."""
    for column in CATEGORICAL_COLUMNS:
        values = ledger[column]
        if not isinstance(values.dtype, pd.CategoricalDtype):
            codes, categories = pd.factorize(values.to_numpy(dtype=object), sort=True)
            ledger[column] = text_categories(codes, categories).array
    return ledger


def empty_ledger() -> pd.DataFrame:
    """A ledger with no rows and the right columns and types."""
    return make_ledger(pd.DataFrame({CLIENT: pd.Series([], dtype=str), DATE: pd.Series([], dtype="datetime64[ns]")}))


# ---------------------------------------------------------------- client lists (one row per client, with totals)
FIRST_VISIT = "first_visit"
LAST_VISIT = "last_visit"
VISITS = "visits"  # float: NaN when the list does not say
REVENUE = "revenue"
SERVICE_REVENUE = "service_revenue"
PRODUCT_REVENUE = "product_revenue"  # NaN when the list does not split products from services
CREATED = "created"
CLIENT_LIST_COLUMNS = (
    CLIENT, CLIENT_NAME, EMAIL, PHONE, FIRST_VISIT, LAST_VISIT, VISITS, REVENUE, SERVICE_REVENUE, PRODUCT_REVENUE,
    CREATED, CONSENT, SOURCE_FILE, SOURCE_ROW,
)  # fmt: skip


def empty_client_list() -> pd.DataFrame:
    """A client list with no rows."""
    return pd.DataFrame(
        {
            c: pd.Series([], dtype="datetime64[ns]" if c in (FIRST_VISIT, LAST_VISIT, CREATED) else object)
            for c in CLIENT_LIST_COLUMNS
        }
    )
