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
        FuzzDialect|FuzzEncoding)
            # A first byte of 0: nothing told, the file as it comes.
            n=0
            for file in $root/Tests/Data/good/*.csv $root/Tests/Data/good/*.tsv $root/Tests/Data/good/*.tab $root/Tests/Data/bad/*.csv; do
                n=$((n + 1)); { printf '\0'; cat "$file"; } > "$corpus/seed-$n"
            done ;;
        FuzzXLSX)
            # Each real workbook's first sheet, shared strings, styles and workbook part, NUL-separated.
            python3 - "$corpus" $root/Tests/Data/good/*.xlsx <<'PY'
import sys, zipfile
for n, path in enumerate(sys.argv[2:]):
    archive = zipfile.ZipFile(path)
    parts = ["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml", "xl/workbook.xml"]
    with open(f"{sys.argv[1]}/seed-{n}", "wb") as out:
        out.write(b"\0".join(archive.read(p) if p in archive.namelist() else b"" for p in parts))
PY
            ;;
        FuzzSQLite)
            cp $root/Tests/Data/good/*.sqlite $root/Tests/Data/good/*.db $root/Tests/Data/bad/*.sqlite "$corpus"/ ;;
    esac
}
[ -n "$(ls -A "$corpus")" ] || seed
case $target in
    FuzzCSV|FuzzDialect|FuzzEncoding) dict=dictionaries/csv.dict ;;
    FuzzJSON) dict=dictionaries/json.dict ;;
    FuzzXLSX) dict=dictionaries/xlsx.dict ;;
    FuzzSQLite) dict=dictionaries/sqlite.dict ;;
    *) dict=dictionaries/query.dict ;;
esac
# A database is pages of 4 KB at least, and a workbook's parts are longer than a query.
case $target in
    FuzzSQLite) max_len=65536 ;;
    FuzzXLSX) max_len=16384 ;;
    *) max_len=4096 ;;
esac
# Debug builds with ASan use about 8 KB of stack a parser frame: the default 8 MB holds the
# deepest nesting dossier accepts (100 levels) and still overflows on unbounded recursion
# within a 4 KB input (4096 levels).
ulimit -s 8192
export SWIFT_BACKTRACE=enable=no
export DOSSIER_SAMPLES=$PWD/$root/samples
./.build/debug/$target "$corpus" -dict="$dict" -max_total_time="$seconds" -max_len=$max_len -rss_limit_mb=2048 \
    -artifact_prefix="crashes/$target/" -print_final_stats=1 2>&1 | tee "logs/$target.log" | grep -E "^#|Done|stat::|ERROR|SUMMARY" | tail -20
