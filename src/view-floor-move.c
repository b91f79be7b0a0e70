/* view-floor-move.c - the part of the meeting floor that scrolls: the
 * header pinned above it (when the screen leaves the rest LOG_MIN rows),
 * what of the page is in view, the selection and the keys that move it.
 * f->top is the page's first line shown under the pinned lines, v->body_h
 * the rows it has.
 */
#include "copse/keys.h"
#include "copse/view.h"

#include "view-floor-priv.h"

int floor_max_top(const struct view *v)
{
	const struct floor *f = v->priv;
	int m = (int)f->page.nlines - v->body_h;

	return m > f->head ? m : f->head;
}

void floor_clamp(struct view *v)
{
	struct floor *f = v->priv;

	if (f->top > floor_max_top(v))
		f->top = floor_max_top(v);
	if (f->top < f->head)
		f->top = f->head;
}

/* Is b in the header pinned above the part that scrolls? */
int floor_pinned(const struct floor *f, const struct block *b)
{
	return b->first + b->n <= f->head;
}

/* Is b (all of it, or its first line) in view? */
static int shown(const struct view *v, const struct block *b, int whole)
{
	const struct floor *f = v->priv;

	return floor_pinned(f, b) || (b->first >= f->top &&
				(whole ? b->first + b->n : b->first + 1) <= f->top + v->body_h);
}

void floor_select_block(struct view *v, int s)
{
	struct floor *f = v->priv;
	const struct block *b;

	if (s < 0 || s >= (int)f->nblocks)
		return;
	f->sel = s;
	b = &f->blocks[s];
	f->sel_item = b->item;
	f->sel_id = b->id;
	if (floor_pinned(f, b))
		return;                 /* in view wherever the rest is */
	if (b->first < f->top)
		f->top = b->first;
	else if (b->first + b->n > f->top + v->body_h)
		f->top = b->first + b->n - v->body_h;
	floor_clamp(v);
	f->follow = f->top >= floor_max_top(v);
}

/* The next selectable block from s in direction dir, or -1. */
int floor_next_block(const struct floor *f, int s, int dir)
{
	for (int i = s + dir; i >= 0 && i < (int)f->nblocks; i += dir)
		if (f->blocks[i].item != IT_NONE && f->blocks[i].n > 0)
			return i;
	return -1;
}

/* The first (dir 1) or last (dir -1) selectable block shown. */
static int shown_block(const struct view *v, int dir)
{
	const struct floor *f = v->priv;
	int best = -1;

	for (int i = 0; i < (int)f->nblocks; i++) {
		const struct block *b = &f->blocks[i];

		/* the pinned header is in view always: not what a scroll finds */
		if (b->item == IT_NONE || b->n == 0 || floor_pinned(f, b) || !shown(v, b, 1))
			continue;
		if (best < 0 || dir < 0)
			best = i;
		if (dir > 0)
			break;
	}
	return best;
}

int floor_sel_shown(const struct view *v)
{
	const struct floor *f = v->priv;

	if (f->sel < 0 || f->sel >= (int)f->nblocks)
		return 0;
	return shown(v, &f->blocks[f->sel], 0);
}

void floor_scroll(struct view *v, int lines)
{
	struct floor *f = v->priv;

	f->top += lines;
	floor_clamp(v);
	f->follow = f->top >= floor_max_top(v);
	/* the selection goes with the part that scrolls: off the pinned
	 * header too, as when the header scrolled with the rest */
	if (!f->input_focus && (!floor_sel_shown(v) || floor_pinned(f, &f->blocks[f->sel]))) {
		int s = shown_block(v, lines > 0 ? 1 : -1);

		if (s >= 0) {
			f->sel = s;
			f->sel_item = f->blocks[s].item;
			f->sel_id = f->blocks[s].id;
		}
	}
}

int floor_move_key(struct view *v, int req)
{
	struct floor *f = v->priv;
	int page = v->body_h > 1 ? v->body_h - 1 : 1;
	int s;

	switch (req) {
	case REQ_MOVE_DOWN:
		s = floor_next_block(f, f->sel, 1);
		if (s >= 0 && f->sel >= 0)
			floor_select_block(v, s);
		else if (f->sel < 0 && (s = shown_block(v, 1)) >= 0)
			floor_select_block(v, s);
		else
			floor_scroll(v, 1);
		return 1;
	case REQ_MOVE_UP:
		s = f->sel >= 0 ? floor_next_block(f, f->sel, -1) : shown_block(v, -1);
		if (s >= 0)
			floor_select_block(v, s);
		else
			floor_scroll(v, -1);
		return 1;
	case REQ_MOVE_FIRST:
		f->top = f->head;
		floor_select_block(v, floor_next_block(f, -1, 1));
		f->top = f->head;
		f->follow = f->top >= floor_max_top(v);
		return 1;
	case REQ_MOVE_LAST:
		floor_select_block(v, floor_next_block(f, (int)f->nblocks, -1));
		f->top = floor_max_top(v);
		f->follow = 1;
		return 1;
	case REQ_PAGE_DOWN: floor_scroll(v, page); return 1;
	case REQ_PAGE_UP: floor_scroll(v, -page); return 1;
	case REQ_HALF_DOWN: floor_scroll(v, page / 2 ? page / 2 : 1); return 1;
	case REQ_HALF_UP: floor_scroll(v, -(page / 2 ? page / 2 : 1)); return 1;
	default:
		return 0;
	}
}

/* The header (title, time, who is here now, and the blank line under
 * it) stays at the top while the rest scrolls under it, when that leaves
 * the rest LOG_MIN rows of bh; else all of it scrolls. */
#define LOG_MIN 6

void floor_pin_header(struct floor *f, int bh)
{
	int n = 0, was = f->head;

	if (f->nblocks && f->blocks[0].item == IT_MEETING) {
		n = f->blocks[0].first + f->blocks[0].n;
		if (n < (int)f->page.nlines)
			n++;            /* the blank line under it */
		if (bh - n < LOG_MIN)
			n = 0;
	}
	f->head = n;
	if (f->top == was)              /* at the top, it stays there */
		f->top = n;
}

