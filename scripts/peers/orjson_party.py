"""Python + orjson peer of `dateline list --party P --format jsonl` (scripts/bench-scale.sh).

    python3 orjson_party.py RECORDS.jsonl ID...

Lines whose `parties` name one of the ids, sorted by (date, id), written as they are. No
schema rule, date, reference or quote is checked.
"""
import sys

import orjson


def main():
    path, wanted = sys.argv[1], set(sys.argv[2:])
    out = []
    with open(path, "rb") as f:
        for line in f:
            if not line.strip():
                continue
            doc = orjson.loads(line)
            for p in doc.get("parties", ()):
                pid = p if isinstance(p, str) else p.get("id")
                if pid in wanted:
                    out.append((doc["date"], doc["id"], line.rstrip(b"\n")))
                    break
    out.sort(key=lambda m: (m[0], m[1]))
    w = sys.stdout.buffer
    for m in out:
        w.write(m[2])
        w.write(b"\n")


main()
