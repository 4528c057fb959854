"""The report's "did data/raw change?" decision: content decides, sizes and mtimes only save reading."""

from __future__ import annotations

import os

from foi_analysis import listing
from foi_analysis.report import freshness


def _tree(tmp_path):
    raw = tmp_path / "raw"
    (raw / "disclosures").mkdir(parents=True)
    (raw / "grids").mkdir()
    (raw / "disclosures" / "a.yaml").write_text("reference: A\n")
    (raw / "grids" / "g.pdf").write_bytes(b"%PDF-1.4 grid")
    for f in (raw / "disclosures" / "a.yaml", raw / "grids" / "g.pdf"):
        _age(f, 60)  # written a minute ago: older than the racy window
    return raw, tmp_path / "reports" / ".raw-manifest.pickle"


def _age(path, seconds):
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns - seconds * 1_000_000_000))


def test_first_check_sees_every_file_then_nothing_changed(tmp_path):
    raw, manifest = _tree(tmp_path)
    first = freshness.check({"raw": raw}, manifest)
    assert first.changed == ["raw/disclosures/a.yaml", "raw/grids/g.pdf"] and not first.fresh
    freshness.save(manifest, first)
    again = freshness.check({"raw": raw}, manifest)
    assert again.fresh and again.hashed == 0  # sizes and mtimes matched: nothing was read


