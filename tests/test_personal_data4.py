"""Personal names, round 4 (session 16, task PD4): what round 3 left, and forms no round had tried.

Measured first on 120 hand-written probes against main's code (each text through ``people.redact``, since ``add``
refuses only what ``find`` finds, and, for a one-line text, as a letter's first line, which the draft's title copies):
29 leaked, 5 were wrongly redacted, 86 were right; after, 120 right. Leaks: a name in prose with no place cue
("<name> agreed", "as <name> explained"), thanks as a sign-off ("Many thanks,", "Best,", the Welsh "Diolch"), a name
written surname first ("Requester: Okafor, Priya", "From: Okafor, Priya <...>"), the later names of an address list
("Cc: a; b"), "on behalf of", a label without its colon ("Applicant <name> asked"), "Sender:", "Name of requester:",
"Customer name:", "Surname:" / "Forename:" (one word), a rank with a collar number ("PC 1234 <name>"), PCSO, DSU,
D/Supt, a title in capitals over a signature ("PROF. JANE DOE"), a name before its role in brackets, "<name> via
WhatDoTheyKnow <...> wrote:", and a profile page's address (WhatDoTheyKnow's /user/jane_doe). Wrongly redacted: a
subject ending in two topic words ("FOI 44/25 - Stop Search", "Custody Images", "Retention Policy"), a firm that
begins like a rank ("DS Smith plc"), "Her Majesty's Inspectorate".

Every person here is invented ("Priya Okafor", "Jane Doe", "Rhodri ap Ellery", "Wei Ng"); the firms and bodies named
are real ones, kept as printed.
"""

from __future__ import annotations

import pytest
import yaml

from foi_analysis import cli
from foi_analysis.extract import extract_text
from foi_analysis.records import people

from test_add import scratch_project
from test_records import GOOD


# --- round 3's leftovers --------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    # a request's subject ending in its topic: common topic words, and words with a topic's ending (-tion, -ics, -ship ...)
    "FOI 44/25 - Stop Search", "Request 102 - Body Worn Video", "Subject: FOI 2025-0502 - Custody Images",
    "Subject: FOI 2025-0502 - Vehicle Stops", "FOI 12/25 - Retention Policy", "FOI 12/25 - Facial Recognition Legislation",
    "Request 88 - Crime Statistics", "FOI 12/25 - Data Ethics", "FOI 12/25 - Regional Partnerships",
    # a firm whose name begins like a rank: its legal form after it says it is a company
    "DS Smith plc supplied the packaging.", "Supplied by PC Specialist Ltd", "Mr Kipling Limited baked them.",
    "We spoke to Her Majesty's Inspectorate about it.", "His Majesty's Inspectorate of Constabulary reported in 2024.",
])
def test_round_three_over_redactions_are_kept(text):
    assert people.find(text) == []
    assert people.redact(text) == text


@pytest.mark.parametrize("text, redacted", [
    # a name in a sentence before a verb of saying or deciding, with a team or a role between (round 3: not found)
    ("Priya Okafor agreed to the search.", "[name] agreed to the search."),
    ("Priya Okafor in the Digital team agreed to the search.", "[name] in the Digital team agreed to the search."),
    ("as Jane Doe explained in her email, the list is exempt", "as [name] explained in her email, the list is exempt"),
    ("as Jane Doe, the Data Protection Officer, explained, it is exempt",
     "as [name], the Data Protection Officer, explained, it is exempt"),
    ("Niamh O'Quillan-Vance from the Information Rights team confirmed it.",
     "[name] from the Information Rights team confirmed it."),
])
def test_a_name_in_prose_before_a_verb_of_saying_is_found(text, redacted):
    assert people.redact(text) == redacted
    assert [n.kind for n in people.find(text)] == ["in a sentence"]


@pytest.mark.parametrize("text", [
    # bodies, roles, common words and one word alone before the same verbs: no one
    "Big Brother Watch said the matches were wrong.", "Amnesty International said the cameras were unlawful.",
    "The Court of Appeal said the deployment was unlawful.", "South Wales Police confirmed the figures.",
    "Royal Mail confirmed delivery.", "Network Rail agreed to the deployment.", "Facewatch said it holds nothing.",
    "NEC Software Solutions said the system was accurate.", "Corsight AI said the system was accurate.",
    "Home Secretary said the law was clear.", "Transport for London agreed to share it.", "The Home Office agreed to fund it.",
    "Both Forces agreed to share the data.", "Option B agreed the plan.", "Gold Command approved the deployment.",
    "Audit Committee agreed the plan.", "Prime Minister said it was lawful.", "Police Scotland said it holds nothing.",
    "Live Facial Recognition confirmed the match.", "South Yorkshire agreed to share the figures.",
    "Data Protection Officer advised against it.", "Ethics Panel approved the deployment.",
    # a heading's capitalised verb is no sentence's ("Incidents Reported", "Date Requested")
    "Watchlist Alerts Reported", "Jane Doe Requested",
])
def test_bodies_and_words_before_a_verb_of_saying_stay(text):
    assert people.find(text) == []


