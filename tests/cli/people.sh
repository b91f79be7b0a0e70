#!/bin/sh
# people.sh - what the commands print about the community follows the
# reader: `health` in ASCII when the locale is not UTF-8 (into a pipe too);
# minutes say "Agenda" once; a title match shows the body around the word;
# `entry show` says the title once.
. "$(dirname "$0")/lib.sh"
export COPSE_NOW=2025-03-01T12:00:00Z
c init --demo >/dev/null

# ---- health in the C locale ----
LC_ALL=C run c health
expect_exit "health in the C locale" 0
expect_true "...prints only ASCII, into a pipe too (no ▇, –, ═, •)" \
	sh -c '! LC_ALL=C grep -q "[^ -~]" "$1"' sh "$T/out"
expect_true "...with sparklines of ASCII" grep -Eq '^- attendance at the last 12 meetings: [_.:=+*#-]{12} ' "$T/out"
expect_true "...and the usual shape with a hyphen" grep -q "usual 10-15 %" "$T/out"
LC_ALL=C run c health --markdown
expect_true "health --markdown in the C locale: sparklines, arrows and dashes in ASCII" \
	sh -c 'grep -Eq "^- attendance at the last 12 meetings: \`[_.:=+*#-]{12}\`" "$1" && grep -q "usual 10-15 %" "$1" &&
	       grep -q ": inactive -> core" "$1" && ! grep -q "[▁▂▃▄▅▆▇█–→]" "$1"' sh "$T/out"
run c health --markdown
expect_true "...and in UTF-8 as before" \
	sh -c 'grep -q "usual 10–15 %" "$1" && grep -q ": inactive → core" "$1"' sh "$T/out"

# ---- minutes: an agenda with its own heading ----
run c meeting minutes 13
expect_true "minutes of an agenda that starts with ## Agenda say Agenda once" \
	test "$(grep -c '^## Agenda$' "$T/out")" = 1
expect_true "...and the agenda follows" \
	sh -c 'grep -A2 "^## Agenda$" "$1" | grep -qx "Circle facilitated by Zoë."' sh "$T/out"

# ---- search: found by the title, the body around the word ----
run c search circle --json
expect_json "a title match shows the body where the word is, highlighted" \
	'd[0]["id"] == 9 and d[0]["in_title"] and d[0]["snippet"].startswith("A listening circle is") and d[0]["snippet_matches"] == [[12, 18]]'
run c search circle
expect_true "...in the table too, not the heading that repeats the title" \
	grep -q "^entry    9  Running a Listening Circle  *A listening \[circle\] is a round" "$T/out"
run c search listening --json
expect_json "a match only in the heading that repeats the title shows the tags matched" \
	'[h["snippet"] for h in d if h["id"] == 18] == ["listening-circles translation 日本語"]'

# ---- entry show: the title once ----
run c entry show 9
expect_true "entry show of a body that starts with # Title says the title once" \
	test "$(grep -c "Running a Listening Circle" "$T/out")" = 1
expect_true "...the body follows the header" \
	sh -c 'sed -n 4p "$1" | grep -q "^A listening circle is a round"' sh "$T/out"
finish
