"""The words of salon exports, in en/nl/ru/de/fr/it: the one place to teach the reader a new word.

* headers: the synonyms of every field (``HEADER_SYNONYMS``, best first), header words that make a column a
  better or worse candidate (``HEADER_HINTS``), tax and subtotal headers;
* file names and file kinds: no-show, cancellation and booking lists, product and service listings;
* values: totals/summary rows, statuses, line types, item words, placeholder clients, yes/no.

Per-system words belong to the export profiles (``profiles/``); the retail product keywords are a rule a salon
may change (``product_keywords`` in ``rules.py``). Every word is compared after ``normalize_header`` (case,
accents, punctuation folded).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Mapping

from salon_segment import ledger as L
from salon_segment.importers.fields import (
    AMOUNT,
    CATEGORY,
    CLIENT_ID,
    CLIENT_NAME,
    CONSENT,
    CREATED,
    DATE,
    EMAIL,
    FIRST_NAME,
    FIRST_VISIT,
    ITEM,
    KIND,
    LAST_NAME,
    LAST_VISIT,
    LINE_ID,
    OPT_OUT,
    PHONE,
    PRODUCT_SPENT,
    QUANTITY,
    SERVICE_SPENT,
    SOURCE,
    STAFF,
    STATUS,
    TIME,
    TOTAL_SPENT,
    VISIT_COUNT,
)


def normalize_header(text: object) -> str:
    """Case-fold, strip accents (ё→е too), replace punctuation by spaces, collapse spaces."""
    return _normalized(text if type(text) is str else str(text))


@functools.lru_cache(maxsize=1 << 16)  # headers, statuses, line types and sample cells repeat a lot
def _normalized(text: str) -> str:
    value = unicodedata.normalize("NFKD", text).casefold()
    value = "".join(ch for ch in value if not unicodedata.combining(ch))
    value = re.sub(r"[\W_]+", " ", value, flags=re.UNICODE)
    return " ".join(value.split())



# ---------------------------------------------------------------- headers

HEADER_SYNONYMS: Mapping[str, tuple[str, ...]] = {
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
    CONSENT: (
        "accepts marketing", "marketing consent", "email marketing consent", "accepts email marketing",
        "email marketing", "marketing opt in", "email opt in", "opt in", "newsletter", "newsletter status",
        "subscribed", "marketing allowed", "sms marketing consent", "accepts sms marketing", "sms opt in",
        "nieuwsbrief", "mag gemaild worden", "toestemming marketing", "marketing toestemming", "mailings",
        "согласие на рассылку", "рассылка", "согласие на рекламу", "согласие на смс рассылку",
        "werbung erlaubt", "einwilligung werbung", "werbeeinwilligung", "accepte le marketing", "accetta marketing",
    ),
    OPT_OUT: (
        "marketing opt out", "opt out", "email opt out", "sms opt out", "unsubscribed", "do not market",
        "no marketing", "afgemeld voor nieuwsbrief", "afgemeld", "geen reclame", "geen marketing",
        "отказ от рассылки", "отписан", "отписка", "werbewiderspruch", "keine werbung",
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


# Header words that make a column a worse (negative) or better (positive) candidate for a field.
HEADER_HINTS: Mapping[str, tuple[tuple[int, tuple[str, ...]], ...]] = {
    DATE: (
        (-3, ("created", "creation", "added", "aangemaakt", "создан", "создания", "erstellt", "date scheduled",
              "booked on", "booking made", "birth", "geboorte", "рождения", "geburt", "naissance", "cancel",
              "annul", "отмен", "storn", "changed", "modified", "updated", "expir", "deposit", "payment date",
              "paid on", "due", "since", "registr")),
        (2, ("appointment", "afspraak", "visit", "bezoek", "визит", "termin", "rendez", "start", "scheduled date",
             "service date", "checkout", "sale date", "verkoop")),
    ),
    AMOUNT: (
        (-4, ("gross", "bruto", "before discount", "voor korting", "incl", "inc tax", "including", "tax", "vat",
              "btw", "ндс", "mwst", "tva", "tip", "fooi", "чаев", "discount", "korting", "скидк", "rabatt",
              "remise", "paid online", "due", "balance", "saldo", "остаток", "deposit", "upfront", "prepay",
              "fee", "cost", "commission", "cash", "card", "оплачено", "paid", "betaald", "redeem", "collected",
              "change", "points", "total collected", "list price", "retail price", "unit price")),
        (3, ("net", "netto", "exc tax", "excl", "ex vat", "без ндс", "продано", "sold")),
    ),
    VISIT_COUNT: (
        (-3, ("booked", "bookings", "appointments booked", "no show", "cancel", "classes")),
        (3, ("check ins", "check in", "checkins", "completed", "attended", "visits", "bezoeken", "визит")),
    ),
}  # fmt: skip

TAX_WORDS = ("tax", "vat", "btw", "ндс", "налог", "mwst", "ust", "tva", "iva", "gst", "hst", "pst")
SUBTOTAL_WORDS = ("subtotal", "sub total", "subtotaal", "zwischensumme", "sous total", "подытог")


# ---------------------------------------------------------------- file names and file kinds

# Words in a file name that say which list a dated export without a status column is (lower-case word starts).
NO_SHOW_FILE_WORDS = ("no show", "noshow", "no shows", "niet verschenen", "niet gekomen", "неявк", "не пришел",
                      "nicht erschienen")  # fmt: skip
CANCELLATION_FILE_WORDS = ("cancel", "annul", "отмен", "storn", "abgesagt", "afgezegd")
BOOKING_FILE_WORDS = ("future booking", "upcoming", "bookings", "toekomstige afspraken", "предстоящ", "будущ",
                      "zukunftige termine")  # fmt: skip
PRODUCT_FILE_WORDS = ("product", "retail", "товар", "artikel", "produkt", "produit", "verkoop", "stock", "inventory")
SERVICE_FILE_WORDS = ("service", "behandel", "услуг", "dienst", "leistung", "prestation", "treatment")
PRODUCT_HEADER_WORDS = ("brand", "supplier", "sku", "on hand", "in stock", "stock", "barcode", "ean", "voorraad",
                        "остаток", "артикул", "lager", "marque")  # fmt: skip


# ---------------------------------------------------------------- values

TOTAL_WORDS = frozenset(
    normalize_header(w)
    for w in (
        "total", "totals", "grand total", "subtotal", "sub total", "sum", "totaal", "subtotaal", "eindtotaal",
        "итого", "всего", "итог", "gesamt", "summe", "gesamtsumme", "total general", "sous total", "totale",
    )
)  # fmt: skip


STATUS_WORDS: Mapping[str, tuple[str, ...]] = {
    L.COMPLETED: (
        "completed", "complete", "done", "paid", "finished", "checked out", "checkout", "closed", "arrived", "visited",
        "show", "service completed", "attended", "came", "fulfilled", "payment", "started", "checked in", "in progress",
        "afgerond", "voltooid", "betaald", "afgerekend", "gekomen", "verschenen",
        "выполнено", "выполнен", "завершено", "завершен", "оплачено", "пришел", "пришла", "пришёл",
        "клиент пришел", "клиент пришла", "визит состоялся",
        "erledigt", "abgeschlossen", "bezahlt", "erschienen", "termine", "effectue", "paye", "honore",
        "completato", "completata", "completadas", "completada",
    ),
    L.NO_SHOW: (
        "no show", "noshow", "no shows", "did not show", "not arrived", "no show fee", "niet verschenen",
        "niet gekomen", "неявка", "не пришел", "не пришла", "не пришёл", "клиент не пришел", "клиент не пришла",
        "nicht erschienen", "absent", "absente", "lapin", "non honore", "non presentato",
    ),
    L.CANCELLED: (
        "cancelled", "canceled", "cancellation", "cancelled by client", "cancelled by staff", "client cancelled",
        "staff cancelled", "client canceled", "staff canceled", "late cancel", "late cancellation",
        "cancelled by customer", "cancelled by seller", "deleted", "denied", "declined", "voided", "void",
        "geannuleerd", "afgezegd", "verwijderd", "отменено", "отменен", "отмена", "отменена", "удалена", "удалено",
        "storniert", "abgesagt", "geloscht", "annule", "annulee", "annullato", "cancelado", "cancelada",
    ),
    L.BOOKED: (
        "booked", "confirmed", "scheduled", "pending", "new", "requested", "accepted", "awaiting confirmation",
        "ready to start", "waiting", "open", "reserved",
        "gepland", "bevestigd", "geboekt", "nieuw", "ingecheckt",
        "записан", "записана", "запланировано", "подтверждено", "подтвердил", "подтвердила", "клиент подтвердил",
        "ожидание", "ожидание клиента", "новая", "новый",
        "geplant", "bestatigt", "gebucht", "confirme", "reserve", "prevu", "nueva", "nuevo", "confermato",
    ),
}  # fmt: skip
# Past bookings still "booked", "confirmed" or "open" are not visits: a visit needs a completed status (or none).
# A client who arrived ("checked in", "started", "in progress") came: that is a visit.

LINE_TYPE_WORDS: Mapping[str, tuple[str, ...]] = {
    L.PRODUCT: (
        "product", "products", "retail", "goods", "merchandise", "physical good", "physical goods", "physical item",
        "artikel", "verkoop", "producten", "retail product",
        "товар", "товары", "продукт", "продукция", "розница", "продажа товаров",
        "produkt", "produkte", "ware", "waren", "produit", "produits", "vente", "prodotto", "producto",
    ),
    L.SERVICE: (
        "service", "services", "treatment", "treatments", "appointment", "class", "classes", "add on", "add ons",
        "service add on", "behandeling", "behandelingen", "dienst", "diensten", "услуга", "услуги",
        "dienstleistung", "leistung", "behandlung", "prestation", "prestations", "soin", "servizio", "servicio",
    ),
    L.GIFT_CARD: (
        "gift card", "gift cards", "giftcard", "gift certificate", "gift voucher", "voucher", "vouchers",
        "pre paid card", "prepaid card", "e gift card", "gc", "gift card activation", "gift card reload",
        "cadeaubon", "cadeaukaart", "kadobon", "сертификат", "подарочный сертификат", "подарочная карта",
        "gutschein", "geschenkgutschein", "bon cadeau", "carte cadeau", "cheque cadeau", "buono regalo",
    ),
    L.MEMBERSHIP: (
        "membership", "memberships", "package", "packages", "series", "course", "courses", "subscription",
        "prepaid", "bundle", "abonnement", "lidmaatschap", "pakket", "strippenkaart", "абонемент", "пакет",
        "mitgliedschaft", "paket", "abonnement", "forfait", "adhesion", "pacchetto",
    ),
    L.DEPOSIT: (
        "deposit", "deposits", "prepayment", "upfront payment", "aanbetaling", "vooruitbetaling", "предоплата",
        "депозит", "аванс", "anzahlung", "acompte", "caparra",
    ),
    L.TIP: ("tip", "tips", "gratuity", "fooi", "чаевые", "trinkgeld", "pourboire", "mancia"),
    L.FEE: (
        "fee", "fees", "service charge", "service charges", "surcharge", "cancellation fee", "no show fee",
        "late cancellation fee", "toeslag", "kosten", "сбор", "штраф", "gebuhr", "frais",
    ),
    L.REFUND: ("refund", "refunds", "return", "returns", "terugbetaling", "retour", "возврат", "erstattung",
               "ruckerstattung", "remboursement", "rimborso"),
    L.OTHER: ("other", "misc", "miscellaneous", "custom amount", "overig", "прочее", "sonstiges", "divers"),
}  # fmt: skip

# Words in an item name that say the line is not a service, even where a type column says "service":
# booking systems book deposits and gift cards sold at the desk as service lines. Only unambiguous words:
# "package" and "tip" name real treatments too ("bridal package", "french tip").
ITEM_NOT_REVENUE_WORDS: Mapping[str, tuple[str, ...]] = {
    L.GIFT_CARD: (
        "gift card", "giftcard", "gift certificate", "gift voucher", "cadeaubon", "cadeaukaart",
        "подарочный сертификат", "подарочная карта", "gutschein", "bon cadeau", "carte cadeau", "buono regalo",
    ),
    L.MEMBERSHIP: ("membership", "lidmaatschap", "абонемент", "mitgliedschaft"),
    L.DEPOSIT: ("deposit", "aanbetaling", "предоплата", "депозит", "anzahlung", "acompte"),
}  # fmt: skip

# Words that make an item a treatment even when a product word is in it ("Hydrating serum facial"): a product
# guessed from words alone is only a guess, and these say otherwise.
TREATMENT_WORDS: tuple[str, ...] = (
    "facial", "treatment", "massage", "manicure", "pedicure", "haircut", "cut", "colour", "color", "blow dry",
    "blowdry", "waxing", "peel", "application", "ritual", "session", "consultation",
    "behandeling", "gezichtsbehandeling", "knippen", "kleuren", "föhnen", "fohnen",
    "массаж", "уход", "маникюр", "педикюр", "процедура", "стрижка", "окрашивание", "укладка",
    "behandlung", "haarschnitt", "färben", "farben", "soin", "coupe", "coloration", "trattamento",
)  # fmt: skip

PLACEHOLDER_CLIENTS: tuple[str, ...] = (
    "walk in", "walk ins", "walkin", "walk in client", "walk in customer", "walkin client", "anonymous",
    "anonymous client", "anonymous customer", "guest", "unknown", "unknown client", "no name", "cash customer",
    "cash sale", "counter sale", "john doe", "jane doe", "n a", "none", "-", "---",
    "zonder naam", "passant", "passante", "losse klant", "onbekend", "anoniem",
    "гость", "аноним", "анонимный клиент", "без имени", "без клиента", "неизвестный", "клиент без имени",
    "laufkunde", "laufkundin", "unbekannt", "anonym", "client de passage", "client anonyme", "passage",
    "senza appuntamento", "cliente anonimo", "anonimo",
)  # fmt: skip


def _lookup(words: Mapping[str, tuple[str, ...]]) -> dict[str, str]:
    return {normalize_header(w): key for key, values in words.items() for w in values}


STATUS_LOOKUP = _lookup(STATUS_WORDS)
LINE_TYPE_LOOKUP = _lookup(LINE_TYPE_WORDS)
# An item named by nothing but one of these words is that kind of line, whatever else the row says: "Tip",
# "Gift card", "Deposit", "Custom Amount". Not "miscellaneous" or "other": tills sell those as services.
WHOLE_ITEM_LOOKUP = {
    **{word: kind for word, kind in LINE_TYPE_LOOKUP.items()
       if kind in (L.GIFT_CARD, L.MEMBERSHIP, L.DEPOSIT, L.TIP, L.FEE, L.REFUND)},
    normalize_header("custom amount"): L.OTHER,
}  # fmt: skip
PLACEHOLDER_LOOKUP = frozenset(normalize_header(w) for w in PLACEHOLDER_CLIENTS) | {""}
YES_NO_WORDS = frozenset(
    normalize_header(w)
    for w in (
        "yes", "no", "y", "n", "true", "false", "ja", "nee", "да", "нет", "oui", "non", "si", "sì", "nein",
        "paid", "unpaid", "x",
    )
)  # fmt: skip
