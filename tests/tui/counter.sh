#!/bin/sh
# counter.sh - the screens over a day at the counter: a clock that moves
# on, a sale that waits behind an import, a database others can read
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tui/tui.sh"

sees() { tui_wait "$1" && pass "$2" || fail "$2"; }

# until_true CMD...: wait for CMD (a long backstop, for a hung program).
until_true() {
	_i=0
	while ! "$@"; do
		_i=$((_i + 1))
		[ "$_i" -ge 3000 ] && return 1
		sleep 0.1
	done
}

md member add --phone 13800138000 --name 张三 >/dev/null	# 100008

# The screens stay open all day: a sale is recorded at the time it is
# made, not when memberdesk was started.  (Real time: the clock is not
# pinned here, and two seconds must really pass.)
MEMBERDESK_NOW=
started=$(date +%s)
tui_start --db "$DB"
tui_idle
sleep 2
tui_keys F3
sees "Walk-in customer" "a walk-in sale, two seconds after the start"
tui_keys 10 F2
sees "recorded" "is recorded"
sold=$(date -d "$(sql 'SELECT sold_at FROM sales')" +%s)
if [ "$sold" -ge $((started + 2)) ]; then
	pass "at the time it was made"
else
	fail "at the time it was made"
	diag "started $started, sold at $(sql 'SELECT sold_at FROM sales')"
fi
tui_keys Escape F10
tui_wait "[exit 0]" || true
export MEMBERDESK_NOW="2026-11-23 10:00:00"

# A sale behind an import says what it waits for, and goes through.
awk 'BEGIN { print "card,name,phone"; for (i = 1; i <= 20000; i++) printf "%d,会员%d,139%08d\n", 500000 + i, i, i }' >"$T/big.csv"
tui_start --db "$DB"
tui_idle
tui_keys 100008
tui_wait "张三"
tui_keys Enter
tui_wait "F3 Sell"
tui_keys F3
tui_wait "Points to use"
tui_keys 20
tui_idle
"$MEMBERDESK" --db "$DB" import members "$T/big.csv" >/dev/null 2>&1 &
imp=$!
until_true sh -c "test -e '$DB-busy' || ! kill -0 $imp 2>/dev/null"
kill -STOP "$imp"
tui_keys F2
sees "Esc gives up. Waiting for the import of big.csv" "the sale waits behind the import, saying so and how to give up"
kill -CONT "$imp"
wait "$imp"
sees "recorded" "once the import is done, the sale is recorded"
is "$(sql "SELECT count(*) FROM sales WHERE member_id = 1")" "1" "once"
tui_keys Escape F10
tui_wait "[exit 0]" || true

# A database others can read: the warning is on the status line.
chmod 644 "$DB"
tui_start --db "$DB"
sees "other users can read the database" "a database others can read: the status line says so"
like "$(tui_screen)" "chmod 600" "and how to fix it"
tui_keys F10
tui_wait "[exit 0]" || true
chmod 600 "$DB"

done_testing
