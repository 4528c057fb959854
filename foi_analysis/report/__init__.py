"""The report run: papermill over every notebook, code-free HTML, index and findings.json
(``run.main``, the ``foi-analysis report`` command)."""
