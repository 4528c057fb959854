"""foi-analysis: UK police facial-recognition FOI disclosures and Met LFR deployment grids as tidy tables."""

from .tables import load

__all__ = ["load"]
__version__ = "0.1.0"
