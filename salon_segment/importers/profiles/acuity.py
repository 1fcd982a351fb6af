"""Acuity Scheduling: the appointments export (Reports → Export), one row per appointment.

Evidence: two independent parsers of real exports (column names, month-name date-times such as
"May 16, 2025 12:30 pm"), Acuity's help pages (no-shows are marked while cancelling; refunds are not in Acuity).
"Date Scheduled" is when the booking was made, not the visit; "Paid?" is a yes/no flag, not an amount.
"""

from salon_segment import ledger as L
from salon_segment.importers import headers as H
from salon_segment.importers.profiles import MEDIUM, Profile

PROFILES = (
    Profile(
        id="acuity-appointments",
        system="Acuity Scheduling",
        report="Appointments export",
        evidence=MEDIUM,
        required=("Start Time", "End Time", "First Name", "Last Name", "Type"),
        markers=(
            "Phone", "Email", "Calendar", "Appointment Price", "Paid?", "Amount Paid Online", "Certificate Code",
            "Notes", "Date Scheduled", "Label", "Scheduled By", "Appointment ID",
        ),
        columns={
            H.DATE: ("Start Time",),
            H.FIRST_NAME: ("First Name",),
            H.LAST_NAME: ("Last Name",),
            H.EMAIL: ("Email",),
            H.PHONE: ("Phone",),
            H.ITEM: ("Type",),
            H.STAFF: ("Calendar",),
            H.AMOUNT: ("Appointment Price", "Price"),
            H.STATUS: ("Status", "Appointment Status", "Canceled", "Cancelled"),
            H.LINE_ID: ("Appointment ID",),
            H.CATEGORY: ("Category",),
        },
        # a "Canceled" column holds yes/no; a status column the words below
        statuses={
            "canceled": L.CANCELLED, "no show": L.NO_SHOW, "scheduled": L.COMPLETED,
            "yes": L.CANCELLED, "no": L.COMPLETED, "true": L.CANCELLED, "false": L.COMPLETED,
        },
        default_line_type=L.SERVICE,  # appointments are services: "Hydrating Serum Facial" is no product
        ignore=("Date Scheduled", "Paid?", "Amount Paid Online", "Certificate Code", "Label", "Scheduled By", "Notes"),
        generic_fields=False,
    ),
)  # fmt: skip
