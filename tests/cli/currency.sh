#!/bin/sh
# currency.sh - a shop that counts in NT$, HK$ or MOP$: the currency and
# money_decimals settings, what a new shop starts with where, input with
# the signs, whole dollars, rounding, and plain numbers in CSV.
. "$top_srcdir/tests/lib.sh"

# setting KEY [DB]: a setting's value as "settings show --format csv" has it.
setting() {
	"$MEMBERDESK" --db "${2:-$DB}" settings show --format csv |
		awk -F, -v k="$1" '$1 == k { print $2 }'
}

# A new shop counts in the money of the place that opened it.
n=0
for case in zh_TW:TWD:0 zh_HK:HKD:2 zh_MO:MOP:2 zh_CN:CNY:2 :CNY:2; do
	place=${case%%:*} rest=${case#*:}
	cur=${rest%%:*} dec=${rest#*:}
	n=$((n + 1))
	run env LANGUAGE=$place "$MEMBERDESK" --db "$T/new$n.db" tier list
	exits 0 "LANGUAGE=$place: a new shop"
	is "$(setting currency "$T/new$n.db")" "$cur" "LANGUAGE=$place: counts in $cur"
	is "$(setting money_decimals "$T/new$n.db")" "$dec" "LANGUAGE=$place: with $dec decimals"
done
# gettext ignores LANGUAGE under the C locale: English, so yuan.
run env LC_ALL=C LANGUAGE=zh_TW "$MEMBERDESK" --db "$T/c.db" tier list
is "$(setting currency "$T/c.db")" "CNY" "LC_ALL=C ignores LANGUAGE: yuan"

# A shop that exists keeps its money, whatever the language.
md tier list >/dev/null
before=$(dbsum)
run env LANGUAGE=zh_TW "$MEMBERDESK" --db "$DB" tier list
exits 0 "an existing shop opened under zh_TW"
is "$(setting currency)" "CNY" "keeps yuan"
is "$(dbsum)" "$before" "and is not changed at all"

# The settings refuse what they cannot be, and leave the shop as it was.
rejects 1 'currency must be one of CNY (¥), TWD (NT$), HKD (HK$) or MOP (MOP$), not "EUR"' \
	"currency EUR" md settings set currency EUR
rejects 1 'money_decimals must be one of 2|0, not "1"' "money_decimals 1" \
	md settings set money_decimals 1
run md settings set currency hkd
exits 0 "currency in lower case"
is "$(setting currency)" "HKD" "is kept as its code"
is "$(sql "SELECT count(*) FROM audit WHERE action = 'settings.set' AND new LIKE '%HKD%'")" \
	"1" "and audited"

# A shop in Taipei: NT$, whole dollars.
DB=$T/1.db
run env LANGUAGE=zh_TW "$MEMBERDESK" --db "$DB" member add --phone 0912345678 --name 陳小明
exits 0 "a member in the Taipei shop"
card=$out
md tier edit 銀卡 --discount 95 >/dev/null
md tier assign 0912345678 銀卡 --reason test >/dev/null
run md wallet recharge 0912345678 --amount 'NT$1,000'
exits 0 "a recharge typed with NT\$"
like "$out" "recharged NT\$1,000, bonus NT\$0" "shown in NT\$, no cents"
run md wallet recharge 0912345678 --amount '$500元'
exits 0 "with \$ and 元"
like "$out" "Stored value now NT\$1,500" "adds up"
rejects 1 'amount "12.50" has cents: this shop counts in whole NT$ (the setting money_decimals is 0)' \
	"cents in a shop of whole dollars" md sale add 0912345678 --amount 12.50
rejects 1 'amount "¥12" is in another currency: this shop counts in NT$ (the setting currency)' \
	"yuan in a shop of NT\$" md sale add 0912345678 --amount ¥12
rejects 1 'amount "HK$12" is in another currency' "HK\$ in a shop of NT\$" \
	md sale add 0912345678 --amount 'HK$12'
run md sale add 0912345678 --amount 12.00
exits 0 "12.00 has no cents to refuse"

# 95% of NT$1,285 is NT$1,220.75: the bill is rounded to whole dollars,
# the discount takes the difference.
run md sale add 0912345678 --amount 1285
exits 0 "a sale with the tier discount"
like "$out" "Amount                  NT\$1,285" "the receipt's amount"
like "$out" "Tier discount 95%         -NT\$64" "the discount, rounded"
like "$out" "Total                   NT\$1,221" "the total in whole dollars"
is "$(sql "SELECT amount, tier_discount, paid FROM sales ORDER BY id DESC LIMIT 1")" \
	"128500|6400|122100" "stored in hundredths of the dollar"
# Points: 100 points are worth NT$1, so they go in steps of 100.
rejects 1 'points are used in steps of 100 (100 points are worth NT$1)' "points worth cents" \
	md sale add 0912345678 --amount 100 --use-points 150
run md sale add 0912345678 --amount 100 --use-points 100
exits 0 "points worth whole dollars"
like "$out" "Total                      NT\$94" "NT\$95 less NT\$1 of points"

# A percent-off coupon's discount leaves whole dollars too.
md coupon campaign add 八五折 --kind percent --value 85 --days 30 >/dev/null
code=$(md coupon give 1 0912345678 | sed -n 's/^Coupon \([^:]*\):.*/\1/p')
run md sale add 0912345678 --amount 333 --coupon "$code"
exits 0 "a sale with a percent-off coupon"
# 333 x 95% = 316.35 -> 316; 316 x 85% = 268.6 -> 269: 47 off.
is "$(sql "SELECT tier_discount, coupon_discount, paid FROM sales ORDER BY id DESC LIMIT 1")" \
	"1700|4700|26900" "each discount leaves whole dollars"

# The card and the weekly report in NT$; the CSV in plain numbers.
run md member show 0912345678
like "$out" "NT\$" "member show in NT\$"
unlike "$out" "¥" "and no yuan"
run md sale list --format csv
like "$out" ",1221.00," "sale list csv: plain numbers with two decimals"
unlike "$out" "NT\$" "and no sign"
run md sale list
like "$out" "  1285  1221  cash" "sale list for people: whole dollars"
unlike "$out" ".00" "and no cents"
run md report weekly
exits 0 "the weekly report"
unlike "$out" "¥" "weekly report: no yuan"

# A CSV export of the Taipei shop imports back into another NT$ shop.
md export sales -o "$T/sales.csv"
md export members -o "$T/members.csv"
run env LANGUAGE=zh_TW "$MEMBERDESK" --db "$T/2.db" import members "$T/members.csv"
exits 0 "the members import into a new Taipei shop"
run "$MEMBERDESK" --db "$T/2.db" import sales "$T/sales.csv"
exits 0 "and the sales: their cents (none) are history"
is "$(DB=$T/2.db sql "SELECT sum(paid) FROM sales")" "$(sql "SELECT sum(paid) FROM sales")" \
	"the same money"
# An old system's sales with cents are history: imported as they were.
printf 'phone,amount,date\n0912345678,99.50,2026-11-20\n' >"$T/cents.csv"
run "$MEMBERDESK" --db "$T/2.db" import sales "$T/cents.csv"
exits 0 "an import with cents into a shop of whole dollars"
run "$MEMBERDESK" --db "$T/2.db" sale list --format csv
like "$out" "99.50" "keeps them"
run md check
exits 0 "the Taipei shop checks"

# Hong Kong: HK$ with cents; "$" is its own.
DB=$T/3.db
env LANGUAGE=zh_HK "$MEMBERDESK" --db "$DB" member add --phone 91234567 --name 李嘉欣 >/dev/null
run md sale add 91234567 --amount '$12.50'
exits 0 "a Hong Kong sale typed with \$"
like "$out" "HK\$12.50" "shown in HK\$ with cents"
rejects 1 'is in another currency: this shop counts in HK$' "NT\$ in Hong Kong" \
	md sale add 91234567 --amount 'NT$12'

# And back in a yuan shop, "$" is another currency.
DB=$T/new4.db
md member add --phone 13800138000 --name 王芳 >/dev/null
rejects 1 'amount "$12" is in another currency: this shop counts in ¥' "\$ in a yuan shop" \
	md sale add 13800138000 --amount '$12'

done_testing
