package dev.quiver.cli.shell.smalisca;

import picocli.CommandLine.Command;

/** smalisca's {@code sp}: search properties (fields). */
@Command(name = "sp", mixinStandardHelpOptions = true,
        description = {"Search properties (fields). smalisca's sp: rows of smalisca's properties table (Quiver's fields) whose column -c "
                + "contains -p, ignoring case; every row without -c. 'sp -c ?' lists the columns."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  sp -c property_class -p com/example",
            "  sp -c property_type -p 'Ljava/lang/String;' -s property_name"})
final class SpCommand extends ColumnSearchCommand {
    @Override
    Table table() {
        return Table.PROPERTIES;
    }
}
