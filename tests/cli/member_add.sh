#!/bin/sh
# member_add.sh - registering members, and every way to get it wrong
. "$top_srcdir/tests/lib.sh"

run md member add --phone 13800138000 --name 张三
exits 0 "register a member"
is "$out" "100008" "stdout is exactly the new card number"
is "$err" "" "and nothing on stderr"
is "$(md member add --phone 13900139000 --name 李四 | od -c | head -n 1)" \
   "0000000   1   0   0   0   1   6  \\n" "card and one newline, nothing more"

run md member add --phone "+86 137-0013-7000" --name "  王五  " --birthday 1990/5/1 \
	--gender 男 --tag VIP --tag 学生 --referrer 13800138000 --note "爱喝普洱"
exits 0 "register with every field"
card=$out
run md member show "$card" --format csv
is "$(echo "$out" | sed -n 2p)" \
   "$card,13700137000,王五,male,1990-05-01,2026-11-23,普通,0,0.00,active,VIP;学生,100008,,爱喝普洱,0.00,0.00,0.00,0,银卡,1000.00,0.00,0,," \
   "fields are normalised and stored"

run md member add --phone 0912345678 --name 陳大文 --birthday 03-15 --gender F
exits 0 "a Taiwan mobile and a birthday without a year"
run md member add --phone "+852 9123 4567" --name "Chan Tai Man" --gender M
exits 0 "a Hong Kong number with its country code"
is "$(md member show 91234567 --format csv | cut -d, -f2 | tail -n 1)" "91234567" "is stored as 8 digits"
run md member add --phone "+44 7911 123456" --name "Jane Smith"
exits 0 "an international number"
run md member add --phone １３６００１３６０００ --name 全角
exits 0 "fullwidth digits"
is "$(md member show 13600136000 --format csv | cut -d, -f3 | tail -n 1)" "全角" "are folded"
run md member add --phone 13500135000 --name 'Tom "The Cat" O'"'"'Neil; 100%_' --note 'a,b
line 2'
exits 0 "quotes, semicolons, % and _ in a name"
card=$out
run md member show 13500135000 --format csv
is "$out" 'card,phone,name,gender,birthday,joined,tier,points,wallet,status,tags,referrer,merged_into,note,wallet_principal,wallet_bonus,tier_spend,tier_visits,next_tier,to_next_tier,to_keep_tier,points_expiring,points_expiring_after,segment
'$card',13500135000,"Tom ""The Cat"" O'"'"'Neil; 100%_",,,2026-11-23,普通,0,0.00,active,,,,"a,b
line 2",0.00,0.00,0.00,0,银卡,1000.00,0.00,0,,' "are stored verbatim and quoted correctly in CSV"
run md member add --phone 13400134000 --name 一二三四五六七八九十一二三四五六
exits 0 "a name of exactly 32 columns"
run md member add --phone 13400134001 --name abcdefghijklmnopqrstuvwxyzabcdef
exits 0 "32 ASCII letters"
run md member add --phone 13400134002 --name 预印 --card A-0001
exits 0 "a pre-printed card number"
is "$out" "A-0001" "is used as given"

# Bad input: the message says what and why, and nothing changes.
rejects 1 "phone 13800138000 already belongs to card 100008 (张三)" "duplicate phone" \
	md member add --phone 138-0013-8000 --name 张三丰
rejects 1 "phone 13800138000 already belongs to card 100008 (张三)" "duplicate phone with +86" \
	md member add --phone +8613800138000 --name 张三丰
rejects 1 'phone "12345" is not a valid mobile number' "malformed phone" \
	md member add --phone 12345 --name 张三丰
rejects 1 'phone "1380013800a" is not a valid mobile number' "letters in a phone" \
	md member add --phone 1380013800a --name 张三丰
rejects 1 'birthday "2023-02-30" is not a real date' "impossible birthday" \
	md member add --phone 13100131000 --name 张三丰 --birthday 2023-02-30
rejects 1 'birthday "2023-02-29" is not a real date' "Feb 29 of a common year" \
	md member add --phone 13100131000 --name 张三丰 --birthday 2023-02-29
rejects 1 'birthday "2026-11-24" is in the future' "future birthday" \
	md member add --phone 13100131000 --name 张三丰 --birthday 2026-11-24
rejects 1 'birthday "tomorrow" is not a date' "birthday that is no date" \
	md member add --phone 13100131000 --name 张三丰 --birthday tomorrow
rejects 1 'birthday "1899-12-31" is before 1900' "birthday before 1900" \
	md member add --phone 13100131000 --name 张三丰 --birthday 1899-12-31
