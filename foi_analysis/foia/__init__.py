"""The law's rules: UK FOIA working days (``calendar``), the exemptions catalogue and citation parser
(``exemptions``), printed dates (``dates``) and the s10/s17 response-time rules (``response_times``)."""
