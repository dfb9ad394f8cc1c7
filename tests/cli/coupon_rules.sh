#!/bin/sh
# coupon_rules.sh - the automatic coupons: welcome, birthday, upgrade;
# their boundary days, idempotence, limits, frozen members, refusals
. "$top_srcdir/tests/lib.sh"

at() { export MEMBERDESK_NOW="$1 10:00:00"; }
# The coupons of a member (card) by how, as "how:period" lines.
coupons_of() {
	sql "SELECT k.how || ':' || coalesce(k.period, '') FROM coupons k JOIN members m
	     ON m.id = k.member_id WHERE m.card = '$1' ORDER BY k.id"
}
count() { sql "SELECT count(*) FROM coupons WHERE how = '$1'"; }

at 2023-11-23
md settings set phone_required no >/dev/null
md coupon campaign add 迎新 --kind voucher --value 10 --days 30 >/dev/null	# 1
md coupon campaign add 生日礼 --kind voucher --value 20 --days 14 --per-member 10 >/dev/null	# 2
md coupon campaign add 升级礼 --kind voucher --value 30 --days 30 --per-member 5 >/dev/null	# 3
md coupon campaign add 草稿 --kind voucher --value 5 --days 30 --draft >/dev/null	# 4
md coupon campaign add 已结束 --kind voucher --value 5 --days 30 >/dev/null	# 5
md coupon campaign end 已结束 >/dev/null

# ---- The rules as set ----------------------------------------------------
run md coupon rules
exits 0 "coupon rules with none set"
is "$out" "" "lists nothing"
run md coupon rules set welcome 迎新
exits 0 "coupon rules set welcome"
md coupon rules set birthday 生日礼 >/dev/null
md coupon rules set upgrade 3 >/dev/null
run md coupon rules --format csv
is "$out" "rule,campaign,status,days
welcome,迎新,active,
birthday,生日礼,active,7
upgrade,升级礼,active," "three rules, the birthday one 7 days before by default"
is "$(sql "SELECT json_extract(new, '\$.rule') || ',' || json_extract(new, '\$.name') || ','
	|| json_extract(new, '\$.days') FROM audit WHERE action = 'coupon.rule' ORDER BY id LIMIT 1")" \
   "welcome,迎新,0" "setting a rule is audited"

rejects 1 'unknown rule "referral": welcome, birthday, upgrade or winback' "an unknown rule" \
	md coupon rules set referral 迎新
rejects 1 "campaign 已结束 has ended" "an ended campaign" md coupon rules set winback 已结束
rejects 1 "--days is for the birthday rule only" "--days on another rule" \
	md coupon rules set welcome 迎新 --days 3
rejects 1 '--days "61" must be a whole number of days from 0 to 60' "too many days" \
	md coupon rules set birthday 生日礼 --days 61
rejects 1 '--days "-1" must be a whole number of days from 0 to 60' "negative days" \
	md coupon rules set birthday 生日礼 --days -1
rejects 1 "the winback rule is not set" "unset a rule that is not set" \
	md coupon rules unset winback
rejects 2 "give the rule and the campaign" "set without the campaign" md coupon rules set welcome
rejects 1 'there is no campaign "没有这个"' "set to a campaign that does not exist" \
	md coupon rules set welcome 没有这个

# ---- Welcome: at the counter, not by import -------------------------------
run md member add --name 张三 --phone 13800138000 --birthday 1990-11-30
exits 0 "member add with a welcome rule"
is "$out" "100008" "stdout is still the card alone"
like "$err" "welcome coupon " "stderr names the welcome coupon"
like "$err" "(迎新), valid 2023-11-23 to 2023-12-22" "with its campaign and days"
is "$(coupons_of 100008)" "welcome:2023-11-23" "one welcome coupon, for the join"
is "$(sql "SELECT json_extract(new, '\$.rule') || ',' || json_extract(new, '\$.coupons') || ','
	|| (member_id IS NOT NULL) FROM audit WHERE action = 'coupon.auto'")" "welcome,1,1" \
   "the welcome coupon is audited, with its member"
