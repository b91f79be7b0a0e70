#!/bin/sh
# messages.sh - a message or question longer than the status line is shown
# whole at 80 columns, wrapped onto the rows above it, never cut mid-word:
# a note line the floor cannot read, the question when deleting a member
# with history, and why a database is read-only for this user.
. "$(dirname "$0")/lib.sh"
demo
# "Apologies that land" is on 2025-03-06 from 18:00 to 19:30
ON=2025-03-06T18:10:00Z

COPSE_NOW=$ON app <<'SCRIPT'
key 3
key Enter
keys "a: @maren call the venue due someday"
key Enter
dump floor-due
SCRIPT
# the last N rows of a screen as one line, rows joined by a space
rows() { tail -n "$2" "$T/s/$1" | tr '\n' ' '; }
has() { case $1 in *"$2"*) return 0 ;; esac; echo "# not in: $1"; return 1; }
expect_true "a note line with a wrong date says why in full" \
	has "$(rows floor-due 3)" "due 'someday': not a date (use YYYY-MM-DD, today, tomorrow or a weekday); fix it or C-u: a: @maren call the venue due someday"
screen "... on the rows above the line typed" floor-due <<'EOF'
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
due 'someday': not a date (use YYYY-MM-DD, today, tomorrow or a weekday); fix it
or C-u: a: @maren call the venue due someday
Enter adds  d: decision  a: @who action  ? question  Esc log                end
EOF

app <<'SCRIPT'
key 2
key /
keys "Amara"
key Enter
key d
dump member-history
SCRIPT
expect_true "d on a member with history asks in full" \
	has "$(rows member-history 2)" "Amara Okafor has history (14 meetings, 3 actions"
screen "... on two rows" member-history <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
  Amara Okafor          core   active │ Amara Okafor
                                      │ ════════════
                                      │
                                      │ @amara · active · member · joined
                                      │ 2024-06-24 ·
                                      │ a.okafor@northfield.example
                                      │
                                      │ Expertise: restorative-conversations,
                                      │ schools
                                      │
                                      │ Interests: de-escalation, parenting
                                      │
                                      │ Level: core: attended 10 of 12 meetings
                                      │ in the last 180 days
                                      │
                                      │ Connections
                                      │ ───────────
                                      │
                                      │ • Tomás Ferreira[1] (works-with):
                                      │   Planning the restorative circle pilot
Amara Okafor has history (14 meetings, 3 actions, 1 connection, 6 notes written,
3 entries written, 1 topic raised, 3 votes): make them alumni instead? y/n
EOF

# A database this user may only read (root writes anything: as root the
# reader is "nobody").  The binary is copied where that user can run it.
reader_dir msg
c backup "$R/ro.db"
chmod 444 "$R/ro.db"
chmod 777 "$R"
mkdir -p "$R/s"; chmod 777 "$R/s"
printf 'dump ro-home\nkey 2\nkey a\ndump ro-a\n' >"$R/script"
chmod 644 "$R/script"
(cd "$R/s" && as_reader env COPSE_SCRIPT="$R/script" "$R/copse" --db "$R/ro.db" \
	</dev/null >"$T/out" 2>"$T/err")
expect_true "the reader's app runs" sh -c "[ ! -s '$T/err' ]"
cp "$R"/s/ro-* "$T/s/"
[ -n "${UI_RECORD:-}" ] && cp "$R"/s/ro-* "$UI_RECORD/"
why="Read-only for you: the file (owner $ME, group $(id -gn), mode 0444) is not writable for you; its owner may share it with a group: copse init --group"
expect_true "why the database is read-only is said in full at start" has "$(rows ro-home 3)" "$why"
expect_true "... and when a key would write" has "$(rows ro-a 3)" "$why"
expect_true "... on rows that each end with a whole word" \
	sh -c "! tail -n 3 '$T/s/ro-a' | grep -q '…'"
rm -rf "$R"
finish
