#!/bin/sh
# sell.sh - 收银 in the TUI: the live breakdown, saving, the receipt,
# printing, and sales that must not be recorded.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tui/tui.sh"

md settings set shop_name 清心茶馆 >/dev/null
md tier add 贵宾 --min-spend 100000 --discount 95 --points-rate 1.5 >/dev/null
card=$(md member add --phone 13800138000 --name 张三)
md tier assign "$card" 贵宾 --reason test >/dev/null
md points adjust "$card" +1000 --reason test >/dev/null
md wallet recharge "$card" --amount 50 >/dev/null

# A fake lp: keeps what it is given, answers as CUPS does.
mkdir "$T/bin"
cat >"$T/bin/lp" <<EOF
#!/bin/sh
cat >"$T/printed"
echo "request id is fake-1 (1 file(s))"
EOF
chmod +x "$T/bin/lp"
TUI_ENV="PATH=$T/bin:$PATH"

# sees TEXT DESC: a test that TEXT comes on the screen.
sees() { tui_wait "$1" && pass "$2" || fail "$2"; }
# leaves TEXT DESC: a test that TEXT goes from the screen.
leaves() { tui_gone "$1" && pass "$2" || fail "$2"; }
points() { md member show "$card" | sed -n 's/^Points *//p'; }
# The member's sale screen, from the find screen.
open_sale() {
	tui_keys 8000
	tui_wait "1 match" || return 1
	tui_keys Enter F3
	tui_wait "Points to use"
}

tui_start --db "$DB"
open_sale && pass "find, Enter, F3: the sale screen" ||
	fail "find, Enter, F3: the sale screen"
screen=$(tui_screen)
like "$screen" "$card  张三" "it names the member"
like "$screen" "贵宾, discount 95%" "with the tier and its discount"
like "$screen" "1,000 points, stored value ¥50.00" "and the balances"
like "$screen" "amount is required" "no amount yet: the core says so"

tui_keys 100
sees "Tier discount 95%" "typing the amount shows the tier discount"
screen=$(tui_screen)
like "$screen" "-¥5.00" "of ¥5.00"
like "$screen" "To pay                        ¥95.00" "and what is paid"
like "$screen" "Points to earn                  +142  ×1.5 tier" "points to earn, with the tier's multiplier"
like "$screen" "Points after                   1,142" "and the balance after"

tui_keys F2
sees "Sale 1 recorded: paid ¥95.00, +142 points" "F2 records the sale"
screen=$(tui_screen)
like "$screen" "清心茶馆" "the receipt shows, headed by the shop"
like "$screen" "Total                     ¥95.00" "with the total"
like "$screen" "Thank you" "whole"
is "$(sql "SELECT member_id IS NOT NULL, amount, tier_discount, paid, payment, points_earned FROM sales")" \
	"1|10000|500|9500|cash|142" "the sale is in the database"
is "$(points)" "1,142" "and the points on the member"

tui_keys Escape
leaves "Thank you" "Esc leaves the receipt"
like "$(tui_screen)" "$card" "for the member's card"

# Points as part of the payment, worked out as they are typed.
tui_keys F3
tui_wait "Points to use" || true
tui_keys 200 Tab Tab Tab Tab 5000
sees "5000 cannot be used" "too many points: the core's message in the breakdown"
like "$(tui_screen)" "$card (张三) has 1,142 points: 5000 cannot be used" "the CLI's words"
tui_keys C-u 500
sees "Points used 500" "the points offset shows live"
screen=$(tui_screen)
like "$screen" "Points used 500               -¥5.00" "worth ¥5.00"
like "$screen" "To pay                       ¥185.00" "off the discounted bill"
like "$screen" "Points after                     919" "points after: 1142 - 500 + 277"
tui_keys Enter Enter Enter	# to the note, to the coupon, and save
sees "Sale 2 recorded: paid ¥185.00, +277 points" "Enter on the last field saves"
like "$(tui_screen)" "Points used 500" "the receipt names the points used"
is "$(sql "SELECT points_used, points_value, paid FROM sales WHERE id = 2")" "500|500|18500" \
	"the points are in the sale"