printf 'card,name,birthday\n7001,周杰,1991-06-01\n' >"$T/import.csv"
run md import members "$T/import.csv"
exits 0 "import a member"
is "$(coupons_of 7001)" "" "an imported member gets no welcome coupon"

# A welcome campaign whose total is reached: the member is registered, without one.
md coupon campaign add 限量迎新 --kind voucher --value 10 --days 30 --total 1 >/dev/null	# 6
md coupon rules set welcome 限量迎新 >/dev/null
md member add --name 李四 --phone 13900139000 --birthday 1990-12-01 >/dev/null 2>&1	# 100016
run md member add --name 王五 --birthday 1990-11-29	# 100024
exits 0 "registration goes on past the campaign's total"
is "$err" "" "and says nothing of a coupon"
is "$(coupons_of 100016),$(coupons_of 100024)" "welcome:2023-11-23," "only the first got one"
md coupon rules set welcome 草稿 >/dev/null
run md member add --name 赵六
is "$err" "" "a draft campaign gives no welcome coupon"
md coupon rules unset welcome >/dev/null
run md coupon rules --format csv
unlike "$out" "welcome" "unset: the rule is gone"

# ---- Birthday: N days before ----------------------------------------------
# Today 2023-11-23: 张三 (11-30) is exactly 7 days away, 李四 (12-01) 8,
# 王五 (11-29) 6.  The daily rules ran at the first command of the day,
# before any of them was registered: coupon rules run gives today's.
run md coupon rules run
exits 0 "coupon rules run"
is "$out" "birthday: 1 coupon issued" "says what it gave"
is "$(coupons_of 100008)" "welcome:2023-11-23
birthday:2023" "exactly 7 days before: a birthday coupon for 2023"
is "$(coupons_of 100016)" "welcome:2023-11-23" "8 days before: none yet"
is "$(coupons_of 100024)" "" "6 days before: none (its day was yesterday, before it was registered)"
is "$(sql "SELECT valid_from || '..' || expires FROM coupons WHERE how = 'birthday'")" \
   "2023-11-23..2023-12-06" "the campaign's days from the day of issue"
is "$(sql "SELECT json_extract(new, '\$.rule') || ',' || json_extract(new, '\$.name') || ','
	|| json_extract(new, '\$.period') || ',' || json_extract(new, '\$.coupons')
	FROM audit WHERE action = 'coupon.auto' ORDER BY id DESC LIMIT 1")" "birthday,生日礼,2023,1" \
   "the run's audit row names the rule, the campaign, the period and the count"
before=$(dbsum)
run md coupon rules run
is "$out" "birthday: 0 coupons issued" "run twice: nothing more"
is "$(dbsum)" "$before" "and nothing written"

# The next day, by the daily rules alone: 李四's turn, 张三 not again.
at 2023-11-24
run md member list
is "$(coupons_of 100016)" "welcome:2023-11-23
birthday:2023" "8 days before yesterday is 7 days before today"
is "$(count birthday)" "2" "张三 had his already"

# Frozen and deleted members get none.
md member add --name 冻结 --birthday 1980-12-08 >/dev/null	# 100040
md member add --name 删除 --birthday 1980-12-08 >/dev/null	# 100057
md member add --name 正常 --birthday 1980-12-08 >/dev/null	# 100065
md member freeze 100040 >/dev/null
md member delete 100057 >/dev/null
at 2023-12-01
run md coupon rules run
is "$(coupons_of 100040)$(coupons_of 100057)" "" "frozen and deleted members: none"
is "$(coupons_of 100065)" "birthday:2023" "the active one: one"

# The new year: a birthday on 3 January, seen from 27 December, is next year's.
md member add --name 元旦 --birthday 2001-01-03 >/dev/null	# 100073
at 2023-12-27
run md coupon rules run
is "$(coupons_of 100073)" "birthday:2024" "across the new year: the period is 2024"

