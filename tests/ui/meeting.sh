#!/bin/sh
# meeting.sh - the meeting floor.  While a meeting is on, its screen opens
# with the input line open and every printable key types into it, so
# "d: meet every second Thursday" is a decision, never a delete (it used
# to delete the meeting, the y of "every" saying yes, and the rest of the
# line a second meeting from the list).  The line edits like a shell
# line; Enter stores it (d: decision, a: @who action, ? question, else a
# note); a line the store refuses stays with the reason.  Other sessions'
# lines appear while this user types, between keys.  Esc moves to the
# log: e edits the selected line in the editor, d deletes it after a y/n
# naming it (any key but y cancels), Space marks an attendee present and
# an action done, R answers my invitation, i invites.  Outside its time
# the screen reads like the minutes and a opens the line.
. "$(dirname "$0")/lib.sh"
demo
mid=$(c meeting list | awk '/Apologies that land/ { print $1 }')
other=$(c meeting list | awk '/Open practice night/ { print $1 }')
c meeting list | awk 'NR > 1 { print $1 }' >"$T/meetings-before"
# the meeting is on 2025-03-06 from 18:00 to 19:30
ON=2025-03-06T18:10:00Z
FE="sh $(cd "$(dirname "$0")/../tools" && pwd)/fake-editor.sh"

COPSE_NOW=$ON app <<SCRIPT
dump home-on
key 3
dump list-on
key Enter
dump floor-on
keys "d: meet every second Thursday"
dump typed
key Enter
dump stored
SCRIPT
sed -n 3,4p "$T/s/home-on" >"$T/home-top"
expect_grep "Home shows the meeting on now ..." "^ Meeting on now " "$T/home-top"
expect_grep "... as the one to open" "^  Apologies that land  *03-06 18:00 " "$T/home-top"
screen "a meeting on now comes first in the list" list-on <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 On now                               │ Apologies that land
  2025-03-06  Apologies that land     │ ═══════════════════
 Upcoming                             │
  2025-03-20  Open practice night     │ 2025-03-06 18:00-19:30 · Linden
 Past                                 │ Library, room 2 · planned
  2025-02-20  Listening circle: repa… │
  2025-02-06  Half-year retrospectiv… │ Agenda
  2025-01-23  Practice lab: role-pla… │ ──────
  2025-01-09  Requests versus demands │
  2024-12-26  Restorative conversati… │ Facilitator: Zoë
  2024-12-12  Parenting without puni… │
  2024-11-28  Workplace conflict: ca… │ 1. Arrival round
  2024-11-14  Self-empathy when we g… │ 2. Carried over: open actions from the
  2024-10-31  Listening ci… cancelled │    last meetings
  2024-10-17  De-escalation basics w… │ 3. Practice: the parts of an apology
  2024-10-03  Listening circle: hard… │    that lands — in pairs
  2024-09-19  Observation without ev… │ 4. Story: when sorry made it worse (the
  2024-09-05  Kick-off: what brings … │    topic with the most votes)
                                      │ 5. Harvest and check-out
                                      │
                                      │ Read beforehand: the draft entry
Enter open  / filter  a add  e edit  d delete  ? help  q quit              1/15
EOF
screen "opened while it is on: the input line is open, the newest minutes in view" floor-on <<'EOF'
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
screen "every printable key types into the line" typed <<'EOF'
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
> d: meet every second Thursday
Enter adds  d: decision  a: @who action  ? question  Esc log                end
EOF
screen "Enter stores it as a decision; the meeting stays" stored <<'EOF'
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
 18:10 ME       decision meet every second Thursday
>
line added                                                                  end
EOF
c meeting list | awk 'NR > 1 { print $1 }' >"$T/meetings-after"
expect_true "no meeting was deleted" cmp -s "$T/meetings-before" "$T/meetings-after"
c meeting show "$mid" >"$T/show"
expect_grep "the decision is in the minutes" "decision  *meet every second Thursday" "$T/show"

# Someone who may only read gets no input line, even while the meeting is
# on, and no key of the log writes.  (As root the reader is "nobody".)
reader_dir floor-ro
c backup "$R/ro.db"
chmod 444 "$R/ro.db"
chmod 777 "$R"
printf 'key 3\nkey Enter\nkeys "d: typed by a reader"\ndump ro-floor\nkey e\ndump ro-e\n' >"$R/script"
chmod 644 "$R/script"
(cd "$R" && as_reader env COPSE_NOW=$ON COPSE_SCRIPT="$R/script" "$R/copse" --db "$R/ro.db" \
	</dev/null >/dev/null 2>&1)
