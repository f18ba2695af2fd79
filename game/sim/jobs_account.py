"""One jobs vocabulary for every screen and the CLI (`Engine.jobs_account`).

Three different numbers answer "how many jobs?", and they must never be confused:

* Jobs created (gross): operational FTE of the funded projects that are open, plus their
  construction work as FTE equivalents (10 job-years = 1 FTE, HCA cost-per-job note).
* Net new jobs: the HCA additionality chain applied to the gross jobs at the level played
  (less deadweight, leakage, displacement and substitution, plus the multiplier).
* Jobs located here vs no new projects: workplace jobs in the area, scenario minus
  baseline, from the labour model. It counts jobs taken by in-commuters (before leakage),
  construction work in progress and knock-on effects of the extra residents.

A project counts once it is open (its opening year is on or before the year asked about);
projects still being built, including any that open after the plan ends, are listed in
`not_yet_open` and count in none of the totals, so a cost per net job never includes
money for jobs that do not exist yet.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.sim.additionality import JobsBreakdown

LABELS = {
    "gross_total": "Jobs created (gross)",
    "net_additional": (
        "Net new jobs (after jobs that would have happened anyway, or moved from elsewhere)"
    ),
    "net_additional_short": "Net new jobs",
    "jobs_vs_baseline": "Jobs located here vs no new projects",
}
JOBS_MEASURES_HELP = (
    "Jobs created (gross) counts every job at the open projects; net new jobs leaves out "
    "jobs that would have happened anyway or moved from elsewhere nearby; jobs located here "
    "vs no new projects compares the whole area's jobs with the no-projects baseline, so it "
    "also counts jobs taken by people from outside, building work and knock-on effects."
)


SUMMARY_FIELDS = (
    "year",
    "gross_operational_fte",
    "construction_fte",
    "gross_total",
    "deadweight",
    "leakage",
    "displacement",
    "substitution",
    "multiplier_gain",
    "net_additional",
    "net_additional_wider",
    "jobs_vs_baseline",
    "cost_to_date",
    "cost_per_net_job",
    "cost_per_net_job_wider",
)


@dataclass(frozen=True)
class ProjectJobs:
    """One open project's part of the account (construction + operational)."""

    project_id: str
    type_id: str
    label: str
    opens: int
    capital_cost: float
    operational_fte: float  # gross
    construction_fte: float  # gross, job-years / 10
    local: JobsBreakdown  # construction + operational at the level played
    wider: JobsBreakdown  # the same at the wider grouping
    # Which leakage the operational jobs used at the level played: "census" (Census 2021
    # travel to work), "profile" (the catalogue's ready reckoner) or "scenario" (the
    # type's own factors), and its rate.
    leakage_basis: str = "profile"
    leakage_rate: float = 0.0

    @property
    def cost(self) -> float:
        return self.capital_cost

    @property
    def gross(self) -> float:
        """Operational FTE + construction FTE equivalents."""
        return self.local.gross

    @property
    def net(self) -> float:
        """Net new jobs at the level played."""
        return self.local.net

    @property
    def net_wider(self) -> float:  # read by name: game.play.models ProjectJobs (from_attributes)
        return self.wider.net

    @property
    def cost_per_net_job(self) -> float | None:
        return _ratio(self.capital_cost, self.local.net)

    @property
    def cost_per_net_job_wider(self) -> float | None:
        return _ratio(self.capital_cost, self.wider.net)


@dataclass(frozen=True)
class JobsAccount:
    """The jobs a plan has produced by the end of `year` (see the module docstring)."""

    year: int
    level: str  # level played: lad | sub_region | region
    wider_level: str
    gross_operational_fte: float
    construction_fte: float
    gross_total: float
    deadweight: float
    leakage: float
    displacement: float
    substitution: float
    multiplier_gain: float
    net_additional: float
    net_additional_wider: float
    jobs_vs_baseline: float
    cost_to_date: float  # capital cost of the projects counted (open ones)
    cost_per_net_job: float | None  # None when there are no net new jobs yet
    cost_per_net_job_wider: float | None
    not_yet_open: tuple[tuple[str, int], ...]  # (project label, opening year), not counted
    projects: tuple[ProjectJobs, ...]  # the open projects counted, in funding order

    def summary(self) -> dict[str, float | int | None | list[dict[str, str | int]]]:
        """The account's totals as plain data (the CLI's JSON, the report pack)."""
        out: dict[str, float | int | None | list[dict[str, str | int]]] = {
            f: getattr(self, f) for f in SUMMARY_FIELDS
        }
        out["not_yet_open"] = [{"label": lab, "opens": y} for lab, y in self.not_yet_open]
        return out


def _ratio(cost: float, net: float) -> float | None:
    return cost / net if net > 1e-9 else None


def build_account(
    year: int,
    level: str,
    wider_level: str,
    projects: tuple[ProjectJobs, ...],
    not_yet_open: tuple[tuple[str, int], ...],
    jobs_vs_baseline: float,
) -> JobsAccount:
    local = JobsBreakdown(level, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0)
    wider = JobsBreakdown(wider_level, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0)
    for p in projects:
        local = local + p.local
        wider = wider + p.wider
    cost = float(sum((p.capital_cost for p in projects), 0.0))
    return JobsAccount(
        year=year,
        level=level,
        wider_level=wider_level,
        gross_operational_fte=float(sum((p.operational_fte for p in projects), 0.0)),
        construction_fte=float(sum((p.construction_fte for p in projects), 0.0)),
        gross_total=local.gross,
        deadweight=local.deadweight,
        leakage=local.leakage,
        displacement=local.displacement,
        substitution=local.substitution,
        multiplier_gain=local.multiplier_effect,
        net_additional=local.net,
        net_additional_wider=wider.net,
        jobs_vs_baseline=jobs_vs_baseline,
        cost_to_date=cost,
        cost_per_net_job=_ratio(cost, local.net),
        cost_per_net_job_wider=_ratio(cost, wider.net),
        not_yet_open=not_yet_open,
        projects=projects,
    )
