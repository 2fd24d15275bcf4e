"""Amounts of đồng are written the Vietnamese way: dot for thousands, comma for decimals."""

import pytest

from baocao.render.money import format_ty, format_vnd


@pytest.mark.parametrize("amount, text", [
    (125_500_000_000, "125.500.000.000 đồng"),
    (0, "0 đồng"),
    (999, "999 đồng"),
    (1_000, "1.000 đồng"),
    (-2_500_000, "-2.500.000 đồng"),
])
def test_vnd_groups_thousands_with_dots(amount, text):
    assert format_vnd(amount) == text


@pytest.mark.parametrize("amount, text", [
    (125_500_000_000, "125,5 tỷ"),
    (3_000_000_000, "3 tỷ"),
    (1_234_567_890_000, "1.234,568 tỷ"),
    (5_000_000, "0,005 tỷ"),
    (0, "0 tỷ"),
])
def test_ty_uses_decimal_comma_and_drops_trailing_zeros(amount, text):
    assert format_ty(amount) == text
