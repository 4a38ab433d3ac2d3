import aiact_tiers

FROZEN_ALL = [
    "DEFAULT_RULESET", "AiactTiersError", "AnnexIAct", "AnnexIIIPoint", "Assumption", "BatchResult",
    "Citation", "Classification", "Comparison", "Counterpart",
    "CrosswalkEntry", "DateOutOfRangeError", "Description", "DescriptionError", "DistributionChannel",
    "EnterpriseSize", "History", "HistoryEntry",
    "ModelClass", "ModelDescription", "Obligation",
    "ObligationDifference", "OpenQuestion", "PenaltyExposure", "Phase", "Practice", "Presumption",
    "RBIObjective", "Role", "RowError", "RuleConflictError", "RuleFileError", "RuleHit", "RuleSet",
    "RuledOut",
    "Status", "SystemDescription", "Tier", "UnknownRulesetError", "__version__", "classify",
    "classify_frame", "classify_many", "compare", "crosswalk", "history",
    "list_rulesets", "load_description", "load_ruleset",
    "load_ruleset_overlay", "penalties",
]


def test_public_surface_is_frozen_and_sorted() -> None:
    assert aiact_tiers.__all__ == FROZEN_ALL
    assert aiact_tiers.__all__ == sorted(aiact_tiers.__all__, key=lambda n: (not n.isupper(), n))
    for name in aiact_tiers.__all__:
        assert hasattr(aiact_tiers, name)


def test_every_field_of_a_result_is_described_in_its_json_schema() -> None:
    """An agent reading the schema of a result learns what each field means."""
    schema = aiact_tiers.Classification.model_json_schema()
    models = {"Classification": schema, **schema["$defs"]}
    undescribed = [f"{name}.{field}" for name, model in models.items()
                   for field, spec in model.get("properties", {}).items() if "description" not in spec]
    assert undescribed == []
    assert {"Classification", "RuleHit", "Obligation", "OpenQuestion", "Assumption", "RuledOut",
            "Citation"} <= models.keys()


RESULTS = [aiact_tiers.Classification, aiact_tiers.RuleHit, aiact_tiers.Obligation,
           aiact_tiers.OpenQuestion, aiact_tiers.Assumption, aiact_tiers.RuledOut, aiact_tiers.Citation]


def test_help_on_a_result_lists_its_fields_with_what_each_means() -> None:
    """help(Classification) and a notebook's `result?` show the docstring: it ends with every
    field and its description, while the JSON Schema keeps the result's own words."""
    import pydoc

    for model in RESULTS:
        text = pydoc.render_doc(model, renderer=pydoc.plaintext)
        for name, field in model.model_fields.items():
            assert f"{name}: {field.description}" in " ".join(text.split()), (model, name)
        own = (model.__doc__ or "").split("\n\nFields:\n")[0]
        assert model.model_json_schema()["description"] == own
    assert "\n\nFields:\n    id: The description's `id`.\n" in (aiact_tiers.Classification.__doc__ or "")
