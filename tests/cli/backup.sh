#!/bin/sh
# backup.sh - verified backups while the shop sells, the daily backup,
# pruning, full disks, and restore with its refusals
. "$top_srcdir/tests/lib.sh"

at() { export MEMBERDESK_NOW="$1"; }
B="$T/backups"
# on FILE QUERY: ask another database file.
on() { "$SQLITE3" -batch -noheader "$1" "$2"; }
# checked FILE: "memberdesk check" on a copy of FILE (check opens it for
# writing, and a backup should stay as it was written).
checked() {
	rm -rf "$T/probe"
	mkdir "$T/probe" && cp "$1" "$T/probe/probe.db" &&
		"$MEMBERDESK" --db "$T/probe/probe.db" check 2>&1
}
# new_in DIR BEFORE: the name in DIR that was not in the listing BEFORE.
new_in() { ls "$1" | grep -v -x -F -e "$2"; }
# Everything but the audit rows, which a restore adds to.
content() { "$SQLITE3" "$1" .dump | grep -v '^INSERT INTO audit' | cksum; }

# Whatever the umask, what holds phone numbers is private.
umask 000

# --- The daily backup -------------------------------------------------
at "2026-11-03 10:00:00"
run md member list
exits 0 "a new shop opens"
if [ -e "$B" ]; then fail "an empty new shop gets a backup"; else pass "an empty new shop gets no backup"; fi

run md member add --phone 13800138000 --name 张三
is "$out" "100008" "the first use of the day does its work"
is "$(ls "$B" 2>&1)" "shop-2026-11-03-100000.db" "and leaves a dated backup in backups/"
is "$(on "$B/shop-2026-11-03-100000.db" 'SELECT name FROM members')" "张三" \
   "taken after the command's work"
is "$(stat -c %a "$B")" "700" "the folder is 0700 under umask 000"
is "$(stat -c %a "$B/shop-2026-11-03-100000.db")" "600" "the backup 0600"
is "$(on "$B/shop-2026-11-03-100000.db" 'PRAGMA journal_mode')" "delete" \
   "one self-contained file (no -wal needed)"
is "$(checked "$B/shop-2026-11-03-100000.db")" "memberdesk: everything adds up" \
   "and memberdesk check passes on it"

at "2026-11-03 18:00:00"
md member add --phone 13900139000 --name 李四 >/dev/null
md sale add 100008 --amount 100 >/dev/null
is "$(ls "$B")" "shop-2026-11-03-100000.db" "once a day: later commands add none"
at "2026-11-04 09:00:00"
run md member show 100008 --format csv
like "$out" "张三" "the next day's first command"
is "$(ls "$B" | tr '\n' ' ')" "shop-2026-11-03-100000.db shop-2026-11-04-090000.db " \
   "makes the next day's backup"
is "$(on "$B/shop-2026-11-04-090000.db" 'SELECT count(*) FROM sales')" "1" \
   "with yesterday's sale"

# Leftovers of a backup that was killed half-way go; nothing else does.
touch "$B/.shop-tmp-a1b2c3" "$B/.shop-tmp-a1b2c3-journal" "$B/.other-tmp-a1b2c3" \
      "$B/notes.txt" "$B/other-2026-01-01-000000.db"
at "2026-11-05 09:00:00"
md member list >/dev/null
is "$(ls -A "$B" | tr '\n' ' ')" \
   ".other-tmp-a1b2c3 notes.txt other-2026-01-01-000000.db shop-2026-11-03-100000.db shop-2026-11-04-090000.db shop-2026-11-05-090000.db " \
   "a killed backup's temporary files are swept, other files stay"

# A failed daily backup does not fail the command: a note on stderr,
# after the command's output.
mv "$B" "$T/saved"
echo "not a folder" >"$B"
at "2026-11-06 09:00:00"
out=$(md member list --format csv 2>&1)
is "$?" "0" "a failed daily backup: the command still succeeds"
is "$(printf '%s\n' "$out" | head -n 1)" "card,phone,name,gender,birthday,joined,tier,points,wallet,status,tags" \
   "its output comes first"
is "$(printf '%s\n' "$out" | tail -n 1)" \
   "memberdesk: the daily backup failed: cannot write backups to $T/backups: it is not a folder" \
   "then the note, which says what to fix"
rm "$B"
mv "$T/saved" "$B"

