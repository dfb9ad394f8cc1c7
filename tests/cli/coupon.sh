#!/bin/sh
# coupon.sh - campaigns, issuing, the counter's redemption, voids, limits
. "$top_srcdir/tests/lib.sh"

at() { export MEMBERDESK_NOW="$1"; }
# code_of CAMPAIGN_ID CARD: the newest coupon of that campaign for that card
code_of() {
	sql "SELECT k.code FROM coupons k JOIN members m ON m.id = k.member_id
	     WHERE k.campaign_id = $1 AND m.card = '$2' ORDER BY k.id DESC LIMIT 1"
}
status_of() { sql "SELECT status FROM coupons WHERE code = '$1'"; }
points_of() { sql "SELECT points FROM members WHERE card = '$1'"; }

# Four members joining over a year; 李四 has a December birthday and a tag.
at "2025-06-01 10:00:00"
md member add --phone 13700137000 --name 王五 >/dev/null		# 100008
at "2026-05-01 10:00:00"
md member add --phone 13600136000 --name 赵六 >/dev/null		# 100016
at "2026-06-10 10:00:00"
md member add --phone 13800138000 --name 张三 >/dev/null		# 100024
md member add --phone 13900139000 --name 李四 --birthday 1990-12-05 --tag VIP >/dev/null	# 100032

# ---- Adding campaigns: every refusal says why and writes nothing ----------

rejects 2 "give the campaign's name" "a campaign without a name" \
	md coupon campaign add --kind voucher --value 10 --days 30
rejects 1 'kind "cashback" is not one of cash, percent, voucher, gift' "an unknown kind" \
	md coupon campaign add x --kind cashback --value 10 --days 30
rejects 1 "a cash-off campaign needs its minimum spend (满100减20: --min 100)" \
	"满减 without its minimum" md coupon campaign add x --kind cash --value 20 --days 30
rejects 1 "¥50.00 off from a spend of ¥30.00 would give away more than is spent" \
	"more off than the minimum spend" \
	md coupon campaign add x --kind cash --value 50 --min 30 --days 30
rejects 1 'value "8.5" must be the percentage paid, from 1 to 99 (85 is 8.5折)' \
	"8.5 for 8.5折" md coupon campaign add x --kind percent --value 8.5 --days 30
rejects 1 "a voucher has no minimum spend (that is a cash-off campaign)" \
	"a voucher with a minimum" md coupon campaign add x --kind voucher --value 10 --min 50 --days 30
rejects 1 "only a percent-off campaign has a cap" "a cash campaign with a cap" \
	md coupon campaign add x --kind cash --value 10 --min 50 --cap 5 --days 30
rejects 1 "a gift campaign needs the gift, as its value" "a gift of nothing" \
	md coupon campaign add x --kind gift --days 30
rejects 1 "when can the coupons be used? Give --from and --to, or --days" \
	"no validity" md coupon campaign add x --kind voucher --value 10
rejects 1 "give fixed dates (--from and --to) or a number of days (--days), not both" \
	"dates and days" md coupon campaign add x --kind voucher --value 10 --days 30 --to 2026-12-31
rejects 1 "--from 2026-12-31 is after --to 2026-12-01" "from after to" \
	md coupon campaign add x --kind voucher --value 10 --from 2026-12-31 --to 2026-12-01
rejects 1 "the campaign would end on 2026-06-01, before today: no coupon could be used" \
	"a campaign already over" md coupon campaign add x --kind voucher --value 10 --to 2026-06-01
rejects 1 'days "0" must be a whole number from 1 to 3660' "zero days" \
	md coupon campaign add x --kind voucher --value 10 --days 0
rejects 1 'days not on "weekdays" is not weekends or FROM..TO (2026-10-01..2026-10-07)' \
	"an unknown kind of day" md coupon campaign add x --kind voucher --value 10 --days 30 --not-on weekdays
rejects 1 'target "vip" is not all, tier:NAME, tag:NAME, segment:KEY, type:KEY, birthday-month:M, joined-within:N or file:PATH' \
	"a target of no kind" md coupon campaign add x --kind voucher --value 10 --days 30 --target vip
rejects 1 'there is no tag "贵宾"' "an unknown tag" \
	md coupon campaign add x --kind voucher --value 10 --days 30 --target tag:贵宾
rejects 1 'birthday month "13" must be a whole number from 1 to 12' "birthday month 13" \
	md coupon campaign add x --kind voucher --value 10 --days 30 --target birthday-month:13
