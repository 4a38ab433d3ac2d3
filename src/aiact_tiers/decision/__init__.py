"""Decision: a description classified under one snapshot of the law.

:func:`.classify.classify` reads a description and hands it to an :class:`.evaluation.Evaluation`,
which runs the snapshot's generated program and builds the explanation (legal basis, ruled-out
provisions, open questions, assumptions) with the reference walk over the rule graph, the
oracle the generated programs are tested against.
"""