# A dated backup opened to look at an old day grows no backups of its own.
mkdir "$T/old"
cp "$B/shop-2026-11-03-100000.db" "$T/old/"
"$MEMBERDESK" --db "$T/old/shop-2026-11-03-100000.db" member list >/dev/null
if [ -e "$T/old/backups" ]; then fail "a backup being looked at is backed up"; else pass "a backup being looked at is not backed up"; fi
cp "$T/old/shop-2026-11-03-100000.db" "$T/old/shop.db"
"$MEMBERDESK" --db "$T/old/shop.db" member list >/dev/null
is "$(ls "$T/old/backups")" "shop-2026-11-06-090000.db" "a copy under a name of its own is"

# --- backup [FILE] and pruning ----------------------------------------
md settings set backup_keep 3
for d in 07 08 09; do
	at "2026-11-$d 09:00:00"
	run md backup
done
is "$out" "$B/shop-2026-11-09-090000.db" "backup prints the backup's name"
like "$err" "removed 1 older backup (backup_keep is 3)" "and says when it removed older ones"
is "$(ls "$B" | tr '\n' ' ')" \
   "notes.txt other-2026-01-01-000000.db shop-2026-11-07-090000.db shop-2026-11-08-090000.db shop-2026-11-09-090000.db " \
   "pruned to the newest 3 dated backups, by time; other files untouched"
run md backup
is "$out" "$B/shop-2026-11-09-090000-2.db" "a second one in the same second is numbered"
run md backup "$B/before-the-move.db"
is "$out" "$B/before-the-move.db" "backup FILE writes FILE"
run md backup "$T"
is "$out" "$T/shop-2026-11-09-090000.db" "backup FOLDER writes a dated file there"
at "2026-11-10 09:00:00"
md backup >/dev/null 2>&1
is "$(ls "$B" | tr '\n' ' ')" \
   "before-the-move.db notes.txt other-2026-01-01-000000.db shop-2026-11-09-090000-2.db shop-2026-11-09-090000.db shop-2026-11-10-090000.db " \
   "a FILE the user named is never pruned"
is "$(stat -c %a "$T/shop-2026-11-09-090000.db")" "600" "a named backup is 0600 too"
md settings set backup_keep 0
at "2026-11-11 09:00:00"
md member list >/dev/null
is "$(ls "$B" | grep -c 2026-11-11)" "0" "backup_keep 0: no daily backup"
md backup >/dev/null
is "$(ls "$B" | grep -c '^shop-')" "4" "and nothing is pruned"
md settings set backup_keep 14

rejects 2 "give at most one FILE" "backup with two files" md backup a b
rejects 1 "cannot back up to /dev/full: it is not a regular file" "backup to a device" \
	md backup /dev/full
rejects 1 "cannot back up to $DB: it is the database itself" "backup over the database" \
	md backup "$DB"
rejects 1 "cannot write backups to $T/nowhere: No such file or directory" \
	"backup into a missing folder" md backup "$T/nowhere/x.db"

# --- While the shop sells ---------------------------------------------
# A counter writing (the write lock held, a sale half done): the daily
# backup neither waits nor fails, and holds what was committed.
committed=$(sql 'SELECT count(*) FROM sales')
rm "$B/shop-2026-11-11-090000.db"	# today's, done: the next command does it again
hold_lock "$DB" "BEGIN IMMEDIATE; INSERT OR REPLACE INTO settings VALUES ('shop_name', 'half done')" 3
run md member list --format csv
exits 0 "a command while another process holds the write lock"
is "$(on "$B/shop-2026-11-11-090000.db" 'SELECT count(*) FROM sales')" "$committed" \
   "its daily backup, taken meanwhile, holds every committed sale"
is "$(on "$B/shop-2026-11-11-090000.db" "SELECT count(*) FROM settings WHERE key = 'shop_name'")" "0" \
   "and nothing uncommitted"
wait
# "backup" writes an audit row first, as an export does: it waits for
# the writer's commit, and then holds that too.
hold_lock "$DB" "BEGIN IMMEDIATE; INSERT OR REPLACE INTO settings VALUES ('shop_name', 'committed')" 2
run md backup "$T/locked.db"
exits 0 "backup while another process holds the write lock"
wait
is "$(on "$T/locked.db" 'SELECT count(*) FROM sales')" "$committed" "holds every committed sale"
is "$(on "$T/locked.db" "SELECT value FROM settings WHERE key = 'shop_name'")" "committed" \
   "and the writer's commit it waited for"
is "$(on "$T/locked.db" "SELECT action || ' ' || json_extract(new, '\$.to') FROM audit ORDER BY id DESC LIMIT 1")" \
   "database.backup $T/locked.db" "and the audit row of the backup itself"

