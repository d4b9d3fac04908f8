package dev.quiver.cli;

import picocli.CommandLine;

/**
 * Turns an exception that escaped a subcommand into one clear line on stderr and
 * {@link ExitCode#ERROR}. Stack traces only with {@code QUIVER_DEBUG=1}.
 */
final class FatalErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
        String msg = ex.getMessage() != null ? ex.getMessage() : ex.getClass().getSimpleName();
        cl.getErr().println("quiver: error: " + msg);
        if (System.getenv("QUIVER_DEBUG") != null) {
            ex.printStackTrace(cl.getErr());
        }
        cl.getErr().flush();
        return ExitCode.ERROR.code();
    }
}