expect_true "a reader's floor has no input line while the meeting is on" \
	sh -c "grep -q 'on now' '$R/ro-floor' && ! grep -q '^>' '$R/ro-floor'"
expect_grep "... and e says why it does nothing" "^Read-only for you" "$R/ro-e"
chmod 644 "$R/ro.db"
expect_true "... and nothing was written" sh -c "! '$COPSE_BIN' --db '$R/ro.db' meeting show $mid 2>/dev/null | grep -q 'typed by a reader'"
rm -rf "$R"

# Every kind of line; a refused line stays to be fixed; shell editing.
COPSE_NOW=$ON app <<SCRIPT
key 3
key Enter
keys "Bring name cards"
key Enter
keys "? who brings the tea"
key Enter
keys "a: @zoe book the room due 2025-03-15"
key Enter
dump kinds
keys "a: @nobody do it"
key Enter
dump refused
key C-a
key Right Right Right
key C-k
keys "@amara do it"
key Enter
keys "cards please"
key Home
keys "name "
key End
key C-w
key Left Left Left Left Left Left
key Delete
keys "C"
key C-e
keys "for all"
dump edited-line
key Enter
key C-u
dump after-edits
SCRIPT
screen "notes, questions and actions go in as their own lines" kinds <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Apologies that land
 ═══════════════════

 2025-03-06 18:00-19:30 · Linden Library, room 2 · planned · on now
 Here now: you

 [ ] Prepare the agenda for "Apologies that land" · Zoë Lindqvist, due
     2025-03-03
 [ ] Invite Sofía and Kwame to the open practice night · Maren Holt, due
     2025-03-08
 [ ] Review the workplace FAQ with Deepa · Tomás Ferreira, due 2025-03-11
 [ ] Translate the listening-circle guidelines into Japanese · 山田 花子
     (Hanako Yamada), due 2025-03-31

 Minutes
 ───────
 18:10 ME       decision meet every second Thursday
 18:10 ME       note     Bring name cards
 18:10 ME       question who brings the tea
 18:10 ME       action   [ ] @zoe: book the room (due 2025-03-15)
>
action 20 added                                                             end
EOF
screen "an unknown @handle is refused; the line stays with the reason" refused <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Apologies that land
 ═══════════════════

 2025-03-06 18:00-19:30 · Linden Library, room 2 · planned · on now
 Here now: you

 [ ] Prepare the agenda for "Apologies that land" · Zoë Lindqvist, due
     2025-03-03
 [ ] Invite Sofía and Kwame to the open practice night · Maren Holt, due
     2025-03-08
 [ ] Review the workplace FAQ with Deepa · Tomás Ferreira, due 2025-03-11
 [ ] Translate the listening-circle guidelines into Japanese · 山田 花子
     (Hanako Yamada), due 2025-03-31

 Minutes
 ───────
 18:10 ME       decision meet every second Thursday
 18:10 ME       note     Bring name cards
 18:10 ME       question who brings the tea
 18:10 ME       action   [ ] @zoe: book the room (due 2025-03-15)
member nobody: no such member; fix it or C-u: a: @nobody do it
Enter adds  d: decision  a: @who action  ? question  Esc log                end
EOF
screen "the line edits like a shell line" edited-line <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Apologies that land
 ═══════════════════

 2025-03-06 18:00-19:30 · Linden Library, room 2 · planned · on now
 Here now: you

     2025-03-03
 [ ] Invite Sofía and Kwame to the open practice night · Maren Holt, due
     2025-03-08
 [ ] Review the workplace FAQ with Deepa · Tomás Ferreira, due 2025-03-11
 [ ] Translate the listening-circle guidelines into Japanese · 山田 花子
     (Hanako Yamada), due 2025-03-31

 Minutes
 ───────
 18:10 ME       decision meet every second Thursday
 18:10 ME       note     Bring name cards
 18:10 ME       question who brings the tea
 18:10 ME       action   [ ] @zoe: book the room (due 2025-03-15)
 18:10 ME       action   [ ] @amara: do it
