"""Recognise export headers in English, Dutch, Russian, German and French, and find the header row.

Matching ignores case, accents and punctuation. An exact match beats a header that merely contains a
synonym; within a field, earlier synonyms win (so a net amount is preferred over a gross total).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

# Import fields (a few more than ledger columns: names split in two, client id vs. identity key).
CLIENT_ID = "client_id"
CLIENT_NAME = "client_name"
FIRST_NAME = "first_name"
LAST_NAME = "last_name"
EMAIL = "email"
PHONE = "phone"
DATE = "date"
TIME = "time"
ITEM = "item"
KIND = "kind"
CATEGORY = "category"
STAFF = "staff"
AMOUNT = "amount"
QUANTITY = "quantity"
STATUS = "status"
SOURCE = "source"
LINE_ID = "line_id"  # receipt / appointment / line id: the same id in two exports is the same line
# client-list fields (one row per client with totals)
FIRST_VISIT = "first_visit"
LAST_VISIT = "last_visit"
VISIT_COUNT = "visit_count"
TOTAL_SPENT = "total_spent"
SERVICE_SPENT = "service_spent"
PRODUCT_SPENT = "product_spent"
CREATED = "created"
CLIENT_LIST_FIELDS = (FIRST_VISIT, LAST_VISIT, VISIT_COUNT, TOTAL_SPENT, SERVICE_SPENT, PRODUCT_SPENT, CREATED)

SYNONYMS: Mapping[str, tuple[str, ...]] = {
    CLIENT_ID: (
        "client id", "customer id", "client number", "customer number", "client no", "client nr", "guest id",
        "klantnummer", "klantnr", "klant id", "klantcode", "klant nr",
        "код клиента", "номер клиента", "id клиента", "клиент id",
        "kundennummer", "kunden nr", "kundennr", "kunden id",
        "n client", "no client", "numero client", "id client", "code client",
    ),
    CLIENT_NAME: (
        "client name", "customer name", "client", "customer", "guest", "guest name", "name", "full name",
        "klantnaam", "klant", "naam", "client naam",
        "клиент", "фио", "имя клиента", "гость", "фио клиента",
        "kunde", "kundin", "kundenname",
        "nom client", "nom du client", "cliente", "nom", "nome cliente", "nominativo",
    ),
    FIRST_NAME: ("first name", "firstname", "given name", "voornaam", "имя", "vorname", "prenom", "nome"),
    LAST_NAME: (
        "last name", "lastname", "surname", "family name", "achternaam", "фамилия", "nachname", "nom de famille",
        "cognome",
    ),
    EMAIL: (
        "email", "e mail", "email address", "e mail address", "emailadres", "e mailadres",
        "эл почта", "электронная почта", "почта", "courriel", "adresse e mail",
    ),
    PHONE: (
        "phone", "mobile", "phone number", "mobile phone", "telephone", "cell",
        "telefoon", "mobiel", "telefoonnummer", "mobiel nummer",
        "телефон", "мобильный", "мобильный телефон", "номер телефона",
        "telefon", "handy", "mobilnummer", "portable", "numero de telephone",
    ),
    DATE: (
        "date", "appointment date", "sale date", "visit date", "start date", "booking date", "transaction date",
        "datum", "afspraakdatum", "datum afspraak", "verkoopdatum",
        "дата", "дата визита", "дата записи", "дата продажи",
        "termin", "termindatum", "date du rendez vous", "date rendez vous", "data", "data appuntamento",
    ),
    TIME: (
        "time", "start time", "appointment time", "tijd", "starttijd", "begintijd",
        "время", "время начала", "время записи", "uhrzeit", "beginn", "heure", "heure de debut",
    ),
    ITEM: (
        "service", "product", "item", "description", "service name", "treatment", "item name",
        "behandeling", "dienst", "omschrijving", "artikel omschrijving",
        "услуга", "товар", "наименование", "название услуги", "услуга товар",
        "leistung", "dienstleistung", "artikel", "bezeichnung", "prestation", "produit", "designation",
    ),
    KIND: ("type", "item type", "sale type", "soort", "тип", "вид", "art", "typ", "type de vente"),
    CATEGORY: (
        "category", "service group", "group", "department", "categorie", "groep", "afdeling",
        "категория", "группа", "отдел", "kategorie", "gruppe", "abteilung", "famille",
    ),
    STAFF: (
        "staff", "team member", "employee", "stylist", "staff member", "therapist", "provider",
        "medewerker", "kapper", "stylist", "behandelaar", "werknemer",
        "мастер", "сотрудник", "специалист", "mitarbeiter", "friseur", "friseurin",
        "employe", "coiffeur", "coiffeuse", "praticien", "operatore", "dipendente",
    ),
    AMOUNT: (
        "net amount", "net", "net sales", "net total", "amount excl vat", "netto", "netto bedrag", "bedrag excl btw",
        "amount", "price", "revenue", "total", "sales", "paid", "amount paid", "line total",
        "prijs", "bedrag", "totaal", "omzet", "betaald",
        "сумма", "продано", "стоимость", "цена", "итого", "выручка", "оплачено",
        "preis", "betrag", "umsatz", "summe", "prix", "montant", "total ttc", "chiffre d affaires",
        "importo", "prezzo", "totale",
    ),
    QUANTITY: (
        "qty", "quantity", "units", "aantal", "кол во", "количество", "menge", "anzahl", "quantite", "quantita",
    ),
    STATUS: (
        "status", "appointment status", "state", "afspraakstatus", "статус", "статус записи", "statut", "etat",
    ),
    SOURCE: (
        "source", "referral", "referral source", "how did you hear", "channel", "marketing source",
        "bron", "herkomst", "источник", "откуда узнал", "канал", "quelle", "herkunft", "provenance", "fonte",
    ),
    LINE_ID: (
        "receipt", "receipt id", "receipt no", "receipt number", "invoice", "invoice number", "appointment id",
        "booking id", "line id", "sale id", "sale no", "sale number", "transaction id", "order id", "ticket",
        "bonnummer", "bon", "factuurnummer", "afspraak id", "boeking id",
        "номер чека", "чек", "номер записи", "id записи", "номер документа",
        "belegnummer", "beleg", "rechnungsnummer", "numero de ticket", "numero facture", "scontrino",
    ),
    FIRST_VISIT: (
        "first visit", "first visit date", "first appointment", "eerste bezoek", "eerste afspraak",
        "первый визит", "дата первого визита", "erster besuch", "erster termin", "premiere visite",
        "primo appuntamento",
    ),
    LAST_VISIT: (
        "last visit", "last visit date", "last appointment", "last seen", "laatste bezoek", "laatste afspraak",
        "последний визит", "дата последнего визита", "letzter besuch", "letzter termin", "derniere visite",
        "ultimo appuntamento", "ultima visita",
    ),
    VISIT_COUNT: (
        "visits", "number of visits", "total visits", "visit count", "appointments", "total appointments",
        "check ins", "completed visits",
        "aantal bezoeken", "bezoeken", "aantal afspraken", "количество визитов", "визитов", "визиты", "всего визитов",
        "anzahl besuche", "besuche", "nombre de visites", "visites", "numero visite",
    ),
    TOTAL_SPENT: (
        "total spent", "total spend", "lifetime value", "total sales", "spent", "amount spent", "total revenue",
        "total invoiced", "total invoiced value", "invoiced", "продано всего",
        "totaal besteed", "besteed", "totale omzet", "сумма продаж", "потрачено", "всего оплачено", "сумма покупок",
        "общая сумма", "umsatz gesamt", "gesamtumsatz", "total depense", "speso totale",
    ),
    SERVICE_SPENT: (
        "service sales", "services spent", "spent on services", "service revenue", "omzet behandelingen",
        "invoiced services", "services invoiced",
        "услуги сумма", "сумма услуг", "dienstleistungsumsatz", "ventes prestations",
    ),
    PRODUCT_SPENT: (
        "product sales", "products spent", "spent on products", "product revenue", "retail sales",
        "invoiced products", "products invoiced",
        "omzet producten", "сумма товаров", "товары сумма", "produktumsatz", "ventes produits",
    ),
    CREATED: (
        "created", "created at", "date created", "added", "date added", "client since", "customer since",
        "registration date", "registered", "aangemaakt", "klant sinds", "datum aangemaakt", "inschrijfdatum",
        "дата регистрации", "дата создания", "добавлен", "клиент с", "erstellt", "kunde seit", "date de creation",
        "client depuis", "data registrazione",
    ),
}  # fmt: skip

FIELDS = tuple(SYNONYMS)


def normalize_header(text: object) -> str:
    """Case-fold, strip accents (ё→е too), replace punctuation by spaces, collapse spaces."""
    value = unicodedata.normalize("NFKD", str(text)).casefold()
    value = "".join(ch for ch in value if not unicodedata.combining(ch))
    value = re.sub(r"[\W_]+", " ", value, flags=re.UNICODE)
    return " ".join(value.split())


_EXACT: dict[str, tuple[str, int]] = {}
for _field, _words in SYNONYMS.items():
    for _rank, _word in enumerate(_words):
        _EXACT.setdefault(normalize_header(_word), (_field, _rank))


@dataclass(frozen=True)
class HeaderMatch:
    """How one export header was recognised: field, exact or contained, and the synonym's rank."""

    field: str
    exact: bool
    rank: int


