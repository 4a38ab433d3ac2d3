"""The facts of transparency: Art 50.

Interaction with natural persons (Art 50(1)), synthetic content (Art 50(2)), emotion recognition
and biometric categorisation (Art 50(3)), deep fakes and text on matters of public interest
(Art 50(4)), and the exceptions for crime and for artistic works; EP Art 52 in the 2023 text.
"""

from .fields import Facts, fact

__all__ = ["TransparencyFacts"]


class TransparencyFacts(Facts):
    """The facts of Art 50: transparency towards the people a system reaches."""

    # --- Art 50: transparency ----------------------------------------------------------------
    interacts_with_natural_persons: bool | None = fact(
        "Art 50(1)",
        "Is the system meant to interact directly with people, for example as a chatbot or voice "
        "assistant?",
        "AI system intended to interact directly with natural persons",
        ep="EP Art 52(1)",
        ep_question=(
            "Is the system meant to interact with people?"
        ),
    )
    interaction_obvious: bool | None = fact(
        "Art 50(1)",
        "Would a reasonably well-informed, observant and careful person see without being told "
        "that they are dealing with an AI system?",
        "Obvious from the point of view of a natural person who is reasonably well-informed, "
        "observant and circumspect, taking into account the circumstances and the context",
        ep="EP Art 52(1)",
    )
    authorised_by_law_for_criminal_offences: bool | None = fact(
        "Art 50(1)-(4)",
        "Is the system authorised by law to detect, prevent, investigate or prosecute crimes?",
        "AI systems authorised by law to detect, prevent, investigate or prosecute criminal "
        "offences, subject to appropriate safeguards",
        ep="EP Art 52(1)-(3a)",
    )
    available_to_public_to_report_crime: bool | None = fact(
        "Art 50(1)",
        "Can members of the public use the system to report a crime?",
        "Those systems are available for the public to report a criminal offence",
        ep="EP Art 52(1)",
    )
    generates_synthetic_content: bool | None = fact(
        "Art 50(2)",
        "Does the system generate synthetic audio, images, video or text?",
        "AI systems, including general-purpose AI systems, generating synthetic audio, image, "
        "video or text content",
        ep="EP Art 28b(4)",
        ep_question=(
            "Does the system generate content such as complex text, images, audio or video?"
        ),
    )
    assistive_editing_only: bool | None = fact(
        "Art 50(2)",
        "Does the system only help with standard editing, or leave the input and its meaning "
        "substantially unchanged (such as a spelling corrector)?",
        "Perform an assistive function for standard editing or do not substantially alter the "
        "input data provided by the deployer or the semantics thereof",
    )
    generates_deep_fakes: bool | None = fact(
        "Art 50(4)",
        "Does the system generate or alter images, audio or video that resemble real people, "
        "objects, places or events and would falsely appear to be authentic or truthful (deep "
        "fakes)?",
        "Generates or manipulates image, audio or video content constituting a deep fake "
        "(Art 3(60))",
        ep="EP Art 52(3)",
        ep_question=(
            "Does the system generate or alter images, audio or video that falsely appear "
            "authentic and show people saying or doing things they did not (deep fakes)?"
        ),
    )
    evidently_artistic_or_satirical: bool | None = fact(
        "Art 50(4)",
        "Is the content part of a work that is evidently artistic, creative, satirical, fictional "
        "or similar?",
        "Content forms part of an evidently artistic, creative, satirical, fictional or "
        "analogous work or programme",
        ep="EP Art 52(3a)",
    )
    generates_public_interest_text: bool | None = fact(
        "Art 50(4)",
        "Does the system generate or alter text that is published to inform the public on matters "
        "of public interest?",
        "Generates or manipulates text which is published with the purpose of informing the "
        "public on matters of public interest",
    )
    human_editorial_responsibility: bool | None = fact(
        "Art 50(4)",
        "Is the text reviewed or edited by a person, with a person or organisation holding "
        "editorial responsibility for its publication?",
        "AI-generated content has undergone a process of human review or editorial control and "
        "a natural or legal person holds editorial responsibility for the publication",
    )
    emotion_recognition_or_biometric_categorisation: bool | None = fact(
        "Art 50(3)",
        "Does the system recognise or infer people's emotions or intentions from their face, voice "
        "or other biometric data, or sort people into categories from such data? Physical states "
        "such as pain or fatigue are not emotions.",
        "Emotion recognition system (Art 3(39)) or biometric categorisation system (Art 3(40))",
        ep="EP Art 52(2), Annex III 1(aa)",
    )
