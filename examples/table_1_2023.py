"""Table 1 of a 2023 governance report, row by row, under the European Parliament's 2023 text.

The report sorts the AI systems of the Parliament's position of 14 June 2023 into four tiers:
unacceptable, high, limited and minimal risk. Each row of its table is written as a description
(`table_1_2023.yaml`) and classified under `eu-2023-ep`; every row lands in the report's tier.
The rules the Parliament added show in the basis: Art 5(1)(ba)-(dc) for the longer list of bans,
Annex III 1(aa) and the Art 6(2) significant-risk filter, which keeps an emotion recognition
system that poses no significant risk in the limited tier.
"""

import datetime as dt
from pathlib import Path

import yaml

from aiact_tiers import classify

TABLE = Path("table_1_2023.yaml")
table = yaml.safe_load(TABLE.read_text(encoding="utf-8"))
for row in table["scenarios"]:
    facts = {**table["shared"], **row["facts"], "name": row["name"]}
    result = classify(facts, ruleset="eu-2023-ep", as_of=dt.date(2026, 11, 28))
    print(f"{result.name}: {result.system_tier} under {result.ruleset} as of {result.as_of}")
    print(f"  because {', '.join(str(hit.citation) for hit in result.basis)}")
