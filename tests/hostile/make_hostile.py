#!/usr/bin/env python3
"""Generates the hostile-input corpus into OUT_DIR (at test time: nothing
big is committed). Used by tests/cli/hostile_inputs.sh.

Usage: make_hostile.py OUT_DIR FIXTURE_TXT

Writes OUT_DIR/in/ (the files) and OUT_DIR/manifest.json:
  {"must_fail": [paths that must be named on stderr as errors],
   "good": {path or id: minimum number of claims expected},
   "survive": [paths that only have to finish without crash or hang]}
Each must_fail path is relative to OUT_DIR/in, except the nonexistent one.

CLAIMEX_HOSTILE_SCALE (default 1) multiplies the repetition counts of the
size section: the sanitizer run uses a fraction (the same code paths, a
fifth of the bytes), the Release run the full sizes. Limits the inputs
test (the 16 MiB document cap, JSON nesting depth) do not scale.
"""
import gzip
import json
import os
import random
import sys

out, fixture = sys.argv[1], sys.argv[2]
d = os.path.join(out, "in")
os.makedirs(d, exist_ok=True)
rnd = random.Random(8)  # deterministic corpus
manifest = {"must_fail": [], "good": {}, "survive": []}
SCALE = float(os.environ.get("CLAIMEX_HOSTILE_SCALE", "1"))


def n(count):
    """A repetition count of the size section, scaled."""
    return max(1, int(count * SCALE))


