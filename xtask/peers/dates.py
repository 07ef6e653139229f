"""Dates with dateparser, for `cargo xtask bench peers`.

Usage: python dates.py TEXTS.json
Reads a JSON array of article texts and finds the dates of each with
`dateparser.search.search_dates` (English only). Prints one JSON line: the bytes of
text (UTF-8), seconds of searching (the import, a first
warm-up call and the reading left out) and the
dates found.
"""

import json
import sys
import time
import warnings

warnings.filterwarnings("ignore")

from dateparser.search import search_dates  # noqa: E402


def main(path):
    with open(path, encoding="utf-8") as f:
        texts = json.load(f)
    nbytes = sum(len(t.encode("utf-8")) for t in texts)
    # Warm up: the first call loads (or trains) the tool's models; not timed.
    search_dates("The deal was signed on March 3, 1987.", languages=["en"])
    start = time.perf_counter()
    found = sum(len(search_dates(t, languages=["en"]) or []) for t in texts)
    secs = time.perf_counter() - start
    print(json.dumps({"bytes": nbytes, "secs": secs, "found": found}))


if __name__ == "__main__":
    main(sys.argv[1])
