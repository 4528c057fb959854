"""The record format holds the responses users bring: FOISA and EIR citations named by their own law,
requests without an answer, appeals to the regulator, advice and assistance beside a refusal, and
drafts of FOISA/EIR letters going through `add`; only the Met's blue-list rows meet the Met's grids.

Expected names are the headings of the Acts and Regulations (the comment beside each names it).
"""

from __future__ import annotations

import pandas as pd
import pytest

from foi_analysis import build, cli
from foi_analysis.extract import answers, events as extract_events
from foi_analysis.records import disclosures, schemas

from test_add import FIXTURE_LETTERS, project, write  # noqa: F401  (project: the scratch-project fixture)
from test_records import GOOD, problems


def record(**fields) -> str:
    """GOOD with top-level fields replaced (a value of None removes the field's line)."""
    lines = GOOD.splitlines(keepends=True)
    text = "".join(line for line in lines if line.split(":")[0] not in fields)
    extra = "".join(f"{k}: {v}\n" for k, v in fields.items() if v is not None and k != "body")
    return extra + text + fields.get("body", "")


def exemption_rows(text: str):
    rec, found = problems(text)
    assert found == []
    return [dict(zip(disclosures.EXEMPTION_COLUMNS, row)) for row in rec.exemptions]


FOISA = """\
reference: "FOI 23-9999"
authority: Police Scotland
law: FOISA
source: {title: Facial recognition, file: letter.txt, kind: letter}
date_received: 25/09/2023
date_responded: 20/10/2023
outcome: refused
exemptions:
  - {raw: "Section 35(1)(a) Law Enforcement", questions: ["1"]}
  - {raw: "Section 38(1)(b) Personal Information", questions: ["2"]}
  - {raw: "Section 18(1)", questions: ["3"]}
"""


def test_foisa_sections_get_foisa_names():
    rows = {r["citation"]: r for r in exemption_rows(FOISA)}
    # FOISA 2002 s35 "Law enforcement" (FOIA 2000 s35 would be "Formulation of government policy")
    assert rows["35(1)(a)"]["name"] == "Law enforcement" and rows["35(1)(a)"]["absolute"] is False
    # FOISA 2002 s38 "Personal information"; absolute under s2(2)(e)
    assert rows["38(1)(b)"]["name"] == "Personal information" and rows["38(1)(b)"]["absolute"] is True
    # FOISA 2002 s18: neither confirm nor deny, not an exemption of Part 2
    assert rows["18(1)"]["ncnd"] is True and rows["18(1)"]["procedural"] is True
    assert {r["law"] for r in rows.values()} == {"FOISA"}


def test_the_same_section_without_law_is_foia():
    rows = exemption_rows(FOISA.replace("law: FOISA\n", "").replace('  - {raw: "Section 18(1)", questions: ["3"]}\n', ""))
    # FOIA 2000 s35 "Formulation of government policy, etc."
    assert rows[0]["name"] == "Formulation of government policy" and rows[0]["law"] == "FOIA"


def test_a_foisa_notice_section_is_not_a_ground():
    # FOISA 2002 s16 is the refusal notice (FOIA's s17): mentioned, never relied on
    rec, found = problems(FOISA.replace("Section 18(1)", "Section 16"))
    assert rec is not None and any("not a ground for refusal (refusal notice)" in f[3] for f in found)


EIR = """\
reference: "EIR-24-0001"
authority: Hertfordshire County Council
law: EIR
source: {title: Cameras, file: letter.txt, kind: letter}
date_received: 22/07/2024
date_responded: 19/08/2024
outcome: partially_disclosed
exemptions:
  - {raw: "Regulation 12(4)(a) - information not held", questions: ["1"]}
  - {raw: "regulation 12(5)(b) of the EIR", questions: ["2"]}
  - {raw: "Regulation 13 personal data", questions: ["3"]}
"""


def test_eir_exceptions_are_named_from_the_regulations():
    rows = exemption_rows(EIR)
    assert [(r["section"], r["citation"]) for r in rows] == [("12(4)(a)", "12(4)(a)"), ("12(5)(b)", "12(5)(b)"), ("13", "13")]
    names = [r["name"] for r in rows]
    # EIR 2004 reg 12(4)(a): "it does not hold that information when an applicant's request is received"
    assert names[0] == "Information not held when the request was received" and rows[0]["procedural"] is True
    # reg 12(5)(b): "the course of justice, the ability of a person to receive a fair trial or ... an inquiry
    # of a criminal or disciplinary nature"; qualified (reg 12(1)(b))
    assert names[1].startswith("The course of justice") and rows[1]["absolute"] is False and rows[1]["procedural"] is False
    # reg 13 "Personal data"
    assert names[2] == "Personal data"


