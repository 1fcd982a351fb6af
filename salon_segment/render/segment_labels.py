"""Segment labels and approaches in the report language, from the segment registry (``scoring.segments``)."""

from __future__ import annotations

import pandas as pd

from salon_segment.i18n import _
from salon_segment.scoring import clients as C
from salon_segment.scoring.segments import BY_ID, HIGH_VALUE_C
from salon_segment.scoring.segments import C as SEG_C


def segment_label(segment: str, high_value: object = False) -> str:
    """The segment's display name; a C client among the top spenders is 'C, high value' (occasional, not minor)."""
    if segment == SEG_C and high_value is True:
        return _(HIGH_VALUE_C)
    return _(BY_ID[segment].label) if segment in BY_ID else segment


def client_labels(clients: pd.DataFrame) -> pd.Series:
    """Every client's display segment (with the high-value mark for top-spending C clients)."""
    segments = clients[C.SEGMENT].astype(str).tolist()
    if C.HIGH_VALUE in clients:
        flags = [bool(flag) for flag in clients[C.HIGH_VALUE].tolist()]
    else:
        flags = [False] * len(segments)
    pairs = list(zip(segments, flags, strict=True))
    labels = {pair: segment_label(*pair) for pair in set(pairs)}  # a handful of labels, each translated once
    return pd.Series([labels[pair] for pair in pairs], index=clients.index, dtype=object)


def segment_approach(segment: str) -> str:
    """What a salon coach suggests for the segment (see DOMAIN.md); empty for a segment without one."""
    return _(BY_ID[segment].approach) if segment in BY_ID else ""


def segment_fills() -> list[tuple[str, str]]:
    """(label, colour) of every segment with an Excel fill, 'C, high value' with C's colour."""
    fills = [(segment_label(s.id), s.colour) for s in BY_ID.values() if s.colour is not None]
    return [*fills, (segment_label(SEG_C, True), BY_ID[SEG_C].colour or "")]
