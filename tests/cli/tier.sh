#!/bin/sh
# tier.sh - tiers: rules, upgrades at the till, retention and downgrade
. "$top_srcdir/tests/lib.sh"

at() { export MEMBERDESK_NOW="$1"; }
tier_of() { sql "SELECT t.name FROM members m JOIN tiers t ON t.id = m.tier_id WHERE m.card = '$1'"; }
col() {
	printf '%s\n' "$out" | awk -F, -v name="$1" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == name) c = i } END { print $c }'
}

at "2021-06-01 10:00:00"
run md tier list --format csv
is "$out" "rank,name,min_spend,min_visits,keep_spend,discount,points_rate,members
0,普通,0.00,0,0.00,100,1,0
1,银卡,1000.00,0,500.00,98,1.2,0
2,金卡,5000.00,0,2500.00,95,1.5,0
3,钻石,20000.00,0,10000.00,90,2,0" "four default tiers"

md member add --phone 13800138000 --name 张三 >/dev/null	# 100008
md member add --phone 13900139000 --name 李四 >/dev/null	# 100016
is "$(tier_of 100008)" "普通" "a new member starts in the base tier"

# An upgrade happens at the till.
at "2021-06-15 10:00:00"
run md sale add 100008 --amount 1000
like "$out" "Welcome to 银卡!" "a sale that qualifies upgrades at once"
is "$(tier_of 100008)" "银卡" "to 银卡"
is "$(sql "SELECT reason || ':' || sale_id FROM tier_history WHERE member_id = 1")" "upgrade:1" \
   "with a history row naming the sale"
run md member show 100008 --format csv
is "$(col next_tier),$(col to_next_tier),$(col to_keep_tier)" "金卡,4000.00,0.00" \
   "member show: ¥4,000 more to 金卡, 银卡 kept"
run md member show 100008
like "$out" "¥4,000.00 more to reach 金卡" "and says so in words"

# Retention vs downgrade exactly at the window edge (12 months).
run md tier evaluate --as-of 2022-06-14 --dry-run --format csv
is "$(printf '%s\n' "$out" | wc -l)" "1" \
   "on 2022-06-14 the sale of 2021-06-15 is still in the window: nobody moves"
run md tier evaluate --as-of 2022-06-15 --dry-run --format csv
is "$(printf '%s\n' "$out" | tail -n 1)" "100008,张三,银卡,普通,downgrade,0.00,0,500.00" \
   "on 2022-06-15 it has left the window: spend 0 < 500 keeps nothing (dry run)"
is "$(tier_of 100008)" "银卡" "a dry run changes nothing"

at "2022-01-10 10:00:00"
run md sale add 100008 --amount 510.20 --format csv	# 银卡 pays 98%
is "$(col paid)" "500.00" "¥510.20 at 98% pays exactly ¥500.00, the keep spend"
run md tier evaluate --as-of 2022-06-15 --dry-run --format csv
is "$(printf '%s\n' "$out" | wc -l)" "1" "exactly the keep spend in the window: retained"
at "2022-06-15 09:00:00"
run md member show 100008 --format csv
is "$(col tier)" "银卡" "and the day comes: still 银卡 (the daily review ran on its own)"
at "2023-01-10 09:00:00"
run md member show 100008 --format csv
is "$(col tier)" "普通" "once that purchase leaves the window too, down to 普通"
is "$(sql "SELECT group_concat(reason, ' ') FROM tier_history WHERE member_id = 1")" "upgrade downgrade" \
   "every tier change is a history row"

# Visits qualify too; a tier qualifies on any rule it sets.
md tier edit 金卡 --min-visits 3 >/dev/null
at "2023-01-11 10:00:00"; md sale add 100016 --amount 10 >/dev/null
at "2023-01-12 10:00:00"; md sale add 100016 --amount 10 >/dev/null
at "2023-01-12 18:00:00"; md sale add 100016 --amount 10 >/dev/null
is "$(tier_of 100016)" "普通" "two days of purchases are two visits"
at "2023-01-13 10:00:00"; md sale add 100016 --amount 10 >/dev/null
is "$(tier_of 100016)" "金卡" "the third day reaches 金卡 by visits alone"

# A void undoes the upgrade it brought.
last=$(sql "SELECT max(id) FROM sales")
md sale void "$last" --reason "entered twice" >/dev/null
is "$(tier_of 100016)" "普通" "voiding the sale that upgraded them takes the tier back"

# Tier rules
run md tier add 黑金 --min-spend 50000 --keep-spend 30000 --discount 85 --points-rate 3
exits 0 "add a tier on top"
is "$(md tier list --format csv | tail -n 1)" "4,黑金,50000.00,0,30000.00,85,3,0" "it is the highest"
run md tier add 铜卡 --min-spend 300 --rank 1 --discount 99
exits 0 "add a tier at a chosen rank"
is "$(md tier list --format csv | cut -d, -f2 | tr '\n' ' ')" "name 普通 铜卡 银卡 金卡 钻石 黑金 " \
   "the others move up"
run md tier edit 钻石 --rank 2
exits 0 "move a tier down the order"
is "$(md tier list --format csv | cut -d, -f1,2 | tr '\n' ' ')" \
   "rank,name 0,普通 1,铜卡 2,钻石 3,银卡 4,金卡 5,黑金 " "the tiers between shift up by one"
