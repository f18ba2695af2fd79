"""Welsh initial-consonant mutations of place names, so Welsh text can say "yng Nghaerdydd"
(in Cardiff) and "i Gaerdydd" (to Cardiff) rather than "yn Caerdydd".

Only names with a Welsh form (ONS LAD21NMW: the 22 Welsh authorities, Cymru) mutate;
English place names are left as they are in Welsh prose ("yn Hartlepool"). Translation
files reach the forms through params: {area_cy}, {area_cy_soft}, {area_cy_nasal},
{area_cy_aspirate} and {area_cy_yn} (the whole "in ..." phrase).
"""

from __future__ import annotations

# Longest first: "ll" and "rh" before "l" and "r".
_SOFT = (
    ("ll", "l"),
    ("rh", "r"),
    ("p", "b"),
    ("t", "d"),
    ("c", "g"),
    ("b", "f"),
    ("d", "dd"),
    ("g", ""),
    ("m", "f"),
)
_NASAL = (("p", "mh"), ("t", "nh"), ("c", "ngh"), ("b", "m"), ("d", "n"), ("g", "ng"))
_ASPIRATE = (("p", "ph"), ("t", "th"), ("c", "ch"))


def _mutate(name: str, table: tuple[tuple[str, str], ...]) -> str:
    low = name.lower()
    for old, new in table:
        if low.startswith(old):
            rest = name[len(old) :]
            if name[:1].isupper():
                if new:
                    return new[0].upper() + new[1:] + rest
                return rest[:1].upper() + rest[1:]  # g- drops: "Gwynedd" -> "Wynedd"
            return new + rest
    return name


def soft(name: str) -> str:
    """Treiglad meddal: Caerdydd -> Gaerdydd, Powys -> Bowys, Llanelli -> Lanelli."""
    return _mutate(name, _SOFT)


def nasal(name: str) -> str:
    """Treiglad trwynol: Caerdydd -> Nghaerdydd, Bangor -> Mangor, Torfaen -> Nhorfaen."""
    return _mutate(name, _NASAL)


def aspirate(name: str) -> str:
    """Treiglad llaes: Caerdydd -> Chaerdydd, Powys -> Phowys."""
    return _mutate(name, _ASPIRATE)


def in_place(name: str) -> str:
    """ "yn" + a Welsh place name, with the nasal mutation and the matching form of "yn":
    yng Nghaerdydd, ym Mangor, ym Merthyr Tudful, yn Abertawe, yn Wrecsam."""
    mutated = nasal(name)
    low = mutated.lower()
    if low.startswith("ng"):
        return f"yng {mutated}"
    if low.startswith("m"):
        return f"ym {mutated}"
    return f"yn {mutated}"


def place_forms(welsh: str | None, english: str) -> dict[str, str]:
    """The params a Welsh template may use for an area. A place without a Welsh name is
    not mutated: its English name fills every form."""
    if not welsh:
        return {
            "area_cy": english,
            "area_cy_soft": english,
            "area_cy_nasal": english,
            "area_cy_aspirate": english,
            "area_cy_yn": f"yn {english}",
        }
    return {
        "area_cy": welsh,
        "area_cy_soft": soft(welsh),
        "area_cy_nasal": nasal(welsh),
        "area_cy_aspirate": aspirate(welsh),
        "area_cy_yn": in_place(welsh),
    }
