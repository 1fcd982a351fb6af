"""Salon insights on small hand-built ledgers with hand-computed answers."""

import json
import math

import pandas as pd
import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from salon_segment.cli import app
from salon_segment.ledger import make_ledger
from salon_segment.rules import Rules
from salon_segment.scoring import analyze
from salon_segment.scoring.card import client_card, find_clients
from salon_segment.scoring.services import (
    cross_sell_list,
    load_heatmap,
    quietest_slots,
    services_summary,
    sources_summary,
)
from salon_segment.scoring.staff import staff_summary
from salon_segment.scoring.trend import churn_by_visit_number, compare_windows, period_trend
from tests.helpers import EXAMPLES

AS_OF = pd.Timestamp("2026-11-20")
RULES = Rules()


def book(rows, columns=("client", "date", "amount", "staff")):
    return make_ledger(pd.DataFrame(rows, columns=list(columns)))


STAFF_LEDGER = [
    ("anna", "2026-03-01", 50.0, "Kim"),
    ("anna", "2026-05-30", 50.0, "Kim"),  # 90 days after the first visit: came back in time
    ("bea", "2026-03-01", 40.0, "Kim"),
    ("bea", "2026-05-31", 40.0, "Lou"),  # 91 days: too late
    ("cor", "2026-10-15", 30.0, "Lou"),  # first visit less than 90 days before as_of: not yet observable
    ("dan", "2025-11-10", 60.0, "Max"),
    ("dan", "2025-12-10", 60.0, "Max"),
    ("dan", "2026-01-10", 60.0, "Max"),  # Max's last working day; dan followed (3 visits, now lost)
    ("eve", "2025-11-12", 20.0, "Max"),
    ("eve", "2025-12-12", 20.0, "Max"),  # only 2 visits: not counted as a follower
]


def test_staff_figures_hand_computed():
    ledger = book(STAFF_LEDGER)
    clients = analyze(ledger, as_of=AS_OF, rules=RULES).clients
    table = staff_summary(ledger, clients, as_of=AS_OF, rules=RULES).set_index("staff")
    kim, lou, max_ = table.loc["Kim"], table.loc["Lou"], table.loc["Max"]
    assert (kim["clients"], kim["visits"], kim["revenue"]) == (2, 3, 140.0)
    assert (lou["clients"], lou["visits"], lou["revenue"]) == (2, 2, 70.0)
    assert (kim["first_visit_clients"], kim["first_visit_retention"]) == (2, 0.5)  # anna back on day 90, bea on 91
    assert lou["first_visit_clients"] == 0 and math.isnan(lou["first_visit_retention"])
    # salon median gap: 30, 30, 31, 90, 91 -> 31 days; rebooked within 1.5 x 31 = 46.5 days
    assert kim["rebooking"] == 0.0  # gaps of 90 and 91 days, and anna's last visit has no follow-up
    assert lou["rebooking"] == 0.0  # cor's visit is too recent to tell and is left out
    assert max_["rebooking"] == pytest.approx(1 / 3)  # dan 12-10 -> 01-10 (31 days) yes; dan 01-10, eve 12-12 no
    assert (max_["lost_clients_who_followed"], kim["lost_clients_who_followed"]) == (1, 0)
    assert max_["last_working_day"] == pd.Timestamp("2026-01-10")


def monthly_visits(client, category, months=6, amount=50.0):
    dates = [(AS_OF - pd.DateOffset(months=k, days=-1)).strftime("%Y-%m-%d") for k in range(1, months + 1)]
    return [(client, d, amount, category, "12:00") for d in dates]


def test_services_mix_and_cross_sell_gap():
    rows = (
        monthly_visits("reg1", "Hair")
        + monthly_visits("reg2", "Hair")
        + [("reg2", "2026-11-02", 35.0, "Nails", "10:00")]
    )
    rows += [("one", "2026-11-10", 35.0, "Nails", "10:00")]
    ledger = book(rows, ("client", "date", "amount", "category", "time"))
    clients = analyze(ledger, as_of=AS_OF, rules=RULES).clients
    assert set(clients.loc[clients["segment"].isin(["A", "B"]), "client"]) == {"reg1", "reg2"}
    table = services_summary(ledger, clients, as_of=AS_OF).set_index("category")
    assert table.loc["Hair", "clients"] == 2 and table.loc["Hair", "regulars_never_used"] == 0
    assert table.loc["Nails", "clients"] == 2 and table.loc["Nails", "regulars_never_used"] == 1
    assert table.loc["Nails", "share_B"] == 0.5  # reg2 (B) and one (new)
    assert cross_sell_list(ledger, clients, "nails", as_of=AS_OF)["client"].tolist() == ["reg1"]


