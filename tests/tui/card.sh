#!/bin/sh
# card.sh - the member card, and top up, points, edit and freeze from it
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tui/tui.sh"

at() { export MEMBERDESK_NOW="$1"; }
sale() { md sale add "$@" >/dev/null; }

# A week of history, so that the first command of 2026-11-23 (a Monday)
# keeps the segments of the week to 2026-11-22.
at "2026-11-16 10:00:00"
md settings set points_expiry months:12
md wallet rules set 100:20,500:120
md member add --phone 13800138000 --name 张三 --birthday 1990-05-01 --tag VIP \
	--note "爱喝普洱
第二行" >/dev/null
md member add --phone 13900139000 --name 李四 >/dev/null
sale 100008 --amount 5
sale 100016 --amount 50
at "2026-11-17 10:00:00"
sale 100008 --amount 200
sale 100008 --amount 100
at "2026-11-23 10:00:00"
sale 100008 --amount 10
sale 100008 --amount 20
sale 100008 --amount 30

# open KEYS: from the find screen, search for KEYS and open the match.
open_card() {
	tui_keys "$1"
	tui_wait "1 match" && tui_keys Enter
	tui_wait "Last purchases" || tui_wait "No purchases yet."
}

# purchases: the rows of the card's purchase list.
purchases() { tui_screen | sed -n '/Last purchases/,$p' | grep -c '^  20[0-9][0-9]-'; }
status_line() { tui_screen | sed -n 23p; }

tui_start --db "$DB"
tui_wait "F10 Quit"
open_card 8000 && pass "the last 4 digits and Enter open the card" ||
	fail "the last 4 digits and Enter open the card"

# --- What the card shows ----------------------------------------------------
screen=$(tui_screen)
like "$screen" "Name      张三" "the name"
like "$screen" "Card      100008" "the card"
like "$screen" "13800138000" "the phone"
like "$screen" "1990-05-01" "the birthday"
like "$screen" "Joined    2026-11-16" "the day they joined"
like "$screen" "Status    active" "the status"
like "$screen" "Tags      VIP" "the tags"
like "$screen" "Note      爱喝普洱 …" "the note's first line, marked as going on"
unlike "$screen" "第二行" "and only that"
cli=$(md member show 100008)
for line in "spent ¥365.00 in the last 12 months" "bought on 3 days" \
	"¥635.00 more to reach 银卡"; do
	like "$cli" "$line" "member show says \"$line\""
	like "$screen" "$line" "and so does the card"
done
points=$(printf '%s\n' "$cli" | sed -n 's/^Points *//p')
like "$points" "expire after" "member show names the points that expire first"
like "$screen" "Points    $points" "the card shows the same balance and expiry"
like "$screen" "Wallet    ¥0.00 (principal ¥0.00, bonus ¥0.00)" "the stored value"
like "$screen" "Segment   Important value" "the segment of the latest weekly snapshot"
like "$cli" "Segment   Important value (the week to 2026-11-22)" "the week to 2026-11-22, as member show says"
like "$screen" "2026-11-23              ¥30.00  cash               +30" \
	"the newest purchase first: date, paid, payment, points"
is "$(purchases)" "5" "the last 5 of 6 purchases"
unlike "$screen" "¥5.00 " "the oldest is left out"
is "$(tui_screen | wc -l)" "24" "it fits 80x24"
like "$(tui_screen | sed -n 24p)" "F3 Sell  F4 Top up  F5 Points  F6 Edit  F7 Freeze" \
	"the key bar offers the card's actions"

# A sale made elsewhere shows once a screen opened from the card closes.
sale 100008 --amount 88 --pay wechat
tui_keys F4
tui_wait "Top up stored value"
tui_keys Escape
tui_wait "¥88.00" && pass "coming back, the card reloads: the new sale" ||
	fail "coming back, the card reloads: the new sale"
like "$(tui_screen)" "2026-11-23              ¥88.00  WeChat Pay         +88" \
	"with its payment and points"
like "$(tui_screen)" "¥547.00 more to reach 银卡" "and the tier progress moves"

# --- Top up -------------------------------------------------------------------
before=$(dbsum)
tui_keys F4
tui_wait "Recharge ¥100.00 or more: bonus ¥20.00" &&
	pass "the top-up form shows the bonus rules" ||
	fail "the top-up form shows the bonus rules"
like "$(tui_screen)" "Recharge ¥500.00 or more: bonus ¥120.00" "every one of them"
tui_keys 500
tui_wait "¥500.00 + ¥120.00 bonus" && pass "the bonus of the amount typed, live" ||
	fail "the bonus of the amount typed, live"
tui_keys Escape
tui_wait "Top-up cancelled: nothing was saved." && pass "Esc cancels" || fail "Esc cancels"
is "$(dbsum)" "$before" "a cancelled top-up writes nothing"

