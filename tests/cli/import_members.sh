#!/bin/sh
# import_members.sh - migration day: the old system's member export
. "$top_srcdir/tests/lib.sh"

D="$top_srcdir/tests/data"
field() { sql "SELECT $2 FROM members WHERE card = '$1'"; }

# A GBK export with CRLF and Chinese headers, read with --encoding auto.
run md import members "$D/members_gbk.csv" --dry-run
exits 0 "a dry run of a good file succeeds"
like "$out" "members_gbk.csv (GB18030, delimiter ,): 5 rows read" "GBK detected, rows counted"
like "$out" "5 members added" "what would be added"
like "$out" "Dry run: nothing was written." "and that nothing was"
like "$err" 'column "微信号" is not a field of members files and is ignored' \
     "an unknown column is reported"
is "$(sql 'SELECT count(*) FROM members')" "0" "the dry run wrote no member"
is "$(sql 'SELECT count(*) FROM imports')" "0" "nor remembered the file"

run md import members "$D/members_gbk.csv"
exits 0 "import the GBK file"
like "$out" "Imported as import #1." "the import is numbered"
is "$(field 8001 "name || '|' || phone || '|' || gender || '|' || birthday || '|' || joined")" \
   "张三|13800138000|1|1990-01-05|2023-05-06" "Chinese name, phone, 男, birthday, 开卡日期 with a time"
is "$(field 8001 note)" "喜欢乌龙，不加糖, 少冰
第二行 \"熟客\"" "a quoted note keeps its comma, full-width comma, line break and quotes"
tags() {
	sql "SELECT group_concat(name, ';') FROM (SELECT t.name FROM member_tags mt
	     JOIN tags t ON t.id = mt.tag_id JOIN members m ON m.id = mt.member_id
	     WHERE m.card = '$1' ORDER BY t.name)"
}
is "$(tags 8001)" "VIP;老客" "tags split on ;"
is "$(field 8002 phone)" "13900139000" "Excel's tab before a phone number is stripped"
is "$(field 8002 birthday)" "1985-03-08" "2024/1/5 style birthday"
is "$(field 8003 birthday)" "2000-01-05" "20000105 style birthday"
is "$(field 8004 birthday)" "03-08" "3月8日: a birthday without a year"
is "$(field 8004 "coalesce(phone, '-')")" "-" "an imported member may have no phone"
is "$(tags 8003)" "学生;新客" "tags split on 、"
is "$(sql "SELECT r.card FROM members m JOIN members r ON r.id = m.referrer_id WHERE m.card = '8003'")" \
   "8005" "a referrer further down the file is found"
is "$(sql "SELECT t.name FROM members m JOIN tiers t ON t.id = m.tier_id WHERE m.card IN ('8001', '8003') ORDER BY m.card" | tr '\n' ' ')" \
   "金卡 银卡 " "tiers by name"
is "$(sql "SELECT reason || ':' || detail FROM tier_history h JOIN members m ON m.id = h.member_id WHERE m.card = '8001'")" \
   "import:import #1 (members_gbk.csv)" "the tier change is history, naming the file"
is "$(field 8001 "points || '/' || wallet_principal || '/' || wallet_bonus")" "1200/128050/0" \
   "1,200 points and ￥1,280.50 as principal"
is "$(sql "SELECT kind || ':' || delta || ':' || reason FROM points_ledger l JOIN members m ON m.id = l.member_id WHERE m.card = '8001'")" \
   "import:1200:import #1 (members_gbk.csv)" "opening points are a ledger row of kind import"
is "$(sql "SELECT kind || ':' || principal || ':' || import_id FROM wallet_ledger l JOIN members m ON m.id = l.member_id WHERE m.card = '8004'")" \
   "import:10000:1" "opening stored value too, tagged with the import"
is "$(sql "SELECT action FROM audit a JOIN members m ON m.id = a.member_id WHERE m.card = '8002'")" \
   "member.import" "each member's import is audited"
run md check
exits 0 "check: every imported balance matches its ledger"

# The same file again: recognised by its content, refused, nothing changes.
cp "$D/members_gbk.csv" "$T/renamed.csv"
rejects 1 "has been imported already (import #1 of members_gbk.csv on 2026-11-23 10:00:00); nothing was changed" \
	"the same file under another name" md import members "$T/renamed.csv"

