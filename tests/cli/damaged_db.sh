#!/bin/sh
# damaged_db.sh - truncated, corrupted, foreign and odd database files
#
# Every command on a file that is not a sound memberdesk database fails
# with exit status 1 and a message that says what is wrong, and leaves
# the file byte for byte as it was.  The exceptions are deliberate: an
# empty file becomes a new shop (with a warning: it holds nothing to
# lose), and a hot rollback journal must be played back, or the
# database would be read half-written.
. "$top_srcdir/tests/lib.sh"

# A real shop: 2,000 imported members, sales, stored value.
awk 'BEGIN {
	print "卡号,姓名,手机,生日,积分,余额"
	for (i = 0; i < 2000; i++)
		printf "%d,会员%d,139%08d,1980-%02d-%02d,%d,%d.00\n", 300000 + i, i, i,
			1 + i % 12, 1 + i % 28, i % 700, i % 300
}' >"$T/members.csv"
md import members "$T/members.csv" >/dev/null 2>&1
md member add --phone 13800138000 --name 张三 >/dev/null	# 100008
md wallet recharge 100008 --amount 300 >/dev/null
md sale add 100008 --amount 88 >/dev/null
md sale add 300299 --amount 120 --pay wallet >/dev/null
run md check
exits 0 "the shop is sound to begin with"
cp "$DB" "$T/good.db"
size=$(wc -c <"$T/good.db")
good=$(dbsum)
printf '手机,姓名\n13600136000,新人\n' >"$T/one.csv"

# bytes FILE: the file and its -wal, byte for byte (not the -shm: that
# is an index of the -wal that every opening may rebuild).
bytes() {
	for _f in "$1" "$1-wal"; do
		if [ -f "$_f" ]; then cksum <"$_f"; else echo "no $_f"; fi
	done
}

# refused FILE MESSAGE DESC: every command on FILE exits 1, says MESSAGE,
# prints nothing and leaves FILE (and any -wal) as they were.
refused() {
	_file=$1 _msg=$2 _desc=$3
	for _cmd in "member list" "member show 100008" "member find 1234" "sale list" \
		    "report rfm" "export members" "check" "audit" \
		    "member add --phone 13700137000 --name 新人" \
		    "sale add 100008 --amount 10" "points adjust 100008 +5 --reason x" \
		    "import members $T/one.csv"; do
		_before=$(bytes "$_file")
		run "$MEMBERDESK" --db "$_file" $_cmd
		case $err in *"$_msg"*) _said=yes ;; *) _said="said: $err" ;; esac
		[ "$(bytes "$_file")" = "$_before" ] && _kept=unchanged || _kept=changed
		is "$rc $_said, stdout: $out, $_kept" "1 yes, stdout: , unchanged" "$_desc: $_cmd"
	done
}

# --- Truncated -------------------------------------------------------------
for n in 100 4096 $((size / 2)) $((size - 4096)); do
	head -c "$n" "$T/good.db" >"$T/cut.db"
	refused "$T/cut.db" "the database $T/cut.db is damaged (database disk image is malformed) and was left as it is: restore a backup (memberdesk restore FILE)" \
		"cut to $n bytes"
	rm -f "$T/cut.db" "$T/cut.db-wal" "$T/cut.db-shm"
done

# An empty file holds no shop to lose: it becomes a new one.
: >"$T/empty.db"
run "$MEMBERDESK" --db "$T/empty.db" member list --format csv
exits 0 "an empty file is a new database"
like "$out" "card,phone,name" "listing no members"
run "$MEMBERDESK" --db "$T/empty.db" check
exits 0 "a sound one"

# --- Random bytes in the middle -------------------------------------------
cp "$T/good.db" "$T/mid.db"
awk 'BEGIN { srand(12); for (i = 0; i < 65536; i++) printf "%c", int(rand() * 256) }' |
	dd of="$T/mid.db" bs=4096 seek=$((size / 4096 / 2 - 8)) conv=notrunc 2>/dev/null
before=$(bytes "$T/mid.db")
run "$MEMBERDESK" --db "$T/mid.db" check
exits 1 "check on a database with 64 KB of noise in the middle fails"
like "$out$err" "damaged" "saying it is damaged"
# What a command never reads it cannot see; what it reads is caught.
# The daily backup after a command reads every page, and says so.
# works_or_damaged CMD...: CMD works, or says the database is damaged.
works_or_damaged() {
	run "$MEMBERDESK" --db "$T/mid.db" "$@"
	case $rc:$err in
	0:|"0:memberdesk: the daily backup failed: the copy failed SQLite's integrity check ("*"so the database itself may be damaged"*|\
	"1:memberdesk: the database $T/mid.db is damaged ("*) pass "noise in the middle: $*: works or says the database is damaged" ;;
	*) fail "noise in the middle: $*"; diag "exit $rc: $err" ;;
	esac
}
for c in "member list" "member show 100008" "member find 会员1" "sale list" \
	 "report rfm" "report types" "audit" "tier list"; do
	works_or_damaged $c
done
is "$(bytes "$T/mid.db")" "$before" "reading a damaged database never writes it"
# An export is audited: a write.
works_or_damaged export members
works_or_damaged export sales

# The name index alone damaged: check says so.
cp "$T/good.db" "$T/fts.db"
"$SQLITE3" "$T/fts.db" "DELETE FROM member_names_data WHERE id = (SELECT max(id) FROM member_names_data)"
run "$MEMBERDESK" --db "$T/fts.db" check
exits 1 "check on a damaged name index fails"
like "$out" "the name search index is damaged" "naming the index"

