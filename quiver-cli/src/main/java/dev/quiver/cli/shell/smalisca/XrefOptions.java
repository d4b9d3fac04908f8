package dev.quiver.cli.shell.smalisca;

import picocli.CommandLine.Option;

/**
 * smalisca's cross-reference options ({@code sxcl}, {@code dxcl}), read with method-level
 * semantics: {@code -c}/{@code -m} name the methods (class contains, name contains, ignoring case),
 * {@code -d to} walks to their callers and {@code -d from} to their callees, {@code --max-depth N}
 * levels beyond the direct calls. smalisca widened each level to whole classes and crashed
 * without {@code --max-depth}; here it defaults to 0 (direct calls only).
 */
final class XrefOptions {
    @Option(names = "-c", paramLabel = "CLASS", description = "The methods' class contains CLASS.")
    String className;

    @Option(names = "-m", paramLabel = "METHOD",
            description = "The methods' name contains METHOD (with a '(': name and descriptor, encrypt([B)).")
    String methodName;

    @Option(names = "-d", paramLabel = "to|from", required = true, completionCandidates = Directions.class,
            description = "to: who calls the methods (callers); from: what they call (callees).")
    String direction;

    @Option(names = "--max-depth", paramLabel = "N", arity = "0..1", fallbackValue = "1", defaultValue = "0",
            description = "Levels beyond the direct calls (default 0: direct calls only; without N: 1).")
    int maxDepth;

    @Option(names = "--dispatch", description = "Follow virtual dispatch through the app's class hierarchy (Quiver).")
    boolean dispatch;

    /** The values of {@code -d}, for completion. */
    static final class Directions extends java.util.ArrayList<String> {
        private static final long serialVersionUID = 1L;

        Directions() {
            super(java.util.List.of("to", "from"));
        }
    }

    /** Checks the options; the message of what is wrong, or null. */
    String problem() {
        if (!direction.equals("to") && !direction.equals("from")) {
            return "-d takes 'to' (callers) or 'from' (callees), not '" + direction + "'";
        }
        if (className == null && methodName == null) {
            return "give -c CLASS and/or -m METHOD: the methods whose calls to follow";
        }
        if (maxDepth < 0) {
            return "--max-depth must be 0 or more";
        }
        return null;
    }

    /** Whether the walk goes to callers. */
    boolean callers() {
        return direction.equals("to");
    }

    /** The methods as a glob over full signatures: {@code *CLASS*->*METHOD*(*}. */
    String methods() {
        String cls = className == null ? "*" : "*" + className + "*";
        return methodName == null ? cls + "->*" : cls.substring(0, cls.length() - 1) + Table.memberGlob(methodName);
    }

    /** Quiver's depth: the direct calls are level 1. */
    int depth() {
        return maxDepth + 1;
    }
}
