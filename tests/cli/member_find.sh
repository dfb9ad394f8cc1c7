#!/bin/sh
# member_find.sh - find as counter staff ask, and list
. "$top_srcdir/tests/lib.sh"

add() { md member add "$@" >/dev/null || echo "setup failed: $*" >&2; }
add --phone 13800138000 --name 张三 --tag VIP
add --phone 13511118000 --name 王小明
add --phone 0922228000 --name 小明
add --phone 91238000 --name "Mary O'Brien"
add --phone 13600136000 --name '100%_off;"x"'
add --phone 13700137000 --name 张三丰
add --phone 13300133000 --name 李四
md member freeze 13300133000
md member delete 13700137000

cards() { printf '%s\n' "$out" | tail -n +2 | cut -d, -f1 | tr '\n' ' '; }

run md member find 8000 --format csv
exits 0 "find by the last 4 digits"
is "$(cards)" "100008 100016 100024 100032 " "every phone ending 8000, in registration order"

run md member find 13511118000 --format csv
is "$(cards)" "100016 " "a full phone"
run md member find "+86 135-1111-8000" --format csv
is "$(cards)" "100016 " "a full phone with prefix and dashes"
run md member find 100024 --format csv
is "$(cards)" "100024 " "a card number"

run md member find 小明 --format csv
is "$(cards)" "100024 100016 " "an exact name first, then names containing it"
run md member find 张三 --format csv
is "$(cards)" "100008 " "deleted members are not found"
run md member find 张三 --all --format csv
is "$(cards)" "100008 100057 " "unless --all"
run md member find 李 --format csv
is "$(cards)" "100065 " "one character finds a name; frozen members are found"
run md member find brien --format csv
is "$(cards)" "100032 " "case-insensitive for Latin letters"
run md member find "O'Brien" --format csv
is "$(cards)" "100032 " "an apostrophe is just a character"
run md member find "%_" --format csv
is "$(cards)" "100040 " "% and _ match themselves"
run md member find '"x"' --format csv
is "$(cards)" "100040 " "double quotes match themselves"
run md member find ';' --format csv
is "$(cards)" "100040 " "a semicolon matches itself"
rejects 1 'no member matches "%x%"' "% is not a wildcard" md member find %x%
rejects 1 'no member matches "nobody"' "no match exits 1" md member find nobody
rejects 1 "search for what?" "an empty search" md member find " "
rejects 2 "give one thing to search for" "find without a query" md member find
run md member find 8000 --limit 2 --format csv
is "$(cards)" "100008 100016 " "--limit"

run md member find 小明
is "$out" "Card    Phone        Name    Gender  Birthday  Joined      Tier  Points  Wallet  Status  Tags
100024  0922228000   小明                      2026-11-23  普通       0    0.00  active
100016  13511118000  王小明                    2026-11-23  普通       0    0.00  active" \
   "the table lines up Chinese names by display width"

run md member list --format csv
exits 0 "list"
is "$(printf '%s\n' "$out" | head -n 1)" "card,phone,name,gender,birthday,joined,tier,points,wallet,status,tags" \
   "list csv has the documented columns"
is "$(cards)" "100008 100016 100024 100032 100040 100065 " "active and frozen members by default"
run md member list --status frozen --format csv
is "$(cards)" "100065 " "--status frozen"
run md member list --status deleted --format csv
is "$(cards)" "100057 " "--status deleted"
run md member list --status all --format csv
is "$(printf '%s\n' "$out" | tail -n +2 | wc -l)" "7" "--status all"
run md member list --tag vip --format csv
is "$(cards)" "100008 " "--tag, any case"
rejects 1 'there is no tag "nosuch"' "--tag that does not exist" md member list --tag nosuch
rejects 1 'status "gone" is not one of' "--status that does not exist" md member list --status gone
run md member list --format tsv
like "$out" "100040	13600136000	100%_off;\"x\"	" "tsv keeps quotes as they are"

# One or two characters, a screenful at a time: whole names, then the
# names they start, then the names holding them, each in card order,
# whatever the screenful's size (each part is read only that far).
DB="$T/short.db"
i=10
for n in 李王 王芳 王 张王 王伟 赵王伟 王 Wang wang王 王丽; do
	add --name "$n" --phone "138000000$i"
	i=$((i + 1))
done
md member delete 100099
run md member find 王 --format csv
is "$(cards)" "100024 100065 100016 100040 100008 100032 100057 100081 " \
	"王: whole names, then the names it starts, then the rest"
for l in 1 2 3 4 5 6 7; do
	run md member find 王 --format csv --limit $l
	is "$(cards)" "$(echo "100024 100065 100016 100040 100008 100032 100057 100081" | cut -d' ' -f1-$l) " \
		"王 --limit $l: the first $l of them"
done
run md member find 王伟 --format csv --limit 1
is "$(cards)" "100040 " "two characters: the name they start before the one holding them"
run md member find 王伟 --format csv
is "$(cards)" "100040 100057 " "then the one holding them"
run md member find 王丽 --format csv
is "$(cards)" "" "a deleted member is not found"
run md member find 王丽 --format csv --all
like "$(cards)" "100" "unless asked for"
run md member find wa --format csv
is "$(cards)" "100081 100073 " "letters: the name they start as typed first, then in any case"

done_testing
