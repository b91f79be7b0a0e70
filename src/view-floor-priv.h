/* view-floor-priv.h - private to the meeting floor's files
 * (view-floor*.c): its state and what each file gives the others.
 *
 *   view-floor.c        the screen: its ops and drawing
 *   view-floor-move.c   the part that scrolls under the pinned header:
 *                       what is in view, the selection, moving in the log
 *   view-floor-page.c   the page laid out as lines of styled spans in
 *                       blocks (header, agenda, attendance, actions,
 *                       minutes)
 *   view-floor-load.c   reading the meeting; the minutes applied by id
 *                       and version; the kept draft of the line
 *   view-floor-input.c  the input line: sending a line (queued while
 *                       another process writes), an action edited on it
 *   view-floor-log.c    the keys of the log: attendance, RSVP,
 *                       invitations, edit and delete, harvest marks
 */
#ifndef COPSE_VIEW_FLOOR_PRIV_H
#define COPSE_VIEW_FLOOR_PRIV_H

#include <stddef.h>
#include <stdint.h>

#include "copse/lineedit.h"
#include "copse/md.h"
#include "copse/meeting.h"
#include "copse/view.h"

#define FLOOR_INPUT_MAX 4000     /* bytes a minutes line may have */
/* ms a line sent waits at most for another process's write lock: typing
 * never stalls behind someone else's transaction */
#define FLOOR_WAIT_MS 200

enum item { IT_NONE, IT_MEETING, IT_ATTENDEE, IT_ACTION, IT_NOTE };

/* A stretch of the page's lines; the log selects those with an item. */
struct block {
	int item;                         /* enum item */
	int64_t id;                       /* member, action or note id */
	const struct attendance *at;      /* IT_ATTENDEE */
	const struct action *act;         /* IT_ACTION, or a note's action */
	const struct note *note;          /* IT_NOTE */
	int first, n;                     /* its lines */
};

struct floor {
	struct app *app;
	int64_t id;
	char place[32];                   /* "meeting 12" */
	/* what was loaded */
	int loaded;
	struct meeting m;
	char *err;                        /* the meeting is gone: said instead */
	struct attendance *at;
	size_t nat;
	struct action *carried, *acts;
	size_t ncarried, nacts;
	struct note *notes;
	size_t nnotes;
	/* each note's body as rendered, at width w of each (0: not yet):
	 * a line changed, added or restored is read and rendered alone */
	struct note_render {
		struct md_doc doc;
		int w;
	} *renders;
	int nrendered;                    /* bodies rendered by the last layout */
	/* laid out at width w (0: lay out again) */
	int w, agenda_open;
	struct md_doc page;               /* lines only, no links */
	size_t lcap;
	struct block *blocks;
	size_t nblocks, bcap;
	int head;                         /* lines pinned at the top: the header */
	int top, sel;                     /* first line shown under them; selected block or -1 */
	int sel_item;                     /* the selection, kept across reloads */
	int64_t sel_id;
	int follow;                       /* keep the end in view */
	int reveal;                       /* bring the selection into view */
	/* the input line */
	int input_open, input_focus;
	struct lineedit le;
	char *draft;                      /* its kept draft, or NULL */
	char *input_err;                  /* why the store refused it */
	/* lines sent and not yet stored, oldest first: while another
	 * process holds the write lock they wait here, shown as "sending…",
	 * and are tried again between keys until they go through */
	char **pending;
	size_t npending;
	long long next_try;               /* monotonic ms of the next try */
	/* e on an action: the line edits it ("@zoe book the room due
	 * 2025-03-15"); what was typed before waits in stash */
	int64_t edit_action;
	int edit_version;
	int edit_from_log;                /* back to the log when it ends */
	char *stash;
	/* lines marked for harvest (m), by note id, kept across reloads */
	int64_t *marked;
	size_t nmarked, capmarked;
};

/* view-floor-page.c: lay the page out w columns wide (the selection stays
 * on its item); forget it (laid out again at the next draw). */
void floor_layout(struct floor *f, int w);
void floor_clear_page(struct floor *f);

/* view-floor-load.c: the view's load and changed ops; free what was
 * loaded. */
int floor_load(struct app *a, struct view *v);
void floor_changed(struct view *v, unsigned what);
void floor_free_data(struct floor *f);

/* view-floor-move.c.  Pin the header when bh rows leave the rest room
 * (f->head); the largest f->top; f->top back within the page; is b in
 * the pinned header; is the selection in view. */
void floor_pin_header(struct floor *f, int bh);
int floor_max_top(const struct view *v);
void floor_clamp(struct view *v);
int floor_pinned(const struct floor *f, const struct block *b);
int floor_sel_shown(const struct view *v);
/* Select block s and bring it into view; the next selectable block from
 * s in direction dir (-1: none); scroll the part that scrolls by lines;
 * a key that moves (1) or not (0). */
void floor_select_block(struct view *v, int s);
int floor_next_block(const struct floor *f, int s, int dir);
void floor_scroll(struct view *v, int lines);
int floor_move_key(struct view *v, int req);

/* view-floor-input.c: a key while the focus is on the input line (a VR_
 * result); e on an action: it is edited on the input line; the end of
 * that edit (what was typed before comes back). */
int floor_input_key(struct app *a, struct view *v, int req, int key);
int floor_edit_action(struct app *a, struct view *v, int64_t id);
void floor_end_action_edit(struct floor *f);
/* Store the lines waiting to be sent, in order, each waiting wait_ms at
 * most for another process's write lock; how many went in.  The view's
 * tick op: try again when it is time (1: draw again). */
size_t floor_send_pending(struct app *a, struct view *v, int wait_ms);
int floor_tick(struct app *a, struct view *v);

/* view-floor-log.c: a key of the log that acts on the selected line or
 * the meeting; VR_UNHANDLED when it is none of those. */
int floor_log_key(struct app *a, struct view *v, int req);

#endif
