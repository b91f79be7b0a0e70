/* keys.h - every key of the full-screen app, from ONE list, in copse's
 * own key codes: no curses here (display.c maps curses' codes to them).
 *
 * The X-macro KEY_REQUESTS gives, per request: its name, the scope where
 * it applies, its default keys (space-separated key names, see
 * keys_parse_name) and its help text.  The dispatcher (keys_lookup), the
 * `?` help screen (keys_help) and the man page's KEYS list
 * (keys_print_mdoc, printed by tests/tools/keys-mdoc) all come from it, so
 * they cannot drift apart (tig's request.h).
 *
 * Scopes: a key is looked up first in the scope of the focused view
 * (READER, MEETING, LIST, DRAFTS; HISTORY, then READER), then in GLOBAL.  So Tab means "next link" in the
 * reader but "next panel" in a list.  Keys belong to a screen: the
 * meeting screen does not borrow the reader's.  A panel's own keys
 * (HOME, MEMBERS, TOPICS, HEALTH) are looked up before LIST's, which
 * every panel has: v votes in Topics and nowhere else.  INPUT is a line being
 * typed (the meeting floor's input line, a prompt): there every key the
 * table does not name is text, and GLOBAL lends only Ctrl-l and F1, so
 * no printable key can act on anything while a line is open.  SEARCH is
 * the search screen, a line being typed too: its own keys, then
 * INPUT's line editing, then Ctrl-l.
 */
#ifndef COPSE_KEYS_H
#define COPSE_KEYS_H

#include <stdio.h>

