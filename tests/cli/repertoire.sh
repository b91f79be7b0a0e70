#!/bin/sh
# repertoire.sh - the repertoire as a knowledge base: lists that sort and
# filter, tags renamed everywhere, links that follow a rename, wanted and
# orphan entries, revisions compared and restored, harvest, "I used
# this", the lifecycle, and the Markdown mirror read back.
. "$(dirname "$0")/lib.sh"
top=$(cd "$(dirname "$0")/../.." && pwd)

c member add "Zoë" --handle zoe --expertise "Listening,mediation" --interest tea >/dev/null
c member add "Sam" --handle sam --interest listening >/dev/null
printf 'Brew slowly. See [[Listening]] and [[Missing one]].\n' |
	c entry add "Tea first" --tags "tea,Listening" --file - >/dev/null        # 1
printf 'Listen. Back to [[tea first]] and `[[TEA FIRST]]`.\n' |
	c entry add "Listening" --tags listening --file - >/dev/null              # 2
c entry add "Alone" --kind tool --status draft >/dev/null                      # 3
printf 'Also [[Missing one]].\n' | c entry add "Old way" --status retired --file - >/dev/null  # 4

# ---- lists ----
run c entry list
expect "entry list: status shown, retired left out" 0 "ID  STATUS     KIND    UPDATED     USED  TITLE      TAGS
 3  draft      tool    2024-05-01     0  Alone
 2  published  lesson  2024-05-01     0  Listening  listening
 1  published  lesson  2024-05-01     0  Tea first  Listening, tea" ""
run c entry list --status retired --json
expect_json "entry list --status retired" '[e["id"] for e in d] == [4] and d[0]["status"] == "retired"'
run c entry list --status all --json
expect_json "entry list --status all" '[e["id"] for e in d] == [3, 2, 4, 1]'
run c entry list --status gone
expect "entry list --status: unknown" 1 "" "copse: status 'gone': must be one of draft|published|retired"
run c entry list --sort nope
expect_exit "entry list --sort: unknown is a usage error" 2
run c entry list --orphans --json
expect_json "entry list --orphans: no links in or out" '[e["id"] for e in d] == [3]'
c entry used 2 --outcome "it calmed the room" >/dev/null
c entry used 2 >/dev/null
c entry used 1 >/dev/null
run c entry list --sort used --json
expect_json "entry list --sort used: most used first" '[(e["id"], e["uses"]) for e in d] == [(2, 2), (1, 1), (3, 0)]'
COPSE_NOW=2024-05-02T12:00:00Z c entry edit 3 --kind method >/dev/null
run c entry list --sort updated --json
expect_json "entry list --sort updated: the last changed first" '[e["id"] for e in d][0] == 3'

# ---- tags ----
run c tag list
expect "tag list counts entries and members, any case" 0 "ENTRIES  EXPERTISE  INTEREST  TAG
      2          1         1  listening
      0          1         0  mediation
      1          0         1  tea" ""
run c tag rename listening hearing
expect "tag rename: everywhere" 0 "2 entries, 2 members" ""
run c tag list --json
expect_json "tag list after the rename" '[(t["tag"], t["entries"], t["expertise"], t["interest"]) for t in d] == [("hearing", 2, 1, 1), ("mediation", 0, 1, 0), ("tea", 1, 0, 1)]'
run c tag rename TEA hearing
expect "tag rename into an existing tag merges" 0 "1 entry, 1 member" ""
run c member show zoe --json
expect_json "a member's tags merged" 'd["expertise"] == ["hearing", "mediation"] and d["interest"] == ["hearing"]'
run c entry history 1 --json
expect_json "a renamed tag is a new revision" 'd[0]["tags"] == ["hearing"] and len(d) == 3'
run c tag rename nothing other
expect "tag rename: unknown tag" 1 "" "copse: tag 'nothing': no entry or member has it"
run c tag rename hearing "a,b"
expect "tag rename: a comma is refused" 1 "" "copse: new tag 'a,b': must not contain a comma"

# ---- renaming rewrites links ----
run c entry edit 1 --title "Tea always"
expect "rename" 0 "" ""
run c entry show 2 --raw
expect "links to the old title are rewritten, any case" 0 'Listen. Back to [[Tea always]] and `[[Tea always]]`.' ""
run c entry history 2 --json
expect_json "... as a new revision of the linking entry" 'len(d) == 3 and d[0]["title"] == "Listening"'
run c entry show 1 --json
expect_json "backlinks follow the rename" '[b["id"] for b in d["backlinks"]] == [2]'

