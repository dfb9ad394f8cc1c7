#!/bin/sh
# office.sh - 后台, the back office: the menu, the tier rules, points,
# settings and operators screens; for each its main path and a refusal
# (the core's message, the database unchanged); staff refused by the
# core; the tier list whole at 80x24, in English and in Chinese.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tui/tui.sh"

at() { export MEMBERDESK_NOW="$1 10:00:00"; }
sees() { tui_wait "$1" && pass "$2" || fail "$2"; }
status_line() { tui_screen | sed -n 23p; }
tiers() { md tier list --format csv | cut -d, -f1,2 | tail -n +2 | tr '\n' ' '; }

at 2026-06-01
md settings set shop_name 清心茶馆 >/dev/null
md settings set phone_required no >/dev/null
md settings set points_expiry months:1 >/dev/null
md member add --phone 13812345678 --name 王小明 >/dev/null	# 100008
md member add --name "Lee Ming" >/dev/null			# 100016
md member add --name 陳美玲 >/dev/null				# 100024
md tier add 铜卡 --min-spend 300 --rank 1 --discount 99 >/dev/null
md tier assign 100016 金卡 --reason 老客 >/dev/null
md tier assign 100024 铜卡 --reason 试用 >/dev/null
md sale add 100008 --amount 1200 >/dev/null			# 100008: 银卡
at 2026-07-01
md points adjust 100016 +50 --reason 补偿 >/dev/null

# ---- The tier list, whole, in English and in Chinese --------------------------
for lang in en zh_CN; do
	case $lang in
	en) TUI_ENV= ;;
	*) TUI_ENV="LANGUAGE=$lang" ;;
	esac
	tui_start --db "$DB"
	tui_keys F9
	tui_idle
	tui_keys Enter
	tui_idle
	screen_is "tiers-$lang" "$lang: the tier list, its rules in columns"
	tui_keys F10
	tui_wait "[exit 0]"
done
TUI_ENV=

# ---- Getting there --------------------------------------------------------------
tui_start --db "$DB"
like "$(tui_screen | tail -n 1)" "F9 Office" "the start screen's key bar names the back office"
tui_keys F9
sees "The shop's rules and numbers." "F9 opens the back office"
screen=$(tui_screen)
for row in "1  Tiers" "2  Points" "3  Reports" "4  Import/Export" "5  Settings" \
	"6  Coupons" "7  Operators"; do
	like "$screen" "$row" "the menu lists $row"
done
# Reports and Import/Export: a stand-in says "coming" until they come.
for n in 3 4; do
	tui_keys $n
	tui_idle
	case $(status_line) in
	*": coming;"*) pass "row $n: a screen still to come says so" ;;
	*) case $(tui_screen | head -n 1) in
	   *Report*|*Import*|*报表*|*导入*) pass "row $n opens its screen" ;;
	   *) fail "row $n opens its screen"; diag "$(tui_screen | head -n 1)" ;;
	   esac
	   tui_keys Escape; tui_idle ;;
	esac
done
tui_keys 6
sees "campaign" "Coupons opens the campaigns"
tui_keys Escape
tui_idle

