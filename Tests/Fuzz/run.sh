#!/usr/bin/env bash
# Runs one libFuzzer target for a time: Tests/Fuzz/run.sh TARGET SECONDS
# Seeds come from the project's own queries and data files; crashes land in
# Tests/Fuzz/crashes/TARGET.
set -euo pipefail
cd "$(dirname "$0")"
target=$1
seconds=${2:-600}
root=../..
corpus=.corpus/$target
mkdir -p "$corpus" "crashes/$target" logs
seed() {
    case $target in
        FuzzLexer|FuzzParser|FuzzQuery)
            n=0
            for file in $root/grammar/examples.dq $root/samples/*.dq $root/Tests/Golden/*.dq; do
                while IFS= read -r line; do
                    n=$((n + 1)); printf '%s' "$line" > "$corpus/seed-$n"
                done < "$file"
            done ;;
        FuzzCSV)
            cp $root/Tests/Data/good/*.csv $root/Tests/Data/good/*.tsv $root/Tests/Data/bad/*.csv "$corpus"/ 2>/dev/null || true
            cp $root/samples/third-country-deals/*.csv "$corpus"/ ;;
        FuzzJSON)
            cp $root/Tests/Data/good/*.json* $root/Tests/Data/bad/*.json* "$corpus"/ 2>/dev/null || true ;;
    esac
}
[ -n "$(ls -A "$corpus")" ] || seed
case $target in
    FuzzCSV) dict=dictionaries/csv.dict ;;
    FuzzJSON) dict=dictionaries/json.dict ;;
    *) dict=dictionaries/query.dict ;;
esac
# Debug builds with ASan use about 8 KB of stack a parser frame: the default 8 MB holds the
# deepest nesting dossier accepts (100 levels) and still overflows on unbounded recursion
# within a 4 KB input (4096 levels).
ulimit -s 8192
export SWIFT_BACKTRACE=enable=no
export DOSSIER_SAMPLES=$PWD/$root/samples
./.build/debug/$target "$corpus" -dict="$dict" -max_total_time="$seconds" -max_len=4096 -rss_limit_mb=2048 \
    -artifact_prefix="crashes/$target/" -print_final_stats=1 2>&1 | tee "logs/$target.log" | grep -E "^#|Done|stat::|ERROR|SUMMARY" | tail -20
