package dev.quiver.cli.shell.smalisca;

import dev.quiver.cli.ExitCode;
import dev.quiver.core.query.Deadline;
import dev.quiver.core.query.Index;
import dev.quiver.core.query.ListQuery;
import dev.quiver.core.query.QueryException;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** smalisca's {@code scl}: call sites, filtered on the calling and the called side. */
@Command(name = "scl", mixinStandardHelpOptions = true,
        description = {"Search calls. smalisca's scl: every invoke instruction whose calling side (-fc, -fm, -fa) and "
                + "called side (-tc, -tm, -ta) contain the given texts, ignoring case; every call without filters. "
                + "from_method holds the caller's name and descriptor, so overloads are apart; kind is the invoke kind."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  scl -fc com/gmail -fm init -r 10",
            "  scl -tm create",
            "  scl -tc Ljavax/crypto/Cipher; -tm getInstance -x local_args,kind",
            "  scl -fm 'encrypt(Ljava/lang/String;)' -s dst_class"})
final class SclCommand extends TableCommand {
    @Mixin
    CallFilters filters;

    @Override
    protected ExitCode execute(Index index, Deadline deadline) throws QueryException, IOException {
        return print(index, deadline, Table.CALLS, filters.apply(ListQuery.of(Table.CALLS.listing())));
    }
}
