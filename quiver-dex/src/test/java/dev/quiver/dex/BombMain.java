package dev.quiver.dex;

import dev.quiver.core.Indexer;
import dev.quiver.core.pipeline.ProgressListener;
import java.nio.file.Path;
import java.util.List;

/** Parses one APK into a database: run by {@link HostileApkTest} in a child JVM with a small heap. */
public final class BombMain {
    private BombMain() {
    }

    public static void main(String[] args) throws Exception {
        Indexer.index(new Indexer.Request(List.of(Path.of(args[0])), Path.of(args[1]), Indexer.Format.SQLITE, false,
                2, ".smali"), ProgressListener.NONE);
        System.out.println("max heap used " + (Runtime.getRuntime().totalMemory() >> 20) + " MiB");
    }
}
