"""The report run: papermill over every notebook (``run.main``, the ``foi-analysis report`` command);
``html``: self-contained pages, the index (headlines, coverage, data quality, provenance)."""
