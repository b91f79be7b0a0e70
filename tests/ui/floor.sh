#!/bin/sh
# floor.sh - the meeting floor at 80x24 with a long agenda, attendance
# and carried-over actions: the header (title, time, who is here now)
# stays in view above the part that scrolls (it used to scroll off the
# top as soon as the minutes were kept in view), and the input line says
# when it is full instead of silently dropping keys.
. "$(dirname "$0")/lib.sh"
demo
# "Apologies that land" is on 2025-03-06 from 18:00 to 19:30
ON=2025-03-06T18:10:00Z
# 3996 bytes typed 222 at a time (a script line queues 256 keys at most)
long=$(awk 'BEGIN { for (i = 0; i < 18; i++) { printf "keys "; for (j = 0; j < 222; j++) printf "x"; print "" } }')

COPSE_NOW=$ON app <<SCRIPT
key 3
key Enter
dump on
keys "one"
key Enter
dump after-line
key Esc
key g
dump log-top
resize 40 12
dump small-top
resize 80 24
key PgDn
dump paged
attrs paged.attrs
key G
key k k k k k k k k k k k k k k k k
dump log-up
key a
$long
dump not-full
keys "abcdef"
dump full
key Enter
dump stored-full
SCRIPT
screen "the header stays above the actions while the newest minutes are in view" on <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Apologies that land
 ═══════════════════

 2025-03-06 18:00-19:30 · Linden Library, room 2 · planned · on now
 Here now: you

     2025-02-15
 [ ] Check in with Deepa: she has missed the last six meetings · Maren Holt,
     due 2025-02-26
 [ ] Prepare the agenda for "Apologies that land" · Zoë Lindqvist, due
     2025-03-03
 [ ] Invite Sofía and Kwame to the open practice night · Maren Holt, due
     2025-03-08
 [ ] Review the workplace FAQ with Deepa · Tomás Ferreira, due 2025-03-11
 [ ] Translate the listening-circle guidelines into Japanese · 山田 花子
     (Hanako Yamada), due 2025-03-31

 Minutes
 ───────
 No lines yet: type one below and press Enter.
>
Enter adds  d: decision  a: @who action  ? question  Esc log                end
EOF
for d in on after-line log-top log-up; do
	sed -n 3,8p "$T/s/$d" >"$T/top-$d"
	expect_grep "$d: the title stays in view" "^ Apologies that land" "$T/top-$d"
	expect_grep "$d: ... the time" "^ 2025-03-06 18:00-19:30 " "$T/top-$d"
	expect_grep "$d: ... and who is here now" "^ Here now: you" "$T/top-$d"
done
expect_grep "g: the agenda comes right under the header" "^ Agenda" "$T/s/log-top"
expect_grep "... and the log is at its top" " top\$" "$T/s/log-top"
sed -n 3p "$T/s/small-top" >"$T/small-row3"
expect_grep "40x12: too low to pin the header; at the top it stays at the top" "^ Apologies that land" "$T/small-row3"
expect_grep "... and says so" " top\$" "$T/s/small-top"
attr_at "PgDn from the title: the selection leaves the pinned header ..." paged paged.attrs \
	"Apologies that land" "bBdDiIuU."
expect_true "... for a line in view under it" sh -c "awk 'NR > 8' '$T/s/paged.attrs' | grep -q '^r'"
expect_grep "the newest line is in view at the bottom" "^ 18:10 $ME  *note *one" "$T/s/after-line"
expect_true "3996 bytes typed: no message yet" sh -c "! grep -q 'line is full' '$T/s/not-full'"
expect_grep "past 4000 bytes the line says it is full" "^the line is full (4000 bytes)" "$T/s/full"
expect_grep "... and keeps what was typed, up to the 4000th byte" "xxxabcd\$" "$T/s/full"
c meeting show "$(c meeting list | awk '/Apologies that land/ { print $1 }')" >"$T/show"
expect_grep "Enter stores the full line" "xxxxabcd\$" "$T/show"

finish
