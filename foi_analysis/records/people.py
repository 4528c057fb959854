"""Persons' names found by where a letter puts them, not by a list of names.

A letter names people in a few places: its greeting ("Dear Alex Morgan-Reid", "Hi ...", the Welsh
"Annwyl ..."), its signature (the line after "Yours sincerely", "Kind regards", "Regards", WhatDoTheyKnow's
"Yours,", the Welsh "Yn gywir" / "Cofion"; post-nominals after it, "MBE"), a labelled line ("Requester:",
"Name:", "Contact:", "Officer in case:", a role's, "Disclosure Officer:" / "Head of Information Management:",
an email's "From:" / "To:" / "Cc:", with a quoted display name, '"Morgan-Reid, Alex" <...>'), a title
("Mr ...", "Dr. ...", "Prof ..."), a rank or office ("DCI ...", "Police and Crime Commissioner ...", "the
Commissioner, ..."), a person's email address (first.last@force.police.uk; a team's, foi@ or
info.requests@, is not) or a display name before one, "signed / prepared / approved by <Name>" and
"request from <Name>", "FAO" / "Attn" / "c/o", a verb of speaking to someone ("I spoke to <Name> about"),
a subject ending in a name alone ("FOI 2025-0502 - <Name>"), the line above a role ("Alex Morgan-Reid"
over "Disclosure Officer"; "ALEX MORGAN-REID, Disclosure Officer") or before one in brackets, a sentence's words
before a verb of saying or deciding ("<Name> agreed", "as <Name> explained"), the line after thanks ("Many thanks,",
"Diolch"), "on behalf of", a name written surname first ("Requester: Okafor, Priya"), every name of an address list,
and a profile page's address (WhatDoTheyKnow's /user/jane_doe).
Capitalised words there, or words in capitals, are a name unless they are a body's, a team's, a role's,
a place's or an Act's (``_BODY_OR_PLACE``, ``_ROLE_OR_WORD``: words that never make a person's name, so
"Thames Valley Police", "Disclosure Officer", "King's Cross" and "Data Protection Act" in those places
name no one; a run in capitals needs two words, one of four letters with a vowel: "NPCC", "MPS FOI" are
acronyms), or two words or more of the known bodies' names ("West Midlands": an area). Nothing else in a
text is read as a name: "Priya Okafor is on leave" in the middle of a sentence is not found (no model of names
is used: none is in requirements.lock; the review must catch those). A run followed by a firm's legal form ("DS Smith
plc") is a company's name, and a run of a request's topic words ("Stop Search", "Crime Statistics") names no one.

``find(text)`` lists what it finds; ``redact(text)`` writes "[name]" in its place (the extractor,
before a draft is written); ``table_names`` / ``redact_table`` do the same for a table whose label
cell ("Requester | ...") or column ("Name") says that its cells name people. ``add`` and the
corpus guard (``names_in_file`` in tests/test_personal_data.py) refuse what ``find`` finds.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from . import authorities

PLACEHOLDER = "[name]"

# Words that never make a person's name (lower case). A run of capitalised words that holds one of
# the body/place words is a body or a place ("Thames Valley Police", "Oxford Circus", "St Albans"); a run
# that begins with any of them names no one ("Information Rights Team", "Disclosure Officer"); a run that
# ends in a role ("Alex Morgan-Reid Disclosure Officer", a signature read as one line) is the name
# before the role.
_BODY_OR_PLACE = frozenset("""
police constabulary service services council authority commissioner commission trust agency board
office department directorate division unit team bureau branch group ministry government executive
parliament assembly court tribunal university college school academy hospital nhs company limited ltd plc llp inc
inspectorate institute foundation association society charity union federation alliance coalition campaign network watch
international royal force forces committee committees panel forum museum museums library libraries gallery galleries archives
act regulations regulation code bill order
street road lane avenue square circus cross station park centre center bridge broadway gate hill green
market way place row parade high town city county borough district ward village estate airport st
heddlu cymru llywodraeth cyngor bwrdd iechyd prifysgol comisiynydd swyddfa gwasanaeth awdurdod senedd tim tîm uned
""".split())  # (the last line: Welsh bodies' words, "Heddlu Gogledd Cymru", "Llywodraeth Cymru")
_ROLE_OR_WORD = frozenset("""
officer officers manager managers advisor adviser advisors analyst coordinator co-ordinator assistant administrator
lead head chief deputy senior principal director controller clerk secretary solicitor lawyer counsel
inspector sergeant constable superintendent detective commander
information rights data protection freedom disclosure disclosures digital governance compliance records
management legal support triage request requests requester requestor applicant enquiries enquiry access
decision maker case handler reviewer review internal privacy security corporate business intelligence
sir madam sirs colleague colleagues customer all everyone team whom concern friend
the our your my this that these those we i it its a an and of for to in on at by with from re fw fwd
please thank thanks kind best warm many regards wishes yours sincerely faithfully truly
dear hello hi good morning afternoon evening
facial recognition live retrospective operator initiated camera cameras technology deployment deployments
metropolitan met national regional local central general public
redacted withheld anonymous unknown name names none not applicable n/a role title position job grade rank
monday tuesday wednesday thursday friday saturday sunday
foi foia eir dpa ico part section sections annex appendix schedule chapter one two three four five six seven eight nine ten
supt insp sgt pc ds di dci dcs acc dac cmdr ch
ymgeisydd syr fadam cyfaill gyfaill annwyl swyddog rhyddid gwybodaeth datgelu diolch
policing neighbourhood crime safety project programme strategy operations operational response change body worn video
cctv anpr drone drones forensic forensics science innovation transformation
january february march april may june july august september october november december
operation date received responded number total location locations year month week count figure figures reference ref
status outcome type category description details notes comments amount cost value size period time area site venue
address email telephone phone contact subject question answer result results alerts arrests watchlist
report reports annual guidance portfolio briefing meeting meetings minutes statement letter paper papers approval log
her his majesty both each every some several other another such most command commands minister ministers mayor justice
stop stops search searches custody image images vehicle vehicles firearm firearms taser tasers complaint complaints misconduct
vetting recruitment training budget spending expenditure contract contracts procurement equipment software system systems
biometric biometrics fingerprint fingerprints dna database databases photograph photographs mugshot mugshots footage recording
recordings incident incidents offence offences offender offenders arrest stats statistics
""".split()) | _BODY_OR_PLACE  # (the last lines: an operation's name, a table's headings, "Name | Date Received", and
# what follows an office's title, "Commissioner Guidance", "ACC Portfolio"; "Her Majesty's Inspectorate"; and the topics
# a request's subject ends in, "FOI 44/25 - Stop Search", "Custody Images": words no one is named, unlike "Marsh" or "Price")
# A topic's word by its ending ("Facial Recognition Legislation", "Crime Statistics", "Data Ethics"): no name ends so.
_TOPIC_ENDING = re.compile(r"(?:tion|sion|ism|ology|ics|ship)s?$")

# One word of a name: "Alex", "Morgan-Reid", "McAllister", "O'Neill", "Siobhán", "MacLeòid", "Ŵyn"; an initial
# ("A." / "A"); in capitals, "MORGAN-REID", "O'NEILL" (a signature or letterhead in capitals; post-nominals, "MBE");
# a possessive's "'s" is part of it ("Okafor's team"). Letters: ASCII, Latin-1's and Latin Extended-A's (Irish, Welsh,
# Scottish Gaelic and most European names; Extended-A mixes both cases, so it is in both classes).
_UP = "A-ZÀ-ÖØ-ÞĀ-ſ"
_LO = "a-zß-öø-ÿĀ-ſ"
_END = r"(?:['’]s)?(?!\w|['’]\w)"  # (a closing quote may follow: "'Jane Doe' <...>")
_WORD_CASED = rf"(?:[A-Z]\.?(?=[ \t]+[A-Z])|(?:[{_UP}]['’])?[{_UP}][{_LO}]*(?:[{_UP}][{_LO}]+)?(?:-[{_UP}][{_LO}]+)*{_END})"
_WORD = rf"(?:{_WORD_CASED}|(?:[{_UP}]['’])?[{_UP}]{{2,}}(?:-[{_UP}]{{2,}})*{_END})"
# Lower-case particles between two words of a name: "Rhodri ap Gwilym", "Anna van der Berg", "Aisha bin Yusuf".
_PARTICLE = r"(?:[ \t]+(?:ap|ab|ferch|verch|van|von|der|den|de|da|di|du|le|la|bin|binti|bint|al|el))*"
_RUN = rf"{_WORD}(?:{_PARTICLE}[ \t]+{_WORD}){{0,5}}"
_RUN_CASED = rf"{_WORD_CASED}(?:{_PARTICLE}[ \t]+{_WORD_CASED}){{0,5}}"  # (a line alone in capitals is a heading more often than a name)
# A display name in quotes before an address may put the surname first: "Morgan-Reid, Alex" <...>.
_RUN_QUOTED = rf"{_WORD}(?:,?{_PARTICLE}[ \t]+{_WORD}){{0,5}}"
# Letters after a signed name that are no part of it ("MBE", "CIPP/E", "FCA (Hons)").
_POST_NOMINALS = r"(?:,?[ \t]+[A-Z][A-Za-z]*[A-Z](?:[/(][A-Za-z]+\)?)?)*"
# A line that is only a role ("Disclosure Officer", "Head of Information Management", "CHIEF INSPECTOR"):
# a name on the line above it, or before it after a comma, signs the letter.
_ROLE_NOUN = (r"(?:officer|manager|adviser|advisor|analyst|co-?ordinator|administrator|director|controller|lead|clerk"
              r"|solicitor|inspector|sergeant|constable|superintendent|commissioner|handler|reviewer|owner)s?")
_ROLE_LINE = rf"(?i:(?:[a-z'’&-]+[ \t]+){{0,4}}{_ROLE_NOUN}|head[ \t]+of(?:[ \t]+[a-z'’&,-]+){{1,5}})[ \t]*(?:$|[,|(])"
# (in capitals too, over a signature in capitals, "PROF. JANE DOE"; not "MS", Microsoft's: "MS Teams")
_TITLE = r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Revd?|Cllr|Councillor|Dame|Sir|MR|MRS|DR|PROF|PROFESSOR|REVD?|CLLR)\.?"
# A rank or office written before a name ("DCI Priya Okafor", "Supt Okafor", "Police and Crime Commissioner Priya Okafor",
# "my colleague, Priya Okafor,"): the rank stays, the name after it goes.
_RANK = (r"(?:(?:Det(?:ective)?|Ch(?:ief)?|Dep(?:uty)?|Asst|Assistant|T/|A/|D/)[ \t]*)*(?:Supt|Superintendent|Insp|Inspector|Sgt"
         r"|Sergeant|PC|PCSO|PS|DC|DS|DI|DCI|DSupt|DSU|DCS|ACC|DCC|Cmdr|Commander|Constable|Commissioner|Chief[ \t]+Executive)\.?")

# A name written surname first, then a comma, in a label's value or an address list: "Okafor, Priya", "OKAFOR, Priya <...>".
_SURNAME_FIRST = rf"{_WORD},[ \t]*{_WORD}(?:[ \t]+{_WORD})?(?=[ \t]*(?:$|[<;(|]))"

# Where a name stands (pattern sources, compiled at first use). Each pattern's group "run" holds the
# capitalised words that may name someone.
_GREETING = rf"\b(?:Dear|Hello|Hi|Annwyl)[ \t]+(?P<run>{_RUN})"  # (Annwyl: the Welsh "Dear")
_SIGN_OFF = (
    rf"\b(?i:Yours[ \t]+(?:sincerely|faithfully|truly)|(?:(?:Kind|Best|Warm|Many)[ \t]+)?regards|Best[ \t]+wishes|Yours"
    rf"|Yn[ \t]+gywir|(?:Gyda[ \t]+)?(?:chofion|cofion)(?:[ \t]+cynnes|[ \t]+gorau)?)"  # (the Welsh sign-offs)
    rf"[ \t]*[,.]?[ \t]*(?:\r?\n[ \t]*)*(?P<run>{_RUN}){_POST_NOMINALS}(?=[ \t]*(?:$|[\n,.;|]))")
# Thanks as a sign-off ("Many thanks,", "Thank you", the Welsh "Diolch (yn fawr)"): only with the name on a line of its
# own below it, since thanks also begin sentences ("Thank you. Unfortunately, ...").
_THANKS = (rf"\b(?i:(?:many[ \t]+)?thanks|thank[ \t]+you|diolch(?:[ \t]+yn[ \t]+fawr)?|(?:best|cheers)(?=[ \t]*,))[ \t]*[,.!]?"
           rf"[ \t]*(?:\r?\n[ \t]*)+(?P<run>{_RUN}){_POST_NOMINALS}[ \t]*$")  # ("Best," needs its comma: "the best\n...")
# A label's words: the person's ("Requester", "Name", "Contact", "Cc", "Author"), or a role's ("Case officer",
# "Disclosure Officer", "Information Manager", "Head of Information Management": a role's words and a noun
# that names an office-holder, so "Officer in case:" and "Authorising officer:" alike).
_LABEL = (
    r"(?:^|(?<=[\n|;]))[ \t]*(?i:(?:full[ \t]+|customer[ \t]+|client[ \t]+|requester[ \t]+|applicant[ \t]+)?name"
    r"|name[ \t]+of[ \t]+(?:the[ \t]+)?(?:requester|requestor|applicant|customer|officer|sender)"
    r"|requester(?:'s[ \t]+name)?|requestor|applicant(?:'s[ \t]+name)?|sender|reply-to"
    rf"|(?:[a-z'’&-]+[ \t]+){{0,3}}{_ROLE_NOUN}|officer[ \t]+in[ \t]+(?:the[ \t]+)?case|decision[ \t-]+maker"
    r"|head[ \t]+of(?:[ \t]+[a-z'’&-]+){1,4}|handled[ \t]+by|from|to|cc|bcc|signed|author|contact(?:[ \t]+name)?)"
    rf"[ \t]*:[ \t]*(?P<run>{_SURNAME_FIRST}|{_RUN})")
# An address header's display name in double quotes (RFC 5322's): 'From: "Morgan-Reid, Alex" <...>'.
_QUOTED_LABEL = rf"(?:^|(?<=[\n|;]))[ \t]*(?i:from|to|cc|bcc|reply-to|sender)[ \t]*:[ \t]*[\"'‘“](?P<run>{_RUN_QUOTED})[\"'’”]"
# A name on a line of its own, or before a comma, with a role after it: an unsigned signature block
# ("Alex Morgan-Reid" over "Disclosure Officer"), a letterhead in capitals ("ALEX MORGAN-REID, Disclosure Officer").
_ABOVE_ROLE = rf"(?:^|(?<=[\n|]))[ \t]*(?P<run>{_RUN}){_POST_NOMINALS}[ \t]*(?:,[ \t]*|\r?\n[ \t]*)(?=(?P<role>{_ROLE_LINE}))"
_DONE_BY = (rf"\b(?i:(?:signed|prepared|approved|authori[sz]ed|reviewed|written|checked|confirmed|agreed|handled)(?:[ \t]+off)?[ \t]+by"
            rf"|request(?:ed)?[ \t]+(?:by|from)|on[ \t]+behalf[ \t]+of|applicant|requester|requestor)[ \t]*:?[ \t]+(?P<run>{_RUN})")
# ("FOI 123/25 - request from ...", "sent on behalf of ...", a label without its colon, "Applicant <name> asked")
_TITLED = rf"\b{_TITLE}[ \t]+(?P<run>{_RUN})"
_RANKED = rf"(?<![\w/]){_RANK}(?:[ \t]+\d{{1,6}})?[ \t]+(?P<run>{_RUN_CASED})"  # (a collar number between: "PC 1234 <name>")
_ROLE_COMMA = rf"\b(?i:colleague|{_ROLE_NOUN})[ \t]*,[ \t]+(?P<run>{_RUN_CASED})"  # (two words: "Programme Manager, Finance")
# Addressed to someone: "FAO Priya Okafor", "Attn: ...", "c/o ...", "For the attention of ..."; a log page's "Response to ..."
# (heading a line, or after a title's dash or colon, two words or more: "in response to Covid Restrictions" is prose).
_ADDRESSED = (r"(?:(?<![\w/])(?:FAO|F\.A\.O\.|(?i:attn)\.?|(?i:for[ \t]+the[ \t]+attention[ \t]+of))[ \t]*:?"
              rf"|(?i:c/o))[ \t]+(?P<run>{_RUN})")
_REPLY_TO = rf"(?:^|(?<=[\n|])|(?<=[-–—:][ \t]))[ \t]*(?i:(?:response|reply|letter|answer)[ \t]+to)[ \t]+(?P<run>{_RUN})"
# Spoken or written to in a sentence ("I spoke to Priya Okafor about ...", "we emailed ...", "copied to ..."), and the
# quoted mail's header ("On 3 June 2025, Priya Okafor wrote:"): a verb of speaking to someone, not every verb.
_SPOKEN_TO = (r"\b(?:(?i:spoke|spoken|speak|speaking|talked|talking|wrote|written|copied|liaised)[ \t]+(?i:to|with)"
              rf"|(?i:emailed|e-mailed|phoned|telephoned|rang|contacted|consulted|cc'd))[ \t]+(?P<run>{_RUN_CASED})")
# ("<name> via WhatDoTheyKnow <...> wrote:"; the run begins a word: "WhatDoTheyKnow" holds no name)
_WROTE = rf"(?<![\w'’-])(?P<run>{_RUN_CASED})(?:[ \t]+via[ \t]+\S+)?(?:[ \t]*<[^<>\s]+>)?[ \t]+wrote[ \t]*:"
# A display name before an address, in quotes or not ("'Jane Doe' <jd@example.org>", "Jane Doe <jd@...>").
_DISPLAY = rf"(?:[\"'‘“](?P<run>{_RUN_QUOTED})[\"'’”]|\b(?P<bare>{_RUN_CASED}))[ \t]*<[^<>\s@]+@[^<>\s]+>"
# A name in a sentence before a verb of saying or deciding ("Priya Okafor agreed", "as <name> explained"), after it an
# apposition ("<name>, the Data Protection Officer, said") or a team ("<name> in the Digital team agreed"): two words or
# more, none a body's, a role's or a common word's ("Thames Valley Police agreed", "The Home Office said" are no one).
_PROSE_VERBS = ("agreed", "said", "says", "explained", "confirmed", "advised", "stated", "told", "noted", "asked", "replied",
                "responded", "decided", "approved", "authorised", "authorized", "added", "reported", "requested", "emailed")
_PROSE = (rf"(?<![\w'’-])(?P<run>{_RUN_CASED})(?<![ \t][A-Z])(?<![ \t][A-Z]\.)"  # (its last word no letter alone: "Option B agreed")
          r"(?:[ \t]*,[ \t]*(?:the|our|a|an)[ \t]+[^,\n]{1,60},)?"
          r"(?:[ \t]+(?:in|of|from|at)[ \t]+(?:the|our)[ \t]+[A-Za-z&'’ -]{1,40}?[ \t]+(?i:team|unit|department|directorate|office))?"
          rf"[ \t]+(?:{'|'.join(_PROSE_VERBS)})\b")
# One part of a name under its own label ("Surname: Okafor", "First name: Priya"): one word is enough.
_NAME_PART = (r"(?:^|(?<=[\n|;]))[ \t]*(?i:surname|forename|(?:first|last|family|given|middle)[ \t]+names?|forenames)[ \t]*:[ \t]*"
              rf"(?P<run>{_RUN})")
# A name before its role in brackets, in a sentence: "contact <name> (Disclosure Officer)".
_BRACKETED_ROLE = (rf"(?<![\w'’-])(?P<run>{_RUN_CASED})[ \t]+\((?P<role>(?i:(?:[a-z'’&-]+[ \t]+){{0,4}}{_ROLE_NOUN}"
                   r"|head[ \t]+of(?:[ \t]+[a-z'’&,-]+){1,5}))\)")

# A firm's legal form after the words: "DS Smith plc" is a company, though it begins like a rank and a surname.
_FIRM = re.compile(r"[ \t]+(?:plc|PLC|Plc|Ltd|LTD|Limited|LLP|Inc|&[ \t]+Co)\b")
# An address list's later names, after ";" ("Cc: Okafor Priya; Doe Jane"): the label's pattern reads the first.
_HEADER_LIST = r"(?:^|(?<=[\n|]))[ \t]*(?i:from|to|cc|bcc)[ \t]*:(?P<items>[^\n;]*;[^\n]*)"
_LIST_ITEM = re.compile(rf"[ \t]*[\"'‘“]?(?P<run>{_SURNAME_FIRST}|{_RUN_QUOTED})[\"'’”]?[ \t]*(?:<[^<>\n]*>[ \t]*)?(?:;|$)")
# A profile page's address names its user (WhatDoTheyKnow's /user/jane_doe is made from the requester's name): read as an
# email's local part is, two or three parts ("jane_doe", "jane-doe-2"; not "/users/manual", nor a team's, "/user/foi_team").
_PROFILE_GATE = ("/user", "/profile", "/people", "/person")
_PROFILE_URL = (r"(?<![\w.@/-])(?i:https?://)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/(?i:users?|profiles?|people|person)/"
                r"(?P<slug>[A-Za-z][A-Za-z-]*(?:[._-][A-Za-z0-9][A-Za-z0-9-]*){1,3})(?![\w.])")

# A subject or a page's title that ends in a name alone after a dash or bar ("FOI 2025-0502 - Priya Okafor").
_GROUND = re.compile(r"(?i)\b(?:sections?|s|regulations?|regs?|article)\.?[ \t]*\d")
_TRAILING = rf"[ \t](?:-|–|—|\|)[ \t]+(?P<run>{_RUN_CASED}){_POST_NOMINALS}[ \t]*$"
# A person's address: two or three parts of letters ("alex.morgan-reid@", "a.okafor@", "priya_okafor@");
# a team's address has a word of its own in it (foi@, info.requests@, freedomofinformation@).
_EMAIL = r"(?<![\w.+-])(?P<local>[A-Za-z][A-Za-z-]*(?:[._][A-Za-z][A-Za-z-]*){1,2})@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
_TEAM_ADDRESS = frozenset("""
foi foia foi-requests info information requests request freedom freedomofinformation freedom-of-information
enquiries enquiry data dataprotection data-protection dp dpo disclosure disclosures team admin office records
rights unit governance compliance contact mail support ig press media complaints helpdesk service services
no noreply no-reply donotreply reply general public access subject sar legal corporate secretariat
""".split())

# How many words a labelled value, a "by" phrase or a title needs to be read as a name: a greeting or a
# signature may give a first name alone (WhatDoTheyKnow's "Dear Priya," / "Yours, Priya").
# Each with the words (lower case) one of which a text holds if the pattern can match: most texts
# (a table's cell, a title) hold none, and are not searched (the words are found in one pass in C,
# ``_open_gates``: a substring test a word cost a short text more than the patterns did).
_ROLE_WORDS = ("officer", "manager", "adviser", "advisor", "analyst", "ordinator", "administrator", "director", "controller",
               "lead", "clerk", "solicitor", "inspector", "sergeant", "constable", "superintendent", "commissioner", "handler",
               "reviewer", "owner")
# (a role's noun closing a bracket: "officer)", "managers)"; a role's words in a sentence are common, brackets after them not)
_BRACKETS_CLOSED = tuple(f"{w}{s})" for w in _ROLE_WORDS for s in ("", "s")) + ("(head of",)
_KINDS = ((_GREETING, "greeting", 1, ("dear", "hello", "hi ", "annwyl")),
          (_SIGN_OFF, "signature", 1, ("yours", "regards", "wishes", "gywir", "cofion")),
          (_THANKS, "signature", 1, ("thank", "diolch", "best", "cheers")),
          (_LABEL, "labelled", 2, (":",)), (_QUOTED_LABEL, "labelled", 2, (':"', ': "', ":'", ": '", ": ‘", ": “")),
          (_DONE_BY, "signed by", 2, (" by", " from", "behalf", "applicant", "requester", "requestor")),
          (_TITLED, "title", 1, ("mr", "ms", "miss", "mx", "dr", "prof", "rev", "cllr", "councillor", "dame", "sir")),
          (_RANKED, "rank", 1, ("supt", "superintendent", "insp", "sgt", "sergeant", "pc ", "pcso", "dsu", "ps ", "dc ", "ds ", "di ", "dci",
                                "dcs", "acc ", "dcc ", "cmdr", "commander", "constable", "commissioner", "chief executive")),
          (_ADDRESSED, "addressed", 1, ("fao", "f.a.o", "attn", "attention", "c/o")),
          (_REPLY_TO, "addressed", 2, ("response to", "reply to", "letter to", "answer to")),
          (_SPOKEN_TO, "spoken to", 2, ("spok", "speak", "talk", "wrote", "written", "mailed", "phoned", "rang", "contacted",
                                        "consulted", "copied", "cc'd", "liaised")),
          (_WROTE, "spoken to", 1, ("wrote",)), (_DISPLAY, "display name", 2, ("@",)),
          (_TRAILING, "subject", 2, (" - ", " – ", " — ", " | ")),
          (_ABOVE_ROLE, "above a role", 2, _ROLE_WORDS + ("head of",)), (_ROLE_COMMA, "rank", 2, _ROLE_WORDS + ("colleague",)),
          (_NAME_PART, "labelled", 1, ("name",)), (_BRACKETED_ROLE, "above a role", 2, _BRACKETS_CLOSED),
          (_PROSE, "in a sentence", 2, _PROSE_VERBS))


@functools.cache
def _compiled(pattern: str) -> re.Pattern:
    """A pattern compiled at its first use (compiling them all costs a process ~6 ms: most never read a name)."""
    return re.compile(pattern, re.MULTILINE)


@functools.cache
def _gate_automaton():
    """Every gate word, in one Aho-Corasick automaton (as answers._first_cue's), and the words by index."""
    import ahocorasick_rs  # (loaded when a name is first looked for)

    words = sorted({w for *_, gate in _KINDS for w in gate} | set(_PROFILE_GATE))
    return ahocorasick_rs.AhoCorasick(words, matchkind=ahocorasick_rs.MatchKind.Standard), words


@functools.cache
def _kinds_by_word() -> dict[str, tuple[int, ...]]:
    """For each gate word, the places (indexes in ``_KINDS``) it opens: a text opens a few, and only those are searched."""
    return {w: tuple(k for k, (*_, gate) in enumerate(_KINDS) if w in gate) for w in _gate_automaton()[1]}


def _open_gates(low: str) -> set[str]:
    """The gate words ``low`` holds, all found in one pass; overlapping ones too ("ds " inside "regards ", ":" at
    the start of ': "'), so a gate is open whenever one of its words is in the text."""
    automaton, words = _gate_automaton()
    return {words[k] for k, _, _ in automaton.find_matches_as_indexes(low, overlapping=True)}


@dataclass(frozen=True)
class Name:
    kind: str  # "greeting", "signature", "labelled", "signed by", "title", "above a role", "in a sentence", "email", "address", "table"
    words: str  # as printed
    start: int
    end: int


@functools.cache
def _area_words() -> frozenset[str]:
    """The words of the known bodies' names ("thames", "valley", "west", "midlands"): a run of two or more of them
    alone is an area or a body's name cut short ("requested by West Midlands", "Thames Valley" over "Police and
    Crime Commissioner"), not a person's."""
    return frozenset(w.lower() for alias in authorities.aliases() for w in re.findall(r"[^\s(),]+", alias))


def name_in_run(run: str, least: int = 1, titled: bool = False) -> tuple[int, int] | None:
    """The span of the name a run of capitalised words begins with, or None: a body's or place's run,
    one that begins with a role or common word, or a name shorter than ``least`` words. After a title
    or rank (``titled``) one word in capitals is a surname ("Dr OKAFOR"), not an acronym."""
    words = re.findall(r"[^\s,]+", run)
    lowered = [w.lower().rstrip(".").replace("’", "'").removesuffix("'s") for w in words]
    if any(w in _BODY_OR_PLACE for w in lowered) or (len(words) > 1 and all(w in _area_words() for w in lowered)):
        return None
    n = next((k for k, w in enumerate(lowered) if (w in _ROLE_OR_WORD and len(w) > 1) or _TOPIC_ENDING.search(w)),
             len(words))  # (an initial "A." is no article)
    if n < least or (n == 1 and len(words[0].rstrip(".")) == 1):
        return None  # (an initial alone names no one that can be told)
    vowelled = [w for w in words[:n] if re.search("[AEIOUY]", w)]
    if all(w.isupper() for w in words[:n]) and (not any(len(w) >= 3 for w in vowelled) if titled else
                                                n < 2 or not any(len(w) >= 4 for w in vowelled)):
        return None  # capitals alone: an acronym or two ("NPCC", "MPS FOI"), not a name in capitals ("ALEX MORGAN-REID")
    end = 0
    for w in words[:n]:
        end = run.index(w, end) + len(w)
    return 0, end


def find(text: str) -> list[Name]:
    """Every name ``text`` puts where letters put people's names, in order of place."""
    out: list[Name] = []
    low = text.lower()
    if low == text and "@" not in text and "/" not in text:
        return out  # (every place but an address needs a capital: a cell of figures, a date in numbers)
    present = _open_gates(low)
    by_word = _kinds_by_word()
    for pattern, kind, least, _ in (_KINDS[k] for k in sorted({k for w in present for k in by_word[w]})):
        for m in _compiled(pattern).finditer(text):
            role = m.group("role") if kind == "above a role" else ""
            if role and role.split(None, 1)[0].lower() in _BODY_OR_PLACE and not re.search(r"(?i)commissioner\W*$", role):
                continue  # a body's name broken over two lines; over a commissioner's title, a person unless an area
            if kind == "subject" and _GROUND.search(text, text.rfind("\n", 0, m.start()) + 1, m.start()):
                continue  # a ground's heading names its exemption ("Section 31(1)(a) – Law Enforcement")
            g = "run" if m.group("run") is not None else "bare"  # (a display name: quoted, or not)
            span = name_in_run(m.group(g), least, titled=kind in ("title", "rank"))
            if span is not None:
                start, end = m.start(g), m.start(g) + span[1]
                start = m.start() if kind == "title" else start  # ("Mr Okafor": the title is part of the name)
                if not _FIRM.match(text, end):
                    out.append(Name(kind, text[start:end], start, end))
    for m in _compiled(_HEADER_LIST).finditer(text) if ";" in text else ():
        for item in re.finditer(r"[^;]+;?", m.group("items")):
            i = _LIST_ITEM.fullmatch(item.group(0))
            span = i and name_in_run(i.group("run"), 2)
            if span and item.start() > 0:  # (the first is the label's)
                start = m.start("items") + item.start() + i.start("run")
                out.append(Name("labelled", text[start:start + span[1]], start, start + span[1]))
    for m in _compiled(_PROFILE_URL).finditer(text) if not present.isdisjoint(_PROFILE_GATE) else ():

        if _a_persons(m.group("slug")):
            out.append(Name("address", m.group("slug"), m.start("slug"), m.end("slug")))
    for m in _compiled(_EMAIL).finditer(text) if "@" in text else ():
        if _a_persons(m.group("local")):
            out.append(Name("email", m.group(0), m.start(), m.end()))
    out.sort(key=lambda n: (n.start, -n.end))
    kept: list[Name] = []
    for n in out:  # one report per place: "Dear Mr Okafor" is a greeting and a title
        if not kept or n.start >= kept[-1].end:
            kept.append(n)
    return kept


def _a_persons(local: str) -> bool:
    """Is an address's local part (or a profile's) a person's, with no word of a team's in it ("foi", "requests")?"""
    return not any(p in _TEAM_ADDRESS for p in re.split(r"[._-]", local.lower()))


def redact(text: str) -> str:
    """``text`` with each name ``find`` finds written as "[name]"."""
    for n in reversed(find(text)):
        text = text[:n.start] + PLACEHOLDER + text[n.end:]
    return text


# A table's label cell or column heading that says the cells beside or under it name a person.
# ("Authorising officer", "Officer's name", "Name of officer": a role's noun last, or named; not "Number of officers".)
_PERSON_HEADING = re.compile(r"(?i)(?:full )?name|requester(?:'s name)?|requestor|applicant(?:'s name)?"
                             r"|(?:[a-z'’-]+ ){0,3}(?:officer|manager|handler|reviewer|owner|signatory)(?:'s)?(?: name)?"
                             r"|officer in (?:the )?case|name of (?:the )?(?:[a-z]+ )?(?:officer|requester|applicant|signatory)"
                             r"|decision[ -]maker|handled by|signed(?: by)?|prepared by|approved by|authori[sz]ed by|author|contact(?: name)?")


def bare_name(cell: str, least: int = 1, capitals: bool = True) -> bool:
    """Is a cell a name and nothing else ("Alex Morgan-Reid", "A. Okafor", "ALEX MORGAN-REID MBE", "OKAFOR, Priya")?
    (Some bodies' names have that form too, "Network Rail": the caller knows the bodies; a line in capitals, with ``capitals``
    false, is read as a heading.)"""
    m = re.fullmatch(rf"(?:{_TITLE}[ \t]+)?({_SURNAME_FIRST}|{_RUN if capitals else _RUN_CASED}){_POST_NOMINALS}", cell.strip())
    return m is not None and name_in_run(m.group(1), least) == (0, len(m.group(1)))


def _label(cell) -> bool:
    return isinstance(cell, str) and _PERSON_HEADING.fullmatch(cell.strip().rstrip(":")) is not None


def table_names(columns: list, rows: list) -> list[tuple[str, str, str]]:
    """(where, words, kind) for each cell of a table that names a person: under a "Name" / "Officer" column,
    or beside a "Requester" label cell; and every name ``find`` finds in any cell."""
    rows = rows if isinstance(rows, list) else []
    heads = [_label(c) for c in columns]
    # A table of labelled fields ("Officer in case | <name>" over "Decision maker | <name>") has its first
    # pair read as the header: there, a cell beside a label is a value (in "Name | Role", a heading).
    fields = any(isinstance(r, list) and r and _label(r[0]) for r in rows)
    out: list[tuple[str, str, str]] = []
    for where, row, under, pairs in [("columns", columns, [], fields)] + [(f"rows[{i}]", r, heads, True) for i, r in enumerate(rows)]:
        if not isinstance(row, list):
            continue
        for k, cell in enumerate(row):
            if not isinstance(cell, str):
                continue
            beside = k > 0 and _label(row[k - 1])
            # (a header cell beside a person's label that is a name of two words or more is the first pair of a table
            # of fields whose other rows are not labelled: "Officer | Jane Doe MBE" over "Date | 3 June 2025")
            labelled = (k < len(under) and under[k]) or (beside and (pairs or bare_name(cell, 2)))
            if labelled and bare_name(cell):
                out.append((f"{where}[{k}]", cell, "table"))
            else:
                out += [(f"{where}[{k}]", n.words, n.kind) for n in find(cell)]
    return out


def redact_table(table: dict) -> dict:
    """A draft's table with each cell ``table_names`` names written as "[name]" (its names in
    longer cells replaced in place)."""
    columns = list(table.get("columns") or [])
    rows = [list(r) if isinstance(r, list) else r for r in table.get("rows") or []]
    for where, _, _ in table_names(columns, rows):
        row = columns if where.startswith("columns") else rows[int(where[5:where.index("]")])]
        k = int(where[where.rindex("[") + 1:-1])
        row[k] = PLACEHOLDER if bare_name(row[k]) else redact(row[k])
    return {**table, "columns": columns, "rows": rows}
