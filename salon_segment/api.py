"""The library: read the exports once, score once, return immutable results. No printing, no globals.

    >>> import salon_segment
    >>> report = salon_segment.analyze("examples/salon-nl.csv", as_of="2026-11-20")
    >>> report.totals.clients
    316

Every function takes explicit arguments: the reading options (:class:`~salon_segment.importers.ImportOptions`),
the scoring rules (:class:`~salon_segment.rules.Rules`), the as_of date. Showing a result (language, currency,
terminal) is the caller's business (:mod:`salon_segment.presentation`, the renderers). A function that needs the
inputs accepts either paths or what an earlier call returned, so a command that both analyses and prunes reads
and scores once. Problems the user can fix raise :class:`~salon_segment.errors.SalonSegmentError`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Union

import pandas as pd

from salon_segment.duration import EARLIEST, LATEST, Duration, date_parts, parse_duration
from salon_segment.errors import SalonSegmentError
from salon_segment.i18n import _
from salon_segment.importers import ImportOptions, ImportResult, read_exports
from salon_segment.report import Inspection, PruneResult, Report
from salon_segment.rules import Rules

if TYPE_CHECKING:
    from salon_segment.scoring.prune import PrunePlan

PathLike = Union[str, "os.PathLike[str]"]
Inputs = Union[PathLike, Sequence[PathLike], ImportResult]
DEFAULT_HORIZON = "90d"


def _paths(paths: PathLike | Sequence[PathLike]) -> list[Path]:
    if isinstance(paths, (str, os.PathLike)):
        return [Path(paths)]
    return [Path(p) for p in paths]


def _options(options: ImportOptions | None, rules: Rules | None) -> ImportOptions:
    if options is None:
        return ImportOptions(rules=rules or Rules())
    return options if rules is None else dataclasses.replace(options, rules=rules)


def read(
    paths: PathLike | Sequence[PathLike],
    *,
    options: ImportOptions | None = None,
    rules: Rules | None = None,
    keep_bytes: bool = False,
    pseudonym_key: bytes | None = None,
) -> ImportResult:
    """Read every export into one ledger (and client list) with a report per file.

    ``keep_bytes`` keeps each input's bytes (a cleaned copy is cut from them); ``pseudonym_key`` replaces names,
    e-mails and phones by keyed pseudonyms (``salon_segment.privacy.pseudonym_key`` finds or makes one).
    """
    imported = read_exports(_paths(paths), _options(options, rules), keep_bytes=keep_bytes)
    return imported if pseudonym_key is None else pseudonymized(imported, pseudonym_key)


def pseudonymized(imported: ImportResult, key: bytes) -> ImportResult:
    """The same inputs with names, e-mails and phones replaced by stable keyed pseudonyms."""
    from salon_segment.privacy import pseudonymize

    return dataclasses.replace(
        imported, ledger=pseudonymize(imported.ledger, key), client_list=pseudonymize(imported.client_list, key)
    )


def _imported(inputs: Inputs, options: ImportOptions | None, rules: Rules | None, **reading: object) -> ImportResult:
    if isinstance(inputs, ImportResult):
        return inputs
    return read(inputs, options=options, rules=rules, **reading)  # type: ignore[arg-type]


def as_of_date(value: dt.date | str) -> pd.Timestamp:
    """An as_of given to the library: a date, or text as the command line takes it — YYYY-MM-DD, or day first
    (20-11-2026, 20.11.2026, 20/11/2026), never month first — in 1900–2200; ValueError (TypeError) otherwise."""
    if isinstance(value, dt.date):  # datetime and pd.Timestamp are dates too
        day = dt.date(value.year, value.month, value.day)
    elif isinstance(value, str):
        parts = date_parts(value.strip(), "-./")
        if parts is None:
            raise ValueError(f"as_of {value!r}: expected a date such as 2026-11-20 or 20-11-2026 (day first).")
        day = dt.date(*parts)  # ValueError for an impossible day
    else:
        raise TypeError(f"as_of must be a date or a text such as 2026-11-20, not {type(value).__name__}.")
    if not EARLIEST <= day <= LATEST:
        raise ValueError(f"as_of {value!r}: the year {day.year} is outside {EARLIEST.year}–{LATEST.year}.")
    return pd.Timestamp(day)


def resolve_as_of(
    imported: ImportResult, as_of: dt.date | str | None = None, *, today: dt.date | None = None
) -> pd.Timestamp:
    """The given as_of, else the latest completed visit dated on or before ``today`` (default: the clock's)."""
    from salon_segment.scoring.analysis import default_as_of

    if as_of is not None:
        return as_of_date(as_of)
    today_stamp = pd.Timestamp(today or dt.date.today())
    found = default_as_of(imported.ledger, today=today_stamp, client_list=imported.client_list)
    client_list = imported.client_list
    undated = client_list[["first_visit", "last_visit", "created"]].isna().all(axis=None)
    if found is None and imported.ledger.empty and not client_list.empty and undated:
        return today_stamp  # a client summary report without dates: spend ranking and Pareto need no as_of
    if found is None:
        raise SalonSegmentError(
            _("{files}: no completed visit dated on or before today; pass --as-of.").format(
                files=", ".join(r.path for r in imported.reports)
            )
        )
    if not pd.Timestamp(EARLIEST) <= found <= pd.Timestamp(LATEST):
        raise SalonSegmentError(
            f"the latest completed visit is dated {found:%Y-%m-%d}, outside {EARLIEST.year}–{LATEST.year}; "
            "pass --as-of YYYY-MM-DD."
        )
    return found


def horizon_days(horizon: str | Duration, as_of: pd.Timestamp) -> int:
    """A forecast window (90d, 3m, 12w) as a number of days after as_of (ValueError naming the accepted forms)."""
    duration = parse_duration(horizon) if isinstance(horizon, str) else horizon
    return int((pd.Timestamp(as_of) - duration.before(pd.Timestamp(as_of))).days)


def analyze(
    inputs: Inputs,
    *,
    as_of: dt.date | str | None = None,
    options: ImportOptions | None = None,
    rules: Rules | None = None,
    currency: str | None = None,
    horizon: str | Duration = DEFAULT_HORIZON,
    pseudonym_key: bytes | None = None,
    today: dt.date | None = None,
    prune_plan: PrunePlan | None = None,
) -> Report:
    """Analyse exports (paths, or an :class:`ImportResult` from :func:`read`) as of a date.

    ``currency`` is the fallback when the data names none (the data's own sign or code wins; then LANG's
    territory). ``horizon`` is the forecast window. Without ``as_of`` the latest completed visit dated on or
    before ``today`` is used. ``prune_plan``: the prune figures to report, when the caller has them already
    (:func:`prune` on the same inputs); else they are computed at ``rules.prune_inactive``.
    """
    from salon_segment.currency import resolve as resolve_currency
    from salon_segment.scoring import analyze as score
    from salon_segment.scoring.prune import can_prune
    from salon_segment.scoring.prune import prune_plan as plan_of

    imported = _imported(inputs, options, rules, pseudonym_key=pseudonym_key)
    rules = rules or (options.rules if options is not None else Rules())
    resolved = resolve_as_of(imported, as_of, today=today)
    analysis = score(
        imported.ledger,
        as_of=resolved,
        rules=rules,
        client_list=imported.client_list,
        walk_ins=imported.walk_ins,
        horizon_days=horizon_days(horizon, resolved),
    )
    plan = prune_plan
    if plan is None and can_prune(imported.ledger, imported.client_list):  # else a client summary report without
        plan = plan_of(  # dates: no prune figures, said under "not available"
            imported.ledger,
            as_of=resolved,
            inactive=parse_duration(rules.prune_inactive),
            client_list=imported.client_list,
            contacts=analysis.clients.set_index("client")[["client_name", "email", "phone"]],
            codes=analysis.client_codes,
        )
    return Report(
        analysis=analysis,
        imported=imported,
        currency=resolve_currency(imported.reports, currency),
        prune_plan=plan,
    )


def prune(
    inputs: Inputs | Report,
    *,
    inactive: str | Duration | None = None,
    as_of: dt.date | str | None = None,
    options: ImportOptions | None = None,
    rules: Rules | None = None,
    keep_bytes: bool = False,
    pseudonym_key: bytes | None = None,
    today: dt.date | None = None,
) -> PruneResult:
    """The clients not seen for ``inactive`` (default: ``rules.prune_inactive``) and the rows they hold.

    Given a :class:`Report`, its inputs and as_of are reused (nothing is read or scored again).
    ``keep_bytes`` keeps the inputs' bytes so that a cleaned copy can be cut from them.
    """
    from salon_segment.duration import check_span
    from salon_segment.scoring.prune import prune_plan, rows_of_clients

    if isinstance(inputs, Report):
        imported, as_of, rules = inputs.imported, as_of or inputs.as_of, rules or inputs.rules
    else:
        imported = _imported(inputs, options, rules, keep_bytes=keep_bytes, pseudonym_key=pseudonym_key)
        rules = rules or (options.rules if options is not None else Rules())
    resolved = resolve_as_of(imported, as_of, today=today)
    duration = inactive if isinstance(inactive, Duration) else parse_duration(inactive or rules.prune_inactive)
    try:
        check_span(resolved, duration, "--inactive")
    except ValueError as exc:
        raise SalonSegmentError(str(exc)) from None
    plan = prune_plan(imported.ledger, as_of=resolved, inactive=duration, client_list=imported.client_list)
    removed = rows_of_clients(imported.ledger, imported.client_list, plan.candidates["client"])
    return PruneResult(plan=plan, imported=imported, removed_rows=removed)


def inspect(paths: PathLike | Sequence[PathLike], *, options: ImportOptions | None = None) -> Inspection:
    """How each file is read: kind, encoding, delimiter, header, column mapping, date format, row accounting."""
    imported = read(paths, options=options)
    return Inspection(files=imported.reports, notes=imported.notes)
