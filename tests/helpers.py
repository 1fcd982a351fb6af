"""Small builders for hand-written ledgers in tests."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from salon_segment.ledger import make_ledger

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
DATA = Path(__file__).resolve().parent / "data"


def line(
    client: str,
    date: str,
    amount: float = 50.0,
    *,
    kind: str = "service",
    status: str = "completed",
    name: str = "",
    email: str = "",
    phone: str = "",
) -> dict:
    """One ledger line."""
    return {
        "client": client,
        "date": date,
        "amount": amount,
        "kind": kind,
        "status": status,
        "client_name": name,
        "email": email,
        "phone": phone,
    }


def ledger(*lines: dict) -> pd.DataFrame:
    """A typed ledger from ``line(...)`` dicts."""
    if not lines:
        return make_ledger(
            pd.DataFrame({"client": pd.Series([], dtype=str), "date": pd.Series([], dtype="datetime64[ns]")})
        )
    return make_ledger(pd.DataFrame(list(lines)))


def monthly(client: str, dates: list[str], amount: float = 50.0, **kwargs) -> list[dict]:
    """A line on each of the given dates."""
    return [line(client, d, amount, **kwargs) for d in dates]
