#!/bin/sh
# operators.sh - 操作员 from the back office (F9, 7): the first owner and
# staff added, the PINs as stars and compared, a new PIN, a role changed,
# an operator disabled and enabled, each after a question; the core's
# refusals (the PIN rule, the last active owner, staff) with the database
# unchanged; the audit rows; the list whole at 80x24 with Chinese names.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tui/tui.sh"

export MEMBERDESK_NOW="2026-07-01 10:00:00"
sees() { tui_wait "$1" && pass "$2" || fail "$2"; }
status_line() { tui_screen | sed -n 23p; }
ops() { sql "SELECT name || ':' || role || ':' || active FROM operators ORDER BY id" | tr '\n' ' '; }

md settings set shop_name 清心茶馆 >/dev/null

# ---- The first owner, from the screen ---------------------------------------------
tui_start --db "$DB"
tui_keys F9 7
sees "may do everything. F2 adds the first," \
	"a shop without operators: the header says F2 adds the first"
like "$(tui_screen | tail -n 1)" "F2 Add" "the key bar names the keys"
tui_keys F2
sees "A new operator" "F2 opens the form"
like "$(tui_screen)" "< owner >" "the first operator starts as an owner"
# A PIN too short: the core's rule, when the field is left.
before=$(dbsum)
tui_keys 老板 Tab Tab 12 Tab
sees "PIN: a PIN is 4 to 8 digits" "a too-short PIN is refused in the core's words"
unlike "$(tui_screen)" " 12 " "the PIN shows as stars"
like "$(tui_screen)" "PIN        ** " "one star a digit"
tui_keys BTab C-u 1234 Tab 1243
unlike "$(tui_screen)" "1243" "the second PIN as stars too"
tui_keys Enter
sees "the two PINs differ: nothing was changed" "two PINs that differ are refused"
is "$(dbsum)" "$before" "and write nothing"
is "$(ops)" "" "no operator"
tui_keys C-u 1234 Enter
sees "Operator 老板 added (owner); the screens are signed in as 老板 now." "the first owner is added"
like "$(tui_screen | head -n 1)" "老板" "the title bar names them"
is "$(ops)" "老板:owner:1 " "in the database"
sees "F5 changes a role, F8" \
	"the list, with the keys in its header"

# ---- Staff, signed in as the owner --------------------------------------------------
tui_keys F2
tui_wait "A new operator"
like "$(tui_screen)" "< staff >" "after the first, a new operator starts as staff"
tui_keys 小王 Tab Tab 5678 Tab 5678 Enter
sees "Operator 小王 added (staff)." "staff added"
tui_keys F2
tui_wait "A new operator"
tui_keys "Lee Ming" Tab Tab 2468 Tab 2468 F2
sees "Operator Lee Ming added (staff)." "F2 saves the form too"
# The same name twice: the core's refusal, nothing written.
before=$(dbsum)
tui_keys F2
tui_wait "A new operator"
tui_keys 小王 Tab Tab 1111 Tab 1111 Enter
sees "there is already an operator called 小王" "a name taken is the core's no"
tui_keys Escape
sees "Nothing changed." "Esc leaves the form"
is "$(dbsum)" "$before" "a refused operator changes nothing"
is "$(ops)" "老板:owner:1 小王:staff:1 Lee Ming:staff:1 " "three operators"
tui_keys Home
tui_idle
screen_is operators-en "the operators list, Chinese names in their columns"
tui_keys F1
sees "set the selected operator's PIN (staff: only their own)" "F1 lists the screen's keys"
like "$(tui_screen)" "stop the selected operator from signing in" "every one of them"
tui_keys Escape
tui_idle

# ---- The last owner ---------------------------------------------------------------------
before=$(dbsum)
tui_keys End F5
sees "Make 老板 staff, who may do the counter's work only? [y/N]" "F5 asks, naming who and what"
tui_keys y
sees "老板 is the last active owner: add or enable another owner first" \
	"the last owner stays one: the core's words"
tui_keys F8
sees "Disable 老板, so that they may no longer sign in? [y/N]" "F8 asks, naming who"
tui_keys y
sees "老板 is the last active owner" "the last owner cannot be disabled"
is "$(dbsum)" "$before" "the last owner's refusals change nothing"

# ---- A role, disabled and enabled -------------------------------------------------------
tui_keys Up F5
sees "Make 小王 an owner, who may do everything? [y/N]" "staff made an owner: asked first"
tui_keys n
sees "Nothing changed." "no keeps the role"
is "$(dbsum)" "$before" "and writes nothing"
tui_keys F5
tui_wait "Make 小王 an owner"
tui_keys y
sees "小王 is an owner now." "yes makes them an owner"
like "$(tui_screen | grep 小王)" " owner " "the list shows it"
tui_keys F8
tui_wait "Disable 小王"
tui_keys y
sees "小王 is disabled: they may no longer sign in." "an operator disabled"
like "$(tui_screen)" "disabled" "the list shows it"
is "$(ops)" "老板:owner:1 小王:owner:0 Lee Ming:staff:1 " "in the database"
tui_keys F8
sees "Enable 小王, so that they may sign in again? [y/N]" "F8 on a disabled one asks to enable"
tui_keys y
sees "小王 may sign in again." "and enables them"
tui_keys F5
tui_wait "Make 小王 staff"
tui_keys y
sees "小王 is staff now." "and staff again"
is "$(ops)" "老板:owner:1 小王:staff:1 Lee Ming:staff:1 " "as before"

