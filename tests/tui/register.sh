#!/bin/sh
# register.sh - 新会员 at the counter: a walk-in customer becomes a member
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tui/tui.sh"

md member add --phone 13800138000 --name 张三 >/dev/null
zhang=$(sql "SELECT card FROM members WHERE phone = '13800138000'")
before=$(dbsum)

# The CLI's words for a bad birthday, to be seen at the field.
run md member add --phone 13500000000 --name x --birthday 1990-13-01
bad_day=${err#memberdesk: }

tui_start --db "$DB"
tui_wait "F2 New" || true

# Phone, name, birthday, gender, and Enter through the rest saves.
tui_keys F2
tui_wait "Birthday" && pass "F2 opens the registration form" || fail "F2 opens the registration form"
like "$(tui_screen | head -n 1)" "New member" "titled so"
tui_keys 13912345678 Enter 李晓龙 Left BSpace 小 End Enter 1990-13-01 Enter
tui_wait "$bad_day" && pass "a bad birthday is caught when the field is left, in the CLI's words" ||
	fail "a bad birthday is caught when the field is left, in the CLI's words"
like "$(tui_screen | grep Name)" "李小龙" "editing moves and deletes by character"
tui_keys BTab C-u 1990-05-06 Enter Space Enter Enter "VIP，学生" Enter
tui_keys "喜欢普洱" Enter
tui_wait "Registered 李小龙: card" && pass "Enter on the last field saves and says the card" ||
	fail "Enter on the last field saves and says the card"
card=$(sql "SELECT card FROM members WHERE phone = '13912345678'")
like "$(tui_screen | tail -n 2)" "card $card" "the card number is the new member's"
like "$(tui_screen | head -n 1)" "Member" "the member's card screen is open"
is "$(sql "SELECT name, birthday, gender, note FROM members WHERE card = '$card'")" \
	"李小龙|1990-05-06|1|喜欢普洱" "stored as typed"
is "$(md member show "$card" --format csv | cut -d, -f11 | tail -n 1)" "VIP;学生" "with both tags"
tui_keys Escape
tui_wait "F2 New" || true
tui_keys 5678
tui_wait "1 match" && pass "found again by the last 4 digits" || fail "found again by the last 4 digits"
like "$(tui_screen | grep 13912345678)" "李小龙" "by name"
tui_keys Escape

# A phone that is taken is caught when the field is left.
after=$(dbsum)
tui_keys F2 138-0013-8000 Tab
tui_wait "Open that member?" && pass "a duplicate phone is caught at the field" ||
	fail "a duplicate phone is caught at the field"
like "$(tui_screen)" "张三's (card $zhang)" "naming its member"
tui_keys n
tui_wait "already belongs to card $zhang" && pass "n: back to the form, the reason shown" ||
	fail "n: back to the form, the reason shown"
tui_keys Tab
tui_wait "Open that member?" || true
tui_keys y
tui_wait "Phone" || true
like "$(tui_screen | head -n 1)" "Member" "y: that member's screen opens"
like "$(tui_screen)" "张三" "it is 张三's"
is "$(dbsum)" "$after" "nothing was written"
tui_keys Escape

# Esc cancels without writing.
tui_keys F2 13700000000 Tab 王五 Tab
tui_keys Escape
tui_wait "Registration cancelled" && pass "Esc cancels" || fail "Esc cancels"
is "$(dbsum)" "$after" "and nothing was written"

# A failed save keeps what was typed.
tui_keys F2 13700000000 Tab 王五 Tab Tab Tab 999999 F2
tui_wait "no member" && pass "an unknown referrer fails the save" || fail "an unknown referrer fails the save"
like "$(tui_screen | grep Phone)" "13700000000" "the phone is still there"
like "$(tui_screen | grep Name)" "王五" "the name too"
is "$(dbsum)" "$after" "nothing was written"

# A resize in the middle of the form keeps the form and its text.
tui_keys C-u Tab Tab Tab Tab Tab "note before"
tui_resize 100 30
tui_wait "F10 Quit" || true
is "$(tui_screen | wc -l)" "30" "a resize mid-form redraws at the new size"
like "$(tui_screen | grep Name)" "王五" "what was typed is still there"
tui_keys " and after"
tui_resize 80 24
tui_wait "note before and after" && pass "typing goes on in the same field" ||
	fail "typing goes on in the same field"

# F10 asks before dropping what was typed.
tui_keys F10
tui_wait "drop what was typed?" && pass "F10 on a form asks first" || fail "F10 on a form asks first"
tui_keys n
tui_idle
like "$(tui_screen | grep Name)" "王五" "n keeps the form"
tui_keys F2
tui_wait "Registered 王五" && pass "and it saves" || fail "and it saves"
is "$(sql "SELECT note FROM members WHERE phone = '13700000000'")" "note before and after" \
	"with the note typed across the resize"

tui_keys F10
tui_wait "[exit 0] [tty restored]" && pass "quits cleanly" || fail "quits cleanly"

# The 20-second walk-in: phone, name, birthday, then F2.
tui_start --db "$DB"
tui_wait "F2 New" || true
tui_keys F2 13611112222 Tab 赵六 Tab 05-06 F2
tui_wait "Registered 赵六" && pass "phone, name, birthday and F2 is a member" ||
	fail "phone, name, birthday and F2 is a member"
is "$(sql "SELECT birthday FROM members WHERE phone = '13611112222'")" "05-06" \
	"a birthday without a year"
tui_keys F10
tui_wait "[exit 0]" || true

done_testing