def test_a_body_of_two_words_no_list_knows_before_said_is_read_as_a_name():
    # Known cost (docs/extract.md, Limits): "Acme Widgets" (an invented firm) has a person's name's form, and no word
    # of it is a body's or a common word's; before "said" it is written "[name]" (a firm lost, never a name kept).
    assert people.redact("Acme Widgets said it was fine.") == "[name] said it was fine."


def test_a_name_with_no_cue_at_all_is_still_not_found():
    # Known gap (docs/extract.md): no model of names is in requirements.lock; a name before "is on leave" has no place
    # that tells it from a heading or a product. Pinned so that a change here also updates the docs.
    assert people.find("Priya Okafor is on leave until June.") == []


# --- forms no round had tried ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, redacted", [
    # signature blocks: thanks as a sign-off (the name on a line of its own below it), a role under it, the Welsh "Diolch"
    ("Kind regards,\nPriya Okafor\nInformation Rights Officer", "Kind regards,\n[name]\nInformation Rights Officer"),
    ("Yours sincerely\n\nJane Doe\nHead of Information Management", "Yours sincerely\n\n[name]\nHead of Information Management"),
    ("Diolch,\nRhodri ap Ellery\nSwyddog Datgelu", "Diolch,\n[name]\nSwyddog Datgelu"),
    ("Diolch yn fawr,\nGwenllïan Ŵyn", "Diolch yn fawr,\n[name]"),
    ("Many thanks,\nPriya Okafor", "Many thanks,\n[name]"),
    ("Thank you,\nJane Doe\nFreedom of Information Officer", "Thank you,\n[name]\nFreedom of Information Officer"),
    ("Best,\nPriya Okafor", "Best,\n[name]"),
    ("Regards\nPriya Okafor | Disclosure Officer | Thames Valley Police",
     "Regards\n[name] | Disclosure Officer | Thames Valley Police"),
    ("Yours sincerely,\nPROF. JANE DOE", "Yours sincerely,\n[name]"),
    # labels: surname first, one part of a name alone, a label without its colon, more labels of a person
    ("Requester: Okafor, Priya", "Requester: [name]"),
    ("Requester: OKAFOR, Priya", "Requester: [name]"),
    ("Name of requester: Jane Doe", "Name of requester: [name]"),
    ("Customer name: Priya Okafor", "Customer name: [name]"),
    ("Surname: Okafor", "Surname: [name]"),
    ("Forename: Priya", "Forename: [name]"),
    ("Sender: Jane Doe", "Sender: [name]"),
    ("Name: Wei Ng", "Name: [name]"),
    ("Applicant Priya Okafor asked for the list.", "Applicant [name] asked for the list."),
    ("Requester: Maria de la Cruz", "Requester: [name]"),
    ("Requester: Anna van der Berg", "Requester: [name]"),
    ("Requester: Aisha bin Ahmad", "Requester: [name]"),
    # titles and ranks: short surnames, particles, a possessive, a collar number, more ranks
    ("Dear Ms Ng,", "Dear [name],"),
    ("Dear Mx Okafor,", "Dear [name],"),
    ("Dear Ms de la Cruz,", "Dear [name],"),
    ("Dear Ms Ní Bhriain,", "Dear [name],"),
    ("Dear Dr. Okafor-Reid and Ms Ng,", "Dear [name] and [name],"),
    ("Mr Okafor's request was answered on 3 June.", "[name] request was answered on 3 June."),
    ("Sir Tomas Ellery-Vance reviewed it.", "[name] reviewed it."),
    ("Dame Priya Okafor chaired the board.", "[name] chaired the board."),
    ("Cllr Jane Doe asked the question.", "[name] asked the question."),
    ("Rev Jane Doe wrote to the force.", "[name] wrote to the force."),
    ("Sgt Okafor attended the deployment.", "Sgt [name] attended the deployment."),
    ("Insp Priya Okafor was the silver commander.", "Insp [name] was the silver commander."),
    ("Ch Supt Jane Doe approved it.", "Ch Supt [name] approved it."),
    ("ACC Priya Okafor signed the authority.", "ACC [name] signed the authority."),
    ("DCC Jane Doe chairs the board.", "DCC [name] chairs the board."),
    ("PC 1234 Jane Doe was the operator.", "PC 1234 [name] was the operator."),
    ("Detective Sergeant 1234 Okafor attended.", "Detective Sergeant 1234 [name] attended."),
    ("PCSO Jane Doe patrolled the site.", "PCSO [name] patrolled the site."),
    ("DSU Priya Okafor led the operation.", "DSU [name] led the operation."),
    ("D/Supt Jane Doe approved it.", "D/Supt [name] approved it."),
    ("the Chief Constable, Jane Doe, said it was lawful.", "the Chief Constable, [name], said it was lawful."),
    ("Please contact Jane Doe (Disclosure Officer) with questions.", "Please contact [name] (Disclosure Officer) with questions."),
    # email headers: surname first, an address list, "on behalf of", Outlook's [mailto:]
    ("From: Okafor, Priya <priya.okafor@force.police.uk>", "From: [name] <[name]>"),
    ("From: Priya Okafor <priya.okafor@force.police.uk>", "From: [name] <[name]>"),
    ("Cc: Okafor Priya; Doe Jane", "Cc: [name]; [name]"),
    ("To: Jane Doe; Information Rights Team; Okafor, Priya <p.okafor@example.org>",
     "To: [name]; Information Rights Team; [name] <[name]>"),
    ("From: Information Rights on behalf of Priya Okafor", "From: Information Rights on behalf of [name]"),
    ("Sent on behalf of Jane Doe", "Sent on behalf of [name]"),
    ("To: DOE Jane <jane.doe@example.org>", "To: [name] <[name]>"),
    ("From: Priya Okafor [mailto:priya.okafor@force.police.uk]", "From: [name] [mailto:[name]]"),
    # quoted earlier correspondence
    ("> On 3 May 2025, Jane Doe wrote:", "> On 3 May 2025, [name] wrote:"),
    ("> Dear Priya Okafor,", "> Dear [name],"),
    ("On 3 May 2025 at 10:02, Jane Doe <jane.doe@example.org> wrote:", "On 3 May 2025 at 10:02, [name] <[name]> wrote:"),
    ("On Tue, 3 Jun 2025 at 10:02, Priya Okafor via WhatDoTheyKnow <request-123-abc@whatdotheyknow.com> wrote:",
     "On Tue, 3 Jun 2025 at 10:02, [name] via WhatDoTheyKnow <request-123-abc@whatdotheyknow.com> wrote:"),
    ("-----Original Message-----\nFrom: Okafor Priya\nSent: 3 May 2025", "-----Original Message-----\nFrom: [name]\nSent: 3 May 2025"),
    # a person's address, and a profile page's (decided, docs/extract.md: both are personal data)
    ("Contact priya.okafor@force.police.uk with questions.", "Contact [name] with questions."),
    ("https://www.whatdotheyknow.com/user/priya_okafor", "https://www.whatdotheyknow.com/user/[name]"),
    ("See https://www.whatdotheyknow.com/user/jane_doe/requests", "See https://www.whatdotheyknow.com/user/[name]/requests"),
    ("see whatdotheyknow.com/user/jane_doe", "see whatdotheyknow.com/user/[name]"),  # (no scheme, all lower case)
    # decided: a name after a title is written [name], a historic one too (the rule cannot tell who is living)
    ("Sir Robert Peel's principles", "[name] principles"),
])
def test_new_forms_are_redacted(text, redacted):
    # (each expected text written by hand from the input: the name's words, and nothing else, become "[name]")
    assert people.redact(text) == redacted


