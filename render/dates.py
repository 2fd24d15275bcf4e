"""Dates as the ministry writes them (Nghị định 30/2020/NĐ-CP): "29/6/2022", "ngày 29
tháng 6 năm 2022", and lateness counted in whole days ("chậm 3 ngày"), all in the
campaign's time zone: a report logged at 23:00 UTC is the next day in Hà Nội."""

from __future__ import annotations

from datetime import date, datetime, timedelta, tzinfo


def dmy(d: date) -> str:
    """A day below 10 and a month below 3 take a leading zero (01/8/2018, 16/5/2022, 05/02/2022)."""
    return f"{d.day:02d}/{d.month:02d}/{d.year}" if d.month < 3 else f"{d.day:02d}/{d.month}/{d.year}"


def long_date(d: date) -> str:
    """The place-and-date line's date: 'ngày 29 tháng 6 năm 2022' (same leading zeros as `dmy`)."""
    month = f"{d.month:02d}" if d.month < 3 else str(d.month)
    return f"ngày {d.day:02d} tháng {month} năm {d.year}"


def local_date(iso: str, tz: tzinfo) -> date | None:
    """The calendar day, in the campaign's zone, of an ISO time or date; None when empty or unreadable."""
    if not iso:
        return None
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(tz)
    return moment.date()


def last_day_on_time(deadline: datetime, tz: tzinfo) -> date:
    """The last calendar day a report could arrive on time: the day before a midnight deadline."""
    return (deadline - timedelta(microseconds=1)).astimezone(tz).date()


def days_late(received: date, deadline: datetime, tz: tzinfo) -> int:
    """Whole days after the last day on time; a report late by minutes is late by one day."""
    return max(1, (received - last_day_on_time(deadline, tz)).days)
