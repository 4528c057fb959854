"""The incremental build: same bytes as a clean build, and unchanged files are not read again.

Every test works on a scratch copy of the frozen test corpus (tests/fixtures/corpus), never on
data/raw. "Same bytes" is checked against a clean build (no cache) of the same raw folder, so no
expected output is pasted in: the clean build is the reference.
"""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from foi_analysis import build, cache as build_cache, chunking
from foi_analysis.grids import parse as grids
from foi_analysis.records import disclosures

CORPUS = Path(__file__).parent / "fixtures" / "corpus" / "data"
GRID_FIXTURES = Path(__file__).parent / "fixtures" / "grids"
OLD_GRID = "met-lfr-grid-2020-2022.pdf"


@pytest.fixture
def data(tmp_path) -> Path:
    shutil.copytree(CORPUS, tmp_path / "data")
    return tmp_path / "data"


@pytest.fixture
def reads(monkeypatch) -> dict[str, list[str]]:
    """Which record files and grid PDFs were actually parsed (the cache's misses)."""
    seen: dict[str, list[str]] = {"records": [], "grids": []}
    load_files, read_grid = disclosures.load_files, grids.read_grid

    def counting_load(paths, root, rejections, contents=None):
        seen["records"].extend(Path(p).name for p in paths)
        return load_files(paths, root, rejections, contents)

    def counting_grid(path):
        seen["grids"].append(Path(path).name)
        return read_grid(path)

    monkeypatch.setattr(disclosures, "load_files", counting_load)
    monkeypatch.setattr(grids, "read_grid", counting_grid)
    return seen


