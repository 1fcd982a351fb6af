"""Vagaro: the Transaction List (.xlsx, header below a summary block) and the Customers list (.xlsx).

Evidence: a studio's real Vagaro downloads in public git (headers and value shapes read, data not copied) and two
importers that hard-code the same layout. Net line revenue is Price − Disc (Amt paid adds tax and tip); the
Transaction Type column says Services, Products, Gift Cards, Memberships, Packages, Fees or Refund; dates look
like "Oct 6, 2025 - 7:02 PM"; empty cells are written "---".
"""

from salon_segment import ledger as L
from salon_segment.importers import headers as H
from salon_segment.importers.profiles import CLIENT_LIST, STRONG, Profile

PROFILES = (
    Profile(
        id="vagaro-transactions",
        system="Vagaro",
        report="Transaction List",
        evidence=STRONG,
        required=("Checkout Date", "Transaction ID", "Customer", "Transaction Type"),
        markers=(
            "CheckedOut By", "Appointment Date", "Service/Product/GC/Package/Membership/Class", "Source",
            "Service Provider", "GiftCertificate No", "Qty", "Price", "Tax", "Tip", "Disc", "Amt paid", "Cash",
            "GC redeem", "Pkg", "Mbsp", "CC",
        ),
        columns={
            H.DATE: ("Checkout Date",),
            H.CLIENT_NAME: ("Customer",),
            H.ITEM: ("Service/Product/GC/Package/Membership/Class", "Item"),
            H.KIND: ("Transaction Type",),
            H.STAFF: ("Service Provider",),
            H.AMOUNT: ("Price",),
            H.QUANTITY: ("Qty",),
            H.LINE_ID: ("Transaction ID",),
        },
        subtract=("Disc",),
        line_types={"services": L.SERVICE, "products": L.PRODUCT, "gift cards": L.GIFT_CARD, "classes": L.SERVICE},
        month_first=True,
        generic_fields=False,
    ),
    Profile(
        id="vagaro-customers",
        system="Vagaro",
        report="Customers list",
        evidence=STRONG,
        required=("Customer Since", "Last Visited", "First Name", "Last Name"),
        markers=(
            "Membership", "Email", "Birthdate", "Gender", "Mobile", "Day", "Night", "City", "State", "Zip",
            "Refered By", "Online Booking", "Tags", "Appointments Booked", "Check-Ins", "Points Earned",
            "Amount Paid", "No Shows/Cancellations", "Employee Seen",
        ),
        columns={
            H.FIRST_NAME: ("First Name",),
            H.LAST_NAME: ("Last Name",),
            H.EMAIL: ("Email",),
            H.PHONE: ("Mobile", "Cell Phone", "Day", "Day Phone"),
            H.CREATED: ("Customer Since",),
            H.LAST_VISIT: ("Last Visited",),
            # Completed visits are check-ins; bookings include no-shows and cancellations (evidence: issue #14).
            # Where every check-in count is 0 (accounts without the check-in flow) bookings are used instead.
            H.VISIT_COUNT: ("Check-Ins", "Appointments Booked", "App. Booked"),
            H.TOTAL_SPENT: ("Amount Paid",),
            H.SOURCE: ("Refered By", "Referred By"),
        },
        role=CLIENT_LIST,
        month_first=True,
        generic_fields=False,
    ),
)  # fmt: skip