> name Cards for all
Enter adds  d: decision  a: @who action  ? question  Esc log                end
EOF
screen "the fixed and the edited lines are stored" after-edits <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Apologies that land
 ═══════════════════

 2025-03-06 18:00-19:30 · Linden Library, room 2 · planned · on now
 Here now: you

 [ ] Invite Sofía and Kwame to the open practice night · Maren Holt, due
     2025-03-08
 [ ] Review the workplace FAQ with Deepa · Tomás Ferreira, due 2025-03-11
 [ ] Translate the listening-circle guidelines into Japanese · 山田 花子
     (Hanako Yamada), due 2025-03-31

 Minutes
 ───────
 18:10 ME       decision meet every second Thursday
 18:10 ME       note     Bring name cards
 18:10 ME       question who brings the tea
 18:10 ME       action   [ ] @zoe: book the room (due 2025-03-15)
 18:10 ME       action   [ ] @amara: do it
 18:10 ME       note     name Cards for all
>
Enter adds  d: decision  a: @who action  ? question  Esc log                end
EOF
c meeting show "$mid" >"$T/show"
expect_true "the fixed action is stored once, for amara" test "$(grep -c 'Amara Okafor  *do it$' "$T/show")" -eq 1
expect_grep "the edited line is stored as typed" "name Cards for all$" "$T/show"
expect_true "the refused line is not stored" sh -c "! grep -q '@nobody' '$T/show'"

# Live: another session's line appears after a poll, and between keys
# while this user types (no poll timeout at all).
COPSE_NOW=$ON app <<SCRIPT
key 3
key Enter
sh "$COPSE_BIN" --db "$DB" note add $mid "typed in another session" >/dev/null
tick
dump live
keys "half a li"
sh "$COPSE_BIN" --db "$DB" note add $mid "written while I type" >/dev/null
keys "n"
dump live-typing
keys "e"
key Enter
dump typed-after
SCRIPT
screen "another session's line appears after one poll" live <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Apologies that land
 ═══════════════════

 2025-03-06 18:00-19:30 · Linden Library, room 2 · planned · on now
 Here now: you

     2025-03-08
 [ ] Review the workplace FAQ with Deepa · Tomás Ferreira, due 2025-03-11
 [ ] Translate the listening-circle guidelines into Japanese · 山田 花子
     (Hanako Yamada), due 2025-03-31

 Minutes
 ───────
 18:10 ME       decision meet every second Thursday
 18:10 ME       note     Bring name cards
 18:10 ME       question who brings the tea
 18:10 ME       action   [ ] @zoe: book the room (due 2025-03-15)
 18:10 ME       action   [ ] @amara: do it
 18:10 ME       note     name Cards for all
 18:10 ME       note     typed in another session
>
Enter adds  d: decision  a: @who action  ? question  Esc log                end
EOF
screen "another session's line appears between my keys" live-typing <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Apologies that land
 ═══════════════════

 2025-03-06 18:00-19:30 · Linden Library, room 2 · planned · on now
 Here now: you

 [ ] Review the workplace FAQ with Deepa · Tomás Ferreira, due 2025-03-11
 [ ] Translate the listening-circle guidelines into Japanese · 山田 花子
     (Hanako Yamada), due 2025-03-31

 Minutes
 ───────
 18:10 ME       decision meet every second Thursday
 18:10 ME       note     Bring name cards
 18:10 ME       question who brings the tea
 18:10 ME       action   [ ] @zoe: book the room (due 2025-03-15)
 18:10 ME       action   [ ] @amara: do it
 18:10 ME       note     name Cards for all
 18:10 ME       note     typed in another session
 18:10 ME       note     written while I type
> half a lin
Enter adds  d: decision  a: @who action  ? question  Esc log                end
EOF
screen "mine goes in after it; the end stays in view" typed-after <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Apologies that land
 ═══════════════════

 2025-03-06 18:00-19:30 · Linden Library, room 2 · planned · on now
 Here now: you

 [ ] Translate the listening-circle guidelines into Japanese · 山田 花子
     (Hanako Yamada), due 2025-03-31

 Minutes
 ───────
 18:10 ME       decision meet every second Thursday
 18:10 ME       note     Bring name cards
 18:10 ME       question who brings the tea
 18:10 ME       action   [ ] @zoe: book the room (due 2025-03-15)
 18:10 ME       action   [ ] @amara: do it
 18:10 ME       note     name Cards for all
 18:10 ME       note     typed in another session
 18:10 ME       note     written while I type
 18:10 ME       note     half a line
