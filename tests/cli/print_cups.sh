#!/bin/sh
# print_cups.sh - report weekly --print through a real CUPS: a private
# cupsd (its own configuration, spool and socket under $T) with a
# cups-pdf queue, the PDF that comes out checked with pdfinfo, and
# memberdesk's own PDF read back with pdftotext.
#
# The machine's printers are never seen: the test runs in a mount
# namespace of its own where /etc/cups is a directory under $T (cups-pdf
# reads its configuration from there and nowhere else), and the clients
# talk to the private socket only (CUPS_SERVER).  cupsd runs the cups-pdf
# backend only as root, so the test needs root (as CI has); elsewhere it
# skips, saying why.

# Run again, in a mount namespace of our own, before anything is made.
if [ -z "${MD_CUPS_NAMESPACE:-}" ] && [ "$(id -u)" = 0 ] &&
   command -v unshare >/dev/null 2>&1 &&
   unshare --mount --propagation private true 2>/dev/null; then
	MD_CUPS_NAMESPACE=1 exec unshare --mount --propagation private /bin/sh "$0" "$@"
fi
. "$top_srcdir/tests/lib.sh"

ppd=/usr/share/ppd/cups-pdf/CUPS-PDF_noopt.ppd
backend=/usr/lib/cups/backend/cups-pdf
if [ -z "${CUPSD:-}" ] || ! command -v lp >/dev/null 2>&1 ||
   ! command -v lpadmin >/dev/null 2>&1 || [ ! -f "$ppd" ] || [ ! -x "$backend" ]; then
	skip_all "cupsd, lp, lpadmin or cups-pdf is not installed (cups, cups-client, printer-driver-cups-pdf)"
fi
[ -n "${PDFINFO:-}" ] && [ -n "${PDFTOTEXT:-}" ] ||
	skip_all "pdfinfo and pdftotext are not installed (poppler-utils)"
[ "$(id -u)" = 0 ] || skip_all "cupsd runs the cups-pdf backend only as root (CI runs as root)"
[ -n "${MD_CUPS_NAMESPACE:-}" ] ||
	skip_all "cannot make a mount namespace here (unshare --mount, util-linux)"

# cupsd drops to lp for its filters: they must reach the spool in $T.
chmod 755 "$T"
C="$T/cups"
mkdir -p "$C/etc" "$C/spool/tmp" "$C/cache" "$C/state" "$C/log" "$C/pdf" \
	"$C/cups-pdf-spool" "$C/cups-pdf-log"
mount --bind "$C/etc" /etc/cups || skip_all "cannot bind a private /etc/cups"
cat >"$C/etc/cups-files.conf" <<CONF
ServerRoot $C/etc
RequestRoot $C/spool
TempDir $C/spool/tmp
CacheDir $C/cache
StateDir $C/state
ErrorLog $C/log/error_log
AccessLog $C/log/access_log
PageLog $C/log/page_log
SystemGroup root
CONF
cat >"$C/etc/cupsd.conf" <<CONF
Listen $C/cups.sock
LogLevel info
Browsing No
WebInterface No
DefaultAuthType None
<Location />
  Order allow,deny
  Allow all
</Location>
<Policy default>
  <Limit All>
    Order allow,deny
    Allow all
  </Limit>
</Policy>
CONF
cat >"$C/etc/cups-pdf.conf" <<CONF
Out $C/pdf
AnonDirName $C/pdf
Spool $C/cups-pdf-spool
Log $C/cups-pdf-log
Grp root
CONF
export CUPS_SERVER="$C/cups.sock"
"$CUPSD" -f -c "$C/etc/cupsd.conf" -s "$C/etc/cups-files.conf" >"$C/log/cupsd.out" 2>&1 &
cupsd=$!
trap 'kill "$cupsd" 2>/dev/null; wait "$cupsd" 2>/dev/null; chmod -R u+w "$T" 2>/dev/null; rm -rf "$T"' EXIT
i=0
until lpstat -r >/dev/null 2>&1; do
	i=$((i + 1))
	if [ "$i" -gt 100 ] || ! kill -0 "$cupsd" 2>/dev/null; then
		skip_all "the private cupsd did not start: $(tail -n 3 "$C/log/cupsd.out" "$C/log/error_log" 2>/dev/null | tr '\n' ' ')"
	fi
	sleep 0.1
done

# A shop with Chinese names: the week ending Sunday 2026-07-26, printed
# on Monday; three birthdays in the week after.
export MEMBERDESK_NOW="2026-07-20 10:00:00"
md settings set shop_name 清心茶馆 >/dev/null
A=$(md member add --phone 13800000001 --name 张三 --birthday 1990-07-28)
md member add --phone 13800000002 --name 欧阳娜娜 --birthday 07-30 >/dev/null
md member add --phone 13800000003 --name 司马相如 --birthday 1985-08-01 >/dev/null
md sale add "$A" --amount 128.50 >/dev/null
export MEMBERDESK_NOW="2026-07-27 09:00:00"
md report weekly >/dev/null	# the week's segment snapshot, stored once

# No printer at all yet: lp's own words.
rejects 1 "cannot print: no printer is set up (lp: Error - No default destination.); use -o FILE to save the report" \
	"a real CUPS without printers" md report weekly --print

run lpadmin -p md-pdf -E -v cups-pdf:/ -P "$ppd"
exits 0 "a cups-pdf queue on the private cupsd"
md settings set report_printer md-nowhere >/dev/null
rejects 1 "cannot print: no printer is set up (lp: " "report_printer names no queue" \
	md report weekly --print
md settings set report_printer md-pdf >/dev/null

run md report weekly --print
exits 0 "report weekly --print"
like "$out" "request id is md-pdf-" "lp's answer"

# Wait for the job (ghostscript, then cups-pdf) to end: at most a minute.
i=0
while [ -z "$(lpstat -W completed -o md-pdf 2>/dev/null)" ] && [ "$i" -lt 600 ]; do
	sleep 0.1
	i=$((i + 1))
done
printed=$(ls "$C/pdf"/*.pdf 2>/dev/null | head -n 1)
if [ -n "$printed" ]; then
	pass "cups-pdf printed it"
else
	fail "cups-pdf printed it"
	diag "$(tail -n 20 "$C/log/error_log")"
fi
md report weekly --format pdf -o "$T/own.pdf"
own_pages=$("$PDFINFO" "$T/own.pdf" | sed -n 's/^Pages: *//p')
is "$own_pages" "2" "memberdesk's PDF: two pages"
info=$("$PDFINFO" "$printed" 2>&1)
like "$info" "Page size:       595" "what came out of the printer is A4"
like "$info" "x 842" "portrait"
is "$(printf '%s\n' "$info" | sed -n 's/^Pages: *//p')" "$own_pages" "with as many pages"
"$PDFTOTEXT" "$T/own.pdf" "$T/own.txt"
for want in 清心茶馆 张三 欧阳娜娜 司马相如 ¥128.50 2026-07-28 13800000002; do
	like "$(cat "$T/own.txt")" "$want" "the report has $want"
done

done_testing
