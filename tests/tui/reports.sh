#!/bin/sh
# reports.sh - 报表 in the TUI: RFM segments as a table and bars (a whole
# 80x24 screen with Chinese names, in English and in Chinese), a
# segment's members sorted and opened, value types, the weekly report
# page by page and saved, birthdays, sales by period; charts in ASCII
# without UTF-8; staff refused with the core's words.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tui/tui.sh"

at() { export MEMBERDESK_NOW="$1 10:00:00"; }
sees() { tui_wait "$1" && pass "$2" || fail "$2"; }
# The screen with runs of blanks squeezed, to find a table's row.
squeezed() { tui_screen | tr -s ' '; }

at 2026-01-10
md settings set shop_name 清心茶馆 >/dev/null
md member add --phone 13812345678 --name 王小明 --birthday 1990-07-20 >/dev/null	# 100008
md member add --phone 13900139000 --name "Lee Ming" >/dev/null			# 100016
md member add --phone 0912345678 --name 陳美玲 --birthday 1985-07-18 >/dev/null	# 100024
md member add --phone 13700001111 --name 欧阳长长长长名字 >/dev/null		# 100032
md member add --phone 13600136000 --name "Zoë 张" >/dev/null			# 100040
md member add --phone 13500135000 --name 李雷 >/dev/null				# 100057
md member add --phone 13400134000 --name "Hanmeimei 韩" >/dev/null		# 100065
md sale add 100024 --amount 300 --category 茶叶 >/dev/null
at 2026-03-01
md sale add 100032 --amount 40 --category 点心 >/dev/null
at 2026-07-10
md sale add 13400134000 --amount 15 >/dev/null
at 2026-07-12
md sale add 13500135000 --amount 20 >/dev/null
at 2026-07-13
md sale add 100040 --amount 30 >/dev/null
md sale add 100040 --amount 30 >/dev/null
at 2026-07-14
for i in 1 2 3; do md sale add 100008 --amount 88 --category 茶叶 --pay wechat >/dev/null; done
md sale add 100016 --amount 12.5 --category 点心 >/dev/null
at 2026-07-15

# ---- The RFM segments, whole, in English and in Chinese ----------------------
for lang in en zh_CN; do
	case $lang in
	en) TUI_ENV= ;;
	*) TUI_ENV="LANGUAGE=$lang" ;;
	esac
	tui_start --db "$DB"
	tui_keys M-r
	tui_wait "RFM" || tui_wait "RFM 分群"
	tui_keys Enter
	tui_wait "2026-07-15"
	tui_idle
	screen_is "rfm-$lang" "$lang: RFM segments as a table and bars"
	tui_keys Down Down Down Enter
	tui_wait "100032"
	tui_idle
	screen_is "rfm-members-$lang" "$lang: a segment's members, Chinese names in columns"
	tui_keys F10
	tui_wait "[exit 0]"
done
TUI_ENV=

# ---- Drill-down: a segment, its members sorted, a member ---------------------
tui_start --db "$DB"
tui_keys M-r
sees "Weekly report" "Alt-r opens the reports from the start screen"
tui_keys Enter
sees "Important win-back" "the segments"
like "$(tui_screen)" "█" "bars of block characters"
# Important value: 王小明 and Zoë 张, by card.
tui_keys Enter
sees "王小明" "Enter shows the segment's members"
like "$(tui_screen)" "Important value: 2 members, by card." "how many, in what order"
like "$(tui_screen | sed -n 6p)" "100040" "Zoë 张 after 王小明"
tui_keys Enter
sees "13812345678" "Enter on a member opens the member's screen"
like "$(tui_screen | sed -n 1p)" "Member" "the card"
tui_keys Escape Escape
sees "Enter shows a segment's members" "Esc goes back to the segments"
# Important win-back: 陳美玲 (186 days ago, ¥300) and 欧阳 (136 days, ¥40).
tui_keys Down Down Down Enter
tui_wait "Important win-back: 2 members"
like "$(tui_screen | sed -n 5p)" "100024" "by card"
tui_keys r
sees "the latest buyers first" "r sorts by recency"
like "$(tui_screen | sed -n 5p)" "100032" "the latest buyer on top"
tui_keys F7
sees "the biggest spenders first" "F7 sorts by what they paid"
like "$(tui_screen | sed -n 5p)" "100024" "the biggest spender on top"
tui_keys f
sees "the most sales first" "f sorts by frequency"
tui_keys Escape Escape
tui_wait "Value types"

