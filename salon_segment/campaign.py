"""A campaign list the owner can send from a mailing tool: one row per client of a chosen list, with consent.

``campaign_list`` takes any client frame (the call list, a segment, the clients who slipped between two
dates) with the columns ``client, client_name, email, phone, segment`` and, when known, ``reason``,
``approach`` and ``expected_next_visit``. It leaves out every client who opted out of marketing and returns
the rows with the column headers that Mailchimp's import matches to its own fields ("Email Address", "First
Name", "Last Name", "Phone Number"; Brevo, Sendinblue and most SMS tools map them by hand in one step), the
phone in international E.164 form (``+31612345678``, what SMS tools need), and a summary of what was left out.
``write_campaign`` writes them atomically as CSV or .xlsx, every cell neutralised like every other output.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from salon_segment import ledger as L
from salon_segment.i18n import territories_from_environment

FIRST_NAME = "First Name"
LAST_NAME = "Last Name"
PHONE = "Phone Number"
EMAIL = "Email Address"
SEGMENT = "Segment"
REASON = "Reason"
APPROACH = "Approach"
NEXT_VISIT = "Expected Next Visit"
COLUMNS = (FIRST_NAME, LAST_NAME, PHONE, EMAIL, SEGMENT, REASON, APPROACH, NEXT_VISIT)
EXPECTED_NEXT = "expected_next_visit"


@dataclass(frozen=True)
class CampaignSummary:
    """What the list holds and what was left out."""

    list_name: str  # call, A, B, C, new, lost, slipping…
    clients: int  # clients on the chosen list
    written: int  # rows written: clients minus opted out
    opted_out: int  # left out: opted out of marketing (or an answer that could not be read)
    consent_unknown: int  # written, but no export said whether they accept marketing
    consent_known: bool  # False: no export says yes or no for anyone (everyone is written, and the summary says so)
    consent_column: bool  # an export has a consent column (True with consent_known False: its cells are all blank)
    invalid_phones: int  # phones that are no valid number for the country: left empty in the list
    phones_without_country: int  # phones with no country code, not converted for lack of a country: left empty
    country: str | None  # the country for numbers without a country code (None: only +… numbers convert)

    def as_dict(self) -> dict[str, object]:
        return {
            "list": self.list_name,
            "clients": self.clients,
            "written": self.written,
            "opted_out": self.opted_out,
            "consent_unknown": self.consent_unknown,
            "consent_column": self.consent_column,
            "invalid_phones": self.invalid_phones,
            "phones_without_country": self.phones_without_country,
            "country": self.country,
        }


def resolve_country(configured: str | None, environ: Mapping[str, str] | None = None) -> str | None:
    """The salon's country for phone numbers: ``country`` in the config, else the territory of LC_ALL or LANG
    ('nl_NL.UTF-8' → NL), else None."""
    if configured:
        return configured.upper()
    return next(iter(territories_from_environment("LC_TELEPHONE", environ)), None)


def e164(phones: pd.Series, country: str | None) -> pd.Series:
    """Phones in E.164 form ('06 12345678' in NL → '+31612345678'); "" where empty or not a valid number.

    Numbers with a + or 00 need no country; others are read as numbers of ``country``. A number that is not
    valid there, written as digits and spaces only, but valid with a + in front is taken so: some systems write
    the country code without it (Fresha: '44 7412 345678', Phorest: '353871234567')."""
    import phonenumbers

    def one(text: str) -> str:
        digits = re.sub(r"\D", "", text)
        if not digits:
            return ""
        bare = re.fullmatch(r"[1-9][\d ]*", text.strip()) is not None  # no +, no trunk 0, no ( ) - . /
        international = text.strip().startswith("00")  # 0031 6…: the international prefix most countries dial
        candidates = [text, *(["+" + digits] if bare else []), *(["+" + digits[2:]] if international else [])]
        for candidate in candidates:
            try:
                number = phonenumbers.parse(candidate, country)
            except phonenumbers.NumberParseException:
                continue
            if phonenumbers.is_valid_number(number):
                return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        return ""

    text = phones.fillna("").astype(str)
    uniques = pd.Series(text.unique())
    converted = dict(zip(uniques, (one(value) for value in uniques), strict=True))
    return text.map(converted).astype(object)


def split_names(names: pd.Series) -> tuple[pd.Series, pd.Series]:
    """First and last name from one name column: the first word, and the rest ('Anna de Vries' → 'Anna',
    'de Vries'). Exports with first and last name columns are joined in that order by the importers."""
    parts = names.fillna("").astype(str).str.strip().str.split(n=1, expand=True).reindex(columns=[0, 1])
    return parts[0].astype(object).fillna(""), parts[1].astype(object).fillna("")


def _text(frame: pd.DataFrame, column: str) -> pd.Series:
    if column not in frame.columns:
        return pd.Series("", index=frame.index, dtype=object)
    return frame[column].fillna("").astype(str).astype(object)


def campaign_list(
    clients: pd.DataFrame,
    *,
    consent: pd.Series | None,
    country: str | None,
    list_name: str,
    consent_column: bool | None = None,
) -> tuple[pd.DataFrame, CampaignSummary]:
    """The rows to send (``COLUMNS``) in the order of ``clients``, and the summary.

    ``consent``: per client key ``ledger.CONSENT_YES``/``CONSENT_NO``/"" (``scoring.consent.client_consent``);
    None or all unknown when no export has a consent column: then everyone is written and the summary says
    consent is unknown. Opted-out clients are never written; there is no option to include them.
    ``consent_column``: whether an export has a consent column at all (None: when some client has an answer)."""
    answers = (
        clients[L.CLIENT].map(consent).astype(object).where(clients[L.CLIENT].isin(consent.index), "")
        if consent is not None
        else pd.Series("", index=clients.index, dtype=object)
    )
    opted_out = (answers == L.CONSENT_NO).to_numpy()
    chosen = clients.loc[~opted_out]
    phones = _text(chosen, L.PHONE)
    converted = e164(phones, country)
    unconverted = (phones.str.strip() != "") & (converted == "")
    # without a country a number with no country code cannot be read: not the number's fault, so counted apart
    lacks_country = unconverted & (country is None) & ~phones.str.strip().str.match(r"(\+|00)")
    first, last = split_names(_text(chosen, L.CLIENT_NAME))
    next_visit = (
        pd.to_datetime(chosen[EXPECTED_NEXT]).dt.strftime("%Y-%m-%d").fillna("").astype(object)
        if EXPECTED_NEXT in chosen.columns
        else pd.Series("", index=chosen.index, dtype=object)
    )
    rows = pd.DataFrame(
        {
            FIRST_NAME: first,
            LAST_NAME: last,
            PHONE: converted,
            EMAIL: _text(chosen, L.EMAIL),
            SEGMENT: _text(chosen, "segment"),
            REASON: _text(chosen, "reason"),
            APPROACH: _text(chosen, "approach"),
            NEXT_VISIT: next_visit,
        }
    ).reset_index(drop=True)
    known = bool(consent is not None and consent.isin([L.CONSENT_YES, L.CONSENT_NO]).any())
    summary = CampaignSummary(
        list_name=list_name,
        clients=len(clients),
        written=len(rows),
        opted_out=int(opted_out.sum()),
        consent_unknown=int((answers[~opted_out] == "").sum()),
        consent_known=known,
        consent_column=known if consent_column is None else consent_column or known,
        invalid_phones=int((unconverted & ~lacks_country).sum()),
        phones_without_country=int(lacks_country.sum()),
        country=country,
    )
    return rows, summary


def write_campaign(rows: pd.DataFrame, path: Path) -> None:
    """Write the campaign list atomically as .csv (UTF-8 with BOM, every field quoted) or .xlsx."""
    from salon_segment.output import write_table

    write_table(rows, path, sheet_name="campaign")


def export_campaign(
    clients: pd.DataFrame,
    path: Path,
    *,
    ledger: pd.DataFrame,
    client_list: pd.DataFrame | None,
    country: str | None,
    list_name: str,
    consent_column: bool | None = None,
) -> CampaignSummary:
    """Consent from the exports, the campaign rows of ``clients``, written to ``path``; the summary.

    ``consent_column``: whether an export has a consent column, even one whose cells are all blank."""
    from salon_segment.scoring.consent import client_consent

    rows, summary = campaign_list(
        clients, consent=client_consent(ledger, client_list), country=country, list_name=list_name,
        consent_column=consent_column,
    )  # fmt: skip
    write_campaign(rows, path)
    return summary