/*  request       scope    keys                       help */
#define KEY_REQUESTS(_) \
	_(PANEL_HOME,    GLOBAL,  "1",                      "Home panel") \
	_(PANEL_MEMBERS, GLOBAL,  "2",                      "Members panel") \
	_(PANEL_MEETINGS, GLOBAL, "3",                      "Meetings panel") \
	_(PANEL_REPERTOIRE, GLOBAL, "4",                    "Repertoire panel") \
	_(PANEL_TOPICS,  GLOBAL,  "5",                      "Topics panel") \
	_(PANEL_HEALTH,  GLOBAL,  "6",                      "Health panel") \
	_(NEXT_LINK,     READER,  "Tab",                    "select the next link") \
	_(PREV_LINK,     READER,  "S-Tab",                  "select the previous link") \
	_(FOLLOW,        READER,  "Enter l Right",          "follow the selected link") \
	_(NEXT_PANEL,    GLOBAL,  "Tab",                    "next panel") \
	_(PREV_PANEL,    GLOBAL,  "S-Tab",                  "previous panel") \
	_(MOVE_DOWN,     GLOBAL,  "j Down",                 "move down") \
	_(MOVE_UP,       GLOBAL,  "k Up",                   "move up") \
	_(MOVE_FIRST,    GLOBAL,  "g Home",                 "go to the first line") \
	_(MOVE_LAST,     GLOBAL,  "G End",                  "go to the last line") \
	_(PAGE_DOWN,     GLOBAL,  "PgDn Space",             "page down") \
	_(PAGE_UP,       GLOBAL,  "PgUp",                   "page up") \
	_(HALF_DOWN,     GLOBAL,  "C-d",                    "half a page down") \
	_(HALF_UP,       GLOBAL,  "C-u",                    "half a page up") \
	_(OPEN,          LIST,    "Enter l Right",          "open the selected item") \
	_(BACK,          GLOBAL,  "Esc h Left Backspace",   "back") \
	_(SEARCH,        LIST,    "/",                      "filter the list (incremental); on Home, search everything") \
	_(SEARCH_ALL,    GLOBAL,  "s",                      "search everything: entries, topics, members and the minutes") \
	_(HIT_OPEN,      SEARCH,  "Enter",                  "open the selected hit: an entry, topic or member in the reader at the match, a note in its meeting") \
	_(HIT_NEXT,      SEARCH,  "Down C-n",               "select the next hit") \
	_(HIT_PREV,      SEARCH,  "Up C-p",                 "select the previous hit") \
	_(HIT_PAGE_DOWN, SEARCH,  "PgDn",                   "a page of hits down") \
	_(HIT_PAGE_UP,   SEARCH,  "PgUp",                   "a page of hits up") \
	_(SEARCH_BACK,   SEARCH,  "Esc",                    "back to where you were (Backspace too, when the line is empty)") \
	_(FIND,          READER,  "/",                      "find text in the document") \
	_(PREV_HEADING,  READER,  "[",                      "go to the previous heading") \
	_(NEXT_HEADING,  READER,  "]",                      "go to the next heading") \
	_(TOC,           READER,  "T",                      "table of contents: pick a heading to go to") \
	_(HISTORY,       READER,  "H",                      "the entry's history: open a revision to see it against now") \
	_(USED,          READER,  "U",                      "I used this: report it, with what came of it") \
	_(RESTORE,       HISTORY, "r",                      "make this revision the current text again (a new revision)") \
	_(TAGS,          LIST,    "t",                      "tags with counts (Repertoire)") \
	_(WANTED,        LIST,    "W",                      "wanted entries, linked but not written, and orphans (Repertoire)") \
	_(SORT,          LIST,    "o",                      "order the Repertoire by title, last change or most used") \
	_(NEXT_MATCH,    GLOBAL,  "n",                      "next match") \
	_(PREV_MATCH,    GLOBAL,  "N",                      "previous match") \
	_(NOTE_LINE,     MEETING, "a",                      "type into the minutes on the input line") \
	_(LOG_OPEN,      MEETING, "Enter l Right",          "open the selected member or action") \
	_(LOG_TOGGLE,    MEETING, "Space",                  "mark the selected attendee present or absent, the action done or open") \
	_(LOG_EDIT,      MEETING, "e",                      "edit the selected line: a note in $VISUAL or $EDITOR, an action on the input line; on the title, the meeting") \
	_(LOG_DELETE,    MEETING, "d",                      "move the selected line or action to the trash, after y/n (u undoes)") \
	_(RSVP,          MEETING, "R",                      "answer my invitation: accept or decline") \
	_(INVITE,        MEETING, "i",                      "invite members (by handle)") \
	_(AGENDA,        MEETING, "A",                      "show or hide the agenda") \
	_(MARK,          MEETING, "m",                      "mark the selected note or decision for harvest (again: unmark)") \
	_(HARVEST,       MEETING, "M",                      "harvest the marked lines into a draft entry") \
	_(INPUT_SEND,    INPUT,   "Enter",                  "store the line (d: decision, a: @who action, ? question, else a note)") \
	_(INPUT_LEAVE,   INPUT,   "Esc",                    "leave the line; its text stays") \
	_(LINE_LEFT,     INPUT,   "Left C-b",               "one character left") \
	_(LINE_RIGHT,    INPUT,   "Right C-f",              "one character right") \
	_(LINE_HOME,     INPUT,   "Home C-a",               "to the start of the line") \
	_(LINE_END,      INPUT,   "End C-e",                "to the end of the line") \
	_(LINE_BACKSPACE, INPUT,  "Backspace",              "delete the character before the cursor") \
	_(LINE_DELETE,   INPUT,   "Delete C-d",             "delete the character under the cursor") \
	_(LINE_KILL_WORD, INPUT,  "C-w",                    "delete the word before the cursor") \
	_(LINE_KILL_START, INPUT, "C-u",                    "delete from the start of the line to the cursor") \
	_(LINE_KILL_END, INPUT,   "C-k",                    "delete from the cursor to the end of the line") \
	_(LOG_PAGE_UP,   INPUT,   "PgUp",                   "scroll the minutes up") \
	_(LOG_PAGE_DOWN, INPUT,   "PgDn",                   "scroll the minutes down") \
	_(RECOVER,       DRAFTS,  "r Enter",                "recover the selected draft: back in the editor, checked against its record as it is now") \
	_(DISCARD,       DRAFTS,  "x d",                    "discard the selected draft, after y/n") \
	_(SKIP,          DRAFTS,  "s",                      "keep the selected draft for later and go to the next") \
	_(INTRODUCE_SUGGESTED, HOME, "i",                   "record the selected suggested introduction, with a note") \
	_(DISMISS,       HOME,    "x",                      "dismiss the selected suggested introduction: never suggested again") \
	_(INTRODUCE,     MEMBERS, "i",                      "introduce the selected member to another (by handle or id), with a note") \
	_(PIPELINE,      MEMBERS, "p",                      "move the selected member along the pipeline: prospect, invited, active, alumni") \
	_(DISMISS_FOR,   MEMBERS, "x",                      "dismiss one of the selected member's suggested introductions (a digit picks which)") \
	_(DEVNOTE,       MEMBERS, "D",                      "add a development note on the selected member, in $VISUAL or $EDITOR") \
	_(VOTE,          TOPICS,  "v",                      "vote for the selected topic, or take your vote back") \
	_(LINK_TOPIC,    TOPICS,  "L",                      "link the selected topic to a meeting or an entry") \
	_(ASSESS,        HEALTH,  "A",                      "record an assessment: scores, value stories, summary") \
	_(ADD,           GLOBAL,  "a",                      "add a member, meeting, entry or topic") \
	_(EDIT,          GLOBAL,  "e",                      "edit in $VISUAL or $EDITOR") \
	_(DELETE,        GLOBAL,  "d",                      "delete or archive, after y/n (any other key cancels)") \
	_(UNDO,          GLOBAL,  "u",                      "undo the last delete: bring it back from the trash") \
	_(REDRAW,        GLOBAL,  "C-l",                    "redraw the screen") \
	_(HELP,          GLOBAL,  "? F1",                   "show the keys (F1 also on a line being typed)") \
	_(QUIT,          GLOBAL,  "q",                      "back, or quit from the top level")

