"""The fields an export column can be mapped to (``--map FIELD=HEADER``, ``[columns]``): a few more than the
ledger's columns (names split in two, a client id beside the identity key, a client list's totals)."""

from __future__ import annotations

CLIENT_ID = "client_id"
CLIENT_NAME = "client_name"
FIRST_NAME = "first_name"
LAST_NAME = "last_name"
EMAIL = "email"
PHONE = "phone"
DATE = "date"
TIME = "time"
ITEM = "item"
KIND = "kind"
CATEGORY = "category"
STAFF = "staff"
AMOUNT = "amount"
QUANTITY = "quantity"
STATUS = "status"
SOURCE = "source"
LINE_ID = "line_id"  # receipt / appointment / line id: the same id in two exports is the same line
CONSENT = "marketing_consent"  # an opt-in column: yes = the client may be sent marketing
OPT_OUT = "marketing_opt_out"  # an opt-out column: yes = the client may not (read inverted)
# client-list fields (one row per client with totals)
FIRST_VISIT = "first_visit"
LAST_VISIT = "last_visit"
VISIT_COUNT = "visit_count"
TOTAL_SPENT = "total_spent"
SERVICE_SPENT = "service_spent"
PRODUCT_SPENT = "product_spent"
CREATED = "created"
CLIENT_LIST_FIELDS = (FIRST_VISIT, LAST_VISIT, VISIT_COUNT, TOTAL_SPENT, SERVICE_SPENT, PRODUCT_SPENT, CREATED)

__all__ = [
    "AMOUNT",
    "CATEGORY",
    "CLIENT_ID",
    "CLIENT_LIST_FIELDS",
    "CLIENT_NAME",
    "CONSENT",
    "CREATED",
    "DATE",
    "EMAIL",
    "FIRST_NAME",
    "FIRST_VISIT",
    "ITEM",
    "KIND",
    "LAST_NAME",
    "LAST_VISIT",
    "LINE_ID",
    "OPT_OUT",
    "PHONE",
    "PRODUCT_SPENT",
    "QUANTITY",
    "SERVICE_SPENT",
    "SOURCE",
    "STAFF",
    "STATUS",
    "TIME",
    "TOTAL_SPENT",
    "VISIT_COUNT",
]