# Leap day: on the 29th in a leap year, kept on 28 February in a common year.
md member add --name 闰日 --birthday 2000-02-29 >/dev/null	# 100081
at 2024-02-21
run md member list
is "$(coupons_of 100081)" "" "2024-02-21: 28 February is not the birthday in a leap year"
at 2024-02-22
run md member list
is "$(coupons_of 100081)" "birthday:2024" "2024-02-22: 7 days before 29 February"
at 2025-02-20
run md member list
is "$(coupons_of 100081)" "birthday:2024" "2025-02-20: 8 days before 28 February, none yet"
at 2025-02-21
run md member list
is "$(coupons_of 100081)" "birthday:2024
birthday:2025" "2025-02-21: 7 days before 28 February, in a common year"

# Days 0: on the birthday itself.
md coupon rules set birthday 生日礼 --days 0 >/dev/null
md member add --name 当天 --birthday 1970-02-21 >/dev/null	# 100099
run md coupon rules run
is "$(coupons_of 100099)" "birthday:2025" "--days 0: on the day"

# ---- Limits ------------------------------------------------------------------
# The campaign's total holds, and a member who has as many of its coupons
# as one may gets no more.  (The daily rules have run for the day.)
at 2025-02-28
run md member list
md coupon campaign add 限量生日 --kind voucher --value 20 --days 14 --total 2 >/dev/null	# 7
md coupon rules set birthday 限量生日 --days 7 >/dev/null
for n in 1 2 3; do md member add --name "三月$n" --birthday 1990-03-07 >/dev/null; done	# 100107 100115 100123
md member add --name 已有 --birthday 1990-03-07 >/dev/null	# 100131
md coupon give 限量生日 100131 >/dev/null
run md coupon rules run
is "$out" "birthday: 1 coupon issued; 1 member has as many as one may; 2 more would pass the campaign's total" \
   "the per-member limit and the total, said"
is "$(sql "SELECT count(*) FROM coupons WHERE campaign_id = 7")" "2" "the total of 2 holds"
is "$(coupons_of 100107)" "birthday:2025" "the first registered gets the room"
is "$(coupons_of 100115)$(coupons_of 100123)" "" "the others none"
run md coupon rules run
is "$out" "birthday: 0 coupons issued; 1 member has as many as one may; 2 more would pass the campaign's total" \
   "run again: the same limits, nothing more"

# A rule whose campaign has ended is idle; the daily rules go on.
md coupon campaign end 限量生日 >/dev/null
run md coupon rules run
exits 0 "a rule whose campaign ended"
is "$out" "birthday: its campaign gives no coupons now" "is idle"

# ---- Upgrade: at the till, once per tier --------------------------------
md coupon rules set upgrade 升级礼 >/dev/null
run md sale add 100065 --amount 1000
like "$out" "Welcome to 银卡!" "a sale lifts 正常 to 银卡"
is "$(coupons_of 100065)" "birthday:2023
upgrade:2" "and gives the upgrade coupon, for that tier"
run md sale void 1 --reason 退货
run md sale add 100065 --amount 1000
like "$out" "Welcome to 银卡!" "void and sell again: upgraded again"
is "$(count upgrade)" "1" "but one upgrade coupon per tier"
run md sale add 100065 --amount 5000
like "$out" "Welcome to 金卡!" "to 金卡"
is "$(coupons_of 100065 | tail -n 1)" "upgrade:3" "a coupon for the new tier"

# ---- Translations ----------------------------------------------------------
LANGUAGE=zh_CN rejects 1 "未知的规则“referral”：welcome、birthday、upgrade 或 winback" \
	"zh_CN: an unknown rule" md coupon rules set referral 迎新
LANGUAGE=zh_TW rejects 1 "未知的規則「referral」：welcome、birthday、upgrade 或 winback" \
	"zh_TW: an unknown rule" md coupon rules set referral 迎新
run env LANGUAGE=zh_CN "$MEMBERDESK" --db "$DB" coupon rules
like "$out" "生日（提前若干天）" "zh_CN: the rules' names"
run env LANGUAGE=zh_TW "$MEMBERDESK" --db "$DB" coupon rules run
like "$out" "birthday: 其活動現在不發券" "zh_TW: an idle rule"

run md check
exits 0 "the database checks"
done_testing
