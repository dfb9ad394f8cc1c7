#!/bin/sh
# settings.sh - settings show and set
. "$top_srcdir/tests/lib.sh"

run md settings show --format csv
exits 0 "settings show"
is "$(printf '%s\n' "$out" | head -n 1)" "key,value,default" "csv header"
like "$out" "phone_required,yes,yes" "phone_required defaults to yes"
like "$out" "card_next,10000,10000" "card_next defaults to 10000"
run md settings
exits 0 "settings alone shows them"
like "$out" "whether staff must enter a phone number" "with descriptions"

run md settings set shop_name "  清心茶馆  "
exits 0 "set the shop name"
is "$(md settings show shop_name --format csv | tail -n 1)" "shop_name,清心茶馆," "trimmed and stored"
run md settings set phone_required 否
exits 0 "否 is no"
is "$(md settings show phone_required --format csv | tail -n 1)" "phone_required,no,yes" "stored as no"
run md settings set phone_required yes
is "$(sql "SELECT count(*) FROM settings WHERE key = 'phone_required'")" "0" \
   "setting the default again removes the override"
is "$(sql "SELECT new FROM audit WHERE action = 'settings.set' ORDER BY id DESC LIMIT 1")" \
   '{"phone_required":"yes"}' "each change is audited"

run md settings set card_next 80000
exits 0 "start generated cards at 80000"
is "$(md member add --phone 13800138000 --name 张三)" "800003" "the next card is 80000 with its Luhn digit"

rejects 1 'unknown setting "colour"' "an unknown setting" md settings set colour red
rejects 1 "phone_required must be yes or no" "a bad yes/no" md settings set phone_required maybe
rejects 1 "card_next must be a whole number" "a bad number" md settings set card_next 12x
rejects 1 "card_next must be between 1 and" "a number out of range" md settings set card_next 0
tab=$(printf '\t')
rejects 1 "card_next must be a whole number, not \"${tab}30\"" "a number after a tab, as after a space" \
	md settings set card_next "${tab}30"
rejects 1 "card_next must be a whole number, not \" 30\"" "a number after a space" \
	md settings set card_next " 30"
rejects 1 "shop_name must be at most 40 columns wide" "a shop name too wide" \
	md settings set shop_name 一二三四五六七八九十一二三四五六七八九十一
rejects 1 "shop_name must be plain text" "a shop name in GBK" \
	md settings set shop_name "$(printf '\325\305')"
run md settings set member_day_multiplier 1.50
is "$(md settings show member_day_multiplier --format csv | tail -n 1)" "member_day_multiplier,1.5,2" \
   "a multiplier is kept in its shortest form"
rejects 1 'member_day_multiplier must be a multiplier from 1 to 10' "a multiplier below 1" \
	md settings set member_day_multiplier 0.5
rejects 1 'points_expiry must be none, months:N (1 to 120) or year-end:N (0 to 10)' \
	"an expiry policy that is not one" md settings set points_expiry monthly
run md settings set points_expiry year-end:1
exits 0 "points_expiry year-end:1"
rejects 1 'birthday_period must be one of month|week' "a birthday period that is neither" \
	md settings set birthday_period day
rejects 1 'member_day must be between 0 and 31' "member day 32" md settings set member_day 32
rejects 1 'wallet_rules: rule "abc" is not AMOUNT:BONUS' "bonus rules through settings too" \
	md settings set wallet_rules abc
rejects 1 'unknown setting "maintained_through"' "the program's own bookkeeping cannot be set" \
	md settings set maintained_through 2000-01-01
run md settings show --format csv
unlike "$out" "maintained_through" "nor is it shown"
rejects 2 "give a setting and its value" "set without a value" md settings set shop_name
rejects 2 'unknown setting "nope"' "show an unknown setting" md settings show nope

done_testing
