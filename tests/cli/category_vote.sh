#!/usr/bin/env bash
# The category vote (claims/claim_category_vote.cpp): every figure shows the
# features it voted on under --explain, and only there; the rules' answer
# is a weighted feature (cat=) only where a fallback on context placed the
# figure, and a firm rule's is only named (rules=); and the learned weights
# are current, i.e. what scripts/train-category-weights gives from today's
# rules and gold (retrain after changing a rule).
set -euo pipefail
claimex=$1
src=${CLAIMEX_SOURCE_DIR:?}
build=$(dirname "$claimex")
# "trucks" carries no category cue of its own: the vote places the figure.
line='{"id":"v1","published":"2024-01-10","text":"The convoy of 50 trucks carrying food and medicine was ambushed on Saturday, the World Food Programme said. Gunmen killed 12 villagers."}'
explained=$(echo "$line" | "$claimex" extract --explain --format jsonl -)
plain=$(echo "$line" | "$claimex" extract --format jsonl -)
python3 - "$explained" "$plain" <<'PY'
import json, sys
c = next(x for x in map(json.loads, sys.argv[1].splitlines()) if x["text"] == "50")
assert "category.vote" in c["rules"], c["rules"]
f = c["category_features"]
for want in ("rule=category.", "kind=count", "head=trucks", "w=convoy", "near=convoy", "cat=", "bias"):
    assert any(x.startswith(want) for x in f), (want, f)
# "killed" is a firm cue: its answer is named, not weighted.
k = next(x for x in map(json.loads, sys.argv[1].splitlines()) if x["text"] == "12")
assert "category.predicate" in k["rules"] and "category.vote" in k["rules"], k["rules"]
assert "rules=casualties" in k["category_features"], k["category_features"]
assert not any(x.startswith("cat=") for x in k["category_features"]), k["category_features"]
assert not any("category_features" in json.loads(x) for x in sys.argv[2].splitlines())
print("vote:", c["category"], "from", len(f), "features")
PY
python3 "$src/scripts/train-category-weights" "$build" --check
