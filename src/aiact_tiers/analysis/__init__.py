"""Analysis: classifications set side by side across texts, dates and fines.

:mod:`.compare` (two rulesets), :mod:`.history` (every text and date), :mod:`.crosswalk` (the
2023 draft's provisions against the adopted ones) and :mod:`.penalties` (Art 99 exposure).
"""
