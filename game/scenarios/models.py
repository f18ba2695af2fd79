"""Validated specs for project types and scenarios (data/projects, data/scenarios).

Every number a project type carries must name its source and status: `sources` holds one
entry per field (dotted paths such as "outputs.school_places" are allowed; an entry for a
parent such as "operational_fte" covers all its keys).
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal, get_args

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)

Category = Literal[
    "education",
    "health",
    "transport",
    "digital",
    "housing",
    "business",
    "skills",
    "town_centres",
    "green_space",
    "culture_tourism",
    "flood_defence",
    "energy",
]
CATEGORIES: tuple[str, ...] = get_args(Category)
SIC_SECTIONS = tuple("ABCDEFGHIJKLMNOPQRSTU")
Level = Literal["lad", "sub_region", "region", "national"]
LEVELS: tuple[str, ...] = get_args(Level)
Status = Literal["verified", "assumption", "derived"]
OptimismClass = Literal[
    "none",
    "standard_buildings",
    "non_standard_buildings",
    "standard_civil",
    "non_standard_civil",
    "equipment_development",
]

# Fields whose numbers need a source entry (checked when a type is loaded).
SOURCED_FIELDS = (
    "capital_cost",
    "running_cost",
    "build_years",
    "outputs",
    "construction_job_years",
    "operational_fte",
    "additionality",
    "indicator_effects",
    "group_effects",
    "people_served",
    "annual_benefit",
    "build_out_per_year",
    "ramp_up_years",
    "housing_deadweight",
)


# How each output reads as a quantity: (one, many). Unknown outputs read as their name.
OUTPUT_UNITS: dict[str, tuple[str, str]] = {
    "school_places_primary": ("primary place", "primary places"),
    "school_places_secondary": ("secondary place", "secondary places"),
    "gp_patient_capacity": ("patient place", "patient places"),
    "homes": ("home", "homes"),
    "homes_retrofitted": ("home", "homes"),
    "stations": ("station", "stations"),
    "buses": ("bus", "buses"),
    "route_km": ("km", "km"),
    "junctions": ("junction", "junctions"),
    "premises_connected": ("premises", "premises"),
    "training_places": ("training place", "training places"),
    "firms_supported": ("firm", "firms"),
    "floorspace_m2": ("m2", "m2"),
    "stalls": ("stall", "stalls"),
    "hectares": ("ha", "ha"),
    "pitches": ("pitch", "pitches"),
    "visitors_per_year": ("visitor a year", "visitors a year"),
    "hotel_rooms": ("room", "rooms"),
    "properties_protected": ("property", "properties"),
    "megawatts": ("MW", "MW"),
}
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
OUTPUT_KEYS: tuple[str, ...] = tuple(OUTPUT_UNITS)
# Index indicators a project can move (game.sim.indicators.INDEX_INDICATORS reads the same
# names; a test keeps the two equal -- scenarios sit below sim and cannot import it).
INDICATOR_EFFECT_KEYS: tuple[str, ...] = (
    "commute_access",
    "green_space",
    "town_centre_vitality",
    "culture",
    "flood_safety",
    "low_carbon",
    "skills",
)


def unknown_keys(value: dict[str, float], known: tuple[str, ...], what: str) -> None:
    """Raise naming the first key not in `known` (with close matches): a typo such as
    `"homez": 100` must not build nothing silently."""
    import difflib

    for key in value:
        if key not in known:
            close = difflib.get_close_matches(key, known, n=3, cutoff=0.5)
            hint = (
                f"; did you mean {', '.join(close)}?" if close else f" (known: {', '.join(known)})"
            )
            raise ValueError(f"unknown {what} '{key}'{hint}")


def quantity(value: float, output: str) -> str:
    """`quantity(1000, "properties_protected")` -> "1,000 properties"."""
    one, many = OUTPUT_UNITS.get(output, (output.replace("_", " "),) * 2)
    return f"{number_text(value)} {one if abs(value - 1.0) < 1e-9 else many}"


def number_text(value: float) -> str:
    """Whole numbers with thousands separators; otherwise one decimal place."""
    return f"{value:,.0f}" if abs(value - round(value)) < 1e-6 else f"{value:,.1f}"


# Bounds far beyond any real project (the catalogue's largest capital cost is ~GBP 27m,
# its largest output 80,000) that still refuse absurd input before it reaches the engine.
MAX_MONEY = 1e11  # GBP 100bn, more than any single UK scheme
MAX_QUANTITY = 1e9  # places, homes, jobs, people...
MAX_EFFECT = 1000.0  # index points per 100,000 people (the catalogue's largest is 12)
MAX_PROJECTS = 1000  # planned projects in one scenario (a 10-year game plays ~40)
MAX_TYPES = 500  # added types or overrides in one scenario (the catalogue has 30)


def _not_bool(value: Any) -> Any:
    """JSON `true` is not the number 1: pydantic's lax mode would take it as one."""
    if isinstance(value, bool):
        raise ValueError("a number is needed here, not true/false")
    return value


