"""Generate the synthetic salon exports in examples/ (deterministic: same files on every run).

    python examples/generate.py

Clients follow archetypes a real salon has: regulars every 3-6 weeks (some buying retail products),
occasional clients, new clients, regulars who drifted away, and one-timers from years ago; with
no-shows, cancellations, a refund, and bookings after the last day of data.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).parent
START = dt.date(2022, 9, 1)
LAST_DAY = dt.date(2026, 11, 20)  # the latest completed visit in every example


@dataclass(frozen=True)
class Language:
    header: tuple[str, ...]
    services: tuple[tuple[str, str, float], ...]  # item, category, price
    products: tuple[tuple[str, float], ...]
    product_category: str
    kinds: tuple[str, str]  # service word, product word
    statuses: dict[str, str]
    first_names: tuple[str, ...]
    last_names: tuple[str, ...]
    staff: tuple[str, ...]
    sources: tuple[str, ...]
    mail_domain: str


DUTCH = Language(
    header=(
        "Klantnummer",
        "Klantnaam",
        "E-mail",
        "Telefoon",
        "Datum",
        "Tijd",
        "Omschrijving",
        "Soort",
        "Categorie",
        "Medewerker",
        "Bedrag",
        "Status",
        "Herkomst",
    ),
    services=(
        ("Knippen dames", "Knippen", 45.0),
        ("Knippen heren", "Knippen", 28.5),
        ("Kleuren", "Kleuren", 75.0),
        ("Highlights", "Kleuren", 95.0),
        ("Föhnen", "Styling", 25.0),
        ("Manicure", "Nagels", 35.0),
        ("Gezichtsbehandeling", "Huid", 65.0),
    ),
    products=(
        ("Shampoo Repair", 18.5),
        ("Conditioner Repair", 19.95),
        ("Haarmasker", 24.5),
        ("Haarserum", 29.95),
        ("Stylingspray", 16.5),
    ),
    product_category="Verkoop",
    kinds=("Behandeling", "Product"),
    statuses={"completed": "Afgerond", "no_show": "Niet verschenen", "cancelled": "Geannuleerd", "booked": "Gepland"},
    first_names=(
        "Anna",
        "Sanne",
        "Lotte",
        "Emma",
        "Fleur",
        "Iris",
        "Julia",
        "Sophie",
        "Eva",
        "Lisa",
        "Anouk",
        "Femke",
        "Mila",
        "Noor",
        "Roos",
        "Tess",
        "Daan",
        "Bram",
        "Joris",
        "Ruben",
        "Ingrid",
        "Marijke",
        "Wendy",
        "Petra",
        "Els",
        "Karin",
        "Yvonne",
        "Linda",
        "Esther",
        "Monique",
    ),
    last_names=(
        "de Vries",
        "Jansen",
        "van den Berg",
        "Bakker",
        "Visser",
        "Smit",
        "Meijer",
        "de Boer",
        "Mulder",
        "de Groot",
        "Bos",
        "Vos",
        "Peters",
        "Hendriks",
        "van Leeuwen",
        "Dekker",
        "Brouwer",
        "de Wit",
        "Dijkstra",
        "Smits",
        "de Graaf",
        "van der Meer",
        "Kok",
        "Jacobs",
        "de Haan",
    ),
    staff=("Marieke", "Sandra", "Kevin", "Linda"),
    sources=("Instagram", "Google", "Via vriendin", "Voorbijgelopen", ""),
    mail_domain="example.nl",
)

ENGLISH = Language(
    header=("Client ID", "Client Name", "Email", "Mobile", "Appointment Date", "Start Time", "Service", "Type",
            "Category", "Staff", "Price", "Status", "Referral Source"),
    services=(("Women's cut", "Cuts", 55.0), ("Men's cut", "Cuts", 32.0), ("Colour", "Colour", 85.0),
              ("Balayage", "Colour", 140.0), ("Blow dry", "Styling", 35.0), ("Gel manicure", "Nails", 38.0),
              ("Facial", "Skin", 70.0)),
    products=(("Repair shampoo", 22.0), ("Repair conditioner", 24.0), ("Hair mask", 28.0), ("Hair serum", 34.0),
              ("Texture spray", 19.5)),
    product_category="Retail",
    kinds=("Service", "Product"),
    statuses={"completed": "Completed", "no_show": "No show", "cancelled": "Cancelled", "booked": "Confirmed"},
    first_names=("Olivia", "Amelia", "Isla", "Ava", "Mia", "Grace", "Sophie", "Emily", "Ella", "Lily", "Chloe",
                 "Hannah", "Lucy", "Ruby", "Zara", "Jack", "Oliver", "Harry", "George", "Noah", "Margaret",
                 "Susan", "Karen", "Helen", "Claire", "Rachel", "Joanne", "Laura", "Fiona", "Nicola"),
    last_names=("Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel", "Wright",
                "Robinson", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Clarke",
                "Jackson", "Hughes", "Edwards", "Turner", "Hill"),
    staff=("Megan", "Priya", "Tom", "Jade"),
    sources=("Instagram", "Google", "Friend referral", "Walk-in", ""),
    mail_domain="example.com",
)  # fmt: skip

# archetype: (share of clients, mean days between visits, chance a visit includes a product)
ARCHETYPES = {
    "loyal_retail": (0.14, 24, 0.55),
    "loyal": (0.16, 25, 0.08),
    "occasional": (0.22, 80, 0.12),
    "drifted": (0.14, 35, 0.15),
    "new": (0.10, 40, 0.2),
    "one_timer": (0.24, 0, 0.1),
}


def _client_visits(rng: random.Random, archetype: str, gap: int) -> list[dt.date]:
    span = (LAST_DAY - START).days
    if archetype == "one_timer":
        first = START + dt.timedelta(days=rng.randint(0, span - 200))
        return [first + dt.timedelta(days=rng.choice([0, 0, 45, 120]) * i) for i in range(rng.randint(1, 2))]
    if archetype == "new":
        first = LAST_DAY - dt.timedelta(days=rng.randint(5, 80))
        dates = [first]
        if rng.random() < 0.5 and (LAST_DAY - first).days > 35:
            dates.append(first + dt.timedelta(days=rng.randint(25, (LAST_DAY - first).days)))
        return dates
    start = START + dt.timedelta(days=rng.randint(0, span // 2))
    stop = LAST_DAY if archetype != "drifted" else LAST_DAY - dt.timedelta(days=rng.randint(75, 900))
    dates, day = [], start
    while day <= stop:
        dates.append(day)
        day += dt.timedelta(days=max(7, int(rng.gauss(gap, gap * 0.2))))
    return dates


def _rows(lang: Language, seed: int, clients: int) -> list[dict[str, str | float | dt.date]]:
    rng = random.Random(seed)
    names = set()
    rows: list[dict[str, str | float | dt.date]] = []
    kinds = list(ARCHETYPES)
    weights = [ARCHETYPES[k][0] for k in kinds]
    for number in range(1, clients + 1):
        while True:
            name = f"{rng.choice(lang.first_names)} {rng.choice(lang.last_names)}"
            if name not in names:
                names.add(name)
                break
        archetype = rng.choices(kinds, weights)[0]
        _, gap, product_chance = ARCHETYPES[archetype]
        client_id = f"{1000 + number}"
        email = name.lower().replace(" ", ".").replace("'", "") + "@" + lang.mail_domain
        phone = f"06-{rng.randint(10_000_000, 99_999_999)}" if lang is DUTCH else f"07700 {rng.randint(900000, 999999)}"
        staff = rng.choice(lang.staff)
        service = rng.choice(lang.services)
        source = rng.choice(lang.sources)
        base = {"client_id": client_id, "name": name, "email": email if rng.random() < 0.85 else "",
                "phone": phone, "source": source}  # fmt: skip
        visits = _client_visits(rng, archetype, gap)
        if archetype in ("loyal", "loyal_retail") and rng.random() < 0.6:
            visits.append(LAST_DAY + dt.timedelta(days=rng.randint(3, 40)))  # booked ahead
        for day in visits:
            while day.weekday() == 6:  # closed on Sunday
                day += dt.timedelta(days=1)
            future = day > LAST_DAY
            roll = rng.random()
            status = "booked" if future else "no_show" if roll < 0.03 else "cancelled" if roll < 0.07 else "completed"
            time = f"{rng.randint(9, 17):02d}:{rng.choice(['00', '15', '30', '45'])}"
            this_service = service if rng.random() < 0.7 else rng.choice(lang.services)
            rows.append({**base, "date": day, "time": time, "item": this_service[0], "kind": lang.kinds[0],
                         "category": this_service[1], "staff": staff, "amount": this_service[2],
                         "status": status})  # fmt: skip
            if status == "completed" and rng.random() < product_chance:
                product = rng.choice(lang.products)
                rows.append({**base, "date": day, "time": time, "item": product[0], "kind": lang.kinds[1],
                             "category": lang.product_category, "staff": staff, "amount": product[1],
                             "status": status})  # fmt: skip
    last = rows[0]
    rows.append({**last, "date": LAST_DAY, "time": "16:30", "status": "completed"})  # pin the latest visit day
    refund = next(r for r in rows if r["kind"] == lang.kinds[1] and r["status"] == "completed")
    rows.append({**refund, "amount": -float(refund["amount"])})  # a returned product
    rows.sort(key=lambda r: (r["date"], r["time"], r["client_id"]))
    return rows


def _money(value: float, decimal: str) -> str:
    text = f"{value:.2f}"
    return text.replace(".", ",") if decimal == "," else text


def write_export(path: Path, lang: Language, *, seed: int, clients: int, delimiter: str, decimal: str,
                 date_format: str, encoding: str, currency_prefix: str = "") -> None:  # fmt: skip
    """Write one export in the given dialect."""
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter, lineterminator="\r\n")
        writer.writerow(lang.header)
        for row in _rows(lang, seed, clients):
            writer.writerow([
                row["client_id"], row["name"], row["email"], row["phone"],
                row["date"].strftime(date_format), row["time"], row["item"], row["kind"], row["category"],
                row["staff"], currency_prefix + _money(float(row["amount"]), decimal),
                lang.statuses[str(row["status"])], row["source"],
            ])  # fmt: skip


def main() -> None:
    write_export(
        HERE / "salon-nl.csv",
        DUTCH,
        seed=20261122,
        clients=320,
        delimiter=";",
        decimal=",",
        date_format="%d-%m-%Y",
        encoding="utf-8-sig",
        currency_prefix="€ ",
    )
    write_export(HERE / "salon-en.csv", ENGLISH, seed=4242, clients=280, delimiter=",", decimal=".",
                 date_format="%Y-%m-%d", encoding="utf-8")  # fmt: skip


if __name__ == "__main__":
    main()
