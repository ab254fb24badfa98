"""targetcheck: targets in one year's government work report against outcomes in the next."""

from __future__ import annotations

__version__ = "0.1.0"
