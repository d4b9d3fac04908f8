package dev.quiver.core.graph;

/**
 * A class graph question: the superclass and interface edges of the classes in a package and/or
 * around a root type. At least one of {@code packageGlob} and {@code root} is given.
 *
 * @param packageGlob a glob over class descriptors ({@code Lcom/a/*}, which includes subpackages),
 *                    or a Java package name ({@code com.a}, read as {@code Lcom/a/*}); null for none
 * @param root        a type ({@code Lcom/a/B;}, {@code com.a.B} or {@code Landroid/app/Activity;}):
 *                    drawn with its supertypes and all its subtypes; null for none
 * @param maxNodes    refuse a graph with more nodes than this
 * @param members     list each class's fields and methods in its node (smalisca's class drawing)
 */
public record ClassGraphQuery(String packageGlob, String root, int maxNodes, boolean members) {
    public ClassGraphQuery {
        if (packageGlob == null && root == null) {
            throw new IllegalArgumentException("a package glob or a root type is needed");
        }
        if (maxNodes < 1) {
            throw new IllegalArgumentException("maxNodes must be at least 1");
        }
    }

    /** The classes of a package (glob), with the default cap. */
    public static ClassGraphQuery ofPackage(String glob) {
        return new ClassGraphQuery(glob, null, CallGraphQuery.DEFAULT_MAX_NODES, false);
    }

    /** A type with its supertypes and subtypes, with the default cap. */
    public static ClassGraphQuery ofRoot(String type) {
        return new ClassGraphQuery(null, type, CallGraphQuery.DEFAULT_MAX_NODES, false);
    }

    public ClassGraphQuery withPackage(String glob) {
        return new ClassGraphQuery(glob, root, maxNodes, members);
    }

    public ClassGraphQuery withRoot(String type) {
        return new ClassGraphQuery(packageGlob, type, maxNodes, members);
    }

    public ClassGraphQuery withMaxNodes(int n) {
        return new ClassGraphQuery(packageGlob, root, n, members);
    }

    public ClassGraphQuery withMembers(boolean m) {
        return new ClassGraphQuery(packageGlob, root, maxNodes, m);
    }
}
