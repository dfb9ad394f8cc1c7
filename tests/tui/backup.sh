#!/bin/sh
# backup.sh - the screens write the day's backup in the background, say
# when it failed, and see a restore made while they are open
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tui/tui.sh"

B="$T/backups"
export MEMBERDESK_NOW="2026-11-21 10:00:00"
# wait_for FILE: until FILE exists (or fail after 10s).
wait_for() {
	_i=0
	while [ ! -e "$1" ] && [ $_i -lt 100 ]; do sleep 0.1; _i=$((_i + 1)); done
	[ -e "$1" ]
}

md member add --phone 13800138000 --name 张三 >/dev/null
md backup "$T/before.db" >/dev/null
md member add --phone 13900139000 --name 李四 >/dev/null
is "$(ls "$B")" "shop-2026-11-21-100000.db" "the day's first command wrote today's backup"

export MEMBERDESK_NOW="2026-11-22 09:00:00"
tui_start --db "$DB"
tui_wait "in the order they joined" || true
wait_for "$B/shop-2026-11-22-090000.db" && pass "the next day the screens write its backup" ||
	fail "the next day the screens write its backup"
is "$(ls -A "$B" | tr '\n' ' ')" "shop-2026-11-21-100000.db shop-2026-11-22-090000.db " \
   "once, and no temporary file is left"
is "$("$SQLITE3" "$B/shop-2026-11-22-090000.db" 'SELECT count(*) FROM members')" "2" \
   "with every member"
tui_keys 李四
tui_wait "1 match" && pass "the screens answer meanwhile" || fail "the screens answer meanwhile"
unlike "$(tui_screen)" "backup" "a backup that worked is not mentioned"

# A restore from the command line while the screens are open: they go on
# with the restored shop.
run md restore "$T/before.db"
exits 0 "restore while the screens are open"
tui_keys C-u 李
tui_wait "No member matches" && pass "the open screens see the restored shop" ||
	fail "the open screens see the restored shop"
tui_keys C-u 张
tui_wait "1 match" && pass "and go on with it" || fail "and go on with it"
tui_keys F10
tui_wait "[exit 0] [tty restored]" && pass "and quit as usual" || fail "and quit as usual"

# A backup that cannot be written is told on the status line.
rm -rf "$B"
echo "not a folder" >"$B"
export MEMBERDESK_NOW="2026-11-23 09:00:00"
tui_start --db "$DB"
tui_wait "The daily backup failed: cannot write backups to $T" &&
	pass "a failed daily backup is told on the status line" ||
	fail "a failed daily backup is told on the status line"
tui_keys F10
tui_wait "[exit 0] [tty restored]" && pass "and memberdesk goes on as usual" ||
	fail "and memberdesk goes on as usual"

done_testing
