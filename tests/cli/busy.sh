#!/bin/sh
# busy.sh - while another process writes, every command waits its turn
#
# A command that needs the write lock while another process holds it
# waits on the busy timeout and then succeeds; it never says "busy" and
# never mistakes the wait for damage.  SQLite waits only where a
# transaction takes the write lock at its start (BEGIN IMMEDIATE, as
# db_begin does): a write inside a deferred transaction is refused at
# once.  tests/stress/concurrent.sh does the same with real contention.
. "$top_srcdir/tests/lib.sh"

md wallet rules set 100:20 >/dev/null
md member add --phone 13800138000 --name 张三 >/dev/null	# 100008
md member add --phone 13900139000 --name 李四 >/dev/null	# 100016
md sale add 100008 --amount 100 >/dev/null
md wallet recharge 100016 --amount 100 >/dev/null
printf '手机,姓名\n13700137000,王五\n' >"$T/members.csv"

# bg NAME CMD...: CMD in the background, its stdout, stderr and
# status in $T/NAME.{out,err,rc}.
bg() {
	_name=$1
	shift
	( md "$@" >"$T/$_name.out" 2>"$T/$_name.err"; echo $? >"$T/$_name.rc" ) &
}
# result NAME: "STATUS:STDERR", without the line a write that waits a
# while behind long work prints to say what it waits for.
result() { echo "$(cat "$T/$1.rc"):$(grep -v '^memberdesk: waiting for ' "$T/$1.err")"; }

# Another process holds the write lock for two seconds; every kind of
# write starts meanwhile and waits.  Before the fix, check's look at the
# name index (a write, in a savepoint) failed at once with "the name
# search index is damaged: database is locked".
hold_lock "$DB" "BEGIN IMMEDIATE; INSERT INTO settings VALUES ('shop_name', '别人')" 2
bg check check
bg sale sale add 100008 --amount 50
bg void sale void 1 --reason 退货 --forgive-points
bg recharge wallet recharge 100016 --amount 100
bg adjust points adjust 100016 +30 --reason 补录
bg tier tier evaluate
bg import import members "$T/members.csv"
bg setting settings set points_cap 40
bg tag member tag 100016 常客
bg weekly report weekly -o "$T/weekly.txt"
bg list member list
wait
is "$(result check)" "0:memberdesk: everything adds up" "check waits for the writer, then finds nothing wrong"
is "$(result sale)" "0:" "a sale waits"
is "$(result void)" "0:" "a void waits"
is "$(result recharge)" "0:" "a recharge waits"
is "$(result adjust)" "0:" "a points adjustment waits"
is "$(result tier)" "0:0 members moved" "a tier review waits"
is "$(result import)" "0:" "an import waits"
is "$(result setting)" "0:" "a setting waits"
is "$(result tag)" "0:" "a tag waits"
is "$(result weekly)" "0:" "the weekly report (which stores a snapshot) waits"
is "$(result list)" "0:" "a reader does not wait at all"
is "$(sql "SELECT value FROM settings WHERE key = 'shop_name'")" "别人" "the other process's write is kept"
is "$(sql "SELECT count(*) || ' ' || count(voided_at) FROM sales")" "2 1" "and all of ours"
is "$(sql "SELECT count(*) FROM members")" "3" "the imported member too"
run md check
exits 0 "and everything adds up"

# Long work leaves a note beside the database, and a write waiting
# behind it waits as long as the note is there, then gives up at the
# busy timeout.  So the note must go only once the lock is free: it used
# to go just before the commit, and a waiter that had waited past the
# timeout gave up while a big import committed.  Stop the import the
# moment its note goes: its lock must be free then.  (Another process
# has the database open meanwhile, as the waiter would: the last one to
# close it locks it all while it folds the -wal file in.)
awk 'BEGIN { print "card,name,phone"
	     for (i = 1; i <= 5000; i++) printf "%d,会员%d,137%08d\n", 600000 + i, i, i }' >"$T/big.csv"
rm -f "$T/stop" "$T/open"
( printf 'SELECT count(*) FROM settings;\n.system touch %s\n' "$T/open"
  while [ ! -e "$T/stop" ]; do sleep 0.05; done ) | "$SQLITE3" "$DB" >/dev/null &
i=0
while [ ! -e "$T/open" ] && [ "$i" -lt 600 ]; do sleep 0.05; i=$((i + 1)); done
"$MEMBERDESK" --db "$DB" import members "$T/big.csv" >/dev/null 2>&1 &
imp=$!
i=0
while [ ! -e "$DB-busy" ] && kill -0 "$imp" 2>/dev/null && [ "$i" -lt 6000 ]; do
	sleep 0.01
	i=$((i + 1))
done
while [ -e "$DB-busy" ] && kill -0 "$imp" 2>/dev/null; do :; done
kill -STOP "$imp" 2>/dev/null
run "$SQLITE3" "$DB" "BEGIN IMMEDIATE; ROLLBACK;"
kill -CONT "$imp" 2>/dev/null
wait "$imp"
is "$?:$rc:$err" "0:0:" "once an import's note is gone, its lock is free"
touch "$T/stop"
wait

# A reader holding a snapshot does not hold up writers (WAL).
hold_lock "$DB" "BEGIN; SELECT count(*) FROM members" 2
run md sale add 100016 --amount 20 --pay wallet
exits 0 "a sale while another process reads"
run md check
exits 0 "check while another process reads"
wait

done_testing
