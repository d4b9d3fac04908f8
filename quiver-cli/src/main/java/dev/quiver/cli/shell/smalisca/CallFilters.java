package dev.quiver.cli.shell.smalisca;

import dev.quiver.core.query.ListQuery;
import picocli.CommandLine.Option;

/**
 * smalisca's call filters ({@code scl}, {@code dcl}): the calling side ({@code -fc}, {@code -fm},
 * {@code -fa}) and the called side ({@code -tc}, {@code -tm}, {@code -ta}), all of which must
 * hold. {@code -fm} matches the calling method's name (with a {@code (}: name and descriptor), so
 * overloads are told apart; smalisca kept only the name. {@code -ta} works (it crashed smalisca).
 */
final class CallFilters {
    @Option(names = "-fc", paramLabel = "CLASS", description = "The calling class contains CLASS.")
    String fromClass;

    @Option(names = "-fm", paramLabel = "METHOD",
            description = "The calling method's name contains METHOD (with a '(': its name and descriptor, encrypt([B)).")
    String fromMethod;

    @Option(names = "-tc", paramLabel = "CLASS", description = "The called class contains CLASS.")
    String toClass;

    @Option(names = "-tm", paramLabel = "METHOD", description = "The called method's name contains METHOD.")
    String toMethod;

    @Option(names = "-fa", paramLabel = "REGS", description = "The argument registers contain REGS (v0, p1).")
    String localArgs;

    @Option(names = "-ta", paramLabel = "TYPES", description = "The called method's parameter types contain TYPES.")
    String destArgs;

    /** Whether any filter of the calling side is given. */
    boolean fromSide() {
        return fromClass != null || fromMethod != null || localArgs != null;
    }

    /** Whether any filter of the called side is given. */
    boolean toSide() {
        return toClass != null || toMethod != null || destArgs != null;
    }

    /** The filters on a query of Quiver's calls. */
    ListQuery apply(ListQuery q) {
        Table t = Table.CALLS;
        q = on(q, t, "from_class", fromClass);
        q = on(q, t, "from_method", fromMethod);
        q = on(q, t, "local_args", localArgs);
        q = on(q, t, "dst_class", toClass);
        q = on(q, t, "dst_method", toMethod);
        return on(q, t, "dst_args", destArgs);
    }

    private static ListQuery on(ListQuery q, Table t, String col, String pattern) {
        return pattern == null ? q : t.column(col).filter().apply(q, pattern);
    }
}
