"""Square: the Items detail CSV (one row per item sold) and the Transactions CSV (one row per payment).

Evidence (docs/exports.md): real Items exports in public git (35 and 33 columns, 2026), Square's API docs for the
amounts; Transactions header from two integrations that reconcile it with Square's own totals.
"""

from salon_segment import ledger as L
from salon_segment.importers import headers as H
from salon_segment.importers.profiles import MEDIUM, STRONG, Profile

PROFILES = (
    Profile(
        id="square-items",
        system="Square",
        report="Items detail (item sales CSV)",
        evidence=STRONG,
        required=("Transaction ID", "Itemization Type", "Net Sales", "Item"),
        markers=(
            "Date", "Time", "Time Zone", "Category", "Qty", "Price Point Name", "SKU", "Modifiers Applied",
            "Gross Sales", "Discounts", "Tax", "Payment ID", "Event Type", "Customer ID", "Customer Name",
            "Customer Reference ID", "Unit", "Count", "Employee",
        ),
        columns={
            H.DATE: ("Date",),
            H.TIME: ("Time",),
            H.CLIENT_ID: ("Customer ID",),
            H.CLIENT_NAME: ("Customer Name",),
            H.ITEM: ("Item",),
            H.KIND: ("Itemization Type",),
            H.CATEGORY: ("Category",),
            H.STAFF: ("Employee", "Staff Name"),
            H.AMOUNT: ("Net Sales",),  # = Gross Sales + Discounts; tax is its own column, tips are not here
            H.QUANTITY: ("Qty",),
            H.LINE_ID: ("Transaction ID",),
        },
        # "Event Type" is Payment/Refund: refund rows carry negative amounts, which is all that matters here
        line_types={"physical good": L.PRODUCT, "physical item": L.PRODUCT, "item": L.SERVICE, "service": L.SERVICE},
        ignore=(
            "Event Type", "Gross Sales", "Discounts", "Tax", "Notes", "Details", "Device Name", "Channel", "Location",
        ),
        generic_fields=False,
    ),
    Profile(
        id="square-transactions",
        system="Square",
        report="Transactions CSV",
        evidence=MEDIUM,
        required=("Transaction ID", "Total Collected", "Net Sales", "Tip"),
        markers=(
            "Date", "Time", "Time Zone", "Gross Sales", "Discounts", "Service Charges", "Gift Card Sales", "Tax",
            "Partial Refunds", "Source", "Card", "Cash", "Fees", "Net Total", "Payment ID", "Staff Name",
            "Event Type", "Customer ID", "Customer Name", "Transaction Status",
        ),
        columns={
            H.DATE: ("Date",),
            H.TIME: ("Time",),
            H.CLIENT_ID: ("Customer ID",),
            H.CLIENT_NAME: ("Customer Name",),
            H.STAFF: ("Staff Name",),
            H.AMOUNT: ("Net Sales",),  # gift cards sold, tax, tips and service charges are columns of their own
            H.LINE_ID: ("Payment ID", "Transaction ID"),
        },
        line_type_columns={"Gift Card Sales": L.GIFT_CARD},
        generic_fields=False,
    ),
)  # fmt: skip
