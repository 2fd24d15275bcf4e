"""Amounts of đồng written the Vietnamese way: dot for thousands, comma for decimals.

Babel would do this, but it is not a dependency and two functions are enough."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

_TY = Decimal(10**9)


def format_vnd(amount: int) -> str:
    """125500000000 -> '125.500.000.000 đồng'."""
    return f"{_group(int(amount))} đồng"


def format_ty(amount: int, decimals: int = 3) -> str:
    """The amount in tỷ đồng: 125500000000 -> '125,5 tỷ'.

    Three decimals by default keep one million đồng, the unit provinces most often report
    in, so a small item does not show as '0 tỷ'. Trailing zeros are dropped."""
    quantum = Decimal(1).scaleb(-decimals)
    value = (Decimal(int(amount)) / _TY).quantize(quantum, rounding=ROUND_HALF_UP)
    whole, _, frac = f"{abs(value):f}".partition(".")
    frac = frac.rstrip("0")
    sign = "-" if value < 0 else ""
    return f"{sign}{_group(int(whole))}{',' + frac if frac else ''} tỷ"


def _group(n: int) -> str:
    grouped = f"{abs(n):,}".replace(",", ".")
    return f"-{grouped}" if n < 0 else grouped


def ty_number(amount: int) -> str:
    """The amount in tỷ đồng with two decimals, for tables and sentences that name the
    unit themselves: 1727113000000 -> '1.727,11'."""
    value = (Decimal(int(amount)) / _TY).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    whole, _, frac = f"{abs(value):f}".partition(".")
    return f"{'-' if value < 0 else ''}{_group(int(whole))},{frac}"
