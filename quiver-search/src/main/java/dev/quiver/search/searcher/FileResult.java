package dev.quiver.search.searcher;

/**
 * What searching one file found.
 *
 * @param matchedLines lines that matched (after -v)
 * @param groups       what rg 13's {@code -c} counts: matching lines, except that with {@code -U} and a
 *                     pattern that can match a newline it counts matches (a match over 3 lines is 1)
 * @param matches      individual matches (counted when asked for)
 * @param lines        lines in the file (counted when asked for, else 0)
 * @param bytes        bytes searched, as rg 13 counts them: the file's size, but for a binary file
 *                     the offset of its NUL (named on the command line) or of the end of the lines
 *                     searched before the read holding the NUL (found while walking)
 * @param binary       a NUL byte was found (and the file was not searched as text)
 * @param encoding     what was decoded: "utf-8", "utf-16le", "utf-16be"
 * @param skipped      a binary file found while walking whose search was abandoned at the NUL
 *                     (as rg): it is neither counted nor listed by {@code --files-without-match}
 * @param binaryOffset the file offset of the NUL that made the file binary (as rg reports it: not
 *                     counting a UTF-8 BOM for a file found while walking), or -1
 */
public record FileResult(long matchedLines, long groups, long matches, long lines, long bytes, boolean binary, String encoding,
                         boolean skipped, long binaryOffset) {
    /** A file listed by {@code --files}: nothing was searched. */
    public static final FileResult NOT_SEARCHED = new FileResult(0, 0, 0, 0, 0, false, "utf-8", false, -1);

    public boolean matched() {
        return matchedLines > 0;
    }
}
