/* text.c - UTF-8 decoding, display width, sanitising and wrapping.
 *
 * Widths come from wcwidth(3) in the current LC_CTYPE.  A "cluster" here
 * is a code point followed by any zero-width code points (combining marks,
 * variation selectors, ZWJ ...): fit and clip never split one.
 *
 * The sanitiser is the single gate between stored text and the terminal.
 * It rewrites byte by byte, so nothing below 0x20 (except '\n' with
 * TEXT_KEEP_NEWLINE), no DEL, no C1 control and no invalid UTF-8 can come
 * out.  An escape sequence therefore loses its ESC (shown as "^[") and the
 * rest of it ("[31m", "]0;title", the OSC 52 payload ...) is plain,
 * printable text; its BEL or ST terminator becomes "^G" or "^[\".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "copse/text.h"

int text_decode(const char *s, size_t len, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t c, min;
	size_t n, i;

	if (len == 0)
		return 0;
	c = u[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xc2 && c <= 0xdf) {
		n = 2; c &= 0x1f; min = 0x80;
	} else if (c >= 0xe0 && c <= 0xef) {
		n = 3; c &= 0x0f; min = 0x800;
	} else if (c >= 0xf0 && c <= 0xf4) {
		n = 4; c &= 0x07; min = 0x10000;
	} else {
		goto bad;
	}
	if (len < n)
		goto bad;
	for (i = 1; i < n; i++) {
		if ((u[i] & 0xc0) != 0x80)
			goto bad;
		c = (c << 6) | (u[i] & 0x3f);
	}
	/* overlong, UTF-16 surrogate, beyond Unicode */
	if (c < min || (c >= 0xd800 && c <= 0xdfff) || c > 0x10ffff)
		goto bad;
	*cp = c;
	return (int)n;
bad:
	*cp = 0xfffd;
	return 1;
}

static int is_control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f);
}

int text_cpwidth(uint32_t cp)
{
	int w;

	if (is_control(cp))
		return -1;
	if (cp < 0x7f)
		return 1;
	w = wcwidth((wchar_t)cp);
	/* Printable but unknown to the locale (unassigned, or any non-ASCII
	 * in a non-UTF-8 locale): the terminal gives it one cell. */
	if (w < 0)
		return 1;
	return w > 2 ? 2 : w;
}

/* Width for layout: controls (only '\n' can survive sanitising) take no
 * columns. */
static int cp_cols(uint32_t cp)
{
	int w = text_cpwidth(cp);
	return w < 0 ? 0 : w;
}

size_t text_ascii_span(const char *s, size_t len)
{
	const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
	size_t i = 0;

	for (; i + 8 <= len; i += 8) {
		uint64_t x;

		memcpy(&x, s + i, 8);
		/* a byte below 0x20, or one of 0x7f and above */
		if ((((x - 0x20 * ones) & ~x) | x | (x + ones)) & high)
			break;
	}
	while (i < len && (unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x7f)
		i++;
	return i;
}

int text_width(const char *s, size_t len)
{
	size_t i = 0;
	int w = 0;
	uint32_t cp;

	while (i < len) {
		const unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c < 0x7f) {   /* ASCII fast path */
			w++;
			i++;
			continue;
		}
		i += (size_t)text_decode(s + i, len - i, &cp);
		w += cp_cols(cp);
	}
	return w;
}

/* Bidirectional formatting controls can reorder what the terminal shows
 * ("trojan source"); they are shown as text too. */
