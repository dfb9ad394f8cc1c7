#!/bin/sh
# export.sh - CSV back out, and a round trip through an empty database
. "$top_srcdir/tests/lib.sh"

# A shop with the awkward data: Chinese names, commas, quotes and line
# breaks in notes, a birthday without a year, tags, a referrer, a frozen
# member, tiers reached by spending, points with expiry, stored value
# with a bonus.
export MEMBERDESK_NOW="2026-06-01 10:00:00"
md settings set points_expiry months:12 >/dev/null
md wallet rules set 100:20 >/dev/null
md member add --phone 13800138000 --name 张三 --birthday 1990-01-05 --gender 男 \
	--tag VIP --tag 老客 --note '喜欢乌龙，不加糖, 少冰
第二行 "熟客"' >/dev/null	# 100008
md member add --phone 13900139000 --name 'O'"'"'Brien, Pat' --birthday 3月8日 \
	--referrer 13800138000 --note 'a "quoted", note' >/dev/null	# 100016
md member add --phone 13700137000 --name 王小明 >/dev/null	# 100024
md member add --name 无手机 >/dev/null 2>&1 || md settings set phone_required no >/dev/null
md member add --name 无手机 >/dev/null
md sale add 100008 --amount 6000 >/dev/null
md sale add 100016 --amount 1200 --at "2026-05-01 12:00" >/dev/null
md points adjust 100024 +500 --reason 开业赠送 >/dev/null
export MEMBERDESK_NOW="2026-09-01 10:00:00"
md sale add 100016 --amount 10 --use-points 0 >/dev/null
md wallet recharge 100016 --amount 100 >/dev/null
md wallet recharge 100024 --amount 50 >/dev/null
md member freeze 100024 >/dev/null
export MEMBERDESK_NOW="2026-11-23 10:00:00"

run md export members
exits 0 "export members to standard output"
is "$(printf '%s\n' "$out" | head -n 1 | tr -d '\r')" \
   "card,name,phone,gender,birthday,tier,points,balance,bonus,joined,referrer,tags,note,status" \
   "the header: the import's canonical keys"
