/* test_text.c - UTF-8 decoding, widths, sanitising, clusters, fitting, clipping. */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "copse/text.h"

/* True when s holds no C0 control (except '\n' if nl), no DEL, no C1
 * (as UTF-8 or raw byte) and is valid UTF-8. */
static int safe(const char *s, int nl)
{
	size_t i = 0, len = strlen(s);
	uint32_t cp;

	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		int n;
		if (c < 0x20 && !(nl && c == '\n'))
			return 0;
		if (c == 0x7f)
			return 0;
		n = text_decode(s + i, len - i, &cp);
		if (cp == 0xfffd && n == 1 && c >= 0x80)
			return 0;   /* invalid UTF-8 left in */
		if (cp >= 0x80 && cp <= 0x9f)
			return 0;
		i += (size_t)n;
	}
	return 1;
}

static char *san(const char *s, int flags)
{
	return text_sanitize(s, strlen(s), flags);
}

#define CHECK_SAN(in, flags, want) do { \
	char *h_s = san(in, flags); \
	CHECK_STR(h_s, want); \
	CHECK(h_s && safe(h_s, (flags) & TEXT_KEEP_NEWLINE)); \
	free(h_s); \
} while (0)

TEST(decode_valid)
{
	uint32_t cp;

	CHECK_INT(text_decode("A", 1, &cp), 1); CHECK_INT(cp, 'A');
	CHECK_INT(text_decode("\xc3\xab", 2, &cp), 2); CHECK_INT(cp, 0xeb);
	CHECK_INT(text_decode("\xe5\xb1\xb1", 3, &cp), 3); CHECK_INT(cp, 0x5c71);
	CHECK_INT(text_decode("\xf0\x9f\x98\x80", 4, &cp), 4); CHECK_INT(cp, 0x1f600);
	CHECK_INT(text_decode("", 0, &cp), 0);
}

TEST(decode_invalid_is_one_byte_fffd)
{
	uint32_t cp;

	CHECK_INT(text_decode("\xff", 1, &cp), 1); CHECK_INT(cp, 0xfffd);
	CHECK_INT(text_decode("\xc0\xaf", 2, &cp), 1); CHECK_INT(cp, 0xfffd);      /* overlong '/' */
	CHECK_INT(text_decode("\xe0\x80\xaf", 3, &cp), 1); CHECK_INT(cp, 0xfffd);  /* overlong */
	CHECK_INT(text_decode("\xed\xa0\x80", 3, &cp), 1); CHECK_INT(cp, 0xfffd);  /* surrogate */
	CHECK_INT(text_decode("\xf4\x90\x80\x80", 4, &cp), 1); CHECK_INT(cp, 0xfffd); /* > U+10FFFF */
	CHECK_INT(text_decode("\xe5\xb1", 2, &cp), 1); CHECK_INT(cp, 0xfffd);      /* truncated */
	CHECK_INT(text_decode("\xe5\xb1\xb1", 2, &cp), 1); CHECK_INT(cp, 0xfffd);  /* len cuts it */
	CHECK_INT(text_decode("\x80", 1, &cp), 1); CHECK_INT(cp, 0xfffd);          /* lone continuation */
}

TEST(cpwidth)
{
	CHECK_INT(text_cpwidth('a'), 1);
	CHECK_INT(text_cpwidth(0x5c71), 2);    /* 山 */
	CHECK_INT(text_cpwidth(0x301), 0);     /* combining acute */
	CHECK_INT(text_cpwidth(0x1f600), 2);   /* emoji */
	CHECK_INT(text_cpwidth(0x200d), 0);    /* ZWJ */
	CHECK_INT(text_cpwidth(0x1b), -1);
	CHECK_INT(text_cpwidth(0x7f), -1);
	CHECK_INT(text_cpwidth(0x9b), -1);     /* C1 CSI */
	CHECK_INT(text_cpwidth('\n'), -1);
}

