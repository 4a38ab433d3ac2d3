"""The vocabularies of the facts: the enums whose members a description names, and their tables.

Operators (Art 3(8), Art 25(3)), the practices of Art 5(1), the points of Annex III (Art 6(2)),
the acts of Annex I (Art 6(1)) with their titles, the objectives of real-time remote biometric
identification (Art 5(1)(h)), a foundation model's distribution channels (EP Art 28b(1)) and the
size of an operator (Art 99(6), Art 3(14b)); and the values that stand for some member, not known
which (an Annex III area), with the members each may be.
"""

from __future__ import annotations

import inspect
from enum import StrEnum

__all__ = [
    "ANNEX_I_TITLES",
    "IMPLIED_MEMBERS",
    "MARKERS",
    "AnnexIAct",
    "AnnexIIIPoint",
    "DistributionChannel",
    "EnterpriseSize",
    "Practice",
    "RBIObjective",
    "Role",
]


class Role(StrEnum):
    """Operators of Art 3(8), plus the product manufacturer of Art 25(3)."""

    PROVIDER = "provider"
    DEPLOYER = "deployer"
    IMPORTER = "importer"
    DISTRIBUTOR = "distributor"
    AUTHORISED_REPRESENTATIVE = "authorised_representative"
    PRODUCT_MANUFACTURER = "product_manufacturer"


class Practice(StrEnum):
    """The practices Art 5(1) names; whether one is prohibited also depends on its conditions."""

    MANIPULATIVE_TECHNIQUES = "manipulative_techniques"  # Art 5(1)(a)
    EXPLOITS_VULNERABILITIES = "exploits_vulnerabilities"  # Art 5(1)(b)
    SOCIAL_SCORING = "social_scoring"  # Art 5(1)(c)
    CRIME_RISK_ASSESSMENT = "crime_risk_assessment"  # Art 5(1)(d)
    UNTARGETED_FACIAL_SCRAPING = "untargeted_facial_scraping"  # Art 5(1)(e)
    EMOTION_INFERENCE = "emotion_inference"  # Art 5(1)(f)
    BIOMETRIC_CATEGORISATION = "biometric_categorisation"  # Art 5(1)(g)
    REAL_TIME_REMOTE_BIOMETRIC_IDENTIFICATION = "real_time_remote_biometric_identification"  # (h)
    INTIMATE_IMAGERY_GENERATION = "intimate_imagery_generation"  # Art 5(1)(ba), 2026
    CHILD_SEXUAL_ABUSE_MATERIAL_GENERATION = "child_sexual_abuse_material_generation"  # (bb), 2026
    POST_REMOTE_BIOMETRIC_IDENTIFICATION = "post_remote_biometric_identification"  # EP 5(1)(dd), 2023


class AnnexIIIPoint(StrEnum):
    """The 25 points of Annex III (Art 6(2)), written as the Annex numbers them; an area number
    alone (`"4"`) means some point of that area, not known which, and `"some"` some point of the
    Annex, not known which."""

    BIOMETRIC_REMOTE_IDENTIFICATION = "1(a)"
    BIOMETRIC_CATEGORISATION = "1(b)"
    EMOTION_RECOGNITION = "1(c)"
    CRITICAL_INFRASTRUCTURE = "2"
    EDUCATION_ACCESS = "3(a)"
    EDUCATION_EVALUATION = "3(b)"
    EDUCATION_LEVEL = "3(c)"
    EDUCATION_TEST_MONITORING = "3(d)"
    EMPLOYMENT_RECRUITMENT = "4(a)"
    EMPLOYMENT_DECISIONS = "4(b)"
    PUBLIC_BENEFITS = "5(a)"
    CREDITWORTHINESS = "5(b)"
    LIFE_HEALTH_INSURANCE = "5(c)"
    EMERGENCY_CALLS = "5(d)"
    LAW_ENFORCEMENT_VICTIM_RISK = "6(a)"
    LAW_ENFORCEMENT_POLYGRAPH = "6(b)"
    LAW_ENFORCEMENT_EVIDENCE = "6(c)"
    LAW_ENFORCEMENT_OFFENDING_RISK = "6(d)"
    LAW_ENFORCEMENT_PROFILING = "6(e)"
    MIGRATION_POLYGRAPH = "7(a)"
    MIGRATION_RISK = "7(b)"
    MIGRATION_APPLICATIONS = "7(c)"
    MIGRATION_IDENTIFICATION = "7(d)"
    JUSTICE = "8(a)"
    ELECTIONS = "8(b)"
    # Partial knowledge: a point of the area (or of the Annex) not known which.
    AREA_1_BIOMETRICS = "1"
    AREA_3_EDUCATION = "3"
    AREA_4_EMPLOYMENT = "4"
    AREA_5_ESSENTIAL_SERVICES = "5"
    AREA_6_LAW_ENFORCEMENT = "6"
    AREA_7_MIGRATION = "7"
    AREA_8_JUSTICE_AND_DEMOCRACY = "8"
    SOME_POINT = "some"