rejects 1 'campaign name "2026" is a number, which would read as a campaign'"'"'s number' \
	"a name that is a number" md coupon campaign add 2026 --kind voucher --value 10 --days 30
printf 'card\n100024\n13900139000\n999999\n' >"$T/list.csv"
rejects 1 "list.csv: line 4: " "a list with an unknown member" \
	md coupon campaign add x --kind voucher --value 10 --days 30 --target "file:$T/list.csv"
rejects 1 "$T/none.csv" "a list that is not there" \
	md coupon campaign add x --kind voucher --value 10 --days 30 --target "file:$T/none.csv"

run md coupon campaign add 满100减20 --kind cash --value 20 --min 100 --days 30 \
	--per-member 2 --total 5
exits 0 "add a 满100减20 campaign"
is "$out" "1" "it prints its number"
rejects 1 'there is already a campaign "满100减20"' "the same name twice" \
	md coupon campaign add 满100减20 --kind voucher --value 10 --days 30
run md coupon campaign show 满100减20
is "$out" "Campaign 1: 满100减20 (running)
  Offer      cash off (满减), ¥20.00 off from ¥100.00
  Valid      30 days from the day it is issued
  Target     every active member: 4 members now
  Limits     2 per member, 5 in all
  Coupons    0 issued, 0 redeemed" "campaign show says what it gives, to whom, within what"

# ---- Issuing: per member and in all, across runs ---------------------------

rejects 1 'there is no campaign "满100减21"' "a dry run of no campaign" \
	md coupon issue 满100减21 --dry-run --members
rejects 2 "--members goes with --dry-run" "--members without --dry-run" \
	md coupon issue 满100减20 --members
run md coupon issue 满100减20 --dry-run --members
exits 0 "a dry run"
is "$(printf '%s\n' "$out" | head -n 1)" "card,name,phone" "names whom, as csv"
is "$(printf '%s\n' "$out" | grep -c '^1000')" "4" "all four members"
is "$(sql 'SELECT count(*) FROM coupons')" "0" "a dry run writes nothing"
run md coupon issue 1
is "$out" "4 coupons issued" "the first run: one each"
run md coupon issue 1
is "$out" "1 coupon issued; 3 members got none: the campaign's total is reached" \
   "the second run stops at the total"
run md coupon issue 1
like "$out" "0 coupons issued" "the third run gives nothing"
is "$(sql 'SELECT count(*) FROM coupons WHERE campaign_id = 1')" "5" "never past the total"
is "$(sql "SELECT max(n) FROM (SELECT count(*) n FROM coupons GROUP BY member_id)")" "2" \
   "nor past two a member"
is "$(sql "SELECT count(DISTINCT code) FROM coupons")" "5" "every code is different"
is "$(sql "SELECT expires FROM coupons LIMIT 1")" "2026-07-09" \
   "30 days, the day of issue included"
is "$(sql "SELECT count(*) FROM audit WHERE action = 'coupon.issue'")" "2" \
   "one audit row for each run that issued"

# ---- Targets -----------------------------------------------------------------

reach() { md coupon campaign show "$1" | sed -n 's/^  Target     //p'; }
md coupon campaign add 贵宾券 --kind voucher --value 10 --days 30 --target tag:VIP --draft >/dev/null
is "$(reach 贵宾券)" "members tagged VIP: 1 member now" "tag:VIP reaches 李四"
md coupon campaign add 生日券 --kind voucher --value 10 --days 30 --target birthday-month:12 --draft >/dev/null
is "$(reach 生日券)" "birthdays in month 12: 1 member now" "birthday-month:12 reaches 李四"
md coupon campaign add 新人券 --kind voucher --value 10 --days 30 --target joined-within:60 --draft >/dev/null
is "$(reach 新人券)" "members who joined in the last 60 days: 3 members now" \
   "joined-within:60 leaves out 王五, a member for a year"
md coupon campaign add 名单券 --kind voucher --value 10 --days 30 --draft \
	--target "file:$T/list.csv" 2>/dev/null
printf 'card\n100024\n13900139000\n' >"$T/list.csv"
run md coupon campaign add 名单券 --kind voucher --value 10 --days 30 --draft \
	--target "file:$T/list.csv"