# ---- Tier rules ---------------------------------------------------------------
tui_keys 1
sees "Tiers look at the last 12 months" "Tiers opens the tier rules, with the window"
# An invalid threshold: the core's words, nothing written.
before=$(dbsum)
tui_keys Down Down F6
sees "Tier 银卡: a member qualifies" "F6 edits the selected tier"
tui_keys Tab C-u 12.345 F2
sees 'minimum spend "12.345"' "an invalid minimum spend is refused"
like "$(status_line)" "minimum spend \"12.345\"" "in the core's words, on the status line"
like "$(tui_screen)" "12.345" "and what was typed stays"
tui_keys Escape
sees "Nothing was saved." "Esc leaves the form"
is "$(dbsum)" "$before" "a refused threshold changes nothing"
# A change saved.
tui_keys F6
tui_wait "Tier 银卡"
tui_keys Tab C-u 1500 Tab Tab Tab C-u 97 F2
sees "Saved the rules of tier 银卡." "a change is saved"
is "$(md tier list --format csv | grep 银卡)" "2,银卡,1500.00,0,500.00,97,1.2,1" "as the form had it"
# Added, on top.
tui_keys F2
sees "A new tier" "F2 adds a tier"
tui_keys 黑金 Tab 50000 Tab Tab 20000 Tab 85 Tab 3 Enter
sees "Tier 黑金 added on top." "the new tier is saved"
is "$(tiers)" "0,普通 1,铜卡 2,银卡 3,金卡 4,钻石 5,黑金 " "on top"
# Moved down and up again (tier edit --rank).
tui_keys End -
sees "黑金 is now tier 4 in the order." "- lowers the selected tier"
is "$(tiers)" "0,普通 1,铜卡 2,银卡 3,金卡 4,黑金 5,钻石 " "the one below rises"
tui_keys +
sees "黑金 is now tier 5 in the order." "+ raises it again"
tui_keys End +
sees "rank \"6\" must be from 1" "the top tier cannot rise: the core's words"
# A delete without a target: refused, nothing written.
before=$(dbsum)
tui_keys Home Down F8
sees "Delete tier 铜卡: 1 member holds it." "deleting a tier in use asks where its members go"
tui_keys F2
sees "1 member holds 铜卡" "without a tier for them the core refuses"
is "$(dbsum)" "$before" "a delete without a target changes nothing"
tui_keys Right F2
sees "Delete tier 铜卡 and move its members to 普通?" "with one it asks"
tui_keys y
sees "Tier 铜卡 is deleted; its members are in 普通 now." "and deletes"
is "$(sql "SELECT t.name FROM members m JOIN tiers t ON t.id = m.tier_id WHERE m.card = '100024'")" \
	"普通" "its member moved"
# Review now: the dry run, then apply after a question.
md tier edit 金卡 --min-spend 1100 >/dev/null	# 100008 spent 1200: up
tui_keys F4
sees "1 member would move today." "review now: who would move"
like "$(tui_screen)" "100008    王小明           银卡 → 金卡" "from which tier to which"
like "$(tui_screen)" "up: spent ¥1,200.00 on 1 day" "and why"
before=$(dbsum)
tui_keys F2
sees "Move 1 member to the tier the rules give?" "F2 asks first"
tui_keys n
sees "Nothing changed." "no keeps them"
is "$(dbsum)" "$before" "and writes nothing"
tui_keys F2
tui_wait "Move 1 member"
tui_keys y
sees "1 member moved; each move is in their tier history." "yes moves them"
is "$(sql "SELECT t.name FROM members m JOIN tiers t ON t.id = m.tier_id WHERE m.card = '100008'")" \
	"金卡" "into the tier the rules give"
tui_keys Escape
tui_idle

