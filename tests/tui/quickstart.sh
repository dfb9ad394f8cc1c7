#!/bin/sh
# quickstart.sh - "sh build-aux/quickstart run" opens the screens in the
# language of the user's locale, with nothing installed: the program it
# runs from the build tree finds the catalogs built there.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tui/tui.sh"

# The user's environment: LANG alone, as a fresh machine's login sets
# it (no LANGUAGE, no LC_ALL, nothing telling the program where the
# catalogs are).  QUICKSTART_BUILT: this build, as it is (the Quick start
# would otherwise install, build and configure in the source tree).
quickstart() {
	TUI_ENV="LC_ALL= LC_MESSAGES= LC_CTYPE= LANGUAGE= LANG=$1 MEMBERDESK_LOCALEDIR="
	TUI_ENV="$TUI_ENV QUICKSTART_BUILT='$top_builddir'"
	_program=$MEMBERDESK
	MEMBERDESK="$top_srcdir/build-aux/quickstart" TUI_WRAP=sh
	shift
	tui_start run "$@"
	MEMBERDESK=$_program TUI_WRAP= TUI_ENV=
}

# have_locale NAME: setlocale can set NAME here (locale -a says zh_CN.utf8).
have_locale() { locale -a 2>/dev/null | sed 's/\.utf8$/.UTF-8/' | grep -qx "$1"; }
sql_in() { "$SQLITE3" -batch -noheader "$1" "$2"; }

# check_lang LOCALE FIND-SCREEN-TEXT KEY-BAR-TEXT
check_lang() {
	if ! have_locale "$1"; then
		pass "# SKIP the locale $1 is not generated here (sh build-aux/quickstart test generates it)"
		return
	fi
	quickstart "$1" --db "$T/$1.db"
	tui_wait "$2" && pass "$1: the Quick start opens the screens in its language" ||
		fail "$1: the Quick start opens the screens in its language"
	like "$(tui_screen | tail -n 1)" "$3" "$1: the key bar too"
	tui_keys F10
	tui_wait "[exit 0] [tty restored]" && pass "$1: and F10 quits" || fail "$1: and F10 quits"
}

check_lang zh_CN.UTF-8 "还没有会员" "退出"
check_lang zh_TW.UTF-8 "尚無會員" "離開"
if have_locale zh_TW.UTF-8; then
	is "$(sql_in "$T/zh_TW.UTF-8.db" "SELECT group_concat(name, ' ') FROM tiers")" \
		"普通 銀卡 金卡 鑽石" "zh_TW.UTF-8: the new shop's tiers in Traditional characters"
fi

# Under a locale the program has no catalog for, English.
quickstart C.UTF-8 --db "$T/en.db"
tui_wait "No members yet" && pass "C.UTF-8: English" || fail "C.UTF-8: English"
tui_keys F10
tui_wait "[exit 0]" || true

done_testing
