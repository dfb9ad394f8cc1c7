#!/bin/sh
# receipt.sh - sale receipt as text, PDF and ESC/POS; the ESC/POS bytes of
# a fixed sale against an expected file; --print, copies, the cash
# drawer and receipt_autoprint through a stand-in lp
. "$top_srcdir/tests/lib.sh"

expected="$top_srcdir/tests/cli/expected"
export MEMBERDESK_NOW="2026-07-15 10:00:00"
md settings set shop_name 清心茶馆 >/dev/null
A=$(md member add --phone 13800000001 --name 欧阳娜娜)
md sale add "$A" --amount 128.50 --ticket A-1 >/dev/null
md settings set cash_drawer yes >/dev/null

# tests/cli/expected/receipt-58mm.escpos is ESC @ (1B 40), FS & (1C 26),
# the 32-column receipt of sale 1 in GB18030, ESC d 4 (1B 64 04), the
# partial cut GS V 66 0 (1D 56 42 00) and, a cash sale, the drawer's
# pulse ESC p 0 25 250 (1B 70 00 19 FA).
run md sale receipt 1 --format escpos -o "$T/r.escpos"
exits 0 "sale receipt --format escpos -o FILE"
is "$out" "" "nothing on stdout"
run cmp "$T/r.escpos" "$expected/receipt-58mm.escpos"
exits 0 "byte for byte the expected ESC/POS receipt"
is "$(head -c 4 "$T/r.escpos" | od -An -tx1 | tr -d ' ')" "1b401c26" "starts with ESC @ and FS &"
is "$(tail -c 12 "$T/r.escpos" | od -An -tx1 | tr -d ' \n')" "1b64041d5642001b700019fa" \
   "ends with a feed, the partial cut and the drawer"
is "$(md sale receipt 1 | iconv -f UTF-8 -t GB18030 | cksum)" \
   "$(tail -c +5 "$T/r.escpos" | head -c -12 | cksum)" "the text between is the receipt in GB18030"

md settings set receipt_encoding big5 >/dev/null
B=$(md member add --phone 13800000002 --name 陳美玲)
md sale add "$B" --amount 20 --pay wechat >/dev/null
md sale receipt 2 --format escpos -o "$T/big5.escpos"
name=$(printf '陳美玲' | iconv -f UTF-8 -t BIG5 | od -An -tx1 | tr -d ' \n')
like "$(od -An -tx1 "$T/big5.escpos" | tr -d ' \n')" "$name" "receipt_encoding big5: the name in Big5"
is "$(tail -c 8 "$T/big5.escpos" | od -An -tx1 | tr -d ' \n')" "0a1b64041d564200" \
   "no drawer for a sale paid by WeChat"
md settings set receipt_encoding gb18030 >/dev/null

md sale receipt 1 --width 48 --format pdf -o "$T/r.pdf"
is "$(head -c 5 "$T/r.pdf")" "%PDF-" "--format pdf: a PDF"
if [ -n "${PDFINFO:-}" ] && [ -n "${PDFTOTEXT:-}" ]; then
	like "$("$PDFINFO" "$T/r.pdf")" "Page size:       226.77" "80 mm wide for 48 columns"
	text=$("$PDFTOTEXT" -layout "$T/r.pdf" -)
	like "$text" "欧阳娜娜" "the name in the PDF"
	like "$text" "¥128.50" "and the amount"
else
	pass "# SKIP pdfinfo and pdftotext (poppler-utils) are not installed"
fi

rejects 2 '--format "html" is not one of text, pdf, escpos' "an unknown format" \
	md sale receipt 1 --format html
rejects 1 'receipt_mode must be one of pdf|escpos, not "text"' "an unknown receipt_mode" \
	md settings set receipt_mode text

# --print: receipt_mode says what, receipt_printer where; the second
# print of a sale is a copy, and a copy opens no drawer.
mkdir "$T/bin"
cat >"$T/bin/lp" <<EOF
#!/bin/sh
echo "\$*" >"$T/lp-args"
cat >"$T/printed"
echo "request id is Till-1 (1 file(s))"
EOF
chmod +x "$T/bin/lp"
path=$PATH
PATH="$T/bin:$PATH"
md settings set receipt_mode escpos >/dev/null
md settings set receipt_printer Till >/dev/null
run md sale receipt 1 --print
exits 0 "sale receipt --print"
is "$out" "request id is Till-1 (1 file(s))" "lp's answer"
is "$(cat "$T/lp-args")" "-d Till" "on the queue in receipt_printer"
run cmp "$T/printed" "$expected/receipt-58mm.escpos"
exits 0 "the first print is the receipt itself, drawer and all"
is "$(sql 'SELECT sale_id, mode, at FROM receipt_prints')" "1|escpos|2026-07-15 10:00:00" "the print is recorded"
run md sale receipt 1 --print
exits 0 "printed again"
like "$(iconv -f GB18030 -t UTF-8 "$T/printed" 2>/dev/null)" "*** COPY ***" "the second print says it is a copy"
is "$(tail -c 8 "$T/printed" | od -An -tx1 | tr -d ' \n')" "0a1b64041d564200" "and opens no drawer"
like "$(md sale receipt 1)" "*** COPY ***" "so does the receipt on the screen, once printed"
unlike "$(md sale receipt 2)" "COPY" "a receipt never printed is no copy"

md settings set receipt_mode pdf >/dev/null
run md sale receipt 2 --print
exits 0 "receipt_mode pdf"
is "$(head -c 5 "$T/printed")" "%PDF-" "sends a PDF"

# receipt_autoprint: every sale prints its receipt.
md settings set receipt_autoprint yes >/dev/null
run md sale add "$A" --amount 10
exits 0 "sale add with receipt_autoprint"
like "$out" "Sale 3" "the receipt on the screen"
is "$(head -c 5 "$T/printed")" "%PDF-" "and on the receipt printer"
is "$(sql 'SELECT count(*) FROM receipt_prints WHERE sale_id = 3')" "1" "recorded"
printf '#!/bin/sh\necho "lp: Error - The printer or class does not exist." >&2\nexit 1\n' >"$T/bin/lp"
run md sale add "$A" --amount 11
exits 1 "a printer that fails"
like "$err" "cannot print: no printer is set up (lp: Error - The printer or class does not exist.); the sale stands: print it later with sale receipt 4 --print" \
	"says so, and how to print it again"
is "$(sql 'SELECT count(*) FROM sales WHERE id = 4')" "1" "the sale stands"
is "$(sql 'SELECT count(*) FROM receipt_prints WHERE sale_id = 4')" "0" "no print recorded"
rejects 1 "the sale stands: print it later with sale receipt 1 --print" "--print without a printer" \
	md sale receipt 1 --print
PATH=$path

run md check
exits 0 "everything still adds up"

done_testing
