"""What notebooks call: ``findings`` (every section's numbers and the Markdown sentences that state
them), ``grid_analyses`` (threshold, purpose, dispersion, funnel, yearly, outcomes, ties, date slips)
with ``grid_findings`` (their findings.json sections), ``reference`` (published figures to compare
with), ``data_quality`` (what the build rejected), ``display`` (tables for people), ``stats``
(intervals), ``plots`` (chart style, alt text) and ``selection`` (what the notebook parameters select)."""
