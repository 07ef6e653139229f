"""Near-duplicates with datasketch's MinHashLSH, for `cargo xtask bench peers`.

Usage: python minhash.py CORPUS.jsonl
Reads the JSONL corpus (records with `id` and `text`), builds one MinHash per record
(128 permutations, word 5-grams of the lower-cased text, `update_batch`), inserts
them all into a MinHashLSH (threshold 0.8), then queries each planted copy (an `id`
ending in `-pR`, a copy of the record whose id comes before it, with R% of its words
edited) and counts those whose original is among the candidates. Prints one JSON
line: seconds (reading included), CPU seconds, peak memory, planted and found per
edit rate.
"""

import json
import re
import resource
import sys
import time

from datasketch import MinHash, MinHashLSH

WORD = re.compile(r"\w+")


def main(path):
    start = time.perf_counter()
    docs = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            docs.append((r.get("id", ""), r["text"]))
    lsh = MinHashLSH(threshold=0.8, num_perm=128)
    hashes = {}
    for key, text in docs:
        words = WORD.findall(text.lower())
        shingles = [
            " ".join(words[i : i + 5]).encode("utf-8")
            for i in range(max(len(words) - 4, 1))
        ]
        m = MinHash(num_perm=128)
        m.update_batch(shingles)
        hashes[key] = m
        # Reuters repeats a few ids; the first record keeps the id.
        if key not in lsh:
            lsh.insert(key, m)
    planted = {}
    found = {}
    for key, m in hashes.items():
        orig, sep, rate = key.rpartition("-p")
        if not sep or not rate.isdigit():
            continue
        planted[rate] = planted.get(rate, 0) + 1
        if orig in set(lsh.query(m)):
            found[rate] = found.get(rate, 0) + 1
    secs = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(
        json.dumps(
            {
                "secs": secs,
                "cpu_secs": usage.ru_utime + usage.ru_stime,
                "peak_rss": usage.ru_maxrss * 1024,
                "docs": len(docs),
                "planted": planted,
                "found": found,
            }
        )
    )


if __name__ == "__main__":
    main(sys.argv[1])
