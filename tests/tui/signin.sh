#!/bin/sh
# signin.sh - in a shop with operators the screens ask who is there, and
# lock after tui_lock_minutes without a key until someone signs in again
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tui/tui.sh"

export MEMBERDESK_NOW="2026-07-01 10:00:00"
md member add --name 张三 --phone 13900000001 >/dev/null
MEMBERDESK_NEW_PIN=2468 md operator add 老板 --role owner >/dev/null
MEMBERDESK_NEW_PIN=1357 MEMBERDESK_PIN=2468 md --operator 老板 operator add 小王 --role staff >/dev/null

TUI_ENV="MEMBERDESK_TUI_LOCK_SECONDS=0"
tui_start --db "$DB"
tui_wait "Sign in to open the shop." && pass "the screens ask who is there first" ||
	fail "the screens ask who is there first"
unlike "$(tui_screen)" "张三" "and show no member before"
tui_keys "小王" Tab "0000" Enter
tui_wait "wrong operator name or PIN" && pass "a wrong PIN is refused at the screen" ||
	fail "a wrong PIN is refused at the screen"
unlike "$(tui_screen)" "0000" "the PIN is never shown"
is "$(sql "SELECT failures FROM operators WHERE name = '小王'")" "1" "and counts as one wrong PIN"
tui_keys "1357" Enter
tui_wait "Find a member" && pass "the right PIN opens the shop" || fail "the right PIN opens the shop"
like "$(tui_screen | head -n 1)" "小王" "the title bar names the operator"
tui_keys "0001"
tui_wait "张三" && pass "staff find members" || fail "staff find members"
tui_keys F10
tui_wait "[exit 0]" && pass "F10 quits" || fail "F10 quits"

# At the sign-in, F10 leaves without opening anything.
tui_start --db "$DB" --operator 老板
tui_wait "Sign in to open the shop." || true
like "$(tui_screen)" "老板" "--operator fills in the name"
tui_keys F10
tui_wait "[exit 0] [tty restored]" && pass "F10 at the sign-in quits" || fail "F10 at the sign-in quits"

# The lock (a second here, for the test; tui_lock_minutes in a shop).
TUI_ENV="MEMBERDESK_TUI_LOCK_SECONDS=1"
tui_start --db "$DB" --operator 老板
tui_wait "Sign in to open the shop." || true
tui_keys "2468" Enter
tui_wait "Locked: no key was pressed for a while." && pass "no key for a while locks the screens" ||
	fail "no key for a while locks the screens"
unlike "$(tui_screen)" "Find a member" "and hides what was on them"
tui_keys "1111" Enter
tui_wait "wrong operator name or PIN" && pass "a wrong PIN does not unlock" ||
	fail "a wrong PIN does not unlock"
tui_keys "2468" Enter
tui_wait "Find a member" && pass "the PIN unlocks" || fail "the PIN unlocks"
tui_wait "Locked: no key was pressed for a while." || true
tui_keys F10
tui_wait "[exit 0] [tty restored]" && pass "F10 at the lock quits" || fail "F10 at the lock quits"

is "$(sql "SELECT value FROM settings WHERE key = 'tui_lock_minutes'")" "" "tui_lock_minutes is 10 unless set"
run env MEMBERDESK_PIN=2468 "$MEMBERDESK" --db "$DB" --operator 老板 settings show tui_lock_minutes
like "$out" "10" "settings show says 10"
done_testing