NonNegativeFloat = Annotated[
    float, BeforeValidator(_not_bool), Field(ge=0.0, le=MAX_QUANTITY, allow_inf_nan=False)
]
Money = Annotated[
    float, BeforeValidator(_not_bool), Field(ge=0.0, le=MAX_MONEY, allow_inf_nan=False)
]
Effect = Annotated[
    float, BeforeValidator(_not_bool), Field(ge=-MAX_EFFECT, le=MAX_EFFECT, allow_inf_nan=False)
]
Whole = Annotated[int, BeforeValidator(_not_bool)]
Number = Annotated[float, BeforeValidator(_not_bool)]


class Strict(BaseModel):
    # No NaN or infinity anywhere in a scenario or project type.
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


class Source(Strict):
    field: str = Field(min_length=1)
    source: str = Field(min_length=3)
    status: Status


class Factors(Strict):
    """Additionality factors at one spatial level (HCA Additionality Guide 2014)."""

    leakage: Number = Field(ge=0.0, le=1.0)
    displacement: Number = Field(ge=0.0, le=1.0)
    substitution: Number = Field(ge=0.0, le=1.0)
    deadweight: Number = Field(ge=0.0, le=1.0)
    multiplier: Number = Field(ge=1.0, le=3.0)


BenefitKind = Literal["annual", "present_value", "per_pound", "not_valued"]
AssetClass = Literal[
    "transport", "flood_defence", "buildings", "green_space", "energy", "digital", "programme"
]


class BenefitSpec(Strict):
    """One benefit of a type's economic case, as the appraisal guidance values it: GBP a
    year once open (`annual`), a present value at opening (`present_value`), a return per
    GBP 1 of public money (`per_pound`), or `not_valued` where there is no evidence."""

    benefit: str = Field(min_length=3)
    kind: BenefitKind
    value: Money | None = None
    price_year: int | None = Field(default=None, ge=1990, le=2100)
    source: str = Field(min_length=3)
    status: Status

    @model_validator(mode="after")
    def _value(self) -> BenefitSpec:
        if (self.kind == "not_valued") != (self.value is None):
            raise ValueError("give a value for a valued benefit, and none when not_valued")
        return self


class TypeEconomicCase(Strict):
    """A type's own economic case (data/projects/economic_case.csv holds the catalogue's)."""

    asset_class: AssetClass
    benefits: tuple[BenefitSpec, ...] = Field(min_length=1)