def test_load_heatmap_counts_client_days_by_weekday_and_hour():
    rows = [
        ("a", "2026-11-16", 10.0, "09:30"),  # Monday
        ("a", "2026-11-16", 10.0, "10:15"),  # same client and day: one visit, at its first hour
        ("b", "2026-11-16", 10.0, "09:00"),
        ("c", "2026-11-18", 10.0, "11:00"),  # Wednesday
        ("d", "2026-11-18", 10.0, ""),  # no time: left out
    ]
    heatmap = load_heatmap(book(rows, ("client", "date", "amount", "time")), as_of=AS_OF)
    assert heatmap.loc[0, 9] == 2 and heatmap.loc[0, 10] == 0 and heatmap.loc[2, 11] == 1
    assert list(heatmap.columns) == [9, 10, 11]
    quiet = quietest_slots(heatmap, n=2)
    assert quiet[["weekday", "hour"]].values.tolist() == [[0, 10], [0, 11]]  # only Monday and Wednesday are open


def test_sources_first_year_revenue_boundary_and_share_active():
    rows = [
        ("a", "2025-01-10", 10.0, "Instagram"),
        ("a", "2026-01-09", 20.0, ""),  # within the first 12 months
        ("a", "2026-01-10", 40.0, ""),  # exactly 12 months later: not the first year
        ("a", "2026-11-01", 5.0, ""),
        ("b", "2024-01-10", 7.0, "Instagram"),
        ("c", "2026-11-01", 9.0, "Google"),
    ]
    ledger = book(rows, ("client", "date", "amount", "source"))
    clients = analyze(ledger, as_of=AS_OF, rules=RULES).clients
    table = sources_summary(ledger, clients, as_of=AS_OF).set_index("source")
    assert table.loc["Instagram", "clients"] == 2
    assert table.loc["Instagram", "first_year_revenue"] == 37.0  # a: 10 + 20, b: 7
    assert table.loc["Instagram", "share_still_active"] == 0.5  # a active, b lost
    assert table.loc["Google", "share_still_active"] == 1.0


def test_churn_by_visit_number_and_quarters():
    rows = [("a", "2025-01-10", 10.0, "")]
    rows += [("b", d, 10.0, "") for d in ("2025-01-10", "2025-03-10")]
    rows += [("c", d, 10.0, "") for d in ("2025-01-10", "2025-03-10", "2025-05-10")]
    ledger = book(rows)
    churn = churn_by_visit_number(ledger, as_of=AS_OF, rules=RULES, max_visit=4).set_index("visit_number")
    assert churn["clients_reached"].tolist() == [3, 2, 1, 0]
    assert churn["never_came_back"].tolist() == [1, 1, 1, 0]
    assert churn.loc[1, "churn"] == pytest.approx(1 / 3)
    quarters = period_trend(ledger, as_of=AS_OF, rules=RULES, by="quarter")
    first = quarters.iloc[0]
    assert (first["month"], first["active_clients"], first["visits"]) == (pd.Timestamp("2025-01-01"), 3, 5)


def test_before_and_after_windows():
    rows = [("a", "2026-05-01", 10.0, ""), ("a", "2026-09-01", 30.0, ""), ("b", "2026-10-01", 20.0, "")]
    # 111 days after 2026-08-01 -> the window before runs from 2026-04-12
    result = compare_windows(book(rows), as_of=AS_OF, start=pd.Timestamp("2026-08-01"), rules=RULES).set_index("window")
    assert result.loc["before", "active_clients"] == 1 and result.loc["after", "active_clients"] == 2
    assert result.loc["after", "revenue_per_client"] == 25.0
    assert result.loc["after", "new_clients"] == 1


def test_find_clients_and_card():
    rows = [
        ("z1", "2026-11-02", 50.0, "Kim", "Zoë Dubois", "+31 6 1234 5678", "Hair", "10:00"),  # Monday
        ("z1", "2026-10-05", 50.0, "Kim", "Zoë Dubois", "", "Hair", "10:30"),  # Monday
        ("z1", "2026-09-03", 30.0, "Lou", "Zoë Dubois", "", "Nails", "15:00"),  # Thursday
        ("x", "2026-11-03", 20.0, "Lou", "Anna Smit", "", "Skin", "11:00"),
    ]
    ledger = book(rows, ("client", "date", "amount", "staff", "client_name", "phone", "category", "time"))
    clients = analyze(ledger, as_of=AS_OF, rules=RULES).clients
    for query in ("zoe", "DUBOIS", "z1", "0612345678"):
        assert find_clients(clients, query)["client"].tolist() == ["z1"], query
    card = client_card(ledger, find_clients(clients, "zoe").iloc[0], as_of=AS_OF, rules=RULES)
    assert (card.favourite_staff, card.usual_weekday, card.usual_hour) == ("Kim", 0, 10)
    assert (card.categories_used, card.categories_never_used) == (["Hair", "Nails"], ["Skin"])
    assert card.last_visits["revenue"].tolist() == [50.0, 50.0, 30.0]


