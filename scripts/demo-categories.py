#!/usr/bin/env python3
"""Fills in the arXiv categories of the demo dataset from the arXiv listings, and their abstracts' LaTeX.

Hugging Face's daily_papers answers carry no arXiv categories, so without this step the demo's category
filter (cat:cs.CL, the "category" field of the search form) finds nothing. `categories` is taken from the
listings where a demo paper has none.

Hugging Face's copies of abstracts lost their math delimiters and backslashes (`10^{19}`, `O(n log n)`
where arXiv has `$10^{19}$`, `$O(n \\log n)$`), which KaTeX cannot render and which read as garbled italics.
Where the listing has the same abstract (the same letters and digits, in order) with more LaTeX in it, its
text replaces Hugging Face's. Abstracts that differ in words are left alone (Hugging Face's may be a newer
version), and so are titles and author lists (the listings split authors less carefully).

The ids of the papers whose abstract changed are written to CHANGED (one a line), so that only their
vectors are computed again (scripts/reembed-demo.sh runs this step, embeds those papers and splices their
vectors into the shipped file).

Usage: scripts/demo-categories.py DEMO.jsonl.gz LISTINGS.jsonl.gz OUT.jsonl.gz [CHANGED.txt]
(e.g. src/main/resources/demo/papers.jsonl.gz ../shared/data/arxiv-listings.jsonl.gz /tmp/papers.jsonl.gz)
"""
import gzip
import json
import re
import sys

# arXiv category codes (cs.CL, hep-th, math.AG); the listings also carry MSC and ACM classes
# ("68T01 (Primary)", "I.2.7") that are not categories. The search form accepts the same shape.
ARXIV_CATEGORY = re.compile(r"[A-Za-z-]{2,20}(\.[A-Za-z-]{1,10})?")
NOT_ALPHANUMERIC = re.compile(r"[^0-9a-z]")
SPACES = re.compile(r"\s+")


def same_words(a, b):
    """True when two abstracts have the same letters and digits in the same order (markup aside)."""
    return NOT_ALPHANUMERIC.sub("", a.lower()) == NOT_ALPHANUMERIC.sub("", b.lower())


def with_latex(ours, listing):
    """The listing's abstract where it is ours with the LaTeX markup Hugging Face dropped, else None."""
    if not listing or SPACES.sub(" ", ours).strip() == SPACES.sub(" ", listing).strip():
        return None
    if not same_words(ours, listing):
        return None
    # only text that gains markup: a listing that merely has other punctuation is no better
    if listing.count("$") + listing.count("\\") <= ours.count("$") + ours.count("\\"):
        return None
    return listing.strip()


def main(demo_path, listings_path, out_path, changed_path=None):
    papers = [json.loads(line) for line in gzip.open(demo_path, "rt", encoding="utf-8")]
    by_id = {p["id"]: p for p in papers}
    wanted = {p["id"] for p in papers if not p.get("categories")}
    categories = {}
    abstracts = {}
    with gzip.open(listings_path, "rt", encoding="utf-8") as listings:
        for line in listings:
            record = json.loads(line)
            codes = [c for c in record.get("categories") or [] if ARXIV_CATEGORY.fullmatch(c)]
            if record["id"] in wanted and codes:
                categories[record["id"]] = codes
            if record["id"] in by_id:
                better = with_latex(by_id[record["id"]]["summary"], record.get("abstract"))
                if better:
                    abstracts[record["id"]] = better
    # mtime=0: the same input gives the same bytes, so an unchanged demo makes no diff
    with open(out_path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as out:
        for p in papers:
            if p["id"] in categories:
                p["categories"] = categories[p["id"]]
            if p["id"] in abstracts:
                p["summary"] = abstracts[p["id"]]
            out.write((json.dumps(p, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8"))
    if changed_path:
        with open(changed_path, "w", encoding="utf-8") as changed:
            changed.writelines(i + "\n" for i in sorted(abstracts))
    print(f"{len(categories)} of {len(papers)} papers got categories ({len(wanted)} had none); "
          f"{len(abstracts)} got their abstract's LaTeX back")


if __name__ == "__main__":
    if len(sys.argv) not in (4, 5):
        sys.exit(__doc__)
    main(*sys.argv[1:])
