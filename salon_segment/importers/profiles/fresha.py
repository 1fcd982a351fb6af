"""Fresha: appointments list, sales (item level), and the two client exports.

Evidence: a design doc that read a real ``report_appointment-list`` file (headers and status counts), adapters
confirmed against real files, real client-list exports in public git (English and Italian). Dates look like
"02 Feb 2026, 1:46pm"; "Created date" is when the booking was made; statuses New/Confirmed/Started/Completed/
Cancelled/No Show; one row per service, so no-shows are counted per booking (client and day).
"""

from salon_segment import ledger as L
from salon_segment.importers import headers as H
from salon_segment.importers.profiles import CLIENT_LIST, MEDIUM, STRONG, Profile

PLACEHOLDERS = ("Walk-In", "Walk-in client", "John Doe", "Jane Doe", "Senza appuntamento")

PROFILES = (
    Profile(
        id="fresha-appointments",
        system="Fresha",
        report="Appointments list",
        evidence=MEDIUM,
        required=("Appt. ref.", "Scheduled date", "Status"),
        markers=(
            "Client", "Team member", "Created date", "Cancelled date", "Category", "Service", "Duration (mins)",
            "Appt. slot", "Created by", "Cancelled by", "Location", "Net sales", "Cancellation reason",
            "Fees charged", "Upfront payments", "Prepayments", "Resource",
        ),
        columns={
            H.DATE: ("Scheduled date",),
            H.CLIENT_NAME: ("Client",),
            H.STAFF: ("Team member",),
            H.STATUS: ("Status",),
            H.CATEGORY: ("Category",),
            H.ITEM: ("Service",),
            H.AMOUNT: ("Net sales", "Price"),
            H.LINE_ID: ("Appt. ref.",),
        },
        statuses={"new": L.BOOKED, "confirmed": L.BOOKED, "started": L.COMPLETED, "no show": L.NO_SHOW},
        default_line_type=L.SERVICE,
        placeholders=PLACEHOLDERS,
        ignore=("Created date", "Cancelled date", "Fees charged", "Upfront payments", "Prepayments", "Location"),
        generic_fields=False,
    ),
    Profile(
        id="fresha-sales",
        system="Fresha",
        report="Sales (one row per item sold)",
        evidence=MEDIUM,
        required=("Sale no.", "Type", "Item", "Net sales"),
        markers=(
            "Sale date", "Date", "Location", "Client", "Category", "Team member", "Channel", "Gross sales",
            "Item discounts", "Total discounts", "Total sales", "Qty", "Status", "Sale status",
        ),
        columns={
            H.DATE: ("Sale date", "Date"),
            H.CLIENT_NAME: ("Client",),
            H.EMAIL: ("Client email", "Email"),
            H.PHONE: ("Client mobile", "Mobile number", "Mobile"),
            H.ITEM: ("Item",),
            H.KIND: ("Type",),
            H.CATEGORY: ("Category",),
            H.STAFF: ("Team member",),
            H.AMOUNT: ("Net sales",),  # after discounts and refunds, before tax; "Total sales" includes tax
            H.QUANTITY: ("Qty", "Quantity"),
            H.STATUS: ("Sale status", "Status"),
            H.LINE_ID: ("Sale no.",),
        },
        statuses={"refunded": L.CANCELLED, "unpaid": L.BOOKED, "part paid": L.COMPLETED, "partially paid": L.COMPLETED},
        placeholders=PLACEHOLDERS,
        ignore=("Gross sales", "Total sales", "Item discounts", "Total discounts", "Channel", "Location", "Notes"),
    ),
    Profile(
        id="fresha-clients",
        system="Fresha",
        report="Client list (Clients → Export)",
        evidence=STRONG,
        required=("Client ID", "First Name", "Last Name", "Added"),
        markers=(
            "Full Name", "Blocked", "Block Reason", "Gender", "Mobile Number", "Telephone", "Email",
            "Accepts Marketing", "Accepts SMS Marketing", "Address", "City", "State", "Post Code", "Date of Birth",
            "Note", "Referral Source", "Tags",
        ),
        columns={
            H.CLIENT_ID: ("Client ID",),
            H.FIRST_NAME: ("First Name",),
            H.LAST_NAME: ("Last Name",),
            H.EMAIL: ("Email",),
            H.PHONE: ("Mobile Number", "Telephone"),
            H.CREATED: ("Added",),
            H.SOURCE: ("Referral Source",),
            H.CONSENT: ("Accepts Marketing", "Accepts SMS Marketing"),
        },
        role=CLIENT_LIST,
        generic_fields=False,
    ),
    Profile(
        id="fresha-client-report",
        system="Fresha",
        report="Client list report (Reports → Client list)",
        evidence=MEDIUM,
        required=("Client", "Added on", "First appt.", "Last appt."),
        markers=(
            "Gender", "Age", "Mobile number", "Email", "Loyalty points balance", "Loyalty tier", "Client source",
            "Referred by",
        ),
        columns={
            H.CLIENT_NAME: ("Client",),
            H.EMAIL: ("Email",),
            H.PHONE: ("Mobile number",),
            H.CREATED: ("Added on",),
            H.FIRST_VISIT: ("First appt.",),
            H.LAST_VISIT: ("Last appt.",),
            H.SOURCE: ("Client source",),
        },
        role=CLIENT_LIST,
        placeholders=PLACEHOLDERS,
        generic_fields=False,
    ),
)  # fmt: skip
