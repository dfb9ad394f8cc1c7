#!/bin/sh
# check.sh - memberdesk check finds what does not add up; merge moves money
. "$top_srcdir/tests/lib.sh"

at() { export MEMBERDESK_NOW="$1"; }
balances() { sql "SELECT points || '/' || wallet_principal || '/' || wallet_bonus FROM members WHERE card = '$1'"; }

at "2026-02-01 10:00:00"
md settings set points_expiry year-end:1
md wallet rules set 100:10 >/dev/null
md member add --phone 13800138000 --name 张三 --tag VIP >/dev/null	# 100008
md member add --phone 13900139000 --name 张三 --tag 学生 >/dev/null	# 100016, the same person
md sale add 100008 --amount 300 >/dev/null
md wallet recharge 100016 --amount 100 >/dev/null
at "2026-02-02 10:00:00"
md settings set points_expiry months:12		# the duplicate's points expire sooner
md sale add 100016 --amount 200 --pay wechat >/dev/null
md sale add 100016 --amount 50 --pay wallet --use-points 100 >/dev/null

run md check
exits 0 "a clean database passes"
is "$err" "memberdesk: everything adds up" "and says so"

# Merge: the duplicate's history and balances move, expiry and all.
is "$(balances 100016)" "100/5100/1000" \
   "the duplicate: 200 - 100 points (stored value earns none), ¥51 + ¥10 stored value"
run md member merge 100008 100016
exits 0 "merge the duplicate into the original"
is "$(balances 100008)" "400/5100/1000" "points and stored value moved to the original"
is "$(balances 100016)" "0/0/0" "and left the duplicate"
is "$(sql "SELECT count(*) FROM sales WHERE member_id = 1")" "3" "the sales moved too"
is "$(sql "SELECT group_concat(remaining || '@' || expires, ' ') FROM (SELECT * FROM points_lots WHERE member_id = 1 AND remaining > 0 ORDER BY expires)")" \
   "100@2027-02-01 300@2027-12-31" "each lot keeps its own expiry"
is "$(sql "SELECT t.name FROM members m JOIN tiers t ON t.id = m.tier_id WHERE m.card = '100008'")" "普通" \
   "the tier is the higher of the two"
run md check
exits 0 "and everything still adds up"

# Tampering is found: each kind of damage, one at a time, then undone.
tamper() {	# tamper DESC SQL EXPECT UNDO-SQL
	sql "$2"
	run md check
	exits 1 "check finds: $1"
	like "$out" "$3" "naming it: $1"
	like "$err" "problem" "and counts the problems"
	sql "$4"
}
tamper "a points cache that disagrees with the ledger" \
	"UPDATE members SET points = points + 5 WHERE card = '100008'" \
	"member 100008: cached points 405, but the points ledger adds up to 400" \
	"UPDATE members SET points = points - 5 WHERE card = '100008'"
tamper "a lot whose remainder was edited" \
	"UPDATE points_lots SET remaining = remaining - 1 WHERE id = (SELECT max(id) FROM points_lots)" \
	"but its entries leave" \
	"UPDATE points_lots SET remaining = remaining + 1 WHERE id = (SELECT max(id) FROM points_lots)"
tamper "a stored value cache that disagrees" \
	"UPDATE members SET wallet_bonus = wallet_bonus + 100 WHERE card = '100008'" \
	"cached stored value bonus 1100, but the ledger adds up to 1000" \
	"UPDATE members SET wallet_bonus = wallet_bonus - 100 WHERE card = '100008'"
tamper "a stored value principal that disagrees" \
	"UPDATE members SET wallet_principal = wallet_principal - 1 WHERE card = '100008'" \
	"cached stored value principal 5099, but the ledger adds up to 5100" \
	"UPDATE members SET wallet_principal = wallet_principal + 1 WHERE card = '100008'"
# Principal and bonus are proved in one pass: both wrong, both named.
sql "UPDATE members SET wallet_principal = 1, wallet_bonus = 2 WHERE card = '100008'"
run md check
like "$out" "member 100008: cached stored value principal 1, but the ledger adds up to 5100" \
	"a member whose principal and bonus are both wrong: the principal"
like "$out" "member 100008: cached stored value bonus 2, but the ledger adds up to 1000" \
	"and the bonus"