# UTF-8 with a BOM and CRLF, in memberdesk's own export columns.
run md import members "$D/members_bom.csv"
exits 0 "a UTF-8 file with a BOM"
is "$(field 7001 "name || '|' || birthday || '|' || wallet_principal || '/' || wallet_bonus")" \
   "Zhou Jie|12-25|25000/5000" "the BOM is not part of the first header; bonus kept apart"
is "$(field 7001 note)" "line one
line two" "a CRLF inside quotes stays in the note"
is "$(field 7002 status)" "frozen" "status frozen is imported"
is "$(sql "SELECT r.card FROM members m JOIN members r ON r.id = m.referrer_id WHERE m.card = '7002'")" \
   "7001" "a referrer earlier in the file"

# Big5 with semicolons, for a Taiwan shop that named its tiers in
# Traditional characters.
md tier edit 银卡 --name 銀卡 >/dev/null
run env LANGUAGE=zh_TW "$MEMBERDESK" --db "$DB" import members "$D/members_big5.csv" --dry-run
like "$out" "BIG5" "auto reads Big5 for a zh_TW user"
like "$out" " ;" "semicolons sniffed"
run md import members "$D/members_big5.csv" --encoding big5
exits 0 "import the Big5 file with --encoding big5"
is "$(field 9001 "name || '|' || phone || '|' || points")" "陳大文|0912345678|500" \
   "Traditional Chinese, a Taiwan mobile"
run md import members "$D/members_gbk.csv" --encoding utf-8 --dry-run
exits 1 "a GBK file said to be UTF-8"
like "$err" "is not valid UTF-8 (line 1); if it came from Excel, try the encoding gb18030 or big5 (--encoding)" \
     "is refused with the line and a way out"

# Rejected rows: the message names line and column, the error report has
# them all, and nothing at all is imported.
rejects 1 "7 rows were rejected, so nothing was imported (--skip-bad imports the other rows)" \
	"a file with bad rows" md import members "$D/members_bad.csv" --errors "$T/errors.csv"
like "$err" 'members_bad.csv: line 3, 姓名 "": name is required' "line and column of the first"
like "$err" 'line 4, 手机 "12345": phone "12345" is not a valid mobile number' "a bad phone"
like "$err" "and 2 more rejected rows: see $T/errors.csv" "the rest are in the report"
is "$(tail -c +4 "$T/errors.csv" | tr -d '\r')" 'line,column,value,problem
3,姓名,,name is required
4,手机,12345,"phone ""12345"" is not a valid mobile number (mainland 1xxxxxxxxxx, Taiwan 09xxxxxxxx, Hong Kong/Macau 8 digits, or + and the country code)"
5,生日,2023-02-30,"birthday ""2023-02-30"" is not a real date"
6,积分,'"'"'-5,"points ""-5"" is not a whole number of zero or more"
7,余额,1.234,"balance ""1.234"" has more than two decimals"
8,等级,白金,"level ""白金"" matches no tier (the tiers: 普通, 銀卡, 金卡, 钻石); --create-tiers adds it above them"
9,手机,13300133000,phone 13300133000 already belongs to card 6001 (好人)' \
   "the error report: line,column,value,problem for every rejected row"
is "$(head -c 3 "$T/errors.csv" | od -An -tx1 | tr -d ' ')" "efbbbf" "with a BOM, for Excel"
is "$(stat -c %a "$T/errors.csv")" "600" "private: it holds phone numbers"

run md import members "$D/members_bad.csv" --skip-bad
exits 0 "--skip-bad imports the good row"
like "$out" "1 member added" "one member"
like "$out" "7 rows rejected" "seven rejected"
is "$(field 6001 name)" "好人" "the good row is in"
is "$(sql "SELECT count(*) FROM members WHERE card BETWEEN '6002' AND '6008'")" "0" "the bad ones are not"

