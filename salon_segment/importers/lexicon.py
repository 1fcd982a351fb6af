"""The words exports use for statuses, line types and placeholder clients, in en/nl/ru/de/fr/it.

One place for value vocabulary; header synonyms live in ``headers.py``, per-system words in the export profiles.
Every word is compared after ``normalize_header`` (case, accents, punctuation folded).
"""

from __future__ import annotations

from collections.abc import Mapping

from salon_segment import ledger as L
from salon_segment.importers.headers import normalize_header

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
