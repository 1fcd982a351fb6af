"""Whether the as_of lies well after the data ends: then clients look overdue, then lost, for want of data.

An as_of given by hand (``--as-of``, ``movement --to``, ``analyze(as_of=...)``) after the export's last line
scores every client as if no one had come since: after a month regulars drop to C, after ``lost_after_months``
everyone is lost. :func:`stale_as_of` says so (the reports turn it into a warning); it is pure: the as_of, the
data's last date and the rules in, a frozen value out.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from salon_segment import ledger as L
from salon_segment.duration import Duration
from salon_segment.rules import Rules
from salon_segment.scoring.periods import months_before

# An as_of at most this many days after the data's last line is normal and not warned about: the export made this
# morning, a weekend or a week's closure in between (the default as_of is the last completed visit itself). Two
# weeks is also about where the gap starts to matter: a client who comes every four weeks is overdue after six.
STALE_AFTER_DAYS = 14
MONTHS_FROM = 2  # a gap of two calendar months or more is said in months, a shorter one in days (or weeks)
PAST_STATUSES = (L.COMPLETED, L.NO_SHOW)  # lines that record what happened; bookings and cancellations may be
# dated ahead (next month's appointment), so they do not tell when the export was made


@dataclass(frozen=True)
class StaleAsOf:
    """An as_of more than ``STALE_AFTER_DAYS`` after the data's last date."""

    as_of: pd.Timestamp
    last_date: pd.Timestamp
    gap: Duration  # as_of − last_date: whole calendar months from MONTHS_FROM on, else days
    all_lost: bool  # the last date is before as_of's lost cut-off: every client who visited is lost


def last_date(
    ledger: pd.DataFrame, client_list: pd.DataFrame | None = None, *, after: pd.Timestamp | None = None
) -> pd.Timestamp | None:
    """The latest date of a line that records something that happened (a completed line of any type, or a
    no-show), or of a client list's last visit (else its created date); None when nothing is dated.

    ``after``: only ledger lines dated after it are looked at (None when there is none): a quick answer to "did
    anything happen after this date?" when most lines are older."""
    if not ledger.empty and after is not None:
        ledger = ledger.loc[ledger[L.DATE] > after, [L.DATE, L.STATUS]]
    latest = [] if ledger.empty else [ledger.loc[ledger[L.STATUS].isin(PAST_STATUSES), L.DATE].max()]
    if client_list is not None and not client_list.empty:
        for column in (L.LAST_VISIT, L.CREATED):
            listed = client_list[column].dropna()
            if not listed.empty:
                latest.append(listed.max())
                break
    found = pd.Series(latest, dtype="datetime64[ns]").max()
    return None if pd.isna(found) else pd.Timestamp(found).normalize()


def data_ends_before(
    ledger: pd.DataFrame, *, as_of: pd.Timestamp, rules: Rules, client_list: pd.DataFrame | None = None
) -> StaleAsOf | None:
    """:func:`stale_as_of` for the data's :func:`last_date`; the whole ledger is searched only when nothing
    happened in the ``STALE_AFTER_DAYS`` before as_of or after it (the usual as_of needs one date comparison)."""
    as_of = pd.Timestamp(as_of).normalize()
    if last_date(ledger, after=as_of - pd.Timedelta(days=STALE_AFTER_DAYS)) is not None:  # the ledger alone: a
        return None  # client list's dates are not filtered by ``after``, so an old one must not end the search
    return stale_as_of(as_of, last_date(ledger, client_list), rules)


def whole_months(start: pd.Timestamp, end: pd.Timestamp) -> int:
    """The most calendar months m with ``months_before(end, m) >= start`` (start <= end)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    return months - 1 if months > 0 and months_before(end, months) < start else months


def stale_as_of(as_of: pd.Timestamp, last: pd.Timestamp | None, rules: Rules) -> StaleAsOf | None:
    """A :class:`StaleAsOf` when ``as_of`` is more than ``STALE_AFTER_DAYS`` after ``last`` (the data's last
    date, :func:`last_date`); None otherwise or without a date."""
    if last is None:
        return None
    as_of, last = pd.Timestamp(as_of).normalize(), pd.Timestamp(last).normalize()
    days = int((as_of - last).days)
    if days <= STALE_AFTER_DAYS:
        return None
    months = whole_months(last, as_of)
    gap = Duration(months=months) if months >= MONTHS_FROM else Duration(days=days)
    return StaleAsOf(
        as_of=as_of, last_date=last, gap=gap, all_lost=bool(last < months_before(as_of, rules.lost_after_months))
    )
