"""The quote benchmark judges a link off the gold rows by the versions' lines (benchmarks/wmt.py line_map): a
wrong map would count wrong links right, so the map is tested on the shapes the WMT versions take."""

from __future__ import annotations

import importlib.util

from tests.conftest import ROOT

_spec = importlib.util.spec_from_file_location("wmt_benchmark", ROOT / "benchmarks" / "wmt.py")
wmt = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(wmt)


def test_versions_of_one_length_are_parallel():
    assert wmt.line_map(4, 4, []) == {i: i for i in range(5)}


def test_a_dropped_line_between_anchors_is_not_judged():
    # b has one line more than a, inserted after a's line 2; anchors on lines 1 and 5 of a
    mapped = wmt.line_map(7, 8, [(1, 1), (5, 6)])
    assert mapped[0] == 0 and mapped[1] == 1
    assert all(i not in mapped for i in (2, 3, 4))
    assert mapped[5] == 6 and mapped[7] == 8


def test_a_missing_title_shifts_every_line_before_the_first_anchor_out():
    # a lacks b's first two lines: the anchor's offset is the whole difference, so lines after it are mapped
    mapped = wmt.line_map(8, 10, [(4, 6)])
    assert all(i not in mapped for i in range(4))
    assert [mapped[i] for i in range(4, 9)] == [6, 7, 8, 9, 10]


def test_anchors_out_of_order_map_nothing():
    assert wmt.line_map(5, 6, [(1, 3), (3, 2)]) == {}
