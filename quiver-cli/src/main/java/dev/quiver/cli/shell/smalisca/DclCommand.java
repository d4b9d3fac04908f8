package dev.quiver.cli.shell.smalisca;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * smalisca's {@code dcl}: draws the calls {@code scl} would list, with {@code quiver graph calls}:
 * the calling side's methods with what they call, or the called side's methods with their callers.
 */
@Command(name = "dcl", mixinStandardHelpOptions = true,
        description = {"Draw calls. smalisca's dcl, through quiver graph calls (depth 1): with -fc/-fm, the methods "
                + "they name and every method they call (-tc narrows the called classes); with -tc/-tm/-ta, the "
                + "methods they name and every method calling them.",
            "",
            "A drawing of every call of an app is unreadable, so one side is needed; -fa (registers) cannot be drawn."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  dcl -fc gmail -fm init -f svg -o init.svg",
            "  dcl -tc Ljavax/crypto/Cipher; -tm getInstance -f png -o cipher-users.png"})
final class DclCommand extends DrawCommand {
    @Mixin
    CallFilters filters;

    @Override
    List<String> question() {
        if (filters.localArgs != null) {
            throw usage("-fa (argument registers) cannot be drawn: a call graph joins methods; list such calls with "
                    + "scl -fa");
        }
        if (!filters.fromSide() && !filters.toSide()) {
            throw usage("give the calling side (-fc/-fm: draw what it calls) or the called side (-tc/-tm/-ta: draw who "
                    + "calls it); a drawing of every call of an app is unreadable");
        }
        List<String> q = new ArrayList<>(List.of("calls"));
        if (filters.fromSide()) {
            if (filters.toMethod != null || filters.destArgs != null) {
                throw usage("with -fc/-fm, only -tc (a class) can narrow the called side; list calls between two "
                        + "given methods with scl");
            }
            q.addAll(List.of(methods(filters.fromClass, filters.fromMethod, null), "-i", "--match", "glob", "--callees",
                    "--depth", "1"));
            if (filters.toClass != null) {
                q.addAll(List.of("--include", "*" + filters.toClass + "*"));
            }
        } else {
            q.addAll(List.of(methods(filters.toClass, filters.toMethod, filters.destArgs), "-i", "--match", "glob",
                    "--callers", "--depth", "1"));
        }
        return q;
    }
}