def write(name, data, kind):
    path = os.path.join(d, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
    if kind == "fail":
        manifest["must_fail"].append(name)
    elif kind == "survive":
        manifest["survive"].append(name)
    return path


# --- good documents, which must still be extracted ---------------------------
write("a_good.txt", open(fixture, "rb").read(), "good")
manifest["good"]["a_good.txt"] = 3
good_lines = [
    {"id": "good-1", "published": "2020-01-29",
     "text": "The violence has displaced more than 388,000 civilians since December, the UN says."},
    {"id": "good-2", "published": "2021-04-12",
     "text": "The army has recaptured around 27 towns and villages since January 24."},
]
write("a_good.jsonl", "".join(json.dumps(x) + "\n" for x in good_lines), "good")
manifest["good"]["good-1"] = 1
manifest["good"]["good-2"] = 1

# --- size and repetition: must finish, linear time --------------------------
write("million_digits.txt", "The fund now holds " + "9" * n(1_000_000) +
      " dollars, and 12 people were hurt.\n", "survive")
write("million_digits_decimal.txt", "Growth was 0." + "3" * n(1_000_000) + " percent.\n", "survive")
write("comma_numbers.txt", ", ".join(str(rnd.randrange(10**7)) for _ in range(n(200_000))) + ".\n",
      "survive")
write("numbers_in_row.txt", " ".join(f"{rnd.randrange(1000):,}" for _ in range(n(200_000))) + "\n",
      "survive")
grouped = "1" + ",000" * n(300_000)  # one "number" of 1.2 million characters
write("giant_grouped.txt", f"More than {grouped} people were displaced.\n", "survive")
words = ("and more than 1,200 people in 3 towns said on Monday that 40 per cent of "
         "the $2.5 billion fund had gone since December ").split()
line = []
size = 0
while size < n(5_000_000):  # 5 MB line: no sentence end, no line break
    w = rnd.choice(words)
    line.append(w)
    size += len(w) + 1
write("long_line.txt", " ".join(line), "survive")
write("many_lines.txt", "".join(f"{i} people.\n" for i in range(n(100_000))), "survive")
write("many_periods.txt", "The toll rose to 12" + "." * n(1_000_000) + " 7 more.\n", "survive")
write("nested_quotes.txt", "He said " + "\u201c" * n(50_000) + "20 people" + "\u201d" * n(50_000) +
      " and " + '"' * n(100_001) + " 30 more" + ".\n", "survive")
write("nested_quotes_mixed.txt",
      "".join(f'"{i} said \u201cthat {i} ' for i in range(n(20_000))) + "end.\n", "survive")
write("number_words.txt", "There were " + "thousand " * n(100_000) + "people and " +
      "twenty-one hundred and " * n(50_000) + "five.\n", "survive")
write("scales.txt", "It cost $" + "9" * 400 + " billion billion trillion" * 1000 + ".\n", "survive")
write("between_chain.txt", " ".join(["between 1 and 2 and 3 to 4 -5 or 6"] * n(50_000)) + ".\n",
      "survive")
write("time_chain.txt", " ".join(["since December in the last 2 days on Wednesday last month"]
                                 * n(50_000)) + ".\n", "survive")
write("said_chain.txt", " ".join(['"12 people," he said, according to officials, she told.']
                                 * n(50_000)) + "\n", "survive")
write("unicode_mix.txt", ("\u0661\u0662\u0663 \u0968\u0966 \u00bd \u2153 \uff11\uff12 "
                          "\U0001F600 e\u0301 \u202e40\u202c people 12\u00a0000 \u2009"
                          "\u2212 5 \u00b0C ") * n(20_000) + "\n", "survive")
write("crlf.txt", "More than 20 people died.\r\n" * n(10_000), "survive")
write("control_chars.txt", "Some 12 people\x0b\x0c were\x1b[31m hurt.\x07\n", "survive")
deep = "[" * 100_000 + "]" * 100_000  # depth stays full: a stack, not a size test
write("deep_json.jsonl",
      json.dumps({"id": "deep-ok", "published": "2020-01-29",
                  "text": "About 15 people were hurt."}) + "\n" +
      '{"id": "deep-1", "text": "5 people", "x": ' + deep + "}\n" +
      "[" * 1_000_000 + "\n" +
      '{"id": "deep-2", "text": "5 people", "x": ' + '{"a":' * 50_000 + "1" + "}" * 50_000 + "}\n",
      "survive")

# --- bad documents: each must be named on stderr -----------------------------
write("nul.txt", b"Some 20 people\x00 were hurt.\n", "fail")
write("utf16_bom.txt", "\ufeffMore than 20 people were hurt.\n".encode("utf-16-le"), "fail")
write("utf16be_bom.txt", "\ufeffMore than 20 people were hurt.\n".encode("utf-16-be"), "fail")
write("overlong_utf8.txt", b"Some 20 people \xc0\xaf were hurt.\n", "fail")
write("surrogate_utf8.txt", b"Some 20 people \xed\xa0\x80 were hurt.\n", "fail")
write("truncated_utf8.txt", b"Some 20 people were hurt \xe2\x82", "fail")
gz = gzip.compress(("More than 1,000 people were displaced. " * 2000).encode())
write("truncated.txt.gz", gz[: len(gz) // 3], "fail")
write("garbage.jsonl.gz", b"\x1f\x8b\x08\x00" + bytes(rnd.randrange(256) for _ in range(4000)),
      "fail")
write("whitespace.txt", " \t\n\r\n   \n" * 1000, "fail")
write("empty.txt", b"", "fail")
write("bom_only.txt", b"\xef\xbb\xbf", "fail")
write("binary.txt", bytes(rnd.randrange(1, 32) for _ in range(100_000)), "fail")
write("over_limit.txt", ("Over 300 people fled. " * ((17 << 20) // 22 + 1)), "fail")

# --- a directory that loops back on itself -----------------------------------
loop = os.path.join(d, "loop")
os.makedirs(loop, exist_ok=True)
write("loop/inside.txt", "Published 2020-01-29. At least 45 people were killed, police said.\n",
      "good")
manifest["good"]["loop/inside.txt"] = 1
os.makedirs(os.path.join(loop, "sub"), exist_ok=True)
for name, target in (("self", "."), ("sub/parent", ".."), ("sub/abs_loop", loop)):
    p = os.path.join(loop, name)
    if not os.path.lexists(p):
        os.symlink(target, p)
a, b = os.path.join(loop, "ping"), os.path.join(loop, "pong")
if not os.path.lexists(a):
    os.symlink(b, a)  # a dangling two-link cycle: ping -> pong -> ping
    os.symlink(a, b)

with open(os.path.join(out, "manifest.json"), "w") as f:
    json.dump(manifest, f, indent=1)
