#!/bin/sh
# clock.sh - a clock far in the future never stops the daily rules
#
# The daily rules remember the last day done (maintained_through).  A
# pinned clock (MEMBERDESK_NOW) or a PC with a wrong date far ahead once
# stored 9999-12-31 there, and the rules never ran again.
. "$top_srcdir/tests/lib.sh"

done_through() { sql "SELECT value FROM settings WHERE key = 'maintained_through'"; }

md member add --phone 13800138000 --name 张三 --birthday 1990-12-05 >/dev/null
is "$(done_through)" "2026-11-23" "the daily rules ran for the pinned day"

# A pinned clock may not run ahead of the computer's.
rejects 2 "MEMBERDESK_NOW 9999-12-31 00:00:00 is after tomorrow (" \
	"MEMBERDESK_NOW far in the future" env MEMBERDESK_NOW=9999-12-31 "$MEMBERDESK" --db "$DB" member list
like "$err" "a day gone by can be entered after the fact, a day to come cannot" \
     "saying why"
is "$(done_through)" "2026-11-23" "and the daily rules recorded nothing"
tomorrow=$(date -d tomorrow +%Y-%m-%d)
after=$(date -d '2 days' +%Y-%m-%d)
rejects 2 "MEMBERDESK_NOW $after 00:00:00 is after tomorrow ($tomorrow)" \
	"the day after tomorrow" env MEMBERDESK_NOW="$after" "$MEMBERDESK" --db "$DB" member list
run env MEMBERDESK_NOW="$tomorrow 23:59" "$MEMBERDESK" --db "$DB" member list --format csv
exits 0 "tomorrow is allowed (a counter PC a little behind)"

# A day gone by can still be entered after the fact.
run md sale add 100008 --amount 10 --at "2026-11-20 15:00"
exits 0 "a sale of a past day, with --at"
rejects 1 "sale time 2026-11-24 10:00:00 is in the future" "a sale ahead of the clock" \
	md sale add 100008 --amount 10 --at "2026-11-24 10:00"

# A database whose clock was wrong once (an older memberdesk, or a PC
# that thought it was 9999): the next use starts the rules again.
md settings set birthday_points 50 >/dev/null
sql "UPDATE settings SET value = '9999-12-31' WHERE key = 'maintained_through'"
export MEMBERDESK_NOW="2026-12-01 09:00:00"
run md member show 100008 --format csv
exits 0 "a command after a wrong clock"
is "$(done_through)" "2026-12-01" "the daily rules run again and record today"
is "$(sql "SELECT delta || ' ' || reason FROM points_ledger WHERE kind = 'birthday'")" "50 2026" \
   "so the December birthday points arrive"
is "$(sql "SELECT action || ' ' || old || ' ' || new FROM audit WHERE action = 'maint.clock'")" \
   'maint.clock {"maintained_through":"9999-12-31"} {"maintained_through":"2026-12-01"}' \
   "with an audit row saying the clock was wrong"
run md member show 100008 --format csv
is "$(sql "SELECT count(*) FROM audit WHERE action = 'maint.clock'")" "1" "once"

done_testing
