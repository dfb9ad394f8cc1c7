#!/bin/sh
# traditional.sh - a shop opened in Taiwan, Hong Kong or Macau starts with
# its tiers in Traditional characters; elsewhere, and a shop that exists,
# as before.  The language is the one gettext picks: LANGUAGE (unless the
# messages locale is C), then LC_ALL, LC_MESSAGES, LANG.
. "$top_srcdir/tests/lib.sh"

SIMPLIFIED="普通 银卡 金卡 钻石"
TRADITIONAL="普通 銀卡 金卡 鑽石"

# tiers_of DB: the names of its tiers, lowest first.
tiers_of() {
	"$SQLITE3" -batch -noheader "$1" \
		"SELECT group_concat(name, ' ') FROM (SELECT name FROM tiers WHERE rank IS NOT NULL ORDER BY rank)"
}

# new_shop NAME ENV...: a shop made by "tier list" under ENV.
n=0
new_shop() {
	n=$((n + 1))
	_db="$T/$n.db"
	_what=$1
	shift
	run env "$@" "$MEMBERDESK" --db "$_db" tier list
	exits 0 "$_what: a new shop"
	shop=$_db
}

for place in zh_TW zh_HK zh_MO; do
	new_shop "LANGUAGE=$place" LANGUAGE=$place
	is "$(tiers_of "$shop")" "$TRADITIONAL" "LANGUAGE=$place: the tiers in Traditional characters"
	like "$out" "銀卡" "LANGUAGE=$place: tier list shows them"
	like "$out" "等級" "LANGUAGE=$place: in the zh_TW catalog's words"
done
new_shop "LANGUAGE=zh_TW:zh_CN" LANGUAGE=zh_TW:zh_CN
is "$(tiers_of "$shop")" "$TRADITIONAL" "LANGUAGE's first entry counts"
new_shop "LANGUAGE=zh_HK.UTF-8" LANGUAGE=zh_HK.UTF-8
is "$(tiers_of "$shop")" "$TRADITIONAL" "with a codeset too"

new_shop "LANGUAGE=zh_CN" LANGUAGE=zh_CN
is "$(tiers_of "$shop")" "$SIMPLIFIED" "LANGUAGE=zh_CN: Simplified"
new_shop "English" LANGUAGE=
is "$(tiers_of "$shop")" "$SIMPLIFIED" "English: Simplified, as before"
new_shop "LANGUAGE=zh_CN:zh_TW" LANGUAGE=zh_CN:zh_TW
is "$(tiers_of "$shop")" "$SIMPLIFIED" "LANGUAGE=zh_CN:zh_TW: Simplified"
new_shop "LANGUAGE=zh_TWN" LANGUAGE=zh_TWN
is "$(tiers_of "$shop")" "$SIMPLIFIED" "a name that only begins like zh_TW is not it"
# gettext ignores LANGUAGE under the C locale: English, so Simplified.
new_shop "LC_ALL=C LANGUAGE=zh_TW" LC_ALL=C LANGUAGE=zh_TW
is "$(tiers_of "$shop")" "$SIMPLIFIED" "LC_ALL=C ignores LANGUAGE, as gettext does"

# The locale variables, where the locale is generated here.
have_locale() { locale -a 2>/dev/null | sed 's/\.utf8$/.UTF-8/' | grep -qx "$1"; }
if have_locale zh_TW.UTF-8; then
	new_shop "LANG=zh_TW.UTF-8" LC_ALL= LANGUAGE= LANG=zh_TW.UTF-8
	is "$(tiers_of "$shop")" "$TRADITIONAL" "LANG=zh_TW.UTF-8: Traditional"
	like "$out" "等級" "and the zh_TW messages"
	new_shop "LC_MESSAGES=zh_TW.UTF-8" LC_ALL= LANGUAGE= LANG=C.UTF-8 LC_MESSAGES=zh_TW.UTF-8
	is "$(tiers_of "$shop")" "$TRADITIONAL" "LC_MESSAGES before LANG"
	new_shop "LC_ALL=C.UTF-8 over LANG" LC_ALL=C.UTF-8 LANGUAGE= LANG=zh_TW.UTF-8
	is "$(tiers_of "$shop")" "$SIMPLIFIED" "LC_ALL before LC_MESSAGES and LANG"
	new_shop "LANGUAGE=zh_CN over LANG" LC_ALL= LANGUAGE=zh_CN LANG=zh_TW.UTF-8
	is "$(tiers_of "$shop")" "$SIMPLIFIED" "LANGUAGE before the locale"
else
	pass "# SKIP the locale zh_TW.UTF-8 is not generated here (sh build-aux/quickstart test generates it)"
fi

# A shop that exists is not changed, whatever the language.
md tier list >/dev/null
before=$(dbsum)
run env LANGUAGE=zh_TW "$MEMBERDESK" --db "$DB" tier list
exits 0 "an existing shop opened under zh_TW"
is "$(tiers_of "$DB")" "$SIMPLIFIED" "keeps its Simplified tiers"
is "$(dbsum)" "$before" "and is not changed at all"

# The Traditional names work as any: a sale, an import's levels.
DB=$T/1.db
md member add --phone 13800138000 --name 陳小明 >/dev/null
run md tier assign 13800138000 鑽石 --reason test
exits 0 "a Taiwan shop assigns 鑽石"
is "$(sql "SELECT t.name FROM members m JOIN tiers t ON t.id = m.tier_id")" "鑽石" "by its name"
printf 'phone,name,level\n13900139000,林美玲,银卡会员\n' >"$T/levels.csv"
run md import members "$T/levels.csv"
exits 0 "an import with Simplified level names"
is "$(sql "SELECT t.name FROM members m JOIN tiers t ON t.id = m.tier_id WHERE phone = '13900139000'")" \
	"銀卡" "matches the Traditional tiers"
run md check
exits 0 "the Taiwan shop checks"

# Printed reports take the Traditional forms of the characters from the
# same choice.
if command -v pdffonts >/dev/null 2>&1; then
	for place in zh_MO zh_CN; do
		run env LANGUAGE=$place "$MEMBERDESK" --db "$DB" report weekly --format pdf -o "$T/$place.pdf"
		exits 0 "LANGUAGE=$place: a weekly report as a PDF"
	done
	like "$(pdffonts "$T/zh_MO.pdf")" "CJKtc" "LANGUAGE=zh_MO: in the Traditional forms"
	like "$(pdffonts "$T/zh_CN.pdf")" "CJKsc" "LANGUAGE=zh_CN: in the Simplified forms"
else
	pass "# SKIP pdffonts (poppler-utils) is not installed"
fi

done_testing
