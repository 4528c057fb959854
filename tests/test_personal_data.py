"""No requester's or officer's name may reach data/, notebooks or reports.

The names are those printed in the seed documents (sign-offs, salutations, the person quoted in
seed 000). So that this file holds no names itself, it keeps only their SHA-256 digests
(lower-case, single-spaced) and compares them with every word and word pair in the outputs.
With ../shared present it also reads the names from the seeds' sign-offs and checks those.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path


from foi_analysis import config

NAME_DIGESTS = {
    "db700fe2daf5d24d95a3b336b82c6b6f2f254c568e32b21a5d03a89b6931aeaa",  # requester, seed 002
    "b3589cc2cac5cfa511cc273b6581a46ed4eb01d6c78b770100da02a1e5e30c2b",  # FOI manager, seed 002
    "f066e14675c0a6ec6c06f2d019405f7633455472346b4f4b8ee527a3d52e0dc1",  # the same, short form
    "9b674c040102617946eb90690888905a503c7b765ab096d35595adc7a6314e71",  # officer quoted, seed 000
    "f58c9154ea5a251ae2ab897614747933fbcad8979e91f8d7aa2d23b9d3b583b1",  # her surname alone
    "a88fbc1e79fe66f212d18ac0cf01ffca6202659d89213deba15c32cf7896f8f5",  # information law advisor, seed 002
    "6f5329953d91f4eb9416d8b56fb3e1f924de7945fdce28150348676de1d604e5",  # information rights unit, seed 002
    "66184d0639f98fc9f06d3bbb9ec615d4ec072c8a479bb47654656603f38605b5",  # triage support officer, seed 002
}
TEXT_SUFFIXES = {".csv", ".yaml", ".yml", ".md", ".ipynb", ".json", ".html", ".txt", ".py", ".cfg"}


def scanned_files() -> list[Path]:
    # The repository's own folders (the tests' FOI_ANALYSIS_ROOT is a scratch copy of the test corpus).
    roots = [config.REPOSITORY / "data", config.REPOSITORY / "notebooks", config.REPOSITORY / "reports"]
    return sorted(p for r in roots if r.exists() for p in r.rglob("*") if p.suffix in TEXT_SUFFIXES and p.is_file())


def phrases(text: str):
    words = re.findall(r"[a-z][a-z'\-]+", text.lower())
    yield from words
    yield from (f"{a} {b}" for a, b in zip(words, words[1:]))


def digest(phrase: str) -> str:
    return hashlib.sha256(phrase.encode()).hexdigest()


def test_the_digest_check_can_fail(tmp_path):
    # A known phrase is caught: the check is not vacuous.
    assert digest("brian wilson") in NAME_DIGESTS
    assert any(digest(p) in NAME_DIGESTS for p in phrases("Yours sincerely, Brian  Wilson."))


def test_no_personal_names_in_outputs():
    files = scanned_files()
    assert any(p.suffix == ".csv" for p in files) and any(p.suffix == ".yaml" for p in files)
    hits = [str(p.relative_to(config.REPOSITORY)) for p in files
            if any(digest(ph) in NAME_DIGESTS for ph in phrases(p.read_text(encoding="utf-8", errors="replace")))]
    assert hits == []


SIGN_OFF = re.compile(r"Yours (?:sincerely|faithfully),?\s*\n\s*\n?\s*([A-Z][a-zA-Z.]*(?: [A-Z][a-zA-Z'\-]+)+)\s*\n")


def test_names_read_from_the_seeds_are_absent(seeds):
    names = set()
    for path in seeds.glob("*.txt"):
        names |= set(SIGN_OFF.findall(path.read_text(encoding="utf-8")))
    assert len(names) >= 4, names  # the requester and three officers sign seed 002
    assert all(digest(" ".join(n.lower().replace(".", " ").split()[-2:])) in NAME_DIGESTS or
               digest(n.lower().split()[-1]) in NAME_DIGESTS for n in names), "a seed name is missing from the digests"
    for path in scanned_files():
        text = path.read_text(encoding="utf-8", errors="replace")
        for name in names:
            assert name not in text, f"{name!r} found in {path.relative_to(config.REPOSITORY)}"
