package dev.quiver.cli.shell.smalisca;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** smalisca's {@code dc}: draws classes, with {@code quiver graph classes}. */
@Command(name = "dc", mixinStandardHelpOptions = true,
        description = {"Draw classes. smalisca's dc, through quiver graph classes: the classes whose name "
                + "(-c class_name) or package (-c class_package) contains -p, with their superclasses and interfaces "
                + "(smalisca drew packages with each class's fields and methods instead). The pattern is a glob over "
                + "class descriptors there, so it is case-sensitive; without -c, every class (refused by quiver graph's "
                + "node cap on a large app)."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  dc -c class_name -p com/gmail/xservices -f svg -o classes.svg",
            "  dc -c class_package -p com.example.net -f png -o net.png"})
final class DcCommand extends DrawCommand {
    @Option(names = "-c", paramLabel = "COLUMN", completionCandidates = Columns.class,
            description = "class_name or class_package.")
    String column;

    @Option(names = "-p", paramLabel = "PATTERN", description = "Text the column contains (case-sensitive here).")
    String pattern;

    /** The columns {@code dc} can draw by. */
    static final class Columns extends java.util.ArrayList<String> {
        private static final long serialVersionUID = 1L;

        Columns() {
            super(List.of("class_name", "class_package"));
        }
    }

    @Override
    List<String> question() {
        if (column == null) {
            if (pattern != null) {
                throw usage("-p needs -c class_name or -c class_package");
            }
            return List.of("classes", "--package", "*");
        }
        if (pattern == null) {
            throw usage("-c " + column + " needs -p PATTERN");
        }
        return switch (column) {
            case "class_name" -> List.of("classes", "--package", "*" + pattern + "*");
            case "class_package" -> List.of("classes", "--package", "*" + pattern.replace('.', '/') + "*/*");
            default -> throw usage("dc draws classes by class_name or class_package, not " + column
                    + " (sc -c " + column + " lists them)");
        };
    }
}
