"""Decision: a description classified under one snapshot of the law.

:func:`.classify.classify` runs the snapshot's generated program, and builds the explanation
(legal basis, ruled-out provisions, open questions, assumptions) with the reference evaluation
over the rule graph, which is also the oracle the generated programs are tested against.
"""
