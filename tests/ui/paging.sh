#!/bin/sh
# paging.sh - a long list is read by the screenful: on a repertoire of
# 10 000 entries (generated here and imported) the Repertoire shows its
# first screen, G and g jump to either end, pages go past the rows first
# read in both directions, the filter (the store's) finds rows never
# read, Esc comes back to the row it found, and a reload (another
# session adds an entry before the selected one) keeps the selection on
# its entry, one place further down.  The filter ignores accents.
. "$(dirname "$0")/lib.sh"

python3 - "$T/big.json" <<'EOF'
import json, sys
entries = [{"id": i, "title": "Entry %05d" % i, "kind": "lesson", "body": "Body %d." % i,
            "author": "zoe", "status": "published", "source_meeting_id": None,
            "source_note_id": None, "created": "2025-01-01T00:00:00Z",
            "updated": "2025-01-01T00:00:00Z", "version": 1, "tags": []}
           for i in range(1, 10001)]
json.dump({"format": "copse", "version": 2, "exported": "2025-01-01T00:00:00Z",
           "meta": {"name": "Big"}, "sequences": {"entry": 10000}, "entries": entries},
          open(sys.argv[1], "w"))
EOF
c import --json "$T/big.json" >/dev/null
# no preview: the list is the whole screen
export COLUMNS=60

app <<SCRIPT
key 4
dump first
key G
dump last
key g
dump top-again
key PgDn PgDn PgDn PgDn PgDn
dump paged-down
key j j j
dump stepped
key G
key PgUp PgUp PgUp PgUp PgUp k
dump paged-up
key /
keys "0999"
key Enter
dump filtered
key n n
dump next-match
key Esc
dump cleared
attrs cleared-attrs
sh "$COPSE_BIN" --db "$DB" entry add "Entry 00000 first of all" >/dev/null
tick
dump reloaded
attrs reloaded-attrs
key j
dump after-reload
SCRIPT

rows() {
	# the list rows $1 .. $2 as they are drawn ("  Entry 00001 ... lesson")
	i=$1
	while [ "$i" -le "$2" ]; do
		printf '  Entry %05d                                        lesson\n' "$i"
		i=$((i + 1))
	done
}
header=' Big                                                   ME
 1 Hom 2 Mem 3 Mee 4 Rep 5 Top 6 Hea'

{ echo "$header"; rows 1 21
  echo 'Enter open  / filter  a add  e edit  ? help         1/10000'; } >"$T/exp"
screen "the first screen of 10 000 entries, counted" first <"$T/exp"
{ echo "$header"; rows 9980 10000
  echo 'Enter open  / filter  a add  e edit  ? help     10000/10000'; } >"$T/exp"
screen "G goes to the last entry, read from the end" last <"$T/exp"
{ echo "$header"; rows 1 21
  echo 'Enter open  / filter  a add  e edit  ? help         1/10000'; } >"$T/exp"
screen "g comes back to the first" top-again <"$T/exp"
{ echo "$header"; rows 81 101
  echo 'Enter open  / filter  a add  e edit  ? help       101/10000'; } >"$T/exp"
screen "pages go past the rows first read" paged-down <"$T/exp"
{ echo "$header"; rows 84 104
  echo 'Enter open  / filter  a add  e edit  ? help       104/10000'; } >"$T/exp"
screen "j steps on over the next rows" stepped <"$T/exp"
{ echo "$header"; rows 9899 9919
  echo 'Enter open  / filter  a add  e edit  ? help      9899/10000'; } >"$T/exp"
screen "pages up from the end go past what G read" paged-up <"$T/exp"
expect_grep "the filter finds rows never read, counted by the store" \
	"filter '0999': 11 matches (Esc clears) *1/11" "$T/s/filtered"
expect_grep "...and only those" "^  Entry 09999 " "$T/s/filtered"
expect_true "...nothing else" sh -c "[ \$(grep -c '^  Entry' '$T/s/filtered') -eq 11 ]"
expect_grep "n steps through the matches" "3/11" "$T/s/next-match"
{ echo "$header"; rows 9980 10000
  echo 'filter cleared                                   9991/10000'; } >"$T/exp"
screen "Esc clears the filter and stays on the match" cleared <"$T/exp"
attr_at "...selected" cleared cleared-attrs "Entry 09991" r
# the entry added comes first: every line moves one down, and so does
# the selection, still on Entry 09991 in the same row of the screen
{ echo "$header"; rows 9980 10000
  echo 'filter cleared                                   9992/10001'; } >"$T/exp"
screen "a reload keeps the selected entry, one place down" reloaded <"$T/exp"
attr_at "...selected, in the same row" reloaded reloaded-attrs "Entry 09991" r
expect_grep "...and the list goes on from it" "9993/10001" "$T/s/after-reload"

# The store filters, ignoring case and accents as the order does.
c member add "Chloé Martin" >/dev/null
c member add "Łukasz Nowak" >/dev/null
c member add "Chris Clark" >/dev/null
app <<SCRIPT
key 2
key /
keys "chloe"
key Enter
dump chloe
key Esc
key /
keys "LUKASZ"
key Enter
dump lukasz
SCRIPT
expect_grep "chloe finds Chloé" "^  Chloé Martin" "$T/s/chloe"
expect_grep "...and only her" "filter 'chloe': 1 match " "$T/s/chloe"
expect_grep "LUKASZ finds Łukasz" "^  Łukasz Nowak" "$T/s/lukasz"
finish
