#!/bin/sh
# member_manage.sh - show, edit, tags, status changes, merge, audit
. "$top_srcdir/tests/lib.sh"

md member add --phone 13800138000 --name 张三 --birthday 1990-05-01 --tag VIP >/dev/null
md member add --phone 13900139000 --name 李四 --referrer 100008 >/dev/null

run md member show 100016
exits 0 "show by card"
is "$out" "Card      100016
Name      李四
Phone     13900139000
Gender
Birthday
Joined    2026-11-23
Referrer  100008 张三
Tier      普通
          spent ¥0.00 in the last 12 months
          bought on 0 days
          ¥1,000.00 more to reach 银卡
Points    0
Wallet    ¥0.00 (principal ¥0.00, bonus ¥0.00)
Tags
Status    active
Note" "show lays out every field"
run md member show 139-0013-9000
exits 0 "show by phone in another spelling"
like "$out" "100016" "finds the same member"
rejects 1 'no member has the card or phone number "100099"' "show an unknown member" \
	md member show 100099
rejects 2 "give one card or phone number" "show without a key" md member show
rejects 2 'format "xml" is not one of table, csv, tsv, pdf' "an unknown format" \
	md member show 100008 --format xml
run md member show 100008 --format tsv
like "$out" "card	phone	name" "tsv has a header of keys"

# edit
run md member edit 100016 --name 李四光 --birthday 12-25 --gender 男 --note "两行
备注"
exits 0 "edit several fields"
is "$(md member show 100016 --format csv | tail -n +2 | head -n 1)" \
   "100016,13900139000,李四光,male,12-25,2026-11-23,普通,0,0.00,active,,100008,,\"两行" \
   "the changes are stored"
run md member show 100016
like "$out" "Note      两行
          备注" "a multi-line note continues under its column"
run md member edit 100016 --birthday "" --note ""
exits 0 "clear optional fields with empty values"
is "$(sql "SELECT coalesce(birthday, 'NULL') || '|' || note FROM members WHERE card = '100016'")" "NULL|" "they are cleared"
run md member edit 100016 --phone "+86 135 0013 5000"
exits 0 "change the phone"
run md member show 13500135000 --format csv
like "$out" "100016" "the member is found by the new phone"
run md member edit 100016 --card 200001
exits 0 "replace a card number"
run md member edit 200001 --referrer ""
exits 0 "clear the referrer"
rejects 1 "phone 13800138000 already belongs to card 100008 (张三)" "edit to a taken phone" \
	md member edit 200001 --phone 13800138000
rejects 1 "card 100008 already belongs to 张三" "edit to a taken card" \
	md member edit 200001 --card 100008
rejects 1 "a member cannot be their own referrer" "refer oneself" \
	md member edit 200001 --referrer 200001
rejects 1 "phone is required" "clear a required phone" \
	md member edit 200001 --phone ""
rejects 1 'birthday "2023-02-30" is not a real date' "an impossible birthday" \
	md member edit 200001 --birthday 2023-02-30
rejects 1 'no member has the card or phone number "000000"' "edit an unknown member" \
	md member edit 000000 --name x
rejects 2 "nothing to change" "edit without changes" md member edit 200001
rejects 2 'use "member tag" and "member untag" for tags' "edit --tag" \
	md member edit 200001 --tag x

# tags
run md member tag 100008 学生 常客
exits 0 "add two tags"
is "$(md member show 100008 --format csv | tail -n 1 | cut -d, -f11)" "VIP;学生;常客" "tags are listed in code point order"
run md member untag 100008 学生
exits 0 "remove a tag"
rejects 1 'member does not have the tag "学生"' "remove a tag it lacks" \
	md member untag 100008 学生
rejects 1 'tag "a|b" must not contain |' "a tag holding a separator" \
	md member tag 100008 "a|b"
rejects 2 "at least one tag" "tag without tags" md member tag 100008

