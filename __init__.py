"""baocao: turns a ministry's report-collection mailbox into a consolidated national report."""

__version__ = "0.1.0"
