package dev.quiver.cli;

import dev.quiver.cli.terminal.Terminal;
import dev.quiver.search.Search;
import dev.quiver.search.SearchConfig;
import dev.quiver.search.SearchResult;
import dev.quiver.search.edit.EditorCommand;
import dev.quiver.search.match.MatchOptions;
import dev.quiver.search.match.MatchOptions.CaseMode;
import dev.quiver.search.print.OutputOptions;
import dev.quiver.search.print.OutputOptions.Mode;
import dev.quiver.search.report.Reporter;
import dev.quiver.search.walk.FileTypes;
import dev.quiver.search.walk.GlobException;
import dev.quiver.search.walk.WalkOptions;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code quiver search}: a parallel grep (ripgrep's answers, Black Arrow's features) with safe
 * search-and-replace. Validates the options, builds a {@link SearchConfig}, runs the engine and
 * maps the result to an exit code: 0 match, 1 no match, 2 error.
 */
@Command(name = "search", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Search files for a regex (java.util.regex syntax), in parallel.",
                "Exit status: 0 if something matched, 1 if nothing did, 2 if an error occurred."})
public final class SearchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "PATTERN [PATH...]",
            description = "The pattern (unless -e is given), then files or directories (default: the current directory; '-' is standard input).")
    List<String> positionals = new ArrayList<>();

    @Option(names = {"-e", "--regexp"}, paramLabel = "PATTERN", description = "A pattern to search for; repeatable (a line matches if any does).")
    List<String> regexps = new ArrayList<>();

    @Option(names = {"-F", "--fixed-strings"}, description = "Patterns are literal strings, not regexes.")
    boolean fixedStrings;

    @ArgGroup(exclusive = true)
    CaseGroup caseGroup;

    static final class CaseGroup {
        @Option(names = {"-i", "--ignore-case"}, description = "Match case-insensitively.")
        boolean ignoreCase;
        @Option(names = {"-S", "--smart-case"}, description = "Case-insensitive unless the pattern has an upper-case literal.")
        boolean smartCase;
        @Option(names = {"-s", "--case-sensitive"}, description = "Match case-sensitively (the default).")
        boolean caseSensitive;
    }

    @Option(names = {"-w", "--word-regexp"}, description = "Only matches not touching a word character on either side.")
    boolean word;
    @Option(names = {"-x", "--line-regexp"}, description = "Only matches that cover the whole line.")
    boolean lineRegexp;
    @Option(names = {"-v", "--invert-match"}, description = "Print the lines that do not match.")
    boolean invert;
    @Option(names = {"-m", "--max-count"}, paramLabel = "N", description = "Stop each file after N matching lines.")
    Long maxCount;
    @Option(names = {"-U", "--multiline"}, description = "Let matches span lines (the file is searched as a whole).")
    boolean multiline;

    @Option(names = {"--hidden"}, description = "Search hidden files and directories.")
    boolean hidden;
    @Option(names = {"--no-ignore"}, description = "Do not read .gitignore, .ignore or .rgignore files.")
    boolean noIgnore;
    @Option(names = {"-g", "--glob"}, paramLabel = "GLOB", description = "Only search files matching GLOB; '!GLOB' excludes. Repeatable.")
    List<String> globs = new ArrayList<>();
    @Option(names = {"-t", "--type"}, paramLabel = "TYPE", description = "Only search files of TYPE (see --type-list). Repeatable.")
    List<String> types = new ArrayList<>();
    @Option(names = {"-T", "--type-not"}, paramLabel = "TYPE", description = "Do not search files of TYPE. Repeatable.")
    List<String> typesNot = new ArrayList<>();
    @Option(names = {"--type-list"}, description = "List the file types and exit.")
    boolean typeList;
    @Option(names = {"--ignore"}, paramLabel = "REGEX", description = "Skip paths (relative to their root) matching REGEX (Black Arrow's -i). Repeatable.")
    List<String> ignoreRegexes = new ArrayList<>();
    @Option(names = {"--name"}, paramLabel = "REGEX", description = "Only search files whose name matches REGEX (Black Arrow's -f). Repeatable.")
    List<String> nameRegexes = new ArrayList<>();
    @Option(names = {"--max-depth"}, paramLabel = "N", description = "Descend at most N directories below each root.")
    Integer maxDepth;
    @Option(names = {"-L", "--follow"}, description = "Follow symbolic links (loops are detected and reported).")
    boolean follow;
    @Option(names = {"-a", "--text"}, description = "Search binary files (with NUL bytes) as text.")
    boolean text;

    @Option(names = {"-A", "--after-context"}, paramLabel = "N", description = "Show N lines after each match.")
    Integer after;
    @Option(names = {"-B", "--before-context"}, paramLabel = "N", description = "Show N lines before each match.")
    Integer before;
    @Option(names = {"-C", "--context"}, paramLabel = "N", description = "Show N lines before and after each match.")
    Integer context;
    @Option(names = {"-l", "--files-with-matches"}, description = "Print only the paths of files with a match.")
    boolean filesWithMatches;
    @Option(names = {"--files-without-match"}, description = "Print only the paths of searched files without a match.")
    boolean filesWithoutMatch;
    @Option(names = {"-c", "--count"}, description = "Print the number of matching lines per file.")
    boolean count;
    @Option(names = {"--count-matches"}, description = "Print the number of matches per file.")
    boolean countMatches;
    @Option(names = {"-o", "--only-matching"}, description = "Print each match on its own line, not the whole line.")
    boolean onlyMatching;
    @Option(names = {"--files"}, description = "Print the files that would be searched, and search nothing.")
    boolean files;
    @Option(names = {"--json"}, description = "Print results as JSON Lines, in ripgrep's format.")
    boolean json;
    @Option(names = {"-0", "--null"}, description = "Print a NUL byte after each path.")
    boolean nullSeparator;
    @Option(names = {"-p", "--pipe"}, description = "Black Arrow's pipe mode: path|line|match|stripped line|groups ('|' and '\\' escaped).")
    boolean pipe;
    @Option(names = {"-q", "--quiet"}, description = "Print nothing; the exit status says whether something matched.")
    boolean quiet;
    @Option(names = {"-n", "--line-number"}, description = "Print line numbers (the default).")
    boolean lineNumber;
    @Option(names = {"-N", "--no-line-number"}, description = "Do not print line numbers.")
    boolean noLineNumber;
    @Option(names = {"-H", "--with-filename"}, description = "Print the path on every line (default unless one file is searched).")
    boolean withFilename;
    @Option(names = {"-I", "--no-filename"}, description = "Never print the path.")
    boolean noFilename;
    @Option(names = {"--heading"}, negatable = true, description = "Group matches under each file's path (default on a terminal).")
    Boolean heading;
    @Option(names = {"--color", "--colour"}, paramLabel = "WHEN", defaultValue = "auto", description = "auto, always or never (auto: on a terminal, unless NO_COLOR is set).")
    String color;
    @Option(names = {"-M", "--max-columns"}, paramLabel = "N", description = "Cut lines longer than N bytes (default on a terminal: its width).")
    Integer maxColumns;
    @Option(names = {"--stats"}, description = "Print a summary: files searched and matched, matching lines, matches, lines and bytes searched, time.")
    boolean stats;

    @Option(names = {"-r", "--replace"}, paramLabel = "TEXT", description = "Show matches replaced by TEXT ($1, ${name} refer to groups; $$ is a dollar).")
    String replace;
    @Option(names = {"--write"}, description = "With -r: rewrite the files that match, atomically, keeping permissions, encoding and line endings.")
    boolean write;
    @Option(names = {"--dry-run"}, description = "With -r: print a unified diff of what --write would change; change nothing.")
    boolean dryRun;
    @Option(names = {"--edit"}, description = "Open the matches in $VISUAL or $EDITOR afterwards.")
    boolean edit;

    @Mixin
    JobsOption jobs;
    @Option(names = {"--sort"}, paramLabel = "HOW", description = "'path' for a stable order (still searched in parallel), or 'none'.")
    String sort;

    private final OutputStream testOut;
    Map<String, String> env = System.getenv();

    /** The command as run from the terminal: results go to the process's standard output, as bytes. */
    public SearchCommand() {
        this(null);
    }

    /** For tests: results go to {@code out} (never treated as a terminal). */
    public SearchCommand(OutputStream out) {
        this.testOut = out;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        if (typeList) {
            PrintWriter out = spec.commandLine().getOut();
            FileTypes.describe().forEach(out::println);
            out.flush();
            return ExitCode.OK.code();
        }
        boolean tty = testOut == null && Terminal.stdoutIsTerminal();
        SearchConfig cfg = config(tty);
        OutputStream out = testOut != null ? testOut : new FileOutputStream(FileDescriptor.out);
        Reporter reporter = new Reporter() {
            @Override
            public void error(String message) {
                synchronized (err) {
                    err.println("quiver: " + message);
                    err.flush();
                }
            }

            @Override
            public void note(String message) {
                synchronized (err) {
                    err.println("quiver: " + message);
                    err.flush();
                }
            }
        };
        Search search;
        try {
            search = new Search(cfg, reporter, edit);
        } catch (GlobException e) {
            // as rg: one line, no usage text (the glob is wrong, not the command line's shape)
            reporter.error(e.getMessage());
            return ExitCode.ERROR.code();
        } catch (PatternSyntaxException e) {
            throw new ParameterException(spec.commandLine(), "invalid pattern: " + e.getDescription()
                    + " near index " + e.getIndex() + ": " + e.getPattern());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        SearchResult result = search.run(out, tty);
        if (write || dryRun) {
            err.printf("quiver: %s %d replacement%s in %d file%s%n", dryRun ? "would make" : "made",
                    result.replacements(), result.replacements() == 1 ? "" : "s",
                    result.filesChanged(), result.filesChanged() == 1 ? "" : "s");
            err.flush();
        }
        if (edit) {
            int code = openEditor(result, err);
            if (code != ExitCode.OK.code()) {
                return code;
            }
        }
        if (result.errors()) {
            return ExitCode.ERROR.code();
        }
        return result.matched() ? ExitCode.OK.code() : ExitCode.NO_MATCH.code();
    }

    private int openEditor(SearchResult result, PrintWriter err) throws IOException, InterruptedException {
        if (result.editTargets().isEmpty()) {
            err.println("quiver: nothing to open: no matches");
            err.flush();
            return ExitCode.NO_MATCH.code();
        }
        if (result.editTargets().size() > EditorCommand.MAX_FILES) {
            err.printf("quiver: %d files match; opening the first %d%n", result.editTargets().size(), EditorCommand.MAX_FILES);
            err.flush();
        }
        List<String> cmd = EditorCommand.build(EditorCommand.editor(env), result.editTargets());
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        int rc = p.waitFor();
        if (rc != 0) {
            err.println("quiver: editor exited with status " + rc + ": " + cmd.get(0));
            err.flush();
            return ExitCode.ERROR.code();
        }
        return ExitCode.OK.code();
    }

    /** Validates the options and builds the engine's configuration. */
    SearchConfig config(boolean tty) {
        List<String> patterns = new ArrayList<>(regexps);
        List<String> pathArgs = new ArrayList<>(positionals);
        if (patterns.isEmpty()) {
            if (pathArgs.isEmpty() && !files) {
                throw new ParameterException(spec.commandLine(), "missing PATTERN (see 'quiver search --help')");
            }
            if (!files) {
                patterns.add(pathArgs.remove(0));
            }
        }
        if (files && patterns.isEmpty()) {
            patterns.add("");
        }
        if ((write || dryRun) && replace == null) {
            throw new ParameterException(spec.commandLine(), "--write and --dry-run need -r/--replace");
        }
        if ((write || dryRun) && invert) {
            throw new ParameterException(spec.commandLine(), "-v cannot be combined with --write or --dry-run");
        }
        if (write && dryRun) {
            throw new ParameterException(spec.commandLine(), "choose one of --write and --dry-run");
        }
        if (maxCount != null && maxCount < 0 || maxDepth != null && maxDepth < 0) {
            throw new ParameterException(spec.commandLine(), "counts and depths must not be negative");
        }
        int a = nonNegative(after != null ? after : context != null ? context : 0, "-A/-C");
        int b = nonNegative(before != null ? before : context != null ? context : 0, "-B/-C");
        int n = jobs.resolve();
        boolean sortPath = false;
        if (sort != null) {
            if (sort.equals("path")) {
                sortPath = true;
            } else if (!sort.equals("none")) {
                throw new ParameterException(spec.commandLine(), "--sort takes 'path' or 'none', not '" + sort + "'");
            }
        }
        for (String t : concat(types, typesNot)) {
            if (!FileTypes.exists(t)) {
                throw new ParameterException(spec.commandLine(), "unknown file type '" + t + "' (see --type-list)");
            }
        }
        for (String r : concat(ignoreRegexes, nameRegexes)) {
            try {
                Pattern.compile(r);
            } catch (PatternSyntaxException e) {
                throw new ParameterException(spec.commandLine(), "invalid regex '" + r + "': " + e.getDescription());
            }
        }
        Mode mode = mode();
        boolean colorOn = switch (color) {
            case "always" -> true;
            case "never" -> false;
            case "auto" -> tty && env.get("NO_COLOR") == null && !"dumb".equals(env.get("TERM"));
            default -> throw new ParameterException(spec.commandLine(), "--color takes auto, always or never");
        };
        boolean headingOn = heading != null ? heading : tty && mode == Mode.LINES;
        int columns = maxColumns != null ? maxColumns : tty && mode == Mode.LINES ? Terminal.width(env) : 0;
        Boolean filename = withFilename ? Boolean.TRUE : noFilename ? Boolean.FALSE : null;
        CaseMode caseMode = caseGroup == null || caseGroup.caseSensitive ? CaseMode.SENSITIVE
                : caseGroup.ignoreCase ? CaseMode.INSENSITIVE : CaseMode.SMART;
        MatchOptions match = MatchOptions.builder().patterns(patterns).fixedStrings(fixedStrings).caseMode(caseMode)
                .word(word).lineRegexp(lineRegexp).multiline(multiline).build();
        WalkOptions walk = WalkOptions.builder().hidden(hidden).noIgnore(noIgnore).globs(globs).types(types)
                .typesNot(typesNot).ignoreRegexes(ignoreRegexes).nameRegexes(nameRegexes)
                .maxDepth(maxDepth == null ? -1 : maxDepth).follow(follow).build();
        OutputOptions output = OutputOptions.builder().mode(mode).heading(headingOn).color(colorOn)
                .lineNumbers(!noLineNumber).withFilename(filename).onlyMatching(onlyMatching).before(b).after(a)
                .nullSeparator(nullSeparator).maxColumns(Math.max(0, columns)).build();
        SearchConfig.Builder config = SearchConfig.builder(match).invert(invert)
                .maxCount(maxCount == null ? -1 : maxCount).walk(walk).output(output).replacement(replace)
                .write(write).dryRun(dryRun).searchBinary(text).threads(n).sortByPath(sortPath).stats(stats);
        for (String p : pathArgs) {
            config.path(Path.of(p));
        }
        return config.build();
    }

    private Mode mode() {
        List<Mode> modes = new ArrayList<>();
        if (filesWithMatches) {
            modes.add(Mode.FILES_WITH_MATCHES);
        }
        if (filesWithoutMatch) {
            modes.add(Mode.FILES_WITHOUT_MATCH);
        }
        if (count && !countMatches) {
            // as rg: with -o, -c counts matches; with -U, see FileResult.groups
            modes.add(onlyMatching ? Mode.COUNT_MATCHES : Mode.COUNT);
        }
        if (countMatches) {
            modes.add(Mode.COUNT_MATCHES);
        }
        if (files) {
            modes.add(Mode.FILES);
        }
        if (json) {
            modes.add(Mode.JSON);
        }
        if (pipe) {
            modes.add(Mode.PIPE);
        }
        if (quiet) {
            modes.add(Mode.QUIET);
        }
        if (modes.size() > 1) {
            throw new ParameterException(spec.commandLine(), "choose one output mode, not " + modes);
        }
        return modes.isEmpty() ? Mode.LINES : modes.get(0);
    }

    private int nonNegative(int v, String name) {
        if (v < 0) {
            throw new ParameterException(spec.commandLine(), name + " must not be negative");
        }
        return v;
    }

    private static List<String> concat(List<String> x, List<String> y) {
        List<String> out = new ArrayList<>(x);
        out.addAll(y);
        return out;
    }
}
