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
	/* prompt shown on the status line while active */
	const char *prompt_label;
	const char *prompt_text;
	int prompt_cursor;                /* byte offset */
	/* a record just added: select it in the list after the reload
	 * (app_reselect) */
	const struct kind_ops *added_kind;
	int64_t added_id;
	/* live refresh (app.c): the database's data version and activity
	 * stamp last seen, the last presence beat; in_prompt while a prompt
	 * reads keys (a view whose item vanished then shows the error instead
	 * of closing) */
	int64_t data_version;
	int64_t stamp;
	time_t last_beat;
	int in_prompt;
	/* this user may only read (db_readonly): the keys that would write
	 * are not offered (hints, help) and say why when pressed */
	int readonly;
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
void app_draw(struct app *a);
/* Run the editor on initial text; *out gets the text (caller frees) and
 * *draft its draft id (discard after saving).  Returns COPSE_OK with
 * *changed, or a status after telling the user. */
int app_edit_text(struct app *a, const char *kind, const char *context,
		  const char *initial, char **out, int *changed, char **draft);
void app_draft_discard(struct app *a, const char *draft);

/* Run the full-screen app on an open database until the user quits.
 * Returns a process exit status.  Environment: COPSE_SCRIPT (scripted
 * keys, headless display sized by LINES/COLUMNS), NO_COLOR, TERM. */
int app_run(struct db *db);

#endif