# ---- A new PIN ------------------------------------------------------------------------
tui_keys Home F4
sees "A new PIN for Lee Ming: 4 to 8 digits, typed twice." "F4 sets the selected operator's PIN"
before=$(dbsum)
tui_keys 1357 Tab 1375 Enter
sees "the two PINs differ: nothing was changed" "two PINs that differ are refused"
is "$(dbsum)" "$before" "and write nothing"
tui_keys BTab C-u 123456789 Tab
sees "a PIN is 4 to 8 digits" "a PIN too long: the core's rule"
tui_keys BTab C-u 1357 Tab C-u 1357 Enter
sees "PIN of Lee Ming changed." "the new PIN is set"
tui_keys F10
tui_wait "[exit 0]"
run env MEMBERDESK_OPERATOR="Lee Ming" MEMBERDESK_PIN=1357 "$MEMBERDESK" --db "$DB" settings show shop_name
is "$rc" "0" "Lee Ming signs in with the new PIN"
run env MEMBERDESK_OPERATOR="Lee Ming" MEMBERDESK_PIN=2468 "$MEMBERDESK" --db "$DB" settings show shop_name
like "$err" "wrong operator name or PIN" "and no longer with the old one"

# ---- The audit rows ---------------------------------------------------------------------
is "$(sql "SELECT operator || ' ' || action || ' ' || new FROM audit WHERE action LIKE 'operator.%' AND action <> 'operator.locked' ORDER BY id" | tr '\n' '|')" \
	"$(printf '%s|' \
	"$(id -un) operator.add {\"operator\":\"老板\",\"role\":\"owner\"}" \
	'老板 operator.add {"operator":"小王","role":"staff"}' \
	'老板 operator.add {"operator":"Lee Ming","role":"staff"}' \
	'老板 operator.role {"operator":"小王","role":"owner"}' \
	'老板 operator.disable {"operator":"小王","active":"no"}' \
	'老板 operator.enable {"operator":"小王","active":"yes"}' \
	'老板 operator.role {"operator":"小王","role":"staff"}' \
	'老板 operator.passwd {"operator":"Lee Ming"}')" \
	"every change has its audit row, by who made it"

# ---- Staff are refused by the core ------------------------------------------------------
TUI_ENV="MEMBERDESK_OPERATOR=小王 MEMBERDESK_PIN=5678"
tui_start --db "$DB"
before=$(dbsum)
tui_keys F9 7
sees "only an owner may add an operator (小王 is staff)" "staff who open the screen: the core says no"
unlike "$(tui_screen)" "Lee Ming" "and the list stays closed"
is "$(dbsum)" "$before" "staff changed nothing"
tui_keys F10
tui_wait "[exit 0]"
TUI_ENV=

# ---- An owner who makes themselves staff is staff at once ------------------------
TUI_ENV="MEMBERDESK_OPERATOR=老板 MEMBERDESK_PIN=1234"
tui_start --db "$DB"
tui_keys F9 7
tui_wait "F5 changes a role"
tui_keys Down F5
tui_wait "Make 小王 an owner"
tui_keys y
sees "小王 is an owner now." "another owner first"
tui_keys Down F5
tui_wait "Make 老板 staff"
tui_keys y
sees "老板 is staff now." "then the owner makes themselves staff"
like "$(tui_screen)" "The shop's rules and numbers." "and is back in the office: the list is the owners'"
is "$(ops)" "老板:staff:1 小王:owner:1 Lee Ming:staff:1 " "in the database"
before=$(dbsum)
tui_keys 7
sees "only an owner may add an operator (老板 is staff)" "the screens hold them to their new role"
is "$(dbsum)" "$before" "and nothing changes"
tui_keys F10
tui_wait "[exit 0]"
TUI_ENV=

# ---- A first owner from the screen: the screens lock as for any sign-in ---------------
DB="$T/new.db"
md settings set shop_name 新店 >/dev/null
TUI_ENV="MEMBERDESK_TUI_LOCK_SECONDS=1"
tui_start --db "$DB"
tui_keys F9 7 F2 店主 Tab Tab 9753 Tab 9753 Enter
sees "Locked: no key was pressed for a while." "after the first owner, the screens lock when idle"
like "$(tui_screen)" "店主" "and ask for that owner"
tui_keys 9753 Enter
sees "店主" "their PIN opens them again"
tui_keys F10
tui_wait "[exit 0]"
TUI_ENV=

done_testing
