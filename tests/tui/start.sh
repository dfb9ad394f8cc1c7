#!/bin/sh
# start.sh - the full-screen interface opens, redraws, and quits cleanly
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tui/tui.sh"

md settings set shop_name 清心茶馆
before=$(dbsum)

tui_start --db "$DB"
tui_wait "Press q or F10 to quit" && pass "the first screen appears" || fail "the first screen appears"
screen=$(tui_screen)
like "$(echo "$screen" | head -n 1)" "清心茶馆" "the title bar names the shop"
like "$(echo "$screen" | head -n 1)" "2026-11-23" "and the date"
like "$(echo "$screen" | tail -n 1)" "F10 Quit" "the key bar is on the last line"

tui_resize 100 30
tui_wait "F10 Quit" || true
is "$(tui_screen | wc -l)" "30" "a resize redraws at the new size"
like "$(tui_screen | sed -n 30p)" "F10 Quit" "with the key bar on the new last line"
tui_resize 80 24

tui_keys q
tui_wait "[exit 0]" && pass "q quits with status 0" || fail "q quits with status 0"
is "$(dbsum)" "$before" "looking changes nothing"

LANGUAGE=zh_CN tui_start --db "$DB"
tui_wait "F10" && pass "starts in Chinese too" || fail "starts in Chinese too"
tui_keys F10
tui_wait "[exit 0]" && pass "F10 quits" || fail "F10 quits"

done_testing