# ---- Points ---------------------------------------------------------------------
tui_keys 2
sees "The points rules; Enter changes one." "Points opens the points rules"
tui_keys F3
sees "Whose points" "F3 asks whose"
tui_keys 100016 Enter
sees "100016 Lee Ming: 50 points." "a member's balance"
screen=$(tui_screen)
like "$screen" "2026-07-01 10:00:00  adjusted         50       50  2026-07-31" "the lots with their last day"
like "$screen" "2026-07-01 10:00:00  adjusted        +50       50" "the history"
# An adjustment without a reason: refused, nothing written.
before=$(dbsum)
tui_keys F5
sees "Add or take away points by hand" "F5 opens the adjustment"
tui_keys +20 F2
sees "a reason is required" "without a reason the core refuses"
tui_keys Escape
sees "Points unchanged." "Esc goes back"
is "$(dbsum)" "$before" "an adjustment without a reason changes nothing"
tui_keys F5
tui_wait "Add or take away"
tui_keys -- -20 Tab 送错了 F2
sees "30 points." "an adjustment with a reason: the balance, read again"
like "$(tui_screen)" "送错了" "in the history"
tui_keys Escape
tui_idle
# The expiry run: a preview ahead, refused ahead of time.
tui_keys F5
sees "Nothing would expire." "the expiry run: nothing is past its last day today"
tui_keys C-u 2026-08-15 Enter
sees "30 points would expire, of 1 member." "a date ahead: what would go by then"
like "$(tui_screen)" "100016    Lee Ming             2026-07-31           30" "who loses what"
before=$(dbsum)
tui_keys F2
sees "points cannot be expired ahead of time" "expiring ahead of time is the core's no"
is "$(dbsum)" "$before" "and writes nothing"
tui_keys Escape
tui_idle
# A points rule, refused and then saved.
before=$(dbsum)
tui_keys Down Down Enter C-u 101 Enter
sees "points_cap must be between 0 and 100" "a setting out of range: the core's words"
is "$(dbsum)" "$before" "a setting out of range changes nothing"
tui_keys C-u 30 Enter
sees "points_cap is 30 now." "a setting in range is saved"
is "$(md settings get points_cap 2>/dev/null || sql "SELECT value FROM settings WHERE key = 'points_cap'")" \
	"30" "in the database"
tui_keys Escape
tui_idle

# ---- Settings -----------------------------------------------------------------
tui_keys 5
sees "Enter changes the selected setting" "Settings lists every setting"
like "$(tui_screen)" "shop name, shown in the title bar" "with the help of the selected one"
before=$(dbsum)
tui_keys Down Down Down Down Down Down Enter C-u 0 Enter
sees "points_value must be between 1 and 100000" "a value out of range is refused"
tui_keys Escape
sees "points_value is unchanged." "Esc keeps it"
is "$(dbsum)" "$before" "and nothing is written"
tui_keys Home Enter C-u 清心茶馆二店 Enter
sees "shop_name is 清心茶馆二店 now." "the shop name is saved"
like "$(tui_screen | head -n 1)" "清心茶馆二店" "and the title bar has it"
tui_keys Escape
tui_idle

# ---- Operators ------------------------------------------------------------------
tui_keys 7
sees "No operators: whoever uses this computer may do everything." "no operators yet"
tui_keys F10
tui_wait "[exit 0]"

env MEMBERDESK_NEW_PIN=1234 "$MEMBERDESK" --db "$DB" operator add 老板 --role owner >/dev/null 2>&1
env MEMBERDESK_OPERATOR=老板 MEMBERDESK_PIN=1234 MEMBERDESK_NEW_PIN=5678 \
	"$MEMBERDESK" --db "$DB" operator add 小王 --role staff >/dev/null 2>&1
TUI_ENV="MEMBERDESK_OPERATOR=老板 MEMBERDESK_PIN=1234"
tui_start --db "$DB"
tui_keys F9 7
sees "小王" "the owner sees the operators"
like "$(tui_screen)" "老板" "every one"
tui_keys F10
tui_wait "[exit 0]"

# Staff: the core refuses the owner's actions, and the screens say so.
TUI_ENV="MEMBERDESK_OPERATOR=小王 MEMBERDESK_PIN=5678"
tui_start --db "$DB"
tui_keys F9
sees "only an owner may change a tier's rules (小王 is staff)" \
	"a row staff may not use says why, in the core's words"
before=$(dbsum)
tui_keys 7
sees "only an owner may add an operator (小王 is staff)" "the operators are refused"
tui_keys 1
sees "Tiers look at" "staff may read the tier rules"
tui_keys F2 蓝卡 Tab 100 F2
sees "only an owner may add a tier (小王 is staff)" "adding a tier is refused"
tui_keys Escape
tui_idle
tui_keys F4
sees "only an owner may review every member's tier (小王 is staff)" "so is the review"
is "$(dbsum)" "$before" "staff changed nothing"
tui_keys F10
tui_wait "[exit 0]"
TUI_ENV=

done_testing
