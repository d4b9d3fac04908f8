package dev.quiver.cli.shell.smalisca;

import picocli.CommandLine.Command;

/** smalisca's {@code scs}: search const strings. */
@Command(name = "scs", mixinStandardHelpOptions = true,
        description = {"Search const strings. smalisca's scs: rows of smalisca's const_strings table (Quiver's strings) whose column -c "
                + "contains -p, ignoring case; every row without -c. 'scs -c ?' lists the columns."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  scs -c const_string_value -p http",
            "  scs -c const_string_method -p onCreate --reverse -r 20"})
final class ScsCommand extends ColumnSearchCommand {
    @Override
    Table table() {
        return Table.CONST_STRINGS;
    }
}