# status
run md member freeze 100008
exits 0 "freeze"
is "$(md member show 100008 --format csv | tail -n 1 | cut -d, -f10)" "frozen" "status frozen"
rejects 1 "member 100008 (张三) is already frozen" "freeze twice" md member freeze 100008
run md member unfreeze 100008
exits 0 "unfreeze"
rejects 1 "member 100008 (张三) is already active" "unfreeze an active member" \
	md member unfreeze 100008
run md member delete 200001
exits 0 "delete"
run md member list --format csv
unlike "$out" "200001" "a deleted member leaves the listing"
run md member show 200001
like "$out" "deleted" "but can still be shown"
rejects 1 "is deleted; restore it first" "edit a deleted member" \
	md member edit 200001 --name x
rejects 1 "phone 13500135000 already belongs to card 200001 (李四光, deleted)" \
	"a deleted member's phone stays reserved" \
	md member add --phone 13500135000 --name 新人
run md member restore 200001
exits 0 "restore"
rejects 1 "is already active" "restore an active member" md member restore 200001

# merge
md member add --name 重复 --phone 13700137000 --tag 老客 >/dev/null
dup=$(md member find 重复 --format csv | tail -n 1 | cut -d, -f1)
md member add --name 被推荐 --phone 13700137001 --referrer "$dup" >/dev/null
run md member merge 100008 "$dup"
exits 0 "merge a duplicate into the original"
run md member show "$dup" --format csv
like "$out" ",merged," "the duplicate is marked merged"
like "$out" ",100008," "into the original"
run md member show 100008 --format csv
like "$out" ",VIP;常客;老客," "tags were united"
is "$(md member show 13700137001 --format csv | tail -n 1 | cut -d, -f12)" "100008" \
   "whom the duplicate referred now counts as referred by the original"
rejects 1 "cannot merge a member into itself" "merge with itself" \
	md member merge 100008 13800138000
rejects 1 "was merged into 100008" "merge a merged member" \
	md member merge 200001 "$dup"
rejects 2 "give the member to keep and the one to merge into it" "merge one" \
	md member merge 100008

# audit
run md audit 100008 --format csv
exits 0 "audit of one member"
is "$(echo "$out" | head -n 1)" "at,operator,action,card,old,new" "audit csv header"
is "$(echo "$out" | tail -n +2 | cut -d, -f3 | tr '\n' ' ')" \
   "member.merge member.unfreeze member.freeze member.untag member.tag member.add " \
   "every change to the member, newest first"
run md audit --limit 1 --format csv
is "$(echo "$out" | wc -l)" "2" "--limit"
rejects 2 "--limit needs a whole number" "--limit 0" md audit --limit 0

# segment: the latest weekly snapshot's, as the daily maintenance keeps it
col() {	# col NAME: the named column of the last csv row in $out
	printf '%s\n' "$out" | awk -F, -v name="$1" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == name) c = i } END { print $c }'
}
run md member show 100008
unlike "$out" "Segment" "no week stored yet: no Segment line"
run md member show 100008 --format csv
is "$(col segment)" "" "and an empty segment column"
md sale add 13700137001 --amount 50 >/dev/null
export MEMBERDESK_NOW="2026-11-24 10:00:00"
md sale add 100008 --amount 100 >/dev/null
md sale add 100008 --amount 100 >/dev/null
export MEMBERDESK_NOW="2026-11-30 10:00:00"	# a Monday: last week is kept
run md member show 100008
like "$out" "Segment   Important value (the week to 2026-11-29)" \
	"a member who bought has the latest week's segment"
run md member show 100008 --format csv
is "$(col segment)" "important_value" "as its key in csv"
run md member show 13700137001 --format csv
is "$(col segment)" "general_winback" "the other buyer's, scored against the first"
run md member show 200001 --format csv
is "$(col segment)" "" "a member who bought nothing has none"
is "$(sql "SELECT count(*) FROM rfm_weeks")" "1" "one week was stored"

done_testing