class ProjectType(Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=60)
    name: str = Field(min_length=1)  # English; other languages: the client's catalogues
    # Discrete facilities (a school, a station) carry the name that follows a count: scale 3
    # reads "3 new secondary schools (2,700 places)", not one school three times the size.
    # Types without it (hectares, km, homes, premises) scale the quantity in the name.
    # Names in other languages, with their count forms, are translation entries keyed by
    # the type id ("project.<id>", assets/i18n/<lang>/LC_MESSAGES/civic.po).
    name_plural: str | None = Field(default=None, min_length=1)
    category: Category
    blurb: str = ""
    capital_cost: Money  # GBP, public cost at scale 1
    running_cost: Money = 0.0  # GBP per year from opening, borne by the fund
    build_years: Whole = Field(ge=0, le=10)
    outputs: dict[str, NonNegativeFloat] = Field(default_factory=dict)
    construction_job_years: NonNegativeFloat = 0.0
    operational_fte: dict[str, NonNegativeFloat] = Field(default_factory=dict)
    # Name of a profile in data/params/additionality.csv; `additionality` is filled from it
    # (per level) by the catalogue loader unless given explicitly.
    additionality_profile: str = "business"
    additionality: dict[Level, Factors] = Field(default_factory=dict)
    # Index points for an area of 100,000 people (scaled by size in game.sim.indicators).
    indicator_effects: dict[str, Effect] = Field(default_factory=dict)
    group_effects: dict[str, Effect] = Field(default_factory=dict)  # strength -3..+3
    people_served: NonNegativeFloat = 0.0
    annual_benefit: Money = 0.0  # monetised non-jobs benefit, GBP/yr once open
    optimism_bias: OptimismClass = "standard_buildings"
    # Who lives in the homes it builds (a row of data/params/housing_types.csv): how many
    # people a home and their ages. "general" homes fill as the area's households do.
    housing: str = Field(default="general", pattern=r"^[a-z][a-z0-9_]*$")
    # Homes completed a year once it opens (None: all at opening) -- large sites build out
    # over years; operational jobs rising to full over this many years as premises let;
    # the share of its homes already in the local plan (built anyway: no extra residents).
    build_out_per_year: Number | None = Field(default=None, gt=0, le=MAX_QUANTITY)
    ramp_up_years: Whole = Field(default=0, ge=0, le=10)
    housing_deadweight: Number = Field(default=0.0, ge=0.0, le=1.0)
    # A scenario's own type may carry its economic case; each benefit has its source.
    economic_case: TypeEconomicCase | None = None
    sources: tuple[Source, ...] = ()

    @field_validator("operational_fte")
    @classmethod
    def _sections(cls, value: dict[str, float]) -> dict[str, float]:
        bad = sorted(k for k in value if k not in SIC_SECTIONS)
        if bad:
            raise ValueError(f"unknown SIC section(s) {', '.join(bad)} (use letters A..U)")
        return value

    @field_validator("outputs")
    @classmethod
    def _outputs(cls, value: dict[str, float]) -> dict[str, float]:
        unknown_keys(value, OUTPUT_KEYS, "output")
        return value

    @field_validator("indicator_effects")
    @classmethod
    def _indicators(cls, value: dict[str, float]) -> dict[str, float]:
        unknown_keys(value, INDICATOR_EFFECT_KEYS, "indicator effect")
        return value

    @field_validator("group_effects")
    @classmethod
    def _strength(cls, value: dict[str, float]) -> dict[str, float]:
        for group, strength in value.items():
            if not -3.0 <= strength <= 3.0:
                raise ValueError(f"group effect for '{group}' must lie in -3..+3, got {strength}")
        return value

    @property
    def gross_operational_fte(self) -> float:
        return float(sum(self.operational_fte.values()))

    def main_output(self) -> tuple[str, float] | None:
        """The output a title quotes: the first positive one that is not floorspace, if any."""
        positive = [(k, float(v)) for k, v in self.outputs.items() if v > 0]
        return next((o for o in positive if o[0] != "floorspace_m2"), None) or next(
            iter(positive), None
        )

    @property
    def discrete(self) -> bool:
        """Built in whole units (schools, stations...): a bigger card buys more of them."""
        return self.name_plural is not None

    def units(self, scale: float) -> int | None:
        """How many of a discrete type this scale buys, when it is a whole number >= 2."""
        n = round(scale)
        return n if self.discrete and n >= 2 and abs(scale - n) < 1e-9 else None

    def describe(self, scale: float = 1.0) -> str:
        """The name with the real quantities this scale buys. A discrete type at a whole
        scale >= 2 is a count ("3 new secondary schools (2,700 places)"); otherwise numbers
        the name quotes from its outputs are scaled ("Flood defence scheme (500 properties)"
        at scale 2 -> "(1,000 properties)"), and a name without one gets its main output
        added ("Community health centre (6,000 patient places)" at 0.5). A type with no
        outputs keeps its name (the cost shows the size): a title never says "(x3)".
        Scale 1 is the catalogue name."""
        name, added = self.title_parts(scale)
        return name if added is None else f"{name} ({quantity(added[1], added[0])})"

    def title_parts(self, scale: float = 1.0) -> tuple[str, tuple[str, float] | None]:
        """(name, added) behind describe(): the name at this scale, and the main output
        (id, scaled quantity) the title adds in brackets, if any -- so a client can put the
        quantity into its own language."""
        name = self.name
        if abs(scale - 1.0) < 1e-9:
            return name, None
        count = self.units(scale)
        prefix = ""
        if count is not None:
            name, prefix = str(self.name_plural), f"{count} "
        scaled, replaced = self.scale_numbers(name, scale)
        if replaced:
            return prefix + scaled, None
        main = self.main_output()
        if main is None or (count is not None and abs(main[1] - 1.0) < 1e-9):
            return prefix + name, None  # "3 new railway stations" needs no "(3 stations)"
        return prefix + name, (main[0], main[1] * scale)

    def scale_numbers(self, name: str, scale: float) -> tuple[str, bool]:
        """`name` (in any language) with each number that equals one of the outputs
        multiplied by `scale`, and whether any was."""
        replaced = False

        def swap(m: re.Match[str]) -> str:
            nonlocal replaced
            value = float(m.group(0).replace(",", ""))
            for qty in self.outputs.values():
                if qty > 0 and abs(qty - value) < 1e-9:
                    replaced = True
                    return number_text(qty * scale)
            return m.group(0)

        return _NUMBER.sub(swap, name), replaced

    def source_for(self, field: str) -> Source | None:
        """The source entry covering `field` (exact, or its parent for dotted paths)."""
        parent = field.split(".", 1)[0]
        for entry in self.sources:
            if entry.field == field:
                return entry
        for entry in self.sources:
            if entry.field == parent:
                return entry
        return None

    def unsourced_fields(self) -> list[str]:
        """Numeric fields with a non-zero/non-empty value and no source entry."""
        missing: list[str] = []
        for field in SOURCED_FIELDS:
            value = getattr(self, field)
            if field == "additionality":
                value = value if self.additionality_profile == "custom" else {}
            if not value:
                continue
            if isinstance(value, dict) and field != "additionality":
                for key in value:
                    if self.source_for(f"{field}.{key}") is None:
                        missing.append(f"{field}.{key}")
            elif self.source_for(field) is None:
                missing.append(field)
        return missing


