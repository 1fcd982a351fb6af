"""US export profiles (issue 14): Square, Acuity, Vagaro, Zenoti, Boulevard, Timely.

One synthetic fixture per profile under tests/fixtures/exports/ (written by make_us.py; made-up people, the real
exports' shape), read through `analyze --format json` and `inspect --format json`. Every expected total below is
computed by hand from the fixture's design, by issue 14's rules:

- revenue = service + product lines, net of discounts, without tips, tax, gift cards, memberships/packages,
  deposits and fees; refunds are negative and are no visit;
- walk-in / anonymous / blank-client lines count in no client figure (not in clients, visits or revenue);
- a visit = one client's completed lines on one calendar day (on or before as_of);
- no-shows, cancellations and upcoming bookings are counted per booking = per client and day;
- a status word no profile knows is not a visit (and nothing else);
- client lists: clients = rows with a client, visits = the sum of the visit-count column, revenue = the spend;
  figures that need visit history (no-shows, cancellations, upcoming bookings) are null and listed under
  "not_available".

Each total is its own test case, so a total the importer misreads is one strict xfail with its cause, and the
other totals of the same file still guard against regressions.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from salon_segment.cli import app
from salon_segment.importers import read_exports

FIXTURES = Path(__file__).parent / "fixtures" / "exports"
TOTALS = ("clients", "visits", "revenue", "product_revenue", "no_shows", "cancellations", "upcoming_bookings")
NEEDS_HISTORY = ("no_shows", "cancellations", "upcoming_bookings")

# fixture → (profile, as_of, the seven totals, {total: why the importer gets it wrong today})
CASES: dict[str, tuple[str, str, dict[str, Any], dict[str, str]]] = {}

# Square Items detail (as_of 2025-10-15). Amount = Net Sales (Gross + Discounts; Tax is its own column).
# Clients by Customer ID: Maya (…J27W), an ID without a name (…H8J9K), Dana (…0G2F), Lena (…G7H9) = 4.
#   Maya  10-03: Balayage 180.00 − 18.00 = 162.00 + Repair Mask 200 ml (Physical Good) 32.00
#         09-12: Gloss Toner 55.00 + Styling Gel 150 ml (Physical Good) 18.00, two tickets, one day = 1 visit
#   ID    09-20: Women's Cut 75.00 − 7.50 = 67.50; Gift Card 100.00 not revenue
#         10-14: Appointment Deposit (Custom Amount) 30.00: a deposit, no visit, no revenue
#   Dana  09-05: Gel Manicure (Service, "gel" is no product) 40.00 + Cuticle Oil 15 ml 12.00 − 2.00 = 10.00
#                + Nail File 4.00 twice (identical lines, both sold) = 58.00
#         10-08: Refund of the manicure −40.00 (refund-only day: no visit)
#   Lena  08-22: Women's Cut 75.00
#         10-10: "Custom Amount" with an empty Itemization Type (the real shape), a no-show fee: other, not revenue
#   Walk-ins (no Customer ID or name): Blow Dry 45.00, Custom Amount 20.00, Shampoo 250 ml 24.00: left out.
# visits = 2 + 1 + 1 + 1 = 5; revenue = 267.00 + 67.50 + 18.00 + 75.00 = 427.50;
# product = 32.00 + 18.00 + 10.00 + 8.00 = 68.00; no status column: no no-shows, cancellations or bookings.
CASES["square-items.csv"] = (
    "square-items",
    "2025-10-15",
    dict(clients=4, visits=5, revenue=427.50, product_revenue=68.00, no_shows=0, cancellations=0, upcoming_bookings=0),
    {},
)

# Square Transactions (as_of 2025-10-15), one row per payment. Amount = Net Sales (tips, tax, service charges and
# gift cards sold are columns of their own). No item types: product revenue 0.
#   Noor  10-12: Net 108.00 (Gross 120.00, Discounts −12.00; tip 20.00, tax 9.58 not revenue)
#         09-20: 65.00; 10-01: Refund row −65.00 (tip −10.00 ignored; refund-only day: no visit)
#   ID    10-05: split tender, one Transaction ID, two payments 50.00 + 35.00 = 85.00, one visit
#         08-30: Net 189.00 (Gross 210.00 − 21.00; Gift Card Sales 50.00 not revenue)
#   Priya 09-14: 95.00 (Service Charges 5.00 not revenue); 08-15: 60.00
#         09-28: a gift card bought on its own: Net Sales $0.00, Gift Card Sales $75.00: no visit, no revenue
#   Walk-ins (no customer): 40.00 and 30.00: left out.
# clients 3; visits = 2 + 2 + 2 = 6; revenue = 108.00 + 274.00 + 155.00 = 537.00.
CASES["square-transactions.csv"] = (
    "square-transactions",
    "2025-10-15",
    dict(clients=3, visits=6, revenue=537.00, product_revenue=0.00, no_shows=0, cancellations=0, upcoming_bookings=0),
    {},
)

# Acuity appointments (as_of 2025-03-20). Date = Start Time ("March 5, 2025 10:00am"), not Date Scheduled (the
# booking's creation, always earlier); amount = Appointment Price, not "Paid?" (yes/no) nor Amount Paid Online.
# Clients by e-mail. Every row is an appointment: a service (no product revenue).
#   Olivia 03-05: Signature Facial 110.00 + Brow Shaping 35.00 = 1 visit; 03-19 Express Facial "rescheduled"
#          (unknown word: not a visit, not counted anywhere)
#   Marcus 03-07: Deep Tissue Massage 95.00; 03-14: the same with Certificate Code PKG-7H3K, price 0.00 (a package
#          redemption: a visit with no revenue); 03-25: massage + Hot Stone Add-On = 1 upcoming booking
#   Jamal  03-03: Hydrating Serum Facial 90.00 (a facial, not a product); 03-18: Lash Lift 75.00
#   Sofia  03-10: Lash Lift + Brow Tint canceled = 1 cancellation; 04-02: Lash Lift = 1 upcoming booking
#   Hannah 03-12: Signature Facial + Brow Shaping no-show = 1 no-show; 04-05: canceled = 1 cancellation
# clients = Olivia, Marcus, Jamal = 3; visits = 1 + 2 + 2 = 5; revenue = 145.00 + 95.00 + 165.00 = 405.00;
# product 0.00; no-shows 1; cancellations 2; upcoming 2.
CASES["acuity-appointments.csv"] = (
    "acuity-appointments",
    "2025-03-20",
    dict(clients=3, visits=5, revenue=405.00, product_revenue=0.00, no_shows=1, cancellations=2, upcoming_bookings=2),
    {},
)

# Vagaro Transaction List (as_of 2025-10-15): 22 title/summary rows, header on row 23, a Total row at the end.
# Amount = Price − Disc (Tax, Tip and Amt paid left out); Transaction Type decides the line type.
#   Ava   10-14: Balayage 180 − 18 = 162.00 + Olaplex No.3 100 ml (Products) 30.00; Card tax (Fees) 3.50 left out
#         09-12: Women's Haircut shared by two providers 40.00 + 40.00 = 80.00, one visit
#   Liam  10-02: Color Correction 250.00 (partly paid by gift card: still the service's price)
#         09-20: "Color Correction - Deposit" (Services): a deposit; 10-10: GC 100 (Gift Cards): neither is revenue
#   Chloe 10-04: "Gel Manicure (Refunded)" 65.00 (still a visit); 10-09: REFUND −65.00 (no visit)
#         08-30: Gel Manicure 65 − 6.50 = 58.50 + Cuticle Oil 15 ml (Products) 14.00
#   Ethan 09-27: "Walk In" is a service name here, not a walk-in: 35.00 + Beard Oil 30 ml ×2 44 − 4 = 40.00
#   An empty Customer: Express Blowout 40.00, a walk-in: left out.
# clients 4; visits = 2 + 1 + 2 + 1 = 6; revenue = 272.00 + 250.00 + 72.50 + 75.00 = 669.50;
# product = 30.00 + 14.00 + 40.00 = 84.00; no status column: 0 no-shows, cancellations, bookings.
CASES["vagaro-transactions.xlsx"] = (
    "vagaro-transactions",
    "2025-10-15",
    dict(clients=4, visits=6, revenue=669.50, product_revenue=84.00, no_shows=0, cancellations=0, upcoming_bookings=0),
    {},
)

# Vagaro Customers list (client list): 3 title rows, "---" for empty cells, a Total row (Birthdate = "Total").
# 8 client rows. Visits = Check-Ins (the account uses check-in; Appointments Booked = 42 includes no-shows and
# cancellations): 8 + 3 + 12 + 1 + 5 + 1 + 2 + 5 = 37. Revenue = Amount Paid: 1,284.50 + 615.00 + 2,046.75
# + 75.00 + 540.25 + 120.00 + 310.00 + 455.40 = 5,446.90. No product split: product revenue null. The address
# "State" column (NY, NJ, CT) is no status. No-shows etc. need visit history: null.
CASES["vagaro-customers.xlsx"] = (
    "vagaro-customers",
    "2025-10-15",
    dict(
        clients=8, visits=37, revenue=5446.90, product_revenue=None, no_shows=None, cancellations=None,
        upcoming_bookings=None,
    ),
    {},
)

# Zenoti Sales - Accrual (as_of 2025-09-30): 3 title rows, a trailing Total row. Amount = Sales (Exc. Tax) (after
# Discount, before Tax), not Price nor Sales(Inc. Tax); Item Type decides; Invoice status Open = not yet a sale.
#   Rachel 9/2: Haircut & Style 85.00 + Color Touch-Up 120 − 12 = 108.00 + Shine Serum 50ml (Product) 28.00
#          9/18: Blowout + Volume Mousse on an Open invoice: no visit, no revenue (and past: no booking)
#   Tom    9/4: Signature Facial Package (5) 400.00 (Package: not revenue) + Hydrafacial redeemed from it 80.00
#          9/25: Brow Wax 20.00 (a service) + Argan Oil Shampoo 250ml 24 − 4 = 20.00 (Product)
#   Isabel 9/9: Gift card 50.00 (not revenue) + Gel Polish Manicure 45.00; 9/22: its refund −45.00 (no visit)
#   Kevin  9/15: VIP Membership 99.00 (not revenue) + Men's Cut 40.00; 9/28: Beard Trim 25.00
# clients 4; visits = 1 + 2 + 1 + 2 = 6; revenue = 221.00 + 120.00 + 0.00 + 65.00 = 406.00;
# product = 28.00 + 20.00 = 48.00; no no-shows, cancellations or future bookings in a sales report.
CASES["zenoti-sales.xlsx"] = (
    "zenoti-sales",
    "2025-09-30",
    dict(clients=4, visits=6, revenue=406.00, product_revenue=48.00, no_shows=0, cancellations=0, upcoming_bookings=0),
    {},
)

# Boulevard Client Sales (client list, no dates). Revenue = Service Sales + Product Sales (Gross/Net Sales include
# tips, gift cards and memberships); visits = Service Count. The row without a client name is walk-in sales.
#   Emma 6 / 720.00 + 85.00; James 3 / 360.00; Olivia 10 / 1,245.50 + 212.40; Benjamin 1 / 95.00;
#   Sophia 4 / 410.00 + 64.00; Henry 0 / 48.00 (retail only: a client with spend); Ava 2 / 150.00;
#   Mason 2 / 180.00
# clients 8; visits = 6 + 3 + 10 + 1 + 4 + 0 + 2 + 2 = 28; services = 3,160.50, products = 409.40,
# revenue = 3,569.90; no-shows etc. null (no dates).
CASES["boulevard-client-sales.csv"] = (
    "boulevard-client-sales",
    "2025-10-15",
    dict(
        clients=8, visits=28, revenue=3569.90, product_revenue=409.40, no_shows=None, cancellations=None,
        upcoming_bookings=None,
    ),
    {},
)

# Timely Customer spend (client list, no dates). Revenue = Total invoiced (services + products − discounts);
# visits = Bookings; product = Invoiced products. The "Walk-in" row is left out.
#   Charlotte 7 / 920.00 (120.00 products); Oliver 3 / 270.00; Amelia 12 / 1,700.00 (236.50);
#   George 1 / 58.50; Isla 5 / 538.00 (58.00); Jack 2 / 150.00; Ruby 3 / 342.00 (42.00); Leo 1 / 85.00
# clients 8; visits = 7 + 3 + 12 + 1 + 5 + 2 + 3 + 1 = 34; revenue = 920.00 + 270.00 + 1,700.00 + 58.50 + 538.00
# + 150.00 + 342.00 + 85.00 = 4,063.50; product = 120.00 + 236.50 + 58.00 + 42.00 = 456.50; no-shows etc. null.
CASES["timely-customer-spend.csv"] = (
    "timely-customer-spend",
    "2025-10-15",
    dict(
        clients=8, visits=34, revenue=4063.50, product_revenue=456.50, no_shows=None, cancellations=None,
        upcoming_bookings=None,
    ),
    {},
)

CLIENT_LISTS = ("vagaro-customers.xlsx", "boulevard-client-sales.csv", "timely-customer-spend.csv")


@functools.cache
def analysed(name: str) -> dict[str, Any]:
    _profile, as_of, _expected, _xfail = CASES[name]
    result = CliRunner().invoke(app, ["analyze", str(FIXTURES / name), "--as-of", as_of, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _total_cases() -> list[Any]:
    cases = []
    for name, (_profile, _as_of, expected, xfail) in CASES.items():
        for total in TOTALS:
            marks = [pytest.mark.xfail(strict=True, reason=xfail[total])] if total in xfail else []
            cases.append(pytest.param(name, total, expected[total], marks=marks, id=f"{name}-{total}"))
    return cases


@pytest.mark.parametrize(("name", "total", "expected"), _total_cases())
def test_hand_computed_total(name, total, expected):
    got = analysed(name)["totals"][total]
    assert got == expected  # exact: the JSON rounds money to the cent; null stays null
    assert (got is None) == (expected is None)


@functools.cache
def inspected() -> dict[str, dict[str, Any]]:
    """`inspect --format json` of every fixture at once (one run: the CLI's start-up is the slow part)."""
    result = CliRunner().invoke(app, ["inspect", *(str(FIXTURES / name) for name in CASES), "--format", "json"])
    assert result.exit_code == 0, result.output
    return {Path(file["path"]).name: file for file in json.loads(result.stdout)["files"]}


@pytest.mark.parametrize("name", list(CASES))
def test_profile_chosen(name):
    described = inspected()[name]
    # `inspect --format json` gives the profile (issue 14); the import report holds the same fact where it does not
    chosen = described["profile"] if "profile" in described else read_exports([FIXTURES / name]).reports[0].profile
    assert chosen == CASES[name][0]


@pytest.mark.parametrize("name", CLIENT_LISTS)
def test_client_lists_say_what_needs_visit_history(name):
    document = analysed(name)
    assert document["visit_history"] is False
    assert set(NEEDS_HISTORY) <= set(document["not_available"])


def test_the_generator_is_deterministic(tmp_path, monkeypatch):
    """make_us.py writes exactly the committed fixtures (CSV text and the workbooks' cells)."""
    import importlib.util

    from openpyxl import load_workbook

    spec = importlib.util.spec_from_file_location("make_us", FIXTURES / "make_us.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "HERE", tmp_path)
    module.main()
    for name in CASES:
        if name.endswith(".csv"):
            assert (tmp_path / name).read_text(encoding="utf-8") == (FIXTURES / name).read_text(encoding="utf-8")
        else:
            fresh, committed = (list(load_workbook(p).active.values) for p in (tmp_path / name, FIXTURES / name))
            assert fresh == committed, name
