"""The census build's category keys: which raw ONS / Nomis category becomes which key in
the extract (data/census), and the SIC 2007 sections by division range. Data only, read by
game.census.build."""

from __future__ import annotations

# Categories of the ONS long-format tables: (ONS category code, key). The label comes from
# the raw file so the extract keeps ONS's own wording.
TS066_KEYS = [
    ("-8", "under_16"),
    ("1", "employee_part_time"),
    ("2", "employee_full_time"),
    ("3", "self_employed_with_employees_part_time"),
    ("4", "self_employed_with_employees_full_time"),
    ("5", "self_employed_part_time"),
    ("6", "self_employed_full_time"),
    ("7", "unemployed"),
    ("8", "student_employee_part_time"),
    ("9", "student_employee_full_time"),
    ("10", "student_self_employed_with_employees_part_time"),
    ("11", "student_self_employed_with_employees_full_time"),
    ("12", "student_self_employed_part_time"),
    ("13", "student_self_employed_full_time"),
    ("14", "student_unemployed"),
    ("15", "retired"),
    ("16", "inactive_student"),
    ("17", "looking_after_home"),
    ("18", "long_term_sick"),
    ("19", "inactive_other"),
]
TS061_KEYS = [
    ("1", "home"),
    ("2", "metro_tram"),
    ("3", "train"),
    ("4", "bus"),
    ("5", "taxi"),
    ("6", "motorcycle"),
    ("7", "car_driver"),
    ("8", "car_passenger"),
    ("9", "bicycle"),
    ("10", "on_foot"),
    ("11", "other"),
    ("12", "not_in_employment"),
]
TS067_KEYS = [
    ("-8", "under_16"),
    ("0", "none"),
    ("1", "level_1"),
    ("2", "level_2"),
    ("3", "apprenticeship"),
    ("4", "level_3"),
    ("5", "level_4_plus"),
    ("6", "other"),
]
# Nomis bulk tables: (exact raw column label after the table title, key).
TS045_KEYS = [
    ("No cars or vans in household", "none"),
    ("1 car or van in household", "one"),
    ("2 cars or vans in household", "two"),
    ("3 or more cars or vans in household", "three_plus"),
]
TS054_KEYS = [
    ("Owned: Owns outright", "owned_outright"),
    ("Owned: Owns with a mortgage or loan", "owned_mortgage"),
    ("Shared ownership: Shared ownership", "shared_ownership"),
    ("Social rented: Rents from council or Local Authority", "social_council"),
    ("Social rented: Other social rented", "social_other"),
    ("Private rented: Private landlord or letting agency", "private_landlord"),
    ("Private rented: Other private rented", "private_other"),
    ("Lives rent free", "rent_free"),
]
TS062_KEYS = [
    ("L1, L2 and L3 Higher managerial, administrative and professional occupations", "l1_3"),
    ("L4, L5 and L6 Lower managerial, administrative and professional occupations", "l4_6"),
    ("L7 Intermediate occupations", "l7"),
    ("L8 and L9 Small employers and own account workers", "l8_9"),
    ("L10 and L11 Lower supervisory and technical occupations", "l10_11"),
    ("L12 Semi-routine occupations", "l12"),
    ("L13 Routine occupations", "l13"),
    ("L14.1 and L14.2 Never worked and long-term unemployed", "l14"),
    ("L15 Full-time students", "l15"),
]

# SIC 2007 sections by division range. ONS's TS060 also has a residual "48 Wholesale and
# retail not otherwise specified", which belongs with G.
SIC_SECTIONS = [
    ("A", "Agriculture, forestry and fishing", 1, 3),
    ("B", "Mining and quarrying", 5, 9),
    ("C", "Manufacturing", 10, 33),
    ("D", "Electricity, gas, steam and air conditioning supply", 35, 35),
    ("E", "Water supply; sewerage, waste management and remediation", 36, 39),
    ("F", "Construction", 41, 43),
    ("G", "Wholesale and retail trade; repair of motor vehicles", 45, 48),
    ("H", "Transportation and storage", 49, 53),
    ("I", "Accommodation and food service activities", 55, 56),
    ("J", "Information and communication", 58, 63),
    ("K", "Financial and insurance activities", 64, 66),
    ("L", "Real estate activities", 68, 68),
    ("M", "Professional, scientific and technical activities", 69, 75),
    ("N", "Administrative and support service activities", 77, 82),
    ("O", "Public administration and defence; compulsory social security", 84, 84),
    ("P", "Education", 85, 85),
    ("Q", "Human health and social work activities", 86, 88),
    ("R", "Arts, entertainment and recreation", 90, 93),
    ("S", "Other service activities", 94, 96),
    ("T", "Activities of households as employers", 97, 98),
    ("U", "Activities of extraterritorial organisations and bodies", 99, 99),
]
