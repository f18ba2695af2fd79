"""The map file: one small file with every area's outline, hex and neighbours."""

from __future__ import annotations

from game.census import load_map
from game.census.build_map import neighbours_from_arcs
from game.census.paths import DEFAULT_CENSUS_DIR
from game.model.world import World


def test_every_area_is_on_the_map(world: World) -> None:
    m = load_map()
    codes = set(world.codes)
    assert set(m.polygons) == codes
    assert set(m.hex) == codes
    assert set(m.neighbours) == codes
    assert all(m.polygons[c] for c in codes)
    assert len(set(m.hex.values())) == len(codes)  # no two areas share a hex


def test_map_is_small_and_inside_its_bbox() -> None:
    assert (DEFAULT_CENSUS_DIR / "map.json").stat().st_size <= 600_000
    m = load_map()
    lon0, lat0, lon1, lat1 = m.bbox
    assert -7 < lon0 < lon1 < 2.5 and 49 < lat0 < lat1 < 56
    for rings in m.polygons.values():
        for ring in rings:
            assert len(ring) >= 4
            assert all(lon0 <= x <= lon1 and lat0 <= y <= lat1 for x, y in ring)


def test_neighbours_are_symmetric_and_plausible() -> None:
    m = load_map()
    assert "E08000029" in m.neighbours["E08000025"]  # Birmingham borders Solihull
    for a, ns in m.neighbours.items():
        for b in ns:
            assert a in m.neighbours[b], (a, b)


def test_hartlepool_borders_county_durham_and_stockton() -> None:
    # ONS's adjacency list omits the Hartlepool - County Durham land border; the shared
    # boundary arcs of the TopoJSON supply it.
    ns = load_map().neighbours["E06000001"]
    assert "E06000047" in ns and "E06000004" in ns


def test_neighbours_from_shared_arcs_hand_made() -> None:
    # Three squares in a row, A|B|C: arcs 0 (A-B edge) and 1 (B-C edge) are shared; C also
    # uses arc 2 alone. A and C share nothing, so they are not neighbours.
    geoms = {
        "A": {"type": "Polygon", "arcs": [[0, 3]]},
        "B": {"type": "Polygon", "arcs": [[~0, 1, 4]]},
        "C": {"type": "MultiPolygon", "arcs": [[[~1, 2]], [[5]]]},
    }
    got = neighbours_from_arcs(geoms, ["A", "B", "C"])
    assert got == {"A": {"B"}, "B": {"A", "C"}, "C": {"B"}}