TEST(width_mixed_scripts)
{
	const char *s = "Zo\xc3\xab \xe5\xb1\xb1\xe7\x94\xb0";   /* Zoë 山田 */
	CHECK_INT(text_width(s, strlen(s)), 8);
	/* e + combining acute is one column */
	CHECK_INT(text_width("e\xcc\x81", 3), 1);
	/* emoji two columns, with variation selector still two */
	CHECK_INT(text_width("\xf0\x9f\x98\x80", 4), 2);
	CHECK_INT(text_width("\xe2\x9d\xa4\xef\xb8\x8f", 6), 1);  /* ❤️: wcwidth(U+2764)=1, VS16 0 */
	CHECK_INT(text_width("", 0), 0);
	/* length is honoured, not the NUL */
	CHECK_INT(text_width("abcdef", 3), 3);
}

TEST(sanitize_plain_text_unchanged)
{
	CHECK_SAN("hello, world", 0, "hello, world");
	CHECK_SAN("Zo\xc3\xab \xe5\xb1\xb1\xe7\x94\xb0 \xf0\x9f\x98\x80", 0,
		  "Zo\xc3\xab \xe5\xb1\xb1\xe7\x94\xb0 \xf0\x9f\x98\x80");
	CHECK_SAN("", 0, "");
	{
		char *s = text_sanitize(NULL, 5, 0);
		CHECK_STR(s, "");
		free(s);
	}
}

TEST(sanitize_c0_and_del)
{
	CHECK_SAN("a\rb", 0, "a^Mb");
	CHECK_SAN("a\bb", 0, "a^Hb");
	CHECK_SAN("\x01\x07\x7f", 0, "^A^G^?");
	CHECK_SAN("a\nb", 0, "a^Jb");
	CHECK_SAN("a\nb", TEXT_KEEP_NEWLINE, "a\nb");
	/* a CRLF line end of multi-line text is a newline; a lone CR is not */
	CHECK_SAN("a\r\nb\rc", TEXT_KEEP_NEWLINE, "a\nb^Mc");
	{
		/* NUL inside the given length */
		char *s = text_sanitize("a\0b", 3, 0);
		CHECK_STR(s, "a^@b");
		free(s);
	}
}

TEST(sanitize_tabs)
{
	CHECK_SAN("\tx", 0, "        x");
	CHECK_SAN("ab\tx", 0, "ab      x");
	CHECK_SAN("12345678\tx", 0, "12345678        x");
	/* tab stops count display columns: 山 is two */
	CHECK_SAN("\xe5\xb1\xb1\tx", 0, "\xe5\xb1\xb1      x");
	/* and restart on each line */
	CHECK_SAN("abc\n\tx", TEXT_KEEP_NEWLINE, "abc\n        x");
}

TEST(sanitize_escape_sequences)
{
	/* CSI colour and screen clear */
	CHECK_SAN("\033[31mred\033[0m", 0, "^[[31mred^[[0m");
	CHECK_SAN("\033[2J\033[H", 0, "^[[2J^[[H");
	/* OSC 0 window title, BEL terminated */
	CHECK_SAN("\033]0;pwned\007", 0, "^[]0;pwned^G");
	/* OSC 8 hyperlink, ST terminated */
	CHECK_SAN("\033]8;;http://evil\033\\click\033]8;;\033\\", 0,
		  "^[]8;;http://evil^[\\click^[]8;;^[\\");
	/* OSC 52 clipboard write */
	CHECK_SAN("\033]52;c;cm0gLXJmIH4=\007", 0, "^[]52;c;cm0gLXJmIH4=^G");
	/* DCS */
	CHECK_SAN("\033P1$qm\033\\", 0, "^[P1$qm^[\\");
	/* 8-bit C1 CSI and OSC as UTF-8 code points */
	CHECK_SAN("\xc2\x9b" "31m", 0, "<U+009B>31m");
	CHECK_SAN("\xc2\x9d" "0;x\xc2\x9c", 0, "<U+009D>0;x<U+009C>");
	/* the same as raw bytes are invalid UTF-8 */
	CHECK_SAN("\x9b" "31m", 0, "\xef\xbf\xbd" "31m");
	/* APC, PM and SOS strings (tmux and kitty read some), ST terminated */
	CHECK_SAN("\033_Gf=100;AAAA\033\\", 0, "^[_Gf=100;AAAA^[\\");
	CHECK_SAN("\033^pm\033\\\033Xsos\033\\", 0, "^[^pm^[\\^[Xsos^[\\");
	/* DCS, SOS, ST, PM, APC as UTF-8 C1 code points */
	CHECK_SAN("\xc2\x90q\xc2\x98s\xc2\x9c\xc2\x9e\xc2\x9f", 0,
		  "<U+0090>q<U+0098>s<U+009C><U+009E><U+009F>");
	/* a lone ESC at the very end, and one cut off by the length */
	CHECK_SAN("tail\033", 0, "tail^[");
	{
		char *t = text_sanitize("ab\033[2J", 3, 0);
		CHECK_STR(t, "ab^[");
		free(t);
	}
}