# Sales going on in other processes while backups are taken.
: >"$T/sold"
( i=0; while [ $i -lt 60 ]; do
	md sale add 100016 --amount 10 >/dev/null 2>>"$T/sell.err" && echo sold >>"$T/sold"
	i=$((i + 1))
done ) &
seller=$!
bad=
n=0
while [ $n -lt 5 ]; do
	before=$(($(wc -l <"$T/sold") + committed))	# committed, at the least
	run md backup "$T/during$n.db"
	[ "$rc" -eq 0 ] || bad="$bad backup $n failed: $err;"
	got=$(on "$T/during$n.db" 'SELECT count(*) FROM sales')
	[ "${got:-0}" -ge "$before" ] || bad="$bad backup $n has $got of $before sales;"
	[ "$(on "$T/during$n.db" 'SELECT max(id) = count(*) FROM sales')" = 1 ] ||
		bad="$bad backup $n is not a prefix of the sales;"
	[ "$(checked "$T/during$n.db")" = "memberdesk: everything adds up" ] ||
		bad="$bad backup $n fails check;"
	n=$((n + 1))
done
wait $seller
is "$bad" "" "5 backups during 60 sales: each succeeds, holds every sale committed before it and passes check"
is "$(cat "$T/sell.err")" "" "and the sales never failed"

# An unclean exit: a process dies holding the database open, so the
# sales made meanwhile are still only in the -wal file.
total=$(($(sql 'SELECT count(*) FROM sales') + 21))
mkfifo "$T/fifo"
"$SQLITE3" "$DB" <"$T/fifo" >/dev/null 2>&1 &
holder=$!
exec 3>"$T/fifo"
printf 'BEGIN; SELECT count(*) FROM sales;\n.system touch %s\n' "$T/reading" >&3
i=0
while [ ! -e "$T/reading" ] && [ $i -lt 600 ]; do sleep 0.05; i=$((i + 1)); done
i=0
while [ $i -lt 21 ]; do md sale add 100008 --amount 5 >/dev/null; i=$((i + 1)); done
kill -9 $holder
wait $holder 2>/dev/null
exec 3>&-
cp "$DB" "$T/copied.db"
copied=$(on "$T/copied.db" 'SELECT count(*) FROM sales')
if [ "$copied" -lt "$total" ]; then
	pass "after a kill -9, a cp of the database misses sales ($copied of $total)"
else
	fail "after a kill -9, a cp of the database misses sales ($copied of $total)"
fi
run md backup "$T/after-crash.db"
exits 0 "a backup after the unclean exit"
is "$(on "$T/after-crash.db" 'SELECT count(*) FROM sales')" "$total" "has every committed sale"
is "$(checked "$T/after-crash.db")" "memberdesk: everything adds up" "and passes check"

# --- Full disks --------------------------------------------------------
# A file size limit (as any user): the write fails half-way.
# (SQLite's -wal and -shm files may stay: the same limit stops the
# checkpoint at exit, and the next open takes it up.)
files() { ls -A "$T" | grep -v -e '^shop\.db-wal$' -e '^shop\.db-shm$'; }
before=$(files)
run sh -c 'trap "" XFSZ; ulimit -f 100; exec "$0" --db "$1" backup "$2"' \
	"$MEMBERDESK" "$DB" "$T/limited.db"
exits 1 "a backup that cannot be written whole"
like "$err" "cannot write $T/limited.db: File too large" "says why"
is "$(files)" "$before" "and leaves no file behind"

# A really full disk (a small tmpfs; root only).
S="$T/small"
mkdir "$S"
if [ "$(id -u)" = 0 ] && mount -t tmpfs -o size=1m tmpfs "$S" 2>/dev/null; then
	cp "$T/after-crash.db" "$S/shop.db"
	"$MEMBERDESK" --db "$S/shop.db" member list >/dev/null	# today's backup, while it fits
	# Room for the day's own writes, not for another copy.
	avail=$(($(stat -f -c %a "$S") * $(stat -f -c %S "$S")))
	head -c $((avail - $(stat -c %s "$S/shop.db") / 2)) /dev/zero >"$S/filler" 2>/dev/null
	run "$MEMBERDESK" --db "$S/shop.db" backup
	exits 1 "a backup to a full disk"
	is "$err" "memberdesk: cannot write $S/backups: the disk is full" "says so"
	is "$(ls -A "$S/backups")" "shop-2026-11-11-090000.db" "and leaves no partial file"
	at "2026-11-12 09:00:00"
	run "$MEMBERDESK" --db "$S/shop.db" member show 100008 --format csv
	exits 0 "a command while the disk is full"
	like "$out" "张三" "does its work"
	is "$err" "memberdesk: the daily backup failed: cannot write $S/backups: the disk is full" \
	   "and notes that the daily backup failed"
	is "$(ls -A "$S/backups")" "shop-2026-11-11-090000.db" "leaving no partial file either"
	umount "$S"
	at "2026-11-11 09:00:00"