rejects 1 "name is required" "empty name" \
	md member add --phone 13100131000 --name ""
rejects 1 "name is required" "blank name" \
	md member add --phone 13100131000 --name "   "
rejects 1 "is 34 columns wide: at most 32 fit" "a name of 17 Chinese characters" \
	md member add --phone 13100131000 --name 一二三四五六七八九十一二三四五六七
rejects 1 "is 33 columns wide" "a name of 33 letters" \
	md member add --phone 13100131000 --name abcdefghijklmnopqrstuvwxyzabcdefg
rejects 1 "name is not valid UTF-8 text" "GBK bytes as a name" \
	md member add --phone 13100131000 --name "$(printf '\325\305\310\375')"
rejects 1 "name is not valid UTF-8 text" "a stray continuation byte" \
	md member add --phone 13100131000 --name "$(printf 'ab\200cd')"
rejects 1 "name must not contain control characters" "a tab in a name" \
	md member add --phone 13100131000 --name "$(printf 'a\tb')"
rejects 1 "name has nothing visible in it" "a name of U+200B alone" \
	md member add --phone 13100131000 --name "$(printf '\342\200\213')"
rejects 1 "name has nothing visible in it" "a name of combining marks alone" \
	md member add --phone 13100131000 --name "$(printf '\314\201\314\202\314\203')"
rejects 1 "name must not contain the invisible character U+200B" "a name with U+200B inside" \
	md member add --phone 13100131000 --name "$(printf '张\342\200\213三')"
rejects 1 "name must not contain U+202E, which changes the direction of the text" \
	"a name with a right-to-left override" \
	md member add --phone 13100131000 --name "$(printf 'abc\342\200\256def')"
rejects 1 "name must not contain U+2066" "a name with a bidi isolate" \
	md member add --phone 13100131000 --name "$(printf '\342\201\246x')"
rejects 1 "tag has nothing visible in it" "a tag of U+200C alone" \
	md member add --phone 13100131000 --name 张三丰 --tag "$(printf '\342\200\214')"
rejects 1 "tag must not contain the invisible character U+FEFF" "a tag with a BOM inside" \
	md member add --phone 13100131000 --name 张三丰 --tag "$(printf 'V\357\273\277IP')"
rejects 1 "note must not contain U+202E" "a note with a right-to-left override" \
	md member add --phone 13100131000 --name 张三丰 --note "$(printf 'ok \342\200\256gnol')"
rejects 1 'gender "x" is not one of male, female, unknown' "bad gender" \
	md member add --phone 13100131000 --name 张三丰 --gender x
rejects 1 'referrer "999999" is not a member' "unknown referrer" \
	md member add --phone 13100131000 --name 张三丰 --referrer 999999
rejects 1 "card 100008 already belongs to 张三" "a card that is taken" \
	md member add --phone 13100131000 --name 张三丰 --card 100008
rejects 1 'card "12 34" must be 1 to 32 letters' "a card with a space" \
	md member add --phone 13100131000 --name 张三丰 --card "12 34"
rejects 1 'tag "a;b" must not contain ;' "a tag with a separator" \
	md member add --phone 13100131000 --name 张三丰 --tag "a;b"
rejects 1 "tag is empty" "an empty tag" \
	md member add --phone 13100131000 --name 张三丰 --tag " "
rejects 1 "phone is required to register a member" "no phone" \
	md member add --name 张三丰
rejects 1 "note is not valid UTF-8 text" "a note in GBK" \
	md member add --phone 13100131000 --name 张三丰 --note "$(printf '\325\305')"
rejects 2 "--name is required" "no --name at all" \
	md member add --phone 13100131000
rejects 2 'unexpected argument "extra"' "a stray argument" \
	md member add --phone 13100131000 --name 张三丰 extra

run md member add --phone 13100131001 --name "$(printf 'Jose\314\201 👩\342\200\215💻')" --note "   "
exits 0 "a name with a combining accent and a ZWJ emoji, and a note of spaces, are fine"

md settings set phone_required no
run md member add --name 路人甲
exits 0 "without a phone once phone_required is no"
md settings set phone_required yes

is "$(sql "SELECT count(*) FROM members")" "13" "13 members in all"
is "$(sql "SELECT count(*) FROM audit WHERE action = 'member.add'")" "13" "each with an audit row"
is "$(sql "SELECT operator FROM audit LIMIT 1")" "$(id -un)" "naming the OS user as operator"

done_testing