@pytest.mark.parametrize("text", [
    # products, roles, months, places that are also surnames, force names, teams (also in Welsh), initials alone
    "Facewatch supplied the system.", "We spoke to Facewatch about it.", "Subject: FOI 12/25 - NEC NeoFace Watch",
    "Please contact the Data Protection Officer.", "Dear Sir or Madam,", "Subject: FOI 12/25 - May 2025",
    "Deployments in May and June", "Subject: FOI 12/25 - Lincoln", "We deployed in Wigan and Kendal.",
    "Subject: FOI 12/25 - Kendal Town Council", "Subject: FOI 12/25 - Avon and Somerset", "We spoke to Avon and Somerset about it.",
    "Dear Information Rights Team,", "Diolch,\nTîm Rhyddid Gwybodaeth", "Yn gywir,\n\nSwyddog Rhyddid Gwybodaeth",
    "From: Freedom of Information <foi@force.police.uk>", "Kind regards,\nInformation Governance Unit",
    "Kind regards,\nFreedom of Information Unit", "Many thanks\nInformation Rights Team", "Officer in case: PC 1234",
    "Regards,\nJ.D.", "Requester: Anonymous", "Operation name: Yellow Bird", "We use MS Teams for calls.",
    # thanks that begin a sentence, not a signature; a profile address of no person's form, or a team's
    "Thank you.\nUnfortunately, we cannot help.", "See https://example.org/users/manual for help.",
    "See https://www.whatdotheyknow.com/user/foi_team", "Write to freedom-of-information@force.police.uk",
])
def test_lookalikes_stay(text):
    assert people.find(text) == []
    assert people.redact(text) == text


