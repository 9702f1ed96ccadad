#!/usr/bin/env python3
"""Builds the benchmark corpora under bench/data/ from /work/shared/corpora.

Usage: prepare_corpora.py SHARED_CORPORA_DIR OUT_DIR

Writes (only when missing or when the source changed, so re-runs are cheap):
  mixed-100m.jsonl   Brown press + State of the Union, replicated to >= 100 MB
                     (each copy gets a fresh id so nothing dedups it)
  mixed-25m.jsonl    the same mix, ~25 MB (input-size scaling point)
  mixed-50m.jsonl    the same mix, ~50 MB (input-size scaling point)
  one-16m.jsonl      one 16 MiB document made of the same text (document-
                     length scaling: must run at the MB/s of many small ones)
  doclen-<N>.jsonl   ~32 MB cut into documents of N bytes (4k, 64k, 1m),
                     to show how cost grows with document length
  peer-slice.jsonl   two Brown press articles (~24 KB), for the peer comparison
Every document is JSON Lines in claimex's input format.
"""
import json
import zlib
import os
import sys

MB = 1_000_000
MIB = 1 << 20


def load(shared):
    docs = []
    for name in ("sotu.jsonl", "brown-press.jsonl"):
        with open(os.path.join(shared, name), encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                docs.append({k: d[k] for k in ("id", "source", "published", "text") if d.get(k)})
    # Interleave so every slice has both genres (SOTU is 10x the size of Brown).
    docs.sort(key=lambda d: (zlib.crc32(d["id"].encode()) & 0xFFFF, d["id"]))
    return docs


def write_replicated(docs, path, target_bytes):
    total = 0
    rep = 0
    with open(path + ".tmp", "w", encoding="utf-8") as out:
        while total < target_bytes:
            for d in docs:
                e = dict(d, id=f"{d['id']}#{rep}")
                out.write(json.dumps(e, ensure_ascii=False) + "\n")
                total += len(d["text"].encode("utf-8"))
                if total >= target_bytes:
                    break
            rep += 1
    os.replace(path + ".tmp", path)


def cut_text(docs, size, total_bytes):
    """Yields texts of at most `size` UTF-8 bytes, cut at a space, built from
    the corpus text (wrapping around), until total_bytes are produced."""
    unit = ("\n\n".join(d["text"] for d in docs) + "\n\n").encode("utf-8")
    reps = size // len(unit) + 2
    ring = unit * reps
    produced = 0
    pos = 0
    while total_bytes - produced >= size // 2:
        chunk = ring[pos:pos + size]
        cut = chunk.rfind(b" ")
        if cut <= 0:
            cut = len(chunk)
        chunk = chunk[:cut]
        pos = (pos + cut + 1) % len(unit)
        produced += len(chunk)
        yield chunk.decode("utf-8").strip()


def write_cut(docs, path, size, total_bytes):
    with open(path + ".tmp", "w", encoding="utf-8") as out:
        for i, text in enumerate(cut_text(docs, size, total_bytes)):
            out.write(json.dumps({"id": f"cut{size}-{i}", "published": "2000-01-01",
                                  "text": text}, ensure_ascii=False) + "\n")
    os.replace(path + ".tmp", path)


def main():
    shared, out_dir = sys.argv[1], sys.argv[2]
    os.makedirs(out_dir, exist_ok=True)
    stamp_path = os.path.join(out_dir, ".stamp")
    stamp = "v5 " + " ".join(str(os.path.getmtime(os.path.join(shared, n)))
                             for n in ("sotu.jsonl", "brown-press.jsonl"))
    if os.path.exists(stamp_path) and open(stamp_path).read() == stamp:
        return
    docs = load(shared)
    write_replicated(docs, os.path.join(out_dir, "mixed-100m.jsonl"), 100 * MB)
    write_replicated(docs, os.path.join(out_dir, "mixed-50m.jsonl"), 50 * MB)
    write_replicated(docs, os.path.join(out_dir, "mixed-25m.jsonl"), 25 * MB)
    # Recognizers-Text runs at a few KB/s: a slice of two Brown articles
    # (~24 KB) keeps the peer run under a minute.
    brown = [d for d in docs if d["id"].startswith("brown-")]
    write_replicated(brown, os.path.join(out_dir, "peer-slice.jsonl"), 20 * 1000)
    write_cut(docs, os.path.join(out_dir, "one-16m.jsonl"), 16 * MIB, 16 * MIB)
    for label, size in (("4k", 4096), ("64k", 64 * 1024), ("1m", MIB)):
        write_cut(docs, os.path.join(out_dir, f"doclen-{label}.jsonl"), size, 32 * MB)
    with open(stamp_path, "w") as f:
        f.write(stamp)


if __name__ == "__main__":
    main()
