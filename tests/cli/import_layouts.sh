#!/bin/sh
# import_layouts.sh - the member files of the systems shops leave, as a
# Chinese Windows Excel saves them (GBK, CRLF, no BOM), with no --map.
# doc/migration.md says where each layout comes from.
. "$top_srcdir/tests/lib.sh"

D="$top_srcdir/tests/data"
rows() {
	sql "SELECT m.card, m.name, coalesce(m.phone, '-'), m.gender, coalesce(m.birthday, '-'),
	     t.name, m.points, m.wallet_principal, m.wallet_bonus, m.joined, m.status,
	     replace(coalesce(m.note, ''), char(10), '/') FROM members m
	     JOIN tiers t ON t.id = m.tier_id ORDER BY m.id"
}
tags() {
	sql "SELECT group_concat(name, ';') FROM (SELECT t.name FROM member_tags mt
	     JOIN tags t ON t.id = mt.tag_id JOIN members m ON m.id = mt.member_id
	     WHERE m.card = '$1' ORDER BY t.name)"
}

# LAYOUT FILE EXPECTED: the dry run and the real run say the same, the
# rows are as the file has them, and check passes.
layout() {
	rm -f "$DB"
	md tier list >/dev/null
	run md import members "$D/$2" --dry-run
	exits 0 "$1: the dry run succeeds"
	dry=$(printf '%s\n' "$out" | grep -v 'Dry run')
	is "$(sql 'SELECT count(*) FROM members')" "0" "$1: the dry run wrote nothing"
	run md import members "$D/$2"
	exits 0 "$1: imported with no --map"
	ierr=$err
	like "$out" "GB18030, delimiter ," "$1: GBK found by itself"
	is "$(printf '%s\n' "$out" | grep -v 'Imported as')" "$dry" "$1: the dry run said what the import did"
	is "$(rows)" "$3" "$1: every value as the file has it"
	run md check
	exits 0 "$1: check passes"
}

# fuint: its member import template (MemberTemplate.xlsx) and export.
layout "fuint template" layout_fuint_template.csv "80123123123|马常凤|18976679980|1|1990-01-03|金卡|87|82080|0|2026-11-23|active|老顾客/爱喝铁观音
80123123124|林晓|13908981234|2|1988-07-09|银卡|1250|130000|0|2026-11-23|active|
80123123125|黄一鸣|-|1|-|普通|0|0|0|2026-11-23|frozen|"
like "$ierr" 'column "登录密码" is not a field of members files and is ignored' "fuint: the password column is left behind"
is "$(sql "SELECT count(*) FROM tier_history h JOIN members m ON m.id = h.member_id WHERE m.card = '80123123123' AND h.reason = 'import'")" \
   "1" "fuint: 金卡会员 is the tier 金卡, with history"
layout "fuint export" layout_fuint_export.csv "60000001|吴秀兰|13807561234|2|1975-02-14|钻石|3000|200050|0|2026-11-23|active|
60000002|郑国|13907561234|1|-|普通|0|0|0|2026-11-23|frozen|换过卡,旧卡 6000"

# CRMEB: the user list export; the real name, or the nickname without one.
layout "CRMEB" layout_crmeb_users.csv "10234|王雨|15012345678|2|-|银卡|0|8800|0|2024-03-05|active|
10235|阿杰|15112345678|1|-|普通|0|0|0|2024-04-01|active|
10236|陈墨|-|0|-|钻石|0|102400|0|2025-01-20|active|"
is "$(tags 10234)" "爱甜品;老客" "CRMEB: 用户标签 are tags"

# Niushop: the member export (余额 is already the sum of both parts) and
# the import template (two balance columns: the sum, the locked part bonus).
layout "Niushop export" layout_niushop_members.csv "100008|张伟|13712345678|1|1992-06-18|金卡|880|35650|0|2023-08-08|active|
100016|Lily|13612345678|2|1995-12-01|普通|0|0|0|2024-02-02|active|
100024|李小路|13512345678|0|2001-03-03|银卡|15|1200|0|2025-05-05|active|"
is "$(tags 100008)" "周末;烘焙" "Niushop: 会员标签 are tags"
layout "Niushop template" layout_niushop_import.csv "100008|孙丽|13412345678|0|-|普通|200|10000|5000|2026-11-23|active|
100016|老周|13312345678|0|-|普通|0|0|100000|2026-11-23|active|
100024|钱多多|13212345678|0|-|普通|1500|2050|0|2026-11-23|active|"
is "$(sql "SELECT sum(principal + bonus) FROM wallet_ledger")" "117050" \
   "Niushop template: the stored value is the sum of both columns, none lost"

# A sheet kept by hand: Excel day numbers, spaced phones, ￥, a blank row.
layout "hand-kept sheet" layout_handkept.csv "0001|刘芳|13800135678|2|1990-05-28|金卡|2400|120000|30000|2023-11-04|active|
0002|何平|13900135678|1|-|银卡|0|0|0|2022-03-01|frozen|欠款未结/勿再赊账
0003|宋佳|-|0|-|普通|0|0|0|2023-03-15|frozen|"

# Two columns for one amount: refused, naming both, never half the money.
rm -f "$DB"
md tier list >/dev/null
printf '姓名,余额,余额(不可提现)\r\n甲,100,50\r\n' | iconv -f UTF-8 -t GBK >"$T/two.csv"
rejects 1 'columns "余额" (balance) and "余额(不可提现)" (non_withdrawable) cannot both be read' \
	"a total and a part" md import members "$T/two.csv"
