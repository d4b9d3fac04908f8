package dev.quiver.cli.shell.smalisca;

import picocli.CommandLine.Command;

/** smalisca's {@code sm}: search methods. */
@Command(name = "sm", mixinStandardHelpOptions = true,
        description = {"Search methods. smalisca's sm: rows of smalisca's methods table (Quiver's methods) whose column -c "
                + "contains -p, ignoring case; every row without -c. 'sm -c ?' lists the columns."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  sm -c method_name -p encrypt",
            "  sm -c method_ret -p '[B' -s method_class",
            "  sm -c method_args -p Ljava/lang/String;"})
final class SmCommand extends ColumnSearchCommand {
    @Override
    Table table() {
        return Table.METHODS;
    }
}
