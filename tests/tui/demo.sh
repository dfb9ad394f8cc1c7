#!/bin/sh
# demo.sh - "memberdesk demo": the screens on a living demo shop, made by
# memberdesk's own generator through its import, beside the real shop
# and never in its place
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tui/tui.sh"

export MEMBERDESK_NOW="$(date "+%Y-%m-%d %H:%M:%S")"	# the demo is made for today
dir="$HOME/.local/share/memberdesk"
tui_start demo
tui_wait "Demo tea house" && pass "memberdesk demo opens the screens on the demo shop" ||
	fail "memberdesk demo opens the screens on the demo shop"
screen=$(tui_screen)
[ -e "$dir/demo.db" ] && pass "the demo database is beside where the real one goes" ||
	fail "the demo database is beside where the real one goes"
like "$screen" "银卡" "members in their tiers"
[ -e "$dir/memberdesk.db" ] && fail "the real shop is not made" || pass "the real shop is not made"
tui_keys F9 3 Enter
tui_wait "Important value" && pass "the reports show the segments" || fail "the reports show the segments"
tui_keys F10
tui_wait "[exit 0]" || true

demo="$dir/demo.db"
sql_demo() { "$SQLITE3" -batch -noheader "$demo" "$1"; }
# The last complete week (the Sunday before today): the screens stored
# it in the background, and it was complete when they quit.
today=${MEMBERDESK_NOW%% *}
last=$(date -d "$today -$(( $(date -d "$today -1 day" +%u) % 7 + 1 )) days" +%F)
is "$(sql_demo "SELECT count(*) FROM rfm_weeks WHERE week = '$last' AND writer IS NULL")" "1" \
   "the screens stored the last week ($last) in the background"
is "$(sql_demo "SELECT value FROM settings WHERE key = 'rfm_week_due'")" "" "and none is due"
run "$MEMBERDESK" --db "$demo" report weekly
like "$out" "change since" "the weekly report shows movement"
like "$out" "Win-back calls" "and who to call back"
run "$MEMBERDESK" --db "$demo" coupon campaign list --format csv
like "$out" ",active," "a coupon campaign runs"
is "$(sql_demo "SELECT count(*) > 300 FROM members")" "1" "a few hundred members"
run "$MEMBERDESK" --db "$demo" check
exits 0 "check proves the demo shop"

# The same day, the same shop: it is made once a day.
before=$(stat -c %i "$demo")
tui_start demo
tui_wait "Demo tea house" || true
tui_keys F10
tui_wait "[exit 0]" || true
is "$(stat -c %i "$demo")" "$before" "opened again the same day, it is kept"
rejects 2 "the demo shop has a database of its own: drop --db" "demo with --db" md demo

# A Taipei owner's demo: Traditional tiers, and the money in whole NT$.
HOME=$T/taipei
mkdir -p "$HOME"
TUI_ENV="LANGUAGE=zh_TW"
tui_start demo
tui_wait "NT\$" && pass "a demo made under zh_TW counts in NT\$" ||
	fail "a demo made under zh_TW counts in NT\$"
tui_idle
screen=$(tui_screen)
like "$screen" "銀卡" "with the tiers in Traditional characters"
unlike "$screen" "NT\$[0-9,]*\." "and whole dollars"
tui_keys F10
tui_wait "[exit 0]" || true
run "$MEMBERDESK" --db "$HOME/.local/share/memberdesk/demo.db" check
exits 0 "check proves the Taipei demo"
is "$("$SQLITE3" -batch -noheader "$HOME/.local/share/memberdesk/demo.db" \
	"SELECT count(*) FROM sales WHERE paid % 100 != 0 OR amount % 100 != 0")" "0" \
	"every sale in whole dollars"
done_testing
