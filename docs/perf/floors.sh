#!/usr/bin/env bash
# What the database alone can write of the rows a payout needs, on this machine, now: COPY of rows already
# prepared (no CSV parsing, rules, JSON or HTTP) into tables shaped exactly like the run's own (same columns,
# indexes, checks and foreign keys), plus the set-based update that records a bank's answers. Each figure is a
# ceiling that no implementation with this schema can pass; compare them with `bench` and with
# ../shared/perf/sbpeer's `run.sh limits` measured in the same minutes.
#
# usage: docs/perf/floors.sh DBNAME [ROWS]   (DBNAME: a database a `bench --payouts >= ROWS` ran in; it copies
# its rows into a scratch schema `floors`, dropped at the end; needs psql and bc)
set -euo pipefail
shopt -s inherit_errexit  # a failed COPY inside $(rate ...) stops the script too
db=${1:?database a bench ran in}
n=${2:-200000}
dir=$(mktemp -d)
trap 'rm -rf "$dir"; psql_ -q -c "DROP SCHEMA IF EXISTS floors CASCADE" >/dev/null 2>&1 || true' EXIT
psql_() { psql -h "${PGHOST:-127.0.0.1}" -p "${PGPORT:-5432}" -U "${PGUSER:-postgres}" -d "$db" -X -v ON_ERROR_STOP=1 "$@"; }

# The source rows, shaped as the step that writes them leaves them (a new line is queued, a new submission
# sending): real rows of the bench, so widths and key spreads are the run's.
psql_ -q <<SQL >/dev/null
SET client_min_messages = warning;
DROP SCHEMA IF EXISTS floors CASCADE;
CREATE SCHEMA floors;
CREATE TABLE floors.src_payouts AS
    SELECT * FROM payouts WHERE liquidation_event_id IS NOT NULL ORDER BY id LIMIT $n;
CREATE TABLE floors.src_lines AS
    SELECT * FROM (SELECT DISTINCT ON (payout_id) * FROM payout_batch_lines ORDER BY payout_id, id) l
    ORDER BY id LIMIT $n;
UPDATE floors.src_lines SET status = 'queued', payment_order_id = NULL, failure_reason = NULL;
CREATE TABLE floors.src_submissions AS SELECT * FROM payment_submissions ORDER BY id LIMIT $n;
UPDATE floors.src_submissions SET status = 'sending', bank_order_id = NULL, reason_code = NULL, reason = NULL;
CREATE TABLE floors.src_orders AS SELECT * FROM sandbox_bank.payment_orders LIMIT $n;

-- Targets: the run's tables, empty, with everything they enforce.
CREATE TABLE floors.payouts (LIKE payouts INCLUDING ALL);
ALTER TABLE floors.payouts ADD FOREIGN KEY (liquidation_event_id) REFERENCES liquidation_events (id);
CREATE TABLE floors.payouts_keys_only (LIKE payouts INCLUDING DEFAULTS);
ALTER TABLE floors.payouts_keys_only ADD PRIMARY KEY (id), ADD UNIQUE (liquidation_event_id, investor_id);
CREATE TABLE floors.lines (LIKE payout_batch_lines INCLUDING ALL);
ALTER TABLE floors.lines ADD FOREIGN KEY (payout_id) REFERENCES payouts (id),
    ADD FOREIGN KEY (batch_id) REFERENCES payout_batches (id);
CREATE TABLE floors.lines_no_fk (LIKE payout_batch_lines INCLUDING ALL);
CREATE TABLE floors.submissions (LIKE payment_submissions INCLUDING ALL);
ALTER TABLE floors.submissions ADD FOREIGN KEY (batch_line_id) REFERENCES payout_batch_lines (id);
CREATE TABLE floors.orders (LIKE sandbox_bank.payment_orders INCLUDING ALL);
SQL
for t in payouts lines submissions orders; do
	psql_ -q -c "\\copy floors.src_$t TO '$dir/$t.copy'"
done
rows=$(psql_ -qAt -c "SELECT least((SELECT count(*) FROM floors.src_payouts), (SELECT count(*) FROM floors.src_lines),
	(SELECT count(*) FROM floors.src_submissions), (SELECT count(*) FROM floors.src_orders))")
[ "$rows" -ge 1000 ] || { echo "floors.sh: $db holds too few rows ($rows); run bench there first" >&2; exit 2; }

# rate TABLE FILE: rows/s of one COPY into an emptied table (the better of two tries)
rate() {
	local best=0 r s e lines
	lines=$(wc -l < "$dir/$2.copy")
	for try in 1 2; do
		psql_ -q -c "TRUNCATE floors.$1" >/dev/null
		s=$(date +%s.%N)
		psql_ -q -c "\\copy floors.$1 FROM '$dir/$2.copy'" >/dev/null
		e=$(date +%s.%N)
		r=$(echo "$lines / ($e - $s)" | bc)
		[ "$r" -gt "$best" ] && best=$r
	done
	echo "$best"
}
payouts=$(rate payouts payouts)
keys_only=$(rate payouts_keys_only payouts)
lines=$(rate lines lines)
lines_no_fk=$(rate lines_no_fk lines)
submissions=$(rate submissions submissions)
orders=$(rate orders orders)
# The bank's answers recorded set-based, as the submit step does (one UPDATE per chunk of 500).
s=$(date +%s.%N)
psql_ -q <<SQL >/dev/null
DO \$\$
DECLARE lo bigint; hi bigint;
BEGIN
    SELECT min(id), max(id) INTO lo, hi FROM floors.submissions;
    WHILE lo <= hi LOOP
        UPDATE floors.submissions SET status = 'accepted', bank_order_id = 'po_' || id, updated_at = now()
        WHERE id >= lo AND id < lo + 500;
        lo := lo + 500;
    END LOOP;
END \$\$;
SQL
e=$(date +%s.%N)
outcomes=$(echo "$(psql_ -qAt -c "SELECT count(*) FROM floors.submissions") / ($e - $s)" | bc)
submit=$(echo "scale=12; x = 1 / (1 / $submissions + 1 / $outcomes + 1 / $orders); scale=0; x / 1" | bc)

printf '%-62s %12s\n' "rows already prepared, copied by psql ($rows rows)" "rows/s"
printf '%-62s %12s\n' "payouts, as the import writes them (8 indexes, FK, checks)" "$payouts"
printf '%-62s %12s\n' "payouts with only the primary key and (event, investor)" "$keys_only"
printf '%-62s %12s\n' "payout_batch_lines, queued (5 indexes, 2 FKs)" "$lines"
printf '%-62s %12s\n' "payout_batch_lines without the foreign keys" "$lines_no_fk"
printf '%-62s %12s\n' "payment_submissions, sending (key, body; FK)" "$submissions"
printf '%-62s %12s\n' "their outcomes recorded (UPDATE per 500)" "$outcomes"
printf '%-62s %12s\n' "sandbox_bank.payment_orders" "$orders"
printf '%-62s %12s\n' "submit floor: submission + outcome + bank order, per payout" "$submit"
echo "{\"rows\":$rows,\"payouts\":$payouts,\"payouts_keys_only\":$keys_only,\"lines\":$lines,\"lines_no_fk\":$lines_no_fk,\"submissions\":$submissions,\"outcomes\":$outcomes,\"orders\":$orders,\"submit_floor\":$submit}"
