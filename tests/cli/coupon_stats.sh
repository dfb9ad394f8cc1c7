#!/bin/sh
# coupon_stats.sh - coupon stats, the weekly report's coupon figures,
# export coupons, and the coupon slip
. "$top_srcdir/tests/lib.sh"

at() { export MEMBERDESK_NOW="$1 10:00:00"; }
code_of() {
	sql "SELECT substr(k.code, 1, 5) || '-' || substr(k.code, 6) FROM coupons k
	     JOIN members m ON m.id = k.member_id WHERE m.card = '$1' ORDER BY k.id DESC LIMIT 1"
}

# Registered on Monday 2026-10-26; P buys in that week, so the week's
# snapshot (taken at the first use of the next) scores P alone.
at 2026-10-26
md settings set phone_required no >/dev/null
for n in P Q R S; do md member add --name "$n" >/dev/null; done	# 100008 100016 100024 100032
md sale add 100008 --amount 50 >/dev/null
md tier assign 100016 金卡 --reason 老客 >/dev/null

# Monday 2026-11-02: a 满100减20 for a week, to all four.
at 2026-11-02
md coupon campaign add 满百减二十 --kind cash --value 20 --min 100 --days 7 >/dev/null
run md coupon issue 满百减二十
is "$out" "4 coupons issued" "issued to four"
at 2026-11-05
md sale add 100008 --amount 150 --coupon "$(code_of 100008)" >/dev/null
md sale add 100016 --amount 300 --coupon "$(code_of 100016)" >/dev/null
md coupon revoke "$(code_of 100024)" --reason 重复 >/dev/null
at 2026-11-23

# By hand: 4 issued; P paid 150 - 20 = 130, Q (金卡, 95%) 300 - 15 - 20
# = 265; R revoked; S's expired on 2026-11-09.  Rate 2 / 4 = 50.0%;
# discount 40.00; revenue 395.00, 395 / 40 = 9.875 -> 9.88 times.
run md coupon stats 满百减二十 --format csv
exits 0 "coupon stats --format csv"
is "$(printf '%s\n' "$out" | head -n 4)" \
   "by,key,issued,redeemed,expired,revoked,rate,discount,revenue,revenue_per_yuan
all,,4,2,1,1,50.0,40.00,395.00,9.88
tier,普通,3,1,1,1,33.3,20.00,130.00,6.5
tier,金卡,1,1,0,0,100.0,20.00,265.00,13.25" "the whole campaign and by tier at issue, by hand"
like "$out" "segment,general_winback,1,1,0,0,100.0,20.00,130.00,6.5" \
   "by segment at issue: P was general win-back in the week's snapshot"
like "$out" "segment,no_purchase,3,1,1,1,33.3,20.00,265.00,13.25" \
   "the unscored members under no_purchase"
like "$out" "segment,important_value,0,0,0,0,,0.00,0.00," "every segment, with nothing where none was issued"
run md coupon stats 满百减二十
exits 0 "coupon stats for people"
like "$out" "  Issued     4: 2 redeemed (50.0%), 1 expired, 1 revoked" "in words: the states"
like "$out" "  Discount   ¥40.00 given; the redeeming sales paid ¥395.00" "the money"
like "$out" "  Return     the sales paid 9.88 times the discount" "the return"
like "$out" "Tier     金卡                     1         1   100.0    ¥20.00  ¥265.00" "a table row"
rejects 1 'there is no campaign "没有"' "stats of no campaign" md coupon stats 没有
rejects 2 "give the campaign" "stats without a campaign" md coupon stats

# A void gives the coupon back: expired now, its days over.
md sale void 3 --reason 退货 >/dev/null
run md coupon stats 1 --format csv
like "$out" "all,,4,1,2,1,25.0,20.00,130.00,6.5" "after a void: one redeemed, two expired"

# ---- The weekly report ----------------------------------------------------
run md report weekly --week-ending 2026-11-08 --format csv
like "$out" "kpi,coupons_issued,this_week,4" "the weekly report: coupons issued that week"
like "$out" "kpi,coupons_redeemed,this_week,1" "and redeemed by its sales that stand"
like "$out" "kpi,coupons_issued,last_week,0" "the week before: none"
run md report weekly --week-ending 2026-11-08
like "$out" "Coupons issued                  4          0       +4" "in the text report"
like "$out" "Coupons redeemed                1          0       +1" "both lines"
run env LANGUAGE=zh_CN "$MEMBERDESK" --db "$DB" report weekly --week-ending 2026-11-08
like "$out" "发券数" "zh_CN: the weekly report's coupon lines"
run env LANGUAGE=zh_TW "$MEMBERDESK" --db "$DB" report weekly --week-ending 2026-11-08
like "$out" "核銷券數" "zh_TW: the weekly report's coupon lines"

