/* app.h - the full-screen application: its state, the loop, and the
 * services views call (messages, prompts, opening documents, the editor).
 */
#ifndef COPSE_APP_H
#define COPSE_APP_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "copse/db.h"
#include "copse/util.h"

/* The panels, one tab each (Home ... Health), in the order of their
 * PANEL_* keys (keys.h). */
#define APP_PANELS 6

struct view;
struct kind_ops;
struct lineedit;
struct presence;

/* The application state views may use (see app.c). */
struct app {
	struct db *db;
	char *community;
	struct strv online;
	int panel;
	struct view *panels[APP_PANELS];
	struct view *stack[64];
	int depth;
	char msg[512];
	int msg_err;
	char *previous_visit;             /* for "what's new"; may be NULL */
	int quit;
	/* prompt shown on the status line while active: its label and the
	 * line being typed (prompt_le NULL: a y/n question) */
	const char *prompt_label;
	struct lineedit *prompt_le;
	/* a record just added: select it in the list after the reload
	 * (app_reselect) */
	const struct kind_ops *added_kind;
	int64_t added_id;
	/* live refresh (app.c): the database's data version and activity
	 * stamp last seen, the last presence beat and what presence showed
	 * then; in_prompt while a prompt reads keys (a view whose item
	 * vanished then shows the error instead of closing) */
	int64_t data_version;
	int64_t stamp;
	time_t last_beat, last_look;
	char *presence_seen;
	/* every live session (activity.h), as of the last look */
	struct presence *sessions;
	size_t nsessions;
	int in_prompt;
	/* this user may only read (db_readonly): the keys that would write
	 * are not offered (hints, help) and say why when pressed */
	int readonly;
	/* where this session is for the others ("meeting 12", app_set_place) */
	char place[32];
	/* more keys are waiting (a held j) while this frame is drawn: the
	 * preview beside a list waits for them (nothing else does) */
	int keys_waiting;
	/* undo (app_undo): the deletes this session made through a y/n
	 * (view_confirm_trash), less those undone; and the changes made
	 * instead of a delete (app_undo_instead), the newest last, each
	 * undone when no delete came after it */
	int ndeleted;
	struct app_instead {
		int (*undo)(struct app *a, int64_t id, const char *arg);
		int64_t id;
		char *arg;
		int after;                /* ndeleted when it was made */
	} instead[16];
	int ninstead;
};

/* ---- services for the views ---- */
void app_message(struct app *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void app_error(struct app *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* The store's last failure as an error message. */
void app_db_error(struct app *a, int status);
/* Open a document view (reader / meeting screen) on top. */
void app_open(struct app *a, const struct kind_ops *k, int64_t id);
/* Put view v (from view_new_*, stale: it loads when drawn) on top; NULL
 * says "out of memory". */
void app_push(struct app *a, struct view *v);
/* After the coming reload (a handler returning VR_RELOAD): the panel's
 * list selects item id of kind k (a record just added) ... */
void app_reselect(struct app *a, const struct kind_ops *k, int64_t id);
/* ... the focused document shows its end (a line just added). */
void app_show_end(struct app *a);
/* The view under the focused one (under the help screen, the view it is
 * about), or NULL. */
const struct view *app_view_under(const struct app *a);
/* Open a copse:KIND/ID link target; 0 ok, -1 not such a target. */
int app_open_target(struct app *a, const char *target);
/* Read a line on the status line.  text (size n) holds the initial text
 * and gets the result.  on_change (may be NULL) is called after every
 * edit.  Returns 1 on Enter, 0 on Esc / end of input. */
int app_prompt(struct app *a, const char *label, char *text, size_t n,
	       void (*on_change)(struct app *a, const char *text, void *ctx),
	       void *ctx);
/* Ask "question y/n" on the status line and read one key: 1 for y;
 * any other key cancels ("nothing changed") and is used up. */
int app_confirm(struct app *a, const char *question);
/* u: bring back the newest thing this session deleted (trash_undo_last),
 * say what came back and select it in its list.  Returns a view_result
 * (VR_RELOAD when something came back).  app.c calls it for u when the
 * focused view does not handle u itself. */
int app_undo(struct app *a);
/* A change made instead of a delete (d on a member with history makes
 * them alumni) is undone by u like a delete, newest first: undo(a, id,
 * arg) puts it back, says what it did and returns a view_result.  The
 * newest 16 such changes are kept (arg copied). */
void app_undo_instead(struct app *a, int (*undo)(struct app *a, int64_t id, const char *arg),
		      int64_t id, const char *arg);
/* Ask a question answered by one key (R: "a accept, d decline"):
 * returns the key pressed (its code, keys.h), or 0 for Esc or when the
 * app must quit. */
int app_ask_key(struct app *a, const char *question);
/* A line editing request (keys.h scope INPUT: LINE_*) or, for
 * REQ_NONE, a key typed as text, applied to le.  1 when it was one of
 * those (whether or not anything changed), 0 when it is something else
 * (Enter, Esc ...). */
int app_line_key(struct lineedit *le, int req, int key);
/* Draw label and the visible part of le on row y from column x, w
 * columns wide, with the cursor in it when cursor is set.  A long label
 * (an error to fix) loses its middle and leaves at least half the row to
 * the text. */
void app_draw_line(int y, int x, int w, const char *label, struct lineedit *le,
		   int attr, int cursor);
/* "✎ zoe, since 10:02" for the others who have record what ("note 7")
 * open in their editor, into out (n bytes); "" when nobody has.
 * Returns 1 when someone has. */
int app_editing(const struct app *a, const char *what, char *out, size_t n);
/* Say where this session is for the others' presence ("meeting 12";
 * NULL or "" nowhere in particular).  Written at once. */
void app_set_place(struct app *a, const char *place);
void app_draw(struct app *a);
/* One line of the trace that COPSE_TRACE=FILE asks for (what the views
 * read, and when: "load list Repertoire"); nothing without it. */
void app_trace(struct app *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Run the editor on initial text; *out gets the text (caller frees) and
 * *draft its draft id (discard after saving).  Returns COPSE_OK with
 * *changed, or a status after telling the user. */
int app_edit_text(struct app *a, const char *kind, const char *context,
		  const char *initial, char **out, int *changed, char **draft);
/* The same for a text that belongs to a record, which its draft names
 * for good (draft.h); m->db_path is this database's whatever it says. */
struct draft_meta;
int app_edit_draft(struct app *a, const struct draft_meta *m, const char *initial,
		   char **out, int *changed, char **draft);
void app_draft_discard(struct app *a, const char *draft);

/* Run the full-screen app on an open database until the user quits.
 * Returns a process exit status.  Environment: COPSE_SCRIPT (scripted
 * keys, headless display sized by LINES/COLUMNS), NO_COLOR, TERM. */
int app_run(struct db *db);

#endif
