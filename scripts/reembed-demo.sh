#!/usr/bin/env bash
# Rebuilds the demo's abstracts from the arXiv listings (scripts/demo-categories.py) and computes new vectors
# for the papers whose text changed, and only those (bge-small encodes a few to ~20 papers a second: all 9,877
# would take many minutes), splicing them into the shipped vector file.
# Usage: scripts/reembed-demo.sh [LISTINGS]   (default ../shared/data/arxiv-listings.jsonl.gz)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
LISTINGS=${1:-$ROOT/../shared/data/arxiv-listings.jsonl.gz}
DEMO=$ROOT/src/main/resources/demo
VECTORS=$DEMO/vectors-bge-small-en-v1.5-q.dpvf
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

python3 "$ROOT/scripts/demo-categories.py" "$DEMO/papers.jsonl.gz" "$LISTINGS" "$WORK/papers.jsonl.gz" "$WORK/changed.txt"
if [ ! -s "$WORK/changed.txt" ]; then
  echo "no abstract changed: nothing to embed"
  cp "$WORK/papers.jsonl.gz" "$DEMO/papers.jsonl.gz"
  exit 0
fi
python3 - "$WORK/papers.jsonl.gz" "$WORK/changed.txt" "$WORK/changed.jsonl.gz" <<'PY'
import gzip, json, sys
ids = set(open(sys.argv[2]).read().split())
with gzip.open(sys.argv[3], "wt", encoding="utf-8") as out:
    for line in gzip.open(sys.argv[1], "rt", encoding="utf-8"):
        if json.loads(line)["id"] in ids:
            out.write(line)
PY
export DAILYPAPERS_DEMO=false DAILYPAPERS_EMBED=false
"$ROOT/dailypapers" import --data "$WORK/data" "$WORK/changed.jsonl.gz"
"$ROOT/dailypapers" embed --data "$WORK/data" --out "$WORK/changed.dpvf"
python3 "$ROOT/scripts/demo-vectors-replace.py" "$VECTORS" "$WORK/changed.dpvf" "$WORK/vectors.dpvf"
cp "$WORK/vectors.dpvf" "$VECTORS"
cp "$WORK/papers.jsonl.gz" "$DEMO/papers.jsonl.gz"
