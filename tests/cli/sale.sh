#!/bin/sh
# sale.sh - the bill: tier discount, points offset and cap, multipliers,
# stored value, tickets, walk-ins; sale list/show/receipt
. "$top_srcdir/tests/lib.sh"

at() { export MEMBERDESK_NOW="$1"; }
field() { printf '%s\n' "$out" | tail -n 1 | cut -d, -f"$1"; }	# of a csv row
col() {	# col NAME: the named column of the last csv row in $out
	printf '%s\n' "$out" | awk -F, -v name="$1" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == name) c = i } END { print $c }'
}

at "2026-03-01 09:00:00"
md member add --phone 13800138000 --name 张三 --birthday 1990-03-20 >/dev/null
md member add --phone 13900139000 --name 李四 >/dev/null
md settings set member_day 8
md settings set member_day_multiplier 2
md settings set birthday_multiplier 2

# A 钻石 member buying on member day in their birthday month.
md tier assign 100008 钻石 --reason "VIP since the old system" >/dev/null
at "2026-03-08 12:00:00"
run md sale add 100008 --amount 1000 --format csv
exits 0 "a sale on member day in the birthday month"
is "$(col tier_discount)" "100.00" "钻石 pays 90%: ¥100.00 off ¥1,000.00"
is "$(col paid)" "900.00" "¥900.00 paid"
is "$(col points_earned)" "7200" "900 points x 2 (钻石) x 2 (member day) x 2 (birthday month) = 7200"
at "2026-03-09 12:00:00"
run md sale add 100008 --amount 1000 --format csv
is "$(col points_earned)" "3600" "the day after member day: x 2 x 2 = 3600"
at "2026-04-08 12:00:00"
run md sale add 100008 --amount 1000 --format csv
is "$(col points_earned)" "3600" "member day outside the birthday month: 3600"
md settings set birthday_period week
at "2026-03-17 12:00:00"
run md sale add 100008 --amount 100 --dry-run --format csv
is "$(col points_earned)" "360" "birthday week: 3 days before the birthday counts (90 x 2 x 2 = 360)"
at "2026-03-24 12:00:00"
run md sale add 100008 --amount 100 --dry-run --format csv
is "$(col points_earned)" "180" "4 days after it does not (90 x 2 = 180)"
md settings set birthday_period month

# Rounding: points are rounded down once, per sale.
at "2026-04-09 12:00:00"
run md sale add 13900139000 --amount 9.99 --format csv
is "$(col points_earned)" "9" "¥9.99 earns 9 points (rounded down)"

# The receipt
at "2026-04-10 15:30:00"
md settings set shop_name 清心茶馆
run md sale add 100008 --amount 128.50 --pay wechat --ticket A-0001 --category 茶叶
exits 0 "a sale prints its receipt"
is "$out" "            清心茶馆
================================
Sale 5       2026-04-10 15:30:00
Ticket                    A-0001
Member               100008 张三
Tier                        钻石
Category                    茶叶
--------------------------------
Amount                   ¥128.50
Tier discount 90%        -¥12.85
--------------------------------
Total                    ¥115.65
Paid by               WeChat Pay
--------------------------------
Points earned               +231
Points balance            14,631
Stored value               ¥0.00
================================
           Thank you" "the receipt lines up Chinese labels and amounts in 32 columns"
run md sale receipt 5 --width 48
exits 0 "a 48-column receipt"
is "$(printf '%s\n' "$out" | sed -n 2p)" "================================================" "is 48 wide"
run md sale receipt A-0001
like "$out" "Sale 5" "a receipt by ticket number"

# A repeated ticket is refused: a retried submission never awards twice.
rejects 1 "ticket A-0001 was already recorded as sale 5" "a repeated ticket" \
	md sale add 100008 --amount 128.50 --ticket A-0001
is "$(sql "SELECT count(*) FROM points_ledger WHERE sale_id IS NOT NULL AND kind = 'earn'")" "5" \
   "and no second points award"

# Points: the cap, the steps, the balance.
at "2026-04-11 10:00:00"
run md sale add 100008 --amount 100 --use-points 4500 --dry-run --format csv
is "$(col points_value)" "45.00" "钻石 pays 90 of 100; half of that, 4,500 points, may be used"
is "$(col paid)" "45.00" "leaving ¥45.00 to pay"
rejects 1 "at most 4,500 points (¥45.00, 50% of the bill) can be used on this sale" \
	"redeeming more points than the cap allows" \
	md sale add 100008 --amount 100 --use-points 4600
rejects 1 "100016 (李四) has 9 points: 10 cannot be used" "more points than the balance" \
	md sale add 100016 --amount 100 --use-points 10
rejects 1 "a walk-in customer has no points to use" "points on a walk-in sale" \
	md sale add --amount 100 --use-points 10
md settings set points_value 300
rejects 1 "points are used in steps of 3" "points that are not worth whole fen" \
	md sale add 100008 --amount 100 --use-points 100
