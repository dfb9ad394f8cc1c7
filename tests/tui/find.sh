#!/bin/sh
# find.sh - the start screen: search as you type, browse page by page
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tui/tui.sh"

# 60 members from a file (cards 100008, 100016, ...), then three by hand.
{
	echo "phone,name"
	i=10
	while [ $i -lt 70 ]; do
		echo "139000000$i,Member $i"
		i=$((i + 1))
	done
} >"$T/members.csv"
md import members "$T/members.csv" >/dev/null 2>&1
md member add --phone 13812345678 --name 王小明 >/dev/null
md member add --phone 13698765678 --name 王大锤 >/dev/null
# The widest name there is: 32 columns of Chinese.
md member add --phone 13700001111 --name 欧阳长长长长长长长长长长长长名字 >/dev/null
md member freeze 13698765678 >/dev/null
before=$(dbsum)

# screen_width: the widest line on the screen, in display columns.
screen_width() { tui_screen | LC_ALL=C.UTF-8 wc -L; }

tui_start --db "$DB"
tui_wait "in the order they joined" && pass "browsing every member with no search" ||
	fail "browsing every member with no search"
like "$(tui_screen | sed -n 5p)" "Member 10" "the first to join comes first"
is "$(tui_screen | grep -c 'Member ')" "18" "a screenful: 18 rows at 80x24"

tui_keys 5678
tui_wait "2 matches" && pass "the last 4 digits of a phone find its members" ||
	fail "the last 4 digits of a phone find its members"
screen=$(tui_screen)
like "$screen" "王小明" "one"
like "$screen" "王大锤" "and the other"
like "$(echo "$screen" | grep 王大锤)" "frozen" "a frozen member says so"

tui_keys C-u 王
tui_wait "王小明" || true
like "$(tui_screen)" "2 matches" "one character of a name finds them too"
tui_keys C-u "$(sql "SELECT card FROM members WHERE phone = '13900000011'")"
tui_wait "Member 11" && pass "a card number finds its member" || fail "a card number finds its member"
tui_keys C-u 13900000042
tui_wait "Member 42" && pass "so does a full phone" || fail "so does a full phone"
tui_keys C-u 长长长
tui_wait "1 match" || true
line=$(tui_screen | grep 13700001111)
like "$line" "欧阳长长长长" "a wide name is shown"
unlike "$line" "名字" "clipped to its column"
is "$(($(screen_width) <= 80))" 1 "no line is wider than the screen"
tui_keys C-u 没有这个人
tui_wait "No member matches" && pass "no match says so, and how to register" ||
	fail "no match says so, and how to register"
tui_keys Escape
tui_wait "in the order they joined" && pass "Esc clears the search" || fail "Esc clears the search"

tui_keys PageDown
tui_wait "Member 28" && pass "PgDn shows the next page" || fail "PgDn shows the next page"
unlike "$(tui_screen)" "Member 27" "without the rows before it"
tui_keys End
tui_wait "欧阳" && pass "End goes to the last member" || fail "End goes to the last member"
is "$(tui_screen | grep -c '^ 1')" "18" "still a full page"
tui_keys PageUp
tui_wait "Member 37" || true
like "$(tui_screen | sed -n 5p)" "Member 37" "PgUp goes back a page"
tui_keys Home
tui_wait "Member 10" && pass "Home goes back to the first" || fail "Home goes back to the first"
tui_keys Down Down Down
tui_keys Enter
tui_wait "13900000013" && pass "Enter opens the selected member" || fail "Enter opens the selected member"
like "$(tui_screen | head -n 1)" "Member" "on the member screen"
tui_keys /
tui_wait "in the order they joined" && pass "/ starts a new search from a member" ||
	fail "/ starts a new search from a member"
i=0
while [ $i -lt 18 ]; do
	tui_keys Down
	i=$((i + 1))
done
tui_wait "Member 28" && pass "Down past the last row scrolls by one" || fail "Down past the last row scrolls by one"
like "$(tui_screen | sed -n 5p)" "Member 11" "dropping the first"

tui_resize 120 40
tui_wait "Member 44" && pass "a taller terminal shows more rows" || fail "a taller terminal shows more rows"
tui_resize 80 24
tui_keys F10
tui_wait "[exit 0]" || true
is "$(dbsum)" "$before" "searching changes nothing"

done_testing
