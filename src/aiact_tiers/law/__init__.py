"""Law: the AI Act's texts as data, and what is in force on a day.

Rule files (the shipped ``rules/`` folder, one per provision) read into rules (:mod:`.rule`),
composed into rulesets with their parameters, presumptions and operator positions
(:mod:`.ruleset`), and the rules in force on one day (:mod:`.snapshot`); user overlays
(:mod:`.overlay`); the parse cache of the shipped rules (:mod:`.parse_cache`); and the
catalogue of rules and rulesets (:mod:`.catalog`). The tables of penalties (Art 99) and of the
2023 draft's correspondences live in ``data/``.
"""
