#!/bin/sh
# valgrind.sh - the screens under valgrind: no leaks, no invalid memory use
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tui/tui.sh"

[ -n "${MEMBERDESK_SANITIZED:-}" ] && skip_all "a sanitizer build checks this itself"
[ -n "${VALGRIND:-}" ] && command -v "$VALGRIND" >/dev/null 2>&1 ||
	skip_all "valgrind is not installed"

md member add --phone 13800138000 --name 张三 >/dev/null
md wallet rules set 100:20 >/dev/null
md coupon campaign add 满百减二十 --kind cash --value 20 --min 100 --days 7 >/dev/null
TUI_WRAP="$VALGRIND -q --leak-check=full --errors-for-leak-kinds=definite,indirect \
--show-leak-kinds=definite,indirect --error-exitcode=99 --log-file=$T/vg.log"

# Every screen, a failed check and a save, a resize, then quit.
tui_start --db "$DB"
tui_wait "F2 New" || true
tui_keys 8000
tui_wait "1 match" || true
tui_keys Enter
tui_wait "F3 Sell" || true
tui_keys F1
tui_wait "F3 Alt-3 s" || true
tui_keys Escape
tui_wait "F3 Sell" || true
tui_keys F4
tui_wait "bonus" || true
tui_keys 100 F2
tui_wait "Topped up" && pass "topped up under valgrind" || fail "topped up under valgrind"
tui_keys F3
tui_wait "To pay" || true
tui_keys 50
tui_wait "50.00" || true
tui_keys F2
tui_wait "recorded" && pass "sold under valgrind" || fail "sold under valgrind"
tui_keys Escape
tui_wait "F3 Sell" || true
tui_keys Escape
tui_wait "F2 New" || true
tui_keys F2 13800138000 Tab
tui_wait "Open that member?" || true
tui_keys n C-u 13912345678 Tab 李四 Tab 13-45 Tab
tui_wait "birthday" || true
tui_resize 100 30
tui_keys BTab C-u 05-06 F2
tui_wait "Registered 李四" && pass "registered under valgrind" || fail "registered under valgrind"
tui_resize 80 24
tui_keys Escape
tui_wait "F2 New" || true
# The coupon screens: the list, the form with its choices, a campaign's
# figures, and a coupon given from the card.
tui_keys F8
tui_wait "1 campaign" || true
tui_keys F2
tui_wait "will receive" || true
tui_keys 七月 Tab Tab 10 Tab 50 Tab Tab Tab Tab 14 Tab Tab Tab Tab Tab Right
tui_wait "< 普通 >" || true
tui_keys F2
tui_wait "added" && pass "a campaign made under valgrind" || fail "a campaign made under valgrind"
tui_keys Enter
tui_wait "Redeemed" || true
tui_keys Escape Escape
tui_wait "F2 New" || true
tui_keys C-u 8000
tui_wait "1 match" || true
tui_keys Enter
tui_wait "F3 Sell" || true
tui_keys F8
tui_wait "choose the campaign" || true
tui_keys Enter
tui_wait "[Y/n]" || true
tui_keys y
tui_wait "given to" && pass "a coupon given under valgrind" || fail "a coupon given under valgrind"
tui_keys Escape
tui_wait "F2 New" || true
tui_keys F10
tui_wait "[exit" || true
like "$(tui_screen)" "[exit 0] [tty restored]" "valgrind: exit 0"
if [ -s "$T/vg.log" ]; then
	fail "valgrind: no errors"
	diag "$(cat "$T/vg.log")"
else
	pass "valgrind: no errors"
fi

done_testing