def outputs(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def assert_same_as_clean(data: Path, tmp_path: Path) -> dict[str, bytes]:
    """Build incrementally and cleanly from the same raw folder; every output file must match."""
    build.build(data / "raw", data / "processed", cache=True)
    clean_out = tmp_path / f"clean-{len(list(tmp_path.iterdir()))}"
    build.build(data / "raw", clean_out, cache=False)
    got, want = outputs(data / "processed"), outputs(clean_out)
    assert sorted(got) == sorted(want)
    for name in want:
        assert got[name] == want[name], f"{name} differs from a clean build"
    return got


def reset(reads):
    reads["records"].clear()
    reads["grids"].clear()


def test_second_build_reads_nothing_again_and_gives_the_same_bytes(data, tmp_path, reads):
    first = assert_same_as_clean(data, tmp_path)
    assert len(reads["records"]) >= 5 and len(reads["grids"]) >= 2
    assert (data / ".cache" / "build").is_dir()  # beside data/raw, git-ignored
    reset(reads)
    build.build(data / "raw", data / "processed", cache=True)
    assert reads == {"records": [], "grids": []}
    assert outputs(data / "processed") == first


def test_an_edited_record(data, tmp_path, reads):
    assert_same_as_clean(data, tmp_path)
    record = data / "raw" / "disclosures" / "mps-01.FOI.23.028881.yaml"
    record.write_text(record.read_text().replace("date_received: null", "date_received: 03/01/2023"))
    reset(reads)
    got = assert_same_as_clean(data, tmp_path)
    assert "mps-01.FOI.23.028881.yaml" in reads["records"]
    assert reads["grids"].count(OLD_GRID) == 1  # by the clean build only: the grids did not change
    assert b"01.FOI.23.028881,Metropolitan Police Service,2023-01-03," in got["requests.csv"]


def test_a_deleted_record_leaves_no_trace(data, tmp_path):
    assert_same_as_clean(data, tmp_path)
    (data / "raw" / "disclosures" / "mopac-FOI-506.yaml").unlink()
    got = assert_same_as_clean(data, tmp_path)
    assert b"FOI 506" not in got["requests.csv"]


def test_a_bad_record_added_then_a_duplicate_reference(data, tmp_path):
    assert_same_as_clean(data, tmp_path)
    folder = data / "raw" / "disclosures"
    (folder / "late.yaml").write_text('reference: "X-1"\nauthority: Kent Police\nsource: {title: t}\noutcome: maybe\n')
    got = assert_same_as_clean(data, tmp_path)
    assert b"disclosures/late.yaml" in got["rejected.csv"]
    shutil.copy(folder / "mopac-FOI-506.yaml", folder / "zz-copy.yaml")
    got = assert_same_as_clean(data, tmp_path)
    assert b"duplicate record" in got["rejected.csv"]


def test_a_replaced_grid_pdf(data, tmp_path, reads):
    assert_same_as_clean(data, tmp_path)
    grid = data / "raw" / "grids" / OLD_GRID
    # Same name, other content: a grid with reconciliation failures, then one that is not a PDF.
    shutil.copyfile(GRID_FIXTURES / "bad_rows.pdf", grid)
    reset(reads)
    got = assert_same_as_clean(data, tmp_path)
    assert reads["grids"].count(OLD_GRID) == 2  # incremental and clean build each parsed the new file
    assert "met-lfr-grid-2023-to-2024.pdf" in reads["grids"]  # by the clean build only
    assert reads["grids"].count("met-lfr-grid-2023-to-2024.pdf") == 1
    assert b"alerts_sum" in got["deployment_anomalies.csv"]
    shutil.copyfile(GRID_FIXTURES / "corrupt.pdf", grid)
    got = assert_same_as_clean(data, tmp_path)
    assert f"grids/{OLD_GRID}".encode() in got["rejected.csv"]
    # An unreadable grid's error is cached too, and still reported on the next build.
    again = build.build(data / "raw", data / "processed", cache=True)
    assert any(r.source == f"grids/{OLD_GRID}" for r in again.rejections)


def test_the_deployment_tables_are_made_again_only_when_a_grid_or_a_blue_list_row_changes(data, tmp_path, monkeypatch):
    # The join of the blue list to the deployments, and the schemas' run over the deployment tables,
    # depend on the grids and the blue-list rows alone.
    made = []
    build_tables = grids.build_tables

    def counting(*args, **kwargs):
        made.append(1)
        return build_tables(*args, **kwargs)

    monkeypatch.setattr(grids, "build_tables", counting)
    # A group per record: the blue-list rows are put together from several groups, some loaded, some redone.
    monkeypatch.setattr(build, "CHUNK_FILES", 1)
    monkeypatch.setattr(build, "GROUP_CHUNKS", 1)
    before = assert_same_as_clean(data, tmp_path)
    assert b"0.5" not in before["blue_list_deployments.csv"]
    made.clear()
    # A record without a blue-list table, edited: the deployment tables are taken as they were.
    record = data / "raw" / "disclosures" / "mps-2016090000813.yaml"
    record.write_text(record.read_text() + "\n# a comment\n")
    build.build(data / "raw", data / "processed", cache=True)
    assert made == []
    # A blue-list rate edited (0% -> 50% on the fixture's first row): joined again, as a clean build would.
    blue = data / "raw" / "disclosures" / "mps-01.FOI.23.030730.yaml"
    text = blue.read_text()
    assert '- ["06/04/2023", "100%", "0%"]' in text
    blue.write_text(text.replace('- ["06/04/2023", "100%", "0%"]', '- ["06/04/2023", "100%", "50%"]', 1))
    made.clear()
    got = assert_same_as_clean(data, tmp_path)
    assert len(made) == 2  # the incremental build, then the clean one
    assert b"0.5" in got["blue_list_deployments.csv"]


def test_a_changed_reader_or_a_damaged_cache_reads_again(data, tmp_path, reads, monkeypatch):
    first = assert_same_as_clean(data, tmp_path)
    monkeypatch.setattr(build_cache, "code_version", lambda: "another version of the code")
    reset(reads)
    build.build(data / "raw", data / "processed", cache=True)
    assert len(reads["records"]) == 5 and len(reads["grids"]) == 2
    for entry in (data / ".cache" / "build").glob("*.pickle"):
        entry.write_bytes(b"not a pickle")
    reset(reads)
    build.build(data / "raw", data / "processed", cache=True)
    assert len(reads["records"]) == 5 and len(reads["grids"]) == 2
    assert outputs(data / "processed") == first


def test_one_changed_record_rereads_only_its_chunk(data, tmp_path, reads, monkeypatch):
    # Chunks of about one file (the real size is 500): an edit re-reads the edited file's chunk only.
    monkeypatch.setattr(build, "CHUNK_FILES", 1)
    assert_same_as_clean(data, tmp_path)
    record = data / "raw" / "disclosures" / "mps-2016090000813.yaml"
    record.write_text(record.read_text() + "\n# a comment changes the bytes, not the tables\n")
    reset(reads)
    build.build(data / "raw", data / "processed", cache=True)
    names = sorted(p.name for p in (data / "raw" / "disclosures").glob("*.yaml"))
    chunk = next(c for c in ([names[i] for i in index] for _, index in chunking.members(names, build.CHUNK_FILES)) if record.name in c)
    assert reads["records"] == chunk and len(chunk) < len(names)
    (data / "raw" / "disclosures" / "mps-01.FOI.23.030730.yaml").unlink()
    reset(reads)
    assert_same_as_clean(data, tmp_path)
    assert "mps-01.FOI.23.030730.yaml" not in reads["records"]


def test_the_command_line_build_uses_the_cache(data):
    root = data.parent
    env = {**os.environ, "FOI_ANALYSIS_ROOT": str(root)}
    exe = Path(sys.executable).with_name("foi-analysis")
    for _ in range(2):
        done = subprocess.run([str(exe), "build"], env=env, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
    assert "0 file(s) changed" in done.stderr
    assert sorted(p.stem.split("-")[0] for p in (data / ".cache" / "build").glob("*.pickle")) == ["calendar", "deployment", "grid", "grid", "outputs", "records", "tail"]


def test_untouched_files_are_not_even_read_and_a_same_size_edit_is_seen(data, tmp_path, reads, monkeypatch):
    # Files older than the clock-tick guard: the stat facts (size, mtime, inode) stand in for the bytes.
    hour_ago = time.time_ns() - 3_600_000_000_000
    for path in (data / "raw").rglob("*"):
        os.utime(path, ns=(hour_ago, hour_ago))
    assert_same_as_clean(data, tmp_path)
    opened, announced = [], []
    read = disclosures.read_files
    monkeypatch.setattr(disclosures, "read_files", lambda folder, names, *ahead: opened.extend(names) or read(folder, names, *ahead))

    class Counted(disclosures.Announced):  # files opened early for the kernel to fetch them count as read
        def __init__(self, folder, names):
            announced.extend(names)
            super().__init__(folder, names)

    monkeypatch.setattr(disclosures, "Announced", Counted)
    reset(reads)
    build.build(data / "raw", data / "processed", cache=True)
    assert opened == [] and announced == [] and reads["records"] == []
    # Same size, new content, mtime one second later: read and parsed again.
    record = data / "raw" / "disclosures" / "mps-01.FOI.23.028881.yaml"
    record.write_text(record.read_text().replace("outcome: partially_disclosed", "outcome: disclosed          "))
    os.utime(record, ns=(hour_ago, hour_ago + 1_000_000_000))
    reset(reads)
    build.build(data / "raw", data / "processed", cache=True)
    # Read once: the bytes hashed for the cache key are the bytes parsed (not read a second time).
    assert opened.count(record.name) == 1 and record.name in reads["records"]
    got = assert_same_as_clean(data, tmp_path)
    assert b"01.FOI.23.028881,Metropolitan Police Service,,,disclosed," in got["requests.csv"]
    # A new code version is a miss even when every file's stat facts are unchanged.
    monkeypatch.setattr(build_cache, "code_version", lambda: "another version of the code")
    reset(reads)
    build.build(data / "raw", data / "processed", cache=True)
    assert len(reads["records"]) == 5 and len(reads["grids"]) == 2


def test_records_spread_over_many_groups_give_the_bytes_of_one_group(data, tmp_path, monkeypatch):
    # Each group of chunks sorts, validates and renders its own records; the merge interleaves them
    # by (reference, authority). With one file per chunk and two chunks per group the five records
    # (and the copies below) fall into several groups; every output must be what one group gives.
    folder = data / "raw" / "disclosures"
    shutil.copy(folder / "mopac-FOI-506.yaml", folder / "a-copy-of-506.yaml")  # a duplicate, likely in another group
    one_group = tmp_path / "one-group"
    build.build(data / "raw", one_group, cache=False)
    monkeypatch.setattr(build, "CHUNK_FILES", 1)
    monkeypatch.setattr(build, "GROUP_CHUNKS", 2)
    names = sorted(p.name for p in folder.iterdir())
    groups = build._groups([(slot, [names[i] for i in index]) for slot, index in chunking.members(names, build.CHUNK_FILES)])
    assert len(groups) >= 3
    got = assert_same_as_clean(data, tmp_path)
    assert got == outputs(one_group)
    assert b"duplicate record" in got["rejected.csv"] and b"FOI 506" not in got["requests.csv"]
    monkeypatch.setattr(build, "PARALLEL_FROM", 1)  # the groups' tails done in worker processes
    build.build(data / "raw", tmp_path / "workers", cache=False)
    assert outputs(tmp_path / "workers") == got
    # Written a record or two at a time: each batch takes a run of rows from each group, the
    # duplicate's gap included.
    default = build.WRITE_BATCH
    for size in (1, 2):
        monkeypatch.setattr(build, "WRITE_BATCH", size)
        build.build(data / "raw", tmp_path / f"batches-{size}", cache=False)
        assert outputs(tmp_path / f"batches-{size}") == got
    monkeypatch.setattr(build, "WRITE_BATCH", default)
    monkeypatch.setattr(build, "PARALLEL_FROM", 2000)
    # The duplicate removed: 506 is back, from whichever group holds it.
    (folder / "a-copy-of-506.yaml").unlink()
    got = assert_same_as_clean(data, tmp_path)
    assert b"FOI 506" in got["requests.csv"]
    # A record renamed moves to another chunk (and group): its rows keep their place in every table.
    before = outputs(data / "processed")
    moved = sorted(folder.iterdir())[0]
    moved.rename(folder / f"zz-{moved.name}")
    got = assert_same_as_clean(data, tmp_path)
    changed = {name for name in got if got[name] != before[name]}
    assert changed == {"requests.csv"}  # only its source_file column names the file


def test_a_groups_rows_stay_in_its_cache_entry(data, tmp_path):
    # The text of a group's rows is stored after its entry's pickle and read from there when the
    # tables are written: what a worker sends back and what a build unpickles hold none of it.
    got = assert_same_as_clean(data, tmp_path)
    rows = got["requests.csv"].splitlines()[1:]
    assert len(rows) == 5
    store = build_cache.Cache(build.cache_folder(data / "raw"))
    (entry,) = (data / ".cache" / "build").glob("tail-*.pickle")
    key, signature, view, blob = store.entry(entry.stem)
    assert isinstance(view, build.GroupRows) and blob is not None
    sent = pickle.dumps(view)
    assert not any(row in sent for row in rows)
    assert all(row in entry.read_bytes() for row in rows)


def test_an_output_changed_or_removed_by_hand_is_written_again(data, tmp_path):
    # A table whose rows and order did not change is not rendered again; unless its file is no
    # longer the one the last build wrote (edited, replaced or deleted): then it is, as a clean build gives it.
    first = assert_same_as_clean(data, tmp_path)
    processed = data / "processed"
    requests, events = processed / "requests.csv", processed / "events.csv"
    requests.write_bytes(first["requests.csv"].replace(b"Metropolitan", b"Metropolitam"))
    events.unlink()
    again = build.build(data / "raw", processed, cache=True)
    assert sorted(p.name for p in again.written) == ["events.csv", "requests.csv"]
    assert outputs(processed) == first
    # Nothing changed at all: nothing written.
    assert build.build(data / "raw", processed, cache=True).written == []


def test_a_reference_that_begins_another_sorts_before_it_in_every_table(data, tmp_path, monkeypatch):
    # "FOI 50", "FOI 506", "FOI 5061", "FOI 50A": each a prefix of, or sharing a prefix with, the
    # next. The merge sorts records by one byte string per (reference, authority), so the separator
    # between the two must sort before every character a reference can hold; a printable one made
    # "FOI 506" sort before "FOI 50" and the tables lost rows. Expected order by hand: a string
    # sorts before any longer string it begins, and "1" (0x31) < "A" (0x41).
    folder = data / "raw" / "disclosures"
    text = (folder / "mopac-FOI-506.yaml").read_text(encoding="utf-8")
    for reference in ("FOI 50A", "FOI 5061", "FOI 50"):
        (folder / f"x-{reference.replace(' ', '-')}.yaml").write_text(
            text.replace('reference: "FOI 506"', f'reference: "{reference}"'), encoding="utf-8")
    expected = ["FOI 50", "FOI 506", "FOI 5061", "FOI 50A"]

    def mopac_references(out: Path, table: str) -> list[str]:
        lines = (out / f"{table}.csv").read_text(encoding="utf-8").splitlines()[1:]
        refs = [line.split(",")[0] for line in lines if "Mayor's Office" in line]
        return list(dict.fromkeys(refs))  # each record's first row

    build.build(data / "raw", tmp_path / "one-group", cache=False)
    for table in ("requests", "exemptions", "questions", "response_times"):
        assert mopac_references(tmp_path / "one-group", table) == expected, table
    monkeypatch.setattr(build, "CHUNK_FILES", 1)
    monkeypatch.setattr(build, "GROUP_CHUNKS", 2)
    assert assert_same_as_clean(data, tmp_path) == outputs(tmp_path / "one-group")


def test_a_changed_chunk_redoes_the_tail_of_its_records_only(tmp_path, monkeypatch):
    # A group's tail is made again from its previous tail and the tail of its changed chunks: the
    # outputs must be a clean build's after every kind of change, and the group's cache entry what
    # the whole group's tail gives. 120 synthetic records (a few with blue-list rows), chunks of
    # ~4 files, groups of four chunks.
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    import synthetic

    raw = synthetic.write_raw_corpus(120, tmp_path / "data")
    folder = raw / "disclosures"
    monkeypatch.setattr(build, "CHUNK_FILES", 4)
    monkeypatch.setattr(build, "GROUP_CHUNKS", 4)
    sizes, tail = [], build._tail
    monkeypatch.setattr(build, "_tail", lambda parts: sizes.append(len(parts)) or tail(parts))
    patched, patch = [], build._patched_rows
    monkeypatch.setattr(build, "_patched_rows", lambda t, *a: patched.append((t.name, r := patch(t, *a))) or r)
    data = raw.parent
    assert_same_as_clean(data, tmp_path)
    names = sorted(p.name for p in folder.iterdir())
    chunks = {name: slot for slot, index in chunking.members(names, build.CHUNK_FILES) for name in (names[i] for i in index)}
    same_chunk = [n for n in names if chunks[n] == chunks[names[0]]]
    assert len(same_chunk) >= 2

    def edit(name, old, new):
        path = folder / name
        text = path.read_text()
        assert old in text
        path.write_text(text.replace(old, new, 1))

    def check():
        sizes.clear()
        got = assert_same_as_clean(data, tmp_path)
        assert 1 in sizes  # the changed chunk's tail alone (the clean build's are 4 chunks)
        store = build_cache.Cache(build.cache_folder(raw))
        for entry in (data / ".cache" / "build").glob("tail-*.pickle"):  # each entry: what its whole group gives
            key, _, view, blob = store.entry(entry.stem)
            now = names_now()
            group = next(g for g in build._groups([(slot, [now[i] for i in index]) for slot, index in chunking.members(now, build.CHUNK_FILES)])
                         if g[0] == entry.stem)
            parts = [(i, build._read_chunk(slot, folder, files, raw)) for i, slot, files in group[1]]
            want, text = build.GroupRows.of(tail(parts))
            assert blob.read(0, view.sections["files"]) == b"".join(text)[:want.sections["files"]]
            assert pickle.loads(blob.read(view.sections["files"], view.sections["end"])) == pickle.loads(text[-1])
            for name in build.FOI_TABLES:
                assert (view.offsets[name] == want.offsets[name]).all() and (view.counts[name] == want.counts[name]).all()
                assert view.bad[name] == want.bad[name]
            assert (view.keys == want.keys).all() and view.rejections == want.rejections
            assert view.blue_list.equals(want.blue_list) and (view.blue_chunk == want.blue_chunk).all()
        return got

    def names_now():
        return sorted(p.name for p in folder.iterdir())

    edit(same_chunk[0], 'title: "', 'title: "Corrected: ')  # a title: the record keeps its place
    patched.clear()
    got = check()
    assert b"Corrected: Synthetic disclosure" in got["requests.csv"]
    # requests.csv patched from its previous file (the record kept its place), the other tables unchanged
    assert [(name, r.differs) for name, r in patched if r] == [("requests", True)]
    # Two records of one chunk, one of them given a reference that sorts first (its rows move).
    edit(same_chunk[0], "SYN.", "AAA.")
    edit(same_chunk[1], "outcome: ", "outcome: not_held\nx_outcome: ")
    got = check()
    assert got["requests.csv"].split(b"\n")[1].startswith(b"AAA.")
    # A record that fails its schema (a bad outcome), then one deleted and one added in the chunk.
    edit(same_chunk[1], "outcome: not_held", "outcome: maybe")
    check()
    (folder / same_chunk[1]).unlink()
    shutil.copy(folder / same_chunk[0], folder / "syn-new.yaml")
    edit("syn-new.yaml", "AAA.", "NEW.")
    check()
    # A blue-list row changed.
    with_blue = next(n for n in names_now() if "blue_list" in (folder / n).read_text())
    edit(with_blue, '"100%"', '"90%"')
    got = check()
    assert b",0.9," in got["blue_list.csv"]
