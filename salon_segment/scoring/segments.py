"""The segment registry: every segment's id, label, approach, colour and report order, in one place.

A new segment rule touches this registry, the rule (``clients.assign_segments``), its reason on the client card
(``card.segment_reason``), its test and the .po files (docs/extending.md).
Labels and approaches are message ids (English); renderers translate them (``render/segment_labels.py``).
"""

from __future__ import annotations

from dataclasses import dataclass

from salon_segment.i18n import N_


@dataclass(frozen=True)
class Segment:
    """One segment: its machine id (JSON, CSV), label and approach (message ids) and Excel fill colour."""

    id: str
    label: str
    approach: str
    colour: str | None = None  # the Excel fill of the segment's cells (RGB hex); None: no fill
    reported: bool = True  # a row of the segment table (A, B, C, new, lost, in registry order)


A = "A"
B = "B"
C = "C"
NEW = "new"
LOST = "lost"
POTENTIAL = "potential"  # known to the salon, never visited (only bookings, no-shows or a client list)
RETURNING = "returning"  # client lists without a product split: active, 3+ visits, regularity unknown
HIGH_VALUE_C = N_("C, high value")  # the label of a C client among the top spenders (occasional, not minor)

REGISTRY: tuple[Segment, ...] = (
    Segment(A, N_("A"), N_("Cherish: reward loyalty, keep them close, first to hear of news."), "C6EFCE"),
    Segment(B, N_("B"), N_("Advise home care: recommend the products that suit their treatment."), "DDEBF7"),
    Segment(C, N_("C"), N_("Invite back on a rhythm: propose a fixed next appointment."), "FFF2CC"),
    Segment(NEW, N_("new"), N_("Make them regulars within 3 visits: book the next visit before they leave."), "E4DFEC"),
    Segment(LOST, N_("lost"), N_("Call them, ask why, and invite them back."), "F8CBAD"),
    Segment(
        RETURNING,
        N_("returning"),
        N_("Active, 3+ visits; export visit history to split them into A, B and C."),
        reported=False,
    ),
    Segment(POTENTIAL, POTENTIAL, "", reported=False),
)
BY_ID: dict[str, Segment] = {segment.id: segment for segment in REGISTRY}

SEGMENTS: tuple[str, ...] = tuple(segment.id for segment in REGISTRY if segment.reported)
