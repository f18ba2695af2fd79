"""What an engine fixes when it is built: the area played, its levels, its start state and
the additionality factors its projects will use (census leakage, then the variant)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np

from game.errors import ScenarioError
from game.model.area import AreaProfile
from game.model.world import World
from game.scenarios.catalogue import Catalogue
from game.scenarios.models import Factors, ProjectType
from game.sim import indicators as ind
from game.sim.additionality import scale_factors
from game.sim.labour import LabourState
from game.sim.levels import wider_grouping
from game.sim.params_bundle import Parameters
from game.sim.records import played_levels
from game.sim.uncertainty import Variant

BasePopulation = np.ndarray | tuple[np.ndarray, tuple[str, ...]]


@dataclass(frozen=True)
class PlayedArea:
    profile: AreaProfile
    codes: tuple[str, ...]
    level: str
    wider_level: str


def resolve_area(world: World, area: str) -> PlayedArea:
    """The area played: one LAD, a grouping of LADs, or all of England and Wales."""
    if str(area).strip().lower() in ("all", "england and wales"):
        codes = tuple(world.codes)
        profile = world.combine(codes, code="all", name="England and Wales")
        return PlayedArea(profile, codes, "region", "national")
    profile = world.resolve(area)
    level, wider = played_levels(profile)
    return PlayedArea(profile, tuple(sorted(world.members(area))), level, wider)


def base_population(
    world: World, codes: tuple[str, ...], base: BasePopulation | None
) -> np.ndarray:
    """The start population (n, 2, 91) for `codes`: mid-2021, or a user's file."""
    n = len(codes)
    if base is None:
        full = np.asarray(world.population_array(), dtype=np.float64)
        return full[[world.index[c] for c in codes]].copy()
    if isinstance(base, tuple):
        arr, given = base
        pos = {c: i for i, c in enumerate(given)}
        missing = [c for c in codes if c not in pos]
        if missing:
            raise ScenarioError(f"base population has no rows for area(s) {', '.join(missing[:5])}")
        return np.asarray(arr, dtype=np.float64)[[pos[c] for c in codes]].copy()
    arr = np.asarray(base, dtype=np.float64)
    if arr.shape[0] == len(world.codes) and n != len(world.codes):
        return arr[[world.index[c] for c in codes]].copy()
    if arr.shape != (n, 2, 91):
        raise ScenarioError(f"base population shape {arr.shape} does not fit {n} areas")
    return arr.copy()


def _in_commuting_share(profile: AreaProfile | None) -> float | None:
    c = profile.commuting if profile is not None else None
    jobs = c.workplace_jobs if c is not None else 0
    return c.in_commuters / jobs if c is not None and jobs > 0 else None


def census_leakage(world: World, played: PlayedArea, enabled: bool) -> dict[str, float]:
    """Leakage of operational jobs by level from Census 2021 travel to work: the share of
    the area's workplace jobs held by people living elsewhere (ODWP01EW); {} when the
    appraisal parameter leakage_from_census is off."""
    out: dict[str, float] = {}
    if not enabled:
        return out
    local = _in_commuting_share(played.profile)
    if local is not None:
        out[played.level] = local
    # the combined authority where one exists, else the 2021 LEP (game.sim.levels)
    wider = wider_grouping(world, played.profile, played.wider_level, played.codes)
    wider_share = _in_commuting_share(wider)
    if wider_share is not None:
        out[played.wider_level] = wider_share
    out["national"] = 0.0
    return out


def household_sizes(params: Parameters, codes: tuple[str, ...]) -> np.ndarray:
    """Each member's Census 2021 household size (the national figure where none is given)."""
    national = float(np.mean(params.links.household_size))
    return np.array([params.household_size.get(c, national) for c in codes])


def occupants(
    params: Parameters, sizes: np.ndarray, population: np.ndarray
) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """People per home (n,) and occupants' sex x age shares (2, 91) by housing type.

    population: E&W by sex and age (2, 91), which splits a type's age bands."""
    migrants = params.schedules.migrant_profile
    return {
        name: (h.occupancy(sizes), h.profile(migrants, population))
        for name, h in params.housing.items()
    }


