#!/bin/sh
# coupon_winback.sh - the win-back rule: members who moved into
# important_winback since the week before, and who became sleeping that week
. "$top_srcdir/tests/lib.sh"

at() { export MEMBERDESK_NOW="$1 10:00:00"; }
coupons_of() {
	sql "SELECT k.how || ':' || coalesce(k.period, '') FROM coupons k JOIN members m
	     ON m.id = k.member_id WHERE m.card = '$1' ORDER BY k.id"
}
segment_of() {
	sql "SELECT s.segment FROM rfm_snapshots s JOIN members m ON m.id = s.member_id
	     WHERE m.card = '$1' AND s.week = '$2'"
}

. "$top_srcdir/tests/cli/winback_shop.inc"

# The first week's snapshot: nothing before it to move from, and nobody
# became sleeping.
at 2025-12-01
run md member list
is "$(segment_of 100008 2025-11-30)" "important_develop" "week 1: A is important develop"
is "$(sql "SELECT count(*) FROM coupons")" "0" "week 1: no win-back coupon"

at 2025-12-02
md sale add 100016 --amount 10 >/dev/null
at 2025-12-03
md sale add 100024 --amount 10 >/dev/null

# The second week's snapshot is taken at the first use of the week after:
# A has moved into important_winback, D became sleeping.
at 2025-12-08
run md member list
is "$(segment_of 100008 2025-12-07)" "important_winback" "week 2: A is important win-back"
is "$(coupons_of 100008)" "winback:2025-12-07" "A gets a win-back coupon, for the week"
is "$(coupons_of 100032)" "winback:2025-12-07" "D, sleeping since Friday, gets one"
is "$(coupons_of 100016)$(coupons_of 100024)" "" "B and C none"
is "$(sql "SELECT json_extract(new, '\$.rule') || ',' || json_extract(new, '\$.name') || ','
	|| json_extract(new, '\$.period') || ',' || json_extract(new, '\$.coupons')
	FROM audit WHERE action = 'coupon.auto'")" "winback,回馈,2025-12-07,2" "one audit row for the run"

# coupon rules run, for cron, looks at the same week: nothing twice.
before=$(dbsum)
run md coupon rules run
exits 0 "coupon rules run"
is "$out" "winback: 0 coupons issued" "run again: nothing more"
is "$(dbsum)" "$before" "and nothing written"

# A week later nobody moves: the daily rules give nothing.
at 2025-12-15
run md member list
is "$(sql "SELECT count(*) FROM coupons")" "2" "week 3: no new win-back coupon"

run md check
exits 0 "the database checks"
done_testing