run md wallet recharge 100008 --amount 12.345
exits 1 "the CLI refuses 12.345"
msg=${err#memberdesk: }
tui_keys t
tui_wait "Top up stored value"
tui_keys 12.345 Tab
tui_wait "$msg" && pass "a bad amount: the CLI's message, as the field is left" ||
	fail "a bad amount: the CLI's message, as the field is left"
like "$(status_line)" "Amount: $msg" "on the status line too"
tui_keys F2
tui_idle
like "$(status_line)" "$msg" "saving is refused with the same words"
like "$(tui_screen)" "12.345" "and what was typed stays"
tui_keys Escape
tui_wait "Top-up cancelled"
is "$(dbsum)" "$before" "a bad amount changes nothing"

tui_keys F4
tui_wait "Top up stored value"
tui_keys 100
tui_wait "¥100.00 + ¥20.00 bonus" && pass "100 with the rule 100:20 earns ¥20.00" ||
	fail "100 with the rule 100:20 earns ¥20.00"
like "$(tui_screen)" "Balance after  ¥120.00" "and says the balance after"
tui_keys Tab Right Tab 会员日 Enter
tui_wait "Topped up ¥100.00 + ¥20.00 bonus: balance ¥120.00" &&
	pass "Enter on the last field saves and says so on the card" ||
	fail "Enter on the last field saves and says so on the card"
like "$(tui_screen)" "Wallet    ¥120.00 (principal ¥100.00, bonus ¥20.00)" \
	"the card shows the new balance"
is "$(sql "SELECT wallet_principal || ',' || wallet_bonus FROM members WHERE card = '100008'")" \
   "10000,2000" "the database has it"
is "$(sql "SELECT kind || ',' || principal || ',' || bonus || ',' || payment || ',' || reason FROM wallet_ledger")" \
   "recharge,10000,2000,wechat,会员日" "one ledger row, paid by WeChat, with the note"

# --- Points -----------------------------------------------------------------
tui_keys F5
tui_wait "Balance now:"
before=$(dbsum)
tui_keys +200 Enter Enter
tui_wait "a reason is required" && pass "a points adjustment needs a reason" ||
	fail "a points adjustment needs a reason"
is "$(dbsum)" "$before" "and without one nothing is written"
tui_keys 补偿 Enter
tui_wait "+200 points, balance" && pass "points adjusted" || fail "points adjusted"
balance=$(sql "SELECT points FROM members WHERE card = '100008'")
like "$(status_line)" "100008 (张三): +200 points, balance $balance" \
	"in the words of points adjust, with the balance in the database"
like "$(tui_screen)" "Points    $balance " "the card shows it"
is "$(sql "SELECT delta || ',' || reason FROM points_ledger ORDER BY id DESC LIMIT 1")" \
   "200,补偿" "with its reason in the ledger"

# --- Edit -------------------------------------------------------------------
before=$(dbsum)
tui_keys F6
tui_wait "Change the member's details"
like "$(tui_screen)" "Tags      VIP " "the form starts with what is stored"
tui_keys C-u 13900139000 Tab
tui_wait "phone 13900139000 already belongs to card 100016 (李四)" &&
	pass "a phone that is someone else's: the CLI's message" ||
	fail "a phone that is someone else's: the CLI's message"
tui_keys F2
tui_idle
like "$(status_line)" "already belongs to card 100016" "and saving is refused"
tui_keys Escape
tui_wait "Edit cancelled: nothing was saved."
is "$(dbsum)" "$before" "nothing changed"

tui_keys e
tui_wait "Change the member's details"
tui_keys Tab C-u 张三丰 Tab Tab Tab C-u "VIP，常客" F2
tui_wait "Saved the changes to 张三丰." && pass "edit the name to 张三丰" ||
	fail "edit the name to 张三丰"
like "$(tui_screen)" "Name      张三丰" "the card shows the new name"
is "$(sql "SELECT name || '|' || phone || '|' || birthday FROM members WHERE card = '100008'")" \
   "张三丰|13800138000|1990-05-01" "the name is stored, the rest is as it was"
is "$(sql "SELECT group_concat(name, ';') FROM (SELECT t.name FROM member_tags mt
	JOIN tags t ON t.id = mt.tag_id WHERE mt.member_id = 1 ORDER BY t.name)")" \
   "VIP;常客" "the tag list typed replaces the tags"
like "$(tui_screen)" "Tags      VIP;常客" "as the card shows"
is "$(sql "SELECT note FROM members WHERE card = '100008'")" "爱喝普洱
第二行" "a note of two lines survives the form"

# --- Freeze -------------------------------------------------------------------
tui_keys F7
tui_wait "[y/N]"
like "$(status_line)" "Freeze 张三丰 (card 100008)" "freezing asks first"
tui_keys n
tui_wait "Nothing changed."
is "$(sql "SELECT status FROM members WHERE card = '100008'")" "active" "n keeps the member active"
tui_keys f
tui_wait "[y/N]"
tui_keys y
tui_wait "张三丰 is frozen." && pass "y freezes" || fail "y freezes"
like "$(tui_screen)" "Status    frozen (F7 unfreezes)" "the card shows it clearly"
is "$(sql "SELECT status FROM members WHERE card = '100008'")" "frozen" "and it is stored"
tui_keys t
tui_wait "Top up stored value"
tui_keys 50 F2
tui_wait "is frozen" && pass "a frozen member's top-up is refused by the core" ||
	fail "a frozen member's top-up is refused by the core"
tui_keys Escape
tui_keys F7
tui_wait "Unfreeze 张三丰 (card 100008)?"
tui_keys y
tui_wait "张三丰 is active again." && pass "unfreeze" || fail "unfreeze"
is "$(sql "SELECT status FROM members WHERE card = '100008'")" "active" "active again"

# --- A new search -------------------------------------------------------------
tui_keys /
tui_wait "All members, in the order they joined." && pass "/ goes back to an empty search" ||
	fail "/ goes back to an empty search"
open_card 9000
screen=$(tui_screen)
like "$screen" "Name      李四" "another member's card"
like "$screen" "Segment   General win-back" "with their own segment"

tui_keys F10
tui_wait "[exit 0]" && pass "quits cleanly" || fail "quits cleanly"

done_testing
