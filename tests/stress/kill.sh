#!/bin/sh
# kill.sh - kill -9 in the middle of a long write: all or nothing
#
# An import of members, an import of sales, a tier review and a coupon
# issue, each on a shop large enough that it runs for seconds, are killed with SIGKILL at
# several points of real progress (the import's progress line on stderr,
# the review's list on stdout, the -wal file growing as the pages are
# written).  After each kill check passes and the database dumps exactly
# as it did before the command; then the whole command succeeds.
# STRESS_MEMBERS and STRESS_SALES size the shop.
. "$top_srcdir/tests/lib.sh"

# Large enough that each command runs for seconds, so that its first
# progress line (once a second) comes well before its commit: 20000
# members were imported in about a second once imports grew faster.
members=${STRESS_MEMBERS:-60000}
sales=${STRESS_SALES:-200000}

# The files, generated the same way every time.  Members with points and
# stored value; tickets for them over ten months.
awk -v n="$members" 'BEGIN {
	print "卡号,姓名,手机,生日,开卡日期,积分,余额"
	for (i = 0; i < n; i++)
		printf "%d,会员%d,139%08d,19%02d-%02d-%02d,2024-01-%02d,%d,%d.%02d\n",
			200000 + i, i, i, 50 + i % 50, 1 + i % 12, 1 + i % 28,
			1 + i % 28, i % 1000, i % 500, i % 100
}' >"$T/members.csv"
awk -v n="$sales" -v m="$members" 'BEGIN {
	print "小票号,卡号,消费时间,实收,品类"
	for (i = 0; i < n; i++)
		printf "S%d,%d,2026-%02d-%02d %02d:00:00,%d.%02d,茶\n", i,
			200000 + (i * 7) % m, 1 + i % 10, 1 + i % 28, 9 + i % 12,
			10 + (i * 37) % 300, i % 100
}' >"$T/sales.csv"

# start CMD...: memberdesk on $DB in the background: stdout and stderr
# in $T/bg.out and bg.err, its status in bg.rc once it ends.
start() {
	rm -f "$T/bg.pid" "$T/bg.rc"
	( sh -c 'echo $$ >"$0"; exec "$@"' "$T/bg.pid" "$MEMBERDESK" --db "$DB" "$@" \
		>"$T/bg.out" 2>"$T/bg.err"
	  echo $? >"$T/bg.rc" ) 2>/dev/null &
	while [ ! -s "$T/bg.pid" ] && [ ! -e "$T/bg.rc" ]; do sleep 0.01; done
	bgpid=$(cat "$T/bg.pid")
}

# kill_when TEST: poll TEST (a shell command) while the command runs and
# kill -9 it the moment TEST holds.  True when the kill stopped it, false
# when it ended first.  After ten minutes without TEST it is killed too.
kill_when() {
	_n=0
	while [ ! -e "$T/bg.rc" ] && [ "$_n" -lt 60000 ] && ! eval "$1"; do
		_n=$((_n + 1))
		sleep 0.01
	done
	[ -e "$T/bg.rc" ] || kill -9 "$bgpid" 2>/dev/null
	wait
	[ "$(cat "$T/bg.rc")" = 137 ]
}

# The signs of progress.
progress_lines() { grep -c ': reading, ' "$T/bg.err"; }
read_percent() {	# the last progress line's percentage
	sed -n 's/.*: reading, \([0-9]*\)%.*/\1/p' "$T/bg.err" | tail -n 1
}
wal_bytes() { if [ -f "$DB-wal" ]; then wc -c <"$DB-wal"; else echo 0; fi; }

# round WHEN DESC BEFORE TEST CMD...: run CMD, kill it when TEST holds,
# then check and compare with BEFORE (a dbsum).  WHEN is "mid" for a
# point well before the commit, where the kill must find the command
# still running, "later" for a point a fast machine may not show before
# the command ends, or "commit" for the last pages being written: that kill
# may come just after the commit, or the command may end first, and the
# database must then hold all of it, which whole() checks.
round() {
	_when=$1 _desc=$2 _before=$3 _test=$4
	shift 4
	start "$@"
	if kill_when "$_test"; then
		_killed=yes
	else
		_killed=no
		diag "$_desc: $1 $2 ended before the kill: $(tail -n 3 "$T/bg.err")"
	fi
	case $_when:$_killed in
	commit:*) ;;
	# A later point of progress (the import half read, by its progress
	# line once a second) a fast machine may never show: the command
	# was over by then.  Then there was nothing to kill.
	later:no) pass "# SKIP $_desc: the command ended before it showed that point" ;;
	*) is "$_killed" yes "$_desc: killed while it ran" ;;
	esac
	run md check
	exits 0 "$_desc: check passes"
	_sum=$(dbsum)
	if [ "$_sum" = "$_before" ]; then
		pass "$_desc: nothing of it is in the database"
	elif [ "$_when" = commit ] || { [ "$_when" = later ] && [ "$_killed" = no ]; }; then
		echo "$_sum" >>"$T/whole"
		pass "$_desc: all of it is in (it committed before the kill)"
		cp "$T/before.db" "$DB" && rm -f "$DB-wal" "$DB-shm"
	else
		fail "$_desc: nothing of it is in the database"
		cp "$T/before.db" "$DB" && rm -f "$DB-wal" "$DB-shm"
	fi
}

