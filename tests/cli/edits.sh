#!/bin/sh
# edits.sh - an edit that changes nothing is no edit (no revision, no new
# version, says so); a text option that empties a text asks for --empty;
# action dates read like an a: line's; health --at refuses the future;
# empty lists and no-op verbs say so.
. "$(dirname "$0")/lib.sh"

# COPSE_NOW is Wednesday 2024-05-01 12:00 UTC.
c member add "Zoë" --handle zoe --expertise tea --bio-file - >/dev/null <<'BIO'
Brews tea.
BIO
c member add "Me Myself" --handle "$ME" --status active >/dev/null
printf 'Brew slowly.\n' | c entry add "Tea first" --tags tea --file - >/dev/null
printf 'Ask first.\n' | c topic add "Rhythm" --file - >/dev/null
printf '1. Welcome\n' | c meeting add "Circle" --at "2024-05-02 18:00" --agenda-file - >/dev/null
c note add 1 "Opening round" >/dev/null
c action add "Book the room" --owner zoe >/dev/null

# ---- an edit that changes nothing ----
run c entry edit 1 --title "Tea first"
expect "entry edit with nothing changed says so" 0 "entry 1: no changes" ""
printf 'Brew slowly.\n' >"$T/same.md"
run c entry edit 1 --title "Tea first" --tags tea --file "$T/same.md"
expect "entry edit with the same title, tags and text" 0 "entry 1: no changes" ""
run c entry show 1 --json
expect_json "...made no revision and kept the version" 'd["version"] == 1'
run c entry history 1 --json
expect_json "...one revision only" 'len(d) == 1'
run c entry edit 1 --title "Tea, first"
expect "a real change is saved as before" 0 "" ""
run c entry show 1 --json
expect_json "...with a new version" 'd["version"] == 2'
run c topic edit 1 --title "Rhythm"
expect "topic edit with nothing changed" 0 "topic 1: no changes" ""
run c meeting edit 1 --title "Circle" --at "2024-05-02 18:00"
expect "meeting edit with nothing changed" 0 "meeting 1: no changes" ""
run c member edit zoe --name "Zoë" --expertise tea
expect "member edit with nothing changed" 0 "member 1: no changes" ""
run c note edit 1 "Opening round"
expect "note edit with the same text" 0 "note 1: no changes" ""
run c action edit 1 --title "Book the room"
expect "action edit with nothing changed" 0 "action 1: no changes" ""
run c topic show 1 --json
expect_json "topic version kept" 'd["version"] == 1'
run c meeting show 1 --json
expect_json "meeting and note versions kept" 'd["version"] == 1 and d["notes"][0]["version"] == 1'
run c member show zoe --json
expect_json "member version kept" 'd["version"] == 1'

# ---- a text emptied from a file ----
run c entry edit 1 --file /dev/null
expect "entry edit --file that empties the text is refused" 1 "" \
	"copse: entry 1: --file gives an empty text; to empty it, add --empty"
run c entry show 1 --json
expect_json "...and the text is kept" 'd["body"] == "Brew slowly.\n" and d["version"] == 2'
run c entry edit 1 --file /dev/null --empty
expect "--empty says so" 0 "" ""
run c entry show 1 --json
expect_json "...and the text is empty" 'd["body"] == "" and d["version"] == 3'
run c topic edit 1 --file /dev/null
expect "topic edit --file emptying" 1 "" \
	"copse: topic 1: --file gives an empty text; to empty it, add --empty"
run c meeting edit 1 --agenda-file /dev/null
expect "meeting edit --agenda-file emptying" 1 "" \
	"copse: meeting 1: --agenda-file gives an empty text; to empty it, add --empty"
run c member edit zoe --bio-file /dev/null
expect "member edit --bio-file emptying" 1 "" \
	"copse: member 1: --bio-file gives an empty text; to empty it, add --empty"
run c meeting show 1 --json
expect_json "agenda kept" 'd["agenda"] == "1. Welcome\n"'
run c topic edit 1 --file /dev/null --empty
expect "topic edit --empty" 0 "" ""

# ---- action dates as an a: line reads them ----
run c action add "Call Bo" --owner zoe --due tomorrow
expect "action add --due tomorrow" 0 "2" ""
run c action add "Phone Al" --owner zoe --due friday
expect "action add --due friday" 0 "3" ""
run c action add "Write" --owner zoe --due today
expect "action add --due today" 0 "4" ""
run c action edit 1 --due Wed
expect "action edit --due Wed (the next Wednesday)" 0 "" ""
run c action list --json
expect_json "the dates" '[a["due"] for a in sorted(d, key=lambda a: a["id"])] == ["2024-05-08", "2024-05-02", "2024-05-03", "2024-05-01"]'
run c action add "Later" --owner zoe --due "next week"
expect "any other due is refused" 1 "" \
	"copse: due 'next week': not a date (use YYYY-MM-DD, today, tomorrow or a weekday)"

# ---- health at a future date ----
run c health --at 2030-01-01
expect "health --at the future is refused" 1 "" \
	"copse: --at '2030-01-01': in the future (health is known up to now, 2024-05-01)"
run c health --at 2024-05-01 --json
expect "health --at today is fine" 0 "*" ""

# ---- empty lists say so ----
run c entry wanted
expect "no wanted entries" 0 "no wanted entries" ""
run c entry list --orphans --tag knitting
expect "no orphans" 0 "no entries" ""
run c member list --knows knitting
expect "nobody knows" 0 "no members" ""
run c action list --owner me --open
expect "no actions of mine" 0 "no actions" ""
run c entry wanted --json
expect "--json stays an empty array" 0 "[]" ""

# ---- verbs that change nothing ----
run c action reopen 1
expect "reopen an open action says so" 0 "action 1: already open" ""
c action done 1
run c action done 1
expect "done on a done action says so" 0 "action 1: already done" ""
run c suggest dismiss 1 2
expect "dismiss a pair not suggested says so" 1 "" \
	"copse: members 1 and 2: not suggested to each other (copse suggest lists who is)"

finish