is "$(points)" "919" "and off the member's balance"
tui_keys Enter
leaves "Thank you" "Enter leaves the receipt"

# Stored value that is short: refused, nothing written, nothing lost.
before=$(dbsum)
tui_keys F3
tui_wait "Points to use" || true
tui_keys 100 Tab Tab Tab Right	# stored value comes second for a member
sees "stored value ¥50.00 of $card (张三) is not enough to pay ¥95.00" "stored value short: said live"
tui_keys F2
sees "Payment: stored value ¥50.00" "F2 refuses, on the status line"
screen=$(tui_screen)
like "$screen" "Amount         100" "the amount is kept"
like "$screen" "< stored value >" "and the payment"
is "$(dbsum)" "$before" "nothing was written"

# Esc cancels.
tui_keys Escape
sees "Sale cancelled: nothing was recorded." "Esc cancels"
is "$(dbsum)" "$before" "nothing was written"
tui_keys F10
tui_wait "[exit 0]" || true

# A walk-in sale from the find screen, printed.
tui_start --db "$DB"
tui_wait "Find:" || true
tui_keys F3
sees "Walk-in customer" "F3 on the find screen: a walk-in sale"
screen=$(tui_screen)
unlike "$screen" "Points to use" "no points for a walk-in"
tui_keys abc
sees 'amount "abc" is not an amount' "a bad amount: the core's message"
tui_keys C-u 30 Tab Tab Tab Right Right Right Right
sees "< other >" "no stored value among the payments"
screen=$(tui_screen)
like "$screen" "To pay                        ¥30.00  other" "the bill, without a discount"
unlike "$screen" "Points to earn" "and without points"
tui_keys F2
sees "Sale 3 recorded: paid ¥30.00" "the walk-in sale is recorded"
is "$(sql "SELECT member_id IS NULL, paid, payment FROM sales WHERE id = 3")" "1|3000|other" \
	"without a member"
tui_keys F9
sees "Sent to the printer: request id is fake-1 (1 file(s))" "F9 prints, and says what lp said"
is "$(head -c 5 "$T/printed" 2>/dev/null)" "%PDF-" "lp got the receipt as receipt_mode says (pdf)"
is "$(sql "SELECT sale_id, mode FROM receipt_prints")" "3|pdf" "the print is recorded"
like "$(md sale receipt 3)" "*** COPY ***" "so the receipt is a copy from now on"
tui_keys Escape
sees "Find:" "Esc goes back to the find screen"
tui_keys F10
tui_wait "[exit 0]" || true

# A printer that is not set up.
cat >"$T/bin/lp" <<EOF
#!/bin/sh
echo "lp: Error - No default destination." >&2
exit 1
EOF
tui_start --db "$DB"
tui_wait "Find:" || true
tui_keys F3
tui_wait "Walk-in customer" || true
tui_keys 12 F2
tui_wait "Sale 4 recorded" || true
tui_keys p
sees "cannot print: no printer is set up (lp: Error - No default destination.)" "p prints too; lp's refusal on the status line"
like "$(tui_screen)" "Thank you" "the receipt stays"
tui_keys F10
sees "[exit 0]" "F10 quits from the receipt"
is "$(sql "SELECT count(*) FROM sales")" "4" "four sales in all"

# Today is member day: the breakdown names the multiplier.
md settings set member_day 23 >/dev/null
tui_start --db "$DB"
open_sale || true
tui_keys 10
sees "Points to earn                   +28  ×1.5 tier, ×2 member day" \
	"member day doubles the points, and says so"
before=$(dbsum)
tui_keys Escape F10
sees "[exit 0]" "Esc, F10: gone without a sale"
is "$(dbsum)" "$before" "nothing was written"

done_testing
