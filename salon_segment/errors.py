"""User-fixable problems. The CLI maps every subclass of SalonSegmentError to exit code 1.

Messages name the file, row and column, never a client's personal data.
"""

from __future__ import annotations


class SalonSegmentError(Exception):
    """A problem the user can fix (bad file, bad option, bad config); exit code 1."""

    exit_code = 1


class InputFileError(SalonSegmentError):
    """An input file is missing, unreadable, or has no usable columns."""


class ConfigError(SalonSegmentError):
    """The TOML config file is unreadable or holds an invalid setting."""


class OutputError(SalonSegmentError):
    """An output path cannot be written (exists, is an input, or is not writable)."""
