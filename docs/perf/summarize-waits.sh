#!/usr/bin/env bash
# Summarizes docs/perf/sample-waits.sh output: samples per wait event, and per statement (share of active time).
f=${1:?samples file}
total=$(wc -l < "$f")
echo "active-session samples: $total"
echo "-- by wait event"
cut -d'|' -f2,3 "$f" | sort | uniq -c | sort -rn | head -12
echo "-- by statement (samples, share)"
cut -d'|' -f4 "$f" | sort | uniq -c | sort -rn | head -15 | awk -v t="$total" '{n=$1; $1=""; printf "%6d %5.1f%% %s\n", n, 100*n/t, $0}'
