#!/usr/bin/env python3
"""Fills in the arXiv categories of the demo dataset from the arXiv listings.

Hugging Face's daily_papers answers carry no arXiv categories, so without this step the demo's category
filter (cat:cs.CL, the "category" field of the search form) finds nothing. Only `categories` is taken from
the listings, and only where a demo paper has none: their titles and abstracts keep raw LaTeX and their
author lists are split less carefully than Hugging Face's, so every other field stays as it was (and the
shipped demo vectors, keyed by arXiv id, stay valid).

Usage: scripts/demo-categories.py DEMO.jsonl.gz LISTINGS.jsonl.gz OUT.jsonl.gz
(e.g. src/main/resources/demo/papers.jsonl.gz ../shared/data/arxiv-listings.jsonl.gz /tmp/papers.jsonl.gz)
"""
import gzip
import json
import re
import sys

# arXiv category codes (cs.CL, hep-th, math.AG); the listings also carry MSC and ACM classes
# ("68T01 (Primary)", "I.2.7") that are not categories. The search form accepts the same shape.
ARXIV_CATEGORY = re.compile(r"[A-Za-z-]{2,20}(\.[A-Za-z-]{1,10})?")


def main(demo_path, listings_path, out_path):
    papers = [json.loads(line) for line in gzip.open(demo_path, "rt", encoding="utf-8")]
    wanted = {p["id"] for p in papers if not p.get("categories")}
    categories = {}
    with gzip.open(listings_path, "rt", encoding="utf-8") as listings:
        for line in listings:
            record = json.loads(line)
            codes = [c for c in record.get("categories") or [] if ARXIV_CATEGORY.fullmatch(c)]
            if record["id"] in wanted and codes:
                categories[record["id"]] = codes
    # mtime=0: the same input gives the same bytes, so an unchanged demo makes no diff
    with open(out_path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as out:
        for p in papers:
            if p["id"] in categories:
                p["categories"] = categories[p["id"]]
            out.write((json.dumps(p, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8"))
    print(f"{len(categories)} of {len(papers)} papers got categories ({len(wanted)} had none)")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