def test_edits_additions_and_removals_are_changes(tmp_path):
    raw, manifest = _tree(tmp_path)
    freshness.save(manifest, freshness.check({"raw": raw}, manifest))
    record = raw / "disclosures" / "a.yaml"
    stat = record.stat()
    record.write_text("reference: B\n")  # same size, new content
    os.utime(record, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert freshness.check({"raw": raw}, manifest).changed == ["raw/disclosures/a.yaml"]
    record.write_text("reference: A\n")
    (raw / "disclosures" / "b.yaml").write_text("reference: B\n")
    (raw / "grids" / "g.pdf").unlink()
    assert freshness.check({"raw": raw}, manifest).changed == ["raw/disclosures/b.yaml", "raw/grids/g.pdf"]


def test_a_touched_file_with_the_same_bytes_is_not_a_change(tmp_path):
    # A fresh clone or `touch` moves mtimes: the file is read once, found unchanged, and its new
    # mtime recorded so the next check does not read it again.
    raw, manifest = _tree(tmp_path)
    freshness.save(manifest, freshness.check({"raw": raw}, manifest))
    record = raw / "disclosures" / "a.yaml"
    os.utime(record, ns=(record.stat().st_atime_ns, record.stat().st_mtime_ns + 5_000_000_000))
    touched = freshness.check({"raw": raw}, manifest)
    assert touched.fresh and touched.hashed == 1
    freshness.save(manifest, touched)
    assert freshness.check({"raw": raw}, manifest).hashed == 0


def test_settings_and_a_damaged_manifest(tmp_path):
    raw, manifest = _tree(tmp_path)
    freshness.save(manifest, freshness.check({"raw": raw}, manifest, extra={"confidence": 0.95}))
    assert freshness.check({"raw": raw}, manifest, extra={"confidence": 0.95}).fresh
    assert freshness.check({"raw": raw}, manifest, extra={"confidence": 0.99}).changed == ["(parameters or settings)"]
    manifest.write_text("not a pickle")
    manifest.with_suffix(".signature").write_text("not a pickle either")
    assert len(freshness.check({"raw": raw}, manifest).changed) == 2  # unreadable: everything counts as changed


def test_the_signature_alone_decides_a_no_change_check(tmp_path):
    # Nothing moved: the signature over paths, sizes and mtimes matches and the manifest is not even
    # read (here it is damaged on purpose); the tree digest comes from the signature file.
    raw, manifest = _tree(tmp_path)
    first = freshness.check({"raw": raw}, manifest)
    freshness.save(manifest, first)
    manifest.write_bytes(b"damaged")
    again = freshness.check({"raw": raw}, manifest)
    assert again.fresh and again.manifest is None
    assert freshness.tree_digest(again, "raw") == freshness.tree_digest(first, "raw")
    # Any moved mtime breaks the signature; the (now unreadable) manifest then hashes everything.
    record = raw / "grids" / "g.pdf"
    os.utime(record, ns=(record.stat().st_atime_ns, record.stat().st_mtime_ns + 1_000_000))
    assert freshness.check({"raw": raw}, manifest).hashed == 2


def test_a_damaged_signature_falls_back_to_the_manifest(tmp_path):
    raw, manifest = _tree(tmp_path)
    first = freshness.check({"raw": raw}, manifest)
    freshness.save(manifest, first)
    manifest.with_suffix(".signature").write_bytes(b"damaged")
    again = freshness.check({"raw": raw}, manifest)
    assert again.fresh and again.hashed == 0 and again.manifest is not None
    assert freshness.tree_digest(again, "raw") == freshness.tree_digest(first, "raw")
    # the tree digest: the relative paths and SHA-256 of each file, in path order (hand-computed)
    import hashlib
    expected = hashlib.sha256()
    for rel, body in (("disclosures/a.yaml", b"reference: A\n"), ("grids/g.pdf", b"%PDF-1.4 grid")):
        expected.update(rel.encode() + b"\0" + hashlib.sha256(body).digest())
    assert freshness.tree_digest(first, "raw") == expected.hexdigest()


def test_a_large_directory_is_stat_ed_by_two_processes_with_the_same_result(tmp_path, monkeypatch):
    raw = tmp_path / "raw"
    (raw / "sub").mkdir(parents=True)
    for i in range(50):
        (raw / f"r{i:02}.yaml").write_text("x" * i)  # r07.yaml holds 7 bytes
    (raw / "sub" / "g.pdf").write_bytes(b"%PDF")
    (raw / "gone").symlink_to(raw / "nowhere")  # a dangling link: not a file, skipped
    monkeypatch.setattr(freshness, "SPLIT", 1_000_000)
    whole = freshness._scan(raw)
    forks = []
    real_fork = os.fork
    monkeypatch.setattr(os, "fork", lambda: forks.append(1) or real_fork())
    monkeypatch.setattr(freshness, "SPLIT", 3)  # every directory of more than 3 entries is split
    split = freshness._scan(raw)
    if listing.cores() > 1:
        assert forks == [1]  # the top folder (52 entries) was split; sub/ (1 entry) was not
    assert split == whole
    top = dict((prefix, (names, list(sizes))) for prefix, names, sizes, _ in split)
    assert sorted(zip(*top[""])) == [(f"r{i:02}.yaml", i) for i in range(50)]
    assert top["sub/"] == (["g.pdf"], [4])


def test_a_file_modified_just_before_a_check_is_read_again_next_time(tmp_path):
    # A file modified within RACY_NS of a check could be modified again in the same mtime tick with
    # the same size: its size and mtime must not vouch for it. Here the second edit keeps size and
    # mtime exactly (os.utime puts the first edit's mtime back), as a same-tick edit would.
    raw, manifest = _tree(tmp_path)
    record = raw / "disclosures" / "a.yaml"
    record.write_text("reference: B\n")  # modified now
    first = freshness.check({"raw": raw}, manifest)
    freshness.save(manifest, first)
    assert not manifest.with_suffix(".signature").exists()  # no signature vouches for a recent file
    st = record.stat()
    record.write_text("reference: C\n")
    os.utime(record, ns=(st.st_atime_ns, st.st_mtime_ns))
    again = freshness.check({"raw": raw}, manifest)
    assert again.changed == ["raw/disclosures/a.yaml"] and again.hashed == 1  # the old file, g.pdf, was not read
    # Once it is older than the window, its size and mtime are trusted again and the signature returns.
    _age(record, 60)
    settled = freshness.check({"raw": raw}, manifest)
    freshness.save(manifest, settled)
    assert manifest.with_suffix(".signature").exists()
    assert freshness.check({"raw": raw}, manifest).manifest is None
