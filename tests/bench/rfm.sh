#!/bin/sh
# rfm.sh - how long "memberdesk report rfm" takes on a large shop, and
# how much memory it needs.  Not part of "make check": "make bench".
#
# BENCH_MEMBERS (default 1000000) members and BENCH_SALES (default
# 10000000) sales over two years are generated once with the sqlite3
# shell and kept under $BENCH_DIR (default bench-data/ in the build
# tree).  The data passes "memberdesk check": every member has a tier,
# and no sale earned points or used stored value.
set -eu

: "${MEMBERDESK:=src/memberdesk}"
: "${SQLITE3:=sqlite3}"
members=${BENCH_MEMBERS:-1000000}
sales=${BENCH_SALES:-10000000}
dir=${BENCH_DIR:-bench-data}
db="$dir/shop-$members-$sales.db"
export MEMBERDESK_NOW="2026-11-23 10:00:00"
unset LANGUAGE
export LC_ALL=C.UTF-8 TZ=Asia/Shanghai

# timed LABEL CMD...: run CMD (output discarded), print wall time and peak memory.
timed() {
	_label=$1
	shift
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -f "%e %M" -o "$dir/.time" "$@" >/dev/null
		read -r _secs _kb <"$dir/.time"
		printf '%-28s %8s s %10s KiB max RSS\n' "$_label" "$_secs" "$_kb"
	else
		printf '%s\n' "$_label"
		time "$@" >/dev/null
	fi
}

generate() {
	rm -f "$db.tmp" "$db.tmp-wal" "$db.tmp-shm"
	"$MEMBERDESK" --db "$db.tmp" settings show >/dev/null	# the schema
	# Names are two characters from small sets (most Chinese names are
	# two or three), so the name-search triggers stay cheap.  One member
	# in 100 is deleted and one in 50 frozen; one sale in 97 is voided,
	# one in 10 a promotion; members buy at different rates.
	"$SQLITE3" "$db.tmp" >/dev/null <<SQL
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
PRAGMA cache_size = -1000000;
BEGIN;
WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < $members)
INSERT INTO members(id, card, phone, name, gender, birthday, joined, status,
                    tier_id, tier_since)
SELECT i, 'B' || i, '139' || printf('%08d', i),
       char(0x5F20 + i % 40) || char(0x4E00 + (i / 40) % 3000), i % 3,
       printf('%04d-%02d-%02d', 1960 + i % 45, 1 + i % 12, 1 + i % 28),
       '2024-01-01',
       CASE WHEN i % 100 = 0 THEN 'deleted' WHEN i % 50 = 0 THEN 'frozen' ELSE 'active' END,
       (SELECT id FROM tiers WHERE rank = 0), '2024-01-01'
  FROM c;
WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < $sales),
s AS (SELECT i, 1 + ((i * 2654435761) % $members) * ((i % 7) + 1) % $members AS member,
             datetime('2026-11-23', '-' || (1 + (i * 7919) % 730) || ' days',
                      '+' || (540 + i % 600) || ' minutes') AS at,
             100 + (i * 37) % 50000 AS amount
        FROM c)
INSERT INTO sales(member_id, sold_at, promo, payment, amount, tier_id, paid,
                  operator, created_at, voided_at, voided_by, void_reason)
SELECT member, at, i % 10 = 0, 'cash', amount, (SELECT id FROM tiers WHERE rank = 0),
       amount, 'bench', at,
       CASE WHEN i % 97 = 0 THEN at END, CASE WHEN i % 97 = 0 THEN 'bench' END,
       CASE WHEN i % 97 = 0 THEN 'bench' END
  FROM s;
INSERT OR REPLACE INTO settings(key, value) VALUES ('maintained_through', '2026-11-22');
COMMIT;
SQL
	mv "$db.tmp" "$db"
}

mkdir -p "$dir"
if [ ! -f "$db" ]; then
	echo "generating $members members and $sales sales in $db (once)"
	_t0=$(date +%s)
	generate
	echo "generated in $(($(date +%s) - _t0)) s"
fi
ls -l "$db" | awk '{ printf "database size                %8.0f MiB\n", $5 / 1048576 }'
timed "first open (daily rules)" "$MEMBERDESK" --db "$db" settings show
timed "report rfm" "$MEMBERDESK" --db "$db" report rfm
timed "report rfm --members" "$MEMBERDESK" --db "$db" report rfm --members --format csv
timed "report types" "$MEMBERDESK" --db "$db" report types
timed "report weekly" "$MEMBERDESK" --db "$db" report weekly
# What the counter's find screen asks as each key is typed (member_find,
# at most 200 matches): the last 4 digits, one character of a name, a
# whole name, a card.
one=$("$SQLITE3" "$db" "SELECT substr(name, 1, 1) FROM members WHERE status = 'active' LIMIT 1")
name=$("$SQLITE3" "$db" "SELECT name FROM members WHERE status = 'active' ORDER BY id DESC LIMIT 1")
card=$("$SQLITE3" "$db" "SELECT card FROM members WHERE status = 'active' ORDER BY id DESC LIMIT 1")
timed "find: last 4 digits" "$MEMBERDESK" --db "$db" member find 5678 --limit 200
timed "find: one character" "$MEMBERDESK" --db "$db" member find "$one" --limit 200
timed "find: a name" "$MEMBERDESK" --db "$db" member find "$name" --limit 200
timed "find: a card" "$MEMBERDESK" --db "$db" member find "$card" --limit 200
