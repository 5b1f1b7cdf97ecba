"""Durable file writes, shared by the index builder and `ingest add`.

A write is durable only when the file's bytes, and then the directory entry that names
it, have reached the disk: os.replace alone can leave an empty or missing file after a
power cut. Temporary files are dot-files ending in `.tmp`, which the corpus loader skips
and the next ingest removes."""

from __future__ import annotations

import contextlib
import os
import uuid
from pathlib import Path


class TargetExists(FileExistsError):
    """write_atomic(..., overwrite=False) found the target already there."""


def fsync_dir(path: Path) -> None:
    # some filesystems refuse to open or fsync a directory; the data itself is synced already
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_synced(path: Path, data: bytes) -> None:
    """Write and fsync a file in place (inside a directory that is not live yet)."""
    with open(path, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


def write_atomic(path: Path, data: bytes, *, overwrite: bool = True) -> None:
    """Replace `path` with `data` all at once: readers see the old file or the new one, never
    part of it. With overwrite=False an existing `path` is left alone and TargetExists raised
    (checked atomically where the filesystem has hard links)."""
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        with open(tmp, "xb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if overwrite:
            os.replace(tmp, path)
        else:
            _link_new(tmp, path)
        fsync_dir(path.parent)
    finally:
        tmp.unlink(missing_ok=True)


def _link_new(tmp: Path, path: Path) -> None:
    try:
        os.link(tmp, path)  # fails if `path` exists, so two writers cannot both win
    except FileExistsError:
        raise TargetExists(path) from None
    except OSError:
        # no hard links here (some network or FAT filesystems): check, then replace
        if path.exists():
            raise TargetExists(path) from None
        os.replace(tmp, path)
