#!/usr/bin/env bash
# Runs every fuzz target (or those named) for SECONDS each (default 180), one after
# the other on one core, seeding each from the repository's fixtures. See
# docs/fuzzing.md. Crashes land in fuzz/artifacts/TARGET/.
set -uo pipefail
cd "$(dirname "$0")"
seconds="${SECONDS_PER_TARGET:-180}"
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(corpus_txt corpus_md corpus_jsonl corpus_html claims rules overlap diff)
fi
seeds() {
  case "$1" in
    corpus_txt|claims|overlap|diff) echo ../seeds ../tests/fixtures/corpus ;;
    corpus_md) echo ../tests/fixtures/corpus ../tests/fixtures/rules ;;
    corpus_jsonl) echo ../tests/fixtures/corpus ;;
    corpus_html) echo ../tests/fixtures/corpus ;;
    rules) echo ../rules ../rules/lexicons ../rules/facts ;;
  esac
}
for target in "${targets[@]}"; do
  mkdir -p "corpus/$target"
  # Seed files only (libFuzzer reads the top level of each seed directory).
  for dir in $(seeds "$target"); do
    [ -d "$dir" ] && find "$dir" -maxdepth 1 -type f -exec cp -n {} "corpus/$target/" \;
  done
  echo "== $target (${seconds}s)"
  cargo fuzz run --sanitizer none --release "$target" "corpus/$target" -- \
    -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -max_len=16384 \
    -print_final_stats=1 2>&1 | grep -E "^(#[0-9]+.*(DONE|pulse)|==|SUMMARY|stat::(number_of_executed_units|new_units_added|peak_rss_mb)|.*(panicked|ERROR|Test unit written|timeout|out-of-memory))" 
done