else
	pass "# SKIP a full tmpfs needs root and mount"
fi

# --- The backups folder belongs to someone else ------------------------
as_user() { "$@"; }
if [ "$(id -u)" = 0 ]; then
	if command -v setpriv >/dev/null 2>&1; then
		as_user() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
	else
		as_user() { return 99; }
	fi
fi
U="$T/user"
mkdir "$U" "$U/backups"
chmod 755 "$T"
chmod 555 "$U/backups"
cp "$T/after-crash.db" "$U/shop.db"
[ "$(id -u)" = 0 ] && chown 65534:65534 "$U" "$U/shop.db"
run as_user "$MEMBERDESK" --db "$U/shop.db" member show 100008 --format csv
if [ "$rc" = 99 ]; then
	pass "# SKIP cannot drop root privileges here"
else
	exits 0 "a backups folder we may not write: the command succeeds"
	like "$out" "张三" "with its output"
	is "$err" "memberdesk: the daily backup failed: cannot write backups to $U/backups: Permission denied" \
	   "and a note on what to fix"
	is "$(ls -A "$U/backups")" "" "nothing written"
fi
chmod 755 "$U/backups"

# --- Restore ------------------------------------------------------------
at "2026-11-13 09:00:00"
md backup "$T/good.db" >/dev/null
good_members=$(sql 'SELECT count(*) FROM members')
good_sales=$(sql 'SELECT count(*) FROM sales')
md member add --phone 13700137000 --name 王五 >/dev/null
md sale add 100024 --amount 50 >/dev/null
listed=$(ls "$B")
run md restore "$T/good.db"
exits 0 "restore a good backup"
kept=$(new_in "$B" "$listed")
is "$out" "Restored $T/good.db.
The database it replaced is kept in $B/$kept." "says so, and where the replaced database is"
is "$(content "$DB")" "$(content "$T/good.db")" "the database holds the backup's content"
is "$(sql "SELECT action || ' ' || json_extract(new, '$.file') FROM audit ORDER BY id DESC LIMIT 1")" \
   "database.restore $T/good.db" "with an audit row of the restore"
is "$(on "$B/$kept" "SELECT count(*) FROM members WHERE name = '王五'")" "1" \
   "the replaced database is kept, with what came after the backup"
run md check
exits 0 "check passes on the restored database"

# Restore while another process has the database open: it sees the
# restored shop from its next statement on.
md member add --phone 13700137000 --name 王五 >/dev/null
"$SQLITE3" "$DB" <"$T/fifo" >"$T/holder.out" 2>&1 &
holder=$!
exec 3>"$T/fifo"
rm -f "$T/reading"
printf "SELECT count(*) FROM members;\n.system touch %s\n" "$T/reading" >&3
i=0
while [ ! -e "$T/reading" ] && [ $i -lt 600 ]; do sleep 0.05; i=$((i + 1)); done
run md restore "$T/good.db"
exits 0 "restore while another process has the database open"
printf "SELECT count(*) FROM members;\n" >&3
exec 3>&-
wait $holder
is "$(cat "$T/holder.out" | tr '\n' ' ')" "$((good_members + 1)) $good_members " \
   "that process sees the restored members at once"

# ... and while another process writes: restore waits for its commit.
md member add --phone 13700137000 --name 王五 >/dev/null
listed=$(ls "$B")
hold_lock "$DB" "BEGIN IMMEDIATE; INSERT OR REPLACE INTO settings VALUES ('shop_name', 'in a hurry')" 2
run md restore "$T/good.db"
exits 0 "restore while another process holds the write lock"
wait
is "$(sql 'SELECT count(*) FROM members')" "$good_members" "waits for it, then restores"
is "$(sql "SELECT value FROM settings WHERE key = 'shop_name'")" \
   "$(on "$T/good.db" "SELECT value FROM settings WHERE key = 'shop_name'")" \
   "the writer's commit came first and was replaced"
kept=$(new_in "$B" "$listed")
is "$(on "$B/$kept" "SELECT value FROM settings WHERE key = 'shop_name'")" "in a hurry" \
   "and is in the kept copy: nothing slipped in between"