# --- drafts: the places the extractor copies ------------------------------------------------------------

def _letter(first: str) -> str:
    # By hand: reference FOI-2025-0501, received 12 May 2025; nothing held.
    return (f"{first}\nOur ref: FOI-2025-0501\nDate: 3 June 2025\n\nDear Requester,\n\nThank you for your request "
            "received on 12 May 2025.\n\nWe do not hold this information.\n\nYours sincerely,\n\nInformation Rights Team\n")


@pytest.mark.parametrize("first, gone, title", [
    ("Requester: Okafor, Priya", ("Okafor", "Priya"), "Requester: [name]"),
    ("Priya Okafor agreed to the search.", ("Priya", "Okafor"), "[name] agreed to the search."),
    ("PC 1234 Jane Doe was the operator.", ("Jane", "Doe"), "PC 1234 [name] was the operator."),
    ("https://www.whatdotheyknow.com/user/priya_okafor", ("priya_okafor",), "https://www.whatdotheyknow.com/user/[name]"),
    # (a topic kept as the title, as printed)
    ("FOI 44/25 - Stop Search", (), "FOI 44/25 - Stop Search"),
])
def test_a_drafts_title_from_the_new_places(first, gone, title):
    x = extract_text(_letter(first), "letter.txt")
    draft = yaml.safe_dump(x.record(), allow_unicode=True)
    assert [w for w in gone if w in draft] == [], draft
    assert x.title == title and (x.reference, x.json()["date_received"]) == ("FOI-2025-0501", "2025-05-12")


def test_a_signature_after_thanks_and_a_role_in_a_table():
    # the "Decision maker" column's cell in surname-first form, and a thanks sign-off below: neither reaches the draft
    text = _letter("").replace("We do not hold this information.\n",
                               "We do not hold this information.\n\nDate | Decision maker\n3 June 2025 | OKAFOR, Priya\n")
    text = text.replace("Yours sincerely,\n\nInformation Rights Team\n", "Many thanks,\nRhodri ap Ellery\nDisclosure Officer\n")
    draft = yaml.safe_dump(extract_text(text, "letter.pdf").record(), allow_unicode=True)
    assert not any(w in draft for w in ("OKAFOR", "Priya", "Rhodri", "Ellery")), draft


# --- add refuses the new places -------------------------------------------------------------------------

@pytest.fixture
def project(tmp_path, monkeypatch):
    return scratch_project(tmp_path, monkeypatch)


@pytest.mark.parametrize("notes, words, where", [
    ("Priya Okafor agreed to it", "Priya Okafor", "in a sentence before 'said', 'agreed', 'confirmed' or 'explained'"),
    ("see whatdotheyknow.com/user/jane_doe", "jane_doe", "in a profile page's address, '.../user/jane_doe'"),
    ("sent on behalf of Jane Doe", "Jane Doe", "after 'signed', 'approved by', 'on behalf of' or 'Applicant'"),
    ("Requester: Okafor, Priya", "Okafor, Priya",
     "the value of a label such as 'Requester:', 'Name:', 'Officer in case:' or 'From:'"),
])
def test_add_refuses_a_name_in_the_new_places(project, tmp_path, capsys, notes, words, where):
    draft = tmp_path / "named.yaml"
    draft.write_text(GOOD.replace("kind: letter}", f"kind: letter, notes: {notes!r}}}"), encoding="utf-8")
    assert cli.main(["add", "--no-build", str(draft)]) == 1
    assert f"named.yaml: source.notes = {words!r}: looks like a person's name ({where})" in capsys.readouterr().err


@pytest.mark.parametrize("notes", ["FOI 44/25 - Stop Search", "DS Smith plc", "Big Brother Watch said it was unlawful",
                                   "Her Majesty's Inspectorate"])
def test_add_accepts_the_new_lookalikes(project, tmp_path, capsys, notes):
    draft = tmp_path / "fine.yaml"
    draft.write_text(GOOD.replace("kind: letter}", f"kind: letter, notes: {notes!r}}}"), encoding="utf-8")
    assert cli.main(["add", "--no-build", str(draft)]) == 0, capsys.readouterr().err


# --- the gate's index ------------------------------------------------------------------------------------

def test_the_kinds_searched_are_those_whose_gate_is_open():
    # find searches only the kinds a found gate word opens (people._kinds_by_word): the same kinds as asking each
    # kind whether one of its words is present. Texts: every gate word, alone and after each other one.
    words = sorted({w for *_, gate in people._KINDS for w in gate})
    by_word = people._kinds_by_word()
    for text in words + [a + " " + b for a in words for b in words]:
        present = people._open_gates(text)
        opened = {k for w in present for k in by_word[w]}
        assert opened == {k for k, (*_, gate) in enumerate(people._KINDS) if not present.isdisjoint(gate)}, text