is "$(sql "SELECT action, new LIKE '%\"rank\":\"2\"%' FROM audit ORDER BY id DESC LIMIT 1")" "tier.edit|1" "an audit row with the new rank"
run md tier edit 钻石 --rank 4
exits 0 "and up again"
is "$(md tier list --format csv | cut -d, -f2 | tr '\n' ' ')" "name 普通 铜卡 银卡 金卡 钻石 黑金 " \
   "back where it was"
rejects 1 'rank "6" must be from 1 (just above the base tier) to 5' "a rank past the top" \
	md tier edit 钻石 --rank 6
rejects 1 'rank "0" must be from 1' "rank 0 is the base tier's" md tier edit 钻石 --rank 0
rejects 1 "the base tier 普通 stays at the bottom" "the base tier does not move" \
	md tier edit 普通 --rank 2
rejects 1 'there is already a tier "银卡"' "a tier name twice" md tier add 银卡 --min-spend 1
rejects 1 "tier 蓝卡 needs a minimum spend or a minimum number of visits" "a tier with no rule" \
	md tier add 蓝卡
rejects 1 'discount "101" must be the percentage paid, from 1 to 100' "a discount over 100" \
	md tier edit 银卡 --discount 101
rejects 1 "the base tier 普通 is for everyone" "a rule on the base tier" \
	md tier edit 普通 --min-spend 10
rejects 1 'there is no tier "紫卡"' "an unknown tier" md tier edit 紫卡 --discount 90

# Deleting a tier in use needs its members moved explicitly.
md tier assign 100016 铜卡 --reason "loyal customer" >/dev/null
rejects 1 "1 member holds 铜卡: give the tier they move to (--move-to)" "delete a tier in use" \
	md tier delete 铜卡
run md tier delete 铜卡 --move-to 银卡
exits 0 "delete it, moving its members"
is "$(tier_of 100016)" "银卡" "the member moved"
is "$(sql "SELECT reason FROM tier_history ORDER BY id DESC LIMIT 1")" "retired" "with a history row"
rejects 1 "the base tier 普通 cannot be deleted" "delete the base tier" md tier delete 普通
rejects 1 "100016 (李四) is already in tier 银卡" "assign the tier a member has" \
	md tier assign 100016 银卡 --reason x
rejects 2 "--reason is required" "assign without a reason" md tier assign 100016 金卡
rejects 1 "tiers can be evaluated for a future date only as a dry run (--dry-run)" "evaluate the future" \
	md tier evaluate --as-of 2030-01-01

run md member list --tier 银卡 --format csv
is "$(printf '%s\n' "$out" | tail -n +2 | cut -d, -f1)" "100016" "member list --tier"

run md check
exits 0 "everything adds up"

# The daily review looks only at who could have come to drop since the
# day before; day by day, each way of coming to drop is still found.
DB="$T/daily.db"
at "2024-03-01 10:00:00"
md member add --phone 13800000001 --name 甲 >/dev/null	# 100008: a sale leaves the window
md member add --phone 13800000002 --name 乙 >/dev/null	# 100016: put in a tier by hand
md member add --phone 13800000003 --name 丙 >/dev/null	# 100024: the keep spend is raised
md member add --phone 13800000004 --name 丁 >/dev/null	# 100032: a sale is voided
md sale add 100008 --amount 1000 >/dev/null
md sale add 100024 --amount 1000 >/dev/null
md sale add 100032 --amount 1000 >/dev/null
at "2024-03-03 10:00:00"
md tier assign 100016 银卡 --reason "老客户" >/dev/null
at "2025-01-10 10:00:00"
md sale add 100024 --amount 700 >/dev/null	# 686 paid
md sale add 100032 --amount 300 >/dev/null
md sale add 100032 --amount 300 >/dev/null
daily() {	# daily DAY: the first command of each day up to DAY
	_d=$1
	at "$_d 09:00:00"
	md settings show >/dev/null
}
daily 2025-02-28
is "$(tier_of 100008)/$(tier_of 100016)/$(tier_of 100024)/$(tier_of 100032)" "银卡/银卡/银卡/银卡" \
	"the day before: nobody has come to drop"
daily 2025-03-01
is "$(tier_of 100008)" "普通" "the day the upgrading sale leaves the window: dropped"
is "$(tier_of 100016)/$(tier_of 100024)/$(tier_of 100032)" "银卡/银卡/银卡" "the others kept"
md tier edit 银卡 --keep-spend 690 >/dev/null
md sale void "$(sql "SELECT max(id) FROM sales")" --reason "退货" >/dev/null
is "$(tier_of 100032)" "银卡" "a void that upgraded nobody moves nobody at once"
daily 2025-03-02
is "$(tier_of 100024)" "普通" "the day after the keep spend was raised: dropped"
is "$(tier_of 100032)" "普通" "the day after a void left too little: dropped"
is "$(tier_of 100016)" "银卡" "the tier set by hand is kept until a whole window has passed"
daily 2025-03-03
is "$(tier_of 100016)" "普通" "and dropped on the day it has"
run md check
exits 0 "and everything adds up"

done_testing
