/*
 * floor.c - the floor of the benchmark (tests/bench/run, variant "floor"):
 * read JSON Lines and cJSON_Parse + cJSON_Delete each line, nothing else.
 *
 * Every case nmsrules evaluates is read and parsed with cJSON first, so no
 * ruleset can go faster than this; the targets are fractions of it.
 * It is the one program besides core/case_json.c that includes cJSON: it
 * measures cJSON itself.
 *
 *   floor [FILE]        parse every line of FILE (or stdin); prints
 *                       "<lines> lines, <bad> not valid JSON" on stderr
 *   floor --version     prints the cJSON version
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

/* Reads every line of `fp` and parses it; returns 0, or 1 on a read error. */
static int parse_lines(FILE *fp, unsigned long *lines, unsigned long *bad)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    int rc = 0;

    while ((len = getline(&line, &cap, fp)) != -1) {
        cJSON *doc;

        if (len <= 1)
            continue;   /* a blank line is no record */
        doc = cJSON_Parse(line);
        if (!doc)
            (*bad)++;
        cJSON_Delete(doc);
        (*lines)++;
    }
    if (ferror(fp))
        rc = 1;
    free(line);
    return rc;
}

int main(int argc, char **argv)
{
    unsigned long lines = 0, bad = 0;
    FILE *fp = stdin;
    int rc;

    if (argc > 1 && strcmp(argv[1], "--version") == 0) {
        printf("cJSON %s\n", cJSON_Version());
        return 0;
    }
    if (argc > 1 && strcmp(argv[1], "-") != 0) {
        fp = fopen(argv[1], "rb");
        if (!fp) {
            perror(argv[1]);
            return 2;
        }
    }
    rc = parse_lines(fp, &lines, &bad);
    if (fp != stdin)
        fclose(fp);
    if (rc != 0) {
        perror("floor: read error");
        return 2;
    }
    fprintf(stderr, "%lu lines, %lu not valid JSON\n", lines, bad);
    return 0;
}
