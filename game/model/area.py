"""An area's census profile (a local authority, or a grouping of them).

Every count is additive, so a grouping's profile is exactly the sum of its members'.
Category dictionaries keep the census table's own category keys (see data/census/README.md).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, NonNegativeInt

N_AGES = 91  # single years 0..89 and the open group 90+
SEXES = ("male", "female")


class Frozen(BaseModel):
    """Reference data: validated once at the boundary, then immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class CohortTable(Frozen):
    """People by sex and single year of age 0..90+ (index 90 is the open group)."""

    male: tuple[NonNegativeInt, ...] = Field(min_length=N_AGES, max_length=N_AGES)
    female: tuple[NonNegativeInt, ...] = Field(min_length=N_AGES, max_length=N_AGES)

    @property
    def total(self) -> int:
        return sum(self.male) + sum(self.female)


class Components(Frozen):
    """One full year of components of change (ONS MYE, mid-2019 -> mid-2020)."""

    period: str = "mid-2019 to mid-2020"
    population_start: NonNegativeInt
    births: NonNegativeInt
    deaths: NonNegativeInt
    internal_in: NonNegativeInt
    internal_out: NonNegativeInt
    international_in: NonNegativeInt
    international_out: NonNegativeInt
    other: int = 0  # special-population and other adjustments (can be negative)

    @property
    def population_end(self) -> int:
        return (
            self.population_start
            + self.births
            - self.deaths
            + self.internal_in
            - self.internal_out
            + self.international_in
            - self.international_out
            + self.other
        )


class Commuting(Frozen):
    """Census 2021 ODWP01EW, residents 16+ in work, for this area."""

    live_and_work: NonNegativeInt  # work in the area (incl. at home), live in the area
    home_workers: NonNegativeInt  # mainly at or from home (subset of live_and_work)
    out_commuters: NonNegativeInt  # live here, work in another E&W area
    in_commuters: NonNegativeInt  # work here, live in another E&W area
    offshore_or_abroad: NonNegativeInt = 0
    no_fixed_place: NonNegativeInt = 0  # ODWP01EW counts these with home workers (indicator 1)
    elsewhere_uk: NonNegativeInt = 0  # live here, work in Scotland or Northern Ireland
    not_in_employment: NonNegativeInt = 0  # residents 16+ not in work (workplace code -8)

    @property
    def workplace_jobs(self) -> int:
        return self.live_and_work + self.in_commuters


class Migration(Frozen):
    """Census 2021 ODMG01EW: usual residents aged 1+ by address one year before the census."""

    not_moved: NonNegativeInt  # same address a year earlier
    moved_within: NonNegativeInt  # moved, but within the area
    arrived_from_ew: NonNegativeInt  # from another E&W area
    left_to_ew: NonNegativeInt  # to another E&W area (counted at their new address)
    arrived_from_abroad: NonNegativeInt
    arrived_from_elsewhere_uk: NonNegativeInt  # from Scotland or Northern Ireland


class AreaProfile(Frozen):
    code: str
    name: str
    name_cy: str | None = None  # Welsh name where ONS publishes one
    kind: str = "lad"  # lad | region | lep | ca | country | custom
    region_code: str
    region: str
    country: str  # England | Wales (or "England and Wales" for mixed groupings)
    lep_codes: tuple[str, ...] = ()  # 2021 LEP(s); derived lookup, see data/census/README.md
    lep_names: tuple[str, ...] = ()
    ca_code: str | None = None  # 2025 combined authority
    ca_name: str | None = None
    members: tuple[str, ...] = ()  # LAD codes; () for a single LAD
    lon: float
    lat: float
    # Two population figures, on purpose: the game runs on the mid-2021 estimate
    # (`population_estimate`, 30 June 2021, by sex and age); the Census count of usual
    # residents on 21 March 2021 (`census_population`) is shown beside it, labelled.
    population: CohortTable  # mid-2021 estimate by sex x single year of age
    census_population: NonNegativeInt  # Census 2021 usual residents (TS007)
    components: Components
    households: NonNegativeInt
    tenure: dict[str, NonNegativeInt]
    cars: dict[str, NonNegativeInt]
    economic_activity: dict[str, NonNegativeInt]
    industry: dict[str, NonNegativeInt]  # SIC 2007 sections A..U, employed residents
    nssec: dict[str, NonNegativeInt]
    qualifications: dict[str, NonNegativeInt]
    travel_to_work: dict[str, NonNegativeInt]
    commuting: Commuting
    migration: Migration | None = None
    groups: dict[str, NonNegativeInt]  # citizen group id -> people (groups overlap)
    # group id -> size of the population the group is counted within (its census table's
    # universe, e.g. residents 16+; or the mid-2021 estimate): the denominator of its share.
    group_universes: dict[str, NonNegativeInt] = {}

    @property
    def population_estimate(self) -> int:
        """Mid-2021 estimate (ONS MYE, 30 June 2021): the population the game uses."""
        return self.population.total

    def group_share(self, group_id: str) -> float | None:
        """A group's size over its own universe, or None where that is unknown or empty."""
        base = self.group_universes.get(group_id, 0)
        return self.groups.get(group_id, 0) / base if base else None