# Duplicates: skip (default), update, fail.
printf '卡号,姓名,手机,备注,积分\n8002,李四四,,新备注,70\n' >"$T/dup.csv"
run md import members "$T/dup.csv" --dry-run
like "$out" "1 duplicate skipped (already there)" "a registered card is a duplicate"
rejects 1 "member 8002 is already registered" "--on-duplicate fail" \
	md import members "$T/dup.csv" --on-duplicate fail
run md import members "$T/dup.csv" --on-duplicate update
exits 0 "--on-duplicate update"
like "$out" "1 member updated" "says so"
is "$(field 8002 "name || '|' || phone || '|' || note || '|' || points")" "李四四|13900139000|新备注|70" \
   "non-empty cells win, an empty phone keeps the stored one, points open (8002 had none)"

# --map, and what a header row must have.
printf 'Kartennummer,Vorname,Handy,Spitzname\n5001,Hans,13200132000,HH\n' >"$T/map.csv"
rejects 1 "map.csv has no column for name (the fields a header can name: card, name, phone, gender, birthday, points, balance, bonus, tier, joined, referrer, note, tags, status, nickname, withdrawable, non_withdrawable)" \
	"no name column, naming the fields of a members file" md import members "$T/map.csv"
rejects 2 '--map takes COLUMN=FIELD, not "Vorname"' "a --map without =" \
	md import members "$T/map.csv" --map Vorname
rejects 1 '--map Vorname=vorname: members files have no field "vorname"' "--map to no field" \
	md import members "$T/map.csv" --map Vorname=vorname
rejects 1 '--map Nachname=name: ' "--map of a column the file lacks" \
	md import members "$T/map.csv" --map Nachname=name
run md import members "$T/map.csv" --map Vorname=name --map Kartennummer=card \
	--map Handy=phone --map Spitzname=-
exits 0 "--map gives columns their fields, - ignores one"
is "$err" "" "an ignored column is not reported"
is "$(field 5001 "name || '|' || phone")" "Hans|13200132000" "mapped fields land"

printf '卡号,姓名\n' >"$T/header-only.csv"
run md import members "$T/header-only.csv"
exits 0 "a header without rows imports nothing, fine"
: >"$T/empty.csv"
rejects 1 "empty.csv is empty: not even a header row" "an empty file" md import members "$T/empty.csv"
rejects 1 "cannot read $T/nope.csv" "a missing file" md import members "$T/nope.csv"
printf '姓名,手机\n"open,13100131000\n' >"$T/open.csv"
rejects 1 "line 2: a quoted field is never closed" "an unclosed quote" md import members "$T/open.csv"
printf '姓名,手机\n甲,13100131000,,\n乙,13100131001,x\n' >"$T/wide.csv"
rejects 1 "line 3: the row has 3 cells but the header only 2" "a row wider than its header" \
	md import members "$T/wide.csv"
rejects 2 'cannot import "customers"' "an unknown kind" md import customers "$T/wide.csv"
rejects 2 'unknown encoding "latin1"' "an unknown encoding" md import members "$T/wide.csv" --encoding latin1
rejects 2 "--on-duplicate is skip, update or fail" "a bad --on-duplicate" \
	md import members "$T/wide.csv" --on-duplicate merge

run "$MEMBERDESK" --db "$T/template.db" import members "$top_srcdir/data/members-template.csv" --dry-run
exits 0 "the template that ships in data/ imports"

run md check
exits 0 "check after everything"

# The name search indexes are built after the load, in one go: every
# imported name is found by one, two or three characters, a member
# registered afterwards too (the trigger is back), and a dry run or a
# rejected file leaves the trigger in place.
DB="$T/names.db"
trigger() { sql "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name = 'members_name_ai'"; }
printf '姓名,手机\n欧阳娜娜,13100131000\n王小明,13100131001\n' >"$T/names.csv"
run md import members "$T/names.csv" --dry-run
is "$(trigger)" 1 "a dry run leaves the name trigger"
printf '姓名,手机\n欧阳娜娜,13100131000\n王小明,1\n' >"$T/bad-names.csv"
run md import members "$T/bad-names.csv"
exits 1 "a file with a bad row"
is "$(trigger)" 1 "leaves the name trigger"
run md import members "$T/names.csv"
exits 0 "import two members"
is "$(trigger)" 1 "the name trigger is back"
for q in 欧 欧阳 欧阳娜 娜娜 王小明 小明 明; do
	is "$(md member find "$q" --format csv | tail -n +2 | wc -l | tr -d ' ')" 1 "an imported name is found by $q"