enum key_request {
	REQ_NONE,
#define KEYS_ENUM(name, scope, keys, help) REQ_##name,
	KEY_REQUESTS(KEYS_ENUM)
#undef KEYS_ENUM
	REQ_COUNT
};

enum key_scope {
	KEYS_GLOBAL,
	KEYS_LIST,             /* a panel's list (also GLOBAL keys) */
	KEYS_READER,           /* the Markdown reader */
	KEYS_MEETING,          /* the meeting screen's log */
	KEYS_INPUT,            /* a line being typed: unnamed keys are text */
	KEYS_DRAFTS,           /* the kept drafts listed at start */
	KEYS_HISTORY,          /* a revision in an entry's history (then
				* the reader's keys) */
	KEYS_SEARCH,           /* the search screen: a line being typed, and
				* its hits */
	/* a panel's own keys, then LIST's, then GLOBAL's */
	KEYS_HOME,
	KEYS_MEMBERS,
	KEYS_TOPICS,
	KEYS_HEALTH,
};

/* Key codes: a Unicode code point for characters, a KEYC_* code for
 * function keys (outside the Unicode range, so they never collide with
 * characters such as U+0102).  These are copse's own: the screen layer
 * (display.c) maps the terminal library's codes to them. */
enum keys_code {
	KEYC_FUNC = 0x1000000,   /* bit set in every function key's code */
	KEYC_UP,
	KEYC_DOWN,
	KEYC_LEFT,
	KEYC_RIGHT,
	KEYC_HOME,
	KEYC_END,
	KEYC_PGUP,
	KEYC_PGDN,
	KEYC_BTAB,               /* Shift-Tab */
	KEYC_BACKSPACE,
	KEYC_DELETE,
	KEYC_ENTER,              /* the keypad's Enter; keys_normalize: '\n' */
	KEYC_RESIZE,
	KEYC_OTHER,              /* a function key copse has no name for */
	KEYC_F1,                 /* F1 .. F12: KEYC_F1 + n - 1 */
};
#define KEY_IS_FUNC(c) (((c) & KEYC_FUNC) != 0)
#define KEY_CTRL(c) ((c) & 0x1f)
#define KEY_ESC 27

/* "j", "Enter", "Tab", "S-Tab", "Esc", "Backspace", "Space", "Up", "Down",
 * "Left", "Right", "Home", "End", "PgUp", "PgDn", "C-x", "F1".."F12",
 * or one UTF-8 character.  Returns the key code or -1. */
int keys_parse_name(const char *name);
/* Map equivalent codes to one (KEYC_ENTER and '\r' to '\n', DEL and ^H
 * to Backspace). */
int keys_normalize(int code);
/* The UTF-8 bytes of a character key (or any code point, e.g. a cell
 * read back from the screen) into out; returns 1-4, or 0 when code is a
 * function key or not a Unicode scalar value. */
int keys_utf8(int code, char out[4]);
/* The request bound to code in scope, then in the scope it borrows
 * from (keys_parent), then GLOBAL; REQ_NONE if none.  In INPUT and
 * SEARCH only REDRAW and F1's HELP come from GLOBAL. */
int keys_lookup(int scope, int code);
/* The scope a scope borrows from before GLOBAL: LIST for a panel's own
 * scope (HOME ...), READER for HISTORY, INPUT for SEARCH, else GLOBAL. */
int keys_parent(int scope);
/* 1 when keys with no request in scope are text to insert (INPUT,
 * SEARCH). */
int keys_takes_text(int scope);

/* 1 when req changes data (add, edit, delete, undo, a note line): not offered
 * and refused while the database is read-only for this user.  A new
 * request that writes belongs in its list (keys.c). */
int keys_writes(int req);
/* Drop from status-line hints ("a add  e edit  ? help": items separated
 * by two spaces, each starting with its key) the items whose key is
 * bound to a request that writes in scope. */
void keys_drop_writes(int scope, char *hints);

/* Help: call fn for every request usable in scope, in table order,
 * with the request, its keys ("j, Down") and help text. */
void keys_help(int scope,
	       void (*fn)(int req, const char *keys, const char *help, void *ctx),
	       void *ctx);
/* The KEYS section body for man/copse.1 (mdoc .Bl/.It list). */
void keys_print_mdoc(FILE *fp);

#endif