like "$err" "2 problems" "two problems"
sql "UPDATE members SET wallet_principal = 5100, wallet_bonus = 1000 WHERE card = '100008'"
tamper "a member in a tier that was deleted" \
	"PRAGMA foreign_keys = OFF; UPDATE members SET tier_id = 999 WHERE card = '100008'" \
	"member 100008 (999, active) is not in an active tier" \
	"UPDATE members SET tier_id = (SELECT id FROM tiers WHERE rank = 0) WHERE card = '100008'"
tamper "a sale whose points were edited" \
	"UPDATE sales SET points_earned = 999 WHERE id = 1" \
	"sale 1 earned 999 points, but the ledger credited 300" \
	"UPDATE sales SET points_earned = 300 WHERE id = 1"
tamper "a row pointing at a missing member" \
	"PRAGMA foreign_keys = OFF; INSERT INTO member_tags VALUES (999, 1)" \
	"table member_tags row" \
	"DELETE FROM member_tags WHERE member_id = 999"
tamper "a sale whose redeemed points were edited" \
	"UPDATE sales SET points_used = 7 WHERE id = 1" \
	"sale 1 used 7 points, but the ledger took 0" \
	"UPDATE sales SET points_used = 0 WHERE id = 1"
tamper "a sale whose stored value was edited" \
	"UPDATE sales SET wallet_bonus = 1 WHERE id = 1" \
	"sale 1 paid 1 from stored value, but the ledger took 0" \
	"UPDATE sales SET wallet_bonus = 0 WHERE id = 1"
tamper "a sale credited twice" \
	"INSERT INTO points_ledger(member_id, kind, delta, sale_id, at, operator) SELECT member_id, kind, delta, sale_id, at, operator FROM points_ledger WHERE sale_id = 1 AND kind = 'earn'" \
	"sale 1 earned 300 points, but the ledger credited 600" \
	"DELETE FROM points_ledger WHERE id = (SELECT max(id) FROM points_ledger WHERE sale_id = 1)"
# A sale's coupons: its own record of them against its discount and
# against the coupons themselves.
md coupon campaign add 五元券 --kind voucher --value 5 --days 30 >/dev/null
md coupon give 五元券 100008 >/dev/null
code=$(sql "SELECT code FROM coupons ORDER BY id DESC LIMIT 1")
md sale add 100008 --amount 80 --coupon "$code" >/dev/null
ks=$(sql "SELECT max(id) FROM sales")
run md check
exits 0 "a sale with a coupon adds up"
tamper "a sale's record of its coupon edited" \
	"UPDATE sale_coupons SET discount = 300 WHERE sale_id = $ks" \
	"sale $ks took 500 off with coupons, but its coupons took 300" \
	"UPDATE sale_coupons SET discount = 500 WHERE sale_id = $ks"
like "$out" "is redeemed with 500 off, but its sale's record of it says 300" \
	"  ... and the coupon disagrees with it too"
tamper "a sale's record of its coupon deleted" \
	"DELETE FROM sale_coupons WHERE sale_id = $ks" \
	"is redeemed by sale $ks, which has no record of it" \
	"INSERT INTO sale_coupons SELECT sale_id, id, discount FROM coupons WHERE sale_id = $ks"
run md check
exits 0 "clean again once each is undone"

# An index that disagrees with its table: only --full compares them
# (the quick check reads every page, not every index entry).
sql "PRAGMA writable_schema = ON; UPDATE sqlite_schema SET sql = 'CREATE INDEX members_card_digits ON members(card || ''x'')' WHERE name = 'members_card_digits'"
run md check
exits 0 "check reads the file, not every index entry"
run md check --full
exits 1 "check --full compares every index with its table"
like "$out" "missing from index members_card_digits" "and names the index"
sql "PRAGMA writable_schema = ON; UPDATE sqlite_schema SET sql = 'CREATE INDEX members_card_digits ON members(replace(card, ''-'', ''''))' WHERE name = 'members_card_digits'"
run md check --full
exits 0 "as it was, check --full passes"

# Money operations are in the audit log too.
run md audit --format csv
like "$out" "sale.add" "sales are audited"
like "$out" "wallet.recharge" "recharges are audited"
like "$out" "member.merge" "merges are audited"

done_testing
