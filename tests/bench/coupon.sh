#!/bin/sh
# coupon.sh - how long coupons take on a large shop.  Not part of
# "make check": "make bench".  The targets (issue 13): a coupon issue to
# 100k targeted members under 5 s; the redemption check and sale add
# --coupon under 10 ms with 1M coupons in the database.
#
# BENCH_COUPON_MEMBERS (default 100000) members and BENCH_COUPONS
# (default 1000000) coupons of an older campaign are generated once with
# the sqlite3 shell under $BENCH_DIR; each run copies that shop, issues
# a campaign to every member (beside its anchor: the same number of rows
# by one INSERT ... SELECT into a plain table in the sqlite3 shell), then
# times single coupons at the counter (the median of RUNS tries, wall
# time of the whole command).
set -eu

: "${MEMBERDESK:=src/memberdesk}"
: "${SQLITE3:=sqlite3}"
members=${BENCH_COUPON_MEMBERS:-100000}
coupons=${BENCH_COUPONS:-1000000}
runs=${BENCH_RUNS:-7}
dir=${BENCH_DIR:-bench-data}
base="$dir/coupons-$members-$coupons.db"
db="$dir/coupons-run.db"
export MEMBERDESK_NOW="2026-11-23 10:00:00"
unset LANGUAGE
export LC_ALL=C.UTF-8 TZ=Asia/Shanghai

now_ms() { echo $(($(date +%s%N) / 1000000)); }

# median_ms CMD...: run CMD $runs times (output discarded), print the median in ms.
median_ms() {
	_i=0
	: >"$dir/.ms"
	while [ "$_i" -lt "$runs" ]; do
		_t0=$(now_ms)
		"$@" >/dev/null
		echo $(($(now_ms) - _t0)) >>"$dir/.ms"
		_i=$((_i + 1))
	done
	sort -n "$dir/.ms" | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

generate() {
	rm -f "$base.tmp"
	"$MEMBERDESK" --db "$base.tmp" settings show >/dev/null	# the schema
	"$SQLITE3" "$base.tmp" >/dev/null <<SQL
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
BEGIN;
WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < $members)
INSERT INTO members(id, card, phone, name, birthday, joined, status, tier_id, tier_since)
SELECT i, 'C' || i, '138' || printf('%08d', i), char(0x5F20 + i % 40) || char(0x4E00 + i % 3000),
       printf('%04d-%02d-%02d', 1960 + i % 45, 1 + i % 12, 1 + i % 28), '2024-01-01',
       'active', (SELECT id FROM tiers WHERE rank = 0), '2024-01-01'
  FROM c;
INSERT INTO campaigns(id, name, kind, value, valid_days, per_member, target, status,
                      created_at, operator)
VALUES (1, '旧券', 'voucher', 500, 30, 100, 'all', 'active', '2026-01-01 09:00:00', 'bench');
WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < $coupons)
INSERT INTO coupons(code, campaign_id, member_id, how, status, issued_at, valid_from,
                    expires, operator)
SELECT printf('Z%09d', i), 1, 1 + i % $members, 'issue',
       CASE WHEN i % 3 = 0 THEN 'expired' ELSE 'issued' END,
       '2026-11-01 09:00:00', '2026-11-01', CASE WHEN i % 3 = 0 THEN '2026-11-10' ELSE '2026-12-01' END,
       'bench'
  FROM c;
INSERT OR REPLACE INTO settings(key, value) VALUES ('maintained_through', '2026-11-22');
COMMIT;
SQL
	mv "$base.tmp" "$base"
}

mkdir -p "$dir"
if [ ! -f "$base" ]; then
	echo "generating $members members and $coupons coupons in $base (once)"
	generate
fi
rm -f "$db" "$db-wal" "$db-shm"
cp "$base" "$db"
md() { "$MEMBERDESK" --db "$db" "$@"; }
md settings set backup_keep 0 >/dev/null	# the daily rules, once; times without backups
md coupon campaign add 满百减二十 --kind cash --value 20 --min 100 --days 30 >/dev/null

