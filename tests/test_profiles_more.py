"""Issue 14: the five profiles without a fixture so far: Fresha, Phorest and YCLIENTS client lists, the till listings.

Each fixture under ``tests/fixtures/exports/`` is synthetic (made-up people and amounts) in the shape the research
notes give for its system (docs/exports.md); no third-party data is copied. The totals were computed by hand from
the fixture's design, by issue 14's rules:

- client lists: clients = rows with a client that visited (a visit count > 0, a last visit date, or money spent);
  visits = the sum of the visit-count column (0 without one); revenue = the spend (0 without a spend column);
  product revenue null when the list does not split products; no-shows, cancellations and upcoming bookings null
  (they need visit history);
- the till listings are catalogues: given next to the receipts, a receipt line whose Description is in the product
  listing is a product, every other line a service; a listing on its own is refused (exit 1).
"""

from __future__ import annotations

import csv
import functools
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from salon_segment import ledger as L
from salon_segment.cli import app
from salon_segment.importers import read_exports

EXPORTS = Path(__file__).resolve().parent / "fixtures" / "exports"
RECEIPTS = EXPORTS / "till" / "Receipt Transactions0.csv"  # the till set's receipts, shared with test_profiles_eu
LISTINGS = EXPORTS / "till-listings"
SERVICE_LISTING = LISTINGS / "Service Listing0.csv"
PRODUCT_LISTING = LISTINGS / "Product Listing (Retail)0.csv"
TOTALS = ("clients", "visits", "revenue", "product_revenue", "no_shows", "cancellations", "upcoming_bookings")
runner = CliRunner()



def totals(clients, visits, revenue, product_revenue, no_shows, cancellations, upcoming_bookings):
    values = (clients, visits, revenue, product_revenue, no_shows, cancellations, upcoming_bookings)
    return dict(zip(TOTALS, values, strict=True))


# The till receipts (as_of 2025-07-31; Amount net of tax, GST/PST on top; WALK_IN is the walk-in):
#   SMIJ01 06/02 (995) Women's hair cut 80 + Moisture shampoo 300ml 26.10; 06/20 (1000) the shampoo returned,
#          Quantity −1, −26.10 (refund-only day: no visit); 07/03 (1001) Women's hair cut 80 + Argan serum 50ml ×2 63
#                                                                     → 2 visits, 223.00, product 26.10 − 26.10 + 63
#   BROA02 06/03 Men's hair cut 45; 07/18 Men's hair cut 45           → 2 visits,  90.00
#   NGUT01 06/05 Color touch up 70 + Women's hair cut 80; 07/10 Balayage 165 (1003) + Volume mousse 200ml 19.80
#          (1004, same day: one visit)                                → 2 visits, 334.80, product 19.80
#   LEEK03 06/05 Women's hair cut 75 (on NGUT01's receipt 998); 07/24 Blowdry 50 → 2 visits, 125.00
#   PATR01 06/12 Consultation 0 (a free service is a visit); 07/28 Blowdry 50 + miscellaneous −50 → 2 visits, 0.00
#   WALK_IN 06/03 Blowdry 50, 07/03 Men's hair cut 40: no client figure.
# The product listing holds Moisture shampoo 300ml, Argan serum 50ml and Volume mousse 200ml (+ three products
# nobody bought and an inactive row with an empty Description); the service listing holds every other Description
# (Women's hair cut, Men's hair cut, Blowdry, Consultation, miscellaneous, Color touch up, Balayage + unsold ones
# and an inactive row with an empty Desc). As in the real till, every receipt Description is in exactly one listing.
# product = 26.10 − 26.10 + 63.00 + 19.80 = 82.80 (no product on a WALK_IN line); clients 5, visits 10,
# revenue 223 + 90 + 334.80 + 125 + 0 = 772.80; receipts have no status: no no-shows, cancellations or bookings.
TILL_WITH_LISTINGS = totals(5, 10, 772.80, 82.80, 0, 0, 0)
PRODUCTS_SOLD = {"Moisture shampoo 300ml", "Argan serum 50ml", "Volume mousse 200ml"}

