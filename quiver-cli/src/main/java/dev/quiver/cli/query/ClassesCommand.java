package dev.quiver.cli.query;

import dev.quiver.core.query.ListQuery;
import dev.quiver.core.query.Listing;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code quiver classes [PATTERN]}: classes, filtered by name, flags, superclass, hierarchy, file. */
@Command(name = "classes", mixinStandardHelpOptions = true,
        description = {"List classes defined in an index.",
            "",
            "Filters match exactly, as a substring, as a glob (a value with * or ?) or as a regex (--regex); "
                + "'_' and '%' are ordinary characters. Columns: id, class, flags, superclass, interfaces, "
                + "annotations, source_file, methods, fields, duplicate, path, line, app."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  quiver classes 'Lcom/example/*'",
            "  quiver classes --extends Landroid/content/BroadcastReceiver;",
            "  quiver classes --implements Ljava/lang/Runnable; --direct --json",
            "  quiver classes --flags 'public abstract' --count",
            "  quiver classes -i '*cipher*' --columns class,superclass,path"})
public final class ClassesCommand extends ListingCommand {
    @Parameters(arity = "0..1", paramLabel = "PATTERN", description = "Class descriptor (Lcom/a/B;) or pattern.")
    String pattern;

    @Option(names = "--class", paramLabel = "PATTERN", description = "Class descriptor (the same as PATTERN).")
    String clazz;

    @Option(names = {"--super", "--superclass"}, paramLabel = "PATTERN", description = "Direct superclass.")
    String superclass;

    @Option(names = "--flags", paramLabel = "KEYWORDS",
            description = "Access flags that must be present ('public static'); prefix ! for absent ('!abstract').")
    String flags;

    @Option(names = "--annotation", paramLabel = "PATTERN", description = "A class annotation type.")
    String annotation;

    @Option(names = "--source-file", paramLabel = "PATTERN", description = "The .source attribute.")
    String sourceFile;

    @Option(names = "--path", paramLabel = "PATTERN", description = "The source file path within its input.")
    String path;

    @Option(names = "--extends", paramLabel = "TYPE",
            description = "Classes extending TYPE, through any chain of the app's classes (TYPE may be a framework "
                    + "class such as Landroid/app/Activity;).")
    String extendsType;

    @Option(names = "--implements", paramLabel = "TYPE",
            description = "Classes implementing interface TYPE, directly, through a superclass, or through an "
                    + "interface extending it.")
    String implementsType;

    @Option(names = "--direct", description = "--extends/--implements: one level only.")
    boolean direct;

    @Override
    protected Listing listing() {
        return Listing.CLASSES;
    }

    @Override
    protected void filters(Map<String, String> out) {
        if (pattern != null && clazz != null) {
            throw usage("give the class either as PATTERN or with --class, not both");
        }
        out.put("class", pattern != null ? pattern : clazz);
        out.put("superclass", superclass);
        out.put("flags", flags);
        out.put("annotations", annotation);
        out.put("source_file", sourceFile);
        out.put("path", path);
    }

    @Override
    protected ListQuery refine(ListQuery q) {
        if (direct && extendsType == null && implementsType == null) {
            throw usage("--direct goes with --extends or --implements");
        }
        return q.withHierarchy(extendsType, implementsType, direct);
    }
}
