"""Every user-facing string passes through ``_`` so that translations slot in without touching renderers.

English is the source language; message catalogues for other languages are added in ``locale/``.
"""

from __future__ import annotations


def _(message: str) -> str:
    """Translate a message id (English text) into the active report language."""
    return message