run md sale add 100008 --amount 100 --use-points 300 --dry-run --format csv
is "$(col points_value)" "1.00" "300 points are ¥1.00 when 300 points make a yuan"
md settings set points_value 100

# Stored value
rejects 1 "stored value ¥0.00 of 100016 (李四) is not enough to pay ¥100.00" \
	"paying from an empty wallet" md sale add 100016 --amount 100 --pay wallet
rejects 1 "a walk-in customer has no stored value" "a walk-in paying from stored value" \
	md sale add --amount 100 --pay wallet
md wallet recharge 100016 --amount 200 >/dev/null
run md sale add 100016 --amount 50 --pay wallet --format csv
exits 0 "pay from stored value"
is "$(col wallet_principal),$(col wallet_bonus)" "50.00,0.00" "from the principal"
is "$(col points_earned)" "0" "stored value earns no points by default"
md settings set points_on_wallet yes
run md sale add 100016 --amount 50 --pay wallet --format csv
is "$(col points_earned)" "50" "unless points_on_wallet is yes"
md settings set points_on_wallet no

# Promotions
run md sale add 100008 --amount 100 --promo --dry-run --format csv
is "$(col tier_discount)" "0.00" "a promotion sale gets no tier discount"
is "$(col promo)" "1" "and is marked"
md settings set promo_tier_discount yes
run md sale add 100008 --amount 100 --promo --dry-run --format csv
is "$(col tier_discount)" "10.00" "unless promo_tier_discount is yes"
md settings set promo_tier_discount no

# Walk-ins, back-dating, and bad input
run md sale add --amount 35 --pay cash --format csv
exits 0 "a walk-in sale"
is "$(col card),$(col points_earned)" ",0" "has no member and earns no points"
run md sale add 100016 --amount 20 --at "2026-04-01 18:00" --format csv
is "$(col sold_at)" "2026-04-01 18:00:00" "--at records a sale after the fact"
rejects 1 'sale time 2026-04-12 09:00:00 is in the future' "a sale in the future" \
	md sale add 100016 --amount 20 --at "2026-04-12 09:00"
rejects 1 'sale time 1989-12-31 10:00:00 is before 1990-01-01: no sale of a member is that old' \
	"a sale before 1990" md sale add 100016 --amount 20 --at "1989-12-31 10:00"
rejects 1 'amount "1.234" has more than two decimals' "three decimals" \
	md sale add 100016 --amount 1.234
rejects 1 'amount "-5" must not be negative' "a negative amount" \
	md sale add 100016 --amount -5
rejects 1 'amount must be more than zero' "a zero amount" \
	md sale add 100016 --amount 0
rejects 1 'payment "bitcoin" is not one of' "an unknown payment method" \
	md sale add 100016 --amount 10 --pay bitcoin
rejects 1 'no member has the card or phone number "999999"' "an unknown member" \
	md sale add 999999 --amount 10
rejects 2 "--amount is required" "no amount" md sale add 100016
md member freeze 100016
rejects 1 "member 100016 (李四) is frozen" "a frozen member" \
	md sale add 100016 --amount 10
md member unfreeze 100016

# Lists and show
run md sale list 100016 --format csv
exits 0 "sale list of a member"
is "$(printf '%s\n' "$out" | head -n 1)" \
   "sale,sold_at,card,name,amount,tier_discount,coupon_discount,coupon,points_used,points_value,paid,payment,wallet_principal,wallet_bonus,points_earned,category,promo,ticket,status" \
   "sale list csv columns"
is "$(printf '%s\n' "$out" | tail -n +2 | cut -d, -f2 | tr '\n' ' ')" \
   "2026-04-01 18:00:00 2026-04-09 12:00:00 2026-04-11 10:00:00 2026-04-11 10:00:00 " \
   "in time order"
run md sale list --from 2026-04-10 --to 2026-04-10 --format csv
is "$(printf '%s\n' "$out" | tail -n +2 | wc -l)" "1" "--from and --to are whole days"
run md sale show A-0001 --format csv
is "$(col ticket),$(col category)" "A-0001,茶叶" "sale show by ticket"
rejects 1 'no sale has the number or ticket "nope"' "an unknown sale" md sale show nope

run md check
exits 0 "everything adds up after all this"

# A sale before the member joined moves the join date back.
run md sale add 100016 --amount 20 --at "2026-02-14 18:00"
exits 0 "a sale dated before the member joined"
is "$(sql "SELECT joined FROM members WHERE card = '100016'")" "2026-02-14" \
   "moves the join date back to that day"
is "$(sql "SELECT old || ' ' || new FROM audit WHERE action = 'member.joined'")" \
   '{"joined":"2026-03-01"} {"joined":"2026-02-14"}' "with an audit row"
run md sale add 100016 --amount 20 --at "2026-02-20 18:00"
is "$(sql "SELECT joined || ' ' || (SELECT count(*) FROM audit WHERE action = 'member.joined') FROM members WHERE card = '100016'")" \
   "2026-02-14 1" "a later sale leaves it"

done_testing