like "$out" '100016,"O'"'"'Brien, Pat",13900139000,,03-08,银卡,' "quoted where needed, tier by name"
like "$out" '"喜欢乌龙，不加糖, 少冰
第二行 ""熟客"""' "a note with a comma, a line break and quotes, quoted"
# (O'Brien joined on 2026-06-01, but bought on 2026-05-01: joined then.)
like "$out" "120.00,20.00,2026-05-01,100008" "balance with two decimals, its bonus, ISO date, referrer's card"
like "$out" ",frozen" "the status"

run md export members --headers zh
like "$(printf '%s\n' "$out" | head -n 1)" "卡号,姓名,手机,性别,生日,等级,积分,余额,赠送余额,开卡日期,推荐人,标签,备注,状态" \
     "--headers zh"

md export members -o "$T/m.csv" --bom 2>"$T/err"
is "$(cat "$T/err")" "memberdesk: 4 rows written to $T/m.csv" "says how many rows, on stderr"
is "$(stat -c %a "$T/m.csv")" "600" "the file is private (phone numbers)"
is "$(head -c 3 "$T/m.csv" | od -An -tx1 | tr -d ' ')" "efbbbf" "--bom starts with a UTF-8 BOM"
is "$(ls -A "$T" | grep -c '^\.m\.csv')" "0" "no temporary file is left"
umask 000
md export members -o "$T/m2.csv" 2>/dev/null
is "$(stat -c %a "$T/m2.csv")" "600" "0600 whatever the umask"
umask 022

md export members --encoding gb18030 -o "$T/gbk.csv" 2>/dev/null
is "$(iconv -f GB18030 -t UTF-8 "$T/gbk.csv" | head -n 2 | tail -n 1 | cut -d, -f2)" "张三" \
   "--encoding gb18030 writes GB18030"
is "$(grep -c '张三' "$T/gbk.csv")" "0" "(not UTF-8)"
run md import members "$T/gbk.csv" --dry-run --on-duplicate skip
like "$out" "(GB18030, delimiter ,): 4 rows read" "and the import reads it back"

run md export members -o /dev/full
exits 1 "a full disk"
like "$err" "cannot write /dev/full: No space left on device" "is a clear error"
# A directory we cannot write to (as another user when we are root, who
# may write anywhere): the shop's database is theirs, the directory not.
mkdir "$T/u" "$T/ro" && chmod 500 "$T/ro"
"$SQLITE3" "$DB" ".backup '$T/u/shop.db'"
[ "$(id -u)" = 0 ] && chown -R "$AS_USER_ID" "$T/u"
run as_user "$MEMBERDESK" --db "$T/u/shop.db" export members -o "$T/ro/m.csv"
if [ "$rc" = 99 ]; then
	pass "# SKIP cannot drop root privileges here"
	pass "# SKIP cannot drop root privileges here"
else
	exits 1 "a directory we cannot write to"
	is "$(ls -A "$T/ro")" "" "leaves nothing behind"
fi

run md export sales --from 2026-06-01 --to 2026-06-30
exits 0 "sales in June"
is "$(printf '%s\n' "$out" | tr -d '\r')" "ticket,sold_at,card,amount,category,promo,payment
,2026-06-01 10:00:00,100008,6000.00,,0,cash" "only June's sale, paid amount"
rejects 1 "--from and --to choose members, sales or coupons" "a date range for points" \
	md export points --from 2026-01-01
rejects 1 "--from 2026-07-01 is after --to 2026-06-30" "a backwards range" \
	md export sales --from 2026-07-01 --to 2026-06-30
rejects 2 'cannot export "coupon"' "an unknown kind" md export coupon
rejects 2 "--bom goes with UTF-8 only" "a BOM in GB18030" md export members --bom --encoding gb18030

# The round trip: members, points and wallet into an empty database give
# the same members, balances and tiers.
md export members -o "$T/members.csv" 2>/dev/null
md export points -o "$T/points.csv" 2>/dev/null
md export wallet -o "$T/wallet.csv" 2>/dev/null
is "$(tr -d '\r' <"$T/points.csv")" "card,points,expires
100008,6000,2027-05-31
100016,1200,2027-04-30
100016,11,2027-08-31
100024,500,2027-05-31" "points: one row per batch with its expiry"
is "$(tr -d '\r' <"$T/wallet.csv")" "card,balance,bonus
100016,120.00,20.00
100024,50.00,0.00" "wallet: balance and the bonus part"
DB1=$DB
DB="$T/new.db"
run md import members "$T/members.csv" --map points=- --map balance=- --map bonus=-
exits 0 "import the members"
run md import points "$T/points.csv"
exits 0 "then their points"
run md import wallet "$T/wallet.csv"
exits 0 "then their stored value"
for kind in members points wallet; do
	is "$(md export $kind)" "$(DB=$DB1 md export $kind)" "$kind export again: identical"
done
is "$(sql "SELECT card, wallet_principal, wallet_bonus FROM members ORDER BY card")" \
   "$(DB=$DB1 sql "SELECT card, wallet_principal, wallet_bonus FROM members ORDER BY card")" \
   "principal and bonus apart"
run md check
exits 0 "the new database checks"

# The simple way, one members file: the same balances.
DB="$T/simple.db"
md import members "$T/members.csv" >/dev/null
is "$(sql "SELECT card, points, wallet_principal + wallet_bonus FROM members ORDER BY card")" \
   "$(DB=$DB1 sql "SELECT card, points, wallet_principal + wallet_bonus FROM members ORDER BY card")" \
   "one members file carries the balances too"
# Every export of personal data is audited before it leaves.
DB=$DB1
is "$(sql "SELECT action || ' ' || new FROM audit WHERE action LIKE 'export.%' ORDER BY id LIMIT 2")" \
   'export.members {"to":"-","from":"","until":""}
export.members {"to":"-","from":"","until":""}' "an export to standard output has an audit row"
is "$(sql "SELECT new FROM audit WHERE action = 'export.sales' LIMIT 1")" \
   '{"to":"-","from":"2026-06-01","until":"2026-06-30"}' "with its dates"
is "$(sql "SELECT count(*) FROM audit WHERE action = 'export.members' AND new LIKE '%m.csv%'")" "1" \
   "and the file it went to"

# Text that a spreadsheet would run as a formula gets a ' in front
# (names, notes, tags, categories; never numbers), and the import takes
# exactly that ' off again.
DB="$T/formula.db"
md settings set phone_required no >/dev/null
md member add --name '=HYPERLINK("http://x","y")' --note '+cmd|calc' --tag '@vip' >/dev/null	# 100008
md member add --name '-2+3' --phone +14155552671 >/dev/null			# 100016
md member add --name "'=already quoted" >/dev/null				# 100024
md sale add 100016 --amount 20 --category '=1+1' >/dev/null
md wallet recharge 100016 --amount 50 >/dev/null
md sale add 100016 --amount 30 --pay wallet >/dev/null
run md export members
like "$out" "100008,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",,,,普通,0,0.00,0.00,2026-11-23,,'@vip,'+cmd|calc,active" \
     "export: a formula-like name, tag and note get a '"
like "$out" "100016,'-2+3,'+14155552671," "and a phone with its +"
like "$out" "100024,''=already quoted," "a name that starts with ' and a formula gets one more"
run md export sales
like "$out" ",100016,20.00,'=1+1,0,cash" "a category too, but never the amount"
run md member list --format csv
like "$out" "100008,,\"'=HYPERLINK(" "member list --format csv as well"
run md member list --format tsv
like "$out" "'-2+3" "and tsv"
run md wallet history 100016 --format csv
like "$out" ",-30.00," "a negative amount stays a number"
md export members -o "$T/f.csv" 2>/dev/null
DB="$T/formula2.db"
md settings set phone_required no >/dev/null
run md import members "$T/f.csv"
exits 0 "the export imports back"
is "$(sql "SELECT name || '|' || note || '|' || coalesce(phone, '') FROM members ORDER BY id")" \
   '=HYPERLINK("http://x","y")|+cmd|calc|
-2+3||+14155552671
'"'"'=already quoted||' "with exactly the one ' taken off"
is "$(sql "SELECT name FROM tags")" "@vip" "tags too"

done_testing
