#!/bin/sh
# manual.sh - the Chinese manuals keep in step with the English one: the
# same commands and settings, sections that name the English ones they
# translate; they are set without a warning, and man finds them where
# make install puts them, under each Chinese locale.
. "$top_srcdir/tests/lib.sh"

EN="$top_srcdir/doc/memberdesk.1"

# tags FILE: the tag lines of the COMMANDS entries: after each .TP, the
# request lines up to the first line of text (.TQ joins more), outside
# the settings' list.
tags() {
	awk '/^\.SH/ { on = ($0 ~ /COMMANDS/) } !on { next }
	     /^\.RS/ { rs = 1 } /^\.RE/ { rs = 0; next } rs { next }
	     /^\.TP$/ { t = 1; next }
	     t && !/^\./ { t = 0 }
	     t && !/^\.TQ$/ { print }' "$1"
}

# settings FILE: the settings the COMMANDS section describes, sorted.
settings() {
	awk '/^\.SH/ { on = ($0 ~ /COMMANDS/) } /^\.RS/ { rs = on } /^\.RE/ { rs = 0 }
	     rs && /^\.TP$/ { getline k; sub(/^\.BR? /, "", k); gsub(/[",]/, "", k); print k }' "$1" |
		tr ' ' '\n' | sed '/^$/d' | sort
}

# sections FILE: the English names of its sections, in order.
sections() { sed -n 's/^\.SH "*//; T; s/"$//; s/.*（\(.*\)）$/\1/; p' "$1"; }

en_tags=$(tags "$EN")
program_settings=$(md settings show --format csv | sed 1d | cut -d, -f1 | sort)
[ "$(printf '%s\n' "$en_tags" | wc -l)" -gt 50 ] && pass "the English manual has its commands' tags" ||
	fail "the English manual has its commands' tags"
for lang in zh_CN zh_TW; do
	zh="$top_srcdir/doc/$lang/memberdesk.1"
	is "$(tags "$zh")" "$en_tags" "$lang: every command of the English manual, as it is written there"
	is "$(settings "$zh")" "$program_settings" "$lang: and every setting the program has"
	missing=
	for s in $(sections "$zh" | tr ' ' '_'); do
		sections "$EN" | tr ' ' '_' | grep -qx "$s" || missing="$missing $s"
	done
	is "$missing" "" "$lang: each section names one of the English manual's"
	is "$(sections "$zh" | tr '\n' '|')" \
		"$(sections "$EN" | grep -xF "$(sections "$zh")" | tr '\n' '|')" \
		"$lang: in the English order"
	for s in NAME SYNOPSIS DESCRIPTION OPTIONS COMMANDS "EXIT STATUS" FILES ENVIRONMENT "SEE ALSO"; do
		sections "$zh" | grep -qx "$s" || fail "$lang: has no section $s"
	done
	if command -v groff >/dev/null 2>&1 && command -v preconv >/dev/null 2>&1; then
		run sh -c "preconv '$zh' | groff -man -Tutf8 -ww -z"
		is "$err" "" "$lang: groff sets it without a warning"
	else
		pass "# SKIP groff is not installed"
	fi
done

# Installed as make install does it, man finds each under its locale
# (man -M looks in no locale's folder: MANPATH does).
if command -v man >/dev/null 2>&1 && command -v make >/dev/null 2>&1; then
	run make -s -C "$top_builddir" DESTDIR="$T/inst" mandir=/man localedir=/locale \
		install-man1 install-dist_zhcnman1DATA install-dist_zhtwman1DATA install-data-hook
	exits 0 "the manuals install"
	for l in C zh_CN zh_TW zh_HK zh_MO; do
		# zh_HK's and zh_MO's are links: man names the page linked to.
		case $l in C) dir=man1 ;; zh_HK | zh_MO) dir=zh_TW/man1 ;; *) dir=$l/man1 ;; esac
		run env MANPATH="$T/inst/man" man -L $l -w memberdesk
		is "$out" "$T/inst/man/$dir/memberdesk.1" "man -L $l finds its manual"
	done
	is "$(cmp "$T/inst/man/zh_HK/man1/memberdesk.1" "$top_srcdir/doc/zh_TW/memberdesk.1" && echo same)" \
		"same" "Hong Kong reads the zh_TW manual"
else
	pass "# SKIP man or make is not installed"
fi

done_testing