class AnnexIAct(StrEnum):
    """Union harmonisation legislation listed in Annex I; its section (A or B) is ruleset data.

    `section_a` and `section_b` mean an act of that section, not named. An act that replaces a
    listed one counts as that entry (the rulesets list it beside the act it replaces).
    """

    MACHINERY_DIRECTIVE = "directive_2006_42_ec"
    MACHINERY_REGULATION = "regulation_2023_1230"
    TOYS = "directive_2009_48_ec"
    RECREATIONAL_CRAFT = "directive_2013_53_eu"
    LIFTS = "directive_2014_33_eu"
    ATEX = "directive_2014_34_eu"
    RADIO_EQUIPMENT = "directive_2014_53_eu"
    PRESSURE_EQUIPMENT = "directive_2014_68_eu"
    CABLEWAYS = "regulation_2016_424"
    PERSONAL_PROTECTIVE_EQUIPMENT = "regulation_2016_425"
    GAS_APPLIANCES = "regulation_2016_426"
    MEDICAL_DEVICES = "regulation_2017_745"
    IN_VITRO_DIAGNOSTICS = "regulation_2017_746"
    CIVIL_AVIATION_SECURITY = "regulation_300_2008"
    TWO_THREE_WHEEL_VEHICLES = "regulation_168_2013"
    AGRICULTURAL_VEHICLES = "regulation_167_2013"
    MARINE_EQUIPMENT = "directive_2014_90_eu"
    RAIL_INTEROPERABILITY = "directive_2016_797"
    MOTOR_VEHICLES = "regulation_2018_858"
    VEHICLE_GENERAL_SAFETY = "regulation_2019_2144"
    CIVIL_AVIATION_UNMANNED = "regulation_2018_1139"
    TOY_SAFETY_REGULATION = "regulation_2025_2509"
    SECTION_A = "section_a"
    SECTION_B = "section_b"