int text_is_bidi_control(uint32_t cp)
{
	return cp == 0x061c || cp == 0x200e || cp == 0x200f ||
	       (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

/* Some terminals take U+2028/U+2029 for line breaks. */
int text_cp_unsafe(uint32_t cp)
{
	return is_control(cp) || text_is_bidi_control(cp) || cp == 0x2028 || cp == 0x2029;
}

/* Whether the locale can show cp at all. */
static int printable_in_locale(uint32_t cp)
{
	if (cp < 0x7f)
		return 1;
	return MB_CUR_MAX == 1 || wcwidth((wchar_t)cp) >= 0;
}

int text_encode(uint32_t cp, char out[4])
{
	if (cp > 0x10ffff || (cp >= 0xd800 && cp < 0xe000))
		return 0;
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xe0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
	out[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

static int put_u8(struct buf *out, uint32_t cp)
{
	char b[4];
	int n = text_encode(cp, b);

	if (n == 0)
		n = text_encode(0xfffd, b);
	return buf_add(out, b, (size_t)n);
}

/* In ASCII mode (a non-UTF-8 terminal), say what a character is close to
 * rather than print '?': Latin letters lose their accents, typographic
 * punctuation becomes its ASCII cousin.  NULL when there is no cousin. */
static const char *ascii_fold(uint32_t cp)
{
	/* U+00C0 .. U+017F, one letter each */
	static const char latin[] =
		"AAAAAAACEEEEIIIIDNOOOOOxOUUUUYTsaaaaaaaceeeeiiiidnooooo/ouuuuyty"
		"AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiJjJjKkkLlLlLlLl"
		"LlNnNnNnnNnOoOoOoOoRrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";
	static char one[2];

	switch (cp) {
	/* letters that are two in ASCII */
	case 0xc6: return "AE";
	case 0xe6: return "ae";
	case 0x152: return "OE";
	case 0x153: return "oe";
	case 0xdf: return "ss";
	case 0xde: return "Th";
	case 0xfe: return "th";
	case 0x132: return "IJ";
	case 0x133: return "ij";
	}
	if (cp >= 0xc0 && cp < 0x180) {
		one[0] = latin[cp - 0xc0];
		one[1] = '\0';
		return one;
	}
	switch (cp) {
	case 0xa0: return " ";
	case 0xab: return "<<";
	case 0xbb: return ">>";
	case 0xb7: return ".";
	case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
	case 0x2015: case 0x2212: return "-";
	case 0x2018: case 0x2019: case 0x201a: case 0x201b: return "'";
	case 0x201c: case 0x201d: case 0x201e: case 0x201f: return "\"";
	case 0x2022: return "*";
	case 0x2026: return "...";
	case 0x2190: return "<-";
	case 0x2192: return "->";
	default: return NULL;
	}
}

int text_sanitize_buf(struct buf *out, const char *s, size_t len, int flags)
{
	const int ascii = flags & TEXT_ASCII;
	size_t i = 0, start;
	int col = 0;            /* display column since the last newline */
	uint32_t cp;
	int n, rc = 0;
	char tmp[16];

	if (!s)
		len = 0;
	/* an empty result is still a valid, NUL-terminated string */
	if (buf_add(out, "", 0) < 0)
		return -1;
	while (i < len && rc == 0) {
		/* copy a run of printable ASCII at once */
		start = i;
		i += text_ascii_span(s + i, len - i);
		if (i > start) {
			rc = buf_add(out, s + start, i - start);
			col += (int)(i - start);
			continue;
		}
		n = text_decode(s + i, len - i, &cp);
		if (cp == 0xfffd && n == 1 && (unsigned char)s[i] >= 0x80) {
			/* invalid UTF-8 byte */
			rc = ascii ? buf_putc(out, '?') : put_u8(out, 0xfffd);
			col++;
		} else if (cp == '\t') {
			int stop = (col / 8 + 1) * 8;
			while (col < stop && rc == 0) {
				rc = buf_putc(out, ' ');
				col++;
			}
		} else if (cp == '\n' && (flags & TEXT_KEEP_NEWLINE)) {
			rc = buf_putc(out, '\n');
			col = 0;
		} else if (cp == '\r' && (flags & TEXT_KEEP_NEWLINE) &&
			   i + 1 < len && s[i + 1] == '\n') {
			/* CRLF line ending of multi-line text: just a newline */
		} else if (cp < 0x20) {
			tmp[0] = '^';
			tmp[1] = (char)(cp + '@');
			rc = buf_add(out, tmp, 2);
			col += 2;
		} else if (cp == 0x7f) {
			rc = buf_add(out, "^?", 2);
			col += 2;
		} else if (text_cp_unsafe(cp)) {
			int k = snprintf(tmp, sizeof tmp, "<U+%04X>", (unsigned)cp);
			rc = buf_add(out, tmp, (size_t)k);
			col += k;
		} else if (ascii) {
			const char *f = ascii_fold(cp);
			rc = buf_puts(out, f ? f : "?");
			col += f ? (int)strlen(f) : 1;
		} else if (!printable_in_locale(cp)) {
			rc = put_u8(out, 0xfffd);
			col++;
		} else {
			rc = buf_add(out, s + i, (size_t)n);
			col += cp_cols(cp);
		}
		i += (size_t)n;
	}
	return rc;
}

int text_is_safe(const char *s, size_t len)
{
	size_t i = 0;
	uint32_t cp;

	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		int n;

		if (c >= 0x20 && c < 0x7f) {
			i++;
			continue;
		}
		n = text_decode(s + i, len - i, &cp);
		if ((cp == 0xfffd && n == 1) || text_cp_unsafe(cp) || !printable_in_locale(cp))
			return 0;
		i += (size_t)n;
	}
	return 1;
}

char *text_sanitize(const char *s, size_t len, int flags)
{
	struct buf b;

	buf_init(&b);
	if (text_sanitize_buf(&b, s, len, flags) < 0) {
		buf_done(&b);
		return NULL;
	}
	return buf_steal(&b);
}

size_t text_cluster(const char *s, size_t len, int *width)
{
	uint32_t cp;
	size_t i;
	int w;

	i = (size_t)text_decode(s, len, &cp);
	w = cp_cols(cp);
	if (cp == '\n') {   /* a newline never carries marks */
		*width = 0;
		return i;
	}
	while (i < len) {
		int n = text_decode(s + i, len - i, &cp);
		if (cp == '\n' || text_cpwidth(cp) != 0)
			break;
		i += (size_t)n;
	}
	*width = w;
	return i;
}

size_t text_fit(const char *s, size_t len, int cols, int *used)
{
	size_t i = 0;
	int w = 0, cw;

	while (i < len) {
		size_t n = text_cluster(s + i, len - i, &cw);
		if (w + cw > cols)
			break;
		w += cw;
		i += n;
	}
	if (used)
		*used = w;
	return i;
}

char *text_clip(const char *s, int cols, int pad, int ascii)
{
	const char *ell = ascii ? "~" : "\xe2\x80\xa6";   /* … */
	struct buf b;
	size_t len, n;
	int used;

	if (!s)
		s = "";
	if (cols < 0)
		cols = 0;
	len = strlen(s);
	buf_init(&b);
	if (buf_add(&b, "", 0) < 0)
		return NULL;
	n = text_fit(s, len, cols, &used);
	if (n < len) {
		/* cut: leave one column for the ellipsis */
		n = cols > 0 ? text_fit(s, len, cols - 1, &used) : 0;
		if (buf_add(&b, s, n) < 0)
			goto nomem;
		if (cols > 0) {
			if (buf_puts(&b, ell) < 0)
				goto nomem;
			used++;
		}
	} else if (buf_add(&b, s, n) < 0) {
		goto nomem;
	}
	while (pad && used < cols) {
		if (buf_putc(&b, ' ') < 0)
			goto nomem;
		used++;
	}
	return buf_steal(&b);
nomem:
	buf_done(&b);
	return NULL;
}

long text_find(const char *hay, const char *needle)
{
	size_t n, i, j;

	if (!hay || !needle)
		return -1;
	n = strlen(needle);
	for (i = 0; hay[i]; i++) {
		for (j = 0; j < n; j++) {
			unsigned char a = (unsigned char)hay[i + j];
			unsigned char b = (unsigned char)needle[j];
			if (a >= 'A' && a <= 'Z')
				a = (unsigned char)(a - 'A' + 'a');
			if (b >= 'A' && b <= 'Z')
				b = (unsigned char)(b - 'A' + 'a');
			if (a != b)
				break;
		}
		if (j == n)
			return (long)i;
	}
	return n == 0 ? 0 : -1;
}

/* The sort key of one code point: ASCII letters by their lower case,
 * accented Latin letters as their base letter, everything else as is. */
static uint32_t collate_key(uint32_t cp)
{
	if (cp >= 0xc0 && cp < 0x180) {
		const char *f = ascii_fold(cp);
		if (f && f[0] >= 'A' && f[0] <= 'z')
			cp = (unsigned char)f[0];
	}
	if (cp >= 'A' && cp <= 'Z')
		cp += 'a' - 'A';
	return cp;
}

char *text_fold(const char *s, size_t len)
{
	struct buf out;
	size_t i = 0;

	buf_init(&out);
	while (i < len) {
		uint32_t cp;
		int n = text_decode(s + i, len - i, &cp);

		/* code points in UTF-8 compare bytewise in code point order */
		if (put_u8(&out, collate_key(cp)) != 0) {
			buf_done(&out);
			return NULL;
		}
		i += (size_t)n;
	}
	return buf_steal(&out);
}

int text_collate(const char *a, size_t alen, const char *b, size_t blen)
{
	size_t i = 0, j = 0;

	while (i < alen && j < blen) {
		uint32_t ca, cb;
		int na = text_decode(a + i, alen - i, &ca);
		int nb = text_decode(b + j, blen - j, &cb);

		ca = collate_key(ca);
		cb = collate_key(cb);
		if (ca != cb)
			return ca < cb ? -1 : 1;
		i += (size_t)na;
		j += (size_t)nb;
	}
	if (i < alen || j < blen)
		return i < alen ? 1 : -1;
	/* Equal when folded: keep a stable order by the bytes. */
	{
		size_t n = alen < blen ? alen : blen;
		int c = memcmp(a, b, n);
		if (c)
			return c < 0 ? -1 : 1;
		return alen < blen ? -1 : alen > blen;
	}
}
