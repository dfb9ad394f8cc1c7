#!/bin/sh
# wallet.sh - stored value: bonus rules, principal first, refunds
. "$top_srcdir/tests/lib.sh"

at() { export MEMBERDESK_NOW="$1"; }
wallet() { sql "SELECT wallet_principal || '/' || wallet_bonus FROM members WHERE card = '$1'"; }

at "2026-05-01 10:00:00"
md member add --phone 13800138000 --name 张三 >/dev/null	# 100008

run md wallet rules
is "$out" "No bonus rules: a recharge gives no bonus." "no bonus rules at first"
run md wallet rules set "100:20，500:120"
exits 0 "set bonus rules (a fullwidth comma too)"
run md wallet rules
is "$out" "Recharge ¥100.00 or more: bonus ¥20.00
Recharge ¥500.00 or more: bonus ¥120.00" "rules are listed"
is "$(md settings show wallet_rules --format tsv | tail -n 1 | cut -f2)" "100:20,500:120" \
   "stored in one normal form"
rejects 1 'rule "100" is not AMOUNT:BONUS' "a rule without a bonus" md wallet rules set 100
rejects 1 'two rules for the same amount' "two rules for one amount" md wallet rules set 100:10,100:20
rejects 1 'bonus "x" is not an amount' "a bonus that is no amount" md wallet rules set 100:x
rejects 1 'rule "100:2000": the bonus is more than the recharge itself; at most 100% (充100送100)' \
	"a bonus 20 times the recharge" md wallet rules set 50:10,100:2000
rejects 1 'rule "0.01:20": the bonus is more than the recharge itself' \
	"a bonus 2000 times the recharge" md wallet rules set 0.01:20
rejects 1 'recharge amount must be more than zero' "a rule for any recharge" \
	md wallet rules set 0:5

# A recharge bonus followed by a refund.
run md wallet recharge 100008 --amount 300 --pay wechat
exits 0 "recharge ¥300"
is "$out" "100008 (张三): recharged ¥300.00, bonus ¥20.00
Stored value now ¥320.00 (principal ¥300.00, bonus ¥20.00)" \
   "the largest rule reached (100:20) gives its bonus once"
is "$(wallet 100008)" "30000/2000" "principal and bonus are kept apart"
md sale add 100008 --amount 50 --pay wallet >/dev/null
is "$(wallet 100008)" "25000/2000" "spending takes the principal first"
run md wallet refund 100008 --amount 100 --reason "moving away"
exits 0 "refund part of the principal"
is "$out" "100008 (张三): refunded ¥100.00, bonus forfeited ¥8.00
Stored value now ¥162.00 (principal ¥150.00, bonus ¥12.00)" \
   "the bonus goes in proportion: 20 x 100/250 = 8"
rejects 1 "only ¥150.00 of unspent principal can be refunded to 100008 (张三); bonus is not refundable" \
	"refunding more than the principal" md wallet refund 100008 --amount 200
run md wallet refund 100008 --amount 150
is "$(wallet 100008)" "0/0" "refunding all the principal forfeits all the bonus"

run md wallet recharge 100008 --amount 800
is "$(wallet 100008)" "80000/12000" "¥800 reaches the 500 rule: bonus ¥120"
md sale add 100008 --amount 850 --pay wallet >/dev/null
is "$(wallet 100008)" "0/7000" "a bill larger than the principal takes the rest from the bonus"

rejects 1 'amount "-10" must not be negative' "a negative recharge" \
	md wallet recharge 100008 --amount -10
rejects 1 'payment "wallet" is not one of cash, wechat, alipay, card, other' \
	"recharging from stored value" md wallet recharge 100008 --amount 10 --pay wallet
rejects 2 "--amount is required" "a recharge without an amount" md wallet recharge 100008
md member freeze 100008
rejects 1 "member 100008 (张三) is frozen" "recharging a frozen member" \
	md wallet recharge 100008 --amount 10
md member unfreeze 100008

run md wallet history 100008 --format csv
is "$(printf '%s\n' "$out" | head -n 1)" "at,kind,principal,bonus,balance,sale,payment,reason,operator" \
   "wallet history columns"
is "$(printf '%s\n' "$out" | tail -n +2 | cut -d, -f2-5 | tr '\n' ' ')" \
   "recharge,300.00,20.00,320.00 spend,-50.00,0.00,270.00 refund,-100.00,-8.00,162.00 refund,-150.00,-12.00,0.00 recharge,800.00,120.00,920.00 spend,-800.00,-50.00,70.00 " \
   "every movement, principal and bonus apart, with the balance"

# Voiding a sale paid from stored value gives it back to where it came from.
sale=$(sql "SELECT max(id) FROM sales")
md sale void "$sale" --reason "wrong item" >/dev/null
is "$(wallet 100008)" "80000/12000" "a void returns principal and bonus as they were spent"

run md check
exits 0 "stored value adds up"

done_testing
