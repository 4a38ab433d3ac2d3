"""Facts the worked examples share: an AI system in the scope of the Act, with no Annex I product.

Each fact answers a question the Act asks before any tier: is it an AI system (Art 3(1)), is it
placed on the Union market (Art 2(1)), and does none of the exclusions of Art 2 apply.
"""

IN_SCOPE = {
    "infers_outputs_from_input": True,  # Art 3(1)
    "placed_on_union_market": True,  # Art 2(1)(a)
    "exclusively_military_defence_national_security": False,  # Art 2(3)
    "third_country_authority_cooperation": False,  # Art 2(4)
    "sole_purpose_scientific_research": False,  # Art 2(6)
    "pre_market_research_or_testing": False,  # Art 2(8)
    "purely_personal_non_professional_use": False,  # Art 2(10)
    "free_open_source_licence": False,  # Art 2(12)
    "annex_i_legislation": [],  # Art 6(1): not a product under Annex I legislation
}
"""An AI system on the Union market to which no exclusion of Art 2 applies."""
