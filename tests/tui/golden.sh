#!/bin/sh
# golden.sh - whole 80x24 screens, compared line by line
#
# Substrings prove that something is on the screen, not that it lines
# up: these compare every line below the title bar (which holds the
# database's path and the operator) with a saved screen, in English and
# in Chinese, with Chinese, Latin and mixed names side by side.
# MEMBERDESK_GOLDEN_SAVE=1 writes the screens instead, to review them.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tui/tui.sh"

md settings set shop_name 清心茶馆 >/dev/null
md member add --phone 13812345678 --name 王小明 --birthday 1990-05-01 --tag VIP >/dev/null
md member add --phone 13900139000 --name "Lee Ming" >/dev/null
md member add --phone 0912345678 --name 陳美玲 --gender 女 >/dev/null
md member add --phone 13700001111 --name 欧阳长长长长长长长长长长长长名字 >/dev/null
md member add --phone 13600136000 --name "Zoë 张" --note 喜欢乌龙 >/dev/null
md member freeze 13600136000 >/dev/null
md wallet rules set 100:20 >/dev/null
md wallet recharge 100008 --amount 100 >/dev/null
md sale add 100008 --amount 88 >/dev/null
md sale add 100008 --amount 12.5 --pay wallet >/dev/null

for lang in en zh_CN; do
	case $lang in
	en) TUI_ENV= ;;
	*) TUI_ENV="LANGUAGE=$lang" ;;
	esac
	tui_start --db "$DB"
	tui_idle
	screen_is "find-$lang" "$lang: the member list, Chinese and Latin names in columns"
	tui_keys 王小
	tui_wait "王小明"
	tui_keys Enter
	tui_wait "100008"
	tui_idle
	screen_is "card-$lang" "$lang: a member's card"
	tui_keys F3
	tui_wait "100008"
	tui_keys 128.5
	tui_idle
	screen_is "sell-$lang" "$lang: a sale, the bill worked out as it is typed"
	tui_keys Escape
	tui_idle
	tui_keys F10
	tui_wait "[exit 0]"
done
TUI_ENV=

done_testing
