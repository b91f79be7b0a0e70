/* view.h - the generic views of the full-screen app and what plugs into
 * them.
 *
 * Two generic views with one ops table each (htop's handler results):
 *
 *   list  a panel's rows (Home, Members ...) with the selected item
 *         previewed on the right when the terminal is wide enough
 *         (view-list.c);
 *   doc   a Markdown document with selectable links: the reader and
 *         the help screen (view-doc.c).
 * The meeting screen is a view of its own, the floor (view-floor.c).
 * What they share, the page they show, is in view.c.
 *
 * A panel (struct panel_ops) fills a list with rows; a kind (struct
 * kind_ops: member, meeting, entry, topic, action, health, help) turns an
 * id into Markdown and knows how to add, edit and delete.  Key handlers
 * return what should happen (enum view_result) and ask the app for the
 * rest (app.h: app_show_end, app_reselect); app.c does it.
 *
 * Views never run SQL: they call the store's verbs.
 */
#ifndef COPSE_VIEW_H
#define COPSE_VIEW_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "copse/activity.h"
#include "copse/app.h"
#include "copse/db.h"
#include "copse/md.h"
#include "copse/page.h"
#include "copse/util.h"

enum view_result {
	VR_NONE,          /* nothing changed */
	VR_REDRAW,        /* draw again */
	VR_RELOAD,        /* data changed: reload every view, then draw */
	VR_BACK,          /* close the focused view */
	VR_QUIT,          /* leave the app */
	VR_UNHANDLED,     /* the view does not know this request */
};

struct app;
struct view;
struct rec_ops;

struct kind_ops {
	const char *name;                 /* "entry" */
	int scope;                        /* keys scope of its document view */
	/* Append the item's Markdown to md; COPSE_OK or a status (the
	 * message is in db_error). */
	int (*doc)(struct app *a, int64_t id, struct buf *md);
	/* The user opened it in the reader (e.g. mark an entry read). */
	void (*opened)(struct app *a, int64_t id);
	/* Interactive add/edit/delete; return a view_result. NULL: none. */
	int (*add)(struct app *a);
	int (*edit)(struct app *a, int64_t id);
	int (*del)(struct app *a, int64_t id);
	/* Its own screen instead of the document view (the meeting floor);
	 * NULL: the document view. */
	struct view *(*view)(const struct kind_ops *k, int64_t id);
	/* What del does, for the help screen ("archive the entry"). */
	const char *del_help;
	/* Status-line hints in its document; NULL: made from what it can. */
	const char *hints;
	/* Its record as a template in the editor (view-edit.c); NULL: none. */
	const struct rec_ops *rec;
	/* A request the document view leaves to the kind (the reader's H,
	 * U, r): a view_result, VR_UNHANDLED when it is not the kind's.
	 * NULL: none. */
	int (*key)(struct app *a, int64_t id, int req);
	/* What its page shows (activity.h: CHANGE_* bits): its reader or
	 * preview is read again only when one of those changed; 0: all. */
	unsigned shows;
};

/* What a kind can do with an item, for hints and the help screen. */
enum kind_op { KIND_OPEN, KIND_EDIT, KIND_DELETE };
int kind_can(const struct kind_ops *k, enum kind_op op);

struct row {
	char *left;                       /* sanitised */
	char *right;                      /* sanitised, may be NULL */
	int section;                      /* 1 heading, 2 plain note: not selectable */
	const struct kind_ops *kind;      /* NULL: nothing to open */
	int64_t id;
};

/* A part of a panel whose rows may be many (the repertoire, the
 * members, the meetings): a heading and rows of one kind, read from the
 * store by the screenful (page.h).  The list keeps a window of rows
 * around what it shows and asks the part for more as the user moves;
 * counts come from the store, and the filter is the store's work. */
struct list_part {
	const char *heading;              /* above its rows when it has some;
					   * NULL: none */
	const struct kind_ops *kind;      /* what its rows are */
	/* Add the rows r asks for that filter (NULL: none) leaves, with
	 * view_add_keyed, in the order read (after r->from: the list's
	 * order; before it: the nearest first).  COPSE_OK or a status. */
	int (*rows)(struct app *a, struct view *v, const char *filter,
		    const struct page_req *r);
	/* How many rows filter leaves, or how many of them come before key
	 * k when k is not NULL. */
	int (*count)(struct app *a, const char *filter, const struct page_key *k,
		     int64_t *n);
	/* The key of item id (to select it); NOTFOUND when it is gone. */
	int (*key)(struct app *a, int64_t id, struct page_key *k);
};

