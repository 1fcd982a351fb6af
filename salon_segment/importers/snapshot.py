"""Every input is read from disk once, into an immutable snapshot; every later step works from those bytes.

A file that changes while the tool runs therefore cannot make the analysis and the cleaned copy of
``prune --keep-out`` disagree. The same file named twice (the same path, a symlink or a hard link) is read
once; a second file with byte-identical content is the same export under another name, and is read once too.
Both cases leave a note for the user instead of silently doubling revenue.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from salon_segment.errors import InputFileError


@dataclass(frozen=True)
class Limits:
    """Hard limits so that hostile or broken files fail fast (``[limits]`` in the config raises them)."""

    max_file_mb: int = 2048
    max_columns: int = 500
    max_field_chars: int = 100_000


@dataclass(frozen=True)
class Snapshot:
    """The bytes of one input as they were when it was read, and which file they came from."""

    path: Path  # as named on the command line
    data: bytes = field(repr=False)
    device: int = 0
    inode: int = 0

    @property
    def digest(self) -> str:
        """SHA-256 of the content (to spot the same export under two names)."""
        return hashlib.sha256(self.data).hexdigest()


def take_snapshot(path: Path, limits: Limits | None = None) -> Snapshot:
    """Read ``path`` once (at most the size limit plus one byte, so a growing file cannot exceed it)."""
    path = Path(path)
    limits = limits or Limits()
    limit = limits.max_file_mb * 2**20
    try:  # O_NONBLOCK: a named pipe is refused below instead of blocking the open
        with os.fdopen(os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)), "rb") as handle:
            status = os.fstat(handle.fileno())
            if not _is_regular(status.st_mode):
                raise InputFileError(f"{path}: not a file.")
            data = handle.read(limit + 1)
    except FileNotFoundError:
        raise InputFileError(f"{path}: file not found.") from None
    except IsADirectoryError:
        raise InputFileError(f"{path}: not a file.") from None
    except OSError as exc:
        raise InputFileError(f"{path}: cannot read the file ({exc.strerror or exc.__class__.__name__}).") from None
    if len(data) > limit:
        size_mb = max(len(data), status.st_size) / 2**20
        raise InputFileError(
            f"{path}: the file is {size_mb:,.0f} MB, more than the limit of {limits.max_file_mb:,} MB; "
            "raise max_file_mb in the [limits] table of the config if it really is an export."
        )
    return Snapshot(path=path, data=data, device=status.st_dev, inode=status.st_ino)


def _is_regular(mode: int) -> bool:
    import stat

    return stat.S_ISREG(mode)


class InputSet:
    """Snapshots the distinct inputs one at a time (so one file's bytes are in memory unless the caller keeps
    them); the same file (device and inode) or the same bytes under another name is skipped with a note."""

    def __init__(self, limits: Limits | None = None, *, single: bool = False) -> None:
        self.limits = limits
        self.single = single  # one input only: no content to compare, so no digest (0.2 s per 100 MB)
        self.aliases: dict[str, str] = {}  # every given path → the path whose snapshot stands for it
        self.notes: list[str] = []
        self._by_file: dict[tuple[int, int], str] = {}
        self._by_digest: dict[str, str] = {}

    def take(self, given: Path) -> Snapshot | None:
        """The snapshot of ``given``, or None when an earlier input already stands for it."""
        path = Path(given)
        if str(path) in self.aliases:
            self.notes.append(f"{path} was named more than once; it was read once.")
            return None
        try:
            status = path.stat()
            earlier = self._by_file.get((status.st_dev, status.st_ino))
        except OSError:  # take_snapshot says what is wrong with it
            earlier = None
        if earlier is not None:
            self.aliases[str(path)] = earlier
            self.notes.append(f"{path} is the same file as {earlier}; it was read once.")
            return None
        snapshot = take_snapshot(path, self.limits)
        if self.single and not self.aliases:
            self.aliases[str(path)] = str(path)
            self._by_file[(snapshot.device, snapshot.inode)] = str(path)
            return snapshot
        digest = snapshot.digest
        same = self._by_digest.get(digest) if snapshot.data else None
        if same is not None:
            self.aliases[str(path)] = same
            self.notes.append(f"{path} has exactly the same content as {same}; it was read once, not counted twice.")
            return None
        self.aliases[str(path)] = str(path)
        self._by_file[(snapshot.device, snapshot.inode)] = str(path)
        self._by_digest[digest] = str(path)
        return snapshot