# ---- Value types, and their members sorted by M ------------------------------
tui_keys Down Enter
sees "High total" "value types"
tui_keys Down Down Enter
tui_wait "High total:"
tui_keys m
sees "the biggest spenders first" "m sorts by what they paid"
first=$(tui_screen | sed -n 5p)
like "$first" "100024" "the biggest spender on top"
tui_keys m
sees "by card" "m again: by card"
tui_keys Escape Escape

# ---- The weekly report: pages, weeks, saved ----------------------------------
tui_keys Down Enter
sees "Week ending 2026-07-12, page 1 of" "the weekly report, page by page"
like "$(tui_screen)" "Key figures" "the key figures on the first page"
tui_keys Left
sees "Week ending 2026-07-05" "Left: the week before"
tui_keys Right Right
sees "has not ended yet" "Right past the last full week: the core says why"
tui_keys F2
sees "Save the report as: weekly-2026-07-12.txt" "F2 asks the file's name"
tui_keys C-u "$T/周报.txt" Enter
sees "The report is saved in" "and saves it"
like "$(cat "$T/周报.txt")" "Weekly report" "the file holds the report"
is "$(md report weekly --week-ending 2026-07-12 | cksum)" "$(cksum <"$T/周报.txt")" \
	"the same text as report weekly"
tui_keys Escape

# ---- Birthdays --------------------------------------------------------------
tui_keys Down Enter
sees "2 members have a birthday in the next 7 days" "birthdays coming"
like "$(tui_screen | sed -n 5p)" "2026-07-18 100024" "the soonest first"
tui_keys -
sees "next 7 days" "no fewer than 7"
tui_keys +
sees "next 14 days" "+ looks further ahead"
tui_keys Enter
sees "0912345678" "Enter opens the member"
tui_keys Escape Escape

# ---- Sales -------------------------------------------------------------------
tui_keys Down Enter
sees "Sales from 2026-06-16 to 2026-07-15, by day" "sales by day, the last 30 days"
like "$(squeezed)" "2026-07-14 4 ¥276.50 74.4" "a day's sales and what was paid"
tui_keys F5
sees "by week" "F5: by week"
tui_keys F5
sees "Sales from 2025-08-01 to 2026-07-15, by month" "by month, the last 12"
like "$(squeezed)" "2026-01 1 ¥300.00" "a month"
tui_keys F5
sees "by category" "by category"
like "$(squeezed)" "茶叶 3 ¥264.00" "a category"
tui_keys F5
sees "by payment" "by payment"
tui_keys Left
sees "No sales in this period." "Left: the 30 days before"
tui_keys F10
tui_wait "[exit 0]"

# ---- ASCII charts without UTF-8 ----------------------------------------------
LC_ALL=C tui_start --db "$DB"
tui_keys M-r Enter
tui_wait "Important win-back"
like "$(tui_screen)" "#" "bars of # in the C locale"
unlike "$(tui_screen)" "█" "and no block characters"
tui_keys F10
tui_wait "[exit 0]"

# ---- Staff may not read the reports ------------------------------------------
env MEMBERDESK_NEW_PIN=2468 "$MEMBERDESK" --db "$DB" operator add 老板 --role owner >/dev/null
env MEMBERDESK_NEW_PIN=1357 MEMBERDESK_PIN=2468 "$MEMBERDESK" --db "$DB" --operator 老板 \
	operator add 小王 --role staff >/dev/null
before=$(dbsum)
TUI_ENV="MEMBERDESK_OPERATOR=小王 MEMBERDESK_PIN=1357"
tui_start --db "$DB"
tui_keys M-r
sees "only an owner may read the reports (小王 is staff)" "staff: the core's refusal on the status line"
like "$(tui_screen | sed -n 1p)" "Find" "and the start screen stays"
tui_keys F10
tui_wait "[exit 0]"
TUI_ENV=
is "$(dbsum)" "$before" "nothing written"

done_testing
