#!/usr/bin/env python3
"""Makes a scale data set for the benchmarks of issue 16: the arXiv listings replicated up to N papers.

The output (gzipped JSON Lines in the listings' own format, which `./dailypapers import` reads) holds every
source paper as it is, then synthetic papers until there are N. A synthetic paper copies a source paper's
authors and categories, with the words of its title and abstract shuffled, and gets a new arXiv id that is
valid (new style YYMM.NNNNN, months 2015-01 to 2025-02, before the source's months), distinct from every
other id, and a listing date in the month of its id (so the dates spread over ten years). Deterministic:
the same --seed and --papers give the same file. Python's standard library only. Not committed: write it
outside the repository (e.g. ../scale).

Usage: scripts/scale-listings.py --papers 700000 --out ../scale/listings-700k.jsonl.gz [--seed 16]
       [--source ../shared/data/arxiv-listings.jsonl.gz]
"""
import argparse
import calendar
import gzip
import json
import random
import sys

FIRST_YEAR, FIRST_MONTH = 2015, 1  # five-digit new-style numbers since 2015-01
MONTHS = 122  # 2015-01 .. 2025-02: the source listings start in 2025-03


def month(index):
    y, m = divmod(FIRST_MONTH - 1 + index, 12)
    return FIRST_YEAR + y, m + 1


def shuffled(text, rng):
    words = text.split()
    rng.shuffle(words)
    return " ".join(words)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--papers", type=int, required=True, help="papers in the output, source papers included")
    p.add_argument("--out", required=True)
    p.add_argument("--seed", type=int, default=16)
    p.add_argument("--source", default="../shared/data/arxiv-listings.jsonl.gz")
    a = p.parse_args()
    with gzip.open(a.source, "rt", encoding="utf-8") as f:
        source = [json.loads(line) for line in f if line.strip()]
    taken = {r["id"] for r in source}
    if a.papers > len(source) + MONTHS * 99_999 - len(taken):
        sys.exit("at most %d papers" % (MONTHS * 99_999))
    rng = random.Random(a.seed)
    order = list(range(len(source)))
    rng.shuffle(order)
    written = 0
    number = [0] * MONTHS  # last number used per month
    with gzip.open(a.out, "wt", encoding="utf-8", compresslevel=3) as out:
        for r in source[: a.papers]:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
            written += 1
        i = 0
        while written < a.papers:
            src = source[order[i % len(order)]]
            m = i % MONTHS  # round robin over the months: each month fills evenly
            while True:
                number[m] += 1
                y, mo = month(m)
                arxiv_id = "%02d%02d.%05d" % (y % 100, mo, number[m])
                if arxiv_id not in taken:
                    break
            day = rng.randint(1, calendar.monthrange(y, mo)[1])
            paper = dict(src)
            paper["id"] = arxiv_id
            paper["title"] = shuffled(src["title"], rng)
            paper["abstract"] = shuffled(src["abstract"], rng)
            paper["listed"] = "%04d-%02d-%02d" % (y, mo, day)
            out.write(json.dumps(paper, ensure_ascii=False) + "\n")
            written += 1
            i += 1
    print("wrote %d papers (%d source, %d synthetic) to %s" % (written, min(len(source), a.papers),
                                                              written - min(len(source), a.papers), a.out))


if __name__ == "__main__":
    main()