# Backups written by older memberdesks (kept in tests/data as sqlite3
# dumps of what those memberdesks wrote) are upgraded through the normal
# migrations, to exactly the schema a new shop gets.
mkdir "$T/fresh"
"$MEMBERDESK" --db "$T/fresh/shop.db" member list >/dev/null
latest=$(on "$T/fresh/shop.db" 'PRAGMA user_version')
schema() { "$SQLITE3" "$1" "SELECT type, name, sql FROM sqlite_schema ORDER BY name" | cksum; }
for v in 1 4; do
	"$SQLITE3" "$T/schema$v.db" <"$top_srcdir/tests/data/schema$v.sql"
	run md restore "$T/schema$v.db"
	exits 0 "restore a backup of schema $v"
	like "$out" "Restored $T/schema$v.db (schema $v, upgraded to $latest)." "says it was upgraded"
	is "$(sql 'PRAGMA user_version')" "$latest" "the database is at schema $latest"
	is "$(schema "$DB")" "$(schema "$T/fresh/shop.db")" \
	   "with exactly the schema a new shop gets"
	is "$(sql 'SELECT group_concat(name) FROM members ORDER BY id')" "张三,李四" "and its members"
	run md check
	exits 0 "check passes"
done
is "$(sql "SELECT count(*) || ' ' || sum(paid) FROM sales WHERE voided_at IS NULL")" "2 15750" \
   "schema 4's sales are there"
is "$(sql "SELECT points || ' ' || wallet_principal || ' ' || wallet_bonus FROM members WHERE card = '100008'")" \
   "28 7100 2000" "and its balances"

# A new computer: restoring into a new, empty shop keeps nothing.
mkdir "$T/new"
run "$MEMBERDESK" --db "$T/new/shop.db" restore "$T/good.db"
exits 0 "restore into a new shop"
like "$out" "The database it replaced was empty." "says there was nothing to keep"
is "$(ls -A "$T/new/backups")" "" "and keeps nothing"
is "$(content "$T/new/shop.db")" "$(content "$T/good.db")" "the new shop holds the backup"

# Refusals: a clear message, and the database exactly as it was.
cp "$T/good.db" "$T/newer.db"
on "$T/newer.db" "PRAGMA user_version = 99"
"$SQLITE3" "$T/other.db" "CREATE TABLE customers(name TEXT)"
printf 'card,name\n100008,张三\n' >"$T/members.csv"
: >"$T/empty.db"
head -c 65536 "$T/good.db" >"$T/truncated.db"
cp "$T/good.db" "$T/corrupt.db"
dd if=/dev/zero of="$T/corrupt.db" bs=4096 seek=3 count=1 conv=notrunc 2>/dev/null
"$SQLITE3" "$T/blank.db" "CREATE TABLE t(x); DROP TABLE t"
ls -A "$B" >"$T/backups.before"
rejects 1 "cannot restore $T/newer.db: it was written by a newer memberdesk (schema 99; this one knows up to $latest): upgrade memberdesk first; the database was not changed" \
	"a newer schema" md restore "$T/newer.db"
rejects 1 "cannot restore $T/other.db: it is not a memberdesk database" \
	"another program's database" md restore "$T/other.db"
rejects 1 "cannot restore $T/members.csv: it is not an SQLite database" \
	"a CSV file" md restore "$T/members.csv"
rejects 1 "cannot restore $T/empty.db: the file is empty (0 bytes), so it is not a backup" \
	"a 0-byte file (what a failed sqlite3 .backup leaves)" md restore "$T/empty.db"
rejects 1 "cannot restore $T/truncated.db: it is damaged" \
	"a truncated backup" md restore "$T/truncated.db"
rejects 1 "cannot restore $T/corrupt.db: it is damaged" \
	"a corrupt backup" md restore "$T/corrupt.db"
rejects 1 "cannot restore $T/blank.db: it is an empty SQLite database, not a backup" \
	"an empty SQLite database" md restore "$T/blank.db"
rejects 1 "cannot restore $DB: it is the database itself" \
	"the database itself" md restore "$DB"
rejects 1 "cannot restore $T/missing.db: No such file or directory" \
	"a missing file" md restore "$T/missing.db"
rejects 1 "cannot restore $T: it is not a regular file" "a folder" md restore "$T"
rejects 2 "give the backup FILE to restore" "restore without a FILE" md restore
is "$(ls -A "$B")" "$(cat "$T/backups.before")" "a refused restore leaves nothing in backups/"

done_testing
