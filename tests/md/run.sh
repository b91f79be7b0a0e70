#!/bin/sh
# tests/md/run.sh - golden renders of Markdown.
#
# For every tests/md/NAME.md, render it at widths 40 and 80 with
#   $COPSE_BUILD/tests/mdcat --debug [--entries NAME.entries] WIDTH NAME.md
# and compare with NAME.40.out / NAME.80.out (MD_DEBUG format: text with
# {ATTRS:...} markers, then the link table).  NAME.entries, when present,
# lists the entry titles that exist; other [[wiki links]] are missing.
# NAME.ascii.md files are rendered with --ascii.
#
# A second check per width ("NAME@40 width") renders the plain lines and
# fails if any is wider than the width (measured by wc -L) or if mdcat
# --check finds a recorded width or link position that is wrong.
#
#   UPDATE=1 sh tests/md/run.sh     rewrite the goldens (then read them!)
set -u
cd "$(dirname "$0")" || exit 1
: "${COPSE_BUILD:=$(cd ../.. && pwd)/build}"
mdcat=$COPSE_BUILD/tests/mdcat
tmp=${COPSE_TEST_TMP:-${TMPDIR:-/tmp}}/md.$$
trap 'rm -f "$tmp" "$tmp.err"' EXIT
export LC_ALL=${LC_ALL:-C.UTF-8}

if [ ! -x "$mdcat" ]; then
	echo "not ok - md: $mdcat not built"
	exit 1
fi

status=0
for md in *.md; do
	[ -f "$md" ] || continue
	name=${md%.md}
	set --
	[ -f "$name.entries" ] && set -- --entries "$name.entries"
	case $name in *.ascii) set -- "$@" --ascii ;; esac
	for w in 40 80; do
		exp=$name.$w.out
		if ! "$mdcat" --debug "$@" "$w" "$md" >"$tmp" 2>"$tmp.err"; then
			echo "not ok - md: $name@$w"
			echo "# mdcat failed: $(cat "$tmp.err")"
			status=1
			continue
		fi
		if [ "${UPDATE:-}" = 1 ]; then
			cp "$tmp" "$exp"
			echo "ok - md: $name@$w (updated)"
		elif [ ! -f "$exp" ]; then
			echo "not ok - md: $name@$w"
			echo "# no golden $exp (UPDATE=1 sh tests/md/run.sh writes it)"
			status=1
		elif cmp -s "$exp" "$tmp"; then
			echo "ok - md: $name@$w"
		else
			echo "not ok - md: $name@$w"
			diff -u "$exp" "$tmp" | sed 's/^/# /'
			status=1
		fi

		if ! "$mdcat" --check "$@" "$w" "$md" >"$tmp" 2>"$tmp.err"; then
			echo "not ok - md: $name@$w width"
			sed 's/^/# /' "$tmp.err"
			status=1
			continue
		fi
		max=$(wc -L <"$tmp")
		if [ "$max" -le "$w" ]; then
			echo "ok - md: $name@$w width"
		else
			echo "not ok - md: $name@$w width"
			echo "# widest line is $max columns"
			status=1
		fi
	done
done
exit $status