/* The forms a filter that looks only for ESC or 0x9b might miss. */
TEST(sanitize_disguised_escapes)
{
	/* overlong encodings of ESC (2 and 3 bytes) and of CSI */
	CHECK_SAN("\xc0\x9b[2J", 0, "\xef\xbf\xbd\xef\xbf\xbd[2J");
	CHECK_SAN("\xe0\x80\x9b[2J", 0, "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd[2J");
	CHECK_SAN("\xe0\x82\x9b", 0, "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
	CHECK_SAN("\xf0\x80\x80\x9b", 0,
		  "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
	/* a UTF-16 surrogate pair encoded as two 3-byte forms (CESU-8) */
	CHECK_SAN("\xed\xa0\xbd\xed\xb8\x80", 0,
		  "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
	/* beyond U+10FFFF, and a 5-byte form */
	CHECK_SAN("\xf4\x90\x80\x80", 0,
		  "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
	CHECK_SAN("\xf8\x88\x80\x80\x80", TEXT_ASCII, "?????");
	/* a UTF-8 sequence cut short by an ESC: both visible */
	CHECK_SAN("\xe5\xb1\033[m", 0, "\xef\xbf\xbd\xef\xbf\xbd^[[m");
}

TEST(sanitize_invalid_utf8_and_bidi)
{
	CHECK_SAN("a\xff" "b", 0, "a\xef\xbf\xbd" "b");
	CHECK_SAN("\xe5\xb1", 0, "\xef\xbf\xbd\xef\xbf\xbd");
	CHECK_SAN("\xed\xa0\x80", 0, "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
	/* right-to-left override can disguise text: made visible */
	CHECK_SAN("a\xe2\x80\xae" "b", 0, "a<U+202E>b");
	/* an unassigned code point (U+0378) cannot be drawn */
	CHECK_SAN("\xcd\xb8", 0, "\xef\xbf\xbd");
}

TEST(sanitize_every_byte_is_safe)
{
	char in[256 * 3];
	char *s;
	int i;

	/* every byte value, alone and before some continuation bytes */
	for (i = 0; i < 256; i++) {
		in[i * 3] = (char)i;
		in[i * 3 + 1] = (char)0x80;
		in[i * 3 + 2] = (char)(0xbf - (i & 0x3f));
	}
	s = text_sanitize(in, sizeof in, 0);
	CHECK(s && safe(s, 0));
	CHECK(s && !strchr(s, '\033'));
	free(s);
	s = text_sanitize(in, sizeof in, TEXT_KEEP_NEWLINE);
	CHECK(s && safe(s, 1));
	free(s);
	s = text_sanitize(in, sizeof in, TEXT_ASCII);
	CHECK(s && safe(s, 0));
	for (i = 0; s && s[i]; i++)
		if ((unsigned char)s[i] >= 0x80)
			break;
	CHECK(s && s[i] == '\0');   /* ASCII mode: nothing above 0x7f */
	free(s);
}

/* The span of printable ASCII ends at the first other byte, wherever it
 * lies in a block of eight and whatever its neighbours are. */
TEST(ascii_span_stops_at_the_first_other_byte)
{
	static const unsigned char fill[] = { 'a', ' ', '~', 0x21, 0x7e };
	char s[24];

	for (size_t f = 0; f < sizeof fill; f++)
		for (int b = 0; b < 256; b++)
			for (size_t at = 0; at < sizeof s; at++) {
				int printable = b >= 0x20 && b < 0x7f;

				memset(s, fill[f], sizeof s);
				s[at] = (char)b;
				if (text_ascii_span(s, sizeof s) != (printable ? sizeof s : at))
					FAILF("byte 0x%02x at %zu among 0x%02x", b, at, fill[f]);
				/* a length that ends before the byte */
				CHECK_INT(text_ascii_span(s, at), at);
			}
	CHECK_INT(text_ascii_span("", 0), 0);
}

TEST(sanitize_ascii_mode)
{
	CHECK_SAN("Zo\xc3\xab \xe5\xb1\xb1", TEXT_ASCII, "Zoe ?");
	/* accents dropped, typographic punctuation made ASCII */
	CHECK_SAN("\xc5\x81ukasz \xe2\x80\x94 \xe2\x80\x9cok\xe2\x80\x9d\xe2\x80\xa6", TEXT_ASCII,
		  "Lukasz - \"ok\"...");
	/* letters that are two in ASCII stay two */
	CHECK_SAN("\xc3\x86r\xc3\xb8 Stra\xc3\x9f" "e \xc5\x93uvre", TEXT_ASCII, "AEro Strasse oeuvre");
	CHECK_SAN("\xff\033", TEXT_ASCII, "?^[");
}

TEST(sanitize_buf_appends)
{
	struct buf b;

	buf_init(&b);
	buf_puts(&b, "x:");
	CHECK_INT(text_sanitize_buf(&b, "\033a", 2, 0), 0);
	CHECK_STR(b.s, "x:^[a");
	buf_done(&b);
}

TEST(fit_by_columns)
{
	const char *s = "Zo\xc3\xab \xe5\xb1\xb1\xe7\x94\xb0";
	int used;

	CHECK_INT(text_fit(s, strlen(s), 8, &used), strlen(s)); CHECK_INT(used, 8);
	/* 山 does not fit in the 5th column */
	CHECK_INT(text_fit(s, strlen(s), 5, &used), 5); CHECK_INT(used, 4);
	CHECK_INT(text_fit(s, strlen(s), 6, &used), 8); CHECK_INT(used, 6);
	CHECK_INT(text_fit(s, strlen(s), 0, &used), 0); CHECK_INT(used, 0);
	/* a combining mark stays with its base */
	CHECK_INT(text_fit("ae\xcc\x81z", 5, 2, &used), 4); CHECK_INT(used, 2);
	CHECK_INT(text_fit("ae\xcc\x81z", 5, 1, NULL), 1);
}

TEST(clip_ellipsis_and_pad)
{
	char *s;

	s = text_clip("hello world", 8, 0, 0);
	CHECK_STR(s, "hello w\xe2\x80\xa6"); free(s);
	s = text_clip("hello world", 8, 0, 1);
	CHECK_STR(s, "hello w~"); free(s);
	s = text_clip("hello", 8, 1, 0);
	CHECK_STR(s, "hello   "); free(s);
	s = text_clip("hello", 5, 0, 0);
	CHECK_STR(s, "hello"); free(s);
	/* a wide character cut in half leaves a pad column */
	s = text_clip("\xe5\xb1\xb1\xe7\x94\xb0\xe5\xb1\xb1", 4, 1, 0);
	CHECK_STR(s, "\xe5\xb1\xb1\xe2\x80\xa6 "); free(s);
	s = text_clip("\xe5\xb1\xb1\xe7\x94\xb0\xe5\xb1\xb1", 4, 0, 0);
	CHECK_STR(s, "\xe5\xb1\xb1\xe2\x80\xa6"); free(s);
	s = text_clip("\xe5\xb1\xb1\xe7\x94\xb0\xe5\xb1\xb1", 5, 1, 0);
	CHECK_STR(s, "\xe5\xb1\xb1\xe7\x94\xb0\xe2\x80\xa6"); free(s);
	s = text_clip("\xe5\xb1\xb1\xe7\x94\xb0\xe5\xb1\xb1", 4, 1, 1);
	CHECK_STR(s, "\xe5\xb1\xb1~ "); free(s);
	CHECK_INT(text_width("\xe5\xb1\xb1~ ", 5), 4);
	s = text_clip("abc", 0, 1, 0);
	CHECK_STR(s, ""); free(s);
	s = text_clip("abc", 1, 0, 0);
	CHECK_STR(s, "\xe2\x80\xa6"); free(s);
	s = text_clip(NULL, 3, 1, 0);
	CHECK_STR(s, "   "); free(s);
}

/* A base character keeps its marks: fit, clip and the Markdown wrap move
 * whole clusters. */
TEST(cluster_keeps_marks_with_base)
{
	int w = -9;

	CHECK_INT(text_cluster("e\xcc\x81x", 4, &w), 3); CHECK_INT(w, 1);   /* e + acute */
	CHECK_INT(text_cluster("Z\xcc\xa4\xcd\x94\xcd\xa7!", 8, &w), 7); CHECK_INT(w, 1); /* stacked marks */
	CHECK_INT(text_cluster("\xe3\x81\x8b\xe3\x82\x99", 6, &w), 6); CHECK_INT(w, 2); /* か + dakuten */
	CHECK_INT(text_cluster("\xe2\x9d\xa4\xef\xb8\x8f", 6, &w), 6); CHECK_INT(w, 1); /* ❤ + VS16 */
	/* man ZWJ woman: the joiner stays with the man, the woman is her own */
	CHECK_INT(text_cluster("\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9", 11, &w), 7);
	CHECK_INT(w, 2);
	CHECK_INT(text_cluster("ab", 2, &w), 1); CHECK_INT(w, 1);
	/* the length is honoured, and a newline never carries marks */
	CHECK_INT(text_cluster("e\xcc\x81", 1, &w), 1); CHECK_INT(w, 1);
	CHECK_INT(text_cluster("\n\xcc\x81", 3, &w), 1); CHECK_INT(w, 0);
}

TEST(find_case_insensitive)
{
	CHECK_INT(text_find("Hello World", "world"), 6);
	CHECK_INT(text_find("Hello World", "WORLD"), 6);
	CHECK_INT(text_find("Hello", "xyz"), -1);
	CHECK_INT(text_find("Hello", ""), 0);
	CHECK_INT(text_find("", "a"), -1);
	CHECK_INT(text_find("Zo\xc3\xab Smith", "smith"), 5);
	CHECK_INT(text_find(NULL, "a"), -1);
}

/* Names sort as a reader expects: Łukasz among the L's, not after Zoë. */
TEST(collate_folds_case_and_accents)
{
#define COLL(a, b) text_collate(a, strlen(a), b, strlen(b))
	CHECK(COLL("\xc5\x81ukasz", "Maren") < 0);      /* Łukasz < Maren */
	CHECK(COLL("\xc5\x81ukasz", "Lisa") > 0);       /* Łukasz > Lisa */
	CHECK(COLL("Zo\xc3\xab", "Zora") < 0);           /* Zoë < Zora */
	CHECK(COLL("amara", "Bea") < 0);                 /* case ignored */
	CHECK(COLL("Zoe", "\xe5\xb1\xb1\xe7\x94\xb0") < 0); /* Latin before CJK */
	CHECK(COLL("Zo\xc3\xab", "Zoe") != 0);           /* equal folds still ordered */
	CHECK(COLL("abc", "abc") == 0);
	CHECK(COLL("ab", "abc") < 0);
#undef COLL
}

int main(void)
{
	harness_init();
	RUN(decode_valid);
	RUN(decode_invalid_is_one_byte_fffd);
	RUN(cpwidth);
	RUN(width_mixed_scripts);
	RUN(sanitize_plain_text_unchanged);
	RUN(sanitize_c0_and_del);
	RUN(sanitize_tabs);
	RUN(sanitize_escape_sequences);
	RUN(sanitize_disguised_escapes);
	RUN(sanitize_invalid_utf8_and_bidi);
	RUN(sanitize_every_byte_is_safe);
	RUN(ascii_span_stops_at_the_first_other_byte);
	RUN(sanitize_ascii_mode);
	RUN(collate_folds_case_and_accents);
	RUN(sanitize_buf_appends);
	RUN(fit_by_columns);
	RUN(clip_ellipsis_and_pad);
	RUN(cluster_keeps_marks_with_base);
	RUN(find_case_insensitive);
	return harness_done();
}
