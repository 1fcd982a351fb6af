"""Pure scoring: ledger (+ as_of + rules) in, DataFrames and small dataclasses out.

Nothing here reads files, looks at the clock, or prints; it imports pandas, numpy and our own
ledger/rules modules only (a test enforces that).
"""

from salon_segment.scoring.analysis import Analysis, Totals, analyze
from salon_segment.scoring.pareto import Pareto, pareto
from salon_segment.scoring.segments import POTENTIAL, SEGMENTS

__all__ = ["POTENTIAL", "SEGMENTS", "Analysis", "Pareto", "Totals", "analyze", "pareto"]
