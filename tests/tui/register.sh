#!/bin/sh
# register.sh - (being written)
. "$top_srcdir/tests/lib.sh"
skip_all "not written yet"
