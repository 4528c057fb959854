"""foi-analysis: UK police facial-recognition FOI disclosures and Met LFR deployment grids as tidy tables.

The flow, one folder per step: ``foia`` (the law's rules) -> ``records`` and ``grids`` (raw
documents read and validated) -> ``build`` -> ``analysis`` (what notebooks call) -> ``report``;
``extract`` drafts new records from saved responses. ``load(name)`` reads a processed table.
"""

__all__ = ["load"]
__version__ = "0.1.0"


def __getattr__(name: str):
    # Lazy, so that `import foi_analysis.cli` does not pay for pandas and pandera up front.
    if name == "load":
        from .tables import load

        return load
    raise AttributeError(f"module 'foi_analysis' has no attribute {name!r}")
