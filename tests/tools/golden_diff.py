#!/usr/bin/env python3
"""Field-by-field comparison of claimex JSON Lines output with a golden file.

usage: golden_diff.py EXPECTED.jsonl ACTUAL.jsonl [--known KNOWN.txt]

Claims are matched by their byte span (start, end); `doc` is not compared,
so the same golden file serves any path spelling. Only the fields present in
an expected record are compared (numbers with 0.5 % tolerance; `speaker` and
`time` field by field; an expected speaker `role` must be contained in the
actual one). Prints one line per difference and a summary; exit status 1
when there is any difference not listed in KNOWN (lines `start field`).
"""
import json
import sys


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def same_number(want, got):
    if want is None or got is None:
        return want is None and got is None
    return abs(want - got) <= 0.005 * max(abs(want), 1e-9) + 1e-9


def compare(want, got):
    diffs = []
    for key, w in want.items():
        if key in ("doc", "start", "end"):
            continue
        g = got.get(key)
        if key == "speaker" and w is not None and g is not None:
            for sk, sw in w.items():
                sg = g.get(sk)
                ok = (sw.lower() in (sg or "").lower()) if sk == "role" else sw == sg
                if not ok:
                    diffs.append((f"speaker.{sk}", sw, sg))
        elif key == "time" and w is not None and g is not None:
            for tk, tw in w.items():
                if tw != g.get(tk):
                    diffs.append((f"time.{tk}", tw, g.get(tk)))
        elif isinstance(w, (int, float)) and not isinstance(w, bool):
            if not isinstance(g, (int, float)) or not same_number(w, g):
                diffs.append((key, w, g))
        elif w != g:
            diffs.append((key, w, g))
    return diffs


def main():
    args = sys.argv[1:]
    known = set()
    if "--known" in args:
        i = args.index("--known")
        with open(args[i + 1], encoding="utf-8") as f:
            for line in f:
                line = line.split("#")[0].strip()
                if line:
                    start, field = line.split()[:2]
                    known.add((int(start), field))
        del args[i:i + 2]
    expected, actual = load(args[0]), load(args[1])
    by_span = {(c["start"], c["end"]): c for c in actual}
    failures = tolerated = 0
    for want in expected:
        span = (want["start"], want["end"])
        got = by_span.pop(span, None)
        if got is None:
            tag = "known" if (want["start"], "missing") in known else "FAIL"
            print(f"{tag} missing claim {want['text']!r} at {span}")
            failures += tag == "FAIL"
            tolerated += tag == "known"
            continue
        for field, w, g in compare(want, got):
            tag = "known" if (want["start"], field) in known else "FAIL"
            print(f"{tag} {want['text']!r} {field}: expected {json.dumps(w)}, got {json.dumps(g)}")
            failures += tag == "FAIL"
            tolerated += tag == "known"
    for span, got in sorted(by_span.items()):
        print(f"FAIL unexpected claim {got['text']!r} at {span}")
        failures += 1
    print(f"golden: {len(expected)} expected claims, {failures} differences, {tolerated} known")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
