"""The English month and weekday names the time rules are written in; the readings of other languages
(cyrillic.py, cjk.py) name their months and weekdays with these."""

from __future__ import annotations

MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
               "november", "december")
WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
