"""A letter wrapped by a mail client read as its logical lines (``text.logical_lines``): the wrapped
path decides line by line whether a line goes on to the next, so each way a run of wrapped lines can
end is held here: a line ending a sentence, a blank line, the end of the text; and a short line that
goes on because a date is cut after it. Expected values worked out by hand from the lines below."""

from foi_analysis.extract.text import logical_lines, wrap_width

LINES = [
    "Dear Requester,",
    "",
    "Thank you for your request for information about the use of live",
    "facial recognition cameras by the force, which we received on",
    "23/09/2016 and have dealt with under the Freedom of Information Act",
    "2000. We can confirm that the force holds the information that you",
    "requested and it is set out below in the order of your questions.",
    "",
    "The cameras were deployed at the carnival on the afternoon of the",
    "21st",
    "November 2016 and were removed at the end of the same evening when",
    "the event closed, as the operational order for the event set out.",
    "Our review of the deployment was completed in the following month",
    "and a copy of its findings is attached to this letter for your use",
    "",
    "Yours sincerely,",
    "Information Manager",
    "Please note that the force may publish this response in its own log",
]


def test_the_wrap_width():
    # Lines of 40-100 characters: 64, 61, 67, 66, 65, 65, 66, 65, 65, 66, 67 (11); sorted, the one at
    # 90% (index 9) is 67, and all 11 are within 15 of it: wrapped at 67.
    assert wrap_width(LINES) == 67


def test_wrapped_lines_joined_up_to_a_sentence_end_a_blank_line_or_the_end():
    assert logical_lines(LINES) == [
        (0, "Dear Requester,"),
        # lines 2-5 are 61-67 long (47-72 goes on) and end in a letter or digit; line 6 ends the sentence
        (2, "Thank you for your request for information about the use of live facial recognition cameras by "
            "the force, which we received on 23/09/2016 and have dealt with under the Freedom of Information Act "
            "2000. We can confirm that the force holds the information that you requested and it is set out "
            "below in the order of your questions."),
        # "21st" is short, but a date is cut after it ("21st" / "November 2016")
        (8, "The cameras were deployed at the carnival on the afternoon of the 21st November 2016 and were removed "
            "at the end of the same evening when the event closed, as the operational order for the event set out."),
        # a blank line ends the run (line 13 would go on)
        (12, "Our review of the deployment was completed in the following month and a copy of its findings is "
             "attached to this letter for your use"),
        (15, "Yours sincerely,"),
        (16, "Information Manager"),
        # the last line would go on: the text ends it
        (17, "Please note that the force may publish this response in its own log"),
    ]
