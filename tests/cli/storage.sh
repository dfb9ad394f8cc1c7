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
# Reading works (without the daily rules, saying so); writing and
# exporting (which is audited) are refused, saying why; nothing is
# written, not even a -wal or -shm file.
mkdir "$T/ro"
"$MEMBERDESK" --db "$T/ro/shop.db" member add --phone 13800138000 --name 张三 >/dev/null
chmod 444 "$T/ro/shop.db"
before=$(cksum <"$T/ro/shop.db")
files=$(ls -R "$T/ro")	# the database, and the day's backup beside it
run as_user "$MEMBERDESK" --db "$T/ro/shop.db" member add --phone 13900139000 --name 李四
if [ "$rc" = 99 ]; then
	pass "# SKIP cannot drop root privileges here"
else
	owner=$(stat -c %U "$T/ro/shop.db")
	exits 1 "a database we may not write: a registration"
	like "$err" "cannot change $T/ro/shop.db: it is open for reading only, because you may not write to it (mode 0444, owner $owner)" \
	     "is refused, saying why"
	is "$(cksum <"$T/ro/shop.db")" "$before" "and leaves the file as it was"
	run as_user "$MEMBERDESK" --db "$T/ro/shop.db" member list --format csv
	exits 0 "but listing members works"
	like "$out" "100008,13800138000,张三" "and shows them"
	like "$err" "note: $T/ro/shop.db is open for reading only, because you may not write to it" \
	     "with a note that it is read-only"
	like "$err" "the daily rules (points expiry, birthday points, tier review) were not applied" \
	     "and that the daily rules did not run"
	for cmd in "member find 8000" "member show 100008" "check" "report rfm" "report types" \
		   "report birthdays" "report sales" "points history 100008" "audit"; do
		# shellcheck disable=SC2086
		run as_user "$MEMBERDESK" --db "$T/ro/shop.db" $cmd
		exits 0 "read-only: $cmd works"
	done
	run as_user "$MEMBERDESK" --db "$T/ro/shop.db" export members
	exits 1 "an export (audited) is refused"
	like "$err" "cannot change $T/ro/shop.db: it is open for reading only" "saying why"
	is "$out" "" "and writes nothing"
	is "$(cksum <"$T/ro/shop.db")" "$before" "the file is as it was"
	is "$(ls -R "$T/ro")" "$files" "and no file was left, not even a -wal or -shm file"

	# A database we may write, in a directory we may not (SQLite keeps
	# its -wal and -shm files beside the database).
	chmod 600 "$T/ro/shop.db"
	[ "$(id -u)" = 0 ] && chown "$AS_USER_ID" "$T/ro/shop.db"
	chmod 555 "$T/ro"
	run as_user "$MEMBERDESK" --db "$T/ro/shop.db" member add --phone 13900139000 --name 李四
	exits 1 "a database in a directory we may not write"
	like "$err" "because its directory $T/ro is not writable" "says so"
	is "$(cksum <"$T/ro/shop.db")" "$before" "and leaves the file as it was"
	run as_user "$MEMBERDESK" --db "$T/ro/shop.db" member show 100008 --format csv
	exits 0 "and reads it"
	run as_user "$MEMBERDESK" --db "$T/ro/new.db" member list
	exits 1 "a new database in a read-only directory"
	like "$err" "directory $T/ro is not writable" "says so too"
	chmod 755 "$T/ro"
fi

# Who else may read the database: a warning, and how to fix it.
"$MEMBERDESK" --db "$T/open.db" member list >/dev/null
chmod 644 "$T/open.db"
run "$MEMBERDESK" --db "$T/open.db" member list
exits 0 "a database others can read is used"
is "$err" "memberdesk: warning: other users can read the database (mode 0644): run chmod 600 $T/open.db; it holds customers' phone numbers" \
   "with a warning saying how to fix it"
chmod 666 "$T/open.db"
run "$MEMBERDESK" --db "$T/open.db" member list
like "$err" "warning: other users can change the database (mode 0666): run chmod 600 $T/open.db; it holds the shop's money" \
     "one others can change, too"
chmod 600 "$T/open.db"
run "$MEMBERDESK" --db "$T/open.db" member list
is "$err" "" "0600: no warning"
: >"$T/empty.db"
chmod 600 "$T/empty.db"
run "$MEMBERDESK" --db "$T/empty.db" member list
exits 0 "an empty file (a failed copy) becomes a new shop"
like "$err" "warning: $T/empty.db was an empty file (0 bytes): this is a new, empty shop. If the shop's data should be there, this file is not it" \
     "with a warning"
run "$MEMBERDESK" --db "$T/empty.db" member list
is "$err" "" "once"
: >"$T/ro/empty.db"
chmod 444 "$T/ro/empty.db"
run as_user "$MEMBERDESK" --db "$T/ro/empty.db" member list
if [ "$rc" != 99 ]; then
	exits 1 "an empty file we may not write"
	like "$err" "$T/ro/empty.db holds no shop, and it is open for reading only" "holds no shop"
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
