"""User-fixable problems. The CLI maps every SalonSegmentError to its ``exit_code`` (1; 2 for a usage error).

Messages name the file, row and column, never a client's personal data.
"""

from __future__ import annotations


class SalonSegmentError(Exception):
    """A problem the user can fix (bad file, bad option, bad config); exit code 1."""

    exit_code = 1


class UsageError(SalonSegmentError):
    """An option value the command cannot use (a malformed --date-format, --delimiter or --map); exit code 2."""

    exit_code = 2


class InputFileError(SalonSegmentError):
    """An input file is missing, unreadable, or has no usable columns."""


class ConfigError(SalonSegmentError):
    """The TOML config file is unreadable or holds an invalid setting."""


class OutputError(SalonSegmentError):
    """An output path cannot be written (exists, is an input, or is not writable)."""
