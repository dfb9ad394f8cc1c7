#!/bin/sh
# readme.sh - the screens the README shows are the real program's: the
# demo shop at 80x24 on a pinned day, compared whole (below the title
# bar, which holds the path and the operator) with the saved screens,
# and each saved screen must stand in the README as it is.
# MEMBERDESK_GOLDEN_SAVE=1 writes the screens instead, to review them.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tui/tui.sh"

# in_readme NAME: the saved screen, its trailing blank lines and spaces
# dropped, is a block of the README indented by four spaces.
in_readme() {
	sed 's/ *$//' "$top_srcdir/tests/tui/expected/$1.screen" |
		awk '{ l[NR] = $0 } END { n = NR; while (n > 0 && l[n] == "") n--;
			for (i = 1; i <= n; i++) print (l[i] == "" ? "" : "    " l[i]) }' >"$T/$1.block"
	if awk -v want="$T/$1.block" '
		BEGIN { while ((getline s < want) > 0) w[++n] = s }
		{ sub(/ *$/, ""); r[++m] = $0 }
		END { for (i = 1; i + n - 1 <= m; i++) {
				for (j = 1; j <= n && r[i + j - 1] == w[j]; j++) ;
				if (j > n) exit 0 }
			exit 1 }' "$top_srcdir/README"; then
		pass "the README shows the $1 screen as it is"
	else
		fail "the README shows the $1 screen as it is"
		diag "expected in README (indented by four spaces):" "$(cat "$T/$1.block")"
	fi
}

tui_start demo
tui_wait "Demo tea house"
tui_idle
screen_is "readme-find" "the find screen on the demo shop"
tui_keys Down Down Enter
tui_wait "F3 Sell"
tui_idle
screen_is "readme-card" "a member's card"
tui_keys F3
tui_wait "Points to use"
tui_keys 128
tui_wait "To pay"
tui_idle
screen_is "readme-sell" "a sale being rung up"
tui_keys Escape
tui_wait "F3 Sell"
tui_keys Escape
tui_wait "Demo tea house"
tui_keys F9 3 Enter
tui_wait "Important value"
tui_idle
screen_is "readme-rfm" "the RFM segments"
tui_keys F10
tui_wait "[exit 0]" || true

if [ -z "${MEMBERDESK_GOLDEN_SAVE:-}" ]; then
	for s in readme-find readme-card readme-sell readme-rfm; do
		in_readme "$s"
	done
fi
done_testing
