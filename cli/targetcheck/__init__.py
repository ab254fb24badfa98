"""targetcheck: targets in one year's government work report against outcomes in the next."""

from __future__ import annotations

from targetcheck.errors import QuantityError
from targetcheck.quantity import Quantity, parse_quantity

__version__ = "0.1.0"

__all__ = ["Quantity", "QuantityError", "__version__", "parse_quantity"]
