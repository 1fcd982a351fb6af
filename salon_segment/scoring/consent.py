"""Marketing consent per client, from the consent column of the exports (ledger lines and client lists).

A client is opted out (``ledger.CONSENT_NO``) when any line or list row says so, whatever another says: an
opt-out is never overridden by a yes elsewhere. Otherwise a client is opted in (``CONSENT_YES``) when a row
says yes, and unknown ("") when no row says anything (no consent column, or blank cells in any consent column).
"""

from __future__ import annotations

import pandas as pd

from salon_segment import ledger as L


def client_consent(ledger: pd.DataFrame, client_list: pd.DataFrame | None = None) -> pd.Series:
    """Consent per client key (``CONSENT_YES``, ``CONSENT_NO`` or ""), for every client with a row that says."""
    parts = [ledger[[L.CLIENT, L.CONSENT]].astype({L.CONSENT: object})]
    if client_list is not None and not client_list.empty and L.CONSENT in client_list.columns:
        parts.append(client_list[[L.CLIENT, L.CONSENT]].astype({L.CONSENT: object}))
    rows = pd.concat(parts, ignore_index=True)
    rows = rows.loc[rows[L.CONSENT].isin([L.CONSENT_YES, L.CONSENT_NO])]
    said_no = (rows[L.CONSENT] == L.CONSENT_NO).groupby(rows[L.CLIENT], sort=True).any()
    answer = said_no.map({True: L.CONSENT_NO, False: L.CONSENT_YES}).astype(object)
    answer.index.name = L.CLIENT
    return answer.rename(L.CONSENT)
