"""The values a record's outcome, question outcome, event and exemption stage may take.

Apart from the schemas (``records.schemas``) so that reading records (``records.disclosures``) needs no pandera
or pandas: the build's listing child parses a changed chunk's records while the build imports them.
"""

# The first five answer the request; the rest say why there is no answer (yet): no response,
# withdrawn by the requester, transferred to the body that holds it, clarification asked for.
OUTCOMES = ["disclosed", "partially_disclosed", "refused", "ncnd", "not_held",
            "pending", "withdrawn", "transferred", "clarification_requested"]
QUESTION_OUTCOMES = ["disclosed", "partially_disclosed", "exempt", "ncnd", "not_held", "publicly_available",
                     "answered", "not_valid_request"]
EVENTS = ["received", "acknowledged", "extension_notice", "extension_estimate", "chaser", "update",
          "internal_review_requested", "internal_review_response", "response",
          # the appeal to the regulator (the ICO; under FOISA the Scottish Information Commissioner) and beyond
          "ico_complaint", "ico_decision", "tribunal_appeal"]
STAGES = ["extension_notice", "response", "internal_review"]