ANNEX_I_TITLES = {
    AnnexIAct.MACHINERY_DIRECTIVE: "Directive 2006/42/EC on machinery (OJ L 157, 9.6.2006, p. 24)",
    AnnexIAct.MACHINERY_REGULATION: "Regulation (EU) 2023/1230 on machinery products, replacing "
    "Directive 2006/42/EC (OJ L 165, 29.6.2023, p. 1)",
    AnnexIAct.TOYS: "Directive 2009/48/EC on the safety of toys (OJ L 170, 30.6.2009, p. 1)",
    AnnexIAct.RECREATIONAL_CRAFT: "Directive 2013/53/EU on recreational craft and personal "
    "watercraft (OJ L 354, 28.12.2013, p. 90)",
    AnnexIAct.LIFTS: "Directive 2014/33/EU on lifts and safety components for lifts "
    "(OJ L 96, 29.3.2014, p. 251)",
    AnnexIAct.ATEX: "Directive 2014/34/EU on equipment and protective systems for potentially "
    "explosive atmospheres (OJ L 96, 29.3.2014, p. 309)",
    AnnexIAct.RADIO_EQUIPMENT: "Directive 2014/53/EU on radio equipment "
    "(OJ L 153, 22.5.2014, p. 62)",
    AnnexIAct.PRESSURE_EQUIPMENT: "Directive 2014/68/EU on pressure equipment "
    "(OJ L 189, 27.6.2014, p. 164)",
    AnnexIAct.CABLEWAYS: "Regulation (EU) 2016/424 on cableway installations "
    "(OJ L 81, 31.3.2016, p. 1)",
    AnnexIAct.PERSONAL_PROTECTIVE_EQUIPMENT: "Regulation (EU) 2016/425 on personal protective "
    "equipment (OJ L 81, 31.3.2016, p. 51)",
    AnnexIAct.GAS_APPLIANCES: "Regulation (EU) 2016/426 on appliances burning gaseous fuels "
    "(OJ L 81, 31.3.2016, p. 99)",
    AnnexIAct.MEDICAL_DEVICES: "Regulation (EU) 2017/745 on medical devices "
    "(OJ L 117, 5.5.2017, p. 1)",
    AnnexIAct.IN_VITRO_DIAGNOSTICS: "Regulation (EU) 2017/746 on in vitro diagnostic medical "
    "devices (OJ L 117, 5.5.2017, p. 176)",
    AnnexIAct.CIVIL_AVIATION_SECURITY: "Regulation (EC) No 300/2008 on civil aviation security "
    "(OJ L 97, 9.4.2008, p. 72)",
    AnnexIAct.TWO_THREE_WHEEL_VEHICLES: "Regulation (EU) No 168/2013 on two- or three-wheel "
    "vehicles and quadricycles (OJ L 60, 2.3.2013, p. 52)",
    AnnexIAct.AGRICULTURAL_VEHICLES: "Regulation (EU) No 167/2013 on agricultural and forestry "
    "vehicles (OJ L 60, 2.3.2013, p. 1)",
    AnnexIAct.MARINE_EQUIPMENT: "Directive 2014/90/EU on marine equipment "
    "(OJ L 257, 28.8.2014, p. 146)",
    AnnexIAct.RAIL_INTEROPERABILITY: "Directive (EU) 2016/797 on the interoperability of the "
    "rail system (OJ L 138, 26.5.2016, p. 44)",
    AnnexIAct.MOTOR_VEHICLES: "Regulation (EU) 2018/858 on motor vehicles and their trailers "
    "(OJ L 151, 14.6.2018, p. 1)",
    AnnexIAct.VEHICLE_GENERAL_SAFETY: "Regulation (EU) 2019/2144 on the general safety of motor "
    "vehicles (OJ L 325, 16.12.2019, p. 1)",
    AnnexIAct.CIVIL_AVIATION_UNMANNED: "Regulation (EU) 2018/1139 on civil aviation and EASA "
    "(OJ L 212, 22.8.2018, p. 1)",
    AnnexIAct.TOY_SAFETY_REGULATION: "Regulation (EU) 2025/2509 on the safety of toys, replacing "
    "Directive 2009/48/EC (OJ L, 2025/2509, 12.12.2025)",
    AnnexIAct.SECTION_A: "An act of Annex I Section A, not named",
    AnnexIAct.SECTION_B: "An act of Annex I Section B, not named",
}
"""Each entry's title and Official Journal reference."""

AnnexIAct.__doc__ = "\n".join(
    [inspect.cleandoc(AnnexIAct.__doc__ or ""), "", *(f"- `{act.value}`: {title}"
                                          for act, title in ANNEX_I_TITLES.items())])

IMPLIED_MEMBERS: dict[StrEnum, frozenset[StrEnum]] = {
    area: frozenset(p for p in AnnexIIIPoint if p.value[:1] == area.value and len(p.value) > 1)
    for area in AnnexIIIPoint if area.value.isdigit() and area is not AnnexIIIPoint.CRITICAL_INFRASTRUCTURE
}
IMPLIED_MEMBERS[AnnexIIIPoint.SOME_POINT] = frozenset(
    p for p in AnnexIIIPoint if "(" in p.value or p is AnnexIIIPoint.CRITICAL_INFRASTRUCTURE)
"""A value that stands for some member, not known which, with the members it may be."""
MARKERS = frozenset(IMPLIED_MEMBERS)


class RBIObjective(StrEnum):
    """The objectives of Art 5(1)(h)(i)-(iii) for which real-time RBI may be strictly necessary."""

    NONE = "none"
    TARGETED_VICTIM_SEARCH = "targeted_victim_search"  # (i)
    IMMINENT_THREAT = "imminent_threat"  # (ii)
    SUSPECT_OF_ANNEX_II_OFFENCE = "suspect_of_annex_ii_offence"  # (iii)


class DistributionChannel(StrEnum):
    """How a foundation model is made available; EP Art 28b(1) applies its duties to every one."""

    STANDALONE = "standalone"
    EMBEDDED = "embedded"  # in an AI system or a product
    FREE_OPEN_SOURCE = "free_open_source"  # under a free and open-source licence
    AS_A_SERVICE = "as_a_service"


class EnterpriseSize(StrEnum):
    """Size of the operator: SME (Art 99(6)), small mid-cap (Art 3(14b), 2026), or larger."""

    SME = "sme"
    SMALL_MID_CAP = "small_mid_cap"
    LARGE = "large"
