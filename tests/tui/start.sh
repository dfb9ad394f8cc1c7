#!/bin/sh
# start.sh - the frame: title and key bars, help, resizing, colours, and
# the terminal given back however the program ends
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tui/tui.sh"

md settings set shop_name 清心茶馆
before=$(dbsum)

tui_start --db "$DB"
tui_wait "No members yet" && pass "the find screen is the first" || fail "the find screen is the first"
screen=$(tui_screen)
top=$(echo "$screen" | head -n 1)
like "$top" "清心茶馆" "the title bar names the shop"
like "$top" "Find a member" "and the screen"
like "$top" "2026-11-23" "and the date"
like "$top" "$(id -un 2>/dev/null || echo)" "and the operator"
like "$top" "shop.db" "and the database"
is "$(echo "$screen" | tail -n 1 | sed 's/ *$//')" \
	"F1 Help  F2 New  F3 Walk-in  F8 Coupons  F9 Office  F10 Quit" "the key bar is on the last line"

tui_keys F1
tui_wait "register a new member" && pass "F1 shows the help" || fail "F1 shows the help"
screen=$(tui_screen)
like "$screen" "F2 Alt-2 ^N" "with every key of an action"
like "$screen" "record a sale to a customer who is not a member" "and its help text"
like "$screen" "Typing in a field" "and the editing keys"
# The start screen's keys fill the first page: the rest is a page down.
tui_keys PgDn
tui_wait "Backspace" && pass "named for people, a page down" || fail "named for people, a page down"
tui_keys Home
tui_idle
tui_keys Escape
tui_wait "No members yet" && pass "Esc leaves the help" || fail "Esc leaves the help"

tui_resize 100 30
tui_wait "F10 Quit" || true
is "$(tui_screen | wc -l)" "30" "a resize redraws at the new size"
like "$(tui_screen | sed -n 30p)" "F10 Quit" "with the key bar on the new last line"
tui_resize 70 20
tui_wait "too small" && pass "a terminal under 80x24 is told so" || fail "a terminal under 80x24 is told so"
tui_resize 80 24
tui_wait "F10 Quit" && pass "and drawn again when it grows" || fail "and drawn again when it grows"

like "$(tui_screen_sgr)" "[44m" "roles have colours: the title bar is blue"
tui_keys F10
tui_wait "[exit 0] [tty restored]" && pass "F10 quits with status 0 and the terminal restored" ||
	fail "F10 quits with status 0 and the terminal restored"
is "$(dbsum)" "$before" "looking changes nothing"

TUI_ENV="NO_COLOR=1" tui_start --db "$DB"
tui_wait "F10 Quit" || true
unlike "$(tui_screen_sgr)" "[44m" "NO_COLOR: no colours"
like "$(tui_screen_sgr)" "[7m" "but the bars still stand out (reverse video)"
tui_keys Escape 0
tui_wait "[exit 0] [tty restored]" && pass "Esc 0 (Alt-0) quits, for terminals without F10" ||
	fail "Esc 0 (Alt-0) quits, for terminals without F10"

tui_start --db "$DB"
tui_wait "F10 Quit" || true
tui_keys C-c
tui_wait "[exit 130] [tty restored]" && pass "^C ends it with the terminal restored" ||
	fail "^C ends it with the terminal restored"

tui_start --db "$DB"
tui_wait "F10 Quit" || true
kill -ABRT "$(tui_pid)"
tui_wait "[exit 134] [tty restored]" && pass "a crash still gives the terminal back" ||
	fail "a crash still gives the terminal back"

tui_start --db "$T/no/such/dir/shop.db"
tui_wait "[exit 1]" && pass "a database that cannot be opened: exit 1" ||
	fail "a database that cannot be opened: exit 1"
like "$(tui_screen)" "[tty restored]" "before the terminal was taken"

LANGUAGE=zh_CN tui_start --db "$DB"
tui_wait "F10" && pass "starts in Chinese too" || fail "starts in Chinese too"
like "$(tui_screen | head -n 1)" "查找会员" "the title in Chinese"
like "$(tui_screen | tail -n 1)" "F2 新会员" "the key bar in Chinese"
tui_keys F10
tui_wait "[exit 0]" && pass "F10 quits" || fail "F10 quits"

LANGUAGE=zh_TW tui_start --db "$DB"
tui_wait "F10" || true
like "$(tui_screen | tail -n 1)" "F2 新會員" "and in Traditional Chinese"
tui_keys F10

# The manual's key table is the action table, word for word.
sed -n '/^\.\\" keys: begin/,/^\.\\" keys: end/p' "$top_srcdir/doc/memberdesk.1" |
	sed '1d;$d' >"$T/manual-keys"
"$MEMBERDESK" --keys-roff >"$T/program-keys"
if cmp -s "$T/manual-keys" "$T/program-keys"; then
	pass "the manual lists the keys the program has"
else
	fail "the manual lists the keys the program has"
	diag "$(diff "$T/manual-keys" "$T/program-keys")"
fi
# Every entry names its keys and says what they do.
is "$(awk '/^\.TP$/ { n++; getline k; getline h; if (k !~ /^\.B ./ || h == "" || h ~ /^\./) bad++ }
	END { print ((n > 20 && !bad) ? "ok" : n " entries, " bad " without keys or help") }' "$T/program-keys")" \
   "ok" "every entry of the key table has keys and a help line"
like "$(cat "$T/program-keys")" "leave memberdesk" "the quit key among them"

# Built inside a tmux session, the TUI tests still find tmux: tmux sets
# $TMUX to its socket, which configure must not take for the program.
if [ -f "$top_srcdir/config.status" ]; then
	pass "configure inside tmux # SKIP configure refuses a second build of a tree built in place"
else
	eval "set -- $("$top_builddir/config.status" --config)"
	for _a; do
		shift
		case $_a in --srcdir=* | --cache-file=* | -C) ;; *) set -- "$@" "$_a" ;; esac
	done
	mkdir "$T/build"
	(cd "$T/build" && TMUX=/tmp/tmux-0/default,123,0 "$top_srcdir/configure" -q "$@") \
		>"$T/configure.log" 2>&1 || diag "configure failed:" "$(tail -n 5 "$T/configure.log")"
	# What the tests are given as TMUX_BIN (tests/Makefile.inc; make
	# bench's environment names the same variable).
	_var=$(sed -n "s/.*TMUX_BIN='\$(\([A-Za-z_]*\))'.*/\1/p" "$T/build/Makefile" 2>/dev/null |
		sed -n 1p)
	is "$(sed -n "s/^${_var:-?} = //p" "$T/build/Makefile" 2>/dev/null)" "$TMUX_BIN" \
		"configure inside tmux: the TUI tests get the tmux program, not its socket"
fi

done_testing