# ---- wanted ----
run c entry wanted
expect "entry wanted" 0 "WANTED       LINKED FROM
Missing one  Old way, Tea always" ""
run c entry wanted --json
expect_json "entry wanted --json" 'd == [{"title": "Missing one", "linked_from": [{"id": 4, "title": "Old way"}, {"id": 1, "title": "Tea always"}]}]'

# ---- revisions ----
run c entry diff 2
expect "entry diff: the revision before against now" 0 "--- entry 2 revision 2
+++ entry 2 revision 3
@@ -2,4 +2,4 @@
 Kind: lesson
 Tags: hearing
 
-Listen. Back to [[tea first]] and \`[[TEA FIRST]]\`.
+Listen. Back to [[Tea always]] and \`[[Tea always]]\`." ""
run c entry diff 2 1 3
expect_out "entry diff REV REV" "--- entry 2 revision 1
+++ entry 2 revision 3
@@ -1,5 +1,5 @@
 Title: Listening
 Kind: lesson
-Tags: listening
+Tags: hearing
 
-Listen. Back to [[tea first]] and \`[[TEA FIRST]]\`.
+Listen. Back to [[Tea always]] and \`[[Tea always]]\`."
run c entry diff 2 3
expect "entry diff: the same" 0 "revisions 3 and 3 are the same" ""
run c entry diff 2 9
expect "entry diff: no such revision" 1 "" "copse: entry 2: no revision 9"
run c entry diff 2 x
expect_exit "entry diff: not a number" 2
run c entry restore 2 1
expect "entry restore prints the new revision" 0 "4" ""
run c entry show 2 --json
expect_json "restored: text and tags of revision 1" 'd["body"] == "Listen. Back to [[tea first]] and `[[TEA FIRST]]`.\n" and d["tags"] == ["listening"] and d["version"] == 4'

# ---- harvest ----
c meeting add "Circle" --at "2024-04-30 18:00" >/dev/null
c note add 1 "we tried a talking piece" >/dev/null
c note add 1 --kind decision "Write the circle up" >/dev/null
COPSE_LOGIN_TEST=1 c note add 1 "? teenagers too" >/dev/null
c meeting add "Other" --at "2024-04-29 18:00" >/dev/null
c note add 2 "elsewhere" >/dev/null
run c entry harvest 1
expect "entry harvest: the decisions, prints the draft's id" 0 "5" ""
run c entry show 5 --json
expect_json "a harvested draft" 'd["status"] == "draft" and d["title"] == "Write the circle up" and d["body"] == "- Decision: Write the circle up\n" and d["harvested_from"]["meeting_id"] == 1 and d["harvested_from"]["notes"] == [2]'
run c entry harvest 1 3 1 --title "Circle format"
expect "entry harvest: notes named, a title" 0 "6" ""
run c entry show 6 --json
expect_json "notes in the order of the minutes, authors remembered" 'd["body"] == "- we tried a talking piece\n- Question: teenagers too\n" and d["harvested_from"]["notes"] == [1, 3] and d["harvested_from"]["authors"] == ["'"$ME"'"]'
run c entry show 6
expect_true "entry show says where it was harvested from" grep -q "^Harvested from meeting 1 'Circle' (2024-04-30), 2 notes by $ME$" "$T/out"
run c entry harvest 1 4
expect "entry harvest: a note of another meeting" 1 "" "copse: note 4: not in meeting 1"
run c entry harvest 2
expect "entry harvest: no decisions" 1 "" "copse: meeting 2: no decisions to harvest (name the notes)"
run c entry harvest 9
expect "entry harvest: no such meeting" 1 "" "copse: meeting 9: no such meeting"
run c entry harvest 1 x
expect_exit "entry harvest: a note that is not an id" 2

# ---- I used this ----
run c entry used 9
expect "entry used: no such entry" 1 "" "copse: entry 9: no such entry"
run c entry show 2
expect_true "entry show: how often and by whom" grep -q "^Used 2 times by $ME (2)$" "$T/out"
expect_true "entry show: the outcomes" grep -q "^  2024-05-01 $ME: it calmed the room$" "$T/out"
expect_true "entry show: the use count in the byline" grep -q "version 4 · used 2 times$" "$T/out"
run c entry show 2 --json
expect_json "entry show --json: uses" 'd["uses"] == 2 and [u["outcome"] for u in d["used"]] == ["it calmed the room", ""] or [u["outcome"] for u in d["used"]] == ["", "it calmed the room"]'

# ---- export and import keep it all ----
c export --json "$T/one.json"
DB2="$T/two.db"
"$COPSE_BIN" --db "$DB2" import --json "$T/one.json"
"$COPSE_BIN" --db "$DB2" export --json "$T/two.json"
expect_true "export, import, export: the same (uses, sources, retired)" \
	cmp "$T/one.json" "$T/two.json"
run "$COPSE_BIN" --db "$DB2" entry list --sort used --json
expect_json "the use count after an import" '[(e["id"], e["uses"]) for e in d][:2] == [(2, 2), (1, 1)]'

# ---- the Markdown mirror ----
run c export --markdown "$T/mirror"
expect "export --markdown" 0 "$T/mirror: 9 written, 0 unchanged, 0 removed" ""
expect_true "the mirror reads back: every front matter field and link" \
	python3 "$top/tests/tools/mirror-check.py" "$T/mirror" "$T/one.json"
expect_true "file names from titles" test -f "$T/mirror/Tea always.md" -a -f "$T/mirror/Minutes 2024-04-30 Circle.md"
printf 'my own note\n' >"$T/mirror/Alone.md.keep"
printf 'mine\n' >"$T/mirror/Listening-2.md"
run c export --markdown "$T/mirror"
expect "a second run changes nothing" 0 "$T/mirror: 0 written, 9 unchanged, 0 removed" ""
c entry add "Tea Always" >/dev/null                                          # 7
c entry edit 3 --title "All alone" >/dev/null
printf 'my notes\n' >"$T/mirror/Mine.md"
run c export --markdown "$T/mirror"
expect "the next run: clashing titles get -ID, renamed files go" 0 "$T/mirror: 4 written, 6 unchanged, 2 removed" ""
expect_true "a clash is told apart by id" test -f "$T/mirror/Tea always-1.md" -a -f "$T/mirror/Tea Always-7.md" -a ! -e "$T/mirror/Tea always.md"
expect_true "the user's own files are untouched" sh -c "test \"\$(cat '$T/mirror/Mine.md')\" = 'my notes' && test -f '$T/mirror/Alone.md.keep' && test \"\$(cat '$T/mirror/Listening-2.md')\" = mine"
c export --json "$T/three.json"
expect_true "the mirror reads back after the changes" \
	python3 "$top/tests/tools/mirror-check.py" "$T/mirror" "$T/three.json"
ln -s "$T/mirror" "$T/link"
run c export --markdown "$T/link"
expect "a symlinked directory is refused" 1 "" "copse: $T/link: a symbolic link; not writing through it"
run c export --json "$T/x.json" --markdown "$T/m2"
expect_exit "export: --json and --markdown together" 2
expect_true "... and nothing written" test ! -e "$T/m2" -a ! -e "$T/x.json"

# a long title is written whole where the mirror names it (it was cut at
# 500 bytes, in the middle of a character)
long=$(python3 -c 'print("Circle " + "é" * 300)')
c meeting add "$long" --at "2024-05-07 18:00" >/dev/null
nid=$(c note add 3 --kind decision "Keep the long one" | tr -dc 0-9)
hid=$(c entry harvest 3)
run c export --markdown "$T/m3"
expect_true "harvested_from names the whole meeting title" python3 -c '
import sys
t = open(sys.argv[1] + "/Keep the long one.md", encoding="utf-8").read()
sys.exit(0 if "harvested_from: \"" + sys.argv[2] + " (2024-05-07)\"" in t else 1)' "$T/m3" "$long"

# the log names both tags whole (it cut them at 120 bytes, mid-character)
c entry add "Tag holder" --tags short >/dev/null
c tag rename short "$(python3 -c 'print("ü" * 100)')" >/dev/null
run c export --json -
expect_json "the activity log keeps a long tag's rename whole" \
	'[a["summary"] for a in d["activity"] if a["verb"] == "renamed"][-1] == "short -> " + "ü" * 100'

finish