_t0=$(now_ms)
md coupon issue 满百减二十 >"$dir/.issued"
issue_ms=$(($(now_ms) - _t0))
printf '%-36s %8s ms  (%s)\n' "coupon issue to every member" "$issue_ms" \
	"$(cat "$dir/.issued")"
# The anchor: the same rows by one INSERT ... SELECT into a plain table
# (no indexes, no codes drawn) in the sqlite3 shell, on the same file.
_t0=$(now_ms)
"$SQLITE3" "$db" "CREATE TABLE bench_plain(code TEXT, campaign_id INTEGER, member_id INTEGER,
	how TEXT, status TEXT, issued_at TEXT, valid_from TEXT, expires TEXT, tier_id INTEGER,
	operator TEXT);
INSERT INTO bench_plain SELECT printf('B%011d', id), 2, id, 'issue', 'issued',
	'2026-11-23 10:00:00', '2026-11-23', '2026-12-22', tier_id, 'bench'
	FROM members WHERE status = 'active';
DROP TABLE bench_plain;"
anchor_ms=$(($(now_ms) - _t0))
printf '%-36s %8s ms  (ratio %s)\n' "anchor: INSERT ... SELECT, plain table" "$anchor_ms" \
	"$(awk -v a="$issue_ms" -v b="$anchor_ms" 'BEGIN { printf "%.1f", (b > 0 ? a / b : 0) }')"
printf '%-36s %8s\n' "coupons in the database" "$("$SQLITE3" "$db" "SELECT count(*) FROM coupons")"

# One coupon at the counter: its check (a dry-run sale with it), the
# sale that redeems it, and a sale without one beside them.
md coupon campaign add 柜台券 --kind voucher --value 5 --days 30 --per-member 100 >/dev/null
member=C$((members / 2))
code=$(md coupon give 柜台券 "$member" | sed -n 's/^Coupon \([^:]*\):.*/\1/p')
printf '%-36s %8s ms\n' "sale add --dry-run --coupon (check)" \
	"$(median_ms md sale add "$member" --amount 200 --coupon "$code" --dry-run)"
printf '%-36s %8s ms\n' "coupon show (the code looked up)" "$(median_ms md coupon show "$code")"
: >"$dir/.codes"
i=0
while [ "$i" -lt "$runs" ]; do
	md coupon give 柜台券 "$member" | sed -n 's/^Coupon \([^:]*\):.*/\1/p' >>"$dir/.codes"
	i=$((i + 1))
done
: >"$dir/.ms"
while read -r c; do
	_t0=$(now_ms)
	md sale add "$member" --amount 200 --coupon "$c" >/dev/null
	echo $(($(now_ms) - _t0)) >>"$dir/.ms"
done <"$dir/.codes"
printf '%-36s %8s ms\n' "sale add --coupon (redeem)" \
	"$(sort -n "$dir/.ms" | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')"
printf '%-36s %8s ms\n' "sale add without a coupon" \
	"$(median_ms md sale add "$member" --amount 200)"
printf '%-36s %8s ms\n' "coupon rules run (none set)" "$(median_ms md coupon rules run)"
printf '%-36s %8s ms\n' "coupon stats (the 100k campaign)" "$(median_ms md coupon stats 满百减二十)"
# The first use of a day with the birthday rule set, beside one without
# it: the days' birthdays get their coupons (the generator gives 4
# December, 7 days after the 27th, 1 member in 84).
export MEMBERDESK_NOW="2026-11-24 10:00:00"
_t0=$(now_ms)
md settings show >/dev/null
printf '%-36s %8s ms\n' "first use of a day, no coupon rule" "$(($(now_ms) - _t0))"
md coupon campaign add 生日券 --kind voucher --value 10 --days 14 >/dev/null
md coupon rules set birthday 生日券 >/dev/null
export MEMBERDESK_NOW="2026-11-27 10:00:00"
_t0=$(now_ms)
md settings show >/dev/null
printf '%-36s %8s ms  (%s birthday coupons)\n' "first use of a day, birthday rule" \
	"$(($(now_ms) - _t0))" "$("$SQLITE3" "$db" "SELECT count(*) FROM coupons WHERE how = 'birthday'")"
rm -f "$db" "$db-wal" "$db-shm" "$dir/.ms" "$dir/.codes" "$dir/.issued"
