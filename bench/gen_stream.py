#!/usr/bin/env python3
"""Writes BYTES bytes (at least) of claimex JSON Lines to stdout, made of the
Brown press and State of the Union documents repeated with fresh ids, for
streaming benchmarks (`bench/run --big`): nothing is stored on disk.

Usage: gen_stream.py BYTES [SHARED_CORPORA_DIR]
"""
import json
import os
import sys


def main():
    asked = len(sys.argv) > 1 and sys.argv[1] in ("-h", "--help")
    if asked or len(sys.argv) < 2 or not sys.argv[1].isdigit():
        print(__doc__.strip(), file=sys.stdout if asked else sys.stderr)
        sys.exit(0 if asked else 2)
    target = int(sys.argv[1])
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    shared = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
        os.path.dirname(here), "shared", "corpora")
    tails = []
    for name in ("sotu.jsonl", "brown-press.jsonl"):
        with open(os.path.join(shared, name), encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                body = {k: d[k] for k in ("source", "published", "text") if d.get(k)}
                # Pre-encode everything after the id once; each copy only
                # formats a new id in front.
                tails.append((d["id"], json.dumps(body, ensure_ascii=False)[1:].encode("utf-8")))
    out = sys.stdout.buffer
    written = 0
    rep = 0
    try:
        while written < target:
            for doc_id, tail in tails:
                line = b'{"id": "%s#%d", ' % (doc_id.encode(), rep) + tail + b"\n"
                out.write(line)
                written += len(line)
                if written >= target:
                    break
            rep += 1
        out.flush()
    except BrokenPipeError:
        pass


if __name__ == "__main__":
    main()
