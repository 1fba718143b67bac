#!/usr/bin/perl
# gen-man.pl - writes nmsrules(1) from its template and the program's own
# --help texts, so the manual and --help cannot drift apart: the
# synopsis, every command with every option, the program's options and
# the exit-status table all come from the program.
#
#   perl man/gen-man.pl BUILD/nmsrules man/nmsrules.1.in VERSION OUTPUT
#
# The help texts follow one layout (repl/front/options.h): a "usage:"
# line, prose paragraphs, option lines "  -o, --output FILE   text" whose
# text continues on lines indented past the option column, and in the
# program's usage "commands:", "options:" and "exit status:" sections.
use strict;
use warnings;

my ($program, $template, $version, $output) = @ARGV;
die "usage: gen-man.pl PROGRAM TEMPLATE VERSION OUTPUT\n" unless defined $output;

sub help {
    my @args = @_;
    open(my $fh, '-|', $program, @args) or die "gen-man.pl: cannot run $program: $!\n";
    local $/;
    my $text = <$fh>;
    close($fh) or die "gen-man.pl: '$program @args' failed\n";
    utf8::decode($text);
    return $text;
}

# Text for roff: backslashes, hyphens that start an option or stand
# alone, characters beyond ASCII as \[uXXXX], and a line-leading . or '.
sub esc {
    my ($s) = @_;
    $s =~ s/\\/\\e/g;
    $s =~ s/(?<![\w])-/\\-/g;
    $s =~ s/([^\x00-\x7f])/sprintf('\[u%04X]', ord($1))/ge;
    return $s;
}

sub line_out {
    my ($s) = @_;
    $s = esc($s);
    $s = "\\&$s" if $s =~ /^[.']/;
    return "$s\n";
}

# An option column or a synopsis: options bold, placeholders italic.
sub fonts {
    my ($s) = @_;
    my $out = '';
    for my $tok (split /(\s+|,|\[|\]|=|\||\.\.\.)/, $s) {
        next if $tok eq '';
        if ($tok =~ /^-/) {
            $out .= '\fB' . esc($tok) . '\fR';
        } elsif ($tok =~ /^[A-Z][A-Z_]*(\.json)?$/) {
            $out .= '\fI' . esc($tok) . '\fR';
        } else {
            $out .= esc($tok);
        }
    }
    return $out;
}

# One help text (without its usage line) as roff: paragraphs and tagged
# paragraphs for the option lines and the exit-status rows.
sub body {
    my ($text) = @_;
    my $out = '';
    my $in_item = 0;
    for my $line (split /\n/, $text) {
        if ($line =~ /^\s*$/) {
            $out .= ".PP\n" unless $out =~ /\.PP\n$/ || $out eq '';
            $in_item = 0;
        } elsif ($line =~ /^  (-\S.*?)(?:\s{2,}(\S.*))?$/) {
            $out .= ".TP\n" . fonts($1) . "\n";
            $out .= line_out($2) if defined $2;
            $in_item = 1;
        } elsif ($line =~ /^  ([0-9])  (\S.*)$/) {
            $out .= ".TP\n.B $1\n" . line_out($2);
            $in_item = 1;
        } elsif ($in_item && $line =~ /^ {4,}(\S.*)$/) {
            $out .= line_out($1);
        } elsif ($line =~ /^[a-z ]+:$/) {
            next;    # the section's own heading stands in the template
        } else {
            $line =~ s/^\s+//;
            $out .= line_out($line);
            $in_item = 0;
        }
    }
    $out =~ s/\.PP\n$//;
    return $out;
}

# The program's usage, cut into its sections.
my $usage = help('--help');
my %section;
my $name = 'intro';
for my $line (split /\n/, $usage) {
    if ($line =~ /^([a-z ]+):$/) { $name = $1; next; }
    $section{$name} .= "$line\n";
}

my (@names, $synopsis);
for my $line (split /\n/, $section{commands}) {
    next unless $line =~ /^  ([a-z-]+)(.*?)\s{2,}/;
    push @names, $1;
    $synopsis .= ".br\n" if $synopsis;
    $synopsis .= '.B nmsrules' . "\n" . '[\fIOPTIONS\fR] \fB' . $1 . '\fR' .
        fonts($2) . "\n";
}

my $commands = '';
for my $cmd (@names) {
    my $text = help($cmd, '--help');
    $text =~ s/^usage: (.*)\n// or die "gen-man.pl: $cmd --help has no usage line\n";
    $commands .= '.SS "' . fonts($1) . "\"\n" . body($text);
}

my %fill = (
    VERSION => $version,
    SYNOPSIS => $synopsis,
    COMMANDS => $commands,
    OPTIONS => body($section{options}),
    EXIT_STATUS => body($section{'exit status'}),
);
# Written whole or not at all: a failed run leaves no half page behind.
open(my $in, '<', $template) or die "gen-man.pl: cannot open $template: $!\n";
open(my $out, '>', "$output.tmp") or die "gen-man.pl: cannot write $output.tmp: $!\n";
while (my $line = <$in>) {
    $line =~ s/\@(\w+)\@/exists $fill{$1} ? $fill{$1} : die "gen-man.pl: no \@$1\@\n"/ge;
    $line =~ s/\n\n$/\n/;
    print $out $line;
}
close($out) or die "gen-man.pl: cannot write $output.tmp: $!\n";
rename("$output.tmp", $output) or die "gen-man.pl: cannot rename to $output: $!\n";
