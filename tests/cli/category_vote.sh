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
# The story's other figures of the same kind vote too (dockt=), once there
# are two of them; the nearest content word on each side is a feature.
money='{"id":"v2","published":"2024-01-10","text":"Floods killed 300 people and 20 cattle. The government gave $5 million and the UN $2 million. Donors pledged $1 million more."}'
echo "$money" | "$claimex" extract --explain --format jsonl - | python3 -c '
import json, sys
claims = {c["text"]: c["category_features"] for c in map(json.loads, sys.stdin)}
for t in ("$5 million", "$2 million", "$1 million"):
    assert sum(x.startswith("dockt=money:") for x in claims[t]) == 1, (t, claims[t])
for t in ("300", "20"):  # one other count each: no such feature
    assert not any(x.startswith("dockt=") for x in claims[t]), (t, claims[t])
assert "l1=killed" in claims["300"] and "r1=people" in claims["300"], claims["300"]
'
python3 "$src/scripts/train-category-weights" "$build" --check
