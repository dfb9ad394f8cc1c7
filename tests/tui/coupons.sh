#!/bin/sh
# coupons.sh - 优惠券活动 in the TUI: the campaigns, the form and its live
# count, issuing after a question, ending, the figures; a coupon on the
# card and given from it; the coupon field of a sale, refused and used.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tui/tui.sh"

at() { export MEMBERDESK_NOW="$1 10:00:00"; }
# sees TEXT DESC: a test that TEXT comes on the screen.
sees() { tui_wait "$1" && pass "$2" || fail "$2"; }
# The newest coupon of a member, as the card shows it.
code_of() {
	sql "SELECT substr(k.code, 1, 5) || '-' || substr(k.code, 6) FROM coupons k
	     JOIN members m ON m.id = k.member_id WHERE m.card = '$1' ORDER BY k.id DESC LIMIT 1"
}

at 2026-07-01
md settings set shop_name 清心茶馆 >/dev/null
md settings set phone_required no >/dev/null
md member add --phone 13812345678 --name 王小明 --tag VIP >/dev/null	# 100008
md member add --name "Lee Ming" >/dev/null				# 100016
md member add --name 陳美玲 >/dev/null					# 100024
md tier assign 100016 金卡 --reason 老客 >/dev/null
md coupon campaign add 满百减二十 --kind cash --value 20 --min 100 --days 7 >/dev/null
md coupon campaign add 夏日八五折 --kind percent --value 85 --cap 50 --days 30 --draft >/dev/null
md coupon campaign add "Tea time 茶点" --kind gift --value 茶点一份 \
	--from 2026-07-01 --to 2026-07-31 >/dev/null
md coupon campaign add 端午粽子券 --kind voucher --value 5 --days 3 >/dev/null
md coupon issue 满百减二十 >/dev/null
at 2026-07-03
md sale add 100016 --amount 150 --coupon "$(code_of 100016)" >/dev/null
md coupon campaign end 端午粽子券 >/dev/null
at 2026-07-05

# ---- The list, whole, in English and in Chinese ----------------------------
for lang in en zh_CN; do
	case $lang in
	en) TUI_ENV= ;;
	*) TUI_ENV="LANGUAGE=$lang" ;;
	esac
	tui_start --db "$DB"
	tui_keys F8
	tui_wait "Tea time"
	screen_is "campaigns-$lang" "$lang: the campaigns, Chinese and Latin names in columns"
	tui_keys F10
	tui_wait "[exit 0]"
done
TUI_ENV=

tui_start --db "$DB"
like "$(tui_screen | tail -n 1)" "F8 Coupons" "the start screen's key bar names F8"
tui_keys F8
sees "4 campaigns, 2 running. Enter shows one." "F8 opens the campaigns"

# ---- A campaign's figures ---------------------------------------------------
tui_keys Enter
sees "Campaign 1: 满百减二十 (running)" "Enter shows the selected campaign"
screen=$(tui_screen)
like "$screen" "Issued       ███" "issued as a bar"
like "$screen" "1 (33.3%)" "redeemed, with the rate of coupon stats"
like "$screen" "¥20.00 off; the sales paid ¥122.50, 6.13 times the discount" "the money"
like "$screen" "Redeemed by tier at issue" "by tier"
like "$screen" "金卡         ████" "a tier's rate as a bar"
like "$screen" "1 of 1, 100.0%" "with its figures"
tui_resize 100 40
sees "Redeemed by RFM segment at issue" "a taller terminal shows the segments too"
tui_resize 80 24
tui_keys Escape

# ---- The form: the live count, a refusal, saving ------------------------------
tui_keys F2
sees "A new coupon campaign" "F2 opens the form"
like "$(tui_screen)" "3 members will receive it" "everyone: all three"
like "$(tui_screen)" "a campaign needs a name" "the core's verdict, before anything is typed"
tui_keys 七月满减 Tab Tab 10 Tab 50
sees "when can the coupons be used? Give Valid from and Valid to, or Days" \
	"no dates yet: the core's words name the form's fields, not the options"
tui_keys Tab Tab Tab Tab 14
sees "cash off (满减): ¥10.00 off from ¥50.00; 14 days from the day it is issued" \
	"the offer in the core's words as it is typed"
# Target: everyone -> a tier; Which: the tiers, 普通 first.
tui_keys Tab Tab Tab Tab Tab Right
sees "2 members will receive it" "a tier: the live count changes (普通)"
tui_keys Tab Right Right
sees "1 member will receive it" "another tier: 金卡, one member"
like "$(tui_screen)" "< 金卡 >" "the tier is named"
tui_keys BTab Right
sees "< VIP >" "a tag, from the tags there are"
like "$(tui_screen)" "1 member will receive it" "counted again"
tui_keys BTab BTab BTab BTab BTab BTab BTab BTab BTab BTab BSpace BSpace
sees "campaign needs a value" "a face value erased: the core says why"
before=$(dbsum)
tui_keys F2
sees "campaign needs a value" "F2 on a bad form: refused with that message"
is "$(dbsum)" "$before" "a refused form writes nothing"
tui_keys 10 F2
sees "Campaign 5 added: 七月满减. F5 issues its coupons." "F2 saves the campaign"
is "$(sql "SELECT name, kind, value, min_spend, valid_days, status FROM campaigns WHERE id = 5")" \
	"七月满减|cash|1000|5000|14|active" "stored as typed"
