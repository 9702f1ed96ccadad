#!/usr/bin/env python3
"""Category agreement with independent readers.

usage: consensus.py CLAIMEX SOURCE_DIR [--errors] [--conflict]

tests/heldout/news-consensus-categories.jsonl holds 1187 claims of the
tuning sets news-dev4..9 that three more annotators labelled with a category
each, from SPEC and the examples README alone; with --conflict,
tests/heldout/news-consensus-conflict.jsonl holds 542 claims of 30 conflict
and disaster articles of news-dev74..83 labelled the same way. This runs CLAIMEX on those
sets, matches each labelled claim to the prediction its span overlaps, and
prints the share of claims whose category equals the readers' majority, per
set and overall, and on the claims where the three readers and the original
gold all agree. The last line is a SUMMARY in score.py's form, so the
quality floor reads it like the other sets.
"""
import collections
import json
import os
import subprocess
import sys
import tempfile


def predictions(claimex, source, sets):
    pred = collections.defaultdict(list)
    with tempfile.TemporaryDirectory() as tmp:
        for n in sets:
            path = os.path.join(tmp, f"in{n}.jsonl")
            with open(path, "w", encoding="utf-8") as f:
                for line in open(os.path.join(source, f"tests/heldout/news-dev{n}.jsonl"), encoding="utf-8"):
                    d = json.loads(line)
                    keep = {k: d[k] for k in ("id", "source", "published", "text") if k in d}
                    f.write(json.dumps(keep, ensure_ascii=False) + "\n")
            out = subprocess.run([claimex, "extract", "--explain", "--format", "jsonl", path],
                                 capture_output=True, text=True, check=False).stdout
            for line in out.splitlines():
                c = json.loads(line)
                pred[c["doc"]].append(c)
    return pred


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    claimex, source = args[0], args[1]
    show = "--errors" in sys.argv
    name = "news-consensus-conflict.jsonl" if "--conflict" in sys.argv else "news-consensus-categories.jsonl"
    rows = [json.loads(l) for l in open(os.path.join(source, "tests/heldout", name), encoding="utf-8")]
    sets = sorted({r["doc"].split("-")[0][3:] for r in rows})
    pred = predictions(claimex, source, sets)
    asked, right = collections.Counter(), collections.Counter()
    for r in rows:
        over = [p for p in pred[r["doc"]] if p["start"] < r["end"] and p["end"] > r["start"]]
        got = over[0]["category"] if over else None
        s = r["doc"].split("-")[0]
        unanimous = len(set(r["readers"] + [r["gold"]])) == 1
        for key in (s, "all") + (("unanimous",) if unanimous else ()):
            asked[key] += 1
            right[key] += got == r["majority"]
        if show and got != r["majority"]:
            rules = [x for x in over[0].get("rules", []) if x.startswith("category")] if over else []
            print(f"{r['doc']} [{r['text']}] readers={r['readers']} gold={r['gold']} pred={got} {rules}")
    keys = [k for k in asked if k not in ("all", "unanimous")] + ["all", "unanimous"]
    print("SUMMARY " + " ".join(f"{k}={right[k] / asked[k]:.3f}" for k in keys))


if __name__ == "__main__":
    main()
