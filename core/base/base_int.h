/*
 * base_int.h - helpers every part of core uses (strings.c, hash.c). Depends on
 * nothing else in core; nothing here is public.
 */
#ifndef NMS_BASE_INT_H
#define NMS_BASE_INT_H

#include <stddef.h>

/* Copies at most n bytes of s into a new NUL-terminated string the caller
 * frees, or NULL when out of memory. */
char *nms_strndup(const char *s, size_t n);

/* The bytes nms_put_without_nul writes for the `len` bytes at s: each NUL
 * takes three, as U+FFFD, and the terminator one. */
size_t nms_without_nul_size(const char *s, size_t len);

/* Writes the `len` bytes of s at dst (nms_without_nul_size bytes of room)
 * with each NUL, which would end the text early in every C string that
 * carries it on, as U+FFFD, then a terminator: a rule's text after a NUL
 * is not lost. Returns the byte after the terminator. */
char *nms_put_without_nul(char *dst, const char *s, size_t len);

/*
 * What snprintf(buf + at, size - at, "%s%s", sep, name) and
 * snprintf(buf + at, size - at, "[%zu]", index) do, without printf's
 * cost (the case reader builds a path for every field it reads): writes
 * what fits, terminated when anything fits, and returns the length the
 * whole text has.
 */
size_t nms_path_name(char *buf, size_t size, size_t at, const char *sep,
                     const char *name);
size_t nms_path_index(char *buf, size_t size, size_t at, size_t index);

/*
 * One step of the path to a value: a member's name, or (name NULL) an
 * array entry's index, on the C stack of the walk reading it, linked to
 * the step above (NULL at the top). A walk keeps the chain and writes the
 * path out only when a message quotes it: written for every value read,
 * it was ~5 % of reading a case and a third of the time walk, and almost
 * no case has a message.
 */
struct nms_path_step {
    const struct nms_path_step *up;
    const char *name;
    size_t index;
};

/*
 * Writes the path from the top down to `s` into buf ("vitals[0].t"; ""
 * for NULL) and returns its length. A path longer than buf is cut at a
 * character boundary: each step writes only past what the steps above it
 * wrote.
 */
size_t nms_path_steps(char *buf, size_t size, const struct nms_path_step *s);

/* Length of the first n bytes of s less any character that they cut in
 * half (s is valid UTF-8): where a text may be cut without leaving
 * invalid UTF-8 in the output. */
size_t nms_utf8_whole(const char *s, size_t n);

/* How an override value "76", "true" or "oral" is read: as a number, a
 * boolean or a string, the same way for the ruleset and for the output. */
enum nms_param_kind { NMS_PARAM_NUMBER, NMS_PARAM_BOOLEAN, NMS_PARAM_STRING };

/* Classifies `text`; a number is stored in *number, a boolean as 0 or 1. */
enum nms_param_kind nms_param_classify(const char *text, double *number);

/* The length of the decimal number `text` starts with, as the rules and
 * JSON write one: a sign, digits with at most one point, an exponent; 0
 * when it starts with none. strtod alone would also take leading spaces,
 * hexadecimal ("0x10" as 16) and "infinity", so a value mistyped could
 * pass as a number nobody meant. */
size_t nms_decimal_prefix(const char *text);

/* Reads the decimal number `text` starts with (nms_decimal_prefix) into
 * *value, with *end after it; -1 when it starts with none or the number
 * is not finite. errno is strtod's (ERANGE on an underflow). */
int nms_decimal_read(const char *text, double *value, const char **end);

/*
 * The length of the valid UTF-8 sequence at s (at most `left` bytes, left
 * > 0), or 0 when it is not one: a stray continuation byte, a truncated
 * sequence, an overlong form, a surrogate or a code point past U+10FFFF
 * (RFC 3629). Sets *cp to the code point. The JSON writer and the
 * program's terminal output (repl/cmd/term.c) both judge text with it.
 */
size_t nms_utf8_seq(const unsigned char *s, size_t left, unsigned *cp);

/* Whether code point cp is a bidirectional control (U+061C, U+200E-U+200F,
 * U+202A-U+202E, U+2066-U+2069): shown raw, one reorders the text after
 * it on the screen, so "met" can be made to read as something else
 * ("Trojan Source", CVE-2021-42574). Inline: the JSON writer asks it of
 * every character past U+009F. */
static inline int nms_cp_is_bidi(unsigned cp)
{
    return cp >= 0x061C &&
           (cp == 0x061C || cp == 0x200E || cp == 0x200F ||
            (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069));
}

/* The offset of the first byte of s (len bytes) that a reader's terminal
 * or editor would not show as itself: a C0 control (newline and tab
 * included), DEL, a C1 control, a bidirectional control, or a byte that
 * does not start a valid UTF-8 sequence; len when there is none. Ruleset
 * metadata (names, versions, titles, citations) must pass it whole:
 * every command prints them. */
size_t nms_text_unsafe_at(const char *s, size_t len);

/* Size of a hex SHA-256 with its NUL (hash.c). */
#define NMS_SHA256_HEX 65

/* Writes the SHA-256 of `len` bytes at `data` into out as 64 lower-case hex
 * digits. */
void nms_sha256_hex(const void *data, size_t len, char out[NMS_SHA256_HEX]);

#endif