done
md member add --name 欧阳锋 --phone 13100131002 >/dev/null
is "$(md member find 欧阳 --format csv | tail -n +2 | wc -l | tr -d ' ')" 2 "and a member registered afterwards"
is "$(md member find 阳锋 --format csv | tail -n +2 | wc -l | tr -d ' ')" 1 "by its two characters too"
printf '姓名,手机\n欧阳娜,13100131000\n' >"$T/rename.csv"
run md import members "$T/rename.csv" --on-duplicate update
exits 0 "an update import keeps the trigger as it goes"
is "$(md member find 欧阳娜娜 --format csv | tail -n +2 | wc -l | tr -d ' ')" 0 "the old name is gone from the index"
is "$(trigger)" 1 "and it is there after"
run md check
exits 0 "the name indexes check out"

# A file large beside the shop (here, any file into a new one) loads
# without the members' secondary indexes and builds them again at the
# end; a dry run or a rejected file leaves them as they were.
DB="$T/indexes.db"
indexes() { sql "SELECT group_concat(name || ' ' || sql, ';') FROM (SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'members' ORDER BY name)"; }
md settings show >/dev/null
want=$(indexes)
like "$want" "members_name ON members(name)" "a new shop has the members' indexes"
rejects 1 "1 row was rejected" "a rejected file into a new shop" md import members "$T/bad-names.csv"
run md import members "$T/names.csv" --dry-run
is "$(indexes)" "$want" "a dry run leaves the members' indexes as they were"
run md import members "$T/names.csv"
exits 0 "import into a new shop"
is "$(indexes)" "$want" "the members' indexes are back, as they were"
is "$(sql "SELECT count(*) FROM members INDEXED BY members_name WHERE name = '王小明'")" 1 \
   "and hold the imported members"
run md check --full
exits 0 "every index matches its table"

# --rejected FILE: the rejected rows as the file has them and why, to be
# fixed and imported again; the screen's "save the rejected rows" too.
printf '手机;姓名;生日\n13811112222;周一;1990-01-01\n12345;吴二;1991-02-03\n' >"$T/fixme.csv"
rejects 1 "1 row was rejected, so nothing was imported" "a file with a bad phone, --rejected" \
	md import members "$T/fixme.csv" --rejected "$T/fix.csv"
like "$err" "1 rejected row written to $T/fix.csv: fix it there and import that file" \
	"  ... and says where the rejected row went"
is "$(sed 's/^\xEF\xBB\xBF//' "$T/fix.csv" | tr -d '\r' | head -n 1)" "手机;姓名;生日;rejected because" \
	"the file's own header and delimiter, and why"
like "$(sed -n 2p "$T/fix.csv")" '12345;吴二;1991-02-03;"手机: phone ""12345"" is not a valid mobile number' \
	"the row as the file had it, with its problem"
sed 's/^12345;/13822223333;/' "$T/fix.csv" >"$T/fixed.csv"
run md import members "$T/fixed.csv"
exits 0 "the fixed file imports"
is "$(sql "SELECT name FROM members WHERE phone = '13822223333'")" "吴二" "with the fixed row"
run md import members "$T/fixme.csv" --skip-bad --rejected "$T/fix2.csv"
exits 0 "--skip-bad with --rejected imports the good row"
is "$(grep -c 12345 "$T/fix2.csv")" "1" "and writes the bad one to fix"
printf '手机,姓名\n13833334444,郑三\n' >"$T/good.csv"
run md import members "$T/good.csv" --dry-run --rejected "$T/none.csv"
like "$err" "no row was rejected: $T/none.csv is not written" "nothing rejected: no file"
[ ! -e "$T/none.csv" ] && pass "  ... and none is made" || fail "  ... and none is made"
printf '手机,姓名\n123,王九\n' >"$T/bad2.csv"
rejects 1 "cannot write" "--rejected to a folder that is not there" \
	md import members "$T/bad2.csv" --rejected "$T/no/such/dir/fix.csv"
done_testing
