#!/bin/sh
# audit_chain.sh - the audit log cannot be changed through memberdesk, and
# check catches what was changed outside it: a row deleted, rewritten or
# added with sqlite3, rows cut from the end (against the latest backup)
. "$top_srcdir/tests/lib.sh"

export MEMBERDESK_NOW="2026-07-01 10:00:00"
md settings set backup_keep 0 >/dev/null	# no automatic backups: we make them
i=0
for n in 张三 李四 王五; do
	i=$((i + 1))
	md member add --name "$n" --phone "1390000000$i" >/dev/null	# 100008 100016 100024
done
md sale add 100008 --amount 100 >/dev/null
md points adjust 100016 +50 --reason 开业 >/dev/null
md member edit 100024 --name 王五五 >/dev/null

rows=$(sql "SELECT count(*) FROM audit")
is "$(sql "SELECT count(*) FROM audit WHERE hash IS NULL")" "0" "every audit row has its hash"
is "$(sql "SELECT count(DISTINCT hash) FROM audit")" "$rows" "and no two are the same"
run md check
exits 0 "check proves the chain"

# The log refuses changes, even from sqlite3 (short of dropping its triggers).
before=$(dbsum)
run "$SQLITE3" "$DB" "DELETE FROM audit WHERE id = 2"
like "$err" "the audit log cannot be changed" "sqlite3 cannot delete an audit row"
run "$SQLITE3" "$DB" "UPDATE audit SET operator = 'nobody' WHERE id = 2"
like "$err" "the audit log cannot be changed" "nor rewrite one"
run "$SQLITE3" "$DB" "UPDATE audit SET hash = 'x' WHERE id = 2"
like "$err" "the audit log cannot be changed" "nor its hash"
is "$(dbsum)" "$before" "the database is unchanged"

# With the triggers dropped, each kind of tampering is found.
cp "$DB" "$T/good.db"
tamper() {
	cp "$T/good.db" "$DB"
	"$SQLITE3" "$DB" "DROP TRIGGER audit_append_only; DROP TRIGGER audit_no_delete; $1"
}
tamper "DELETE FROM audit WHERE id = 3"
run md check
exits 1 "a deleted row: check fails"
like "$out" "audit row 4: the rows before it are missing" "and says where"
tamper "UPDATE audit SET new = replace(new, '50', '5000') WHERE action = 'points.adjust'"
id=$(sql "SELECT id FROM audit WHERE action = 'points.adjust'")
run md check
exits 1 "a rewritten row: check fails"
like "$out" "audit row $id: it was changed" "and names the row"
unlike "$out" "audit row $((id + 1))" "and only that row"
tamper "INSERT INTO audit(at, operator, action, old, new) VALUES ('2026-07-01 09:00:00', 'x', 'points.adjust', NULL, '{}')"
run md check
exits 1 "a row added with sqlite3: check fails"
like "$out" "audit row $((rows + 1)): it was added outside memberdesk" "and names it"
tamper "DELETE FROM audit WHERE id = (SELECT max(id) FROM audit)"
run md check
exits 0 "a row cut from the end, with no backup to tell: not seen"

# Against the latest backup, rows cut from the end are seen.
cp "$T/good.db" "$DB"
md backup >/dev/null 2>&1
bk=$(ls "$T"/backups/shop-*.db)
md sale add 100008 --amount 10 >/dev/null
run md check
exits 0 "after a backup and a sale, check passes"
last=$(sql "SELECT max(id) FROM audit")
"$SQLITE3" "$DB" "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id >= $((last - 1))"
run md check
exits 1 "rows cut back past the backup: check fails"
like "$out" "the audit log ends at row $((last - 2)), but the latest backup $bk has it up to row $((last - 1)): rows were cut from its end" \
	"and says so against the backup"
cp "$T/good.db" "$DB"
md backup >/dev/null 2>&1
"$SQLITE3" "$DB" "DROP TRIGGER audit_append_only;
	UPDATE audit SET operator = 'x', hash = NULL WHERE id = 1;" >/dev/null
# Written anew: every hash recomputed, as memberdesk would.  The chain
# alone cannot tell; the backup's head can.
"$SQLITE3" "$DB" "UPDATE audit SET hash = NULL" >/dev/null
run md check
like "$out" "audit row 1: it was added outside memberdesk" "a log left without hashes is found"

# A restore keeps the database it replaces as the latest backup; the
# restored log does not continue that one, and that is no fault.
cp "$T/good.db" "$DB"
rm -f "$T"/backups/*
md backup "$T/old.db" >/dev/null 2>&1
md sale add 100016 --amount 30 >/dev/null
run md restore "$T/old.db"
exits 0 "restore an older backup"
run md check
exits 0 "check passes after the restore"
unlike "$out$err" "latest backup" "the kept database is not held against the restored log"
md backup >/dev/null 2>&1
"$SQLITE3" "$DB" "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id = (SELECT max(id) FROM audit)"
run md check
exits 1 "after the next backup, the restored log is held to it again"

# A shop started anew beside the old one's backups: not the same log.
rm -f "$DB" "$DB-wal" "$DB-shm"
md member add --name 新店 --phone 13900000009 >/dev/null
run md check
exits 0 "a new database beside another one's backups: check passes"

# A backups folder that cannot be read is said, not a failure.
cp "$T/good.db" "$DB"
mkdir -p "$T/ro" && cp "$DB" "$T/ro/shop.db" && mkdir -p "$T/ro/backups" && chmod 000 "$T/ro/backups"
chmod 755 "$T/ro" && chmod 644 "$T/ro/shop.db"
run as_user "$MEMBERDESK" --db "$T/ro/shop.db" check
if [ "$rc" = 99 ]; then
	pass "# SKIP no other user to be"
else
	like "$err" "the audit log was not compared with the latest backup" "an unreadable backups folder is said"
fi
chmod 700 "$T/ro/backups"

done_testing