def test_a_regulation_under_foia_is_refused_with_a_hint():
    rec, found = problems(EIR.replace("law: EIR\n", ""))
    assert rec.exemptions == []  # each line set aside (a bad citation sets aside its row, not the record)
    assert [f[1] for f in found] == ["exemptions[0].raw", "exemptions[1].raw", "exemptions[2].raw"]
    assert all("a regulation is cited under the EIR (law: EIR)" in f[3] for f in found)


def test_an_unknown_law_sets_the_record_aside():
    rec, found = problems(record(law="DPA"))
    assert rec is None and ("x.yaml", "law", "DPA", "unknown law; use one of FOIA, FOISA, EIR, EISR (absent: FOIA); record set aside") in found


@pytest.mark.parametrize("outcome", ["pending", "withdrawn", "transferred", "clarification_requested"])
def test_requests_without_an_answer(outcome):
    text = record(outcome=outcome, date_responded=None if outcome == "pending" else "30/03/2020", exemptions=None)
    text = text.replace('  - {raw: "Section 31(1)(a) Law enforcement", stage: response, questions: ["1"]}\n', "")
    rec, found = problems(text)
    assert found == [] and rec.outcome == outcome
    assert (rec.date_responded is None) == (outcome == "pending")


def test_appeals_to_the_regulator_are_events():
    text = GOOD.replace("  - {event: acknowledged, date: 03/03/2020}\n",
                        "  - {event: acknowledged, date: 03/03/2020}\n  - {event: ico_complaint, date: 04/05/2020}\n"
                        "  - {event: ico_decision, date: 01/02/2021}\n  - {event: tribunal_appeal, date: 01/03/2021}\n")
    rec, found = problems(text)
    assert found == [] and [e[0] for e in rec.events][-3:] == ["ico_complaint", "ico_decision", "tribunal_appeal"]


def test_advice_and_assistance_beside_a_refusal_is_kept_but_not_a_ground(tmp_path):
    text = GOOD.replace('  - {raw: "Section 31(1)(a) Law enforcement", stage: response, questions: ["1"]}\n',
                        '  - {raw: "Section 12 and Section 16"}\n  - {raw: "Section 16 - advice and assistance"}\n')
    rows = exemption_rows(text)
    # FOIA 2000 s16 "Duty to provide advice and assistance"
    assert [(r["section"], r["procedural"]) for r in rows] == [("12", True), ("16", True), ("16", True)]  # a row per entry
    assert rows[1]["name"] == "Duty to provide advice and assistance"
    rec, _ = problems(text)
    requests = build.record_tables([rec])["requests"]
    sections = requests[0][build.ROW_COLUMNS["requests"].index("sections")]
    assert sections == "12"  # s16 is not relied on


def test_every_value_the_extractor_writes_is_accepted():
    emitted = {o for o, _ in answers._VERDICTS} | {o for o, _ in answers._WDTK_STATUS}
    assert emitted <= set(schemas.OUTCOMES)
    assert set(extract_events.EVENTS) <= set(schemas.EVENTS)


@pytest.mark.parametrize("letter, law, cited", [
    # FOISA 2002 s18 (NCND) with s35 "Law enforcement"
    ("police_scotland_foisa", "FOISA", {("18(1)", "Further provision as respects responses to request (neither confirm nor deny)"),
                                        ("35(1)(a)", "Law enforcement"), ("35(1)(b)", "Law enforcement")}),
    # EIR 2004 reg 12(4)(b) "Manifestly unreasonable request" ("relying on regulation 12(4)(b) of the EIR")
    # and reg 13 "Personal data" ("withheld under regulation 13")
    ("hertfordshire_cc_eir", "EIR", {("12(4)(b)", "Manifestly unreasonable request"), ("13", "Personal data")}),
    # EISR 2004 reg 10(4)(a) "does not hold that information", 10(5)(b) "the course of justice ..." and reg 11(2) (personal data)
    ("glasgow_cc_eisr", "EISR", {("10(4)(a)", "Information not held when the request was received"),
                                 ("10(5)(b)", "The course of justice, a fair trial or an inquiry of a criminal or disciplinary nature"),
                                 ("11(2)", "Personal data")}),
])
def test_a_drafted_foisa_or_eir_letter_is_added_unchanged(project, tmp_path, capsys, letter, law, cited):
    drafts = tmp_path / "drafts"
    assert cli.main(["extract", str(FIXTURE_LETTERS / f"{letter}.txt"), "--out", str(drafts)]) == 0
    draft = drafts / f"{letter}.yaml"
    text = draft.read_text(encoding="utf-8")
    assert text.startswith("# UNREVIEWED DRAFT") and f"\nlaw: {law}\n" in text
    reviewed = write(tmp_path / "reviewed.yaml", "".join(text.splitlines(keepends=True)[2:]))  # the reviewer's signature
    assert cli.main(["add", str(reviewed)]) == 0, capsys.readouterr().err
    requests = pd.read_csv(project / "data" / "processed" / "requests.csv", dtype=str)
    assert requests.loc[requests["law"] == law].shape[0] == 1
    ex = pd.read_csv(project / "data" / "processed" / "exemptions.csv", dtype=str)
    assert set(map(tuple, ex.loc[ex["law"] == law, ["citation", "name"]].to_numpy())) == cited



