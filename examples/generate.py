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

RUSSIAN = Language(
    header=(
        "Дата",
        "Время",
        "Код клиента",
        "Клиент",
        "Телефон",
        "Услуга",
        "Тип",
        "Категория",
        "Мастер",
        "Сумма, руб.",
        "Статус",
        "Источник",
        "Email",
    ),
    services=(
        ("Стрижка женская", "Стрижки", 1800.0),
        ("Стрижка мужская", "Стрижки", 1100.0),
        ("Окрашивание", "Окрашивание", 4500.0),
        ("Мелирование", "Окрашивание", 5200.0),
        ("Укладка", "Укладки", 1200.0),
        ("Маникюр", "Ногтевой сервис", 1500.0),
        ("Уход за лицом", "Косметология", 3200.0),
    ),
    products=(
        ("Шампунь восстанавливающий", 1250.0),
        ("Кондиционер", 1190.0),
        ("Маска для волос", 1650.0),
        ("Сыворотка для кончиков", 1890.0),
        ("Спрей термозащита", 990.0),
    ),
    product_category="Товары",
    kinds=("Услуга", "Товар"),
    statuses={"completed": "Выполнено", "no_show": "Неявка", "cancelled": "Отменено", "booked": "Записан"},
    first_names=(
        "Анна",
        "Мария",
        "Елена",
        "Ольга",
        "Наталья",
        "Ирина",
        "Татьяна",
        "Светлана",
        "Екатерина",
        "Юлия",
        "Дарья",
        "Алина",
        "Ксения",
        "Виктория",
        "Полина",
        "Софья",
        "Евгения",
        "Александра",
        "Валерия",
        "Надежда",
        "Людмила",
        "Галина",
        "Марина",
        "Валентина",
        "Оксана",
        "Вера",
        "Нина",
        "Лариса",
        "Жанна",
        "Кристина",
    ),
    last_names=(
        "Иванова",
        "Смирнова",
        "Кузнецова",
        "Попова",
        "Васильева",
        "Петрова",
        "Соколова",
        "Михайлова",
        "Новикова",
        "Федорова",
        "Морозова",
        "Волкова",
        "Алексеева",
        "Лебедева",
        "Семенова",
        "Егорова",
        "Павлова",
        "Козлова",
        "Степанова",
        "Николаева",
        "Орлова",
        "Андреева",
        "Макарова",
        "Никитина",
        "Захарова",
    ),
    staff=("Светлана", "Гульнара", "Артём", "Ирина"),
    sources=("Instagram", "Яндекс Карты", "Рекомендация", "Проходил мимо", ""),
    mail_domain="example.ru",
)

GERMAN = Language(
    header=("Datum", "Kundennummer", "Kunde", "Leistung", "Art", "Kategorie", "Mitarbeiter", "Betrag", "Status"),
    services=(
        ("Damenhaarschnitt", "Schnitt", 52.0),
        ("Herrenhaarschnitt", "Schnitt", 29.0),
        ("Färben", "Farbe", 79.0),
        ("Strähnen", "Farbe", 98.0),
        ("Föhnen", "Styling", 28.0),
        ("Maniküre", "Nägel", 34.0),
        ("Gesichtsbehandlung", "Kosmetik", 68.0),
    ),
    products=(
        ("Shampoo Repair", 19.5),
        ("Spülung Repair", 21.0),
        ("Haarkur", 26.5),
        ("Haarserum", 31.0),
        ("Haarspray", 15.5),
    ),
    product_category="Verkauf",
    kinds=("Dienstleistung", "Produkt"),
    statuses={"completed": "Erledigt", "no_show": "Nicht erschienen", "cancelled": "Storniert", "booked": "Geplant"},
    first_names=(
        "Anna",
        "Lena",
        "Laura",
        "Julia",
        "Sarah",
        "Lisa",
        "Katharina",
        "Sabine",
        "Petra",
        "Monika",
        "Claudia",
        "Andrea",
        "Stefanie",
        "Nicole",
        "Sandra",
        "Jonas",
        "Lukas",
        "Felix",
        "Maximilian",
        "Paul",
        "Ursula",
        "Brigitte",
        "Renate",
        "Karin",
        "Heike",
        "Birgit",
        "Silke",
        "Anja",
        "Jana",
        "Miriam",
    ),
    last_names=(
        "Müller",
        "Schmidt",
        "Schneider",
        "Fischer",
        "Weber",
        "Meyer",
        "Wagner",
        "Becker",
        "Schulz",
        "Hoffmann",
        "Schäfer",
        "Koch",
        "Bauer",
        "Richter",
        "Klein",
        "Wolf",
        "Schröder",
        "Neumann",
        "Schwarz",
        "Zimmermann",
        "Braun",
        "Krüger",
        "Hofmann",
        "Hartmann",
        "Lange",
    ),
    staff=("Jasmin", "Tobias", "Melanie", "Kerstin"),
    sources=("",),
    mail_domain="example.de",
)

