#!/usr/bin/env bash
# Fuzzes Kalkyl with libFuzzer: the formula parser, compiler and evaluator (formula), the
# .kalk reader and writer (kalk), or the xlsx reader (xlsx), for a number of seconds.
#
#   scripts/fuzz.sh formula 600          # ten minutes of formulas
#   scripts/fuzz.sh xlsx 60 -jobs=2      # extra arguments go to libFuzzer
#   scripts/fuzz.sh formula 3600 -fork=2 -ignore_timeouts=1   # an hour on both cores
#
# A formula over whole columns makes arrays of up to 4 194 304 values (about a second each in a
# release build, more with the fuzzer's instrumentation), so a slow input is not a finding
# below 30 seconds.
# Findings (a crash, a trap, a sanitizer report, a timeout) are written to Fuzz/findings/;
# the corpus grows in Fuzz/corpus/TARGET (not committed). The closing lines print how many
# inputs ran.
set -euo pipefail
cd "$(dirname "$0")/../Fuzz"
target=${1:-formula}
seconds=${2:-60}
shift $(( $# > 2 ? 2 : $# ))
case "$target" in formula|kalk|xlsx) ;; *) echo "usage: scripts/fuzz.sh formula|kalk|xlsx [SECONDS] [libFuzzer options]" >&2; exit 2 ;; esac

swift build -c release -Xswiftc -sanitize=fuzzer -Xswiftc -enable-testing 2>&1 | grep -E "error|Compiling|Build complete" || true
binary=.build/release/kalkyl-fuzz
[ -x "$binary" ] || { echo "fuzz: the build failed" >&2; exit 1; }

corpus=corpus/$target
mkdir -p "$corpus" findings
# Seeds: every formula of the shipped workbooks and templates, or the files themselves.
case "$target" in
    formula)
        grep -hoE '^[A-Z]+[0-9]+ =.*' ../Workbooks/*.kalk ../Templates/*.kalk | sed 's/^[A-Z]*[0-9]* =//' | sort -u |
            while IFS= read -r f; do printf '%s' "$f" > "$corpus/seed-$(printf '%s' "$f" | cksum | cut -d' ' -f1)"; done ;;
    kalk) cp ../Workbooks/*.kalk ../Templates/*.kalk "$corpus/" ;;
    xlsx) printf '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1" t="s"><v>1</v></c><c r="C1"><f>A1*2</f><v>2</v></c></row><row><c t="inlineStr"><is><t>x</t></is></c><c s="1"><f t="shared" ref="B2:B3" si="0">A2+1</f></c></row></sheetData></worksheet>' > "$corpus/seed" ;;
esac

SWIFT_BACKTRACE=enable=no KALKYL_FUZZ=$target "$binary" "$corpus" -dict=$target.dict -max_total_time="$seconds" -timeout=30 -report_slow_units=30 -rss_limit_mb=4096 \
    -artifact_prefix=findings/ -print_final_stats=1 "$@" 2>&1 | grep -E "^#[0-9]+[: ].*(DONE|REDUCE|NEW|cov)|stat::|ERROR|SUMMARY|Fatal|crash|==[0-9]+==" | tail -12