>
line added                                                                  end
EOF

# The log: Esc moves there, the newest line selected; e edits it in the
# editor, d asks naming it and any key but y keeps it; Space marks an
# attendee present and an action done; R answers my invitation.
c member add "Me Myself" --handle "$ME" >/dev/null
c attend "$mid" "$ME" --status invited >/dev/null
COPSE_NOW=$ON app <<SCRIPT
key 3
key Enter
key Esc
dump log
attrs log.attrs
env EDITOR $FE sed 's/half a line/a whole line/'
key e
dump edited
key d
dump confirm
key x
dump kept
key d
key y
dump deleted
attrs deleted.attrs
key k
key k
key k
key Space
dump action-done
key g
key j
key j
key Space
dump present
key R
dump rsvp
key a
dump accepted
key i
keys "chloe, 10"
key Enter
# chloe is alumni: asked about first (tests/ui/invite.sh)
key y
dump invited
key a
dump back-to-line
SCRIPT
screen "Esc: the focus on the log, the newest line selected" log <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Apologies that land
 ═══════════════════

 2025-03-06 18:00-19:30 · Linden Library, room 2 · planned · on now
 Here now: you

 [ ] Translate the listening-circle guidelines into Japanese · 山田 花子
     (Hanako Yamada), due 2025-03-31

 Minutes
 ───────
 18:10 ME       decision meet every second Thursday
 18:10 ME       note     Bring name cards
 18:10 ME       question who brings the tea
 18:10 ME       action   [ ] @zoe: book the room (due 2025-03-15)
 18:10 ME       action   [ ] @amara: do it
 18:10 ME       note     name Cards for all
 18:10 ME       note     typed in another session
 18:10 ME       note     written while I type
 18:10 ME       note     half a line
>
a type  Space mark  e edit  d delete  R answer  i invite  A agenda  ? help  end
EOF
attr_at "... shown selected" log log.attrs "half a line" r
screen "e edits the selected line in the editor" edited <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Apologies that land
 ═══════════════════

 2025-03-06 18:00-19:30 · Linden Library, room 2 · planned · on now
 Here now: you

 [ ] Translate the listening-circle guidelines into Japanese · 山田 花子
     (Hanako Yamada), due 2025-03-31

 Minutes
 ───────
 18:10 ME       decision meet every second Thursday
 18:10 ME       note     Bring name cards
 18:10 ME       question who brings the tea
 18:10 ME       action   [ ] @zoe: book the room (due 2025-03-15)
 18:10 ME       action   [ ] @amara: do it
 18:10 ME       note     name Cards for all
 18:10 ME       note     typed in another session
 18:10 ME       note     written while I type
 18:10 ME       note     a whole line
>
note 61 saved                                                               end
EOF
screen "d asks, naming the line" confirm <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Apologies that land
 ═══════════════════

 2025-03-06 18:00-19:30 · Linden Library, room 2 · planned · on now
 Here now: you

 [ ] Translate the listening-circle guidelines into Japanese · 山田 花子
     (Hanako Yamada), due 2025-03-31

 Minutes
 ───────
 18:10 ME       decision meet every second Thursday
 18:10 ME       note     Bring name cards
 18:10 ME       question who brings the tea
 18:10 ME       action   [ ] @zoe: book the room (due 2025-03-15)
 18:10 ME       action   [ ] @amara: do it
 18:10 ME       note     name Cards for all
 18:10 ME       note     typed in another session
 18:10 ME       note     written while I type
 18:10 ME       note     a whole line
>
Move the note 'a whole line' to the trash? y/n
EOF
screen "any key but y keeps it" kept <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Apologies that land
 ═══════════════════

 2025-03-06 18:00-19:30 · Linden Library, room 2 · planned · on now
 Here now: you

 [ ] Translate the listening-circle guidelines into Japanese · 山田 花子
     (Hanako Yamada), due 2025-03-31

 Minutes
 ───────
 18:10 ME       decision meet every second Thursday
 18:10 ME       note     Bring name cards
 18:10 ME       question who brings the tea
 18:10 ME       action   [ ] @zoe: book the room (due 2025-03-15)
 18:10 ME       action   [ ] @amara: do it
 18:10 ME       note     name Cards for all
 18:10 ME       note     typed in another session
 18:10 ME       note     written while I type
 18:10 ME       note     a whole line