struct panel_ops {
	const char *name;                 /* tab label */
	/* A short panel (Home, Health): all its rows at once, with
	 * view_add_row() and view_add_section(); COPSE_OK or a status.
	 * NULL for a panel of parts. */
	int (*load)(struct app *a, struct view *v);
	/* A panel of long lists: its parts, shown one after the other. */
	const struct list_part *parts;
	size_t nparts;
	const struct kind_ops *add_kind;  /* what 'a' adds here */
	const char *empty;                /* shown when there are no rows */
	/* A request the list leaves to the panel (Repertoire's t, W, o): a
	 * view_result, VR_UNHANDLED when not the panel's.  NULL: none. */
	int (*key)(struct app *a, struct view *v, int req);
	/* What its rows show (CHANGE_* bits): the list is read again only
	 * when one of those changed (the preview: its kind's shows); 0: all. */
	unsigned shows;
	/* Its own keys (keys.h: KEYS_HOME ...; 0: only a list's), looked
	 * up before the list's, and their status-line hints ("v vote  L
	 * link"). */
	int scope;
	const char *hints;
	/* The widest its rows' right column may be (Members: level and
	 * status); 0: a third of the row, the title mattering more. */
	int right_cols;
};

struct view_ops {
	int (*load)(struct app *a, struct view *v);
	void (*draw)(struct app *a, struct view *v, int y, int x, int h, int w);
	int (*key)(struct app *a, struct view *v, int req, int key);
	void (*close)(struct view *v);
	int (*scope)(const struct view *v);
	/* status-line hints and position ("3/12"); may write "" */
	void (*status)(struct app *a, struct view *v, char *hints, size_t n,
		       char *pos, size_t pn);
	/* what changed (CHANGE_* bits, VIEW_CHANGE_PRESENCE): mark what
	 * must be read again (stale); NULL: read all again on any change */
	void (*changed)(struct view *v, unsigned what);
	/* called for the focused view between keys and on every poll
	 * timeout (NULL: none): work it has waiting, such as a line to send
	 * while another process holds the write lock.  1: draw again */
	int (*tick)(struct app *a, struct view *v);
};

/* Who is here, where and editing what (app.c), beside the CHANGE_*
 * bits of activity.h. */
#define VIEW_CHANGE_PRESENCE (1u << 16)
/* Tell v what changed: it marks itself stale as far as it shows that. */
void view_changed(struct view *v, unsigned what);

/* A view: what the app's stack and panels hold.  Each generic view keeps
 * its own state behind priv (a list's rows and filter: view-list.c; a
 * document's page, links and find text: view-doc.c); others reach it
 * through the functions below. */
struct view {
	const struct view_ops *ops;
	int stale;                        /* reload before drawing */
	int body_h;                       /* rows of the body at last draw */
	void *priv;                       /* the generic view's own state */
};

/* ---- generic views (view.c, view-list.c, view-doc.c) ---- */
extern const struct view_ops view_list_ops, view_doc_ops;
struct view *view_new_list(const struct panel_ops *p);
struct view *view_new_doc(const struct kind_ops *k, int64_t id);
/* The meeting floor (view-floor.c): meeting id's own screen. */
struct view *view_new_floor(const struct kind_ops *k, int64_t id);
/* The floor v selects note id in its log, scrolled into view, with the
 * focus on the log (a search hit opened).  Not a floor: nothing. */
void view_floor_show_note(struct view *v, int64_t note_id);
/* The search screen (view-search.c), its line empty. */
struct view *view_new_search(void);
void view_free(struct view *v);
/* Add a row; left/right are untrusted (sanitised here).  0 ok, -1 ENOMEM. */
int view_add_row(struct view *v, const char *left, const char *right,
		 const struct kind_ops *k, int64_t id);
int view_add_section(struct view *v, const char *title, int plain);
/* Add a row read by a part's rows(): its item id (of the part's kind)
 * and key (copied).  0 ok, -1 ENOMEM. */
