"""The facts of the prohibited practices: Art 5, and the longer Art 5(1) list of the 2023
Parliament text.

The practices Art 5(1) names and the conditions that make each prohibited (Art 5(1)(a)-(h)), the
safeguards for real-time remote biometric identification (Art 5(2)-(5)), the further practices
and exceptions of the European Parliament's text of 14 June 2023 (EP Art 5(1)(ba)-(dd)), and the
generation of intimate imagery and child sexual abuse material added in 2026 (Art 5(1a), Art
5(1)(ba), Art 5(1b)).
"""

from .fields import Facts, SetOf, fact
from .vocabulary import Practice, RBIObjective

__all__ = ["PracticeFacts"]


class PracticeFacts(Facts):
    """The facts of Art 5 (and EP Art 5(1)): the prohibited practices and their conditions."""

    # --- Art 5: prohibited practices -----------------------------------------------------------
    practices: SetOf[Practice] = fact(
        "Art 5(1)",
        "Which of the practices named in Art 5(1) does the system perform or enable?",
        "The practices Art 5(1) names that the system performs or enables; an empty list means "
        "none. Inferring emotions (emotion_inference) covers emotions and intentions, not "
        "physical states such as pain or fatigue",
    )
    materially_distorts_behaviour: bool | None = fact(
        "Art 5(1)(a)",
        "Does the system aim to change, or in effect change, what people do in a significant way, "
        "by making it noticeably harder for them to make an informed decision?",
        "Objective, or the effect, of materially distorting the behaviour of a person or a group "
        "of persons by appreciably impairing their ability to make an informed decision",
    )
    significant_harm_likely: bool | None = fact(
        "Art 5(1)(a)",
        "Does that change in behaviour cause, or is it reasonably likely to cause, significant "
        "harm to someone?",
        "In a manner that causes or is reasonably likely to cause that person, another person or "
        "group of persons significant harm",
    )
    social_score_detrimental_in_unrelated_context: bool | None = fact(
        "Art 5(1)(c)(i)",
        "Does the score lead to people being treated worse in situations unrelated to those in "
        "which the data about them was collected?",
        "Detrimental or unfavourable treatment in social contexts that are unrelated to the "
        "contexts in which the data was originally generated or collected",
        ep="EP Art 5(1)(c)",
    )
    social_score_unjustified_or_disproportionate: bool | None = fact(
        "Art 5(1)(c)(ii)",
        "Does the score lead to people being treated worse in a way that is unjustified, or out of "
        "proportion to their behaviour or its seriousness?",
        "Detrimental or unfavourable treatment that is unjustified or disproportionate to their "
        "social behaviour or its gravity",
        ep="EP Art 5(1)(c)",
    )
    based_solely_on_profiling_or_personality: bool | None = fact(
        "Art 5(1)(d)",
        "Does the system predict whether a person will commit a crime only from a profile of them "
        "or from their personality traits and characteristics?",
        "Based solely on the profiling of a natural person or on assessing their personality "
        "traits and characteristics",
    )
    supports_human_assessment_on_objective_facts: bool | None = fact(
        "Art 5(1)(d)",
        "Does the system only support a person's own assessment of someone's involvement in a "
        "crime, where that assessment already rests on objective and verifiable facts linked to "
        "the crime?",
        "Used to support the human assessment of the involvement of a person in a criminal "
        "activity, which is already based on objective and verifiable facts directly linked to "
        "a criminal activity",
    )
    workplace_or_education: bool | None = fact(
        "Art 5(1)(f)",
        "Whose emotions does the system infer: workers at their workplace or students at their "
        "school or university (answer yes), or other people such as customers (answer no)?",
        "Infer emotions of a natural person in the areas of workplace and education institutions",
        ep="EP Art 5(1)(dc)",
    )
    medical_or_safety_reasons: bool | None = fact(
        "Art 5(1)(f)",
        "Is the emotion recognition put in place for medical or safety reasons, for example for "
        "therapeutic use? Detecting a physical state such as a pilot's fatigue is not emotion "
        "recognition at all.",
        "Intended to be put in place or into the market for medical or safety reasons",
    )
    infers_protected_attributes: bool | None = fact(
        "Art 5(1)(g)",
        "Does the system use people's biometric data to work out their race, political opinions, "
        "trade union membership, religious or philosophical beliefs, sex life or sexual "
        "orientation?",
        "To deduce or infer their race, political opinions, trade union membership, religious or "
        "philosophical beliefs, sex life or sexual orientation",
        ep="EP Art 5(1)(ba)",
        ep_question=(
            "Does the system sort people by sensitive or protected attributes or characteristics "
            "(such as gender, ethnicity, citizenship status, religion, political orientation or "
            "sexual orientation), or infer them?"
        ),
    )
    labelling_lawfully_acquired_biometric_datasets: bool | None = fact(
        "Art 5(1)(g)",
        "Does the system only label or filter biometric datasets that were lawfully acquired (such "
        "as images), or sort biometric data for law enforcement?",
        "Labelling or filtering of lawfully acquired biometric datasets, such as images, based on "
        "biometric data or categorizing of biometric data in the area of law enforcement",
    )
    publicly_accessible_space: bool | None = fact(
        "Art 5(1)(h)",
        "Is the system used in places open to the public, such as streets, stations or shops?",
        "Use in publicly accessible spaces (Art 3(44))",
        ep="EP Art 5(1)(d), Art 5(1)(dd)",
    )
    for_law_enforcement: bool | None = fact(
        "Art 5(1)(h), Annex III 6",
        "Is the system used by or for the police or other authorities to prevent, investigate, "
        "detect or prosecute crime, execute criminal penalties or guard against threats to public "
        "security, or by an EU body supporting them (such as Europol)?",
        "For the purposes of law enforcement (Art 3(46)), by or on behalf of law-enforcement "
        "authorities (Art 3(45)) or Union bodies supporting them",
        ep="EP Art 5(1)(dc)",
    )
    rbi_objective: RBIObjective | None = fact(
        "Art 5(1)(h)(i)-(iii)",
        "For which purpose, if any, is the real-time identification strictly necessary: searching "
        "for specific victims or missing persons, preventing an imminent threat to life or a "
        "terrorist attack, or finding a suspect of one of the serious crimes listed in Annex II?",
        "The objective for which the use is strictly necessary, or none",
    )
    rbi_safeguards_met: bool | None = fact(
        "Art 5(2)-(5)",
        "Are all the conditions for each use met: a national law allowing it, prior authorisation "
        "by a court or independent authority (or, in urgency, within 24 hours), a fundamental "
        "rights impact assessment and registration?",
        "Use authorised by national law under Art 5(5), prior authorisation under Art 5(3), "
        "fundamental rights impact assessment and registration under Art 5(2)",
    )
    # --- European Parliament text of 14 June 2023: its longer Art 5(1) list ------------------
    approved_therapeutic_purpose_with_consent: bool | None = fact(
        "EP Art 5(1)(ba)",
        "Is the categorisation used only for an approved therapeutic purpose, with the specific "
        "informed consent of the person or their legal guardian?",
        "Intended for approved therapeutical purposes on the basis of specific informed consent "
        "of the individuals exposed to them or, where applicable, of their legal guardian",
    )
    offence_risk_based_on_profiling_or_traits: bool | None = fact(
        "EP Art 5(1)(da)",
        "Does the system assess the risk that a person commits a crime or an administrative "
        "offence from a profile of them, or from their personality traits and characteristics, "
        "their location or their past criminal behaviour?",
        "Risk assessments of natural persons or groups to assess their risk of (re-)offending, "
        "or to predict the occurrence or reoccurrence of an actual or potential criminal or "
        "administrative offence, based on profiling or on assessing personality traits and "
        "characteristics, including the person's location, or past criminal behaviour",
    )
    border_management: bool | None = fact(
        "EP Art 5(1)(dc)",
        "Does the system infer people's emotions at border controls?",
        "Infer emotions of a natural person in the area of border management",
    )
    post_rbi_authorised_targeted_search: bool | None = fact(
        "EP Art 5(1)(dd)",
        "Is the analysis of recorded footage authorised in advance by a court under EU law, and "
        "strictly necessary for a targeted search linked to a specific serious crime that has "
        "already taken place, for law enforcement?",
        "Subject to a pre-judicial authorisation in accordance with Union law and strictly "
        "necessary for the targeted search connected to a specific serious criminal offence, as "
        "defined in Art 83(1) TFEU, that already took place, for the purpose of law enforcement",
    )

    harmful_generation_intended_purpose: bool | None = fact(
        "Art 5(1a)",
        "Is generating or altering such images or material what the system is intended for?",
        "The generation or manipulation of the material is the intended purpose of the system",
    )
    harmful_generation_foreseeable: bool | None = fact(
        "Art 5(1a)",
        "Do the system's design, training or capabilities make such output something that can "
        "reasonably be expected and repeated, without significant technical changes to the system?",
        "Such output is a reasonably foreseeable and reproducible outcome without significant "
        "technical modification",
    )
    harmful_generation_safeguards: bool | None = fact(
        "Art 5(1a)",
        "Has the system reasonable and adequate technical safeguards that reliably prevent such "
        "output and correct misuse?",
        "Reasonable and adequate technical safety measures and other safeguards to reliably "
        "prevent such output and to correct observed or reported misuse",
    )
    deployer_uses_for_harmful_generation: bool | None = fact(
        "Art 5(1a)",
        "Do you, as the user of the system, use it to generate such images or material?",
        "The deployer uses the system for the purpose of generating such material",
    )
    depicted_persons_consent: bool | None = fact(
        "Art 5(1)(ba)",
        "Has every identifiable person shown in the intimate images or videos given explicit, "
        "informed and freely given consent to their being generated or altered?",
        "The depicted natural person's freely given, specific, informed, unambiguous and explicit "
        "consent to the generation or manipulation",
    )
    manipulation_neither_exposes_nor_alters: bool | None = fact(
        "Art 5(1b)",
        "Does the system only alter existing images or videos in ways that show no more of the "
        "person's intimate parts and do not change the nature of the sexual activity shown?",
        "Manipulation that does not increase the exposure of the intimate parts depicted or alter "
        "the nature of the sexually explicit activity depicted is not manipulation under "
        "Art 5(1)(ba)",
    )
