"""The world: every local authority's profile, the flow matrices, and groupings of areas.

A grouping (region, 2021 LEP, 2025 combined authority, or any chosen set) is built by
adding its members' counts, so its profile is exactly the sum of its members. The one
exception is the commuting balance: flows between two members become "live and work in the
area" for the grouping, which is what a grouping's commuting means. Its workplace jobs and
resident workers still equal the members' sums.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from game.errors import UnknownAreaError
from game.model.area import N_AGES, AreaProfile, CohortTable, Commuting, Components, Migration
from game.model.groups import GroupDefinition
from game.model.names import fold
from game.model.places import ALIAS_GROUPING, PlaceAlias, PlaceMatch, loose

GROUPING_KINDS = ("region", "lep", "ca")


@dataclass(frozen=True)
class Grouping:
    kind: str
    code: str
    name: str
    members: tuple[str, ...]


def _sum_dicts(dicts: Iterable[dict[str, int]]) -> dict[str, int]:
    out: dict[str, int] = {}
    for d in dicts:
        for k, v in d.items():
            out[k] = out.get(k, 0) + v
    return out


def _common(values: Iterable[str | None]) -> str | None:
    distinct = set(values)
    return distinct.pop() if len(distinct) == 1 else None


class World:
    """Reference data for England and Wales. Built by game.census.load_world; read-only."""

    def __init__(
        self,
        areas: dict[str, AreaProfile],
        commute_matrix: np.ndarray,
        migration_matrix: np.ndarray,
        group_definitions: Sequence[GroupDefinition],
        names_cy: dict[str, str] | None = None,
        section_names: dict[str, str] | None = None,
        aliases: Sequence[PlaceAlias] = (),
    ) -> None:
        self.codes: tuple[str, ...] = tuple(sorted(areas))
        self.areas: dict[str, AreaProfile] = {c: areas[c] for c in self.codes}
        self.index: dict[str, int] = {c: i for i, c in enumerate(self.codes)}
        n = len(self.codes)
        if commute_matrix.shape != (n, n) or migration_matrix.shape != (n, n):
            raise ValueError("flow matrices must be (n, n) in sorted code order")
        self.commute_matrix = commute_matrix.astype(np.int64, copy=False)
        self.migration_matrix = migration_matrix.astype(np.int64, copy=False)
        self.commute_matrix.setflags(write=False)
        self.migration_matrix.setflags(write=False)
        self.group_definitions: list[GroupDefinition] = list(group_definitions)
        self._names_cy = names_cy or {}
        self.section_names: dict[str, str] = dict(section_names or {})  # SIC letter -> name
        self._groupings: dict[str, Grouping] = {}
        for kind in GROUPING_KINDS:
            members: dict[tuple[str, str], list[str]] = {}
            for code in self.codes:
                a = self.areas[code]
                pairs: list[tuple[str, str]] = []
                if kind == "region":
                    pairs = [(a.region_code, a.region)]
                elif kind == "lep":
                    pairs = list(zip(a.lep_codes, a.lep_names, strict=True))
                elif a.ca_code and a.ca_name:
                    pairs = [(a.ca_code, a.ca_name)]
                for key in pairs:
                    members.setdefault(key, []).append(code)
            for (gcode, gname), codes in sorted(members.items()):
                self._groupings[gcode] = Grouping(kind, gcode, gname, tuple(codes))
        # A council that replaced several 2021 districts is played as their grouping,
        # under its own (2023) code so a save names it.
        self.aliases: tuple[PlaceAlias, ...] = tuple(aliases)
        for al in self.aliases:
            if len(al.members) > 1 or al.code not in self.areas:
                self._groupings[al.code] = Grouping(ALIAS_GROUPING, al.code, al.alias, al.members)
        self._by_name: dict[str, str] = {}
        # When names clash the first wins: LAD, then region, then combined authority, then
        # LEP ("West Midlands" is the region, "Tees Valley" the CA). A "ca:", "lep:" or
        # "region:" prefix picks the other.
        # Keys are folded (case and accents ignored), so "ynys mon" finds Ynys Môn.
        for code in self.codes:
            for name in self._names_of(code):
                self._by_name.setdefault(fold(name), code)
        for kind in ("region", "ca", "lep"):
            for g in self._groupings.values():
                if g.kind == kind:
                    for name in self._names_of(g.code):
                        self._by_name.setdefault(fold(name), g.code)
        for al in self.aliases:  # official names win over the names people use
            self._by_name.setdefault(fold(al.alias), al.code)
        self._by_loose = {loose(k): v for k, v in reversed(self._by_name.items())}
        self._cache: dict[str, AreaProfile] = {}
        self._population = np.array(
            [[self.areas[c].population.male, self.areas[c].population.female] for c in self.codes],
            dtype=np.float64,
        ).reshape(n, 2, N_AGES)
        self._population.setflags(write=False)

    # -- lookup ---------------------------------------------------------------------------
    def _names_of(self, code: str) -> tuple[str, ...]:
        """English name, then the Welsh name where it differs (LADs and groupings)."""
        if code in self.areas:
            a = self.areas[code]
            english, welsh = a.name, a.name_cy
        else:
            english, welsh = self._groupings[code].name, self._names_cy.get(code)
        return (english, welsh) if welsh and welsh != english else (english,)

    def _find(self, query: str) -> str:
        q = query.strip()
        kind = None
        if ":" in q and q.split(":", 1)[0].strip().lower() in GROUPING_KINDS:
            kind, q = (s.strip() for s in q.split(":", 1))
            kind = kind.lower()
        upper = q.upper()
        if kind is None and upper in self.areas:
            return upper
        if upper in self._groupings and (kind is None or self._groupings[upper].kind == kind):
            return upper
        if kind is not None:
            for g in self._groupings.values():
                if g.kind == kind and fold(q) in map(fold, self._names_of(g.code)):
                    return g.code
        else:
            code = self._by_name.get(fold(q)) or self._by_loose.get(loose(q))
            if code is not None:
                return code
        raise UnknownAreaError(query, self.suggest(q))

    def alternatives(self, query: str) -> list[str]:
        """Other places a bare name could mean, as "kind:Name (N councils)", when it names
        groupings with different members ("North East": the region, the 2021 LEP and the
        combined authority). Empty when the name is a code, has a kind prefix, or all its
        meanings cover the same councils (Tees Valley LEP and combined authority)."""
        q = query.strip()
        if ":" in q or q.upper() in self.areas or q.upper() in self._groupings:
            return []
        key = fold(q)
        hits = [c for c in self.codes if key in map(fold, self._names_of(c))]
        hits += [
            g.code for g in self._groupings.values() if key in map(fold, self._names_of(g.code))
        ]
        if len({self.members(c) for c in hits}) < 2:
            return []
        out = []
        for c in hits:
            kind = "lad" if c in self.areas else self._groupings[c].kind
            name = self.areas[c].name if c in self.areas else self._groupings[c].name
            n = len(self.members(c))
            prefix = "" if kind == "lad" else f"{kind}:"
            out.append(f"{prefix}{name} ({n} council{'s' if n != 1 else ''})")
        return out

    def suggest(self, query: str, n: int = 5) -> list[str]:
        """Closest names (or codes) to a query, as "Name (CODE)" strings, best first.

        English and Welsh names both count, ignoring case and accents.
        """
        names: dict[str, str] = {}  # display name -> code
        for code in (*self.codes, *self._groupings):
            for name in self._names_of(code):
                names.setdefault(name, code)
        for a in self.aliases:
            names.setdefault(a.alias, a.code)
        folded: dict[str, str] = {}  # folded name -> display name
        for name in names:
            folded.setdefault(fold(name), name)
        q = fold(query)
        if not q:
            return []
        hits = difflib.get_close_matches(q, list(folded), n=n, cutoff=0.6)
        hits += [k for k in folded if q in k and k not in hits]
        first_name = {code.lower(): fold(name) for name, code in reversed(names.items())}
        hits += [
            first_name[c]
            for c in difflib.get_close_matches(q, list(first_name), n=n, cutoff=0.8)
            if first_name[c] not in hits
        ]
        return [f"{folded[h]} ({names[folded[h]]})" for h in hits[:n]]

    def search(self, text: str, kind: str = "lad") -> list[str]:
        """Codes of LADs (or of groupings of `kind`) whose code, English or Welsh name
        contains `text`, ignoring case, accents and punctuation ("St Helens"); for LADs,
        also the names people use (aliases.csv: "Grimsby", "North Yorkshire"). An exact
        name comes first, then names that start with it, then code order. An empty text
        matches every area."""
        return [m.code for m in self.find(text, kind)]

    def find(self, text: str, kind: str = "lad") -> list[PlaceMatch]:
        """search() with the reason for each match: a town or a 2023 council carries the
        line saying what it is ("Grimsby is in North East Lincolnshire")."""
        if kind == "lad":
            pool: list[str] = list(self.codes)
        elif kind in GROUPING_KINDS:
            pool = self.grouping_codes(kind)
        else:
            raise ValueError(f"kind must be 'lad' or one of {GROUPING_KINDS}, not {kind!r}")
        q = loose(text)
        ranked: dict[str, tuple[int, int, PlaceMatch]] = {}

        def add(rank: int, order: int, match: PlaceMatch) -> None:
            old = ranked.get(match.code)
            if old is None or (rank, order) < old[:2] or (rank == old[0] and match.note):
                ranked[match.code] = (rank, order, match)

        for i, code in enumerate(pool):
            names = [loose(nm) for nm in self._names_of(code)]
            name = self._names_of(code)[0]
            if q in names:
                add(0, i, PlaceMatch(code=code, name=name))
            elif any(nm.startswith(q) for nm in names) or code.lower() == q:
                add(1, i, PlaceMatch(code=code, name=name))
            elif q in code.lower() or any(q in nm for nm in names):
                add(2, i, PlaceMatch(code=code, name=name))
        if kind == "lad" and q:
            for j, a in enumerate(self.aliases):
                typed = loose(a.alias)
                rank = 0 if typed == q else 1 if typed.startswith(q) else 2 if q in typed else -1
                if rank >= 0:
                    target = self._names_of(a.code)[0] if a.code in self.areas else a.alias
                    match = PlaceMatch(code=a.code, name=target, alias=a.alias, note=a.note)
                    add(rank, len(pool) + j, match)
        return [m for _, _, m in sorted(ranked.values(), key=lambda r: r[:2])]

    def is_alias_grouping(self, code: str) -> bool:
        """A council played as the 2021 districts it replaced (aliases.csv)."""
        g = self._groupings.get(code)
        return g is not None and g.kind == ALIAS_GROUPING

    def resolve(self, query: str) -> AreaProfile:
        """A LAD, or a region/LEP/CA grouping, by code or name (case-insensitive)."""
        code = self._find(query)
        if code in self.areas:
            return self.areas[code]
        if code not in self._cache:
            g = self._groupings[code]
            self._cache[code] = self.combine(g.members, code=g.code, name=g.name, kind=g.kind)
        return self._cache[code]

    def members(self, query: str) -> tuple[str, ...]:
        code = self._find(query)
        return (code,) if code in self.areas else self._groupings[code].members

    def groupings(self, kind: str) -> list[AreaProfile]:
        if kind not in GROUPING_KINDS:
            raise ValueError(f"kind must be one of {GROUPING_KINDS}, not {kind!r}")
        return [self.resolve(g.code) for g in self._groupings.values() if g.kind == kind]

    def grouping_codes(self, kind: str) -> list[str]:
        return [g.code for g in self._groupings.values() if g.kind == kind]

    def population_array(self) -> np.ndarray:
        """Mid-2021 population, float64 (n, 2, 91): areas in code order, sex, age."""
        return self._population.copy()

    # -- groupings ------------------------------------------------------------------------
    def commuting_for(self, codes: Sequence[str]) -> Commuting:
        idx = np.array([self.index[c] for c in codes], dtype=np.int64)
        m = self.commute_matrix
        inside = int(m[np.ix_(idx, idx)].sum())
        parts = [self.areas[c].commuting for c in codes]
        return Commuting(
            live_and_work=inside,
            home_workers=sum(p.home_workers for p in parts),
            out_commuters=int(m[idx].sum()) - inside,
            in_commuters=int(m[:, idx].sum()) - inside,
            offshore_or_abroad=sum(p.offshore_or_abroad for p in parts),
            no_fixed_place=sum(p.no_fixed_place for p in parts),
            elsewhere_uk=sum(p.elsewhere_uk for p in parts),
            not_in_employment=sum(p.not_in_employment for p in parts),
        )

    def migration_for(self, codes: Sequence[str]) -> Migration | None:
        parts = [self.areas[c].migration for c in codes]
        if any(p is None for p in parts):
            return None
        known = [p for p in parts if p is not None]
        idx = np.array([self.index[c] for c in codes], dtype=np.int64)
        m = self.migration_matrix
        inside = int(m[np.ix_(idx, idx)].sum())
        return Migration(
            not_moved=sum(p.not_moved for p in known),
            moved_within=inside,
            arrived_from_ew=int(m[:, idx].sum()) - inside,
            left_to_ew=int(m[idx].sum()) - inside,
            arrived_from_abroad=sum(p.arrived_from_abroad for p in known),
            arrived_from_elsewhere_uk=sum(p.arrived_from_elsewhere_uk for p in known),
        )

    def combine(
        self,
        codes: Iterable[str],
        code: str = "custom",
        name: str | None = None,
        kind: str = "custom",
    ) -> AreaProfile:
        """Profile of any set of LADs: every count is the sum of the members' counts."""
        members = tuple(sorted(set(codes)))
        unknown = [c for c in members if c not in self.areas]
        if unknown:
            raise UnknownAreaError(unknown[0], self.suggest(unknown[0]))
        if not members:
            raise UnknownAreaError("", [])
        ps = [self.areas[c] for c in members]
        total_pop = sum(p.population.total for p in ps) or 1
        country = _common(p.country for p in ps) or "England and Wales"
        region_code = _common(p.region_code for p in ps)
        lep = _common(";".join(p.lep_codes) for p in ps)
        ca = _common(p.ca_code for p in ps)
        comps = [p.components for p in ps]
        return AreaProfile(
            code=code,
            name=name or f"{len(members)} areas",
            name_cy=self._names_cy.get(code),
            kind=kind,
            region_code=region_code or "",
            region=ps[0].region if region_code else "",
            country=country,
            lep_codes=ps[0].lep_codes if lep is not None else (),
            lep_names=ps[0].lep_names if lep is not None else (),
            ca_code=ca,
            ca_name=ps[0].ca_name if ca else None,
            members=members,
            lon=sum(p.lon * p.population.total for p in ps) / total_pop,
            lat=sum(p.lat * p.population.total for p in ps) / total_pop,
            population=CohortTable(
                male=tuple(int(v) for v in np.sum([p.population.male for p in ps], axis=0)),
                female=tuple(int(v) for v in np.sum([p.population.female for p in ps], axis=0)),
            ),
            census_population=sum(p.census_population for p in ps),
            components=Components(
                period=comps[0].period,
                population_start=sum(c.population_start for c in comps),
                births=sum(c.births for c in comps),
                deaths=sum(c.deaths for c in comps),
                internal_in=sum(c.internal_in for c in comps),
                internal_out=sum(c.internal_out for c in comps),
                international_in=sum(c.international_in for c in comps),
                international_out=sum(c.international_out for c in comps),
                other=sum(c.other for c in comps),
            ),
            households=sum(p.households for p in ps),
            tenure=_sum_dicts(p.tenure for p in ps),
            cars=_sum_dicts(p.cars for p in ps),
            economic_activity=_sum_dicts(p.economic_activity for p in ps),
            industry=_sum_dicts(p.industry for p in ps),
            nssec=_sum_dicts(p.nssec for p in ps),
            qualifications=_sum_dicts(p.qualifications for p in ps),
            travel_to_work=_sum_dicts(p.travel_to_work for p in ps),
            commuting=self.commuting_for(members),
            migration=self.migration_for(members),
            groups=_sum_dicts(p.groups for p in ps),
            group_universes=_sum_dicts(p.group_universes for p in ps),
        )