>
nothing changed                                                             end
EOF
screen "y deletes it" deleted <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Apologies that land
 ═══════════════════

 2025-03-06 18:00-19:30 · Linden Library, room 2 · planned · on now
 Here now: you

 [ ] Review the workplace FAQ with Deepa · Tomás Ferreira, due 2025-03-11
 [ ] Translate the listening-circle guidelines into Japanese · 山田 花子
     (Hanako Yamada), due 2025-03-31

 Minutes
 ───────
 18:10 ME       decision meet every second Thursday
 18:10 ME       note     Bring name cards
 18:10 ME       question who brings the tea
 18:10 ME       action   [ ] @zoe: book the room (due 2025-03-15)
 18:10 ME       action   [ ] @amara: do it
 18:10 ME       note     name Cards for all
 18:10 ME       note     typed in another session
 18:10 ME       note     written while I type
>
note 61 moved to the trash (u brings it back)                               end
EOF
attr_at "... and the line before it is selected" deleted deleted.attrs "written while I type" r
screen "Space marks an action done" action-done <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Apologies that land
 ═══════════════════

 2025-03-06 18:00-19:30 · Linden Library, room 2 · planned · on now
 Here now: you

 [ ] Review the workplace FAQ with Deepa · Tomás Ferreira, due 2025-03-11
 [ ] Translate the listening-circle guidelines into Japanese · 山田 花子
     (Hanako Yamada), due 2025-03-31

 Minutes
 ───────
 18:10 ME       decision meet every second Thursday
 18:10 ME       note     Bring name cards
 18:10 ME       question who brings the tea
 18:10 ME       action   [ ] @zoe: book the room (due 2025-03-15)
 18:10 ME       action   [x] @amara: do it
 18:10 ME       note     name Cards for all
 18:10 ME       note     typed in another session
 18:10 ME       note     written while I type
>
action 21 done                                                              end
EOF
screen "Space marks an attendee present" present <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Apologies that land
 ═══════════════════

 2025-03-06 18:00-19:30 · Linden Library, room 2 · planned · on now
 Here now: you

 Facilitator: Zoë

 1. Arrival round
 2. Carried over: open actions from the last meetings
 3. Practice: the parts of an apology that lands — in pairs
 4. Story: when sorry made it worse (the topic with the most votes)
 5. Harvest and check-out

 Read beforehand: the draft entry Apologies That Land.

 Attendance (1 of 10 present)
 ────────────────────────────
 [ ] Amara Okafor · accepted
 [x] Deepa Raman · attended
>
Deepa Raman: attended                                                        7%
EOF
screen "R asks for my answer" rsvp <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Apologies that land
 ═══════════════════

 2025-03-06 18:00-19:30 · Linden Library, room 2 · planned · on now
 Here now: you

 Facilitator: Zoë

 1. Arrival round
 2. Carried over: open actions from the last meetings
 3. Practice: the parts of an apology that lands — in pairs
 4. Story: when sorry made it worse (the topic with the most votes)
 5. Harvest and check-out

 Read beforehand: the draft entry Apologies That Land.

 Attendance (1 of 10 present)
 ────────────────────────────
 [ ] Amara Okafor · accepted
 [x] Deepa Raman · attended
>
Answer 'Apologies that land': a accept, d decline (other keys: no change)
EOF
screen "a accepts" accepted <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Apologies that land
 ═══════════════════

 2025-03-06 18:00-19:30 · Linden Library, room 2 · planned · on now
 Here now: you

 Facilitator: Zoë

 1. Arrival round
 2. Carried over: open actions from the last meetings
 3. Practice: the parts of an apology that lands — in pairs
 4. Story: when sorry made it worse (the topic with the most votes)
 5. Harvest and check-out

 Read beforehand: the draft entry Apologies That Land.

 Attendance (1 of 10 present)
 ────────────────────────────
 [ ] Amara Okafor · accepted
 [x] Deepa Raman · attended