def test_a_district_councils_eir_draft_cites_regulations_add_reads():
    # Round 4's district council (not in authorities.csv, so read as `add` reads each citation line):
    # "withholding ... under regulation 12(5)(a) of the EIR" (EIR 2004 reg 12(5)(a) "International relations,
    # defence, national security or public safety"), "manifestly unreasonable under regulation 12(4)(b)",
    # "redacted under regulation 13 (personal data)"; "a reconsideration under regulation 11" is no ground.
    import yaml

    from foi_analysis.extract.command import draft_yaml, extract_file
    from foi_analysis.foia import exemptions as ex

    draft = yaml.safe_load(draft_yaml(extract_file(FIXTURE_LETTERS / "district_council_eir_12_5_a.txt")))
    assert draft["law"] == "EIR"
    cited = [(c.citation, c.info.name) for e in draft["exemptions"] for c in ex.parse_citation(e["raw"], "EIR")]
    assert cited == [("12(5)(a)", "International relations, defence, national security or public safety"),
                     ("12(4)(b)", "Manifestly unreasonable request"), ("13", "Personal data")]
    assert {e["stage"] for e in draft["exemptions"]} == {"response"}


def test_a_scottish_councils_eisr_letter_is_drafted_under_the_eisr():
    # Glasgow City Council answers "under the Environmental Information (Scotland) Regulations 2004 (the EIRs)"
    # and applies FOISA s39(2) to keep the request out of FOISA: the Regulations decide (as the EIR do).
    # "Under regulation 10(4)(a) of the EIRs ... we do not hold it" (Q2), "withholding this correspondence
    # under regulation 10(5)(b) of the EIRs" and "personal data, withheld under regulation 11(2)" (Q3);
    # regulations 16 (review) and 17 (the Commissioner) are only mentioned; Q1 is answered ("None of the 484").
    from foi_analysis.extract.command import extract_file

    x = extract_file(FIXTURE_LETTERS / "glasgow_cc_eisr.txt")
    assert (x.law, x.authority, x.reference) == ("EISR", "Glasgow City Council", "EIR-2025-01187")
    assert (x.received["printed"], x.responded["printed"]) == ("11 April 2025", "13 May 2025")
    assert [(f.citation, f.procedural, f.questions) for f in x.exemptions] == [("10(4)(a)", True, ["2"]), ("10(5)(b)", False, ["3"]),
                                                                               ("11(2)", False, ["3"])]
    assert x.outcome == "partially_disclosed"
    assert [(q["question"], q["outcome"]) for q in x.questions] == [("1", "disclosed"), ("2", "not_held"), ("3", "exempt")]


EISR = FOISA.replace("law: FOISA", "law: EISR").replace("""exemptions:
  - {raw: "Section 35(1)(a) Law Enforcement", questions: ["1"]}
  - {raw: "Section 38(1)(b) Personal Information", questions: ["2"]}
  - {raw: "Section 18(1)", questions: ["3"]}
""", """exemptions:
  - {raw: "Regulation 10(5)(b) - course of justice", questions: ["1"]}
  - {raw: "regulations 10(4)(e) and 11(2)", questions: ["2"]}
  - {raw: "Regulation 10(8)", questions: ["3"]}
""")


