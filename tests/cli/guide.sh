#!/bin/sh
# guide.sh - every command block of the owner's guides runs, so that the
# guides cannot drift from the program.  The fences (doc/guide.md, "For
# those who keep this guide"): ```sh is run, ```sh norun is not, ```csv
# FILE is written to FILE, any other (```text) is shown only.
. "$top_srcdir/tests/lib.sh"

GUIDES="guide.md guide.zh_CN.md"
mkdir "$T/bin"
ln -s "$MEMBERDESK" "$T/bin/memberdesk"
export MEMBERDESK_NOW="2026-07-20 10:00:00"

# fences GUIDE: the opening fences, one a line, as written.
fences() { awk '/^```/ { if (open) open = 0; else { print; open = 1 } }' "$1"; }

# to_script GUIDE: the guide as a shell script that writes its csv blocks
# and runs its sh blocks in order, printing "@@ok LINE" after each block
# that opened at LINE.
to_script() {
	awk '
	/^```/ && !open {
		open = 1; line = NR; mode = "show"
		n = split(substr($0, 4), w, " ")
		if (n == 1 && w[1] == "sh") {
			mode = "run"
			printf "# line %d\n", NR
		} else if (n == 2 && w[1] == "csv") {
			mode = "file"
			printf "cat >\047%s\047 <<\047@@EOF\047\n", w[2]
		}
		next
	}
	/^```/ && open {
		if (mode == "run")
			printf "echo \"@@ok %d\"\n", line
		else if (mode == "file")
			print "@@EOF"
		open = 0
		next
	}
	open && mode != "show"
	' "$1"
}

for g in $GUIDES; do
	f="$top_srcdir/doc/$g"
	bad=$(fences "$f" | grep -Ev '^```(sh|sh norun|csv [^ ]+|text)$')
	is "$bad" "" "$g: every fence is one this test knows"
done
is "$(fences "$top_srcdir/doc/guide.zh_CN.md" | sed 's/^```csv .*/```csv/')" \
	"$(fences "$top_srcdir/doc/guide.md" | sed 's/^```csv .*/```csv/')" \
	"the Chinese guide has the English one's blocks, in its order"

# Each guide in one shell, in a new shop of its own: the default
# database in a home of its own, in its language.
for g in $GUIDES; do
	f="$top_srcdir/doc/$g"
	case $g in *.zh_CN.md) lang=zh_CN ;; *) lang= ;; esac
	dir="$T/$g"
	mkdir -p "$dir/home" "$dir/work"
	to_script "$f" >"$dir/guide.sh"
	(cd "$dir/work" && HOME="$dir/home" PATH="$T/bin:$PATH" LANGUAGE=$lang \
		sh -e "$dir/guide.sh") >"$dir/out" 2>&1
	blocks=$(grep -c '^# line ' "$dir/guide.sh")
	[ "$blocks" -gt 10 ] && pass "$g: $blocks blocks to run" || fail "$g: $blocks blocks to run"
	failed=
	for line in $(sed -n 's/^# line //p' "$dir/guide.sh"); do
		if grep -qx "@@ok $line" "$dir/out"; then
			pass "$g:$line runs"
		else
			fail "$g:$line runs"
			[ -n "$failed" ] || diag "$(grep -v '^@@ok' "$dir/out" | tail -n 15)"
			failed=yes
		fi
	done
	is "$(ls "$dir/home/.local/share/memberdesk")" "$(printf 'backups\nmemberdesk.db')" \
		"$g: in the default database"
	run env HOME="$dir/home" MEMBERDESK_OPERATOR=老板 MEMBERDESK_PIN=2468 "$MEMBERDESK" check
	exits 0 "$g: and the shop it leaves checks"
done

done_testing