exits 0 "a member list: a header, a card and a phone"
is "$(reach 名单券)" "2 listed members: 2 members now" "it reaches those two"
rm "$T/list.csv"
is "$(reach 名单券)" "2 listed members: 2 members now" "the list was taken in, not the file kept"
md coupon campaign add 普通券 --kind voucher --value 10 --days 30 --target tier:普通 --draft >/dev/null
is "$(reach 普通券)" "tier 普通: 4 members now" "tier:普通 reaches everyone, all in 普通"
rejects 1 "campaign 贵宾券 is a draft: start it first (coupon campaign start)" "issuing a draft" md coupon issue 贵宾券
md member freeze 100032 >/dev/null
is "$(reach 贵宾券)" "members tagged VIP: 0 members now" "a frozen member is not reached"
md member unfreeze 100032 >/dev/null

# ---- Drafts change freely; an active campaign only widens --------------------

run md coupon campaign edit 贵宾券 --kind percent --value 88 --cap 30
exits 0 "a draft may change anything"
run md coupon campaign start 贵宾券
exits 0 "start it"
rejects 1 "campaign 贵宾券 is running, not draft" "starting it twice" md coupon campaign start 贵宾券
rejects 1 "campaign 贵宾券 is active: it can only widen" "lowering an active campaign's offer" \
	md coupon campaign edit 贵宾券 --value 95
rejects 1 "campaign 贵宾券 is active: it can only widen" "retargeting an active campaign" \
	md coupon campaign edit 贵宾券 --target all
rejects 1 "campaign 满100减20 is active: it may have more coupons, not fewer" \
	"lowering the total" md coupon campaign edit 1 --total 3
rejects 1 "campaign 满100减20 is active: its coupons may be used longer, not shorter" \
	"fewer days" md coupon campaign edit 1 --days 10
run md coupon campaign edit 1 --total 8 --per-member 3 --name 满百减二十
exits 0 "more coupons, more per member and a new name"
run md coupon issue 满百减二十
is "$out" "3 coupons issued; 1 member got none: the campaign's total is reached" \
   "the widened total lets three more out"

md coupon campaign add 国庆券 --kind voucher --value 15 --from 2026-06-10 --to 2026-06-17 >/dev/null
md coupon give 国庆券 100024 >/dev/null
run md coupon campaign edit 国庆券 --to 2026-06-30
exits 0 "a later end"
is "$(sql "SELECT expires FROM coupons WHERE campaign_id = 7")" "2026-06-30" \
   "moves the coupons out there too"

# ---- Give, buy for points, revoke --------------------------------------------

md coupon campaign add 积分换券 --kind voucher --value 5 --days 90 --points 300 --per-member 5 >/dev/null
rejects 1 "100024 (张三) has 0 points; a coupon of 积分换券 costs 300" "buying with too few points" \
	md coupon buy 积分换券 100024
md points adjust 100024 +500 --reason 活动 >/dev/null
run md coupon buy 积分换券 100024
exits 0 "buy a coupon for 300 points"
like "$out" "300 points" "the slip says what it cost"
is "$(points_of 100024)" "200" "the points are taken"
code=$(code_of 8 100024)
rejects 2 "--reason is required" "revoking without a reason" md coupon revoke "$code"
run md coupon revoke "$code" --reason 顾客不要了
exits 0 "revoke it"
is "$(points_of 100024)" "500" "the points come back"
is "$(status_of "$code")" "revoked" "it is revoked"
rejects 1 "was revoked" "revoking it twice" md coupon revoke "$code" --reason again
is "$(md check >/dev/null 2>&1; echo $?)" "0" "check proves the points ledger"
rejects 1 "campaign 国庆券's coupons are not sold for points" "buying what is not for sale" \
	md coupon buy 国庆券 100024
rejects 1 "mistyped code" "revoking a mistyped code" md coupon revoke ABCDE-FGHJL --reason x

# ---- The counter -------------------------------------------------------------

c1=$(code_of 1 100024)
shown=$(printf '%s' "$c1" | sed 's/^\(.....\)/\1-/')
lower=$(printf '%s' "$shown" | tr 'A-Z' 'a-z')
rejects 1 "coupon $shown needs a spend of ¥100.00 after the tier discount: ¥0.01 more" \
	"a bill below the minimum" md sale add 100024 --amount 99.99 --coupon "$c1"
rejects 1 "coupon $shown belongs to another member" "another member's coupon" \
	md sale add 100032 --amount 150 --coupon "$c1"
rejects 1 "coupon $shown belongs to a member: sell to the member it was given to" \
	"a walk-in with a member's coupon" md sale add --amount 150 --coupon "$c1"