class ProjectOverride(Strict):
    """Changes to an existing type in a scenario: only the given fields are replaced."""

    id: str
    name: str | None = None
    name_plural: str | None = Field(default=None, min_length=1)
    capital_cost: Money | None = None
    running_cost: Money | None = None
    build_years: Whole | None = Field(default=None, ge=0, le=10)
    outputs: dict[str, NonNegativeFloat] | None = None
    construction_job_years: NonNegativeFloat | None = None
    operational_fte: dict[str, NonNegativeFloat] | None = None
    additionality_profile: str | None = None
    indicator_effects: dict[str, Effect] | None = None
    group_effects: dict[str, Effect] | None = None
    people_served: NonNegativeFloat | None = None
    annual_benefit: Money | None = None
    build_out_per_year: Number | None = Field(default=None, gt=0, le=MAX_QUANTITY)
    ramp_up_years: Whole | None = Field(default=None, ge=0, le=10)
    housing_deadweight: Number | None = Field(default=None, ge=0.0, le=1.0)
    economic_case: TypeEconomicCase | None = None
    sources: tuple[Source, ...] | None = None

    @field_validator("outputs")
    @classmethod
    def _outputs(cls, value: dict[str, float] | None) -> dict[str, float] | None:
        unknown_keys(value or {}, OUTPUT_KEYS, "output")
        return value

    @field_validator("indicator_effects")
    @classmethod
    def _indicators(cls, value: dict[str, float] | None) -> dict[str, float] | None:
        unknown_keys(value or {}, INDICATOR_EFFECT_KEYS, "indicator effect")
        return value


class PlannedProject(Strict):
    type: str
    year: Whole = Field(default=2021, ge=1900, le=2200)
    scale: Number = Field(default=1.0, gt=0.0, le=20.0)
    label: str | None = None
    area: str | None = None  # member LAD code when the played area is a grouping


AppraisalStage = Literal["early", "outline", "full"]
APPRAISAL_STAGES: tuple[str, ...] = get_args(AppraisalStage)


class EconomicCaseSettings(Strict):
    """How far the plan has got (Green Book optimism bias falls from the upper bound at an
    early stage to the lower bound at a full business case), or the analyst's own optimism
    bias, which then needs its own source."""

    stage: AppraisalStage = "early"
    optimism_bias: float | None = Field(default=None, ge=0.0, le=2.0)
    optimism_bias_source: Source | None = None

    @model_validator(mode="after")
    def _sourced(self) -> EconomicCaseSettings:
        if self.optimism_bias is not None and self.optimism_bias_source is None:
            raise ValueError(
                "optimism_bias needs optimism_bias_source ({field, source, status}) -- "
                "an analyst's own figure must say where it comes from"
            )
        return self


class Scenario(Strict):
    # Lets an editor find data/schema/scenario.schema.json; not used otherwise.
    schema_ref: str | None = Field(default=None, alias="$schema")
    name: str
    description: str = ""
    area: str | None = None
    budget: Money | None = None  # growth fund, GBP; None -> per-head default
    years: Whole | None = Field(default=None, ge=1, le=50)
    projects: tuple[PlannedProject, ...] = Field(default=(), max_length=MAX_PROJECTS)
    project_types: tuple[ProjectType, ...] = Field(
        default=(), max_length=MAX_TYPES
    )  # new types (or full replacements)
    overrides: tuple[ProjectOverride, ...] = Field(default=(), max_length=MAX_TYPES)
    economic_case: EconomicCaseSettings = EconomicCaseSettings()
