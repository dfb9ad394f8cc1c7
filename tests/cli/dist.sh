#!/bin/sh
# dist.sh - every file the tests read is in the distribution: a saved
# screen, an expected output or a fixture missing from tests/Makefile.inc
# passes here and fails only in make distcheck, on the CI's machine.
. "$top_srcdir/tests/lib.sh"

lists="$top_srcdir/tests/Makefile.inc $top_srcdir/Makefile.am"
for dir in tests/tui/expected tests/cli/expected tests/data tests/cli tests/tui tests/stress; do
	for f in "$top_srcdir/$dir"/*; do
		[ -f "$f" ] || continue
		case $f in *.log|*.trs) continue ;; esac
		name=$dir/${f##*/}
		if grep -qF "$name" $lists; then
			pass "$name is distributed"
		else
			fail "$name is distributed"
			diag "add it to tests/Makefile.inc (EXTRA_DIST, or the list it belongs to)"
		fi
	done
done
done_testing
