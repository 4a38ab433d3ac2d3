"""The fact models composed of one group of facts per part of the Act, exactly as one model was.

The groups are pydantic bases of :class:`SystemDescription` and :class:`ModelDescription`; pydantic
lists the fields of the bases last base first, so the order of the bases decides the order of the
fields, which descriptions are written, dumped and asked in. No group's class name reaches the
published JSON Schema.
"""

from __future__ import annotations

import json

import pytest
from pydantic import BaseModel

from aiact_tiers import ModelDescription, SystemDescription
from aiact_tiers.facts.annex_i import AnnexIFacts
from aiact_tiers.facts.annex_iii import AnnexIIIFacts
from aiact_tiers.facts.fields import Facts
from aiact_tiers.facts.gpai import FoundationModelFacts, GeneralPurposeModelFacts
from aiact_tiers.facts.operators import OperatorFacts
from aiact_tiers.facts.practices import PracticeFacts
from aiact_tiers.facts.scope import ScopeFacts
from aiact_tiers.facts.transparency import TransparencyFacts

SYSTEM_FIELDS = [
    "id", "name", "as_of", "kind", "roles", "model", "infers_outputs_from_input",
    "placed_on_union_market", "deployer_in_union", "output_used_in_union",
    "exclusively_military_defence_national_security", "exclusively_military_purposes",
    "third_country_authority_cooperation",
    "adequate_fundamental_rights_safeguards", "sole_purpose_scientific_research",
    "pre_market_research_or_testing", "testing_in_real_world_conditions",
    "purely_personal_non_professional_use", "free_open_source_licence", "practices",
    "materially_distorts_behaviour", "significant_harm_likely",
    "social_score_detrimental_in_unrelated_context", "social_score_unjustified_or_disproportionate",
    "based_solely_on_profiling_or_personality", "supports_human_assessment_on_objective_facts",
    "workplace_or_education", "medical_or_safety_reasons", "infers_protected_attributes",
    "labelling_lawfully_acquired_biometric_datasets", "publicly_accessible_space",
    "for_law_enforcement", "rbi_objective", "rbi_safeguards_met",
    "approved_therapeutic_purpose_with_consent", "offence_risk_based_on_profiling_or_traits",
    "border_management", "post_rbi_authorised_targeted_search",
    "harmful_generation_intended_purpose", "harmful_generation_foreseeable",
    "harmful_generation_safeguards", "deployer_uses_for_harmful_generation",
    "depicted_persons_consent", "manipulation_neither_exposes_nor_alters", "annex_i_legislation",
    "is_product_itself", "fulfils_safety_function", "failure_endangers_health_safety",
    "solely_non_safety_functions", "third_party_conformity_assessment",
    "third_party_assessment_solely_non_safety", "annex_iii_points", "critical_entity_deployer",
    "biometric_verification_only", "financial_fraud_detection", "used_by_public_authority",
    "for_migration_asylum_border_control",
    "travel_document_verification", "output_not_directly_exposed", "narrow_procedural_task",
    "improves_completed_human_activity", "detects_decision_patterns", "preparatory_task",
    "significant_risk_of_harm", "profiling", "significant_risk_of_harm_to_environment",
    "specialises_foundation_model", "vlop_recommender_system", "interacts_with_natural_persons",
    "interaction_obvious", "authorised_by_law_for_criminal_offences",
    "available_to_public_to_report_crime", "generates_synthetic_content", "assistive_editing_only",
    "generates_deep_fakes", "evidently_artistic_or_satirical", "generates_public_interest_text",
    "human_editorial_responsibility", "emotion_recognition_or_biometric_categorisation",
    "placed_on_market_on", "significant_design_change_after_cutoff", "annex_x_component",
    "provider_established_in_third_country", "deployer_is_public_body",
    "deployer_acts_for_public_body", "deployer_provides_public_services", "used_at_workplace",
    "puts_name_on_high_risk_system",
    "substantial_modification", "changes_purpose_to_high_risk",
    "substantial_modification_to_high_risk", "another_operator_became_provider",
    "deployer_is_gatekeeper", "enterprise_size",
]
MODEL_FIELDS = [
    "id", "name", "as_of", "kind", "roles", "significant_generality",
    "wide_range_of_distinct_tasks", "research_prototype_only", "training_compute_flop",
    "high_impact_capabilities", "designated_by_commission",
    "released_under_free_open_source_licence", "parameters_publicly_available",
    "provider_in_third_country", "planned_training_exceeds_threshold", "monetised",
    "downstream_modification", "modification_compute_share", "model_placed_on_union_market",
    "generates_language_images_or_video", "model_placed_on_market_on",
    "trained_on_broad_data_at_scale", "designed_for_generality_of_output",
    "adaptable_to_wide_range_of_distinctive_tasks", "intended_to_generate_content",
    "distribution_channels", "directly_integrated_in_high_risk_system",
]
SYSTEM_GROUPS = (ScopeFacts, PracticeFacts, AnnexIFacts, AnnexIIIFacts, TransparencyFacts, OperatorFacts)
MODEL_GROUPS = (GeneralPurposeModelFacts, FoundationModelFacts)


@pytest.mark.parametrize(("model", "fields"), [(SystemDescription, SYSTEM_FIELDS),
                                               (ModelDescription, MODEL_FIELDS)])
def test_the_fields_keep_their_order(model: type[BaseModel], fields: list[str]) -> None:
    assert list(model.model_fields) == fields


@pytest.mark.parametrize(("model", "groups", "entry"), [
    (SystemDescription, SYSTEM_GROUPS, ["kind", "roles", "model"]),
    (ModelDescription, MODEL_GROUPS, ["kind", "roles"]),
])
def test_each_group_of_facts_comes_whole_in_the_order_of_the_act(
    model: type[BaseModel], groups: tuple[type[Facts], ...], entry: list[str]
) -> None:
    own = [name for group in groups for name in group.model_fields if name not in Facts.model_fields]
    assert list(model.model_fields) == [*Facts.model_fields, *entry, *own]


@pytest.mark.parametrize("model", [SystemDescription, ModelDescription])
def test_no_group_name_reaches_the_schema(model: type[BaseModel]) -> None:
    schema = json.dumps(model.model_json_schema())
    for group in (*SYSTEM_GROUPS, *MODEL_GROUPS, Facts):
        assert f'"{group.__name__}"' not in schema and f"/{group.__name__}" not in schema
    assert "Entry" not in schema
