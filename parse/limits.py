"""A time limit for reading one document: hostile PDFs can keep pdfminer busy for ever.

An interval timer raises in the reading code itself (pdfminer and python-docx are
Python, so the exception lands between two statements). Programs baocao starts
(LibreOffice, OCR) get their own timeouts and are killed with their process group."""

from __future__ import annotations

import signal
import threading
import time
from contextlib import contextmanager
from typing import Iterator

from baocao.i18n import N_


class TimeLimitExceeded(Exception):
    pass


class Deadline:
    """The time left for one document, shared by its steps (convert, OCR, read)."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.end = time.monotonic() + seconds

    def left(self) -> float:
        return max(0.1, self.end - time.monotonic())

    def expired(self) -> bool:
        """Whether the time is up. Readers ask after any exception from a library: pdfminer
        and pdfplumber catch `Exception` and wrap it, so the timer's exception may arrive
        as something else, or not at all, and the timer fires only once."""
        return time.monotonic() >= self.end

    def reached(self, where: str = "") -> str:
        """What the clerk reads when the time is up: the limit, and where reading stopped."""
        seconds = f"{self.seconds:g}"
        if where:
            return N_("the time limit of {seconds} s was reached {where}").format(seconds=seconds, where=where)
        return N_("the time limit of {seconds} s was reached").format(seconds=seconds)


@contextmanager
def time_limit(deadline: Deadline) -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread():
        yield  # timers only reach the main thread; subprocess steps keep their own timeouts
        return

    def expired(signum, frame):
        raise TimeLimitExceeded(deadline.reached())

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, deadline.left())
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
