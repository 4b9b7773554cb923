#!/usr/bin/env python3
"""Statements with most total time, from the server log of a database that logs a sample of its
statements (no pg_stat_statements needed, no restart):

  ALTER DATABASE payouts_bench SET log_min_duration_sample = 0;
  ALTER DATABASE payouts_bench SET log_statement_sample_rate = 0.05;   -- 1 in 20

usage: docs/perf/pg-statement-times.py DBNAME RATE < postgresql-15-main.log
Sums parse, bind and execute durations per statement (its text up to 90 characters, whitespace
squeezed) and scales them by 1/RATE; the totals are estimates of the time the server spent.
"""
import re, sys, collections

db, rate = sys.argv[1], float(sys.argv[2])
head = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+ UTC \[\d+\] (\S*) ?(\w+):\s+(.*)$")
dur = re.compile(r"duration: ([\d.]+) ms\s+(?:(parse|bind|execute) [^:]*: |statement: )(.*)$")
total, count = collections.Counter(), collections.Counter()
current = None

def flush():
    if current:
        ms, text = current
        key = re.sub(r"\s+", " ", text).strip()[:90]
        total[key] += ms
        count[key] += 1

for line in sys.stdin:
    m = head.match(line)
    if m:
        flush()
        current = None
        ours = m.group(1) == "postgres@" + db and m.group(2) == "LOG"
        d = dur.match(m.group(3)) if ours else None
        if d:
            current = [float(d.group(1)), d.group(3)]
    elif current and not line.startswith("--"):
        current[1] += " " + line.strip()
flush()
grand = sum(total.values())
print(f"estimated server time {grand / rate / 1000:.1f} s over {sum(count.values())} logged phases (rate {rate})")
for key, ms in total.most_common(15):
    print(f"{ms / rate / 1000:8.2f} s {100 * ms / grand:5.1f}% {count[key] / rate:9.0f}x  {key}")
