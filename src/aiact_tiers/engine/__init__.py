"""Engine: predicates evaluated in three-valued logic, and whole decisions generated as code.

The ``rule-engine`` adapter that types, parses and evaluates a predicate over known and unknown
facts (:mod:`.predicates`), the Kleene deciders generated from a predicate's tree
(:mod:`.deciders`), and the whole-decision programs generated from a snapshot of the law
(:mod:`.programs`). The engine knows the facts' types but not the content of any rule: the law
layer above hands it the rules.
"""
