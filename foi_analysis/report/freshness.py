"""Has anything a report depends on changed since the last one? Decided cheaply, without pandas.

A manifest (a pickle in the reports folder: a 100k-entry JSON took longer to parse than the walk) keeps each watched file's size, mtime and content digest.
The check stats every file first and hashes only those whose size or mtime moved, so a no-change
run at 100k records costs a directory walk, not 100k reads. A file whose mtime moved but whose
content did not (a fresh clone, a ``touch``) counts as unchanged, and its new mtime is recorded so
the next check is cheap again. Content decides, never the clock: mtimes only skip work.
"""

from __future__ import annotations

import hashlib
import pickle
import os
from dataclasses import dataclass, field
from pathlib import Path

MANIFEST_VERSION = 1


def _walk(folder: Path) -> dict[str, os.stat_result]:
    """Every file under ``folder`` (relative POSIX path -> stat)."""
    out: dict[str, os.stat_result] = {}
    stack = [(folder, "")]
    while stack:
        directory, prefix = stack.pop()
        try:
            entries = list(os.scandir(directory))
        except FileNotFoundError:
            continue
        for entry in entries:
            if entry.is_dir(follow_symlinks=True):
                stack.append((Path(entry.path), f"{prefix}{entry.name}/"))
            elif entry.is_file(follow_symlinks=True):
                out[prefix + entry.name] = entry.stat()
    return out


def digest(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


@dataclass
class Check:
    """What changed under the watched folders, and the manifest to save once the change is handled."""

    changed: list[str] = field(default_factory=list)  # added, removed or edited ("<folder>/<path>")
    hashed: int = 0  # files read because their size or mtime moved
    manifest: dict = field(default_factory=dict)

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


def check(folders: dict[str, Path], manifest_path: Path, extra: dict | None = None) -> Check:
    """Compare ``folders`` (label -> folder) and ``extra`` (any JSON-able facts) with the manifest.

    ``extra`` holds what is not a file but still decides freshness (e.g. the report's parameters).
    """
    old = load_manifest(manifest_path)
    old_files: dict[str, tuple] = old.get("files", {})
    files: dict[str, tuple] = {}
    result = Check()
    for label, folder in sorted(folders.items()):
        for rel, st in _walk(Path(folder)).items():
            key = f"{label}/{rel}"
            before = old_files.get(key)
            if before and before[0] == st.st_size and before[1] == st.st_mtime_ns:
                files[key] = before
                continue
            sha = digest(Path(folder) / rel)
            result.hashed += 1
            if before is None or before[2] != sha:
                result.changed.append(key)
            files[key] = (st.st_size, st.st_mtime_ns, sha)
    if len(files) != len(old_files) or result.changed:
        result.changed += [k for k in old_files if k not in files]
    result.changed.sort()
    if (extra or {}) != old.get("extra", {}):
        result.changed.append("(parameters or settings)")
    result.manifest = {"version": MANIFEST_VERSION, "files": files, "extra": extra or {}}
    return result


def tree_digest(result: Check, label: str) -> str:
    """One hash over every file under ``label``'s folder: its relative path and content digest, in
    path order. It changes iff a file is added, removed, renamed or edited."""
    total = hashlib.sha256()
    prefix = f"{label}/"
    for key in sorted(k for k in result.manifest["files"] if k.startswith(prefix)):
        total.update(key[len(prefix):].encode() + b"\0")
        total.update(bytes.fromhex(result.manifest["files"][key][2]))
    return total.hexdigest()


def save(manifest_path: Path, result: Check) -> None:
    """Record the checked state (after the change it found was handled), atomically."""
    manifest_path = Path(manifest_path)
    manifest_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = manifest_path.with_name(f".{manifest_path.name}.tmp")
    with open(tmp, "wb") as fh:
        pickle.dump(result.manifest, fh, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, manifest_path)
