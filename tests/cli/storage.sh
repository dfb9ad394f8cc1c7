#!/bin/sh
# storage.sh - where the database lives, who may write it, and who waits
. "$top_srcdir/tests/lib.sh"

# The default place, created on first use.
XDG_DATA_HOME="$T/xdg" "$MEMBERDESK" member add --phone 13800138000 --name 张三 >/dev/null
is "$?" 0 "with no --db the default database is used"
f="$T/xdg/memberdesk/memberdesk.db"
if [ -f "$f" ]; then pass "it is \$XDG_DATA_HOME/memberdesk/memberdesk.db"; else fail "no $f"; fi
is "$(stat -c %a "$f")" "600" "the database is created 0600"
is "$(stat -c %a "$T/xdg/memberdesk")" "700" "in a directory created 0700"
run env XDG_DATA_HOME="$T/xdg" "$MEMBERDESK" member show 100008 --format csv
like "$out" "张三" "and found again next time"
run env -u XDG_DATA_HOME "$MEMBERDESK" member list
exits 0 "without XDG_DATA_HOME"
if [ -f "$HOME/.local/share/memberdesk/memberdesk.db" ]; then
	pass "the database is ~/.local/share/memberdesk/memberdesk.db"
else
	fail "no database under ~/.local/share"
fi
run env -u XDG_DATA_HOME -u HOME "$MEMBERDESK" member list
exits 1 "neither XDG_DATA_HOME nor HOME"
like "$err" "use --db FILE" "suggests --db"

# A --db in a directory that does not exist is not created.
run md --db "$T/nowhere/shop.db" member list
run "$MEMBERDESK" --db "$T/nowhere/shop.db" member list
exits 1 "a missing database directory"
like "$err" "directory $T/nowhere does not exist" "is named"
if [ -e "$T/nowhere" ]; then fail "the directory was created"; else pass "and not created"; fi

# Read-only places.  root may write anywhere: as_user drops to nobody.
mkdir "$T/ro"
"$MEMBERDESK" --db "$T/ro/shop.db" member add --phone 13800138000 --name 张三 >/dev/null
chmod 755 "$T/ro"
chmod 644 "$T/ro/shop.db"
before=$(cksum <"$T/ro/shop.db")
run as_user "$MEMBERDESK" --db "$T/ro/shop.db" member add --phone 13900139000 --name 李四
if [ "$rc" = 99 ]; then
	pass "# SKIP cannot drop root privileges here"
else
	exits 1 "a database in a directory we may not write"
	like "$err" "directory $T/ro is not writable" "says so"
	is "$(cksum <"$T/ro/shop.db")" "$before" "and leaves the file as it was"
	run as_user "$MEMBERDESK" --db "$T/ro/new.db" member list
	exits 1 "a new database in a read-only directory"
	like "$err" "is not writable" "says so too"
fi

# A database from a newer memberdesk is refused and never modified.
"$MEMBERDESK" --db "$T/newer.db" member list >/dev/null
"$SQLITE3" "$T/newer.db" "PRAGMA journal_mode=DELETE; PRAGMA user_version=999;" >/dev/null
before=$(cksum <"$T/newer.db")
run "$MEMBERDESK" --db "$T/newer.db" member list
exits 1 "a database from a newer memberdesk"
like "$err" "was written by a newer memberdesk (schema 999" "is refused"
like "$err" "the database was not changed" "saying it was not changed"
is "$(cksum <"$T/newer.db")" "$before" "byte for byte"
if [ -e "$T/newer.db-wal" ]; then fail "a WAL file appeared"; else pass "no WAL file appeared"; fi

"$SQLITE3" "$T/other.db" "CREATE TABLE customers(name TEXT)"
before=$(cksum <"$T/other.db")
run "$MEMBERDESK" --db "$T/other.db" member list
exits 1 "another program's database"
like "$err" "is not a memberdesk database" "is refused"
is "$(cksum <"$T/other.db")" "$before" "and untouched"
printf 'name,phone\n张三,13800138000\n' >"$T/members.csv"
run "$MEMBERDESK" --db "$T/members.csv" member list
exits 1 "a CSV file given as the database"
like "$err" "is not a memberdesk database" "is refused"

# Switching to WAL needs the file to itself, and SQLite does not wait
# for it: a writer on a database in rollback-journal mode (another
# program set it back, or it is new) made the switch fail at once.
J="$T/journal.db"
"$MEMBERDESK" --db "$J" member add --phone 13800138000 --name 张三 >/dev/null
"$SQLITE3" "$J" "PRAGMA journal_mode=DELETE" >/dev/null
hold_lock "$J" "BEGIN IMMEDIATE; SELECT count(*) FROM members" 1
run "$MEMBERDESK" --db "$J" member list --format csv
exits 0 "a database in rollback mode, while another process writes, is opened"
is "$err" "" "after waiting for the writer, with no busy message"
wait
is "$("$SQLITE3" "$J" 'PRAGMA journal_mode')" "wal" "and it is in WAL mode again"

# Several processes at once: the busy timeout makes them wait, not fail.
# Four at once lost the race one time in four on a loaded machine:
# try it ten times.
for round in 0 1 2 3 4 5 6 7 8 9; do
	rm -f "$DB" "$DB-wal" "$DB-shm"
	for i in 1 2 3 4; do md member list >/dev/null 2>"$T/start$i" & done
	wait
	[ -n "$(cat "$T"/start*)" ] && break
done
is "$(cat "$T"/start*)" "" "four processes creating one database at once all succeed (10 rounds)"
"$MEMBERDESK" --db "$T/serial.db" member list >/dev/null
is "$(sql 'PRAGMA user_version')" "$("$SQLITE3" "$T/serial.db" 'PRAGMA user_version')" \
   "and it is migrated to the same schema as a database opened alone"
is "$(sql 'SELECT count(*) FROM tiers')" "4" "with the default tiers created once"
( for i in 0 1 2 3 4 5 6 7 8 9; do md member add --phone 1380000000$i --name "甲$i" >/dev/null || echo "fail $i"; done ) >"$T/a" 2>&1 &
( for i in 0 1 2 3 4 5 6 7 8 9; do md member add --phone 1390000000$i --name "乙$i" >/dev/null || echo "fail $i"; done ) >"$T/b" 2>&1 &
wait
is "$(cat "$T/a" "$T/b")" "" "two writers interleaving 20 registrations never fail"
is "$(sql 'SELECT count(DISTINCT card) FROM members')" "20" "and get 20 distinct cards"

# A writer holding the lock for a moment: memberdesk waits for it.
hold_lock "$DB" "BEGIN IMMEDIATE; INSERT INTO settings VALUES ('shop_name', 'x')" 2
run md member add --phone 13700137000 --name 等待
exits 0 "a registration while another process holds the write lock waits and succeeds"
wait

done_testing
