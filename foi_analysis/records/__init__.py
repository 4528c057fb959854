"""Disclosure records: loading and validating ``data/raw/disclosures/*.yaml`` (``disclosures``), the
record tables' schemas (``schemas``) and their column building blocks (``columns``), rejected values
(``quarantine``), and the canonical authority names (``authorities.csv``)."""
