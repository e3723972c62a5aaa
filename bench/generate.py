#!/usr/bin/env python3
"""Deterministic benchmark data (SPEC §9): N rows with the mix of types of the issue.

    python3 bench/generate.py 1000000 bench/data     # writes rows-1000000.csv and .jsonl

Columns: id, name (all distinct), region (12 values), status (6), concern (5, one empty),
deportees (int), aid_musd (decimal), agreed (bool), date, tags (`;`-joined words).
The same seed always gives the same bytes.
"""
import json
import os
import random
import sys

REGIONS = ["Africa", "Asia", "Central America", "South America", "North America", "Eastern Europe",
           "Western Europe", "Middle East", "Oceania", "Caribbean", "Central Asia", "Southeast Asia"]
STATUSES = ["negotiating", "receiving", "reached", "nearly finalized", "in discussion", "refused"]
CONCERNS = ["rights", "", "capacity", "cost", "legal"]
WORDS = ["aid", "visa", "trade", "security", "loans", "training", "equipment", "debt", "quota", "access"]
SYLLABLES = ["ka", "ro", "mi", "ta", "lu", "sen", "dor", "va", "ne", "qui", "bal", "zo"]


def rows(count, seed=20251129):
    rng = random.Random(seed)
    for index in range(count):
        name = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize() + f"-{index}"
        year = rng.randint(2015, 2025)
        month = rng.randint(1, 12)
        day = rng.randint(1, 28)
        tags = ";".join(rng.sample(WORDS, rng.randint(1, 3)))
        yield {
            "id": index + 1,
            "name": name,
            "region": rng.choice(REGIONS),
            "status": rng.choice(STATUSES),
            "concern": rng.choice(CONCERNS),
            "deportees": rng.randint(0, 10000),
            "aid_musd": round(rng.uniform(0, 500), 2),
            "agreed": rng.random() < 0.4,
            "date": f"{year:04d}-{month:02d}-{day:02d}",
            "tags": tags,
        }


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    folder = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "data")
    os.makedirs(folder, exist_ok=True)
    csv_path = os.path.join(folder, f"rows-{count}.csv")
    jsonl_path = os.path.join(folder, f"rows-{count}.jsonl")
    if os.path.exists(csv_path) and os.path.exists(jsonl_path):
        return
    columns = ["id", "name", "region", "status", "concern", "deportees", "aid_musd", "agreed", "date", "tags"]
    with open(csv_path + ".tmp", "w") as csv_file, open(jsonl_path + ".tmp", "w") as jsonl_file:
        csv_file.write(",".join(columns) + "\n")
        for row in rows(count):
            csv_file.write(",".join(
                ("true" if row[c] else "false") if c == "agreed" else str(row[c]) for c in columns) + "\n")
            record = dict(row)
            record["concern"] = row["concern"] or None
            jsonl_file.write(json.dumps(record, separators=(",", ":")) + "\n")
    os.replace(csv_path + ".tmp", csv_path)
    os.replace(jsonl_path + ".tmp", jsonl_path)


if __name__ == "__main__":
    main()
