"""Phorest: the transactions CSV (the data behind the Sales Transactions report) and the clients CSV.

Evidence: a working importer of Phorest's CSV export job (column names, yyyy-mm-dd dates, plain decimals); the
author's notes say net_total_amount is the line without VAT. item_type is SERVICE or PRODUCT; tips are columns.
"""

from salon_segment.importers import headers as H
from salon_segment.importers.profiles import CLIENT_LIST, MEDIUM, Profile

PROFILES = (
    Profile(
        id="phorest-transactions",
        system="Phorest",
        report="Transactions CSV (Sales Transactions)",
        evidence=MEDIUM,
        required=("transaction_id", "item_type", "purchased_date", "net_total_amount"),
        markers=(
            "transaction_item_id", "branch_name", "client_id", "client_first_name", "client_last_name",
            "purchase_time", "description", "quantity", "staff_first_name", "tax_amount", "staff_tips", "void",
        ),
        columns={
            H.DATE: ("purchased_date",),
            H.TIME: ("purchase_time",),
            H.CLIENT_ID: ("client_id",),
            H.FIRST_NAME: ("client_first_name",),
            H.LAST_NAME: ("client_last_name",),
            H.EMAIL: ("client_email",),
            H.ITEM: ("description", "service_name", "product_name"),
            H.KIND: ("item_type",),
            H.CATEGORY: ("service_category_name", "product_category_name", "department_name"),
            H.STAFF: ("staff_first_name",),
            H.AMOUNT: ("net_total_amount",),
            H.QUANTITY: ("quantity",),
            H.LINE_ID: ("transaction_item_id", "transaction_id"),
            H.SOURCE: ("client_source",),
        },
        generic_fields=False,
    ),
    Profile(
        id="phorest-clients",
        system="Phorest",
        report="Clients CSV",
        evidence=MEDIUM,
        required=("client_id", "first_name", "last_name", "first_visit", "last_visit"),
        markers=("mobile", "email", "client_since", "archived", "deleted", "merged_to_client_id", "created_at"),
        columns={
            H.CLIENT_ID: ("client_id",),
            H.FIRST_NAME: ("first_name",),
            H.LAST_NAME: ("last_name",),
            H.EMAIL: ("email",),
            H.PHONE: ("mobile", "land_line"),
            H.FIRST_VISIT: ("first_visit",),
            H.LAST_VISIT: ("last_visit",),
            H.CREATED: ("client_since", "created_at"),
            H.CONSENT: ("email_marketing_consent", "sms_marketing_consent"),
        },
        role=CLIENT_LIST,
        generic_fields=False,
    ),
)  # fmt: skip
