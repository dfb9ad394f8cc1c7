#!/bin/sh
# transfer.sh - 导入导出 in the TUI: a file typed or picked in the folder
# browser, its encoding, delimiter and columns, a column read as another
# field, the dry run and its rejected rows, the import (all or nothing,
# or with "Bad rows: skip" the good rows), the rejected rows saved to fix
# and imported again, sales of cards not yet members, the options page
# whole, and an export; staff refused with the core's words.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tui/tui.sh"

sees() { tui_wait "$1" && pass "$2" || fail "$2"; }
squeezed() { tui_screen | tr -s ' '; }
# What the form shows at LABEL, its N lines (wrapped at blanks) joined.
pair() {
	tui_screen | sed -n "/^  $1 /{p;n;p;n;p;}" | head -n "$2" | sed "s/^  $1 *//; s/^ *//" |
		tr '\n' ' ' | tr -s ' '
}
result() { pair Result 3; }

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
sees "1 row rejected. Save it to fix, as" "the rejected rows offered for saving"
like "$(tui_screen)" "$T/in/bad-rejected.csv" "beside the file, a name proposed"
tui_keys Escape
sees "1 row was rejected, so nothing was imported" "the import refused whole"
like "$(result)" "Nothing was imported: 3 rows read, 1 rejected." "the result says so"
is "$(dbsum)" "$before" "the database unchanged"
[ ! -e "$T/in/bad-rejected.csv" ] && pass "Esc: no file saved" || fail "Esc: no file saved"
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
tui_keys Tab Tab Tab Tab Tab
sees "a level no tier has" "New levels: the members' option, with its hint"
unlike "$(tui_screen)" "Unknown cards" "and not the sales' ones"
tui_keys Space F5
tui_wait "Dry run: 2 rows read"
like "$(result)" "0 rejected. 2 tiers would be made for the file's levels." \
	"the dry run says what the option would do"
tui_keys Space
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

# ---- Bad rows skipped: the good rows in, the bad saved, fixed, imported -------
tui_start --db "$DB"
tui_keys M-x Enter
tui_wait "F4 picks the file"
tui_keys Tab "$T/in/bad.csv" Tab Tab Tab Tab
sees "skip: import the good rows, leave out the bad" "Bad rows: the option and its hint"
tui_keys Space F5
tui_wait "Dry run: 3 rows read"
like "$(result)" "2 would be written, 0 skipped, 1 rejected. 1 rejected row would be left out." \
	"the dry run: the good rows it would write, the bad it would leave out"
tui_keys F9
sees "as members? The good rows go in" "F9 asks, saying what goes in"
tui_keys y
sees "1 row rejected. Save it to fix, as $T/in/bad-rejected.csv" "then offers the rejected rows"
like "$(result)" "Imported as import #2: 3 rows read; 2 written, 0 skipped. 1 rejected row was left out." \
	"the screen says how many were rejected"
is "$(sql "SELECT group_concat(card || name, ',') FROM members WHERE card LIKE '2%'")" \
	"200001张三,200003王五" "the good rows imported"
tui_keys Enter
sees "1 row saved to" "Enter saves them under the name proposed"
is "$(head -n 1 "$T/in/bad-rejected.csv" | tr -d '\r')" "$(printf '\357\273\277')卡号;姓名;手机号;生日;备注;rejected because" \
	"the file's header, its delimiter, and why"
like "$(sed -n 2p "$T/in/bad-rejected.csv")" '200002;李四;12345;1991-03-01;;"手机号: phone ""12345"" is not a valid' \
	"the rejected row as the file had it, with its problem"
is "$(wc -l <"$T/in/bad-rejected.csv")" 2 "and no other row"
# The file changed since: its line numbers would name other rows.
cp "$T/in/bad.csv" "$T/bad.keep"
echo "200009;孙九;13912345678;;" >>"$T/in/bad.csv"
tui_keys F8
tui_wait "Save it to fix, as"
tui_keys Enter
sees "has changed since it was read: check it again" "F8 on a file changed since: refused"
[ ! -e "$T/in/bad-rejected-2.csv" ] && pass "and nothing written" || fail "and nothing written"
cp "$T/bad.keep" "$T/in/bad.csv"
tui_keys F7
sees "The import left out 1 rejected row." "F7: the rows the import left out"
tui_keys F8
sees "Save it to fix, as $T/in/bad-rejected-2.csv" "F8 there: a name not taken yet"
if [ -w /dev/full ]; then
	tui_keys C-u /dev/full Enter
	sees "cannot write /dev/full" "a write that fails: the core's words"
	tui_keys F8
	tui_wait "Save it to fix, as"
