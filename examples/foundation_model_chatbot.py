"""A chat model trained on broad data, offered through an API and in a chatbot, under the 2023 text.

The European Parliament's position of 14 June 2023 put foundation models on a track of their own
(EP Art 3(1c), Art 28b): a model trained on broad data at scale, designed for generality of output
and adaptable to a wide range of distinctive tasks is a foundation model, whether it is offered
standalone, embedded, under an open-source licence or as a service. Its provider owes every duty
of Art 28b(2) and (3), each in its lifecycle phase (registration in the EU database before placing
on the market, documentation kept for ten years after), and, because the model is used for
generative AI, those of Art 28b(4). None of these duties changes the tier of the chatbot built on
the model: it is limited risk under Art 52. Under Regulation (EU) 2024/1689 as amended the same
model is a general-purpose AI model with the duties of Art 53, and `compare` names, for each
Art 28b duty, where it went. The confidence column repeats how well the reference text confirms
each point of the 2023 text.
"""

import datetime as dt

from aiact_tiers import classify, compare, crosswalk, load_description

DAY = dt.date(2026, 11, 28)
ART_28B = {entry.rule for entry in crosswalk()}

chatbot = load_description("foundation_model_chatbot.yaml")
result = classify(chatbot, ruleset="eu-2023-ep", as_of=DAY)
model = chatbot.model.name if chatbot.model else "model"
print(f"{model}: {result.model_class} under {result.ruleset} as of {result.as_of}")
print(f"{result.name}: {result.tier} under {result.ruleset} as of {result.as_of}")
for phase, obligations in result.checklist().items():
    duties = [o for o in obligations if o.rule in ART_28B]
    if duties:
        print(f"  {phase.value}:")
    for o in duties:
        print(f"    {o.citation} ({o.confidence}) {o.title}")

today = compare(chatbot, "eu-2023-ep", "eu-2024-2026", as_of=DAY)
print(f"{model}: {today.model_class_b} under {today.ruleset_b} as of {today.as_of}")
print(f"{result.name}: {today.tier_b} under {today.ruleset_b} as of {today.as_of}")
for c in today.crosswalk:
    print(f"  {c.duty} -> {', '.join(c.counterparts) or 'no counterpart'}"
          f" (obligations now: {', '.join(c.obligations) or 'none'})")