>
you accepted                                                                 7%
EOF
screen "i invites members by handle" invited <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Apologies that land
 ═══════════════════

 2025-03-06 18:00-19:30 · Linden Library, room 2 · planned · on now
 Here now: you

 Facilitator: Zoë

 1. Arrival round
 2. Carried over: open actions from the last meetings
 3. Practice: the parts of an apology that lands — in pairs
 4. Story: when sorry made it worse (the topic with the most votes)
 5. Harvest and check-out

 Read beforehand: the draft entry Apologies That Land.

 Attendance (1 of 12 present)
 ────────────────────────────
 [ ] Amara Okafor · accepted
 [ ] Chloé Martin · invited
>
2 invited                                                                    7%
EOF
screen "a goes back to the input line" back-to-line <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Apologies that land
 ═══════════════════

 2025-03-06 18:00-19:30 · Linden Library, room 2 · planned · on now
 Here now: you

 [ ] Review the workplace FAQ with Deepa · Tomás Ferreira, due 2025-03-11
 [ ] Translate the listening-circle guidelines into Japanese · 山田 花子
     (Hanako Yamada), due 2025-03-31

 Minutes
 ───────
 18:10 ME       decision meet every second Thursday
 18:10 ME       note     Bring name cards
 18:10 ME       question who brings the tea
 18:10 ME       action   [ ] @zoe: book the room (due 2025-03-15)
 18:10 ME       action   [x] @amara: do it
 18:10 ME       note     name Cards for all
 18:10 ME       note     typed in another session
 18:10 ME       note     written while I type
>
Enter adds  d: decision  a: @who action  ? question  Esc log                end
EOF
c meeting show "$mid" >"$T/show"
expect_true "the edited, then deleted line is gone" sh -c "! grep -q 'half a line\|a whole line' '$T/show'"
expect_grep "the line before it stays" "written while I type" "$T/show"
expect_grep "my answer is stored" "^  Me Myself .* accepted$" "$T/show"
expect_grep "chloe is invited" "^  Chloé Martin .* invited$" "$T/show"
expect_grep "kwame (by id) is invited" "^  Kwame Mensah .* invited$" "$T/show"

# R answers an invitation; once I am marked present it asks nothing (a
# stray R then the a that goes back to typing used to turn "attended"
# into "accepted").
c attend "$mid" "$ME" --status attended >/dev/null
COPSE_NOW=$ON app <<SCRIPT
key 3
key Enter
key Esc
key R
dump rsvp-present
key a
SCRIPT
tail -1 "$T/s/rsvp-present" >"$T/rsvp-present"
expect_grep "R once I am marked present says so" \
	"^you are marked attended here: Space on your line changes that" "$T/rsvp-present"
c meeting show "$mid" >"$T/show"
expect_grep "... and my attendance stays" "^  Me Myself .* attended$" "$T/show"
c attend "$mid" "$ME" --status accepted >/dev/null

# An action (or the minutes line that gave it) is edited on the input
# line, version-checked: changed by someone else meanwhile, the line says
# so and a second Enter saves mine.  d moves a line to the trash with its
# action, naming both; u brings them back.
COPSE_NOW=$ON app <<SCRIPT
key 3
key Enter
key Esc
key k k k k
key e
dump action-edit
key C-w C-w
keys "due friday"
sh "$COPSE_BIN" --db "$DB" action edit 20 --title "book the big room" >/dev/null
key Enter
dump action-conflict
key Enter
dump action-saved
key d
dump trash-ask
key y
dump trashed
key u
dump undone
SCRIPT
screen "e on an action line: the action on the input line" action-edit <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Apologies that land
 ═══════════════════

 2025-03-06 18:00-19:30 · Linden Library, room 2 · planned · on now
 Here now: you

 [ ] Review the workplace FAQ with Deepa · Tomás Ferreira, due 2025-03-11
 [ ] Translate the listening-circle guidelines into Japanese · 山田 花子
     (Hanako Yamada), due 2025-03-31

 Minutes
 ───────
 18:10 ME       decision meet every second Thursday
 18:10 ME       note     Bring name cards
 18:10 ME       question who brings the tea
 18:10 ME       action   [ ] @zoe: book the room (due 2025-03-15)
 18:10 ME       action   [x] @amara: do it
 18:10 ME       note     name Cards for all
 18:10 ME       note     typed in another session
 18:10 ME       note     written while I type
