"""Timely: the Customer spend report, one row per customer (no dates).

Evidence (weak): Timely's help centre describes the columns (bookings, services and products invoiced, discounts,
total invoiced); no public sample file was found, so the header names below follow that description.
"""

from salon_segment.importers import headers as H
from salon_segment.importers.profiles import CLIENT_LIST, WEAK, Profile

PROFILES = (
    Profile(
        id="timely-customer-spend",
        system="Timely",
        report="Customer spend",
        evidence=WEAK,
        required=("Customer", "Total invoiced"),
        markers=("Bookings", "Services", "Invoiced services", "Invoiced products", "Discounts", "Email", "Mobile"),
        columns={
            H.CLIENT_NAME: ("Customer", "Customer name"),
            H.EMAIL: ("Email", "Customer email"),
            H.PHONE: ("Mobile", "Phone", "Customer mobile"),
            H.TOTAL_SPENT: ("Total invoiced", "Total invoiced value"),
            H.SERVICE_SPENT: ("Invoiced services", "Services invoiced", "Service value"),
            H.PRODUCT_SPENT: ("Invoiced products", "Products invoiced", "Product value"),
            H.VISIT_COUNT: ("Bookings", "Number of bookings"),
        },
        role=CLIENT_LIST,
        generic_fields=False,
    ),
)  # fmt: skip
