package dev.quiver.cli.shell.smalisca;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** smalisca's {@code dxcl}: draws what {@code sxcl} lists, with {@code quiver graph calls}. */
@Command(name = "dxcl", mixinStandardHelpOptions = true,
        description = {"Draw cross-references. smalisca's dxcl: the call graph of sxcl's answer, drawn by "
                + "quiver graph calls '*CLASS*->*METHOD*(*' -i --callers|--callees --depth N+1 (every call between the "
                + "methods reached, overloads apart)."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  dxcl -c gmail/xlibs -d to --max-depth 1 -f pdf -o /tmp/xcalls.pdf",
            "  dxcl -c Lcom/a/Receiver; -m onReceive -d from --max-depth 3 -f svg -o receiver.svg"})
final class DxclCommand extends DrawCommand {
    @Mixin
    XrefOptions xref;

    @Override
    List<String> question() {
        String problem = xref.problem();
        if (problem != null) {
            throw usage(problem);
        }
        List<String> q = new ArrayList<>(List.of("calls", xref.methods(), "-i", "--match", "glob",
                xref.callers() ? "--callers" : "--callees", "--depth", String.valueOf(xref.depth())));
        if (xref.dispatch) {
            q.add("--dispatch");
        }
        return q;
    }
}
