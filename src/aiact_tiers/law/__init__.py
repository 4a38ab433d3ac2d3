"""Law: the AI Act's texts as data, and what is in force on a day.

Rule files (the shipped ``rules/`` folder, one per provision) read into rules (:mod:`.rule`),
composed into rulesets with their parameters, presumptions, operator positions and snapshots
per day (:mod:`.ruleset`); user overlays (:mod:`.overlay`); the parse cache of the shipped
rules (:mod:`.parse_cache`); and the catalogue of rules and rulesets (:mod:`.catalog`). The
tables of penalties (Art 99) and of the 2023 draft's correspondences live in ``data/``.
"""