def test_eisr_regulations_get_eisr_names():
    # EISR 2004 (SSI 2004/520): reg 10(5)(b) "the course of justice, the ability of a person to receive a fair
    # trial or the ability of any public authority to conduct an inquiry of a criminal or disciplinary nature";
    # 10(4)(e) "internal communications"; 11 "Personal data"; 10(8) neither confirm nor deny (10(5)(a) matters).
    rows = exemption_rows(EISR)
    assert [(r["citation"], r["section"], r["name"], r["ncnd"], r["procedural"], r["law"]) for r in rows] == [
        ("10(5)(b)", "10(5)(b)", "The course of justice, a fair trial or an inquiry of a criminal or disciplinary nature", False, False, "EISR"),
        ("10(4)(e)", "10(4)(e)", "Internal communications", False, False, "EISR"),
        ("11(2)", "11", "Personal data", False, False, "EISR"),
        ("10(8)", "10(8)", "Neither confirm nor deny (matters in regulation 10(5)(a))", True, True, "EISR")]
    # The EIR's numbers are not the EISR's: regulation 12(4)(b) is no Scottish regulation, 16 (review) no ground.
    for raw, why in (("Regulation 12(4)(b)", "not an EISR exemption"), ("Regulation 16", "review by Scottish public authority")):
        _, found = problems(EISR.replace("Regulation 10(8)", raw))
        assert [field for _, field, _, reason in found if why in reason] == ["exemptions[2].raw"], found


BLUE = """\
tables:
  - kind: blue_list
    columns: [Date, True alert rate, False alert rate]
    rows:
      - ["14/07/2022", "100%", "0%"]
"""


def test_only_the_mets_blue_list_rows_meet_the_grids(tmp_path, monkeypatch):
    raw = tmp_path / "raw"
    (raw / "disclosures").mkdir(parents=True)
    (raw / "grids").mkdir()
    for name, authority in (("met.yaml", "Metropolitan Police Service"), ("swp.yaml", "South Wales Police")):
        write(raw / "disclosures" / name, GOOD.replace("Avon and Somerset Constabulary", authority) + BLUE)
    seen = []

    def build_tables(folder, blue_list, read):
        seen.append(blue_list)
        return {}, []
    monkeypatch.setattr(build.grids, "build_tables", build_tables)
    result = build.assemble(raw)
    # both are kept in blue_list.csv; only the Met's is passed to the join with the Met's grids
    assert sorted(result.tables["blue_list"]["authority"]) == ["Metropolitan Police Service", "South Wales Police"]
    assert list(seen[0]["authority"]) == ["Metropolitan Police Service"]


def test_findings_name_a_foisa_ncnd_citation_with_its_law(project, tmp_path, capsys):
    # FOISA 2002 s18(1) (neither confirm nor deny) is no FOIA s18: the findings say "FOISA 18(1)", as
    # they name the record's other sections ("FOISA 35"); the corpus's FOIA NCND citations stay bare.
    from foi_analysis.analysis import findings

    assert cli.main(["add", str(write(tmp_path / "foisa.yaml", FOISA))]) == 0, capsys.readouterr().err
    e = findings.exemptions(authority="Police Scotland")
    assert e["ncnd_citations"] == ["FOISA 18(1)"]
    assert "FOISA 35" in e["sections_by_requests"]
    assert "citing FOISA 18(1)." in " ".join(findings.describe("exemptions", e))
    # with the corpus's FOIA NCND citations (24(2), 31(3): tests/test_report.py), in statute order
    assert findings.exemptions()["ncnd_citations"] == ["FOISA 18(1)", "24(2)", "31(3)"]


@pytest.mark.parametrize("name, foisa", [
    ("the Freedom of Information (Scotland) Act 2002", True), ("FOISA", True), ("the FOI(S)A", True),
    ("the Freedom of Information Act 2000", False), ("the FOIA", False),
    ("the Police and Fire Reform (Scotland) Act 2012", False),  # another Scottish Act is not FOISA
    ("the Environmental Information (Scotland) Regulations 2004", False),
])
def test_extract_and_add_tell_the_scottish_act_by_the_same_names(name, foisa):
    # One pattern (foia.exemptions.FOISA_NAME): the law a letter is drafted under, and the Act a
    # record's citation names (a record without `law: FOISA` naming it is refused: test_hostile_records).
    from foi_analysis.extract.command import extract_text
    from foi_analysis.foia.exemptions import act_named

    letter = (f"Our reference: FOI-2024-0101\nDear Sir,\nYour request has been considered under {name}.\n"
              "The information is exempt under section 35(1)(a) and is withheld.\nYours faithfully\nKent Police\n")
    assert (extract_text(letter).law == "FOISA") is foisa
    assert (act_named(f"Section 35(1)(a) of {name}") == "FOISA") is foisa
