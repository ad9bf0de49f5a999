"""sim: practise connecting, not networking."""

__version__ = "0.1.0"