CASES = [
    # Fresha Clients → Export (export_customer_list.csv), as_of 2026-02-20: 23 columns, every field quoted, ISO
    # dates, a Note with a line break inside its quotes (Bella), a Date of Birth without year ("07-23"), "Walk-In"
    # as a Referral Source value (Anna, Frank: a source, not a placeholder), a blocked client (Chloe), and the
    # stray one-field `""` last line. 6 clients (Anna, Bella, Chloe, Dana, Eva, Frank), but no visit count, no
    # visit date and no spend: nobody is known to have visited → clients 0, visits 0, revenue 0.00, no product
    # split (None); no-shows, cancellations, upcoming: None.
    pytest.param(
        [EXPORTS / "fresha-clients.csv"],
        "2026-02-20",
        ["fresha-clients"],
        totals(0, 0, 0.00, None, None, None, None),
        id="fresha-clients",
    ),
    # Phorest CLIENT_CSV, as_of 2026-04-30: snake_case, yyyy-mm-dd, opaque client ids, booleans true/false.
    #   Siobhan last_visit 2026-04-02 (notes "Prefers Saturday, mornings": a quoted comma)  → visited
    #   Niamh   2026-04-22                                                                   → visited
    #   Aoife   two rows with one client_id (updated_at 2026-01-10: last 2025-12-19; 2026-04-29: last 2026-04-09):
    #           one client                                                                   → visited
    #   Ciara   archived = true (still a real client), last 2024-06-15                        → visited (lost)
    #   Orla    client_since 2026-03-03, empty first_visit and last_visit (signed up, never came) → not counted
    #   Róisín  first = last = 2026-03-20 (non-ASCII name)                                   → visited
    # clients 5; no visit-count column: visits 0; no spend: revenue 0.00, product None; the rest None.
    pytest.param(
        [EXPORTS / "phorest-clients.csv"],
        "2026-04-30",
        ["phorest-clients"],
        totals(5, 0, 0.00, None, None, None, None),
        id="phorest-clients",
    ),
    # YCLIENTS «Клиентская база», Windows-1251, ";", CRLF, dd.mm.yyyy, money "38 400,00" (Мария's with a no-break
    # space), as_of 2026-05-20. Visits = «Визитов», revenue = «Продано» (never «Оплачено», which differs for Ирина
    # and Мария: prepayments, абонемент). No client id: e-mail, else phone, else name.
    #   Ирина   12 / 38 400,00; Татьяна «М.» (abbreviated last name) 3 / 7 350,00; Мария 25 / 96 200,00;
    #   Елена   0 visits, 0,00, no dates: registered, never came → not counted;
    #   Наталья 1 / 2 800,00 (visit on as_of itself); Ольга (no phone, no e-mail) 4 / 9 600,00;
    #   Анна    (phone "8 (916) …") 2 / 3 100,50
    # clients 6; visits = 12 + 3 + 25 + 1 + 4 + 2 = 47; revenue = 38 400 + 7 350 + 96 200 + 2 800 + 9 600
    # + 3 100.50 = 157 450.50; no product split: None; the rest None.
    pytest.param(
        [EXPORTS / "yclients-clients-cp1251.csv"],
        "2026-05-20",
        ["yclients-clients"],
        totals(6, 47, 157450.50, None, None, None, None),
        id="yclients-clients",
    ),
    # The till receipts given together with both listings (see the arithmetic above).
    pytest.param(
        [RECEIPTS, SERVICE_LISTING, PRODUCT_LISTING],
        "2025-07-31",
        ["till-receipts", "till-service-listing", "till-product-listing"],
        TILL_WITH_LISTINGS,
        id="till-receipts-and-listings",
    ),
    # The receipts with the product listing only: the same figures (the product listing decides the products,
    # every other line is a service).
    pytest.param(
        [RECEIPTS, PRODUCT_LISTING],
        "2025-07-31",
        ["till-receipts", "till-product-listing"],
        TILL_WITH_LISTINGS,
        id="till-receipts-and-product-listing",
    ),
]


def _rounded(value):
    return round(value, 2) if isinstance(value, float) else value


@functools.cache
def _read(*files: Path):
    return read_exports(list(files))


@pytest.mark.parametrize(("files", "as_of", "profiles", "expected"), CASES)
def test_profile_and_totals_match_the_hand_computed_ones(files, as_of, profiles, expected):
    assert [report.profile for report in _read(*files).reports] == profiles
    result = runner.invoke(app, ["analyze", *map(str, files), "--as-of", as_of, "--format", "json"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert {name: _rounded(document["totals"][name]) for name in TOTALS} == expected


def test_fresha_register_reads_every_client_once():
    """6 clients: the quoted line break is inside one record, the trailing `""` line is a blank row."""
    result = _read(EXPORTS / "fresha-clients.csv")
    assert sorted(result.client_list[L.CLIENT_NAME]) == [
        "Anna Jansen", "Bella Clarke", "Chloe Okafor", "Dana Novak", "Eva Rossi", "Frank Meyer",
    ]  # fmt: skip
    assert result.reports[0].rows_skipped == 1


def test_phorest_repeated_client_rows_are_one_client():
    client_list = _read(EXPORTS / "phorest-clients.csv").client_list
    assert len(client_list) == 7
    assert client_list[L.CLIENT].nunique() == 6


def _listing_names(path: Path, column: str) -> set[str]:
    with path.open(newline="", encoding="ascii") as handle:
        return {row[column] for row in csv.DictReader(handle)}


def test_every_receipt_description_is_in_exactly_one_listing():
    """The fixtures keep the real till's property, so the listings alone decide every line's type."""
    services, products = _listing_names(SERVICE_LISTING, "Desc"), _listing_names(PRODUCT_LISTING, "Description")
    with RECEIPTS.open(newline="", encoding="ascii") as handle:
        sold = {row["Description"] for row in csv.DictReader(handle)}
    assert all((name in services) != (name in products) for name in sold)
    assert sold & products == PRODUCTS_SOLD


def _line_types(*files: Path) -> dict[str, set[str]]:
    ledger = _read(*files).ledger
    return {kind: set(ledger.loc[ledger[L.KIND] == kind, L.ITEM]) for kind in (L.PRODUCT, L.SERVICE)}


def test_with_both_listings_products_are_the_product_listing_and_the_rest_services():
    kinds = _line_types(RECEIPTS, SERVICE_LISTING, PRODUCT_LISTING)
    assert kinds[L.PRODUCT] == PRODUCTS_SOLD
    assert kinds[L.SERVICE] == {
        "Women's hair cut", "Men's hair cut", "Blowdry", "Consultation", "miscellaneous", "Color touch up", "Balayage",
    }  # fmt: skip


def test_with_the_product_listing_products_are_its_items_and_the_rest_services():
    kinds = _line_types(RECEIPTS, PRODUCT_LISTING)
    assert kinds[L.PRODUCT] == PRODUCTS_SOLD
    assert kinds[L.SERVICE] == {
        "Women's hair cut", "Men's hair cut", "Blowdry", "Consultation", "miscellaneous", "Color touch up", "Balayage",
    }  # fmt: skip


def test_a_product_listing_alone_is_refused():
    result = runner.invoke(app, ["analyze", str(PRODUCT_LISTING), "--as-of", "2025-07-31", "--format", "json"])
    assert result.exit_code == 1, result.output
    assert "listing" in result.output
