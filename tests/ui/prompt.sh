#!/bin/sh
# prompt.sh - a status-line prompt that is full says so and keeps what
# was typed: keys past its limit are never dropped in silence.
. "$(dirname "$0")/lib.sh"
demo
long=abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghij
app <<SCRIPT
key 3
key a
keys "Full prompts"
key Enter
keys "2025-04-01 18:00 $long"
dump full
key Backspace
dump after
key Esc
SCRIPT
kept=$(printf '2025-04-01 18:00 %s' "$long" | cut -c1-63)
expect_grep "typing past the limit says the line is full" \
	"the line is full (63 bytes)" "$T/s/full"
expect_grep "... keeping what was typed" "$(printf '%s' "$kept" | cut -c40-63)\$" "$T/s/full"
expect_true "the note goes with the next key" sh -c "! grep -q 'the line is full' '$T/s/after'"
expect_grep "... which edits the line as usual" \
	"$(printf '%s' "$kept" | cut -c40-62)\$" "$T/s/after"
finish