def header_candidates(header: object) -> list[HeaderMatch]:
    """Every field a header may name, best first: the exact match, then contained synonyms, longest first.

    'Client email' contains 'client' and 'email': when the client name is already mapped, it is the e-mail.
    """
    return list(_candidates(normalize_header(header)))


# synonyms of three characters or more by their first word: a header can only contain those whose first word it has
_BY_FIRST_WORD: dict[str, list[tuple[int, str, str, int]]] = {}
for _position, (_synonym, (_field, _rank)) in enumerate(_EXACT.items()):
    if len(_synonym) >= 3:
        _BY_FIRST_WORD.setdefault(_synonym.split(" ")[0], []).append((_position, _synonym, _field, _rank))


@lru_cache(maxsize=65536)
def _candidates(normalized: str) -> tuple[HeaderMatch, ...]:
    """``header_candidates`` of a normalised header (the header search meets the same cells many times)."""
    if not normalized:
        return ()
    candidates: list[HeaderMatch] = []
    if normalized in _EXACT:
        field, rank = _EXACT[normalized]
        candidates.append(HeaderMatch(field, True, rank))
    padded = f" {normalized} "
    possible = sorted(entry for word in set(normalized.split(" ")) for entry in _BY_FIRST_WORD.get(word, ()))
    contained = sorted(
        ((len(synonym), field, rank) for _, synonym, field, rank in possible if f" {synonym} " in padded),
        key=lambda item: (-item[0], item[2]),
    )
    seen = {c.field for c in candidates}
    for _, field, rank in contained:
        if field not in seen:
            candidates.append(HeaderMatch(field, False, rank))
            seen.add(field)
    return tuple(candidates)