# archetype: (share of clients, mean days between visits, chance a visit includes a product)
ARCHETYPES = {
    "loyal_retail": (0.14, 24, 0.55),
    "loyal": (0.16, 25, 0.08),
    "occasional": (0.22, 80, 0.12),
    "drifted": (0.14, 35, 0.15),
    "new": (0.10, 40, 0.2),
    "one_timer": (0.24, 0, 0.1),
}


PHONES = {
    "nl": lambda rng: f"06-{rng.randint(10_000_000, 99_999_999)}",
    "com": lambda rng: f"07700 {rng.randint(900000, 999999)}",
    "ru": lambda rng: f"+7 9{rng.randint(10, 99)} {rng.randint(100, 999)}-{rng.randint(10, 99)}-{rng.randint(10, 99)}",
    "de": lambda rng: f"0151 {rng.randint(1_000_000, 9_999_999)}",
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
        phone = PHONES[lang.mail_domain.rsplit(".", 1)[1]](rng)
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


def _grouped_money(value: float) -> str:
    """1 234,50 (Russian: space thousands, decimal comma)."""
    return f"{value:,.2f}".replace(",", " ").replace(".", ",")


def write_russian(path: Path) -> None:
    """A YCLIENTS-style export saved from Excel: Windows-1251, semicolons, dd.mm.yyyy, '1 800,00'."""
    with path.open("w", encoding="cp1251", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\r\n")
        writer.writerow(RUSSIAN.header)
        for row in _rows(RUSSIAN, seed=7301, clients=240):
            writer.writerow([
                row["date"].strftime("%d.%m.%Y"), row["time"], row["client_id"], row["name"], row["phone"],
                row["item"], row["kind"], row["category"], row["staff"], _grouped_money(float(row["amount"])),
                RUSSIAN.statuses[str(row["status"])], row["source"], row["email"],
            ])  # fmt: skip


NOTES = ("", "", "", "", "Prefers a quiet chair", 'Asked for "the usual", same as last time',
         "Allergic to PPD.\nPatch test done, see card", "Running late, called ahead\nStarted 10 min later")  # fmt: skip


def write_fresha_style(path: Path) -> None:
    """A Fresha-style sales export: every field quoted, ISO date-times, net and gross sales, multi-line notes."""
    rng = random.Random(99)
    header = ("Sale date", "Sale no.", "Client", "Client email", "Client mobile", "Item", "Type", "Category",
              "Team member", "Gross sales", "Net sales", "Status", "Notes")  # fmt: skip
    visit_numbers: dict[tuple[str, object], int] = {}
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, quoting=csv.QUOTE_ALL, lineterminator="\n")
        writer.writerow(header)
        for row in _rows(ENGLISH, seed=515, clients=220):
            sale = visit_numbers.setdefault((str(row["client_id"]), row["date"]), 40_000 + len(visit_numbers))
            gross = float(row["amount"])
            writer.writerow([
                f"{row['date']:%Y-%m-%d} {row['time']}", sale, row["name"], row["email"], row["phone"], row["item"],
                row["kind"], row["category"], row["staff"], f"{gross:.2f}", f"{gross / 1.2:.2f}",
                ENGLISH.statuses[str(row["status"])], rng.choice(NOTES),
            ])  # fmt: skip


def write_till_style(path: Path, products_path: Path) -> None:
    """A Canadian till: services and retail in one file, m/d/Y 12-hour times, GST/PST, no type column."""
    receipts: dict[tuple[str, object], int] = {}
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(("Receipt", "Date", "Description", "Client", "Staff", "Quantity", "Amount", "GST", "PST"))
        for row in _rows(ENGLISH, seed=1867, clients=200):
            if row["status"] != "completed" or row["date"] > LAST_DAY:
                continue  # a till only sees paid sales
            receipt = receipts.setdefault((str(row["client_id"]), row["date"]), 10_000 + len(receipts))
            hour, minute = (int(part) for part in str(row["time"]).split(":"))
            clock = f"{(hour - 1) % 12 + 1}:{minute:02d} {'PM' if hour >= 12 else 'AM'}"
            day = row["date"]
            amount = float(row["amount"])
            writer.writerow([
                receipt, f"{day.month}/{day.day}/{day.year} {clock}", row["item"], row["name"], row["staff"], 1,
                f"{amount:.2f}", f"{amount * 0.05:.2f}", f"{amount * 0.07:.2f}",
            ])  # fmt: skip
    with products_path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(("Product Name", "SKU", "Retail Price", "In Stock"))
        for number, (name, price) in enumerate(ENGLISH.products, start=1):
            writer.writerow((name, f"RT-{number:03d}", f"{price:.2f}", 12 + number))


def write_excel_report(path: Path) -> None:
    """A German desktop-system report: title rows above the header, real date cells, a 'Gesamt' row."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Umsatz"
    rows = [r for r in _rows(GERMAN, seed=3141, clients=160) if r["date"] <= LAST_DAY]
    sheet.append(["Umsatzbericht Salon Haarmonie"])
    sheet.append([f"Zeitraum: {START:%d.%m.%Y} – {LAST_DAY:%d.%m.%Y}"])
    sheet.append([])
    sheet.append(list(GERMAN.header))
    for row in rows:
        when = dt.datetime.combine(row["date"], dt.time(*(int(p) for p in str(row["time"]).split(":"))))
        sheet.append([when, int(str(row["client_id"])), row["name"], row["item"], row["kind"], row["category"],
                      row["staff"], float(row["amount"]), GERMAN.statuses[str(row["status"])]])  # fmt: skip
        sheet.cell(sheet.max_row, 1).number_format = "DD.MM.YYYY HH:MM"
    sheet.append(["Gesamt", None, None, None, None, None, None, round(sum(float(r["amount"]) for r in rows), 2)])
    workbook.properties.created = dt.datetime(2026, 11, 20)
    workbook.properties.modified = dt.datetime(2026, 11, 20)
    workbook.save(path)


def write_client_list(path: Path) -> None:
    """A Booksy/Salonized-style client list with totals (no visit history), plus contacts who never came."""
    rows = [r for r in _rows(ENGLISH, seed=2718, clients=240) if r["status"] == "completed" and r["date"] <= LAST_DAY]
    clients: dict[str, dict[str, object]] = {}
    for row in rows:
        entry = clients.setdefault(str(row["client_id"]), {"row": row, "days": set(), "spent": 0.0, "products": 0.0})
        entry["days"].add(row["date"])  # type: ignore[union-attr]
        entry["spent"] = float(entry["spent"]) + float(row["amount"])  # type: ignore[arg-type]
        if row["kind"] == ENGLISH.kinds[1]:
            entry["products"] = float(entry["products"]) + float(row["amount"])  # type: ignore[arg-type]
    rng = random.Random(8)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(("First name", "Last name", "Email", "Phone", "Created", "First visit", "Last visit",
                         "Visits", "Total spent", "Product sales"))  # fmt: skip
        for entry in clients.values():
            row, days = entry["row"], sorted(entry["days"])  # type: ignore[arg-type]
            first, last = str(row["name"]).split(" ", 1)  # type: ignore[index]
            created = days[0] - dt.timedelta(days=rng.randint(0, 20))
            writer.writerow([first, last, row["email"], row["phone"], f"{created:%d/%m/%Y}",  # type: ignore[index]
                             f"{days[0]:%d/%m/%Y}", f"{days[-1]:%d/%m/%Y}", len(days),
                             f"£{float(entry['spent']):,.2f}", f"£{float(entry['products']):,.2f}"])  # type: ignore[arg-type]  # fmt: skip
        for number in range(25):  # registered online, never came in
            created = START + dt.timedelta(days=rng.randint(0, (LAST_DAY - START).days))
            writer.writerow([rng.choice(ENGLISH.first_names), f"Prospect{number:02d}", "", "", f"{created:%d/%m/%Y}",
                             "", "", 0, "£0.00", "£0.00"])  # fmt: skip


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
    write_russian(HERE / "salon-ru-cp1251.csv")
    write_fresha_style(HERE / "fresha-sales.csv")
    write_till_style(HERE / "till-sales.csv", HERE / "till-products.csv")
    write_excel_report(HERE / "umsatzbericht.xlsx")
    write_client_list(HERE / "client-list.csv")


if __name__ == "__main__":
    main()
