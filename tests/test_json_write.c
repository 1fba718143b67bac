/*
 * test_json_write.c - the record writer's string escapes
 * (core/output/json_write.h). put_escaped finds runs of plain bytes
 * sixteen or eight at a time; this compares it with the rule it
 * implements, applied a byte at a time, for every byte value that needs a
 * look of its own at every place in strings of every length around the
 * block sizes, so that a block boundary or a first mark found one byte
 * off shows as different output.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "output/json_write.h"

/* The rule, a byte at a time: a plain byte as it is, a valid UTF-8
 * sequence above U+009F as it is, anything else its escape. */
static void escaped_slowly(struct json_out *j, const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;

    while (i < len) {
        unsigned cp;
        size_t n;

        if (plain_ascii(u[i])) {
            put_char(j, (char)u[i++]);
            continue;
        }
        n = u[i] >= 0x80 ? nms_utf8_seq(u + i, len - i, &cp) : 0;
        if (n > 0 && cp > 0x9F) {
            put_bytes(j, u + i, n);
            i += n;
            continue;
        }
        i += put_escape(j, u + i, len - i);
    }
}

static void assert_escapes_alike(const char *s, size_t len)
{
    static struct json_out want, got;

    json_init(&want, NULL, 0);
    json_init(&got, NULL, 0);
    escaped_slowly(&want, s, len);
    put_escaped(&got, s, len);
    assert_int_equal(got.len, want.len);
    assert_memory_equal(got.buf, want.buf, want.len);
}

/* Each special text at each offset of plain strings of 0 to 40 bytes,
 * alone and with a quote further on. */
static void escapes_found_at_every_offset(void **state)
{
    static const char *const specials[] = {
        "\"", "\\", "\n", "\x01", "\x1f", "\x7f", "\xc2\x85", "\xc2\xa0",
        "\xe2\x82\xac", "\xf0\x9f\x98\x80", "\x80", "\xff", "\xe2\x82",
        "\xc3\xa9", " ", "~"};
    char text[64];
    size_t len, at, second, k;

    (void)state;
    for (len = 0; len <= 40; len++)
        for (k = 0; k < sizeof specials / sizeof *specials; k++)
            for (at = 0; at + strlen(specials[k]) <= len; at++) {
                size_t n = strlen(specials[k]);

                memset(text, 'a' + (int)(at % 26), sizeof text);
                memcpy(text + at, specials[k], n);
                assert_escapes_alike(text, len);
                for (second = at + n; second < len; second += 7) {
                    text[second] = '"';
                    assert_escapes_alike(text, len);
                    text[second] = 'a' + (char)(at % 26);
                }
            }
}

/* Every byte value alone, and between runs of plain bytes longer than
 * a block. */
static void every_byte_escaped_as_one_at_a_time(void **state)
{
    char text[48];
    unsigned b;

    (void)state;
    for (b = 0; b < 256; b++) {
        memset(text, 'x', sizeof text);
        text[0] = (char)b;
        assert_escapes_alike(text, 1);
        text[0] = 'x';
        text[17] = (char)b;
        text[33] = (char)b;
        assert_escapes_alike(text, sizeof text);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(escapes_found_at_every_offset),
        cmocka_unit_test(every_byte_escaped_as_one_at_a_time),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