action 20> @zoe book the room due 2025-03-15
Enter saves the action, Esc leaves it as it was                             end
EOF
screen "changed meanwhile: their version said, mine kept in the line" action-conflict <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Apologies that land
 ═══════════════════

 2025-03-06 18:00-19:30 · Linden Library, room 2 · planned · on now
 Here now: you

 [ ] Review the workplace FAQ with Deepa · Tomás Ferreira, due 2025-03-11
 [ ] Translate the listening-circle guidelines into Japanese · 山田 花子
     (Hanako Yamada), due 2025-03-31

 Minutes
 ───────
 18:10 ME       decision meet every second Thursday
 18:10 ME       note     Bring name cards
 18:10 ME       question who brings the tea
 18:10 ME       action   [ ] @zoe: book the big room (due 2025-03-15)
 18:10 ME       action   [x] @amara: do it
 18:10 ME       note     name Cards for all
 18:10 ME       note     typed in another session
 18:10 ME       note     written while I type
action 20: Enter saves yours over theirs> @zoe book the room due friday
theirs: @zoe book the big room due 2025-03-15                               end
EOF
screen "a second Enter saves mine; the minutes line says the same" action-saved <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Apologies that land
 ═══════════════════

 2025-03-06 18:00-19:30 · Linden Library, room 2 · planned · on now
 Here now: you

 [ ] Review the workplace FAQ with Deepa · Tomás Ferreira, due 2025-03-11
 [ ] Translate the listening-circle guidelines into Japanese · 山田 花子
     (Hanako Yamada), due 2025-03-31

 Minutes
 ───────
 18:10 ME       decision meet every second Thursday
 18:10 ME       note     Bring name cards
 18:10 ME       question who brings the tea
 18:10 ME       action   [ ] @zoe: book the room (due 2025-03-07)
 18:10 ME       action   [x] @amara: do it
 18:10 ME       note     name Cards for all
 18:10 ME       note     typed in another session
 18:10 ME       note     written while I type
>
action 20 saved                                                             end
EOF
screen "d names the line and the action that go to the trash" trash-ask <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Apologies that land
 ═══════════════════

 2025-03-06 18:00-19:30 · Linden Library, room 2 · planned · on now
 Here now: you

 [ ] Review the workplace FAQ with Deepa · Tomás Ferreira, due 2025-03-11
 [ ] Translate the listening-circle guidelines into Japanese · 山田 花子
     (Hanako Yamada), due 2025-03-31

 Minutes
 ───────
 18:10 ME       decision meet every second Thursday
 18:10 ME       note     Bring name cards
 18:10 ME       question who brings the tea
 18:10 ME       action   [ ] @zoe: book the room (due 2025-03-07)
 18:10 ME       action   [x] @amara: do it
 18:10 ME       note     name Cards for all
 18:10 ME       note     typed in another session
 18:10 ME       note     written while I type
>
Move the note '@zoe: book the room (due …' with its 1 action to the trash? y/n
EOF
screen "y moves them to the trash" trashed <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Apologies that land
 ═══════════════════

 2025-03-06 18:00-19:30 · Linden Library, room 2 · planned · on now
 Here now: you

     2025-03-08
 [ ] Review the workplace FAQ with Deepa · Tomás Ferreira, due 2025-03-11
 [ ] Translate the listening-circle guidelines into Japanese · 山田 花子
     (Hanako Yamada), due 2025-03-31

 Minutes
 ───────
 18:10 ME       decision meet every second Thursday
 18:10 ME       note     Bring name cards
 18:10 ME       question who brings the tea
 18:10 ME       action   [x] @amara: do it
 18:10 ME       note     name Cards for all
 18:10 ME       note     typed in another session
 18:10 ME       note     written while I type
>
note 56 moved to the trash (u brings it back)                               end
EOF
screen "u brings them back" undone <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Apologies that land
 ═══════════════════

 2025-03-06 18:00-19:30 · Linden Library, room 2 · planned · on now
 Here now: you

 [ ] Review the workplace FAQ with Deepa · Tomás Ferreira, due 2025-03-11
 [ ] Translate the listening-circle guidelines into Japanese · 山田 花子
     (Hanako Yamada), due 2025-03-31

 Minutes
 ───────
 18:10 ME       decision meet every second Thursday
 18:10 ME       note     Bring name cards
 18:10 ME       question who brings the tea
 18:10 ME       action   [ ] @zoe: book the room (due 2025-03-07)
 18:10 ME       action   [x] @amara: do it
 18:10 ME       note     name Cards for all
 18:10 ME       note     typed in another session
 18:10 ME       note     written while I type