rejects 1 "mistyped code" "a mistyped code" md sale add 100024 --amount 150 \
	--coupon "$(printf '%s' "$c1" | tr 2 3)X"
rejects 1 "unknown code" "a well-formed code nobody was given" \
	md sale add 100024 --amount 150 --coupon 22222-22222
run md sale add 100024 --amount 150 --coupon "$lower" --dry-run
exits 0 "a dry run with a coupon"
is "$(status_of "$c1")" "issued" "leaves it unused"
run md sale add 100024 --amount 150 --coupon "$lower"
exits 0 "redeem it, typed in lower case with its hyphen"
like "$out" "Coupon                   -¥20.00" "the receipt shows what it took off"
like "$out" "Total                    ¥130.00" "and the total after it"
is "$(status_of "$c1")" "redeemed" "the coupon is used"
rejects 1 "coupon $shown was used already, in sale 1" "using it twice" \
	md sale add 100024 --amount 150 --coupon "$c1"
is "$(md sale list --format csv | sed -n 2p | cut -d, -f7,8)" "20.00,$shown" \
   "sale list says the coupon and its discount"

md coupon campaign add 八五折 --kind percent --value 85 --cap 30 --days 30 >/dev/null
md coupon give 八五折 100032 >/dev/null
pc=$(code_of 9 100032)
run md sale add 100032 --amount 100 --coupon "$pc" --dry-run
like "$out" "Coupon                   -¥15.00" "8.5折 of ¥100 takes ¥15"
run md sale add 100032 --amount 1000 --coupon "$pc" --dry-run
like "$out" "Coupon                   -¥30.00" "and of ¥1,000 only its cap"

md coupon campaign add 茶点 --kind gift --value 茶点一份 --days 7 >/dev/null
md coupon give 茶点 100032 >/dev/null
gc=$(code_of 10 100032)
rejects 1 "one coupon per sale (the setting coupons_per_sale allows more)" \
	"two coupons where one is allowed" md sale add 100032 --amount 100 --coupon "$pc" --coupon "$gc"
md settings set coupons_per_sale 2 >/dev/null
rejects 1 "is given twice" "one coupon twice in a sale" \
	md sale add 100032 --amount 100 --coupon "$pc" --coupon "$pc"
run md sale add 100032 --amount 100 --coupon "$pc" --coupon "$gc"
exits 0 "two coupons in one sale"
like "$out" "Gift                    茶点一份" "the receipt names the gift to hand over"
sale=$(sql "SELECT max(id) FROM sales")
rejects 1 'coupons_per_sale must be between 1 and 5' "more than five coupons a sale" \
	md settings set coupons_per_sale 9

# A void gives the coupons back while they are still good.
run md sale void "$sale" --reason 退货
exits 0 "void the sale"
is "$(status_of "$pc"),$(status_of "$gc")" "issued,issued" "its coupons may be used again"
# shown CODE: the code as people read it, ABCDE-FGHJK.
shown() { printf '%s-%s' "$(printf %s "$1" | cut -c1-5)" "$(printf %s "$1" | cut -c6-)"; }
row=$(md sale list --format csv | grep "^$sale,")
like "$row" ",voided" "the sale is voided"
like "$row" "$(shown "$pc")" "the voided sale still names the coupons it took"
like "$row" "$(shown "$gc")" "  ... both of them"
like "$(md sale show "$sale")" "Gift                                    茶点一份" \
	"  ... and its receipt the gift that was handed over"
is "$(sql "SELECT sum(discount) FROM sale_coupons WHERE sale_id = $sale")" \
	"$(sql "SELECT coupon_discount FROM sales WHERE id = $sale")" "  ... with what each took off"
md coupon campaign add 小礼品 --kind gift --value 钥匙扣 --days 7 >/dev/null
md coupon give 小礼品 100032 >/dev/null
run md sale add 100032 --amount 100 --coupon "$gc" --coupon "$(code_of 11 100032)" --dry-run
is "$(printf '%s\n' "$out" | grep '^Gift')" "Gift                    茶点一份
Gift                      钥匙扣" "two gift coupons: two gifts to hand over"
md sale add 100032 --amount 100 --coupon "$gc" >/dev/null
sale=$(sql "SELECT max(id) FROM sales")
at "2026-06-20 10:00:00"
md sale void "$sale" --reason 退货 >/dev/null
is "$(status_of "$gc")" "expired" "a void after its last day leaves it expired"

