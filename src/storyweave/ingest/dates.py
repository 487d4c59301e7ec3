"""Publication dates from metadata fields, as ISO 8601 at the precision the source gives."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from .byline import find_date

_PARTIAL = re.compile(r"^(?P<y>(?:1[89]|20)\d{2})(?:-(?P<m>0[1-9]|1[0-2]))?$")


def _iso(moment: datetime) -> str:
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
        return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
    return moment.strftime("%Y-%m-%dT%H:%M:%S")


#: the years a publication date can have, as a partial date's pattern has them (1800–2099): outside them a
#: field holds a placeholder ("9999-12-31", a timestamp of 0 or of far future), not when the text was published
YEARS = range(1800, 2100)


def normalise(value: str | float) -> str | None:
    """ISO 8601 for a date string or a Unix timestamp (seconds or milliseconds); None if it is no date or
    none a text was published on."""
    found = _normalised(value)
    return found if found and found[:4].isdigit() and int(found[:4]) in YEARS else None


def _normalised(value: str | float) -> str | None:
    if isinstance(value, (int, float)):
        if value == 0:
            return None  # the epoch: a timestamp never set
        seconds = value / 1000 if value > 10_000_000_000 else value
        try:
            return _iso(datetime.fromtimestamp(seconds, UTC))
        except (OverflowError, OSError, ValueError):
            return None
    text = value.strip()
    if _PARTIAL.match(text):
        return text
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            datetime.strptime(text, "%Y-%m-%d")
        except ValueError:
            return None
        return text
    try:
        return _iso(datetime.fromisoformat(text.replace("Z", "+00:00")))
    except ValueError:
        pass
    try:
        return _iso(parsedate_to_datetime(text))
    except (TypeError, ValueError, IndexError):
        pass
    found = find_date(text)
    return found[0] if found else None
