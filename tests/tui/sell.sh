#!/bin/sh
# sell.sh - (being written)
. "$top_srcdir/tests/lib.sh"
skip_all "not written yet"
