"""The page's bar charts keep every label inside the picture."""

from __future__ import annotations

import re

from game.room.server.charts import CHAR_W, bars


def test_a_long_label_is_not_cut_off_at_the_charts_left_edge():
    """'Public transport commuters' (an approval group) and 'Community solar farm (5 MW)'
    (a project) were drawn right-aligned at x=242 and lost their first letters."""
    long = "People without qualifications"
    svg = str(bars([(long, 50.0, "50"), ("Graduates", 52.0, "52")], title="Approval"))
    x = float(re.search(r'<text x="([\d.]+)"[^>]*text-anchor="end">' + long, svg).group(1))
    assert x >= len(long) * CHAR_W  # the label's whole width fits left of its anchor
    view_w = float(re.search(r'viewBox="0 0 ([\d.]+) ', svg).group(1))
    bar = float(re.search(r'<rect x="[\d.]+" y="[\d.]+" width="([\d.]+)"', svg).group(1))
    assert bar >= 200 and view_w >= x + 120  # the bars and their numbers still fit


def test_short_labels_keep_the_usual_layout():
    svg = str(bars([("Energy", 1.0, "1")], title="Funded", width=600))
    assert 'viewBox="0 0 600 ' in svg
    assert '<text x="242" ' in svg
