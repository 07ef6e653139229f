"""Quantities with quantulum3, for `cargo xtask bench peers`.

Usage: python quantities.py TEXTS.json
Reads a JSON array of article texts and parses each with `quantulum3.parser.parse`.
Prints one JSON line: the bytes of text (UTF-8), seconds of parsing (the import, a
first warm-up call and the reading left out) and the quantities found.
"""

import json
import sys
import time
import warnings

warnings.filterwarnings("ignore")

from quantulum3 import parser  # noqa: E402


def main(path):
    with open(path, encoding="utf-8") as f:
        texts = json.load(f)
    nbytes = sum(len(t.encode("utf-8")) for t in texts)
    # Warm up: the first call loads (or trains) the tool's models; not timed.
    parser.parse("The company paid 5 million dollars for 20 percent of it.")
    start = time.perf_counter()
    found = sum(len(parser.parse(t)) for t in texts)
    secs = time.perf_counter() - start
    print(json.dumps({"bytes": nbytes, "secs": secs, "found": found}))


if __name__ == "__main__":
    main(sys.argv[1])