else
	pass "a write that fails: the core's words # SKIP no /dev/full"
fi
tui_keys Escape
sees "The rejected rows were not saved." "Esc: not saved"
tui_keys Escape
# Fixed in a spreadsheet, and imported as any file.
sed 's/;12345;/;13712345678;/' "$T/in/bad-rejected.csv" >"$T/in/fixed.csv"
tui_keys BTab BTab BTab BTab C-u "$T/in/fixed.csv" Tab
tui_wait "Columns"
like "$(pair Columns 2)" "rejected because → (ignored)" "the problem column is ignored"
tui_keys F9 y
sees "Imported as import #3: 1 rows read; 1 written, 0 skipped." "the fixed file imports"
is "$(sql "SELECT phone FROM members WHERE card = '200002'")" 13712345678 "the fixed row is in"
tui_keys F10
tui_wait "[exit 0]"

# ---- Sales of cards that are not members yet ---------------------------------
printf '卡号,消费时间,金额\n100008,2026-07-01 10:00,88.00\n100888,2026-07-02 11:00,30.00\n100889,2026-07-03 12:00,-5.00\n100889,2026-07-03 12:30,45.50\n' \
	>"$T/in/销售记录.csv"
before=$(dbsum)
tui_start --db "$DB"
tui_keys M-x Enter
tui_wait "F4 picks the file"
tui_keys Space Tab "$T/in/销售记录.csv" Tab
sees "cards that are not members: reject, or register" "sales: Unknown cards, with its hint"
like "$(tui_screen)" "negative lines: skip, or net against the ticket" "and Returns"
unlike "$(tui_screen)" "New levels" "not the members' option"
tui_keys F5
sees "2 rows would be rejected" "unknown cards rejected by default"
is "$(dbsum)" "$before" "the dry run wrote nothing"
tui_keys Tab Tab Tab Tab Space F5
tui_wait "0 rejected"
like "$(result)" "3 would be written, 1 skipped, 0 rejected. 2 members would be registered from the sales. 1 return row skipped." \
	"register: the dry run says who would be, and the return line skipped"
is "$(dbsum)" "$before" "still nothing written"
tui_keys F9 y
sees "Imported as import #4" "imported"
like "$(result)" "2 members registered from the sales." "the members registered"
unlike "$(result)" "rejected row" "none rejected"
is "$(sql "SELECT count(*) FROM members WHERE card IN ('100888', '100889')")" 2 "they are members now"
is "$(sql "SELECT count(*) FROM sales WHERE import_id = 4")" 3 "with their sales"
tui_keys F10
tui_wait "[exit 0]"

# ---- The options page whole, with a Chinese file name -------------------------
cp "$T/in/销售记录.csv" "$T/in/门店销售.csv"
echo "100008,2026-07-04 10:00,12.00" >>"$T/in/门店销售.csv"
for lang in en zh_CN; do
	case $lang in
	en) TUI_ENV= dry="Dry run:" ;;
	*) TUI_ENV="LANGUAGE=$lang" dry="试运行：" ;;
	esac
	cd "$T/in"
	tui_start --db "$DB"
	cd - >/dev/null
	tui_keys M-x Enter
	tui_wait "F4"
	tui_keys Space Tab "门店销售.csv" Tab Tab Tab Tab Space Tab Space Tab Space F5
	tui_wait "$dry"
	screen_is "transfer-options-$lang" "$lang: the options page, a Chinese file name, the dry run's result"
	tui_keys F10
	tui_wait "[y/N]"
	tui_keys y
	tui_wait "[exit 0]"
done
TUI_ENV=

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