# --- Not a database at all --------------------------------------------------
echo "shop notes: order more tea" >"$T/text.db"
refused "$T/text.db" "$T/text.db is not a memberdesk database" "a text file"
cp "$T/members.csv" "$T/csv.db"
refused "$T/csv.db" "$T/csv.db is not a memberdesk database" "a CSV file"
printf '\211PNG\r\n\032\n\0\0\0\rIHDR\0\0\0\1\0\0\0\1\10\6\0\0\0\37\25\304\211' >"$T/png.db"
refused "$T/png.db" "$T/png.db is not a memberdesk database" "a PNG file"
head -c 8192 /dev/zero >"$T/zero.db"
refused "$T/zero.db" "$T/zero.db is not a memberdesk database" "8 KB of zeros"
"$SQLITE3" "$T/other.db" "CREATE TABLE orders(id INTEGER PRIMARY KEY, item TEXT); INSERT INTO orders VALUES (1, 'tea')"
refused "$T/other.db" "$T/other.db is not a memberdesk database" "another program's SQLite database"
for f in text csv png zero other; do
	[ -e "$T/$f.db-wal" ] || [ -e "$T/$f.db-shm" ] || [ -e "$T/$f.db-journal" ] ||
		continue
	fail "$f.db got a -wal, -shm or -journal beside it"
done

mkdir "$T/dir.db"
run "$MEMBERDESK" --db "$T/dir.db" member list
exits 1 "a directory"
like "$err" "cannot open database $T/dir.db: not a regular file" "is refused"
mkfifo "$T/fifo.db"
run "$MEMBERDESK" --db "$T/fifo.db" member list
exits 1 "a FIFO (refused without opening it: SQLite would block on it)"
like "$err" "cannot open database $T/fifo.db: not a regular file" "is refused too"

# --- A -wal file from another database ------------------------------------
# As when a backup is copied back over the database and the old -wal is
# left beside it.  SQLite cannot tell that it is another database's and
# replays it; closing used to copy those pages into the database for
# good.  Now the database is refused as damaged and left as it is, and
# once the stray file is moved away it is whole again.
# foreign_wal DB OTHER SQL: run SQL on OTHER and copy its -wal beside DB
# while it is still there.
foreign_wal() {
	printf 'PRAGMA journal_mode=WAL;\nPRAGMA wal_autocheckpoint=0;\n%s;\n.system cp %s-wal %s-wal\n' \
		"$3" "$2" "$1" | "$SQLITE3" "$2" >/dev/null
}
cp "$T/good.db" "$T/w.db"
"$MEMBERDESK" --db "$T/shop2.db" member add --phone 13500135000 --name 别家 >/dev/null
foreign_wal "$T/w.db" "$T/shop2.db" \
	"UPDATE settings SET value = '别人的店' WHERE key = 'shop_name'; INSERT INTO settings VALUES ('shop_name', '别人的店')"
[ -s "$T/w.db-wal" ] && pass "another shop's -wal file beside the database" ||
	fail "no -wal file was copied"
refused "$T/w.db" "was left as it is. If it was copied back by hand, $T/w.db-wal beside it may belong to the old copy: close memberdesk everywhere and move that file away" \
	"another shop's -wal"
rm -f "$T/w.db-wal" "$T/w.db-shm"
run "$MEMBERDESK" --db "$T/w.db" check
exits 0 "once it is moved away, check passes"
is "$(DB="$T/w.db" dbsum)" "$good" "and the database is as it was"

cp "$T/good.db" "$T/w2.db"
foreign_wal "$T/w2.db" "$T/other.db" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100) INSERT INTO orders(item) SELECT hex(randomblob(500)) FROM n"
refused "$T/w2.db" "$T/w2.db is not a memberdesk database" "another program's -wal"
rm -f "$T/w2.db-wal" "$T/w2.db-shm"
is "$(DB="$T/w2.db" dbsum)" "$good" "moved away, the database is as it was"

# --- A hot rollback journal -----------------------------------------------
# A program killed half-way through a write on the database in rollback
# mode leaves a hot journal.  Playing it back writes the file, and must:
# it is the only way back to the last commit.  memberdesk reads the
# database as it was before that write, and switches it back to WAL.
cp "$T/good.db" "$T/j.db"
"$SQLITE3" "$T/j.db" "PRAGMA journal_mode=DELETE" >/dev/null
jgood=$(DB="$T/j.db" dbsum)
rm -f "$T/stop"
exec 3>&2 2>/dev/null	# not the shell's "Killed"
( printf 'PRAGMA cache_size=1;\nBEGIN;\nUPDATE members SET note = hex(randomblob(200));\n.system touch %s\n' "$T/held"
  while [ ! -e "$T/stop" ]; do sleep 0.05; done ) | "$SQLITE3" "$T/j.db" >/dev/null 2>&1 &
shell=$!
i=0
while [ ! -e "$T/held" ] && [ "$i" -lt 600 ]; do sleep 0.05; i=$((i + 1)); done
kill -9 "$shell"
touch "$T/stop"
wait
exec 2>&3 3>&-
[ -s "$T/j.db-journal" ] && pass "a hot journal beside the database" || fail "no hot journal"
run "$MEMBERDESK" --db "$T/j.db" check
exits 0 "memberdesk plays it back and check passes"
is "$(DB="$T/j.db" dbsum)" "$jgood" "the half-done write is gone"
is "$("$SQLITE3" "$T/j.db" 'PRAGMA journal_mode')" "wal" "and the database is in WAL mode again"

done_testing
