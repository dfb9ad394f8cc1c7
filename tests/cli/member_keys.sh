#!/bin/sh
# member_keys.sh - a card and a phone never name two different members
#
# At the counter a key is looked up as a card first, then as a phone, so
# a card that reads as another member's phone would take that member's
# sales.  Refused in add, edit, merge and import; one's own phone as
# one's card stays allowed.
. "$top_srcdir/tests/lib.sh"

card_of() { sql "SELECT card FROM members WHERE phone = '$1'"; }

md member add --phone 13900000005 --name 张三 >/dev/null	# 100008
md member add --phone 0912345678 --name 陳美玲 >/dev/null	# 100016
md member add --phone 91234567 --name 李嘉欣 >/dev/null		# 100024

rejects 1 "card 13900000005 is the phone number of card 100008 (张三): at the counter it would find the wrong member" \
	"add: a card that is another member's phone" \
	md member add --card 13900000005 --phone 13800000001 --name 李四
rejects 1 "is the phone number of card 100008 (张三)" "add: the phone with dashes as a card" \
	md member add --card 139-0000-0005 --phone 13800000001 --name 李四
rejects 1 "is the phone number of card 100008 (张三)" "add: the phone with 0086 as a card" \
	md member add --card 008613900000005 --phone 13800000001 --name 李四
rejects 1 "is the phone number of card 100016 (陳美玲)" "add: a Taiwan mobile as 00886... as a card" \
	md member add --card 00886912345678 --phone 13800000001 --name 李四
rejects 1 "is the phone number of card 100024 (李嘉欣)" "add: a Hong Kong number as a card" \
	md member add --card 91234567 --phone 13800000001 --name 李四

run md member add --card 13700000007 --phone 137-0000-0007 --name 王五
exits 0 "add: one's own phone as one's card is allowed"
is "$(card_of 13700000007)" "13700000007" "and kept"
run md member add --card A-1001 --phone 13800000001 --name 李四
exits 0 "add: a card with letters never reads as a phone"
run md member add --card 13600000006 --phone 13500000000 --name 赵六
exits 0 "add: a card that is nobody's phone"

rejects 1 "phone 13600000006 is the card number of 赵六 (card 13600000006): at the counter it would find the wrong member" \
	"add: a phone that is another member's card" \
	md member add --phone 136-0000-0006 --name 钱七
rejects 1 "phone 13600000006 is the card number of 赵六" "add: the same with +86" \
	md member add --phone "+86 136 0000 0006" --name 钱七
md member add --card 13-3000-0000-3 --phone 13200000002 --name 孙八 >/dev/null
rejects 1 "phone 13300000003 is the card number of 孙八 (card 13-3000-0000-3)" \
	"add: a phone that another member's card spells with dashes" \
	md member add --phone 13300000003 --name 钱七

# edit
rejects 1 "card 13900000005 is the phone number of card 100008 (张三)" \
	"edit: a card that is another member's phone" \
	md member edit A-1001 --card 13900000005
rejects 1 "phone 13600000006 is the card number of 赵六" \
	"edit: a phone that is another member's card" \
	md member edit A-1001 --phone 13600000006
run md member edit 13600000006 --phone 13600000006
exits 0 "edit: a member may take the phone their card spells"
run md member edit 13700000007 --name 王五五
exits 0 "edit: other fields of a member whose card is their phone"

# The counter finds the phone's owner.
run md sale add 13900000005 --amount 10
exits 0 "a sale by phone"
is "$(sql "SELECT m.name FROM sales s JOIN members m ON m.id = s.member_id")" "张三" \
   "goes to the phone's owner"

# merge: the dropped member's phone moves to one without a phone.
md settings set phone_required no
md member add --card 200001 --name 张三 >/dev/null
md member merge 200001 13900000005 >/dev/null
is "$(sql "SELECT phone FROM members WHERE card = '200001'")" "13900000005" \
   "merge: the phone moves to the member kept"
md member add --card 13100000001 --phone 13100000001 --name 周九 >/dev/null
md member add --card 200002 --name 周九 >/dev/null
run md member merge 200002 13100000001
exits 0 "merge: a member whose card was their phone into one without a phone"
run md member show 13100000001 --format csv
like "$out" "200002" "their phone now finds the member kept, not the merged card"
# A phone that a third member's card spells (only an old database can
# hold such a pair: make one by hand).
wu=$(md member add --phone 13400000004 --name 吴十)
md member add --card 200003 --name 吴十 >/dev/null
sql "UPDATE members SET card = '13400000004' WHERE card = 'A-1001'"
rejects 1 "phone 13400000004 is the card number of 李四 (card 13400000004)" \
	"merge: the phone moving to the kept member is a third member's card" \
	md member merge 200003 "$wu"

# import: against the shop and within the file.
printf '卡号,手机,姓名\n13200000002,13800000009,冯一\n300001,13500000001,冯二\n300002,13600000007,冯三\n13600000007,13800000008,冯四\n' >"$T/m.csv"
rejects 1 'line 2, 卡号 "13200000002": card 13200000002 is the phone number of card 13-3000-0000-3 (孙八)' \
	"import: a card that is a member's phone" \
	md import members "$T/m.csv"
run md import members "$T/m.csv" --errors "$T/err.csv"
like "$(cat "$T/err.csv")" '2,卡号,13200000002,card 13200000002 is the phone number of card 13-3000-0000-3 (孙八)' \
   "the error report names the card column"
like "$(cat "$T/err.csv")" '5,卡号,13600000007,card 13600000007 is the phone number of card 300002 (冯三)' \
   "and a card that is the phone of a row above"
is "$(sql "SELECT count(*) FROM members WHERE name LIKE '冯%'")" "0" "nothing imported"
run md import members "$T/m.csv" --skip-bad
exits 0 "--skip-bad imports the good rows"
is "$(sql "SELECT group_concat(name) FROM (SELECT name FROM members WHERE name LIKE '冯%' ORDER BY id)")" "冯二,冯三" \
   "and only those"
printf 'card,phone,name\n300010,13400000099,褚一\n300011,300010,褚二\n' >"$T/m2.csv"
run md import members "$T/m2.csv" --errors "$T/err2.csv"
exits 1 "import: a phone that a card above spells"
like "$(cat "$T/err2.csv")" "3,phone,300010," "is named in its phone column"

done_testing
