"""Has anything a report depends on changed since the last one? Decided cheaply, without pandas.

Two files in the reports folder, written after each successful build:
- a manifest (a pickle: a 100k-entry JSON took longer to parse than the walk) with each watched
  file's size, mtime and content digest;
- beside it a signature: one SHA-256 over every file's path, size and mtime (and the settings), with
  the tree digests the report's provenance needs.

The check stats every file (``os.stat`` relative to an open directory: cheaper than a path per
file). When the signature is unchanged nothing else is read, not even the manifest: that is the
no-change path, a directory walk. Otherwise the manifest decides file by file and only files whose
size or mtime moved are hashed, so a file whose mtime moved but whose content did not (a fresh
clone, a ``touch``) counts as unchanged, and its new mtime is recorded so the next check is cheap
again. Content decides, never the clock: mtimes only skip work.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import time
from array import array
from dataclasses import dataclass, field
from pathlib import Path

from ..listing import DIR_FD, DIRECTORY, FILE, RACY_NS, stat_names

MANIFEST_VERSION = 2


SPLIT = 20_000  # a directory with more entries than this is stat-ed by two processes at once


def _scan(folder: Path) -> list[tuple[str, list[str], array, array]]:
    """Every file under ``folder`` (symlinks followed), directory by directory: (the directory's
    relative POSIX prefix, its files' names, sizes and mtimes in ns), in the order the file system
    lists them (a listing in another order only makes one check take the slow path)."""
    out = []
    stack = [(str(folder), "")]
    while stack:
        directory, prefix = stack.pop()
        try:
            fd = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)) if DIR_FD else None
        except (FileNotFoundError, NotADirectoryError):
            continue
        try:
            listed = os.listdir(fd if fd is not None else directory)
            kinds, sizes, mtimes, _ = stat_names(directory, fd, listed, split=len(listed) > SPLIT)
        finally:
            if fd is not None:
                os.close(fd)
        if kinds.count(FILE) == len(kinds):  # the usual case: nothing but files
            names = listed
        else:
            names = [n for n, k in zip(listed, kinds) if k == FILE]
            sizes = array("q", (v for v, k in zip(sizes, kinds) if k == FILE))
            mtimes = array("q", (v for v, k in zip(mtimes, kinds) if k == FILE))
            stack += [(os.path.join(directory, n), f"{prefix}{n}/") for n, k in zip(listed, kinds) if k == DIRECTORY]
        out.append((prefix, names, sizes, mtimes))
    return out


def digest(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _signature(scans: dict[str, list], extra: dict) -> str:
    """One hash over every directory's file names, sizes and mtimes, and the settings."""
    total = hashlib.sha256(f"{MANIFEST_VERSION}\0{sorted(extra.items())!r}".encode())
    for label, scan in scans.items():
        for prefix, names, sizes, mtimes in scan:
            total.update(f"\0{label}/{prefix}\0{len(names)}\0".encode("utf-8", "surrogateescape"))
            total.update("\0".join(names).encode("utf-8", "surrogateescape"))
            total.update(sizes.tobytes())
            total.update(mtimes.tobytes())
    return total.hexdigest()


@dataclass
class Check:
    """What changed under the watched folders, and the state to save once the change is handled."""

    changed: list[str] = field(default_factory=list)  # added, removed or edited ("<folder>/<path>")
    hashed: int = 0  # files read because their size or mtime moved
    manifest: dict | None = None  # None when the signature alone showed nothing changed
    signature: str = ""
    trees: dict = field(default_factory=dict)  # label -> tree digest, from the signature file
    labels: tuple = ()
    racy: bool = False  # a file was modified within RACY_NS of the check: save no signature

    @property
    def fresh(self) -> bool:
        return not self.changed


def load_manifest(path: Path) -> dict:
    try:
        with open(path, "rb") as fh:
            data = pickle.load(fh)
    except Exception:  # noqa: BLE001 - missing or damaged: everything counts as changed
        return {}
    return data if isinstance(data, dict) and data.get("version") == MANIFEST_VERSION else {}


def _signature_path(manifest_path: Path) -> Path:
    return Path(manifest_path).with_suffix(".signature")


def _load_signature(manifest_path: Path) -> dict:
    try:
        with open(_signature_path(manifest_path), "rb") as fh:
            data = pickle.load(fh)
    except Exception:  # noqa: BLE001 - missing or damaged: the manifest decides
        return {}
    return data if isinstance(data, dict) and data.get("version") == MANIFEST_VERSION else {}


def check(folders: dict[str, Path], manifest_path: Path, extra: dict | None = None) -> Check:
    """Compare ``folders`` (label -> folder) and ``extra`` (settings, e.g. the report's parameters:
    plain values) with the state saved after the last build."""
    extra = extra or {}
    recent = time.time_ns() - RACY_NS  # taken before the walk: a file modified during it counts as recent
    labels = tuple(sorted(folders))
    scans = {label: _scan(Path(folders[label])) for label in labels}
    signature = _signature(scans, extra)
    saved = _load_signature(manifest_path)
    if saved.get("signature") == signature and set(saved.get("trees", {})) == set(labels):
        return Check(signature=signature, trees=saved["trees"], labels=labels)

    old = load_manifest(manifest_path)
    old_files: dict[str, tuple] = old.get("files", {})
    result = Check(signature=signature, labels=labels)
    new_files: dict[str, tuple] = {}
    files = ((f"{label}/{prefix}{name}", size, mtime) for label, scan in scans.items()
             for prefix, names, sizes, mtimes in scan for name, size, mtime in zip(names, sizes, mtimes))
    for key, size, mtime in files:
        before = old_files.get(key)
        if before and before[0] == size and before[1] == mtime:
            new_files[key] = before
            continue
        label, rel = key.split("/", 1)
        sha = digest(Path(folders[label]) / rel)
        result.hashed += 1
        if before is None or before[2] != sha:
            result.changed.append(key)
        new_files[key] = (size, mtime, sha)
    for key, (size, mtime, sha) in new_files.items():
        if mtime >= recent:  # kept with no mtime: the next check hashes it again
            new_files[key] = (size, -1, sha)
            result.racy = True
    if len(new_files) != len(old_files) or result.changed:
        result.changed += [k for k in old_files if k not in new_files]
    result.changed.sort()
    if extra != old.get("extra", {}):
        result.changed.append("(parameters or settings)")
    result.manifest = {"version": MANIFEST_VERSION, "files": new_files, "extra": extra}
    return result


def tree_digest(result: Check, label: str) -> str:
    """One hash over every file under ``label``'s folder: its relative path and content digest, in
    path order. It changes iff a file is added, removed, renamed or edited."""
    if result.manifest is None:
        return result.trees[label]
    total = hashlib.sha256()
    prefix = f"{label}/"
    for key in sorted(k for k in result.manifest["files"] if k.startswith(prefix)):
        total.update(key[len(prefix):].encode() + b"\0")
        total.update(bytes.fromhex(result.manifest["files"][key][2]))
    return total.hexdigest()


def _write(path: Path, data: dict) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "wb") as fh:
        pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, path)


def save(manifest_path: Path, result: Check) -> None:
    """Record the checked state (after the change it found was handled), atomically: the manifest,
    then the signature that vouches for it (removed first, so it never outlives its manifest)."""
    if result.manifest is None:
        return  # the signature matched: what is saved already describes this state
    manifest_path = Path(manifest_path)
    manifest_path.parent.mkdir(parents=True, exist_ok=True)
    _signature_path(manifest_path).unlink(missing_ok=True)
    _write(manifest_path, result.manifest)
    if result.racy:
        return  # the next check goes through the manifest, which hashes the recent files again
    trees = {label: tree_digest(result, label) for label in result.labels}
    _write(_signature_path(manifest_path), {"version": MANIFEST_VERSION, "signature": result.signature, "trees": trees})
