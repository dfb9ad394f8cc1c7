#!/bin/sh
# transfer.sh - 导入导出 in the TUI: a file typed or picked in the folder
# browser, its encoding, delimiter and columns, a column read as another
# field, the dry run and its rejected rows, the import (all or nothing)
# and an export; staff refused with the core's words.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tui/tui.sh"

sees() { tui_wait "$1" && pass "$2" || fail "$2"; }
squeezed() { tui_screen | tr -s ' '; }

export MEMBERDESK_NOW="2026-07-15 10:00:00"
md settings set shop_name 清心茶馆 >/dev/null
md member add --phone 13812345678 --name 王小明 >/dev/null
mkdir "$T/in"
printf '卡号;姓名;手机号;生日;备注\n200001;张三;13512345678;1990-01-02;好\n200002;李四;12345;1991-03-01;\n200003;王五;13612345678;;\n' \
	>"$T/in/bad.csv"
printf '卡号,姓名,手机号,等级名\n300001,赵六,13312345678,金\n300002,钱七,13412345678,银\n' \
	>"$T/in/good.csv"

# ---- A file with a bad row: checked, listed, refused whole -------------------
before=$(dbsum)
tui_start --db "$DB"
tui_keys M-x
sees "Import" "Alt-x opens import and export"
tui_keys Enter
sees "F4 picks the file" "the import form"
tui_keys Tab "$T/in/bad.csv" Tab
sees "delimiter \";\"" "the delimiter found"
like "$(tui_screen)" "UTF-8, delimiter" "the encoding found"
like "$(tui_screen)" "卡号 → card, 姓名 → name, 手机号 → phone, 生日 → birthday" "each column's field"
tui_keys F5
sees "1 rejected" "F5: the dry run"
like "$(tui_screen)" "1 row would be rejected, so nothing would be imported" "the core's words"
tui_keys F7
sees "The dry run rejected 1 row" "F7: the rejected rows"
like "$(squeezed)" "3 手机号 12345 phone \"12345\" is not a valid" "line, column, value and problem"
like "$(squeezed)" "(mainland 1xxxxxxxxxx, Taiwan" "and the selected problem whole"
tui_keys Escape F9
sees "Import $T/in/bad.csv as members? Every row goes in, or none." "F9 asks first"
tui_keys y
sees "1 row was rejected, so nothing was imported" "the import refused whole"
is "$(dbsum)" "$before" "the database unchanged"
tui_keys F10
tui_wait "Quit and drop what was typed?"
tui_keys y
tui_wait "[exit 0]"

# ---- Picked in the browser, a column changed, imported -----------------------
tui_start --db "$DB"
tui_keys M-x Enter
tui_wait "F4 picks the file"
tui_keys Tab "$T/in/" F4
sees "$T/in" "F4: the folder browser, in the folder typed"
like "$(tui_screen)" "good.csv" "with its files"
tui_keys Down Down Enter
sees "good.csv" "Enter picks a file"
sees "等级名 → (ignored)" "a header no field has is ignored"
tui_keys F6
sees "Columns of the file" "F6: the columns"
tui_keys End Space
sees "by you" "Space: the next choice (ignored)"
tui_keys Left
sees "by its header" "Left: the one before"
# Read 等级名 as the tier: ignored, card, name, ... tier, a step at a time.
tui_keys Space Space Space Space Space Space Space Space Space Space
sees "tier" "the column read as the tier"
tui_keys Escape
sees "等级名 → tier" "the form shows it, read again by the core"
tui_keys F5
sees "2 rows would be rejected" "the dry run refuses the tiers"
tui_keys F7
sees "level \"金\" matches no tier" "and says why"
tui_keys Escape
tui_keys F6 End F5 Escape
sees "等级名 → (ignored)" "F5: back to what the header says"
tui_keys F9 y
sees "Imported as import #1: 2 rows read; 2 written, 0 skipped." "imported"
is "$(sql "SELECT group_concat(name, ',') FROM members WHERE card LIKE '3%'")" "赵六,钱七" \
	"the members are there"
tui_keys Escape

# ---- Export ------------------------------------------------------------------
tui_keys Down Enter
sees "F2 writes the file" "the export form"
tui_keys Tab "$T/out.csv" Tab Tab Tab Tab "2026-13-01" Tab
sees 'From "2026-13-01"' "a bad date is refused at its field, named as the screen names it"
tui_keys F2
tui_wait 'From "2026-13-01"'
[ ! -e "$T/out.csv" ] && pass "and nothing is written" || fail "and nothing is written"
tui_keys C-u BTab Space F2
sees "rows written to" "F2 writes the export"
is "$(head -n 1 "$T/out.csv" | tr -d '\r')" \
	"卡号,姓名,手机,性别,生日,等级,积分,余额,赠送余额,开卡日期,推荐人,标签,备注,状态" \
	"with Chinese headers when chosen"
is "$(grep -c 赵六 "$T/out.csv")" 1 "the imported members among them"
tui_keys F10
tui_wait "[exit 0]"

# ---- Staff may not import ----------------------------------------------------
env MEMBERDESK_NEW_PIN=2468 "$MEMBERDESK" --db "$DB" operator add 老板 --role owner >/dev/null
env MEMBERDESK_NEW_PIN=1357 MEMBERDESK_PIN=2468 "$MEMBERDESK" --db "$DB" --operator 老板 \
	operator add 小王 --role staff >/dev/null
before=$(dbsum)
TUI_ENV="MEMBERDESK_OPERATOR=小王 MEMBERDESK_PIN=1357"
tui_start --db "$DB"
tui_keys M-x Enter
tui_wait "F4 picks the file"
tui_keys Tab "$T/in/good.csv" Tab
sees "only an owner may import members (小王 is staff)" "staff: the core's refusal"
tui_keys F9
tui_wait "only an owner may import members"
is "$(dbsum)" "$before" "nothing written"
tui_keys F10
tui_wait "Quit and drop what was typed?"
tui_keys y
tui_wait "[exit 0]"
TUI_ENV=

done_testing
