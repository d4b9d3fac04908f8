package dev.quiver.cli.graph;

import dev.quiver.core.graph.ClassGraph;
import dev.quiver.core.graph.ClassGraphQuery;
import dev.quiver.core.graph.Graph;
import dev.quiver.core.query.Deadline;
import dev.quiver.core.query.Index;
import dev.quiver.core.query.QueryException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code quiver graph classes}: inheritance and interface edges of a package or around a type. */
@Command(name = "classes",
        description = {"The class graph of a package and/or around a type: superclass (solid) and interface "
                + "(dashed) edges, with the direct supertypes of every class drawn too; framework supertypes are "
                + "grey, dashed nodes. java.lang.Object is left out as a supertype."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  quiver graph classes --package com.example.net -o net.svg",
            "  quiver graph classes --root android.content.BroadcastReceiver -o receivers.png",
            "  quiver graph classes --root 'Lcom/a/Base;' --package 'Lcom/a/*' --json",
            "  quiver graph classes --package com.example.crypto --members -o crypto.svg"})
public final class ClassGraphCommand extends GraphCommandBase {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--package", paramLabel = "GLOB",
            description = "Classes whose descriptor matches the glob ('Lcom/a/*' includes subpackages); a Java package "
                    + "name com.a means 'Lcom/a/*'. With --root: only the root's relatives in it.")
    String packageGlob;

    @Option(names = "--root", paramLabel = "TYPE",
            description = "A type (Lcom/a/B; or com.a.B, framework types too) with its supertypes and all its subtypes.")
    String root;

    @Option(names = "--members", description = "List each class's fields and methods in its box (as smalisca's dc "
            + "drew classes); JSON gives their full signatures.")
    boolean members;

    @Override
    protected void validateQuestion() {
        if (packageGlob == null && root == null) {
            throw usage("give --package GLOB, --root TYPE, or both");
        }
    }

    @Override
    protected Graph graph(Index index, Deadline deadline) throws QueryException {
        return ClassGraph.build(index, new ClassGraphQuery(packageGlob, root, maxNodes, members), deadline);
    }

    @Override
    protected String nothingFound(Graph g) {
        return g.nodes().size() == 1 ? g.nodes().get(0).id() + " has no supertype or subtype in the index"
                : "no class there extends or implements another (java.lang.Object is left out)";
    }
}
