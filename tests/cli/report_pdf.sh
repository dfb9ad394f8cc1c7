#!/bin/sh
# report_pdf.sh - lists as A4 PDF: report birthdays and report rfm --members
# with --format pdf -o FILE; a long list pages on, streaming
. "$top_srcdir/tests/lib.sh"

command -v pdfinfo >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1 ||
	skip_all "pdfinfo and pdftotext are not installed (poppler-utils)"
export MEMBERDESK_NOW="2026-07-01 10:00:00"
md settings set shop_name 清心茶馆 >/dev/null
md member add --name 王小明 --phone 13900000001 --birthday 1990-07-03 >/dev/null	# 100008
md member add --name Li --phone 13900000002 --birthday 1985-07-02 >/dev/null	# 100016
md sale add 100008 --amount 300 >/dev/null

run md report birthdays --format pdf -o "$T/b.pdf"
exits 0 "report birthdays --format pdf -o FILE"
is "$out" "" "nothing on standard output"
like "$(pdfinfo "$T/b.pdf")" "(A4)" "A4"
is "$(pdfinfo "$T/b.pdf" | awk '/^Pages:/ { print $2 }')" "1" "one page"
text=$(pdftotext -layout "$T/b.pdf" -)
like "$text" "清心茶馆" "the shop heads it"
like "$text" "Birthdays coming" "and what it is"
like "$text" "2026-07-03   100008   王小明" "a Chinese name in its column"
like "$text" "Page 1" "a page number"

run md report rfm --members --format pdf -o "$T/r.pdf"
exits 0 "report rfm --members --format pdf -o FILE"
like "$(pdftotext -layout "$T/r.pdf" -)" "100008" "the members are there"
run md report rfm --segment no_purchase --format pdf -o "$T/s.pdf"
like "$(pdftotext -layout "$T/s.pdf" -)" "100016" "one segment's"

export LANGUAGE=zh_CN
run md report birthdays --format pdf -o "$T/zh.pdf"
like "$(pdftotext -layout "$T/zh.pdf" -)" "王小明" "zh_CN"
unset LANGUAGE

mkdir "$T/ro" && chmod 555 "$T/ro"
chmod 644 "$DB"
before=$(dbsum)
run as_user "$MEMBERDESK" --db "$DB" report birthdays --format pdf -o "$T/ro/b.pdf"
if [ "$rc" = 99 ]; then
	pass "# SKIP no other user to be"
else
	exits 1 "a folder that cannot be written: refused"
	like "$err" "ro/b.pdf" "names the file"
	[ -e "$T/ro/b.pdf" ] && fail "and leaves no file" || pass "and leaves no file"
fi
is "$(dbsum)" "$before" "the database is unchanged"
chmod 600 "$DB"

# A long list: pages as they fill, each numbered (it does not know its last).
{
	echo "name,phone,birthday"
	i=0
	while [ $i -lt 300 ]; do
		printf '会员%d,139%08d,1990-07-%02d\n' $i $((i + 100)) $((2 + i % 5))
		i=$((i + 1))
	done
} >"$T/many.csv"
md import members "$T/many.csv" >/dev/null
run md report birthdays --format pdf -o "$T/many.pdf"
exits 0 "302 birthdays"
pages=$(pdfinfo "$T/many.pdf" | awk '/^Pages:/ { print $2 }')
[ "$pages" -gt 3 ] && pass "on $pages pages" || fail "on several pages (got $pages)"
like "$(pdftotext -f "$pages" -l "$pages" -layout "$T/many.pdf" -)" "Page $pages" "the last one numbered"
like "$(pdftotext -f 2 -l 2 -layout "$T/many.pdf" -)" "Phone" "each page has the column titles"
done_testing
