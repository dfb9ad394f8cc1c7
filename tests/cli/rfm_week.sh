#!/bin/sh
# rfm_week.sh - the weekly snapshot after the first command of a week,
# written in short transactions: a week cut short is never read, is
# written again by the next taker, and its win-back coupons come once
. "$top_srcdir/tests/lib.sh"

at() { export MEMBERDESK_NOW="$1 10:00:00"; }
weeks() { sql "SELECT week || ':' || scored || ':' || no_purchase || ':' || coalesce(writer, '-') FROM rfm_weeks ORDER BY week"; }
rows() { sql "SELECT week, member_id, segment, recency, frequency, monetary, r, f, m FROM rfm_snapshots ORDER BY week, member_id"; }
coupons() { sql "SELECT m.card || ':' || k.period FROM coupons k JOIN members m ON m.id = k.member_id ORDER BY k.id"; }
segment_of() {	# the segment column of member show's csv
	printf '%s\n' "$1" | awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "segment") c = i } NR == 2 { print $c }'
}

. "$top_srcdir/tests/cli/winback_shop.inc"

# The first command of a week answers first, then stores the week.
at 2025-12-01
run md settings show
exits 0 "the first command of a week"
is "$(weeks)" "2025-11-23:3:0:-
2025-11-30:4:0:-" "once it is done, the week before is stored, complete"
at 2025-12-02
md sale add 100016 --amount 10 >/dev/null
at 2025-12-03
md sale add 100024 --amount 10 >/dev/null
at 2025-12-08
md settings show >/dev/null
is "$(coupons)" "100008:2025-12-07
100032:2025-12-07" "the second week's win-back coupons, with its snapshot"
whole=$(rows)
before=$(weeks)

# A writer that died half-way (its process is gone): its week stays
# unread.  Reading only, member show finds the week before.
dead=$(sh -c 'echo $$')
half() {
	sql "UPDATE rfm_weeks SET writer = '$dead 0123456789abcdef' WHERE week = '2025-12-07';
	     DELETE FROM rfm_snapshots WHERE week = '2025-12-07' AND member_id > $1;
	     UPDATE rfm_snapshots SET segment = 'general_keep' WHERE week = '2025-12-07';
	     UPDATE settings SET value = '2025-12-07' WHERE key = 'rfm_week_due'"
}
half 1
cp "$DB" "$T/ro.db"
chmod 444 "$T/ro.db"
run as_user "$MEMBERDESK" --db "$T/ro.db" member show 100008 --format csv
if [ "$rc" = 99 ]; then
	pass "# SKIP cannot drop root privileges here"
else
	exits 0 "a half-written week, read only: member show"
	is "$(segment_of "$out")" "important_develop" "has the last complete week's segment"
	run as_user "$MEMBERDESK" --db "$T/ro.db" member show 100008
	like "$out" "(the week to 2025-11-30)" "and says which week"
fi

# The next command takes it over: the rows as a whole writing gave,
# and no coupon twice.
is "$(sql "SELECT value FROM settings WHERE key = 'rfm_week_due'")" "2025-12-07" \
   "the week is still due"
run md member show 100008 --format csv
exits 0 "member show takes the half-written week over"
is "$(segment_of "$out")" "important_winback" "and shows its segment"
is "$(weeks)" "$before" "the week complete again"
is "$(rows)" "$whole" "with the rows one whole writing gave"
is "$(coupons)" "100008:2025-12-07
100032:2025-12-07" "and each win-back coupon once"
is "$(sql "SELECT count(*) FROM audit WHERE action = 'coupon.auto'")" "1" "one coupon.auto audit row"

# The same after any command, and for report weekly.
half 2
run md settings show
exits 0 "any command"
is "$(weeks)" "$before" "completes it after its answer"
is "$(rows)" "$whole" "the same rows"
half 3
run md report weekly --week-ending 2025-12-07 --format csv
exits 0 "report weekly on a half-written week"
like "$out" "important_winback" "reports it once written again"
is "$(rows)" "$whole" "the same rows"
is "$(coupons)" "100008:2025-12-07
100032:2025-12-07" "still each coupon once"

# A week before the last: report weekly stores it, and gives no
# win-back coupon for it (only the last week's are the daily rules').
sql "DELETE FROM rfm_snapshots WHERE week = '2025-11-30'; DELETE FROM rfm_weeks WHERE week = '2025-11-30'"
run md report weekly --week-ending 2025-11-30 --format csv
exits 0 "report weekly on an older week, missing"
is "$(weeks)" "$before" "stores it as it was"
is "$(rows)" "$whole" "with the same rows"
is "$(sql "SELECT count(*) FROM coupons")" "2" "and no coupon for it"

is "$(sql "SELECT value FROM settings WHERE key = 'rfm_week_due'")" "" "and none is due"

# A half-written week that is not due (a report weekly cut short) is
# not read, and not taken by the commands that only read the week.
sql "UPDATE rfm_weeks SET writer = '$dead 0123456789abcdef' WHERE week = '2025-12-07'"
run md member show 100008 --format csv
is "$(segment_of "$out")" "important_develop" "member show reads the last complete week"
run md report weekly --week-ending 2025-12-07 --format csv
is "$(weeks)" "$before" "report weekly writes it again"
is "$(rows)" "$whole" "with the same rows"

run md check
exits 0 "the database checks"
done_testing
