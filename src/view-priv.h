/* view-priv.h - private to view.c, view-list.c and view-doc.c: the
 * Markdown page both generic views show (a list's preview, a document),
 * loaded from a kind, rendered and drawn with curses attributes in view.c.
 */
#ifndef COPSE_VIEW_PRIV_H
#define COPSE_VIEW_PRIV_H

#include <stdint.h>

#include "copse/md.h"
#include "copse/util.h"
#include "copse/view.h"

/* A Markdown page as shown: a kind's Markdown for an item (or the error
 * of loading it), its render at the last width, and which of its
 * [[links]] name an entry. */
struct view_page {
	char *src;                        /* Markdown; NULL after a failure */
	char *err;                        /* load failure shown instead */
	struct md_doc doc;
	int w;                            /* width of doc; 0: render again */
	struct strv have;                 /* its [[link]] titles that exist */
	int asked;                        /* the store was asked since the load */
};

/* Load item id of kind k into p: its Markdown, or the error (shown
 * instead).  Returns the kind's status. */
int view_page_load(struct app *a, struct view_page *p, const struct kind_ops *k,
		   int64_t id);
/* Render p at width w unless it is at that width already, marking its
 * [[links]] to missing entries (the store is asked once per load).
 * 1 when it rendered. */
int view_page_render(struct app *a, struct view_page *p, int w);
void view_page_done(struct view_page *p);
/* Draw h lines of doc from line first at y, x, w columns wide; link
 * sel_link (-1 none) shown selected. */
void view_draw_md(const struct md_doc *doc, int first, int y, int x, int h,
		  int w, int sel_link);
/* "✎ zoe, since 10:02" at y, x, w columns wide, when someone else has
 * item id of kind k in their editor and h leaves room for it: 1 when
 * drawn (the caller moves down a line). */
int view_draw_editing(struct app *a, const struct kind_ops *k, int64_t id, int y, int x,
		      int h, int w);

#endif
