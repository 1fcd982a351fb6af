"""A salon till's set of reports (receipts, no-show report, cancellations, bookings, service and product listings).

Evidence (strong): the six raw files of the public "Hair Salon No-Show" data set (a Canadian salon's POS), read
for headers and value shapes only. Dates mm/dd/yyyy; Amount is net of tax (GST and PST are added on top);
WALK_IN is the walk-in placeholder; the no-show, cancellation and booking reports name the client by its code
("Code", the same codes as the receipts' Client column) and hold one row per service of a booking.
"""

from salon_segment import ledger as L
from salon_segment.importers import headers as H
from salon_segment.importers.profiles import BOOKINGS, CANCELLATIONS, CATALOGUE, NO_SHOWS, STRONG, Profile

# The receipts name the client by the same code the other reports call "Code": both are read as the client's
# name, so the keys agree across the files.
_BOOKING_COLUMNS = {H.CLIENT_NAME: ("Code",), H.ITEM: ("Service",), H.STAFF: ("Staff",)}

PROFILES = (
    Profile(
        id="till-receipts",
        system="Salon till (POS)",
        report="Receipt transactions",
        evidence=STRONG,
        required=("Receipt", "Date", "Description", "Client", "Amount"),
        markers=("Staff", "Quantity", "GST", "PST"),
        columns={
            H.DATE: ("Date",),
            H.CLIENT_NAME: ("Client",),
            H.ITEM: ("Description",),
            H.STAFF: ("Staff",),
            H.AMOUNT: ("Amount",),
            H.QUANTITY: ("Quantity",),
            H.LINE_ID: ("Receipt",),
        },
        month_first=True,
        ignore=("GST", "PST"),
        generic_fields=False,
    ),
    Profile(
        id="till-no-shows",
        system="Salon till (POS)",
        report="No-show report",
        evidence=STRONG,
        required=("Date", "Code", "Service"),
        markers=("Staff",),
        columns={H.DATE: ("Date",), **_BOOKING_COLUMNS},
        role=NO_SHOWS,
        file_words=("no show", "noshow", "no shows"),
        month_first=True,
        generic_fields=False,
    ),
    Profile(
        id="till-cancellations",
        system="Salon till (POS)",
        report="Client cancellations",
        evidence=STRONG,
        required=("Cancel Date", "Code", "Service", "Booking Date"),
        markers=("Staff", "Canceled By", "Days"),
        columns={H.DATE: ("Booking Date",), **_BOOKING_COLUMNS},
        role=CANCELLATIONS,
        month_first=True,
        ignore=("Cancel Date", "Canceled By", "Days"),
        generic_fields=False,
    ),
    Profile(
        id="till-bookings",
        system="Salon till (POS)",
        report="Future bookings (all uncancelled bookings)",
        evidence=STRONG,
        required=("Code", "Service", "Date", "Time"),
        markers=("Staff", "TimeInt"),
        columns={H.DATE: ("Date",), H.TIME: ("Time",), **_BOOKING_COLUMNS},
        role=BOOKINGS,
        file_words=("booking", "bookings"),
        month_first=True,
        ignore=("TimeInt",),
        generic_fields=False,
    ),
    Profile(
        id="till-service-listing",
        system="Salon till (POS)",
        report="Service listing",
        evidence=STRONG,
        required=("Code", "Desc", "Cate", "Price"),
        markers=("IsActive", "Cost"),
        columns={H.ITEM: ("Desc",), H.CATEGORY: ("Cate",)},
        role=CATALOGUE,
        catalogue_kind=L.SERVICE,
        generic_fields=False,
    ),
    Profile(
        id="till-product-listing",
        system="Salon till (POS)",
        report="Product listing (retail)",
        evidence=STRONG,
        required=("Code", "Description", "Price"),
        markers=("IsActive", "Supplier", "Brand", "Category", "On Hand", "Minimum", "Maximum", "Cost", "COG", "YTD"),
        columns={H.ITEM: ("Description",), H.CATEGORY: ("Category",)},
        role=CATALOGUE,
        catalogue_kind=L.PRODUCT,
        generic_fields=False,
    ),
)  # fmt: skip