# whole DESC: the database after the complete command is what any round
# that got all of it had.
whole() {
	if [ -s "$T/whole" ]; then
		is "$(sort -u "$T/whole")" "$(dbsum)" "$1: a round killed after its commit had all of it"
	fi
	rm -f "$T/whole"
}

snapshot() {	# the database as it is now, closed (no -wal), for round()
	rm -f "$T/before.db"
	cp "$DB" "$T/before.db"
	[ ! -e "$DB-wal" ] || { fail "a -wal file was left behind"; rm -f "$DB-wal"; }
}

# --- Importing members ---------------------------------------------------
# No daily backups: a round that committed before its kill is undone by
# copying the file back, which a backup of the committed shop would (as
# it should) call rows cut from the audit log's end.
md settings set backup_keep 0 >/dev/null
md member list >/dev/null
snapshot
before=$(dbsum)
round mid "members import, at its first progress line" "$before" \
	'[ "$(progress_lines)" -ge 1 ]' import members "$T/members.csv"
round later "members import, half read" "$before" \
	'[ "$(read_percent)" -ge 50 ] 2>/dev/null' import members "$T/members.csv"
round commit "members import, as it commits" "$before" \
	'[ "$(wal_bytes)" -gt 65536 ]' import members "$T/members.csv"
run md import members "$T/members.csv"
exits 0 "then the members import succeeds"
like "$out" "$members members added" "with every member"
whole "members import"
run md check
exits 0 "and check passes"

# --- Importing sales -----------------------------------------------------
snapshot
before=$(dbsum)
round mid "sales import, at its first progress line" "$before" \
	'[ "$(progress_lines)" -ge 1 ]' import sales "$T/sales.csv"
round later "sales import, half read" "$before" \
	'[ "$(read_percent)" -ge 50 ] 2>/dev/null' import sales "$T/sales.csv"
round commit "sales import, as it commits" "$before" \
	'[ "$(wal_bytes)" -gt 65536 ]' import sales "$T/sales.csv"
run md import sales "$T/sales.csv"
exits 0 "then the sales import succeeds"
like "$out" "$sales sales added" "with every sale"
whole "sales import"
run md check
exits 0 "and check passes"

# --- A tier review -------------------------------------------------------
# Lower the bars so that nearly everyone moves up at the next review.
md tier edit 银卡 --min-spend 100 >/dev/null
md tier edit 金卡 --min-spend 1000 >/dev/null
run md tier evaluate --dry-run --format csv
moves=$(printf '%s\n' "$out" | sed 1d | grep -c '')
[ "$moves" -ge $((members * 9 / 10)) ] && pass "the review would move $moves members" ||
	fail "the review would move only $moves members"
snapshot
before=$(dbsum)
round mid "tier review, as it lists who moves" "$before" \
	'[ -s "$T/bg.out" ]' tier evaluate --format csv
round mid "tier review, writing" "$before" \
	'[ "$(wal_bytes)" -gt 262144 ]' tier evaluate --format csv
round commit "tier review, late in writing" "$before" \
	'[ "$(wal_bytes)" -gt 1048576 ]' tier evaluate --format csv
run md tier evaluate --format csv
exits 0 "then the tier review succeeds"
is "$(printf '%s\n' "$out" | sed 1d | grep -c '')" "$moves" "moving everyone the dry run said"
whole "tier review"
run md check
exits 0 "and check passes"

# --- A campaign issue ----------------------------------------------------
# Coupons to every member, killed as its pages are written: no coupon may
# exist afterwards, or all of them.  The codes are drawn at random, so a
# round that got all of it is not compared with the last issue's.  The
# week's segments (each coupon keeps its member's) are stored first, so
# that the issue's own writes are all the kill can cut.
md coupon campaign add 全员券 --kind voucher --value 5 --days 30 >/dev/null
md report weekly >/dev/null
snapshot
before=$(dbsum)
round commit "campaign issue, as its pages are written" "$before" \
	'[ "$(wal_bytes)" -gt 65536 ]' coupon issue 全员券
round commit "campaign issue, late in writing" "$before" \
	'[ "$(wal_bytes)" -gt 1048576 ]' coupon issue 全员券
# Its pages stay in its cache until the commit: a kill a moment in, by
# the clock, finds it still drawing codes on a machine of any speed.
round commit "campaign issue, a moment in" "$before" \
	'[ "$_n" -ge 20 ]' coupon issue 全员券
rm -f "$T/whole"
run md coupon issue 全员券
exits 0 "then the campaign issue succeeds"
is "$(sql "SELECT count(*) FROM coupons")" "$(sql "SELECT count(*) FROM members WHERE status = 'active'")" \
	"one coupon to each active member"
run md check
exits 0 "and check passes"

done_testing
