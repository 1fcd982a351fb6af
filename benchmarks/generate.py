"""Deterministic, realistic salon exports of any size for benchmarks (1k to 20M lines).

    python benchmarks/generate.py --lines 1000000 --out /tmp/salon-1m.csv

Zipf-like client activity, services and retail products, staff, statuses (completed, no-shows,
cancellations, future bookings), in the English export shape (',' delimiter, ISO dates, decimal point) or, with
``--shape eu``, a European one (';' delimiter, dd-mm-yyyy dates, decimal comma, Dutch headers
and words, as issue 19 describes):

    python benchmarks/generate.py --lines 1000000 --shape eu --out /tmp/salon-1m-eu.csv
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
import pandas as pd

HEADER = ["Client ID", "Client Name", "Email", "Appointment Date", "Start Time", "Service", "Type", "Category",
          "Staff", "Price", "Status"]  # fmt: skip
SERVICES = [("Women's cut", "Cuts", 55.0), ("Men's cut", "Cuts", 32.0), ("Colour", "Colour", 85.0),
            ("Balayage", "Colour", 140.0), ("Blow dry", "Styling", 35.0), ("Gel manicure", "Nails", 38.0),
            ("Facial", "Skin", 70.0)]  # fmt: skip
PRODUCTS = [("Repair shampoo", 22.0), ("Hair mask", 28.0), ("Hair serum", 34.0), ("Texture spray", 19.5)]
STAFF = [f"Stylist {i:02d}" for i in range(1, 41)]
END = pd.Timestamp("2026-11-20")


def frame(lines: int, seed: int = 1, clients: int | None = None) -> pd.DataFrame:
    """A DataFrame of ``lines`` export lines (vectorised; 10M lines in well under a minute)."""
    rng = np.random.default_rng(seed)
    clients = clients or max(50, lines // 25)
    client = np.minimum(rng.zipf(1.6, lines), clients) - 1
    client = (client * 2654435761) % clients  # spread the heavy clients over the id range
    every = min(clients, lines)
    client[:every] = np.arange(every)  # every client has at least one line
    days = rng.integers(0, 365 * 10, lines)
    date = END - pd.to_timedelta(days, unit="D") + pd.to_timedelta(rng.integers(0, 45, lines) * (days < 20), unit="D")
    is_product = rng.random(lines) < 0.12
    service = rng.integers(0, len(SERVICES), lines)
    product = rng.integers(0, len(PRODUCTS), lines)
    item = np.where(
        is_product, np.array([p[0] for p in PRODUCTS])[product], np.array([s[0] for s in SERVICES])[service]
    )
    price = np.where(
        is_product, np.array([p[1] for p in PRODUCTS])[product], np.array([s[2] for s in SERVICES])[service]
    )
    category = np.where(is_product, "Retail", np.array([s[1] for s in SERVICES])[service])
    roll = rng.random(lines)
    status = np.select([date > END, roll < 0.03, roll < 0.07], ["Confirmed", "No show", "Cancelled"], "Completed")
    return pd.DataFrame(
        {
            "Client ID": client + 1000,
            "Client Name": pd.Series(client).map(lambda c: f"Client {c:07d}").to_numpy(),
            "Email": pd.Series(client).map(lambda c: f"client{c}@example.com").to_numpy(),
            "Appointment Date": pd.Series(date).dt.strftime("%Y-%m-%d").to_numpy(),
            "Start Time": np.array([f"{h:02d}:{m:02d}" for h in range(9, 19) for m in (0, 15, 30, 45)])[
                rng.integers(0, 40, lines)
            ],
            "Service": item,
            "Type": np.where(is_product, "Product", "Service"),
            "Category": category,
            "Staff": np.array(STAFF)[rng.integers(0, len(STAFF), lines)],
            "Price": np.char.mod("%.2f", price),
            "Status": status,
        }
    )[HEADER]


EU_HEADER = {"Client ID": "Klantnummer", "Client Name": "Klantnaam", "Email": "E-mail", "Appointment Date": "Datum",
             "Start Time": "Tijd", "Service": "Omschrijving", "Type": "Soort", "Category": "Categorie",
             "Staff": "Medewerker", "Price": "Bedrag", "Status": "Status"}  # fmt: skip
EU_WORDS = {"Type": {"Service": "Behandeling", "Product": "Product"},
            "Status": {"Completed": "Afgerond", "No show": "Niet verschenen", "Cancelled": "Geannuleerd",
                       "Confirmed": "Gepland"}}  # fmt: skip
SHAPES = ("en", "eu")


def european(part: pd.DataFrame) -> pd.DataFrame:
    """The same lines as a Dutch-style export: dd-mm-yyyy, decimal comma ("35,00"), Dutch words."""
    part = part.copy()
    day = part["Appointment Date"].str
    part["Appointment Date"] = day.slice(8, 10) + "-" + day.slice(5, 7) + "-" + day.slice(0, 4)
    part["Price"] = part["Price"].str.replace(".", ",", regex=False)
    for column, words in EU_WORDS.items():
        part[column] = part[column].map(words)
    return part.rename(columns=EU_HEADER)


def write(
    path: Path, lines: int, seed: int = 1, chunk: int = 1_000_000, clients: int | None = None, shape: str = "en"
) -> Path:
    """Write the export in chunks so 20M lines fit in memory; ``shape`` "en" (',' ISO dates) or "eu"."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        for start in range(0, lines, chunk):
            part = frame(min(chunk, lines - start), seed=seed + start, clients=clients or max(50, lines // 25))
            if shape == "eu":
                european(part).to_csv(handle, index=False, header=start == 0, lineterminator="\n", sep=";")
            else:
                part.to_csv(handle, index=False, header=start == 0, lineterminator="\n")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--shape", choices=SHAPES, default="en", help="en: ',' and ISO dates; eu: ';', dd-mm-yyyy")
    args = parser.parse_args()
    write(args.out, args.lines, args.seed, shape=args.shape)


if __name__ == "__main__":
    main()
