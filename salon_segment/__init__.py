"""salon-segment: who carries your salon, how loyal your clients are, and whom to let go.

Use it from Python::

    import salon_segment
    report = salon_segment.analyze("examples/salon-nl.csv", as_of="2026-11-20")
    report.to_dict()  # what `salon-segment analyze … --format json` prints

The library names below are imported on first use, so ``import salon_segment`` (and ``salon-segment --help``)
does not load pandas.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_LAZY = {
    "analyze": "salon_segment.api",
    "prune": "salon_segment.api",
    "inspect": "salon_segment.api",
    "read": "salon_segment.api",
    "Report": "salon_segment.report",
    "PruneResult": "salon_segment.report",
    "Inspection": "salon_segment.report",
    "Presentation": "salon_segment.presentation",
    "ImportOptions": "salon_segment.importers",
    "Rules": "salon_segment.rules",
}
__all__ = [
    "ImportOptions",
    "Inspection",
    "Presentation",
    "PruneResult",
    "Report",
    "Rules",
    "__version__",
    "analyze",
    "inspect",
    "prune",
    "read",
]

if TYPE_CHECKING:
    from salon_segment.api import analyze, inspect, prune, read
    from salon_segment.importers import ImportOptions
    from salon_segment.presentation import Presentation
    from salon_segment.report import Inspection, PruneResult, Report
    from salon_segment.rules import Rules


def __getattr__(name: str) -> Any:
    """Import a library name on first use (PEP 562)."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError("module 'salon_segment' has no attribute " + repr(name))
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
