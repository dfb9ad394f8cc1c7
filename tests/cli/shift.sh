#!/bin/sh
# shift.sh - "report shift" (交班): takings by payment method, voids,
# top-ups and refunds, points and coupons, the cash drawer; a shift closed
# where the next one starts; one operator's; the slip on the printer
. "$top_srcdir/tests/lib.sh"

at() { export MEMBERDESK_NOW="$1"; }
at "2026-07-01 08:00:00"
md settings set backup_keep 0 >/dev/null
md settings set wallet_rules "100:20" >/dev/null
md member add --name 张三 --phone 13900000001 >/dev/null	# 100008
md member add --name 李四 --phone 13900000002 >/dev/null	# 100016
md coupon campaign add 夏日 --kind cash --value 10 --min 50 --days 30 >/dev/null
md coupon give 夏日 100016 >/dev/null
code=$(sql "SELECT code FROM coupons LIMIT 1")

at "2026-07-01 09:00:00"
md wallet recharge 100008 --amount 100 >/dev/null		# cash, ¥20 bonus
md wallet recharge 100016 --amount 50 --pay wechat >/dev/null
md sale add 100008 --amount 120 >/dev/null			# cash 120, earns 120 points
md sale add 100008 --amount 60 --pay wallet >/dev/null	# stored value 60
md sale add --amount 30 --pay alipay >/dev/null
md sale add 100016 --amount 80 --coupon "$code" >/dev/null	# cash 70, ¥10 off
md sale add --amount 20 >/dev/null
at "2026-07-01 10:00:00"
md sale void 5 --reason 退货 >/dev/null
md wallet refund 100016 --amount 10 --reason 退 >/dev/null
md points adjust 100008 +100 --reason 补 >/dev/null
md sale add 100008 --amount 50 --use-points 100 >/dev/null	# 100 points off, cash the rest

run md report shift --preview --format csv
exits 0 "the shift so far, for scripts"
is "$out" "item,method,count,amount
sales,,6,349.00
sales,cash,4,259.00
sales,alipay,1,30.00
sales,wallet,1,60.00
voids,,1,20.00
voids,cash,1,20.00
topped_up,cash,1,100.00
topped_up,wechat,1,50.00
topped_up_bonus,,0,20.00
refunded,cash,1,10.00
points_redeemed,,100,1.00
coupons_redeemed,,1,10.00
cash_drawer,cash,0,329.00" "sales by method, voids, top-ups, refunds, points, coupons, the drawer"
run md report shift --preview
like "$out" "Cash in the drawer" "the slip for people"
like "$out" "2026-07-01 00:00:00" "from the start of the day: no shift was closed"
is "$(sql "SELECT count(*) FROM audit WHERE action = 'shift.report'")" "0" "a preview closes nothing"

at "2026-07-01 12:00:00"
run md report shift
exits 0 "the end of the shift"
is "$(sql "SELECT count(*) FROM audit WHERE action = 'shift.report'")" "1" "closes it, with an audit row"
at "2026-07-01 13:00:00"
md sale add --amount 15 >/dev/null
run md report shift --format csv --preview
like "$out" "sales,,1,15.00" "the next shift starts where it ended"
run md report shift --preview
like "$out" "2026-07-01 12:00:01" "the second after"
run md report shift --from "2026-07-01 00:00" --to "2026-07-01 23:59" --format csv
like "$out" "sales,,7,364.00" "another window, given"
is "$(sql "SELECT count(*) FROM audit WHERE action = 'shift.report'")" "1" "which closes nothing"

rejects 1 "the shift's start 2026-07-02 00:00:00 is after its end 2026-07-01 00:00:00" \
	"a window backwards" md report shift --from 2026-07-02 --to 2026-07-01
rejects 2 "--width is 32 or 48" "a width of 40" md report shift --width 40
rejects 2 "--print prints the slip: drop --format" "print and csv" md report shift --print --format csv

# On the receipt printer, as receipt_mode says.
mkdir "$T/bin"
cat >"$T/bin/lp" <<EOF2
#!/bin/sh
echo "\$*" >"$T/lp-args"
cat >"$T/printed"
echo "request id is Till-2 (1 file(s))"
EOF2
chmod +x "$T/bin/lp"
md settings set receipt_printer Till >/dev/null
md settings set receipt_mode escpos >/dev/null
PATH="$T/bin:$PATH" run md report shift --preview --print --width 32
exits 0 "--print"
is "$(cat "$T/lp-args")" "-d Till" "on the receipt printer"
like "$(cat "$T/printed")" "Cash in the drawer" "the slip, as ESC/POS bytes"
like "$(od -An -tx1 "$T/printed" | tr -d ' \n')" "1b40" "starting with ESC @"
run md report shift --preview --width 32
is "$(printf '%s\n' "$out" | LC_ALL=C.UTF-8 wc -L)" "32" "32 columns wide (display width)"

# One operator's.
MEMBERDESK_NEW_PIN=2468 md operator add 老板 --role owner >/dev/null
export MEMBERDESK_PIN=2468
MEMBERDESK_NEW_PIN=1357 md --operator 老板 operator add 小王 --role staff >/dev/null
at "2026-07-01 14:00:00"
MEMBERDESK_PIN=1357 md --operator 小王 sale add --amount 40 >/dev/null
run env MEMBERDESK_PIN=1357 "$MEMBERDESK" --db "$DB" --operator 小王 report shift --by 小王 --format csv
exits 0 "staff close their own shift"
like "$out" "sales,,1,40.00" "only their sales"
at "2026-07-01 14:30:00"
like "$(md --operator 老板 report shift --by 小王 --preview --format csv)" "sales,,0,0.00" \
	"and their next shift starts after it"

export LANGUAGE=zh_CN
run md --operator 老板 report shift --preview
like "$out" "钱箱" "zh_CN"
unset LANGUAGE
done_testing
