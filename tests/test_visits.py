import pandas as pd

from salon_segment.scoring.visits import visits
from tests.helpers import ledger, line

AS_OF = pd.Timestamp("2026-06-30")


def test_same_day_lines_are_one_visit_with_summed_revenue():
    result = visits(
        ledger(line("a", "2026-06-01", 40), line("a", "2026-06-01", 20, kind="product"), line("a", "2026-06-02", 10)),
        as_of=AS_OF,
    )
    assert len(result) == 2
    first = result.iloc[0]
    assert first["revenue"] == 60
    assert first["product_revenue"] == 20
    assert bool(first["has_product"]) is True
    assert bool(result.iloc[1]["has_product"]) is False


def test_no_shows_cancellations_bookings_and_future_lines_are_never_visits():
    result = visits(
        ledger(
            line("a", "2026-06-01", status="no_show"),
            line("a", "2026-06-02", status="cancelled"),
            line("a", "2026-06-03", status="booked"),
            line("a", "2026-07-01"),  # completed but after as_of
            line("a", "2026-06-30"),  # on as_of: counts
        ),
        as_of=AS_OF,
    )
    assert result["date"].tolist() == [pd.Timestamp("2026-06-30")]


def test_refund_lines_net_the_day_revenue():
    result = visits(
        ledger(line("a", "2026-06-01", 30, kind="product"), line("a", "2026-06-01", -30, kind="product")), as_of=AS_OF
    )
    assert result.iloc[0]["revenue"] == 0


def test_empty_ledger_gives_no_visits():
    assert visits(ledger(), as_of=AS_OF).empty


def test_latest_contacts_take_the_latest_date_then_the_latest_line_of_that_day():
    from salon_segment.scoring.clients import latest_contacts

    lines = ledger(
        line("k1", "2026-03-01", name="Later date, earlier in file", email="new@example.com"),
        line("k1", "2026-01-01", name="Old name", email="old@example.com", phone="0611111111"),
        line("k1", "2026-03-01", name="", email="", phone=""),  # empty values never replace a known one
        line("k2", "2026-02-02", name="First of the day"),
        line("k2", "2026-02-02", name="Last of the day"),
        line("k3", "2026-02-02"),  # nothing known at all: no row
    )
    contacts = latest_contacts(lines)
    assert contacts.loc["k1"].tolist() == ["Later date, earlier in file", "new@example.com", "0611111111"]
    assert contacts.loc["k2", "client_name"] == "Last of the day"
    assert "k3" not in contacts.index


def test_latest_contacts_let_undated_client_list_rows_win():
    from salon_segment.scoring.clients import latest_contacts

    dated = ledger(line("k1", "2026-03-01", name="From the export"))[
        ["client", "date", "client_name", "email", "phone"]
    ]
    undated = pd.DataFrame({"client": ["k1"], "client_name": ["From the client list"], "email": [""], "phone": [""]})
    both = pd.concat([dated, undated], ignore_index=True)
    both[["client_name", "email", "phone"]] = both[["client_name", "email", "phone"]].astype(object).fillna("")
    assert latest_contacts(both).loc["k1", "client_name"] == "From the client list"
