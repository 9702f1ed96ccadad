#!/usr/bin/env bash
# The category vote (claims/claim_category_vote.cpp): a figure no firm cue
# placed shows the features it voted on under --explain, and only there;
# and the learned weights are current, i.e. what scripts/train-category-weights
# gives from today's rules and gold (retrain after changing a rule).
set -euo pipefail
claimex=$1
src=${CLAIMEX_SOURCE_DIR:?}
build=$(dirname "$claimex")
# "trucks" carries no category cue of its own: the vote places the figure.
line='{"id":"v1","published":"2024-01-10","text":"The convoy of 50 trucks carrying food and medicine was ambushed on Saturday, the World Food Programme said."}'
explained=$(echo "$line" | "$claimex" extract --explain --format jsonl -)
plain=$(echo "$line" | "$claimex" extract --format jsonl -)
python3 - "$explained" "$plain" <<'PY'
import json, sys
c = next(x for x in map(json.loads, sys.argv[1].splitlines()) if x["text"] == "50")
assert "category.vote" in c["rules"], c["rules"]
f = c["category_features"]
for want in ("rule=category.", "kind=count", "head=trucks", "w=convoy", "near=convoy", "cat=", "bias"):
    assert any(x.startswith(want) for x in f), (want, f)
assert not any("category_features" in json.loads(x) for x in sys.argv[2].splitlines())
print("vote:", c["category"], "from", len(f), "features")
PY
python3 "$src/scripts/train-category-weights" "$build" --check