@dataclass(frozen=True)
class AreaContext:
    """Everything fixed for one engine run that projects, previews and appraisals read."""

    params: Parameters
    catalogue: Catalogue
    variant: Variant
    played: PlayedArea
    start: ind.StartState
    start_indicators: Mapping[str, float]
    pop_weights: np.ndarray  # (n,) share of the start population in each member
    census_leakage: Mapping[str, float]
    household_size: np.ndarray  # (n,) Census 2021 household residents / households
    occupants: Mapping[str, tuple[np.ndarray, np.ndarray]]  # housing -> (size (n,), (2, 91))
    _factors: dict[str, tuple[ProjectType, dict[str, Factors]]] = field(default_factory=dict)

    @property
    def codes(self) -> tuple[str, ...]:
        return self.played.codes

    @property
    def level(self) -> str:
        return self.played.level

    @property
    def wider_level(self) -> str:
        return self.played.wider_level

    def vary(self, f: Factors) -> Factors:
        k = self.variant.additionality_scale
        return f if k == 1.0 else scale_factors(f, k)

    def construction(self, level: str) -> Factors:
        """Construction jobs' factors at `level`, with the variant applied."""
        return self.vary(self.params.catalogue.profiles["construction"].levels[level])

    def leakage_basis(self, ptype: ProjectType) -> dict[str, str]:
        """Where each level's leakage comes from: "census" (Census 2021 travel to work,
        replacing a catalogue profile's ready-reckoner value), "profile" (the catalogue
        profile, no census figure for that level) or "scenario" (the type's own factors,
        e.g. from an analyst's survey, which census leakage never overwrites)."""
        profiles = self.params.catalogue.profiles
        profile = profiles.get(ptype.additionality_profile)
        out: dict[str, str] = {}
        for lv, f in ptype.additionality.items():
            own = profile is None or profile.levels.get(lv) != f
            if own:
                out[lv] = "scenario"
            else:
                out[lv] = "census" if lv in self.census_leakage else "profile"
        return out

    def level_factors(self, ptype: ProjectType) -> dict[str, Factors]:
        """A type's operational additionality for this area: census leakage where the
        factors are a catalogue profile's, then the uncertainty variant."""
        cached = self._factors.get(ptype.id)
        if cached is not None and cached[0] is ptype:
            return cached[1]
        basis = self.leakage_basis(ptype)
        out: dict[str, Factors] = {}
        for lv, f in ptype.additionality.items():
            if basis[lv] == "census":
                f = f.model_copy(update={"leakage": self.census_leakage[lv]})
            out[lv] = self.vary(f)
        self._factors[ptype.id] = (ptype, out)
        return out

    def index_size(self) -> float:
        """Size factor for index effects (points are given for 100,000 people)."""
        a = self.params.appraisal
        f = a["index_reference_population"] / max(self.start.population, 1.0)
        return float(min(a["index_scale_max"], max(a["index_scale_min"], f)))


def _start_state(
    world: World,
    played: PlayedArea,
    P0: np.ndarray,
    lab0: LabourState,
    sizes: np.ndarray,
    budget: float,
) -> ind.StartState:
    codes = played.codes
    pop0 = float(P0.sum())
    everyone = world.population_array()[[world.index[c] for c in codes]].sum()
    share = pop0 / max(float(everyone), 1.0)
    members = np.array([float(world.areas[c].households) for c in codes])
    return ind.StartState(
        population=pop0,
        children=float(P0[:, :, ind.CHILD_AGES].sum()),
        households=float(played.profile.households) * share,
        # household residents / households over the members (household-weighted)
        household_size=float((members * sizes).sum() / max(members.sum(), 1.0)),
        jobs=float(lab0.workplace_jobs.sum()),
        unemployment_rate=float(lab0.unemployed.sum() / max(lab0.labour_force.sum(), 1.0)),
        budget=budget,
    )


def build_context(
    world: World,
    params: Parameters,
    catalogue: Catalogue,
    played: PlayedArea,
    variant: str,
    P0: np.ndarray,
    lab0: LabourState,
    budget: float,
) -> AreaContext:
    """Everything an engine fixes at the start, from its area, parameters and base year."""
    unknown = sorted(t.id for t in catalogue.types.values() if t.housing not in params.housing)
    if unknown:
        raise ScenarioError(
            f"project type '{unknown[0]}': unknown housing type "
            f"'{catalogue.types[unknown[0]].housing}' "
            f"(known: {', '.join(sorted(params.housing))})"
        )
    sizes = household_sizes(params, played.codes)
    start = _start_state(world, played, P0, lab0, sizes, budget)
    ew = np.asarray(world.population_array(), dtype=np.float64).sum(axis=0)
    return AreaContext(
        params=params,
        catalogue=catalogue,
        variant=params.variant(variant),
        played=played,
        start=start,
        start_indicators=ind.start_values(start, params.indicator_specs, params.indicator),
        pop_weights=P0.sum(axis=(1, 2)) / max(float(P0.sum()), 1.0),
        census_leakage=census_leakage(
            world, played, bool(params.appraisal.get("leakage_from_census", 0.0))
        ),
        household_size=sizes,
        occupants=occupants(params, sizes, ew),
    )
