package dev.quiver.cli.shell.smalisca;

import dev.quiver.cli.shell.ShellExtension;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** smalisca's analyzer commands, added to the shell by {@code quiver analyzer}. */
public final class SmaliscaCommands implements ShellExtension {
    @Override
    public Map<String, Supplier<Object>> commands() {
        Map<String, Supplier<Object>> m = new LinkedHashMap<>();
        m.put("s", SCommand::new);
        m.put("sc", ScCommand::new);
        m.put("sp", SpCommand::new);
        m.put("scs", ScsCommand::new);
        m.put("sm", SmCommand::new);
        m.put("scl", SclCommand::new);
        m.put("sxcl", SxclCommand::new);
        m.put("dc", DcCommand::new);
        m.put("dcl", DclCommand::new);
        m.put("dxcl", DxclCommand::new);
        return m;
    }

    @Override
    public String heading() {
        return "smalisca's analyzer commands (see 'help s', 'sc -c ?')";
    }
}
