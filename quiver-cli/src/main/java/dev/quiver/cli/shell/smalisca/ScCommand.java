package dev.quiver.cli.shell.smalisca;

import picocli.CommandLine.Command;

/** smalisca's {@code sc}: search classes. */
@Command(name = "sc", mixinStandardHelpOptions = true,
        description = {"Search classes. smalisca's sc: rows of smalisca's classes table (Quiver's classes) whose column -c "
                + "contains -p, ignoring case; every row without -c. 'sc -c ?' lists the columns."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  sc -c class_name -p crypto -x path",
            "  sc -c class_package -p com.example -s class_name -r 10",
            "  sc -c class_type -p 'public final'"})
final class ScCommand extends ColumnSearchCommand {
    @Override
    Table table() {
        return Table.CLASSES;
    }
}