printf '姓名,余额,储值余额\r\n甲,100,50\r\n' | iconv -f UTF-8 -t GBK >"$T/twice.csv"
rejects 1 'columns "余额" and "储值余额" are both balance' "two balance columns" \
	md import members "$T/twice.csv"
printf '姓名,赠送余额,余额(不可提现),余额(可提现)\r\n甲,10,50,20\r\n' >"$T/gift.csv"
rejects 1 'columns "赠送余额" (bonus) and "余额(不可提现)" (non_withdrawable) cannot both be read' \
	"a bonus beside the locked part" md import members "$T/gift.csv"
printf 'card,withdrawable,non_withdrawable\r\n' >"$T/w.csv"
printf '姓名,手机\r\n甲,13800000001\r\n' >"$T/m.csv"
md import members "$T/m.csv" >/dev/null
printf '手机,余额(可提现),余额(不可提现)\r\n13800000001,"1,000.00",￥250.00\r\n' >"$T/w.csv"
run md import wallet "$T/w.csv"
exits 0 "a wallet file in two parts"
is "$(sql "SELECT wallet_principal || '/' || wallet_bonus FROM members WHERE phone = '13800000001'")" \
   "100000/25000" "the withdrawable part is principal, the other bonus"

# Excel's scientific notation has lost the digits: the row is refused.
printf '会员号,姓名,手机号\r\n4.60102E+17,甲,13800000002\r\n8002,乙,1.38E+10\r\n' >"$T/sci.csv"
rejects 1 "2 rows were rejected" "numbers Excel rounded" md import members "$T/sci.csv" --errors "$T/e.csv"
like "$(cat "$T/e.csv")" '2,会员号,4.60102E+17,"""4.60102E+17"" is a number Excel showed in scientific notation and saved with its digits lost; format the column as text' \
     "the card: what happened and what to do"
like "$(cat "$T/e.csv")" '3,手机号,1.38E+10,' "the phone too"

# Value codes memberdesk does not know: named, with the codes it knows.
printf '姓名,性别,是否注销\r\n甲,男,已注销\r\n乙,男士,正常\r\n丙,女,禁用\r\n' >"$T/codes.csv"
rejects 1 "2 rows were rejected" "unknown codes" md import members "$T/codes.csv" --errors "$T/e.csv"
like "$(cat "$T/e.csv")" '2,是否注销,已注销,"status ""已注销"" is not a code memberdesk knows: active is active, 正常, 有效, 启用, 啟用, 激活, 啟動; frozen is frozen, 冻结, 凍結, 停用, 禁用, 挂失, 掛失, 锁定, 鎖定"' \
     "a status: the value and the codes"
like "$(cat "$T/e.csv")" '3,性别,男士,"gender ""男士"" is not one of male, female, unknown (or 男/女/保密/未知, M/F/U, 1/2/0)"' \
     "a gender: the value and the codes"

# A level that matches no tier names the tiers there are.
printf '姓名,会员等级\r\n甲,黑卡会员\r\n乙,銀卡會員\r\n' >"$T/lv.csv"
rejects 1 'level "黑卡会员" matches no tier (the tiers: 普通, 银卡, 金卡, 钻石)' "an unknown level" \
	md import members "$T/lv.csv"
printf '姓名,会员等级\r\n乙,銀卡會員\r\n' >"$T/lv2.csv"
run md import members "$T/lv2.csv"
is "$(sql "SELECT t.name FROM members m JOIN tiers t ON t.id = m.tier_id WHERE m.name = '乙'")" "银卡" \
   "銀卡會員 is 银卡: Traditional folded, 会员 dropped"

# --create-tiers: the file's own levels become tiers above ours, in the
# order the file names them, each member in theirs; the dry run says the
# same and writes nothing.
printf '姓名,手机,会员等级\r\n丁,13900000101,黑卡会员\r\n戊,13900000102,黑卡会员\r\n己,13900000103,至尊\r\n庚,13900000104,金卡\r\n' >"$T/new.csv"
before=$(dbsum)
run md import members "$T/new.csv" --create-tiers --dry-run
exits 0 "--create-tiers --dry-run"
like "$out" "2 tiers created for the file's levels" "says what it would create"
is "$(dbsum)" "$before" "and writes nothing"
run md import members "$T/new.csv" --create-tiers
exits 0 "--create-tiers"
like "$out" "2 tiers created for the file's levels (set their rules: tier edit)" "says what it created"
is "$(sql "SELECT group_concat(name || ':' || rank || ':' || min_spend, ' ') FROM (SELECT * FROM tiers WHERE rank IS NOT NULL ORDER BY rank)")" \
   "$(sql "SELECT group_concat(name || ':' || rank || ':' || min_spend, ' ') FROM (SELECT * FROM tiers WHERE rank IS NOT NULL AND rank < 4 ORDER BY rank)") 黑卡会员:4:$(( $(sql "SELECT min_spend FROM tiers WHERE rank = 3") + 100 )) 至尊:5:$(( $(sql "SELECT min_spend FROM tiers WHERE rank = 3") + 200 ))" \
   "above the others, in the file's order, each ¥1 above the last"
is "$(sql "SELECT group_concat(x, ' ') FROM (SELECT m.name || t.name AS x FROM members m JOIN tiers t ON t.id = m.tier_id WHERE m.name IN ('丁', '戊', '己', '庚') ORDER BY m.id)")" \
   "丁黑卡会员 戊黑卡会员 己至尊 庚金卡" "each member in the file's level"
is "$(sql "SELECT count(*) FROM audit WHERE action = 'tier.add'")" "2" "each new tier audited"
run md check
exits 0 "check at the end"

done_testing
