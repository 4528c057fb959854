"""What notebooks call: ``findings`` (headline numbers and the sentences that state them), ``stats``
(intervals), ``plots`` (shared chart style) and ``selection`` (what the notebook parameters select)."""