# ---- export coupons -------------------------------------------------------------
md coupon campaign add '=HYPERLINK("x")' --kind percent --value 85 --days 30 >/dev/null	# 2
md coupon campaign add 茶点 --kind gift --value 茶点一份 --days 30 >/dev/null	# 3
md coupon give 2 100032 >/dev/null
md coupon give 茶点 100032 >/dev/null
run md export coupons
exits 0 "export coupons"
is "$(printf '%s\n' "$out" | head -n 1 | tr -d '\r')" \
   "code,campaign,card,status,issued_at,expires,sale,kind,value" "the list's columns, then kind and value"
is "$(printf '%s\n' "$out" | sed -n 2p | tr -d '\r')" \
   "$(code_of 100008),满百减二十,100008,redeemed,2026-11-02 10:00:00,2026-11-08,2,cash,20.00" \
   "a redeemed coupon: its sale, the value in yuan"
like "$out" "$(code_of 100016),满百减二十,100016,expired,2026-11-02 10:00:00,2026-11-08,,cash,20.00" \
   "the voided sale's coupon: expired, no sale"
like "$out" ",\"'=HYPERLINK(\"\"x\"\")\",100032,issued,2026-11-23 10:00:00,2026-12-22,,percent,85" \
   "a formula-like campaign name gets a '; percent's value is what is paid"
like "$out" ",茶点,100032,issued,2026-11-23 10:00:00,2026-12-22,,gift,茶点一份" "a gift's value is the gift"
is "$(printf '%s\n' "$out" | wc -l)" "7" "a header and six coupons"
run md export coupons --headers zh --from 2026-11-23
is "$(printf '%s\n' "$out" | head -n 1 | tr -d '\r')" "券码,活动,卡号,状态,发券时间,到期日,核销单号,券类型,面值" \
   "--headers zh"
is "$(printf '%s\n' "$out" | wc -l)" "3" "--from: the coupons issued since"
is "$(sql "SELECT json_extract(new, '\$.from') FROM audit WHERE action = 'export.coupons'
	ORDER BY id DESC LIMIT 1")" "2026-11-23" "audited, with its dates"
rejects 2 'cannot export "coupon"' "an unknown kind" md export coupon
rejects 2 'cannot import "coupons"' "coupons are not imported" md import coupons "$T/none.csv"

# ---- The slip -------------------------------------------------------------------
md settings set shop_name 清心茶馆 >/dev/null
md coupon campaign add 周末券 --kind voucher --value 15 --days 14 --not-on weekends >/dev/null	# 4
run md coupon give 周末券 100024
exits 0 "coupon give"
code=$(code_of 100024)
run md coupon slip "$code"
exits 0 "coupon slip"
is "$out" "            清心茶馆
================================
             COUPON
             周末券
           ¥15.00 off
--------------------------------
Member                  100024 R
Code                 $code
Valid from            2026-11-23
Valid until           2026-12-06
Not on                  weekends
--------------------------------
          $code
================================
 Show this slip at the counter" "the slip: shop, offer, member, code, days, days not on"
run md coupon slip "$code" --width 48
is "$(printf '%s\n' "$out" | sed -n 2p)" "================================================" "--width 48"
run env LANGUAGE=zh_CN "$MEMBERDESK" --db "$DB" coupon slip "$code"
like "$out" "优惠券" "zh_CN: the slip"
run env LANGUAGE=zh_TW "$MEMBERDESK" --db "$DB" coupon slip "$code"
like "$out" "優惠券" "zh_TW: the slip"
rejects 1 "mistyped code" "a slip of a mistyped code" md coupon slip 23456-78923
rejects 2 '--width must be 32 or 48, not "40"' "a bad width" md coupon slip "$code" --width 40

# Through lp, as receipts and reports are printed.
mkdir "$T/bin"
cat >"$T/bin/lp" <<'EOF'
#!/bin/sh
echo "lp: Error - no default destination available." >&2
exit 1
EOF
chmod +x "$T/bin/lp"
path=$PATH
PATH="$T/bin:$PATH"
rejects 1 "cannot print: no printer is set up (lp: Error - no default destination available.); the coupon stands: print it later with coupon slip $code --print" \
	"slip --print without a printer" md coupon slip "$code" --print
n=$(sql "SELECT count(*) FROM coupons")
run md coupon give 周末券 100008 --print
exits 1 "give --print without a printer fails"
like "$err" "the coupon stands: print it later with coupon slip" "but says the coupon stands"
is "$(sql "SELECT count(*) FROM coupons")" "$((n + 1))" "and it does"
cat >"$T/bin/lp" <<EOF
#!/bin/sh
cat >"$T/printed"
echo "request id is Counter-1 (1 file(s))"
EOF
run md coupon give 周末券 100016 --print
exits 0 "give --print with a printer"
like "$out" "Coupon $(code_of 100016): 周末券" "says the coupon"
like "$out" "request id is Counter-1 (1 file(s))" "and lp's answer"
like "$(cat "$T/printed")" "$(code_of 100016)" "lp got the slip with the code"
like "$(cat "$T/printed")" "Valid until           2026-12-06" "and its days"
run md coupon slip "$code" --print
exits 0 "slip --print"
like "$(cat "$T/printed")" "Member                  100024 R" "prints that coupon's slip"
PATH=$path

run md check
exits 0 "the database checks"
done_testing