runner = CliRunner()


@pytest.mark.parametrize(
    ("args", "key"),
    [
        (["staff", "salon-nl.csv", "--period", "12m"], "staff"),
        (["services", "salon-nl.csv"], "services"),
        (["services", "salon-nl.csv", "--list", "Nagels"], "clients"),
        (["load", "salon-en.csv"], "heatmap"),
        (["trend", "salon-nl.csv", "--by", "quarter", "--compare-from", "2026-05-01"], "comparison"),
        (["client", "salon-nl.csv", "petra jansen"], "segment_reason"),
        (["client", "salon-nl.csv", "jansen"], "matches"),
    ],
    ids=["staff", "services", "cross-sell", "load", "trend", "client-card", "client-matches"],
)
def test_insight_commands_in_table_and_json(args, key):
    command = [args[0], str(EXAMPLES / args[1]), *args[2:], "--as-of", "2026-11-20"]
    table = runner.invoke(app, command)
    assert table.exit_code == 0, table.output
    assert max(len(line) for line in table.output.splitlines()) <= 80
    document = json.loads(runner.invoke(app, [*command, "--format", "json"]).output)
    assert key in document


def test_cross_sell_campaign_list_and_unknown_client(tmp_path):
    out = tmp_path / "nagels.csv"
    result = runner.invoke(app, ["services", str(EXAMPLES / "salon-nl.csv"), "--list", "Nagels", "--out", str(out)])
    assert result.exit_code == 0, result.output
    campaign = pd.read_csv(out)
    assert set(campaign["segment"]) <= {"A", "B"} and len(campaign) > 0
    missing = runner.invoke(app, ["client", str(EXAMPLES / "salon-nl.csv"), "nobody-by-this-name"])
    assert missing.exit_code == 1
    assert "no client matches" in missing.output


def test_excel_summary_has_insight_sheets(tmp_path):
    path = tmp_path / "summary.xlsx"
    runner.invoke(
        app,
        ["analyze", str(EXAMPLES / "salon-en.csv"), "--as-of", "2026-11-20", "--excel", str(path), "--quiet"],
        env={"LANG": "en_GB.UTF-8", "LC_ALL": "", "LC_MONETARY": ""},  # the export names no currency: LANG's
    )
    workbook = load_workbook(path)
    assert {"Staff", "Services", "Sources", "Load"} <= set(workbook.sheetnames)
    staff = workbook["Staff"]
    assert staff["A1"].value == "Staff" and isinstance(staff["D2"].value, float) and "£" in staff["D2"].number_format
    assert workbook["Load"]["A2"].value == "Monday" and isinstance(workbook["Load"]["B2"].value, int)


def test_scoring_hands_renderers_plain_text_never_categories():
    """The ledger keeps repeated text as categories; every scoring result has plain object text columns."""
    from salon_segment.importers import read_exports
    from salon_segment.scoring.periods import parse_duration
    from salon_segment.scoring.prune import prune_plan

    ledger = read_exports([EXAMPLES / "salon-nl.csv"]).ledger
    assert isinstance(ledger["staff"].dtype, pd.CategoricalDtype)  # the premise
    rules = Rules()
    analysis = analyze(ledger, as_of=AS_OF, rules=rules)
    clients = analysis.clients
    results = {
        "clients": clients,
        "segments": analysis.segments,
        "prune": prune_plan(ledger, as_of=AS_OF, inactive=parse_duration("24m")).candidates,
        "staff": staff_summary(ledger, clients, as_of=AS_OF, rules=rules),
        "services": services_summary(ledger, clients, as_of=AS_OF),
        "sources": sources_summary(ledger, clients, as_of=AS_OF),
        "load": load_heatmap(ledger, as_of=AS_OF),
        "trend": period_trend(ledger, as_of=AS_OF, rules=rules),
        "churn": churn_by_visit_number(ledger, as_of=AS_OF, rules=rules),
    }
    for name, frame in results.items():
        categorical = [c for c in frame.columns if isinstance(frame[c].dtype, pd.CategoricalDtype)]
        assert categorical == [], name
        assert not isinstance(frame.index, pd.CategoricalIndex), name
