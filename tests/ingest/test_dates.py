from __future__ import annotations

import pytest

from storyweave.ingest.dates import normalise


@pytest.mark.parametrize(("value", "iso"), [
    ("2013-06-06T23:12:00Z", "2013-06-06T23:12:00Z"),
    ("Thu, 06 Jun 2013 10:00:00 GMT", "2013-06-06T10:00:00Z"),
    (1394467970, "2014-03-10T16:12:50Z"),
    (1394467970000, "2014-03-10T16:12:50Z"),
    ("2013", "2013"),
    ("1850-01-01", "1850-01-01"),
])
def test_a_publication_date_in_its_common_forms(value, iso):
    assert normalise(value) == iso


@pytest.mark.parametrize("placeholder", ["9999-12-31T23:59:59Z", "0001-01-01", "0000-00-00", 0, -99999999999999,
                                         float("nan"), float("inf")])
def test_a_placeholder_is_no_publication_date(placeholder):
    assert normalise(placeholder) is None
