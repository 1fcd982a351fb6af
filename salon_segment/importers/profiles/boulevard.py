"""Boulevard: the Client Sales report, one row per client with service and product sales.

Evidence: Boulevard's help page lists the columns verbatim and says Gross/Net Sales include gratuity, gift cards,
memberships and packages: revenue is Service Sales + Product Sales, the visit count is Service Count.
"""

from salon_segment.importers import headers as H
from salon_segment.importers.profiles import CLIENT_LIST, MEDIUM, Profile

PROFILES = (
    Profile(
        id="boulevard-client-sales",
        system="Boulevard",
        report="Client Sales",
        evidence=MEDIUM,
        required=("Client Name", "Service Sales", "Product Sales"),
        markers=(
            "Gross Sales", "Net Sales", "Service Count", "Discount Amount", "Tip Sales", "Client Email",
            "Client Phone", "Membership Sales",
        ),
        columns={
            H.CLIENT_NAME: ("Client Name",),
            H.EMAIL: ("Client Email", "Email"),
            H.PHONE: ("Client Phone", "Client Phone Number", "Client Mobile Phone", "Phone"),
            H.SERVICE_SPENT: ("Service Sales",),
            H.PRODUCT_SPENT: ("Product Sales",),
            H.VISIT_COUNT: ("Service Count",),
        },
        role=CLIENT_LIST,
        generic_fields=False,
    ),
)  # fmt: skip