>
restored note '@zoe: book the room (due 2025-03-07)' with 1 action          end
EOF
c action list >"$T/actions"
expect_grep "the action is saved with the new due date (the next Friday)" \
	"2025-03-07  Zoë Lindqvist .* book the room$" "$T/actions"

# The line that edits an action is the line that adds one: typed again
# with its "a:" in front, it is still that action (it used to be refused
# with "say who, as in 'a: @handle what to do'", just what was typed).
COPSE_NOW=$ON app <<SCRIPT
key 3
key Enter
key Esc
key k k k k
key e
key C-u
keys "a: @zoe book the room due friday"
key Enter
dump action-a-prefix
SCRIPT
sed -n 23,24p "$T/s/action-a-prefix" >"$T/a-prefix"
expect_grep "an action edited with 'a:' in front is saved" "^action 20 saved " "$T/a-prefix"

# Outside its time the screen reads like the minutes: no input line; the
# log keys act, and a opens the line.
app <<SCRIPT
key 3
key Enter
dump minutes
key a
keys "after the meeting"
key Enter
dump added-after
SCRIPT
screen "outside its time: the minutes, no input line" minutes <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Apologies that land
 ═══════════════════

 2025-03-06 18:00-19:30 · Linden Library, room 2 · planned
 Here now: you

 Agenda
 ──────

 Facilitator: Zoë

 1. Arrival round
 2. Carried over: open actions from the last meetings
 3. Practice: the parts of an apology that lands — in pairs
 4. Story: when sorry made it worse (the topic with the most votes)
 5. Harvest and check-out

 Read beforehand: the draft entry Apologies That Land.

 Attendance (1 of 12 present)
 ────────────────────────────
a type  Space mark  e edit  d delete  R answer  i invite  A agenda  ? help  top
EOF
screen "a opens the input line" added-after <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Apologies that land
 ═══════════════════

 2025-03-06 18:00-19:30 · Linden Library, room 2 · planned
 Here now: you

 [ ] Translate the listening-circle guidelines into Japanese · 山田 花子
     (Hanako Yamada), due 2025-03-31

 Minutes
 ───────
 03-01 ME       note     after the meeting
 18:10 ME       decision meet every second Thursday
 18:10 ME       note     Bring name cards
 18:10 ME       question who brings the tea
 18:10 ME       action   [ ] @zoe: book the room (due 2025-03-07)
 18:10 ME       action   [x] @amara: do it
 18:10 ME       note     name Cards for all
 18:10 ME       note     typed in another session
 18:10 ME       note     written while I type
>
line added                                                                  end
EOF

# An open line stays open whatever happens to the meeting: deleted while
# I type, the screen says so and my line stays; leaving keeps it as a
# draft, offered back when the meeting is opened again.
printf 'key 3\nkey d\nkey y\n' >"$T/other"
COPSE_NOW=$ON app <<SCRIPT
key 3
key Enter
keys "typing while it goes"
sh COPSE_NOW=$ON COPSE_SCRIPT="$T/other" "$COPSE_BIN" --db "$DB" </dev/null >/dev/null
tick
dump deleted-typing
key Enter
dump refused-gone
SCRIPT
screen "the meeting deleted while I type: my line stays" deleted-typing <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Meeting 14 was deleted meanwhile; your line stays.



















> typing while it goes
Enter adds  d: decision  a: @who action  ? question  Esc log                all
EOF
screen "Enter: the store refuses, the line stays" refused-gone <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Meeting 14 was deleted meanwhile; your line stays.



















meeting 14: no such meeting; fix it or C-u: typing while it goes
Enter adds  d: decision  a: @who action  ? question  Esc log                all
EOF
expect_true "leaving keeps the line as a private draft" \
	sh -c "grep -l 'typing while it goes' '$XDG_STATE_HOME'/copse/drafts/note-*.draft >/dev/null"

finish
