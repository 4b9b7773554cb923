#!/usr/bin/env bash
# Samples what the database's sessions for one database are doing, every 0.2 s, until killed:
# one line per active session: time|wait_event_type|wait_event|first 70 characters of the statement.
# usage: docs/perf/sample-waits.sh DBNAME > waits.txt & ... ; kill %1; docs/perf/summarize-waits.sh waits.txt
db=${1:?database name}
while true; do
	psql -h "${PGHOST:-127.0.0.1}" -U "${PGUSER:-postgres}" -d postgres -AtX -F'|' -c "
		select to_char(now(),'HH24:MI:SS.MS'), coalesce(wait_event_type,'CPU'), coalesce(wait_event,'-'),
		       regexp_replace(left(query, 70), '\s+', ' ', 'g')
		from pg_stat_activity
		where datname = '$db' and state = 'active' and pid <> pg_backend_pid()"
	sleep 0.2
done