def match_header(header: object) -> HeaderMatch | None:
    """The field a single header most likely names, or None. 'Datum afspraak' contains 'datum'."""
    candidates = header_candidates(header)
    return candidates[0] if candidates else None


def header_positions(headers: Sequence[object]) -> dict[str, int]:
    """Normalised header text → the position of its first column (the one place a header is looked up by text)."""
    positions: dict[str, int] = {}
    for position, text in enumerate(headers):
        positions.setdefault(normalize_header(text), position)
    return positions


def map_columns(headers: Sequence[str], overrides: Mapping[str, str] | None = None) -> dict[str, int]:
    """Field → column position. Overrides (field → exact header text) win; each column serves one field.

    Exact header matches are assigned first (best synonym rank first), then contained matches in column order,
    each header taking its best candidate whose field is still free.
    """
    overrides = dict(overrides or {})
    unknown = sorted(set(overrides) - set(FIELDS))
    if unknown:
        raise ValueError(f"unknown field(s) {', '.join(unknown)} in the column mapping; fields are {', '.join(FIELDS)}")
    mapping: dict[str, int] = {}
    taken: set[int] = set()
    by_text = header_positions(headers)
    for field, header in overrides.items():
        position = by_text.get(normalize_header(header))
        if position is None:
            raise LookupError(f"--map {field}={header}: no column is headed {header!r}")
        mapping[field] = position
        taken.add(position)
    candidates = {p: header_candidates(h) for p, h in enumerate(headers) if p not in taken}
    exact = sorted((c[0].rank, p, c[0].field) for p, c in candidates.items() if c and c[0].exact)
    for _, position, field in exact:
        if field not in mapping:
            mapping[field] = position
            taken.add(position)
    for position, options in candidates.items():
        if position in taken:
            continue
        for match in options:
            if match.field not in mapping:
                mapping[match.field] = position
                taken.add(position)
                break
    return mapping


def header_score(cells: Sequence[object], overrides: Mapping[str, str] | None = None) -> int:
    """How many distinct fields a candidate header row names (used to find the header row)."""
    override_texts = {normalize_header(h) for h in (overrides or {}).values()}
    fields: set[str] = set()
    for cell in cells:
        if normalize_header(cell) in override_texts:
            fields.add(f"override:{normalize_header(cell)}")
            continue
        match = match_header(cell)
        if match is not None:
            fields.add(match.field)
    return len(fields)


def find_header_row(records: Sequence[Sequence[object]], overrides: Mapping[str, str] | None = None) -> int | None:
    """Index of the first record naming the most fields (at least two); None when no record does.

    A record that holds every required header of an export profile counts as naming them all: a till's service
    listing ("IsActive, Code, Desc, Cate, Price, Cost") names few fields in any language, yet is its header.
    """
    from salon_segment.importers.profiles import PROFILES

    required = [{normalize_header(h) for h in p.required} for p in PROFILES]
    best_index, best_score = None, 1
    for index, cells in enumerate(records):
        score = header_score(cells, overrides)
        present = {normalize_header(c) for c in cells}
        score = max([score, *(len(r) + 1 for r in required if r <= present)])
        if score > best_score:
            best_index, best_score = index, score
    return best_index
