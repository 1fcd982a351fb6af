"""Zenoti: Sales - Accrual / sales by guest (.xlsx), one row per invoice item.

Evidence: five independent importers of real exports and the API twin of the report (field names), Zenoti's help
pages. Net line revenue is "Sales (Exc. Tax)" (after discount, before tax), spelled with and without spaces; the
person columns follow the account's wording (Guest, Client, Patient); Item Type says Service, Product, Package,
Membership, Gift card, Pre-paid card or Class; open invoices are not yet sales.
"""

from salon_segment import ledger as L
from salon_segment.importers import headers as H
from salon_segment.importers.profiles import MEDIUM, Profile

_PERSON = ("Guest", "Client", "Patient")

PROFILES = (
    Profile(
        id="zenoti-sales",
        system="Zenoti",
        report="Sales - Accrual / sales by guest",
        evidence=MEDIUM,
        required=("Sale Date", "Item Name", "Invoice No"),
        markers=(
            "Item Type", "Guest Code", "Guest Name", "Client Code", "Client Name", "Guest", "Qty",
            "Sales (Exc. Tax)", "Sales(Inc. Tax)", "Tax", "Collected", "Redeemed", "Due", "Invoice status",
            "Center Name", "Payment Type", "Discount", "Item Category", "Sold By", "Item Code",
        ),
        columns={
            H.DATE: ("Sale Date",),
            H.CLIENT_ID: tuple(f"{p} Code" for p in _PERSON),
            H.CLIENT_NAME: (*(f"{p} Name" for p in _PERSON), "Guest"),
            H.ITEM: ("Item Name",),
            H.KIND: ("Item Type",),
            H.CATEGORY: ("Item Category", "Item Subcategory"),
            H.STAFF: ("Provider", "Stylist", "Employee", "Sold By"),
            H.AMOUNT: ("Sales (Exc. Tax)", "Sales Exc Tax", "Net Sales"),
            H.QUANTITY: ("Qty", "Quantity"),
            H.STATUS: ("Invoice status", "Invoice Status", "Status"),
            H.LINE_ID: ("Invoice No", "Invoice Number", "Invoice No."),
        },
        statuses={"closed": L.COMPLETED, "open": L.BOOKED},
        line_types={"pre paid card": L.GIFT_CARD, "prepaid card": L.GIFT_CARD, "class": L.SERVICE},
        month_first=True,
        generic_fields=False,
    ),
)  # fmt: skip
