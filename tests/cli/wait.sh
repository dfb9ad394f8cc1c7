#!/bin/sh
# wait.sh - the counter waits behind an import as long as it takes
#
# A 200k-row import held the write lock ~16 s, and a sale at the counter
# failed after its 10 s busy timeout.  Long work (an import, the daily
# rules, a tier review) leaves a note beside the database; a write that
# waits behind it waits until it is done, saying for what.
. "$top_srcdir/tests/lib.sh"

# until_true CMD...: wait for CMD to succeed (a long backstop only for a
# hung program: never a guess of how long things take).
until_true() {
	_i=0
	while ! "$@"; do
		_i=$((_i + 1))
		[ "$_i" -ge 3000 ] && return 1
		sleep 0.1
	done
}
# told_or_gone FILE PID: FILE says "waiting for", or PID has ended.
told_or_gone() { grep -q "waiting for" "$1" 2>/dev/null || ! kill -0 "$2" 2>/dev/null; }

md member add --phone 13800138000 --name 张三 >/dev/null	# 100008
awk 'BEGIN { print "card,name,phone"; for (i = 1; i <= 20000; i++) printf "%d,会员%d,139%08d\n", 500000 + i, i, i }' >"$T/big.csv"

"$MEMBERDESK" --db "$DB" import members "$T/big.csv" >"$T/import.out" 2>"$T/import.err" &
imp=$!
until_true sh -c "test -e '$DB-busy' || ! kill -0 $imp 2>/dev/null"
is "$(cut -f2,4,5 "$DB-busy")" "0	$(id -un)	big.csv" "the import leaves a note: what, by whom, which file"
kill -STOP "$imp"	# the import holds the lock, and holds on

"$MEMBERDESK" --db "$DB" sale add 100008 --amount 10 >"$T/sale.out" 2>"$T/sale.err" &
sale=$!
until_true told_or_gone "$T/sale.err" "$sale"
like "$(cat "$T/sale.err")" "memberdesk: waiting for the import of big.csv ($(id -un), since 10:00:00) to finish; this goes on by itself then (Ctrl-C gives up)" \
     "a sale behind it says what it waits for"
# Past the 10 s busy timeout: it still waits.
sleep 11
if kill -0 "$sale" 2>/dev/null; then pass "and is still waiting after 11 s"; else fail "the sale gave up"; fi
kill -CONT "$imp"
wait "$imp"
is "$?" 0 "the import finishes"
wait "$sale"
is "$?" 0 "then the sale goes through"
is "$(grep -c . "$T/sale.err")" "1" "saying so only once"
is "$(sql "SELECT count(*) FROM sales")" "1" "the sale is recorded"
is "$(sql "SELECT count(*) FROM members")" "20001" "and so are the imported members"
if [ -e "$DB-busy" ]; then fail "the note is left behind"; else pass "and the note is gone"; fi
run md check
exits 0 "everything adds up"

# A note whose process is gone (an import killed with kill -9) is not
# waited for.
printf '999999\t0\t10:00:00\tsomeone\told.csv\n' >"$DB-busy"
hold_lock "$DB" "BEGIN IMMEDIATE; INSERT INTO settings VALUES ('x', 'y')" 12
run md sale add 100008 --amount 10
exits 1 "behind a lock of unknown work, the busy timeout still ends the wait"
like "$err" "the database is busy" "as busy"
like "$err" "waiting for another memberdesk to finish writing" "having said it was waiting"
wait

done_testing
