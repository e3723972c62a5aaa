#!/usr/bin/env bash
# Builds the fuzz targets and runs each for SECONDS (default 600), JOBS at a time (default 2).
# TARGETS (space-separated) runs only those: TARGETS="FuzzXLSX FuzzSQLite" ./run-all.sh 600 2
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-600}
jobs=${2:-2}
targets=${TARGETS:-FuzzLexer FuzzParser FuzzQuery FuzzCSV FuzzJSON FuzzDialect FuzzEncoding FuzzXLSX FuzzSQLite}
swift build -c debug --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld
printf '%s\n' $targets | xargs -P "$jobs" -I{} ./run.sh {} "$seconds"
for target in $targets; do
    runs=$(grep -E "stat::number_of_executed_units" "logs/$target.log" | awk '{print $2}')
    crashes=$(ls "crashes/$target" 2>/dev/null | wc -l)
    echo "$target: $runs executions in ${seconds}s, $crashes crash files in Tests/Fuzz/crashes/$target"
done