int view_add_keyed(struct view *v, const char *left, const char *right, int64_t id,
		   const struct page_key *key);
/* The selected row of a list, or NULL. */
const struct row *view_selected(const struct view *v);
/* Select the row of that item if the list has it; 0 ok, -1 not there. */
int view_select(struct view *v, const struct kind_ops *k, int64_t id);
/* A list's panel, or NULL for a document. */
const struct panel_ops *view_panel(const struct view *v);
/* A document's kind, or NULL for a list. */
const struct kind_ops *view_kind(const struct view *v);
/* How many kinds among a list's rows can do op (a document: its kind):
 * 0, 1 (*one is that kind) or 2 for several. */
int view_kinds_with(const struct view *v, enum kind_op op, const struct kind_ops **one);
/* A document shows its end after its next load (a line just added). */
void view_show_end(struct view *v);
/* A document finds text from its top when it next draws, as its own
 * find (/) does: scrolled to and highlighted, n/N go on from there (a
 * search hit opened).  A list: nothing. */
void view_doc_find(struct view *v, const char *text);
/* A document whose load failed (it shows the error instead). */
int view_failed(const struct view *v);
/* The kind of a copse:KIND/ID link or an activity's object, or NULL. */
const struct kind_ops *kind_by_name(const char *name);

/* " · " (or " - " on an ASCII terminal) between fields. */
const char *view_sep(void);
/* Untrusted text (several lines) drawn on up to h lines of w columns
 * from y, x, long lines wrapped at a space, in attr. */
void view_draw_text(const char *text, int y, int x, int h, int w, int attr);
/* Local time of a stored ISO time, "YYYY-MM-DD HH:MM". */
void view_time(const char *iso, char *out, size_t n);
/* An untrusted title, sanitised and clipped to cols columns (at least
 * 8) with an ellipsis, for a one-line question or message that must
 * keep the rest.  Caller frees; NULL on ENOMEM. */
char *view_fit(const char *title, int cols);

/* ---- records edited as templates in the editor (view-edit.c) ----
 * Wrappers over the store and template.h for one kind of record, so that
 * add and edit (with the conflict merge) are written once. */
struct rec_ops {
	size_t size;                      /* sizeof the struct */
	void (*init)(void *r);
	void (*done)(void *r);
	int (*get)(struct db *db, int64_t id, void *r);
	int (*format)(const void *r, int hints, struct buf *out);
	int (*parse)(const char *text, void *r, char *err, size_t n);
	int (*add)(struct db *db, void *r);
	int (*update)(struct db *db, void *r);
	int64_t (*id)(const void *r);
	int (*version)(const void *r);    /* named in the conflict merge */
	/* Its title (a member's name) and creation time, borrowed: a draft
	 * names its record by them (draft.h).  NULL: neither. */
	void (*about)(const void *r, const char **title, const char **created);
	/* The command that lists its saved versions ("entry history"), or
	 * NULL when none are kept: the conflict merge says where the side
	 * dropped can be found. */
	const char *history;
	/* Its Markdown body, or NULL when the kind has none: an edit that
	 * empties a body asks before it saves */
	const char *(*body)(const void *r);
};
/* Edit a new record of kind k (r: filled with what the inline form
 * asked; owned and freed here) in the editor with k->rec and add it; the
 * list then selects it.  Returns a view_result. */
int view_rec_add(struct app *a, const struct kind_ops *k, void *r);
/* Edit record id of kind k in the editor and save it; on a version
 * conflict the user gets both versions to merge.  A draft of this very
 * record left by a session that ended comes back instead of the stored
 * text, checked against the record as it is now like any edit.  Returns
 * a view_result. */
int view_rec_edit(struct app *a, const struct kind_ops *k, int64_t id);