# ---- Every day: expiry; and merging members ----------------------------------

at "2026-07-10 09:00:00"
md coupon list >/dev/null
is "$(sql "SELECT count(*) FROM coupons WHERE status = 'issued' AND expires < '2026-07-10'")" "0" \
   "the day's maintenance expires what is past its last day"
is "$(sql "SELECT count(*) FROM audit WHERE action = 'coupon.expire'")" "2" \
   "with an audit row for each day that expired some (小礼品's on 06-17, the rest on 07-10)"
md coupon give 积分换券 100016 >/dev/null
md coupon give 积分换券 100008 >/dev/null
run md member merge 100008 100016
exits 0 "merge 赵六 into 王五"
is "$(sql "SELECT count(*) FROM coupons k JOIN members m ON m.id = k.member_id
	   WHERE m.card = '100008' AND k.campaign_id = 8")" "2" "the coupons move to the member kept"

# ---- Ending a campaign -------------------------------------------------------

md coupon give 积分换券 100024 >/dev/null
ec=$(code_of 8 100024)
run md coupon campaign end 积分换券
exits 0 "end a campaign"
rejects 1 "which has ended" "a coupon of an ended campaign" \
	md sale add 100024 --amount 50 --coupon "$ec"
rejects 1 "campaign 积分换券 has ended" "giving from an ended campaign" \
	md coupon give 积分换券 100024

# ---- Lists -------------------------------------------------------------------

run md coupon campaign list --format csv
is "$(printf '%s\n' "$out" | head -n 1)" \
   "campaign,name,kind,off,percent_paid,gift,min_spend,cap,from,to,days,not_on,per_member,total,points,target,status,issued,redeemed" \
   "campaign list csv columns"
is "$(printf '%s\n' "$out" | grep '^1,')" "1,满百减二十,cash,20.00,0,,100.00,0.00,,,30,,3,8,0,all,active,8,1" \
   "a 满减 in csv: money in yuan, its limits, keys for scripts"
is "$(printf '%s\n' "$out" | grep '^2,' | cut -d, -f3,5,8,16)" "percent,88,30.00,tag:VIP" \
   "a targeted 折扣: the percentage paid, its cap, the tag by name"

run md coupon list 100032 --format csv
is "$(printf '%s\n' "$out" | head -n 1)" "code,campaign,card,status,issued_at,expires,sale" \
   "coupon list csv columns"
run md coupon list --status bogus
exits 2 "an unknown status is a usage error"
run md coupon list --status redeemed --format csv
is "$(printf '%s\n' "$out" | sed 1d | cut -d, -f1,4,7)" "$shown,redeemed,1" "redeemed ones, with their sale"

# ---- Two counters, one coupon ------------------------------------------------

md coupon give 八五折 100024 >/dev/null
rc_code=$(code_of 9 100024)
hold_lock "$DB" "BEGIN IMMEDIATE" 1
md sale add 100024 --amount 100 --coupon "$rc_code" >"$T/a.out" 2>"$T/a.err" &
pa=$!
md sale add 100024 --amount 100 --coupon "$rc_code" >"$T/b.out" 2>"$T/b.err" &
pb=$!
wait $pa; ra=$?
wait $pb; rb=$?
wait
is "$(printf '%s\n' "$ra" "$rb" | sort | tr '\n' ' ')" "0 1 " "of two counters redeeming one coupon, one succeeds"
like "$(cat "$T/a.err" "$T/b.err")" "was used already" "the other is told it was used"
is "$(sql "SELECT count(*) FROM sales WHERE coupon_discount > 0 AND member_id =
	   (SELECT id FROM members WHERE card = '100024') AND sold_at >= '2026-07-10'")" "1" \
   "and one sale took it off"

run md check
exits 0 "check proves every balance after all of it"

# ---- In Chinese --------------------------------------------------------------

export LANGUAGE=zh_CN
rejects 1 "优惠券 $shown 已经用过" "zh_CN: a coupon used already" \
	md sale add 100024 --amount 150 --coupon "$c1"
rejects 1 "券码输错了" "zh_CN: a mistyped code" md coupon show 22222-22223
export LANGUAGE=zh_TW
rejects 1 "優惠券 $shown 已經用過" "zh_TW: a coupon used already" \
	md sale add 100024 --amount 150 --coupon "$c1"
unset LANGUAGE

done_testing
