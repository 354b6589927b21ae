/** The --help text: commands, options, exit codes. */
export const USAGE = `Usage: dszd-term <command> [options]

Tags the terms of 数字社会定义集（6.0版） in HTML with <dszd-term term="…"> (the same matcher and skip rules as
the browser annotator), lists the entries, or looks terms up.

Commands:
  annotate <file|folder|->…   Tag HTML. A file goes to stdout (or -o <file>), - reads stdin and writes stdout,
                              a folder (a CMS export) goes into an output folder (-o <folder>): *.html and *.htm
                              are tagged recursively, other files are copied unchanged so the export stays
                              complete. Progress and a summary (tagged, matches, copied, failed) go to stderr.
                              Symbolic links inside a folder are skipped and reported, so a run never reads or
                              writes outside the folder.
    -o, --output <path>       Output file, or output folder for folders and several inputs.
    --in-place                Replace the inputs (atomically: temporary file, then rename; mode and owner kept).
                              Files with nothing to tag are left untouched; other files in a folder are left
                              alone. Read-only files and files with more than one hard link are refused.
    --force                   Replace existing output files (never the inputs: that takes --in-place); with
                              --in-place, also replace read-only and hard-linked files (a hard link is broken:
                              the other names keep the old text).
    --follow-symlinks         Follow symbolic links inside folders (links back to a folder above are not). Even
                              then nothing is written through a link to outside the output folder (in place: the
                              input folder).
    --occurrence first|all    Tag the first occurrence of each entry (default; already tagged ones count) or all.
    --exclude <selector>      CSS selector of more elements to leave untagged (on top of the built-in rules).
    --encoding <label>        Encoding of pages that declare none (no BOM, no <meta charset>); default utf-8.
                              Declared GBK / GB2312 / GB18030 pages are read and written back in their encoding.
    --set <file.json>         A custom definition set (the data/definition-set.json format).
    --max-size <size>         Largest input read: bytes, or with K, M or G (1024-based); default 64M. Applies to
                              files, stdin and --set.
  list [--json]               The entries of the set (--json: the dist/definitions.json document).
  lookup <text>…              The terms found in the text, with definition and unit (--json for JSON).

Options for every command:
  --set <file.json>           Use a custom definition set.
  --max-size <size>           Largest --set file read (default 64M).
  -h, --help                  Show this help.
  -v, --version               Show the version.

A single file with no markup at all is refused as not HTML unless it is named *.html or *.htm (stdin is always
read as HTML). Binary files and bytes that are not valid in the page's encoding are refused, never garbled.
Only regular files are read: a FIFO, a device or a socket is refused, never waited on. Control characters in
file names are printed escaped (\\x1b, \\n, \\u202e). Ctrl-C or a kill removes the temporary file of a write
under way (exit 130 for SIGINT, 143 for SIGTERM).

Exit codes:
  0  done
  1  a file could not be tagged (missing, unreadable, not a regular file, over --max-size, binary, not HTML,
     bad encoding, read-only or hard-linked in place; in a folder run the other files are still done), or
     lookup found no term
  2  usage error: unknown command or option, bad option value, invalid --set, unsafe output (an input, inside
     the input folder, two inputs to one file, an existing file without --force)
`;