/* ---- kept drafts (view-edit.c, the list at start: view-drafts.c) ---- */
struct draft;
/* Where a kept draft stands against what it belongs to. */
enum draft_standing {
	DRAFT_NEW,          /* a new record's: recovering adds it */
	DRAFT_SAME,         /* its record is as the draft started from it */
	DRAFT_MOVED,        /* its record was saved since (or its version is
			       unknown): recovering shows both to merge */
	DRAFT_GONE,         /* its record is deleted, or another record has its
			       id: never applied; can be added as new */
	DRAFT_TRASHED,      /* its record is in the trash */
	DRAFT_FOREIGN,      /* another database's, or nothing copse can use */
};
/* How d stands (see above); *k gets the kind of its record (the meeting,
 * for a line typed in one; NULL when DRAFT_FOREIGN) and *id the record's
 * id (0 for a new one). */
enum draft_standing view_draft_standing(struct app *a, const struct draft *d,
					const struct kind_ops **k, int64_t *id);
/* Make kept draft *d this session's (draft_claim) before it is put back
 * or discarded, so two sessions never both recover it: 1 it is (*d read
 * again, now this process's); 0 another session recovered it meanwhile
 * or it is gone, after saying so (*d freed). */
int view_draft_claim(struct app *a, struct draft *d);
/* D on member id: a development note written in the editor, starting
 * from kept_draft's text when not NULL (already claimed; discarded once
 * the note is added), else from a draft of that member's left by an
 * earlier session, else from a short note on what to write
 * (view-members.c).  Returns a view_result. */
int view_member_devnote(struct app *a, int64_t id, const struct draft *kept_draft);
/* Recover kept draft d: its text back in the editor, checked against its
 * record as it is now (both versions to merge when it moved on), or
 * added as a new record; a line typed in a meeting goes back into that
 * meeting's input line.  When its record is gone the user chooses: add
 * it as a new record, discard it, or keep it.  A member's development
 * note (kind devnote) goes back into the editor and is added as a note.
 * The draft is discarded once saved.  Returns a view_result. */
int view_draft_recover(struct app *a, const struct draft *d);
/* The drafts kept from sessions that ended: a screen that lists them (at
 * start, when there are some), NULL when there are none to offer. */
struct view *view_new_drafts(struct app *a);
/* The first question of an add: a new record's title on the status line
 * (label "New topic: ").  1 with the trimmed title in text; 0 when the
 * user gave none, after saying "no KIND added". */
int view_ask_title(struct app *a, const char *label, const char *kind,
		   char *text, size_t n);
/* d: ask "question (y/n)"; on y run verb on the item and say "KIND ID
 * done" ("topic 3 deleted").  Returns VR_RELOAD when it ran, else
 * VR_REDRAW (the store's error shown). */
int view_confirm_verb(struct app *a, const char *question,
		      int (*verb)(struct db *db, int64_t id),
		      const char *kind, int64_t id, const char *done);

/* d for whatever goes to the trash (trash.h): ask "Move the meeting
 * 'X' with its 23 notes to the trash? y/n" (trash_describe names what
 * goes along) and on y run verb (meeting_delete, note_delete ...) on
 * item id of kind ("meeting", "note" ...).  Returns VR_RELOAD when it
 * ran (u brings it back), else VR_REDRAW. */
int view_confirm_trash(struct app *a, const char *kind, int64_t id,
		       int (*verb)(struct db *db, int64_t id));

/* Record an introduction of member x to member y (view-members.c): the
 * note is asked on the status line, starting from note.  Returns a
 * view_result. */
int view_introduce(struct app *a, int64_t x, int64_t y, const char *note);

/* ---- kinds and panels (view-*.c; the help screen: view-help.c) ---- */
extern const struct kind_ops kind_member, kind_meeting, kind_entry,
	kind_topic, kind_action, kind_health, kind_assessment, kind_suggestion, kind_help;
/* The Repertoire's pages (view-repertoire.c): an entry's history (id:
 * the entry), one revision against now, the tags, the wanted entries. */
extern const struct kind_ops kind_history, kind_revision, kind_tags, kind_wanted;
/* Write a new entry titled title (a missing [[link]] followed): the
 * editor, then the Repertoire selects it.  A view_result. */
int view_entry_write(struct app *a, const char *title);
/* A minutes line edited in the editor from the floor's log (its drafts
 * are listed at start; not a kind_by_name kind: it has no page). */
extern const struct kind_ops kind_note;
extern const struct panel_ops panel_home, panel_members, panel_meetings,
	panel_repertoire, panel_topics, panel_health;

#endif
