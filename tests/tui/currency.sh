#!/bin/sh
# currency.sh - a shop made in Taipei on the screens: NT$ in whole
# dollars and Traditional tier names on the card, the sale screen and
# the receipt; cents refused where the amount is typed.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tui/tui.sh"

env LANGUAGE=zh_TW "$MEMBERDESK" --db "$DB" tier list >/dev/null
md tier edit 銀卡 --discount 95 >/dev/null
card=$(md member add --phone 0912345678 --name 陳小明)
md tier assign "$card" 銀卡 --reason test >/dev/null
md wallet recharge "$card" --amount 'NT$1,000' >/dev/null

sees() { tui_wait "$1" && pass "$2" || fail "$2"; }

tui_start --db "$DB"
tui_keys 5678
sees "1 match" "find the member by the phone's last digits"
tui_keys Enter
sees "F3 Sell" "the card"
screen=$(tui_screen)
like "$screen" "銀卡" "the card has the Traditional tier name"
like "$screen" "NT\$1,000 (principal NT\$1,000, bonus NT\$0)" "and the stored value in NT\$"
unlike "$screen" "¥" "no yuan anywhere"

tui_keys F3
sees "Points to use" "the sale screen"
like "$(tui_screen)" "銀卡, discount 95%" "the tier on the sale screen"
before=$(dbsum)
tui_keys 12.50
sees "has cents: this shop counts in whole NT\$" "cents are refused as they are typed"
tui_keys BSpace BSpace BSpace BSpace BSpace 1285
sees "To pay                      NT\$1,221" "95% of NT\$1,285 paid in whole dollars"
like "$(tui_screen)" "-NT\$64" "the discount takes the difference"
is "$(dbsum)" "$before" "nothing written while typing"
tui_keys F2
sees "Sale 1 recorded: paid NT\$1,221" "F2 records the sale"
screen=$(tui_screen)
like "$screen" "Total                   NT\$1,221" "the receipt's total in NT\$"
like "$screen" "Tier                        銀卡" "and the tier in Traditional characters"
is "$(sql "SELECT paid FROM sales")" "122100" "stored in hundredths"
tui_keys F10
tui_wait "[exit 0]"

# The same screens in Traditional Chinese, whole: NT$ amounts and
# Chinese names in their columns.
TUI_ENV="LANGUAGE=zh_TW"
tui_start --db "$DB"
tui_keys 5678
tui_wait "陳小明"
tui_keys Enter
tui_wait "F3"
tui_idle
screen_is "card-zh_TW" "zh_TW: the card of a Taipei shop"
tui_keys F3
tui_wait "NT\$"
tui_keys 333
tui_wait "NT\$333"
tui_idle
screen_is "sell-zh_TW" "zh_TW: the sale screen in whole NT\$"
tui_keys F10
tui_wait "[exit 0]"

done_testing