is "$(md coupon campaign list --format csv | grep '^5,' | cut -d, -f2)" "七月满减" "the CLI sees it"
is "$(md coupon campaign show 5 | sed -n 's/^ *Target *//p' | cut -d: -f1)" "members tagged VIP" \
	"aimed at the tag chosen"

# ---- Issuing, after a question ----------------------------------------------------
like "$(tui_screen)" "  5 七月满减" "the new campaign is on the list"
before=$(dbsum)
tui_keys F5
sees "Issue 1 coupon of 七月满减? [y/N]" "F5 first says what issuing would give"
tui_keys n
sees "Nothing was issued." "n: nothing issued"
is "$(dbsum)" "$before" "and the database is as it was"
tui_keys F5
tui_wait "[y/N]"
tui_keys y
sees "Issued 1 coupon of 七月满减." "y issues"
is "$(sql "SELECT m.card, k.how, k.valid_from, k.expires FROM coupons k
	   JOIN members m ON m.id = k.member_id WHERE k.campaign_id = 5")" \
	"100008|issue|2026-07-05|2026-07-18" "to the tagged member, for 14 days"
tui_keys F5
sees "Nothing to issue for 七月满减" "a second issue: nothing, the member has one"

# ---- Ending ----------------------------------------------------------------------------
tui_keys Home
sees "满百减二十" "Home: the first campaign"
tui_keys F3
sees "is running, not draft" "F3 on a running campaign: the core says why not"
tui_keys Down F3
tui_wait "[y/N]"
tui_keys y
sees "Campaign 夏日八五折 is running: F5 issues its coupons." "F3 starts the draft after asking"
is "$(sql "SELECT status FROM campaigns WHERE id = 2")" "active" "started"
tui_keys F7
tui_wait "[y/N]"
tui_keys y
sees "Campaign 夏日八五折 has ended." "F7 ends it after asking"
is "$(sql "SELECT status FROM campaigns WHERE id = 2")" "ended" "ended"
tui_keys F6
sees "campaign 夏日八五折 has ended" "an ended campaign cannot be changed: the core's words"
tui_keys Escape Escape
tui_wait "F3 Walk-in"

# ---- The card: the member's coupons, and one given ------------------------------------
tui_keys 100008
tui_wait "1 match"
tui_keys Enter
sees "F8 gives a coupon" "the card says how to give a coupon"
screen=$(tui_screen)
like "$screen" "$(code_of 100008)  七月满减" "the card lists the member's usable coupons"
like "$screen" "满百减二十" "each one"
tui_keys F8
sees "A coupon for 100008  王小明: choose the campaign." "F8 lists the running campaigns"
like "$(tui_screen)" "Tea time 茶点" "with the gift campaign"
tui_keys Down
tui_keys Enter
sees "Give 王小明 a coupon of Tea time 茶点" "Enter asks first"
tui_keys y
sees "given to 王小明: Tea time 茶点, until 2026-07-31." "given, and the code said"
is "$(sql "SELECT how FROM coupons WHERE campaign_id = 3")" "give" "one coupon, given"
like "$(tui_screen)" "$(code_of 100008)" "the card shows it"

# ---- The sale's coupon field: refused, then used ---------------------------------------
code=$(sql "SELECT substr(code, 1, 5) || '-' || substr(code, 6) FROM coupons
	    WHERE campaign_id = 1 AND member_id = (SELECT id FROM members WHERE card = '100008')")
tui_keys F3
tui_wait "Points to use"
tui_keys 50 Tab Tab Tab Tab Tab Tab
tui_keys "$(echo "$code" | tr 'A-Z' 'a-z' | tr -d -)"
sees "coupon $code needs a spend of ¥100.00 after the tier discount:" \
	"a coupon below its minimum: the core's refusal at the field"
screen=$(tui_screen)
like "$screen" "    ¥50.00 more" "how much more, under the field"
like "$screen" "To pay                        ¥50.00" "the bill without it"
before=$(dbsum)
tui_keys F2
sees "coupon $code needs a spend of ¥100.00" "F2 refuses the sale, saying why"
is "$(dbsum)" "$before" "a refused sale writes nothing"
tui_keys BTab BTab BTab BTab BTab BTab BSpace BSpace 150
sees "Coupon $code           -¥20.00  满百减二十" "the coupon in the bill, live"
like "$(tui_screen)" "To pay                       ¥130.00" "off what is paid"
tui_keys F2
sees "recorded: paid ¥130.00" "the sale with the coupon is recorded"
like "$(tui_screen)" "Coupon                   -¥20.00" "the receipt has the coupon line"
is "$(sql "SELECT k.status, s.paid, k.discount FROM coupons k JOIN sales s ON s.id = k.sale_id
	   WHERE k.campaign_id = 1 AND k.member_id = 1")" "redeemed|13000|2000" "redeemed by the sale"

tui_keys F10
tui_wait "[exit 0]"
done_testing
