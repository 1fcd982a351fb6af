"""Segment names, in report order."""

from __future__ import annotations

A = "A"
B = "B"
C = "C"
NEW = "new"
LOST = "lost"
POTENTIAL = "potential"  # known to the salon, never visited (only bookings, no-shows or a client list)
RETURNING = "returning"  # client lists without a product split: active, 3+ visits, regularity unknown

SEGMENTS: tuple[str, ...] = (A, B, C, NEW, LOST)
