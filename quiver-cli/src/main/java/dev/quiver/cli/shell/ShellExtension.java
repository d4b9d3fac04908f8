package dev.quiver.cli.shell;

import java.util.Map;
import java.util.function.Supplier;

/** Commands a flavour of the shell adds (smalisca's analyzer adds smalisca's). */
public interface ShellExtension {
    /** Each command's name and a maker of fresh instances (one per run). */
    Map<String, Supplier<Object>> commands();

    /** The heading {@code help} lists these commands under. */
    String heading();
}
