#!/usr/bin/env bash
# bench/fuzz.sh [RUNS]: fuzzes every Jazzer target of the ingest and engine modules for RUNS
# executions each (default 10000) and prints a table: target, executions, crashes, seconds.
# `./autonomy bench fuzz [--runs N]` runs this script (BenchFuzzCommand).
#
# The targets are the @FuzzTest methods of ingest's ImporterFuzzTest and engine's ParserFuzzTest;
# a plain `mvn test` only replays their seed corpora. Here each one gets a JVM of its own (Jazzer
# fuzzes one target per JVM), started through Jazzer's driver with --target_class/--target_method,
# its corpus copied to a scratch folder so that the repository's seeds stay as they are. A crash
# (an exception the target does not document) is kept under bench/target/fuzz/TARGET/crash-*
# with the log; rerun it with the same java line and the crash file as the only input.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-10000}"
if ! [[ "$runs" =~ ^[1-9][0-9]*$ ]]; then
  echo "fuzz: RUNS must be a positive whole number, was '$runs'" >&2
  exit 2
fi
cd "$root"
echo "fuzz: compiling ingest and engine with their tests..." >&2
log="$(mktemp -t autonomy-fuzz-build.XXXXXX)"
if ! mvn -B -q -Dstyle.color=never -pl engine -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/fuzz-classpath.txt -Dmdep.includeScope=test \
    -Dspotless.check.skip=true -Djacoco.skip=true >"$log" 2>&1; then
  grep -E "ERROR|BUILD" "$log" | head -40 >&2
  echo "fuzz: build failed; the whole log is in $log" >&2
  exit 1
fi
rm -f "$log"

targets=(
  "ingest dev.autonomy.ingest.fuzz.ImporterFuzzTest appleHealthXml"
  "ingest dev.autonomy.ingest.fuzz.ImporterFuzzTest appleHealthZip"
  "ingest dev.autonomy.ingest.fuzz.ImporterFuzzTest fitbitCsv"
  "ingest dev.autonomy.ingest.fuzz.ImporterFuzzTest gpx"
  "ingest dev.autonomy.ingest.fuzz.ImporterFuzzTest eventsCsv"
  "ingest dev.autonomy.ingest.fuzz.ImporterFuzzTest eventsJsonl"
  "ingest dev.autonomy.ingest.fuzz.ImporterFuzzTest weatherCsv"
  "engine dev.autonomy.engine.fuzz.ParserFuzzTest rule"
  "engine dev.autonomy.engine.fuzz.ParserFuzzTest context"
)
out="$root/bench/target/fuzz"
rm -rf "$out"
mkdir -p "$out"
printf '%-32s %12s %8s %8s\n' target executions crashes seconds
total_crashes=0
for t in "${targets[@]}"; do
  read -r module class method <<<"$t"
  name="${class##*.}.$method"
  dir="$out/$name"
  mkdir -p "$dir/corpus"
  seeds="$root/$module/src/test/resources/${class//.//}Inputs/$method"
  if [[ -d "$seeds" ]]; then
    cp "$seeds"/* "$dir/corpus/"
  fi
  cp="$root/$module/target/test-classes:$root/$module/target/classes:$(cat "$root/$module/target/fuzz-classpath.txt")"
  start=$(date +%s.%N)
  # --keep_going: go on after a finding, so that one run counts every distinct crash.
  java -Xmx1g -cp "$cp" com.code_intelligence.jazzer.Jazzer --target_class="$class" --target_method="$method" \
    --keep_going=100 -runs="$runs" -seed=1 -max_len=8192 -artifact_prefix="$dir/" "$dir/corpus" >"$dir/log" 2>&1 || true
  end=$(date +%s.%N)
  executions=$(sed -n 's/^Done \([0-9]*\) runs.*/\1/p' "$dir/log" | tail -1)
  if [[ -z "$executions" ]]; then
    executions=$(sed -n 's/^#\([0-9]*\)[[:space:]].*/\1/p' "$dir/log" | tail -1)
  fi
  crashes=$(find "$dir" -maxdepth 1 -name 'crash-*' | wc -l)
  total_crashes=$((total_crashes + crashes))
  printf '%-32s %12s %8d %8.1f\n' "$name" "${executions:-?}" "$crashes" "$(awk "BEGIN { print $end - $start }")"
done
echo "(seconds: wall clock per target, JVM start and instrumentation included; logs and crash files in $out)"
[[ $total_crashes -eq 0 ]]
